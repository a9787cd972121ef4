"""A transaction Bundle as ordered, idempotent pieces, for servers that will not take it whole.

Some servers refuse our transactions for their shape, not their content (too many entries
for strict isolation, no transactions at all, no conditional create inside one); others run
a transaction as a batch and answer per entry. The records must reach them all the same,
exactly once. Each entry of the Bundle becomes a piece sent on its own, in an order where
a piece comes after every piece it refers to (`urn:uuid:` fullUrls): the ServiceRequests
before the Consent that names them, the Provenance last of all.

A piece is idempotent by construction: a create is conditional (`If-None-Exist` on the
client-made identifier), an update goes to a client-made id or a conditional URL. Sending
a piece twice leaves one record, so a crash between pieces costs at most a resend.

The `urn:uuid:` references of later pieces are rewritten to the `Type/id` the server gave
the earlier ones (`written_reference`). Nothing here does I/O: the sender
(app.services.ordering.sending) sends the pieces and keeps their progress in the outbox.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from app.domain.fhir_json import reference_holders

#: Response bundle types whose entries answer the request's entries one by one.
_RESPONSE_TYPES = frozenset({"transaction-response", "batch-response"})
_STATUS_CODE = re.compile(r"\b([1-5]\d\d)\b")


class MalformedTransaction(ValueError):
    """The stored Bundle is not a transaction this client can send in pieces (a bug, not the user's)."""


@dataclass(frozen=True)
class Piece:
    """One entry of the transaction as a request of its own."""

    index: int                 # the entry's position in the Bundle: stable, so it keys the progress
    method: str                # POST, PUT, DELETE
    url: str                   # "ServiceRequest", "Provenance/<id>", "Basic?identifier=s|v"
    resource: dict[str, Any] | None
    full_url: str = ""         # what other entries call it ("" when nothing can)
    if_none_exist: str = ""    # "identifier=system|value" for a conditional create
    refers_to: frozenset[str] = field(default_factory=frozenset)   # fullUrls of other entries it names

    @property
    def resource_type(self) -> str:
        return self.url.split("?", 1)[0].split("/", 1)[0]

    def request(self, resolved: Mapping[str, str]) -> tuple[str, str, dict[str, Any] | None, dict[str, str]]:
        """(method, url, body, headers), with references to earlier pieces made real."""
        headers = {"If-None-Exist": self.if_none_exist} if self.if_none_exist else {}
        body = rewritten(self.resource, resolved) if self.resource is not None else None
        return self.method, self.url, body, headers

    def known_reference(self) -> str:
        """`Type/id` when the request itself names it (PUT Type/id), else ""."""
        path = self.url.split("?", 1)[0]
        return path if self.method == "PUT" and path.count("/") == 1 else ""


def pieces(bundle: Any) -> list[Piece]:
    """The Bundle's entries as pieces, each after the pieces it refers to (else in Bundle order)."""
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle" \
            or bundle.get("type") not in ("transaction", "batch") or not isinstance(bundle.get("entry"), list):
        raise MalformedTransaction("the stored record is not a transaction Bundle")
    found = [_piece(i, raw) for i, raw in enumerate(bundle["entry"])]
    full_urls = {p.full_url for p in found if p.full_url}
    found = [Piece(p.index, p.method, p.url, p.resource, p.full_url, p.if_none_exist,
                   frozenset(p.refers_to & full_urls - {p.full_url})) for p in found]
    return _dependency_order(found)


def _piece(index: int, raw: Any) -> Piece:
    request = raw.get("request") if isinstance(raw, dict) else None
    if not isinstance(request, dict) or not isinstance(request.get("method"), str) \
            or not isinstance(request.get("url"), str) or not request["url"]:
        raise MalformedTransaction(f"entry {index} has no request method and url")
    resource = raw.get("resource")
    if resource is not None and not isinstance(resource, dict):
        raise MalformedTransaction(f"entry {index} has a resource that is not an object")
    refers = frozenset(h["reference"] for h in reference_holders(resource)) if resource else frozenset()
    return Piece(index, request["method"].upper(), request["url"].lstrip("/"), resource,
                 str(raw.get("fullUrl") or ""), str(request.get("ifNoneExist") or ""), refers)


def _dependency_order(found: list[Piece]) -> list[Piece]:
    """Stable: each piece as early as the pieces it refers to allow; a cycle keeps Bundle order.

    A Provenance goes last: it attests the whole order, so it exists only once all of it does.
    """
    placed: list[Piece] = []
    named: set[str] = set()
    waiting = sorted(found, key=lambda p: p.resource_type == "Provenance")
    while waiting:
        ready = next((p for p in waiting if p.refers_to <= named), waiting[0])
        waiting.remove(ready)
        placed.append(ready)
        if ready.full_url:
            named.add(ready.full_url)
    return placed


def rewritten(resource: dict[str, Any], resolved: Mapping[str, str]) -> dict[str, Any]:
    """A copy of the resource whose references to resolved fullUrls name the server's `Type/id`."""
    out = copy.deepcopy(resource)
    for holder in reference_holders(out):
        real = resolved.get(holder["reference"])
        if real:
            holder["reference"] = real
    return out


def written_reference(resource_type: str, location: str, body: Any) -> str:
    """`Type/id` of what a write stored: from Location (`.../Type/id/_history/n`), else the body.

    With 200 from a conditional create that found the record, both name the existing one.
    Returns "" when the server said neither (the caller may look it up by identifier).
    """
    if location:
        segments = [s for s in urlsplit(location).path.split("/") if s]
        if "_history" in segments:
            segments = segments[:segments.index("_history")]
        if len(segments) >= 2 and segments[-2] == resource_type:
            return f"{resource_type}/{segments[-1]}"
    if isinstance(body, dict) and body.get("resourceType") == resource_type and isinstance(body.get("id"), str) \
            and body["id"]:
        return f"{resource_type}/{body['id']}"
    return ""


def response_problem(sent: dict[str, Any], answer: Any) -> str:
    """Why a 2xx answer to a transaction does not acknowledge all of it ("" when it does).

    A server may run a transaction as a batch: every entry must say 2xx, one entry per request.
    The reason is for the log; it names entry positions and statuses, never content.
    """
    expected = len(sent.get("entry") or [])
    if not isinstance(answer, dict) or answer.get("resourceType") != "Bundle" \
            or answer.get("type") not in _RESPONSE_TYPES:
        return "the answer is not a transaction-response Bundle"
    entries = answer.get("entry")
    if not isinstance(entries, list) or len(entries) != expected:
        got = len(entries) if isinstance(entries, list) else 0
        return f"the answer has {got} entries for {expected} requests"
    failed = [f"entry {i}: {status or 'no status'}" for i, e in enumerate(entries)
              if not _is_success(status := _entry_status(e))]
    return "; ".join(failed)


def _entry_status(entry: Any) -> str:
    response = entry.get("response") if isinstance(entry, dict) else None
    status = response.get("status") if isinstance(response, dict) else None
    return status if isinstance(status, str) else ""


def _is_success(status: str) -> bool:
    """"201 Created", "200", "HTTP/1.1 200 OK": the first three-digit code decides."""
    match = _STATUS_CODE.search(status)
    return match is not None and match.group(1).startswith("2")
