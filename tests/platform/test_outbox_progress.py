"""How far a piecewise send got: durable, sealed like the payload, gone once sent, added to old outboxes."""

from __future__ import annotations

import sqlite3

from cryptography.fernet import Fernet

from app.platform.outbox import Outbox, Status
from app.platform.sealing import Sealer


def test_progress_survives_a_reopen_and_is_sealed(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    sealer = Sealer(Fernet.generate_key())
    box = Outbox(path, sealer)
    box.add("order", {"resourceType": "Bundle"}, entry_id="o-1")
    assert box.get("o-1").progress == {}
    box.progressed("o-1", {"in_pieces": True, "done": {"0": "ServiceRequest/张"}})
    box.close()
    raw = sqlite3.connect(path).execute("SELECT progress FROM outbox").fetchone()[0]
    assert raw.startswith("fernet:") and "ServiceRequest" not in raw
    again = Outbox(path, sealer)
    (entry,) = again.due()
    assert entry.progress == {"in_pieces": True, "done": {"0": "ServiceRequest/张"}}
    again.retry_later("o-1", "HTTP 503")
    assert again.get("o-1").progress["done"] == {"0": "ServiceRequest/张"}   # a retry resumes, it does not restart
    again.acknowledged("o-1")
    sent = again.get("o-1")
    assert sent.status is Status.SENT and sent.progress == {}


def test_an_outbox_from_before_progress_existed_is_read_and_extended(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    old = sqlite3.connect(path)
    old.execute("""CREATE TABLE outbox (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, next_attempt REAL NOT NULL, last_error TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL)""")
    old.execute("INSERT INTO outbox VALUES ('old-1', 'order', '{\"n\": 1}', 'pending', 0, 0, '', 0)")
    old.commit()
    old.close()
    box = Outbox(path)
    (entry,) = box.due()
    assert (entry.id, entry.payload, entry.progress) == ("old-1", {"n": 1}, {})
    box.progressed("old-1", {"done": {"0": "Basic/1"}})
    assert box.get("old-1").progress == {"done": {"0": "Basic/1"}}
    assert Outbox(path).get("old-1").payload == {"n": 1}    # a second open does not add the column again
