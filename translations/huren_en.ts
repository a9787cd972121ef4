<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../app/ui/application.py" line="98"/>
        <source>This workstation may not open patient data.</source>
        <translation>This workstation may not open patient data.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="29"/>
        <source>Patient search</source>
        <extracomment>The record behind a line (for tests and for the view&apos;s own use).</extracomment>
        <translation>Patient search</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="30"/>
        <source>Chart opened</source>
        <translation>Chart opened</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="31"/>
        <source>Lab report viewed</source>
        <translation>Lab report viewed</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="32"/>
        <source>Imaging study opened</source>
        <translation>Imaging study opened</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="33"/>
        <source>Order decision</source>
        <translation>Order decision</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="34"/>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="35"/>
        <source>Recognition revoked</source>
        <translation>Recognition revoked</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="36"/>
        <source>Reminder shown</source>
        <translation>Reminder shown</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="37"/>
        <source>Sign-in</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="38"/>
        <source>Sign-out</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="39"/>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="40"/>
        <source>Screen unlocked</source>
        <translation>Screen unlocked</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="49"/>
        <source>Minor failure</source>
        <translation>Minor failure</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="50"/>
        <source>Serious failure</source>
        <translation>Serious failure</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="51"/>
        <source>Major failure</source>
        <translation>Major failure</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="59"/>
        <source>(nobody signed in)</source>
        <translation>(nobody signed in)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="144"/>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="145"/>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="146"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="147"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="148"/>
        <source>Patient, record or detail</source>
        <translation>Patient, record or detail</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="149"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="150"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="151"/>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="154"/>
        <source>All users</source>
        <translation>All users</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="157"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="157"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="230"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} of {total} entries</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="236"/>
        <location filename="../app/ui/audit_view.py" line="244"/>
        <source>The audit trail could not be read: {error}</source>
        <translation>The audit trail could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="247"/>
        <source>No audit trail yet at {path}.</source>
        <translation>No audit trail yet at {path}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="250"/>
        <source>The audit trail is intact: {n} entries verified.</source>
        <translation>The audit trail is intact: {n} entries verified.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="240"/>
        <source>The audit trail is broken at line {line}: {reason}</source>
        <translation>The audit trail is broken at line {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="255"/>
        <source>Lines that are not audit entries, not listed: {lines}.</source>
        <translation>Lines that are not audit entries, not listed: {lines}.</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="264"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="274"/>
        <source>Export failed: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="276"/>
        <source>{n} entries written to {path}</source>
        <translation>{n} entries written to {path}</translation>
    </message>
</context>
<context>
    <name>BodyPart</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="44"/>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="45"/>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="46"/>
        <source>Neck</source>
        <translation>Neck</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="47"/>
        <source>Chest</source>
        <translation>Chest</translation>
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
        <translation>Cervical spine</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="51"/>
        <source>Lumbar spine</source>
        <translation>Lumbar spine</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="52"/>
        <source>Knee</source>
        <translation>Knee</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="53"/>
        <source>Breast</source>
        <translation>Breast</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="54"/>
        <source>Heart</source>
        <translation>Heart</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="55"/>
        <source>Liver</source>
        <translation>Liver</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="56"/>
        <source>Thyroid</source>
        <translation>Thyroid</translation>
    </message>
</context>
<context>
    <name>BrowserSignInFlow</name>
    <message>
        <location filename="../app/ui/sign_in_flow.py" line="51"/>
        <source>no web browser could be opened</source>
        <translation>no web browser could be opened</translation>
    </message>
</context>
<context>
    <name>CatalogueStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="80"/>
        <source>Catalogue not loaded: {e}</source>
        <translation>Catalogue not loaded: {e}</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="85"/>
        <source>Loading recognition catalogue…</source>
        <translation>Loading recognition catalogue…</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="87"/>
        <source>from the platform</source>
        <translation>from the platform</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="87"/>
        <source>cached copy</source>
        <translation>cached copy</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="88"/>
        <source>bundled copy</source>
        <translation>bundled copy</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="89"/>
        <source>Recognition catalogue {version} ({origin}), {n} items</source>
        <translation>Recognition catalogue {version} ({origin}), {n} items</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../app/ui/chart_panel.py" line="318"/>
        <source>{n} unreadable records were skipped (hover for details)</source>
        <translation>{n} unreadable records were skipped (hover for details)</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="324"/>
        <source>Lab reports ({n})</source>
        <translation>Lab reports ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="325"/>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="326"/>
        <source>Images ({n})</source>
        <translation>Images ({n})</translation>
    </message>
</context>
<context>
    <name>ChartRequests</name>
    <message>
        <location filename="../app/ui/chart_requests.py" line="65"/>
        <source>The HIS launch was refused: {error}</source>
        <extracomment>The platform named the user of an HIS launch (a StaffMember): the window signs them in. The window comes to the front (asked for with the request).</extracomment>
        <translation>The HIS launch was refused: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="103"/>
        <source>Unknown item {code}</source>
        <translation>Unknown item {code}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="112"/>
        <source>No report {id} in this chart</source>
        <translation>No report {id} in this chart</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../app/ui/consent_scan.py" line="69"/>
        <source>Could not read {name}: {error}</source>
        <translation>Could not read {name}: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="76"/>
        <source>{name} is not a PNG or JPEG image</source>
        <translation>{name} is not a PNG or JPEG image</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="179"/>
        <source>Could not save the consent form: {error}</source>
        <translation>Could not save the consent form: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="182"/>
        <source>Consent form saved: {link}</source>
        <translation>Consent form saved: {link}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="84"/>
        <source>Patient: {name}</source>
        <translation>Patient: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="89"/>
        <source>Ordering physician: {name}</source>
        <translation>Ordering physician: {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="103"/>
        <source>Why it is repeated: {reason}</source>
        <translation>Why it is repeated: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="105"/>
        <source>Recognized prior result: {prior}</source>
        <translation>Recognized prior result: {prior}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="107"/>
        <source>Expected fee: {fee}</source>
        <translation>Expected fee: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="93"/>
        <source>Total expected fee: {fee}</source>
        <translation>Total expected fee: {fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="202"/>
        <source>Consent to repeat tests — {patient}</source>
        <translation>Consent to repeat tests — {patient}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="167"/>
        <source>What was explained to the patient</source>
        <translation>What was explained to the patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="78"/>
        <source>Who decides</source>
        <translation>Who decides</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="79"/>
        <source>The patient</source>
        <translation>The patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="80"/>
        <source>A family member</source>
        <translation>A family member</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="81"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="82"/>
        <source>Family member&apos;s full name</source>
        <translation>Family member&apos;s full name</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="83"/>
        <source>Relationship to the patient:</source>
        <translation>Relationship to the patient:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="84"/>
        <source>Spouse</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="85"/>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="86"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="87"/>
        <source>Sibling</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="88"/>
        <source>Other guardian</source>
        <translation>Other guardian</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="91"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="52"/>
        <source>How the decision is given</source>
        <translation>How the decision is given</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="53"/>
        <source>Signature on screen</source>
        <translation>Signature on screen</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="54"/>
        <source>Signed paper form</source>
        <translation>Signed paper form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="55"/>
        <source>Verbal, with witness</source>
        <translation>Verbal, with witness</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="59"/>
        <source>Printed consent form</source>
        <translation>Printed consent form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="60"/>
        <source>Language for the patient:</source>
        <translation>Language for the patient:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="61"/>
        <source>Print consent form…</source>
        <translation>Print consent form…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="112"/>
        <source>Clear signature</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="97"/>
        <source>Print the consent form, let the patient or family member sign it, then scan it and attach the scan here.</source>
        <translation>Print the consent form, let the patient or family member sign it, then scan it and attach the scan here.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="100"/>
        <source>Attach scan…</source>
        <translation>Attach scan…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="117"/>
        <source>Witness:</source>
        <translation>Witness:</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="118"/>
        <source>Witness&apos;s full name</source>
        <translation>Witness&apos;s full name</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="207"/>
        <source>Patient consents</source>
        <translation>Patient consents</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="208"/>
        <source>Patient refuses</source>
        <translation>Patient refuses</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="210"/>
        <source>A refusal is recorded as consent is: who decides, and their signature, the signed paper form or a witness. You confirm it before it is kept.</source>
        <translation>A refusal is recorded as consent is: who decides, and their signature, the signed paper form or a witness. You confirm it before it is kept.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="212"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="233"/>
        <source>Check the patient&apos;s identity against the ID card or wristband, and tick the box.</source>
        <translation>Check the patient&apos;s identity against the ID card or wristband, and tick the box.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="259"/>
        <location filename="../app/ui/consent_dialog.py" line="266"/>
        <source>Record the refusal</source>
        <translation>Record the refusal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="264"/>
        <source>The repeat is withdrawn and the prior results are recognized instead. {doctor}, who ordered it, will be told.
Evidence: {how}.</source>
        <translation>The repeat is withdrawn and the prior results are recognized instead. {doctor}, who ordered it, will be told.
Evidence: {how}.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="268"/>
        <source>Back</source>
        <translation>Back</translation>
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
        <translation>The patient {patient} refuses the repeat of {items}: record the refusal?</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="284"/>
        <source>{signer} ({relationship}) refuses, for the patient {patient}, the repeat of {items}: record the refusal?</source>
        <translation>{signer} ({relationship}) refuses, for the patient {patient}, the repeat of {items}: record the refusal?</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="291"/>
        <source>aloud, before the witness {witness}</source>
        <translation>aloud, before the witness {witness}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="294"/>
        <source>the signed paper form</source>
        <translation>the signed paper form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="295"/>
        <source>signature on screen</source>
        <translation>signature on screen</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="43"/>
        <source>{name} ({where})</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="51"/>
        <source>Other reason</source>
        <translation>Other reason</translation>
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
        <translation>no details</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="65"/>
        <source>reference range {range}</source>
        <translation>reference range {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="60"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} days old, window {window} days</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="32"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="117"/>
        <source>Consent to repeat tests</source>
        <translation>Consent to repeat tests</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="140"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="141"/>
        <source>Why the doctor repeats it</source>
        <translation>Why the doctor repeats it</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="142"/>
        <source>Recognized prior result</source>
        <translation>Recognized prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="143"/>
        <source>Expected fee</source>
        <translation>Expected fee</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="225"/>
        <source>Enter the family member&apos;s name.</source>
        <translation>Enter the family member&apos;s name.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="226"/>
        <source>The order has no patient name.</source>
        <translation>The order has no patient name.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="227"/>
        <source>Choose the family member&apos;s relationship to the patient.</source>
        <translation>Choose the family member&apos;s relationship to the patient.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="228"/>
        <source>Attach the scan of the signed paper form.</source>
        <translation>Attach the scan of the signed paper form.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="230"/>
        <source>No signature yet: ask the signer to sign on screen.</source>
        <translation>No signature yet: ask the signer to sign on screen.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="231"/>
        <source>Enter the witness&apos;s name.</source>
        <translation>Enter the witness&apos;s name.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="232"/>
        <source>The clock gives no time zone; consent cannot be recorded (tell IT).</source>
        <translation>The clock gives no time zone; consent cannot be recorded (tell IT).</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="97"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="98"/>
        <source>Scan of the signed paper form</source>
        <translation>Scan of the signed paper form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="99"/>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="103"/>
        <source>Signature of the family member {name}</source>
        <translation>Signature of the family member {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="105"/>
        <source>Signature of the family member</source>
        <translation>Signature of the family member</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="108"/>
        <source>Signature of the patient {name}</source>
        <translation>Signature of the patient {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="114"/>
        <source>The patient or family member agrees or refuses aloud. Name the witness who heard it, such as a second member of staff.</source>
        <translation>The patient or family member agrees or refuses aloud. Name the witness who heard it, such as a second member of staff.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="110"/>
        <source>Attached: {name} ({size} KB)</source>
        <translation>Attached: {name} ({size} KB)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="114"/>
        <source>No scan attached</source>
        <translation>No scan attached</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="116"/>
        <source>No scan</source>
        <translation>No scan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="91"/>
        <source>Attach the scan of the signed consent form</source>
        <translation>Attach the scan of the signed consent form</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="92"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="312"/>
        <source>Consent form {patient} {date}</source>
        <translation>Consent form {patient} {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="314"/>
        <source>Save the consent form for printing</source>
        <translation>Save the consent form for printing</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="315"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="62"/>
        <source>Informed consent to repeat a test already recognized between hospitals</source>
        <translation>Informed consent to repeat a test already recognized between hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="63"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="64"/>
        <source>Ordering physician</source>
        <translation>Ordering physician</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="65"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="66"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="67"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="68"/>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="69"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="70"/>
        <source>{age} years</source>
        <translation>{age} years</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="71"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="72"/>
        <source>Resident ID no.</source>
        <translation>Resident ID no.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="73"/>
        <source>Medical record no.</source>
        <translation>Medical record no.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="74"/>
        <source>Outpatient no.</source>
        <translation>Outpatient no.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="76"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="77"/>
        <source>Before the form is signed, the nurse checks the patient&apos;s name and date of birth against the ID card or wristband.</source>
        <translation>Before the form is signed, the nurse checks the patient&apos;s name and date of birth against the ID card or wristband.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="81"/>
        <source>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</source>
        <translation>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="87"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="88"/>
        <source>Recognized result</source>
        <translation>Recognized result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="89"/>
        <source>Date of the result</source>
        <translation>Date of the result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="90"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="91"/>
        <source>HR mark</source>
        <translation>HR mark</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="92"/>
        <source>Why the doctor recommends repeating it</source>
        <translation>Why the doctor recommends repeating it</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="93"/>
        <source>Fee (yuan)</source>
        <translation>Fee (yuan)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="94"/>
        <source>Total expected fee</source>
        <translation>Total expected fee</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="95"/>
        <source>{fee} yuan</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="96"/>
        <source>reference range {range}</source>
        <translation>reference range {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="97"/>
        <source>{age} days old, recognized for {window} days</source>
        <translation>{age} days old, recognized for {window} days</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="98"/>
        <source>No details of the earlier result</source>
        <translation>No details of the earlier result</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="99"/>
        <source>Other reason</source>
        <translation>Other reason</translation>
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
        <translation>The medical staff have explained to me that a result of the test(s) above from another hospital already exists and is recognized here, so the test would not normally need to be repeated. The doctor has told me why repeating it is recommended and what the repeat costs. I have been able to ask questions, and I understand that I am free to decline the repeat.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="108"/>
        <source>I agree to repeat the test(s) listed above.</source>
        <translation>I agree to repeat the test(s) listed above.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="109"/>
        <source>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</source>
        <translation>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="111"/>
        <source>Signature of the patient or family member</source>
        <translation>Signature of the patient or family member</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="112"/>
        <source>Relationship to the patient</source>
        <translation>Relationship to the patient</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="113"/>
        <source>Nurse who explained</source>
        <translation>Nurse who explained</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="114"/>
        <source>Physician</source>
        <translation>Physician</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="115"/>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="116"/>
        <source>{patient} · order no. {order} · page {page} of {pages}</source>
        <translation>{patient} · order no. {order} · page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="117"/>
        <source>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</source>
        <translation>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</translation>
    </message>
</context>
<context>
    <name>ConsentIdentity</name>
    <message>
        <location filename="../app/ui/consent_identity.py" line="28"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="29"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="30"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="37"/>
        <source>no date of birth or ID with this order</source>
        <translation>no date of birth or ID with this order</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="40"/>
        <source>{age} y</source>
        <translation>{age} y</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="41"/>
        <source>born {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="51"/>
        <source>ID {number}</source>
        <translation>ID {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="53"/>
        <source>record no. {number}</source>
        <translation>record no. {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="55"/>
        <source>outpatient no. {number}</source>
        <translation>outpatient no. {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="72"/>
        <source>Order no. {number}</source>
        <translation>Order no. {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="139"/>
        <source>Identity checked against: {document}</source>
        <translation>Identity checked against: {document}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="150"/>
        <source>I have checked the patient&apos;s identity (name and date of birth) against the</source>
        <translation>I have checked the patient&apos;s identity (name and date of birth) against the</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="152"/>
        <source>resident ID card</source>
        <translation>resident ID card</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="153"/>
        <source>wristband</source>
        <translation>wristband</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="156"/>
        <source>Two identifiers, never the name alone: ask the patient to say their name and date of birth, and compare them and the ID number with the card or wristband.</source>
        <translation>Two identifiers, never the name alone: ask the patient to say their name and date of birth, and compare them and the ID number with the card or wristband.</translation>
    </message>
</context>
<context>
    <name>ConsentWorklistDialog</name>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="69"/>
        <source>Awaiting consent</source>
        <extracomment>A consent or refusal was kept (emitted when its write is done, with what it changed).</extracomment>
        <translation>Awaiting consent</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="70"/>
        <source>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</source>
        <translation>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="72"/>
        <source>Record consent…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="73"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="90"/>
        <source>The list may be incomplete: {sources} did not give all waiting orders.</source>
        <translation>The list may be incomplete: {sources} did not give all waiting orders.</translation>
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
{items}: ordered by {doctor}, {when} · order no. {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="136"/>
        <location filename="../app/ui/consent_worklist_dialog.py" line="155"/>
        <source>Consent not recorded</source>
        <translation>Consent not recorded</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="146"/>
        <source>{patient}: consent recorded; the repeat of {items} is ordered.</source>
        <translation>{patient}: consent recorded; the repeat of {items} is ordered.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="148"/>
        <source>{patient}: refusal recorded. The repeat of {items} is withdrawn and the prior results are recognized; {doctor} will be told.</source>
        <translation>{patient}: refusal recorded. The repeat of {items} is withdrawn and the prior results are recognized; {doctor} will be told.</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="156"/>
        <source>The consent could not be saved on this computer ({error}). Record it again.</source>
        <translation>The consent could not be saved on this computer ({error}). Record it again.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="180"/>
        <source>Recognition dashboard</source>
        <translation>Recognition dashboard</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="181"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="182"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="183"/>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="188"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="189"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="229"/>
        <location filename="../app/ui/dashboard_view.py" line="336"/>
        <source>Recognized</source>
        <translation>Recognized</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="191"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="336"/>
        <source>Repeated</source>
        <translation>Repeated</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="192"/>
        <source>Recognitions revoked</source>
        <translation>Recognitions revoked</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="193"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="237"/>
        <source>Recognition rate</source>
        <translation>Recognition rate</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="194"/>
        <source>Fees saved</source>
        <translation>Fees saved</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="195"/>
        <source>Recognitions and repeats over time</source>
        <translation>Recognitions and repeats over time</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="196"/>
        <source>Repeats by reason</source>
        <translation>Repeats by reason</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="197"/>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="198"/>
        <source>By doctor</source>
        <translation>By doctor</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="199"/>
        <source>By item</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="200"/>
        <source>Funnel</source>
        <translation>Funnel</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="206"/>
        <location filename="../app/ui/dashboard_view.py" line="301"/>
        <source>All hospitals</source>
        <translation>All hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>Item code</source>
        <translation>Item code</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="213"/>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <source>Fees saved (¥)</source>
        <translation>Fees saved (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="215"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="215"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Reason code</source>
        <translation>Reason code</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <source>Fee (¥)</source>
        <translation>Fee (¥)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="217"/>
        <location filename="../app/ui/dashboard_view.py" line="240"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="218"/>
        <source>Period from</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <location filename="../app/ui/dashboard_view.py" line="241"/>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <location filename="../app/ui/dashboard_view.py" line="243"/>
        <source>recognized</source>
        <translation>recognized</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <source>repeated</source>
        <translation>repeated</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="229"/>
        <source>Repeated with reason</source>
        <translation>Repeated with reason</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="230"/>
        <source>Overlooked</source>
        <translation>Overlooked</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="230"/>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="231"/>
        <source>Patients with recognizable priors</source>
        <translation>Patients with recognizable priors</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="231"/>
        <source>Reminded</source>
        <translation>Reminded</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="232"/>
        <source>Prior opened</source>
        <translation>Prior opened</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Of the stage above</source>
        <translation>Of the stage above</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="236"/>
        <source>Access rate</source>
        <translation>Access rate</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="239"/>
        <source>Issuing hospital</source>
        <translation>Issuing hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="239"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="241"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>reasonable</source>
        <translation>reasonable</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>unreasonable</source>
        <translation>unreasonable</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>not reviewed</source>
        <translation>not reviewed</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="243"/>
        <source>repeated with reason</source>
        <translation>repeated with reason</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>overlooked</source>
        <translation>overlooked</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>not ordered</source>
        <translation>not ordered</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="262"/>
        <source>The range ends before it starts.</source>
        <translation>The range ends before it starts.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="267"/>
        <source>Loading the order records of {start} to {end}…</source>
        <translation>Loading the order records of {start} to {end}…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="288"/>
        <source>The order records could not be loaded: {error}</source>
        <translation>The order records could not be loaded: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="292"/>
        <source>Dates changed: press Refresh to search the platform again.</source>
        <translation>Dates changed: press Refresh to search the platform again.</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="303"/>
        <source>(hospital not known)</source>
        <translation>(hospital not known)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="348"/>
        <source>{n} decisions from {start} to {end}</source>
        <translation>{n} decisions from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="352"/>
        <source>{source} incomplete: {gaps}</source>
        <translation>{source} incomplete: {gaps}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="355"/>
        <source>{source} not reached: {message}</source>
        <translation>{source} not reached: {message}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="359"/>
        <source>{source}: reminders and openings missing from the funnel ({why})</source>
        <translation>{source}: reminders and openings missing from the funnel ({why})</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="366"/>
        <source>Choose a folder for the CSV files</source>
        <translation>Choose a folder for the CSV files</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="382"/>
        <source>Export failed: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="384"/>
        <source>{n} CSV files written to {folder}</source>
        <translation>{n} CSV files written to {folder}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="386"/>
        <source>the funnel&apos;s files were left out: the reminders and openings of {sources} could not be read</source>
        <translation>the funnel&apos;s files were left out: the reminders and openings of {sources} could not be read</translation>
    </message>
</context>
<context>
    <name>DecisionTable</name>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Item</source>
        <extracomment>A row&apos;s editors changed (its choice, reason or note): the dialog reads them back.</extracomment>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Prior result</source>
        <translation>Prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Result from</source>
        <translation>Result from</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="136"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="136"/>
        <source>Reason for repeat</source>
        <translation>Reason for repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="144"/>
        <source>Recognize prior result</source>
        <translation>Recognize prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="145"/>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="146"/>
        <source>— choose a reason —</source>
        <translation>— choose a reason —</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="149"/>
        <source>Free text (required for &apos;Other&apos;)</source>
        <translation>Free text (required for &apos;Other&apos;)</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="162"/>
        <source>reference range {range}</source>
        <translation>reference range {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="164"/>
        <source>converted from {written}</source>
        <translation>converted from {written}</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="173"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} days old, window {window} days</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../app/ui/banners.py" line="33"/>
        <source>DEMO — synthetic data, not real patients (embedded demo platform)</source>
        <translation>DEMO — synthetic data, not real patients (embedded demo platform)</translation>
    </message>
    <message>
        <location filename="../app/ui/banners.py" line="34"/>
        <source>SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member</source>
        <translation>SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../app/ui/document_view.py" line="153"/>
        <source>Opening the original document…</source>
        <translation>Opening the original document…</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="155"/>
        <source>Showing the first {n} of {total} pages.</source>
        <translation>Showing the first {n} of {total} pages.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="176"/>
        <source>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</source>
        <translation>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="179"/>
        <source>The document is too large to open here (the limit is {mb} MB).</source>
        <translation>The document is too large to open here (the limit is {mb} MB).</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="182"/>
        <source>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</source>
        <translation>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="185"/>
        <source>The report names a document but carries neither its content nor its address.</source>
        <translation>The report names a document but carries neither its content nor its address.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="173"/>
        <source>The document could not be opened.</source>
        <translation>The document could not be opened.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="187"/>
        <source>The document cannot be read: it is damaged or not what it claims to be.</source>
        <translation>The document cannot be read: it is damaged or not what it claims to be.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="188"/>
        <source>The platform did not give the document.</source>
        <translation>The platform did not give the document.</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="252"/>
        <source>Document {n}</source>
        <translation>Document {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="261"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="262"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="263"/>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="264"/>
        <source>Close the document</source>
        <translation>Close the document</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../app/ui/review_dialog.py" line="280"/>
        <source>Reading the verdicts…</source>
        <translation>Reading the verdicts…</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="284"/>
        <source>Review of my repeats</source>
        <translation>Review of my repeats</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="285"/>
        <source>The supervisor&apos;s verdicts on your repeats from {start} to {end}.</source>
        <translation>The supervisor&apos;s verdicts on your repeats from {start} to {end}.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Your reason</source>
        <translation>Your reason</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="289"/>
        <source>Reviewed by</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="289"/>
        <source>Reviewed at</source>
        <translation>Reviewed at</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="290"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="300"/>
        <source>Verdicts: {count}</source>
        <translation>Verdicts: {count}</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="304"/>
        <source>The verdicts could not be read: {error}</source>
        <translation>The verdicts could not be read: {error}</translation>
    </message>
</context>
<context>
    <name>FhirStatus</name>
    <message>
        <location filename="../app/ui/status_text.py" line="24"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="25"/>
        <source>Partial</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="26"/>
        <source>Preliminary</source>
        <translation>Preliminary</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="27"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="28"/>
        <source>Amended</source>
        <translation>Amended</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="29"/>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="30"/>
        <source>Appended</source>
        <translation>Appended</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="31"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="32"/>
        <source>Entered in error</source>
        <translation>Entered in error</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="33"/>
        <source>Status unknown</source>
        <translation>Status unknown</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="35"/>
        <source>Images available</source>
        <translation>Images available</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="37"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="38"/>
        <source>Superseded</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="40"/>
        <source>No report yet</source>
        <translation>No report yet</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="55"/>
        <source>Unrecognized status</source>
        <extracomment>The codes this module words (for tests and for anyone checking a screen for raw codes).</extracomment>
        <translation>Unrecognized status</translation>
    </message>
</context>
<context>
    <name>FunnelPanel</name>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="156"/>
        <source>Rates by</source>
        <extracomment>What a figure shows when the records it counts are missing.</extracomment>
        <translation>Rates by</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="157"/>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="157"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="158"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="158"/>
        <source>Issuing hospital</source>
        <translation>Issuing hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="159"/>
        <source>Over time</source>
        <translation>Over time</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="162"/>
        <source>%: of the stage above; outcomes: of the items decided</source>
        <translation>%: of the stage above; outcomes: of the items decided</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="163"/>
        <source>(not known)</source>
        <translation>(not known)</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="204"/>
        <source>Items decided: {n}</source>
        <translation>Items decided: {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="209"/>
        <source>Repeats by verdict: {counts}</source>
        <translation>Repeats by verdict: {counts}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="226"/>
        <source>Reminders and openings from {source} are missing ({why}).</source>
        <translation>Reminders and openings from {source} are missing ({why}).</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="229"/>
        <source>The figures they feed show {unknown}: the visits&apos; stages, and whether a repeat&apos;s prior was opened (repeated with reason or overlooked).</source>
        <translation>The figures they feed show {unknown}: the visits&apos; stages, and whether a repeat&apos;s prior was opened (repeated with reason or overlooked).</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <location filename="../app/ui/viewer/image_pane.py" line="248"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} of {total} images arrived</translation>
    </message>
</context>
<context>
    <name>LabReportsView</name>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="185"/>
        <source>No report selected</source>
        <extracomment>The narrowest the list lets its hospital and report names be (they elide, whole in the tooltip). The list&apos;s share of the room when a chart opens (at least what its badges need, at most 560 pixels).</extracomment>
        <translation>No report selected</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="191"/>
        <source>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</source>
        <translation>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="221"/>
        <source>Unknown hospital</source>
        <translation>Unknown hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="222"/>
        <source> — status: {status}</source>
        <translation> — status: {status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="223"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="283"/>
        <location filename="../app/ui/lab_reports_view.py" line="304"/>
        <source>Original document</source>
        <translation>Original document</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="299"/>
        <source>Trend across hospitals</source>
        <translation>Trend across hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="305"/>
        <source>The report as the hospital printed it, beside the list</source>
        <translation>The report as the hospital printed it, beside the list</translation>
    </message>
</context>
<context>
    <name>LinkedScroll</name>
    <message>
        <location filename="../app/ui/viewer/linked_scroll.py" line="119"/>
        <source>No matching slice at {position:.1f} mm: this series covers {first:.1f} to {last:.1f} mm.</source>
        <translation>No matching slice at {position:.1f} mm: this series covers {first:.1f} to {last:.1f} mm.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../app/ui/lock_screen.py" line="105"/>
        <source>Huren is locked</source>
        <translation>Huren is locked</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="106"/>
        <source>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</source>
        <translation>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="109"/>
        <source>Staff number of {user}</source>
        <translation>Staff number of {user}</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="110"/>
        <source>Unlock as {user}</source>
        <translation>Unlock as {user}</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="128"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="113"/>
        <source>not signed in</source>
        <extracomment>A demo account was picked in the User box. A language was picked (&quot;&quot; = the system&apos;s).</extracomment>
        <translation>not signed in</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="145"/>
        <source>Awaiting consent ({n})</source>
        <translation>Awaiting consent ({n})</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="172"/>
        <source>User: </source>
        <translation>User: </translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="173"/>
        <source>New lab order…</source>
        <translation>New lab order…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="174"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="175"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="176"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="177"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="178"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="179"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="180"/>
        <source>My orders</source>
        <translation>My orders</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="181"/>
        <source>Review repeats</source>
        <translation>Review repeats</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="182"/>
        <source>Review feedback</source>
        <translation>Review feedback</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="183"/>
        <source>Find patient</source>
        <translation>Find patient</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="184"/>
        <source>Next report</source>
        <translation>Next report</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="185"/>
        <source>Previous report</source>
        <translation>Previous report</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="186"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="221"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="222"/>
        <source>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</source>
        <translation>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="187"/>
        <source>Administrators read the audit trail; patient records are for clinical staff</source>
        <translation>Administrators read the audit trail; patient records are for clinical staff</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="203"/>
        <source>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely</source>
        <translation>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="265"/>
        <source>Huren — mutual recognition of results</source>
        <translation>Huren — mutual recognition of results</translation>
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
        <translation>Order check for the HIS is off: no service secret</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="128"/>
        <source>Order check for the HIS could not start: {error}</source>
        <translation>Order check for the HIS could not start: {error}</translation>
    </message>
</context>
<context>
    <name>MyOrdersDialog</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="121"/>
        <source>My orders</source>
        <extracomment>How often the notice looks for new refusals while a physician works. A revocation was written (emitted when its write is done, with what it changed).</extracomment>
        <translation>My orders</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="123"/>
        <source>Your repeat tests of the last {days} days that needed the patient&apos;s consent, and what the patient decided. A refused repeat was withdrawn: the prior result is recognized instead.</source>
        <translation>Your repeat tests of the last {days} days that needed the patient&apos;s consent, and what the patient decided. A refused repeat was withdrawn: the prior result is recognized instead.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Repeated items</source>
        <translation>Repeated items</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recorded at</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recognized items</source>
        <translation>Recognized items</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="129"/>
        <source>Revoke recognition…</source>
        <translation>Revoke recognition…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="131"/>
        <source>Undo a recognition recorded by mistake: only on the day of the order, with a reason</source>
        <translation>Undo a recognition recorded by mistake: only on the day of the order, with a reason</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="132"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="133"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="145"/>
        <source>Reading your orders…</source>
        <translation>Reading your orders…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="161"/>
        <source>Your orders could not be read: {error}</source>
        <translation>Your orders could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="183"/>
        <source>{n} orders; refused: {refused}.</source>
        <translation>{n} orders; refused: {refused}.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="184"/>
        <source>No orders awaiting or decided in these days.</source>
        <translation>No orders awaiting or decided in these days.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="188"/>
        <source>The list may be incomplete: {sources} did not answer in full.</source>
        <translation>The list may be incomplete: {sources} did not answer in full.</translation>
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
        <translation>{item} (revoked)</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="244"/>
        <source>Revoking the recognition of {item}…</source>
        <translation>Revoking the recognition of {item}…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="251"/>
        <source>{patient}: the recognition of {item} is revoked; the platform will be told.</source>
        <translation>{patient}: the recognition of {item} is revoked; the platform will be told.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="260"/>
        <source>Recognition not revoked</source>
        <translation>Recognition not revoked</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="327"/>
        <source>Awaiting the patient&apos;s decision</source>
        <translation>Awaiting the patient&apos;s decision</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="328"/>
        <source>Consented</source>
        <translation>Consented</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="329"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../app/ui/order_actions.py" line="64"/>
        <source>Order saved: waiting for the patient&apos;s consent</source>
        <translation>Order saved: waiting for the patient&apos;s consent</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="65"/>
        <source>Recognition recorded; the patient saves the fee</source>
        <translation>Recognition recorded; the patient saves the fee</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="71"/>
        <source>Order not sent</source>
        <translation>Order not sent</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="72"/>
        <source>The order could not be saved on this computer ({error}). Nothing was sent; order again.</source>
        <translation>The order could not be saved on this computer ({error}). Nothing was sent; order again.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>New lab order — {name}</source>
        <extracomment>The size the dialog asks for; it opens smaller on a smaller screen (see _fit_screen).</extracomment>
        <translation>New lab order — {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="156"/>
        <source>Search items and panels: name, code or LOINC</source>
        <translation>Search items and panels: name, code or LOINC</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="157"/>
        <source>Clinical notes</source>
        <translation>Clinical notes</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="158"/>
        <source>Check prior results</source>
        <translation>Check prior results</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="159"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="160"/>
        <source>Send order</source>
        <translation>Send order</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="203"/>
        <source>Panel: {name} — {n} items</source>
        <translation>Panel: {name} — {n} items</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="232"/>
        <source>Chosen: {names}</source>
        <translation>Chosen: {names}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="232"/>
        <source>nothing yet</source>
        <translation>nothing yet</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="188"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="250"/>
        <source>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</source>
        <translation>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="256"/>
        <source>no prior result</source>
        <translation>no prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="258"/>
        <source>Ordered as usual (no recognizable prior result): {items}</source>
        <translation>Ordered as usual (no recognizable prior result): {items}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="259"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="261"/>
        <source>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</source>
        <translation>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="284"/>
        <source>{item}: choose a reason for the repeat</source>
        <translation>{item}: choose a reason for the repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="285"/>
        <source>{item}: explain the reason in the note</source>
        <translation>{item}: explain the reason in the note</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="286"/>
        <source>{item}: there is no prior result to recognize</source>
        <translation>{item}: there is no prior result to recognize</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="322"/>
        <source>Order not sent</source>
        <translation>Order not sent</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="54"/>
        <source>{n} records refused by the platform (hover for why)</source>
        <extracomment>How often the outbox is tried while records wait (ms); each entry backs off on its own.</extracomment>
        <translation>{n} records refused by the platform (hover for why)</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="57"/>
        <source>{n} records waiting to be sent</source>
        <translation>{n} records waiting to be sent</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="59"/>
        <source>All records sent</source>
        <translation>All records sent</translation>
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
        <translation>M</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="44"/>
        <source>Se {n}</source>
        <translation>Se {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="47"/>
        <source>Im {i}/{n}</source>
        <translation>Im {i}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="49"/>
        <source>Frame {f}/{n}</source>
        <translation>Frame {f}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="52"/>
        <source>Pos {z:.1f} mm</source>
        <translation>Pos {z:.1f} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="54"/>
        <source>Thk {t:g} mm</source>
        <translation>Thk {t:g} mm</translation>
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
        <translation>No pixel spacing: lengths in px</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="65"/>
        <source>Spacing at detector</source>
        <translation>Spacing at detector</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/study_context.py" line="27"/>
        <source>{age} y</source>
        <translation>{age} y</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../app/ui/patient_banner.py" line="78"/>
        <source>No patient open</source>
        <extracomment>The doctor asked for the demo&apos;s showcase patient (its resident ID).</extracomment>
        <translation>No patient open</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="80"/>
        <source>Find a patient on the left to see lab reports from every connected hospital.</source>
        <translation>Find a patient on the left to see lab reports from every connected hospital.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="81"/>
        <source>Try the demo patient {name}, resident ID {id}</source>
        <translation>Try the demo patient {name}, resident ID {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="83"/>
        <source>Open this patient&apos;s chart</source>
        <translation>Open this patient&apos;s chart</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Unknown sex</source>
        <translation>Unknown sex</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="87"/>
        <source>{age} y</source>
        <translation>{age} y</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="93"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="95"/>
        <source>Insurance card {card}</source>
        <translation>Insurance card {card}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="99"/>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="99"/>
        <source>none found</source>
        <translation>none found</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="100"/>
        <source>Records at: {hospitals}</source>
        <translation>Records at: {hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="102"/>
        <source>(incomplete: see the sources below)</source>
        <translation>(incomplete: see the sources below)</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="133"/>
        <source>&lt;b&gt;Find patient&lt;/b&gt;</source>
        <extracomment>A field the search cannot go without, marked until the doctor types in it again. Hospitals named in a result line; the rest are counted (and all are in the tooltip).</extracomment>
        <translation>&lt;b&gt;Find patient&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Insurance card</source>
        <translation>Insurance card</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Name + birth date</source>
        <translation>Name + birth date</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="138"/>
        <source>18-digit resident ID</source>
        <translation>18-digit resident ID</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="139"/>
        <source>Medical insurance card number</source>
        <translation>Medical insurance card number</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="140"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="141"/>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="143"/>
        <source>Search all hospitals</source>
        <translation>Search all hospitals</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="311"/>
        <source>Patients found</source>
        <translation>Patients found</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="145"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="142"/>
        <source>Birth date, e.g. 1968-03-15</source>
        <translation>Birth date, e.g. 1968-03-15</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="164"/>
        <source>Enter the insurance card number</source>
        <translation>Enter the insurance card number</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="182"/>
        <source>Enter the patient&apos;s name and birth date</source>
        <translation>Enter the patient&apos;s name and birth date</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="185"/>
        <source>Enter the birth date as well: a name alone can belong to several patients.</source>
        <translation>Enter the birth date as well: a name alone can belong to several patients.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="187"/>
        <location filename="../app/ui/patient_search_panel.py" line="192"/>
        <source>Enter the patient&apos;s name</source>
        <translation>Enter the patient&apos;s name</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="294"/>
        <source>No patient found at any source that answered.</source>
        <translation>No patient found at any source that answered.</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="312"/>
        <source>{count} patients found: compare resident ID and hospitals before opening</source>
        <translation>{count} patients found: compare resident ID and hospitals before opening</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="321"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="321"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="323"/>
        <source>{age} y</source>
        <translation>{age} y</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="325"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="326"/>
        <source>No resident ID (record {id})</source>
        <translation>No resident ID (record {id})</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="332"/>
        <source>{hospitals} and {more} more</source>
        <translation>{hospitals} and {more} more</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="333"/>
        <source>Records at: {hospitals}</source>
        <translation>Records at: {hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="335"/>
        <source>Found on: {sources}</source>
        <translation>Found on: {sources}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="359"/>
        <source>it must have 18 characters</source>
        <translation>it must have 18 characters</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="360"/>
        <source>it must be 17 digits followed by a digit or X</source>
        <translation>it must be 17 digits followed by a digit or X</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="361"/>
        <source>the birth date in it is not a date</source>
        <translation>the birth date in it is not a date</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="362"/>
        <source>the birth date in it is not plausible</source>
        <translation>the birth date in it is not plausible</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="363"/>
        <source>the check digit does not match: a digit was probably mistyped</source>
        <translation>the check digit does not match: a digit was probably mistyped</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="365"/>
        <source>Resident ID not valid: {reason}</source>
        <translation>Resident ID not valid: {reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="369"/>
        <source>write it as year-month-day, e.g. 1968-03-15</source>
        <translation>write it as year-month-day, e.g. 1968-03-15</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="370"/>
        <source>there is no such day</source>
        <translation>there is no such day</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="371"/>
        <source>it is in the future or before 1880</source>
        <translation>it is in the future or before 1880</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="373"/>
        <source>Birth date not valid: {reason}</source>
        <translation>Birth date not valid: {reason}</translation>
    </message>
</context>
<context>
    <name>ReadProblem</name>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="27"/>
        <source>The file is not a DICOM image.</source>
        <translation>The file is not a DICOM image.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="28"/>
        <source>The file cannot be opened (permissions, or a damaged disc).</source>
        <translation>The file cannot be opened (permissions, or a damaged disc).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="30"/>
        <source>The file is marked as DICOM but its header is damaged.</source>
        <translation>The file is marked as DICOM but its header is damaged.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="32"/>
        <source>The file is incomplete: it ends too early (copied or sent only in part).</source>
        <translation>The file is incomplete: it ends too early (copied or sent only in part).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="34"/>
        <source>The file holds no image (a report, a structured document or a key object).</source>
        <translation>The file holds no image (a report, a structured document or a key object).</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="36"/>
        <source>The image is compressed in a way this program cannot decode.</source>
        <translation>The image is compressed in a way this program cannot decode.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="38"/>
        <source>The compressed image data is damaged.</source>
        <translation>The compressed image data is damaged.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="40"/>
        <source>The image data does not match the size the file declares.</source>
        <translation>The image data does not match the size the file declares.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="42"/>
        <source>The image is too large to open safely.</source>
        <translation>The image is too large to open safely.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="43"/>
        <source>This kind of image cannot be shown.</source>
        <translation>This kind of image cannot be shown.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="45"/>
        <source>The image cannot be read.</source>
        <translation>The image cannot be read.</translation>
    </message>
</context>
<context>
    <name>RefusalNotice</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="390"/>
        <source>A patient refused a repeat</source>
        <translation>A patient refused a repeat</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="391"/>
        <source>Patients refused repeat tests you ordered:</source>
        <translation>Patients refused repeat tests you ordered:</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="374"/>
        <location filename="../app/ui/my_orders_dialog.py" line="395"/>
        <source>Show my orders</source>
        <translation>Show my orders</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="404"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="405"/>
        <source>{patient}: {items}, refused {when} (recorded by {nurse})</source>
        <translation>{patient}: {items}, refused {when} (recorded by {nurse})</translation>
    </message>
</context>
<context>
    <name>ReminderBand</name>
    <message>
        <location filename="../app/ui/reminder_band.py" line="95"/>
        <source>Recognizable here: {n} results from other hospitals, no need to repeat them</source>
        <translation>Recognizable here: {n} results from other hospitals, no need to repeat them</translation>
    </message>
    <message>
        <location filename="../app/ui/reminder_band.py" line="99"/>
        <source>{hospital} · {date} · {marks} · recognizable until {until}</source>
        <translation>{hospital} · {date} · {marks} · recognizable until {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/reminder_band.py" line="106"/>
        <source>Hide the reminder for this chart</source>
        <translation>Hide the reminder for this chart</translation>
    </message>
</context>
<context>
    <name>RepeatReason</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="49"/>
        <source>Condition changed: the result no longer fits the clinical picture</source>
        <translation>Condition changed: the result no longer fits the clinical picture</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="51"/>
        <source>Value changes fast in this disease</source>
        <translation>Value changes fast in this disease</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="52"/>
        <source>Crucial for the next step (e.g. before surgery or transfusion)</source>
        <translation>Crucial for the next step (e.g. before surgery or transfusion)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="54"/>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="55"/>
        <source>Forensic, disability or sick-retirement appraisal</source>
        <translation>Forensic, disability or sick-retirement appraisal</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="56"/>
        <source>Patient or family asks for it</source>
        <translation>Patient or family asks for it</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="57"/>
        <source>Issuing laboratory failed quality control</source>
        <translation>Issuing laboratory failed quality control</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="58"/>
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
        <location filename="../app/ui/report_models.py" line="70"/>
        <source>{name} ({status})</source>
        <translation>{name} ({status})</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="72"/>
        <source>{name} · document only</source>
        <translation>{name} · document only</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="84"/>
        <source>Came only as the printed report, without structured results: double-click to read it</source>
        <translation>Came only as the printed report, without structured results: double-click to read it</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="87"/>
        <source>The printed report is available: double-click to read it beside the results</source>
        <translation>The printed report is available: double-click to read it beside the results</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="91"/>
        <source>Judged for the report as a whole (it came only as a document)</source>
        <translation>Judged for the report as a whole (it came only as a document)</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="94"/>
        <source>{n} of {total} items recognized</source>
        <translation>{n} of {total} items recognized</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../app/ui/review_dialog.py" line="146"/>
        <source>Review of repeats</source>
        <extracomment>A verdict was queued (emitted when its write is done, with what it changed).</extracomment>
        <translation>Review of repeats</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="148"/>
        <source>Repeats from {start} to {end} that this hospital&apos;s review rules flag. Mark each reasonable or unreasonable; the ordering doctor sees your verdict and comment.</source>
        <translation>Repeats from {start} to {end} that this hospital&apos;s review rules flag. Mark each reasonable or unreasonable; the ordering doctor sees your verdict and comment.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Prior result</source>
        <translation>Prior result</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Flagged for</source>
        <translation>Flagged for</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="154"/>
        <source>Comment (required for unreasonable):</source>
        <translation>Comment (required for unreasonable):</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="155"/>
        <source>Reasonable</source>
        <translation>Reasonable</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="156"/>
        <source>Unreasonable</source>
        <translation>Unreasonable</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="157"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="158"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="168"/>
        <source>Reading the repeats…</source>
        <translation>Reading the repeats…</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="176"/>
        <source>{count} flagged, {open} without a verdict.</source>
        <translation>{count} flagged, {open} without a verdict.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="182"/>
        <source>The repeats could not be read: {error}</source>
        <translation>The repeats could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="188"/>
        <source>Given, not sent yet</source>
        <translation>Given, not sent yet</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="190"/>
        <source>{verdict} (not sent yet)</source>
        <translation>{verdict} (not sent yet)</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="196"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="229"/>
        <source>Say in the comment why the repeat was unreasonable.</source>
        <translation>Say in the comment why the repeat was unreasonable.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="242"/>
        <source>Verdict recorded; it is sent to the platform.</source>
        <translation>Verdict recorded; it is sent to the platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="247"/>
        <source>The verdict was not recorded: {error}</source>
        <translation>The verdict was not recorded: {error}</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="300"/>
        <source>Revoke recognition</source>
        <translation>Revoke recognition</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="302"/>
        <source>{patient}: the recognition is undone on the platform and no longer counts. The record of it stays, with your reason.</source>
        <translation>{patient}: the recognition is undone on the platform and no longer counts. The record of it stays, with your reason.</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="304"/>
        <source>Recognized item</source>
        <translation>Recognized item</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="305"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="306"/>
        <source>Why the recognition was a mistake (required)</source>
        <translation>Why the recognition was a mistake (required)</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="307"/>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="308"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
    <name>ShortcutsPage</name>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="31"/>
        <source>Previous / next slice</source>
        <extracomment>A count an action&apos;s text carries (&quot;Awaiting consent (3)&quot;, &quot;待知情同意（3+）&quot;): not part of its name.</extracomment>
        <translation>Previous / next slice</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="32"/>
        <source>Ten slices back / on</source>
        <translation>Ten slices back / on</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="33"/>
        <source>First / last slice</source>
        <translation>First / last slice</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="34"/>
        <source>Clear measurements</source>
        <translation>Clear measurements</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="65"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="71"/>
        <source>Keys for the daily work; each is also named in its button&apos;s tooltip.</source>
        <translation>Keys for the daily work; each is also named in its button&apos;s tooltip.</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="72"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="72"/>
        <source>Key</source>
        <translation>Key</translation>
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
        <location filename="../app/ui/signature_pad.py" line="91"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
    <message>
        <location filename="../app/ui/signature_pad.py" line="92"/>
        <source>Sign with the mouse, a finger or the pen</source>
        <translation>Sign with the mouse, a finger or the pen</translation>
    </message>
</context>
<context>
    <name>SourceStatusView</name>
    <message>
        <location filename="../app/ui/source_status_view.py" line="57"/>
        <source>waiting for answer</source>
        <extracomment>Colour and mark of each `SourceState`, by its value.</extracomment>
        <translation>waiting for answer</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="59"/>
        <source>{n} found in {s:.1f} s</source>
        <translation>{n} found in {s:.1f} s</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="61"/>
        <source>incomplete</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="63"/>
        <source>no answer in time: {msg}</source>
        <translation>no answer in time: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="65"/>
        <source>unreachable: {msg}</source>
        <translation>unreachable: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="67"/>
        <source>sign-in needed</source>
        <translation>sign-in needed</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="69"/>
        <source>error: {msg}</source>
        <translation>error: {msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="81"/>
        <source>showing {shown} of {total}: the platform gave no further page</source>
        <translation>showing {shown} of {total}: the platform gave no further page</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="85"/>
        <source>{n} found</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="87"/>
        <source>{n} linked records could not be fetched</source>
        <translation>{n} linked records could not be fetched</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="90"/>
        <source>{n} records could not be read</source>
        <translation>{n} records could not be read</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="93"/>
        <source>part of the answer failed: {msg}</source>
        <translation>part of the answer failed: {msg}</translation>
    </message>
</context>
<context>
    <name>StudiesView</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="163"/>
        <location filename="../app/ui/studies_view.py" line="212"/>
        <source>No imaging studies on record.</source>
        <translation>No imaging studies on record.</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="166"/>
        <location filename="../app/ui/studies_view.py" line="213"/>
        <source>Open images</source>
        <translation>Open images</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="204"/>
        <source>Impression: {text}</source>
        <translation>Impression: {text}</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="205"/>
        <source>No imaging report</source>
        <translation>No imaging report</translation>
    </message>
</context>
<context>
    <name>StudyListModel</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Modality</source>
        <translation>Modality</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Body part</source>
        <translation>Body part</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="121"/>
        <source>Unknown hospital</source>
        <translation>Unknown hospital</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../app/ui/trend_plot.py" line="56"/>
        <source>converted from {value:g} {unit}</source>
        <translation>converted from {value:g} {unit}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="61"/>
        <source>reference range {low}–{high}</source>
        <translation>reference range {low}–{high}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="70"/>
        <source>and {n} more: zoom in or see the table</source>
        <translation>and {n} more: zoom in or see the table</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="129"/>
        <source>recognition window {days} days</source>
        <translation>recognition window {days} days</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>As written</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="170"/>
        <source>Plot</source>
        <translation>Plot</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="171"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="172"/>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="173"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="174"/>
        <source>Whole period</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="175"/>
        <source>Choose one or more items on the left.</source>
        <translation>Choose one or more items on the left.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="176"/>
        <source>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today · results a few days apart are drawn side by side: hover for their exact dates</source>
        <translation>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today · results a few days apart are drawn side by side: hover for their exact dates</translation>
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
        <translation>{n} values converted to the unit shown (from {units}); hover a point to see what the hospital wrote.</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="251"/>
        <source>{n} results could not be plotted (hover for details)</source>
        <translation>{n} results could not be plotted (hover for details)</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="298"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="303"/>
        <source>Export PNG</source>
        <translation>Export PNG</translation>
    </message>
</context>
<context>
    <name>UnprotectedBanner</name>
    <message>
        <location filename="../app/ui/banners.py" line="48"/>
        <source>UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by this account&apos;s file permissions (site setting)</source>
        <translation>UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by this account&apos;s file permissions (site setting)</translation>
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
        <location filename="../app/ui/verdict_text.py" line="42"/>
        <source>No imaging report yet</source>
        <translation>No imaging report yet</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="44"/>
        <source>Result not final (status: {status})</source>
        <translation>Result not final (status: {status})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="47"/>
        <source>No specimen date: age unknown</source>
        <translation>No specimen date: age unknown</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="49"/>
        <source>Dated in the future: check the issuing hospital&apos;s record</source>
        <translation>Dated in the future: check the issuing hospital&apos;s record</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="51"/>
        <source>{age} days old, window {window} days</source>
        <translation>{age} days old, window {window} days</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="54"/>
        <source>Issuing hospital unknown</source>
        <translation>Issuing hospital unknown</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="56"/>
        <source>Issuing hospital has no HR qualification for this item</source>
        <translation>Issuing hospital has no HR qualification for this item</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="59"/>
        <source>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</source>
        <translation>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="63"/>
        <source>{mark} is recognized only in {scope}, not here</source>
        <translation>{mark} is recognized only in {scope}, not here</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="65"/>
        <source>Not recognizable here</source>
        <translation>Not recognizable here</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="70"/>
        <location filename="../app/ui/verdict_text.py" line="104"/>
        <source>Reference only</source>
        <translation>Reference only</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="76"/>
        <source>Recognizable until {until}</source>
        <translation>Recognizable until {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="84"/>
        <source>Recognized ({mark})</source>
        <translation>Recognized ({mark})</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="86"/>
        <source>{age} days old, window {window} days; recognizable until {until}</source>
        <translation>{age} days old, window {window} days; recognizable until {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="90"/>
        <source>Reference only, because:</source>
        <translation>Reference only, because:</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="93"/>
        <source>Catalogue item: {name} ({code})</source>
        <translation>Catalogue item: {name} ({code})</translation>
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
        <translation>Huren images</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="80"/>
        <source>Image tools</source>
        <translation>Image tools</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="81"/>
        <source>Window/level</source>
        <translation>Window/level</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="82"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="83"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="84"/>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="87"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="88"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="89"/>
        <source>Overlays</source>
        <translation>Overlays</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="98"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="99"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="91"/>
        <source>Compare with prior</source>
        <translation>Compare with prior</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="92"/>
        <source>Link scrolling</source>
        <translation>Link scrolling</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="30"/>
        <source>Window: as stored</source>
        <translation>Window: as stored</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="21"/>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="22"/>
        <source>Lung</source>
        <translation>Lung</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="23"/>
        <source>Bone</source>
        <translation>Bone</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="24"/>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
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
        <translation>Looking up the series…</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="225"/>
        <source>The study holds no images.</source>
        <translation>The study holds no images.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="226"/>
        <source>Nothing to show.</source>
        <translation>Nothing to show.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="227"/>
        <source>No images</source>
        <translation>No images</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="243"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="244"/>
        <source>The images could not be listed.</source>
        <translation>The images could not be listed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="250"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="344"/>
        <source>The images could not be fetched: {why}</source>
        <translation>The images could not be fetched: {why}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="362"/>
        <source>This series cannot be shown.</source>
        <translation>This series cannot be shown.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="384"/>
        <source>{n} of {total} images arrived</source>
        <translation>{n} of {total} images arrived</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="385"/>
        <source>All images arrived</source>
        <translation>All images arrived</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="395"/>
        <source>%n image(s) could not be read (hover for details)</source>
        <translation>
            <numerusform>%n image could not be read (hover for details)</numerusform>
            <numerusform>%n images could not be read (hover for details)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="34"/>
        <source>Prior study</source>
        <translation>Prior study</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="35"/>
        <source>This study</source>
        <translation>This study</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="51"/>
        <source>Opened from local media: no report or recognition status from the platform.</source>
        <translation>Opened from local media: no report or recognition status from the platform.</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="55"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="56"/>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="62"/>
        <source>No imaging report</source>
        <translation>No imaging report</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="65"/>
        <source>Report not final ({status})</source>
        <translation>Report not final ({status})</translation>
    </message>
</context>
</TS>
