"""A first start on the demo offers the showcase patient: one click, and the chart shows what Huren is for.

The site config is the one the command line makes for the embedded demo (app.cli.demo_config):
the client learns the showcase patient from it, never from the sandbox.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.cli import demo_config
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site


def test_the_demo_offers_the_showcase_patient_and_a_click_opens_it(qtbot, make_window, demo_platform):
    window = make_window(demo_config(demo_platform.fhir_base), now=ANCHOR)
    hint = window.chart.banner.demo_hint
    qtbot.waitUntil(hint.isVisible)
    assert window.chart.person is None
    assert "张伟" in hint.text() and SHOWCASE_RESIDENT_ID in hint.text()

    qtbot.mouseClick(hint, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=30_000)
    assert window.chart.person.primary.resident_id == SHOWCASE_RESIDENT_ID
    assert window.chart.reports.list_model.rowCount() > 0
    assert window.search_panel.id_edit.text() == SHOWCASE_RESIDENT_ID   # searched as the doctor would
    assert not hint.isVisible()                                          # a patient is open: no hint

    window.chart.close_person()                                          # nobody open again: offered again
    assert hint.isVisible()


def test_no_hint_where_there_is_no_showcase_patient(qtbot, make_window, demo_platform):
    not_demo = replace(demo_config(demo_platform.fhir_base), demo=False)   # a hospital's own platform
    for config in (not_demo, demo_site(demo_platform.fhir_base)):          # ... or a demo that names none
        window = make_window(config, now=ANCHOR)
        qtbot.wait(20)
        assert window.chart.banner.headline.isVisible()
        assert not window.chart.banner.demo_hint.isVisible()
