"""Issue 12 over HTTP: a sandbox that refuses transactions over eight entries still gets every order, once.

`SandboxServer(conformance=MINIMAL)` answers a larger transaction with 400 too-costly, as a
real independent server did. The sender adapts without a word to the user (no "rejected"),
sends ordered pieces, survives a SIGKILL between them, and rejects only a record the server
refuses on its own. The full sandbox still gets one transaction.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from app.platform.fhir.client import FhirClient
from app.platform.fhir.records import order_transaction
from app.platform.outbox import Outbox, Status
from app.sandbox.conformance import FULL, MINIMAL
from app.services.ordering.sending import queue, send_due
from tests.services.piece_orders import big_order, matches, provenances, records_of
from tests.services.test_submission import ITEMS
from tests.services.test_submission_pieces import assert_exactly_once

ROOT = Path(__file__).resolve().parents[2]


def sandbox(tmp_path: Path, conformance):
    from app.sandbox.server import SandboxServer

    return SandboxServer(tmp_path / "platform", demo=False, images=False, conformance=conformance)


@pytest.fixture
def minimal(tmp_path):
    with sandbox(tmp_path, MINIMAL) as server:
        yield server


@pytest.fixture
def outbox(tmp_path):
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def sandbox_requests(caplog, expected: int = 0, wait: float = 3.0) -> list[tuple[str, str, int]]:
    """(method, path, status) from the sandbox's request log; it logs just after answering, so wait a little."""
    deadline = time.monotonic() + wait
    while True:
        seen = [tuple(r.args[:3]) for r in caplog.records
                if r.name == "huren.sandbox" and r.msg == "%s %s %d %.1f ms"]
        if len(seen) >= expected or time.monotonic() > deadline:
            return seen
        time.sleep(0.02)


def test_a_large_order_reaches_a_minimal_server_in_pieces_without_bothering_the_user(minimal, outbox, caplog):
    caplog.set_level(logging.INFO)
    order = big_order("minimal-1", repeats=8, recognitions=8)
    assert len(order_transaction(order, ITEMS)["entry"]) == 19
    queue(outbox, order, ITEMS)
    summary = send_due(outbox, FhirClient(minimal.fhir_base))
    assert (summary.sent, summary.retrying, summary.rejected) == (1, 0, 0)
    sent = outbox.get("minimal-1")
    assert sent.status is Status.SENT and sent.last_error == "" and outbox.count(Status.REJECTED) == 0
    assert_exactly_once(minimal.fhir_base, order)
    adapted = [r for r in caplog.records if r.name == "huren.services" and "one transaction" in r.getMessage()]
    assert [r.levelno for r in adapted] == [logging.INFO]
    assert not [r for r in caplog.records if r.name == "huren.services" and r.levelno >= logging.WARNING]
    requests_seen = sandbox_requests(caplog, expected=1 + 19)
    assert requests_seen[0] == ("POST", "/fhir/", 400)
    assert len([r for r in requests_seen if r[0] in ("POST", "PUT")]) == 1 + 19


def test_sending_the_same_large_order_twice_leaves_one_of_each(minimal, outbox):
    order = big_order("minimal-2", repeats=8, recognitions=8)
    queue(outbox, order, ITEMS)
    client = FhirClient(minimal.fhir_base)
    assert send_due(outbox, client).sent == 1
    outbox.add("order", order_transaction(order, ITEMS), entry_id="minimal-2/again")
    assert send_due(outbox, client).sent == 1
    assert_exactly_once(minimal.fhir_base, order)


def test_a_small_order_still_goes_to_a_minimal_server_as_one_transaction(minimal, outbox, caplog):
    caplog.set_level(logging.INFO, logger="huren.sandbox")
    order = big_order("minimal-3", repeats=2, recognitions=2)     # 7 entries: within the limit
    queue(outbox, order, ITEMS)
    assert send_due(outbox, FhirClient(minimal.fhir_base)).sent == 1
    assert sandbox_requests(caplog, expected=1) == [("POST", "/fhir/", 200)]
    assert_exactly_once(minimal.fhir_base, order)


def test_the_full_sandbox_gets_the_large_order_as_one_transaction(tmp_path, outbox, caplog):
    caplog.set_level(logging.INFO, logger="huren.sandbox")
    order = big_order("full-1", repeats=8, recognitions=8)
    queue(outbox, order, ITEMS)
    with sandbox(tmp_path, FULL) as full:
        caplog.clear()
        assert send_due(outbox, FhirClient(full.fhir_base)).sent == 1
        writes = [r for r in sandbox_requests(caplog, expected=1) if r[0] in ("POST", "PUT")]
        assert writes == [("POST", "/fhir/", 200)]
        assert_exactly_once(full.fhir_base, order)


def test_an_invalid_piece_is_rejected_with_the_servers_message(minimal, outbox):
    order = big_order("minimal-4", repeats=8, recognitions=8)
    bundle = order_transaction(order, ITEMS)
    bundle["entry"][12]["resource"]["meta"] = "broken"          # a recognition record
    outbox.add("order", bundle, entry_id=order.id)
    summary = send_due(outbox, FhirClient(minimal.fhir_base))
    assert (summary.sent, summary.rejected) == (0, 1)
    kept = outbox.get(order.id)
    assert kept.status is Status.REJECTED
    assert "HTTP 422" in kept.last_error and "meta must be an object" in kept.last_error
    assert "too many entries" not in kept.last_error        # the shape was the client's business
    assert provenances(minimal.fhir_base) == []               # the order is not attested as complete


# -- a crash between pieces ------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import logging, sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from app.platform.fhir.client import FhirClient
    from app.platform.outbox import Outbox
    from app.services.ordering.sending import send_due

    class Tell(logging.Handler):
        '''Print a line at the moment the test waits for, then hold still to be killed.'''
        seen = 0
        def emit(self, record):
            if {marker!r} in record.getMessage():
                Tell.seen += 1
                if Tell.seen == {nth}:
                    print("AT", record.getMessage(), flush=True)
                    time.sleep(60)

    for name in ("huren.services", "huren.platform"):
        logging.getLogger(name).addHandler(Tell())
        logging.getLogger(name).setLevel(logging.DEBUG)
    send_due(Outbox(Path({path!r})), FhirClient({base!r}))
    print("DONE", flush=True)
""")


@pytest.mark.parametrize(("marker", "nth", "recorded"), [
    ("piece 1 of 19 written", 1, ["0"]),                      # killed after the first piece was recorded
    ("/fhir/ServiceRequest -> 201", 2, ["0"]),                # killed after the server stored the second, unrecorded
], ids=["after-a-recorded-piece", "before-recording-a-stored-piece"])
def test_a_sigkill_between_pieces_resumes_without_doubling_anything(minimal, tmp_path, marker, nth, recorded):
    path = tmp_path / "outbox.sqlite3"
    order = big_order("minimal-crash", repeats=8, recognitions=8)
    box = Outbox(path)
    queue(box, order, ITEMS)
    box.close()
    script = CHILD.format(root=str(ROOT), marker=marker, nth=nth, path=str(path), base=minimal.fhir_base)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(60, child.kill)
    watchdog.start()
    try:
        line = child.stdout.readline()
        assert line.startswith("AT "), line + child.stderr.read()
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        watchdog.cancel()
        child.stdout.close()
        child.stderr.close()
    outbox = Outbox(path)
    halfway = outbox.get(order.id)
    assert halfway.status is Status.PENDING and sorted(halfway.progress["done"]) == recorded
    assert provenances(minimal.fhir_base) == []
    stored = len(matches(minimal.fhir_base, "ServiceRequest"))
    assert stored == nth                                       # on the server: one or two, not all
    assert send_due(outbox, FhirClient(minimal.fhir_base)).sent == 1
    assert outbox.get(order.id).status is Status.SENT
    assert_exactly_once(minimal.fhir_base, order)
    assert set(records_of(minimal.fhir_base, order).values()) == {1}
    outbox.close()
