<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Application</name>
    <message>
        <location filename="../app/ui/application.py" line="98"/>
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
        <source>Recognition revoked</source>
        <translation>Pengakuan dibatalkan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="36"/>
        <source>Reminder shown</source>
        <translation>Pengingat ditampilkan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="37"/>
        <source>Sign-in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="38"/>
        <source>Sign-out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="39"/>
        <source>Screen locked</source>
        <translation>Layar dikunci</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="40"/>
        <source>Screen unlocked</source>
        <translation>Layar dibuka</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="49"/>
        <source>Minor failure</source>
        <translation>Kegagalan ringan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="50"/>
        <source>Serious failure</source>
        <translation>Kegagalan serius</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="51"/>
        <source>Major failure</source>
        <translation>Kegagalan besar</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="59"/>
        <source>(nobody signed in)</source>
        <translation>(tidak ada yang masuk)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="144"/>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="145"/>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="146"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="147"/>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="148"/>
        <source>Patient, record or detail</source>
        <translation>Pasien, rekaman, atau rincian</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="149"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="150"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="151"/>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="154"/>
        <source>All users</source>
        <translation>Semua pengguna</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="157"/>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="157"/>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="230"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} dari {total} entri</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="236"/>
        <location filename="../app/ui/audit_view.py" line="244"/>
        <source>The audit trail could not be read: {error}</source>
        <translation>Jejak audit tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="247"/>
        <source>No audit trail yet at {path}.</source>
        <translation>Belum ada jejak audit di {path}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="250"/>
        <source>The audit trail is intact: {n} entries verified.</source>
        <translation>Jejak audit utuh: {n} entri terverifikasi.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="240"/>
        <source>The audit trail is broken at line {line}: {reason}</source>
        <translation>Jejak audit rusak pada baris {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="255"/>
        <source>Lines that are not audit entries, not listed: {lines}.</source>
        <translation>Baris yang bukan entri audit, tidak ditampilkan: {lines}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="264"/>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="274"/>
        <source>Export failed: {error}</source>
        <translation>Ekspor gagal: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="276"/>
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
        <location filename="../app/ui/sign_in_flow.py" line="51"/>
        <source>no web browser could be opened</source>
        <translation>peramban web tidak dapat dibuka</translation>
    </message>
</context>
<context>
    <name>CatalogueStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="80"/>
        <source>Catalogue not loaded: {e}</source>
        <translation>Katalog tidak termuat: {e}</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="85"/>
        <source>Loading recognition catalogue…</source>
        <translation>Memuat katalog pengakuan bersama…</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="87"/>
        <source>from the platform</source>
        <translation>dari platform</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="87"/>
        <source>cached copy</source>
        <translation>salinan tersimpan</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="88"/>
        <source>bundled copy</source>
        <translation>salinan bawaan program</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="89"/>
        <source>Recognition catalogue {version} ({origin}), {n} items</source>
        <translation>Katalog pengakuan bersama {version} ({origin}), {n} pemeriksaan</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../app/ui/chart_panel.py" line="318"/>
        <source>{n} unreadable records were skipped (hover for details)</source>
        <translation>{n} rekam tidak dapat dibaca dan dilewati (arahkan kursor untuk rinciannya)</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="324"/>
        <source>Lab reports ({n})</source>
        <translation>Hasil laboratorium ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="325"/>
        <source>Trends</source>
        <translation>Tren</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="326"/>
        <source>Images ({n})</source>
        <translation>Citra ({n})</translation>
    </message>
</context>
<context>
    <name>ChartRequests</name>
    <message>
        <location filename="../app/ui/chart_requests.py" line="65"/>
        <source>The HIS launch was refused: {error}</source>
        <extracomment>The platform named the user of an HIS launch (a StaffMember): the window signs them in. The window comes to the front (asked for with the request).</extracomment>
        <translation>Peluncuran dari SIMRS ditolak: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="103"/>
        <source>Unknown item {code}</source>
        <translation>Item tidak dikenal {code}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="112"/>
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
        <location filename="../app/ui/consent_dialog.py" line="179"/>
        <source>Could not save the consent form: {error}</source>
        <translation>Formulir persetujuan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="182"/>
        <source>Consent form saved: {link}</source>
        <translation>Formulir persetujuan disimpan: {link}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="84"/>
        <source>Patient: {name}</source>
        <translation>Pasien: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="89"/>
        <source>Ordering physician: {name}</source>
        <translation>Dokter pengirim: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="103"/>
        <source>Why it is repeated: {reason}</source>
        <translation>Alasan pemeriksaan ulang: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="105"/>
        <source>Recognized prior result: {prior}</source>
        <translation>Hasil pemeriksaan sebelumnya yang diakui: {prior}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="107"/>
        <source>Expected fee: {fee}</source>
        <translation>Perkiraan biaya: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="93"/>
        <source>Total expected fee: {fee}</source>
        <translation>Total perkiraan biaya: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="202"/>
        <source>Consent to repeat tests — {patient}</source>
        <translation>Persetujuan tindakan (informed consent) pemeriksaan ulang — {patient}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="167"/>
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
        <location filename="../app/ui/consent_method.py" line="52"/>
        <source>How the decision is given</source>
        <translation>Cara keputusan diberikan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="53"/>
        <source>Signature on screen</source>
        <translation>Tanda tangan di layar</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="54"/>
        <source>Signed paper form</source>
        <translation>Formulir kertas yang ditandatangani</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="55"/>
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
        <location filename="../app/ui/consent_evidence.py" line="112"/>
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
        <location filename="../app/ui/consent_evidence.py" line="117"/>
        <source>Witness:</source>
        <translation>Saksi:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="118"/>
        <source>Witness&apos;s full name</source>
        <translation>Nama lengkap saksi</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="207"/>
        <source>Patient consents</source>
        <translation>Pasien setuju</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="208"/>
        <source>Patient refuses</source>
        <translation>Pasien menolak</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="210"/>
        <source>A refusal is recorded as consent is: who decides, and their signature, the signed paper form or a witness. You confirm it before it is kept.</source>
        <translation>Penolakan dicatat seperti persetujuan: siapa yang memutuskan, serta tanda tangan, formulir kertas yang ditandatangani, atau saksi. Anda mengonfirmasinya sebelum disimpan.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="212"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="233"/>
        <source>Check the patient&apos;s identity against the ID card or wristband, and tick the box.</source>
        <translation>Cocokkan identitas pasien dengan kartu identitas atau gelang identitas, lalu centang kotaknya.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="259"/>
        <location filename="../app/ui/consent_dialog.py" line="266"/>
        <source>Record the refusal</source>
        <translation>Catat penolakan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="264"/>
        <source>The repeat is withdrawn and the prior results are recognized instead. {doctor}, who ordered it, will be told.
Evidence: {how}.</source>
        <translation>Pemeriksaan ulang dibatalkan dan hasil sebelumnya diakui sebagai gantinya. {doctor}, yang memesannya, akan diberi tahu.
Bukti: {how}.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="268"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="279"/>
        <location filename="../app/ui/consent_explanation.py" line="42"/>
        <location filename="../app/ui/consent_explanation.py" line="79"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="282"/>
        <source>The patient {patient} refuses the repeat of {items}: record the refusal?</source>
        <translation>Pasien {patient} menolak pemeriksaan ulang {items}: catat penolakan?</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="284"/>
        <source>{signer} ({relationship}) refuses, for the patient {patient}, the repeat of {items}: record the refusal?</source>
        <translation>{signer} ({relationship}) menolak, atas nama pasien {patient}, pemeriksaan ulang {items}: catat penolakan?</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="291"/>
        <source>aloud, before the witness {witness}</source>
        <translation>secara lisan, di hadapan saksi {witness}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="294"/>
        <source>the signed paper form</source>
        <translation>formulir kertas yang ditandatangani</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="295"/>
        <source>signature on screen</source>
        <translation>tanda tangan di layar</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="43"/>
        <source>{name} ({where})</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="51"/>
        <source>Other reason</source>
        <translation>Alasan lain</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="55"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="73"/>
        <location filename="../app/ui/consent_explanation.py" line="127"/>
        <source>no details</source>
        <translation>tidak ada rincian</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="65"/>
        <source>reference range {range}</source>
        <translation>nilai rujukan {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="60"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="32"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="117"/>
        <source>Consent to repeat tests</source>
        <translation>Persetujuan tindakan (informed consent) pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="140"/>
        <source>Test</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="141"/>
        <source>Why the doctor repeats it</source>
        <translation>Alasan dokter melakukan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="142"/>
        <source>Recognized prior result</source>
        <translation>Hasil pemeriksaan sebelumnya yang diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="143"/>
        <source>Expected fee</source>
        <translation>Perkiraan biaya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="225"/>
        <source>Enter the family member&apos;s name.</source>
        <translation>Isi nama anggota keluarga.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="226"/>
        <source>The order has no patient name.</source>
        <translation>Permintaan pemeriksaan tidak mencantumkan nama pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="227"/>
        <source>Choose the family member&apos;s relationship to the patient.</source>
        <translation>Pilih hubungan anggota keluarga dengan pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="228"/>
        <source>Attach the scan of the signed paper form.</source>
        <translation>Lampirkan hasil pindai formulir kertas yang sudah ditandatangani.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="230"/>
        <source>No signature yet: ask the signer to sign on screen.</source>
        <translation>Belum ada tanda tangan: minta penanda tangan untuk menandatangani di layar.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="231"/>
        <source>Enter the witness&apos;s name.</source>
        <translation>Isi nama saksi.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="232"/>
        <source>The clock gives no time zone; consent cannot be recorded (tell IT).</source>
        <translation>Jam sistem tidak memiliki zona waktu; persetujuan tidak dapat dicatat (hubungi bagian TI).</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="97"/>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="98"/>
        <source>Scan of the signed paper form</source>
        <translation>Hasil pindai formulir kertas yang ditandatangani</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="99"/>
        <source>Witness</source>
        <translation>Saksi</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="103"/>
        <source>Signature of the family member {name}</source>
        <translation>Tanda tangan anggota keluarga {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="105"/>
        <source>Signature of the family member</source>
        <translation>Tanda tangan anggota keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="108"/>
        <source>Signature of the patient {name}</source>
        <translation>Tanda tangan pasien {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="114"/>
        <source>The patient or family member agrees or refuses aloud. Name the witness who heard it, such as a second member of staff.</source>
        <translation>Pasien atau anggota keluarga menyatakan setuju atau menolak secara lisan. Sebutkan nama saksi yang mendengarnya, misalnya petugas kesehatan lain.</translation>
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
        <location filename="../app/ui/consent_dialog.py" line="312"/>
        <source>Consent form {patient} {date}</source>
        <translation>Formulir persetujuan {patient} {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="314"/>
        <source>Save the consent form for printing</source>
        <translation>Simpan formulir persetujuan untuk dicetak</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="315"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="62"/>
        <source>Informed consent to repeat a test already recognized between hospitals</source>
        <translation>Persetujuan tindakan (informed consent) pemeriksaan ulang atas hasil pemeriksaan yang telah diakui antarrumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="63"/>
        <source>Patient</source>
        <translation>Nama pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="64"/>
        <source>Ordering physician</source>
        <translation>Dokter pengirim</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="65"/>
        <source>Department</source>
        <translation>Unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="66"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="67"/>
        <source>Order no.</source>
        <translation>No. permintaan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="68"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="69"/>
        <source>Age</source>
        <translation>Usia</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="70"/>
        <source>{age} years</source>
        <translation>{age} tahun</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="71"/>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="72"/>
        <source>Resident ID no.</source>
        <translation>No. identitas</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="73"/>
        <source>Medical record no.</source>
        <translation>No. rekam medis</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="74"/>
        <source>Outpatient no.</source>
        <translation>No. rawat jalan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="76"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="77"/>
        <source>Before the form is signed, the nurse checks the patient&apos;s name and date of birth against the ID card or wristband.</source>
        <translation>Sebelum formulir ditandatangani, perawat mencocokkan nama dan tanggal lahir pasien dengan kartu identitas atau gelang identitas.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="81"/>
        <source>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</source>
        <translation>Berdasarkan ketentuan pengakuan bersama hasil pemeriksaan antarrumah sakit, hasil pemeriksaan dari rumah sakit lain yang memenuhi syarat pengakuan pada dasarnya digunakan dan pemeriksaan tidak diulang. Untuk pemeriksaan di bawah ini hasil tersebut sudah ada, tetapi dokter Anda menyarankan pemeriksaan ulang dengan alasan yang tercantum.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="87"/>
        <source>Test</source>
        <translation>Nama pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="88"/>
        <source>Recognized result</source>
        <translation>Hasil yang diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="89"/>
        <source>Date of the result</source>
        <translation>Tanggal hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="90"/>
        <source>Hospital</source>
        <translation>Rumah sakit penerbit</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="91"/>
        <source>HR mark</source>
        <translation>Tanda HR</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="92"/>
        <source>Why the doctor recommends repeating it</source>
        <translation>Alasan dokter menyarankan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="93"/>
        <source>Fee (yuan)</source>
        <translation>Biaya (yuan)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="94"/>
        <source>Total expected fee</source>
        <translation>Total perkiraan biaya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="95"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="96"/>
        <source>reference range {range}</source>
        <translation>nilai rujukan {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="97"/>
        <source>{age} days old, recognized for {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, diakui selama {window} hari</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="98"/>
        <source>No details of the earlier result</source>
        <translation>Tidak ada rincian hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="99"/>
        <source>Other reason</source>
        <translation>Alasan lain</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="100"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="101"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="102"/>
        <source>The medical staff have explained to me that a result of the test(s) above from another hospital already exists and is recognized here, so the test would not normally need to be repeated. The doctor has told me why repeating it is recommended and what the repeat costs. I have been able to ask questions, and I understand that I am free to decline the repeat.</source>
        <translation>Tenaga kesehatan telah menjelaskan kepada saya bahwa hasil pemeriksaan di atas dari rumah sakit lain sudah ada dan diakui di rumah sakit ini, sehingga pada umumnya pemeriksaan tidak perlu diulang. Dokter telah menjelaskan alasan pemeriksaan ulang disarankan beserta biayanya. Saya telah diberi kesempatan untuk bertanya, dan saya mengerti bahwa saya berhak menolak pemeriksaan ulang.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="108"/>
        <source>I agree to repeat the test(s) listed above.</source>
        <translation>Saya setuju dilakukan pemeriksaan ulang atas pemeriksaan di atas.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="109"/>
        <source>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</source>
        <translation>Saya tidak setuju dilakukan pemeriksaan ulang; hasil pemeriksaan yang diakui dari rumah sakit lain akan digunakan.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="111"/>
        <source>Signature of the patient or family member</source>
        <translation>Tanda tangan pasien atau anggota keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="112"/>
        <source>Relationship to the patient</source>
        <translation>Hubungan dengan pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="113"/>
        <source>Nurse who explained</source>
        <translation>Perawat yang memberi penjelasan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="114"/>
        <source>Physician</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="115"/>
        <source>Date and time</source>
        <translation>Tanggal dan waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="116"/>
        <source>{patient} · order no. {order} · page {page} of {pages}</source>
        <translation>{patient} · no. permintaan {order} · halaman {page} dari {pages}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="117"/>
        <source>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</source>
        <translation>Jika anggota keluarga atau wali menandatangani atas nama pasien, tuliskan hubungannya dengan pasien.</translation>
    </message>
</context>
<context>
    <name>ConsentIdentity</name>
    <message>
        <location filename="../app/ui/consent_identity.py" line="28"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="29"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="30"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="37"/>
        <source>no date of birth or ID with this order</source>
        <translation>permintaan ini tanpa tanggal lahir dan nomor identitas</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="40"/>
        <source>{age} y</source>
        <translation>{age} th</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="41"/>
        <source>born {date}</source>
        <translation>lahir {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="51"/>
        <source>ID {number}</source>
        <translation>No. identitas {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="53"/>
        <source>record no. {number}</source>
        <translation>no. rekam medis {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="55"/>
        <source>outpatient no. {number}</source>
        <translation>no. rawat jalan {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="72"/>
        <source>Order no. {number}</source>
        <translation>No. permintaan {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="139"/>
        <source>Identity checked against: {document}</source>
        <translation>Identitas dicocokkan dengan: {document}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="150"/>
        <source>I have checked the patient&apos;s identity (name and date of birth) against the</source>
        <translation>Saya telah mencocokkan identitas pasien (nama dan tanggal lahir) dengan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="152"/>
        <source>resident ID card</source>
        <translation>kartu identitas</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="153"/>
        <source>wristband</source>
        <translation>gelang identitas</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="156"/>
        <source>Two identifiers, never the name alone: ask the patient to say their name and date of birth, and compare them and the ID number with the card or wristband.</source>
        <translation>Dua penanda identitas, jangan hanya nama: minta pasien menyebutkan nama dan tanggal lahirnya, lalu cocokkan keduanya serta nomor identitas dengan kartu atau gelang identitas.</translation>
    </message>
</context>
<context>
    <name>ConsentWorklistDialog</name>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="69"/>
        <source>Awaiting consent</source>
        <extracomment>A consent or refusal was kept (emitted when its write is done, with what it changed).</extracomment>
        <translation>Menunggu persetujuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="70"/>
        <source>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</source>
        <translation>Pemeriksaan ulang yang diminta dokter rumah sakit Anda. Jelaskan setiap pemeriksaan ulang kepada pasien atau keluarga, lalu catat persetujuan atau penolakannya.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="72"/>
        <source>Record consent…</source>
        <translation>Catat persetujuan…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="73"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="90"/>
        <source>The list may be incomplete: {sources} did not give all waiting orders.</source>
        <translation>Daftar mungkin tidak lengkap: {sources} tidak memberi semua order yang menunggu.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="97"/>
        <location filename="../app/ui/consent_worklist_dialog.py" line="145"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="99"/>
        <source>{identity}
{items}: ordered by {doctor}, {when} · order no. {number}</source>
        <translation>{identity}
{items}: diminta oleh {doctor}, {when} · no. permintaan {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="136"/>
        <location filename="../app/ui/consent_worklist_dialog.py" line="155"/>
        <source>Consent not recorded</source>
        <translation>Persetujuan tidak tercatat</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="146"/>
        <source>{patient}: consent recorded; the repeat of {items} is ordered.</source>
        <translation>{patient}: persetujuan dicatat; pemeriksaan ulang {items} dipesan.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="148"/>
        <source>{patient}: refusal recorded. The repeat of {items} is withdrawn and the prior results are recognized; {doctor} will be told.</source>
        <translation>{patient}: penolakan dicatat. Pemeriksaan ulang {items} dibatalkan dan hasil sebelumnya diakui; {doctor} akan diberi tahu.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="156"/>
        <source>The consent could not be saved on this computer ({error}). Record it again.</source>
        <translation>Persetujuan tidak dapat disimpan di komputer ini ({error}). Catat ulang.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="180"/>
        <source>Recognition dashboard</source>
        <translation>Dasbor pengakuan bersama hasil pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="181"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="182"/>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="183"/>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Week</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="188"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="189"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="229"/>
        <location filename="../app/ui/dashboard_view.py" line="336"/>
        <source>Recognized</source>
        <translation>Diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="191"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="336"/>
        <source>Repeated</source>
        <translation>Diulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="192"/>
        <source>Recognitions revoked</source>
        <translation>Pengakuan dibatalkan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="193"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="237"/>
        <source>Recognition rate</source>
        <translation>Tingkat pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="194"/>
        <source>Fees saved</source>
        <translation>Biaya yang dihemat</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="195"/>
        <source>Recognitions and repeats over time</source>
        <translation>Pengakuan dan pemeriksaan ulang dari waktu ke waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="196"/>
        <source>Repeats by reason</source>
        <translation>Pemeriksaan ulang menurut alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="197"/>
        <source>By department</source>
        <translation>Menurut unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="198"/>
        <source>By doctor</source>
        <translation>Menurut dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="199"/>
        <source>By item</source>
        <translation>Menurut pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="200"/>
        <source>Funnel</source>
        <translation>Corong pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="206"/>
        <location filename="../app/ui/dashboard_view.py" line="301"/>
        <source>All hospitals</source>
        <translation>Semua rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Department</source>
        <translation>Unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Doctor</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>Item code</source>
        <translation>Kode pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="213"/>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <source>Fees saved (¥)</source>
        <translation>Biaya yang dihemat (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="215"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="215"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Reason code</source>
        <translation>Kode alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <source>Fee (¥)</source>
        <translation>Biaya (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="217"/>
        <location filename="../app/ui/dashboard_view.py" line="240"/>
        <source>Record</source>
        <translation>Rekam</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="218"/>
        <source>Period from</source>
        <translation>Periode mulai</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <location filename="../app/ui/dashboard_view.py" line="241"/>
        <source>Repeats</source>
        <translation>Pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <location filename="../app/ui/dashboard_view.py" line="243"/>
        <source>recognized</source>
        <translation>diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <source>repeated</source>
        <translation>diulang</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>revoked</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="229"/>
        <source>Repeated with reason</source>
        <translation>Diulang dengan alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="230"/>
        <source>Overlooked</source>
        <translation>Terlewat</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="230"/>
        <source>Revoked</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="231"/>
        <source>Patients with recognizable priors</source>
        <translation>Pasien dengan hasil yang dapat diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="231"/>
        <source>Reminded</source>
        <translation>Diingatkan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="232"/>
        <source>Prior opened</source>
        <translation>Hasil terdahulu dibuka</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Of the stage above</source>
        <translation>Dari tahap sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="236"/>
        <source>Access rate</source>
        <translation>Tingkat akses</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Visit</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="239"/>
        <source>Issuing hospital</source>
        <translation>Rumah sakit penerbit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="239"/>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="241"/>
        <source>Verdict</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>reasonable</source>
        <translation>wajar</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>unreasonable</source>
        <translation>tidak wajar</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>not reviewed</source>
        <translation>belum ditinjau</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="243"/>
        <source>repeated with reason</source>
        <translation>diulang dengan alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>overlooked</source>
        <translation>terlewat</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>not ordered</source>
        <translation>tidak dipesan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="262"/>
        <source>The range ends before it starts.</source>
        <translation>Tanggal akhir lebih awal dari tanggal mulai.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="267"/>
        <source>Loading the order records of {start} to {end}…</source>
        <translation>Memuat catatan permintaan pemeriksaan {start} sampai {end}…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="288"/>
        <source>The order records could not be loaded: {error}</source>
        <translation>Catatan permintaan pemeriksaan tidak dapat dimuat: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="292"/>
        <source>Dates changed: press Refresh to search the platform again.</source>
        <translation>Tanggal berubah: tekan Muat ulang untuk mencari lagi di platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="303"/>
        <source>(hospital not known)</source>
        <translation>(rumah sakit tidak diketahui)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="348"/>
        <source>{n} decisions from {start} to {end}</source>
        <translation>{n} keputusan dari {start} sampai {end}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="352"/>
        <source>{source} incomplete: {gaps}</source>
        <translation>{source} tidak lengkap: {gaps}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="355"/>
        <source>{source} not reached: {message}</source>
        <translation>{source} tidak dapat dihubungi: {message}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="359"/>
        <source>{source}: reminders and openings missing from the funnel ({why})</source>
        <translation>{source}: pengingat dan pembukaan hasil tidak ada dalam corong ({why})</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="366"/>
        <source>Choose a folder for the CSV files</source>
        <translation>Pilih folder untuk berkas CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="382"/>
        <source>Export failed: {error}</source>
        <translation>Ekspor gagal: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="384"/>
        <source>{n} CSV files written to {folder}</source>
        <translation>{n} berkas CSV ditulis ke {folder}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="386"/>
        <source>the funnel&apos;s files were left out: the reminders and openings of {sources} could not be read</source>
        <translation>berkas corong tidak ditulis: pengingat dan pembukaan dari {sources} tidak dapat dibaca</translation>
    </message>
</context>
<context>
    <name>DecisionTable</name>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Item</source>
        <extracomment>A row&apos;s editors changed (its choice, reason or note): the dialog reads them back.</extracomment>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Prior result</source>
        <translation>Hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Result from</source>
        <translation>Asal hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="136"/>
        <source>Decision</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="136"/>
        <source>Reason for repeat</source>
        <translation>Alasan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="144"/>
        <source>Recognize prior result</source>
        <translation>Akui hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="145"/>
        <source>Repeat</source>
        <translation>Ulangi pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="146"/>
        <source>— choose a reason —</source>
        <translation>— pilih alasan —</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="149"/>
        <source>Free text (required for &apos;Other&apos;)</source>
        <translation>Keterangan bebas (wajib untuk &apos;Lainnya&apos;)</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="162"/>
        <source>reference range {range}</source>
        <translation>nilai rujukan {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="164"/>
        <source>converted from {written}</source>
        <translation>dikonversi dari {written}</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="173"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari</translation>
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
        <location filename="../app/ui/document_view.py" line="153"/>
        <source>Opening the original document…</source>
        <translation>Membuka dokumen asli…</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="155"/>
        <source>Showing the first {n} of {total} pages.</source>
        <translation>Menampilkan {n} halaman pertama dari {total}.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="176"/>
        <source>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</source>
        <translation>Huren tidak dapat menampilkan dokumen jenis ini ({type}): hanya PDF, PNG, dan JPEG.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="179"/>
        <source>The document is too large to open here (the limit is {mb} MB).</source>
        <translation>Dokumen terlalu besar untuk dibuka di sini (batasnya {mb} MB).</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="182"/>
        <source>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</source>
        <translation>Dokumen disimpan di server lain ({server}). Huren hanya membuka dokumen dari platform asal laporan.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="185"/>
        <source>The report names a document but carries neither its content nor its address.</source>
        <translation>Laporan menyebut sebuah dokumen, tetapi tidak memuat isi maupun alamatnya.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="173"/>
        <source>The document could not be opened.</source>
        <translation>Dokumen tidak dapat dibuka.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="187"/>
        <source>The document cannot be read: it is damaged or not what it claims to be.</source>
        <translation>Dokumen tidak dapat dibaca: rusak atau tidak sesuai dengan jenis yang dinyatakan.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="188"/>
        <source>The platform did not give the document.</source>
        <translation>Platform tidak memberikan dokumen tersebut.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="252"/>
        <source>Document {n}</source>
        <translation>Dokumen {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="261"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="262"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="263"/>
        <source>Fit width</source>
        <translation>Sesuaikan lebar</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="264"/>
        <source>Close the document</source>
        <translation>Tutup dokumen</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../app/ui/review_dialog.py" line="280"/>
        <source>Reading the verdicts…</source>
        <translation>Membaca putusan…</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="284"/>
        <source>Review of my repeats</source>
        <translation>Tinjauan pemeriksaan ulang saya</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="285"/>
        <source>The supervisor&apos;s verdicts on your repeats from {start} to {end}.</source>
        <translation>Putusan pengawas atas pemeriksaan ulang Anda dari {start} sampai {end}.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Ordered</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Verdict</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Your reason</source>
        <translation>Alasan Anda</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="289"/>
        <source>Reviewed by</source>
        <translation>Ditinjau oleh</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="289"/>
        <source>Reviewed at</source>
        <translation>Ditinjau pada</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="290"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="300"/>
        <source>Verdicts: {count}</source>
        <translation>Putusan: {count}</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="304"/>
        <source>The verdicts could not be read: {error}</source>
        <translation>Putusan tidak dapat dibaca: {error}</translation>
    </message>
</context>
<context>
    <name>FhirStatus</name>
    <message>
        <location filename="../app/ui/status_text.py" line="24"/>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="25"/>
        <source>Partial</source>
        <translation>Sebagian</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="26"/>
        <source>Preliminary</source>
        <translation>Sementara</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="27"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="28"/>
        <source>Amended</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="29"/>
        <source>Corrected</source>
        <translation>Dikoreksi</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="30"/>
        <source>Appended</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="31"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="32"/>
        <source>Entered in error</source>
        <translation>Salah input</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="33"/>
        <source>Status unknown</source>
        <translation>Status tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="35"/>
        <source>Images available</source>
        <translation>Citra tersedia</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="37"/>
        <source>Current</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="38"/>
        <source>Superseded</source>
        <translation>Digantikan</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="40"/>
        <source>No report yet</source>
        <translation>Belum ada laporan</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="55"/>
        <source>Unrecognized status</source>
        <extracomment>The codes this module words (for tests and for anyone checking a screen for raw codes).</extracomment>
        <translation>Status tidak dikenal</translation>
    </message>
</context>
<context>
    <name>FunnelPanel</name>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="156"/>
        <source>Rates by</source>
        <extracomment>What a figure shows when the records it counts are missing.</extracomment>
        <translation>Tingkat menurut</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="157"/>
        <source>Department</source>
        <translation>Unit/poli</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="157"/>
        <source>Doctor</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="158"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="158"/>
        <source>Issuing hospital</source>
        <translation>Rumah sakit penerbit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="159"/>
        <source>Over time</source>
        <translation>Dari waktu ke waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="162"/>
        <source>%: of the stage above; outcomes: of the items decided</source>
        <translation>%: dari tahap sebelumnya; hasil akhir: dari pemeriksaan yang diputuskan</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="163"/>
        <source>(not known)</source>
        <translation>(tidak diketahui)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="204"/>
        <source>Items decided: {n}</source>
        <translation>Pemeriksaan diputuskan: {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="209"/>
        <source>Repeats by verdict: {counts}</source>
        <translation>Pemeriksaan ulang menurut penilaian: {counts}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="226"/>
        <source>Reminders and openings from {source} are missing ({why}).</source>
        <translation>Pengingat dan pembukaan hasil dari {source} tidak ada ({why}).</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="229"/>
        <source>The figures they feed show {unknown}: the visits&apos; stages, and whether a repeat&apos;s prior was opened (repeated with reason or overlooked).</source>
        <translation>Angka yang bergantung padanya ditampilkan {unknown}: tahap kunjungan, dan apakah hasil terdahulu dibuka sebelum pemeriksaan ulang (diulang dengan alasan atau terlewat).</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <location filename="../app/ui/viewer/image_pane.py" line="248"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} dari {total} citra telah diterima</translation>
    </message>
</context>
<context>
    <name>LabReportsView</name>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="185"/>
        <source>No report selected</source>
        <extracomment>The narrowest the list lets its hospital and report names be (they elide, whole in the tooltip). The list&apos;s share of the room when a chart opens (at least what its badges need, at most 560 pixels).</extracomment>
        <translation>Belum ada hasil pemeriksaan yang dipilih</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="191"/>
        <source>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</source>
        <translation>Laporan ini hanya tersedia sebagai dokumen cetaknya, tanpa hasil terstruktur. Pengakuannya dinilai untuk laporan secara keseluruhan.

{badge}: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="221"/>
        <source>Unknown hospital</source>
        <translation>Rumah sakit tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="222"/>
        <source> — status: {status}</source>
        <translation> — status: {status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="223"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; sampel diambil {when}{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="283"/>
        <location filename="../app/ui/lab_reports_view.py" line="304"/>
        <source>Original document</source>
        <translation>Dokumen asli</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="299"/>
        <source>Trend across hospitals</source>
        <translation>Tren antarrumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="305"/>
        <source>The report as the hospital printed it, beside the list</source>
        <translation>Laporan sebagaimana dicetak rumah sakit, di samping daftar</translation>
    </message>
</context>
<context>
    <name>LinkedScroll</name>
    <message>
        <location filename="../app/ui/viewer/linked_scroll.py" line="119"/>
        <source>No matching slice at {position:.1f} mm: this series covers {first:.1f} to {last:.1f} mm.</source>
        <translation>Tidak ada irisan yang sesuai pada {position:.1f} mm: seri ini mencakup {first:.1f} hingga {last:.1f} mm.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../app/ui/lock_screen.py" line="105"/>
        <source>Huren is locked</source>
        <translation>Huren terkunci</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="106"/>
        <source>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</source>
        <translation>Dikunci pukul {time}: data pasien disembunyikan. {user} dapat membuka kunci; pengguna lain memilih dirinya di kotak Pengguna di atas, yang menutup pasien yang sedang dibuka.</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="109"/>
        <source>Staff number of {user}</source>
        <translation>Nomor pegawai {user}</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="110"/>
        <source>Unlock as {user}</source>
        <translation>Buka kunci sebagai {user}</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="128"/>
        <source>Locked</source>
        <translation>Terkunci</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="113"/>
        <source>not signed in</source>
        <extracomment>A demo account was picked in the User box. A language was picked (&quot;&quot; = the system&apos;s).</extracomment>
        <translation>belum masuk</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="145"/>
        <source>Awaiting consent ({n})</source>
        <translation>Menunggu persetujuan ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="172"/>
        <source>User: </source>
        <translation>Pengguna: </translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="173"/>
        <source>New lab order…</source>
        <translation>Permintaan laboratorium baru…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="174"/>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="175"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="176"/>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="177"/>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="178"/>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="179"/>
        <source>Lock</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="180"/>
        <source>My orders</source>
        <translation>Order saya</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="181"/>
        <source>Review repeats</source>
        <translation>Tinjau pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="182"/>
        <source>Review feedback</source>
        <translation>Umpan balik tinjauan</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="183"/>
        <source>Find patient</source>
        <translation>Cari pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="184"/>
        <source>Next report</source>
        <translation>Laporan berikutnya</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="185"/>
        <source>Previous report</source>
        <translation>Laporan sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="186"/>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="221"/>
        <source>Images</source>
        <translation>Citra</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="222"/>
        <source>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</source>
        <translation>Rumah sakit tidak memberikan alamat untuk citra ini (tidak ada endpoint DICOMweb), sehingga citra tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="187"/>
        <source>Administrators read the audit trail; patient records are for clinical staff</source>
        <translation>Administrator membaca jejak audit; rekam medis pasien hanya untuk tenaga klinis</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="203"/>
        <source>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely</source>
        <translation>Masuk hanya selama Huren berjalan: komputer ini tidak memiliki keyring sistem untuk menyimpan sesi dengan aman</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="265"/>
        <source>Huren — mutual recognition of results</source>
        <translation>Huren — pengakuan bersama hasil pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="267"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="269"/>
        <source>Huren {version}</source>
        <translation>Huren {version}</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="121"/>
        <source>Order check for the HIS is off: no service secret</source>
        <translation>Pemeriksaan order untuk SIMRS nonaktif: tidak ada rahasia layanan</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="128"/>
        <source>Order check for the HIS could not start: {error}</source>
        <translation>Pemeriksaan order untuk SIMRS tidak dapat dimulai: {error}</translation>
    </message>
</context>
<context>
    <name>MyOrdersDialog</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="121"/>
        <source>My orders</source>
        <extracomment>How often the notice looks for new refusals while a physician works. A revocation was written (emitted when its write is done, with what it changed).</extracomment>
        <translation>Pesanan saya</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="123"/>
        <source>Your repeat tests of the last {days} days that needed the patient&apos;s consent, and what the patient decided. A refused repeat was withdrawn: the prior result is recognized instead.</source>
        <translation>Pemeriksaan ulang Anda dalam {days} hari terakhir yang memerlukan persetujuan pasien, dan keputusan pasien. Pemeriksaan ulang yang ditolak dibatalkan: hasil sebelumnya diakui sebagai gantinya.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Ordered</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Order no.</source>
        <translation>No. permintaan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Repeated items</source>
        <translation>Item diulang</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recorded by</source>
        <translation>Dicatat oleh</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recorded at</source>
        <translation>Dicatat pada</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recognized items</source>
        <translation>Pemeriksaan yang diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="129"/>
        <source>Revoke recognition…</source>
        <translation>Batalkan pengakuan…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="131"/>
        <source>Undo a recognition recorded by mistake: only on the day of the order, with a reason</source>
        <translation>Batalkan pengakuan yang tercatat karena kekeliruan: hanya pada hari order dibuat, dengan alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="132"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="133"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="145"/>
        <source>Reading your orders…</source>
        <translation>Membaca pesanan Anda…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="161"/>
        <source>Your orders could not be read: {error}</source>
        <translation>Pesanan Anda tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="183"/>
        <source>{n} orders; refused: {refused}.</source>
        <translation>{n} pesanan; ditolak: {refused}.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="184"/>
        <source>No orders awaiting or decided in these days.</source>
        <translation>Tidak ada pesanan yang menunggu atau sudah diputuskan dalam rentang hari ini.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="188"/>
        <source>The list may be incomplete: {sources} did not answer in full.</source>
        <translation>Daftar mungkin tidak lengkap: {sources} tidak memberikan jawaban lengkap.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="189"/>
        <location filename="../app/ui/my_orders_dialog.py" line="195"/>
        <location filename="../app/ui/my_orders_dialog.py" line="196"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="197"/>
        <source>{item} (revoked)</source>
        <translation>{item} (dibatalkan)</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="244"/>
        <source>Revoking the recognition of {item}…</source>
        <translation>Membatalkan pengakuan {item}…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="251"/>
        <source>{patient}: the recognition of {item} is revoked; the platform will be told.</source>
        <translation>{patient}: pengakuan {item} dibatalkan; platform akan diberi tahu.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="260"/>
        <source>Recognition not revoked</source>
        <translation>Pengakuan tidak dibatalkan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="327"/>
        <source>Awaiting the patient&apos;s decision</source>
        <translation>Menunggu keputusan pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="328"/>
        <source>Consented</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="329"/>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../app/ui/order_actions.py" line="64"/>
        <source>Order saved: waiting for the patient&apos;s consent</source>
        <translation>Permintaan pemeriksaan disimpan: menunggu persetujuan pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="65"/>
        <source>Recognition recorded; the patient saves the fee</source>
        <translation>Pengakuan dicatat; pasien tidak perlu membayar pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="71"/>
        <source>Order not sent</source>
        <translation>Permintaan tidak terkirim</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="72"/>
        <source>The order could not be saved on this computer ({error}). Nothing was sent; order again.</source>
        <translation>Order tidak dapat disimpan di komputer ini ({error}). Tidak ada yang terkirim; buat order lagi.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>New lab order — {name}</source>
        <extracomment>The size the dialog asks for; it opens smaller on a smaller screen (see _fit_screen).</extracomment>
        <translation>Permintaan laboratorium baru — {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="156"/>
        <source>Search items and panels: name, code or LOINC</source>
        <translation>Cari pemeriksaan dan panel: nama, kode, atau LOINC</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="157"/>
        <source>Clinical notes</source>
        <translation>Catatan klinis</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="158"/>
        <source>Check prior results</source>
        <translation>Periksa hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="159"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="160"/>
        <source>Send order</source>
        <translation>Kirim permintaan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="203"/>
        <source>Panel: {name} — {n} items</source>
        <translation>Panel: {name} — {n} pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="232"/>
        <source>Chosen: {names}</source>
        <translation>Dipilih: {names}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="232"/>
        <source>nothing yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="188"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="250"/>
        <source>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</source>
        <translation>Pemeriksaan berikut sudah memiliki hasil dari rumah sakit lain yang diakui di sini. Akui hasil tersebut (pasien tidak perlu membayar), atau ulangi pemeriksaan dengan alasan; pemeriksaan ulang memerlukan persetujuan pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="256"/>
        <source>no prior result</source>
        <translation>tidak ada hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="258"/>
        <source>Ordered as usual (no recognizable prior result): {items}</source>
        <translation>Diminta seperti biasa (tidak ada hasil sebelumnya yang dapat diakui): {items}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="259"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="261"/>
        <source>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</source>
        <translation>Hasil sebelumnya mungkin kurang: {sources} tidak memberi jawaban lengkap. Item tanpa hasil sebelumnya yang dapat diakui mungkin tetap memilikinya di sana.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="284"/>
        <source>{item}: choose a reason for the repeat</source>
        <translation>{item}: pilih alasan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="285"/>
        <source>{item}: explain the reason in the note</source>
        <translation>{item}: jelaskan alasannya di keterangan</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="286"/>
        <source>{item}: there is no prior result to recognize</source>
        <translation>{item}: tidak ada hasil sebelumnya yang dapat diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="322"/>
        <source>Order not sent</source>
        <translation>Permintaan tidak terkirim</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="54"/>
        <source>{n} records refused by the platform (hover for why)</source>
        <extracomment>How often the outbox is tried while records wait (ms); each entry backs off on its own.</extracomment>
        <translation>{n} rekam ditolak oleh platform (arahkan kursor untuk alasannya)</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="57"/>
        <source>{n} records waiting to be sent</source>
        <translation>{n} rekam menunggu dikirim</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="59"/>
        <source>All records sent</source>
        <translation>Semua rekam telah dikirim</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="63"/>
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
        <location filename="../app/ui/patient_banner.py" line="78"/>
        <source>No patient open</source>
        <extracomment>The doctor asked for the demo&apos;s showcase patient (its resident ID).</extracomment>
        <translation>Belum ada pasien yang dibuka</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="80"/>
        <source>Find a patient on the left to see lab reports from every connected hospital.</source>
        <translation>Cari pasien di sebelah kiri untuk melihat hasil laboratorium dari semua rumah sakit yang terhubung.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="81"/>
        <source>Try the demo patient {name}, resident ID {id}</source>
        <translation>Coba pasien demo {name}, NIK {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="83"/>
        <source>Open this patient&apos;s chart</source>
        <translation>Buka rekam medis pasien ini</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Unknown sex</source>
        <translation>Jenis kelamin tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="87"/>
        <source>{age} y</source>
        <translation>{age} th</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="93"/>
        <source>ID {id}</source>
        <translation>NIK {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="95"/>
        <source>Insurance card {card}</source>
        <translation>Kartu asuransi {card}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="99"/>
        <source>loading…</source>
        <translation>memuat…</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="99"/>
        <source>none found</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="100"/>
        <source>Records at: {hospitals}</source>
        <translation>Rekam medis di: {hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="102"/>
        <source>(incomplete: see the sources below)</source>
        <translation>(tidak lengkap: lihat sumber di bawah)</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="133"/>
        <source>&lt;b&gt;Find patient&lt;/b&gt;</source>
        <extracomment>A field the search cannot go without, marked until the doctor types in it again. Hospitals named in a result line; the rest are counted (and all are in the tooltip).</extracomment>
        <translation>&lt;b&gt;Cari pasien&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Resident ID card</source>
        <translation>Kartu identitas penduduk</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Insurance card</source>
        <translation>Kartu asuransi</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Name + birth date</source>
        <translation>Nama + tanggal lahir</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="138"/>
        <source>18-digit resident ID</source>
        <translation>Nomor identitas penduduk 18 digit</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="139"/>
        <source>Medical insurance card number</source>
        <translation>Nomor kartu asuransi kesehatan</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="140"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="141"/>
        <source>Born</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="143"/>
        <source>Search all hospitals</source>
        <translation>Cari di semua rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="311"/>
        <source>Patients found</source>
        <translation>Pasien yang ditemukan</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="145"/>
        <source>Sources</source>
        <translation>Sumber data</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="142"/>
        <source>Birth date, e.g. 1968-03-15</source>
        <translation>Tanggal lahir, mis. 1968-03-15</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="164"/>
        <source>Enter the insurance card number</source>
        <translation>Isi nomor kartu asuransi</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="182"/>
        <source>Enter the patient&apos;s name and birth date</source>
        <translation>Isi nama dan tanggal lahir pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="185"/>
        <source>Enter the birth date as well: a name alone can belong to several patients.</source>
        <translation>Isi juga tanggal lahir: satu nama saja bisa dimiliki beberapa pasien.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="187"/>
        <location filename="../app/ui/patient_search_panel.py" line="192"/>
        <source>Enter the patient&apos;s name</source>
        <translation>Isi nama pasien</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="294"/>
        <source>No patient found at any source that answered.</source>
        <translation>Tidak ada pasien yang ditemukan di sumber data yang merespons.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="312"/>
        <source>{count} patients found: compare resident ID and hospitals before opening</source>
        <translation>{count} pasien ditemukan: bandingkan NIK dan rumah sakit sebelum membuka</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="321"/>
        <source>M</source>
        <translation>L</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="321"/>
        <source>F</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="323"/>
        <source>{age} y</source>
        <translation>{age} th</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="325"/>
        <source>ID {id}</source>
        <translation>NIK {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="326"/>
        <source>No resident ID (record {id})</source>
        <translation>Tanpa NIK (rekam {id})</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="332"/>
        <source>{hospitals} and {more} more</source>
        <translation>{hospitals} dan {more} lainnya</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="333"/>
        <source>Records at: {hospitals}</source>
        <translation>Rekam medis di: {hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="335"/>
        <source>Found on: {sources}</source>
        <translation>Ditemukan di: {sources}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="359"/>
        <source>it must have 18 characters</source>
        <translation>harus terdiri dari 18 karakter</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="360"/>
        <source>it must be 17 digits followed by a digit or X</source>
        <translation>harus 17 angka diikuti satu angka atau X</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="361"/>
        <source>the birth date in it is not a date</source>
        <translation>tanggal lahir di dalamnya bukan tanggal yang valid</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="362"/>
        <source>the birth date in it is not plausible</source>
        <translation>tanggal lahir di dalamnya tidak masuk akal</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="363"/>
        <source>the check digit does not match: a digit was probably mistyped</source>
        <translation>digit pemeriksa tidak cocok: kemungkinan ada angka yang salah ketik</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="365"/>
        <source>Resident ID not valid: {reason}</source>
        <translation>Nomor identitas penduduk tidak valid: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="369"/>
        <source>write it as year-month-day, e.g. 1968-03-15</source>
        <translation>tulis sebagai tahun-bulan-tanggal, mis. 1968-03-15</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="370"/>
        <source>there is no such day</source>
        <translation>tanggal itu tidak ada</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="371"/>
        <source>it is in the future or before 1880</source>
        <translation>tanggal itu di masa depan atau sebelum 1880</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="373"/>
        <source>Birth date not valid: {reason}</source>
        <translation>Tanggal lahir tidak valid: {reason}</translation>
    </message>
</context>
<context>
    <name>ReadProblem</name>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="27"/>
        <source>The file is not a DICOM image.</source>
        <translation>Berkas ini bukan citra DICOM.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="28"/>
        <source>The file cannot be opened (permissions, or a damaged disc).</source>
        <translation>Berkas tidak dapat dibuka (hak akses, atau cakram rusak).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="30"/>
        <source>The file is marked as DICOM but its header is damaged.</source>
        <translation>Berkas ditandai sebagai DICOM tetapi header-nya rusak.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="32"/>
        <source>The file is incomplete: it ends too early (copied or sent only in part).</source>
        <translation>Berkas tidak lengkap: berakhir terlalu cepat (hanya sebagian yang disalin atau dikirim).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="34"/>
        <source>The file holds no image (a report, a structured document or a key object).</source>
        <translation>Berkas tidak berisi citra (laporan, dokumen terstruktur, atau key object).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="36"/>
        <source>The image is compressed in a way this program cannot decode.</source>
        <translation>Citra dikompresi dengan cara yang tidak dapat didekode oleh program ini.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="38"/>
        <source>The compressed image data is damaged.</source>
        <translation>Data citra terkompresi rusak.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="40"/>
        <source>The image data does not match the size the file declares.</source>
        <translation>Data citra tidak sesuai dengan ukuran yang dinyatakan berkas.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="42"/>
        <source>The image is too large to open safely.</source>
        <translation>Citra terlalu besar untuk dibuka dengan aman.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="43"/>
        <source>This kind of image cannot be shown.</source>
        <translation>Jenis citra ini tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="45"/>
        <source>The image cannot be read.</source>
        <translation>Citra tidak dapat dibaca.</translation>
    </message>
</context>
<context>
    <name>RefusalNotice</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="390"/>
        <source>A patient refused a repeat</source>
        <translation>Pasien menolak pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="391"/>
        <source>Patients refused repeat tests you ordered:</source>
        <translation>Pasien menolak pemeriksaan ulang yang Anda pesan:</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="374"/>
        <location filename="../app/ui/my_orders_dialog.py" line="395"/>
        <source>Show my orders</source>
        <translation>Tampilkan pesanan saya</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="404"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="405"/>
        <source>{patient}: {items}, refused {when} (recorded by {nurse})</source>
        <translation>{patient}: {items}, ditolak {when} (dicatat oleh {nurse})</translation>
    </message>
</context>
<context>
    <name>ReminderBand</name>
    <message>
        <location filename="../app/ui/reminder_band.py" line="95"/>
        <source>Recognizable here: {n} results from other hospitals, no need to repeat them</source>
        <translation>Dapat diakui di sini: {n} hasil dari rumah sakit lain, tidak perlu diulang</translation>
    </message>
    <message>
        <location filename="../app/ui/reminder_band.py" line="99"/>
        <source>{hospital} · {date} · {marks} · recognizable until {until}</source>
        <translation>{hospital} · {date} · {marks} · dapat diakui hingga {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/reminder_band.py" line="106"/>
        <source>Hide the reminder for this chart</source>
        <translation>Sembunyikan pengingat untuk rekam medis ini</translation>
    </message>
</context>
<context>
    <name>RepeatReason</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="49"/>
        <source>Condition changed: the result no longer fits the clinical picture</source>
        <translation>Kondisi berubah: hasil tidak lagi sesuai dengan gambaran klinis</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="51"/>
        <source>Value changes fast in this disease</source>
        <translation>Nilai berubah cepat pada penyakit ini</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="52"/>
        <source>Crucial for the next step (e.g. before surgery or transfusion)</source>
        <translation>Penting untuk langkah berikutnya (mis. sebelum operasi atau transfusi)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="54"/>
        <source>Emergency</source>
        <translation>Kegawatdaruratan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="55"/>
        <source>Forensic, disability or sick-retirement appraisal</source>
        <translation>Penilaian forensik, disabilitas, atau pensiun karena sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="56"/>
        <source>Patient or family asks for it</source>
        <translation>Atas permintaan pasien atau keluarga</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="57"/>
        <source>Issuing laboratory failed quality control</source>
        <translation>Laboratorium penerbit tidak lulus pemantapan mutu</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="58"/>
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
        <location filename="../app/ui/report_models.py" line="70"/>
        <source>{name} ({status})</source>
        <translation>{name} ({status})</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="72"/>
        <source>{name} · document only</source>
        <translation>{name} · hanya dokumen</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="84"/>
        <source>Came only as the printed report, without structured results: double-click to read it</source>
        <translation>Hanya tersedia sebagai laporan cetak, tanpa hasil terstruktur: klik dua kali untuk membacanya</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="87"/>
        <source>The printed report is available: double-click to read it beside the results</source>
        <translation>Laporan cetak tersedia: klik dua kali untuk membacanya di samping hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="91"/>
        <source>Judged for the report as a whole (it came only as a document)</source>
        <translation>Dinilai untuk laporan secara keseluruhan (hanya tersedia sebagai dokumen)</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="94"/>
        <source>{n} of {total} items recognized</source>
        <translation>{n} dari {total} pemeriksaan diakui</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Reference range</source>
        <translation>Nilai rujukan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Recognition</source>
        <translation>Pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Why</source>
        <translation>Keterangan</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../app/ui/review_dialog.py" line="146"/>
        <source>Review of repeats</source>
        <extracomment>A verdict was queued (emitted when its write is done, with what it changed).</extracomment>
        <translation>Tinjauan pemeriksaan ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="148"/>
        <source>Repeats from {start} to {end} that this hospital&apos;s review rules flag. Mark each reasonable or unreasonable; the ordering doctor sees your verdict and comment.</source>
        <translation>Pemeriksaan ulang dari {start} sampai {end} yang ditandai aturan tinjauan rumah sakit ini. Tandai masing-masing wajar atau tidak wajar; dokter pemesan melihat putusan dan komentar Anda.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Ordered</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Doctor</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Prior result</source>
        <translation>Hasil sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Flagged for</source>
        <translation>Ditandai karena</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Verdict</source>
        <translation>Putusan</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="154"/>
        <source>Comment (required for unreasonable):</source>
        <translation>Komentar (wajib bila tidak wajar):</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="155"/>
        <source>Reasonable</source>
        <translation>Wajar</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="156"/>
        <source>Unreasonable</source>
        <translation>Tidak wajar</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="157"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="158"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="168"/>
        <source>Reading the repeats…</source>
        <translation>Membaca pemeriksaan ulang…</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="176"/>
        <source>{count} flagged, {open} without a verdict.</source>
        <translation>{count} ditandai, {open} belum diputus.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="182"/>
        <source>The repeats could not be read: {error}</source>
        <translation>Pemeriksaan ulang tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="188"/>
        <source>Given, not sent yet</source>
        <translation>Sudah diputus, belum terkirim</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="190"/>
        <source>{verdict} (not sent yet)</source>
        <translation>{verdict} (belum terkirim)</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="196"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="229"/>
        <source>Say in the comment why the repeat was unreasonable.</source>
        <translation>Jelaskan dalam komentar mengapa pemeriksaan ulang tidak wajar.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="242"/>
        <source>Verdict recorded; it is sent to the platform.</source>
        <translation>Putusan tercatat; dikirim ke platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="247"/>
        <source>The verdict was not recorded: {error}</source>
        <translation>Putusan tidak tercatat: {error}</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="300"/>
        <source>Revoke recognition</source>
        <translation>Batalkan pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="302"/>
        <source>{patient}: the recognition is undone on the platform and no longer counts. The record of it stays, with your reason.</source>
        <translation>{patient}: pengakuan dibatalkan di platform dan tidak lagi dihitung. Catatannya tetap disimpan, beserta alasan Anda.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="304"/>
        <source>Recognized item</source>
        <translation>Pemeriksaan yang diakui</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="305"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="306"/>
        <source>Why the recognition was a mistake (required)</source>
        <translation>Mengapa pengakuan ini keliru (wajib)</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="307"/>
        <source>Revoke</source>
        <translation>Batalkan pengakuan</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="308"/>
        <source>Cancel</source>
        <translation>Batal</translation>
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
    <name>ShortcutsPage</name>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="31"/>
        <source>Previous / next slice</source>
        <extracomment>A count an action&apos;s text carries (&quot;Awaiting consent (3)&quot;, &quot;待知情同意（3+）&quot;): not part of its name.</extracomment>
        <translation>Irisan sebelumnya / berikutnya</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="32"/>
        <source>Ten slices back / on</source>
        <translation>Mundur / maju sepuluh irisan</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="33"/>
        <source>First / last slice</source>
        <translation>Irisan pertama / terakhir</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="34"/>
        <source>Clear measurements</source>
        <translation>Hapus pengukuran</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="65"/>
        <source>Images</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="71"/>
        <source>Keys for the daily work; each is also named in its button&apos;s tooltip.</source>
        <translation>Tombol untuk pekerjaan sehari-hari; masing-masing juga disebut di tooltip tombolnya.</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="72"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="72"/>
        <source>Key</source>
        <translation>Tombol</translation>
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
        <location filename="../app/ui/signature_pad.py" line="91"/>
        <source>Sign here</source>
        <translation>Tanda tangan di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/signature_pad.py" line="92"/>
        <source>Sign with the mouse, a finger or the pen</source>
        <translation>Tanda tangan dengan tetikus, jari, atau pena</translation>
    </message>
</context>
<context>
    <name>SourceStatusView</name>
    <message>
        <location filename="../app/ui/source_status_view.py" line="57"/>
        <source>waiting for answer</source>
        <extracomment>Colour and mark of each `SourceState`, by its value.</extracomment>
        <translation>menunggu respons</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="59"/>
        <source>{n} found in {s:.1f} s</source>
        <translation>{n} ditemukan dalam {s:.1f} dtk</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="61"/>
        <source>incomplete</source>
        <translation>tidak lengkap</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="63"/>
        <source>no answer in time: {msg}</source>
        <translation>tidak ada respons tepat waktu: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="65"/>
        <source>unreachable: {msg}</source>
        <translation>tidak dapat dihubungi: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="67"/>
        <source>sign-in needed</source>
        <translation>perlu masuk</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="69"/>
        <source>error: {msg}</source>
        <translation>galat: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="81"/>
        <source>showing {shown} of {total}: the platform gave no further page</source>
        <translation>menampilkan {shown} dari {total}: platform tidak memberi halaman berikutnya</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="85"/>
        <source>{n} found</source>
        <translation>{n} ditemukan</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="87"/>
        <source>{n} linked records could not be fetched</source>
        <translation>{n} catatan terkait tidak dapat diambil</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="90"/>
        <source>{n} records could not be read</source>
        <translation>{n} catatan tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="93"/>
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
        <location filename="../app/ui/trend_plot.py" line="56"/>
        <source>converted from {value:g} {unit}</source>
        <translation>dikonversi dari {value:g} {unit}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="61"/>
        <source>reference range {low}–{high}</source>
        <translation>nilai rujukan {low}–{high}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="70"/>
        <source>and {n} more: zoom in or see the table</source>
        <translation>dan {n} lainnya: perbesar tampilan atau lihat tabel</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="129"/>
        <source>recognition window {days} days</source>
        <translation>batas waktu pengakuan {days} hari</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Item</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>As written</source>
        <translation>Seperti tertulis</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Reference range</source>
        <translation>Nilai rujukan</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Hospital</source>
        <translation>Rumah sakit</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Recognition</source>
        <translation>Pengakuan</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="170"/>
        <source>Plot</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="171"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="172"/>
        <source>Export PNG…</source>
        <translation>Ekspor PNG…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="173"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="174"/>
        <source>Whole period</source>
        <translation>Seluruh periode</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="175"/>
        <source>Choose one or more items on the left.</source>
        <translation>Pilih satu atau beberapa pemeriksaan di sebelah kiri.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="176"/>
        <source>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today · results a few days apart are drawn side by side: hover for their exact dates</source>
        <translation>Isi penuh: diakui di sini · kosong: hanya sebagai referensi · cincin merah: di luar nilai rujukan rumah sakit · batang hijau: nilai rujukan tersebut · pita hijau: batas waktu pengakuan pemeriksaan hingga hari ini · hasil yang berselang beberapa hari digambar berdampingan: arahkan kursor untuk melihat tanggal pastinya</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="181"/>
        <location filename="../app/ui/trends_view.py" line="212"/>
        <source>Panel…</source>
        <translation>Panel…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="245"/>
        <source>{n} values converted to the unit shown (from {units}); hover a point to see what the hospital wrote.</source>
        <translation>{n} nilai dikonversi ke satuan yang ditampilkan (dari {units}); arahkan kursor ke titik untuk melihat nilai asli dari rumah sakit.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="251"/>
        <source>{n} results could not be plotted (hover for details)</source>
        <translation>{n} hasil tidak dapat digambarkan (arahkan kursor untuk rinciannya)</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="298"/>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="303"/>
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
        <location filename="../app/ui/verdict_text.py" line="21"/>
        <source>nationwide</source>
        <translation>nasional</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="23"/>
        <source>province {region}</source>
        <translation>provinsi {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="24"/>
        <source>city {region}</source>
        <translation>kota {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="25"/>
        <source>district {region}</source>
        <translation>kabupaten/distrik {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="30"/>
        <source>open-ended</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="37"/>
        <source>Not on the recognition list</source>
        <translation>Tidak termasuk daftar pengakuan bersama</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="39"/>
        <source>On the recognition list only in {scope}, not here</source>
        <translation>Termasuk daftar pengakuan bersama hanya di {scope}, tidak di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="42"/>
        <source>No imaging report yet</source>
        <translation>Belum ada hasil bacaan pencitraan</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="44"/>
        <source>Result not final (status: {status})</source>
        <translation>Hasil belum final (status: {status})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="47"/>
        <source>No specimen date: age unknown</source>
        <translation>Tanpa tanggal pengambilan sampel: usia hasil tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="49"/>
        <source>Dated in the future: check the issuing hospital&apos;s record</source>
        <translation>Bertanggal di masa depan: periksa catatan rumah sakit penerbit</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="51"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="54"/>
        <source>Issuing hospital unknown</source>
        <translation>Rumah sakit penerbit tidak diketahui</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="56"/>
        <source>Issuing hospital has no HR qualification for this item</source>
        <translation>Rumah sakit penerbit tidak memiliki kualifikasi HR untuk pemeriksaan ini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="59"/>
        <source>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</source>
        <translation>Kualifikasi {mark} rumah sakit tidak berlaku pada tanggal hasil (berlaku {periods})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="63"/>
        <source>{mark} is recognized only in {scope}, not here</source>
        <translation>{mark} hanya diakui di {scope}, tidak di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="65"/>
        <source>Not recognizable here</source>
        <translation>Tidak dapat diakui di sini</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="70"/>
        <location filename="../app/ui/verdict_text.py" line="104"/>
        <source>Reference only</source>
        <translation>Hanya sebagai referensi</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="76"/>
        <source>Recognizable until {until}</source>
        <translation>Dapat diakui hingga {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="84"/>
        <source>Recognized ({mark})</source>
        <translation>Diakui ({mark})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="86"/>
        <source>{age} days old, window {window} days; recognizable until {until}</source>
        <translation>{age} hari sejak pengambilan sampel, batas waktu pengakuan {window} hari; dapat diakui hingga {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="90"/>
        <source>Reference only, because:</source>
        <translation>Hanya sebagai referensi, karena:</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="93"/>
        <source>Catalogue item: {name} ({code})</source>
        <translation>Pemeriksaan dalam katalog: {name} ({code})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="102"/>
        <source>{marks} {n}/{total}</source>
        <translation>{marks} {n}/{total}</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="55"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="109"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="186"/>
        <source>Huren images</source>
        <extracomment>Series whose instances wait to be taken at the next refresh (`_arrivals`).</extracomment>
        <translation>Citra Huren</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="80"/>
        <source>Image tools</source>
        <translation>Alat citra</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="81"/>
        <source>Window/level</source>
        <translation>Window/level</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="82"/>
        <source>Pan</source>
        <translation>Geser</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="83"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="84"/>
        <source>Measure</source>
        <translation>Ukur</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="87"/>
        <source>Fit</source>
        <translation>Sesuaikan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="88"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="89"/>
        <source>Overlays</source>
        <translation>Informasi tumpang</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="98"/>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="99"/>
        <source>Play</source>
        <translation>Putar</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="91"/>
        <source>Compare with prior</source>
        <translation>Bandingkan dengan sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="92"/>
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
        <location filename="../app/ui/viewer/viewer_window.py" line="194"/>
        <source>Looking up the series…</source>
        <translation>Mencari seri…</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="225"/>
        <source>The study holds no images.</source>
        <translation>Pemeriksaan ini tidak berisi citra.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="226"/>
        <source>Nothing to show.</source>
        <translation>Tidak ada yang dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="227"/>
        <source>No images</source>
        <translation>Tidak ada citra</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="243"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="244"/>
        <source>The images could not be listed.</source>
        <translation>Daftar citra tidak dapat dimuat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="250"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n citra</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="344"/>
        <source>The images could not be fetched: {why}</source>
        <translation>Citra tidak dapat diambil: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="362"/>
        <source>This series cannot be shown.</source>
        <translation>Seri ini tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="384"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} dari {total} citra telah diterima</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="385"/>
        <source>All images arrived</source>
        <translation>Semua citra telah diterima</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="395"/>
        <source>%n image(s) could not be read (hover for details)</source>
        <translation>
            <numerusform>%n citra tidak dapat dibaca (arahkan kursor untuk rinciannya)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="34"/>
        <source>Prior study</source>
        <translation>Pemeriksaan sebelumnya</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="35"/>
        <source>This study</source>
        <translation>Pemeriksaan ini</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="51"/>
        <source>Opened from local media: no report or recognition status from the platform.</source>
        <translation>Dibuka dari media lokal: tanpa hasil bacaan atau status pengakuan dari platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="55"/>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="56"/>
        <source>Impression</source>
        <translation>Kesan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="62"/>
        <source>No imaging report</source>
        <translation>Belum ada hasil bacaan pencitraan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="65"/>
        <source>Report not final ({status})</source>
        <translation>Hasil bacaan belum final ({status})</translation>
    </message>
</context>
</TS>
