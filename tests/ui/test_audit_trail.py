"""Every look at a patient leaves an audit record: search, chart, report, study, user change."""

from __future__ import annotations

from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def test_a_session_is_audited_in_order_and_the_chain_holds(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    qtbot.waitUntil(lambda: window.user_box.count() > 1 and window.identity.current is not None, timeout=15_000)
    open_showcase_chart(qtbot, window)
    window.chart.reports.select_report(1)
    window.chart.reports.select_report(0)
    window.chart.reports.select_report(1)                # back to a report already seen: no second record
    window.open_images(window.chart.assessed_studies[0])
    other = next(window.user_box.itemData(i) for i in range(window.user_box.count())
                 if window.user_box.itemData(i) != window.identity.current)
    doctor = window.identity.current
    person = window.chart.person
    window.switch_user(other.practitioner_id)            # closes the doctor's patient

    assert window.desk.auditor.flush()                  # written off the window's thread, in order
    trail = window.desk.auditor.log
    actions = [r.action.value for r in trail.records()]
    assert actions[:2] == ["sign-in", "patient-query"]    # the workstation's first user, then the search
    assert window.chart.person is None
    assert actions.count("patient-read") == len(person.records)
    assert actions.count("report-read") == 2 and actions.count("study-read") == 1
    assert actions[-2:] == ["sign-out", "sign-in"]
    query = trail.records()[1]
    assert query.user_id == doctor.practitioner_id and SHOWCASE_RESIDENT_ID not in query.detail
    assert "370102********2710" in query.detail
    assert trail.verify().intact
    # Each record is on its way to the platform that holds the patient's record.
    assert sum(1 for e in window.desk.outbox.due(now=10**12) if e.kind == "audit@demo") == len(actions)
    if window.viewer is not None:
        window.viewer.close()
