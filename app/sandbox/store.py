"""The sandbox's SQLite resource store and its search index.

Resources are kept as JSON text (with `meta.versionId`/`lastUpdated` already stamped) so a
read or a search page is served without parsing and re-serialising every resource. Search
values are extracted once, at write time, into four narrow index tables keyed by the
resource's rowid, following the definitions in search.py; a search is then a handful of
indexed sub-selects. A threaded HTTP server shares one Store: connections come from a small
pool, and writers take a process-wide lock so that check-then-insert (conditional create)
cannot race.
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

from app.sandbox import search as sp
from app.sandbox.dates import MAX_US, MIN_US, instant_now, to_us
from app.sandbox.search import Clause, Include, IndexKey, SearchParam, SearchQuery

log = logging.getLogger("huren.sandbox")

FILENAME = "platform.sqlite3"
_POOL_SIZE = 16
_MAX_CHAR = "\U0010ffff"
_CHUNK = 500  # bound parameters per IN (...) list, well under SQLite's limit

#: Index table and its value columns, per search parameter type.
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    sp.TOKEN: ("idx_token", ("system", "code")),
    sp.STRING: ("idx_string", ("norm", "exact")),
    sp.DATE: ("idx_date", ("lo", "hi")),
    sp.REFERENCE: ("idx_ref", ("ttype", "tid")),
    sp.QUANTITY: ("idx_quantity", ("value", "system", "code")),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    rid INTEGER PRIMARY KEY, type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
    last_updated TEXT NOT NULL, lu INTEGER NOT NULL, json TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS resources_type_id ON resources (type, id);
CREATE TABLE IF NOT EXISTS history (
    type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (type, id, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS params (
    code INTEGER PRIMARY KEY, type TEXT NOT NULL, key TEXT NOT NULL, UNIQUE (type, key));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idx_token (
    res INTEGER NOT NULL, sp INTEGER NOT NULL, system TEXT NOT NULL, code TEXT NOT NULL,
    PRIMARY KEY (res, sp, system, code)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idx_string (
    res INTEGER NOT NULL, sp INTEGER NOT NULL, norm TEXT NOT NULL, exact TEXT NOT NULL,
    PRIMARY KEY (res, sp, norm, exact)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idx_date (
    res INTEGER NOT NULL, sp INTEGER NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
    PRIMARY KEY (res, sp, lo, hi)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idx_ref (
    res INTEGER NOT NULL, sp INTEGER NOT NULL, ttype TEXT NOT NULL, tid TEXT NOT NULL,
    PRIMARY KEY (res, sp, ttype, tid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS idx_quantity (
    res INTEGER NOT NULL, sp INTEGER NOT NULL, value REAL NOT NULL, system TEXT NOT NULL,
    code TEXT NOT NULL, PRIMARY KEY (res, sp, value, system, code)) WITHOUT ROWID;
"""

#: Secondary indexes: value -> resource. Dropped and rebuilt around a bulk load of an
#: empty store, which is several times faster than maintaining them row by row.
_VALUE_INDEXES = {
    "idx_token_value": "idx_token (sp, code, system)",
    "idx_string_value": "idx_string (sp, norm)",
    "idx_date_value": "idx_date (sp, lo, hi)",
    "idx_ref_value": "idx_ref (sp, tid, ttype)",
    "idx_quantity_value": "idx_quantity (sp, value)",
}


@dataclass(frozen=True)
class Stored:
    """One current (or historical) version of a resource as stored."""

    rid: int
    type: str
    id: str
    version: int
    last_updated: str
    json: str

    def resource(self) -> dict[str, Any]:
        return json.loads(self.json)


@dataclass
class SearchPage:
    total: int | None
    matches: list[Stored]
    included: list[Stored]


@cache
def _index_keys(rtype: str) -> tuple[IndexKey, ...]:
    return tuple(sp.index_keys(rtype)) if rtype in sp.PARAMETERS else ()


class Indexer:
    """Turns a resource into its index rows, per table: (rid, param code, *values).

    The per-type plan (table, code, extractor) is prepared once; this runs for every
    resource of a bulk load, so it avoids any per-row lookups.
    """

    def __init__(self, codes: dict[tuple[str, str], int]) -> None:
        self._plans = {
            rtype: [(TABLES[k.type][0], codes[(rtype, k.key)], k.name, k.extract, sp.ROWS[k.type])
                    for k in _index_keys(rtype)]
            for rtype in sp.PARAMETERS
        }

    def rows(self, resource: dict[str, Any], rid: int) -> dict[str, set[tuple[Any, ...]]]:
        """Raises ValueError naming the parameter when an element cannot be indexed (a
        malformed date): such a resource would be unsearchable, so it is refused."""
        rows: dict[str, set[tuple[Any, ...]]] = {}
        for table, code, name, extract, to_rows in self._plans[resource["resourceType"]]:
            try:
                found = [(rid, code, *row) for element in extract(resource) for row in to_rows(element)]
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
            if found:
                if table in rows:
                    rows[table].update(found)
                else:
                    rows[table] = set(found)
        return rows


def serialise(resource: dict[str, Any]) -> str:
    return json.dumps(resource, ensure_ascii=False, separators=(",", ":"))


def stamp(resource: dict[str, Any], rid: str, version: int, last_updated: str) -> dict[str, Any]:
    """A copy with id and meta.versionId/lastUpdated set, the server-owned parts of meta."""
    meta = dict(resource.get("meta") or {})
    meta.update(versionId=str(version), lastUpdated=last_updated)
    rest = {k: v for k, v in resource.items() if k not in ("resourceType", "id", "meta")}
    return {"resourceType": resource["resourceType"], "id": rid, "meta": meta, **rest}


def _signature() -> str:
    """Changes when the index definitions change, so an old data dir gets re-indexed."""
    text = repr(sorted((t, k.key, k.type) for t in sp.PARAMETERS for k in _index_keys(t)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Store:
    """A FHIR resource store in one SQLite file (`platform.sqlite3` in `data_dir`)."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / FILENAME
        self._pool: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._write_lock = threading.RLock()
        self._closed = False
        with self._connection() as conn:
            conn.executescript(_SCHEMA)
            self._create_value_indexes(conn)
            self._codes = self._load_param_codes(conn)
        self._indexer = Indexer(self._codes)
        if self.get_meta("index_signature") not in (None, _signature()):
            self.reindex()
        self.set_meta("index_signature", _signature())

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

    # -- schema helpers ------------------------------------------------------------------

    def _load_param_codes(self, conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
        wanted = {(t, k.key) for t in sp.PARAMETERS for k in _index_keys(t)}
        conn.executemany("INSERT OR IGNORE INTO params (type, key) VALUES (?, ?)", sorted(wanted))
        return {(t, k): c for c, t, k in conn.execute("SELECT code, type, key FROM params")}

    @staticmethod
    def _create_value_indexes(conn: sqlite3.Connection) -> None:
        for name, target in _VALUE_INDEXES.items():
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")

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
            if rtype not in sp.PARAMETERS:
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
                for name in _VALUE_INDEXES:
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
                conn.executemany("INSERT INTO resources VALUES (?, ?, ?, ?, ?, ?, ?)", resource_rows)
                for table, cols in TABLES.values():
                    marks = ", ".join("?" * (2 + len(cols)))
                    conn.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows[table])
                self._create_value_indexes(conn)
                conn.execute("PRAGMA analysis_limit=1000")
                conn.execute("ANALYZE")
            except BaseException:
                conn.execute("ROLLBACK")
                self._create_value_indexes(conn)
                raise
            conn.execute("COMMIT")

    def reindex(self) -> None:
        """Rebuild every index row from the stored JSON (after the definitions changed)."""
        log.info("search definitions changed: re-indexing the store")
        with self.transaction() as s:
            for table, _ in TABLES.values():
                s.conn.execute(f"DELETE FROM {table}")
            self._codes.update(self._load_param_codes(s.conn))
            self._indexer = Indexer(self._codes)
            s.indexer = self._indexer
            rows = s.conn.execute("SELECT rid, json FROM resources").fetchall()
            for rid, text in rows:
                s.write_rows(self._indexer.rows(json.loads(text), rid))


class Session:
    """Reads and writes on one connection; obtained from Store.session/transaction."""

    def __init__(self, conn: sqlite3.Connection, codes: dict[tuple[str, str], int],
                 indexer: Indexer) -> None:
        self.conn = conn
        self._codes = codes
        self.indexer = indexer
        self._alias = 0

    # -- reads ---------------------------------------------------------------------------

    _COLUMNS = "rid, type, id, version, last_updated, json"

    def read(self, rtype: str, rid: str) -> Stored | None:
        row = self.conn.execute(
            f"SELECT {self._COLUMNS} FROM resources WHERE type = ? AND id = ?", (rtype, rid)
        ).fetchone()
        return Stored(*row) if row else None

    def read_version(self, rtype: str, rid: str, version: int) -> Stored | None:
        current = self.read(rtype, rid)
        if current is None or current.version == version:
            return current
        row = self.conn.execute(
            "SELECT json FROM history WHERE type = ? AND id = ? AND version = ?", (rtype, rid, version)
        ).fetchone()
        if row is None:
            return None
        meta = json.loads(row[0]).get("meta", {})
        return Stored(0, rtype, rid, version, meta.get("lastUpdated", ""), row[0])

    def read_many(self, keys: Sequence[tuple[str, str]]) -> list[Stored]:
        """Resources by (type, id), in the order asked, missing ones left out."""
        found: dict[tuple[str, str], Stored] = {}
        by_type: dict[str, list[str]] = {}
        for rtype, rid in keys:
            by_type.setdefault(rtype, []).append(rid)
        for rtype, ids in by_type.items():
            for chunk in _chunks(ids):
                marks = ", ".join("?" * len(chunk))
                for row in self.conn.execute(
                    f"SELECT {self._COLUMNS} FROM resources WHERE type = ? AND id IN ({marks})",
                    (rtype, *chunk),
                ):
                    found[(row[1], row[2])] = Stored(*row)
        return [found[k] for k in keys if k in found]

    def find_ids(self, query: SearchQuery, limit: int) -> list[str]:
        """Ids of at most `limit` matches (conditional create/update need only 0, 1 or more)."""
        where, args = self._where(query.resource_type, query.clauses)
        rows = self.conn.execute(f"SELECT r.id FROM resources r WHERE {where} LIMIT ?", (*args, limit))
        return [r[0] for r in rows]

    def search(self, query: SearchQuery) -> SearchPage:
        where, args = self._where(query.resource_type, query.clauses)
        total = self.conn.execute(f"SELECT COUNT(*) FROM resources r WHERE {where}", args).fetchone()[0]
        count = query.count
        if query.max_results is not None:  # a server that stops serving past so many matches
            count = max(0, min(count, query.max_results - query.offset))
        if query.summary_count or count == 0:
            return SearchPage(total, [], [])
        order, order_args = self._order(query)
        rows = self.conn.execute(
            f"SELECT r.{', r.'.join(self._COLUMNS.split(', '))} FROM resources r WHERE {where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (*args, *order_args, count, query.offset),
        ).fetchall()
        matches = [Stored(*row) for row in rows]
        return SearchPage(total, matches, self._included(matches, query.includes, query.revincludes))

    # -- writes --------------------------------------------------------------------------

    def put(self, rtype: str, rid: str, resource: dict[str, Any]) -> tuple[Stored, bool]:
        """Create or replace `rtype/rid`; returns the stored version and whether it is new.

        Raises ValueError when the resource has an element that cannot be indexed.
        """
        current = self.read(rtype, rid)
        version = current.version + 1 if current else 1
        last_updated, lu = instant_now()
        stamped = stamp({**resource, "resourceType": rtype}, rid, version, last_updated)
        text = serialise(stamped)
        rows = self.indexer.rows(stamped, 0)  # before any write: a bad resource changes nothing
        if current:
            self.conn.execute(
                "INSERT OR REPLACE INTO history VALUES (?, ?, ?, ?)",
                (rtype, rid, current.version, current.json),
            )
            self.conn.execute(
                "UPDATE resources SET version = ?, last_updated = ?, lu = ?, json = ? WHERE rid = ?",
                (version, last_updated, lu, text, current.rid),
            )
            self._unindex(current.rid)
            row_id = current.rid
        else:
            cur = self.conn.execute(
                "INSERT INTO resources (type, id, version, last_updated, lu, json) VALUES (?, ?, ?, ?, ?, ?)",
                (rtype, rid, version, last_updated, lu, text),
            )
            row_id = cur.lastrowid
        self.write_rows({t: {(row_id, *r[1:]) for r in rs} for t, rs in rows.items()})
        return Stored(row_id, rtype, rid, version, last_updated, text), current is None

    def write_rows(self, rows: dict[str, set[tuple[Any, ...]]]) -> None:
        for table, values in rows.items():
            marks = ", ".join("?" * len(next(iter(values))))
            self.conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", values)

    def _unindex(self, row_id: int) -> None:
        for table, _ in TABLES.values():
            self.conn.execute(f"DELETE FROM {table} WHERE res = ?", (row_id,))

    # -- SQL for criteria ----------------------------------------------------------------

    def _code(self, rtype: str, param: SearchParam) -> int:
        return self._codes[(rtype, param.key)]

    def _where(self, rtype: str, clauses: Sequence[Clause], alias: str = "r") -> tuple[str, list[Any]]:
        parts, args = [f"{alias}.type = ?"], [rtype]
        for clause in clauses:
            sql, clause_args = self._clause(rtype, clause, alias)
            parts.append(sql)
            args.extend(clause_args)
        return " AND ".join(parts), args

    def _clause(self, rtype: str, clause: Clause, alias: str) -> tuple[str, list[Any]]:
        param = clause.param
        if param.special:
            return _special_clause(clause, alias)
        table, _ = TABLES[param.type]
        codes = [self._codes[(rtype, key)] for key in param.keys]
        sp_sql = "sp = ?" if len(codes) == 1 else f"sp IN ({', '.join('?' * len(codes))})"
        if clause.missing is not None:
            negation = "NOT " if clause.missing else ""
            return f"{alias}.rid {negation}IN (SELECT res FROM {table} WHERE {sp_sql})", codes
        if clause.chain is not None:
            return self._chain(rtype, clause, alias)
        selects, args = [], []
        for value in clause.values:
            sql, value_args = _value_sql(param, value)
            selects.append(f"SELECT res FROM {table} WHERE {sp_sql} AND {sql}")
            args.extend([*codes, *value_args])
        negation = "NOT " if clause.negate else ""
        return f"{alias}.rid {negation}IN ({' UNION ALL '.join(selects)})", args

    def _chain(self, rtype: str, clause: Clause, alias: str) -> tuple[str, list[Any]]:
        assert clause.chain is not None
        target, inner = clause.chain
        self._alias += 1
        inner_alias = f"c{self._alias}"
        inner_where, inner_args = self._where(target, [inner], inner_alias)
        sql = (
            f"{alias}.rid IN (SELECT res FROM idx_ref WHERE sp = ? AND ttype = ? AND tid IN "
            f"(SELECT {inner_alias}.id FROM resources {inner_alias} WHERE {inner_where}))"
        )
        return sql, [self._code(rtype, clause.param), target, *inner_args]

    def _order(self, query: SearchQuery) -> tuple[str, list[Any]]:
        terms, args = [], []
        for param, descending in query.sort:
            expr, expr_args = self._sort_expr(query.resource_type, param, descending)
            terms.append(expr + (" DESC" if descending else ""))
            args.extend(expr_args)
        terms.append("r.rid")
        return ", ".join(terms), args

    def _sort_expr(self, rtype: str, param: SearchParam, descending: bool) -> tuple[str, list[Any]]:
        """Sort key of one parameter: lowest value ascending, highest descending, missing last."""
        if param.key == "_id":
            return "r.id", []
        if param.key == "_lastUpdated":
            return "r.lu", []
        if param.sort_sql:
            return f"COALESCE({param.sort_sql}, ?)", ["" if descending else _MAX_CHAR]
        table, cols = TABLES[param.type]
        column = {"token": "code", "string": "norm", "date": "lo", "reference": "tid",
                  "quantity": "value"}[param.type]
        aggregate = "MAX" if descending else "MIN"
        numeric = param.type in (sp.DATE, sp.QUANTITY)
        missing = (MIN_US if descending else MAX_US) if numeric else ("" if descending else _MAX_CHAR)
        expr = f"COALESCE((SELECT {aggregate}({column}) FROM {table} WHERE res = r.rid AND sp = ?), ?)"
        return expr, [self._code(rtype, param), missing]

    # -- includes ------------------------------------------------------------------------

    def _included(self, page: list[Stored], includes: list[Include],
                  revincludes: list[Include]) -> list[Stored]:
        """_include and _revinclude targets of a page, each once and none that is a match."""
        seen = {(s.type, s.id) for s in page}
        included: list[Stored] = []
        frontier = page
        for round_ in range(4):  # _include:iterate follows at most this many hops
            wanted = [i for i in includes if round_ == 0 or i.iterate]
            keys = self._include_keys(frontier, wanted)
            found = [s for s in self.read_many([k for k in keys if k not in seen])]
            if round_ == 0:
                found += self._revincluded(frontier, revincludes, seen)
            found = [s for s in found if (s.type, s.id) not in seen and not seen.add((s.type, s.id))]
            included.extend(found)
            frontier = found
            if not frontier or not any(i.iterate for i in includes):
                break
        return included

    def _include_keys(self, sources: list[Stored], includes: list[Include]) -> list[tuple[str, str]]:
        keys: dict[tuple[str, str], None] = {}
        for inc in includes:
            rids = [s.rid for s in sources if s.type == inc.source and s.rid]
            targets = (inc.target,) if inc.target else inc.param.targets
            for chunk in _chunks(rids):
                rows = self.conn.execute(
                    f"SELECT ttype, tid FROM idx_ref WHERE sp = ? AND res IN ({', '.join('?' * len(chunk))})",
                    (self._code(inc.source, inc.param), *chunk),
                )
                keys.update(((t, i), None) for t, i in rows if not targets or t in targets)
        return list(keys)

    def _revincluded(self, sources: list[Stored], revincludes: list[Include],
                     seen: set[tuple[str, str]]) -> list[Stored]:
        found: list[Stored] = []
        for inc in revincludes:
            for rtype in {s.type for s in sources}:
                if inc.target and inc.target != rtype:
                    continue
                ids = [s.id for s in sources if s.type == rtype]
                for chunk in _chunks(ids):
                    marks = ", ".join("?" * len(chunk))
                    rows = self.conn.execute(
                        f"SELECT {self._COLUMNS} FROM resources WHERE rid IN (SELECT res FROM idx_ref "
                        f"WHERE sp = ? AND ttype = ? AND tid IN ({marks})) ORDER BY rid",
                        (self._code(inc.source, inc.param), rtype, *chunk),
                    )
                    found.extend(Stored(*row) for row in rows)
        return found


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _special_clause(clause: Clause, alias: str) -> tuple[str, list[Any]]:
    """`_id` and `_lastUpdated`: conditions on columns of the resource table itself."""
    if clause.missing is not None:
        return ("0" if clause.missing else "1"), []
    negation = "NOT " if clause.negate else ""
    if clause.param.key == "_id":
        ids = [v.code for v in clause.values if isinstance(v, sp.TokenValue)]
        return f"{alias}.id {negation}IN ({', '.join('?' * len(ids))})", ids
    parts, args = [], []
    for value in clause.values:
        assert isinstance(value, sp.DateValue)
        sql, value_args = _date_sql(value, f"{alias}.lu", f"({alias}.lu + 1000)")
        parts.append(sql)
        args.extend(value_args)
    return f"{negation}({' OR '.join(parts)})", args


def _value_sql(param: SearchParam, value: sp.Value) -> tuple[str, list[Any]]:
    """Condition on one index table row for one search value."""
    if isinstance(value, sp.TokenValue):
        return _token_sql(value)
    if isinstance(value, sp.StringValue):
        if value.mode == "exact":
            return "exact = ?", [value.text]
        if value.mode == "contains":
            return "instr(norm, ?) > 0", [value.text]
        return "norm >= ? AND norm < ?", [value.text, value.text + _MAX_CHAR]
    if isinstance(value, sp.DateValue):
        return _date_sql(value, "lo", "hi")
    if isinstance(value, sp.ReferenceValue):
        if value.types:
            return f"tid = ? AND ttype IN ({', '.join('?' * len(value.types))})", [value.id, *value.types]
        return "tid = ?", [value.id]
    assert isinstance(value, sp.QuantityValue)
    return _quantity_sql(value)


def _token_sql(value: sp.TokenValue) -> tuple[str, list[Any]]:
    parts, args = [], []
    if value.code is not None:
        parts.append("code = ?")
        args.append(value.code)
    if value.system is not None:
        parts.append("system = ?")
        args.append(value.system)
    return " AND ".join(parts) or "1", args


def _date_sql(value: sp.DateValue, lo: str, hi: str) -> tuple[str, list[Any]]:
    """FHIR date prefixes as comparisons of the target range [lo, hi) with the value's."""
    s_lo, s_hi = value.lo, value.hi
    if value.prefix == "ap":
        slack = abs(to_us(datetime.now(timezone.utc)) - s_lo) // 10
        return f"{lo} < ? AND {hi} > ?", [s_hi + slack, s_lo - slack]
    return {
        "eq": (f"{lo} >= ? AND {hi} <= ?", [s_lo, s_hi]),
        "ne": (f"NOT ({lo} >= ? AND {hi} <= ?)", [s_lo, s_hi]),
        "gt": (f"{hi} > ?", [s_hi]),
        "lt": (f"{lo} < ?", [s_lo]),
        "ge": (f"({hi} > ? OR {lo} >= ?)", [s_hi, s_lo]),
        "le": (f"({lo} < ? OR {hi} <= ?)", [s_lo, s_hi]),
        "sa": (f"{lo} >= ?", [s_hi]),
        "eb": (f"{hi} <= ?", [s_lo]),
    }[value.prefix]


def _quantity_sql(value: sp.QuantityValue) -> tuple[str, list[Any]]:
    n = value.number
    sql, args = {
        "eq": ("value >= ? AND value < ?", [value.lo, value.hi]),
        "ne": ("NOT (value >= ? AND value < ?)", [value.lo, value.hi]),
        "lt": ("value < ?", [n]), "eb": ("value < ?", [n]),
        "gt": ("value > ?", [n]), "sa": ("value > ?", [n]),
        "le": ("value <= ?", [n]), "ge": ("value >= ?", [n]),
        "ap": ("value >= ? AND value <= ?", [min(n * 0.9, n * 1.1), max(n * 0.9, n * 1.1)]),
    }[value.prefix]
    if value.system is not None:
        sql, args = sql + " AND system = ?", [*args, value.system]
    if value.code is not None:
        sql, args = sql + " AND code = ?", [*args, value.code]
    return sql, args
