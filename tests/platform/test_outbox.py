import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.platform.outbox import Outbox, Status

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
