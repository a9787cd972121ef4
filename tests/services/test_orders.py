"""The order desk end to end on the demo platform: decide, wait for consent, record it, send."""

from __future__ import annotations

import json

import pytest
import requests

from app.config import SiteConfig, SourceConfig
from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, RECOGNITION_SYSTEM
from app.domain.identity import mask_resident_id
from app.domain.repeat_orders import ConsentMethod, OrderError, OrderState, PatientConsent, RepeatReason
from app.services.identity import Identity, available_users
from app.services.ordering.desk import OrderDesk, initial_decisions
from app.services.ordering.plan import check_order
from app.services.workspace import Workspace
from tests.conftest import ANCHOR
from tests.helpers.orders import place, record_consent


@pytest.fixture
def desk(demo_platform, tmp_path):
    from app.sandbox import demo_data

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    identity = Identity()
    desk = OrderDesk(ws, identity, tmp_path)
    yield desk
    desk.close()
    ws.close()


def staff(desk, role):
    return next(u for u in available_users(desk.workspace)
                if u.role.value == role and u.organization_id == desk.workspace.config.organization)


def search(base, kind, **params):
    bundle = requests.get(f"{base}/{kind}", params=params, timeout=10).json()
    return [e["resource"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"]


def test_repeat_waits_for_consent_then_reaches_the_platform(desk, demo_platform):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = check_order(desk.workspace, SHOWCASE_RESIDENT_ID, ["LAB-K", "LAB-NA", "LAB-TSH"])
    decisions = initial_decisions(check.lines)
    assert [d.item_code for d in decisions] == ["LAB-K", "LAB-NA"]  # TSH has no recognizable prior
    assert decisions[0].prior.mark == "全国HR" and decisions[0].fee_yuan > 0
    decisions[0] = decisions[0].repeat(RepeatReason.CONDITION_CHANGED)

    with pytest.raises(OrderError, match="physician"):
        place(desk, check.chart.person, decisions)          # nobody signed in
    desk.identity.sign_in(staff(desk, "nurse"))
    with pytest.raises(OrderError, match="physician"):
        place(desk, check.chart.person, decisions)          # a nurse does not order
    desk.identity.sign_in(staff(desk, "doctor"))
    order = place(desk, check.chart.person, decisions, "血钾波动")
    assert order.state is OrderState.AWAITING_CONSENT
    # Who it is for, as the nurse and the form identify them: never the name alone, never the whole ID.
    record = check.chart.person.primary
    assert order.identity is not None and order.identity.name == record.name
    assert order.identity.birth_date == record.birth_date is not None and order.identity.sex == record.gender
    assert order.identity.masked_resident_id == mask_resident_id(SHOWCASE_RESIDENT_ID)
    published = json.dumps(desk.outbox.get(f"{order.id}/pending").payload, ensure_ascii=False)
    assert SHOWCASE_RESIDENT_ID not in published and order.number in published
    assert desk.send_due().sent == 1  # published to the department's worklist, nothing else
    base = demo_platform.fhir_base
    assert search(base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/LAB-K") == []

    # The nurse works at another workstation: her own outbox and waiting list, the same platform.
    nurse = staff(desk, "nurse")
    ward = OrderDesk(desk.workspace, Identity(), desk.outbox_path.parent / "ward")
    try:
        ward.identity.sign_in(nurse)
        assert ward.waiting_for_consent() == []            # nothing local there...
        (waiting,) = [o for o in ward.fetch_waiting().orders if o.id == order.id]  # ...but on the platform
        assert waiting == order
        assert waiting.identity == order.identity and waiting.number == order.number   # the same two identifiers
        done = record_consent(ward, waiting, PatientConsent(
            consented=True, signer_name="张伟", relationship="self", method=ConsentMethod.VERBAL_WITH_WITNESS,
            recorded_at=ANCHOR, recorded_by=nurse, explained="钾 复查", witness="刘洋"))
        assert done.state is OrderState.READY and ward.unsent() == 1
        assert [o.id for o in ward.fetch_waiting().orders].count(order.id) == 0  # finished here, not offered again
        assert ward.send_due().sent == 1 and ward.unsent() == 0
        # Both decisions are in the trails, each on the workstation where it was made.
        assert [r.action.value for r in desk.auditor.records()] == ["order-decision"]
        consent_records = ward.auditor.records()
        assert [(r.action.value, r.user_id, r.detail) for r in consent_records] == \
            [("consent", nurse.practitioner_id, "given")]
        assert order.id not in [o.id for o in ward.fetch_waiting().orders]
    finally:
        ward.close()
    # Back at the physician's workstation the order leaves the local waiting list too.
    desk.identity.sign_in(nurse)
    assert desk.waiting_for_consent() == [order]
    assert order.id not in [o.id for o in desk.fetch_waiting().orders]
    assert desk.waiting_for_consent() == []

    assert len(search(base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/LAB-K")) == 1
    assert search(base, "Consent", identifier=f"{CONSENT_SYSTEM}|{order.id}")[0]["status"] == "active"
    assert len(search(base, "Basic", identifier=f"{RECOGNITION_SYSTEM}|{order.id}/LAB-NA")) == 1


def test_recognizing_everything_is_sent_without_consent(desk, demo_platform):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = check_order(desk.workspace, SHOWCASE_RESIDENT_ID, ["LAB-K"])
    desk.identity.sign_in(staff(desk, "doctor"))
    order = place(desk, check.chart.person, initial_decisions(check.lines))
    assert order.state is OrderState.READY and desk.unsent() == 1
    desk.send_due()
    (rec,) = search(demo_platform.fhir_base, "Basic", identifier=f"{RECOGNITION_SYSTEM}|{order.id}/LAB-K")
    assert rec["author"]["reference"].startswith("Practitioner/")


def _awaiting(desk):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = check_order(desk.workspace, SHOWCASE_RESIDENT_ID, ["LAB-K"])
    desk.identity.sign_in(staff(desk, "doctor"))
    decisions = initial_decisions(check.lines)
    decisions[0] = decisions[0].repeat(RepeatReason.PATIENT_REQUEST, "家属要求")
    return place(desk, check.chart.person, decisions)


def test_physician_records_consent_only_where_allowed_and_with_a_witness(desk):
    import dataclasses

    order = _awaiting(desk)
    doctor = desk.identity.current
    verbal = PatientConsent(consented=True, signer_name="张伟", relationship="self",
                            method=ConsentMethod.VERBAL_WITH_WITNESS, recorded_at=ANCHOR, recorded_by=doctor,
                            explained="钾", witness="")
    with pytest.raises(OrderError, match="by a nurse"):
        record_consent(desk, order, dataclasses.replace(verbal, witness="刘洋"))
    desk.workspace.config = dataclasses.replace(desk.workspace.config, physician_records_consent=True)
    with pytest.raises(OrderError, match="named witness"):
        record_consent(desk, order, dataclasses.replace(verbal, method=ConsentMethod.DRAWN_SIGNATURE,
                                                       attachment=b"png"))
    done = record_consent(desk, order, dataclasses.replace(verbal, witness="刘洋"))
    assert done.consent.recorded_by == doctor and desk.waiting_for_consent() == []


def test_site_marked_reasons_need_free_text(desk):
    import dataclasses

    from app.services.ordering.desk import OrderDesk

    desk.workspace.config = dataclasses.replace(desk.workspace.config, note_required=("emergency",))
    strict = OrderDesk(desk.workspace, desk.identity, desk.outbox_path.parent / "strict")
    try:
        assert RepeatReason.EMERGENCY in strict.note_required and RepeatReason.OTHER in strict.note_required
    finally:
        strict.close()
