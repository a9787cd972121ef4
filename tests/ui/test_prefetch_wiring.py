"""The chart asks for its reminded studies to be prefetched, and closing the patient cancels it."""

from __future__ import annotations

from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def test_the_reminded_studies_prefetch_and_closing_the_patient_cancels(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    asked: list[tuple] = []
    window.chart.prefetch_wanted.connect(asked.append)
    open_showcase_chart(qtbot, window)
    reminded = [r.study.study.uid for r in window.chart.reminder_band.reminders if r.study is not None]
    assert reminded and [s.uid for s in asked[-1]] == reminded
    running = window.station.prefetch(asked[-1])     # the same studies: the one the chart started
    assert running is not None and not running.cancelled
    qtbot.waitUntil(lambda: running.progress.fetched > 0, timeout=30_000)
    window.chart.close_person()
    assert asked[-1] == () and running.cancelled
    assert running.wait(30)
