"""Search parameters: what each resource type can be searched by, and how values parse.

One table (`PARAMETERS`) drives three things, so they can never disagree: what is indexed
when a resource is written (store.py), what a search request may ask (`parse_search`),
and what the CapabilityStatement advertises (capability.py).

Parameters that read the same elements share an index `key` (e.g. `patient` and `subject`
both read `subject`; `patient` only narrows the target type), which keeps the index small.

Every R4 resource type is stored (resource_types.py); the types written by hand below get
their full set of parameters, every other one a generic set (`_id`, `_lastUpdated`,
`identifier`, `patient`/`subject`). How a query is read also depends on the server's
`Conformance` (conformance.py): the same index serves the full and the minimal server.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from app.sandbox.conformance import FULL, Conformance
from app.sandbox.dates import MAX_US, MIN_US, parse_range
from app.sandbox.errors import FhirError, bad_request
from app.sandbox.resource_types import PATIENT_ELEMENT, STORED_TYPES, WITHOUT_IDENTIFIER

TOKEN, STRING, DATE, REFERENCE, QUANTITY = "token", "string", "date", "reference", "quantity"

Extractor = Callable[[dict[str, Any]], Iterable[Any]]

DEFAULT_COUNT = 50
MAX_COUNT = FULL.max_count
DATE_PREFIXES = ("eq", "ne", "lt", "gt", "le", "ge", "sa", "eb", "ap")

#: Parameters that steer the result rather than select resources.
CONTROL_PARAMETERS = frozenset(
    {"_count", "_offset", "_sort", "_include", "_revinclude", "_summary", "_elements",
     "_format", "_pretty", "_total"}
)


@dataclass(frozen=True)
class SearchParam:
    """One search parameter of one resource type."""

    name: str
    type: str
    key: str
    extract: Extractor = field(compare=False, repr=False)
    targets: tuple[str, ...] = ()
    doc: str = ""
    #: SQL over the stored JSON (`r.json`) to sort by, when the indexed values are not a
    #: good sort key (a name is indexed in five forms; it sorts by its full form).
    sort_sql: str | None = None
    #: `name` only: the index key and extractor of HumanName.text and family+given joined.
    #: They are indexed apart from family and given so that a server that matches only the
    #: name parts (Conformance.name_text=False) is imitated at query time, over one index.
    text_forms: tuple[str, Extractor] | None = field(default=None, compare=False, repr=False)

    @property
    def keys(self) -> tuple[str, ...]:
        """The index keys a search on this parameter reads."""
        return (self.key, self.text_forms[0]) if self.text_forms else (self.key,)

    @property
    def special(self) -> bool:
        """`_id` and `_lastUpdated` read columns of the resource table, not an index table."""
        return self.key.startswith("_")


# --- extraction -------------------------------------------------------------------------


def path(*paths: str) -> Extractor:
    """Values at dotted element paths, flattening lists on the way (FHIRPath-lite).

    Written as loops over lists rather than recursive generators: it runs for every
    parameter of every resource of a bulk load.
    """
    split = [p.split(".") for p in paths]
    if len(split) == 1 and len(split[0]) == 1:
        return _element(split[0][0])

    def extract(resource: dict[str, Any]) -> list[Any]:
        found: list[Any] = []
        for parts in split:
            nodes = [resource]
            for part in parts:
                step: list[Any] = []
                for node in nodes:
                    if isinstance(node, dict):
                        value = node.get(part)
                        if isinstance(value, list):
                            step.extend(value)
                        elif value is not None:
                            step.append(value)
                nodes = step
            found.extend(nodes)
        return found

    return extract


def _element(key: str) -> Extractor:
    """The common case, one top-level element: a plain dict look-up."""

    def extract(resource: dict[str, Any]) -> Iterable[Any]:
        value = resource.get(key)
        if value is None:
            return ()
        return value if isinstance(value, list) else (value,)

    return extract


def _walk(node: Any, parts: list[str]) -> Iterator[Any]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, parts)
    elif not parts:
        if node is not None:
            yield node
    elif isinstance(node, dict):
        yield from _walk(node.get(parts[0]), parts[1:])


def telecom(system: str | None = None) -> Extractor:
    """ContactPoint values, optionally only of one system (phone, email)."""

    def extract(resource: dict[str, Any]) -> Iterator[Any]:
        for point in _walk(resource, ["telecom"]):
            if isinstance(point, dict) and (system is None or point.get("system") == system):
                if point.get("value") is not None:
                    yield point["value"]

    return extract


def human_names(resource: dict[str, Any]) -> Iterator[str]:
    """Every way a physician may type a name: text, family, given, and both joined.

    Chinese names are written family-then-given with no space (张伟 = 张 + 伟), so the
    concatenation family+given must be searchable; Western order with a space too.
    """
    yield from name_parts(resource)
    yield from name_texts(resource)


def name_parts(resource: dict[str, Any]) -> Iterator[str]:
    """Family and given names: all that FHIR promises `name` matches."""
    for name in _walk(resource, ["name"]):
        if isinstance(name, dict):
            family, given = _family_given(name)
            yield from (p for p in [family, *given] if p)


def name_texts(resource: dict[str, Any]) -> Iterator[str]:
    """HumanName.text and family+given joined (both orders): what our server adds."""
    for name in _walk(resource, ["name"]):
        if not isinstance(name, dict):
            continue
        family, given = _family_given(name)
        forms = [name.get("text")]
        if family and given:
            forms += [family + "".join(given), " ".join([*given, family])]
        yield from (f for f in forms if isinstance(f, str) and f)


def _family_given(name: dict[str, Any]) -> tuple[str, list[str]]:
    family = name.get("family") if isinstance(name.get("family"), str) else ""
    return family, [g for g in name.get("given") or [] if isinstance(g, str)]


def addresses(field_name: str | None = None) -> Extractor:
    """Address parts: one field (city) or all of them."""
    fields = [field_name] if field_name else ["text", "line", "city", "district", "state",
                                               "postalCode", "country"]

    def extract(resource: dict[str, Any]) -> Iterator[Any]:
        for address in _walk(resource, ["address"]):
            for f in fields:
                yield from _walk(address, [f])

    return extract


def choice(prefix: str) -> Extractor:
    """A choice element `effective[x]`: the dateTime, Period or instant form."""
    return path(f"{prefix}DateTime", f"{prefix}Period", f"{prefix}Instant", f"{prefix}Date")


def normalize(text: str) -> str:
    """Case-, accent- and width-insensitive form of a string, as FHIR string search wants."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def token_rows(element: Any) -> list[tuple[str, str]]:
    """(system, code) pairs of a code, Coding, CodeableConcept or Identifier; system '' if none."""
    if isinstance(element, str):
        return [("", element)]
    if isinstance(element, dict):
        codings = element.get("coding")
        if isinstance(codings, list):
            return [
                (str(c.get("system") or ""), str(c["code"]))
                for c in codings
                if isinstance(c, dict) and isinstance(c.get("code"), (str, int, float, bool))
            ]
        code = element.get("code")
        if code is None:
            code = element.get("value")
        if code is not None and not isinstance(code, (dict, list)):
            return [(str(element.get("system") or ""), str(code))]
        return []
    if isinstance(element, bool):
        return [("", "true" if element else "false")]
    if isinstance(element, (int, float)):
        return [("", str(element))]
    return []


def string_rows(element: Any) -> list[tuple[str, str]]:
    """(normalised, exact) forms of a string element."""
    if isinstance(element, str) and element:
        return [(normalize(element), element)]
    return []


def date_rows(element: Any) -> list[tuple[int, int]]:
    """[start, end) of a date, dateTime, instant or Period; raises ValueError if malformed."""
    if isinstance(element, str):
        return [parse_range(element)]
    if isinstance(element, dict):
        start, end = element.get("start"), element.get("end")
        if start is None and end is None:
            return []
        lo = parse_range(start)[0] if start else MIN_US
        hi = parse_range(end)[1] if end else MAX_US
        return [(lo, hi)]
    return []


def reference_rows(element: Any) -> list[tuple[str, str]]:
    """(type, id) of a literal Reference; contained, urn and conditional ones are skipped."""
    if isinstance(element, dict):
        reference = element.get("reference")
        if isinstance(reference, str):
            parsed = parse_reference(reference)
            if parsed:
                return [parsed]
    return []


def quantity_rows(element: Any) -> list[tuple[float, str, str]]:
    if isinstance(element, dict):
        value = element.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            code = element.get("code") or element.get("unit") or ""
            return [(float(value), str(element.get("system") or ""), str(code))]
    return []


ROWS: dict[str, Callable[[Any], list[tuple[Any, ...]]]] = {
    TOKEN: token_rows, STRING: string_rows, DATE: date_rows,
    REFERENCE: reference_rows, QUANTITY: quantity_rows,
}

_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
_TYPE = re.compile(r"^[A-Z][A-Za-z]+$")


def valid_id(value: str) -> bool:
    return bool(_ID.match(value))


@lru_cache(maxsize=65536)
def parse_reference(reference: str) -> tuple[str, str] | None:
    """`Patient/1`, `Patient/1/_history/2` or `http://x/fhir/Patient/1` -> ('Patient', '1')."""
    if reference.startswith(("#", "urn:")) or "?" in reference:
        return None
    parts = reference.rstrip("/").split("/")
    if len(parts) >= 4 and parts[-2] == "_history":
        parts = parts[:-2]
    if len(parts) >= 2 and _TYPE.match(parts[-2]) and valid_id(parts[-1]):
        return parts[-2], parts[-1]
    return None


# --- definitions ------------------------------------------------------------------------


def _p(name: str, type_: str, extract: Extractor, key: str | None = None,
       targets: tuple[str, ...] = (), doc: str = "") -> SearchParam:
    return SearchParam(name, type_, key or name, extract, targets, doc)


_PATIENT = ("Patient",)


def _subject(targets: tuple[str, ...] = _PATIENT) -> list[SearchParam]:
    return [
        _p("patient", REFERENCE, path("subject"), "subject", _PATIENT, "the subject, a Patient"),
        _p("subject", REFERENCE, path("subject"), "subject", targets, "who the record is about"),
    ]


def _common() -> list[SearchParam]:
    return [
        _p("_id", TOKEN, lambda r: iter(()), "_id", doc="logical id"),
        _p("_lastUpdated", DATE, lambda r: iter(()), "_lastUpdated", doc="meta.lastUpdated"),
    ]


def _identifier() -> SearchParam:
    return _p("identifier", TOKEN, path("identifier"), doc="system|value, |value or value")


_NAME_SORT = (
    "lower(COALESCE(json_extract(r.json, '$.name[0].text'), json_extract(r.json, '$.name[0].family') "
    "|| COALESCE(' ' || json_extract(r.json, '$.name[0].given[0]'), '')))"
)


_NAME_TEXT_KEY = "name-text"
_NAME_PARTS_DOC = "family or any given name (prefix)"


def _name_params() -> list[SearchParam]:
    return [
        SearchParam("name", STRING, "name", name_parts, doc="text, family, given, family+given (prefix)",
                    sort_sql=_NAME_SORT, text_forms=(_NAME_TEXT_KEY, name_texts)),
        _p("family", STRING, path("name.family")),
        _p("given", STRING, path("name.given")),
    ]


def _definitions() -> dict[str, list[SearchParam]]:
    status = _p("status", TOKEN, path("status"))
    return {
        "Patient": [
            _identifier(), *_name_params(),
            _p("birthdate", DATE, path("birthDate")),
            _p("gender", TOKEN, path("gender")),
            _p("telecom", TOKEN, telecom()),
            _p("phone", TOKEN, telecom("phone")),
            _p("email", TOKEN, telecom("email")),
            _p("address", STRING, addresses()),
            _p("address-city", STRING, addresses("city")),
        ],
        "Organization": [
            _identifier(),
            _p("name", STRING, path("name", "alias"), doc="name or alias (prefix)"),
            _p("address-city", STRING, addresses("city")),
            _p("address-state", STRING, addresses("state")),
        ],
        "Practitioner": [_identifier(), *_name_params()],
        "PractitionerRole": [
            _identifier(),
            _p("practitioner", REFERENCE, path("practitioner"), targets=("Practitioner",)),
            _p("organization", REFERENCE, path("organization"), targets=("Organization",)),
            _p("role", TOKEN, path("code")),
            _p("active", TOKEN, path("active")),
        ],
        "DiagnosticReport": [
            _identifier(), *_subject(), status,
            _p("code", TOKEN, path("code")),
            _p("category", TOKEN, path("category"), doc="any category coding"),
            _p("date", DATE, choice("effective"), doc="effectiveDateTime or effectivePeriod"),
            _p("issued", DATE, path("issued")),
            _p("performer", REFERENCE, path("performer"), targets=("Organization", "Practitioner")),
            _p("result", REFERENCE, path("result"), targets=("Observation",)),
            _p("based-on", REFERENCE, path("basedOn"), targets=("ServiceRequest",)),
        ],
        "Observation": [
            _identifier(), *_subject(), status,
            _p("code", TOKEN, path("code")),
            _p("category", TOKEN, path("category")),
            _p("date", DATE, choice("effective")),
            _p("performer", REFERENCE, path("performer"), targets=("Organization", "Practitioner")),
            _p("value-quantity", QUANTITY, path("valueQuantity"), doc="[prefix]number|system|code"),
            _p("based-on", REFERENCE, path("basedOn"), targets=("ServiceRequest",)),
        ],
        "ImagingStudy": [
            _identifier(), *_subject(), status,
            _p("started", DATE, path("started")),
            _p("modality", TOKEN, path("modality", "series.modality")),
            _p("endpoint", REFERENCE, path("endpoint", "series.endpoint"), targets=("Endpoint",)),
        ],
        "Endpoint": [
            _identifier(), status,
            _p("name", STRING, path("name")),
            _p("connection-type", TOKEN, path("connectionType")),
            _p("organization", REFERENCE, path("managingOrganization"), targets=("Organization",)),
        ],
        "ServiceRequest": [
            _identifier(), *_subject(), status,
            _p("code", TOKEN, path("code")),
            _p("authored", DATE, path("authoredOn")),
            _p("requester", REFERENCE, path("requester"), targets=("Practitioner", "Organization")),
        ],
        "Consent": [
            _identifier(), status,
            _p("patient", REFERENCE, path("patient"), targets=_PATIENT),
            _p("date", DATE, path("dateTime")),
        ],
        "Provenance": [
            _p("target", REFERENCE, path("target"), "target"),
            _p("patient", REFERENCE, path("target"), "target", _PATIENT, "targets that are Patients"),
            _p("recorded", DATE, path("recorded")),
            _p("agent", REFERENCE, path("agent.who"), targets=("Practitioner", "Organization")),
        ],
        "AuditEvent": [
            _p("entity", REFERENCE, path("entity.what"), "entity"),
            _p("patient", REFERENCE, path("entity.what"), "entity", _PATIENT),
            _p("date", DATE, path("recorded")),
            _p("type", TOKEN, path("type")),
            _p("subtype", TOKEN, path("subtype")),
            _p("agent", REFERENCE, path("agent.who"), targets=("Practitioner", "Organization")),
        ],
        "Basic": [
            _identifier(), *_subject(()),
            _p("code", TOKEN, path("code")),
            _p("created", DATE, path("created")),
            _p("author", REFERENCE, path("author"),
               targets=("Practitioner", "PractitionerRole", "Organization", "Patient")),
        ],
        "DocumentReference": [
            _identifier(), *_subject(()), status,
            _p("type", TOKEN, path("type")),
            _p("category", TOKEN, path("category")),
            _p("date", DATE, path("date"), doc="when the reference was created"),
        ],
    }


def _generic(rtype: str) -> list[SearchParam]:
    """The parameters of a type without hand-written ones: identifier and its patient."""
    params = [] if rtype in WITHOUT_IDENTIFIER else [_identifier()]
    element = PATIENT_ELEMENT.get(rtype)
    if element == "subject":
        params += _subject(())
    elif element:
        params.append(_p("patient", REFERENCE, path(element), element, _PATIENT, f"{element}, a Patient"))
    return params


def _table() -> dict[str, dict[str, SearchParam]]:
    written = _definitions()
    return {rtype: {p.name: p for p in [*_common(), *written.get(rtype, _generic(rtype))]}
            for rtype in STORED_TYPES}


PARAMETERS: dict[str, dict[str, SearchParam]] = _table()
RESOURCE_TYPES: tuple[str, ...] = tuple(PARAMETERS)


@dataclass(frozen=True)
class IndexKey:
    """What is written to the index for one key of one type: values found by `extract`."""

    key: str
    type: str
    name: str  # the parameter, named in the error when an element cannot be indexed
    extract: Extractor = field(compare=False, repr=False)


def index_keys(rtype: str) -> list[IndexKey]:
    """One entry per index key of a type: the values written to the index at each write."""
    seen: dict[str, IndexKey] = {}
    for param in PARAMETERS[rtype].values():
        if not param.special:
            seen.setdefault(param.key, IndexKey(param.key, param.type, param.name, param.extract))
            if param.text_forms:
                key, extract = param.text_forms
                seen.setdefault(key, IndexKey(key, param.type, param.name, extract))
    return list(seen.values())


def offered(param: SearchParam, conformance: Conformance) -> SearchParam:
    """The parameter as a server of this conformance matches it."""
    if param.text_forms and not conformance.name_text:
        return replace(param, text_forms=None, doc=_NAME_PARTS_DOC)
    return param


def include_params(rtype: str) -> list[SearchParam]:
    return [p for p in PARAMETERS[rtype].values() if p.type == REFERENCE]


# --- parsed search values ---------------------------------------------------------------


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


# --- parsing ----------------------------------------------------------------------------


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
    half = Decimal(5).scaleb(number.as_tuple().exponent - 1)  # type: ignore[operator]
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
