"""The sandbox's SQLite resource store: one file, a pool of connections, one writer at a time.

Resources are kept as JSON text (with `meta.versionId`/`lastUpdated` already stamped) so a
read or a search page is served without parsing and re-serialising every resource. Search
values are extracted once, at write time (indexer.py), into five narrow index tables keyed
by the resource's rowid (store_schema.py), following the definitions in search_params.py; a
search is then a handful of indexed sub-selects (search_sql.py), run by a `Session`
(session.py). A threaded HTTP server shares one Store: connections come from a small pool,
and writers take a process-wide lock so that check-then-insert (conditional create) cannot
race.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.sandbox.dates import instant_now
from app.sandbox.indexer import Indexer, param_codes, signature
from app.sandbox.search_params import PARAMETERS
from app.sandbox.search_query import SearchQuery
from app.sandbox.session import Session
from app.sandbox.store_schema import SCHEMA, TABLES, VALUE_INDEXES, create_value_indexes
from app.sandbox.stored import SearchPage, Stored, stamp

log = logging.getLogger("huren.sandbox")

FILENAME = "platform.sqlite3"
_POOL_SIZE = 16


class Store:
    """A FHIR resource store in one SQLite file (`platform.sqlite3` in `data_dir`)."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / FILENAME
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._write_lock = threading.RLock()
        self._closed = False
        with self._connection() as conn:
            conn.executescript(SCHEMA)
            create_value_indexes(conn)
            self._codes = param_codes(conn)
        self._indexer = Indexer(self._codes)
        if self.get_meta("index_signature") not in (None, signature()):
            self.reindex()
        self.set_meta("index_signature", signature())

    # -- connections ---------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-32000")
        conn.execute("PRAGMA temp_store=MEMORY")
        return conn

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        if self._closed:
            raise RuntimeError("the store is closed")
        try:
            conn = self._pool.get_nowait()
        except queue.Empty:
            conn = self._connect()
        try:
            yield conn
        finally:
            if self._closed or self._pool.qsize() >= _POOL_SIZE:
                conn.close()
            else:
                self._pool.put(conn)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                break

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Reads outside a transaction (each statement sees the latest commit)."""
        with self._connection() as conn:
            yield Session(conn, self._codes, self._indexer)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """All writes inside commit together or not at all; one writer at a time."""
        with self._write_lock, self._connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield Session(conn, self._codes, self._indexer)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # -- conveniences --------------------------------------------------------------------

    def read(self, rtype: str, rid: str) -> Stored | None:
        with self.session() as s:
            return s.read(rtype, rid)

    def search(self, query: SearchQuery) -> SearchPage:
        with self.session() as s:
            return s.search(query)

    def count(self, rtype: str | None = None) -> int:
        with self._connection() as conn:
            if rtype is None:
                return conn.execute("SELECT COUNT(*) FROM resources").fetchone()[0]
            return conn.execute("SELECT COUNT(*) FROM resources WHERE type = ?", (rtype,)).fetchone()[0]

    def is_empty(self) -> bool:
        with self._connection() as conn:
            return conn.execute("SELECT 1 FROM resources LIMIT 1").fetchone() is None

    def get_meta(self, key: str) -> str | None:
        with self._connection() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as s:
            s.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- bulk ----------------------------------------------------------------------------

    def bulk_load(self, resources: Iterable[dict[str, Any]]) -> int:
        """Store many resources in one transaction (demo data); returns how many.

        Resources keep their ids (one without gets a UUID); a later duplicate of a type/id
        replaces an earlier one. Into an empty store the rows go in with executemany and the
        value indexes are built once at the end; otherwise each is an ordinary update.
        """
        unique: dict[tuple[str, str], dict[str, Any]] = {}
        for resource in resources:
            rtype = resource.get("resourceType")
            if rtype not in PARAMETERS:
                log.warning("bulk load: skipping a resource of unsupported type %r", rtype)
                continue
            rid = resource.get("id") or str(uuid.uuid4())
            unique[(rtype, rid)] = resource
        with self._write_lock:
            if not self.is_empty():
                with self.transaction() as s:
                    for (rtype, rid), resource in unique.items():
                        s.put(rtype, rid, resource)
                return len(unique)
            self._bulk_insert(unique)
        return len(unique)

    def _bulk_insert(self, unique: dict[tuple[str, str], dict[str, Any]]) -> None:
        last_updated, lu = instant_now()
        resource_rows: list[tuple[Any, ...]] = []
        table_rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t, _ in TABLES.values()}
        rows_of = self._indexer.rows
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        for rid, ((rtype, id_), resource) in enumerate(unique.items(), start=1):
            stamped = stamp(resource, id_, 1, last_updated)
            resource_rows.append((rid, rtype, id_, 1, last_updated, lu, dumps(stamped)))
            for table, rows in rows_of(stamped, rid).items():
                table_rows[table].extend(rows)
        with self._connection() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for name in VALUE_INDEXES:
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
                conn.executemany("INSERT INTO resources VALUES (?, ?, ?, ?, ?, ?, ?)", resource_rows)
                for table, cols in TABLES.values():
                    marks = ", ".join("?" * (2 + len(cols)))
                    conn.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows[table])
                create_value_indexes(conn)
                conn.execute("PRAGMA analysis_limit=1000")
                conn.execute("ANALYZE")
            except BaseException:
                conn.execute("ROLLBACK")
                create_value_indexes(conn)
                raise
            conn.execute("COMMIT")

    def reindex(self) -> None:
        """Rebuild every index row from the stored JSON (after the definitions changed)."""
        log.info("search definitions changed: re-indexing the store")
        with self.transaction() as s:
            for table, _ in TABLES.values():
                s.conn.execute(f"DELETE FROM {table}")
            self._codes.update(param_codes(s.conn))
            self._indexer = Indexer(self._codes)
            s.indexer = self._indexer
            rows = s.conn.execute("SELECT rid, json FROM resources").fetchall()
            for rid, text in rows:
                s.write_rows(self._indexer.rows(json.loads(text), rid))
