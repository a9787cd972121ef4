"""The funnel drawn: nested stages as narrowing bars, then the items decided as one stacked bar.

A widget of its own (QPainter, no plotting library) for the dashboard's Funnel tab
(app/ui/dashboard_funnel.py): every text is measured with the font in use and placed inside a
bar when it fits, beside it when not, over it on a white patch otherwise, so nothing is cut at
1366×768 in any language; `elided()` says what had to be shortened (tests ask it for nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

STAGE_COLOURS = ("#0d47a1", "#1565c0", "#1e88e5")          # visits: with priors, reminded, prior opened
RECOGNIZED_COLOUR, REPEATED_COLOUR = "#2e7d32", "#ef6c00"
OVERLOOKED_COLOUR, REVOKED_COLOUR = "#c62828", "#5f6670"
_FUNNEL_NECK = "#d6e4f5"                                   # the band joining one stage to the next
_INK, PALE_INK = "#212121", "#616161"
_MARGIN, _GAP, _PAD = 4.0, 6.0, 8.0


@dataclass(frozen=True)
class Stage:
    """One bar of the funnel: its words and its count (None: not known)."""

    text: str
    count: int | None


@dataclass(frozen=True)
class Part:
    """One outcome of the items decided: its name, its figures ("309 · 11.1%"), count (None: not known), colour."""

    name: str
    figures: str
    count: int | None
    colour: str

    @property
    def text(self) -> str:
        return f"{self.name} {self.figures}"


@dataclass(frozen=True)
class _Placed:
    """A text where the chart draws it, and whether it had to be shortened to fit."""

    rect: QRectF
    text: str
    shown: str
    colour: str
    align: Qt.AlignmentFlag
    backdrop: bool = False   # over a bar it does not fit in: on a white patch

    @property
    def elided(self) -> bool:
        return self.shown != self.text


_Geometry = tuple[list[tuple[QRectF, Stage]], QRectF, QRectF, list[tuple[QRectF, QRectF, QRectF, Part]]]


class FunnelChart(QWidget):
    """The funnel drawn: nested stages as centred bars narrowing with their counts, then the
    items decided as one bar split by outcome, with a legend (a line per outcome, figures aligned).

    Texts are placed by font metrics: inside a bar when they fit, beside it when not, shortened
    (with the whole text as tooltip) only as a last resort, which `elided()` reports.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("funnelChart")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._stages: list[Stage] = []
        self._decided_text = ""
        self._decided = 0
        self._parts: list[Part] = []

    def set_data(self, stages: Sequence[Stage], decided_text: str, decided: int, parts: Sequence[Part]) -> None:
        """`decided`: the items decided, all of them (the parts not known share what the known ones leave)."""
        self._stages, self._parts = list(stages), list(parts)
        self._decided_text, self._decided = decided_text, decided
        self.updateGeometry()
        self.update()

    # --- what is shown (tests) -------------------------------------------------------------------

    def stage_texts(self) -> list[str]:
        return [s.text for s in self._stages]

    def part_texts(self) -> list[str]:
        return [p.text for p in self._parts]

    def decided_text(self) -> str:
        return self._decided_text

    def counts(self) -> list[int | None]:
        """The stages' counts top first, then the outcomes' (None: shown as not known)."""
        return [s.count for s in self._stages] + [p.count for p in self._parts]

    def elided(self) -> list[str]:
        """The texts that did not fit at the chart's present width."""
        return [t.text for t in self._texts(self._geometry()) if t.elided]

    # --- layout ----------------------------------------------------------------------------------

    def _row_height(self) -> float:
        return self.fontMetrics().height() + 10.0

    def _legend_line(self) -> float:
        return self.fontMetrics().height() + 4.0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(max(300, self._least_width()), int(self._height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self._least_width(), int(self._height()))

    def _legend_columns(self) -> tuple[float, float]:
        """The legend's widths: the longest outcome's name, the longest figures."""
        fm = QFontMetrics(self.font())
        return (max((fm.horizontalAdvance(p.name) for p in self._parts), default=0),
                max((fm.horizontalAdvance(p.figures) for p in self._parts), default=0))

    def _legend_width(self) -> float:
        names, figures = self._legend_columns()
        return 16 + names + 3 * _GAP + figures

    def _least_width(self) -> int:
        """Narrowest width at which no text is shortened: the legend, each stage's text in its bar."""
        fm = QFontMetrics(self.font())
        stages = max((fm.horizontalAdvance(s.text) + 2 * _PAD for s in self._stages), default=0)
        return int(2 * _MARGIN + max(self._legend_width(), stages, 240)) + 1

    def _height(self) -> float:
        fm = self.fontMetrics()
        rows = max(len(self._stages), 3)
        legend_rows = max(len(self._parts), 4)
        return (2 * _MARGIN + rows * (self._row_height() + _GAP) + _PAD + fm.height() + 4
                + self._row_height() * 0.8 + _GAP + legend_rows * self._legend_line())

    def _geometry(self) -> _Geometry:
        """Stage bars, the decided title's rect, the outcome bar's rect, and each legend swatch, name and figures."""
        width = self.width() - 2 * _MARGIN
        row = self._row_height()
        known = [s.count for s in self._stages if s.count is not None]
        top = max(known, default=0)
        y = _MARGIN
        bars = []
        for s in self._stages:
            if s.count is None:
                w = width
            else:
                w = width * s.count / top if top else 0.0
                w = max(w, 2.0) if s.count else 0.0
            bars.append((QRectF(_MARGIN + (width - w) / 2, y, w, row), s))
            y += row + _GAP
        y += _PAD
        title = QRectF(_MARGIN, y, width, self.fontMetrics().height())
        y += title.height() + 4
        outcome_bar = QRectF(_MARGIN, y, width, row * 0.8)
        y += outcome_bar.height() + _GAP
        line = self._legend_line()
        names, figures = self._legend_columns()
        end = _MARGIN + min(width, self._legend_width())   # the figures right-aligned here, under one another
        legend = []
        for i, part in enumerate(self._parts):
            top_y = y + i * line
            swatch = QRectF(_MARGIN, top_y + (line - 10) / 2, 10, 10)
            legend.append((swatch, QRectF(_MARGIN + 16, top_y, end - figures - _GAP - _MARGIN - 16, line),
                           QRectF(end - figures - _GAP, top_y, figures + _GAP, line), part))
        return bars, title, outcome_bar, legend

    def _texts(self, geometry: _Geometry) -> list[_Placed]:
        fm = QFontMetrics(self.font())
        bars, title, _bar, legend = geometry
        right_edge = self.width() - _MARGIN
        left, centre = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter
        out = []
        for i, (bar, stage) in enumerate(bars):
            need = fm.horizontalAdvance(stage.text) + 2 * _PAD
            if stage.count is None or need <= bar.width():   # inside the bar
                rect, colour, align = bar, PALE_INK if stage.count is None else "#ffffff", centre
            elif not bar.width():                            # no bar at all: where it would be
                rect, colour, align = QRectF(_MARGIN, bar.top(), right_edge - _MARGIN, bar.height()), _INK, centre
            elif need - _PAD + _GAP <= right_edge - bar.right():   # beside it, on the right
                x = bar.right() + _GAP
                rect, colour, align = QRectF(x, bar.top(), right_edge - x, bar.height()), STAGE_COLOURS[i % 3], left
            else:                                            # over it, centred, on a white patch
                row = QRectF(_MARGIN, bar.top(), right_edge - _MARGIN, bar.height())
                out.append(_Placed(row, stage.text, self._fit(fm, stage.text, row.width()), _INK, centre, True))
                continue
            out.append(_Placed(rect, stage.text, self._fit(fm, stage.text, rect.width()), colour, align))
        out.append(_Placed(title, self._decided_text, self._fit(fm, self._decided_text, title.width()), _INK, left))
        for _swatch, name, figures, part in legend:
            out.append(_Placed(name, part.name, self._fit(fm, part.name, name.width()), _INK, left))
            out.append(_Placed(figures, part.figures, self._fit(fm, part.figures, figures.width()), _INK,
                               Qt.AlignmentFlag.AlignRight))
        return out

    @staticmethod
    def _fit(fm: QFontMetrics, text: str, width: float) -> str:
        return text if fm.horizontalAdvance(text) <= width else \
            fm.elidedText(text, Qt.TextElideMode.ElideRight, max(int(width), 0))

    # --- drawing ---------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        geometry = self._geometry()
        bars, _title, outcome_bar, legend = geometry
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        for (upper, a), (lower, b) in zip(bars, bars[1:], strict=False):   # the funnel's neck
            if a.count is not None and b.count is not None and upper.width() and lower.width():
                p.setBrush(QColor(_FUNNEL_NECK))
                p.drawPolygon(QPolygonF([upper.bottomLeft(), upper.bottomRight(), lower.topRight(),
                                         lower.topLeft()]))
        for i, (bar, stage) in enumerate(bars):
            if stage.count is None:   # not known: an empty, dashed outline, never a bar of some length
                p.setPen(QPen(QColor(PALE_INK), 1, Qt.PenStyle.DashLine))
                p.setBrush(QColor("#f5f5f5"))
                p.drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5))
                p.setPen(Qt.PenStyle.NoPen)
            elif bar.width():
                p.setBrush(QColor(STAGE_COLOURS[i % 3]))
                p.drawRoundedRect(bar, 3, 3)
        self._draw_outcomes(p, outcome_bar)
        for swatch, _name, _figures, part in legend:
            p.setBrush(QColor(part.colour))
            p.drawRect(swatch)
        fm = QFontMetrics(self.font())
        for t in self._texts(geometry):
            if t.backdrop:
                w = fm.horizontalAdvance(t.shown) + _PAD
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 255, 255, 225))
                p.drawRoundedRect(QRectF(t.rect.center().x() - w / 2, t.rect.top() + 3, w, t.rect.height() - 6), 3, 3)
            p.setPen(QColor(t.colour))
            p.drawText(t.rect, int(t.align | Qt.AlignmentFlag.AlignVCenter), t.shown)
        p.end()

    def _draw_outcomes(self, p: QPainter, bar: QRectF) -> None:
        """The items decided as one bar, split by outcome; what is not known as one hatched grey part."""
        p.setBrush(QColor("#eeeeee"))
        p.drawRect(bar)
        if not self._decided:
            return
        unknown = self._decided - sum(part.count or 0 for part in self._parts)
        x = bar.left()
        for part in self._parts:
            if part.count is None and unknown > 0:   # where the first part not known would be
                w = bar.width() * unknown / self._decided
                p.setBrush(QBrush(QColor("#9e9e9e"), Qt.BrushStyle.BDiagPattern))
                p.drawRect(QRectF(x, bar.top(), w, bar.height()))
                x, unknown = x + w, 0
            elif part.count:
                w = bar.width() * part.count / self._decided
                p.setBrush(QColor(part.colour))
                p.drawRect(QRectF(x, bar.top(), w, bar.height()))
                x += w

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):   # the whole text of a shortened one
            pos = QPointF(e.pos())
            hit = next((t for t in self._texts(self._geometry()) if t.rect.contains(pos) and t.elided), None)
            if hit is not None:
                QToolTip.showText(e.globalPos(), hit.text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)
