"""The store's SQLite schema: resources, their history, and one index table per parameter type.

Resources are kept as JSON text; search values go into narrow index tables keyed by the
resource's rowid (`res`) and the parameter's code (`sp`, from the `params` table), so a
search is a handful of indexed sub-selects.
"""

from __future__ import annotations

import sqlite3

from app.sandbox.search_params import DATE, QUANTITY, REFERENCE, STRING, TOKEN

#: Index table and its value columns, per search parameter type.
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    TOKEN: ("idx_token", ("system", "code")),
    STRING: ("idx_string", ("norm", "exact")),
    DATE: ("idx_date", ("lo", "hi")),
    REFERENCE: ("idx_ref", ("ttype", "tid")),
    QUANTITY: ("idx_quantity", ("value", "system", "code")),
}

SCHEMA = """
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
VALUE_INDEXES = {
    "idx_token_value": "idx_token (sp, code, system)",
    "idx_string_value": "idx_string (sp, norm)",
    "idx_date_value": "idx_date (sp, lo, hi)",
    "idx_ref_value": "idx_ref (sp, tid, ttype)",
    "idx_quantity_value": "idx_quantity (sp, value)",
}


def create_value_indexes(conn: sqlite3.Connection) -> None:
    for name, target in VALUE_INDEXES.items():
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
