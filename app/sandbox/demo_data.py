"""Deterministic synthetic platform data: hospitals, patients and three years of lab reports.

The sandbox serves this so that the workstation can be shown, and tested, without a real
platform. Everything comes from one seed and one anchor (the data set's "now"), and every
date is relative to the anchor, so the showcase cases (a result 3 days old, one 12 days old,
...) look the same whichever day the demo runs and the demo never ages out.

The bundled catalogue (resources/catalogue.json) is the one source of item codes, LOINC
lists and the hospitals' local codes; this module adds what the catalogue does not carry:
units, reference ranges and how values behave in real patients (clinical tables below).

Only the standard library, `app.domain` and `app.resources` are imported: the sandbox
depends on the domain only.
"""

from __future__ import annotations

import copy
import math
import random
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from app.domain.identity import (
    INSURANCE_CARD_SYSTEM,
    MRN_SYSTEM_PREFIX,
    ORGANIZATION_SYSTEM,
    RESIDENT_ID_SYSTEM,
    make_resident_id,
)
from app.resources import bundled_catalogue
from app.sandbox.demo_staff import staff_resources

SHANGHAI = ZoneInfo("Asia/Shanghai")
#: How far back the history goes (days before the anchor).
HISTORY_DAYS = 3 * 365

LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"
SNOMED_SYSTEM = "http://snomed.info/sct"
V2_0203_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203"
V2_0074_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0074"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
LAB_CATEGORY_SYSTEM = "https://fhir.huren.cn/CodeSystem/lab-category"
LOCAL_CODE_SYSTEM_PREFIX = "https://fhir.huren.cn/CodeSystem/local/"
#: A hospital's report numbers (DiagnosticReport.identifier); docs/fhir-profile.md leaves it open.
REPORT_ID_SYSTEM_PREFIX = "https://fhir.huren.cn/sid/lab-report/"


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoData:
    """One generated platform: FHIR resources plus the catalogue they were made against."""

    #: FHIR R4 resources as dicts: Organizations first, then Patients, then for each report
    #: its Observations followed by the DiagnosticReport.
    resources: list[dict]
    #: The catalogue document (a deep copy of the bundled one).
    catalogue: dict


#: The showcase patient 张伟 (pat-0001): type 2 diabetes, seen at every kind of hospital.
SHOWCASE_RESIDENT_ID = make_resident_id("370102", date(1968, 3, 15), 271)
#: The second showcase patient 刘芳 (pat-0002): chronic HBV carrier living in Wuhan.
HUBEI_SHOWCASE_RESIDENT_ID = make_resident_id("420106", date(1981, 7, 9), 46)
#: The demo workstation sits in 山东省立中心医院 (鲁HR), Jinan.
#: Raised whenever the generator or the bundled catalogue changes what a demo platform holds;
#: a platform made by another version is then generated anew (see SandboxServer).
DATA_VERSION = 6  # 3: imaging studies (DICOM + ImagingStudy), imaging catalogue items;
#                  4: a year of order records (demo_orders.py), department head and supervisor;
#                  5: an IT administrator (信息科), who reads the audit trail;
#                  6: a hospital that shares only printed reports (demo_documents.py)

VIEWING_ORGANIZATION_ID = "org-sdsl"
VIEWING_REGION = "370104"
VIEWING_SITE_NAME = "山东省立中心医院"
#: A workstation in the partner region, for showing the other side of the city marks.
PARTNER_VIEWING_ORGANIZATION_ID = "org-whjh"
PARTNER_VIEWING_REGION = "420103"


def generate(seed: int = 20261122, anchor: datetime | None = None, patients: int = 200) -> DemoData:
    """Build the demo platform: same seed, anchor and patient count give identical data.

    `anchor` is the data set's "now" (timezone-aware; default: now in Asia/Shanghai). All
    dates are relative to it, except that the Qingdao showcase report is put inside the
    real gap between that hospital's two qualifications (absolute dates in the catalogue).
    """
    if anchor is None:
        anchor = datetime.now(SHANGHAI)
    if anchor.tzinfo is None or anchor.utcoffset() is None:
        raise ValueError("anchor must be timezone-aware")
    if patients < 2:
        raise ValueError("at least 2 patients (the two showcase patients)")
    return _Generator(seed, anchor.astimezone(SHANGHAI), patients).run()


# --------------------------------------------------------------------------------------
# Hospitals
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Clinical tables
# --------------------------------------------------------------------------------------

Range = tuple[float | None, float | None]


@dataclass(frozen=True)
class Analyte:
    """How one item is reported (SI units as Chinese labs use them) and how it behaves.

    `normal` is the healthy population's (centre, spread): for `skewed` analytes the value is
    log-normal and the spread is the SD of its logarithm, otherwise an SD in `unit`. `None`
    means the value is computed from other analytes (e.g. HGB from RBC, MCV and MCHC).
    `cv` is the variation between two draws of one person (biological plus analytical), as
    the SD of the logarithm. `critical` gives the panic limits that turn H/L into HH/LL.
    """

    code: str
    abbr: str
    unit: str
    ucum: str
    loinc: str | None
    decimals: int
    ref: Range
    normal: tuple[float, float] | None
    cv: float
    ref_female: Range | None = None
    normal_female: tuple[float, float] | None = None
    critical: Range = (None, None)
    skewed: bool = False
    #: Names of items the catalogue does not list (catalogue items take theirs from it).
    zh: str | None = None


def _a(code: str, abbr: str, unit: str, ucum: str, loinc: str | None, decimals: int,
       ref: Range, normal: tuple[float, float] | None, cv: float, **kw: Any) -> Analyte:
    return Analyte(code, abbr, unit, ucum, loinc, decimals, ref, normal, cv, **kw)


# Reference ranges follow the Chinese adult reference intervals (WS/T 404, WS/T 405) or
# common analyser inserts; each hospital then shifts them a little (see _Generator._reporting).
ANALYTES: dict[str, Analyte] = {a.code: a for a in (
    # 血常规
    _a("LAB-WBC", "WBC", "10^9/L", "10*9/L", "6690-2", 2, (3.5, 9.5), (6.2, 1.3), 0.11,
       critical=(1.5, 30.0)),
    _a("LAB-RBC", "RBC", "10^12/L", "10*12/L", "789-8", 2, (4.3, 5.8), (5.0, 0.25), 0.03,
       ref_female=(3.8, 5.1), normal_female=(4.45, 0.25)),
    _a("LAB-HGB", "HGB", "g/L", "g/L", "718-7", 0, (130, 175), None, 0.0,
       ref_female=(115, 150), critical=(60, 200)),
    _a("LAB-HCT", "HCT", "%", "%", "4544-3", 1, (40.0, 50.0), None, 0.0, ref_female=(35.0, 45.0)),
    _a("LAB-PLT", "PLT", "10^9/L", "10*9/L", "777-3", 0, (125, 350), (230, 50), 0.08,
       critical=(30, 1000)),
    _a("LAB-MCV", "MCV", "fL", "fL", "787-2", 1, (82.0, 100.0), (90.0, 3.0), 0.012),
    _a("LAB-MCH", "MCH", "pg", "pg", "785-6", 1, (27.0, 34.0), None, 0.0),
    _a("LAB-MCHC", "MCHC", "g/L", "g/L", "786-4", 0, (316, 354), (334, 6), 0.012),
    _a("LAB-RDWCV", "RDW-CV", "%", "%", "788-0", 1, (11.5, 14.5), (12.8, 0.6), 0.03),
    _a("LAB-NEUTP", "NEUT%", "%", "%", "770-8", 1, (40.0, 75.0), (58.0, 7.0), 0.08),
    _a("LAB-LYMPHP", "LYMPH%", "%", "%", "736-9", 1, (20.0, 50.0), (32.0, 6.0), 0.10),
    _a("LAB-MONOP", "MONO%", "%", "%", "5905-5", 1, (3.0, 10.0), (6.5, 1.2), 0.12),
    _a("LAB-EOP", "EO%", "%", "%", "713-8", 1, (0.4, 8.0), (2.2, 0.45), 0.20, skewed=True),
    _a("LAB-BASOP", "BASO%", "%", "%", "706-2", 1, (0.0, 1.0), (0.5, 0.15), 0.20),
    _a("LAB-NEUT", "NEUT#", "10^9/L", "10*9/L", "751-8", 2, (1.8, 6.3), None, 0.0),
    _a("LAB-LYMPH", "LYMPH#", "10^9/L", "10*9/L", "731-0", 2, (1.1, 3.2), None, 0.0),
    # 肝功能
    _a("LAB-ALT", "ALT", "U/L", "U/L", "1742-6", 0, (9, 50), (24, 0.35), 0.15,
       ref_female=(7, 40), normal_female=(18, 0.35), skewed=True),
    _a("LAB-AST", "AST", "U/L", "U/L", "1920-8", 0, (15, 40), (22, 0.25), 0.10,
       ref_female=(13, 35), normal_female=(20, 0.25), skewed=True),
    _a("LAB-GGT", "GGT", "U/L", "U/L", "2324-2", 0, (10, 60), (26, 0.40), 0.10,
       ref_female=(7, 45), normal_female=(18, 0.40), skewed=True),
    _a("LAB-ALP", "ALP", "U/L", "U/L", "6768-6", 0, (45, 125), (75, 18), 0.06,
       ref_female=(35, 100), normal_female=(65, 16)),
    _a("LAB-TBIL", "TBIL", "µmol/L", "umol/L", "14631-6", 1, (3.4, 20.5), (11.5, 0.30), 0.18,
       skewed=True),
    _a("LAB-DBIL", "DBIL", "µmol/L", "umol/L", "14629-0", 1, (0.0, 6.8), None, 0.0),
    _a("LAB-TP", "TP", "g/L", "g/L", "2885-2", 1, (65.0, 85.0), (72.0, 3.5), 0.03),
    _a("LAB-ALB", "ALB", "g/L", "g/L", "1751-7", 1, (40.0, 55.0), (45.0, 2.5), 0.03),
    # 肾功能
    _a("LAB-CREA", "CREA", "µmol/L", "umol/L", "14682-9", 0, (57, 111), (80, 11), 0.05,
       ref_female=(41, 81), normal_female=(60, 9), critical=(None, 707)),
    _a("LAB-UREA", "UREA", "mmol/L", "mmol/L", "22664-7", 2, (3.1, 8.0), (5.2, 1.1), 0.12),
    _a("LAB-UA", "UA", "µmol/L", "umol/L", "14933-6", 0, (208, 428), (350, 60), 0.08,
       ref_female=(155, 357), normal_female=(265, 50)),
    _a("LAB-CYSC", "CysC", "mg/L", "mg/L", "33863-2", 2, (0.55, 1.07), (0.84, 0.10), 0.05),
    # 电解质
    _a("LAB-K", "K", "mmol/L", "mmol/L", "2823-3", 2, (3.5, 5.3), (4.2, 0.25), 0.045,
       critical=(2.8, 6.2)),
    _a("LAB-NA", "Na", "mmol/L", "mmol/L", "2951-2", 1, (137.0, 147.0), (141.0, 1.5), 0.007,
       critical=(120.0, 160.0)),
    _a("LAB-CL", "Cl", "mmol/L", "mmol/L", "2075-0", 1, (99.0, 110.0), (104.0, 2.0), 0.012),
    _a("LAB-CA", "Ca", "mmol/L", "mmol/L", "2000-8", 2, (2.11, 2.52), (2.35, 0.07), 0.02,
       critical=(1.75, 3.5)),
    _a("LAB-MG", "Mg", "mmol/L", "mmol/L", "2601-3", 2, (0.75, 1.02), (0.88, 0.06), 0.035),
    _a("LAB-P", "P", "mmol/L", "mmol/L", "14879-1", 2, (0.85, 1.51), (1.15, 0.13), 0.08),
    _a("LAB-CO2", "TCO2", "mmol/L", "mmol/L", "2028-9", 1, (22.0, 29.0), (25.5, 1.3), 0.045),
    # 血糖
    _a("LAB-GLU", "GLU", "mmol/L", "mmol/L", "14749-6", 2, (3.9, 6.1), (5.1, 0.4), 0.06,
       critical=(2.8, 22.2)),
    # 血脂: HDL-C has no upper and LDL-C no lower limit on Chinese reports
    _a("LAB-TC", "TC", "mmol/L", "mmol/L", "14647-2", 2, (2.8, 5.2), (4.7, 0.7), 0.055),
    _a("LAB-TG", "TG", "mmol/L", "mmol/L", "14927-8", 2, (0.45, 1.7), (1.25, 0.35), 0.18,
       skewed=True),
    _a("LAB-HDLC", "HDL-C", "mmol/L", "mmol/L", "14646-4", 2, (1.04, None), (1.25, 0.22), 0.07,
       normal_female=(1.45, 0.25)),
    _a("LAB-LDLC", "LDL-C", "mmol/L", "mmol/L", "22748-8", 2, (None, 3.37), (2.8, 0.55), 0.08),
    _a("LAB-APOA1", "ApoA1", "g/L", "g/L", "1869-7", 2, (1.0, 1.6), (1.35, 0.18), 0.06),
    _a("LAB-APOB", "ApoB", "g/L", "g/L", "1884-6", 2, (0.6, 1.1), (0.85, 0.15), 0.07),
    # 糖化血红蛋白 (NGSP %)
    _a("LAB-HBA1C", "HbA1c", "%", "%", "4548-4", 1, (4.0, 6.0), (5.4, 0.3), 0.02),
    # 甲状腺功能
    _a("LAB-TSH", "TSH", "mIU/L", "m[IU]/L", "3016-3", 3, (0.27, 4.2), (1.9, 0.40), 0.20,
       skewed=True),
    _a("LAB-FT3", "FT3", "pmol/L", "pmol/L", "14928-6", 2, (3.1, 6.8), (4.8, 0.5), 0.06),
    _a("LAB-FT4", "FT4", "pmol/L", "pmol/L", "14920-3", 2, (12.0, 22.0), (16.5, 1.8), 0.06),
    _a("LAB-T3", "T3", "nmol/L", "nmol/L", "14930-2", 2, (1.3, 3.1), None, 0.0),
    _a("LAB-T4", "T4", "nmol/L", "nmol/L", "14921-1", 1, (66.0, 181.0), None, 0.0),
    # 凝血功能 (TT has no LOINC here: the code could not be confirmed, local codes only)
    _a("LAB-PT", "PT", "s", "s", "5902-2", 1, (9.4, 12.5), None, 0.0),
    _a("LAB-INR", "INR", "INR", "{INR}", "6301-6", 2, (0.8, 1.2), (1.0, 0.05), 0.04,
       critical=(None, 5.0)),
    _a("LAB-APTT", "APTT", "s", "s", "14979-9", 1, (25.1, 36.5), (30.0, 2.5), 0.03),
    _a("LAB-FIB", "FIB", "g/L", "g/L", "3255-7", 2, (2.0, 4.0), (2.8, 0.4), 0.10),
    _a("LAB-TT", "TT", "s", "s", None, 1, (10.3, 16.6), (14.0, 1.0), 0.03),
    _a("LAB-DDIMER", "D-D", "mg/L FEU", "mg/L{FEU}", "48065-7", 2, (0.0, 0.55), (0.22, 0.40), 0.15,
       skewed=True),
    # 肿瘤标志物
    _a("LAB-AFP", "AFP", "ng/mL", "ng/mL", "1834-1", 2, (0.0, 7.0), (2.8, 0.40), 0.10, skewed=True),
    _a("LAB-CEA", "CEA", "ng/mL", "ng/mL", "2039-6", 2, (0.0, 5.0), (1.8, 0.45), 0.10, skewed=True),
    _a("LAB-CA125", "CA125", "U/mL", "[U]/mL", "10334-1", 2, (0.0, 35.0), (12.0, 0.45), 0.12,
       skewed=True),
    _a("LAB-CA199", "CA19-9", "U/mL", "[U]/mL", "24108-3", 2, (0.0, 37.0), (10.0, 0.50), 0.12,
       skewed=True),
    _a("LAB-CA153", "CA15-3", "U/mL", "[U]/mL", "6875-9", 2, (0.0, 25.0), (10.0, 0.35), 0.10,
       skewed=True),
    _a("LAB-TPSA", "tPSA", "ng/mL", "ng/mL", "2857-1", 3, (0.0, 4.0), (0.9, 0.50), 0.12,
       skewed=True),
    _a("LAB-FPSA", "fPSA", "ng/mL", "ng/mL", "10886-0", 3, (0.0, 0.93), None, 0.0),
    # Not on the catalogue: sent with a local code only, so the client has something unlisted.
    _a("HSCRP", "hs-CRP", "mg/L", "mg/L", None, 2, (0.0, 3.0), (0.9, 0.70), 0.30, skewed=True,
       zh="超敏C反应蛋白"),
    _a("HCY", "Hcy", "µmol/L", "umol/L", None, 1, (5.0, 15.0), (11.0, 0.20), 0.08, skewed=True,
       zh="同型半胱氨酸"),
)}
#: Items reported on the catalogue that are deliberately sent with local codes only.
OFF_CATALOGUE_CODES: tuple[str, ...] = ("HSCRP", "HCY")


@dataclass(frozen=True)
class MassUnit:
    """The conventional (US-style) unit some analysers report in: value_mass = value_si × factor."""

    unit: str
    loinc: str
    factor: float
    decimals: int


MASS_UNITS: dict[str, MassUnit] = {
    "LAB-GLU": MassUnit("mg/dL", "2345-7", 18.016, 0),  # glucose 180.16 g/mol
    "LAB-TC": MassUnit("mg/dL", "2093-3", 38.67, 0),  # cholesterol 386.65 g/mol
    "LAB-TG": MassUnit("mg/dL", "2571-8", 88.57, 0),  # triolein equivalent 885.7 g/mol
    "LAB-HDLC": MassUnit("mg/dL", "2085-9", 38.67, 0),
    "LAB-LDLC": MassUnit("mg/dL", "2089-1", 38.67, 0),
    "LAB-CREA": MassUnit("mg/dL", "2160-0", 1 / 88.42, 2),  # creatinine 113.12 g/mol
}


@dataclass(frozen=True)
class SerologyItem:
    """A hepatitis B marker: reported 阴性/阳性, or as a number against a cut-off."""

    code: str
    abbr: str
    qualitative_loinc: str | None
    #: (unit, UCUM, LOINC, cut-off, decimals) when the lab reports a number.
    quantitative: tuple[str, str, str, float, int] | None = None


SEROLOGY: dict[str, SerologyItem] = {s.code: s for s in (
    SerologyItem("LAB-HBSAG", "HBsAg", "5196-1", ("IU/mL", "[IU]/mL", "63557-3", 0.05, 2)),
    SerologyItem("LAB-ANTIHBS", "抗-HBs", None, ("mIU/mL", "m[IU]/mL", "5193-8", 10.0, 2)),
    SerologyItem("LAB-HBEAG", "HBeAg", "13954-3"),
    SerologyItem("LAB-ANTIHBE", "抗-HBe", "13953-5"),
    SerologyItem("LAB-ANTIHBC", "抗-HBc", "13952-7"),
)}

POSITIVE = {"system": SNOMED_SYSTEM, "code": "10828004", "display": "Positive"}
NEGATIVE = {"system": SNOMED_SYSTEM, "code": "260385009", "display": "Negative"}
INTERPRETATION_DISPLAY = {
    "N": "Normal", "H": "High", "L": "Low", "HH": "Critical high", "LL": "Critical low",
    "POS": "Positive", "NEG": "Negative",
}


@dataclass(frozen=True)
class Panel:
    """A report a hospital issues: one or more catalogue categories and their items."""

    key: str
    number: int
    zh: str
    categories: tuple[str, ...]
    loinc: str | None
    items: tuple[str, ...]


_LIPIDS = ("LAB-TC", "LAB-TG", "LAB-HDLC", "LAB-LDLC", "LAB-APOA1", "LAB-APOB")
PANELS: dict[str, Panel] = {p.key: p for p in (
    Panel("blood-routine", 1, "血常规（五分类）", ("blood-routine",), "57021-8", (
        "LAB-WBC", "LAB-RBC", "LAB-HGB", "LAB-HCT", "LAB-PLT", "LAB-MCV", "LAB-MCH", "LAB-MCHC",
        "LAB-RDWCV", "LAB-NEUTP", "LAB-LYMPHP", "LAB-MONOP", "LAB-EOP", "LAB-BASOP",
        "LAB-NEUT", "LAB-LYMPH")),
    Panel("liver-function", 2, "肝功能", ("liver-function",), "24325-3", (
        "LAB-ALT", "LAB-AST", "LAB-GGT", "LAB-ALP", "LAB-TBIL", "LAB-DBIL", "LAB-TP", "LAB-ALB")),
    Panel("kidney-function", 3, "肾功能", ("kidney-function",), "24362-6",
          ("LAB-CREA", "LAB-UREA", "LAB-UA", "LAB-CYSC")),
    Panel("electrolytes", 4, "电解质", ("electrolytes",), "24326-1",
          ("LAB-K", "LAB-NA", "LAB-CL", "LAB-CA", "LAB-MG", "LAB-P", "LAB-CO2")),
    Panel("glucose", 5, "空腹血糖", ("glucose",), None, ("LAB-GLU",)),
    Panel("lipids", 6, "血脂", ("lipids",), "57698-3", _LIPIDS),
    Panel("hba1c", 7, "糖化血红蛋白", ("hba1c",), None, ("LAB-HBA1C",)),
    Panel("thyroid", 8, "甲状腺功能", ("thyroid",), None,
          ("LAB-TSH", "LAB-FT3", "LAB-FT4", "LAB-T3", "LAB-T4")),
    Panel("coagulation", 9, "凝血功能", ("coagulation",), None,
          ("LAB-PT", "LAB-INR", "LAB-APTT", "LAB-FIB", "LAB-TT", "LAB-DDIMER")),
    Panel("tumour-markers", 10, "肿瘤标志物", ("tumour-markers",), None,
          ("LAB-AFP", "LAB-CEA", "LAB-CA199", "LAB-CA125", "LAB-CA153", "LAB-TPSA", "LAB-FPSA")),
    Panel("hbv-serology", 11, "乙肝五项", ("hbv-serology",), None,
          ("LAB-HBSAG", "LAB-ANTIHBS", "LAB-HBEAG", "LAB-ANTIHBE", "LAB-ANTIHBC")),
    Panel("glucose-lipids", 12, "血糖+血脂", ("glucose", "lipids"), None, ("LAB-GLU", *_LIPIDS)),
)}
#: Tumour markers ordered by sex: PSA for men, CA125 and CA15-3 for women.
_SEX_ONLY = {"LAB-TPSA": "male", "LAB-FPSA": "male", "LAB-CA125": "female", "LAB-CA153": "female"}
#: Off-catalogue extras some hospitals add to a panel: (panel, hospitals, chance, item, name).
PANEL_EXTRAS: tuple[tuple[str, tuple[str, ...], float, str, str], ...] = (
    ("blood-routine", ("org-jnqy", "org-whjh"), 0.3, "HSCRP", "+超敏C反应蛋白"),
    ("kidney-function", ("org-sdsl",), 0.3, "HCY", "+同型半胱氨酸"),
)


class Trajectory(Protocol):
    def at(self, f: float) -> float:
        """The true level at fraction f of the history (0 three years ago, 1 at the anchor)."""


@dataclass(frozen=True)
class Linear:
    """A slow drift: diabetes worsening, kidney function declining."""

    start: float
    end: float

    def at(self, f: float) -> float:
        return self.start + (self.end - self.start) * f


@dataclass(frozen=True)
class Treated:
    """Untreated level until treatment starts at `onset`, then an exponential approach."""

    untreated: float
    treated: float
    onset: float = 0.35
    #: time constant as a fraction of the history (0.05 ≈ 8 weeks)
    tau: float = 0.05

    def at(self, f: float) -> float:
        if f < self.onset:
            return self.untreated
        return self.treated + (self.untreated - self.treated) * math.exp(-(f - self.onset) / self.tau)


@dataclass(frozen=True)
class Persona:
    """A kind of patient: which values are abnormal, how they move, how often labs are drawn."""

    key: str
    weight: float
    ages: tuple[int, int]
    female_share: float
    trajectories: Mapping[str, Trajectory]
    follow_up_days: int | None
    follow_up_panels: tuple[tuple[str, float], ...]
    checkup_chance: float
    hbv_status: str | None = None


PERSONAS: tuple[Persona, ...] = (
    Persona("healthy", 40, (18, 80), 0.5, {}, None, (), 0.8),
    Persona("type-2-diabetes", 15, (40, 80), 0.45, {
        "LAB-GLU": Linear(7.4, 9.0), "LAB-HBA1C": Linear(7.0, 8.4),
        "LAB-TG": Linear(2.0, 2.4), "LAB-HDLC": Linear(1.02, 0.95),
    }, 120, (("glucose", 1.0), ("hba1c", 0.8), ("lipids", 0.5), ("kidney-function", 0.4),
             ("liver-function", 0.2)), 0.4),
    Persona("chronic-hbv-carrier", 10, (25, 70), 0.4, {
        "LAB-ALT": Linear(46, 62), "LAB-AST": Linear(34, 42), "LAB-GGT": Linear(40, 52),
        "LAB-AFP": Linear(4.0, 5.5),
    }, 180, (("liver-function", 1.0), ("hbv-serology", 0.6), ("tumour-markers", 0.4),
             ("blood-routine", 0.3)), 0.4, hbv_status="carrier"),
    Persona("chronic-kidney-disease", 7, (45, 85), 0.45, {
        "LAB-CREA": Linear(140, 235), "LAB-UREA": Linear(9.0, 14.5), "LAB-UA": Linear(450, 520),
        "LAB-CYSC": Linear(1.6, 2.5), "LAB-K": Linear(4.8, 5.4), "LAB-P": Linear(1.3, 1.7),
        "LAB-CO2": Linear(23.0, 20.0), "LAB-CA": Linear(2.25, 2.12), "LAB-RBC": Linear(4.1, 3.6),
    }, 100, (("kidney-function", 1.0), ("electrolytes", 0.8), ("blood-routine", 0.6),
             ("lipids", 0.2)), 0.3),
    Persona("hyperlipidaemia-on-statin", 12, (40, 80), 0.5, {
        "LAB-TC": Treated(6.9, 4.7), "LAB-LDLC": Treated(4.6, 2.5),
        "LAB-TG": Treated(2.3, 1.6), "LAB-APOB": Treated(1.35, 0.85),
    }, 150, (("lipids", 1.0), ("liver-function", 0.7), ("glucose", 0.3)), 0.4),
    Persona("hypothyroidism-on-levothyroxine", 7, (25, 75), 0.85, {
        "LAB-TSH": Treated(12.0, 2.4, onset=0.25), "LAB-FT4": Treated(9.5, 15.5, onset=0.25),
        "LAB-FT3": Treated(3.4, 4.6, onset=0.25), "LAB-TC": Treated(6.0, 5.0, onset=0.25),
    }, 150, (("thyroid", 1.0), ("blood-routine", 0.3), ("lipids", 0.2)), 0.4),
    Persona("iron-deficiency-anaemia", 5, (20, 55), 1.0, {
        "LAB-RBC": Treated(3.9, 4.35, onset=0.5), "LAB-MCV": Treated(72.0, 85.0, onset=0.5),
        "LAB-MCHC": Treated(305, 330, onset=0.5), "LAB-RDWCV": Treated(16.8, 13.2, onset=0.5),
    }, 120, (("blood-routine", 1.0), ("liver-function", 0.2)), 0.4),
    Persona("atrial-fibrillation-on-warfarin", 4, (55, 85), 0.45, {
        "LAB-INR": Linear(2.4, 2.5),
    }, 60, (("coagulation", 1.0), ("blood-routine", 0.3), ("kidney-function", 0.2)), 0.3),
)
PERSONA_BY_KEY: dict[str, Persona] = {p.key: p for p in PERSONAS}

CHECKUP_PANELS: tuple[tuple[str, float], ...] = (
    ("blood-routine", 1.0), ("liver-function", 1.0), ("kidney-function", 1.0), ("glucose", 1.0),
    ("lipids", 0.9), ("electrolytes", 0.3), ("tumour-markers", 0.45), ("thyroid", 0.25),
    ("hbv-serology", 0.3), ("hba1c", 0.15), ("coagulation", 0.1),
)
ACUTE_PANELS: tuple[tuple[str, float], ...] = (
    ("blood-routine", 1.0), ("electrolytes", 0.6), ("kidney-function", 0.4), ("glucose", 0.3),
    ("coagulation", 0.2),
)
#: Hepatitis B status of people who are not carriers, with their shares.
HBV_STATUSES: tuple[tuple[str, float], ...] = (
    ("susceptible", 0.2), ("vaccinated", 0.5), ("past-infection", 0.25), ("isolated-core", 0.05),
)
MIN_REPORTS, MAX_REPORTS = 10, 25


# --------------------------------------------------------------------------------------
# People and places
# --------------------------------------------------------------------------------------

#: Surnames with their approximate share (per cent) of the population.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 7.1), ("李", 7.0), ("张", 6.6), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("赵", 2.3),
    ("黄", 2.2), ("吴", 2.0), ("周", 1.9), ("徐", 1.7), ("孙", 1.5), ("马", 1.5), ("朱", 1.3),
    ("胡", 1.3), ("郭", 1.2), ("何", 1.2), ("高", 1.1), ("林", 1.1), ("罗", 0.9), ("郑", 0.9),
    ("梁", 0.8), ("谢", 0.8), ("宋", 0.8), ("唐", 0.7), ("许", 0.7), ("韩", 0.7), ("冯", 0.7),
    ("邓", 0.7), ("曹", 0.6), ("彭", 0.6), ("曾", 0.6), ("肖", 0.6), ("田", 0.6), ("董", 0.5),
    ("袁", 0.5), ("潘", 0.5), ("于", 0.5), ("蒋", 0.5), ("蔡", 0.5), ("余", 0.5), ("杜", 0.5),
    ("叶", 0.4), ("程", 0.4), ("苏", 0.4), ("魏", 0.4), ("吕", 0.4), ("丁", 0.4), ("任", 0.4),
    ("沈", 0.4), ("姚", 0.4), ("卢", 0.4), ("姜", 0.4), ("崔", 0.4), ("钟", 0.3), ("谭", 0.3),
    ("陆", 0.3), ("汪", 0.3), ("范", 0.3), ("金", 0.3), ("石", 0.3), ("廖", 0.3), ("贾", 0.3),
    ("夏", 0.3), ("付", 0.3), ("方", 0.3), ("白", 0.3), ("邹", 0.3), ("孟", 0.3), ("熊", 0.3),
    ("秦", 0.3), ("邱", 0.3), ("江", 0.3), ("尹", 0.3), ("薛", 0.3), ("闫", 0.3), ("段", 0.3),
    ("雷", 0.3), ("侯", 0.3), ("史", 0.2), ("陶", 0.2), ("贺", 0.2), ("顾", 0.2), ("毛", 0.2),
    ("郝", 0.2), ("龚", 0.2), ("邵", 0.2), ("孔", 0.2), ("颜", 0.1), ("曲", 0.1),
    # compound surnames are rare, but a client must not split 欧阳 into 欧 + 阳
    ("欧阳", 0.8), ("司马", 0.4), ("诸葛", 0.4), ("上官", 0.4),
)
MALE_GIVEN = ("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋"
              "东建国志文海峰亮成新博晨阳振学德庆春生福永兵松坤昊泽睿轩铭")
FEMALE_GIVEN = ("芳娜敏静丽艳娟霞秀英玲桂兰萍红梅琳燕婷雪慧颖洁倩晶"
                "莉佳欣悦琪璐彤瑶雯菲丹凤云玉珍荣淑琴蕾薇妍怡涵梦诗")


@dataclass(frozen=True)
class City:
    """Where patients live: districts (with division codes), streets, local hospitals."""

    state: str
    name: str
    postal_code: str
    districts: tuple[tuple[str, str], ...]
    streets: tuple[str, ...]
    hospitals: tuple[str, ...]
    weight: float


SHANDONG_CITIES: tuple[City, ...] = (
    City("山东省", "济南市", "250000", (("历下区", "370102"), ("市中区", "370103"), ("槐荫区", "370104"),
         ("天桥区", "370105"), ("历城区", "370112"), ("长清区", "370113")),
         ("经十路", "泉城路", "解放路", "和平路", "山大路", "历山路", "舜耕路"), ("org-jnqy", "org-sdsl"), 40),
    City("山东省", "青岛市", "266000", (("市南区", "370202"), ("市北区", "370203"), ("黄岛区", "370211"),
         ("崂山区", "370212"), ("李沧区", "370213")),
         ("香港中路", "延安三路", "辽阳西路", "福州路", "山东路"), ("org-qdhy",), 15),
    City("山东省", "烟台市", "264000", (("芝罘区", "370602"), ("福山区", "370611"), ("牟平区", "370612"),
         ("莱山区", "370613")), ("南大街", "北马路", "青年南路", "迎春大街"), ("org-ytsy",), 12),
    City("山东省", "潍坊市", "261000", (("潍城区", "370702"), ("寒亭区", "370703"), ("坊子区", "370704"),
         ("奎文区", "370705"), ("青州市", "370781")), ("东风街", "胜利街", "北海路", "福寿街"),
         ("org-wfyd",), 13),
    City("山东省", "济宁市", "272000", (("任城区", "370811"), ("嘉祥县", "370829"), ("汶上县", "370830"),
         ("曲阜市", "370881")), ("太白湖路", "共青团路", "红星路", "呈祥大道"), ("org-jxzz",), 20),
)
HUBEI_CITIES: tuple[City, ...] = (
    City("湖北省", "武汉市", "430000", (("江岸区", "420102"), ("江汉区", "420103"), ("硚口区", "420104"),
         ("武昌区", "420106"), ("洪山区", "420111"), ("江夏区", "420115")),
         ("解放大道", "中山大道", "武珞路", "珞喻路", "建设大道"), ("org-whjh", "org-whdh"), 70),
    City("湖北省", "宜昌市", "443000", (("西陵区", "420502"), ("伍家岗区", "420503")),
         ("东山大道", "夷陵大道"), (), 12),
    City("湖北省", "襄阳市", "441000", (("襄城区", "420602"), ("樊城区", "420606")),
         ("人民路", "长虹路"), (), 10),
    City("湖北省", "荆州市", "434000", (("沙市区", "421002"), ("荆州区", "421003")),
         ("北京路", "江津路"), (), 8),
)
ESTATES = ("阳光花园", "幸福家园", "金色家园", "锦绣小区", "翠苑", "和谐家园", "绿地新城", "滨河小区")
#: Where patients of each province are also seen, with weights (beyond their own city).
PROVINCE_POOLS: dict[str, tuple[tuple[str, float], ...]] = {
    "山东省": (("org-jnqy", 3), ("org-sdsl", 3), ("org-qdhy", 1.5), ("org-ytsy", 1), ("org-wfyd", 1),
              ("org-jxzz", 0.7)),
    "湖北省": (("org-whjh", 2), ("org-whdh", 1.5)),
}
#: Hospitals of the other province a patient may also have been seen at (a trip, a referral).
CROSS_REGION: dict[str, tuple[tuple[str, float], ...]] = {
    "山东省": (("org-whjh", 2), ("org-whdh", 1)),
    "湖北省": (("org-jnqy", 2), ("org-sdsl", 2), ("org-qdhy", 1)),
}
CROSS_REGION_CHANCE = {"山东省": 0.12, "湖北省": 0.3}
SHANDONG_SHARE = 0.75


# --------------------------------------------------------------------------------------
# The showcase patients
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShowcaseReport:
    """A scripted visit of a showcase patient and the recognition case it is there to show.

    `days_ago` None means "inside the gap between the hospital's two qualifications".
    """

    days_ago: int | None
    organization_id: str
    panels: tuple[str, ...]
    shows: str
    status: str = "final"
    extras: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShowcasePatient:
    resident_id: str
    family: str
    given: str
    city: str
    district: str
    persona: str
    hospitals: tuple[str, ...]
    reports: tuple[ShowcaseReport, ...]


SHOWCASE_PATIENTS: tuple[ShowcasePatient, ...] = (
    ShowcasePatient(
        SHOWCASE_RESIDENT_ID, "张", "伟", "济南市", "历下区", "type-2-diabetes",
        ("org-jnqy", "org-sdsl", "org-wfyd", "org-qdhy"),
        (
            ShowcaseReport(1, "org-jnqy", ("liver-function",),
                           "preliminary report: not final, so not yet recognizable", "preliminary"),
            ShowcaseReport(3, "org-jnqy", ("electrolytes", "blood-routine"),
                           "全国HR, 3 days old: recognized; the blood routine carries hs-CRP, "
                           "an item not on the catalogue (local code only)", extras=("HSCRP",)),
            ShowcaseReport(4, "org-jxzz", ("blood-routine", "kidney-function"),
                           "never-qualified county hospital sending local codes only"),
            ShowcaseReport(6, "org-wfyd", ("glucose",),
                           "glucose in mg/dL (mass LOINC) from a 鲁HR item-level qualification"),
            ShowcaseReport(10, "org-ytsy", ("liver-function",),
                           "烟台HR city mark: out of scope when viewed from Jinan"),
            ShowcaseReport(12, "org-jnqy", ("electrolytes",),
                           "electrolytes 12 days old: beyond the 7-day window"),
            ShowcaseReport(20, "org-sdsl", ("glucose-lipids",),
                           "one report, two windows: glucose (14 d) too old, lipids (30 d) valid"),
            ShowcaseReport(25, "org-jnqy", ("kidney-function",),
                           "amended report: still a valid result", "amended"),
            ShowcaseReport(45, "org-wfyd", ("hba1c",),
                           "HbA1c 45 days old from Weifang (鲁HR, item list): recognized (60 d)"),
            ShowcaseReport(None, "org-qdhy", ("kidney-function",),
                           "dated between Qingdao's expired 鲁HR and its new one: not covered"),
            ShowcaseReport(420, "org-whjh", ("blood-routine", "liver-function", "glucose"),
                           "older history from a trip to Wuhan"),
        ),
    ),
    ShowcasePatient(
        HUBEI_SHOWCASE_RESIDENT_ID, "刘", "芳", "武汉市", "武昌区", "chronic-hbv-carrier",
        ("org-whjh", "org-whdh"),
        (
            ShowcaseReport(5, "org-whjh", ("blood-routine", "kidney-function"),
                           "全国HR from Wuhan: recognized in Jinan too; but cystatin C is on "
                           "Shandong's list only, so not on the list when viewed from Wuhan"),
            ShowcaseReport(8, "org-whdh", ("kidney-function",),
                           "creatinine in mg/dL from the 武汉HR hospital"),
            ShowcaseReport(15, "org-whdh", ("liver-function",),
                           "武汉HR city mark: recognized in Wuhan, out of scope in Jinan"),
            ShowcaseReport(50, "org-whjh", ("hbv-serology", "tumour-markers"),
                           "HBV serology (90 d) recognized; tumour markers (30 d) too old"),
            ShowcaseReport(200, "org-sdsl", ("liver-function", "hbv-serology"),
                           "older history from a referral to Jinan"),
        ),
    ),
)
#: The showcase patients' own history (generated) stays older than this, so it never
#: competes with the scripted cases.
SHOWCASE_HISTORY_MIN_DAYS = 90


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------


@dataclass
class _Visit:
    """One blood draw at one hospital; each panel becomes one DiagnosticReport."""

    day: int
    hospital: Hospital
    panels: list[str]
    acute: bool = False
    scripted: bool = False
    status: str | None = None
    extras: tuple[str, ...] = ()


@dataclass
class _Hbv:
    """A person's hepatitis B markers; levels are at the start of the history."""

    hbsag: bool = False
    hbeag: bool = False
    anti_hbe: bool = False
    anti_hbc: bool = False
    hbsag_level: float = 0.0
    anti_hbs_level: float = 1.0
    anti_hbs_decay: float = 0.0


@dataclass
class _Person:
    index: int
    family: str
    given: str
    sex: str
    born: date
    resident_id: str
    city: City
    district: str
    persona: Persona
    hospitals: list[Hospital]
    baseline: dict[str, float] = field(default_factory=dict)
    drift: dict[str, float] = field(default_factory=dict)
    trajectories: dict[str, Trajectory] = field(default_factory=dict)
    hbv: _Hbv = field(default_factory=_Hbv)
    dbil_ratio: float = 0.28
    fpsa_ratio: float = 0.22
    visits: list[_Visit] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"pat-{self.index:04d}"

    @property
    def name(self) -> str:
        return self.family + self.given


def _spread(*parts: str, steps: int = 5) -> int:
    """A small stable integer in [-steps//2, steps//2] from names (crc32, not the salted hash()).

    Hospitals differ a little in ranges and calibration, but always in the same way.
    """
    return zlib.crc32(":".join(parts).encode("utf-8")) % steps - steps // 2


def _lab_step(code: str) -> float:
    """How far (as a fraction) labs' calibrations and ranges differ per step of _spread.

    Tightly regulated analytes (sodium: CV 0.7 %) differ far less between labs than loose
    ones (ALT); no analyte differs by more than 1 % per step (2 % at most).
    """
    return min(0.01, ANALYTES[code].cv / 2) or 0.005


def _weighted(rng: random.Random, choices: Sequence[tuple[Any, float]]) -> Any:
    values = [c for c, _ in choices]
    weights = [w for _, w in choices]
    return rng.choices(values, weights=weights, k=1)[0]


def _round(value: float, decimals: int) -> float | int:
    return int(round(value)) if decimals == 0 else round(value, decimals)


def _fmt(value: float | None, decimals: int) -> str:
    return "" if value is None else f"{value:.{decimals}f}"


def _flag(value: float, low: float | None, high: float | None, critical: Range) -> str:
    """H/L from the hospital's own range, HH/LL past the panic limits (which lie outside it)."""
    crit_low, crit_high = critical
    if crit_high is not None and value >= crit_high:
        return "HH"
    if crit_low is not None and value <= crit_low:
        return "LL"
    if high is not None and value > high:
        return "H"
    if low is not None and value < low:
        return "L"
    return "N"


class _Generator:
    """Holds the random stream and the counters of one generate() call."""

    def __init__(self, seed: int, anchor: datetime, patients: int) -> None:
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.today = anchor.date()
        self.patient_count = patients
        self.catalogue = copy.deepcopy(bundled_catalogue())
        self.local_codes = {
            (entry["system"].removeprefix(LOCAL_CODE_SYSTEM_PREFIX), item["code"]): entry["code"]
            for item in self.catalogue["items"]
            for entry in item["local"]
            if entry["system"].startswith(LOCAL_CODE_SYSTEM_PREFIX)
        }
        self.item_names = {item["code"]: item["name"]["zh"] for item in self.catalogue["items"]}
        self.category_names = {c["code"]: c["name"]["zh"] for c in self.catalogue["categories"]}
        self.resident_ids: set[str] = {s.resident_id for s in SHOWCASE_PATIENTS}
        self.insurance_numbers: set[str] = set()
        self.mrns: set[tuple[str, str]] = set()
        self.report_numbers: dict[tuple[str, date], int] = {}
        self.reporting: dict[tuple[str, str, str], _Reporting] = {}
        self.local_names: dict[tuple[str, str], tuple[str, str]] = {}
        self.biases = {(h.id, code): 1 + _lab_step(code) / 2 * _spread(h.id, code, "bias")
                       for h in HOSPITALS for code in ANALYTES}

    # ---- top level -------------------------------------------------------------------

    def run(self) -> DemoData:
        people = [self._showcase_person(i + 1, s) for i, s in enumerate(SHOWCASE_PATIENTS)]
        people += [self._random_person(i) for i in range(len(people) + 1, self.patient_count + 1)]
        for person in people:
            person.visits.sort(key=lambda v: -v.day)
        resources: list[dict] = [self._organization(h) for h in HOSPITALS]
        resources += staff_resources()
        resources += [self._patient(p) for p in people]
        for person in people:
            resources += self._reports(person)
        return DemoData(resources=resources, catalogue=self.catalogue)

    # ---- people ----------------------------------------------------------------------

    def _random_person(self, index: int) -> _Person:
        rng = self.rng
        persona = _weighted(rng, [(p, p.weight) for p in PERSONAS])
        sex = "female" if rng.random() < persona.female_share else "male"
        shandong = rng.random() < SHANDONG_SHARE
        cities = SHANDONG_CITIES if shandong else HUBEI_CITIES
        city = _weighted(rng, [(c, c.weight) for c in cities])
        district, _ = rng.choice(city.districts)
        age = rng.randint(*persona.ages)
        born = date(self.today.year - age, 1, 1) + timedelta(days=rng.randrange(365))
        born_in = city if rng.random() < 0.8 else rng.choice(cities)
        resident_id = self._new_resident_id(rng.choice(born_in.districts)[1], born, sex)
        person = _Person(index, self._surname(), self._given_name(sex), sex, born, resident_id,
                         city, district, persona, self._choose_hospitals(city))
        self._fill_physiology(person, jitter=True)
        person.visits = self._history(person, min_day=1)
        return person

    def _showcase_person(self, index: int, script: ShowcasePatient) -> _Person:
        city = next(c for c in SHANDONG_CITIES + HUBEI_CITIES if c.name == script.city)
        born = date(int(script.resident_id[6:10]), int(script.resident_id[10:12]),
                    int(script.resident_id[12:14]))
        sex = "male" if int(script.resident_id[16]) % 2 else "female"
        hospitals = [HOSPITAL_BY_ID[h] for h in script.hospitals]
        person = _Person(index, script.family, script.given, sex, born, script.resident_id, city,
                         script.district, PERSONA_BY_KEY[script.persona], hospitals)
        self._fill_physiology(person, jitter=False)
        history = self._history(person, min_day=SHOWCASE_HISTORY_MIN_DAYS)
        person.visits = self._trim(history, 12) + [self._scripted(r) for r in script.reports]
        return person

    def _scripted(self, report: ShowcaseReport) -> _Visit:
        hospital = HOSPITAL_BY_ID[report.organization_id]
        day = report.days_ago if report.days_ago is not None else self._gap_day(hospital)
        return _Visit(day, hospital, list(report.panels), scripted=True, status=report.status,
                      extras=report.extras)

    def _gap_day(self, hospital: Hospital) -> int:
        """Days before the anchor of a date between the hospital's two qualifications."""
        institution = next(i for i in self.catalogue["institutions"]
                           if i["identifier"]["value"] == hospital.identifier)
        quals = sorted(institution["qualifications"], key=lambda q: q["valid_from"])
        for old, new in pairwise(quals):
            if old["valid_to"] is None:
                continue
            start = date.fromisoformat(old["valid_to"]) + timedelta(days=1)
            end = date.fromisoformat(new["valid_from"]) - timedelta(days=1)
            pick = max(start, min(end - timedelta(days=14), self.today - timedelta(days=30)))
            if start <= pick <= end and 1 <= (self.today - pick).days <= HISTORY_DAYS:
                return (self.today - pick).days
        return 200  # the anchor is too far from the gap to show it; keep an ordinary report

    def _surname(self) -> str:
        return _weighted(self.rng, SURNAMES)

    def _given_name(self, sex: str) -> str:
        chars = MALE_GIVEN if sex == "male" else FEMALE_GIVEN
        if self.rng.random() < 0.35:
            return self.rng.choice(chars)
        first = self.rng.choice(chars)
        second = first if self.rng.random() < 0.04 else self.rng.choice(chars)
        return first + second

    def _new_resident_id(self, region: str, born: date, sex: str) -> str:
        while True:
            sequence = self.rng.randrange(500) * 2 + (1 if sex == "male" else 0)
            value = make_resident_id(region, born, sequence)
            if value not in self.resident_ids:
                self.resident_ids.add(value)
                return value

    def _choose_hospitals(self, city: City) -> list[Hospital]:
        """2-4 hospitals: the city's own first, then others of the province, rarely one far away."""
        rng = self.rng
        total = rng.choice((2, 2, 3, 3, 3, 4))
        cross = rng.random() < CROSS_REGION_CHANCE[city.state]
        chosen = list(city.hospitals)
        rng.shuffle(chosen)
        pool = [(h, w) for h, w in PROVINCE_POOLS[city.state] if h not in chosen]
        while len(chosen) < total - cross and pool:
            pick = _weighted(rng, pool)
            chosen.append(pick)
            pool = [(h, w) for h, w in pool if h != pick]
        chosen = chosen[: max(1, total - cross)]
        if cross:
            chosen.append(_weighted(rng, CROSS_REGION[city.state]))
        return [HOSPITAL_BY_ID[h] for h in chosen]

    def _fill_physiology(self, person: _Person, jitter: bool) -> None:
        """Baselines, slow drifts, disease trajectories and hepatitis B status of one person."""
        rng = self.rng
        female = person.sex == "female"
        age = self.today.year - person.born.year
        for code, a in ANALYTES.items():
            normal = (a.normal_female if female and a.normal_female else a.normal)
            if normal is None:
                continue
            centre, spread = normal
            if a.skewed:
                value = centre * math.exp(rng.gauss(0, spread))
            else:
                value = max(centre + rng.gauss(0, spread), centre * 0.4)
            person.baseline[code] = value
            # over three years a healthy level wanders by about half a draw-to-draw CV
            person.drift[code] = rng.gauss(0, min(0.03, a.cv / 2))
        if not female:  # PSA rises with age (benign prostatic growth)
            person.baseline["LAB-TPSA"] *= 1 + max(0, age - 45) / 25
        for code, trajectory in person.persona.trajectories.items():
            scale = rng.uniform(0.9, 1.1) if jitter else 1.0
            person.trajectories[code] = _Scaled(trajectory, scale)
        person.dbil_ratio = min(max(rng.gauss(0.28, 0.04), 0.15), 0.4)
        person.fpsa_ratio = rng.uniform(0.15, 0.30)
        person.hbv = self._hbv(person.persona.hbv_status or _weighted(rng, HBV_STATUSES))

    def _hbv(self, status: str) -> _Hbv:
        rng = self.rng
        if status == "carrier":
            hbeag = rng.random() < 0.2
            return _Hbv(hbsag=True, hbeag=hbeag, anti_hbe=not hbeag, anti_hbc=True,
                        hbsag_level=math.exp(rng.uniform(math.log(300), math.log(8000))),
                        anti_hbs_level=rng.uniform(0.5, 3.0))
        if status == "vaccinated":
            return _Hbv(anti_hbs_level=math.exp(rng.uniform(math.log(12), math.log(900))),
                        anti_hbs_decay=0.15)
        if status == "past-infection":
            return _Hbv(anti_hbc=True, anti_hbe=rng.random() < 0.5,
                        anti_hbs_level=rng.uniform(20, 400), anti_hbs_decay=0.05)
        if status == "isolated-core":
            return _Hbv(anti_hbc=True, anti_hbs_level=rng.uniform(0.5, 6.0))
        return _Hbv(anti_hbs_level=rng.uniform(0.2, 5.0))

    # ---- visits ----------------------------------------------------------------------

    def _history(self, person: _Person, min_day: int) -> list[_Visit]:
        """Follow-ups of the persona, yearly check-ups, a few acute visits, then the budget."""
        rng = self.rng
        persona = person.persona
        visits: list[_Visit] = []
        if persona.follow_up_days:
            interval = persona.follow_up_days
            day = HISTORY_DAYS - rng.randrange(interval)
            while day >= min_day:
                visits.append(self._visit(person, day, persona.follow_up_panels))
                day -= int(interval * rng.uniform(0.75, 1.25))
        for year in range(3):
            if rng.random() < persona.checkup_chance:
                day = rng.randint(year * 365 + 1, year * 365 + 364)
                visits.append(self._visit(person, day, CHECKUP_PANELS))
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            visits.append(self._visit(person, rng.randint(1, HISTORY_DAYS), ACUTE_PANELS, acute=True))
        if rng.random() < 0.6:  # many patients have something recent to recognize
            panels = persona.follow_up_panels or CHECKUP_PANELS
            visits.append(self._visit(person, rng.randint(1, 60), panels))
        if rng.random() < 0.25:
            visits.append(self._visit(person, rng.randint(1, 7), ACUTE_PANELS, acute=True))
        visits = [v for v in visits if min_day <= v.day <= HISTORY_DAYS]
        while sum(len(v.panels) for v in visits) < MIN_REPORTS:
            visits.append(self._visit(person, rng.randint(max(min_day, 61), HISTORY_DAYS),
                                      CHECKUP_PANELS))
        return self._cover_hospitals(person, self._trim(visits, MAX_REPORTS))

    def _cover_hospitals(self, person: _Person, visits: list[_Visit]) -> list[_Visit]:
        """Move visits so that every hospital of the person has seen them at least once."""
        for hospital in person.hospitals:
            if any(v.hospital is hospital for v in visits):
                continue
            busy = [v for v in visits
                    if sum(w.hospital is v.hospital for w in visits) > 1]
            if busy:
                self.rng.choice(busy).hospital = hospital
        return visits

    def _trim(self, visits: list[_Visit], max_reports: int) -> list[_Visit]:
        """Drop random older visits (recent ones carry the recognition cases) to fit the budget."""
        visits = list(visits)
        while sum(len(v.panels) for v in visits) > max_reports:
            older = [i for i, v in enumerate(visits) if v.day > 60] or list(range(len(visits)))
            del visits[self.rng.choice(older)]
        return visits

    def _visit(self, person: _Person, day: int, panels: Sequence[tuple[str, float]],
               acute: bool = False) -> _Visit:
        rng = self.rng
        chosen = [p for p, chance in panels if chance >= 1.0 or rng.random() < chance]
        weights = [(h, 5.0 if i == 0 else 2.0 if h.state == person.city.state else 0.6)
                   for i, h in enumerate(person.hospitals)]
        return _Visit(day, _weighted(rng, weights), chosen, acute=acute)

    # ---- values ----------------------------------------------------------------------

    def _truth(self, person: _Person, day: int) -> dict[str, float]:
        """The person's true levels that day: baseline with slow drift, or the disease course."""
        f = 1.0 - day / HISTORY_DAYS
        truth = {}
        for code, base in person.baseline.items():
            trajectory = person.trajectories.get(code)
            truth[code] = trajectory.at(f) if trajectory else base * (1 + person.drift[code] * f)
        return truth

    def _measure(self, person: _Person, visit: _Visit) -> dict[str, float]:
        """What this hospital's laboratory measures: truth × calibration bias × draw-to-draw noise."""
        rng = self.rng
        h = visit.hospital
        values = {}
        biases = self.biases
        for code, true in self._truth(person, visit.day).items():
            values[code] = true * biases[h.id, code] * math.exp(rng.gauss(0, ANALYTES[code].cv))
        if visit.acute:  # an infection: leucocytosis with neutrophilia, CRP up
            values["LAB-WBC"] *= 1.6
            values["LAB-NEUTP"] *= 1.2
            values["LAB-LYMPHP"] *= 0.7
            values["HSCRP"] *= 10
        differential = ("LAB-NEUTP", "LAB-LYMPHP", "LAB-MONOP", "LAB-EOP", "LAB-BASOP")
        total = sum(values[c] for c in differential)
        for code in differential:
            values[code] *= 100 / total
        values["LAB-NEUT"] = values["LAB-WBC"] * values["LAB-NEUTP"] / 100
        values["LAB-LYMPH"] = values["LAB-WBC"] * values["LAB-LYMPHP"] / 100
        values["LAB-HCT"] = values["LAB-RBC"] * values["LAB-MCV"] / 10
        values["LAB-HGB"] = values["LAB-HCT"] * values["LAB-MCHC"] / 100
        values["LAB-MCH"] = values["LAB-HGB"] / values["LAB-RBC"]
        values["LAB-DBIL"] = values["LAB-TBIL"] * person.dbil_ratio * math.exp(rng.gauss(0, 0.08))
        values["LAB-T3"] = values["LAB-FT3"] * 0.40 * math.exp(rng.gauss(0, 0.05))
        values["LAB-T4"] = values["LAB-FT4"] * 6.7 * math.exp(rng.gauss(0, 0.05))
        values["LAB-PT"] = h.pt_mnpt * values["LAB-INR"] ** (1 / h.pt_isi)
        values["LAB-FPSA"] = values["LAB-TPSA"] * person.fpsa_ratio * math.exp(rng.gauss(0, 0.06))
        years = (HISTORY_DAYS - visit.day) / 365
        hbv = person.hbv
        values["LAB-HBSAG"] = (hbv.hbsag_level * math.exp(-0.1 * years + rng.gauss(0, 0.15))
                               if hbv.hbsag else rng.uniform(0.0, 0.03))
        values["LAB-ANTIHBS"] = hbv.anti_hbs_level * math.exp(-hbv.anti_hbs_decay * years
                                                              + rng.gauss(0, 0.1))
        return values

    def _reporting(self, hospital: Hospital, code: str, sex: str) -> _Reporting:
        """How the hospital reports an item: its unit, code and own reference range.

        The range is the standard one shifted a little per hospital, then converted to the
        hospital's unit and rounded as printed, so flags compare like with like.
        """
        key = (hospital.id, code, sex)
        if key not in self.reporting:
            a = ANALYTES[code]
            unit, ucum, loinc, factor, decimals = a.unit, a.ucum, a.loinc, 1.0, a.decimals
            if hospital.mass_units and code in MASS_UNITS:
                mass = MASS_UNITS[code]
                unit, ucum, loinc, factor, decimals = mass.unit, mass.unit, mass.loinc, mass.factor, mass.decimals
            low, high = a.ref_female if sex == "female" and a.ref_female else a.ref
            step = _lab_step(code)
            if low:
                low = _round(low * (1 + step * _spread(hospital.id, code, "low")) * factor, decimals)
            if high is not None:
                high = _round(high * (1 + step * _spread(hospital.id, code, "high")) * factor, decimals)
            critical = (None if a.critical[0] is None else a.critical[0] * factor,
                        None if a.critical[1] is None else a.critical[1] * factor)
            if low is not None and high is not None:
                text = f"{_fmt(low, decimals)}-{_fmt(high, decimals)}"
            else:
                text = f"<{_fmt(high, decimals)}" if high is not None else f">{_fmt(low, decimals)}"
            self.reporting[key] = _Reporting(unit, ucum, loinc, factor, decimals, low, high,
                                             critical, text)
        return self.reporting[key]

    # ---- FHIR resources --------------------------------------------------------------

    def _organization(self, h: Hospital) -> dict:
        return {
            "resourceType": "Organization",
            "id": h.id,
            "identifier": [{"system": ORGANIZATION_SYSTEM, "value": h.identifier}],
            "active": True,
            "type": [{"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/organization-type",
                "code": "prov", "display": "Healthcare Provider"}]}],
            "name": h.name,
            "alias": [h.alias],
            "telecom": [{"system": "phone", "value": h.phone, "use": "work"}],
            "address": [{
                "use": "work",
                "text": f"{h.state}{h.city}{h.district}{h.line}",
                "line": [h.line], "city": h.city, "district": h.district, "state": h.state,
                "postalCode": h.postal_code, "country": "CN",
            }],
        }

    def _patient(self, person: _Person) -> dict:
        rng = self.rng
        seen = list(dict.fromkeys(v.hospital.id for v in sorted(person.visits, key=lambda v: -v.day)))
        identifiers = [
            _identifier("official", "NNCHN", "居民身份证", RESIDENT_ID_SYSTEM, person.resident_id),
            _identifier("secondary", "SN", "医保卡号", INSURANCE_CARD_SYSTEM, self._insurance_number()),
        ]
        for org in sorted(seen, key=lambda o: [h.id for h in HOSPITALS].index(o)):
            hospital = HOSPITAL_BY_ID[org]
            mrn = _identifier("usual", "MR", "病案号", MRN_SYSTEM_PREFIX + org, self._mrn(hospital))
            mrn["assigner"] = {"reference": f"Organization/{org}", "display": hospital.name}
            identifiers.append(mrn)
        street = rng.choice(person.city.streets)
        line = (f"{street}{rng.randint(1, 300)}号 {rng.choice(ESTATES)}{rng.randint(1, 20)}号楼"
                f"{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室")
        return {
            "resourceType": "Patient",
            "id": person.id,
            "identifier": identifiers,
            "active": True,
            "name": [{"use": "official", "text": person.name, "family": person.family,
                      "given": [person.given]}],
            "telecom": [{"system": "phone", "value": self._mobile(), "use": "mobile"}],
            "gender": person.sex,
            "birthDate": person.born.isoformat(),
            "address": [{
                "use": "home",
                "text": f"{person.city.state}{person.city.name}{person.district}{line}",
                "line": [line], "city": person.city.name, "district": person.district,
                "state": person.city.state, "postalCode": person.city.postal_code, "country": "CN",
            }],
        }

    def _insurance_number(self) -> str:
        while True:
            value = f"{self.rng.choice('ABCDEFGHJK')}{self.rng.randrange(10**8):08d}"
            if value not in self.insurance_numbers:
                self.insurance_numbers.add(value)
                return value

    def _mrn(self, hospital: Hospital) -> str:
        while True:
            value = f"{hospital.mrn_prefix}{self.rng.randrange(10**7, 10**8)}"
            if (hospital.id, value) not in self.mrns:
                self.mrns.add((hospital.id, value))
                return value

    def _mobile(self) -> str:
        return f"1{self.rng.choice('35789')}{self.rng.randrange(10**9):09d}"

    def _reports(self, person: _Person) -> list[dict]:
        resources: list[dict] = []
        number = 0
        for visit in person.visits:
            collected = datetime.combine(self.today - timedelta(days=visit.day),
                                         time(self.rng.randint(7, 10), self.rng.randrange(60)),
                                         tzinfo=SHANGHAI)
            values = self._measure(person, visit)
            for panel_key in visit.panels:
                number += 1
                resources += self._report(person, visit, PANELS[panel_key], number, collected, values)
        return resources

    def _report(self, person: _Person, visit: _Visit, panel: Panel, number: int,
                collected: datetime, values: dict[str, float]) -> list[dict]:
        rng = self.rng
        h = visit.hospital
        status = visit.status or self._random_status(visit.day)
        issued = collected + timedelta(hours=rng.uniform(2, 6))
        if status == "preliminary":
            issued = collected + timedelta(hours=rng.uniform(0.5, 1.5))
        elif status == "amended":
            issued = collected + timedelta(days=1, hours=rng.uniform(1, 5))
        items = [c for c in panel.items if c not in h.omits and _SEX_ONLY.get(c, person.sex) == person.sex]
        extras, suffix = self._extras(visit, panel, h)
        report_id = f"rep-{person.index:04d}-{number:03d}"
        times = (collected.isoformat(timespec="seconds"), issued.isoformat(timespec="seconds"))
        observations = [
            self._observation(f"obs-{person.index:04d}-{number:03d}-{i:02d}", person, h, code,
                              values, status, times)
            for i, code in enumerate(items + extras, start=1)
        ]
        local_panel = f"{h.panel_prefix}{panel.number + (20 if extras else 0):02d}"
        name = panel.zh + suffix
        coding = [{"system": LOINC_SYSTEM, "code": panel.loinc}] if panel.loinc and h.sends_loinc else []
        coding.append({"system": LOCAL_CODE_SYSTEM_PREFIX + h.id, "code": local_panel, "display": name})
        report = {
            "resourceType": "DiagnosticReport",
            "id": report_id,
            "identifier": [{"system": REPORT_ID_SYSTEM_PREFIX + h.id,
                            "value": self._report_number(h, collected.date())}],
            "status": status,
            "category": [{"coding": [{"system": V2_0074_SYSTEM, "code": "LAB", "display": "Laboratory"}]}]
            + [{"coding": [{"system": LAB_CATEGORY_SYSTEM, "code": c,
                            "display": self.category_names[c]}]} for c in panel.categories],
            "code": {"coding": coding, "text": name},
            "subject": {"reference": f"Patient/{person.id}", "display": person.name},
            "effectiveDateTime": times[0],
            "issued": times[1],
            "performer": [{"reference": f"Organization/{h.id}", "display": h.name}],
            "result": [{"reference": f"Observation/{o['id']}"} for o in observations],
        }
        return observations + [report]

    def _random_status(self, day: int) -> str:
        """Mostly final; a fresh report may still be preliminary; now and then one is amended."""
        if day <= 2 and self.rng.random() < 0.35:
            return "preliminary"
        if day >= 3 and self.rng.random() < 0.015:
            return "amended"
        return "final"

    def _extras(self, visit: _Visit, panel: Panel, h: Hospital) -> tuple[list[str], str]:
        """Off-catalogue items some hospitals add to a panel, and the report name's suffix."""
        for panel_key, hospitals, chance, code, suffix in PANEL_EXTRAS:
            if panel_key != panel.key:
                continue
            wanted = code in visit.extras if visit.scripted else (
                h.id in hospitals and self.rng.random() < chance)
            if wanted:
                return [code], suffix
        return [], ""

    def _report_number(self, h: Hospital, day: date) -> str:
        key = (h.id, day)
        self.report_numbers[key] = self.report_numbers.get(key, 0) + 1
        return f"{h.report_prefix}{day:%Y%m%d}{self.report_numbers[key]:04d}"

    def _local(self, h: Hospital, code: str) -> tuple[str, str]:
        """The hospital's own code and name for an item: catalogue items from the catalogue."""
        key = (h.id, code)
        if key not in self.local_names:
            zh = self.item_names.get(code) or ANALYTES[code].zh or code
            abbr = SEROLOGY[code].abbr if code in SEROLOGY else ANALYTES[code].abbr
            local_code = self.local_codes.get(key)
            if local_code is None:  # off the catalogue: the LIS still has a code for it
                local_code = f"{h.panel_prefix}{91 + OFF_CATALOGUE_CODES.index(code)}"
            self.local_names[key] = (local_code, f"{zh}({abbr})" if h.names_with_abbr else zh)
        return self.local_names[key]

    def _observation(self, obs_id: str, person: _Person, h: Hospital, code: str,
                     values: dict[str, float], status: str, times: tuple[str, str]) -> dict:
        if code in SEROLOGY:
            value, loinc = self._serology_value(person, h, SEROLOGY[code], values.get(code, 0.0))
        else:
            value, loinc = self._quantity_value(person, h, code, values[code])
        local_code, local_name = self._local(h, code)
        coding = [{"system": LOINC_SYSTEM, "code": loinc}] if loinc and h.sends_loinc else []
        coding.append({"system": LOCAL_CODE_SYSTEM_PREFIX + h.id, "code": local_code,
                       "display": local_name})
        observation = {
            "resourceType": "Observation",
            "id": obs_id,
            "status": status,
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY_SYSTEM, "code": "laboratory",
                                      "display": "Laboratory"}]}],
            "code": {"coding": coding, "text": local_name},
            "subject": {"reference": f"Patient/{person.id}"},
            "effectiveDateTime": times[0],
            "issued": times[1],
            "performer": [{"reference": f"Organization/{h.id}", "display": h.name}],
        }
        observation.update(value)
        return observation

    def _quantity_value(self, person: _Person, h: Hospital, code: str,
                        value_si: float) -> tuple[dict, str | None]:
        r = self._reporting(h, code, person.sex)
        value = _round(value_si * r.factor, r.decimals)
        return {
            "valueQuantity": _quantity(value, r.unit, r.ucum),
            "interpretation": [_interpretation(_flag(value, r.low, r.high, r.critical))],
            "referenceRange": [r.reference_range()],
        }, r.loinc

    def _serology_value(self, person: _Person, h: Hospital, item: SerologyItem,
                        level: float) -> tuple[dict, str | None]:
        hbv = person.hbv
        quantitative = item.quantitative and not h.qualitative_as_string and (
            item.code != "LAB-HBSAG" or h.hbsag_quantitative)
        if quantitative:
            unit, ucum, loinc, cutoff, decimals = item.quantitative  # type: ignore[misc]
            value = _round(level, decimals)
            flag = "POS" if value >= cutoff else "NEG"
            return {
                "valueQuantity": _quantity(value, unit, ucum),
                "interpretation": [_interpretation(flag)],
                "referenceRange": [{"high": _quantity(cutoff, unit, ucum),
                                    "text": f"<{_fmt(cutoff, decimals)} 阴性"}],
            }, loinc
        positive = {
            "LAB-HBSAG": hbv.hbsag, "LAB-HBEAG": hbv.hbeag, "LAB-ANTIHBE": hbv.anti_hbe,
            "LAB-ANTIHBC": hbv.anti_hbc,
            "LAB-ANTIHBS": item.quantitative is not None and level >= item.quantitative[3],
        }[item.code]
        text = "阳性" if positive else "阴性"
        value: dict[str, Any] = (
            {"valueString": text} if h.qualitative_as_string
            else {"valueCodeableConcept": {"coding": [POSITIVE if positive else NEGATIVE], "text": text}})
        value["interpretation"] = [_interpretation("POS" if positive else "NEG")]
        value["referenceRange"] = [{"text": "阴性"}]
        return value, item.qualitative_loinc


@dataclass(frozen=True)
class _Scaled:
    """A persona's course scaled for one patient, so two diabetics do not share a curve."""

    trajectory: Trajectory
    scale: float

    def at(self, f: float) -> float:
        return self.trajectory.at(f) * self.scale


def _identifier(use: str, type_code: str, type_text: str, system: str, value: str) -> dict:
    return {
        "use": use,
        "type": {"coding": [{"system": V2_0203_SYSTEM, "code": type_code}], "text": type_text},
        "system": system,
        "value": value,
    }


def _quantity(value: float, unit: str, ucum: str) -> dict:
    return {"value": value, "unit": unit, "system": UCUM_SYSTEM, "code": ucum}


def _interpretation(flag: str) -> dict:
    return {"coding": [{"system": INTERPRETATION_SYSTEM, "code": flag,
                        "display": INTERPRETATION_DISPLAY[flag]}]}


@dataclass(frozen=True)
class _Reporting:
    """One hospital's way of reporting one item to one sex (cached per generate() call)."""

    unit: str
    ucum: str
    loinc: str | None
    factor: float
    decimals: int
    low: float | None
    high: float | None
    critical: Range
    #: what the report prints: 3.50-5.30, <3.37 (no lower limit), >1.04 (no upper limit)
    text: str

    def reference_range(self) -> dict:
        """A fresh FHIR referenceRange (never shared between resources)."""
        reference: dict[str, Any] = {}
        if self.low is not None:
            reference["low"] = _quantity(self.low, self.unit, self.ucum)
        if self.high is not None:
            reference["high"] = _quantity(self.high, self.unit, self.ucum)
        reference["text"] = self.text
        return reference
