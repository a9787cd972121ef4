<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../app/ui/application.py" line="98"/>
        <source>This workstation may not open patient data.</source>
        <translation>此工作站不得打开患者数据。</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="29"/>
        <source>Patient search</source>
        <extracomment>The record behind a line (for tests and for the view&apos;s own use).</extracomment>
        <translation>患者查询</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="30"/>
        <source>Chart opened</source>
        <translation>打开病历</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="31"/>
        <source>Lab report viewed</source>
        <translation>查看检验报告</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="32"/>
        <source>Imaging study opened</source>
        <translation>打开影像检查</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="33"/>
        <source>Order decision</source>
        <translation>医嘱决定</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="34"/>
        <source>Consent recorded</source>
        <translation>记录知情同意</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="35"/>
        <source>Recognition revoked</source>
        <translation>撤销互认</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="36"/>
        <source>Reminder shown</source>
        <translation>已显示互认提醒</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="37"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="38"/>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="39"/>
        <source>Screen locked</source>
        <translation>屏幕锁定</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="40"/>
        <source>Screen unlocked</source>
        <translation>屏幕解锁</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../app/ui/audit_models.py" line="49"/>
        <source>Minor failure</source>
        <translation>轻微失败</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="50"/>
        <source>Serious failure</source>
        <translation>严重失败</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="51"/>
        <source>Major failure</source>
        <translation>重大失败</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_models.py" line="59"/>
        <source>(nobody signed in)</source>
        <translation>（无人登录）</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../app/ui/audit_view.py" line="143"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="144"/>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="145"/>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="146"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="147"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="148"/>
        <source>Patient, record or detail</source>
        <translation>患者、记录或详情</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="149"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="150"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="151"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="154"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="156"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="157"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="157"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="230"/>
        <source>{shown} of {total} entries</source>
        <translation>显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="236"/>
        <location filename="../app/ui/audit_view.py" line="244"/>
        <source>The audit trail could not be read: {error}</source>
        <translation>无法读取审计日志：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="247"/>
        <source>No audit trail yet at {path}.</source>
        <translation>{path} 尚无审计日志。</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="250"/>
        <source>The audit trail is intact: {n} entries verified.</source>
        <translation>审计日志完整：已校验 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="240"/>
        <source>The audit trail is broken at line {line}: {reason}</source>
        <translation>审计日志在第 {line} 行被破坏：{reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="255"/>
        <source>Lines that are not audit entries, not listed: {lines}.</source>
        <translation>以下行不是审计记录，未列出：{lines}。</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="264"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="274"/>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/audit_view.py" line="276"/>
        <source>{n} entries written to {path}</source>
        <translation>已将 {n} 条记录写入 {path}</translation>
    </message>
</context>
<context>
    <name>BodyPart</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="44"/>
        <source>Head</source>
        <translation>头部</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="45"/>
        <source>Brain</source>
        <translation>颅脑</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="46"/>
        <source>Neck</source>
        <translation>颈部</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="47"/>
        <source>Chest</source>
        <translation>胸部</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="48"/>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="49"/>
        <source>Pelvis</source>
        <translation>盆腔</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="50"/>
        <source>Cervical spine</source>
        <translation>颈椎</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="51"/>
        <source>Lumbar spine</source>
        <translation>腰椎</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="52"/>
        <source>Knee</source>
        <translation>膝关节</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="53"/>
        <source>Breast</source>
        <translation>乳腺</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="54"/>
        <source>Heart</source>
        <translation>心脏</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="55"/>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="56"/>
        <source>Thyroid</source>
        <translation>甲状腺</translation>
    </message>
</context>
<context>
    <name>BrowserSignInFlow</name>
    <message>
        <location filename="../app/ui/sign_in_flow.py" line="51"/>
        <source>no web browser could be opened</source>
        <translation>无法打开网页浏览器</translation>
    </message>
</context>
<context>
    <name>CatalogueStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="80"/>
        <source>Catalogue not loaded: {e}</source>
        <translation>互认项目目录未加载：{e}</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="85"/>
        <source>Loading recognition catalogue…</source>
        <translation>正在加载互认项目目录…</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="87"/>
        <source>from the platform</source>
        <translation>来自平台</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="87"/>
        <source>cached copy</source>
        <translation>本地缓存</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="88"/>
        <source>bundled copy</source>
        <translation>程序内置版本</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="89"/>
        <source>Recognition catalogue {version} ({origin}), {n} items</source>
        <translation>互认项目目录 {version}（{origin}），共{n}项</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../app/ui/chart_panel.py" line="318"/>
        <source>{n} unreadable records were skipped (hover for details)</source>
        <translation>已跳过{n}条无法读取的记录（鼠标悬停查看详情）</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="324"/>
        <source>Lab reports ({n})</source>
        <translation>检验报告（{n}）</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="325"/>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_panel.py" line="326"/>
        <source>Images ({n})</source>
        <translation>检查影像（{n}）</translation>
    </message>
</context>
<context>
    <name>ChartRequests</name>
    <message>
        <location filename="../app/ui/chart_requests.py" line="65"/>
        <source>The HIS launch was refused: {error}</source>
        <extracomment>The platform named the user of an HIS launch (a StaffMember): the window signs them in. The window comes to the front (asked for with the request).</extracomment>
        <translation>HIS 调起被拒绝：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="103"/>
        <source>Unknown item {code}</source>
        <translation>未知项目 {code}</translation>
    </message>
    <message>
        <location filename="../app/ui/chart_requests.py" line="112"/>
        <source>No report {id} in this chart</source>
        <translation>本病历中没有报告 {id}</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../app/ui/consent_scan.py" line="69"/>
        <source>Could not read {name}: {error}</source>
        <translation>无法读取{name}：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="76"/>
        <source>{name} is not a PNG or JPEG image</source>
        <translation>{name}不是PNG或JPEG格式的图片</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="179"/>
        <source>Could not save the consent form: {error}</source>
        <translation>知情同意书保存失败：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="182"/>
        <source>Consent form saved: {link}</source>
        <translation>知情同意书已保存：{link}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="84"/>
        <source>Patient: {name}</source>
        <translation>患者：{name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="89"/>
        <source>Ordering physician: {name}</source>
        <translation>开单医师：{name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="103"/>
        <source>Why it is repeated: {reason}</source>
        <translation>复查原因：{reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="105"/>
        <source>Recognized prior result: {prior}</source>
        <translation>可互认的既往结果：{prior}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="107"/>
        <source>Expected fee: {fee}</source>
        <translation>预计费用：{fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="93"/>
        <source>Total expected fee: {fee}</source>
        <translation>预计费用合计：{fee}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="202"/>
        <source>Consent to repeat tests — {patient}</source>
        <translation>复查知情同意 — {patient}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="167"/>
        <source>What was explained to the patient</source>
        <translation>已向患者告知的内容</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="78"/>
        <source>Who decides</source>
        <translation>签署人</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="79"/>
        <source>The patient</source>
        <translation>患者本人</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="80"/>
        <source>A family member</source>
        <translation>家属</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="81"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="82"/>
        <source>Family member&apos;s full name</source>
        <translation>家属姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="83"/>
        <source>Relationship to the patient:</source>
        <translation>与患者关系：</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="84"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="85"/>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="86"/>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="87"/>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="88"/>
        <source>Other guardian</source>
        <translation>其他监护人</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_signer.py" line="91"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="52"/>
        <source>How the decision is given</source>
        <translation>确认方式</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="53"/>
        <source>Signature on screen</source>
        <translation>屏幕签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="54"/>
        <source>Signed paper form</source>
        <translation>签署纸质知情同意书</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_method.py" line="55"/>
        <source>Verbal, with witness</source>
        <translation>口头同意（有见证人）</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="59"/>
        <source>Printed consent form</source>
        <translation>知情同意书打印</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="60"/>
        <source>Language for the patient:</source>
        <translation>知情同意书语言：</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form_box.py" line="61"/>
        <source>Print consent form…</source>
        <translation>打印知情同意书…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="112"/>
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="97"/>
        <source>Print the consent form, let the patient or family member sign it, then scan it and attach the scan here.</source>
        <translation>请打印知情同意书，由患者或家属签字后扫描，再在此处添加扫描件。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="100"/>
        <source>Attach scan…</source>
        <translation>添加扫描件…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="117"/>
        <source>Witness:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="118"/>
        <source>Witness&apos;s full name</source>
        <translation>见证人姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="207"/>
        <source>Patient consents</source>
        <translation>患者同意</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="208"/>
        <source>Patient refuses</source>
        <translation>患者拒绝</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="210"/>
        <source>A refusal is recorded as consent is: who decides, and their signature, the signed paper form or a witness. You confirm it before it is kept.</source>
        <translation>拒绝与同意的记录要求相同：由谁决定，以及其签名、签署的纸质知情同意书或见证人。保存前需再次确认。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="212"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="233"/>
        <source>Check the patient&apos;s identity against the ID card or wristband, and tick the box.</source>
        <translation>请对照身份证或腕带核对患者身份，并勾选确认。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="259"/>
        <location filename="../app/ui/consent_dialog.py" line="266"/>
        <source>Record the refusal</source>
        <translation>记录拒绝</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="264"/>
        <source>The repeat is withdrawn and the prior results are recognized instead. {doctor}, who ordered it, will be told.
Evidence: {how}.</source>
        <translation>该复查将撤销，改为互认既往结果；将通知开单医师{doctor}。
依据：{how}。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="268"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="279"/>
        <location filename="../app/ui/consent_explanation.py" line="42"/>
        <location filename="../app/ui/consent_explanation.py" line="79"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="282"/>
        <source>The patient {patient} refuses the repeat of {items}: record the refusal?</source>
        <translation>患者{patient}拒绝复查{items}：是否记录拒绝？</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="284"/>
        <source>{signer} ({relationship}) refuses, for the patient {patient}, the repeat of {items}: record the refusal?</source>
        <translation>{signer}（{relationship}）代患者{patient}拒绝复查{items}：是否记录拒绝？</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="291"/>
        <source>aloud, before the witness {witness}</source>
        <translation>口头表示，见证人{witness}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="294"/>
        <source>the signed paper form</source>
        <translation>签署的纸质知情同意书</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="295"/>
        <source>signature on screen</source>
        <translation>屏幕签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="43"/>
        <source>{name} ({where})</source>
        <translation>{name}（{where}）</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="51"/>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="55"/>
        <source>{reason}: {note}</source>
        <translation>{reason}：{note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="73"/>
        <location filename="../app/ui/consent_explanation.py" line="127"/>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="65"/>
        <source>reference range {range}</source>
        <translation>参考范围 {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="60"/>
        <source>{age} days old, window {window} days</source>
        <translation>距采样{age}天，互认时限{window}天</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="32"/>
        <source>{fee} yuan</source>
        <translation>{fee}元</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="117"/>
        <source>Consent to repeat tests</source>
        <translation>复查知情同意</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="140"/>
        <source>Test</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="141"/>
        <source>Why the doctor repeats it</source>
        <translation>复查原因</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="142"/>
        <source>Recognized prior result</source>
        <translation>可互认的既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_explanation.py" line="143"/>
        <source>Expected fee</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="225"/>
        <source>Enter the family member&apos;s name.</source>
        <translation>请填写家属姓名。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="226"/>
        <source>The order has no patient name.</source>
        <translation>医嘱缺少患者姓名。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="227"/>
        <source>Choose the family member&apos;s relationship to the patient.</source>
        <translation>请选择家属与患者的关系。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="228"/>
        <source>Attach the scan of the signed paper form.</source>
        <translation>请添加已签字的纸质知情同意书扫描件。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="230"/>
        <source>No signature yet: ask the signer to sign on screen.</source>
        <translation>尚未签名：请签署人在屏幕上签名。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="231"/>
        <source>Enter the witness&apos;s name.</source>
        <translation>请填写见证人姓名。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="232"/>
        <source>The clock gives no time zone; consent cannot be recorded (tell IT).</source>
        <translation>系统时间缺少时区，无法记录知情同意（请联系信息科）。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="97"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="98"/>
        <source>Scan of the signed paper form</source>
        <translation>纸质知情同意书扫描件</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="99"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="103"/>
        <source>Signature of the family member {name}</source>
        <translation>家属签名：{name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="105"/>
        <source>Signature of the family member</source>
        <translation>家属签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="108"/>
        <source>Signature of the patient {name}</source>
        <translation>患者本人签名：{name}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_evidence.py" line="114"/>
        <source>The patient or family member agrees or refuses aloud. Name the witness who heard it, such as a second member of staff.</source>
        <translation>患者或家属口头表示同意或拒绝。请填写在场听到的见证人姓名（如另一名医务人员）。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="110"/>
        <source>Attached: {name} ({size} KB)</source>
        <translation>已添加：{name}（{size} KB）</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="114"/>
        <source>No scan attached</source>
        <translation>尚未添加扫描件</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="116"/>
        <source>No scan</source>
        <translation>无扫描件</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="91"/>
        <source>Attach the scan of the signed consent form</source>
        <translation>添加已签字的知情同意书扫描件</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_scan.py" line="92"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="312"/>
        <source>Consent form {patient} {date}</source>
        <translation>复查知情同意书 {patient} {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="314"/>
        <source>Save the consent form for printing</source>
        <translation>保存知情同意书以便打印</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_dialog.py" line="315"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="62"/>
        <source>Informed consent to repeat a test already recognized between hospitals</source>
        <translation>检查检验结果互认 复查知情同意书</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="63"/>
        <source>Patient</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="64"/>
        <source>Ordering physician</source>
        <translation>开单医师</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="65"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="66"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="67"/>
        <source>Order no.</source>
        <translation>医嘱号</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="68"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="69"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="70"/>
        <source>{age} years</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="71"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="72"/>
        <source>Resident ID no.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="73"/>
        <source>Medical record no.</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="74"/>
        <source>Outpatient no.</source>
        <translation>门诊号</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="75"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="76"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="77"/>
        <source>Before the form is signed, the nurse checks the patient&apos;s name and date of birth against the ID card or wristband.</source>
        <translation>签字前，护士须对照身份证或腕带核对患者姓名及出生日期。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="81"/>
        <source>Under the rules for mutual recognition of test results between hospitals, a result from another hospital that meets the recognition conditions is normally used instead of doing the test again. For the items below such a result exists, but your doctor recommends repeating the test, for the reason given.</source>
        <translation>根据医疗机构间检查检验结果互认的有关规定，其他医疗机构出具的、符合互认条件的检查检验结果，原则上予以互认，不再重复检查。下列项目已有可互认的结果，但医生根据您的病情建议复查，原因如下。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="87"/>
        <source>Test</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="88"/>
        <source>Recognized result</source>
        <translation>可互认结果</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="89"/>
        <source>Date of the result</source>
        <translation>采样日期</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="90"/>
        <source>Hospital</source>
        <translation>出具医院</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="91"/>
        <source>HR mark</source>
        <translation>互认标识</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="92"/>
        <source>Why the doctor recommends repeating it</source>
        <translation>复查原因</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="93"/>
        <source>Fee (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="94"/>
        <source>Total expected fee</source>
        <translation>预计费用合计</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="95"/>
        <source>{fee} yuan</source>
        <translation>{fee}元</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="96"/>
        <source>reference range {range}</source>
        <translation>参考范围 {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="97"/>
        <source>{age} days old, recognized for {window} days</source>
        <translation>距采样{age}天，互认时限{window}天</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="98"/>
        <source>No details of the earlier result</source>
        <translation>无既往结果详情</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="99"/>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="100"/>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="101"/>
        <source>{reason}: {note}</source>
        <translation>{reason}：{note}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="102"/>
        <source>The medical staff have explained to me that a result of the test(s) above from another hospital already exists and is recognized here, so the test would not normally need to be repeated. The doctor has told me why repeating it is recommended and what the repeat costs. I have been able to ask questions, and I understand that I am free to decline the repeat.</source>
        <translation>医务人员已向我说明：上述检查检验项目在其他医疗机构已有结果，且该结果在本院可以互认，一般无需重复检查。医生已向我解释建议复查的原因及所需费用，我已充分了解，并有机会提出疑问；我知道我有权拒绝复查。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="108"/>
        <source>I agree to repeat the test(s) listed above.</source>
        <translation>我同意复查上述检查检验项目。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="109"/>
        <source>I do not agree to repeat the test(s); the recognized result from the other hospital will be used.</source>
        <translation>我不同意复查，采用其他医疗机构的互认结果。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="111"/>
        <source>Signature of the patient or family member</source>
        <translation>患者或家属签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="112"/>
        <source>Relationship to the patient</source>
        <translation>与患者关系</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="113"/>
        <source>Nurse who explained</source>
        <translation>告知护士签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="114"/>
        <source>Physician</source>
        <translation>医师签名</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="115"/>
        <source>Date and time</source>
        <translation>签署时间</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="116"/>
        <source>{patient} · order no. {order} · page {page} of {pages}</source>
        <translation>{patient} · 医嘱号 {order} · 第{page}页，共{pages}页</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="117"/>
        <source>If a family member or guardian signs on the patient&apos;s behalf, please write the relationship to the patient.</source>
        <translation>如由家属或监护人代为签署，请注明与患者的关系。</translation>
    </message>
</context>
<context>
    <name>ConsentIdentity</name>
    <message>
        <location filename="../app/ui/consent_identity.py" line="28"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="29"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="30"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="37"/>
        <source>no date of birth or ID with this order</source>
        <translation>此医嘱未附出生日期及身份证号</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="40"/>
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="41"/>
        <source>born {date}</source>
        <translation>出生日期 {date}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="51"/>
        <source>ID {number}</source>
        <translation>身份证号 {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="53"/>
        <source>record no. {number}</source>
        <translation>病案号 {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="55"/>
        <source>outpatient no. {number}</source>
        <translation>门诊号 {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="72"/>
        <source>Order no. {number}</source>
        <translation>医嘱号 {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="139"/>
        <source>Identity checked against: {document}</source>
        <translation>身份核对依据：{document}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="150"/>
        <source>I have checked the patient&apos;s identity (name and date of birth) against the</source>
        <translation>已核对患者身份（姓名、出生日期），核对依据：</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="152"/>
        <source>resident ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="153"/>
        <source>wristband</source>
        <translation>腕带</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_identity.py" line="156"/>
        <source>Two identifiers, never the name alone: ask the patient to say their name and date of birth, and compare them and the ID number with the card or wristband.</source>
        <translation>至少使用两种身份标识，切勿仅凭姓名：请患者自述姓名和出生日期，并与身份证或腕带上的信息及证件号码核对。</translation>
    </message>
</context>
<context>
    <name>ConsentWorklistDialog</name>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="69"/>
        <source>Awaiting consent</source>
        <extracomment>A consent or refusal was kept (emitted when its write is done, with what it changed).</extracomment>
        <translation>待知情同意</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="70"/>
        <source>Repeat tests the physicians of your hospital ordered. Explain each repeat to the patient or family, then record their consent or refusal.</source>
        <translation>本院医师开具的复查项目。请逐项向患者或家属说明复查原因，然后记录其同意或拒绝。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="72"/>
        <source>Record consent…</source>
        <translation>记录知情同意…</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="73"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="90"/>
        <source>The list may be incomplete: {sources} did not give all waiting orders.</source>
        <translation>列表可能不完整：{sources} 未给出全部待签署的医嘱。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="97"/>
        <location filename="../app/ui/consent_worklist_dialog.py" line="145"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="99"/>
        <source>{identity}
{items}: ordered by {doctor}, {when} · order no. {number}</source>
        <translation>{identity}
{items}：{doctor} 开立，{when} · 医嘱号 {number}</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="136"/>
        <location filename="../app/ui/consent_worklist_dialog.py" line="155"/>
        <source>Consent not recorded</source>
        <translation>未能记录知情同意</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="146"/>
        <source>{patient}: consent recorded; the repeat of {items} is ordered.</source>
        <translation>{patient}：已记录知情同意，{items}复查已下达。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="148"/>
        <source>{patient}: refusal recorded. The repeat of {items} is withdrawn and the prior results are recognized; {doctor} will be told.</source>
        <translation>{patient}：已记录拒绝。{items}复查已撤销，改为互认既往结果；将通知{doctor}。</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_worklist_dialog.py" line="156"/>
        <source>The consent could not be saved on this computer ({error}). Record it again.</source>
        <translation>同意记录未能保存在本机（{error}），请重新记录。</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="180"/>
        <source>Recognition dashboard</source>
        <translation>检查检验结果互认统计</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="181"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="182"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="183"/>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="184"/>
        <source>Per</source>
        <translation>按</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="185"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="188"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="189"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="190"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="229"/>
        <location filename="../app/ui/dashboard_view.py" line="336"/>
        <source>Recognized</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="191"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="336"/>
        <source>Repeated</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="192"/>
        <source>Recognitions revoked</source>
        <translation>撤销互认</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="193"/>
        <location filename="../app/ui/dashboard_view.py" line="212"/>
        <location filename="../app/ui/dashboard_view.py" line="237"/>
        <source>Recognition rate</source>
        <translation>互认率</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="194"/>
        <source>Fees saved</source>
        <translation>为患者节省费用</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="195"/>
        <source>Recognitions and repeats over time</source>
        <translation>互认与复查趋势</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="196"/>
        <source>Repeats by reason</source>
        <translation>复查原因分布</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="197"/>
        <source>By department</source>
        <translation>按科室</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="198"/>
        <source>By doctor</source>
        <translation>按医师</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="199"/>
        <source>By item</source>
        <translation>按项目</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="200"/>
        <source>Funnel</source>
        <translation>互认漏斗</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="206"/>
        <location filename="../app/ui/dashboard_view.py" line="301"/>
        <source>All hospitals</source>
        <translation>全部医院</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="210"/>
        <source>Doctor</source>
        <translation>医师</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>Item code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="211"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="213"/>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <source>Fees saved (¥)</source>
        <translation>节省费用（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="215"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="215"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Reason</source>
        <translation>复查原因</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <source>Reason code</source>
        <translation>原因代码</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="216"/>
        <source>Fee (¥)</source>
        <translation>项目费用（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="217"/>
        <location filename="../app/ui/dashboard_view.py" line="240"/>
        <source>Record</source>
        <translation>记录标识</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="218"/>
        <source>Period from</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="219"/>
        <location filename="../app/ui/dashboard_view.py" line="241"/>
        <source>Repeats</source>
        <translation>复查次数</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <location filename="../app/ui/dashboard_view.py" line="243"/>
        <source>recognized</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <source>repeated</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="223"/>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="229"/>
        <source>Repeated with reason</source>
        <translation>有理由复查</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="230"/>
        <source>Overlooked</source>
        <translation>遗漏</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="230"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="231"/>
        <source>Patients with recognizable priors</source>
        <translation>有可互认既往结果的患者</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="231"/>
        <source>Reminded</source>
        <translation>已提醒</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="232"/>
        <source>Prior opened</source>
        <translation>已调阅既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="235"/>
        <source>Of the stage above</source>
        <translation>占上一环节</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="236"/>
        <source>Access rate</source>
        <translation>调阅率</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Visit</source>
        <translation>就诊</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="238"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="239"/>
        <source>Issuing hospital</source>
        <translation>结果出具医院</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="239"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="241"/>
        <source>Verdict</source>
        <translation>监管判定</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>reasonable</source>
        <translation>合理</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>unreasonable</source>
        <translation>不合理</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="242"/>
        <source>not reviewed</source>
        <translation>未点评</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="243"/>
        <source>repeated with reason</source>
        <translation>有理由复查</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="244"/>
        <source>overlooked</source>
        <translation>遗漏</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>not ordered</source>
        <translation>未开具</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="245"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="262"/>
        <source>The range ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="267"/>
        <source>Loading the order records of {start} to {end}…</source>
        <translation>正在读取 {start} 至 {end} 的医嘱记录…</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="288"/>
        <source>The order records could not be loaded: {error}</source>
        <translation>无法读取医嘱记录：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="292"/>
        <source>Dates changed: press Refresh to search the platform again.</source>
        <translation>日期已更改：请点击“刷新”重新查询平台。</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="303"/>
        <source>(hospital not known)</source>
        <translation>（医院不详）</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="348"/>
        <source>{n} decisions from {start} to {end}</source>
        <translation>{start} 至 {end} 共 {n} 项决定</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="352"/>
        <source>{source} incomplete: {gaps}</source>
        <translation>{source} 数据不完整：{gaps}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="355"/>
        <source>{source} not reached: {message}</source>
        <translation>{source} 无法连接：{message}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="359"/>
        <source>{source}: reminders and openings missing from the funnel ({why})</source>
        <translation>{source}：互认漏斗缺少提醒与调阅记录（{why}）</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="366"/>
        <source>Choose a folder for the CSV files</source>
        <translation>选择保存 CSV 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="382"/>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="384"/>
        <source>{n} CSV files written to {folder}</source>
        <translation>已将 {n} 个 CSV 文件写入 {folder}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_view.py" line="386"/>
        <source>the funnel&apos;s files were left out: the reminders and openings of {sources} could not be read</source>
        <translation>未导出漏斗文件：无法读取 {sources} 的提醒和调阅记录</translation>
    </message>
</context>
<context>
    <name>DecisionTable</name>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Item</source>
        <extracomment>A row&apos;s editors changed (its choice, reason or note): the dialog reads them back.</extracomment>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Prior result</source>
        <translation>既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Result from</source>
        <translation>结果来源</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="135"/>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="136"/>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="136"/>
        <source>Reason for repeat</source>
        <translation>复查理由</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="144"/>
        <source>Recognize prior result</source>
        <translation>互认既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="145"/>
        <source>Repeat</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="146"/>
        <source>— choose a reason —</source>
        <translation>— 请选择复查理由 —</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="149"/>
        <source>Free text (required for &apos;Other&apos;)</source>
        <translation>补充说明（选择“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="162"/>
        <source>reference range {range}</source>
        <translation>参考范围 {range}</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="164"/>
        <source>converted from {written}</source>
        <translation>由 {written} 换算</translation>
    </message>
    <message>
        <location filename="../app/ui/decision_table.py" line="173"/>
        <source>{age} days old, window {window} days</source>
        <translation>距采样{age}天，互认时限{window}天</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../app/ui/banners.py" line="33"/>
        <source>DEMO — synthetic data, not real patients (embedded demo platform)</source>
        <translation>演示 — 模拟数据，非真实患者（内置演示平台）</translation>
    </message>
    <message>
        <location filename="../app/ui/banners.py" line="34"/>
        <source>SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member</source>
        <translation>未启用登录 — 演示账号：本工作站的任何人都可以任一员工身份操作</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../app/ui/document_view.py" line="153"/>
        <source>Opening the original document…</source>
        <translation>正在打开原始报告…</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="155"/>
        <source>Showing the first {n} of {total} pages.</source>
        <translation>仅显示前 {n} 页（共 {total} 页）。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="176"/>
        <source>Huren cannot show documents of this type ({type}): only PDF, PNG and JPEG.</source>
        <translation>Huren 无法显示此类文件（{type}）：仅支持 PDF、PNG 和 JPEG。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="179"/>
        <source>The document is too large to open here (the limit is {mb} MB).</source>
        <translation>文件过大，无法在此打开（上限为 {mb} MB）。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="182"/>
        <source>The document is kept on another server ({server}). Huren opens documents only from the platform the report came from.</source>
        <translation>该文件存放在其他服务器（{server}）上。Huren 只从报告所在的平台打开文件。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="185"/>
        <source>The report names a document but carries neither its content nor its address.</source>
        <translation>报告提到了原始文件，但既未附带其内容，也未给出其地址。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="173"/>
        <source>The document could not be opened.</source>
        <translation>无法打开该文档。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="187"/>
        <source>The document cannot be read: it is damaged or not what it claims to be.</source>
        <translation>无法读取该文档：文件已损坏，或与其声明的类型不符。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="188"/>
        <source>The platform did not give the document.</source>
        <translation>平台未能提供该文档。</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="252"/>
        <source>Document {n}</source>
        <translation>文件 {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="261"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="262"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="263"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../app/ui/document_view.py" line="264"/>
        <source>Close the document</source>
        <translation>关闭原始报告</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../app/ui/review_dialog.py" line="280"/>
        <source>Reading the verdicts…</source>
        <translation>正在读取判定…</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="284"/>
        <source>Review of my repeats</source>
        <translation>我的重复检查监管结果</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="285"/>
        <source>The supervisor&apos;s verdicts on your repeats from {start} to {end}.</source>
        <translation>监管人员对您 {start} 至 {end} 期间重复检查的判定。</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Ordered</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Verdict</source>
        <translation>监管判定</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="288"/>
        <source>Your reason</source>
        <translation>您的复查理由</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="289"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="289"/>
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="290"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="300"/>
        <source>Verdicts: {count}</source>
        <translation>判定：{count} 条</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="304"/>
        <source>The verdicts could not be read: {error}</source>
        <translation>无法读取判定：{error}</translation>
    </message>
</context>
<context>
    <name>FhirStatus</name>
    <message>
        <location filename="../app/ui/status_text.py" line="24"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="25"/>
        <source>Partial</source>
        <translation>部分结果</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="26"/>
        <source>Preliminary</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="27"/>
        <source>Final</source>
        <translation>最终报告</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="28"/>
        <source>Amended</source>
        <translation>已修订</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="29"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="30"/>
        <source>Appended</source>
        <translation>已补充</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="31"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="32"/>
        <source>Entered in error</source>
        <translation>录入错误</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="33"/>
        <source>Status unknown</source>
        <translation>状态不明</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="35"/>
        <source>Images available</source>
        <translation>影像可调阅</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="37"/>
        <source>Current</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="38"/>
        <source>Superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="40"/>
        <source>No report yet</source>
        <translation>尚无报告</translation>
    </message>
    <message>
        <location filename="../app/ui/status_text.py" line="55"/>
        <source>Unrecognized status</source>
        <extracomment>The codes this module words (for tests and for anyone checking a screen for raw codes).</extracomment>
        <translation>无法识别的状态</translation>
    </message>
</context>
<context>
    <name>FunnelPanel</name>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="156"/>
        <source>Rates by</source>
        <extracomment>What a figure shows when the records it counts are missing.</extracomment>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="157"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="157"/>
        <source>Doctor</source>
        <translation>医师</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="158"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="158"/>
        <source>Issuing hospital</source>
        <translation>结果出具医院</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="159"/>
        <source>Over time</source>
        <translation>时间趋势</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="162"/>
        <source>%: of the stage above; outcomes: of the items decided</source>
        <translation>百分比：占上一环节；处理结果：占已处理项目</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="163"/>
        <source>(not known)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="204"/>
        <source>Items decided: {n}</source>
        <translation>已处理项目：{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="209"/>
        <source>Repeats by verdict: {counts}</source>
        <translation>复查点评结论：{counts}</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="226"/>
        <source>Reminders and openings from {source} are missing ({why}).</source>
        <translation>{source}的提醒与调阅记录缺失（{why}）。</translation>
    </message>
    <message>
        <location filename="../app/ui/dashboard_funnel.py" line="229"/>
        <source>The figures they feed show {unknown}: the visits&apos; stages, and whether a repeat&apos;s prior was opened (repeated with reason or overlooked).</source>
        <translation>依赖这些记录的数字显示为 {unknown}：各就诊环节，以及复查前是否调阅了既往结果（有理由复查或遗漏）。</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <location filename="../app/ui/viewer/image_pane.py" line="248"/>
        <source>{n} of {total} images arrived</source>
        <translation>已接收 {n}/{total} 幅图像</translation>
    </message>
</context>
<context>
    <name>LabReportsView</name>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="185"/>
        <source>No report selected</source>
        <extracomment>The narrowest the list lets its hospital and report names be (they elide, whole in the tooltip). The list&apos;s share of the room when a chart opens (at least what its badges need, at most 560 pixels).</extracomment>
        <translation>未选择检验报告</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="191"/>
        <source>This report came only as its printed document: no structured results. Its recognition is judged for the report as a whole.

{badge}: {why}</source>
        <translation>该报告仅以打印的原始报告提供，没有结构化结果，因此按整份报告判断能否互认。

{badge}：{why}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="221"/>
        <source>Unknown hospital</source>
        <translation>未知医院</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="222"/>
        <source> — status: {status}</source>
        <translation> — 状态：{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="223"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; 采样时间：{when}{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="283"/>
        <location filename="../app/ui/lab_reports_view.py" line="304"/>
        <source>Original document</source>
        <translation>原始报告</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="299"/>
        <source>Trend across hospitals</source>
        <translation>跨院趋势</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="305"/>
        <source>The report as the hospital printed it, beside the list</source>
        <translation>医院打印的报告原件，显示在列表旁</translation>
    </message>
</context>
<context>
    <name>LinkedScroll</name>
    <message>
        <location filename="../app/ui/viewer/linked_scroll.py" line="119"/>
        <source>No matching slice at {position:.1f} mm: this series covers {first:.1f} to {last:.1f} mm.</source>
        <translation>{position:.1f} mm 处无对应层面：本序列范围为 {first:.1f} 至 {last:.1f} mm。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../app/ui/lock_screen.py" line="105"/>
        <source>Huren is locked</source>
        <translation>互认工作站已锁定</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="106"/>
        <source>Locked at {time}: patient data is hidden. {user} can unlock; another user chooses themselves in the User box above, which closes the open patient.</source>
        <translation>{time} 锁定：患者信息已隐藏。{user} 可解锁；其他用户请在上方“当前用户”中选择自己，当前患者将被关闭。</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="109"/>
        <source>Staff number of {user}</source>
        <translation>{user}的工号</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="110"/>
        <source>Unlock as {user}</source>
        <translation>以 {user} 解锁</translation>
    </message>
    <message>
        <location filename="../app/ui/lock_screen.py" line="128"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="113"/>
        <source>not signed in</source>
        <extracomment>A demo account was picked in the User box. A language was picked (&quot;&quot; = the system&apos;s).</extracomment>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="145"/>
        <source>Awaiting consent ({n})</source>
        <translation>待知情同意（{n}）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="172"/>
        <source>User: </source>
        <translation>当前用户：</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="173"/>
        <source>New lab order…</source>
        <translation>开检验单…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="174"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="175"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="176"/>
        <source>Dashboard</source>
        <translation>互认统计</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="177"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="178"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="179"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="180"/>
        <source>My orders</source>
        <translation>我的医嘱</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="181"/>
        <source>Review repeats</source>
        <translation>复查监管</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="182"/>
        <source>Review feedback</source>
        <translation>监管反馈</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="183"/>
        <source>Find patient</source>
        <translation>查找患者</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="184"/>
        <source>Next report</source>
        <translation>下一份报告</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="185"/>
        <source>Previous report</source>
        <translation>上一份报告</translation>
    </message>
    <message>
        <location filename="../app/ui/main_toolbar.py" line="186"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="221"/>
        <source>Images</source>
        <translation>检查影像</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="222"/>
        <source>The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown.</source>
        <translation>该医院未提供这些影像的访问地址（无 DICOMweb 端点），无法显示。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="187"/>
        <source>Administrators read the audit trail; patient records are for clinical staff</source>
        <translation>系统管理员只查看审计日志；患者病历仅供临床人员查看</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="203"/>
        <source>Signed in only while Huren runs: this computer has no system keyring to keep the sign-in safely</source>
        <translation>本次登录仅在 Huren 运行期间有效：此电脑没有可安全保存登录的系统密钥环</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="265"/>
        <source>Huren — mutual recognition of results</source>
        <translation>Huren — 检查检验结果互认</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="267"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="269"/>
        <source>Huren {version}</source>
        <translation>Huren {version}</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="121"/>
        <source>Order check for the HIS is off: no service secret</source>
        <translation>HIS 医嘱核查服务未开启：没有服务密钥</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="128"/>
        <source>Order check for the HIS could not start: {error}</source>
        <translation>HIS 医嘱核查服务无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>MyOrdersDialog</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="121"/>
        <source>My orders</source>
        <extracomment>How often the notice looks for new refusals while a physician works. A revocation was written (emitted when its write is done, with what it changed).</extracomment>
        <translation>我的医嘱</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="123"/>
        <source>Your repeat tests of the last {days} days that needed the patient&apos;s consent, and what the patient decided. A refused repeat was withdrawn: the prior result is recognized instead.</source>
        <translation>您近{days}天内需患者知情同意的复查项目及患者的决定。患者拒绝的复查已撤销，改为互认既往结果。</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Ordered</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Order no.</source>
        <translation>医嘱号</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="127"/>
        <source>Repeated items</source>
        <translation>复查项目</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Decision</source>
        <translation>患者决定</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="128"/>
        <source>Recognized items</source>
        <translation>互认项目</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="129"/>
        <source>Revoke recognition…</source>
        <translation>撤销互认…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="131"/>
        <source>Undo a recognition recorded by mistake: only on the day of the order, with a reason</source>
        <translation>撤销误记的结果互认：仅限开单当日，须填写原因</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="132"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="133"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="145"/>
        <source>Reading your orders…</source>
        <translation>正在读取您的医嘱…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="161"/>
        <source>Your orders could not be read: {error}</source>
        <translation>无法读取您的医嘱：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="183"/>
        <source>{n} orders; refused: {refused}.</source>
        <translation>共{n}条医嘱；拒绝：{refused}条。</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="184"/>
        <source>No orders awaiting or decided in these days.</source>
        <translation>这段时间内没有待患者决定或已决定的医嘱。</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="188"/>
        <source>The list may be incomplete: {sources} did not answer in full.</source>
        <translation>列表可能不完整：{sources}未返回全部结果。</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="189"/>
        <location filename="../app/ui/my_orders_dialog.py" line="195"/>
        <location filename="../app/ui/my_orders_dialog.py" line="196"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="197"/>
        <source>{item} (revoked)</source>
        <translation>{item}（已撤销）</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="244"/>
        <source>Revoking the recognition of {item}…</source>
        <translation>正在撤销{item}的互认…</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="251"/>
        <source>{patient}: the recognition of {item} is revoked; the platform will be told.</source>
        <translation>{patient}：{item}的互认已撤销，将同步至平台。</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="260"/>
        <source>Recognition not revoked</source>
        <translation>互认未撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="327"/>
        <source>Awaiting the patient&apos;s decision</source>
        <translation>等待患者决定</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="328"/>
        <source>Consented</source>
        <translation>已同意</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="329"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../app/ui/order_actions.py" line="64"/>
        <source>Order saved: waiting for the patient&apos;s consent</source>
        <translation>检验单已保存，等待患者知情同意</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="65"/>
        <source>Recognition recorded; the patient saves the fee</source>
        <translation>已记录互认，患者免除重复检查费用</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="71"/>
        <source>Order not sent</source>
        <translation>检验单未提交</translation>
    </message>
    <message>
        <location filename="../app/ui/order_actions.py" line="72"/>
        <source>The order could not be saved on this computer ({error}). Nothing was sent; order again.</source>
        <translation>医嘱未能保存在本机（{error}），未发送任何内容，请重新开单。</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../app/ui/order_dialog.py" line="153"/>
        <source>New lab order — {name}</source>
        <extracomment>The size the dialog asks for; it opens smaller on a smaller screen (see _fit_screen).</extracomment>
        <translation>开检验单 — {name}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="154"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {id}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="156"/>
        <source>Search items and panels: name, code or LOINC</source>
        <translation>搜索项目或组合：名称、编码或LOINC</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="157"/>
        <source>Clinical notes</source>
        <translation>临床说明</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="158"/>
        <source>Check prior results</source>
        <translation>查询既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="159"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="160"/>
        <source>Send order</source>
        <translation>提交检验单</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="203"/>
        <source>Panel: {name} — {n} items</source>
        <translation>组合：{name} — {n}项</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="232"/>
        <source>Chosen: {names}</source>
        <translation>已选：{names}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="232"/>
        <source>nothing yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="188"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="250"/>
        <source>These items have a result from another hospital that is recognized here. Recognize it (the patient saves the fee), or repeat the test with a reason; a repeat needs the patient&apos;s consent.</source>
        <translation>以下项目已有他院结果可在本院互认。请选择互认既往结果（患者免除费用），或注明理由后复查；复查须经患者知情同意。</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="256"/>
        <source>no prior result</source>
        <translation>无既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="258"/>
        <source>Ordered as usual (no recognizable prior result): {items}</source>
        <translation>按常规开单（无可互认的既往结果）：{items}</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="259"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="261"/>
        <source>Prior results may be missing: {sources} did not give a complete answer. An item listed without a recognizable prior result may still have one there.</source>
        <translation>既往结果可能不全：{sources} 未给出完整答复。列为“无可互认既往结果”的项目，在该处仍可能有结果。</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="284"/>
        <source>{item}: choose a reason for the repeat</source>
        <translation>{item}：请选择复查理由</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="285"/>
        <source>{item}: explain the reason in the note</source>
        <translation>{item}：请在说明中写明理由</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="286"/>
        <source>{item}: there is no prior result to recognize</source>
        <translation>{item}：没有可互认的既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/order_dialog.py" line="322"/>
        <source>Order not sent</source>
        <translation>检验单未提交</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <location filename="../app/ui/status_widgets.py" line="54"/>
        <source>{n} records refused by the platform (hover for why)</source>
        <extracomment>How often the outbox is tried while records wait (ms); each entry backs off on its own.</extracomment>
        <translation>{n}条记录被平台拒收（悬停查看原因）</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="57"/>
        <source>{n} records waiting to be sent</source>
        <translation>{n}条记录待上传</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="59"/>
        <source>All records sent</source>
        <translation>记录已全部上传</translation>
    </message>
    <message>
        <location filename="../app/ui/status_widgets.py" line="63"/>
        <source>{when}: {error}</source>
        <translation>{when}：{error}</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="22"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="44"/>
        <source>Se {n}</source>
        <translation>序列 {n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="47"/>
        <source>Im {i}/{n}</source>
        <translation>图像 {i}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="49"/>
        <source>Frame {f}/{n}</source>
        <translation>帧 {f}/{n}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="52"/>
        <source>Pos {z:.1f} mm</source>
        <translation>位置 {z:.1f} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="54"/>
        <source>Thk {t:g} mm</source>
        <translation>层厚 {t:g} mm</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="59"/>
        <source>W {w:.0f} L {c:.0f}</source>
        <translation>窗宽 {w:.0f} 窗位 {c:.0f}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="61"/>
        <source>Zoom {z:.0f}%</source>
        <translation>缩放 {z:.0f}%</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="63"/>
        <source>No pixel spacing: lengths in px</source>
        <translation>无像素间距：长度以像素计</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/overlay_text.py" line="65"/>
        <source>Spacing at detector</source>
        <translation>间距按探测器平面计</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/study_context.py" line="27"/>
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../app/ui/patient_banner.py" line="78"/>
        <source>No patient open</source>
        <extracomment>The doctor asked for the demo&apos;s showcase patient (its resident ID).</extracomment>
        <translation>未打开患者</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="80"/>
        <source>Find a patient on the left to see lab reports from every connected hospital.</source>
        <translation>请在左侧查找患者，即可查看各接入医院的检验报告。</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="81"/>
        <source>Try the demo patient {name}, resident ID {id}</source>
        <translation>试看演示患者 {name}（身份证号 {id}）</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="83"/>
        <source>Open this patient&apos;s chart</source>
        <translation>打开该患者的检验检查记录</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="85"/>
        <source>Unknown sex</source>
        <translation>性别未知</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="87"/>
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="93"/>
        <source>ID {id}</source>
        <translation>身份证号：{id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="95"/>
        <source>Insurance card {card}</source>
        <translation>医保卡号：{card}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="99"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="99"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="100"/>
        <source>Records at: {hospitals}</source>
        <translation>就诊医院：{hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="102"/>
        <source>(incomplete: see the sources below)</source>
        <translation>（数据不完整：见下方各来源）</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="133"/>
        <source>&lt;b&gt;Find patient&lt;/b&gt;</source>
        <extracomment>A field the search cannot go without, marked until the doctor types in it again. Hospitals named in a result line; the rest are counted (and all are in the tooltip).</extracomment>
        <translation>&lt;b&gt;查找患者&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Insurance card</source>
        <translation>医保卡</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="136"/>
        <source>Name + birth date</source>
        <translation>姓名 + 出生日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="138"/>
        <source>18-digit resident ID</source>
        <translation>18位居民身份证号码</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="139"/>
        <source>Medical insurance card number</source>
        <translation>医保卡号</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="140"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="141"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="142"/>
        <source>Birth date, e.g. 1968-03-15</source>
        <translation>出生日期，如 1968-03-15</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="143"/>
        <source>Search all hospitals</source>
        <translation>查询全部医院</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="182"/>
        <source>Enter the patient&apos;s name and birth date</source>
        <translation>请输入患者姓名和出生日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="185"/>
        <source>Enter the birth date as well: a name alone can belong to several patients.</source>
        <translation>请同时输入出生日期：仅凭姓名可能对应多位患者。</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="311"/>
        <source>Patients found</source>
        <translation>查询到的患者</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="145"/>
        <source>Sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="164"/>
        <source>Enter the insurance card number</source>
        <translation>请输入医保卡号</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="187"/>
        <location filename="../app/ui/patient_search_panel.py" line="192"/>
        <source>Enter the patient&apos;s name</source>
        <translation>请输入患者姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="312"/>
        <source>{count} patients found: compare resident ID and hospitals before opening</source>
        <translation>查询到{count}位患者：打开前请核对身份证号和就诊医院</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="323"/>
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="325"/>
        <source>ID {id}</source>
        <translation>身份证号：{id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="326"/>
        <source>No resident ID (record {id})</source>
        <translation>无身份证号（记录号 {id}）</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="332"/>
        <source>{hospitals} and {more} more</source>
        <translation>{hospitals}及另外{more}家</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="333"/>
        <source>Records at: {hospitals}</source>
        <translation>就诊医院：{hospitals}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="335"/>
        <source>Found on: {sources}</source>
        <translation>数据源：{sources}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="359"/>
        <source>it must have 18 characters</source>
        <translation>应为18位</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="360"/>
        <source>it must be 17 digits followed by a digit or X</source>
        <translation>应为17位数字加1位数字或X</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="361"/>
        <source>the birth date in it is not a date</source>
        <translation>其中的出生日期不是有效日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="362"/>
        <source>the birth date in it is not plausible</source>
        <translation>其中的出生日期不合理</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="363"/>
        <source>the check digit does not match: a digit was probably mistyped</source>
        <translation>校验位不符，可能有数字输入错误</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="365"/>
        <source>Resident ID not valid: {reason}</source>
        <translation>居民身份证号码无效：{reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="369"/>
        <source>write it as year-month-day, e.g. 1968-03-15</source>
        <translation>请按“年-月-日”填写，如 1968-03-15</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="370"/>
        <source>there is no such day</source>
        <translation>该日期不存在</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="371"/>
        <source>it is in the future or before 1880</source>
        <translation>晚于今天或早于1880年</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="373"/>
        <source>Birth date not valid: {reason}</source>
        <translation>出生日期无效：{reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="294"/>
        <source>No patient found at any source that answered.</source>
        <translation>已响应的数据源中均未找到该患者。</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="321"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="321"/>
        <source>F</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>ReadProblem</name>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="27"/>
        <source>The file is not a DICOM image.</source>
        <translation>该文件不是 DICOM 影像。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="28"/>
        <source>The file cannot be opened (permissions, or a damaged disc).</source>
        <translation>无法打开该文件（权限不足或光盘损坏）。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="30"/>
        <source>The file is marked as DICOM but its header is damaged.</source>
        <translation>该文件标记为 DICOM，但文件头已损坏。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="32"/>
        <source>The file is incomplete: it ends too early (copied or sent only in part).</source>
        <translation>文件不完整：提前结束（只复制或传输了一部分）。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="34"/>
        <source>The file holds no image (a report, a structured document or a key object).</source>
        <translation>该文件不含图像（是报告、结构化文档或关键对象）。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="36"/>
        <source>The image is compressed in a way this program cannot decode.</source>
        <translation>该图像的压缩方式本程序无法解码。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="38"/>
        <source>The compressed image data is damaged.</source>
        <translation>压缩的图像数据已损坏。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="40"/>
        <source>The image data does not match the size the file declares.</source>
        <translation>图像数据与文件声明的尺寸不符。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="42"/>
        <source>The image is too large to open safely.</source>
        <translation>图像过大，无法安全打开。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="43"/>
        <source>This kind of image cannot be shown.</source>
        <translation>无法显示此类图像。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/read_problem_text.py" line="45"/>
        <source>The image cannot be read.</source>
        <translation>无法读取该图像。</translation>
    </message>
</context>
<context>
    <name>RefusalNotice</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="390"/>
        <source>A patient refused a repeat</source>
        <translation>患者拒绝了复查</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="391"/>
        <source>Patients refused repeat tests you ordered:</source>
        <translation>以下患者拒绝了您开具的复查：</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="374"/>
        <location filename="../app/ui/my_orders_dialog.py" line="395"/>
        <source>Show my orders</source>
        <translation>查看我的医嘱</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="404"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="405"/>
        <source>{patient}: {items}, refused {when} (recorded by {nurse})</source>
        <translation>{patient}：{items}，{when}拒绝（记录人：{nurse}）</translation>
    </message>
</context>
<context>
    <name>ReminderBand</name>
    <message>
        <location filename="../app/ui/reminder_band.py" line="95"/>
        <source>Recognizable here: {n} results from other hospitals, no need to repeat them</source>
        <translation>本院可互认：其他医院的 {n} 项结果，无需重复检查</translation>
    </message>
    <message>
        <location filename="../app/ui/reminder_band.py" line="99"/>
        <source>{hospital} · {date} · {marks} · recognizable until {until}</source>
        <translation>{hospital} · {date} · {marks} · 可互认至 {until}</translation>
    </message>
    <message>
        <location filename="../app/ui/reminder_band.py" line="106"/>
        <source>Hide the reminder for this chart</source>
        <translation>本次就诊不再显示此提醒</translation>
    </message>
</context>
<context>
    <name>RepeatReason</name>
    <message>
        <location filename="../app/ui/consent_form.py" line="49"/>
        <source>Condition changed: the result no longer fits the clinical picture</source>
        <translation>病情变化，原结果与当前临床表现不符</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="51"/>
        <source>Value changes fast in this disease</source>
        <translation>该项目在本病中变化较快，需动态观察</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="52"/>
        <source>Crucial for the next step (e.g. before surgery or transfusion)</source>
        <translation>对下一步诊疗至关重要（如手术、输血前）</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="54"/>
        <source>Emergency</source>
        <translation>急诊、急救需要</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="55"/>
        <source>Forensic, disability or sick-retirement appraisal</source>
        <translation>司法鉴定、伤残鉴定或病退鉴定需要</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="56"/>
        <source>Patient or family asks for it</source>
        <translation>患者或家属要求复查</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="57"/>
        <source>Issuing laboratory failed quality control</source>
        <translation>出具结果的检验机构室间质评不合格</translation>
    </message>
    <message>
        <location filename="../app/ui/consent_form.py" line="58"/>
        <source>Other (explain)</source>
        <translation>其他（请说明）</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Report</source>
        <translation>检验报告</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="56"/>
        <source>Recognition</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="68"/>
        <source>Unknown hospital</source>
        <translation>未知医院</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="70"/>
        <source>{name} ({status})</source>
        <translation>{name}（{status}）</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="72"/>
        <source>{name} · document only</source>
        <translation>{name} · 仅原始报告</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="84"/>
        <source>Came only as the printed report, without structured results: double-click to read it</source>
        <translation>仅有打印的原始报告，没有结构化结果：双击查看</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="87"/>
        <source>The printed report is available: double-click to read it beside the results</source>
        <translation>有打印的原始报告：双击在结果旁查看</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="91"/>
        <source>Judged for the report as a whole (it came only as a document)</source>
        <translation>按整份报告判断（仅有原始报告）</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="94"/>
        <source>{n} of {total} items recognized</source>
        <translation>共{total}项，已互认{n}项</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Flag</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="121"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Recognition</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="122"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../app/ui/review_dialog.py" line="146"/>
        <source>Review of repeats</source>
        <extracomment>A verdict was queued (emitted when its write is done, with what it changed).</extracomment>
        <translation>重复检查事后监管</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="148"/>
        <source>Repeats from {start} to {end} that this hospital&apos;s review rules flag. Mark each reasonable or unreasonable; the ordering doctor sees your verdict and comment.</source>
        <translation>{start} 至 {end} 期间被本院监管规则标记的重复检查。请逐条判定合理或不合理；开单医师将看到您的判定和意见。</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Ordered</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Doctor</source>
        <translation>医师</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Prior result</source>
        <translation>既往结果</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="152"/>
        <source>Reason</source>
        <translation>复查原因</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Flagged for</source>
        <translation>标记原因</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="153"/>
        <source>Verdict</source>
        <translation>监管判定</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="154"/>
        <source>Comment (required for unreasonable):</source>
        <translation>意见（判定不合理时必填）：</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="155"/>
        <source>Reasonable</source>
        <translation>合理</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="156"/>
        <source>Unreasonable</source>
        <translation>不合理</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="157"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="158"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="168"/>
        <source>Reading the repeats…</source>
        <translation>正在读取重复检查…</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="176"/>
        <source>{count} flagged, {open} without a verdict.</source>
        <translation>已标记 {count} 条，{open} 条尚未判定。</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="182"/>
        <source>The repeats could not be read: {error}</source>
        <translation>无法读取重复检查：{error}</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="188"/>
        <source>Given, not sent yet</source>
        <translation>已判定，尚未发送</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="190"/>
        <source>{verdict} (not sent yet)</source>
        <translation>{verdict}（尚未发送）</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="196"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="229"/>
        <source>Say in the comment why the repeat was unreasonable.</source>
        <translation>请在意见中说明该重复检查不合理的原因。</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="242"/>
        <source>Verdict recorded; it is sent to the platform.</source>
        <translation>判定已记录，将发送至平台。</translation>
    </message>
    <message>
        <location filename="../app/ui/review_dialog.py" line="247"/>
        <source>The verdict was not recorded: {error}</source>
        <translation>判定未记录：{error}</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="300"/>
        <source>Revoke recognition</source>
        <translation>撤销互认</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="302"/>
        <source>{patient}: the recognition is undone on the platform and no longer counts. The record of it stays, with your reason.</source>
        <translation>{patient}：该互认将在平台上撤销，不再计入统计。原互认记录保留，并附您填写的原因。</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="304"/>
        <source>Recognized item</source>
        <translation>互认项目</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="305"/>
        <source>Reason</source>
        <translation>复查原因</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="306"/>
        <source>Why the recognition was a mistake (required)</source>
        <translation>请说明误认原因（必填）</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="307"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/my_orders_dialog.py" line="308"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../app/ui/role_text.py" line="13"/>
        <source>Physician</source>
        <translation>医师</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="14"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="15"/>
        <source>Department head</source>
        <translation>科主任</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="16"/>
        <source>Supervisor</source>
        <translation>互认监管</translation>
    </message>
    <message>
        <location filename="../app/ui/role_text.py" line="17"/>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>ShortcutsPage</name>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="31"/>
        <source>Previous / next slice</source>
        <extracomment>A count an action&apos;s text carries (&quot;Awaiting consent (3)&quot;, &quot;待知情同意（3+）&quot;): not part of its name.</extracomment>
        <translation>上一层 / 下一层</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="32"/>
        <source>Ten slices back / on</source>
        <translation>后退 / 前进十层</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="33"/>
        <source>First / last slice</source>
        <translation>第一层 / 最后一层</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="34"/>
        <source>Clear measurements</source>
        <translation>清除测量</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="65"/>
        <source>Images</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="71"/>
        <source>Keys for the daily work; each is also named in its button&apos;s tooltip.</source>
        <translation>日常操作的快捷键；按钮的提示中也会注明。</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="72"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../app/ui/shortcuts_page.py" line="72"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="92"/>
        <source>Sign in to Huren</source>
        <translation>登录 Huren</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="93"/>
        <source>Your hospital&apos;s sign-in page opens in the web browser. Sign in there with your hospital account, then come back to this window.</source>
        <translation>医院的登录页面将在网页浏览器中打开。请在那里用医院账号登录，然后回到此窗口。</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="95"/>
        <source>Sign in with the hospital account</source>
        <translation>使用医院账号登录</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="97"/>
        <source>Huren is locked</source>
        <translation>Huren 已锁定</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="98"/>
        <source>Locked at {time}: patient data is hidden. {user} signs in again to go on where they left off; another user signing in closes the open patient.</source>
        <translation>{time} 锁定：患者数据已隐藏。{user} 重新登录后可从离开处继续；其他用户登录将关闭当前患者。</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="102"/>
        <source>The platform ended the session.</source>
        <translation>平台已结束会话。</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="105"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="107"/>
        <source>Waiting for the sign-in in the web browser…</source>
        <translation>正在等待网页浏览器中的登录…</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="110"/>
        <source>Not signed in: {problem}</source>
        <translation>未登录：{problem}</translation>
    </message>
    <message>
        <location filename="../app/ui/sign_in_page.py" line="113"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../app/ui/signature_pad.py" line="91"/>
        <source>Sign here</source>
        <translation>请在此处签名</translation>
    </message>
    <message>
        <location filename="../app/ui/signature_pad.py" line="92"/>
        <source>Sign with the mouse, a finger or the pen</source>
        <translation>可用鼠标、手指或手写笔签名</translation>
    </message>
</context>
<context>
    <name>SourceStatusView</name>
    <message>
        <location filename="../app/ui/source_status_view.py" line="57"/>
        <source>waiting for answer</source>
        <extracomment>Colour and mark of each `SourceState`, by its value.</extracomment>
        <translation>等待响应</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="59"/>
        <source>{n} found in {s:.1f} s</source>
        <translation>找到{n}条，用时{s:.1f}秒</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="61"/>
        <source>incomplete</source>
        <translation>数据不完整</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="63"/>
        <source>no answer in time: {msg}</source>
        <translation>响应超时：{msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="65"/>
        <source>unreachable: {msg}</source>
        <translation>无法连接：{msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="67"/>
        <source>sign-in needed</source>
        <translation>需要登录</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="69"/>
        <source>error: {msg}</source>
        <translation>出错：{msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="81"/>
        <source>showing {shown} of {total}: the platform gave no further page</source>
        <translation>显示 {shown} / 共 {total} 条：平台未提供下一页</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="85"/>
        <source>{n} found</source>
        <translation>找到 {n} 条</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="87"/>
        <source>{n} linked records could not be fetched</source>
        <translation>{n} 条关联记录未能获取</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="90"/>
        <source>{n} records could not be read</source>
        <translation>{n} 条记录无法读取</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="93"/>
        <source>part of the answer failed: {msg}</source>
        <translation>部分查询失败：{msg}</translation>
    </message>
</context>
<context>
    <name>StudiesView</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="163"/>
        <location filename="../app/ui/studies_view.py" line="212"/>
        <source>No imaging studies on record.</source>
        <translation>暂无检查影像记录。</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="166"/>
        <location filename="../app/ui/studies_view.py" line="213"/>
        <source>Open images</source>
        <translation>打开影像</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="204"/>
        <source>Impression: {text}</source>
        <translation>诊断意见：{text}</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="205"/>
        <source>No imaging report</source>
        <translation>暂无检查报告</translation>
    </message>
</context>
<context>
    <name>StudyListModel</name>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Modality</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Body part</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="100"/>
        <source>Study</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Recognition</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="101"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../app/ui/studies_view.py" line="121"/>
        <source>Unknown hospital</source>
        <translation>医院不详</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../app/ui/trend_plot.py" line="56"/>
        <source>converted from {value:g} {unit}</source>
        <translation>由 {value:g} {unit} 换算</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="61"/>
        <source>reference range {low}–{high}</source>
        <translation>参考范围 {low}–{high}</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="70"/>
        <source>and {n} more: zoom in or see the table</source>
        <translation>另有 {n} 条：请放大时间轴或查看表格</translation>
    </message>
    <message>
        <location filename="../app/ui/trend_plot.py" line="129"/>
        <source>recognition window {days} days</source>
        <translation>互认时限 {days} 天</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Value</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="67"/>
        <source>As written</source>
        <translation>原始报告值</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="68"/>
        <source>Recognition</source>
        <translation>互认</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../app/ui/trends_view.py" line="170"/>
        <source>Plot</source>
        <translation>图</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="171"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="172"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="173"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="174"/>
        <source>Whole period</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="175"/>
        <source>Choose one or more items on the left.</source>
        <translation>请在左侧勾选一个或多个项目。</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="176"/>
        <source>Filled: recognized here · hollow: reference only · red ring: outside the hospital&apos;s reference range · green bar: that range · green band: the item&apos;s recognition window up to today · results a few days apart are drawn side by side: hover for their exact dates</source>
        <translation>实心：本院可互认 · 空心：仅供参考 · 红圈：超出该院参考范围 · 绿色竖条：该院参考范围 · 绿色区域：截至今日的互认时限 · 相隔数日的结果并排显示：鼠标悬停可查看确切日期</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="181"/>
        <location filename="../app/ui/trends_view.py" line="212"/>
        <source>Panel…</source>
        <translation>组合项目…</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="245"/>
        <source>{n} values converted to the unit shown (from {units}); hover a point to see what the hospital wrote.</source>
        <translation>{n} 个结果已换算为所示单位（原单位 {units}）；鼠标悬停可查看医院原始报告值。</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="251"/>
        <source>{n} results could not be plotted (hover for details)</source>
        <translation>{n} 个结果无法绘制（悬停查看原因）</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="298"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../app/ui/trends_view.py" line="303"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
</context>
<context>
    <name>UnprotectedBanner</name>
    <message>
        <location filename="../app/ui/banners.py" line="48"/>
        <source>UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by this account&apos;s file permissions (site setting)</source>
        <translation>未受保护的工作站 — 无系统密钥环：本机上的患者记录仅受此账户的文件权限保护（站点设置）</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../app/ui/verdict_text.py" line="21"/>
        <source>nationwide</source>
        <translation>全国</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="23"/>
        <source>province {region}</source>
        <translation>省级（{region}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="24"/>
        <source>city {region}</source>
        <translation>市级（{region}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="25"/>
        <source>district {region}</source>
        <translation>区县级（{region}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="30"/>
        <source>open-ended</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="37"/>
        <source>Not on the recognition list</source>
        <translation>不在互认项目目录内</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="39"/>
        <source>On the recognition list only in {scope}, not here</source>
        <translation>仅在{scope}范围内列入互认项目目录，本地区不适用</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="42"/>
        <source>No imaging report yet</source>
        <translation>尚无检查报告</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="44"/>
        <source>Result not final (status: {status})</source>
        <translation>结果尚未最终确认（状态：{status}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="47"/>
        <source>No specimen date: age unknown</source>
        <translation>无采样日期：无法计算报告时效</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="49"/>
        <source>Dated in the future: check the issuing hospital&apos;s record</source>
        <translation>日期晚于当前时间：请核对出具医院的记录</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="51"/>
        <source>{age} days old, window {window} days</source>
        <translation>距采样{age}天，互认时限{window}天</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="54"/>
        <source>Issuing hospital unknown</source>
        <translation>出具医院未知</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="56"/>
        <source>Issuing hospital has no HR qualification for this item</source>
        <translation>出具医院无该项目的HR互认资质</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="59"/>
        <source>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</source>
        <translation>医院的{mark}互认资质在采样日期不在有效期内（有效期：{periods}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="63"/>
        <source>{mark} is recognized only in {scope}, not here</source>
        <translation>{mark}仅在{scope}范围内互认，本地区不适用</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="65"/>
        <source>Not recognizable here</source>
        <translation>本院不可互认</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="70"/>
        <location filename="../app/ui/verdict_text.py" line="104"/>
        <source>Reference only</source>
        <translation>仅供参考</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="76"/>
        <source>Recognizable until {until}</source>
        <translation>可互认至{until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="84"/>
        <source>Recognized ({mark})</source>
        <translation>已互认（{mark}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="86"/>
        <source>{age} days old, window {window} days; recognizable until {until}</source>
        <translation>距采样{age}天，互认时限{window}天；可互认至{until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="90"/>
        <source>Reference only, because:</source>
        <translation>仅供参考，原因：</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="93"/>
        <source>Catalogue item: {name} ({code})</source>
        <translation>互认项目：{name}（{code}）</translation>
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
        <translation>互认 影像</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="80"/>
        <source>Image tools</source>
        <translation>影像工具</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="81"/>
        <source>Window/level</source>
        <translation>窗宽窗位</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="82"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="83"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="84"/>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="30"/>
        <source>Window: as stored</source>
        <translation>窗：文件默认</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="21"/>
        <source>Brain</source>
        <translation>脑窗</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="22"/>
        <source>Lung</source>
        <translation>肺窗</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="23"/>
        <source>Bone</source>
        <translation>骨窗</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="24"/>
        <source>Abdomen</source>
        <translation>腹部窗</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="25"/>
        <source>Mediastinum</source>
        <translation>纵隔窗</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="87"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="88"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="89"/>
        <source>Overlays</source>
        <translation>叠加信息</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="99"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="91"/>
        <source>Compare with prior</source>
        <translation>与既往对比</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="92"/>
        <source>Link scrolling</source>
        <translation>联动翻页</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/window_presets.py" line="39"/>
        <source>W {w:.0f} L {c:.0f}</source>
        <translation>窗宽 {w:.0f} 窗位 {c:.0f}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/toolbar.py" line="98"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="194"/>
        <source>Looking up the series…</source>
        <translation>正在查询序列…</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="225"/>
        <source>The study holds no images.</source>
        <translation>该检查没有图像。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="226"/>
        <source>Nothing to show.</source>
        <translation>没有可显示的图像。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="227"/>
        <source>No images</source>
        <translation>无图像</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="243"/>
        <location filename="../app/ui/viewer/viewer_window.py" line="244"/>
        <source>The images could not be listed.</source>
        <translation>无法列出影像。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="250"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 幅</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="344"/>
        <source>The images could not be fetched: {why}</source>
        <translation>无法获取影像：{why}</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="362"/>
        <source>This series cannot be shown.</source>
        <translation>无法显示该序列。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="384"/>
        <source>{n} of {total} images arrived</source>
        <translation>已接收 {n}/{total} 幅图像</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/viewer_window.py" line="385"/>
        <source>All images arrived</source>
        <translation>图像已全部接收</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/viewer/viewer_window.py" line="395"/>
        <source>%n image(s) could not be read (hover for details)</source>
        <translation>
            <numerusform>%n 幅图像无法读取（悬停查看详情）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="34"/>
        <source>Prior study</source>
        <translation>既往检查</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="35"/>
        <source>This study</source>
        <translation>本次检查</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="51"/>
        <source>Opened from local media: no report or recognition status from the platform.</source>
        <translation>从本地介质打开：无平台报告及互认状态。</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="55"/>
        <source>Findings</source>
        <translation>检查所见</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="56"/>
        <source>Impression</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="62"/>
        <source>No imaging report</source>
        <translation>暂无检查报告</translation>
    </message>
    <message>
        <location filename="../app/ui/viewer/report_text.py" line="65"/>
        <source>Report not final ({status})</source>
        <translation>报告未最终确认（{status}）</translation>
    </message>
</context>
</TS>
