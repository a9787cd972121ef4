"""SQL for a search's criteria and sort keys, over the index tables (store_schema.py).

A clause is `r.rid IN (SELECT res FROM idx_... WHERE sp = ? AND ...)`: the values of one
clause are ORed (UNION ALL), clauses are ANDed, a chain is a sub-select over its target
type. `_id` and `_lastUpdated` are conditions on the resource table itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from app.sandbox.dates import MAX_US, MIN_US, to_us
from app.sandbox.search_params import DATE, QUANTITY, SearchParam
from app.sandbox.search_query import (
    Clause,
    DateValue,
    QuantityValue,
    ReferenceValue,
    SearchQuery,
    StringValue,
    TokenValue,
    Value,
)
from app.sandbox.store_schema import TABLES

_MAX_CHAR = "\U0010ffff"


class SearchSql:
    """WHERE and ORDER BY of searches on one session; each chain gets an alias of its own."""

    def __init__(self, codes: dict[tuple[str, str], int]) -> None:
        self._codes = codes
        self._alias = 0

    def code(self, rtype: str, param: SearchParam) -> int:
        """The parameter's index code (the `sp` column) for this resource type."""
        return self._codes[(rtype, param.key)]

    def where(self, rtype: str, clauses: Sequence[Clause], alias: str = "r") -> tuple[str, list[Any]]:
        """The condition on `resources` (as `alias`) that all clauses hold, and its arguments."""
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
        inner_where, inner_args = self.where(target, [inner], inner_alias)
        sql = (
            f"{alias}.rid IN (SELECT res FROM idx_ref WHERE sp = ? AND ttype = ? AND tid IN "
            f"(SELECT {inner_alias}.id FROM resources {inner_alias} WHERE {inner_where}))"
        )
        return sql, [self.code(rtype, clause.param), target, *inner_args]

    def order(self, query: SearchQuery) -> tuple[str, list[Any]]:
        """ORDER BY terms of the query's `_sort`, then insertion order, and their arguments."""
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
        numeric = param.type in (DATE, QUANTITY)
        missing = (MIN_US if descending else MAX_US) if numeric else ("" if descending else _MAX_CHAR)
        expr = f"COALESCE((SELECT {aggregate}({column}) FROM {table} WHERE res = r.rid AND sp = ?), ?)"
        return expr, [self.code(rtype, param), missing]


def _special_clause(clause: Clause, alias: str) -> tuple[str, list[Any]]:
    """`_id` and `_lastUpdated`: conditions on columns of the resource table itself."""
    if clause.missing is not None:
        return ("0" if clause.missing else "1"), []
    negation = "NOT " if clause.negate else ""
    if clause.param.key == "_id":
        ids = [v.code for v in clause.values if isinstance(v, TokenValue)]
        return f"{alias}.id {negation}IN ({', '.join('?' * len(ids))})", ids
    parts, args = [], []
    for value in clause.values:
        assert isinstance(value, DateValue)
        sql, value_args = _date_sql(value, f"{alias}.lu", f"({alias}.lu + 1000)")
        parts.append(sql)
        args.extend(value_args)
    return f"{negation}({' OR '.join(parts)})", args


def _value_sql(param: SearchParam, value: Value) -> tuple[str, list[Any]]:
    """Condition on one index table row for one search value."""
    if isinstance(value, TokenValue):
        return _token_sql(value)
    if isinstance(value, StringValue):
        if value.mode == "exact":
            return "exact = ?", [value.text]
        if value.mode == "contains":
            return "instr(norm, ?) > 0", [value.text]
        return "norm >= ? AND norm < ?", [value.text, value.text + _MAX_CHAR]
    if isinstance(value, DateValue):
        return _date_sql(value, "lo", "hi")
    if isinstance(value, ReferenceValue):
        if value.types:
            return f"tid = ? AND ttype IN ({', '.join('?' * len(value.types))})", [value.id, *value.types]
        return "tid = ?", [value.id]
    assert isinstance(value, QuantityValue)
    return _quantity_sql(value)


def _token_sql(value: TokenValue) -> tuple[str, list[Any]]:
    parts, args = [], []
    if value.code is not None:
        parts.append("code = ?")
        args.append(value.code)
    if value.system is not None:
        parts.append("system = ?")
        args.append(value.system)
    return " AND ".join(parts) or "1", args


def _date_sql(value: DateValue, lo: str, hi: str) -> tuple[str, list[Any]]:
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


def _quantity_sql(value: QuantityValue) -> tuple[str, list[Any]]:
    n = value.number
    choices: dict[str, tuple[str, list[Any]]] = {
        "eq": ("value >= ? AND value < ?", [value.lo, value.hi]),
        "ne": ("NOT (value >= ? AND value < ?)", [value.lo, value.hi]),
        "lt": ("value < ?", [n]), "eb": ("value < ?", [n]),
        "gt": ("value > ?", [n]), "sa": ("value > ?", [n]),
        "le": ("value <= ?", [n]), "ge": ("value >= ?", [n]),
        "ap": ("value >= ? AND value <= ?", [min(n * 0.9, n * 1.1), max(n * 0.9, n * 1.1)]),
    }
    sql, args = choices[value.prefix]
    if value.system is not None:
        sql, args = sql + " AND system = ?", [*args, value.system]
    if value.code is not None:
        sql, args = sql + " AND code = ?", [*args, value.code]
    return sql, args
