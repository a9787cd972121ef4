<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../app/ui/application.py" line="76"/>
        <source>This workstation may not open patient data.</source>
        <translation>This workstation may not open patient data.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="28"/>
        <source>Patient search</source>
        <extracomment>The record behind a line (for tests and for the view&apos;s own use).</extracomment>
        <translation>Patient search</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="29"/>
        <source>Chart opened</source>
        <translation>Chart opened</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="30"/>
        <source>Lab report viewed</source>
        <translation>Lab report viewed</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="31"/>
        <source>Imaging study opened</source>
        <translation>Imaging study opened</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="32"/>
        <source>Order decision</source>
        <translation>Order decision</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="33"/>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="34"/>
        <source>Sign-in</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="35"/>
        <source>Sign-out</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="36"/>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="37"/>
        <source>Screen unlocked</source>
        <translation>Screen unlocked</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="46"/>
        <source>Minor failure</source>
        <translation>Minor failure</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="47"/>
        <source>Serious failure</source>
        <translation>Serious failure</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="48"/>
        <source>Major failure</source>
        <translation>Major failure</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="56"/>
        <source>(nobody signed in)</source>
        <translation>(nobody signed in)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../app/ui/audit_view.py" line="130"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="131"/>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="132"/>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="133"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="134"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="135"/>
        <source>Patient, record or detail</source>
        <translation>Patient, record or detail</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="136"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="137"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="138"/>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="141"/>
        <source>All users</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="144"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="144"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="217"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} of {total} entries</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="223"/>
        <location filename="../app/ui/audit_view.py" line="231"/>
        <source>The audit trail could not be read: {error}</source>
        <translation>The audit trail could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="234"/>
        <source>No audit trail yet at {path}.</source>
        <translation>No audit trail yet at {path}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="237"/>
        <source>The audit trail is intact: {n} entries verified.</source>
        <translation>The audit trail is intact: {n} entries verified.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="227"/>
        <source>The audit trail is broken at line {line}: {reason}</source>
        <translation>The audit trail is broken at line {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="242"/>
        <source>Lines that are not audit entries, not listed: {lines}.</source>
        <translation>Lines that are not audit entries, not listed: {lines}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="251"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="261"/>
        <source>Export failed: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="263"/>
        <source>{n} entries written to {path}</source>
        <translation>{n} entries written to {path}</translation>
    </message>
</context>
<context>
    <name>BodyPart</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="28"/>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="29"/>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="30"/>
        <source>Neck</source>
        <translation>Neck</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="31"/>
        <source>Chest</source>
        <translation>Chest</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="32"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="33"/>
        <source>Pelvis</source>
        <translation>Pelvis</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="34"/>
        <source>Cervical spine</source>
        <translation>Cervical spine</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="35"/>
        <source>Lumbar spine</source>
        <translation>Lumbar spine</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="36"/>
        <source>Knee</source>
        <translation>Knee</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="37"/>
        <source>Breast</source>
        <translation>Breast</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="38"/>
        <source>Heart</source>
        <translation>Heart</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="39"/>
        <source>Liver</source>
        <translation>Liver</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="40"/>
        <source>Thyroid</source>
        <translation>Thyroid</translation>
    </message>
</context>
<context>
    <name>BrowserSignInFlow</name>
    <message>
        <location filename="../app/ui/sign_in_flow.py" line="47"/>
        <source>no web browser could be opened</source>
        <translation>no web browser could be opened</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../app/ui/chart_panel.py" line="197"/>
        <source>{n} unreadable records were skipped (hover for details)</source>
        <translation>{n} unreadable records were skipped (hover for details)</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="203"/>
        <source>Lab reports ({n})</source>
        <translation>Lab reports ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="204"/>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="205"/>
        <source>Images ({n})</source>
        <translation>Images ({n})</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="285"/>
        <source>Could not read {name}: {error}</source>
        <translation>Could not read {name}: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="291"/>
        <source>{name} is not a PNG or JPEG image</source>
        <translation>{name} is not a PNG or JPEG image</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="306"/>
        <source>Could not save the consent form: {error}</source>
        <translation>Could not save the consent form: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="310"/>
        <source>Consent form saved: {link}</source>
        <translation>Consent form saved: {link}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="336"/>
        <location filename="../app/ui/consent_dialog.py" line="424"/>
        <source>Patient: {name}</source>
        <translation>Patient: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="337"/>
        <location filename="../app/ui/consent_dialog.py" line="425"/>
        <source>Ordering physician: {name}</source>
        <translation>Ordering physician: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="340"/>
        <source>Why it is repeated: {reason}</source>
        <translation>Why it is repeated: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="341"/>
        <source>Recognized prior result: {prior}</source>
        <translation>Recognized prior result: {prior}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="342"/>
        <source>Expected fee: {fee}</source>
        <translation>Expected fee: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="343"/>
        <location filename="../app/ui/consent_dialog.py" line="450"/>
        <source>Total expected fee: {fee}</source>
        <translation>Total expected fee: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="347"/>
        <source>Consent to repeat tests — {patient}</source>
        <translation>Consent to repeat tests — {patient}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="348"/>
        <source>What was explained to the patient</source>
        <translation>What was explained to the patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="349"/>
        <source>Who decides</source>
        <translation>Who decides</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="350"/>
        <source>The patient</source>
        <translation>The patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="351"/>
        <source>A family member</source>
        <translation>A family member</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="352"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="353"/>
        <source>Family member&apos;s full name</source>
        <translation>Family member&apos;s full name</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="354"/>
        <source>Relationship to the patient:</source>
        <translation>Relationship to the patient:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="355"/>
        <source>Spouse</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="355"/>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="355"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="355"/>
        <source>Sibling</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="355"/>
        <source>Other guardian</source>
        <translation>Other guardian</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="358"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="359"/>
        <source>How consent is given</source>
        <translation>How consent is given</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="360"/>
        <source>Signature on screen</source>
        <translation>Signature on screen</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="361"/>
        <source>Signed paper form</source>
        <translation>Signed paper form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="362"/>
        <source>Verbal, with witness</source>
        <translation>Verbal, with witness</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="363"/>
        <source>Printed consent form</source>
        <translation>Printed consent form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="364"/>
        <source>Language for the patient:</source>
        <translation>Language for the patient:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="365"/>
        <source>Print consent form…</source>
        <translation>Print consent form…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="366"/>
        <source>Clear signature</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="367"/>
        <source>Print the consent form, let the patient or family member sign it, then scan it and attach the scan here.</source>
        <translation>Print the consent form, let the patient or family member sign it, then scan it and attach the scan here.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="369"/>
        <source>Attach scan…</source>
        <translation>Attach scan…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="370"/>
        <source>The patient or family member agrees aloud. Name the witness who heard it, such as a second member of staff.</source>
        <translation>The patient or family member agrees aloud. Name the witness who heard it, such as a second member of staff.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="372"/>
        <source>Witness:</source>
        <translation>Witness:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="373"/>
        <source>Witness&apos;s full name</source>
        <translation>Witness&apos;s full name</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="374"/>
        <source>Patient consents</source>
        <translation>Patient consents</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="375"/>
        <source>Patient refuses</source>
        <translation>Patient refuses</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="376"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="390"/>
        <location filename="../app/ui/consent_dialog.py" line="411"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="391"/>
        <source>{name} ({where})</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="395"/>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="399"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="405"/>
        <location filename="../app/ui/consent_dialog.py" line="437"/>
        <source>no details</source>
        <translation>no details</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="408"/>
        <location filename="../app/ui/consent_dialog.py" line="441"/>
        <source>reference range {range}</source>
        <translation>reference range {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="410"/>
        <location filename="../app/ui/consent_dialog.py" line="445"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} days old, window {window} days</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="414"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="423"/>
        <source>Consent to repeat tests</source>
        <translation>Consent to repeat tests</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="431"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="431"/>
        <source>Why the doctor repeats it</source>
        <translation>Why the doctor repeats it</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="431"/>
        <source>Recognized prior result</source>
        <translation>Recognized prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="432"/>
        <source>Expected fee</source>
        <translation>Expected fee</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="466"/>
        <source>Enter the family member&apos;s name.</source>
        <translation>Enter the family member&apos;s name.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="467"/>
        <source>The order has no patient name.</source>
        <translation>The order has no patient name.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="468"/>
        <source>Choose the family member&apos;s relationship to the patient.</source>
        <translation>Choose the family member&apos;s relationship to the patient.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="469"/>
        <source>Attach the scan of the signed paper form.</source>
        <translation>Attach the scan of the signed paper form.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="470"/>
        <source>No signature yet: ask the signer to sign on screen.</source>
        <translation>No signature yet: ask the signer to sign on screen.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="471"/>
        <source>Enter the witness&apos;s name.</source>
        <translation>Enter the witness&apos;s name.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="472"/>
        <source>The clock gives no time zone; consent cannot be recorded (tell IT).</source>
        <translation>The clock gives no time zone; consent cannot be recorded (tell IT).</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="487"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="488"/>
        <source>Scan of the signed paper form</source>
        <translation>Scan of the signed paper form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="489"/>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="493"/>
        <source>Signature of the family member {name}</source>
        <translation>Signature of the family member {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="494"/>
        <source>Signature of the family member</source>
        <translation>Signature of the family member</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="496"/>
        <source>Signature of the patient {name}</source>
        <translation>Signature of the patient {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="512"/>
        <source>Attached: {name} ({size} KB)</source>
        <translation>Attached: {name} ({size} KB)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="516"/>
        <source>No scan attached</source>
        <translation>No scan attached</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="518"/>
        <source>No scan</source>
        <translation>No scan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="542"/>
        <source>Attach the scan of the signed consent form</source>
        <translation>Attach the scan of the signed consent form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="543"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="549"/>
        <source>Consent form {patient} {date}</source>
        <translation>Consent form {patient} {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="551"/>
        <source>Save the consent form for printing</source>
        <translation>Save the consent form for printing</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="552"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="42"/>
        <source>Informed consent to repeat a test already recognized between hospitals</source>
        <translation>Informed consent to repeat a test already recognized between hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="43"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="44"/>
        <source>Ordering physician</source>
        <translation>Ordering physician</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="45"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="46"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="47"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="48"/>
        <source>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</source>
        <translation>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="54"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="55"/>
        <source>Recognized result</source>
        <translation>Recognized result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="56"/>
        <source>Date of the result</source>
        <translation>Date of the result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="57"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="58"/>
        <source>HR mark</source>
        <translation>HR mark</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="59"/>
        <source>Why the doctor recommends repeating it</source>
        <translation>Why the doctor recommends repeating it</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="60"/>
        <source>Fee (yuan)</source>
        <translation>Fee (yuan)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="61"/>
        <source>Total expected fee</source>
        <translation>Total expected fee</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="62"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="63"/>
        <source>reference range {range}</source>
        <translation>reference range {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="64"/>
        <source>{age} days old, recognized for {window} days</source>
        <translation>{age} days old, recognized for {window} days</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="65"/>
        <source>No details of the earlier result</source>
        <translation>No details of the earlier result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="66"/>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="67"/>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="68"/>
        <source>{reason}: {note}</source>
        <translation>{reason}: {note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="69"/>
        <source>The medical staff have explained to me that a result of the test(s) above from another hospital already exists and is recognized here, so the test would not normally need to be repeated. The doctor has told me why repeating it is recommended and what the repeat costs. I have been able to ask questions, and I understand that I am free to decline the repeat.</source>
        <translation>The medical staff have explained to me that a result of the test(s) above from another hospital already exists and is recognized here, so the test would not normally need to be repeated. The doctor has told me why repeating it is recommended and what the repeat costs. I have been able to ask questions, and I understand that I am free to decline the repeat.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>I agree to repeat the test(s) listed above.</source>
        <translation>I agree to repeat the test(s) listed above.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="76"/>
        <source>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</source>
        <translation>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="78"/>
        <source>Signature of the patient or family member</source>
        <translation>Signature of the patient or family member</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="79"/>
        <source>Relationship to the patient</source>
        <translation>Relationship to the patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="80"/>
        <source>Nurse who explained</source>
        <translation>Nurse who explained</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="81"/>
        <source>Physician</source>
        <translation>Physician</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="82"/>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="83"/>
        <source>{patient} · order no. {order} · page {page} of {pages}</source>
        <translation>{patient} · order no. {order} · page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="84"/>
        <source>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</source>
        <translation>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</translation>
    </message>
</context>
<context>
    <name>ConsentWorklistDialog</name>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="48"/>
        <source>Awaiting consent</source>
        <translation>Awaiting consent</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="49"/>
        <source>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</source>
        <translation>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="51"/>
        <source>Record consent…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="52"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="70"/>
        <source>The list may be incomplete: {sources} did not give all waiting orders.</source>
        <translation>The list may be incomplete: {sources} did not give all waiting orders.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="77"/>
        <source>{patient} — {items}
ordered by {doctor}, {when}</source>
        <translation>{patient} — {items}
ordered by {doctor}, {when}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="105"/>
        <source>Consent not recorded</source>
        <translation>Consent not recorded</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="156"/>
        <source>Recognition dashboard</source>
        <translation>Recognition dashboard</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="157"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="158"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="159"/>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="160"/>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="161"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="161"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="161"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="164"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="165"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="166"/>
        <location filename="../app/ui/dashboard_view.py" line="186"/>
        <location filename="../app/ui/dashboard_view.py" line="287"/>
        <source>Recognized</source>
        <translation>Recognized</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="167"/>
        <location filename="../app/ui/dashboard_view.py" line="186"/>
        <location filename="../app/ui/dashboard_view.py" line="287"/>
        <source>Repeated</source>
        <translation>Repeated</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="168"/>
        <location filename="../app/ui/dashboard_view.py" line="186"/>
        <source>Recognition rate</source>
        <translation>Recognition rate</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="169"/>
        <source>Fees saved</source>
        <translation>Fees saved</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="170"/>
        <source>Recognitions and repeats over time</source>
        <translation>Recognitions and repeats over time</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="171"/>
        <source>Repeats by reason</source>
        <translation>Repeats by reason</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="172"/>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="173"/>
        <source>By doctor</source>
        <translation>By doctor</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="174"/>
        <source>By item</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="180"/>
        <location filename="../app/ui/dashboard_view.py" line="253"/>
        <source>All hospitals</source>
        <translation>All hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Item code</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="187"/>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <source>Fees saved (¥)</source>
        <translation>Fees saved (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="189"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="189"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <location filename="../app/ui/dashboard_view.py" line="193"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <location filename="../app/ui/dashboard_view.py" line="193"/>
        <source>Reason code</source>
        <translation>Reason code</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <source>Fee (¥)</source>
        <translation>Fee (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="191"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="192"/>
        <source>Period from</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="193"/>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="197"/>
        <source>recognized</source>
        <translation>recognized</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="197"/>
        <source>repeated</source>
        <translation>repeated</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="214"/>
        <source>The range ends before it starts.</source>
        <translation>The range ends before it starts.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Loading the order records of {start} to {end}…</source>
        <translation>Loading the order records of {start} to {end}…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="240"/>
        <source>The order records could not be loaded: {error}</source>
        <translation>The order records could not be loaded: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>Dates changed: press Refresh to search the platform again.</source>
        <translation>Dates changed: press Refresh to search the platform again.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="255"/>
        <source>(hospital not known)</source>
        <translation>(hospital not known)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="297"/>
        <source>{n} decisions from {start} to {end}</source>
        <translation>{n} decisions from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="301"/>
        <source>{source} incomplete: {gaps}</source>
        <translation>{source} incomplete: {gaps}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="304"/>
        <source>{source} not reached: {message}</source>
        <translation>{source} not reached: {message}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="311"/>
        <source>Choose a folder for the CSV files</source>
        <translation>Choose a folder for the CSV files</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="324"/>
        <source>Export failed: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="326"/>
        <source>{n} CSV files written to {folder}</source>
        <translation>{n} CSV files written to {folder}</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../app/ui/document_view.py" line="144"/>
        <source>Opening the original document…</source>
        <translation>Opening the original document…</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="146"/>
        <source>Showing the first {n} of {total} pages.</source>
        <translation>Showing the first {n} of {total} pages.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="159"/>
        <source>The document could not be opened: {error}</source>
        <translation>The document could not be opened: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="162"/>
        <source>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</source>
        <translation>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="165"/>
        <source>The document is too large to open here (the limit is {mb} MB).</source>
        <translation>The document is too large to open here (the limit is {mb} MB).</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="168"/>
        <source>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</source>
        <translation>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="171"/>
        <source>The report names a document but carries neither its content nor its address.</source>
        <translation>The report names a document but carries neither its content nor its address.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="173"/>
        <source>The document cannot be read: it is damaged or not what it claims to be ({detail}).</source>
        <translation>The document cannot be read: it is damaged or not what it claims to be ({detail}).</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="175"/>
        <source>The platform did not give the document: {detail}</source>
        <translation>The platform did not give the document: {detail}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="238"/>
        <source>Document {n}</source>
        <translation>Document {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="247"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="248"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="249"/>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="250"/>
        <source>Close the document</source>
        <translation>Close the document</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <location filename="../app/ui/viewer/image_pane.py" line="240"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} of {total} images arrived</translation>
    </message>
</context>
<context>
    <name>LabReportsView</name>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="164"/>
        <source>No report selected</source>
        <translation>No report selected</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="170"/>
        <source>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</source>
        <translation>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="180"/>
        <source>Unknown hospital</source>
        <translation>Unknown hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="181"/>
        <source> — status: {status}</source>
        <translation> — status: {status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="183"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="243"/>
        <location filename="../app/ui/lab_reports_view.py" line="264"/>
        <source>Original document</source>
        <translation>Original document</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="259"/>
        <source>Trend across hospitals</source>
        <translation>Trend across hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="265"/>
        <source>The report as the hospital printed it, beside the list</source>
        <translation>The report as the hospital printed it, beside the list</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../app/ui/lock_screen.py" line="78"/>
        <source>Huren is locked</source>
        <translation>Huren is locked</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="79"/>
        <source>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</source>
        <translation>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="82"/>
        <source>Unlock as {user}</source>
        <translation>Unlock as {user}</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="100"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="185"/>
        <source>Catalogue not loaded: {e}</source>
        <extracomment>How often the outbox is tried while records wait (ms); each entry backs off on its own. The platform ended the session (emitted from whichever worker noticed).</extracomment>
        <translation>Catalogue not loaded: {e}</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="274"/>
        <source>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely ({problem})</source>
        <translation>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely ({problem})</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="428"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="429"/>
        <source>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</source>
        <translation>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="454"/>
        <location filename="../app/ui/main_window.py" line="705"/>
        <source>not signed in</source>
        <translation>not signed in</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="472"/>
        <source>Administrators read the audit trail; patient records are for clinical staff</source>
        <translation>Administrators read the audit trail; patient records are for clinical staff</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="484"/>
        <source>Awaiting consent ({n})</source>
        <translation>Awaiting consent ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="528"/>
        <source>Order saved: waiting for the patient&apos;s consent</source>
        <translation>Order saved: waiting for the patient&apos;s consent</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="529"/>
        <source>Recognition recorded; the patient saves the fee</source>
        <translation>Recognition recorded; the patient saves the fee</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="580"/>
        <source>{n} records refused by the platform (hover for why)</source>
        <translation>{n} records refused by the platform (hover for why)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="583"/>
        <source>{n} records waiting to be sent</source>
        <translation>{n} records waiting to be sent</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="585"/>
        <source>All records sent</source>
        <translation>All records sent</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="589"/>
        <source>{when}: {error}</source>
        <translation>{when}: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="624"/>
        <source>The HIS launch was refused: {error}</source>
        <translation>The HIS launch was refused: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="639"/>
        <source>Unknown item {code}</source>
        <translation>Unknown item {code}</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="657"/>
        <source>No report {id} in this chart</source>
        <translation>No report {id} in this chart</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="678"/>
        <source>Loading recognition catalogue…</source>
        <translation>Loading recognition catalogue…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="680"/>
        <source>from the platform</source>
        <translation>from the platform</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="680"/>
        <source>cached copy</source>
        <translation>cached copy</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="681"/>
        <source>bundled copy</source>
        <translation>bundled copy</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="682"/>
        <source>Recognition catalogue {version} ({origin}), {n} items</source>
        <translation>Recognition catalogue {version} ({origin}), {n} items</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="689"/>
        <source>Huren — mutual recognition of results</source>
        <translation>Huren — mutual recognition of results</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="693"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="696"/>
        <source>DEMO — synthetic data, not real patients (embedded demo platform)</source>
        <translation>DEMO — synthetic data, not real patients (embedded demo platform)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="697"/>
        <source>SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member</source>
        <translation>SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="699"/>
        <source>UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by this account&apos;s file permissions (site setting)</source>
        <translation>UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by this account&apos;s file permissions (site setting)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="701"/>
        <source>User: </source>
        <translation>User: </translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="702"/>
        <source>New lab order…</source>
        <translation>New lab order…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="703"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="706"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="707"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="708"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="709"/>
        <source>Huren {version}</source>
        <translation>Huren {version}</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="710"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="99"/>
        <source>Order check for the HIS is off: no service secret</source>
        <translation>Order check for the HIS is off: no service secret</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="106"/>
        <source>Order check for the HIS could not start: {error}</source>
        <translation>Order check for the HIS could not start: {error}</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../app/ui/order_dialog.py" line="124"/>
        <source>New lab order — {name}</source>
        <translation>New lab order — {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="125"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="127"/>
        <source>Search items and panels: name, code or LOINC</source>
        <translation>Search items and panels: name, code or LOINC</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="128"/>
        <source>Clinical notes</source>
        <translation>Clinical notes</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="129"/>
        <source>Check prior results</source>
        <translation>Check prior results</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="130"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="131"/>
        <source>Send order</source>
        <translation>Send order</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="133"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="133"/>
        <source>Prior result</source>
        <translation>Prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="133"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="133"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="133"/>
        <source>Mark</source>
        <translation>Mark</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="134"/>
        <source>Age / window</source>
        <translation>Age / window</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="134"/>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="134"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="134"/>
        <source>Reason for repeat</source>
        <translation>Reason for repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="135"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>Panel: {name} — {n} items</source>
        <translation>Panel: {name} — {n} items</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="178"/>
        <source>Chosen: {names}</source>
        <translation>Chosen: {names}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="178"/>
        <source>nothing yet</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="221"/>
        <source>printed report (value on the page)</source>
        <translation>printed report (value on the page)</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="229"/>
        <source>Recognize prior result</source>
        <translation>Recognize prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="230"/>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="231"/>
        <source>— choose a reason —</source>
        <translation>— choose a reason —</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="234"/>
        <source>Free text (required for &apos;Other&apos;)</source>
        <translation>Free text (required for &apos;Other&apos;)</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="236"/>
        <source>{age} d / {window} d</source>
        <translation>{age} d / {window} d</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="239"/>
        <source>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</source>
        <translation>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="245"/>
        <source>no prior result</source>
        <translation>no prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="247"/>
        <source>Ordered as usual (no recognizable prior result): {items}</source>
        <translation>Ordered as usual (no recognizable prior result): {items}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="250"/>
        <source>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</source>
        <translation>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="277"/>
        <source>{item}: choose a reason for the repeat</source>
        <translation>{item}: choose a reason for the repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="278"/>
        <source>{item}: explain the reason in the note</source>
        <translation>{item}: explain the reason in the note</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="279"/>
        <source>{item}: there is no prior result to recognize</source>
        <translation>{item}: there is no prior result to recognize</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="310"/>
        <source>Order not sent</source>
        <translation>Order not sent</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="43"/>
        <source>Se {n}</source>
        <translation>Se {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="46"/>
        <source>Im {i}/{n}</source>
        <translation>Im {i}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="48"/>
        <source>Frame {f}/{n}</source>
        <translation>Frame {f}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="50"/>
        <source>Pos {z:.1f} mm</source>
        <translation>Pos {z:.1f} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="52"/>
        <source>Thk {t:g} mm</source>
        <translation>Thk {t:g} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="57"/>
        <source>W {w:.0f} L {c:.0f}</source>
        <translation>W {w:.0f} L {c:.0f}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="58"/>
        <source>Zoom {z:.0f}%</source>
        <translation>Zoom {z:.0f}%</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="60"/>
        <source>No pixel spacing: lengths in px</source>
        <translation>No pixel spacing: lengths in px</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="62"/>
        <source>Spacing at detector</source>
        <translation>Spacing at detector</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/study_context.py" line="30"/>
        <source>{age} y</source>
        <translation>{age} y</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../app/ui/patient_banner.py" line="51"/>
        <source>No patient open</source>
        <translation>No patient open</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="52"/>
        <source>Find a patient on the left to see lab reports from every connected hospital.</source>
        <translation>Find a patient on the left to see lab reports from every connected hospital.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="54"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="54"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="54"/>
        <source>Unknown sex</source>
        <translation>Unknown sex</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="56"/>
        <source>{age} y</source>
        <translation>{age} y</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="62"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="64"/>
        <source>Insurance card {card}</source>
        <translation>Insurance card {card}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="68"/>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="68"/>
        <source>none found</source>
        <translation>none found</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="69"/>
        <source>Records at: {hospitals}</source>
        <translation>Records at: {hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="71"/>
        <source>(incomplete: see the sources below)</source>
        <translation>(incomplete: see the sources below)</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="97"/>
        <source>&lt;b&gt;Find patient&lt;/b&gt;</source>
        <translation>&lt;b&gt;Find patient&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="100"/>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="100"/>
        <source>Insurance card</source>
        <translation>Insurance card</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="100"/>
        <source>Name + birth date</source>
        <translation>Name + birth date</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="102"/>
        <source>18-digit resident ID</source>
        <translation>18-digit resident ID</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="103"/>
        <source>Medical insurance card number</source>
        <translation>Medical insurance card number</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="104"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="105"/>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="106"/>
        <source>Search all hospitals</source>
        <translation>Search all hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="107"/>
        <source>Patients found</source>
        <translation>Patients found</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="108"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="125"/>
        <source>Enter the insurance card number</source>
        <translation>Enter the insurance card number</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="129"/>
        <source>Enter the patient&apos;s name</source>
        <translation>Enter the patient&apos;s name</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="180"/>
        <source>No patient found at any source that answered.</source>
        <translation>No patient found at any source that answered.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="194"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="194"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="220"/>
        <source>it must have 18 characters</source>
        <translation>it must have 18 characters</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="221"/>
        <source>it must be 17 digits followed by a digit or X</source>
        <translation>it must be 17 digits followed by a digit or X</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="222"/>
        <source>the birth date in it is not a date</source>
        <translation>the birth date in it is not a date</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="223"/>
        <source>the birth date in it is not plausible</source>
        <translation>the birth date in it is not plausible</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="224"/>
        <source>the check digit does not match: a digit was probably mistyped</source>
        <translation>the check digit does not match: a digit was probably mistyped</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="226"/>
        <source>Resident ID not valid: {reason}</source>
        <translation>Resident ID not valid: {reason}</translation>
    </message>
</context>
<context>
    <name>ReadProblem</name>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="20"/>
        <source>The file is not a DICOM image.</source>
        <translation>The file is not a DICOM image.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="21"/>
        <source>The file cannot be opened (permissions, or a damaged disc).</source>
        <translation>The file cannot be opened (permissions, or a damaged disc).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="22"/>
        <source>The file is marked as DICOM but its header is damaged.</source>
        <translation>The file is marked as DICOM but its header is damaged.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="23"/>
        <source>The file is incomplete: it ends too early (copied or sent only in part).</source>
        <translation>The file is incomplete: it ends too early (copied or sent only in part).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="24"/>
        <source>The file holds no image (a report, a structured document or a key object).</source>
        <translation>The file holds no image (a report, a structured document or a key object).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="25"/>
        <source>The image is compressed in a way this program cannot decode.</source>
        <translation>The image is compressed in a way this program cannot decode.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="26"/>
        <source>The compressed image data is damaged.</source>
        <translation>The compressed image data is damaged.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="27"/>
        <source>The image data does not match the size the file declares.</source>
        <translation>The image data does not match the size the file declares.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="28"/>
        <source>The image is too large to open safely.</source>
        <translation>The image is too large to open safely.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="29"/>
        <source>This kind of image cannot be shown.</source>
        <translation>This kind of image cannot be shown.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="31"/>
        <source>The image cannot be read.</source>
        <translation>The image cannot be read.</translation>
    </message>
</context>
<context>
    <name>RepeatReason</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="31"/>
        <source>Condition changed: the result no longer fits the clinical picture</source>
        <translation>Condition changed: the result no longer fits the clinical picture</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="32"/>
        <source>Value changes fast in this disease</source>
        <translation>Value changes fast in this disease</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="33"/>
        <source>Crucial for the next step (e.g. before surgery or transfusion)</source>
        <translation>Crucial for the next step (e.g. before surgery or transfusion)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="34"/>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="35"/>
        <source>Forensic, disability or sick-retirement appraisal</source>
        <translation>Forensic, disability or sick-retirement appraisal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="36"/>
        <source>Patient or family asks for it</source>
        <translation>Patient or family asks for it</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="37"/>
        <source>Issuing laboratory failed quality control</source>
        <translation>Issuing laboratory failed quality control</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="38"/>
        <source>Other (explain)</source>
        <translation>Other (explain)</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="68"/>
        <source>Unknown hospital</source>
        <translation>Unknown hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="71"/>
        <source>{name} · document only</source>
        <translation>{name} · document only</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="79"/>
        <source>Came only as the printed report, without structured results: double-click to read it</source>
        <translation>Came only as the printed report, without structured results: double-click to read it</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="81"/>
        <source>The printed report is available: double-click to read it beside the results</source>
        <translation>The printed report is available: double-click to read it beside the results</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="84"/>
        <source>Judged for the report as a whole (it came only as a document)</source>
        <translation>Judged for the report as a whole (it came only as a document)</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="87"/>
        <source>{n} of {total} items recognized</source>
        <translation>{n} of {total} items recognized</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="114"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="115"/>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="115"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="115"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../app/ui/role_text.py" line="13"/>
        <source>Physician</source>
        <translation>Physician</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="14"/>
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="15"/>
        <source>Department head</source>
        <translation>Department head</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="16"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
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
        <translation>Sign in to Huren</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="93"/>
        <source>Your hospital&apos;s sign-in page opens in the web browser. Sign in there with your hospital account, then come back to this window.</source>
        <translation>Your hospital&apos;s sign-in page opens in the web browser. Sign in there with your hospital account, then come back to this window.</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="95"/>
        <source>Sign in with the hospital account</source>
        <translation>Sign in with the hospital account</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="97"/>
        <source>Huren is locked</source>
        <translation>Huren is locked</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="98"/>
        <source>Locked at {time}: patient data is hidden. {user} signs in again to go on where they left off; another user signing in closes the open patient.</source>
        <translation>Locked at {time}: patient data is hidden. {user} signs in again to go on where they left off; another user signing in closes the open patient.</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="102"/>
        <source>The platform ended the session.</source>
        <translation>The platform ended the session.</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="105"/>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="107"/>
        <source>Waiting for the sign-in in the web browser…</source>
        <translation>Waiting for the sign-in in the web browser…</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="110"/>
        <source>Not signed in: {problem}</source>
        <translation>Not signed in: {problem}</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="113"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../app/ui/signature_pad.py" line="90"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
    <message>
        <location filename="../app/ui/signature_pad.py" line="91"/>
        <source>Sign with the mouse, a finger or the pen</source>
        <translation>Sign with the mouse, a finger or the pen</translation>
    </message>
</context>
<context>
    <name>SourceStatusView</name>
    <message>
        <location filename="../app/ui/source_status_view.py" line="52"/>
        <source>waiting for answer</source>
        <translation>waiting for answer</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="54"/>
        <source>{n} found in {s:.1f} s</source>
        <translation>{n} found in {s:.1f} s</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="56"/>
        <source>incomplete</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="58"/>
        <source>no answer in time: {msg}</source>
        <translation>no answer in time: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="60"/>
        <source>unreachable: {msg}</source>
        <translation>unreachable: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="62"/>
        <source>sign-in needed</source>
        <translation>sign-in needed</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="64"/>
        <source>error: {msg}</source>
        <translation>error: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="76"/>
        <source>showing {shown} of {total}: the platform gave no further page</source>
        <translation>showing {shown} of {total}: the platform gave no further page</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="80"/>
        <source>{n} found</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="82"/>
        <source>{n} linked records could not be fetched</source>
        <translation>{n} linked records could not be fetched</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="85"/>
        <source>{n} records could not be read</source>
        <translation>{n} records could not be read</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="88"/>
        <source>part of the answer failed: {msg}</source>
        <translation>part of the answer failed: {msg}</translation>
    </message>
</context>
<context>
    <name>StudiesView</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="147"/>
        <location filename="../app/ui/studies_view.py" line="196"/>
        <source>No imaging studies on record.</source>
        <translation>No imaging studies on record.</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="150"/>
        <location filename="../app/ui/studies_view.py" line="197"/>
        <source>Open images</source>
        <translation>Open images</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="188"/>
        <source>Impression: {text}</source>
        <translation>Impression: {text}</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="189"/>
        <source>No imaging report</source>
        <translation>No imaging report</translation>
    </message>
</context>
<context>
    <name>StudyListModel</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="84"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="84"/>
        <source>Modality</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="84"/>
        <source>Body part</source>
        <translation>Body part</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="84"/>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="85"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="85"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="85"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="85"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="105"/>
        <source>Unknown hospital</source>
        <translation>Unknown hospital</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../app/ui/trend_plot.py" line="41"/>
        <source>converted from {value:g} {unit}</source>
        <translation>converted from {value:g} {unit}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="46"/>
        <source>reference range {low}–{high}</source>
        <translation>reference range {low}–{high}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="81"/>
        <source>recognition window {days} days</source>
        <translation>recognition window {days} days</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="51"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="51"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="51"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="51"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="51"/>
        <source>As written</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="52"/>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="52"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="52"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="151"/>
        <source>Plot</source>
        <translation>Plot</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="152"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="153"/>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="154"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="155"/>
        <source>Whole period</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="156"/>
        <source>Choose one or more items on the left.</source>
        <translation>Choose one or more items on the left.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="157"/>
        <source>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today</source>
        <translation>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="161"/>
        <location filename="../app/ui/trends_view.py" line="192"/>
        <source>Panel…</source>
        <translation>Panel…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="225"/>
        <source>{n} values converted to the unit shown (from {units}); hover a point to see what the hospital wrote.</source>
        <translation>{n} values converted to the unit shown (from {units}); hover a point to see what the hospital wrote.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="231"/>
        <source>{n} results could not be plotted (hover for details)</source>
        <translation>{n} results could not be plotted (hover for details)</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="277"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="282"/>
        <source>Export PNG</source>
        <translation>Export PNG</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../app/ui/verdict_text.py" line="21"/>
        <source>nationwide</source>
        <translation>nationwide</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="23"/>
        <source>province {region}</source>
        <translation>province {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="24"/>
        <source>city {region}</source>
        <translation>city {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="25"/>
        <source>district {region}</source>
        <translation>district {region}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="30"/>
        <source>open-ended</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="37"/>
        <source>Not on the recognition list</source>
        <translation>Not on the recognition list</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="39"/>
        <source>On the recognition list only in {scope}, not here</source>
        <translation>On the recognition list only in {scope}, not here</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="41"/>
        <source>No imaging report yet</source>
        <translation>No imaging report yet</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="43"/>
        <source>Result not final (status: {status})</source>
        <translation>Result not final (status: {status})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="45"/>
        <source>No specimen date: age unknown</source>
        <translation>No specimen date: age unknown</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="47"/>
        <source>Dated in the future: check the issuing hospital&apos;s record</source>
        <translation>Dated in the future: check the issuing hospital&apos;s record</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="49"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} days old, window {window} days</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="51"/>
        <source>Issuing hospital unknown</source>
        <translation>Issuing hospital unknown</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="53"/>
        <source>Issuing hospital has no HR qualification for this item</source>
        <translation>Issuing hospital has no HR qualification for this item</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="56"/>
        <source>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</source>
        <translation>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="59"/>
        <source>{mark} is recognized only in {scope}, not here</source>
        <translation>{mark} is recognized only in {scope}, not here</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="65"/>
        <location filename="../app/ui/verdict_text.py" line="95"/>
        <source>Reference only</source>
        <translation>Reference only</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="71"/>
        <source>Recognizable until {until}</source>
        <translation>Recognizable until {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="78"/>
        <source>Recognized ({mark})</source>
        <translation>Recognized ({mark})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="80"/>
        <source>{age} days old, window {window} days; recognizable until {until}</source>
        <translation>{age} days old, window {window} days; recognizable until {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="83"/>
        <source>Reference only, because:</source>
        <translation>Reference only, because:</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="86"/>
        <source>Catalogue item: {name} ({code})</source>
        <translation>Catalogue item: {name} ({code})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="94"/>
        <source>{marks} {n}/{total}</source>
        <translation>{marks} {n}/{total}</translation>
    </message>
</context>
<context>
    <name>ViewerWindow</name>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="84"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="145"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="298"/>
        <source>Huren images</source>
        <translation>Huren images</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="146"/>
        <source>Image tools</source>
        <translation>Image tools</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="147"/>
        <source>Window/level</source>
        <translation>Window/level</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="147"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="147"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="148"/>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="151"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="152"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="153"/>
        <source>Overlays</source>
        <translation>Overlays</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="154"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="285"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="154"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="280"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="155"/>
        <source>Compare with prior</source>
        <translation>Compare with prior</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="156"/>
        <source>Link scrolling</source>
        <translation>Link scrolling</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="232"/>
        <source>Window: as stored</source>
        <translation>Window: as stored</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="238"/>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="238"/>
        <source>Lung</source>
        <translation>Lung</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="239"/>
        <source>Bone</source>
        <translation>Bone</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="239"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="240"/>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="245"/>
        <source>W {w:.0f} L {c:.0f}</source>
        <translation>W {w:.0f} L {c:.0f}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="306"/>
        <source>Looking up the series…</source>
        <translation>Looking up the series…</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="339"/>
        <source>The study holds no images.</source>
        <translation>The study holds no images.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="340"/>
        <source>Nothing to show.</source>
        <translation>Nothing to show.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="341"/>
        <source>No images</source>
        <translation>No images</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="361"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="362"/>
        <source>The images could not be listed.</source>
        <translation>The images could not be listed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="367"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="436"/>
        <source>The images could not be fetched: {why}</source>
        <translation>The images could not be fetched: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="449"/>
        <source>This series cannot be shown.</source>
        <translation>This series cannot be shown.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="478"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} of {total} images arrived</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="479"/>
        <source>All images arrived</source>
        <translation>All images arrived</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="489"/>
        <source>%n image(s) could not be read (hover for details)</source>
        <translation>
            <numerusform>%n image could not be read (hover for details)</numerusform>
            <numerusform>%n images could not be read (hover for details)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="560"/>
        <source>Prior study</source>
        <translation>Prior study</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="560"/>
        <source>This study</source>
        <translation>This study</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="573"/>
        <source>Opened from local media: no report or recognition status from the platform.</source>
        <translation>Opened from local media: no report or recognition status from the platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="577"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="577"/>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="585"/>
        <source>No imaging report</source>
        <translation>No imaging report</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="588"/>
        <source>Report not final ({status})</source>
        <translation>Report not final ({status})</translation>
    </message>
</context>
</TS>
