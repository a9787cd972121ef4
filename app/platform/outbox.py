"""The durable outbox: what a clinician decided is written here before the UI says "sent".

Groundwork for the orders issue. Each record carries an identifier made by the client, used
by the sender for a conditional create (`If-None-Exist`), so a crash between sending and the
acknowledgement yields exactly one record on the platform. SQLite in WAL mode with
`synchronous=FULL`: with NORMAL, a power cut can lose the last commit. The payload (patient
names in references, consent signers) is sealed by the given Sealer (app.platform.sealing).

An entry a server would not take as one transaction is sent in pieces
(app.platform.order_pieces); its `progress` (which pieces the server holds, under which
`Type/id`) is kept here, sealed like the payload, so a resume after a crash sends only what
is missing and rewrites references without asking the server again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from app.platform.sealing import SealedDataUnreadable, Sealer

log = logging.getLogger("huren.platform")

#: Named, not `*`: an outbox made before `progress` existed has it last, after ALTER TABLE.
_COLUMNS = "id, kind, payload, status, attempts, next_attempt, last_error, created, progress"


def connect_durably(path: Path) -> sqlite3.Connection:
    """A connection whose commits survive a power cut: WAL with synchronous=FULL.

    Autocommit mode (isolation_level=None): writers open their own BEGIN IMMEDIATE.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA secure_delete=ON")   # a deleted record leaves no readable trace in free pages
    return db


class Status(Enum):
    PENDING = "pending"      # to send, or to retry after a 5xx / no answer
    REJECTED = "rejected"    # 4xx: kept for the user to correct, never dropped
    SENT = "sent"            # acknowledged by the platform


@dataclass(frozen=True)
class Entry:
    id: str                  # the client-made identifier, stable across retries
    kind: str
    payload: dict[str, Any]
    status: Status
    attempts: int
    next_attempt: float
    last_error: str
    created: float
    progress: dict[str, Any] = field(default_factory=dict)   # sending in pieces: what is done so far


class Outbox:
    def __init__(self, path: Path, sealer: Sealer | None = None) -> None:
        """`sealer` seals the payloads; without one they are stored as plain JSON."""
        self._sealer = sealer or Sealer()
        self._db = connect_durably(path)
        self._lock = threading.Lock()
        self._db.execute("""CREATE TABLE IF NOT EXISTS outbox (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, next_attempt REAL NOT NULL, last_error TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL, progress TEXT NOT NULL DEFAULT '')""")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(outbox)")}
        if "progress" not in columns:   # an outbox written before entries could go in pieces
            try:
                self._db.execute("ALTER TABLE outbox ADD COLUMN progress TEXT NOT NULL DEFAULT ''")
            except sqlite3.OperationalError as e:   # another process added it a moment ago
                if "duplicate column" not in str(e):
                    raise

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def add(self, kind: str, payload: dict[str, Any], entry_id: str | None = None) -> str:
        """Store durably and return the identifier; only then may the UI say it is sent."""
        entry_id = entry_id or str(uuid.uuid4())
        now = time.time()
        sealed = self._sealer.seal(json.dumps(payload, ensure_ascii=False))
        with self._write() as db:
            db.execute("INSERT INTO outbox (id, kind, payload, status, next_attempt, created) VALUES (?,?,?,?,?,?)",
                       (entry_id, kind, sealed, Status.PENDING.value, now, now))
        return entry_id

    def due(self, now: float | None = None, limit: int = 50) -> list[Entry]:
        """Pending entries whose back-off has run out, oldest first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE status = ? AND next_attempt <= ? ORDER BY created LIMIT ?",
            (Status.PENDING.value, time.time() if now is None else now, limit)).fetchall()
        return self._readable(rows)

    def get(self, entry_id: str) -> Entry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (entry_id,)).fetchone()
        return self._entry(row) if row else None

    def entries(self, status: Status) -> list[Entry]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE status = ? ORDER BY created",
                                (status.value,)).fetchall()
        return self._readable(rows)

    def count(self, status: Status = Status.PENDING, *, except_kind: str = "") -> int:
        """Entries in `status`; `except_kind` leaves out kinds starting with it (e.g. "audit")."""
        if except_kind:
            return self._db.execute("SELECT COUNT(*) FROM outbox WHERE status = ? AND kind NOT LIKE ?",
                                    (status.value, except_kind + "%")).fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM outbox WHERE status = ?", (status.value,)).fetchone()[0]

    def acknowledged(self, entry_id: str) -> None:
        """Sent: the progress of a piecewise send is of no more use and goes with it."""
        with self._write() as db:
            db.execute("UPDATE outbox SET status = ?, last_error = '', progress = '' WHERE id = ?",
                       (Status.SENT.value, entry_id))

    def progressed(self, entry_id: str, progress: dict[str, Any]) -> None:
        """Keep how far a piecewise send got (sealed: it names records of the patient)."""
        sealed = self._sealer.seal(json.dumps(progress, ensure_ascii=False))
        with self._write() as db:
            db.execute("UPDATE outbox SET progress = ? WHERE id = ?", (sealed, entry_id))

    def retry_later(self, entry_id: str, error: str, base: float = 2.0, cap: float = 300.0) -> float:
        """A 5xx or no answer: back off exponentially (capped) and try again; returns the delay."""
        with self._write() as db:
            (attempts,) = db.execute("SELECT attempts FROM outbox WHERE id = ?", (entry_id,)).fetchone()
            delay = min(cap, base * 2 ** attempts)
            db.execute("UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ? WHERE id = ?",
                       (time.time() + delay, error, entry_id))
        return delay

    def rejected(self, entry_id: str, error: str) -> None:
        """A 4xx: the platform refused the content; keep it, with why, for the user to correct."""
        with self._write() as db:
            db.execute("UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
                       (Status.REJECTED.value, error, entry_id))

    def _readable(self, rows: list[tuple]) -> list[Entry]:
        """The entries this keyring can open; the others stay on disk, untouched, and are logged
        (one record sealed under a lost key must not stop the rest from being sent)."""
        out = []
        for row in rows:
            try:
                out.append(self._entry(row))
            except SealedDataUnreadable as e:
                log.error("outbox entry %s kept but not sent: %s", row[0], e)
        return out

    def _entry(self, row: tuple) -> Entry:
        """Raises SealedDataUnreadable when the payload is sealed with a key this keyring lacks."""
        entry_id, kind, payload, status, attempts, next_attempt, last_error, created, progress = row
        return Entry(entry_id, kind, json.loads(self._sealer.open(payload)), Status(status), attempts, next_attempt,
                     last_error, created, json.loads(self._sealer.open(progress)) if progress else {})
