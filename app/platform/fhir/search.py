"""Searching a FHIR server for what the standard promises, and knowing when the answer is whole.

A conformant R4 server may ignore `_include` (it is optional in FHIR search), cap its pages
and stop giving `next` links while `total` says more exist, and match reference parameters
only as `Type/id`. So a search here never trusts an include to have been honoured:

- `search_all` follows `next` links and says whether it got everything (`total` larger than
  the matches received with no `next` link, or our own page limit reached, means no);
- `References` completes what the includes should have brought: it fetches the referenced
  resources that the searchset lacks by id, in chunked `_id` searches run in parallel (a
  read per id when a server does not take `_id` lists), and remembers them for the rest of
  the load, so a chart's organizations are fetched once for its lab and imaging parts.

Every caller reports the gaps (`Gaps`) so the window can show an answer it knows to be
incomplete as incomplete: never a green "0 found" for a page the server cut short.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

from app.domain.fhir_json import reference_id
from app.platform.fhir.client import FhirClient, FhirError, SourceUnreachable

log = logging.getLogger("huren.platform")

#: Ids per `_id` search: keeps the URL short on every server (ids are up to 64 characters).
ID_CHUNK = 40
#: Parallel requests per source when completing references (gentle on a hospital's server).
PARALLEL = 4

Key = tuple[str, str]   # (resource type, id)


@dataclass(frozen=True)
class Gaps:
    """What an answer is known to lack; all zero means the answer is complete.

    `shown`/`total`: the server said it holds `total` matches and gave `shown` (no further
    page). `unresolved`: records referenced by the answer that could not be obtained.
    """

    shown: int = 0
    total: int | None = None
    unresolved: int = 0

    @property
    def truncated(self) -> bool:
        return self.total is not None and self.total > self.shown

    @property
    def complete(self) -> bool:
        return not self.truncated and not self.unresolved

    def __add__(self, other: Gaps) -> Gaps:
        """Two searches of one answer (e.g. a chart's lab and imaging parts)."""
        if not self.truncated and not other.truncated:
            return Gaps(unresolved=self.unresolved + other.unresolved)
        shown = self.shown + other.shown
        total = (self.total if self.total is not None else self.shown) + \
                (other.total if other.total is not None else other.shown)
        return Gaps(shown, total, self.unresolved + other.unresolved)


@dataclass
class SearchResult:
    """The matches of a search (in the server's order) and the resources that came with them."""

    resource_type: str
    matches: list[dict[str, Any]] = field(default_factory=list)
    included: dict[Key, dict[str, Any]] = field(default_factory=dict)
    total: int | None = None
    truncated: bool = False

    @property
    def gaps(self) -> Gaps:
        if not self.truncated:
            return Gaps()
        return Gaps(len(self.matches), max(self.total or 0, len(self.matches) + 1))

    def resources(self) -> Iterator[dict[str, Any]]:
        """Matches, then included resources: what a mapping reads."""
        yield from self.matches
        yield from self.included.values()


def search_all(client: FhirClient, resource_type: str, params: Sequence[tuple[str, str]],
               *, limit: int | None = None) -> SearchResult:
    """Every page of a search, up to `limit` matches; `truncated` says when the server held more.

    Entries with `search.mode` "include" (or of another type than searched, from servers that
    leave `mode` out) are included resources; "outcome" entries are skipped.
    """
    result = SearchResult(resource_type)
    for page in client.search(resource_type, params):
        if result.total is None and isinstance(page.get("total"), int) and not isinstance(page.get("total"), bool):
            result.total = page["total"]
        for entry in page.get("entry") or []:
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict):
                continue
            mode = ((entry.get("search") or {}) if isinstance(entry.get("search"), dict) else {}).get("mode")
            if mode == "outcome" or resource.get("resourceType") == "OperationOutcome":
                continue
            if mode == "include" or (mode is None and resource.get("resourceType") != resource_type):
                key = _key(resource)
                if key:
                    result.included[key] = resource
            else:
                result.matches.append(resource)
        if limit is not None and len(result.matches) >= limit:
            has_next = any(isinstance(link, dict) and link.get("relation") == "next" for link in page.get("link") or [])
            result.truncated = has_next or (result.total is not None and result.total > limit)
            del result.matches[limit:]
            return result
    if result.total is not None and result.total > len(result.matches):
        log.info("%s search: the server holds %d, gave %d and no further page", resource_type, result.total,
                 len(result.matches))
        result.truncated = True
    return result


def references(resources: Iterable[dict[str, Any]], path: str, kind: str) -> set[str]:
    """Ids of `kind` that `path` (dotted, e.g. "series.performer.actor") refers to, as `Type/id`."""
    found = set()
    for resource in resources:
        for ref in _walk(resource, path.split(".")):
            rid = reference_id(ref, kind)
            if rid:
                found.add(rid)
    return found


class References:
    """Resources referenced by a load's answers, fetched once per load when no include brought them.

    Thread-safe: a chart's lab and imaging searches of one source may complete references
    at the same time.
    """

    def __init__(self, client: FhirClient, chunk: int = ID_CHUNK, parallel: int = PARALLEL) -> None:
        self.client = client
        self.chunk = chunk
        self.parallel = parallel
        self._known: dict[Key, dict[str, Any]] = {}
        self._missing: set[Key] = set()
        self._lock = Lock()

    def get(self, kind: str, rid: str) -> dict[str, Any] | None:
        return self._known.get((kind, rid))

    def of_kind(self, kind: str) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {rid: res for (k, rid), res in self._known.items() if k == kind}

    def add(self, resources: Iterable[dict[str, Any]]) -> None:
        with self._lock:
            for res in resources:
                key = _key(res)
                if key:
                    self._known[key] = res
                    self._missing.discard(key)

    def complete(self, result: SearchResult, wanted: Sequence[tuple[str, str]]) -> int:
        """Make sure every `(path, kind)` reference of the matches is known; returns how many are not.

        The search's own included resources are taken first; the rest are fetched.
        """
        self.add(result.included.values())
        needed: dict[str, set[str]] = {}
        for path, kind in wanted:
            needed.setdefault(kind, set()).update(references(result.matches, path, kind))
        # References may chain (a report's Observation names nothing we need here), so one round suffices.
        self.fetch(needed)
        with self._lock:
            return sum(1 for kind, ids in needed.items() for rid in ids if (kind, rid) not in self._known)

    def fetch(self, needed: dict[str, set[str]]) -> None:
        """Fetch the ones not known yet (and not already found missing), in parallel chunks."""
        with self._lock:
            todo = {kind: sorted(rid for rid in ids if (kind, rid) not in self._known
                                 and (kind, rid) not in self._missing) for kind, ids in needed.items()}
        jobs = [(kind, ids[i:i + self.chunk]) for kind, ids in todo.items() for i in range(0, len(ids), self.chunk)]
        if not jobs:
            return
        log.debug("fetching %d referenced resources the search did not include",
                  sum(len(ids) for _, ids in jobs))
        if len(jobs) == 1:
            self._fetch_chunk(*jobs[0])
            return
        with ThreadPoolExecutor(max_workers=min(self.parallel, len(jobs))) as pool:
            for future in [pool.submit(self._fetch_chunk, kind, ids) for kind, ids in jobs]:
                future.result()   # SourceUnreachable and SessionEnded reach the caller

    def _fetch_chunk(self, kind: str, ids: list[str]) -> None:
        """One `_id` search; what it did not bring (a server's page or result cap) is asked again.

        A server that ignores `_id` (it answers with records not asked for) or refuses it is
        read one id at a time instead.
        """
        wanted = set(ids)
        found: list[dict[str, Any]] = []
        todo = list(ids)
        while todo:
            try:
                result = search_all(self.client, kind, [("_id", ",".join(todo)), ("_count", str(len(todo)))],
                                    limit=len(todo))
            except SourceUnreachable:
                raise
            except FhirError as e:
                log.info("%s?_id=… refused (%s); reading %d one by one", kind, e.message, len(todo))
                found += self._read_each(kind, todo)
                break
            got = {r.get("id") for r in result.matches}
            if not got <= wanted:
                log.info("%s?_id=… answered with other records; reading %d one by one", kind, len(todo))
                found += self._read_each(kind, todo)
                break
            found += result.matches
            rest = [rid for rid in todo if rid not in got]
            if not result.truncated or not got or not rest:
                break   # what is not there now is not on the server
            todo = rest
        self.add(r for r in found if isinstance(r, dict) and r.get("resourceType") == kind)
        with self._lock:
            self._missing.update((kind, rid) for rid in ids if (kind, rid) not in self._known)

    def _read_each(self, kind: str, ids: list[str]) -> list[dict[str, Any]]:
        found = []
        for rid in ids:
            try:
                found.append(self.client.read(kind, rid))
            except SourceUnreachable:
                raise
            except FhirError:
                continue
        return found


def _key(resource: dict[str, Any]) -> Key | None:
    kind, rid = resource.get("resourceType"), resource.get("id")
    if isinstance(kind, str) and isinstance(rid, str) and rid:
        return kind, rid
    return None


def _walk(node: Any, parts: list[str]) -> Iterator[Any]:
    if not parts:
        if isinstance(node, list):
            yield from node
        else:
            yield node
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, parts)
    elif isinstance(node, dict) and parts[0] in node:
        yield from _walk(node[parts[0]], parts[1:])
