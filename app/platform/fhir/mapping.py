"""FHIR R4 JSON to domain records: what every mapping shares.

Every hospital's system writes FHIR a little differently, and some write it wrong. A
resource that cannot be read raises `MappingError` naming what is missing; the callers skip
it and count it in `Skipped`, so one bad Observation never hides a patient's other results.

The readers of FHIR data types here (names, identifiers, codings, dates) are lenient in the
same way for every resource; the mappings themselves are by subject: `administration`
(patients, hospitals, staff), `lab_reports` (reports and their results), `imaging_studies`
(studies with their reports and image servers), `documents` and `decisions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from app.domain.fhir_json import cut_text
from app.domain.models import Coding, Identifier

#: Longest person name shown; the longest real names (transliterated, with titles) stay far below it.
MAX_NAME = 100


class MappingError(ValueError):
    """A resource could not be read as the record it should be; the message says what is missing."""


@dataclass
class Skipped:
    """Resources a mapping could not read, kept to tell the user how many and why."""

    problems: list[str] = field(default_factory=list)
    #: Records referenced but not at hand: counted by whoever fetched them (fhir.search.Gaps), not as unreadable.
    missing: list[str] = field(default_factory=list)

    def add(self, resource: Any, error: Exception) -> None:
        kind = resource.get("resourceType", "?") if isinstance(resource, dict) else "?"
        rid = resource.get("id", "?") if isinstance(resource, dict) else "?"
        self.problems.append(f"{kind}/{rid}: {error}")

    def __len__(self) -> int:
        return len(self.problems)


def bundle_resources(bundle: dict) -> Iterable[dict]:
    """The resources of a Bundle's entries; an entry without one is passed over."""
    for entry in bundle.get("entry", []) or []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict):
            yield resource


def expect_resource(res: Any, kind: str) -> None:
    """A MappingError unless `res` is a resource of type `kind` with an id."""
    if not isinstance(res, dict) or res.get("resourceType") != kind:
        raise MappingError(f"not a {kind}")
    if not isinstance(res.get("id"), str) or not res["id"]:
        raise MappingError("no id")


def read_object(res: dict, key: str) -> dict[str, Any]:
    """The JSON object under `key`; an empty one when it is missing or not an object."""
    value = res.get(key)
    return value if isinstance(value, dict) else {}


def read_human_name(name: dict) -> str:
    """The name as shown: at most MAX_NAME characters (the client already cut any string to MAX_TEXT)."""
    return cut_text(_whole_name(name), MAX_NAME)


def _whole_name(name: dict) -> str:
    if name.get("text"):
        return str(name["text"])
    family = str(name.get("family") or "")
    given = "".join(str(g) for g in name.get("given") or [])
    # Chinese names are written family first with no space; others given-first with one.
    if _is_cjk(family + given):
        return family + given
    return " ".join(p for p in (" ".join(str(g) for g in name.get("given") or []), family) if p)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def read_identifiers(raw: Any) -> Iterable[Identifier]:
    """The identifiers that have a value; one without is no identifier."""
    for i in raw or []:
        if isinstance(i, dict) and i.get("value"):
            yield Identifier(str(i.get("system", "")), str(i["value"]))


def read_concept(concept: dict) -> tuple[tuple[Coding, ...], str]:
    """A CodeableConcept's codings and the name to show: its text, else the first display."""
    codes = tuple(read_codings(concept))
    return codes, str(concept.get("text") or next((c.display for c in codes if c.display), ""))


def read_codings(concept: dict) -> Iterable[Coding]:
    """A CodeableConcept's codings that have a code."""
    for c in concept.get("coding") or []:
        if isinstance(c, dict) and c.get("code"):
            yield Coding(str(c.get("system", "")), str(c["code"]), str(c.get("display", "")))


def read_coding(raw: Any) -> Coding | None:
    """A bare Coding (ImagingStudy.modality, series.bodySite), or the first of a CodeableConcept."""
    if not isinstance(raw, dict):
        return None
    if raw.get("code"):
        return Coding(str(raw.get("system", "")), str(raw["code"]), str(raw.get("display", "")))
    return next(iter(read_codings(raw)), None)


def read_datetime(raw: Any, what: str, tz: tzinfo) -> datetime:
    """A FHIR dateTime; partial dates (2024, 2024-05) and times without zone take the site's zone."""
    if not isinstance(raw, str):
        raise MappingError(f"{what} is not a date-time")
    text = raw.strip()
    try:
        if len(text) == 4:
            return datetime(int(text), 1, 1, tzinfo=tz)
        if len(text) == 7:
            return datetime(int(text[:4]), int(text[5:7]), 1, tzinfo=tz)
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), tz)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise MappingError(f"{what} {raw!r} is not a FHIR date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def read_date(raw: Any, what: str) -> date:
    """A FHIR date; a partial one (2024, 2024-05) is its first day."""
    try:
        text = str(raw)
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError:
        raise MappingError(f"{what} {raw!r} is not a date") from None
