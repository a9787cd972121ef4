"""Support for the piecewise-sending tests: big orders, counting records over HTTP, and a proxy.

The proxy stands in front of a REAL sandbox and only changes what the sandbox cannot be made
to do: run a transaction as a batch and call it a transaction, answer a transaction with
something that is not a Bundle, or fail one request with a 5xx. Everything else is forwarded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import requests

from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, PENDING_SYSTEM, RECOGNITION_SYSTEM
from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, PatientConsent, RepeatReason
from app.domain.staff import Role, StaffMember
from tests.services.test_submission import ITEMS

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl")
NURSE = StaffMember("prac-sl-zhaojing", "赵静", Role.NURSE, "org-sdsl")
CODES = sorted(ITEMS)


def big_order(order_id: str, repeats: int = 8, recognitions: int = 8) -> Order:
    """A finished order: `repeats` repeated items (with consent), `recognitions` recognized ones."""
    repeated = [ItemDecision(code, f"demo:obs-r{i}").repeat(RepeatReason.CRUCIAL_ITEM, "术前复查")
                for i, code in enumerate(CODES[:repeats])]
    recognized = [ItemDecision(code, f"demo:obs-k{i}") for i, code in enumerate(CODES[repeats:repeats + recognitions])]
    order = Order(order_id, "pat-0001", "张伟", DOCTOR, NOW, (*repeated, *recognized)).submitted()
    if not repeats:
        return order
    return order.with_consent(PatientConsent(
        consented=True, signer_name="张伟", relationship="self", method=ConsentMethod.DRAWN_SIGNATURE,
        recorded_at=NOW, recorded_by=NURSE, explained="复查说明", attachment=b"sig", attachment_type="image/png"))


def matches(fhir_base: str, kind: str, **params: str) -> list[dict]:
    params.setdefault("_count", "200")
    bundle = requests.get(f"{fhir_base}/{kind}", params=params, timeout=10).json()
    return [e["resource"] for e in bundle.get("entry", []) if e.get("search", {}).get("mode", "match") == "match"]


def records_of(fhir_base: str, order: Order) -> dict[str, int]:
    """How many records the platform holds under each of the order's identifiers (1 each = exactly once)."""
    counts: dict[str, int] = {}
    for d in order.repeats:
        found = matches(fhir_base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/{d.item_code}")
        counts[f"sr/{d.item_code}"] = len(found)
    for d in order.recognitions:
        found = matches(fhir_base, "Basic", identifier=f"{RECOGNITION_SYSTEM}|{order.id}/{d.item_code}")
        counts[f"rec/{d.item_code}"] = len(found)
    if order.consent is not None:
        counts["consent"] = len(matches(fhir_base, "Consent", identifier=f"{CONSENT_SYSTEM}|{order.id}"))
        counts["worklist"] = len(matches(fhir_base, "Basic", identifier=f"{PENDING_SYSTEM}|{order.id}"))
    return counts


def provenances(fhir_base: str) -> list[dict]:
    return matches(fhir_base, "Provenance")


class Proxy:
    """Forwards to `target` (a sandbox's FHIR base), recording (method, path) of each request.

    `on_transaction(bundle)` may answer `POST /fhir` itself: return (status, body) or None to
    forward. `fail_at` maps a request's number (1-based) to a status answered instead.
    `terse` drops Location and body from the answers to writes, as a `return=minimal` server.
    """

    def __init__(self, target: str) -> None:
        self.target = target.rstrip("/")
        self.seen: list[tuple[str, str]] = []
        self.on_transaction: Callable[[dict], tuple[int, dict] | None] = lambda bundle: None
        self.fail_at: dict[int, int] = {}
        self.terse = False
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                proxy._handle(self)

            do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def fhir_base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/fhir"

    def __enter__(self) -> Proxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        path = urlsplit(h.path).path.rstrip("/")
        self.seen.append((h.command, path))
        if len(self.seen) in self.fail_at:
            return _answer(h, self.fail_at[len(self.seen)], {"resourceType": "OperationOutcome", "issue": [
                {"severity": "error", "code": "transient", "diagnostics": "gateway restarting"}]})
        if h.command == "POST" and path == "/fhir":
            answered = self.on_transaction(json.loads(body))
            if answered is not None:
                return _answer(h, *answered)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.target))
        headers = {k: v for k, v in h.headers.items()
                   if k.lower() in ("content-type", "accept", "if-none-exist", "prefer")}
        r = requests.request(h.command, origin + h.path, data=body or None, headers=headers, timeout=10)
        extra = {"Location": r.headers["Location"]} if "Location" in r.headers else {}
        content = r.content
        if self.terse and h.command in ("POST", "PUT") and r.ok:
            extra, content = {}, b""
        h.send_response(r.status_code)
        for key, value in {"Content-Type": r.headers.get("Content-Type", "application/fhir+json"),
                           "Content-Length": str(len(content)), **extra}.items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(content)


def _answer(h: BaseHTTPRequestHandler, status: int, doc: dict) -> None:
    data = json.dumps(doc).encode()
    h.send_response(status)
    h.send_header("Content-Type", "application/fhir+json")
    h.send_header("Content-Length", str(len(data)))
    h.end_headers()
    h.wfile.write(data)


def as_lying_batch(target: str) -> Callable[[dict], tuple[int, dict]]:
    """A server that runs a transaction as a batch and calls the answer a transaction-response."""

    def run(bundle: dict) -> tuple[int, dict]:
        answer = requests.post(target, json={**bundle, "type": "batch"},
                               headers={"Content-Type": "application/fhir+json"}, timeout=10).json()
        return 200, {**answer, "type": "transaction-response"}

    return run
