"""What a unit text means: hospitals' many spellings of a unit parsed into one meaning.

Unit text is parsed, not looked up in a list of spellings, because hospitals write the same
unit many ways (`umol/L`, `µmol/L`, `μmol/l`, `mmol／L`, `×10⁹/L`, `10*9/L`, UCUM codes from
FHIR such as `m[IU]/L` or `mg/L{FEU}`). `normalize_unit` gives the one spelling the chart
shows: the one Chinese lab reports print (`µmol/L` with the micro sign, `10^9/L`). The
conversion between units is app.domain.units.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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

CONCENTRATIONS = frozenset({MASS, AMOUNT, EQUIVALENTS, UNITS, INTERNATIONAL, CATALYTIC})


@dataclass(frozen=True)
class Unit:
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
    "%": Unit("%", FRACTION, 0.01), "l/l": Unit("L/L", FRACTION, 1.0), "1": Unit("1", FRACTION, 1.0),
    "ratio": Unit("1", FRACTION, 1.0),
    "mmol/mol": Unit("mmol/mol", AMOUNT_FRACTION, 1e-3), "mol/mol": Unit("mol/mol", AMOUNT_FRACTION, 1.0),
    "inr": Unit("INR", INR, 1.0),
    "coi": Unit("COI", COI, 1.0), "s/co": Unit("S/CO", SCO, 1.0), "s_co_ratio": Unit("S/CO", SCO, 1.0),
    "s": Unit("s", TIME, 1.0), "sec": Unit("s", TIME, 1.0), "secs": Unit("s", TIME, 1.0),
    "second": Unit("s", TIME, 1.0), "seconds": Unit("s", TIME, 1.0), "min": Unit("min", TIME, 60.0),
    "fl": Unit("fL", VOLUME_EACH, 1e-15), "um3": Unit("fL", VOLUME_EACH, 1e-15),
    "um^3": Unit("fL", VOLUME_EACH, 1e-15),
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
    unit = parse_unit(text)
    return unit.text if unit else None


@lru_cache(maxsize=512)
def parse_unit(text: str) -> Unit | None:
    """What a unit text means (its chart spelling, kind, scale and basis); None if unknown or ambiguous."""
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
        return Unit(f"{unit.text} {basis}", unit.kind, unit.scale, basis)
    return unit


def _label_key(label: str) -> str:
    return "".join(label.lower().split())


def _parse_core(core: str) -> Unit | None:
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
        return Unit(f"{_show(prefix)}{base}/{volume_text}", kind, 10.0 ** (_PREFIXES[prefix] - volume_exp))
    numerator = _numerator(core)
    if numerator is not None and numerator[0] in ("p", "f") and numerator[2] in _EACH:   # per cell: pg, fmol
        prefix, base, kind = numerator
        return Unit(f"{_show(prefix)}{base}", _EACH[kind], 10.0 ** _PREFIXES[prefix])
    return None


def _count(exponent: int, volume: str) -> Unit | None:
    if volume not in _VOLUMES:
        return None
    volume_text, volume_exp = _VOLUMES[volume]
    text = f"10^{exponent}/{volume_text}" if exponent else f"/{volume_text}"
    return Unit(text, COUNT, 10.0 ** (exponent - volume_exp))


def _numerator(text: str) -> tuple[str, str, str] | None:
    for base, shown, kind in _BASES:
        if text.endswith(base) and text[: -len(base)] in _PREFIXES:
            return text[: -len(base)], shown, kind
    return None


def _show(prefix: str) -> str:
    return "µ" if prefix == "u" else prefix
