"""Lab values made comparable across hospitals: one chart unit per item, and honest conversion into it.

Hospitals report the same catalogue item in different units: glucose in mmol/L or mg/dL,
enzymes in U/L or µkat/L, HbA1c as NGSP % or IFCC mmol/mol. A chart that mixes them draws
nonsense, and a conversion that guesses is worse than none: 126 mg/dL read as mmol/L is a
coma. So a value is converted only when the result is certain: a change of prefix or volume
(mg/dL → g/L, 10^3/µL → 10^9/L), or a bridge that the item's own entry in `UNIT_RULES`
vouches for (a molar mass, an enzyme's katal, the HbA1c master equation). Anything else
raises `NotConvertible` with a reason a doctor can read, and the caller shows the value as
the hospital wrote it.

Unit text is parsed, not looked up in a list of spellings (app.domain.unit_text: `normalize_unit`
gives the one spelling the chart shows); each item's chart unit and the analyte facts that vouch
for a conversion are app.domain.unit_rules. This module converts, and is where callers import
all three from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.unit_rules import UNIT_RULES, Affine, UnitRule, canonical_unit
from app.domain.unit_text import (
    AMOUNT,
    AMOUNT_EACH,
    CATALYTIC,
    COI,
    CONCENTRATIONS,
    EQUIVALENTS,
    INTERNATIONAL,
    MASS,
    MASS_EACH,
    SCO,
    UNITS,
    Unit,
    normalize_unit,
    parse_unit,
)

__all__ = [
    "UNIT_RULES",
    "Converted",
    "NotConvertible",
    "canonical_unit",
    "convert",
    "convert_range",
    "is_convertible",
    "normalize_unit",
]


class NotConvertible(ValueError):
    """A value cannot be shown in the wanted unit; `.reason` says why in plain English."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason





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
          to_unit: str | None) -> tuple[Unit, Unit, Callable[[float], float] | None]:
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


def _known(unit: str) -> Unit:
    parsed = parse_unit(unit)
    if parsed is None:
        raise NotConvertible(f"unknown unit {unit!r}")
    return parsed


def _hub(u: Unit, rule: UnitRule | None) -> tuple[str, float] | None:
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


def _affine(a: Unit, b: Unit, relation: Affine) -> Callable[[float], float] | None:
    x, y = _known(relation.x_unit), _known(relation.y_unit)
    if (a.kind, b.kind) == (x.kind, y.kind):
        into_x, from_y = a.scale / x.scale, y.scale / b.scale
        return lambda v: (relation.slope * v * into_x + relation.intercept) * from_y
    if (a.kind, b.kind) == (y.kind, x.kind):
        into_y, from_x = a.scale / y.scale, x.scale / b.scale
        return lambda v: (v * into_y - relation.intercept) / relation.slope * from_x
    return None


def _refusal(a: Unit, b: Unit, item_code: str, rule: UnitRule | None) -> str:
    if a.kind not in CONCENTRATIONS or b.kind not in CONCENTRATIONS:
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
