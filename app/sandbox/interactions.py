"""The FHIR RESTful interactions on one store session: read, vread, create, update, search.

Kept apart from HTTP so a transaction Bundle can run the very same create/update logic
for each of its entries inside one SQLite transaction, and so validation and conditional
semantics (If-None-Exist, If-Match, conditional update) are decided in one place.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from app.sandbox.conformance import FULL, Conformance
from app.sandbox.errors import (
    FhirError,
    bad_request,
    not_found,
    precondition_failed,
    unprocessable,
)
from app.sandbox.references import valid_id
from app.sandbox.resource_types import R4_RESOURCE_TYPES
from app.sandbox.search import parse_search
from app.sandbox.search_params import PARAMETERS
from app.sandbox.search_query import SearchQuery
from app.sandbox.session import Session
from app.sandbox.stored import SearchPage, Stored


@dataclass(frozen=True)
class Written:
    """The outcome of a write: what is stored now and the HTTP status that says how."""

    status: int  # 201 created, 200 updated or already there (conditional create)
    stored: Stored

    @property
    def location(self) -> str:
        return f"{self.stored.type}/{self.stored.id}/_history/{self.stored.version}"


def check_type(rtype: str) -> None:
    """Every R4 type is stored but Binary (which serves the catalogue only); others are 404."""
    if rtype not in PARAMETERS:
        what = "not supported by this server" if rtype in R4_RESOURCE_TYPES else "not a FHIR R4 resource type"
        raise not_found(f"resource type {rtype!r} is {what}")


def check_id(rid: str) -> None:
    if not valid_id(rid):
        raise bad_request(f"{rid!r} is not a valid resource id")


def validate(resource: Any, rtype: str) -> dict[str, Any]:
    """The checks every written resource passes: a JSON object of the type the URL names."""
    if not isinstance(resource, dict):
        raise bad_request("the body must be a JSON object (a FHIR resource)")
    if "resourceType" not in resource:
        raise unprocessable("the resource has no resourceType")
    if resource["resourceType"] != rtype:
        raise bad_request(f"resourceType {resource['resourceType']!r} does not match {rtype}")
    meta = resource.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise unprocessable("meta must be an object")
    return resource


def read(session: Session, rtype: str, rid: str) -> Stored:
    check_type(rtype)
    check_id(rid)
    stored = session.read(rtype, rid)
    if stored is None:
        raise not_found(f"{rtype}/{rid} is not known")
    return stored


def vread(session: Session, rtype: str, rid: str, version: str) -> Stored:
    read(session, rtype, rid)
    stored = session.read_version(rtype, rid, int(version)) if version.isdigit() else None
    if stored is None:
        raise not_found(f"{rtype}/{rid} has no version {version!r}")
    return stored


def parse_condition(rtype: str, condition: str, conformance: Conformance = FULL) -> SearchQuery:
    """A conditional-create/update query: `identifier=x|y`, `?identifier=..` or `Patient?...`."""
    text = condition.strip()
    if "?" in text:
        prefix, _, text = text.partition("?")
        if prefix and prefix.rsplit("/", 1)[-1] != rtype:
            raise bad_request(f"the condition {condition!r} is not about {rtype}")
    pairs = parse_qsl(text, keep_blank_values=True)
    if not pairs:
        raise bad_request(f"the condition {condition!r} has no search parameters")
    query = parse_search(rtype, pairs, conformance=conformance)
    if not query.clauses:
        raise bad_request(f"the condition {condition!r} selects nothing")
    return query


def matches(session: Session, rtype: str, condition: str, conformance: Conformance = FULL) -> list[str]:
    """Ids of the (at most two) resources a condition matches: enough to tell 0, 1, many."""
    return session.find_ids(parse_condition(rtype, condition, conformance), limit=2)


def store(session: Session, rtype: str, rid: str, resource: dict[str, Any]) -> Written:
    """Write after validation; an element that cannot be indexed makes it a 422."""
    try:
        stored, created = session.put(rtype, rid, resource)
    except ValueError as exc:
        raise unprocessable(f"{rtype}: {exc}") from None
    return Written(201 if created else 200, stored)


def create(session: Session, rtype: str, resource: Any, if_none_exist: str | None = None,
           conformance: Conformance = FULL) -> Written:
    """POST: the server assigns the id; with If-None-Exist an existing match is returned."""
    check_type(rtype)
    validate(resource, rtype)
    if if_none_exist:
        found = matches(session, rtype, if_none_exist, conformance)
        if len(found) > 1:
            raise precondition_failed(f"If-None-Exist matches more than one {rtype}")
        if found:
            return Written(200, read(session, rtype, found[0]))
    return store(session, rtype, new_id(), resource)


def update(session: Session, rtype: str, rid: str, resource: Any, if_match: str | None = None) -> Written:
    """PUT: replace or create with the client's id; If-Match guards against lost updates."""
    check_type(rtype)
    check_id(rid)
    validate(resource, rtype)
    if "id" not in resource:
        raise bad_request("a resource sent with PUT must carry its id")
    if resource["id"] != rid:
        raise unprocessable(f"the resource id {resource['id']!r} does not match the URL id {rid!r}")
    if if_match:
        _check_version(session, rtype, rid, if_match)
    return store(session, rtype, rid, resource)


def conditional_update(session: Session, rtype: str, condition: str, resource: Any,
                       conformance: Conformance = FULL) -> Written:
    """PUT Type?query: update the one match, create when none, refuse when several."""
    check_type(rtype)
    validate(resource, rtype)
    found = matches(session, rtype, condition, conformance)
    if len(found) > 1:
        raise precondition_failed(f"the conditional update matches more than one {rtype}")
    rid = found[0] if found else resource.get("id") or new_id()
    if found and resource.get("id") not in (None, rid):
        raise bad_request(f"the resource id {resource['id']!r} is not the matched {rtype}/{rid}")
    check_id(rid)
    return store(session, rtype, rid, {**resource, "id": rid})


_WEAK_ETAG = re.compile(r'^(?:W/)?"(\d+)"$')


def _check_version(session: Session, rtype: str, rid: str, if_match: str) -> None:
    match = _WEAK_ETAG.match(if_match.strip())
    if not match:
        raise bad_request(f"If-Match {if_match!r} is not a version ETag like W/\"3\"")
    current = session.read(rtype, rid)
    if current is None or str(current.version) != match.group(1):
        raise FhirError(412, "conflict", f"{rtype}/{rid} is not at version {match.group(1)}")


def search(session: Session, rtype: str, pairs: Sequence[tuple[str, str]],
           *, lenient: bool = False, conformance: Conformance = FULL) -> tuple[SearchQuery, SearchPage]:
    check_type(rtype)
    query = parse_search(rtype, pairs, lenient=lenient, conformance=conformance)
    return query, session.search(query)


def new_id() -> str:
    return str(uuid.uuid4())
