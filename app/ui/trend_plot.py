"""Trend plots: one small plot per item, stacked, sharing one time axis.

Each hospital has its own colour and symbol (listed in the legend); a recognized result is
a filled symbol, a reference-only one hollow; an abnormal one gets a red ring. Each point's
own reference range is a faint vertical bar behind it, because hospitals' ranges differ.
The item's recognition window is shaded up to today. Only the time axis zooms and pans:
values keep their scale so that a doctor compares like with like.

Imported only when the Trends tab is first shown (pyqtgraph costs start-up time).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.services.trends import TrendPoint, TrendSeries
from app.ui import verdict_text
from app.ui.item_names import item_name

pg.setConfigOptions(antialias=True, useOpenGL=False)

COLOURS = ("#1f6fb4", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#5c940d", "#e67700")
SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "t1")
ABNORMAL = "#e03131"


def point_tip(series: TrendSeries, p: TrendPoint, tz: ZoneInfo) -> str:
    """What hovering a point says: value, date, hospital, its recognition, and any conversion."""
    lines = [f"{item_name(series.item)}  {p.value:.4g} {p.unit}",
             p.when.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
             p.hospital,
             verdict_text.badge_text(p.verdict) + ("" if p.recognized else " — " + verdict_text.reason_text(p.verdict))]
    if p.converted:
        lines.append(QCoreApplication.translate("TrendPlot", "converted from {value:g} {unit}").format(
            value=p.original_value, unit=p.original_unit))
    if p.low is not None or p.high is not None:
        low = "" if p.low is None else f"{p.low:.4g}"
        high = "" if p.high is None else f"{p.high:.4g}"
        lines.append(QCoreApplication.translate("TrendPlot", "reference range {low}–{high}").format(low=low, high=high))
    return "\n".join(lines)


class TrendPlot(pg.GraphicsLayoutWidget):
    def __init__(self, tz: ZoneInfo, parent=None) -> None:  # noqa: ANN001 - QWidget | None
        super().__init__(parent)
        self.setBackground("w")
        self.tz = tz
        self.plots: dict[str, pg.PlotItem] = {}
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        self.series: dict[str, TrendSeries] = {}
        self.hospital_style: dict[str, tuple[str, str]] = {}

    def _offset(self) -> int:
        # an aware datetime (a ZoneInfo) always has an offset; utcoffset() is None only for naive ones
        return -int((datetime.now(self.tz).utcoffset() or timedelta()).total_seconds())

    def show_series(self, series: Sequence[TrendSeries]) -> None:
        self.clear()
        self.plots, self.scatters, self.series = {}, {}, {}
        hospitals = list(dict.fromkeys(h for s in series for h in s.hospitals))
        self.hospital_style = {h: (COLOURS[i % len(COLOURS)], SYMBOLS[i % len(SYMBOLS)])
                               for i, h in enumerate(hospitals)}
        # One legend for all plots, in a row of its own above them: it never hides a point.
        self.legend = pg.LegendItem(colCount=min(len(hospitals), 4) or 1, labelTextColor="#333")
        self.addItem(self.legend, row=0, col=0)
        for hospital, (colour, symbol) in self.hospital_style.items():
            sample = pg.ScatterPlotItem(symbol=symbol, pen=pg.mkPen(colour, width=2), brush=pg.mkBrush(colour), size=10)
            self.legend.addItem(sample, hospital)
        first = None
        for row, s in enumerate(series, start=1):
            axis = pg.DateAxisItem(orientation="bottom", utcOffset=self._offset())
            plot = self.addPlot(row=row, col=0, axisItems={"bottom": axis})
            plot.setMenuEnabled(False)
            # No grid: the reference-range bars and the recognition band are the context, and a
            # translucent grid cost 40% of each pan frame.
            window = QCoreApplication.translate("TrendPlot", "recognition window {days} days").format(
                days=s.item.window_days)
            plot.setTitle(f"{item_name(s.item)} ({s.unit}) · <span style='color:#2b8a3e'>{window}</span>", size="9pt",
                          color="#333", justify="left")
            plot.getAxis("left").setWidth(42)
            if row < len(series):
                plot.hideAxis("bottom")   # one time scale, under the last plot
            plot.vb.setMouseEnabled(x=True, y=False)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            self._draw(plot, s)
            self.plots[s.item.code] = plot
            self.series[s.item.code] = s
        if first is not None:
            self.fit_time()
            for plot in self.plots.values():
                # Values keep the scale they opened with: panning through time must not rescale them
                # (and re-measuring thousands of points per frame cost a tenth of each pan frame).
                plot.enableAutoRange(y=True)
                plot.vb.updateAutoRange()
                plot.enableAutoRange(y=False)

    def _draw(self, plot: pg.PlotItem, s: TrendSeries) -> None:
        today_start = datetime.combine(s.today, time(), self.tz).timestamp()
        since = datetime.combine(s.recognizable_since, time(), self.tz).timestamp()
        window = pg.LinearRegionItem((since, today_start + 86400), movable=False,
                                     brush=pg.mkBrush(46, 160, 67, 28), pen=pg.mkPen(None))
        window.setZValue(-20)
        plot.addItem(window)
        if not s.points:
            return
        xs = np.array([p.when.timestamp() for p in s.points])
        ys = np.array([p.value for p in s.points])
        # Years of daily values: draw only what is in view, downsampled to the screen's pixels.
        line = plot.plot(xs, ys, pen=pg.mkPen("#adb5bd", width=1), skipFiniteCheck=True)
        line.setClipToView(True)
        line.setDownsampling(auto=True, method="peak")
        ranged = [(x, p) for x, p in zip(xs, s.points, strict=True) if p.low is not None and p.high is not None]
        if len(ranged) > 300:
            # Years of daily values: the ranges become one band (one polygon), which is what the
            # eye reads at that density anyway, and costs one fill instead of thousands of bars.
            rx = np.array([x for x, _ in ranged])
            low = pg.PlotDataItem(rx, np.array([p.low for _, p in ranged]), pen=None)
            high = pg.PlotDataItem(rx, np.array([p.high for _, p in ranged]), pen=None)
            band = pg.FillBetweenItem(low, high, brush=pg.mkBrush(46, 160, 67, 50))
            band.setZValue(-10)
            plot.addItem(band)
        elif ranged:
            # Filled rectangles, not stroked lines: a thick translucent pen costs ~10 ms a bar to raster.
            width = max((xs[-1] - xs[0]) / 150, 3600 * 12) if len(xs) > 1 else 86400
            bars = pg.BarGraphItem(x=np.array([x for x, _ in ranged]), y0=np.array([p.low for _, p in ranged]),
                                   y1=np.array([p.high for _, p in ranged]), width=width,
                                   brush=pg.mkBrush(46, 160, 67, 70), pen=pg.mkPen(None))
            bars.setZValue(-10)
            plot.addItem(bars)
        abnormal = [i for i, p in enumerate(s.points) if p.abnormal]
        if abnormal:
            plot.addItem(pg.ScatterPlotItem(xs[abnormal], ys[abnormal], size=17, symbol="o",
                                            pen=pg.mkPen(ABNORMAL, width=2), brush=None))
        # One scatter for all hospitals, symbol/pen/brush per point: pyqtgraph renders each
        # distinct symbol once, and one item paints far faster than one per hospital.
        styles = [self.hospital_style[p.hospital] for p in s.points]
        pens = {c: pg.mkPen(c, width=2) for c, _ in self.hospital_style.values()}
        fills = {c: pg.mkBrush(c) for c, _ in self.hospital_style.values()}
        hollow = pg.mkBrush(255, 255, 255)
        scatter = pg.ScatterPlotItem(
            xs, ys, size=10, symbol=[sym for _, sym in styles], pen=[pens[c] for c, _ in styles],
            brush=[fills[c] if p.recognized else hollow for (c, _), p in zip(styles, s.points, strict=True)],
            data=list(range(len(s.points))), hoverable=True, hoverPen=pg.mkPen("#000", width=2),
            tip=lambda x, y, data, s=s: point_tip(s, s.points[data], self.tz))
        plot.addItem(scatter)
        self.scatters[s.item.code] = scatter

    def fit_time(self) -> None:
        """All results and the recognition window in view."""
        xs = [p.when.timestamp() for s in self.series.values() for p in s.points]
        starts = [datetime.combine(s.recognizable_since, time(), self.tz).timestamp() for s in self.series.values()]
        ends = [datetime.combine(s.today, time(), self.tz).timestamp() + 86400 for s in self.series.values()]
        low, high = min(xs + starts), max(xs + ends)
        margin = (high - low) * 0.04 or 86400
        first = next(iter(self.plots.values()), None)
        if first is not None:
            first.setXRange(low - margin, high + margin, padding=0)

    def legend_colour(self, hospital: str) -> QColor:
        return QColor(self.hospital_style[hospital][0])
