"""The HIS's order-check service, called as an HIS calls it: plain JSON over HTTP (CDS Hooks 2.0)."""

from __future__ import annotations

import pytest
import requests

from app.config import SiteConfig, SourceConfig
from app.domain.repeat_orders import REPEAT_REASON_SYSTEM
from app.platform.loopback_server import LoopbackJsonServer
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_ORGANIZATION_ID, VIEWING_REGION
from app.services.audit import Auditor
from app.services.cds_hooks import CdsHooks, start_service
from app.services.workspace import Workspace
from tests.conftest import ANCHOR

SECRET = "s3cret-for-the-his-0123"


@pytest.fixture
def service(demo_platform, tmp_path):
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=VIEWING_ORGANIZATION_ID, region=VIEWING_REGION))
    ws.now = lambda: ANCHOR
    auditor = Auditor(None, tmp_path / "audit.jsonl")
    server = start_service(CdsHooks(ws, auditor), SECRET, 0)
    yield server, auditor
    server.stop()
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


def test_discovery_lists_both_hooks(service):
    server, _ = service
    answer = requests.get(server.url + "/cds-services", headers={"Authorization": f"Bearer {SECRET}"}, timeout=10)
    assert answer.status_code == 200
    assert {s["hook"] for s in answer.json()["services"]} == {"order-select", "order-sign"}


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
    assert auditor.log.records()[-1].action.value == "patient-query"

    feedback = {"feedback": [{"card": card["uuid"], "outcome": "overridden",
                              "overrideReason": {"reason": {"system": REPEAT_REASON_SYSTEM, "code": "emergency"},
                                                 "userComment": "抢救"},
                              "outcomeTimestamp": "2026-11-20T09:31:00+08:00"}]}
    assert _post(server, "/cds-services/huren-order-select/feedback", feedback).status_code == 200
    last = auditor.log.records()[-1]
    assert last.action.value == "order-decision" and "overridden (emergency)" in last.detail


def test_no_card_for_items_without_a_recognizable_prior(service):
    server, _ = service
    tsh = {"system": "http://loinc.org", "code": "3016-3"}
    answer = _post(server, "/cds-services/huren-order-sign", {**_order_select(tsh), "hook": "order-sign"})
    assert answer.status_code == 200 and answer.json()["cards"] == []


_LK = {"system": "http://loinc.org", "code": "2823-3"}


@pytest.mark.parametrize("body, raw, words", [
    (None, b"{not json", "not JSON"),
    (None, b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
    ({**_order_select(_LK), "prefetch": "x"}, None, "prefetch must be an object"),
    ({"hook": "order-select", "context": {}}, None, "context.patientId is required"),
    ({"hook": "order-sign", "context": {"patientId": "x", "draftOrders": {}}}, None, "answers the hook"),
    ({"hook": "order-select", "context": {"patientId": "x", "draftOrders": []}}, None, "must be a FHIR Bundle"),
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

    assert handle(CdsHooks(workspace=None), "POST", "/cds-services/nope", {})[0] == 404   # type: ignore[arg-type]


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


def test_an_idle_connection_is_closed_by_the_service(service):
    """One idle connection must not hold a thread for ever: the service hangs up after its timeout."""
    import socket
    import time

    server, _ = service
    host, port = server.url.split("//")[1].split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=30) as idle:
        assert idle.recv(1) == b""    # closed by the service, not by us
    assert time.monotonic() - started < 15
