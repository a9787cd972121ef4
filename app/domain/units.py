"""Lab values made comparable across hospitals: one chart unit per item, and honest conversion into it.

Hospitals report the same catalogue item in different units: glucose in mmol/L or mg/dL,
enzymes in U/L or µkat/L, HbA1c as NGSP % or IFCC mmol/mol. A chart that mixes them draws
nonsense, and a conversion that guesses is worse than none: 126 mg/dL read as mmol/L is a
coma. So a value is converted only when the result is certain: a change of prefix or volume
(mg/dL → g/L, 10^3/µL → 10^9/L), or a bridge that the item's own entry in `UNIT_RULES`
vouches for (a molar mass, an enzyme's katal, the HbA1c master equation). Anything else
raises `NotConvertible` with a reason a doctor can read, and the caller shows the value as
the hospital wrote it.

Unit text is parsed, not looked up in a list of spellings, because hospitals write the same
unit many ways (`umol/L`, `µmol/L`, `μmol/l`, `mmol／L`, `×10⁹/L`, `10*9/L`, UCUM codes from
FHIR such as `m[IU]/L` or `mg/L{FEU}`). `normalize_unit` gives the one spelling the chart
shows: the one Chinese lab reports print (`µmol/L` with the micro sign, `10^9/L`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache


class NotConvertible(ValueError):
    """A value cannot be shown in the wanted unit; `.reason` says why in plain English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------
# Units: what a unit text means
# --------------------------------------------------------------------------------------

# Kinds of quantity. Within a kind, converting is a change of scale that holds for every
# analyte; between kinds it needs knowledge about the analyte (the item's UnitRule).
MASS = "mass concentration"            # g/L, mg/dL, ng/mL
AMOUNT = "substance concentration"     # mol/L, mmol/L, pmol/L
EQUIVALENTS = "equivalent concentration"  # mEq/L
UNITS = "units per volume"             # U/L, U/mL: enzyme units, or a maker's arbitrary units
INTERNATIONAL = "international units per volume"  # IU/mL, mIU/L: a WHO standard's units
CATALYTIC = "catalytic concentration"  # µkat/L
COUNT = "number concentration"         # 10^9/L, 10^3/µL
MASS_EACH = "mass per cell"            # pg (MCH)
AMOUNT_EACH = "amount per cell"        # fmol (MCH)
VOLUME_EACH = "volume per cell"        # fL (MCV)
FRACTION = "fraction"                  # %, L/L, 1
AMOUNT_FRACTION = "amount fraction"    # mmol/mol (IFCC HbA1c)
TIME = "time"                          # s
INR = "INR"
COI = "cut-off index (COI)"
SCO = "signal/cut-off (S/CO)"

_CONCENTRATIONS = frozenset({MASS, AMOUNT, EQUIVALENTS, UNITS, INTERNATIONAL, CATALYTIC})


@dataclass(frozen=True)
class _Unit:
    """A parsed unit: its chart spelling, its kind, and its size in the kind's base unit."""

    text: str
    kind: str
    scale: float
    #: the basis a mass is stated on: FEU/DDU for D-dimer, BUN (urea nitrogen) for urea
    basis: str = ""


# Prefix → power of ten. "u" stands for µ after normalising (µ, μ and u are all written).
_PREFIXES = {"": 0, "k": 3, "d": -1, "c": -2, "m": -3, "u": -6, "n": -9, "p": -12, "f": -15}
# Volume (denominator) → (chart spelling, power of ten of a litre).
_VOLUMES = {"l": ("L", 0), "dl": ("dL", -1), "ml": ("mL", -3), "ul": ("µL", -6),
            "mm3": ("µL", -6), "mm^3": ("µL", -6), "cmm": ("µL", -6)}
# Numerator base → (chart spelling, kind). Longest first, so "iu" wins over "u".
_BASES = (("[iu]", "IU", INTERNATIONAL), ("[u]", "U", UNITS), ("kat", "kat", CATALYTIC),
          ("mol", "mol", AMOUNT), ("iu", "IU", INTERNATIONAL), ("eq", "Eq", EQUIVALENTS), ("g", "g", MASS),
          ("u", "U", UNITS))
_EACH = {MASS: MASS_EACH, AMOUNT: AMOUNT_EACH}
# Whole units that are not "something per volume".
_SPECIAL = {
    "%": _Unit("%", FRACTION, 0.01), "l/l": _Unit("L/L", FRACTION, 1.0), "1": _Unit("1", FRACTION, 1.0),
    "ratio": _Unit("1", FRACTION, 1.0),
    "mmol/mol": _Unit("mmol/mol", AMOUNT_FRACTION, 1e-3), "mol/mol": _Unit("mol/mol", AMOUNT_FRACTION, 1.0),
    "inr": _Unit("INR", INR, 1.0),
    "coi": _Unit("COI", COI, 1.0), "s/co": _Unit("S/CO", SCO, 1.0), "s_co_ratio": _Unit("S/CO", SCO, 1.0),
    "s": _Unit("s", TIME, 1.0), "sec": _Unit("s", TIME, 1.0), "secs": _Unit("s", TIME, 1.0),
    "second": _Unit("s", TIME, 1.0), "seconds": _Unit("s", TIME, 1.0), "min": _Unit("min", TIME, 60.0),
    "fl": _Unit("fL", VOLUME_EACH, 1e-15), "um3": _Unit("fL", VOLUME_EACH, 1e-15),
    "um^3": _Unit("fL", VOLUME_EACH, 1e-15),
}
# Labels in braces, parentheses or trailing words. A basis changes what is measured; a
# remark does not. Any other label makes the unit unknown: a label we cannot read may be a
# basis we do not know, and guessing it away would convert silently.
_BASES_OF_MASS = {"feu": "FEU", "ddu": "DDU", "bun": "BUN", "urean": "BUN", "urea_n": "BUN",
                  "ureanitrogen": "BUN"}
_REMARKS = {"ngsp": "%", "dcct": "%", "ifcc": "mmol/mol", "cells": "", "cell": ""}

# Case decides these, and systems that print units in capitals lose it: "G/L" is 10^9/L in
# French reports (giga per litre) and g/L shouted. Unknown is safer than either guess.
_AMBIGUOUS = frozenset({"G/L"})

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_LABEL = re.compile(r"\{([^{}]*)\}|\(([^()]*)\)")
_COUNT = re.compile(r"^(?:[x×*])?10(?:\^|\*|e)(\d{1,2})(?:cells?)?/([a-z0-9^]+)$")
_COUNT_PER_VOLUME = re.compile(r"^(?:cells?|k)?/([a-z0-9^]+)$")
_QUOTIENT = re.compile(r"^([a-z\[\]]+)/([a-z0-9^]+)$")


def normalize_unit(text: str) -> str | None:
    """The chart's spelling of a unit as hospitals and FHIR (UCUM codes) write it; None if unknown.

    An empty text is unknown too: a value without a unit is not a value in some default unit.
    """
    unit = _parse(text)
    return unit.text if unit else None


@lru_cache(maxsize=512)
def _parse(text: str) -> _Unit | None:
    if text.strip() in _AMBIGUOUS:
        return None
    s = _SUPERSCRIPT_RUN.sub(lambda m: "^" + m.group().translate(_SUPERSCRIPTS), text.strip())
    # NFKC folds full-width forms (／, ｍ) and turns the micro sign into Greek mu.
    s = unicodedata.normalize("NFKC", s).replace("μ", "u").replace("µ", "u").lower()
    labels: list[str] = []

    def take(m: re.Match[str]) -> str:
        labels.append(m.group(1) if m.group(1) is not None else m.group(2))
        return " "

    s = _LABEL.sub(take, s)
    words = s.split()
    while words and _label_key(words[-1]) in _BASES_OF_MASS.keys() | _REMARKS.keys():
        labels.append(words.pop())
    core = "".join(words)
    labels = [_label_key(label) for label in labels]
    if not core and len(labels) == 1:       # "{INR}", "{s_co_ratio}": the annotation is the unit
        core = labels.pop()
    unit = _parse_core(core)
    if unit is None:
        return None
    basis = ""
    for label in labels:
        if label in _BASES_OF_MASS and unit.kind == MASS and basis in ("", _BASES_OF_MASS[label]):
            basis = _BASES_OF_MASS[label]
        elif label in _REMARKS and _REMARKS[label] in ("", unit.text):
            pass
        else:
            return None
    if basis:
        return _Unit(f"{unit.text} {basis}", unit.kind, unit.scale, basis)
    return unit


def _label_key(label: str) -> str:
    return "".join(label.lower().split())


def _parse_core(core: str) -> _Unit | None:
    if core in _SPECIAL:
        return _SPECIAL[core]
    if m := _COUNT.match(core):
        return _count(int(m.group(1)), m.group(2))
    if m := _COUNT_PER_VOLUME.match(core):
        return _count(3 if core.startswith("k") else 0, m.group(1))   # K/µL is 10^3/µL
    if m := _QUOTIENT.match(core):
        numerator, volume = _numerator(m.group(1)), _VOLUMES.get(m.group(2))
        if numerator is None or volume is None:
            return None
        (prefix, base, kind), (volume_text, volume_exp) = numerator, volume
        return _Unit(f"{_show(prefix)}{base}/{volume_text}", kind, 10.0 ** (_PREFIXES[prefix] - volume_exp))
    numerator = _numerator(core)
    if numerator is not None and numerator[0] in ("p", "f") and numerator[2] in _EACH:   # per cell: pg, fmol
        prefix, base, kind = numerator
        return _Unit(f"{_show(prefix)}{base}", _EACH[kind], 10.0 ** _PREFIXES[prefix])
    return None


def _count(exponent: int, volume: str) -> _Unit | None:
    if volume not in _VOLUMES:
        return None
    volume_text, volume_exp = _VOLUMES[volume]
    text = f"10^{exponent}/{volume_text}" if exponent else f"/{volume_text}"
    return _Unit(text, COUNT, 10.0 ** (exponent - volume_exp))


def _numerator(text: str) -> tuple[str, str, str] | None:
    for base, shown, kind in _BASES:
        if text.endswith(base) and text[: -len(base)] in _PREFIXES:
            return text[: -len(base)], shown, kind
    return None


def _show(prefix: str) -> str:
    return "µ" if prefix == "u" else prefix


# --------------------------------------------------------------------------------------
# Items: what each catalogue item is charted in, and what may be converted into it
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Converting
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Converted:
    """A value in the chart's unit, and the value as the hospital wrote it."""

    value: float
    unit: str
    original_value: float
    original_unit: str
    converted: bool

    @property
    def note(self) -> str:
        """What the chart says next to a converted value, so it can be matched to the paper report."""
        if not self.converted:
            return ""
        unit = "" if self.original_unit == "1" else f" {self.original_unit}"
        return f"converted from {self.original_value:g}{unit}"


def convert(value: float, unit: str, item_code: str, to_unit: str | None = None) -> Converted:
    """`value` in `unit` expressed in `to_unit` (default: the item's chart unit).

    The value is not rounded: how many decimals to print is the view's decision.
    Raises NotConvertible when the result would not be certain.
    """
    source, target, change = _plan(unit, item_code, to_unit)
    if change is None:
        return Converted(value, target.text, value, source.text, converted=False)
    return Converted(change(value), target.text, value, source.text, converted=True)


def convert_range(low: float | None, high: float | None, unit: str, item_code: str,
                  to_unit: str | None = None) -> tuple[Converted | None, Converted | None]:
    """A reference range's bounds in `to_unit`; an open bound (None) stays open.

    Bounds go through `convert` like values, not through a factor, because HbA1c's
    conversion is affine: a bound moves as a value does, while a width or an SD would not.
    Every conversion here is increasing, so the low bound stays the low one.
    """
    _plan(unit, item_code, to_unit)      # refuse even a range with no bounds
    return (None if low is None else convert(low, unit, item_code, to_unit),
            None if high is None else convert(high, unit, item_code, to_unit))


def is_convertible(unit: str, item_code: str, to_unit: str | None = None) -> bool:
    """Whether `convert` would succeed for values in `unit`."""
    try:
        _plan(unit, item_code, to_unit)
    except NotConvertible:
        return False
    return True


def _plan(unit: str, item_code: str,
          to_unit: str | None) -> tuple[_Unit, _Unit, Callable[[float], float] | None]:
    """The source and target units and how to change a value; None when the unit stays the same."""
    rule = UNIT_RULES.get(item_code)
    if to_unit is None:
        if rule is None:
            raise NotConvertible(f"no chart unit is defined for {item_code}")
        to_unit = rule.unit
    source, target = _known(unit), _known(to_unit)
    a, b = source, target
    if rule is not None:
        a, b = (_known(rule.unit) if u.text in rule.aliases else u for u in (a, b))
    if a.text == b.text:
        return source, target, None
    if (a.kind, a.basis) == (b.kind, b.basis):
        factor = a.scale / b.scale
        return source, target, lambda v: v * factor
    if rule is not None and rule.affine is not None:
        change = _affine(a, b, rule.affine)
        if change is not None:
            return source, target, change
    hub_a, hub_b = _hub(a, rule), _hub(b, rule)
    if hub_a is not None and hub_b is not None and hub_a[0] == hub_b[0]:
        factor = a.scale * hub_a[1] / (hub_b[1] * b.scale)
        return source, target, lambda v: v * factor
    raise NotConvertible(_refusal(a, b, item_code, rule))


def _known(unit: str) -> _Unit:
    parsed = _parse(unit)
    if parsed is None:
        raise NotConvertible(f"unknown unit {unit!r}")
    return parsed


def _hub(u: _Unit, rule: UnitRule | None) -> tuple[str, float] | None:
    """The common quantity a unit's base converts to for this item, and the factor to it.

    Two units of different kinds convert when both reach the same hub: mass and mEq meet at
    substance concentration (through the molar mass and the valence), U/L and µkat/L at
    enzyme units, ng/mL and IU/mL at WHO units, and U with IU where the item says they are one.
    """
    if u.kind == AMOUNT and not u.basis:
        return AMOUNT, 1.0
    if u.kind == AMOUNT_EACH:
        return AMOUNT_EACH, 1.0
    if u.kind == UNITS:
        return UNITS, 1.0
    international = UNITS if rule is not None and rule.u_is_iu else INTERNATIONAL
    if u.kind == INTERNATIONAL:
        return international, 1.0
    if rule is None:
        return None
    if u.kind == MASS:
        mass = (rule.basis_masses or {}).get(u.basis) if u.basis else rule.molar_mass
        if mass is not None:
            return AMOUNT, 1.0 / mass
        if rule.ng_per_iu is not None and not u.basis:
            return international, 1.0 / (rule.ng_per_iu * 1e-9)
    if u.kind == MASS_EACH and rule.molar_mass is not None:
        return AMOUNT_EACH, 1.0 / rule.molar_mass
    if u.kind == EQUIVALENTS and rule.valence is not None:
        return AMOUNT, 1.0 / rule.valence
    if u.kind == CATALYTIC and rule.enzyme:
        return UNITS, 60e6          # 1 kat = 1 mol/s = 60·10^6 µmol/min = 60·10^6 U
    return None


def _affine(a: _Unit, b: _Unit, relation: Affine) -> Callable[[float], float] | None:
    x, y = _known(relation.x_unit), _known(relation.y_unit)
    if (a.kind, b.kind) == (x.kind, y.kind):
        into_x, from_y = a.scale / x.scale, y.scale / b.scale
        return lambda v: (relation.slope * v * into_x + relation.intercept) * from_y
    if (a.kind, b.kind) == (y.kind, x.kind):
        into_y, from_x = a.scale / y.scale, x.scale / b.scale
        return lambda v: (v * into_y - relation.intercept) / relation.slope * from_x
    return None


def _refusal(a: _Unit, b: _Unit, item_code: str, rule: UnitRule | None) -> str:
    if a.kind not in _CONCENTRATIONS or b.kind not in _CONCENTRATIONS:
        reason = f"{a.text} and {b.text} measure different things"
        return f"{reason}. {rule.why}" if rule and rule.why and {a.kind, b.kind} == {COI, SCO} else reason
    kinds = {a.kind, b.kind}
    if a.kind == b.kind:
        missing = f"they are stated on different bases ({a.basis or 'none given'} and {b.basis or 'none given'})"
    elif kinds <= {MASS, AMOUNT}:
        missing = f"no molar mass is known for {item_code}"
        if a.basis or b.basis:
            missing += f" as {(a if a.basis else b).basis}"
    elif kinds <= {MASS, AMOUNT, EQUIVALENTS}:
        missing = f"no valence is known for {item_code}"
    elif CATALYTIC in kinds:
        missing = f"{item_code} is not known as an enzyme activity"
    else:
        missing = f"no international standard relates them for {item_code}"
    reason = f"{a.text} and {b.text} are both concentrations, but {missing}"
    return f"{reason}. {rule.why}" if rule and rule.why else reason
