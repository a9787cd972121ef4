"""The demo's year of order records: what the client would have sent, decided as the client decides."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta

import pytest

from app.domain.catalogue import parse_catalogue
from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, RECOGNITION_SYSTEM, item_key, provenance_id
from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.models import Coding, Identifier
from app.domain.recognition import Site, assess
from app.domain.repeat_orders import OrderState, RepeatReason
from app.sandbox import demo_orders
from app.sandbox.demo_data import generate
from app.sandbox.demo_hospitals import HOSPITAL_BY_ID, SHANGHAI
from app.sandbox.demo_staff import STAFF
from tests.conftest import ANCHOR

SEED = 20261122


@pytest.fixture(scope="module")
def data():
    return generate(seed=SEED, anchor=ANCHOR)


@pytest.fixture(scope="module")
def items(data):
    return parse_catalogue(data.catalogue).items


@pytest.fixture(scope="module")
def orders(data):
    return demo_orders.plan(SEED, ANCHOR, data.resources, data.catalogue)


def test_the_records_are_stored_as_the_platform_stores_the_transaction(orders, items):
    """The shapes are app.domain.fhir_profile's (the client's too); what the sandbox adds is the
    storing: each record under the identifier the client's conditional create names, and the
    references between an order's records resolved to the stored ids."""
    for n, order in enumerate(orders, start=1):
        stored = demo_orders.order_resources(order, items, f"hist-{n:05d}")
        ids = {f"{r['resourceType']}/{r['id']}" for r in stored}
        assert len(ids) == len(stored), order.id
        identifiers = sorted((r["resourceType"], r["identifier"][0]["system"], r["identifier"][0]["value"])
                             for r in stored if "identifier" in r)
        assert identifiers == sorted(
            [("ServiceRequest", ORDER_SYSTEM, item_key(order, d.item_code)) for d in order.repeats]
            + [("Basic", RECOGNITION_SYSTEM, item_key(order, d.item_code)) for d in order.recognitions]
            + ([("Consent", CONSENT_SYSTEM, order.id)] if order.consent else [])), order.id
        (prov,) = [r for r in stored if r["resourceType"] == "Provenance"]
        assert prov["id"] == provenance_id(order)
        assert {t["reference"] for t in prov["target"]} == ids - {f"Provenance/{prov['id']}"}
        for consent in (r for r in stored if r["resourceType"] == "Consent"):
            data = consent["provision"].get("data", [])
            assert {d["reference"]["reference"] for d in data} == {i for i in ids if i.startswith("ServiceRequest/")}


def test_same_seed_same_history_another_seed_another(data, orders, items):
    again = demo_orders.plan(SEED, ANCHOR, data.resources, data.catalogue)
    assert json.dumps(demo_orders.fhir_resources(again, items)) == json.dumps(demo_orders.fhir_resources(orders, items))
    other = demo_orders.plan(SEED + 1, ANCHOR, data.resources, data.catalogue)
    assert [o.id for o in other] != [o.id for o in orders]


def test_the_lab_data_does_not_carry_the_history(data):
    """The history is added by the server, from its own random stream: generate() is as it was."""
    assert {r["resourceType"] for r in data.resources} == {
        "Organization", "Practitioner", "PractitionerRole", "Patient", "Observation", "DiagnosticReport"}


def test_a_year_of_decisions_by_every_physician(orders):
    today = ANCHOR.date()
    days = [o.created_at.date() for o in orders]
    assert min(days) >= today - timedelta(days=demo_orders.HISTORY_DAYS) and max(days) < today
    assert len({d.isocalendar()[:2] for d in days}) >= 48          # something nearly every week
    assert 300 <= len(orders) <= 800
    physicians = {s[0] for s in STAFF if s[5].value == "doctor"}
    assert {o.requester.practitioner_id for o in orders} == physicians
    decisions = [d for o in orders for d in o.decisions]
    reasons = Counter(d.reason for d in decisions if d.reason)
    assert set(reasons) == set(RepeatReason)                         # every reason occurs
    assert 0.1 < sum(reasons.values()) / len(decisions) < 0.3
    assert all(d.note for d in decisions if d.reason is RepeatReason.OTHER)
    assert all(o.state is OrderState.READY for o in orders)


def test_every_repeat_was_consented_or_withdrawn(orders):
    refused = [o for o in orders if o.consent and not o.consent.consented]
    assert refused and all(not o.repeats for o in refused)        # refused: the repeats became recognitions
    for order in orders:
        if order.repeats:
            consent = order.consent
            assert consent is not None and consent.consented and not consent.problems()
            assert consent.recorded_by.organization_id == order.requester.organization_id
            assert consent.recorded_by.is_nurse and consent.recorded_at > order.created_at


def test_every_prior_was_recognizable_there_and_then(data, orders):
    """Checked with the recognition rules themselves, not the planner's shortcut."""
    catalogue = parse_catalogue(data.catalogue)
    observations = {r["id"]: r for r in data.resources if r["resourceType"] == "Observation"}
    for order in orders:
        site = Site(HOSPITAL_BY_ID[order.requester.organization_id].region, SHANGHAI)
        for d in order.decisions:
            obs = observations[d.prior_result.split(":", 1)[1]]
            issuer = obs["performer"][0]["reference"].removeprefix("Organization/")
            assert issuer != order.requester.organization_id          # recognized from another hospital
            verdict = assess(codes=[Coding(c.get("system", ""), c["code"]) for c in obs["code"]["coding"]],
                             status=obs["status"], effective=datetime.fromisoformat(obs["effectiveDateTime"]),
                             issuer=Identifier(ORGANIZATION_SYSTEM, HOSPITAL_BY_ID[issuer].identifier),
                             catalogue=catalogue, site=site, now=order.created_at)
            assert verdict.recognized and verdict.item.code == d.item_code, (order.id, d.item_code)
