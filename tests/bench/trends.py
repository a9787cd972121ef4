"""Trend plot benchmark: 10 years of daily values (3,650 points) for 5 items, drawn and panned.

Baseline, in the same run: the same points as one bare pyqtgraph scatter per item (no
hospitals, ranges, windows or hover), the least a plot of them can cost.
"""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


def _series(days: int = 3650, items: int = 5):
    from app.domain.catalogue import parse_catalogue
    from app.domain.models import RecordKey
    from app.domain.recognition import Verdict
    from app.resources import bundled_catalogue
    from app.services.trends import TrendPoint, TrendSeries

    catalogue = parse_catalogue(bundled_catalogue())
    codes = ["LAB-GLU", "LAB-TC", "LAB-TG", "LAB-CREA", "LAB-ALT"][:items]
    today = date(2026, 11, 20)
    verdict_ok = Verdict(item=None, findings=(), mark="鲁HR")
    hospitals = ["一院", "二院", "三院", "四院"]
    out = []
    for n, code in enumerate(codes):
        points = []
        for d in range(days):
            when = datetime.combine(today - timedelta(days=days - d), datetime.min.time(), TZ)
            value = 5 + n + (d % 97) / 50
            points.append(TrendPoint(when, value, "u", value, "u", False, "", hospitals[d % 4], verdict_ok,
                                     "H" if d % 29 == 0 else "", 4.0, 7.0, RecordKey("b", f"{code}{d}")))
        out.append(TrendSeries(catalogue.items[code], "u", tuple(points), (), today))
    return out


def bench_trends() -> list[tuple]:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from app.ui.trend_plot import TrendPlot

    app = QApplication.instance() or QApplication([])
    series = _series()

    def draw_ours():
        w = TrendPlot(TZ)
        w.resize(1200, 900)
        w.show()
        t = time.perf_counter()
        w.show_series(series)
        app.processEvents()
        w.viewport().repaint()
        return time.perf_counter() - t, w

    def draw_bare():
        w = pg.GraphicsLayoutWidget()
        w.resize(1200, 900)
        w.show()
        t = time.perf_counter()
        for i, s in enumerate(series):
            p = w.addPlot(row=i, col=0)
            p.addItem(pg.ScatterPlotItem(np.array([q.when.timestamp() for q in s.points]),
                                         np.array([q.value for q in s.points]), size=10))
        app.processEvents()
        w.viewport().repaint()
        return time.perf_counter() - t, w

    def closed_after(draw):
        t, w = draw()
        w.close()
        app.processEvents()
        return t, w

    ours = [closed_after(draw_ours) for _ in range(2)] + [draw_ours()]
    bare = [closed_after(draw_bare) for _ in range(2)] + [draw_bare()]

    def pan(w, plot) -> list[float]:
        lo, hi = plot.vb.viewRange()[0]
        width = (hi - lo) / 4
        plot.setXRange(lo, lo + width, padding=0)
        app.processEvents()
        frames = []
        for step in range(60):
            t = time.perf_counter()
            start = lo + step * width / 20
            plot.setXRange(start, start + width, padding=0)
            w.viewport().repaint()
            frames.append(time.perf_counter() - t)
        return frames

    ours_w, bare_w = ours[-1][1], bare[-1][1]
    bare_w.hide()
    ours_pan = pan(ours_w, next(iter(ours_w.plots.values())))
    ours_w.hide()
    bare_w.show()
    bare_pan = pan(bare_w, bare_w.getItem(0, 0))
    for _t, w in ours + bare:
        w.close()
    return [
        ("trends 5 × 3,650 points: first draw", statistics.median(t for t, _ in ours), "bare pyqtgraph scatter",
         statistics.median(t for t, _ in bare), ""),
        ("trends 5 × 3,650 points: pan frame, median", statistics.median(ours_pan), "bare pyqtgraph scatter",
         statistics.median(bare_pan), "target < 16 ms"),
    ]
