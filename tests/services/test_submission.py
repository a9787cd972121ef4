"""Orders reach the platform exactly once: read back over FHIR, through outages, crashes and refusals."""

from __future__ import annotations

import base64
import signal
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from app.domain.catalogue import parse_catalogue
from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, RECOGNITION_SYSTEM
from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, PatientConsent, RepeatReason
from app.domain.staff import Role, StaffMember
from app.platform.fhir.client import FhirClient
from app.platform.outbox import Outbox, Status
from app.resources import bundled_catalogue
from app.services.ordering.sending import queue, send_due
from tests.helpers.servers import failing_server

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl")
NURSE = StaffMember("prac-sl-zhaojing", "赵静", Role.NURSE, "org-sdsl")
SIGNATURE = b"\x89PNG\r\n\x1a\n-signature-"
ITEMS = parse_catalogue(bundled_catalogue()).items


def finished_order(order_id: str, patient_id: str = "pat-0001") -> Order:
    decisions = (ItemDecision("LAB-K", "demo:obs-0001-002-01").repeat(RepeatReason.CRUCIAL_ITEM, "术前复查"),
                 ItemDecision("LAB-NA", "demo:obs-0001-002-02"))
    order = Order(order_id, patient_id, "张伟", DOCTOR, NOW, decisions, clinical_note="择期手术").submitted()
    return order.with_consent(PatientConsent(
        consented=True, signer_name="张伟", relationship="self", method=ConsentMethod.DRAWN_SIGNATURE,
        recorded_at=NOW, recorded_by=NURSE, explained="钾：术前需复查，费用4元", attachment=SIGNATURE,
        attachment_type="image/png"))


@pytest.fixture
def platform(tmp_path):
    from app.sandbox.server import SandboxServer

    with SandboxServer(tmp_path / "platform", demo=False) as server:
        yield server


def search(server, kind: str, **params) -> list[dict]:
    bundle = requests.get(f"{server.fhir_base}/{kind}", params=params, timeout=10).json()
    return [e["resource"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"]


def test_order_records_read_back_from_the_platform(platform, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    queue(outbox, finished_order("order-1"), ITEMS)
    assert send_due(outbox, FhirClient(platform.fhir_base)).sent == 1
    (sr,) = search(platform, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|order-1/LAB-K")
    assert sr["reasonCode"][0]["coding"][0]["code"] == "crucial-item" and sr["note"][0]["text"] == "术前复查"
    assert sr["supportingInfo"][0]["reference"] == "Observation/obs-0001-002-01"
    assert sr["requester"]["reference"] == "Practitioner/prac-sl-liming"
    (consent,) = search(platform, "Consent", identifier=f"{CONSENT_SYSTEM}|order-1")
    assert base64.b64decode(consent["sourceAttachment"]["data"]) == SIGNATURE
    assert consent["provision"]["type"] == "permit"
    assert consent["provision"]["data"][0]["reference"]["reference"] == f"ServiceRequest/{sr['id']}"
    (rec,) = search(platform, "Basic", identifier=f"{RECOGNITION_SYSTEM}|order-1/LAB-NA")
    assert {"valueMoney": {"value": 4.0, "currency": "CNY"}} in [
        {k: v for k, v in e.items() if k == "valueMoney"} for e in rec["extension"]]
    provenance = search(platform, "Provenance", target=f"ServiceRequest/{sr['id']}")
    assert len(provenance) == 1
    assert {a["who"]["reference"] for a in provenance[0]["agent"]} == {"Practitioner/prac-sl-liming",
                                                                        "Practitioner/prac-sl-zhaojing"}
    assert outbox.count(Status.SENT) == 1 and outbox.count(Status.PENDING) == 0


def test_ten_orders_during_an_outage_arrive_once(tmp_path):
    from app.sandbox.server import SandboxServer

    outbox = Outbox(tmp_path / "outbox.sqlite3")
    server = SandboxServer(tmp_path / "platform", demo=False).start()
    port, base = int(server.url.rsplit(":", 1)[1]), server.fhir_base
    server.stop()  # the platform goes down
    client = FhirClient(base, timeout=2, retries=0)
    for n in range(10):
        queue(outbox, finished_order(f"outage-{n}"), ITEMS)
    summary = send_due(outbox, client)
    assert (summary.sent, summary.retrying) == (0, 10)
    assert outbox.count(Status.PENDING) == 10 and all(e.attempts == 1 for e in outbox.due(now=10**12))
    with SandboxServer(tmp_path / "platform", demo=False, port=port) as again:  # back up, same address
        assert send_due(outbox, client).sent == 0  # backing off: nothing due yet
        assert send_due(outbox, client, now=10**12).sent == 10
        assert send_due(outbox, client, now=10**12).sent == 0
        orders = search(again, "ServiceRequest", _count="100")
        assert sorted(o["identifier"][0]["value"] for o in orders) == sorted(f"outage-{n}/LAB-K" for n in range(10))
        assert len(search(again, "Consent", _count="100")) == 10


def test_crash_between_send_and_acknowledgement_leaves_one_record(platform, tmp_path):
    """The sender posts, the process is SIGKILLed before it marks the entry sent; the restart resends."""
    path = tmp_path / "outbox.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from app.platform.fhir.client import FhirClient
        from app.platform.outbox import Outbox
        from app.services.ordering.sending import queue
        from tests.services.test_submission import ITEMS, finished_order
        box = Outbox(Path({str(path)!r}))
        queue(box, finished_order("crash-1"), ITEMS)
        entry = box.due()[0]
        FhirClient({platform.fhir_base!r}).post("", entry.payload)   # delivered...
        os.kill(os.getpid(), signal.SIGKILL)                          # ...but never acknowledged
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert len(search(platform, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|crash-1/LAB-K")) == 1
    outbox = Outbox(path)
    assert outbox.get("crash-1").status is Status.PENDING
    assert send_due(outbox, FhirClient(platform.fhir_base)).sent == 1
    assert len(search(platform, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|crash-1/LAB-K")) == 1
    assert len(search(platform, "Consent", identifier=f"{CONSENT_SYSTEM}|crash-1")) == 1
    assert len(search(platform, "Basic", identifier=f"{RECOGNITION_SYSTEM}|crash-1/LAB-NA")) == 1
    assert len(search(platform, "Provenance", _count="50")) == 1


def test_platform_refusal_is_kept_with_its_reason(tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    queue(outbox, finished_order("refused-1"), ITEMS)
    with failing_server(422) as refusing:
        summary = send_due(outbox, FhirClient(refusing.fhir_base, retries=0))
    assert summary.rejected == 1
    kept = outbox.get("refused-1")
    assert kept.status is Status.REJECTED and "422" in kept.last_error and "database unavailable" in kept.last_error
    assert kept.payload["type"] == "transaction"  # nothing dropped: the records wait for correction
    assert outbox.due(now=10**12) == []           # and are not hammered at the platform again


@pytest.mark.parametrize("status", [503, 401])   # 401: nobody signed in; the records wait for a sign-in
def test_server_errors_and_missing_sign_in_are_retried_not_rejected(tmp_path, status):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    queue(outbox, finished_order("five-hundred"), ITEMS)
    with failing_server(status) as broken:
        summary = send_due(outbox, FhirClient(broken.fhir_base, retries=0))
    assert summary.retrying == 1 and outbox.get("five-hundred").status is Status.PENDING
