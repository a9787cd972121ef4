"""The reminder on chart open, as the doctor meets it: a band, not a dialog, one click from each result."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from app.domain.audit import AuditAction
from app.domain.recognition_funnel import reminded_items
from app.sandbox.demo_data import VIEWING_ORGANIZATION_ID
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def _recognized_elsewhere(chart) -> set[str]:
    labs = {v.item.code for a in chart.assessed_reports for v in a.verdicts
            if v.recognized and v.item and a.report.hospital.key.id != VIEWING_ORGANIZATION_ID}
    images = {s.verdict.item.code for s in chart.assessed_studies
              if s.verdict.recognized and s.verdict.item and s.study.hospital.key.id != VIEWING_ORGANIZATION_ID}
    return labs | images


def test_opening_the_showcase_patient_shows_the_recognizable_results_without_a_modal(
        qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    band = window.chart.reminder_band
    assert band.isVisible()
    assert not any(isinstance(w, QDialog) and w.isVisible() and w.isModal() for w in QApplication.topLevelWidgets())
    shown = {r.item.code for r in band.reminders}
    assert shown == _recognized_elsewhere(window.chart)           # exactly those, and none that are not
    assert {"IMG-CT-CHEST", "IMG-CT-HEAD"} <= shown and "LAB-TC" not in shown
    text = band.lines.text()
    assert "齐鲁医科大学附属第一医院" in text and "全国HR" in text and "2026-11-24" in text
    assert "山东省立中心医院" not in text                          # our own hospital's results are not reminders
    # Shown once for this opening, with the count and the items.
    (record,) = [r for r in window.station.auditor.records() if r.action is AuditAction.REMINDER_SHOWN]
    assert [(i.item_code, i.entity) for i in reminded_items(record.detail)] == \
        [(r.item.code, r.entity) for r in band.reminders]     # what the dashboard's funnel reads back


def test_a_click_on_a_line_opens_that_report_or_study(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    chart, band = window.chart, window.chart.reminder_band
    lab = next(i for i, g in enumerate(band.groups) if g.first.report is not None and g.first.report is not
               chart.reports.current_report())
    chart.tabs.setCurrentWidget(chart.studies)
    band.lines.linkActivated.emit(str(lab))
    assert chart.tabs.currentWidget() is chart.reports
    assert chart.reports.current_report() is band.groups[lab].first.report
    image = next(i for i, g in enumerate(band.groups) if g.first.study is not None)
    with qtbot.waitSignal(chart.open_images, timeout=5_000) as opened:
        band.lines.linkActivated.emit(str(image))
    assert opened.args == [band.groups[image].first.study]


def test_the_band_goes_with_the_chart_and_comes_back_for_the_next(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    band = window.chart.reminder_band
    band.close_button.click()
    assert not band.isVisible()
    person = window.chart.person
    window.chart.close_person()
    assert not band.isVisible() and not band.reminders
    window.chart.show_person(person)          # opened again (as the search panel does)
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=30_000)
    assert band.isVisible()
    records = [r for r in window.station.auditor.records() if r.action is AuditAction.REMINDER_SHOWN]
    assert len(records) == 2                                        # once per chart opening
