"""The trend plots' time axis, labelled in the interface's language.

pyqtgraph's DateAxisItem writes its labels with strftime in the C locale: English months
("Mar", "Thu 05") on a Chinese or Indonesian screen. This axis keeps its tick placement and
writes each label through QLocale (the interface's locale: `app.ui.language` sets it as the
default), with the word order each language uses: "2026年3月", "3月5日" in Chinese; "Mar 2026",
"5 Mar" in Indonesian; "Mar 2026", "Mar 5" in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import DAY_SPACING, MINUTE_SPACING, MONTH_SPACING, YEAR_SPACING
from PySide6.QtCore import QDate, QLocale, QRectF
from PySide6.QtGui import QPainter

# Qt date patterns per kind of label; languages not listed use the default row.
_PATTERNS: dict[QLocale.Language, dict[str, str]] = {
    QLocale.Language.Chinese: {"year": "yyyy年", "year_month": "yyyy年M月", "month": "M月", "month_day": "M月d日",
                               "day": "d日"},
    QLocale.Language.Japanese: {"year": "yyyy年", "year_month": "yyyy年M月", "month": "M月", "month_day": "M月d日",
                                "day": "d日"},
    QLocale.Language.English: {"year": "yyyy", "year_month": "MMM yyyy", "month": "MMM", "month_day": "MMM d",
                               "day": "d"},
}
_DEFAULT = {"year": "yyyy", "year_month": "MMM yyyy", "month": "MMM", "month_day": "d MMM", "day": "d"}
_EPOCH = datetime(1970, 1, 1)   # naive: the ticks are wall-clock times


def date_pattern(kind: str, locale: QLocale) -> str:
    """The Qt date pattern for a kind of label ("year", "year_month", "month", "month_day", "day")."""
    return _PATTERNS.get(locale.language(), _DEFAULT)[kind]


def tick_labels(moments: Sequence[datetime], spacing: float, coarsest: float, years_shown: bool,
                locale: QLocale, first: int = 0) -> list[str]:
    """Labels for ticks `spacing` seconds apart (wall-clock times), in `locale`'s words and order.

    Month ticks carry their year when no year tick is in view (`years_shown`) and the tick is
    the `first` (the first whose longer label fits on the axis) or a January, so that a few
    months' view still says which year; day ticks carry
    their month when days are the widest ticks (`coarsest`, the zoom level's widest spacing).
    Times of day are 24-hour everywhere.
    """
    def label(when: datetime, kind: str) -> str:
        return locale.toString(QDate(when.year, when.month, when.day), date_pattern(kind, locale))

    out = []
    for i, when in enumerate(moments):
        if spacing >= YEAR_SPACING:
            out.append(label(when, "year"))
        elif spacing >= MONTH_SPACING:
            with_year = not years_shown and (i == first or when.month == 1)
            out.append(label(when, "year_month" if with_year else "month"))
        elif spacing >= DAY_SPACING:
            out.append(label(when, "month_day" if coarsest <= DAY_SPACING else "day"))
        else:
            out.append(when.strftime("%H:%M" if spacing >= MINUTE_SPACING else "%H:%M:%S"))
    return out


class LocalDateAxis(pg.DateAxisItem):
    """A DateAxisItem whose labels are in the interface's language (QLocale's default, read at each paint)."""

    _years_shown = False

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803 - Qt naming
        levels: list[tuple[float, list[float]]] = super().tickValues(minVal, maxVal, size)
        self._years_shown = any(spacing >= YEAR_SPACING and ticks for spacing, ticks in levels)
        return levels

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - Qt naming
        if spacing < 1:
            return super().tickStrings(values, scale, spacing)   # fractions of a second: numbers only
        offset = self.utcOffset or 0
        try:
            moments = [_EPOCH + timedelta(seconds=v - offset) for v in values]
        except OverflowError:
            return super().tickStrings(values, scale, spacing)
        coarsest = max(spec.spacing for spec in self.zoomLevel.tickSpecs)
        locale = QLocale()
        return tick_labels(moments, spacing, coarsest, self._years_shown, locale,
                           self._first_fitting(values, moments, locale) if moments else 0)

    def _first_fitting(self, values: Sequence[float], moments: Sequence[datetime], locale: QLocale) -> int:
        """The first tick whose year-and-month label fits inside the axis (pyqtgraph drops one that
        sticks out of it, and with it the only mention of the year)."""
        metrics = getattr(self, "fontMetrics", None)   # pyqtgraph sets it when it draws
        low, high = self.range
        length = self.boundingRect().width()
        if metrics is None or length <= 0 or high <= low:
            return 0
        when = moments[0]
        half = metrics.horizontalAdvance(locale.toString(QDate(when.year, when.month, 1),
                                                         date_pattern("year_month", locale))) / 2 + 2
        room = low + half * (high - low) / length
        return next((i for i, v in enumerate(values) if v >= room), 0)

    def generateDrawSpecs(self, p: QPainter) -> tuple[Any, Any, list[tuple[QRectF, Any, str]]] | None:  # noqa: N802 - Qt naming
        """As drawn by pyqtgraph, less any label that would overlap one drawn before it: "2026年3月"
        is wider than the "Mar" the axis made room for, and the coarser labels come first."""
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        kept: list[tuple[QRectF, Any, str]] = []
        for rect, flags, text in texts:
            if not any(rect.adjusted(-4, 0, 4, 0).intersects(other) for other, _, _ in kept):
                kept.append((rect, flags, text))
        return axis, ticks, kept
