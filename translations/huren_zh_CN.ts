<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../app/ui/chart_panel.py" line="80"/>
        <source>{n} unreadable records were skipped (hover for details)</source>
        <translation>已跳过{n}条无法读取的记录（鼠标悬停查看详情）</translation>
    </message>
</context>
<context>
    <name>LabReportsView</name>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="95"/>
        <source>No report selected</source>
        <translation>未选择检验报告</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="99"/>
        <source>Unknown hospital</source>
        <translation>未知医院</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="100"/>
        <source> — status: {status}</source>
        <translation> — 状态：{status}</translation>
    </message>
    <message>
        <location filename="../app/ui/lab_reports_view.py" line="102"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; collected {when}{status}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; &amp;nbsp; {hospital} &amp;nbsp; 采样时间：{when}{status}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="54"/>
        <source>Catalogue not loaded: {e}</source>
        <translation>互认项目目录未加载：{e}</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="70"/>
        <source>Loading recognition catalogue…</source>
        <translation>正在加载互认项目目录…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="72"/>
        <source>from the platform</source>
        <translation>来自平台</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="72"/>
        <source>cached copy</source>
        <translation>本地缓存</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="73"/>
        <source>bundled copy</source>
        <translation>程序内置版本</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="74"/>
        <source>Recognition catalogue {version} ({origin}), {n} items</source>
        <translation>互认项目目录 {version}（{origin}），共{n}项</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="81"/>
        <source>Huren — mutual recognition of results</source>
        <translation>Huren — 检查检验结果互认</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="85"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="87"/>
        <source>DEMO — synthetic data, not real patients (embedded demo platform)</source>
        <translation>演示 — 模拟数据，非真实患者（内置演示平台）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="88"/>
        <source>Huren {version}</source>
        <translation>Huren {version}</translation>
    </message>
</context>
<context>
    <name>PatientBanner</name>
    <message>
        <location filename="../app/ui/patient_banner.py" line="48"/>
        <source>No patient open</source>
        <translation>未打开患者</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="49"/>
        <source>Find a patient on the left to see lab reports from every connected hospital.</source>
        <translation>请在左侧查找患者，即可查看各接入医院的检验报告。</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="51"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="51"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="51"/>
        <source>Unknown sex</source>
        <translation>性别未知</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="53"/>
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="59"/>
        <source>ID {id}</source>
        <translation>身份证号：{id}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="61"/>
        <source>Insurance card {card}</source>
        <translation>医保卡号：{card}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="62"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_banner.py" line="63"/>
        <source>Records at: {hospitals}</source>
        <translation>就诊医院：{hospitals}</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="93"/>
        <source>&lt;b&gt;Find patient&lt;/b&gt;</source>
        <translation>&lt;b&gt;查找患者&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="96"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="96"/>
        <source>Insurance card</source>
        <translation>医保卡</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="96"/>
        <source>Name + birth date</source>
        <translation>姓名 + 出生日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="98"/>
        <source>18-digit resident ID</source>
        <translation>18位居民身份证号码</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="99"/>
        <source>Medical insurance card number</source>
        <translation>医保卡号</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="100"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="101"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="102"/>
        <source>Search all hospitals</source>
        <translation>查询全部医院</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="103"/>
        <source>Patients found</source>
        <translation>查询到的患者</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="104"/>
        <source>Sources</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="117"/>
        <source>Enter the insurance card number</source>
        <translation>请输入医保卡号</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="121"/>
        <source>Enter the patient&apos;s name</source>
        <translation>请输入患者姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="206"/>
        <source>it must have 18 characters</source>
        <translation>应为18位</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="207"/>
        <source>it must be 17 digits followed by a digit or X</source>
        <translation>应为17位数字加1位数字或X</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="208"/>
        <source>the birth date in it is not a date</source>
        <translation>其中的出生日期不是有效日期</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="209"/>
        <source>the birth date in it is not plausible</source>
        <translation>其中的出生日期不合理</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="210"/>
        <source>the check digit does not match: a digit was probably mistyped</source>
        <translation>校验位不符，可能有数字输入错误</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="212"/>
        <source>Resident ID not valid: {reason}</source>
        <translation>居民身份证号码无效：{reason}</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="168"/>
        <source>No patient found at any source that answered.</source>
        <translation>已响应的数据源中均未找到该患者。</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="175"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../app/ui/patient_search_panel.py" line="175"/>
        <source>F</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>ReportListModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="50"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="50"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="50"/>
        <source>Report</source>
        <translation>检验报告</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="50"/>
        <source>Recognition</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="62"/>
        <source>Unknown hospital</source>
        <translation>未知医院</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="70"/>
        <source>{n} of {total} items recognized</source>
        <translation>共{total}项，已互认{n}项</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <location filename="../app/ui/report_models.py" line="97"/>
        <source>Item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="97"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="97"/>
        <source>Flag</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="97"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="98"/>
        <source>Reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="98"/>
        <source>Recognition</source>
        <translation>互认</translation>
    </message>
    <message>
        <location filename="../app/ui/report_models.py" line="98"/>
        <source>Why</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>SourceStatusView</name>
    <message>
        <location filename="../app/ui/source_status_view.py" line="45"/>
        <source>waiting for answer</source>
        <translation>等待响应</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="47"/>
        <source>{n} found in {s:.1f} s</source>
        <translation>找到{n}条，用时{s:.1f}秒</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="49"/>
        <source>, {n} unreadable skipped</source>
        <translation>，已跳过{n}条无法读取的记录</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="51"/>
        <source>no answer in time: {msg}</source>
        <translation>响应超时：{msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="53"/>
        <source>unreachable: {msg}</source>
        <translation>无法连接：{msg}</translation>
    </message>
    <message>
        <location filename="../app/ui/source_status_view.py" line="55"/>
        <source>error: {msg}</source>
        <translation>出错：{msg}</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../app/ui/verdict_text.py" line="19"/>
        <source>nationwide</source>
        <translation>全国</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="21"/>
        <source>province {region}</source>
        <translation>省级（{region}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="22"/>
        <source>city {region}</source>
        <translation>市级（{region}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="23"/>
        <source>district {region}</source>
        <translation>区县级（{region}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="28"/>
        <source>open-ended</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="35"/>
        <source>Not on the recognition list</source>
        <translation>不在互认项目目录内</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="37"/>
        <source>On the recognition list only in {scope}, not here</source>
        <translation>仅在{scope}范围内列入互认项目目录，本地区不适用</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="39"/>
        <source>Result not final (status: {status})</source>
        <translation>结果尚未最终确认（状态：{status}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="41"/>
        <source>No specimen date: age unknown</source>
        <translation>无采样日期：无法计算报告时效</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="43"/>
        <source>Dated in the future: check the issuing hospital&apos;s record</source>
        <translation>日期晚于当前时间：请核对出具医院的记录</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="45"/>
        <source>{age} days old, window {window} days</source>
        <translation>距采样{age}天，互认时限{window}天</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="47"/>
        <source>Issuing hospital unknown</source>
        <translation>出具医院未知</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="49"/>
        <source>Issuing hospital has no HR qualification for this item</source>
        <translation>出具医院无该项目的HR互认资质</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="52"/>
        <source>Hospital&apos;s qualification {mark} not valid on the result date (valid {periods})</source>
        <translation>医院的{mark}互认资质在采样日期不在有效期内（有效期：{periods}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="55"/>
        <source>{mark} is recognized only in {scope}, not here</source>
        <translation>{mark}仅在{scope}范围内互认，本地区不适用</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="61"/>
        <location filename="../app/ui/verdict_text.py" line="91"/>
        <source>Reference only</source>
        <translation>仅供参考</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="67"/>
        <source>Recognizable until {until}</source>
        <translation>可互认至{until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="74"/>
        <source>Recognized ({mark})</source>
        <translation>已互认（{mark}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="76"/>
        <source>{age} days old, window {window} days; recognizable until {until}</source>
        <translation>距采样{age}天，互认时限{window}天；可互认至{until}</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="79"/>
        <source>Reference only, because:</source>
        <translation>仅供参考，原因：</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="82"/>
        <source>Catalogue item: {name} ({code})</source>
        <translation>互认项目：{name}（{code}）</translation>
    </message>
    <message>
        <location filename="../app/ui/verdict_text.py" line="90"/>
        <source>{marks} {n}/{total}</source>
        <translation>{marks} {n}/{total}</translation>
    </message>
</context>
</TS>
