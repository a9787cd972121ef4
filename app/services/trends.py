"""A lab item's results across hospitals over time, in one unit, ready to plot or export.

Values are converted to the item's canonical unit by `app.domain.units` and keep a note of
what they were ("converted from 126 mg/dL"): a doctor must always be able to see what the
issuing hospital wrote. Results that cannot be converted (no unit, an unknown unit, a
non-numeric value such as "<0.5") are listed apart, never dropped and never guessed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.catalogue import Catalogue, CatalogueItem
from app.domain.models import LabReport, LabResult, RecordKey
from app.domain.recognition import Verdict
from app.domain.units import Converted, NotConvertible, canonical_unit, convert, convert_range
from app.services.chart import AssessedReport


@dataclass(frozen=True)
class TrendPoint:
    when: datetime
    value: float                 # in the series' unit
    unit: str
    original_value: float        # as the hospital wrote it
    original_unit: str
    converted: bool
    note: str                    # "converted from 126 mg/dL", or ""
    hospital: str
    verdict: Verdict
    flag: str                    # H, L, HH, LL, ... as the hospital flagged it
    low: float | None            # the hospital's own reference range, in the series' unit
    high: float | None
    key: RecordKey

    @property
    def recognized(self) -> bool:
        return self.verdict.recognized

    @property
    def mark(self) -> str:
        return self.verdict.mark if self.verdict.recognized else ""

    @property
    def abnormal(self) -> bool:
        return self.flag not in ("", "N", "NEG")


@dataclass(frozen=True)
class Apart:
    """A result of the item that could not join the series, and why."""

    when: datetime | None
    text: str                    # value and unit as written
    hospital: str
    why: str


@dataclass(frozen=True)
class TrendSeries:
    item: CatalogueItem
    unit: str
    points: tuple[TrendPoint, ...]      # oldest first
    apart: tuple[Apart, ...]
    today: date

    @property
    def recognizable_since(self) -> date:
        """Results from this day on are young enough for the item's window (other rules aside)."""
        return self.today - timedelta(days=self.item.window_days)

    @property
    def hospitals(self) -> list[str]:
        return list(dict.fromkeys(p.hospital for p in self.points))


@dataclass(frozen=True)
class TrendItem:
    """An item the patient has numeric results for, to offer in the Trends tab."""

    item: CatalogueItem
    count: int


def _results(reports: Iterable[AssessedReport], code: str) -> Iterable[tuple[LabResult, Verdict, LabReport]]:
    for a in reports:
        for result, verdict in zip(a.report.results, a.verdicts, strict=True):
            if verdict.item is not None and verdict.item.code == code:
                yield result, verdict, a.report


def trend_items(reports: Sequence[AssessedReport]) -> list[TrendItem]:
    """Items with at least one numeric result, most results first (then by catalogue order)."""
    counts: dict[str, tuple[CatalogueItem, int]] = {}
    for a in reports:
        for result, verdict in zip(a.report.results, a.verdicts, strict=True):
            if verdict.item is not None and verdict.item.kind == "lab" and result.value is not None:
                item, n = counts.get(verdict.item.code, (verdict.item, 0))
                counts[item.code] = (item, n + 1)
    return [TrendItem(item, n) for item, n in sorted(counts.values(), key=lambda p: -p[1])]


def build_trend(reports: Sequence[AssessedReport], item: CatalogueItem, today: date) -> TrendSeries:
    unit = canonical_unit(item.code) or ""
    points: list[TrendPoint] = []
    apart: list[Apart] = []
    for result, verdict, report in _results(reports, item.code):
        when = result.effective or report.effective
        hospital = report.hospital.name if report.hospital else ""
        written = f"{result.display_value()} {result.unit}".strip()
        if result.value is None:
            apart.append(Apart(when, written, hospital, "not a number"))
            continue
        if when is None:
            apart.append(Apart(None, written, hospital, "no date"))
            continue
        try:
            shown = in_chart_unit(result, item.code)
        except NotConvertible as e:
            apart.append(Apart(when, written, hospital, e.reason))
            continue
        value = shown.value
        points.append(TrendPoint(when, value.value, value.unit, result.value, result.unit, value.converted,
                                 value.note, hospital, verdict, result.flag, shown.low, shown.high, result.key))
    points.sort(key=lambda p: p.when)
    return TrendSeries(item, unit or (points[0].unit if points else ""), tuple(points), tuple(apart), today)


@dataclass(frozen=True)
class ChartValue:
    """A numeric result in its item's chart unit, with the hospital's reference range in that unit too."""

    value: Converted             # `.note` says what the hospital wrote, when it was converted
    low: float | None
    high: float | None


def in_chart_unit(result: LabResult, code: str) -> ChartValue:
    """A result as the chart shows it: in the item's chart unit, its range converted alike.

    The one place a result is put into the chart's unit, so that the trends and the order
    dialog never disagree. Raises NotConvertible for a result without a number, or one whose
    conversion would not be certain: it is then shown as the hospital wrote it.
    """
    if result.value is None:
        raise NotConvertible("not a number")
    unit = canonical_unit(code) or ""
    value = convert(result.value, result.unit, code, unit or None)
    low, high = _range(result, code, unit)
    return ChartValue(value, low, high)


def _range(result: LabResult, code: str, unit: str) -> tuple[float | None, float | None]:
    r = result.reference_range
    if r is None or (r.low is None and r.high is None):
        return None, None
    low, high = convert_range(r.low, r.high, result.unit, code, unit or None)
    return (low.value if low else None), (high.value if high else None)


CSV_HEADER = ("item", "item_name", "date", "value", "unit", "original_value", "original_unit", "converted",
              "hospital", "recognized", "mark", "flag", "reference_low", "reference_high")


def series_csv(series: Iterable[TrendSeries]) -> str:
    """One row per plotted point, in the series' unit and as written (UTF-8 with BOM for Excel)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for s in series:
        for p in s.points:
            writer.writerow((s.item.code, s.item.name_zh, p.when.isoformat(), f"{p.value:.6g}", p.unit,
                             f"{p.original_value:g}", p.original_unit, "yes" if p.converted else "no", p.hospital,
                             "yes" if p.recognized else "no", p.mark, p.flag,
                             "" if p.low is None else f"{p.low:.6g}", "" if p.high is None else f"{p.high:.6g}"))
    return out.getvalue()


def panel_items(catalogue: Catalogue, category: str, available: Iterable[TrendItem]) -> list[CatalogueItem]:
    """The items of a catalogue category (a panel: liver function, lipids, ...) the patient has."""
    have = {t.item.code for t in available}
    return [i for i in catalogue.items.values() if i.category == category and i.code in have]
