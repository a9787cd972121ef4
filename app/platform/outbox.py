"""The durable outbox: what a clinician decided is written here before the UI says "sent".

Groundwork for the orders issue. Each record carries an identifier made by the client, used
by the sender for a conditional create (`If-None-Exist`), so a crash between sending and the
acknowledgement yields exactly one record on the platform. SQLite in WAL mode with
`synchronous=FULL`: with NORMAL, a power cut can lose the last commit. The payload (patient
names in references, consent signers) is sealed by the given Sealer (app.platform.sealing).

An entry a server would not take as one transaction is sent in pieces
(app.platform.fhir.order_pieces); its `progress` (which pieces the server holds, under which
`Type/id`) is kept here, sealed like the payload, so a resume after a crash sends only what
is missing and rewrites references without asking the server again.
"""

from __future__ import annotations

import hashlib
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
from app.private_files import private_dir

log = logging.getLogger("huren.platform")

#: The outbox's file in the user data dir (orders awaiting consent share it).
OUTBOX_FILE = "outbox.sqlite3"
#: What a sent entry's payload is reduced to: {"sent-sha256": hex digest of the record sent}.
SENT_DIGEST = "sent-sha256"
#: Named, not `*`: an outbox made before `progress` existed has it last, after ALTER TABLE.
_COLUMNS = "id, kind, payload, status, attempts, next_attempt, last_error, created, progress"


def connect_durably(path: Path) -> sqlite3.Connection:
    """A connection whose commits survive a power cut: WAL with synchronous=FULL.

    Autocommit mode (isolation_level=None): writers open their own BEGIN IMMEDIATE.
    """
    private_dir(path.parent)
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
        self._reduce_sent()

    def _reduce_sent(self) -> None:
        """Entries an earlier version kept whole after sending are reduced as `acknowledged` does."""
        rows = self._db.execute("SELECT id FROM outbox WHERE status = ? AND payload NOT LIKE ?",
                                (Status.SENT.value, '{"' + SENT_DIGEST + '"%')).fetchall()
        for (entry_id,) in rows:
            self.acknowledged(entry_id)

    def close(self) -> None:
        self._db.close()

    def _read(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        """All rows, under the lock: the connection is shared by threads, and a read of one thread
        left open inside another's write would see an old snapshot ("database is locked")."""
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

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
        rows = self._read(
            f"SELECT {_COLUMNS} FROM outbox WHERE status = ? AND next_attempt <= ? ORDER BY created LIMIT ?",
            (Status.PENDING.value, time.time() if now is None else now, limit))
        return self._readable(rows)

    def get(self, entry_id: str) -> Entry | None:
        rows = self._read(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (entry_id,))
        return self._entry(rows[0]) if rows else None

    def entries(self, status: Status) -> list[Entry]:
        rows = self._read(f"SELECT {_COLUMNS} FROM outbox WHERE status = ? ORDER BY created", (status.value,))
        return self._readable(rows)

    def count(self, status: Status = Status.PENDING, *, except_kind: str = "") -> int:
        """Entries in `status`; `except_kind` leaves out kinds starting with it (e.g. "audit")."""
        if except_kind:
            return self._read("SELECT COUNT(*) FROM outbox WHERE status = ? AND kind NOT LIKE ?",
                              (status.value, except_kind + "%"))[0][0]
        return self._read("SELECT COUNT(*) FROM outbox WHERE status = ?", (status.value,))[0][0]

    def acknowledged(self, entry_id: str) -> None:
        """Sent: the record is the platform's now; only what exactly-once needs stays here.

        The row keeps its identifier (a second `add` of the same id is still refused) and the
        SHA-256 of what was sent (to show it was this record); the clinical content and the
        progress of a piecewise send go. Deleted pages are overwritten (`secure_delete`).
        """
        with self._write() as db:
            row = db.execute("SELECT payload FROM outbox WHERE id = ?", (entry_id,)).fetchone()
            digest = hashlib.sha256((self._opened_or_stored(row[0]) if row else "").encode("utf-8")).hexdigest()
            db.execute("UPDATE outbox SET status = ?, last_error = '', progress = '', payload = ? WHERE id = ?",
                       (Status.SENT.value, json.dumps({SENT_DIGEST: digest}), entry_id))

    def _opened_or_stored(self, stored: str) -> str:
        try:
            return self._sealer.open(stored)
        except SealedDataUnreadable:
            return stored

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
