"""Lab units: every catalogue item has a chart unit, every factor matches a published one,
conversions go there and back, and whatever cannot be converted with certainty is refused.

Sources cited below:
  [AMA]   AMA Manual of Style, SI conversion table (JAMA author instructions), after
          Young DS, "Implementation of SI units for clinical laboratory data",
          Ann Intern Med 1987;106:114-129. Factors: conventional unit × factor = SI unit.
  [NGSP]  IFCC-NGSP master equation, NGSP = 0.09148 × IFCC + 2.152 (Hoelzel W et al.,
          Clin Chem 2004;50:166-174; ngsp.org/ifcc.asp) and the NGSP/IFCC table on ngsp.org.
  [WHO]   WHO 1st International Standard for AFP 72/225: 1 IU = 1.21 ng (Elecsys AFP insert).
  [SI]    Definitions: 1 U = 1 µmol/min, so 1 µkat/L = 60 U/L; prefixes; 1 dL = 0.1 L.
  [demo]  app/sandbox/demo_analytes.py MASS_UNITS (what the demo's mass-unit hospitals apply).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.catalogue import parse_catalogue
from app.domain.models import Coding
from app.domain.units import (
    UNIT_RULES,
    Converted,
    NotConvertible,
    canonical_unit,
    convert,
    convert_range,
    is_convertible,
    normalize_unit,
)
from app.resources import bundled_catalogue
from app.sandbox.demo_data import (
    ANALYTES,
    MASS_UNITS,
    OFF_CATALOGUE_CODES,
    SEROLOGY,
    generate,
)

CATALOGUE = parse_catalogue(bundled_catalogue())
LAB_ITEMS = sorted(code for code, item in CATALOGUE.items.items() if item.kind == "lab")


# ---- chart units ------------------------------------------------------------------------

def test_every_lab_item_of_the_catalogue_has_a_chart_unit_and_no_other_item_does():
    assert sorted(UNIT_RULES) == LAB_ITEMS
    assert all(canonical_unit(code) for code in LAB_ITEMS)
    assert canonical_unit("IMG-CT-CHEST") is None
    assert canonical_unit("LAB-NOPE") is None


@pytest.mark.parametrize("code", sorted(UNIT_RULES))
def test_chart_units_are_written_as_normalize_unit_writes_them(code):
    unit = canonical_unit(code)
    assert normalize_unit(unit) == unit
    assert convert(1.5, unit, code) == Converted(1.5, unit, 1.5, unit, converted=False)


@pytest.mark.parametrize(("code", "unit"), [
    ("LAB-GLU", "mmol/L"), ("LAB-TC", "mmol/L"), ("LAB-TG", "mmol/L"), ("LAB-CREA", "µmol/L"),
    ("LAB-TBIL", "µmol/L"), ("LAB-UA", "µmol/L"), ("LAB-HBA1C", "%"), ("LAB-ALB", "g/L"),
    ("LAB-ALT", "U/L"), ("LAB-WBC", "10^9/L"), ("LAB-FT4", "pmol/L"), ("LAB-FT3", "pmol/L"),
    ("LAB-DDIMER", "mg/L FEU"), ("LAB-INR", "INR"),
])
def test_chart_units_are_the_si_units_chinese_labs_print(code, unit):
    assert canonical_unit(code) == unit


# ---- spelling ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "unit"), [
    ("mmol/L", "mmol/L"), ("mmol/l", "mmol/L"), ("mmol／L", "mmol/L"), ("MMOL/L", "mmol/L"),
    (" mmol/L ", "mmol/L"),
    ("umol/L", "µmol/L"), ("\u00b5mol/L", "µmol/L"), ("\u03bcmol/L", "µmol/L"), ("μmol/l", "µmol/L"),
    ("mg/dL", "mg/dL"), ("mg/dl", "mg/dL"), ("MG/DL", "mg/dL"), ("mg / dL", "mg/dL"),
    ("g/L", "g/L"), ("g/dL", "g/dL"),
    ("10^9/L", "10^9/L"), ("10*9/L", "10^9/L"), ("×10⁹/L", "10^9/L"), ("x10^9/L", "10^9/L"),
    ("10E9/L", "10^9/L"), ("10⁹/L", "10^9/L"), ("10^12/L", "10^12/L"), ("10*12/L", "10^12/L"),
    ("10^3/uL", "10^3/µL"), ("10*3/uL", "10^3/µL"), ("K/uL", "10^3/µL"), ("10^6/µL", "10^6/µL"),
    ("/mm3", "/µL"), ("cells/uL", "/µL"), ("{cells}/uL", "/µL"),
    ("U/L", "U/L"), ("IU/L", "IU/L"), ("µkat/L", "µkat/L"), ("ukat/L", "µkat/L"), ("nkat/L", "nkat/L"),
    ("%", "%"), ("% (NGSP)", "%"), ("%(DCCT)", "%"), ("mmol/mol", "mmol/mol"), ("mmol/mol (IFCC)", "mmol/mol"),
    ("pmol/L", "pmol/L"), ("ng/dL", "ng/dL"), ("nmol/L", "nmol/L"), ("ug/dL", "µg/dL"), ("ng/mL", "ng/mL"),
    ("pg/mL", "pg/mL"), ("mIU/L", "mIU/L"), ("m[IU]/L", "mIU/L"), ("uIU/mL", "µIU/mL"), ("µIU/mL", "µIU/mL"),
    ("mU/L", "mU/L"), ("IU/mL", "IU/mL"), ("[IU]/mL", "IU/mL"), ("mIU/mL", "mIU/mL"), ("m[IU]/mL", "mIU/mL"),
    ("s", "s"), ("sec", "s"), ("INR", "INR"), ("{INR}", "INR"), ("{ratio}", "1"), ("1", "1"),
    ("mg/L FEU", "mg/L FEU"), ("mg/L{FEU}", "mg/L FEU"), ("mg{FEU}/L", "mg/L FEU"), ("ug/mL FEU", "µg/mL FEU"),
    ("ng/mL{DDU}", "ng/mL DDU"), ("mg/dL BUN", "mg/dL BUN"), ("mg/dL (urea N)", "mg/dL BUN"),
    ("U/mL", "U/mL"), ("[U]/mL", "U/mL"), ("kU/L", "kU/L"),
    ("fL", "fL"), ("fl", "fL"), ("µm3", "fL"), ("pg", "pg"), ("fmol", "fmol"), ("L/L", "L/L"),
    ("mEq/L", "mEq/L"), ("COI", "COI"), ("S/CO", "S/CO"), ("{s_co_ratio}", "S/CO"),
])
def test_what_hospitals_write_normalizes(text, unit):
    assert normalize_unit(text) == unit
    assert normalize_unit(unit) == unit      # the chart spelling reads back as itself


@pytest.mark.parametrize("text", [
    "abc", "", "   ", "mg", "/", "mmol/", "mg/kg", "10^9", "mg/L{DDU?}", "mg/L {what}",
    "% (IFCC)",     # the old IFCC percent is neither NGSP % nor mmol/mol
    "mmol/L FEU",   # a basis belongs to a mass
    "G/L",          # giga per litre in French reports, or g/L in capitals: do not guess
])
def test_unknown_or_ambiguous_units_are_none(text):
    assert normalize_unit(text) is None


# ---- published factors -------------------------------------------------------------------

# (item, from unit, to unit, factor: 1 from-unit = factor to-units, source)
PUBLISHED = [
    ("LAB-GLU", "mg/dL", "mmol/L", 0.05551, "AMA"),
    ("LAB-GLU", "mmol/L", "mg/dL", 18.016, "demo: glucose 180.16 g/mol"),
    ("LAB-TC", "mg/dL", "mmol/L", 0.02586, "AMA"),
    ("LAB-TC", "mmol/L", "mg/dL", 38.67, "demo"),
    ("LAB-HDLC", "mg/dL", "mmol/L", 0.02586, "AMA (cholesterol)"),
    ("LAB-LDLC", "mg/dL", "mmol/L", 0.02586, "AMA (cholesterol)"),
    ("LAB-TG", "mg/dL", "mmol/L", 0.01129, "AMA"),
    ("LAB-TG", "mmol/L", "mg/dL", 88.57, "demo: triolein convention"),
    ("LAB-CREA", "mg/dL", "µmol/L", 88.4, "AMA"),
    ("LAB-CREA", "mg/dL", "µmol/L", 88.42, "demo; KDIGO"),
    ("LAB-UREA", "mg/dL BUN", "mmol/L", 0.357, "AMA: urea nitrogen mg/dL → urea mmol/L"),
    ("LAB-UREA", "mmol/L", "mg/dL BUN", 2.8, "AMA inverse, the usual 2.8"),
    ("LAB-UA", "mg/dL", "µmol/L", 59.48, "AMA"),
    ("LAB-TBIL", "mg/dL", "µmol/L", 17.1, "AMA"),
    ("LAB-DBIL", "mg/dL", "µmol/L", 17.1, "AMA"),
    ("LAB-CA", "mg/dL", "mmol/L", 0.2495, "AMA"),
    ("LAB-CA", "mEq/L", "mmol/L", 0.5, "AMA: calcium ion mEq/L"),
    ("LAB-MG", "mg/dL", "mmol/L", 0.4114, "AMA"),
    ("LAB-MG", "mEq/L", "mmol/L", 0.5, "AMA"),
    ("LAB-P", "mg/dL", "mmol/L", 0.3229, "AMA: phosphorus, inorganic"),
    ("LAB-K", "mEq/L", "mmol/L", 1.0, "AMA"),
    ("LAB-NA", "mEq/L", "mmol/L", 1.0, "AMA"),
    ("LAB-CL", "mEq/L", "mmol/L", 1.0, "AMA"),
    ("LAB-CO2", "mEq/L", "mmol/L", 1.0, "AMA: carbon dioxide, total"),
    ("LAB-FT4", "ng/dL", "pmol/L", 12.87, "AMA: thyroxine, free"),
    ("LAB-T4", "µg/dL", "nmol/L", 12.87, "AMA: thyroxine, total"),
    ("LAB-FT3", "pg/mL", "pmol/L", 1.536, "AMA: triiodothyronine, free"),
    ("LAB-T3", "ng/dL", "nmol/L", 0.01536, "AMA: triiodothyronine, total"),
    ("LAB-HGB", "g/dL", "mmol/L", 0.6206, "AMA: haemoglobin (Fe)"),
    ("LAB-HGB", "g/dL", "g/L", 10.0, "SI"),
    ("LAB-MCHC", "g/dL", "g/L", 10.0, "SI"),
    ("LAB-MCHC", "g/dL", "mmol/L", 0.6206, "AMA: haemoglobin (Fe)"),
    ("LAB-MCH", "pg", "fmol", 0.06206, "AMA: MCH"),
    ("LAB-MCV", "µm3", "fL", 1.0, "AMA: MCV"),
    ("LAB-ALT", "U/L", "µkat/L", 0.01667, "AMA"),
    ("LAB-AST", "µkat/L", "U/L", 60.0, "SI"),
    ("LAB-GGT", "nkat/L", "U/L", 0.06, "SI"),
    ("LAB-ALP", "IU/L", "U/L", 1.0, "AMA: units/L = U/L"),
    ("LAB-ALP", "U/L", "µkat/L", 0.01667, "AMA"),
    ("LAB-TP", "g/dL", "g/L", 10.0, "AMA"),
    ("LAB-ALB", "g/dL", "g/L", 10.0, "AMA"),
    ("LAB-APOA1", "mg/dL", "g/L", 0.01, "AMA"),
    ("LAB-APOB", "mg/dL", "g/L", 0.01, "AMA"),
    ("LAB-FIB", "mg/dL", "g/L", 0.01, "AMA"),
    ("LAB-CYSC", "µg/mL", "mg/L", 1.0, "SI"),
    ("LAB-WBC", "10^3/µL", "10^9/L", 1.0, "AMA"),
    ("LAB-PLT", "10^3/µL", "10^9/L", 1.0, "AMA"),
    ("LAB-NEUT", "/µL", "10^9/L", 0.001, "SI"),
    ("LAB-RBC", "10^6/µL", "10^12/L", 1.0, "AMA"),
    ("LAB-HCT", "L/L", "%", 100.0, "AMA: volume fraction"),
    ("LAB-TSH", "µIU/mL", "mIU/L", 1.0, "AMA"),
    ("LAB-TSH", "mU/L", "mIU/L", 1.0, "AMA: TSH µU/mL = mU/L"),
    ("LAB-ANTIHBS", "IU/L", "mIU/mL", 1.0, "SI"),
    ("LAB-HBSAG", "IU/L", "IU/mL", 0.001, "SI"),
    ("LAB-TPSA", "µg/L", "ng/mL", 1.0, "AMA: PSA ng/mL = µg/L"),
    ("LAB-CEA", "µg/L", "ng/mL", 1.0, "AMA"),
    ("LAB-AFP", "IU/mL", "ng/mL", 1.21, "WHO"),
    ("LAB-AFP", "kU/L", "ng/mL", 1.21, "WHO"),
    ("LAB-CA125", "kU/L", "U/mL", 1.0, "SI"),
    ("LAB-DDIMER", "µg/mL FEU", "mg/L FEU", 1.0, "SI"),
    ("LAB-DDIMER", "ng/mL FEU", "mg/L FEU", 0.001, "SI"),
    ("LAB-PT", "min", "s", 60.0, "SI"),
]


@pytest.mark.parametrize(("code", "source", "target", "factor", "cited"), PUBLISHED)
def test_factors_match_published_conversion_factors(code, source, target, factor, cited):
    # Published factors carry 4 significant digits: agree to within their rounding.
    assert convert(1.0, source, code, target).value == pytest.approx(factor, rel=5e-4), cited
    assert convert(factor, target, code, source).value == pytest.approx(1.0, rel=5e-4), cited


def test_every_bridge_between_kinds_has_a_published_factor():
    """A molar mass, valence, katal or IU added to the table must come with a cited factor."""
    def cited(code: str, marker: str) -> bool:
        return any(c == code and (marker in s or marker in t) for c, s, t, _, _ in PUBLISHED)

    for code, rule in UNIT_RULES.items():
        if rule.molar_mass or rule.basis_masses:
            assert cited(code, "mol") and cited(code, "g"), code
        if rule.valence:
            assert cited(code, "Eq"), code
        if rule.enzyme:
            assert cited(code, "kat"), code
        if rule.ng_per_iu:
            assert cited(code, "IU"), code


# IFCC mmol/mol ↔ NGSP %, the table published on ngsp.org [NGSP].
HBA1C_TABLE = [(31, 5.0), (42, 6.0), (48, 6.5), (53, 7.0), (64, 8.0), (75, 9.0), (86, 10.0), (97, 11.0)]


@pytest.mark.parametrize(("ifcc", "ngsp"), HBA1C_TABLE)
def test_hba1c_follows_the_master_equation_both_ways(ifcc, ngsp):
    assert round(convert(ifcc, "mmol/mol", "LAB-HBA1C").value, 1) == ngsp
    assert round(convert(ngsp, "%", "LAB-HBA1C", "mmol/mol").value) == ifcc
    # The published inverse, IFCC = 10.93 × NGSP − 23.5 [NGSP], rounded to 4 digits.
    assert convert(ngsp, "%", "LAB-HBA1C", "mmol/mol").value == pytest.approx(10.93 * ngsp - 23.5, abs=0.1)


def test_a_reference_range_converts_as_values_do_even_when_the_conversion_is_affine():
    low, high = convert_range(4.0, 6.0, "%", "LAB-HBA1C", "mmol/mol")
    assert (round(low.value), round(high.value)) == (20, 42)
    assert (low.original_value, high.original_value, low.unit) == (4.0, 6.0, "mmol/mol")
    low, high = convert_range(70, 110, "mg/dL", "LAB-GLU")
    assert (round(low.value, 1), round(high.value, 1), high.unit) == (3.9, 6.1, "mmol/L")
    assert convert_range(None, 130, "mg/dL", "LAB-LDLC")[0] is None       # "<130": open below
    assert convert_range(None, None, "mmol/L", "LAB-GLU") == (None, None)
    with pytest.raises(NotConvertible):
        convert_range(None, None, "mg/dL", "LAB-UREA")


# ---- round trips --------------------------------------------------------------------------

SPELLINGS = [
    "mg/dL", "g/dL", "g/L", "mg/L", "µg/mL", "µg/L", "µg/dL", "ng/mL", "ng/dL", "ng/L", "pg/mL",
    "mol/L", "mmol/L", "µmol/L", "nmol/L", "pmol/L", "mEq/L", "U/L", "IU/L", "µkat/L", "nkat/L",
    "U/mL", "kU/L", "IU/mL", "mIU/L", "µIU/mL", "mIU/mL", "mU/L", "10^9/L", "10^3/µL", "/µL",
    "10^12/L", "10^6/µL", "%", "L/L", "1", "mmol/mol", "s", "min", "INR", "fL", "pg", "fmol",
    "mg/dL BUN", "mg/L FEU", "µg/mL FEU", "ng/mL FEU", "mg/L DDU", "COI", "S/CO",
]
LINEAR_PAIRS = sorted({(code, unit) for code in UNIT_RULES for unit in SPELLINGS
                       if code != "LAB-HBA1C" and is_convertible(unit, code)})


def test_the_round_trip_tests_cover_every_item():
    assert {code for code, _ in LINEAR_PAIRS} == set(UNIT_RULES) - {"LAB-HBA1C"}
    assert len(LINEAR_PAIRS) > 3 * len(UNIT_RULES)


@given(pair=st.sampled_from(LINEAR_PAIRS), value=st.floats(min_value=1e-6, max_value=1e6))
def test_there_and_back_gives_the_value_back(pair, value):
    code, unit = pair
    there = convert(value, unit, code)
    back = convert(there.value, there.unit, code, unit)
    assert back.value == pytest.approx(value, rel=1e-9)
    assert there.converted == (normalize_unit(unit) not in (canonical_unit(code), *UNIT_RULES[code].aliases))


@given(pairs=st.sampled_from(LINEAR_PAIRS).flatmap(
    lambda p: st.tuples(st.just(p), st.sampled_from([q for q in LINEAR_PAIRS if q[0] == p[0]]))),
       value=st.floats(min_value=1e-6, max_value=1e6))
def test_any_two_units_of_an_item_convert_both_ways(pairs, value):
    (code, a), (_, b) = pairs
    there = convert(value, a, code, b)
    assert convert(there.value, b, code, a).value == pytest.approx(value, rel=1e-9)


# HbA1c is affine: near its intercept a relative tolerance means nothing, so the values are
# clinical ones (IFCC 10-200 mmol/mol, NGSP 3-20 %).
@given(ifcc=st.floats(min_value=10, max_value=200), ngsp=st.floats(min_value=3, max_value=20))
def test_hba1c_there_and_back(ifcc, ngsp):
    there = convert(ifcc, "mmol/mol", "LAB-HBA1C")
    assert convert(there.value, "%", "LAB-HBA1C", "mmol/mol").value == pytest.approx(ifcc, rel=1e-9)
    there = convert(ngsp, "%", "LAB-HBA1C", "mmol/mol")
    assert convert(there.value, "mmol/mol", "LAB-HBA1C").value == pytest.approx(ngsp, rel=1e-9)


# ---- refusals ----------------------------------------------------------------------------

@pytest.mark.parametrize(("unit", "code", "to_unit", "reason"), [
    ("mg/dL", "LAB-XYZ", "mmol/L", "mg/dL and mmol/L are both concentrations, but no molar mass is known for LAB-XYZ"),
    ("mg/dL", "LAB-ALB", "µmol/L", "mg/dL and µmol/L are both concentrations, but no molar mass is known for LAB-ALB"),
    ("%", "LAB-HBA1C", "mmol/L", "% and mmol/L measure different things"),
    ("%", "LAB-XYZ", "mmol/mol", "% and mmol/mol measure different things"),  # only HbA1c has the equation
    ("mg/dL", "LAB-HBA1C", None, "mg/dL and % measure different things"),
    ("abc", "LAB-GLU", None, "unknown unit 'abc'"),
    ("mmol/L", "LAB-GLU", "abc", "unknown unit 'abc'"),
    ("10^9/L", "LAB-HGB", None, "10^9/L and g/L measure different things"),
    ("s", "LAB-INR", None, "s and INR measure different things"),
    ("%", "LAB-PT", None, "% and s measure different things"),   # PT activity is not PT time
    ("mg/dL", "LAB-XYZ", None, "no chart unit is defined for LAB-XYZ"),
    ("mg/dL", "IMG-CT-CHEST", None, "no chart unit is defined for IMG-CT-CHEST"),
    ("U/mL", "LAB-CA125", "µkat/L", "LAB-CA125 is not known as an enzyme activity"),
    ("IU/mL", "LAB-CEA", None, "no international standard relates them for LAB-CEA"),
    # U and IU are one only where the item says so: CA125's U are the maker's, not WHO IU.
    ("IU/mL", "LAB-CA125", None, "IU/mL and U/mL are both concentrations, but no international standard"),
    ("U/mL", "LAB-HBSAG", None, "U/mL and IU/mL are both concentrations, but no international standard"),
    ("IU/L", "LAB-XYZ", "U/L", "IU/L and U/L are both concentrations, but no international standard"),
    ("mEq/L", "LAB-P", None, "no valence is known for LAB-P. The charge of phosphate depends on pH"),
    # Urea in mg/dL: urea nitrogen (BUN) or urea itself? Only a unit that says BUN converts.
    ("mg/dL", "LAB-UREA", None, "no molar mass is known for LAB-UREA. Urea in mg/dL may be urea nitrogen"),
    # D-dimer: FEU ≈ 2 × DDU, but assay-dependent; an unstated basis is not assumed.
    ("mg/L", "LAB-DDIMER", None, "stated on different bases (none given and FEU)"),
    ("mg/L DDU", "LAB-DDIMER", None, "stated on different bases (DDU and FEU)"),
    ("S/CO", "LAB-HBEAG", None, "S/CO and COI measure different things. COI and S/CO are the cut-off indices"),
])
def test_what_is_not_certain_is_refused_with_a_reason(unit, code, to_unit, reason):
    with pytest.raises(NotConvertible) as refused:
        convert(1.0, unit, code, to_unit)
    assert reason in refused.value.reason
    assert isinstance(refused.value, ValueError) and str(refused.value) == refused.value.reason
    assert not is_convertible(unit, code, to_unit)


def test_same_kind_rescaling_needs_no_knowledge_of_the_item():
    assert convert(5, "g/dL", "LAB-XYZ", "g/L").value == pytest.approx(50)
    assert is_convertible("10^3/µL", "LAB-XYZ", "10^9/L")
    assert is_convertible("mg/dL", "LAB-GLU") and is_convertible("µkat/L", "LAB-ALT")


def test_a_bare_ratio_is_an_inr_and_not_a_conversion():
    assert convert(1.1, "{ratio}", "LAB-INR") == Converted(1.1, "INR", 1.1, "1", converted=False)


# ---- the note ----------------------------------------------------------------------------

def test_the_note_quotes_the_number_as_the_hospital_wrote_it():
    glucose = convert(126, "mg/dl", "LAB-GLU")
    assert glucose.value == pytest.approx(6.99, abs=0.01)
    assert (glucose.unit, glucose.original_unit, glucose.converted) == ("mmol/L", "mg/dL", True)
    assert glucose.note == "converted from 126 mg/dL"
    assert convert(0.85, "mg/dL", "LAB-CREA").note == "converted from 0.85 mg/dL"
    assert convert(48, "mmol/mol", "LAB-HBA1C").note == "converted from 48 mmol/mol"
    assert convert(0.45, "L/L", "LAB-HCT").note == "converted from 0.45 L/L"
    assert convert(0.45, "1", "LAB-HCT").note == "converted from 0.45"
    assert convert(5.6, "mmol/l", "LAB-GLU") == Converted(5.6, "mmol/L", 5.6, "mmol/L", converted=False)
    assert convert(5.6, "mmol/l", "LAB-GLU").note == ""


# ---- the demo data -----------------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(ANALYTES))
def test_every_demo_analyte_unit_normalizes_and_is_the_chart_unit(code):
    analyte = ANALYTES[code]
    unit = normalize_unit(analyte.unit)
    assert unit is not None and normalize_unit(analyte.ucum) == unit
    if code in OFF_CATALOGUE_CODES:
        return
    assert unit == canonical_unit(code)   # the demo reports in the SI units Chinese labs use
    assert convert(analyte.ref[1] or 1.0, analyte.ucum, code).converted is False


@pytest.mark.parametrize("code", sorted(MASS_UNITS))
def test_the_demos_mass_units_convert_back_by_the_demos_own_factor(code):
    mass = MASS_UNITS[code]
    assert convert(mass.factor, mass.unit, code).value == pytest.approx(1.0, rel=5e-4)   # [demo]


@pytest.mark.parametrize("code", sorted(SEROLOGY))
def test_quantitative_serology_units_convert(code):
    quantitative = SEROLOGY[code].quantitative
    if quantitative is None:
        assert canonical_unit(code) == "COI"   # reported as 阴性/阳性 in the demo
        return
    unit, ucum, _, cutoff, _ = quantitative
    assert normalize_unit(unit) == normalize_unit(ucum) == canonical_unit(code)
    assert convert(cutoff, ucum, code).value == cutoff


def test_every_quantity_the_demo_platform_sends_converts_to_its_chart_unit():
    data = generate(patients=12, anchor=datetime(2026, 11, 20, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    seen_units: set[str] = set()
    for resource in data.resources:
        if resource["resourceType"] != "Observation" or "valueQuantity" not in resource:
            continue
        codings = [Coding(c["system"], c["code"]) for c in resource["code"]["coding"]]
        item = CATALOGUE.match(codings)
        quantity = resource["valueQuantity"]
        assert normalize_unit(quantity["unit"]) == normalize_unit(quantity["code"]) is not None, quantity
        seen_units.add(normalize_unit(quantity["code"]))
        if item is None:
            continue                         # sent with a local code only, off the catalogue
        value = convert(quantity["value"], quantity["code"], item.code)
        assert value.unit == canonical_unit(item.code)
        for reference in resource.get("referenceRange", []):
            bounds = [reference.get(k) for k in ("low", "high")]
            low, high = convert_range(*(b and b["value"] for b in bounds), quantity["code"], item.code)
            if low and high:
                assert low.value <= high.value
    assert {"mg/dL", "mmol/L", "µmol/L", "10^9/L", "mg/L FEU", "INR"} <= seen_units
