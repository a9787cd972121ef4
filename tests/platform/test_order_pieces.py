"""A transaction as ordered pieces: the order, the conditional headers, references made real, answers read."""

from __future__ import annotations

import copy

import pytest

from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM
from app.platform.fhir.order_pieces import MalformedTransaction, pieces, response_problem, written_reference
from app.platform.fhir.records import order_transaction, pending_transaction
from tests.services.piece_orders import big_order
from tests.services.test_submission import ITEMS


def test_an_order_splits_into_creates_the_worklist_update_and_the_provenance_last():
    order = big_order("split-1", repeats=3, recognitions=2)
    bundle = order_transaction(order, ITEMS)
    parts = pieces(bundle)
    assert [(p.method, p.resource_type) for p in parts] == [
        *[("POST", "ServiceRequest")] * 3, ("POST", "Consent"), *[("POST", "Basic")] * 2,
        ("PUT", "Basic"), ("PUT", "Provenance")]
    assert [p.index for p in parts] == list(range(8))
    sr = parts[0]
    method, url, body, headers = sr.request({})
    assert (method, url) == ("POST", "ServiceRequest")
    assert headers == {"If-None-Exist": f"identifier={ORDER_SYSTEM}|split-1/{order.repeats[0].item_code}"}
    assert body == bundle["entry"][0]["resource"]
    consent = parts[3]
    assert consent.if_none_exist == f"identifier={CONSENT_SYSTEM}|split-1"
    assert consent.refers_to == {p.full_url for p in parts[:3]}
    assert parts[-1].refers_to == {p.full_url for p in parts[:6]}
    assert parts[-2].url.startswith("Basic?identifier=") and parts[-2].request({})[3] == {}
    assert parts[-1].known_reference() == parts[-1].url and parts[-2].known_reference() == ""


def test_a_piece_comes_after_the_pieces_it_refers_to_whatever_the_bundle_order():
    bundle = order_transaction(big_order("split-2", repeats=2, recognitions=1), ITEMS)
    shuffled = {**bundle, "entry": [bundle["entry"][-1], bundle["entry"][2], *bundle["entry"][:2],
                                    *bundle["entry"][3:-1]]}
    order = [(p.resource_type, p.index) for p in pieces(shuffled)]
    assert order.index(("ServiceRequest", 2)) < order.index(("Consent", 1))
    assert order.index(("ServiceRequest", 3)) < order.index(("Consent", 1))
    assert order[-1] == ("Provenance", 0)          # it names every other record


def test_references_to_earlier_pieces_become_the_servers_ids_and_the_payload_stays_untouched():
    bundle = order_transaction(big_order("split-3", repeats=2, recognitions=1), ITEMS)
    kept = copy.deepcopy(bundle)
    parts = pieces(bundle)
    resolved = {parts[0].full_url: "ServiceRequest/a", parts[1].full_url: "ServiceRequest/b",
                parts[2].full_url: "Consent/c", parts[3].full_url: "Basic/d"}
    consent = parts[2].request(resolved)[2]
    assert [d["reference"]["reference"] for d in consent["provision"]["data"]] == [
        "ServiceRequest/a", "ServiceRequest/b"]
    assert consent["patient"]["reference"] == "Patient/pat-0001"        # real references stay as they are
    provenance = parts[-1].request(resolved)[2]
    assert [t["reference"] for t in provenance["target"]] == [
        "ServiceRequest/a", "ServiceRequest/b", "Consent/c", "Basic/d"]
    assert bundle == kept


def test_pending_and_audit_transactions_are_one_piece_each():
    order = big_order("split-4", repeats=1, recognitions=0)
    (pending,) = pieces(pending_transaction(order))
    assert pending.method == "POST" and pending.if_none_exist.startswith("identifier=")
    audit = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"resource": {"resourceType": "AuditEvent", "id": "a1"}, "request": {"method": "PUT", "url": "AuditEvent/a1"}}]}
    (event,) = pieces(audit)
    assert event.known_reference() == "AuditEvent/a1" and event.request({})[3] == {}


@pytest.mark.parametrize("bundle", [None, {"resourceType": "Bundle", "type": "searchset", "entry": []},
                                    {"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": {}}]},
                                    {"resourceType": "Bundle", "type": "transaction",
                                     "entry": [{"resource": 3, "request": {"method": "POST", "url": "Basic"}}]}])
def test_a_malformed_stored_bundle_is_said_so(bundle):
    with pytest.raises(MalformedTransaction):
        pieces(bundle)


@pytest.mark.parametrize(("location", "body", "expected"), [
    ("http://h/fhir/ServiceRequest/abc/_history/1", None, "ServiceRequest/abc"),
    ("https://h:8443/base/r4/ServiceRequest/abc", None, "ServiceRequest/abc"),
    ("ServiceRequest/abc/_history/7", {"resourceType": "ServiceRequest", "id": "other"}, "ServiceRequest/abc"),
    ("", {"resourceType": "ServiceRequest", "id": "existing"}, "ServiceRequest/existing"),   # 200, found
    ("http://h/fhir/Consent/x/_history/1", {"resourceType": "OperationOutcome"}, ""),      # another type
    ("", {"resourceType": "OperationOutcome", "id": "oo"}, ""),
    ("", None, ""),
])
def test_the_id_a_write_got_is_read_from_location_then_body(location, body, expected):
    assert written_reference("ServiceRequest", location, body) == expected


SENT = {"resourceType": "Bundle", "type": "transaction", "entry": [{}, {}]}


def _answer(*statuses: object, kind: str = "transaction-response") -> dict:
    return {"resourceType": "Bundle", "type": kind, "entry": [{"response": {"status": s}} for s in statuses]}


@pytest.mark.parametrize(("answer", "problem"), [
    (_answer("201 Created", "200 OK"), ""),
    (_answer("201", "HTTP/1.1 200 OK", kind="batch-response"), ""),
    (_answer("201 Created", "400 Bad Request", kind="batch-response"), "entry 1: 400 Bad Request"),
    (_answer("500", "422 Unprocessable Entity"), "entry 0: 500; entry 1: 422 Unprocessable Entity"),
    (_answer("201 Created", None), "entry 1: no status"),
    (_answer("201 Created"), "the answer has 1 entries for 2 requests"),
    (_answer("201", "201", kind="searchset"), "the answer is not a transaction-response Bundle"),
    ({"resourceType": "OperationOutcome"}, "the answer is not a transaction-response Bundle"),
    (None, "the answer is not a transaction-response Bundle"),
])
def test_every_entry_of_a_transaction_response_must_say_2xx(answer, problem):
    assert response_problem(SENT, answer) == problem
