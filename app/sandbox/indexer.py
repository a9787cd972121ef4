"""What the store writes to its index: per resource type, the parameters' index rows.

The keys come from the parameter table (search_params.py), the rows from index_rows.py;
each (type, key) gets a small integer code in the `params` table. The signature changes
whenever the definitions do, so an old data dir is re-indexed at start.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache
from typing import Any

from app.sandbox.index_rows import ROWS
from app.sandbox.search_params import PARAMETERS, IndexKey, index_keys
from app.sandbox.store_schema import TABLES


@cache
def _index_keys(rtype: str) -> tuple[IndexKey, ...]:
    return tuple(index_keys(rtype)) if rtype in PARAMETERS else ()


class Indexer:
    """Turns a resource into its index rows, per table: (rid, param code, *values).

    The per-type plan (table, code, extractor) is prepared once; this runs for every
    resource of a bulk load, so it avoids any per-row lookups.
    """

    def __init__(self, codes: dict[tuple[str, str], int]) -> None:
        self._plans = {
            rtype: [(TABLES[k.type][0], codes[(rtype, k.key)], k.name, k.extract, ROWS[k.type])
                    for k in _index_keys(rtype)]
            for rtype in PARAMETERS
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


def signature() -> str:
    """Changes when the index definitions change, so an old data dir gets re-indexed."""
    text = repr(sorted((t, k.key, k.type) for t in PARAMETERS for k in _index_keys(t)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def param_codes(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """The code of every (type, key) indexed, new ones added to the `params` table."""
    wanted = {(t, k.key) for t in PARAMETERS for k in _index_keys(t)}
    conn.executemany("INSERT OR IGNORE INTO params (type, key) VALUES (?, ?)", sorted(wanted))
    return {(t, k): c for c, t, k in conn.execute("SELECT code, type, key FROM params")}
