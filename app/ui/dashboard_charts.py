"""The dashboard's two charts: recognitions and repeats per period, and repeats per reason.

pyqtgraph draws them; imported only when the dashboard opens (start-up stays light). The
charts hold no figures of their own: the view hands them what `recognition_stats` computed,
and `counts()` reads back what is drawn (tests compare it with the service).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

RECOGNIZED_COLOUR = "#2e7d32"
REPEATED_COLOUR = "#ef6c00"
_MAX_TICKS = 12


class _Chart(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=False, y=False)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen("#616161"))
            axis.setTextPen(pg.mkPen("#212121"))
        self.setMinimumHeight(220)


class OverTimeChart(_Chart):
    """Side-by-side bars per period: recognized (green) and repeated (orange), with a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.showGrid(y=True, alpha=0.25)
        # The legend sits in the plot's title row, in a line above the bars: inside them it hid the
        # tops of the tallest ones (head room for it depended on the chart's height).
        self.legend = pg.LegendItem(colCount=2, labelTextColor="#212121")
        layout = self.plotItem.layout
        layout.removeItem(self.plotItem.titleLabel)
        self.plotItem.titleLabel.hide()
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)   # as wide as its entries
        layout.addItem(self.legend, 0, 1, alignment=Qt.AlignmentFlag.AlignRight)
        self.recognized_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=RECOGNIZED_COLOUR, pen=None)
        self.repeated_bars = pg.BarGraphItem(x=[], height=[], width=0.4, brush=REPEATED_COLOUR, pen=None)
        self.addItem(self.recognized_bars)
        self.addItem(self.repeated_bars)
        self._labels: list[str] = []

    def set_data(self, labels: Sequence[str], recognized: Sequence[int], repeated: Sequence[int],
                 names: tuple[str, str]) -> None:
        n = len(labels)
        x = np.arange(n, dtype=float)
        self._labels = list(labels)
        self.recognized_bars.setOpts(x=x - 0.2, height=np.asarray(recognized, dtype=float), width=0.4)
        self.repeated_bars.setOpts(x=x + 0.2, height=np.asarray(repeated, dtype=float), width=0.4)
        self.legend.clear()
        self.legend.addItem(self.recognized_bars, names[0])
        self.legend.addItem(self.repeated_bars, names[1])
        step = max(1, math.ceil(n / _MAX_TICKS))
        self.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, n, step)], []])
        top = max([*recognized, *repeated, 1])
        self.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        self.setYRange(0, top * 1.05, padding=0)

    def counts(self) -> tuple[list[int], list[int]]:
        """What is drawn: recognized and repeated per period."""
        def heights(bars: pg.BarGraphItem) -> list[int]:
            h = bars.opts.get("height")
            return [int(v) for v in (h if h is not None else [])]
        return heights(self.recognized_bars), heights(self.repeated_bars)

    def labels(self) -> list[str]:
        return list(self._labels)


class ReasonChart(_Chart):
    """Horizontal bars: repeats per reason, the first reason on top, each bar with its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.showGrid(x=True, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brush=REPEATED_COLOUR, pen=None)
        self.addItem(self.bars)
        self._texts: list[pg.TextItem] = []
        self._labels: list[str] = []
        self._counts: list[int] = []

    def set_data(self, labels: Sequence[str], counts: Sequence[int]) -> None:
        n = len(labels)
        y = np.arange(n - 1, -1, -1, dtype=float)   # the first reason at the top
        self._labels, self._counts = list(labels), [int(c) for c in counts]
        self.bars.setOpts(x0=np.zeros(n), y=y, height=0.6, width=np.asarray(counts, dtype=float))
        self.getAxis("left").setTicks([[(n - 1 - i, labels[i]) for i in range(n)], []])
        for item in self._texts:
            self.removeItem(item)
        self._texts = []
        top = max([*counts, 1])
        for i, count in enumerate(counts):
            # The longest bars carry their count inside their end (white): beside them it would run
            # past the plot's edge when long reason names leave the bars little room.
            inside = count >= top * 0.8
            text = pg.TextItem(str(count), color="#ffffff" if inside else "#212121", anchor=(1 if inside else 0, 0.5))
            text.setPos(count - top * 0.01 if inside else count + top * 0.01, n - 1 - i)
            self.addItem(text)
            self._texts.append(text)
        self.setXRange(0, top * 1.15, padding=0)
        self.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def counts(self) -> list[int]:
        """What is drawn, in the reasons' order (top to bottom)."""
        width = self.bars.opts.get("width")
        y = self.bars.opts.get("y")
        if width is None or y is None or not len(self._labels):
            return []
        n = len(self._labels)
        drawn = {int(round(n - 1 - yy)): int(w) for yy, w in zip(y, width, strict=True)}
        return [drawn.get(i, 0) for i in range(n)]

    def labels(self) -> list[str]:
        return list(self._labels)
