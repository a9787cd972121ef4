"""The demo platform's hospitals and the habits of their laboratory information systems.

Eight hospitals in Shandong and Hubei, each with its own quirks (mass units, local codes
only, items it does not offer, its thromboplastin), so that the client meets in the demo
what it meets on real platforms.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

#: The hospitals' local time (+08:00): collection times and the demo's "today" are in it.
SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Hospital:
    """A demo hospital and the habits of its laboratory information system."""

    id: str
    name: str
    alias: str
    #: Unified social credit code; the catalogue's institutions[].identifier.value.
    identifier: str
    state: str
    city: str
    district: str
    region: str
    postal_code: str
    line: str
    phone: str
    mrn_prefix: str
    report_prefix: str
    #: Prefix of the LIS's panel (order) codes, e.g. QLP03.
    panel_prefix: str
    #: Glucose, lipids and creatinine in mg/dL with the mass LOINC codes (US-style analysers).
    mass_units: bool = False
    #: False: Observations and reports carry only the hospital's local codes.
    sends_loinc: bool = True
    hbsag_quantitative: bool = False
    #: 阴性/阳性 as valueString (an older LIS) rather than a coded concept.
    qualitative_as_string: bool = False
    #: Local names like "丙氨酸氨基转移酶(ALT)" rather than "丙氨酸氨基转移酶".
    names_with_abbr: bool = True
    #: Items this laboratory does not offer.
    omits: frozenset[str] = frozenset()
    #: Mean normal prothrombin time and ISI of its thromboplastin: PT follows from the INR.
    pt_mnpt: float = 11.5
    pt_isi: float = 1.1


HOSPITALS: tuple[Hospital, ...] = (
    Hospital(
        "org-jnqy", "齐鲁医科大学附属第一医院", "齐鲁一附院", "123700004955710319",
        "山东省", "济南市", "历下区", "370102", "250012", "文化西路117号", "0531-82169114",
        mrn_prefix="QY", report_prefix="QL", panel_prefix="QLP",
        hbsag_quantitative=True, pt_mnpt=11.2, pt_isi=1.02,
    ),
    Hospital(
        "org-sdsl", "山东省立中心医院", "省立中心医院", "12370000495572157T",
        "山东省", "济南市", "槐荫区", "370104", "250021", "经五路326号", "0531-68776114",
        mrn_prefix="SL", report_prefix="SLR", panel_prefix="SLP",
        pt_mnpt=11.6, pt_isi=1.10,
    ),
    Hospital(
        "org-qdhy", "青岛滨海大学附属医院", "滨海附院", "12370200427433606W",
        "山东省", "青岛市", "市南区", "370202", "266003", "江苏路18号", "0532-82911114",
        mrn_prefix="HY", report_prefix="HY", panel_prefix="HY-P",
        hbsag_quantitative=True, pt_mnpt=11.8, pt_isi=1.18,
    ),
    Hospital(
        "org-ytsy", "烟台市芝罘中心医院", "芝罘中心医院", "123706004930084729",
        "山东省", "烟台市", "芝罘区", "370602", "264000", "毓璜顶东路21号", "0535-6691999",
        mrn_prefix="YT", report_prefix="YT", panel_prefix="YTP",
        mass_units=True, omits=frozenset({"LAB-CYSC", "LAB-APOA1", "LAB-APOB"}),
        pt_mnpt=11.4, pt_isi=1.05,
    ),
    Hospital(
        "org-wfyd", "潍坊市鸢都医院", "鸢都医院", "1237070049442016X6",
        "山东省", "潍坊市", "奎文区", "370705", "261031", "胜利东街288号", "0536-8192114",
        mrn_prefix="WF", report_prefix="WF", panel_prefix="WFP",
        mass_units=True, omits=frozenset({"LAB-APOA1"}), pt_mnpt=11.9, pt_isi=1.25,
    ),
    Hospital(
        "org-jxzz", "嘉祥县曾子医院", "曾子医院", "1237082949478529XF",
        "山东省", "济宁市", "嘉祥县", "370829", "272400", "呈祥大道66号", "0537-6852120",
        mrn_prefix="", report_prefix="JX", panel_prefix="9",
        sends_loinc=False, qualitative_as_string=True, names_with_abbr=False,
        omits=frozenset({
            "LAB-CYSC", "LAB-APOA1", "LAB-APOB", "LAB-MG", "LAB-P", "LAB-CO2",
            "LAB-FPSA", "LAB-CA153", "LAB-T3", "LAB-T4", "LAB-TT", "LAB-DDIMER",
        }),
        pt_mnpt=12.0, pt_isi=1.30,
    ),
    Hospital(
        "org-whjh", "华中医科大学附属江汉医院", "江汉医院", "1242000044160079X2",
        "湖北省", "武汉市", "江汉区", "420103", "430022", "解放大道1299号", "027-85726114",
        mrn_prefix="JH", report_prefix="JH", panel_prefix="XH_P",
        hbsag_quantitative=True, pt_mnpt=11.3, pt_isi=1.00,
    ),
    Hospital(
        "org-whdh", "武汉市东湖医院", "东湖医院", "12420100441622518G",
        "湖北省", "武汉市", "武昌区", "420106", "430071", "东湖路169号", "027-87336114",
        mrn_prefix="DH", report_prefix="DH", panel_prefix="DHP",
        mass_units=True, omits=frozenset({"LAB-CYSC"}), pt_mnpt=11.7, pt_isi=1.15,
    ),
)
HOSPITAL_BY_ID: dict[str, Hospital] = {h.id: h for h in HOSPITALS}
