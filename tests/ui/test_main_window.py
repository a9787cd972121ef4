"""The doctor's path through the real window, against the demo platform over HTTP."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.config import SourceConfig
from app.services.lookup import SourceState
from app.ui.report_models import ResultTableModel
from tests.conftest import ANCHOR
from tests.helpers.servers import SilentServer, failing_server
from tests.ui.conftest import demo_site, search_resident_id


def _all_rows(window):
    """Every (result, verdict) of every report in the open chart, through the views' models."""
    lm = window.chart.reports.list_model
    rows = []
    for r in range(lm.rowCount()):
        window.chart.reports.select_report(r)
        rm = window.chart.reports.result_model
        rows += [(r, i, rm) for i in range(rm.rowCount())]
    return rows


def test_search_open_and_read_badges(qtbot, make_window, demo_platform):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    assert window.demo_banner.isVisible() and "DEMO" in window.demo_banner.text()
    search_resident_id(qtbot, window, SHOWCASE_RESIDENT_ID)
    qtbot.waitUntil(lambda: window.chart.person is not None, timeout=15_000)
    qtbot.waitUntil(lambda: window.chart.reports.list_model.rowCount() > 0 and not window.runner.busy, timeout=15_000)

    banner = window.chart.banner.headline.text() + window.chart.banner.details.text()
    assert window.chart.person.primary.name in banner
    assert SHOWCASE_RESIDENT_ID not in banner  # the full ID is never shown
    assert SHOWCASE_RESIDENT_ID[-4:] in banner

    recognized = reference = None
    for report_row, i, rm in _all_rows(window):
        window.chart.reports.select_report(report_row)
        badge = rm.index(i, ResultTableModel.BADGE)
        text, tip = badge.data(), badge.data(Qt.ItemDataRole.ToolTipRole)
        why = rm.index(i, ResultTableModel.WHY).data()
        if recognized is None and "HR" in text:
            recognized = (text, tip, why)
        if reference is None and "days old, window" in why:
            reference = (text, tip, why)
    assert recognized is not None, "no recognized result shown"
    assert recognized[1].startswith("Recognized (") and "recognizable until" in recognized[1]
    assert recognized[2].startswith("Recognizable until 20")
    assert reference is not None, "no result shown as too old"
    assert reference[0] == "Reference only"
    assert "Reference only, because:" in reference[1] and reference[2] in reference[1]


def test_invalid_resident_id_is_refused_with_reason(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base))
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)  # the catalogue, loaded at start
    search_resident_id(qtbot, window, "110105194912310021")
    assert "check digit" in window.search_panel.message.text()
    assert window.search_panel.results.count() == 0
    assert not window.runner.busy  # nothing was sent


def test_failing_and_silent_sources_do_not_hide_the_working_one(qtbot, make_window, demo_platform):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    with failing_server(500) as broken, SilentServer() as silent:
        config = demo_site(demo_platform.fhir_base,
                           SourceConfig("broken", broken.fhir_base, label="坏平台"),
                           SourceConfig("silent", silent.fhir_base, label="无响应平台", timeout_seconds=3))
        window = make_window(config, now=ANCHOR)
        search_resident_id(qtbot, window, SHOWCASE_RESIDENT_ID)
        # The working source's patient and reports appear while the silent one is still waiting.
        qtbot.waitUntil(lambda: window.chart.reports.list_model.rowCount() > 0, timeout=10_000)
        states = {o.source: o.state for o in window.search_panel.source_status.outcomes()}
        assert states["silent"] is SourceState.WAITING
        assert states["broken"] is SourceState.FAILED
        assert "HTTP 500" in window.search_panel.source_status.text()
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
        states = {o.source: o.state for o in window.search_panel.source_status.outcomes()}
        assert states == {"demo": SourceState.OK, "broken": SourceState.FAILED, "silent": SourceState.TIMED_OUT}
        assert window.search_panel.results.count() == 1
        assert "no answer in time" in window.search_panel.source_status.text()
