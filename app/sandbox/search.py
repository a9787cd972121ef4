"""Reading a search request: query pairs into a `SearchQuery` the store can run.

What may be asked comes from the parameter table (search_params.py); how it is read also
depends on the server's `Conformance` (conformance.py): a minimal server drops includes,
caps `_count` and wants references as `Type/id`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation

from app.sandbox.conformance import FULL, Conformance
from app.sandbox.dates import parse_range
from app.sandbox.errors import FhirError, bad_request
from app.sandbox.index_rows import normalize
from app.sandbox.references import parse_reference, valid_id
from app.sandbox.search_params import DATE, PARAMETERS, QUANTITY, REFERENCE, STRING, TOKEN, SearchParam, offered
from app.sandbox.search_query import (
    DEFAULT_COUNT,
    Clause,
    DateValue,
    Include,
    QuantityValue,
    ReferenceValue,
    SearchQuery,
    StringValue,
    TokenValue,
    Value,
)

DATE_PREFIXES = ("eq", "ne", "lt", "gt", "le", "ge", "sa", "eb", "ap")

#: Parameters that steer the result rather than select resources.
CONTROL_PARAMETERS = frozenset(
    {"_count", "_offset", "_sort", "_include", "_revinclude", "_summary", "_elements",
     "_format", "_pretty", "_total"}
)


def split_escaped(text: str, separator: str) -> list[str]:
    r"""Split on `separator` unless escaped with a backslash; `\,` `\|` `\$` `\\` unescape."""
    parts, current, chars = [], [], iter(text)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, ""))
        elif ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse_search(rtype: str, pairs: Iterable[tuple[str, str]], *, lenient: bool = False,
                 conformance: Conformance = FULL) -> SearchQuery:
    """Parse query pairs for a search on `rtype`; raise FhirError(400) on anything wrong.

    With `lenient` (Prefer: handling=lenient) unknown parameters are skipped and listed in
    `ignored` instead; malformed values of known parameters are still an error. A server
    without includes accepts `_include`/`_revinclude` and drops them, from the self link too:
    its links say what was applied.
    """
    if rtype == "AuditEvent" and not conformance.audit_search:
        raise FhirError(403, "forbidden", "AuditEvent search is reserved to the platform's security officers")
    query = SearchQuery(rtype, count=min(DEFAULT_COUNT, conformance.max_count),
                        max_results=conformance.max_results)
    for name, value in pairs:
        if not conformance.includes and name.split(":", 1)[0] in ("_include", "_revinclude"):
            continue
        if name != "_offset":
            query.pairs.append((name, value))
        if value == "":
            continue  # FHIR: parameters with an empty value are ignored
        try:
            _apply(query, name, value, conformance)
        except _UnknownParameter as exc:
            if not lenient:
                raise bad_request(str(exc), code="not-supported") from None
            query.ignored.append(name)
    return query


class _UnknownParameter(Exception):
    pass


def _apply(query: SearchQuery, name: str, value: str, conformance: Conformance) -> None:
    base = name.split(":", 1)[0]
    if base in CONTROL_PARAMETERS:
        _apply_control(query, name, value, conformance)
    else:
        query.clauses.append(parse_clause(query.resource_type, name, value, conformance))


def parse_clause(rtype: str, name: str, value: str, conformance: Conformance = FULL) -> Clause:
    """One search criterion `name[:modifier][.chained]=value`."""
    head, _, chained = name.partition(".")
    base, _, modifier = head.partition(":")
    param = PARAMETERS[rtype].get(base)
    if param is None:
        raise _UnknownParameter(f"unknown search parameter {base!r} for {rtype}")
    param = offered(param, conformance)
    if chained:
        return _chain_clause(param, modifier, chained, value, conformance)
    if modifier == "missing":
        if value not in ("true", "false"):
            raise bad_request(f"{name}: expected true or false")
        return Clause(param, missing=value == "true")
    values = tuple(_parse_value(param, modifier, v, conformance) for v in split_escaped(value, ","))
    return Clause(param, values, negate=modifier == "not")


def _chain_clause(param: SearchParam, modifier: str, chained: str, value: str,
                  conformance: Conformance) -> Clause:
    if param.type != REFERENCE:
        raise bad_request(f"{param.name} is not a reference and cannot be chained")
    targets = (modifier,) if modifier else param.targets
    if len(targets) != 1 or targets[0] not in PARAMETERS:
        raise bad_request(f"chain on {param.name}: name the target type, e.g. {param.name}:Patient.")
    if "." in chained:
        raise bad_request("only one level of chaining is supported", code="not-supported")
    inner = parse_clause(targets[0], chained, value, conformance)
    return Clause(param, chain=(targets[0], inner))


def _parse_value(param: SearchParam, modifier: str, raw: str, conformance: Conformance) -> Value:
    try:
        if param.type == REFERENCE:
            return _reference(param, modifier, raw, bare_ids=conformance.bare_reference_ids)
        return _VALUE_PARSERS[param.type](param, modifier, raw)
    except FhirError:
        raise
    except ValueError as exc:
        raise bad_request(f"{param.name}: {exc}") from None


def _modifier_error(param: SearchParam, modifier: str) -> FhirError:
    return bad_request(f"modifier :{modifier} is not supported on {param.name}", code="not-supported")


def _token(param: SearchParam, modifier: str, raw: str) -> TokenValue:
    if modifier not in ("", "not"):
        raise _modifier_error(param, modifier)
    parts = split_escaped(raw, "|")
    if len(parts) == 1:
        return TokenValue(None, parts[0])
    if len(parts) != 2:
        raise ValueError(f"{raw!r} is not a token (system|code)")
    system, code = parts
    return TokenValue(system, code or None)


def _string(param: SearchParam, modifier: str, raw: str) -> StringValue:
    if modifier not in ("", "exact", "contains"):
        raise _modifier_error(param, modifier)
    if modifier == "exact":
        return StringValue(raw, "exact")
    return StringValue(normalize(raw), modifier or "prefix")


def _date(param: SearchParam, modifier: str, raw: str) -> DateValue:
    if modifier:
        raise _modifier_error(param, modifier)
    prefix, text = _split_prefix(raw)
    lo, hi = parse_range(text)
    return DateValue(prefix, lo, hi)


def _split_prefix(raw: str) -> tuple[str, str]:
    if raw[:2] in DATE_PREFIXES:
        return raw[:2], raw[2:]
    return "eq", raw


#: The type of a reference given as a bare id to a server that requires `Type/id`: no
#: stored reference is untyped (only `Type/id` ones are indexed), so it matches nothing.
UNTYPED = ""


def _reference(param: SearchParam, modifier: str, raw: str, *, bare_ids: bool = True) -> ReferenceValue:
    if modifier and modifier not in PARAMETERS:
        raise _modifier_error(param, modifier)
    parsed = parse_reference(raw)
    if parsed:
        if modifier and parsed[0] != modifier:
            raise ValueError(f"{raw!r} is not a {modifier}")
        return ReferenceValue((parsed[0],), parsed[1])
    if not valid_id(raw):
        raise ValueError(f"{raw!r} is not a reference (Type/id or id)")
    if modifier:
        return ReferenceValue((modifier,), raw)
    return ReferenceValue(param.targets if bare_ids else (UNTYPED,), raw)


def _quantity(param: SearchParam, modifier: str, raw: str) -> QuantityValue:
    if modifier:
        raise _modifier_error(param, modifier)
    prefix, text = _split_prefix(raw)
    parts = split_escaped(text, "|")
    if len(parts) not in (1, 3):
        raise ValueError(f"{raw!r} is not a quantity ([prefix]number|system|code)")
    try:
        number = Decimal(parts[0])
    except InvalidOperation:
        raise ValueError(f"{parts[0]!r} is not a number") from None
    exponent = number.as_tuple().exponent
    if not isinstance(exponent, int):  # Decimal() also reads NaN and Infinity
        raise ValueError(f"{parts[0]!r} is not a number")
    half = Decimal(5).scaleb(exponent - 1)
    system = parts[1] if len(parts) == 3 else None
    code = (parts[2] or None) if len(parts) == 3 else None
    return QuantityValue(prefix, float(number), float(number - half), float(number + half),
                         system or None, code)


_VALUE_PARSERS: dict[str, Callable[[SearchParam, str, str], Value]] = {
    TOKEN: _token, STRING: _string, DATE: _date, REFERENCE: _reference, QUANTITY: _quantity,
}


def _apply_control(query: SearchQuery, name: str, value: str, conformance: Conformance) -> None:
    base, _, modifier = name.partition(":")
    if base == "_count":
        query.count = min(_non_negative(name, value), conformance.max_count)
    elif base == "_offset":
        query.offset = _non_negative(name, value)
    elif base == "_sort":
        query.sort.extend(_sort_key(query.resource_type, v) for v in value.split(","))
    elif base in ("_include", "_revinclude"):
        if modifier not in ("", "iterate", "recurse"):
            raise bad_request(f"{name}: unknown modifier")
        target = query.includes if base == "_include" else query.revincludes
        target.append(_include(value, iterate=bool(modifier)))
    elif base == "_summary":
        if value not in ("count", "false", "data"):
            raise bad_request(f"_summary={value} is not supported (count, data, false are)",
                              code="not-supported")
        query.summary_count = value == "count"
    elif base == "_elements":
        query.elements = tuple(e.strip() for e in value.split(",") if e.strip())
    elif base == "_total" and value not in ("none", "estimate", "accurate"):
        raise bad_request("_total must be none, estimate or accurate")
    # _format is checked by the HTTP layer; _pretty is accepted and ignored.


def _non_negative(name: str, value: str) -> int:
    if not value.isdigit():
        raise bad_request(f"{name} must be a non-negative integer, not {value!r}")
    return int(value)


def _sort_key(rtype: str, text: str) -> tuple[SearchParam, bool]:
    descending = text.startswith("-")
    name = text.lstrip("-")
    param = PARAMETERS[rtype].get(name)
    if param is None:
        raise bad_request(f"cannot sort {rtype} by unknown parameter {name!r}")
    return param, descending


def _include(value: str, *, iterate: bool) -> Include:
    parts = value.split(":")
    if len(parts) not in (2, 3) or parts[0] not in PARAMETERS:
        raise bad_request(f"{value!r} is not an include (Type:parameter[:TargetType])",
                          code="not-supported" if value.startswith("*") else "invalid")
    param = PARAMETERS[parts[0]].get(parts[1])
    if param is None or param.type != REFERENCE:
        raise bad_request(f"{parts[1]!r} is not a reference parameter of {parts[0]}")
    target = parts[2] if len(parts) == 3 else None
    if target is not None and target not in PARAMETERS:
        raise bad_request(f"unknown include target type {target!r}")
    return Include(parts[0], param, target, iterate)
