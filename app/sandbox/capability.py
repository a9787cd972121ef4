"""The CapabilityStatement (`GET /fhir/metadata`), generated from the search definitions
and the server's conformance, so that what the server says it supports is exactly what it
does: a minimal server lists no includes and states its page cap, as such servers do."""

from __future__ import annotations

from typing import Any

from app.sandbox.conformance import FULL, Conformance
from app.sandbox.search_params import PARAMETERS, RESOURCE_TYPES, SearchParam, include_params, offered
from app.sandbox.search_query import DEFAULT_COUNT

#: What the clinical record types support. Binary serves only the recognition catalogue.
_INTERACTIONS = ["read", "vread", "update", "create", "search-type"]


def capability_statement(base: str, conformance: Conformance = FULL) -> dict[str, Any]:
    revincludes = _revincludes() if conformance.includes else {}
    rest: dict[str, Any] = {
        "mode": "server",
        "resource": [*(_resource(t, conformance, revincludes) for t in RESOURCE_TYPES), _binary()],
        "interaction": [{"code": "transaction"}, {"code": "batch"}],
        "searchParam": [
            {"name": "_count", "type": "number", "documentation": _count_doc(conformance)},
            {"name": "_sort", "type": "string"},
            {"name": "_summary", "type": "token", "documentation": "count, data, false"},
            {"name": "_elements", "type": "string"},
        ],
    }
    limits = _limits(conformance)
    if limits:
        rest["documentation"] = limits
    description = "Embedded FHIR R4 sandbox (synthetic data)"
    if conformance != FULL:
        description += f", {conformance.name} conformance mode"
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-22",
        "publisher": "Huren",
        "kind": "instance",
        "software": {"name": "Huren regional platform sandbox"},
        "implementation": {"description": description, "url": base},
        "fhirVersion": "4.0.1",
        "format": ["json", "application/fhir+json"],
        "rest": [rest],
    }


def _count_doc(conformance: Conformance) -> str:
    text = f"default {min(DEFAULT_COUNT, conformance.max_count)}, max {conformance.max_count}"
    if conformance.max_results is not None:
        text += f"; no next link past {conformance.max_results} matches (total stays exact)"
    return text


def _limits(conformance: Conformance) -> str:
    """What a client should know before it sends work (empty for the full server)."""
    notes = []
    if conformance.max_transaction_entries is not None:
        notes.append(f"transactions of at most {conformance.max_transaction_entries} entries "
                     "(batches unlimited)")
    if not conformance.includes:
        notes.append("_include and _revinclude are ignored")
    if not conformance.bare_reference_ids:
        notes.append("reference parameters match Type/id only")
    if not conformance.audit_search:
        notes.append("AuditEvent is written, not searched (403)")
    return "; ".join(notes)


def _revincludes() -> dict[str, list[str]]:
    """Target type -> the `Type:param` revincludes that reach it, in one pass over the table."""
    found: dict[str, list[str]] = {}
    for other in RESOURCE_TYPES:
        for param in include_params(other):
            for target in param.targets:
                found.setdefault(target, []).append(f"{other}:{param.name}")
    return found


def _resource(rtype: str, conformance: Conformance, revincludes: dict[str, list[str]]) -> dict[str, Any]:
    params = [offered(p, conformance) for p in PARAMETERS[rtype].values()]
    entry: dict[str, Any] = {
        "type": rtype,
        "interaction": [{"code": code} for code in _INTERACTIONS
                        if code != "search-type" or rtype != "AuditEvent" or conformance.audit_search],
        "versioning": "versioned",
        "readHistory": True,
        "updateCreate": True,
        "conditionalCreate": True,
        "conditionalUpdate": True,
        "conditionalDelete": "not-supported",
    }
    if conformance.includes:
        entry["searchInclude"] = [f"{rtype}:{p.name}" for p in include_params(rtype)]
        entry["searchRevInclude"] = revincludes.get(rtype, [])
    entry["searchParam"] = [_param(p) for p in params]
    return entry


def _param(param: SearchParam) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": param.name, "type": param.type}
    if param.doc:
        entry["documentation"] = param.doc
    return entry


def _binary() -> dict[str, Any]:
    return {
        "type": "Binary",
        "interaction": [{"code": "read"}],
        "documentation": "Binary/recognition-catalogue: the recognition catalogue "
                         "(Accept: application/json for the document itself)",
    }
