"""The window never shows an answer it knows to be incomplete as complete."""

from __future__ import annotations

import dataclasses
import json

import pytest

from app.config import SiteConfig, SourceConfig
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site, open_showcase_chart, search_resident_id


@pytest.fixture(scope="module")
def capped_platform(tmp_path_factory):
    """A conformant server that stops paging after 20 matches: the showcase chart has more."""
    from app.sandbox.conformance import MINIMAL
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("capped"), anchor=ANCHOR, images=False,
                           conformance=dataclasses.replace(MINIMAL, max_results=20)).start()
    yield server
    server.stop()


def test_a_chart_cut_short_is_amber_everywhere_and_never_green(qtbot, make_window, capped_platform):
    window = make_window(demo_site(capped_platform.fhir_base), now=ANCHOR)
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    search_resident_id(qtbot, window, SHOWCASE_RESIDENT_ID)
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=30_000)
    status = window.chart.source_status
    (outcome,) = status.outcomes()
    assert outcome.state.value == "partial"
    text = status.text()
    # 20 DiagnosticReports (the server's cap) and the printed report shared only as a DocumentReference
    assert "showing 21 of" in text and "no further page" in text
    assert "✓" not in text and "#1b7f3b" not in text     # neither the tick nor the green of a whole answer
    assert window.chart.reports.list_model.rowCount() == 21
    assert "incomplete" in window.chart.banner.details.text()
    assert window.chart.incomplete_sources == ["演示平台"]

    from app.ui.order_dialog import OrderDialog

    dialog = OrderDialog(window.station, window.chart.person, window.chart.assessed_reports, window,
                         incomplete=window.chart.incomplete_sources)
    qtbot.addWidget(dialog)
    dialog.choose("LAB-TSH")
    dialog.check_priors()
    assert "演示平台" in dialog.incomplete_label.text() and "may be missing" in dialog.incomplete_label.text()


def test_a_complete_chart_says_nothing_is_missing(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    assert "✓" in window.chart.source_status.text()
    assert "incomplete" not in window.chart.banner.details.text()
    assert window.chart.incomplete_sources == []


def test_a_patient_without_reports_is_not_loading_forever(qtbot, make_window, tmp_path):
    """'Records at: loading…' used to stay when no report named a hospital: now it says none were found."""
    from app.sandbox.server import SandboxServer

    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
        "resourceType": "Patient", "id": "p1", "name": [{"text": "王五"}],
        "identifier": [{"system": "https://fhir.huren.cn/sid/cn-resident-id", "value": "11010519491231002X"}]}}]}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    with SandboxServer(tmp_path / "data", demo=False, images=False, load=[path]) as server:
        window = make_window(SiteConfig((SourceConfig("x", server.fhir_base, label="平台"),), demo=True))
        search_resident_id(qtbot, window, "11010519491231002X")
        qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=15_000)
        details = window.chart.banner.details.text()
        assert "none found" in details and "loading" not in details
