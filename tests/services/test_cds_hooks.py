"""The HIS's order-check service, called as an HIS calls it: plain JSON over HTTP (CDS Hooks 2.0)."""

from __future__ import annotations

import re

import pytest
import requests

from app.config import SiteConfig, SourceConfig
from app.domain.repeat_orders import REPEAT_REASON_SYSTEM
from app.platform.loopback_server import LoopbackJsonServer
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_ORGANIZATION_ID, VIEWING_REGION
from app.services.cds_hooks import CdsHooks, start_service
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from tests.conftest import ANCHOR

SECRET = "s3cret-for-the-his-0123"


@pytest.fixture
def service(demo_platform, tmp_path):
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=VIEWING_ORGANIZATION_ID, region=VIEWING_REGION))
    ws.now = lambda: ANCHOR
    station = Workstation(ws, folder=tmp_path)
    server = start_service(CdsHooks(station), SECRET, 0)
    yield server, station.auditor
    server.stop()
    station.close()
    ws.close()


def _post(server, path, body, token=SECRET, raw=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if raw is not None:
        return requests.post(server.url + path, data=raw, headers={**headers, "Content-Type": "application/json"},
                             timeout=60)
    return requests.post(server.url + path, json=body, headers=headers, timeout=60)


def _order_select(*codings, selections=None):
    entries = [{"resource": {"resourceType": "ServiceRequest", "id": f"draft-{i}", "status": "draft",
                             "intent": "proposal", "subject": {"reference": "Patient/his-123"},
                             "code": {"coding": [coding]}}} for i, coding in enumerate(codings)]
    return {"hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "hook": "order-select",
            "context": {"userId": "Practitioner/prac-sl-liming", "patientId": "his-123",
                        "selections": selections or [f"ServiceRequest/draft-{i}" for i in range(len(codings))],
                        "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": entries}},
            "prefetch": {"patient": {"resourceType": "Patient", "id": "his-123", "identifier": [
                {"system": "https://fhir.huren.cn/sid/cn-resident-id", "value": SHOWCASE_RESIDENT_ID}]}}}


def test_discovery_lists_the_hooks(service):
    server, _ = service
    answer = requests.get(server.url + "/cds-services", headers={"Authorization": f"Bearer {SECRET}"}, timeout=10)
    assert answer.status_code == 200
    services = {s["hook"]: s for s in answer.json()["services"]}
    assert set(services) == {"order-select", "order-sign", "patient-view"}
    assert services["patient-view"]["id"] == "huren-patient-view"
    assert services["patient-view"]["prefetch"] == {"patient": "Patient/{{context.patientId}}"}


def _patient_view(resident_id=SHOWCASE_RESIDENT_ID):
    return {"hookInstance": "0f6f3ba5-8a44-4d1c-9d7e-4f3e1c2b9a10", "hook": "patient-view",
            "context": {"userId": "Practitioner/prac-sl-liming", "patientId": "his-123"},
            "prefetch": {"patient": {"resourceType": "Patient", "id": "his-123", "identifier": [
                {"system": "https://fhir.huren.cn/sid/cn-resident-id", "value": resident_id}]}}}


def test_patient_view_answers_with_the_reminder_the_window_shows(service, demo_platform):
    from app.services.chart import load_chart
    from app.services.lookup import PatientQuery, lookup_all
    from app.services.reminders import by_record, reminders

    server, auditor = service
    answer = _post(server, "/cds-services/huren-patient-view", _patient_view())
    assert answer.status_code == 200, answer.text
    cards = answer.json()["cards"]
    # The same reminder as the services function gives the window for this chart: one card per record.
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=VIEWING_ORGANIZATION_ID, region=VIEWING_REGION))
    ws.now = lambda: ANCHOR
    try:
        person = lookup_all(ws, PatientQuery.from_text(SHOWCASE_RESIDENT_ID)).matches[0]
        chart = load_chart(ws, person)
        expected = by_record(reminders(chart.reports, chart.studies, VIEWING_ORGANIZATION_ID))
    finally:
        ws.close()
    assert len(cards) == len(expected) > 1
    assert [c["source"]["topic"]["code"] for c in cards] == [g.first.item.code for g in expected]
    for card, group in zip(cards, expected, strict=True):
        assert card["indicator"] == "info" and card["source"]["label"] == "互认 Huren"
        assert len(card["summary"]) <= 140 and group.hospital in card["summary"]
        assert f"{group.until:%Y-%m-%d}" in card["summary"] and group.marks[0] in card["summary"]
        assert "suggestions" not in card and card["links"][0]["url"].startswith("huren://open?")
    assert any("IMG-CT-CHEST" == c["source"]["topic"]["code"] for c in cards)   # imaging included
    # Audited: the look-up, the chart, and the reminder shown with its count and items.
    records = auditor.records()
    assert records[0].action.value == "patient-query" and records[0].detail.startswith("cds-hooks patient-view")
    (shown,) = [r for r in records if r.action.value == "reminder-shown"]
    assert shown.entity == "cds-hooks patient-view"
    assert int(shown.detail.split(":")[0]) == sum(len(g.items) for g in expected)


def test_patient_view_of_an_unknown_patient_has_no_card(service):
    server, auditor = service
    answer = _post(server, "/cds-services/huren-patient-view", _patient_view("110101199001011237"))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"cards": []}
    assert not [r for r in auditor.records() if r.action.value == "reminder-shown"]


def test_a_recognizable_prior_result_gives_a_warning_card(service):
    server, auditor = service
    potassium = {"system": "http://loinc.org", "code": "2823-3", "display": "Potassium"}
    unknown = {"system": "http://example.org/his", "code": "XRAY-99"}
    answer = _post(server, "/cds-services/huren-order-select", _order_select(potassium, unknown))
    assert answer.status_code == 200, answer.text
    (card,) = answer.json()["cards"]
    assert card["indicator"] == "warning" and "钾" in card["summary"] and "HR" in card["summary"]
    assert "mmol/L" in card["summary"] and card["source"]["topic"]["code"] == "LAB-K"
    (suggestion,) = card["suggestions"]
    assert suggestion["actions"][0] == {"type": "delete", "description": "Remove the draft order",
                                        "resourceId": ["ServiceRequest/draft-0"]}
    assert card["links"][0]["url"].startswith("huren://open?") and "item=LAB-K" in card["links"][0]["url"]
    assert {r["system"] for r in card["overrideReasons"]} == {REPEAT_REASON_SYSTEM}
    # Audited as the window audits: the look-up (masked), the patient's records, the report given as prior.
    actions = [(r.action.value, r.entity, r.detail) for r in auditor.records()]
    assert actions[0][0] == "patient-query" and actions[0][2].startswith("cds-hooks order-select: ")
    assert not re.search(r"\d{15}", actions[0][2])                            # the ID is masked
    assert {a for a, _, _ in actions[1:]} == {"patient-read", "report-read"}
    assert any(a == "report-read" and e.startswith(("DiagnosticReport/", "DocumentReference/"))
               for a, e, _ in actions)

    feedback = {"feedback": [{"card": card["uuid"], "outcome": "overridden",
                              "overrideReason": {"reason": {"system": REPEAT_REASON_SYSTEM, "code": "emergency"},
                                                 "userComment": "抢救"},
                              "outcomeTimestamp": "2026-11-20T09:31:00+08:00"}]}
    assert _post(server, "/cds-services/huren-order-select/feedback", feedback).status_code == 200
    last = auditor.records()[-1]
    assert last.action.value == "order-decision" and "overridden (emergency)" in last.detail


def test_no_card_for_items_without_a_recognizable_prior(service):
    server, _ = service
    tsh = {"system": "http://loinc.org", "code": "3016-3"}
    answer = _post(server, "/cds-services/huren-order-sign", {**_order_select(tsh), "hook": "order-sign"})
    assert answer.status_code == 200 and answer.json()["cards"] == []


_LK = {"system": "http://loinc.org", "code": "2823-3"}


def _shaped(*path_and_value):
    """A good order-select call with one member, down `path`, replaced by a value of the wrong shape."""
    import copy

    *path, last, value = path_and_value
    body = copy.deepcopy(_order_select(_LK))
    node = body
    for step in path:
        node = node[step]
    node[last] = value
    return body


@pytest.mark.parametrize("body, raw, words", [
    (None, b"{not json", "not JSON"),
    (None, b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
    ({**_order_select(_LK), "prefetch": "x"}, None, "prefetch must be an object"),
    ({"hook": "order-select", "context": {}}, None, "context.patientId is required"),
    ({"hook": "order-sign", "context": {"patientId": "x", "draftOrders": {}}}, None, "answers the hook"),
    ({"hook": "order-select", "context": {"patientId": "x", "draftOrders": []}}, None, "must be a FHIR Bundle"),
    ({"hook": "order-select", "context": {"patientId": ["x"]}}, None, "patientId must be a string"),
    (_shaped("context", "selections", 5), None, "selections must be a list"),
    (_shaped("context", "selections", [["x"]]), None, "selections must be a list"),
    (_shaped("context", "draftOrders", "entry", 5), None, "entry must be a list"),
    (_shaped("context", "draftOrders", "entry", 0, "resource", "code", "x"), None, "CodeableConcept"),
    (_shaped("context", "draftOrders", "entry", 0, "resource", "code", "coding", 5), None, "CodeableConcept"),
    (_shaped("prefetch", "patient", "identifier", 5), None, "identifier must be a list"),
])
def test_bad_requests_get_400_with_a_message(service, body, raw, words):
    server, _ = service
    answer = _post(server, "/cds-services/huren-order-select", body, raw=raw)
    assert answer.status_code == 400 and words in answer.json()["error"]


def test_a_missing_or_wrong_token_gets_401(service):
    server, _ = service
    assert _post(server, "/cds-services/huren-order-select", {}, token=None).status_code == 401
    assert _post(server, "/cds-services/huren-order-select", {}, token="wrong").status_code == 401
    assert requests.get(server.url + "/cds-services", timeout=10).status_code == 401


def test_unknown_service_is_404():
    from app.services.cds_hooks import handle

    assert handle(CdsHooks(station=None), "POST", "/cds-services/nope", {})[0] == 404   # type: ignore[arg-type]


def test_the_service_refuses_to_listen_beyond_this_workstation():
    with pytest.raises(ValueError, match="loopback"):
        LoopbackJsonServer(lambda *a: (200, {}), SECRET, host="0.0.0.0")
    with pytest.raises(ValueError, match="at least 16"):
        LoopbackJsonServer(lambda *a: (200, {}), "short")


@pytest.mark.parametrize("override", ["x", {"reason": "condition-changed"}])
def test_feedback_of_the_wrong_shape_is_a_400_never_a_500(service, override):
    server, _ = service
    body = {"feedback": [{"card": "c1", "outcome": "overridden", "overrideReason": override}]}
    answer = _post(server, "/cds-services/huren-order-select/feedback", body)
    assert answer.status_code == 400 and "overrideReason" in answer.json()["error"]


def _idle(server, count):
    import socket

    host, port = server.url.split("//")[1].split(":")
    return [socket.create_connection((host, int(port)), timeout=30) for _ in range(count)]


def test_an_idle_connection_is_closed_by_the_service(service):
    """One idle connection must not hold a thread for ever: the service hangs up after its timeout."""
    import time

    server, _ = service
    assert server.timeout == 10
    server.timeout = 0.5     # the same rule, sooner
    started = time.monotonic()
    (idle,) = _idle(server, 1)
    with idle:
        assert idle.recv(1) == b""    # closed by the service, not by us
    assert time.monotonic() - started < 3


def test_fifty_idle_connections_hold_no_threads_and_the_his_still_gets_its_answer(service):
    import threading
    import time

    server, _ = service
    baseline = threading.active_count()
    idle = _idle(server, 50)
    try:
        time.sleep(0.3)
        answer = _post(server, "/cds-services/huren-order-select", _order_select(_LK))
        assert answer.status_code == 200 and answer.json()["cards"]
        assert threading.active_count() <= baseline + 8 + 2    # the worker pool at most, never one per connection
    finally:
        for conn in idle:
            conn.close()


def test_a_burst_of_calls_is_answered_200_or_503_never_dropped(service):
    from concurrent.futures import ThreadPoolExecutor

    server, _ = service
    with ThreadPoolExecutor(100) as pool:
        answers = list(pool.map(lambda _: _post(server, "/cds-services/huren-order-select", _order_select(_LK)),
                                range(100)))
    assert {a.status_code for a in answers} <= {200, 503}
    assert all(a.json()["cards"] for a in answers if a.status_code == 200)
    assert all(a.headers["Retry-After"] and a.json()["error"] for a in answers if a.status_code == 503)
    assert _post(server, "/cds-services/huren-order-select", _order_select(_LK)).status_code == 200


@pytest.mark.parametrize("headers, data, status, words", [
    ({"Content-Type": "application/json"}, b" " * (1024 * 1024 + 1), 413, "too large"),
    ({"Content-Type": "application/json"}, iter([b"{", b"}"]), 411, "Content-Length"),
    ({"Content-Type": "text/plain"}, b"{}", 415, "application/json"),
    ({}, b"{}", 415, "application/json"),
])
def test_bodies_refused_before_they_are_read(service, headers, data, status, words):
    server, _ = service
    answer = requests.post(server.url + "/cds-services/huren-order-select", data=data,
                           headers={"Authorization": f"Bearer {SECRET}", **headers}, timeout=30)
    assert answer.status_code == status and words in answer.json()["error"]
