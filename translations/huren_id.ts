<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Application</name>
    <message>
        <location filename="../app/ui/application.py" line="76"/>
        <source>This workstation may not open patient data.</source>
        <translation>Workstation ini tidak boleh membuka data pasien.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="29"/>
        <source>Patient search</source>
        <extracomment>The record behind a line (for tests and for the view&apos;s own use).</extracomment>
        <translation>Pencarian pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="30"/>
        <source>Chart opened</source>
        <translation>Rekam medis dibuka</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="31"/>
        <source>Lab report viewed</source>
        <translation>Laporan laboratorium dilihat</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="32"/>
        <source>Imaging study opened</source>
        <translation>Pemeriksaan pencitraan dibuka</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="33"/>
        <source>Order decision</source>
        <translation>Keputusan order</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="34"/>
        <source>Consent recorded</source>
        <translation>Persetujuan dicatat</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="35"/>
        <source>Sign-in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="36"/>
        <source>Sign-out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="37"/>
        <source>Screen locked</source>
        <translation>Layar dikunci</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="38"/>
        <source>Screen unlocked</source>
        <translation>Layar dibuka</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="47"/>
        <source>Minor failure</source>
        <translation>Kegagalan ringan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="48"/>
        <source>Serious failure</source>
        <translation>Kegagalan serius</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="49"/>
        <source>Major failure</source>
        <translation>Kegagalan besar</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="57"/>
        <source>(nobody signed in)</source>
        <translation>(tidak ada yang masuk)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../app/ui/audit_view.py" line="142"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <location filename="../app/ui/audit_view.py" line="155"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="144"/>
        <location filename="../app/ui/audit_view.py" line="155"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="145"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="146"/>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="147"/>
        <source>Patient, record or detail</source>
        <translation>Pasien, rekaman, atau rincian</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="148"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="149"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="150"/>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="153"/>
        <source>All users</source>
        <translation>Semua pengguna</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="155"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="155"/>
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="229"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} dari {total} entri</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="235"/>
        <location filename="../app/ui/audit_view.py" line="243"/>
        <source>The audit trail could not be read: {error}</source>
        <translation>Jejak audit tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="246"/>
        <source>No audit trail yet at {path}.</source>
        <translation>Belum ada jejak audit di {path}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="249"/>
        <source>The audit trail is intact: {n} entries verified.</source>
        <translation>Jejak audit utuh: {n} entri terverifikasi.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="239"/>
        <source>The audit trail is broken at line {line}: {reason}</source>
        <translation>Jejak audit rusak pada baris {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="254"/>
        <source>Lines that are not audit entries, not listed: {lines}.</source>
        <translation>Baris yang bukan entri audit, tidak ditampilkan: {lines}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="263"/>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="273"/>
        <source>Export failed: {error}</source>
        <translation>Ekspor gagal: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="275"/>
        <source>{n} entries written to {path}</source>
        <translation>{n} entri ditulis ke {path}</translation>
    </message>
</context>
<context>
    <name>BodyPart</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="44"/>
        <source>Head</source>
        <translation>Kepala</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="45"/>
        <source>Brain</source>
        <translation>Otak</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="46"/>
        <source>Neck</source>
        <translation>Leher</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="47"/>
        <source>Chest</source>
        <translation>Toraks</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="48"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="49"/>
        <source>Pelvis</source>
        <translation>Pelvis</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="50"/>
        <source>Cervical spine</source>
        <translation>Tulang belakang servikal</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="51"/>
        <source>Lumbar spine</source>
        <translation>Tulang belakang lumbal</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="52"/>
        <source>Knee</source>
        <translation>Lutut</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="53"/>
        <source>Breast</source>
        <translation>Payudara</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="54"/>
        <source>Heart</source>
        <translation>Jantung</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="55"/>
        <source>Liver</source>
        <translation>Hati</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="56"/>
        <source>Thyroid</source>
        <translation>Tiroid</translation>
    </message>
</context>
<context>
    <name>BrowserSignInFlow</name>
    <message>
        <location filename="../app/ui/sign_in_flow.py" line="47"/>
        <source>no web browser could be opened</source>
        <translation>peramban web tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>CatalogueStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="74"/>
        <source>Catalogue not loaded: {e}</source>
        <translation>Katalog tidak termuat: {e}</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="79"/>
        <source>Loading recognition catalogue…</source>
        <translation>Memuat katalog pengakuan bersama…</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="81"/>
        <source>from the platform</source>
        <translation>dari platform</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="81"/>
        <source>cached copy</source>
        <translation>salinan tersimpan</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="82"/>
        <source>bundled copy</source>
        <translation>salinan bawaan program</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="83"/>
        <source>Recognition catalogue {version} ({origin}), {n} items</source>
        <translation>Katalog pengakuan bersama {version} ({origin}), {n} pemeriksaan</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../app/ui/chart_panel.py" line="197"/>
        <source>{n} unreadable records were skipped (hover for details)</source>
        <translation>{n} rekam tidak dapat dibaca dan dilewati (arahkan kursor untuk rinciannya)</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="203"/>
        <source>Lab reports ({n})</source>
        <translation>Hasil laboratorium ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="204"/>
        <source>Trends</source>
        <translation>Tren</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="205"/>
        <source>Images ({n})</source>
        <translation>Citra ({n})</translation>
    </message>
</context>
<context>
    <name>ChartRequests</name>
    <message>
        <location filename="../app/ui/chart_requests.py" line="61"/>
        <source>The HIS launch was refused: {error}</source>
        <extracomment>The platform named the user of an HIS launch (a StaffMember): the window signs them in. The window comes to the front (asked for with the request).</extracomment>
        <translation>Peluncuran dari SIMRS ditolak: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="93"/>
        <source>Unknown item {code}</source>
        <translation>Item tidak dikenal {code}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="102"/>
        <source>No report {id} in this chart</source>
        <translation>Tidak ada laporan {id} di rekam medis ini</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../app/ui/consent_scan.py" line="69"/>
        <source>Could not read {name}: {error}</source>
        <translation>Tidak dapat membaca {name}: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="76"/>
        <source>{name} is not a PNG or JPEG image</source>
        <translation>{name} bukan gambar PNG atau JPEG</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="154"/>
        <source>Could not save the consent form: {error}</source>
        <translation>Formulir persetujuan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="157"/>
        <source>Consent form saved: {link}</source>
        <translation>Formulir persetujuan disimpan: {link}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="81"/>
        <source>Patient: {name}</source>
        <translation>Pasien: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="85"/>
        <source>Ordering physician: {name}</source>
        <translation>Dokter pengirim: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="97"/>
        <source>Why it is repeated: {reason}</source>
        <translation>Alasan pemeriksaan ulang: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="99"/>
        <source>Recognized prior result: {prior}</source>
        <translation>Hasil pemeriksaan sebelumnya yang diakui: {prior}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="101"/>
        <source>Expected fee: {fee}</source>
        <translation>Perkiraan biaya: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="89"/>
        <source>Total expected fee: {fee}</source>
        <translation>Total perkiraan biaya: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="176"/>
        <source>Consent to repeat tests — {patient}</source>
        <translation>Persetujuan tindakan (informed consent) pemeriksaan ulang — {patient}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="161"/>
        <source>What was explained to the patient</source>
        <translation>Yang telah dijelaskan kepada pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="78"/>
        <source>Who decides</source>
        <translation>Yang memberikan persetujuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="79"/>
        <source>The patient</source>
        <translation>Pasien sendiri</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="80"/>
        <source>A family member</source>
        <translation>Anggota keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="81"/>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="82"/>
        <source>Family member&apos;s full name</source>
        <translation>Nama lengkap anggota keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="83"/>
        <source>Relationship to the patient:</source>
        <translation>Hubungan dengan pasien:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="84"/>
        <source>Spouse</source>
        <translation>Suami/istri</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="85"/>
        <source>Parent</source>
        <translation>Orang tua</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="86"/>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="87"/>
        <source>Sibling</source>
        <translation>Saudara kandung</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="88"/>
        <source>Other guardian</source>
        <translation>Wali lainnya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="91"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="50"/>
        <source>How consent is given</source>
        <translation>Cara pemberian persetujuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="51"/>
        <source>Signature on screen</source>
        <translation>Tanda tangan di layar</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="52"/>
        <source>Signed paper form</source>
        <translation>Formulir kertas yang ditandatangani</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="53"/>
        <source>Verbal, with witness</source>
        <translation>Lisan, dengan saksi</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="59"/>
        <source>Printed consent form</source>
        <translation>Formulir persetujuan cetak</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="60"/>
        <source>Language for the patient:</source>
        <translation>Bahasa untuk pasien:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="61"/>
        <source>Print consent form…</source>
        <translation>Cetak formulir persetujuan…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="110"/>
        <source>Clear signature</source>
        <translation>Hapus tanda tangan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="97"/>
        <source>Print the consent form, let the patient or family member sign it, then scan it and attach the scan here.</source>
        <translation>Cetak formulir persetujuan, minta pasien atau anggota keluarga menandatanganinya, lalu pindai dan lampirkan hasil pindaiannya di sini.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="100"/>
        <source>Attach scan…</source>
        <translation>Lampirkan hasil pindai…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="112"/>
        <source>The patient or family member agrees aloud. Name the witness who heard it, such as a second member of staff.</source>
        <translation>Pasien atau anggota keluarga menyatakan setuju secara lisan. Sebutkan nama saksi yang mendengarnya, misalnya petugas kesehatan lain.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="115"/>
        <source>Witness:</source>
        <translation>Saksi:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="116"/>
        <source>Witness&apos;s full name</source>
        <translation>Nama lengkap saksi</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="181"/>
        <source>Patient consents</source>
        <translation>Pasien setuju</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="182"/>
        <source>Patient refuses</source>
        <translation>Pasien menolak</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="183"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="38"/>
        <location filename="../app/ui/consent_explanation.py" line="77"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="39"/>
        <source>{name} ({where})</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="47"/>
        <source>Other reason</source>
        <translation>Alasan lain</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="51"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="71"/>
        <location filename="../app/ui/consent_explanation.py" line="121"/>
        <source>no details</source>
        <translation>tidak ada rincian</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="63"/>
        <source>reference range {range}</source>
        <translation>nilai rujukan {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="57"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="28"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="111"/>
        <source>Consent to repeat tests</source>
        <translation>Persetujuan tindakan (informed consent) pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="134"/>
        <source>Test</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="135"/>
        <source>Why the doctor repeats it</source>
        <translation>Alasan dokter melakukan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="136"/>
        <source>Recognized prior result</source>
        <translation>Hasil pemeriksaan sebelumnya yang diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="137"/>
        <source>Expected fee</source>
        <translation>Perkiraan biaya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="196"/>
        <source>Enter the family member&apos;s name.</source>
        <translation>Isi nama anggota keluarga.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="197"/>
        <source>The order has no patient name.</source>
        <translation>Permintaan pemeriksaan tidak mencantumkan nama pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="198"/>
        <source>Choose the family member&apos;s relationship to the patient.</source>
        <translation>Pilih hubungan anggota keluarga dengan pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="199"/>
        <source>Attach the scan of the signed paper form.</source>
        <translation>Lampirkan hasil pindai formulir kertas yang sudah ditandatangani.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="201"/>
        <source>No signature yet: ask the signer to sign on screen.</source>
        <translation>Belum ada tanda tangan: minta penanda tangan untuk menandatangani di layar.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="202"/>
        <source>Enter the witness&apos;s name.</source>
        <translation>Isi nama saksi.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="203"/>
        <source>The clock gives no time zone; consent cannot be recorded (tell IT).</source>
        <translation>Jam sistem tidak memiliki zona waktu; persetujuan tidak dapat dicatat (hubungi bagian TI).</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="95"/>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="96"/>
        <source>Scan of the signed paper form</source>
        <translation>Hasil pindai formulir kertas yang ditandatangani</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="97"/>
        <source>Witness</source>
        <translation>Saksi</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="101"/>
        <source>Signature of the family member {name}</source>
        <translation>Tanda tangan anggota keluarga {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="103"/>
        <source>Signature of the family member</source>
        <translation>Tanda tangan anggota keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="106"/>
        <source>Signature of the patient {name}</source>
        <translation>Tanda tangan pasien {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="110"/>
        <source>Attached: {name} ({size} KB)</source>
        <translation>Terlampir: {name} ({size} KB)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="114"/>
        <source>No scan attached</source>
        <translation>Belum ada hasil pindai yang dilampirkan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="116"/>
        <source>No scan</source>
        <translation>Tidak ada hasil pindai</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="91"/>
        <source>Attach the scan of the signed consent form</source>
        <translation>Lampirkan hasil pindai formulir persetujuan yang sudah ditandatangani</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="92"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="232"/>
        <source>Consent form {patient} {date}</source>
        <translation>Formulir persetujuan {patient} {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="234"/>
        <source>Save the consent form for printing</source>
        <translation>Simpan formulir persetujuan untuk dicetak</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="235"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="44"/>
        <source>Informed consent to repeat a test already recognized between hospitals</source>
        <translation>Persetujuan tindakan (informed consent) pemeriksaan ulang atas hasil pemeriksaan yang telah diakui antarrumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="45"/>
        <source>Patient</source>
        <translation>Nama pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="46"/>
        <source>Ordering physician</source>
        <translation>Dokter pengirim</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="47"/>
        <source>Department</source>
        <translation>Unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="48"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="49"/>
        <source>Order no.</source>
        <translation>No. permintaan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="50"/>
        <source>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</source>
        <translation>Berdasarkan ketentuan pengakuan bersama hasil pemeriksaan antarrumah sakit, hasil pemeriksaan dari rumah sakit lain yang memenuhi syarat pengakuan pada dasarnya digunakan dan pemeriksaan tidak diulang. Untuk pemeriksaan di bawah ini hasil tersebut sudah ada, tetapi dokter Anda menyarankan pemeriksaan ulang dengan alasan yang tercantum.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="56"/>
        <source>Test</source>
        <translation>Nama pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="57"/>
        <source>Recognized result</source>
        <translation>Hasil yang diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="58"/>
        <source>Date of the result</source>
        <translation>Tanggal hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="59"/>
        <source>Hospital</source>
        <translation>Rumah sakit penerbit</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="60"/>
        <source>HR mark</source>
        <translation>Tanda HR</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="61"/>
        <source>Why the doctor recommends repeating it</source>
        <translation>Alasan dokter menyarankan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="62"/>
        <source>Fee (yuan)</source>
        <translation>Biaya (yuan)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="63"/>
        <source>Total expected fee</source>
        <translation>Total perkiraan biaya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="64"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="65"/>
        <source>reference range {range}</source>
        <translation>nilai rujukan {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="66"/>
        <source>{age} days old, recognized for {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, diakui selama {window} hari</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="67"/>
        <source>No details of the earlier result</source>
        <translation>Tidak ada rincian hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="68"/>
        <source>Other reason</source>
        <translation>Alasan lain</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="69"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="70"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="71"/>
        <source>The medical staff have explained to me that a result of the test(s) above from another hospital already exists and is recognized here, so the test would not normally need to be repeated. The doctor has told me why repeating it is recommended and what the repeat costs. I have been able to ask questions, and I understand that I am free to decline the repeat.</source>
        <translation>Tenaga kesehatan telah menjelaskan kepada saya bahwa hasil pemeriksaan di atas dari rumah sakit lain sudah ada dan diakui di rumah sakit ini, sehingga pada umumnya pemeriksaan tidak perlu diulang. Dokter telah menjelaskan alasan pemeriksaan ulang disarankan beserta biayanya. Saya telah diberi kesempatan untuk bertanya, dan saya mengerti bahwa saya berhak menolak pemeriksaan ulang.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="77"/>
        <source>I agree to repeat the test(s) listed above.</source>
        <translation>Saya setuju dilakukan pemeriksaan ulang atas pemeriksaan di atas.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="78"/>
        <source>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</source>
        <translation>Saya tidak setuju dilakukan pemeriksaan ulang; hasil pemeriksaan yang diakui dari rumah sakit lain akan digunakan.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="80"/>
        <source>Signature of the patient or family member</source>
        <translation>Tanda tangan pasien atau anggota keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="81"/>
        <source>Relationship to the patient</source>
        <translation>Hubungan dengan pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="82"/>
        <source>Nurse who explained</source>
        <translation>Perawat yang memberi penjelasan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="83"/>
        <source>Physician</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="84"/>
        <source>Date and time</source>
        <translation>Tanggal dan waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="85"/>
        <source>{patient} · order no. {order} · page {page} of {pages}</source>
        <translation>{patient} · no. permintaan {order} · halaman {page} dari {pages}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="86"/>
        <source>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</source>
        <translation>Jika anggota keluarga atau wali menandatangani atas nama pasien, tuliskan hubungannya dengan pasien.</translation>
    </message>
</context>
<context>
    <name>ConsentWorklistDialog</name>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="62"/>
        <source>Awaiting consent</source>
        <extracomment>A consent or refusal was kept (emitted when its write is done, with what it changed).</extracomment>
        <translation>Menunggu persetujuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="63"/>
        <source>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</source>
        <translation>Pemeriksaan ulang yang diminta dokter rumah sakit Anda. Jelaskan setiap pemeriksaan ulang kepada pasien atau keluarga, lalu catat persetujuan atau penolakannya.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="65"/>
        <source>Record consent…</source>
        <translation>Catat persetujuan…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="66"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="83"/>
        <source>The list may be incomplete: {sources} did not give all waiting orders.</source>
        <translation>Daftar mungkin tidak lengkap: {sources} tidak memberi semua order yang menunggu.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="90"/>
        <source>{patient} — {items}
ordered by {doctor}, {when}</source>
        <translation>{patient} — {items}
diminta oleh {doctor}, {when}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="119"/>
        <location filename="../app/ui/consent_worklist_dialog.py" line="129"/>
        <source>Consent not recorded</source>
        <translation>Persetujuan tidak tercatat</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="130"/>
        <source>The consent could not be saved on this computer ({error}). Record it again.</source>
        <translation>Persetujuan tidak dapat disimpan di komputer ini ({error}). Catat ulang.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="170"/>
        <source>Recognition dashboard</source>
        <translation>Dasbor pengakuan bersama hasil pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="171"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="172"/>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="173"/>
        <location filename="../app/ui/dashboard_view.py" line="198"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="174"/>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="175"/>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="175"/>
        <source>Week</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="175"/>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="178"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="179"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="180"/>
        <location filename="../app/ui/dashboard_view.py" line="200"/>
        <location filename="../app/ui/dashboard_view.py" line="301"/>
        <source>Recognized</source>
        <translation>Diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="181"/>
        <location filename="../app/ui/dashboard_view.py" line="200"/>
        <location filename="../app/ui/dashboard_view.py" line="301"/>
        <source>Repeated</source>
        <translation>Diulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="182"/>
        <location filename="../app/ui/dashboard_view.py" line="200"/>
        <source>Recognition rate</source>
        <translation>Tingkat pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="183"/>
        <source>Fees saved</source>
        <translation>Biaya yang dihemat</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Recognitions and repeats over time</source>
        <translation>Pengakuan dan pemeriksaan ulang dari waktu ke waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Repeats by reason</source>
        <translation>Pemeriksaan ulang menurut alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="186"/>
        <source>By department</source>
        <translation>Menurut unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="187"/>
        <source>By doctor</source>
        <translation>Menurut dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="188"/>
        <source>By item</source>
        <translation>Menurut pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="194"/>
        <location filename="../app/ui/dashboard_view.py" line="267"/>
        <source>All hospitals</source>
        <translation>Semua rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="198"/>
        <source>Department</source>
        <translation>Unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="198"/>
        <source>Doctor</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="199"/>
        <source>Item code</source>
        <translation>Kode pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="199"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="201"/>
        <location filename="../app/ui/dashboard_view.py" line="204"/>
        <source>Fees saved (¥)</source>
        <translation>Biaya yang dihemat (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="203"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="203"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="204"/>
        <location filename="../app/ui/dashboard_view.py" line="207"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="204"/>
        <location filename="../app/ui/dashboard_view.py" line="207"/>
        <source>Reason code</source>
        <translation>Kode alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="204"/>
        <source>Fee (¥)</source>
        <translation>Biaya (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="205"/>
        <source>Record</source>
        <translation>Rekam</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="206"/>
        <source>Period from</source>
        <translation>Periode mulai</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="207"/>
        <source>Repeats</source>
        <translation>Pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>recognized</source>
        <translation>diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>repeated</source>
        <translation>diulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="228"/>
        <source>The range ends before it starts.</source>
        <translation>Tanggal akhir lebih awal dari tanggal mulai.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="233"/>
        <source>Loading the order records of {start} to {end}…</source>
        <translation>Memuat catatan permintaan pemeriksaan {start} sampai {end}…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="254"/>
        <source>The order records could not be loaded: {error}</source>
        <translation>Catatan permintaan pemeriksaan tidak dapat dimuat: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="258"/>
        <source>Dates changed: press Refresh to search the platform again.</source>
        <translation>Tanggal berubah: tekan Muat ulang untuk mencari lagi di platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="269"/>
        <source>(hospital not known)</source>
        <translation>(rumah sakit tidak diketahui)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="311"/>
        <source>{n} decisions from {start} to {end}</source>
        <translation>{n} keputusan dari {start} sampai {end}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="315"/>
        <source>{source} incomplete: {gaps}</source>
        <translation>{source} tidak lengkap: {gaps}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="318"/>
        <source>{source} not reached: {message}</source>
        <translation>{source} tidak dapat dihubungi: {message}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="325"/>
        <source>Choose a folder for the CSV files</source>
        <translation>Pilih folder untuk berkas CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="338"/>
        <source>Export failed: {error}</source>
        <translation>Ekspor gagal: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="340"/>
        <source>{n} CSV files written to {folder}</source>
        <translation>{n} berkas CSV ditulis ke {folder}</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../app/ui/banners.py" line="33"/>
        <source>DEMO — synthetic data, not real patients (embedded demo platform)</source>
        <translation>DEMO — data sintetis, bukan pasien sungguhan (platform demo bawaan)</translation>
    </message>
    <message>
        <location filename="../app/ui/banners.py" line="34"/>
        <source>SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member</source>
        <translation>MASUK NONAKTIF — akun demo: siapa pun di workstation ini dapat bertindak sebagai staf mana pun</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../app/ui/document_view.py" line="152"/>
        <source>Opening the original document…</source>
        <translation>Membuka dokumen asli…</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="154"/>
        <source>Showing the first {n} of {total} pages.</source>
        <translation>Menampilkan {n} halaman pertama dari {total}.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="167"/>
        <source>The document could not be opened: {error}</source>
        <translation>Dokumen tidak dapat dibuka: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="170"/>
        <source>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</source>
        <translation>Huren tidak dapat menampilkan dokumen jenis ini ({type}): hanya PDF, PNG, dan JPEG.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="173"/>
        <source>The document is too large to open here (the limit is {mb} MB).</source>
        <translation>Dokumen terlalu besar untuk dibuka di sini (batasnya {mb} MB).</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="176"/>
        <source>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</source>
        <translation>Dokumen disimpan di server lain ({server}). Huren hanya membuka dokumen dari platform asal laporan.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="179"/>
        <source>The report names a document but carries neither its content nor its address.</source>
        <translation>Laporan menyebut sebuah dokumen, tetapi tidak memuat isi maupun alamatnya.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="181"/>
        <source>The document cannot be read: it is damaged or not what it claims to be ({detail}).</source>
        <translation>Dokumen tidak dapat dibaca: rusak atau bukan seperti yang dinyatakan ({detail}).</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="183"/>
        <source>The platform did not give the document: {detail}</source>
        <translation>Platform tidak memberikan dokumen: {detail}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="246"/>
        <source>Document {n}</source>
        <translation>Dokumen {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="255"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="256"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="257"/>
        <source>Fit width</source>
        <translation>Sesuaikan lebar</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="258"/>
        <source>Close the document</source>
        <translation>Tutup dokumen</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <location filename="../app/ui/viewer/image_pane.py" line="244"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} dari {total} citra telah diterima</translation>
    </message>
</context>
<context>
    <name>LabReportsView</name>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="174"/>
        <source>No report selected</source>
        <translation>Belum ada hasil pemeriksaan yang dipilih</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="180"/>
        <source>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</source>
        <translation>Laporan ini hanya tersedia sebagai dokumen cetaknya, tanpa hasil terstruktur. Pengakuannya dinilai untuk laporan secara keseluruhan.

{badge}: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="190"/>
        <source>Unknown hospital</source>
        <translation>Rumah sakit tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="191"/>
        <source> — status: {status}</source>
        <translation> — status: {status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="193"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; sampel diambil {when}{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="253"/>
        <location filename="../app/ui/lab_reports_view.py" line="274"/>
        <source>Original document</source>
        <translation>Dokumen asli</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="269"/>
        <source>Trend across hospitals</source>
        <translation>Tren antarrumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="275"/>
        <source>The report as the hospital printed it, beside the list</source>
        <translation>Laporan sebagaimana dicetak rumah sakit, di samping daftar</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../app/ui/lock_screen.py" line="78"/>
        <source>Huren is locked</source>
        <translation>Huren terkunci</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="79"/>
        <source>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</source>
        <translation>Dikunci pukul {time}: data pasien disembunyikan. {user} dapat membuka kunci; pengguna lain memilih dirinya di kotak Pengguna di atas, yang menutup pasien yang sedang dibuka.</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="82"/>
        <source>Unlock as {user}</source>
        <translation>Buka kunci sebagai {user}</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="100"/>
        <source>Locked</source>
        <translation>Terkunci</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="87"/>
        <source>not signed in</source>
        <extracomment>A demo account was picked in the User box. A language was picked (&quot;&quot; = the system&apos;s).</extracomment>
        <translation>belum masuk</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="105"/>
        <source>Awaiting consent ({n})</source>
        <translation>Menunggu persetujuan ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="131"/>
        <source>User: </source>
        <translation>Pengguna: </translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="132"/>
        <source>New lab order…</source>
        <translation>Permintaan laboratorium baru…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="133"/>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="134"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="135"/>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="136"/>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="137"/>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="171"/>
        <source>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely ({problem})</source>
        <translation>Masuk hanya selama Huren berjalan: komputer ini tidak memiliki keyring sistem untuk menyimpan sesi dengan aman ({problem})</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="192"/>
        <source>Images</source>
        <translation>Citra</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="193"/>
        <source>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</source>
        <translation>Rumah sakit tidak memberikan alamat untuk citra ini (tidak ada endpoint DICOMweb), sehingga citra tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="222"/>
        <source>Order not sent</source>
        <translation>Permintaan tidak terkirim</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="223"/>
        <source>The order could not be saved on this computer ({error}). Nothing was sent; order again.</source>
        <translation>Order tidak dapat disimpan di komputer ini ({error}). Tidak ada yang terkirim; buat order lagi.</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="161"/>
        <source>Administrators read the audit trail; patient records are for clinical staff</source>
        <translation>Administrator membaca jejak audit; rekam medis pasien hanya untuk tenaga klinis</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="217"/>
        <source>Order saved: waiting for the patient&apos;s consent</source>
        <translation>Permintaan pemeriksaan disimpan: menunggu persetujuan pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="218"/>
        <source>Recognition recorded; the patient saves the fee</source>
        <translation>Pengakuan dicatat; pasien tidak perlu membayar pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="266"/>
        <source>Huren — mutual recognition of results</source>
        <translation>Huren — pengakuan bersama hasil pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="268"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="270"/>
        <source>Huren {version}</source>
        <translation>Huren {version}</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="99"/>
        <source>Order check for the HIS is off: no service secret</source>
        <translation>Pemeriksaan order untuk SIMRS nonaktif: tidak ada rahasia layanan</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="106"/>
        <source>Order check for the HIS could not start: {error}</source>
        <translation>Pemeriksaan order untuk SIMRS tidak dapat dimulai: {error}</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../app/ui/order_dialog.py" line="144"/>
        <source>New lab order — {name}</source>
        <translation>Permintaan laboratorium baru — {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="145"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="147"/>
        <source>Search items and panels: name, code or LOINC</source>
        <translation>Cari pemeriksaan dan panel: nama, kode, atau LOINC</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="148"/>
        <source>Clinical notes</source>
        <translation>Catatan klinis</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="149"/>
        <source>Check prior results</source>
        <translation>Periksa hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="150"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="151"/>
        <source>Send order</source>
        <translation>Kirim permintaan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>Prior result</source>
        <translation>Hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>Date</source>
        <translation>Tanggal sampel</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>Mark</source>
        <translation>Tanda HR</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>Age / window</source>
        <translation>Usia hasil / batas waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>Decision</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>Reason for repeat</source>
        <translation>Alasan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="155"/>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="173"/>
        <source>Panel: {name} — {n} items</source>
        <translation>Panel: {name} — {n} pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="198"/>
        <source>Chosen: {names}</source>
        <translation>Dipilih: {names}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="198"/>
        <source>nothing yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="241"/>
        <source>printed report (value on the page)</source>
        <translation>laporan cetak (nilai pada halaman)</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="249"/>
        <source>Recognize prior result</source>
        <translation>Akui hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="250"/>
        <source>Repeat</source>
        <translation>Ulangi pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="251"/>
        <source>— choose a reason —</source>
        <translation>— pilih alasan —</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="254"/>
        <source>Free text (required for &apos;Other&apos;)</source>
        <translation>Keterangan bebas (wajib untuk &apos;Lainnya&apos;)</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="256"/>
        <source>{age} d / {window} d</source>
        <translation>{age} hr / {window} hr</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="259"/>
        <source>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</source>
        <translation>Pemeriksaan berikut sudah memiliki hasil dari rumah sakit lain yang diakui di sini. Akui hasil tersebut (pasien tidak perlu membayar), atau ulangi pemeriksaan dengan alasan; pemeriksaan ulang memerlukan persetujuan pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="265"/>
        <source>no prior result</source>
        <translation>tidak ada hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="267"/>
        <source>Ordered as usual (no recognizable prior result): {items}</source>
        <translation>Diminta seperti biasa (tidak ada hasil sebelumnya yang dapat diakui): {items}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="270"/>
        <source>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</source>
        <translation>Hasil sebelumnya mungkin kurang: {sources} tidak memberi jawaban lengkap. Item tanpa hasil sebelumnya yang dapat diakui mungkin tetap memilikinya di sana.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="297"/>
        <source>{item}: choose a reason for the repeat</source>
        <translation>{item}: pilih alasan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="298"/>
        <source>{item}: explain the reason in the note</source>
        <translation>{item}: jelaskan alasannya di keterangan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="299"/>
        <source>{item}: there is no prior result to recognize</source>
        <translation>{item}: tidak ada hasil sebelumnya yang dapat diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="332"/>
        <source>Order not sent</source>
        <translation>Permintaan tidak terkirim</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="48"/>
        <source>{n} records refused by the platform (hover for why)</source>
        <extracomment>How often the outbox is tried while records wait (ms); each entry backs off on its own.</extracomment>
        <translation>{n} rekam ditolak oleh platform (arahkan kursor untuk alasannya)</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="51"/>
        <source>{n} records waiting to be sent</source>
        <translation>{n} rekam menunggu dikirim</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="53"/>
        <source>All records sent</source>
        <translation>Semua rekam telah dikirim</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="57"/>
        <source>{when}: {error}</source>
        <translation>{when}: {error}</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>M</source>
        <translation>L</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>F</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="44"/>
        <source>Se {n}</source>
        <translation>Se {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="47"/>
        <source>Im {i}/{n}</source>
        <translation>Cit {i}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="49"/>
        <source>Frame {f}/{n}</source>
        <translation>Bingkai {f}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="52"/>
        <source>Pos {z:.1f} mm</source>
        <translation>Pos {z:.1f} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="54"/>
        <source>Thk {t:g} mm</source>
        <translation>Tebal {t:g} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="59"/>
        <source>W {w:.0f} L {c:.0f}</source>
        <translation>W {w:.0f} L {c:.0f}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="61"/>
        <source>Zoom {z:.0f}%</source>
        <translation>Zoom {z:.0f}%</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="63"/>
        <source>No pixel spacing: lengths in px</source>
        <translation>Tanpa jarak piksel: panjang dalam px</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="65"/>
        <source>Spacing at detector</source>
        <translation>Jarak pada detektor</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/study_context.py" line="27"/>
        <source>{age} y</source>
        <translation>{age} th</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../app/ui/patient_banner.py" line="51"/>
        <source>No patient open</source>
        <translation>Belum ada pasien yang dibuka</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="53"/>
        <source>Find a patient on the left to see lab reports from every connected hospital.</source>
        <translation>Cari pasien di sebelah kiri untuk melihat hasil laboratorium dari semua rumah sakit yang terhubung.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="55"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="55"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="55"/>
        <source>Unknown sex</source>
        <translation>Jenis kelamin tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="57"/>
        <source>{age} y</source>
        <translation>{age} th</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="63"/>
        <source>ID {id}</source>
        <translation>NIK {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="65"/>
        <source>Insurance card {card}</source>
        <translation>Kartu asuransi {card}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="69"/>
        <source>loading…</source>
        <translation>memuat…</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="69"/>
        <source>none found</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="70"/>
        <source>Records at: {hospitals}</source>
        <translation>Rekam medis di: {hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="72"/>
        <source>(incomplete: see the sources below)</source>
        <translation>(tidak lengkap: lihat sumber di bawah)</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="115"/>
        <source>&lt;b&gt;Find patient&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cari pasien&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="118"/>
        <source>Resident ID card</source>
        <translation>Kartu identitas penduduk</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="118"/>
        <source>Insurance card</source>
        <translation>Kartu asuransi</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="118"/>
        <source>Name + birth date</source>
        <translation>Nama + tanggal lahir</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="120"/>
        <source>18-digit resident ID</source>
        <translation>Nomor identitas penduduk 18 digit</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="121"/>
        <source>Medical insurance card number</source>
        <translation>Nomor kartu asuransi kesehatan</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="122"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="123"/>
        <source>Born</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="124"/>
        <source>Search all hospitals</source>
        <translation>Cari di semua rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="125"/>
        <source>Patients found</source>
        <translation>Pasien yang ditemukan</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="126"/>
        <source>Sources</source>
        <translation>Sumber data</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="143"/>
        <source>Enter the insurance card number</source>
        <translation>Isi nomor kartu asuransi</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="147"/>
        <source>Enter the patient&apos;s name</source>
        <translation>Isi nama pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="198"/>
        <source>No patient found at any source that answered.</source>
        <translation>Tidak ada pasien yang ditemukan di sumber data yang merespons.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="212"/>
        <source>M</source>
        <translation>L</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="212"/>
        <source>F</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="238"/>
        <source>it must have 18 characters</source>
        <translation>harus terdiri dari 18 karakter</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="239"/>
        <source>it must be 17 digits followed by a digit or X</source>
        <translation>harus 17 angka diikuti satu angka atau X</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="240"/>
        <source>the birth date in it is not a date</source>
        <translation>tanggal lahir di dalamnya bukan tanggal yang valid</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="241"/>
        <source>the birth date in it is not plausible</source>
        <translation>tanggal lahir di dalamnya tidak masuk akal</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="242"/>
        <source>the check digit does not match: a digit was probably mistyped</source>
        <translation>digit pemeriksa tidak cocok: kemungkinan ada angka yang salah ketik</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="244"/>
        <source>Resident ID not valid: {reason}</source>
        <translation>Nomor identitas penduduk tidak valid: {reason}</translation>
    </message>
</context>
<context>
    <name>ReadProblem</name>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="20"/>
        <source>The file is not a DICOM image.</source>
        <translation>Berkas ini bukan citra DICOM.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="21"/>
        <source>The file cannot be opened (permissions, or a damaged disc).</source>
        <translation>Berkas tidak dapat dibuka (hak akses, atau cakram rusak).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="23"/>
        <source>The file is marked as DICOM but its header is damaged.</source>
        <translation>Berkas ditandai sebagai DICOM tetapi header-nya rusak.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="25"/>
        <source>The file is incomplete: it ends too early (copied or sent only in part).</source>
        <translation>Berkas tidak lengkap: berakhir terlalu cepat (hanya sebagian yang disalin atau dikirim).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="27"/>
        <source>The file holds no image (a report, a structured document or a key object).</source>
        <translation>Berkas tidak berisi citra (laporan, dokumen terstruktur, atau key object).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="29"/>
        <source>The image is compressed in a way this program cannot decode.</source>
        <translation>Citra dikompresi dengan cara yang tidak dapat didekode oleh program ini.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="31"/>
        <source>The compressed image data is damaged.</source>
        <translation>Data citra terkompresi rusak.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="33"/>
        <source>The image data does not match the size the file declares.</source>
        <translation>Data citra tidak sesuai dengan ukuran yang dinyatakan berkas.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="35"/>
        <source>The image is too large to open safely.</source>
        <translation>Citra terlalu besar untuk dibuka dengan aman.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="36"/>
        <source>This kind of image cannot be shown.</source>
        <translation>Jenis citra ini tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="39"/>
        <source>The image cannot be read.</source>
        <translation>Citra tidak dapat dibaca.</translation>
    </message>
</context>
<context>
    <name>RepeatReason</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="31"/>
        <source>Condition changed: the result no longer fits the clinical picture</source>
        <translation>Kondisi berubah: hasil tidak lagi sesuai dengan gambaran klinis</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="33"/>
        <source>Value changes fast in this disease</source>
        <translation>Nilai berubah cepat pada penyakit ini</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="34"/>
        <source>Crucial for the next step (e.g. before surgery or transfusion)</source>
        <translation>Penting untuk langkah berikutnya (mis. sebelum operasi atau transfusi)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="36"/>
        <source>Emergency</source>
        <translation>Kegawatdaruratan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="37"/>
        <source>Forensic, disability or sick-retirement appraisal</source>
        <translation>Penilaian forensik, disabilitas, atau pensiun karena sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="38"/>
        <source>Patient or family asks for it</source>
        <translation>Atas permintaan pasien atau keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="39"/>
        <source>Issuing laboratory failed quality control</source>
        <translation>Laboratorium penerbit tidak lulus pemantapan mutu</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="40"/>
        <source>Other (explain)</source>
        <translation>Lainnya (jelaskan)</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Report</source>
        <translation>Hasil pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Recognition</source>
        <translation>Pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="68"/>
        <source>Unknown hospital</source>
        <translation>Rumah sakit tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="71"/>
        <source>{name} · document only</source>
        <translation>{name} · hanya dokumen</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="79"/>
        <source>Came only as the printed report, without structured results: double-click to read it</source>
        <translation>Hanya tersedia sebagai laporan cetak, tanpa hasil terstruktur: klik dua kali untuk membacanya</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="81"/>
        <source>The printed report is available: double-click to read it beside the results</source>
        <translation>Laporan cetak tersedia: klik dua kali untuk membacanya di samping hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="84"/>
        <source>Judged for the report as a whole (it came only as a document)</source>
        <translation>Dinilai untuk laporan secara keseluruhan (hanya tersedia sebagai dokumen)</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="87"/>
        <source>{n} of {total} items recognized</source>
        <translation>{n} dari {total} pemeriksaan diakui</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="115"/>
        <source>Reference range</source>
        <translation>Nilai rujukan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="115"/>
        <source>Recognition</source>
        <translation>Pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="115"/>
        <source>Why</source>
        <translation>Keterangan</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../app/ui/role_text.py" line="13"/>
        <source>Physician</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="14"/>
        <source>Nurse</source>
        <translation>Perawat</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="15"/>
        <source>Department head</source>
        <translation>Kepala unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="16"/>
        <source>Supervisor</source>
        <translation>Pengawas pengakuan bersama</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="17"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="92"/>
        <source>Sign in to Huren</source>
        <translation>Masuk ke Huren</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="93"/>
        <source>Your hospital&apos;s sign-in page opens in the web browser. Sign in there with your hospital account, then come back to this window.</source>
        <translation>Halaman masuk rumah sakit Anda terbuka di peramban web. Masuklah di sana dengan akun rumah sakit Anda, lalu kembali ke jendela ini.</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="95"/>
        <source>Sign in with the hospital account</source>
        <translation>Masuk dengan akun rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="97"/>
        <source>Huren is locked</source>
        <translation>Huren terkunci</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="98"/>
        <source>Locked at {time}: patient data is hidden. {user} signs in again to go on where they left off; another user signing in closes the open patient.</source>
        <translation>Dikunci pukul {time}: data pasien disembunyikan. {user} masuk kembali untuk melanjutkan pekerjaan; pengguna lain yang masuk akan menutup pasien yang terbuka.</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="102"/>
        <source>The platform ended the session.</source>
        <translation>Platform mengakhiri sesi.</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="105"/>
        <source>Sign in again</source>
        <translation>Masuk kembali</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="107"/>
        <source>Waiting for the sign-in in the web browser…</source>
        <translation>Menunggu proses masuk di peramban web…</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="110"/>
        <source>Not signed in: {problem}</source>
        <translation>Belum masuk: {problem}</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="113"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../app/ui/signature_pad.py" line="90"/>
        <source>Sign here</source>
        <translation>Tanda tangan di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/signature_pad.py" line="91"/>
        <source>Sign with the mouse, a finger or the pen</source>
        <translation>Tanda tangan dengan tetikus, jari, atau pena</translation>
    </message>
</context>
<context>
    <name>SourceStatusView</name>
    <message>
        <location filename="../app/ui/source_status_view.py" line="52"/>
        <source>waiting for answer</source>
        <translation>menunggu respons</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="54"/>
        <source>{n} found in {s:.1f} s</source>
        <translation>{n} ditemukan dalam {s:.1f} dtk</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="56"/>
        <source>incomplete</source>
        <translation>tidak lengkap</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="58"/>
        <source>no answer in time: {msg}</source>
        <translation>tidak ada respons tepat waktu: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="60"/>
        <source>unreachable: {msg}</source>
        <translation>tidak dapat dihubungi: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="62"/>
        <source>sign-in needed</source>
        <translation>perlu masuk</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="64"/>
        <source>error: {msg}</source>
        <translation>galat: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="76"/>
        <source>showing {shown} of {total}: the platform gave no further page</source>
        <translation>menampilkan {shown} dari {total}: platform tidak memberi halaman berikutnya</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="80"/>
        <source>{n} found</source>
        <translation>{n} ditemukan</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="82"/>
        <source>{n} linked records could not be fetched</source>
        <translation>{n} catatan terkait tidak dapat diambil</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="85"/>
        <source>{n} records could not be read</source>
        <translation>{n} catatan tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="88"/>
        <source>part of the answer failed: {msg}</source>
        <translation>sebagian jawaban gagal: {msg}</translation>
    </message>
</context>
<context>
    <name>StudiesView</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="163"/>
        <location filename="../app/ui/studies_view.py" line="212"/>
        <source>No imaging studies on record.</source>
        <translation>Tidak ada catatan pemeriksaan pencitraan.</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="166"/>
        <location filename="../app/ui/studies_view.py" line="213"/>
        <source>Open images</source>
        <translation>Buka citra</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="204"/>
        <source>Impression: {text}</source>
        <translation>Kesan: {text}</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="205"/>
        <source>No imaging report</source>
        <translation>Belum ada hasil bacaan pencitraan</translation>
    </message>
</context>
<context>
    <name>StudyListModel</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Modality</source>
        <translation>Modalitas</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Body part</source>
        <translation>Bagian tubuh</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Study</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Images</source>
        <translation>Jumlah citra</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Recognition</source>
        <translation>Pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Why</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="121"/>
        <source>Unknown hospital</source>
        <translation>Rumah sakit tidak diketahui</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../app/ui/trend_plot.py" line="41"/>
        <source>converted from {value:g} {unit}</source>
        <translation>dikonversi dari {value:g} {unit}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="46"/>
        <source>reference range {low}–{high}</source>
        <translation>nilai rujukan {low}–{high}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="82"/>
        <source>recognition window {days} days</source>
        <translation>batas waktu pengakuan {days} hari</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="63"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="63"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="63"/>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="63"/>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="63"/>
        <source>As written</source>
        <translation>Seperti tertulis</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="64"/>
        <source>Reference range</source>
        <translation>Nilai rujukan</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="64"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="64"/>
        <source>Recognition</source>
        <translation>Pengakuan</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="163"/>
        <source>Plot</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="164"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="165"/>
        <source>Export PNG…</source>
        <translation>Ekspor PNG…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="166"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="167"/>
        <source>Whole period</source>
        <translation>Seluruh periode</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="168"/>
        <source>Choose one or more items on the left.</source>
        <translation>Pilih satu atau beberapa pemeriksaan di sebelah kiri.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="169"/>
        <source>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today</source>
        <translation>Isi penuh: diakui di sini · kosong: hanya sebagai referensi · cincin merah: di luar nilai rujukan rumah sakit · batang hijau: nilai rujukan tersebut · pita hijau: batas waktu pengakuan pemeriksaan hingga hari ini</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="173"/>
        <location filename="../app/ui/trends_view.py" line="204"/>
        <source>Panel…</source>
        <translation>Panel…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="237"/>
        <source>{n} values converted to the unit shown (from {units}); hover a point to see what the hospital wrote.</source>
        <translation>{n} nilai dikonversi ke satuan yang ditampilkan (dari {units}); arahkan kursor ke titik untuk melihat nilai asli dari rumah sakit.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="243"/>
        <source>{n} results could not be plotted (hover for details)</source>
        <translation>{n} hasil tidak dapat digambarkan (arahkan kursor untuk rinciannya)</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="289"/>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="294"/>
        <source>Export PNG</source>
        <translation>Ekspor PNG</translation>
    </message>
</context>
<context>
    <name>UnprotectedBanner</name>
    <message>
        <location filename="../app/ui/banners.py" line="48"/>
        <source>UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by this account&apos;s file permissions (site setting)</source>
        <translation>WORKSTATION TIDAK TERLINDUNGI — tidak ada keyring sistem: catatan pasien di komputer ini hanya dilindungi oleh izin berkas akun ini (pengaturan situs)</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../app/ui/verdict_text.py" line="20"/>
        <source>nationwide</source>
        <translation>nasional</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="22"/>
        <source>province {region}</source>
        <translation>provinsi {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="23"/>
        <source>city {region}</source>
        <translation>kota {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="24"/>
        <source>district {region}</source>
        <translation>kabupaten/distrik {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="29"/>
        <source>open-ended</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="36"/>
        <source>Not on the recognition list</source>
        <translation>Tidak termasuk daftar pengakuan bersama</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="38"/>
        <source>On the recognition list only in {scope}, not here</source>
        <translation>Termasuk daftar pengakuan bersama hanya di {scope}, tidak di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="41"/>
        <source>No imaging report yet</source>
        <translation>Belum ada hasil bacaan pencitraan</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="43"/>
        <source>Result not final (status: {status})</source>
        <translation>Hasil belum final (status: {status})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="45"/>
        <source>No specimen date: age unknown</source>
        <translation>Tanpa tanggal pengambilan sampel: usia hasil tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="47"/>
        <source>Dated in the future: check the issuing hospital&apos;s record</source>
        <translation>Bertanggal di masa depan: periksa catatan rumah sakit penerbit</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="49"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="52"/>
        <source>Issuing hospital unknown</source>
        <translation>Rumah sakit penerbit tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="54"/>
        <source>Issuing hospital has no HR qualification for this item</source>
        <translation>Rumah sakit penerbit tidak memiliki kualifikasi HR untuk pemeriksaan ini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="57"/>
        <source>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</source>
        <translation>Kualifikasi {mark} rumah sakit tidak berlaku pada tanggal hasil (berlaku {periods})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="61"/>
        <source>{mark} is recognized only in {scope}, not here</source>
        <translation>{mark} hanya diakui di {scope}, tidak di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="68"/>
        <location filename="../app/ui/verdict_text.py" line="102"/>
        <source>Reference only</source>
        <translation>Hanya sebagai referensi</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="74"/>
        <source>Recognizable until {until}</source>
        <translation>Dapat diakui hingga {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="82"/>
        <source>Recognized ({mark})</source>
        <translation>Diakui ({mark})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="84"/>
        <source>{age} days old, window {window} days; recognizable until {until}</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari; dapat diakui hingga {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="88"/>
        <source>Reference only, because:</source>
        <translation>Hanya sebagai referensi, karena:</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="91"/>
        <source>Catalogue item: {name} ({code})</source>
        <translation>Pemeriksaan dalam katalog: {name} ({code})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="100"/>
        <source>{marks} {n}/{total}</source>
        <translation>{marks} {n}/{total}</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="55"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="106"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="183"/>
        <source>Huren images</source>
        <translation>Citra Huren</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="75"/>
        <source>Image tools</source>
        <translation>Alat citra</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="76"/>
        <source>Window/level</source>
        <translation>Window/level</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="77"/>
        <source>Pan</source>
        <translation>Geser</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="78"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="79"/>
        <source>Measure</source>
        <translation>Ukur</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="82"/>
        <source>Fit</source>
        <translation>Sesuaikan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="83"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="84"/>
        <source>Overlays</source>
        <translation>Informasi tumpang</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="92"/>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="93"/>
        <source>Play</source>
        <translation>Putar</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="86"/>
        <source>Compare with prior</source>
        <translation>Bandingkan dengan sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="87"/>
        <source>Link scrolling</source>
        <translation>Gulir bersamaan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="30"/>
        <source>Window: as stored</source>
        <translation>Window: sesuai berkas</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="21"/>
        <source>Brain</source>
        <translation>Otak (window)</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="22"/>
        <source>Lung</source>
        <translation>Paru</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="23"/>
        <source>Bone</source>
        <translation>Tulang</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="24"/>
        <source>Abdomen</source>
        <translation>Abdomen (window)</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="25"/>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="39"/>
        <source>W {w:.0f} L {c:.0f}</source>
        <translation>W {w:.0f} L {c:.0f}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="191"/>
        <source>Looking up the series…</source>
        <translation>Mencari seri…</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="222"/>
        <source>The study holds no images.</source>
        <translation>Pemeriksaan ini tidak berisi citra.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="223"/>
        <source>Nothing to show.</source>
        <translation>Tidak ada yang dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="224"/>
        <source>No images</source>
        <translation>Tidak ada citra</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="240"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="241"/>
        <source>The images could not be listed.</source>
        <translation>Daftar citra tidak dapat dimuat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="247"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n citra</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="318"/>
        <source>The images could not be fetched: {why}</source>
        <translation>Citra tidak dapat diambil: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="331"/>
        <source>This series cannot be shown.</source>
        <translation>Seri ini tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="353"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} dari {total} citra telah diterima</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="354"/>
        <source>All images arrived</source>
        <translation>Semua citra telah diterima</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="364"/>
        <source>%n image(s) could not be read (hover for details)</source>
        <translation>
            <numerusform>%n citra tidak dapat dibaca (arahkan kursor untuk rinciannya)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="29"/>
        <source>Prior study</source>
        <translation>Pemeriksaan sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="30"/>
        <source>This study</source>
        <translation>Pemeriksaan ini</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="43"/>
        <source>Opened from local media: no report or recognition status from the platform.</source>
        <translation>Dibuka dari media lokal: tanpa hasil bacaan atau status pengakuan dari platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="47"/>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="48"/>
        <source>Impression</source>
        <translation>Kesan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="54"/>
        <source>No imaging report</source>
        <translation>Belum ada hasil bacaan pencitraan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="57"/>
        <source>Report not final ({status})</source>
        <translation>Hasil bacaan belum final ({status})</translation>
    </message>
</context>
</TS>
