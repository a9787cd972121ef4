"""The Trends tab on the demo platform: glucose from mg/dL and mmol/L hospitals as one series."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.services.trends import CSV_HEADER
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def _chart(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    return window


def _glucose_row(window):
    """A report with a glucose result, and the result's row in the report's table."""
    view = window.chart.reports
    for row in range(view.list_model.rowCount()):
        view.select_report(row)
        for r in range(view.result_model.rowCount()):
            _result, verdict = view.result_model.row(r)
            if verdict.item is not None and verdict.item.code == "LAB-GLU":
                return r
    raise AssertionError("no glucose result")


def test_glucose_across_units_plots_as_one_series_with_hover_and_export(qtbot, make_window, demo_platform, tmp_path):
    window = _chart(qtbot, make_window, demo_platform)
    row = _glucose_row(window)
    window.chart.reports.request_trend(row)           # what a double click on the result does
    trends = window.chart.trends
    assert window.chart.tabs.currentWidget() is trends and trends.chosen_codes() == ["LAB-GLU"]
    (series,) = trends.series
    assert series.unit == "mmol/L" and any(p.converted for p in series.points)
    assert "converted" in trends.notes.text() and "mg/dL" in trends.notes.text()

    plot = trends.plot
    scatter = plot.scatters["LAB-GLU"]
    assert len(scatter.data) == len(series.points)
    symbols = {p.hospital: sym for p, sym in zip(series.points, scatter.data["symbol"], strict=True)}
    assert len(set(symbols.values())) == len(series.hospitals)      # a symbol per hospital
    assert {item[1].text for item in plot.legend.items} == set(series.hospitals)

    # Hover the newest point: the tooltip names its hospital and its mark (or why it is reference only).
    newest = series.points[-1]
    vb = plot.plots["LAB-GLU"].vb
    qtbot.waitUntil(lambda: plot.isVisible() and plot.width() > 200, timeout=3000)
    qtbot.wait(50)
    view_pos = plot.mapFromScene(vb.mapViewToScene(QPointF(newest.when.timestamp(), newest.value)))
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(view_pos), QPointF(plot.viewport().mapToGlobal(view_pos)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(plot.viewport(), move)
    qtbot.waitUntil(lambda: newest.hospital in vb.toolTip(), timeout=3000)
    tip = vb.toolTip()
    assert (newest.mark in tip) if newest.recognized else ("Reference only" in tip)

    out = tmp_path / "trend.csv"
    trends.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8").lstrip("\ufeff"))))
    assert list(rows[0].keys()) == list(CSV_HEADER)
    assert [(r["date"], float(r["value"]), r["hospital"]) for r in rows] == \
        [(p.when.isoformat(), float(f"{p.value:.6g}"), p.hospital) for p in series.points]
    png = tmp_path / "trend.png"
    assert trends.export_png(png) and png.stat().st_size > 5000
    trends.table_button.click()
    assert trends.table_model.rowCount() == len(series.points)


def test_a_panel_plots_as_small_multiples_on_one_time_axis(qtbot, make_window, demo_platform):
    window = _chart(qtbot, make_window, demo_platform)
    trends = window.chart.trends
    window.chart.tabs.setCurrentWidget(trends)
    row = trends.panel.findData("lipids")
    assert row > 0
    trends.panel.activated.emit(row)
    codes = trends.chosen_codes()
    assert len(codes) >= 2 and all(c in trends.plot.plots for c in codes)
    plots = [trends.plot.plots[c] for c in codes]
    plots[0].setXRange(ANCHOR.timestamp() - 86400 * 100, ANCHOR.timestamp(), padding=0)
    first = plots[0].vb.viewRange()[0]
    span = first[1] - first[0]
    # Linked views share the time range (to the sub-pixel rounding of their widths).
    assert all(p.vb.viewRange()[0] == pytest.approx(first, abs=span * 0.002) for p in plots[1:])
