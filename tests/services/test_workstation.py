"""The working session as one object: each operation says what it changed, and audits inside."""

from __future__ import annotations

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.audit import AuditAction
from app.domain.repeat_orders import ConsentMethod, OrderError, OrderState, PatientConsent, RepeatReason
from app.services.changes import NOTHING, Changes
from app.services.lookup import PatientQuery
from app.services.ordering.desk import initial_decisions
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from tests.conftest import ANCHOR


@pytest.fixture
def station(demo_platform, tmp_path):
    from app.sandbox import demo_data

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    station = Workstation(ws, folder=tmp_path)
    yield station
    station.close()
    ws.close()


def someone(station, role):
    return next(u for u in station.users()
                if u.role.value == role and u.organization_id == station.workspace.config.organization)


def actions(station):
    return [r.action for r in station.auditor.records()]


def test_changes_combine_and_say_whether_anything_changed():
    assert not NOTHING and Changes(outbox=True)
    both = Changes(user=True) | Changes(locked=True, outbox=True)
    assert both == Changes(user=True, locked=True, outbox=True)


def test_signing_in_switching_and_locking_say_what_changed_and_are_audited(station):
    doctor, nurse = someone(station, "doctor"), someone(station, "nurse")
    assert station.sign_in(doctor) == Changes(user=True)             # nobody's images to close
    assert station.sign_in(doctor) is NOTHING                        # the same user goes on
    assert station.permissions().orders and not station.permissions().records_consent
    assert station.sign_in(nurse) == Changes(user=True, images_closed=True, patient_closed=True)
    assert station.permissions().records_consent and not station.permissions().orders
    assert station.lock() == Changes(locked=True) and station.locked
    assert station.lock() is NOTHING                                 # locking twice is one lock
    assert station.unlock() == Changes(locked=True) and not station.locked
    assert station.sign_out() == Changes(user=True, images_closed=True, patient_closed=True)
    assert station.user is None
    assert station.lock() is NOTHING                                 # nobody to lock out
    assert actions(station) == [AuditAction.SIGN_IN, AuditAction.SIGN_OUT, AuditAction.SIGN_IN, AuditAction.LOCK,
                                AuditAction.UNLOCK, AuditAction.SIGN_OUT]


def test_reads_are_audited_once_per_chart(station):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    station.sign_in(someone(station, "doctor"))
    check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K"])
    person = check.chart.person
    before = len(actions(station))
    station.searched(PatientQuery.from_text(SHOWCASE_RESIDENT_ID))
    station.chart_opened(person)
    report = check.chart.reports[0].report
    for _ in range(3):                                               # clicking back and forth
        station.report_read(person, report.key.source, report.reference)
    station.report_read(None, report.key.source, report.reference)   # no chart open: nothing to audit
    new = station.auditor.records()[before:]
    assert [r.action for r in new].count(AuditAction.REPORT_READ) == 1
    assert new[0].action is AuditAction.PATIENT_QUERY and SHOWCASE_RESIDENT_ID not in new[0].detail
    station.chart_opened(person)                                     # the chart opened again: a new look
    station.report_read(person, report.key.source, report.reference)
    assert actions(station).count(AuditAction.REPORT_READ) == 1 + sum(
        1 for r in station.auditor.records()[:before] if r.action is AuditAction.REPORT_READ) + 1


def test_an_order_is_checked_at_once_and_written_when_placed(station):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K"])
    decisions = [d.repeat(RepeatReason.CONDITION_CHANGED) for d in initial_decisions(check.lines)]
    with pytest.raises(OrderError, match="physician"):
        station.prepare_order(check.chart.person, decisions)         # nobody signed in
    doctor = someone(station, "doctor")
    station.sign_in(doctor)
    order = station.prepare_order(check.chart.person, decisions, "血钾波动")
    assert order.state is OrderState.AWAITING_CONSENT and station.waiting_here().orders == []   # not written yet
    changes = station.place_order(order)
    assert changes == Changes(worklist=True, outbox=True, order=order)
    assert [o.id for o in station.waiting_here().orders] == [order.id] and station.unsent() > 0

    nurse = someone(station, "nurse")
    station.sign_in(nurse)
    consent = PatientConsent(consented=True, signer_name="张伟", relationship="self",
                             method=ConsentMethod.VERBAL_WITH_WITNESS, recorded_at=ANCHOR, recorded_by=doctor,
                             explained="钾 复查", witness="刘洋")
    with pytest.raises(OrderError, match="signed-in user"):
        station.consent_given(order, consent)                        # recorded by whoever is signed in
    import dataclasses

    done = station.consent_given(order, dataclasses.replace(consent, recorded_by=nurse))
    assert [o.id for o in station.waiting_here().orders] == [order.id]   # still waiting until written
    changes = station.record_consent(done)
    assert changes.worklist and changes.outbox and changes.order.state is OrderState.READY
    assert station.waiting_here().orders == []
    assert station.send_due() == Changes(outbox=True) and station.unsent() == 0


def test_the_his_outpatient_number_goes_on_that_patients_orders_only(station):
    """The HIS names the patient with the visit's outpatient number (门诊号): the nurse and the
    printed consent form identify the patient by it. It is that visit's: never another patient's,
    and gone with the user who was launched with it."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    doctor = someone(station, "doctor")
    station.sign_in(doctor)
    check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K"])
    person = check.chart.person
    decisions = [d.repeat(RepeatReason.CONDITION_CHANGED) for d in initial_decisions(check.lines)]
    assert station.prepare_order(person, decisions).identity.outpatient_number == ""   # the HIS gave none

    station.visit_named(SHOWCASE_RESIDENT_ID, "MZ20261205-0031")
    order = station.prepare_order(person, decisions)
    assert order.identity.outpatient_number == "MZ20261205-0031"
    assert order.identity.record_number      # the second identifier beside it, as before
    # Named by another identifier of the same person (system|value, or the platform's Patient id): the same.
    record = person.records[0]
    station.visit_named(record.key.id, "MZ-2")
    assert station.outpatient_number(person) == "MZ-2"
    identifier = record.identifiers[0]
    station.visit_named(f"{identifier.system}|{identifier.value}", "MZ-3")
    assert station.outpatient_number(person) == "MZ-3"
    station.visit_named(f"urn:other:system|{identifier.value}", "MZ-4")
    assert station.outpatient_number(person) == ""                  # same value, another system: not this one

    station.visit_named("110101199001011234", "MZ-5")                 # the HIS named someone else
    assert station.prepare_order(person, decisions).identity.outpatient_number == ""
    station.visit_named(SHOWCASE_RESIDENT_ID, "MZ-6")
    station.sign_in(someone(station, "nurse"))                        # another user: the visit is forgotten
    station.sign_in(doctor)
    assert station.prepare_order(person, decisions).identity.outpatient_number == ""
