"""The CapabilityStatement (`GET /fhir/metadata`), generated from the search definitions
so that what the server says it supports is exactly what it does."""

from __future__ import annotations

from typing import Any

from app.sandbox import search as sp

#: What the clinical record types support. Binary serves only the recognition catalogue.
_INTERACTIONS = ["read", "vread", "update", "create", "search-type"]


def capability_statement(base: str) -> dict[str, Any]:
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-22",
        "publisher": "Huren",
        "kind": "instance",
        "software": {"name": "Huren regional platform sandbox"},
        "implementation": {"description": "Embedded FHIR R4 sandbox (synthetic data)", "url": base},
        "fhirVersion": "4.0.1",
        "format": ["json", "application/fhir+json"],
        "rest": [{
            "mode": "server",
            "resource": [*(_resource(t) for t in sp.RESOURCE_TYPES), _binary()],
            "interaction": [{"code": "transaction"}, {"code": "batch"}],
            "searchParam": [
                {"name": "_count", "type": "number", "documentation": f"default {sp.DEFAULT_COUNT}, max {sp.MAX_COUNT}"},
                {"name": "_sort", "type": "string"},
                {"name": "_summary", "type": "token", "documentation": "count, data, false"},
                {"name": "_elements", "type": "string"},
            ],
        }],
    }


def _resource(rtype: str) -> dict[str, Any]:
    params = sp.PARAMETERS[rtype].values()
    includes = [f"{rtype}:{p.name}" for p in sp.include_params(rtype)]
    revincludes = [f"{other}:{p.name}" for other in sp.RESOURCE_TYPES
                   for p in sp.include_params(other) if rtype in p.targets]
    return {
        "type": rtype,
        "interaction": [{"code": code} for code in _INTERACTIONS],
        "versioning": "versioned",
        "readHistory": True,
        "updateCreate": True,
        "conditionalCreate": True,
        "conditionalUpdate": True,
        "conditionalDelete": "not-supported",
        "searchInclude": includes,
        "searchRevInclude": revincludes,
        "searchParam": [_param(p) for p in params],
    }


def _param(param: sp.SearchParam) -> dict[str, Any]:
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
