"""Clinical tables of the demo's lab items: units, reference ranges and how values behave.

The bundled catalogue (resources/catalogue.json) is the one source of item codes, LOINC
lists and the hospitals' local codes; these tables add what the catalogue does not carry:
units, reference ranges and how values behave in real patients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
# common analyser inserts; each hospital then shifts them a little (see demo_laboratory.py).
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
