"""Orders sent in ordered pieces reach a real sandbox exactly once, with real references, resuming where they stopped.

The sandbox here takes transactions; the sender is told it does not (`transactions=False`),
or a proxy in front of it plays the server behaviours the sandbox cannot (a transaction run as
a batch, an answer that is not a Bundle, a 503 between two pieces). Servers that refuse
transactions over HTTP themselves are in test_submission_minimal.py.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import requests

from app.domain.audit import AuditAction, AuditRecord
from app.domain.audit_event import audit_transaction
from app.domain.fhir_profile import ORDER_SYSTEM, PENDING_SYSTEM
from app.platform.fhir.client import FhirClient
from app.platform.fhir.records import order_transaction, pending_transaction
from app.platform.outbox import Outbox, Status
from app.services.ordering.sending import queue, send_due
from tests.helpers.servers import failing_server
from tests.services.piece_orders import Proxy, as_lying_batch, big_order, matches, provenances, records_of
from tests.services.test_submission import ITEMS


@pytest.fixture
def platform(tmp_path):
    from app.sandbox.server import SandboxServer

    with SandboxServer(tmp_path / "platform", demo=False, images=False) as server:
        yield server


@pytest.fixture
def outbox(tmp_path):
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def assert_exactly_once(base: str, order) -> None:
    counts = records_of(base, order)
    assert counts and set(counts.values()) == {1}, counts
    (provenance,) = provenances(base)
    srs = [matches(base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/{d.item_code}")[0]
           for d in order.repeats]
    targets = [t["reference"] for t in provenance["target"]]
    assert not [t for t in targets if t.startswith("urn:")], targets
    assert targets[:len(srs)] == [f"ServiceRequest/{sr['id']}" for sr in srs]
    assert len(targets) == len(order.repeats) + len(order.recognitions) + (order.consent is not None)
    if order.consent is not None:
        (consent,) = matches(base, "Consent", identifier=f"https://fhir.huren.cn/sid/order-consent|{order.id}")
        assert [d["reference"]["reference"] for d in consent["provision"]["data"]] == \
            [f"ServiceRequest/{sr['id']}" for sr in srs]
        assert f"Consent/{consent['id']}" in targets


def test_a_server_known_without_transactions_gets_pieces_with_real_references(platform, outbox):
    order = big_order("pieces-1", repeats=3, recognitions=2)
    queue(outbox, order, ITEMS)
    with Proxy(platform.fhir_base) as proxy:
        summary = send_due(outbox, FhirClient(proxy.fhir_base), transactions=False)
    assert (summary.sent, summary.retrying, summary.rejected) == (1, 0, 0)
    assert ("POST", "/fhir") not in proxy.seen and len(proxy.seen) == 8      # 3 + consent + 2 + worklist + provenance
    assert proxy.seen[-1][0] == "PUT" and proxy.seen[-1][1].startswith("/fhir/Provenance/")
    assert_exactly_once(platform.fhir_base, order)
    assert outbox.get("pieces-1").status is Status.SENT and outbox.get("pieces-1").progress == {}


def test_a_server_that_does_not_say_where_it_stored_a_record_is_asked_by_identifier(platform, outbox):
    """No Location, no body: the ids the Consent and Provenance need are looked up, once each."""
    order = big_order("pieces-11", repeats=2, recognitions=1)
    queue(outbox, order, ITEMS)
    with Proxy(platform.fhir_base) as proxy:
        proxy.terse = True
        assert send_due(outbox, FhirClient(proxy.fhir_base), transactions=False).sent == 1
    looked_up = [p.split("/")[2] for m, p in proxy.seen if m == "GET"]
    assert looked_up == ["ServiceRequest", "ServiceRequest", "Consent", "Basic"]
    assert_exactly_once(platform.fhir_base, order)


def test_the_same_order_sent_again_in_pieces_leaves_one_of_each(platform, outbox):
    order = big_order("pieces-2", repeats=2, recognitions=2)
    queue(outbox, order, ITEMS)
    client = FhirClient(platform.fhir_base)
    assert send_due(outbox, client, transactions=False).sent == 1
    outbox.add("order", order_transaction(order, ITEMS), entry_id="pieces-2/again")   # a resend, e.g. restored
    assert send_due(outbox, client, transactions=False).sent == 1
    assert_exactly_once(platform.fhir_base, order)


def test_a_5xx_between_pieces_resumes_with_what_is_missing(platform, outbox):
    order = big_order("pieces-3", repeats=3, recognitions=1)
    queue(outbox, order, ITEMS)
    with Proxy(platform.fhir_base) as proxy:
        proxy.fail_at = {4: 503}           # the Consent, after the three ServiceRequests
        client = FhirClient(proxy.fhir_base, retries=0)
        summary = send_due(outbox, client, transactions=False)
        assert (summary.sent, summary.retrying) == (0, 1)
        waiting = outbox.get("pieces-3")
        assert waiting.status is Status.PENDING and "503" in waiting.last_error
        assert sorted(waiting.progress["done"]) == ["0", "1", "2"]
        before = len(proxy.seen)
        assert send_due(outbox, client, now=10**12, transactions=False).sent == 1
        resumed = proxy.seen[before:]
    assert [m for m, p in resumed if p == "/fhir/ServiceRequest"] == []   # not asked again
    assert [p.split("/")[2] for _, p in resumed] == ["Consent", "Basic", "Basic", "Provenance"]
    assert_exactly_once(platform.fhir_base, order)


def test_a_transaction_run_as_a_batch_with_failed_entries_is_completed_in_pieces(platform, outbox):
    """The half-applied batch (Consent and Provenance failed on their urn: references) is never taken for sent."""
    order = big_order("pieces-4", repeats=2, recognitions=2)
    queue(outbox, order, ITEMS)
    with Proxy(platform.fhir_base) as proxy:
        proxy.on_transaction = as_lying_batch(platform.fhir_base)
        assert send_due(outbox, FhirClient(proxy.fhir_base)).sent == 1
    assert proxy.seen[0] == ("POST", "/fhir") and ("POST", "/fhir/Consent") in proxy.seen
    assert_exactly_once(platform.fhir_base, order)


@pytest.mark.parametrize("answer", [
    {"resourceType": "OperationOutcome", "issue": [{"severity": "information", "code": "informational"}]},
    {"resourceType": "Bundle", "type": "transaction-response", "entry": [{"response": {"status": "201 Created"}}]},
])
def test_an_answer_that_does_not_acknowledge_every_entry_is_not_taken_for_sent(platform, outbox, answer):
    order = big_order("pieces-5", repeats=1, recognitions=1)
    queue(outbox, order, ITEMS)
    with Proxy(platform.fhir_base) as proxy:
        proxy.on_transaction = lambda bundle: (200, answer)
        assert send_due(outbox, FhirClient(proxy.fhir_base)).sent == 1
    assert len(proxy.seen) == 1 + 5
    assert_exactly_once(platform.fhir_base, order)


def test_an_invalid_record_is_rejected_with_the_platforms_words(platform, outbox):
    order = big_order("pieces-6", repeats=2, recognitions=2)
    bundle = order_transaction(order, ITEMS)
    bundle["entry"][3]["resource"]["meta"] = "broken"       # the first recognition record
    outbox.add("order", bundle, entry_id=order.id)
    summary = send_due(outbox, FhirClient(platform.fhir_base))
    assert (summary.sent, summary.rejected) == (0, 1)
    kept = outbox.get(order.id)
    assert kept.status is Status.REJECTED
    assert kept.last_error.startswith("Basic: HTTP 422") and "meta must be an object" in kept.last_error
    assert outbox.due(now=10**12) == []


def test_several_records_under_one_identifier_are_reported_not_doubled(platform, outbox):
    order = big_order("pieces-7", repeats=1, recognitions=0)
    sr = order_transaction(order, ITEMS)["entry"][0]["resource"]
    for _ in range(2):      # someone else's import left two records with our identifier
        requests.post(f"{platform.fhir_base}/ServiceRequest", json=sr, timeout=10).raise_for_status()
    queue(outbox, order, ITEMS)
    assert send_due(outbox, FhirClient(platform.fhir_base)).rejected == 1
    kept = outbox.get(order.id)
    assert kept.status is Status.REJECTED and "several records" in kept.last_error and "412" in kept.last_error
    identifier = f"{ORDER_SYSTEM}|pieces-7/{order.repeats[0].item_code}"
    assert len(matches(platform.fhir_base, "ServiceRequest", identifier=identifier)) == 2


@pytest.mark.parametrize("status", [401, 503])
def test_a_piece_without_an_answer_it_can_use_waits(outbox, status):
    """401 is a sign-in to wait for, 503 a server to wait for: the entry stays pending, never rejected."""
    queue(outbox, big_order("pieces-8", repeats=1, recognitions=1), ITEMS)
    with failing_server(status) as broken:
        summary = send_due(outbox, FhirClient(broken.fhir_base, retries=0), transactions=False)
    assert summary.retrying == 1 and outbox.get("pieces-8").status is Status.PENDING


def test_a_5xx_to_the_transaction_is_retried_as_a_transaction(outbox):
    queue(outbox, big_order("pieces-9", repeats=1, recognitions=1), ITEMS)
    with failing_server(503) as broken:
        assert send_due(outbox, FhirClient(broken.fhir_base, retries=0)).retrying == 1
    assert outbox.get("pieces-9").progress == {}       # a server error says nothing about the shape


def test_pending_and_audit_entries_go_in_pieces_too(platform, outbox):
    order = big_order("pieces-10", repeats=1, recognitions=0)
    record = AuditRecord("audit-1", datetime(2026, 11, 20, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
                         AuditAction.PATIENT_READ, "prac-sl-liming", "physician", "org-sdsl",
                         patient="demo:pat-0001")
    outbox.add("pending", pending_transaction(order), entry_id=f"{order.id}/pending")
    outbox.add("audit", audit_transaction(record), entry_id="audit/audit-1")
    client = FhirClient(platform.fhir_base)
    summary = send_due(outbox, client, transactions=False)
    assert (summary.sent, summary.audited, summary.rejected) == (1, 1, 0)
    assert client.read("AuditEvent", "audit-1")["id"] == "audit-1"
    assert len(matches(platform.fhir_base, "Basic", identifier=f"{PENDING_SYSTEM}|pieces-10")) == 1
    outbox.add("pending", pending_transaction(order), entry_id=f"{order.id}/pending-again")
    assert send_due(outbox, client, transactions=False).sent == 1
    assert len(matches(platform.fhir_base, "Basic", identifier=f"{PENDING_SYSTEM}|pieces-10")) == 1
