"""Reads and writes on one connection of the store: what a request or a transaction works with.

A read or a search page comes back as `Stored` rows (stored.py); a write stamps the
resource, keeps the previous version in `history` and replaces the resource's index rows;
a search runs the SQL of search_sql.py and then follows `_include`/`_revinclude`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from app.sandbox.dates import instant_now
from app.sandbox.indexer import Indexer
from app.sandbox.search_query import Include, SearchQuery
from app.sandbox.search_sql import SearchSql
from app.sandbox.store_schema import TABLES
from app.sandbox.stored import COLUMNS, SearchPage, Stored, serialise, stamp

_CHUNK = 500  # bound parameters per IN (...) list, well under SQLite's limit


class Session:
    """Reads and writes on one connection; obtained from Store.session/transaction."""

    def __init__(self, conn: sqlite3.Connection, codes: dict[tuple[str, str], int],
                 indexer: Indexer) -> None:
        self.conn = conn
        self.indexer = indexer
        self._sql = SearchSql(codes)

    # -- reads ---------------------------------------------------------------------------

    def read(self, rtype: str, rid: str) -> Stored | None:
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM resources WHERE type = ? AND id = ?", (rtype, rid)
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
                    f"SELECT {COLUMNS} FROM resources WHERE type = ? AND id IN ({marks})",
                    (rtype, *chunk),
                ):
                    found[(row[1], row[2])] = Stored(*row)
        return [found[k] for k in keys if k in found]

    def find_ids(self, query: SearchQuery, limit: int) -> list[str]:
        """Ids of at most `limit` matches (conditional create/update need only 0, 1 or more)."""
        where, args = self._sql.where(query.resource_type, query.clauses)
        rows = self.conn.execute(f"SELECT r.id FROM resources r WHERE {where} LIMIT ?", (*args, limit))
        return [r[0] for r in rows]

    def search(self, query: SearchQuery) -> SearchPage:
        where, args = self._sql.where(query.resource_type, query.clauses)
        total = self.conn.execute(f"SELECT COUNT(*) FROM resources r WHERE {where}", args).fetchone()[0]
        count = query.count
        if query.max_results is not None:  # a server that stops serving past so many matches
            count = max(0, min(count, query.max_results - query.offset))
        if query.summary_count or count == 0:
            return SearchPage(total, [], [])
        order, order_args = self._sql.order(query)
        rows = self.conn.execute(
            f"SELECT r.{', r.'.join(COLUMNS.split(', '))} FROM resources r WHERE {where} "
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
            assert cur.lastrowid is not None  # set by every successful INSERT
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
            fresh: list[Stored] = []
            for s in found:
                if (s.type, s.id) not in seen:
                    seen.add((s.type, s.id))
                    fresh.append(s)
            included.extend(fresh)
            frontier = fresh
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
                    (self._sql.code(inc.source, inc.param), *chunk),
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
                        f"SELECT {COLUMNS} FROM resources WHERE rid IN (SELECT res FROM idx_ref "
                        f"WHERE sp = ? AND ttype = ? AND tid IN ({marks})) ORDER BY rid",
                        (self._sql.code(inc.source, inc.param), rtype, *chunk),
                    )
                    found.extend(Stored(*row) for row in rows)
        return found


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
