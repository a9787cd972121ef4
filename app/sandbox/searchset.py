"""Searchset Bundles: the page of matches, its includes, total and paging links.

Stored resources are already JSON text, so the Bundle is assembled around them as text;
a chart page of a few hundred Observations is then no more than string joins. Only
`_elements` needs to parse a resource.
"""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import urlencode

from app.sandbox.dates import instant_now
from app.sandbox.errors import operation_outcome
from app.sandbox.search_query import SearchQuery
from app.sandbox.stored import SearchPage, Stored

_SUBSETTED = {"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "code": "SUBSETTED"}


def page_url(base: str, query: SearchQuery, offset: int | None) -> str:
    """The URL of a page: the same query, with `_count` and the page's `_offset`."""
    pairs = [(k, v) for k, v in query.pairs if k not in ("_count", "_offset")]
    pairs.append(("_count", str(query.count)))
    if offset:
        pairs.append(("_offset", str(offset)))
    return f"{base}/{query.resource_type}?{urlencode(pairs)}"


def links(base: str, query: SearchQuery, total: int | None) -> list[dict[str, str]]:
    """Self, next and previous; no `next` past the last match, nor past `max_results` (a
    server that stops paging there still states the true total)."""
    result = [{"relation": "self", "url": page_url(base, query, query.offset)}]
    if query.summary_count or query.count == 0:
        return result
    reachable = total if query.max_results is None or total is None else min(total, query.max_results)
    if reachable is not None and query.offset + query.count < reachable:
        result.append({"relation": "next", "url": page_url(base, query, query.offset + query.count)})
    if query.offset > 0:
        previous = max(0, query.offset - query.count)
        result.append({"relation": "previous", "url": page_url(base, query, previous)})
    return result


def searchset(base: str, query: SearchQuery, page: SearchPage) -> str:
    """The Bundle as JSON text."""
    head: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": instant_now()[0]},
        "type": "searchset",
        "total": page.total,
        "link": links(base, query, page.total),
    }
    entries = [_entry(base, s, "match", query.elements) for s in page.matches]
    entries += [_entry(base, s, "include", query.elements) for s in page.included]
    if query.ignored:
        entries.append(_outcome_entry(query.ignored))
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    if not entries:
        return text
    return text[:-1] + ',"entry":[' + ",".join(entries) + "]}"


def _entry(base: str, stored: Stored, mode: str, elements: tuple[str, ...] | None) -> str:
    body = stored.json if elements is None else _subset(stored, elements)
    full_url = json.dumps(f"{base}/{stored.type}/{stored.id}", ensure_ascii=False)
    return f'{{"fullUrl":{full_url},"resource":{body},"search":{{"mode":"{mode}"}}}}'


def _subset(stored: Stored, elements: tuple[str, ...]) -> str:
    """`_elements`: the mandatory id/meta plus the elements asked for, tagged SUBSETTED."""
    resource = stored.resource()
    kept = {k: v for k, v in resource.items() if k in ("resourceType", "id", "meta") or k in elements}
    meta = dict(kept.get("meta") or {})
    meta["tag"] = [*meta.get("tag", []), _SUBSETTED]
    kept["meta"] = meta
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":"))


def _outcome_entry(ignored: list[str]) -> str:
    names = ", ".join(sorted(set(ignored)))
    outcome = operation_outcome(
        f"unknown search parameters ignored (Prefer: handling=lenient): {names}",
        code="not-supported", severity="warning",
    )
    return json.dumps({"resource": outcome, "search": {"mode": "outcome"}}, ensure_ascii=False)
