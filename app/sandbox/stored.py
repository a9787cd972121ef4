"""A resource as the store holds it: stamped by the server, kept as compact JSON text.

Reads and search pages hand back `Stored` rows, so a resource is served without parsing and
re-serialising it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: The columns of `resources` a `Stored` is made of, in its fields' order.
COLUMNS = "rid, type, id, version, last_updated, json"


@dataclass(frozen=True)
class Stored:
    """One current (or historical) version of a resource as stored."""

    rid: int
    type: str
    id: str
    version: int
    last_updated: str
    json: str

    def resource(self) -> dict[str, Any]:
        return json.loads(self.json)


@dataclass
class SearchPage:
    """One page of a search: the total (None if not counted), its matches and what they include."""

    total: int | None
    matches: list[Stored]
    included: list[Stored]


def serialise(resource: dict[str, Any]) -> str:
    return json.dumps(resource, ensure_ascii=False, separators=(",", ":"))


def stamp(resource: dict[str, Any], rid: str, version: int, last_updated: str) -> dict[str, Any]:
    """A copy with id and meta.versionId/lastUpdated set, the server-owned parts of meta."""
    meta = dict(resource.get("meta") or {})
    meta.update(versionId=str(version), lastUpdated=last_updated)
    rest = {k: v for k, v in resource.items() if k not in ("resourceType", "id", "meta")}
    return {"resourceType": resource["resourceType"], "id": rid, "meta": meta, **rest}
