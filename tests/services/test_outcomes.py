"""The ordering physician learns what became of their orders: a refusal recorded elsewhere reaches them.

Over HTTP on the demo platform (a doctor's and a nurse's workstation, each with its own
outbox), and on a minimal server that pages in twenties, which a real one might do.
"""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import timedelta

import pytest
import requests

from app.config import SiteConfig, SourceConfig
from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, PENDING_SYSTEM, RECOGNITION_SYSTEM
from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, OrderError, PatientConsent, RepeatReason
from app.domain.staff import Role, StaffMember
from app.platform.order_store import PendingOrders
from app.platform.outbox import Outbox
from app.services.ordering.desk import initial_decisions
from app.services.ordering.outcomes import SEEN_FILE, OrderOutcomes, OutcomeState
from app.services.ordering.sending import queue, send_due
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from tests.conftest import ANCHOR


def demo_workspace(base: str) -> Workspace:
    from app.sandbox import demo_data

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", base),), organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    return ws


@pytest.fixture
def stations(demo_platform, tmp_path):
    """The physician's workstation and the ward's: two folders (outbox, waiting list, notices), one platform."""
    made = []
    for name in ("clinic", "ward"):
        ws = demo_workspace(demo_platform.fhir_base)
        made.append((Workstation(ws, folder=tmp_path / name), ws))
    yield made[0][0], made[1][0]
    for station, ws in made:
        station.close()
        ws.close()


def someone(station, role, *, besides=None):
    return next(u for u in station.users() if u.role.value == role and u != besides
                and u.organization_id == station.workspace.config.organization)


def search(base, kind, **params):
    bundle = requests.get(f"{base}/{kind}", params=params, timeout=10).json()
    return [e["resource"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"]


def refusal(nurse, **kw) -> PatientConsent:
    base = dict(consented=False, signer_name="张伟", relationship="self", method=ConsentMethod.VERBAL_WITH_WITNESS,
                recorded_at=ANCHOR + timedelta(minutes=25), recorded_by=nurse, explained="钾 复查", witness="刘洋")
    return PatientConsent(**{**base, **kw})


def order_potassium_repeat(station):
    """The signed-in physician repeats potassium for the showcase patient and publishes it (sent)."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K", "LAB-NA"])
    decisions = [d.repeat(RepeatReason.CRUCIAL_ITEM, "明日手术") if d.item_code == "LAB-K" else d
                 for d in initial_decisions(check.lines)]
    order = station.place_order(station.prepare_order(check.chart.person, decisions)).order
    station.send_due()
    assert station.unsent() == 0
    return order


def test_a_refusal_recorded_on_the_ward_reaches_the_ordering_physician(stations, demo_platform):
    clinic, ward = stations
    doctor = someone(clinic, "doctor")
    clinic.sign_in(doctor)
    order = order_potassium_repeat(clinic)
    (waiting,) = [o for o in clinic.my_orders().outcomes if o.order.id == order.id]
    assert waiting.state is OutcomeState.AWAITING and waiting.recorded_by is None
    assert [d.item_name for d in waiting.items] == ["钾"]
    assert order.id not in {o.order.id for o in clinic.unseen_refusals().outcomes}

    nurse = someone(ward, "nurse")
    ward.sign_in(nurse)
    assert ward.my_orders().outcomes == []            # a nurse orders nothing: no list of her own
    (found,) = [o for o in ward.fetch_waiting().orders if o.id == order.id]
    with pytest.raises(OrderError, match="witness-missing"):
        ward.consent_given(found, refusal(nurse, witness=""))   # a refusal needs its witness too
    ward.record_consent(ward.consent_given(found, refusal(nurse)))
    ward.send_due()
    assert ward.unsent() == 0

    mine = clinic.my_orders()
    (refused,) = [o for o in mine.outcomes if o.order.id == order.id]
    assert refused.state is OutcomeState.REFUSED
    assert [d.item_code for d in refused.items] == ["LAB-K"]   # though no longer a repeat
    assert refused.recorded_by == nurse and refused.recorded_at == ANCHOR + timedelta(minutes=25)
    assert mine.practitioner_id == doctor.practitioner_id and mine.incomplete == ()
    assert order.id in {o.order.id for o in mine.refusals}

    # The notice: once, until the physician has been shown it.
    assert order.id in {o.order.id for o in clinic.unseen_refusals().outcomes}
    clinic.refusals_shown([order.id])
    assert order.id not in {o.order.id for o in clinic.unseen_refusals().outcomes}
    seen = (clinic.desk.outbox_path.parent / SEEN_FILE).read_text(encoding="utf-8")
    assert json.loads(seen) == {doctor.practitioner_id: [order.id]}   # order ids only: no name, no ID number
    assert "张伟" not in seen and order.patient_id not in seen

    # Another physician of the hospital sees nothing of it, nor is told.
    colleague = someone(clinic, "doctor", besides=doctor)
    clinic.sign_in(colleague)
    assert order.id not in {o.order.id for o in clinic.my_orders().outcomes}
    assert order.id not in {o.order.id for o in clinic.unseen_refusals().outcomes}
    clinic.sign_in(doctor)                            # shown to the doctor already: it stays shown
    assert order.id not in {o.order.id for o in clinic.unseen_refusals().outcomes}


def test_the_refusal_is_recorded_as_a_consent_that_denies_and_names_the_items(stations, demo_platform):
    clinic, ward = stations
    clinic.sign_in(someone(clinic, "doctor"))
    order = order_potassium_repeat(clinic)
    nurse = someone(ward, "nurse")
    ward.sign_in(nurse)
    (found,) = [o for o in ward.fetch_waiting().orders if o.id == order.id]
    ward.record_consent(ward.consent_given(found, refusal(nurse, method=ConsentMethod.DRAWN_SIGNATURE, witness="",
                                                          attachment=b"\x89PNG signed", attachment_type="image/png")))
    ward.send_due()

    base = demo_platform.fhir_base
    (consent,) = search(base, "Consent", identifier=f"{CONSENT_SYSTEM}|{order.id}")
    assert consent["status"] == "active" and consent["provision"]["type"] == "deny"   # the decision, to be followed
    assert [c["coding"][0]["code"] for c in consent["provision"]["code"]] == ["LAB-K"]
    assert "data" not in consent["provision"]                                       # nothing was ordered
    assert base64.b64decode(consent["sourceAttachment"]["data"]) == b"\x89PNG signed"   # the signed refusal
    assert search(base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/LAB-K") == []
    assert len(search(base, "Basic", identifier=f"{RECOGNITION_SYSTEM}|{order.id}/LAB-K")) == 1   # recognized
    (entry,) = search(base, "Basic", identifier=f"{PENDING_SYSTEM}|{order.id}")
    assert entry["code"]["coding"][0]["code"] == "consent-recorded"                 # off every worklist


def test_a_refusal_recorded_here_shows_before_it_is_sent_and_once_after(stations):
    clinic, _ward = stations
    doctor = someone(clinic, "doctor")
    clinic.sign_in(doctor)
    order = order_potassium_repeat(clinic)
    nurse = someone(clinic, "nurse")
    clinic.sign_in(nurse)                             # the same workstation: the ward's nurse comes by
    clinic.record_consent(clinic.consent_given(order, refusal(nurse)))
    assert clinic.unsent() == 1                       # not sent yet: the platform still says "waiting"
    clinic.sign_in(doctor)
    (here,) = [o for o in clinic.my_orders().outcomes if o.order.id == order.id]
    assert here.state is OutcomeState.REFUSED
    clinic.send_due()
    assert [o.state for o in clinic.my_orders().outcomes if o.order.id == order.id] == [OutcomeState.REFUSED]


def test_a_source_that_does_not_answer_is_named(stations):
    from app.platform.fhir.client import FhirClient
    from app.services.workspace import SourceHandle
    from tests.helpers.servers import failing_server

    clinic, _ward = stations
    clinic.sign_in(someone(clinic, "doctor"))
    with failing_server(503) as broken:
        clinic.workspace.sources = (SourceHandle(SourceConfig("demo", broken.fhir_base, label="演示平台"),
                                                 FhirClient(broken.fhir_base, retries=0)),)
        mine = clinic.my_orders()
    assert mine.incomplete == ("演示平台",)


# -- a server that pages in twenties and takes `Type/id` references only ---------------------------

DOCTOR = StaffMember("prac-min-doc", "李明", Role.PHYSICIAN, "org-min", "某医院", "心血管内科")
OTHER_DOCTOR = StaffMember("prac-min-other", "陈浩", Role.PHYSICIAN, "org-min", "某医院", "心血管内科")
NURSE = StaffMember("prac-min-nurse", "赵静", Role.NURSE, "org-min", "某医院", "心血管内科")


def minimal_order(n: int, doctor: StaffMember, consented: bool | None) -> Order:
    potassium = ItemDecision("LAB-K", f"min:obs-{n}", item_name="钾", fee_yuan=4.0).repeat(RepeatReason.EMERGENCY)
    order = Order(f"min-order-{n:03d}", f"pat-{n}", f"患者{n}", doctor, ANCHOR - timedelta(days=n % 20),
                  (potassium,)).submitted()
    if consented is None:
        return order
    return order.with_consent(replace(refusal(NURSE), consented=consented))


def test_a_minimal_server_gives_every_outcome_over_its_pages(tmp_path):
    from app.platform.fhir.client import FhirClient
    from app.platform.fhir.records import pending_transaction
    from app.sandbox.conformance import MINIMAL
    from app.sandbox.server import SandboxServer
    from tests.services.piece_orders import ITEMS

    with SandboxServer(tmp_path / "platform", demo=False, images=False, conformance=MINIMAL) as server:
        sending = Outbox(tmp_path / "sending.sqlite3")
        orders = [minimal_order(n, DOCTOR, None if n % 3 == 0 else n % 3 == 1) for n in range(24)]
        orders.append(minimal_order(99, OTHER_DOCTOR, False))
        old = replace(minimal_order(98, DOCTOR, False), created_at=ANCHOR - timedelta(days=60))
        for order in [*orders, old]:
            sending.add("pending", pending_transaction(order), entry_id=f"{order.id}/pending")
            if order.consent is not None:
                queue(sending, order, ITEMS)
        send_due(sending, FhirClient(server.fhir_base))
        assert sending.count() == 0
        sending.close()

        ws = Workspace.from_config(SiteConfig((SourceConfig("minimal", server.fhir_base),), organization="org-min"))
        ws.now = lambda: ANCHOR
        pending, outbox = PendingOrders(tmp_path / "here.sqlite3"), Outbox(tmp_path / "here.sqlite3")
        try:
            mine = OrderOutcomes(ws, pending, outbox, tmp_path).my_orders(DOCTOR)
        finally:
            pending.close()
            outbox.close()
            ws.close()
    states = {o.order.id: o.state for o in mine.outcomes}
    assert len(states) == 24 and mine.incomplete == ()           # more than a page of twenty, all of them
    assert "min-order-099" not in states and "min-order-098" not in states   # another's; older than 30 days
    assert states["min-order-000"] is OutcomeState.AWAITING
    assert states["min-order-001"] is OutcomeState.CONSENTED and states["min-order-002"] is OutcomeState.REFUSED
    assert [o.order.id for o in mine.refusals] == [o.order.id for o in mine.outcomes
                                                   if o.state is OutcomeState.REFUSED]
