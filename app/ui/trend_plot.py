"""Trend plots: one small plot per item, stacked, sharing one time axis.

Each hospital has its own colour and symbol (listed in the legend); a recognized result is
a filled symbol, a reference-only one hollow; an abnormal one gets a red ring. Each point's
own reference range is a faint vertical bar behind it, because hospitals' ranges differ.
The item's recognition window is a green band up to today, never narrower than a symbol, so
that a 14-day window still shows on a plot of years. Results a few days apart, which would
hide one another there, are set side by side on screen (`trend_dodge`); hovering lists every
result under the pointer with its exact date and value. The time axis speaks the interface's
language (`trend_axis`). Only the time axis zooms and pans: values keep their scale so that a
doctor compares like with like.

Imported only when the Trends tab is first shown (pyqtgraph costs start-up time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.services.trends import TrendPoint, TrendSeries
from app.ui import verdict_text
from app.ui.item_names import item_name
from app.ui.trend_axis import LocalDateAxis
from app.ui.trend_dodge import dodge

pg.setConfigOptions(antialias=True, useOpenGL=False)

COLOURS = ("#1f6fb4", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#5c940d", "#e67700")
SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "t1")
ABNORMAL = "#e03131"
SYMBOL_PX = 10
DODGE_GAP_PX = 12          # symbols side by side: their width and a little air (the red ring is wider)
DODGE_MAX_PX = 18          # never further from their date than this on screen
DODGE_LIMIT = 300          # above this many points a series is read as a line: left as it is
RANGE_BAR_PX = 6           # a result's reference range: a bar narrower than its symbol
BAND_MIN_PX = 8            # the recognition window is never drawn narrower (less than a symbol)
TIP_LIMIT = 8              # a hover lists at most this many results


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


def points_tip(series: TrendSeries, indexes: Sequence[int], tz: ZoneInfo) -> str:
    """What hovering says when the pointer is on one or more results: each of them, oldest first."""
    chosen = sorted(set(indexes))
    tips = [point_tip(series, series.points[i], tz) for i in chosen[:TIP_LIMIT]]
    if len(chosen) > TIP_LIMIT:
        tips.append(QCoreApplication.translate("TrendPlot", "and {n} more: zoom in or see the table").format(
            n=len(chosen) - TIP_LIMIT))
    return "\n\n".join(tips)


@dataclass
class _Drawn:
    """One series' items on its plot, and their data: redrawn where points would overlap."""

    series: TrendSeries
    xs: np.ndarray                       # the results' real times
    ys: np.ndarray
    band: pg.LinearRegionItem
    window: tuple[float, float]          # the recognition window's real start and end
    line: pg.PlotDataItem | None = None
    scatter: pg.ScatterPlotItem | None = None
    style: dict[str, Any] = field(default_factory=dict)
    rings: pg.ScatterPlotItem | None = None
    abnormal: list[int] = field(default_factory=list)
    bars: pg.BarGraphItem | None = None
    ranged: list[int] = field(default_factory=list)
    scale: tuple[float, float] = (0.0, 0.0)   # data units per pixel the layout was made for


class TrendPlot(pg.GraphicsLayoutWidget):
    def __init__(self, tz: ZoneInfo, parent=None) -> None:  # noqa: ANN001 - QWidget | None
        super().__init__(parent)
        self.setBackground("w")
        self.tz = tz
        self.plots: dict[str, pg.PlotItem] = {}
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        self.bands: dict[str, pg.LinearRegionItem] = {}
        self.series: dict[str, TrendSeries] = {}
        self.hospital_style: dict[str, tuple[str, str]] = {}
        self._drawn: dict[str, _Drawn] = {}

    def _offset(self) -> int:
        # an aware datetime (a ZoneInfo) always has an offset; utcoffset() is None only for naive ones
        return -int((datetime.now(self.tz).utcoffset() or timedelta()).total_seconds())

    def show_series(self, series: Sequence[TrendSeries]) -> None:
        self.clear()
        self.plots, self.scatters, self.bands, self.series, self._drawn = {}, {}, {}, {}, {}
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
            axis = LocalDateAxis(orientation="bottom", utcOffset=self._offset())
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
                low, high = plot.vb.viewRange()[1]
                air = (high - low) * 0.08   # room for the symbols and rings at the top and bottom
                plot.setYRange(low - air, high + air, padding=0)
        for code, plot in self.plots.items():
            plot.vb.sigTransformChanged.connect(lambda _vb, code=code: self._relayout(code))
            self._relayout(code)

    def _draw(self, plot: pg.PlotItem, s: TrendSeries) -> None:
        today_end = datetime.combine(s.today, time(), self.tz).timestamp() + 86400
        since = datetime.combine(s.recognizable_since, time(), self.tz).timestamp()
        band = pg.LinearRegionItem((since, today_end), movable=False, brush=pg.mkBrush(46, 160, 67, 55),
                                   pen=pg.mkPen(46, 160, 67, 170, width=1))
        band.setZValue(-20)
        plot.addItem(band)
        self.bands[s.item.code] = band
        xs = np.array([p.when.timestamp() for p in s.points], dtype=float)
        ys = np.array([p.value for p in s.points], dtype=float)
        drawn = self._drawn[s.item.code] = _Drawn(s, xs, ys, band, (since, today_end))
        if not s.points:
            return
        # Years of daily values: draw only what is in view, downsampled to the screen's pixels.
        drawn.line = line = plot.plot(xs, ys, pen=pg.mkPen("#adb5bd", width=1), skipFiniteCheck=True)
        line.setClipToView(True)
        line.setDownsampling(auto=True, method="peak")
        drawn.ranged = [i for i, p in enumerate(s.points) if p.low is not None and p.high is not None]
        ranged = [s.points[i] for i in drawn.ranged]
        if len(ranged) > 300:
            # Years of daily values: the ranges become one band (one polygon), which is what the
            # eye reads at that density anyway, and costs one fill instead of thousands of bars.
            rx = xs[drawn.ranged]
            low = pg.PlotDataItem(rx, np.array([p.low for p in ranged]), pen=None)
            high = pg.PlotDataItem(rx, np.array([p.high for p in ranged]), pen=None)
            fill = pg.FillBetweenItem(low, high, brush=pg.mkBrush(46, 160, 67, 50))
            fill.setZValue(-10)
            plot.addItem(fill)
            drawn.ranged = []
        elif ranged:
            # Filled rectangles, not stroked lines: a thick translucent pen costs ~10 ms a bar to raster.
            # Their width follows the zoom (`_relayout`).
            drawn.bars = pg.BarGraphItem(x=xs[drawn.ranged], y0=np.array([p.low for p in ranged]),
                                         y1=np.array([p.high for p in ranged]), width=86400,
                                         brush=pg.mkBrush(46, 160, 67, 70), pen=pg.mkPen(None))
            drawn.bars.setZValue(-10)
            plot.addItem(drawn.bars)
        drawn.abnormal = [i for i, p in enumerate(s.points) if p.abnormal]
        if drawn.abnormal:
            drawn.rings = pg.ScatterPlotItem(xs[drawn.abnormal], ys[drawn.abnormal], size=17, symbol="o",
                                             pen=pg.mkPen(ABNORMAL, width=2), brush=None)
            plot.addItem(drawn.rings)
        # One scatter for all hospitals, symbol/pen/brush per point: pyqtgraph renders each
        # distinct symbol once, and one item paints far faster than one per hospital.
        styles = [self.hospital_style[p.hospital] for p in s.points]
        pens = {c: pg.mkPen(c, width=2) for c, _ in self.hospital_style.values()}
        fills = {c: pg.mkBrush(c) for c, _ in self.hospital_style.values()}
        hollow = pg.mkBrush(255, 255, 255)
        drawn.style = {
            "size": SYMBOL_PX, "symbol": [sym for _, sym in styles], "pen": [pens[c] for c, _ in styles],
            "brush": [fills[c] if p.recognized else hollow for (c, _), p in zip(styles, s.points, strict=True)],
            "data": list(range(len(s.points)))}
        scatter = pg.ScatterPlotItem(xs, ys, hoverable=True, hoverPen=pg.mkPen("#000", width=2), **drawn.style)
        scatter.sigHovered.connect(lambda _item, points, _ev, s=s, vb=plot.vb: vb.setToolTip(
            points_tip(s, [int(p.data()) for p in points], self.tz) if len(points) else ""))
        plot.addItem(scatter)
        drawn.scatter = self.scatters[s.item.code] = scatter

    def _relayout(self, code: str) -> None:
        """The time scale changed (zoom, resize): keep the band visible and close results apart.

        Panning keeps the scale, so it costs nothing here."""
        drawn, plot = self._drawn.get(code), self.plots.get(code)
        if drawn is None or plot is None:
            return
        per_px = plot.vb.viewPixelSize()
        if not (per_px[0] > 0 and per_px[1] > 0) or np.allclose(per_px, drawn.scale, rtol=1e-6, atol=0):
            return
        drawn.scale = per_px
        since, end = drawn.window
        drawn.band.setRegion((min(since, end - BAND_MIN_PX * per_px[0]), end))
        if drawn.bars is not None:
            drawn.bars.setOpts(width=RANGE_BAR_PX * per_px[0])   # a bar, not a block, at any zoom
        if drawn.scatter is None or len(drawn.xs) > DODGE_LIMIT:
            return
        shown = dodge(drawn.xs / per_px[0], drawn.ys / per_px[1], DODGE_GAP_PX, DODGE_MAX_PX) * per_px[0]
        drawn.scatter.setData(x=shown, y=drawn.ys, **drawn.style)
        if drawn.line is not None:
            drawn.line.setData(shown, drawn.ys)
        if drawn.rings is not None:
            drawn.rings.setData(x=shown[drawn.abnormal], y=drawn.ys[drawn.abnormal])
        if drawn.bars is not None:
            drawn.bars.setOpts(x=shown[drawn.ranged])

    def shown_x(self, code: str) -> np.ndarray:
        """Where the results of an item are drawn now (times, seconds): at their dates, or beside them."""
        scatter = self.scatters[code]
        return np.asarray(scatter.data["x"], dtype=float)

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
