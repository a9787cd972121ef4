"""The Trends tab on the demo platform: glucose from mg/dL and mmol/L hospitals as one series."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication

from app.services.trends import CSV_HEADER
from app.ui import language
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def _chart(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    return window


def _hover(qtbot, plot, code, index, expect):
    """Move the mouse onto result `index` where it is drawn; the plot's tooltip once it says `expect`."""
    vb = plot.plots[code].vb
    where = QPointF(plot.shown_x(code)[index], plot.series[code].points[index].value)
    view_pos = plot.mapFromScene(vb.mapViewToScene(where))
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(view_pos), QPointF(plot.viewport().mapToGlobal(view_pos)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)

    def moved_there() -> bool:   # pyqtgraph's scene takes hovers at a limited rate: move again until it has
        QApplication.sendEvent(plot.viewport(), move)
        qtbot.wait(20)
        return expect in vb.toolTip()

    qtbot.waitUntil(moved_there, timeout=3000)
    return vb.toolTip()


def _trend(qtbot, make_window, demo_platform, *codes):
    """The showcase chart's Trends tab at 1366×768, plotting `codes`."""
    window = _chart(qtbot, make_window, demo_platform)
    window.resize(1366, 768)
    trends = window.chart.trends
    window.chart.tabs.setCurrentWidget(trends)
    trends.choose(list(codes))
    qtbot.waitUntil(lambda: trends.plot is not None and trends.plot.isVisible() and trends.plot.width() > 500,
                    timeout=5000)
    qtbot.wait(50)
    return window, trends


def _pixels_per_second(plot, code):
    return 1 / plot.plots[code].vb.viewPixelSize()[0]


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
    qtbot.waitUntil(lambda: plot.isVisible() and plot.width() > 200, timeout=3000)
    qtbot.wait(50)
    tip = _hover(qtbot, plot, "LAB-GLU", len(series.points) - 1, newest.hospital)
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


# -- the axis in the interface's language, the recognition window, results close in time -----------------

@pytest.fixture
def interface_language():
    """Switch the interface's language (as the menu does, without keeping it); English again afterwards."""
    before = QLocale()

    def switch(lang):
        language.apply_language(lang)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    yield switch
    language.remove_translations()
    QLocale.setDefault(before)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _axis_labels(trends, code):
    """The labels the time axis draws now (pyqtgraph's own drawing, less the ones that would overlap)."""
    axis = trends.plot.plots[code].getAxis("bottom")
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def _months_of_2026(trends, code):
    """February to Christmas 2026 in view: months, and no new year."""
    start, end = datetime(2026, 2, 8, tzinfo=ANCHOR.tzinfo), datetime(2026, 12, 25, tzinfo=ANCHOR.tzinfo)
    trends.plot.plots[code].setXRange(start.timestamp(), end.timestamp(), padding=0)
    return _axis_labels(trends, code)


def test_the_time_axis_speaks_the_interface_language(qtbot, make_window, demo_platform, interface_language):
    _window, trends = _trend(qtbot, make_window, demo_platform, "LAB-GLU")
    for lang, years, months in (
        ("zh_CN", {"2024年", "2025年", "2026年"}, ["2026年3月", "4月", "5月", "8月", "10月", "12月"]),
        ("id", {"2024", "2025", "2026"}, ["Mar 2026", "Mei", "Agu", "Okt", "Des"]),
        ("en", {"2024", "2025", "2026"}, ["Mar 2026", "May", "Aug", "Oct", "Dec"]),
    ):
        interface_language(lang)
        qtbot.wait(20)
        trends.plot.fit_time()                                   # the whole period: years
        assert years <= set(_axis_labels(trends, "LAB-GLU")), lang
        labels = _months_of_2026(trends, "LAB-GLU")
        assert labels[0] == months[0], (lang, labels)            # the first month says the year
        assert set(months) <= set(labels), (lang, labels)
        assert not {"Mar", "May", "Aug", "Oct", "Dec"} & set(labels) or lang == "en", (lang, labels)


def test_the_recognition_window_is_a_band_of_visible_width(qtbot, make_window, demo_platform):
    _window, trends = _trend(qtbot, make_window, demo_platform, "LAB-GLU")
    plot, (series,) = trends.plot, trends.series
    item, band = plot.plots["LAB-GLU"], plot.bands["LAB-GLU"]
    since = datetime.combine(series.recognizable_since, time(), ANCHOR.tzinfo).timestamp()
    end = datetime.combine(series.today, time(), ANCHOR.tzinfo).timestamp() + 86400
    assert (end - since) / 86400 == series.item.window_days + 1 == 15     # 14 days back, and today

    # Three years in view: the window is a band the eye sees, ending today, covering the whole window.
    plot.fit_time()
    qtbot.wait(20)
    low, high = band.getRegion()
    width_px = (high - low) * _pixels_per_second(plot, "LAB-GLU")
    assert high == pytest.approx(end) and low <= since + 1 and width_px >= 8
    image = plot.grab().toImage()
    y = sum(item.vb.viewRange()[1]) / 2
    for x in (low + (high - low) * 0.2, (low + high) / 2, low + (high - low) * 0.8):   # filled across its width
        colour = image.pixelColor(plot.mapFromScene(item.vb.mapViewToScene(QPointF(x, y))))
        assert colour.green() > colour.red() + 20 and colour.green() > colour.blue() + 10, colour.name()
    outside = image.pixelColor(plot.mapFromScene(item.vb.mapViewToScene(QPointF(low - 30 / _pixels_per_second(
        plot, "LAB-GLU"), y))))
    assert outside.green() - outside.red() < 10, outside.name()          # and not beside it

    # Ten years in view, where 15 days are 3 pixels: still a band as wide as a symbol, ending today.
    item.setXRange(end - 10 * 365 * 86400, end + 100 * 86400, padding=0)
    qtbot.wait(20)
    low, high = band.getRegion()
    assert high == pytest.approx(end) and (high - low) * _pixels_per_second(plot, "LAB-GLU") == pytest.approx(8)
    assert (end - since) * _pixels_per_second(plot, "LAB-GLU") < 4

    # Zoomed in, it is exactly the window: the 14 days before today.
    item.setXRange(since - 30 * 86400, end + 5 * 86400, padding=0)
    qtbot.wait(20)
    assert band.getRegion() == pytest.approx((since, end))
    assert (end - since) * _pixels_per_second(plot, "LAB-GLU") > 100


def test_results_days_apart_are_drawn_side_by_side_with_their_exact_dates(qtbot, make_window, demo_platform):
    _window, trends = _trend(qtbot, make_window, demo_platform, "LAB-GLU")
    plot, (series,) = trends.plot, trends.series
    plot.fit_time()
    qtbot.wait(20)
    points = series.points
    xs = [p.when.timestamp() for p in points]
    per_s = _pixels_per_second(plot, "LAB-GLU")
    # Two hospitals' results 11 days apart, at nearly the same value: one blot at their real dates.
    i = next(k for k in range(len(points) - 1)
             if (xs[k + 1] - xs[k]) * per_s < 10 and abs(points[k + 1].value - points[k].value) < 0.5)
    first, second = points[i], points[i + 1]
    assert first.hospital != second.hospital
    shown = plot.shown_x("LAB-GLU")
    assert (shown[i + 1] - shown[i]) * per_s >= 11.9                 # side by side, a symbol apart
    assert abs((shown[i] + shown[i + 1]) / 2 - (xs[i] + xs[i + 1]) / 2) * per_s < 0.5   # around their dates
    assert list(plot.scatters["LAB-GLU"].data["y"]) == [p.value for p in points]      # values never move

    # Hovering either says exactly which result it is: its own date and value, not its neighbour's.
    for k, other in ((i, i + 1), (i + 1, i)):
        day = points[k].when.astimezone(ANCHOR.tzinfo).strftime("%Y-%m-%d")
        tip = _hover(qtbot, plot, "LAB-GLU", k, day)
        assert f"{points[k].value:.4g}" in tip and points[k].hospital in tip
        assert points[other].when.astimezone(ANCHOR.tzinfo).strftime("%Y-%m-%d") not in tip
    # The table keeps the exact dates too.
    model = trends.table_model
    dates = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert {p.when.astimezone(ANCHOR.tzinfo).strftime("%Y-%m-%d") for p in (first, second)} <= dates

    # Zoomed in, with room to spare, every result is at its own date again.
    plot.plots["LAB-GLU"].setXRange(xs[i] - 20 * 86400, xs[i + 1] + 20 * 86400, padding=0)
    qtbot.wait(20)
    assert list(plot.shown_x("LAB-GLU")) == pytest.approx(xs)


def test_hovering_a_crowd_lists_every_result_under_the_pointer(qtbot, make_window, demo_platform):
    _window, trends = _trend(qtbot, make_window, demo_platform, "LAB-GLU")
    plot, (series,) = trends.plot, trends.series
    # Nine results of one morning (an hour apart): too many to set side by side within a symbol's reach.
    newest = series.points[-1]
    crowd = replace(series, points=(*series.points[:-1], *(
        replace(newest, when=newest.when + timedelta(hours=h), value=newest.value + 0.01 * h) for h in range(9))))
    plot.show_series([crowd])
    qtbot.wait(20)
    middle = len(crowd.points) - 5
    times = [p.when.astimezone(ANCHOR.tzinfo).strftime("%Y-%m-%d %H:%M") for p in crowd.points]
    tip = _hover(qtbot, plot, "LAB-GLU", middle, times[middle])
    listed = [t for t in times if t in tip]
    assert len(listed) >= 2                                          # every result under the pointer, not one
    assert [tip.index(t) for t in listed] == sorted(tip.index(t) for t in listed)     # oldest first
    assert all(f"{crowd.points[times.index(t)].value:.4g}" in tip for t in listed)  # each with its own value
    assert "others" not in tip                                       # pyqtgraph's own cut-off, untranslated
