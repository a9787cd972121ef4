"""What each catalogue item is charted in, and the analyte facts that allow converting into it.

Converting between kinds of quantity (mass ↔ substance, U/L ↔ µkat/L, IU ↔ ng, NGSP ↔ IFCC)
needs knowledge about the analyte; an item's `UnitRule` is where that knowledge is vouched
for, with its source. The conversion itself is app.domain.units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Affine:
    """y = slope·x + intercept between two units of one item (HbA1c's IFCC → NGSP)."""

    x_unit: str
    y_unit: str
    slope: float
    intercept: float


@dataclass(frozen=True)
class UnitRule:
    """One item's chart unit and the analyte facts that allow converting between kinds."""

    unit: str
    #: g/mol of the analyte, for mass ↔ substance concentration (and pg ↔ fmol per cell)
    molar_mass: float | None = None
    #: g/mol for masses stated on another basis, e.g. {"BUN": 28.014}: urea nitrogen
    basis_masses: Mapping[str, float] | None = None
    #: charge of the ion, for mmol/L ↔ mEq/L
    valence: int | None = None
    #: an enzyme activity: U/L ↔ µkat/L (1 U = 1 µmol/min, so 1 µkat/L = 60 U/L)
    enzyme: bool = False
    #: ng of analyte in one international unit of its WHO standard: IU/mL ↔ ng/mL
    ng_per_iu: float | None = None
    #: U and IU name the same unit for this item (IU/L for an enzyme, mU/L for TSH);
    #: elsewhere they differ (CA125's U are a maker's, HBsAg's PEI U are not WHO IU)
    u_is_iu: bool = False
    #: an affine (offset) relation between two scales of the item
    affine: Affine | None = None
    #: units that mean the chart unit itself for this item (a bare ratio is an INR)
    aliases: tuple[str, ...] = ()
    #: said after a refused conversion between concentrations: why it cannot be done
    why: str = ""


GLUCOSE = 180.16        # C6H12O6
CHOLESTEROL = 386.65    # C27H46O; HDL-C and LDL-C are reported as their cholesterol
TRIGLYCERIDE = 885.7    # the convention (triolein is 885.4): 1 mmol/L = 88.57 mg/dL
CREATININE = 113.12     # C4H7N3O
UREA_NITROGEN = 28.014  # two N per urea: 1 mmol/L urea holds 28.014 mg/L of nitrogen
URIC_ACID = 168.11      # C5H4N4O3
BILIRUBIN = 584.66      # C33H36N4O6
CALCIUM = 40.08
MAGNESIUM = 24.305
PHOSPHORUS = 30.97      # inorganic phosphate is reported as phosphorus in mg/dL
THYROXINE = 776.87      # T4, C15H11I4NO4
TRIIODOTHYRONINE = 650.97  # T3, C15H12I3NO4
HAEMOGLOBIN = 16114.5   # per haem (one quarter of the 64 458 g/mol tetramer), the SI convention
AFP_NG_PER_IU = 1.21    # WHO 1st International Standard 72/225: 1 IU = 1.21 ng AFP
# NGSP (DCCT) % = 0.09148 × IFCC mmol/mol + 2.152, the IFCC-NGSP master equation
# (Hoelzel et al., Clin Chem 2004;50:166-174; ngsp.org/ifcc.asp).
HBA1C_MASTER_EQUATION = Affine("mmol/mol", "%", 0.09148, 2.152)

_ENZYME = UnitRule("U/L", enzyme=True, u_is_iu=True)
_NO_COI_SCO = ("COI and S/CO are the cut-off indices of different assays: read each against "
               "its own cut-off")

#: Item code → how the chart shows it: the SI units Chinese labs print (WS/T 404, WS/T 405).
UNIT_RULES: Mapping[str, UnitRule] = {
    # 血常规
    "LAB-WBC": UnitRule("10^9/L"),
    "LAB-RBC": UnitRule("10^12/L"),
    "LAB-HGB": UnitRule("g/L", molar_mass=HAEMOGLOBIN),
    "LAB-HCT": UnitRule("%"),
    "LAB-PLT": UnitRule("10^9/L"),
    "LAB-MCV": UnitRule("fL"),
    "LAB-MCH": UnitRule("pg", molar_mass=HAEMOGLOBIN),
    "LAB-MCHC": UnitRule("g/L", molar_mass=HAEMOGLOBIN),
    "LAB-RDWCV": UnitRule("%"),
    "LAB-NEUTP": UnitRule("%"),
    "LAB-LYMPHP": UnitRule("%"),
    "LAB-MONOP": UnitRule("%"),
    "LAB-EOP": UnitRule("%"),
    "LAB-BASOP": UnitRule("%"),
    "LAB-NEUT": UnitRule("10^9/L"),
    "LAB-LYMPH": UnitRule("10^9/L"),
    # 肝功能
    "LAB-ALT": _ENZYME,
    "LAB-AST": _ENZYME,
    "LAB-GGT": _ENZYME,
    "LAB-ALP": _ENZYME,
    "LAB-TBIL": UnitRule("µmol/L", molar_mass=BILIRUBIN),
    "LAB-DBIL": UnitRule("µmol/L", molar_mass=BILIRUBIN),
    "LAB-TP": UnitRule("g/L"),
    "LAB-ALB": UnitRule("g/L"),
    # 肾功能
    "LAB-CREA": UnitRule("µmol/L", molar_mass=CREATININE),
    "LAB-UREA": UnitRule("mmol/L", basis_masses={"BUN": UREA_NITROGEN}, why=(
        "Urea in mg/dL may be urea nitrogen (BUN) or urea itself, 2.14-fold apart; "
        "only a unit marked BUN (mg/dL BUN) is converted")),
    "LAB-UA": UnitRule("µmol/L", molar_mass=URIC_ACID),
    "LAB-CYSC": UnitRule("mg/L"),
    # 电解质
    "LAB-K": UnitRule("mmol/L", valence=1),
    "LAB-NA": UnitRule("mmol/L", valence=1),
    "LAB-CL": UnitRule("mmol/L", valence=1),
    "LAB-CA": UnitRule("mmol/L", molar_mass=CALCIUM, valence=2),
    "LAB-MG": UnitRule("mmol/L", molar_mass=MAGNESIUM, valence=2),
    "LAB-P": UnitRule("mmol/L", molar_mass=PHOSPHORUS, why=(
        "The charge of phosphate depends on pH, so mEq/L has no fixed factor")),
    "LAB-CO2": UnitRule("mmol/L", valence=1),
    # 血糖, 血脂, 糖化血红蛋白
    "LAB-GLU": UnitRule("mmol/L", molar_mass=GLUCOSE),
    "LAB-TC": UnitRule("mmol/L", molar_mass=CHOLESTEROL),
    "LAB-TG": UnitRule("mmol/L", molar_mass=TRIGLYCERIDE),
    "LAB-HDLC": UnitRule("mmol/L", molar_mass=CHOLESTEROL),
    "LAB-LDLC": UnitRule("mmol/L", molar_mass=CHOLESTEROL),
    "LAB-APOA1": UnitRule("g/L"),
    "LAB-APOB": UnitRule("g/L"),
    "LAB-HBA1C": UnitRule("%", affine=HBA1C_MASTER_EQUATION),
    # 甲状腺功能
    "LAB-TSH": UnitRule("mIU/L", u_is_iu=True),
    "LAB-FT3": UnitRule("pmol/L", molar_mass=TRIIODOTHYRONINE),
    "LAB-FT4": UnitRule("pmol/L", molar_mass=THYROXINE),
    "LAB-T3": UnitRule("nmol/L", molar_mass=TRIIODOTHYRONINE),
    "LAB-T4": UnitRule("nmol/L", molar_mass=THYROXINE),
    # 凝血功能
    "LAB-PT": UnitRule("s"),
    "LAB-INR": UnitRule("INR", aliases=("1",)),
    "LAB-APTT": UnitRule("s"),
    "LAB-FIB": UnitRule("g/L"),
    "LAB-TT": UnitRule("s"),
    "LAB-DDIMER": UnitRule("mg/L FEU", why=(
        "D-dimer as FEU is roughly twice the DDU value, but the ratio depends on the assay")),
    # 肿瘤标志物
    "LAB-AFP": UnitRule("ng/mL", ng_per_iu=AFP_NG_PER_IU, u_is_iu=True),   # kU/L in Europe is kIU/L
    "LAB-CEA": UnitRule("ng/mL"),
    "LAB-CA125": UnitRule("U/mL"),
    "LAB-CA199": UnitRule("U/mL"),
    "LAB-CA153": UnitRule("U/mL"),
    "LAB-TPSA": UnitRule("ng/mL"),
    "LAB-FPSA": UnitRule("ng/mL"),
    # 乙肝五项: when reported as a number rather than 阴性/阳性
    "LAB-HBSAG": UnitRule("IU/mL"),
    "LAB-ANTIHBS": UnitRule("mIU/mL", u_is_iu=True),   # every assay is calibrated to the WHO standard
    "LAB-HBEAG": UnitRule("COI", why=_NO_COI_SCO),
    "LAB-ANTIHBE": UnitRule("COI", why=_NO_COI_SCO),
    "LAB-ANTIHBC": UnitRule("COI", why=_NO_COI_SCO),
}


def canonical_unit(item_code: str) -> str | None:
    """The unit the chart shows an item in, or None for an item without a numeric value."""
    rule = UNIT_RULES.get(item_code)
    return rule.unit if rule else None
