"""What a FHIR server says it can do (its CapabilityStatement), read once per source and session.

The client adapts to it: an `_include` the server does not list is not asked for (the
references are fetched by id instead), an order goes in pieces to a server without
transactions. What the statement leaves out is `None`, "not said": the client then tries
the feature and checks the answer, since many servers do more than they declare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.platform.fhir.client import FhirClient, FhirError, SourceUnreachable
from app.platform.fhir.mapping import read_object


@dataclass(frozen=True)
class Capabilities:
    fhir_version: str = ""
    software: str = ""
    read_error: str = ""                     # why no statement could be read ("" when it was)
    transaction: bool | None = None
    batch: bool | None = None
    types: frozenset[str] = frozenset()
    includes: dict[str, frozenset[str]] = field(default_factory=dict)        # type -> searchInclude
    search_params: dict[str, frozenset[str]] = field(default_factory=dict)   # type -> parameter names
    conditional_create: dict[str, bool] = field(default_factory=dict)
    page_note: str = ""                      # the server's own words on `_count`, if any

    @property
    def known(self) -> bool:
        return not self.read_error

    @classmethod
    def from_statement(cls, cs: Any) -> Capabilities:
        if not isinstance(cs, dict) or cs.get("resourceType") != "CapabilityStatement":
            return cls(read_error="the metadata answer is not a CapabilityStatement")
        rest = next((r for r in cs.get("rest") or [] if isinstance(r, dict) and r.get("mode") == "server"), {})
        system = {i.get("code") for i in rest.get("interaction") or [] if isinstance(i, dict)}
        resources = [r for r in rest.get("resource") or [] if isinstance(r, dict) and isinstance(r.get("type"), str)]
        software = read_object(cs, "software")
        page_note = next((str(p.get("documentation") or "") for p in rest.get("searchParam") or []
                          if isinstance(p, dict) and p.get("name") == "_count"), "")
        return cls(
            fhir_version=str(cs.get("fhirVersion") or ""),
            software=" ".join(str(software.get(k) or "") for k in ("name", "version")).strip(),
            transaction="transaction" in system,
            batch="batch" in system,
            types=frozenset(r["type"] for r in resources),
            includes={r["type"]: frozenset(str(x) for x in r.get("searchInclude") or []) for r in resources},
            search_params={r["type"]: frozenset(str(p.get("name")) for p in r.get("searchParam") or []
                                                if isinstance(p, dict)) for r in resources},
            conditional_create={r["type"]: bool(r.get("conditionalCreate")) for r in resources},
            page_note=page_note,
        )

    def offers_include(self, include: str) -> bool | None:
        """`DiagnosticReport:result` listed for its type? None when the statement is unknown."""
        if not self.known:
            return None
        kind = include.split(":", 1)[0]
        listed = self.includes.get(kind, frozenset())
        return include in listed or "*" in listed

    def include_params(self, *includes: str) -> list[tuple[str, str]]:
        """The `_include` parameters worth sending: all of them unless the server says it lacks them."""
        return [("_include", i) for i in includes if self.offers_include(i) is not False]


def read_capabilities(client: FhirClient) -> Capabilities:
    """GET [base]/metadata; a server that will not say gets an 'unknown' statement, not an error.

    A 401 (SessionEnded) and no answer at all (SourceUnreachable) still raise: the caller
    must not cache a statement it never saw.
    """
    try:
        return Capabilities.from_statement(client.get_json("metadata"))
    except SourceUnreachable:
        raise
    except FhirError as e:
        return Capabilities(read_error=e.message)
