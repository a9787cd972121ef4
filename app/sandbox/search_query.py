"""A parsed search request: its criteria, paging, sorting and includes, ready for the store."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.sandbox.search_params import SearchParam

DEFAULT_COUNT = 50


@dataclass(frozen=True)
class TokenValue:
    """system None: any system; '' : no system. code None: any code in the system."""

    system: str | None
    code: str | None


@dataclass(frozen=True)
class StringValue:
    text: str
    mode: str  # prefix, exact, contains


@dataclass(frozen=True)
class DateValue:
    prefix: str
    lo: int
    hi: int


@dataclass(frozen=True)
class ReferenceValue:
    types: tuple[str, ...]  # () = any type; (UNTYPED,) = none: a bare id where Type/id is required
    id: str


@dataclass(frozen=True)
class QuantityValue:
    prefix: str
    number: float
    lo: float  # range of the number's implicit precision
    hi: float
    system: str | None
    code: str | None


Value = TokenValue | StringValue | DateValue | ReferenceValue | QuantityValue


@dataclass(frozen=True)
class Clause:
    """One `name[:modifier]=v1,v2` pair: the values are ORed, clauses are ANDed.

    `missing` is set for `:missing`, `negate` for `:not`, `chain` for `patient.identifier=`
    (then the clause's values are empty and `chain` holds the condition on the target).
    """

    param: SearchParam
    values: tuple[Value, ...] = ()
    negate: bool = False
    missing: bool | None = None
    chain: tuple[str, Clause] | None = None


@dataclass(frozen=True)
class Include:
    source: str
    param: SearchParam
    target: str | None
    iterate: bool


@dataclass
class SearchQuery:
    """A parsed search request, ready for the store."""

    resource_type: str
    clauses: list[Clause] = field(default_factory=list)
    sort: list[tuple[SearchParam, bool]] = field(default_factory=list)
    count: int = DEFAULT_COUNT
    offset: int = 0
    includes: list[Include] = field(default_factory=list)
    revincludes: list[Include] = field(default_factory=list)
    summary_count: bool = False
    elements: tuple[str, ...] | None = None
    ignored: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    #: Matches past this position are never served (Conformance.max_results).
    max_results: int | None = None
