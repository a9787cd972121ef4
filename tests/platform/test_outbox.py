import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from app.domain.catalogue import parse_catalogue
from app.platform.fhir.records import order_transaction
from app.platform.outbox import Outbox, Status
from app.platform.sealing import SealedDataUnreadable, Sealer, load_sealer
from app.resources import bundled_catalogue
from tests.helpers.at_rest import files_holding
from tests.services.test_submission import finished_order

ROOT = Path(__file__).resolve().parents[2]


def test_durable_settings(tmp_path):
    box = Outbox(tmp_path / "outbox.sqlite3")
    assert box._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert box._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    box.close()


def test_lifecycle_and_backoff(tmp_path):
    box = Outbox(tmp_path / "outbox.sqlite3")
    a = box.add("order", {"resourceType": "Bundle", "note": "复查"})
    b = box.add("recognition", {"resourceType": "Bundle"})
    assert [e.id for e in box.due()] == [a, b] and box.count() == 2
    delay = box.retry_later(a, "HTTP 503")
    assert delay == 2.0 and [e.id for e in box.due()] == [b]
    assert box.retry_later(a, "HTTP 503") == 4.0  # exponential
    assert [e.id for e in box.due(now=10**12)] == [a, b]
    box.rejected(b, "HTTP 422: reasonCode missing")
    box.acknowledged(a)
    assert box.count(Status.PENDING) == 0 and box.count(Status.SENT) == 1
    kept = box.get(b)
    assert kept.status is Status.REJECTED and "422" in kept.last_error and kept.payload == {"resourceType": "Bundle"}
    box.close()


def test_written_entry_survives_sigkill(tmp_path):
    """A process killed right after add() returned: the entry is there on restart, with its identifier."""
    path = tmp_path / "outbox.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from app.platform.outbox import Outbox
        box = Outbox(__import__('pathlib').Path({str(path)!r}))
        print(box.add("order", {{"n": 1}}, entry_id="fixed-id"), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL and done.stdout.strip() == "fixed-id"
    box = Outbox(path)
    entry = box.get("fixed-id")
    assert entry is not None and entry.status is Status.PENDING and entry.payload == {"n": 1}
    box.close()


def assert_no_name_on_disk(folder: Path, name: str = "张伟") -> None:
    """Not in any file of the store as it lies on disk (database, -wal, -shm), in any spelling."""
    assert files_holding(folder, {"name": name}) == []


def _order_payload() -> dict:
    return order_transaction(finished_order("order-1"), parse_catalogue(bundled_catalogue()).items)


def test_sealed_payloads_hide_patient_names_on_disk(tmp_path, memory_keyring):
    folder = tmp_path / "data"
    payload = _order_payload()
    assert "张伟" in json.dumps(payload, ensure_ascii=False)       # the transaction does carry the name
    box = Outbox(folder / "outbox.sqlite3", load_sealer())
    box.add("order", payload, entry_id="order-1")
    assert {p.name for p in folder.iterdir()} >= {"outbox.sqlite3", "outbox.sqlite3-wal"}
    assert_no_name_on_disk(folder)         # while open: the commit is in the -wal
    box.close()
    assert_no_name_on_disk(folder)         # closed: checkpointed into the database file
    box = Outbox(folder / "outbox.sqlite3", load_sealer())
    assert box.get("order-1").payload == payload and [e.id for e in box.due()] == ["order-1"]
    box.close()


def test_plain_rows_of_an_earlier_version_still_read(tmp_path, memory_keyring):
    path = tmp_path / "outbox.sqlite3"
    old = Outbox(path)                     # an earlier version: no sealer
    old.add("order", {"display": "张伟"}, entry_id="old")
    old.close()
    box = Outbox(path, load_sealer())
    box.add("order", {"display": "李娜"}, entry_id="new")
    assert [e.payload for e in box.due(now=10**12)] == [{"display": "张伟"}, {"display": "李娜"}]
    box.close()


def test_a_payload_sealed_with_another_key_is_kept_and_named_and_holds_up_nothing(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    box = Outbox(path, Sealer(Fernet.generate_key()))
    box.add("order", {"display": "张伟"}, entry_id="a")
    box.close()
    box = Outbox(path, Sealer(Fernet.generate_key()))
    with pytest.raises(SealedDataUnreadable, match="key this workstation does not hold"):
        box.get("a")
    assert box.count() == 1                # still there, waiting for the right key
    box.add("order", {"display": "李四"}, entry_id="b")
    assert [e.id for e in box.due(now=1e12)] == ["b"]     # the unreadable one does not hold up the others
    assert [e.id for e in box.entries(Status.PENDING)] == ["b"] and box.count() == 2
    box.close()


def test_a_sent_entry_keeps_only_its_id_and_digest(tmp_path, memory_keyring):
    import hashlib

    from app.platform.outbox import SENT_DIGEST, Status

    folder = tmp_path / "data"
    box = Outbox(folder / "outbox.sqlite3", load_sealer())
    payload = _order_payload()
    box.add("order", payload, entry_id="order-1")
    box.progressed("order-1", {"Patient": "Patient/p1"})
    box.acknowledged("order-1")
    sent = box.get("order-1")
    digest = hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()
    assert sent.status is Status.SENT and sent.payload == {SENT_DIGEST: digest} and sent.progress == {}
    with pytest.raises(sqlite3.IntegrityError):
        box.add("order", payload, entry_id="order-1")     # exactly once: the id still guards
    box.close()
    assert_no_name_on_disk(folder)


def test_sent_entries_an_earlier_version_kept_whole_are_reduced_on_open(tmp_path):
    from app.platform.outbox import SENT_DIGEST

    path = tmp_path / "outbox.sqlite3"
    old = Outbox(path)
    old.add("order", {"display": "张伟"}, entry_id="old")
    old._db.execute("UPDATE outbox SET status = 'sent' WHERE id = 'old'")    # an earlier version's acknowledgement
    old.close()
    box = Outbox(path)
    assert list(box.get("old").payload) == [SENT_DIGEST]
    box.close()
    assert_no_name_on_disk(tmp_path)
