"""Search parameters: what each resource type can be searched by.

One table (`PARAMETERS`) drives three things, so they can never disagree: what is indexed
when a resource is written (store.py), what a search request may ask (search.py), and what
the CapabilityStatement advertises (capability.py).

Parameters that read the same elements share an index `key` (e.g. `patient` and `subject`
both read `subject`; `patient` only narrows the target type), which keeps the index small.

Every R4 resource type is stored (resource_types.py); the types written by hand below get
their full set of parameters, every other one a generic set (`_id`, `_lastUpdated`,
`identifier`, `patient`/`subject`). How a query is read also depends on the server's
`Conformance` (conformance.py): the same index serves the full and the minimal server.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.sandbox.conformance import Conformance
from app.sandbox.extractors import Extractor, addresses, choice, name_parts, name_texts, path, telecom
from app.sandbox.resource_types import PATIENT_ELEMENT, STORED_TYPES, WITHOUT_IDENTIFIER

#: The parameter types; each has its own index table (store.py) and row shape (index_rows.py).
TOKEN, STRING, DATE, REFERENCE, QUANTITY = "token", "string", "date", "reference", "quantity"


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
        "DetectedIssue": [   # R4's own parameters (a supervisor's verdict on a repeat is one)
            _identifier(),
            _p("patient", REFERENCE, path("patient"), targets=_PATIENT),
            _p("code", TOKEN, path("code")),
            _p("identified", DATE, choice("identified")),
            _p("author", REFERENCE, path("author"), targets=("Practitioner", "PractitionerRole", "Device")),
            _p("implicated", REFERENCE, path("implicated"), targets=()),
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
