"""The prior result a decision is about, summarized as the chart shows it.

The doctor decides beside this summary and the patient is told it on the consent form, so it
must read as the chart does: in the item's chart unit (converted by the same code as the
trends, with a note of what the hospital wrote), with the hospital's flag and its reference
range in that unit. A result that does not convert with certainty stays as written.
"""

from __future__ import annotations

import math

from app.domain.models import LabResult, ReferenceRange
from app.domain.repeat_orders import PriorSummary
from app.domain.units import NotConvertible
from app.services.ordering.plan import OrderLine
from app.services.trends import in_chart_unit


def prior_summary(line: OrderLine) -> PriorSummary | None:
    """The line's recognizable prior result (its newest), or None when it has none."""
    best = line.best
    if best is None:
        return None
    result, verdict = best.result, best.verdict
    when = result.effective or best.report.effective
    value, unit, reference, converted_from = _as_charted(result, line.item.code)
    return PriorSummary(
        value=value, unit=unit, reference_range=reference,
        date=when.date().isoformat() if when else "",
        hospital=best.report.hospital.name if best.report.hospital else "",
        mark=verdict.mark, age_days=verdict.age_days or 0, window_days=line.item.window_days,
        flag=result.flag, converted_from=converted_from)


def _as_charted(result: LabResult, code: str) -> tuple[str, str, str, str]:
    """Value, unit, reference range and "converted from" as the chart shows the result."""
    written_range = result.reference_range.display() if result.reference_range else ""
    try:
        shown = in_chart_unit(result, code)
    except NotConvertible:
        return result.display_value(), result.unit, written_range, ""
    if not shown.value.converted:   # already in the chart's unit: the hospital's own digits and range
        return result.display_value(), result.unit, written_range, ""
    low, high = (None if b is None else _rounded(b) for b in (shown.low, shown.high))
    reference = ReferenceRange(low, high).display()   # "" when the hospital gave no bounds
    return f"{_rounded(shown.value.value):g}", shown.value.unit, reference, \
        f"{result.display_value()} {result.unit}".strip()


def _rounded(value: float) -> float:
    """Four significant digits, as the trends print a converted value (a conversion adds false ones)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, 3 - math.floor(math.log10(abs(value))))
