"""QIDO-RS query parameters: parsing them and matching index rows (PS3.18 §8.3.4, PS3.4 C.2.2.2).

Matching follows DICOM's rules, leniently where a Chinese client needs it: UID lists,
date and time ranges, `*`/`?` wildcards, and person names matched case-insensitively on
any component group, with or without the `^` between family and given name (张伟 finds
`张^伟`). Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from app.sandbox import dicom_attributes as da
from app.sandbox.dicom_attributes import Attribute

DicomJson = Mapping[str, Any]

_CONTROL = {"limit", "offset", "includefield", "fuzzymatching", "emptyvalue"}
_TAG = re.compile(r"^[0-9A-Fa-f]{8}$")
_UID = re.compile(r"^[0-9]+(\.[0-9]+)*$")
_LIST_CS = {"ModalitiesInStudy", "Modality", "SOPClassesInStudy"}
MAX_LIMIT = 10_000


class BadQuery(ValueError):
    """A query parameter the server cannot read: the client gets a 400 with this message."""


@dataclass(frozen=True)
class Filter:
    attribute: Attribute
    value: str

    def matches(self, attrs: DicomJson) -> bool:
        values = _values(attrs.get(self.attribute.tag))
        return bool(values) and any(self._test(v) for v in values)

    def _test(self, value: Any) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass(frozen=True)
class ListMatch(Filter):
    """UIDs, or CS codes such as modalities: any of the listed values (`\\` or `,` separated)."""

    accepted: frozenset[str] = frozenset()

    def _test(self, value: Any) -> bool:
        return str(value).upper() in self.accepted if self.attribute.vr == "CS" else str(value) in self.accepted


@dataclass(frozen=True)
class RangeMatch(Filter):
    """A date or time, or a range of them with either end open."""

    low: float | None = None
    high: float | None = None

    def _test(self, value: Any) -> bool:
        try:
            number = _date_number(str(value)) if self.attribute.vr == "DA" else _time_number(str(value))
        except ValueError:
            return False
        return (self.low is None or number >= self.low) and (self.high is None or number <= self.high)


@dataclass(frozen=True)
class PatternMatch(Filter):
    """Single value or wildcard matching; person names case-insensitively, on any group."""

    pattern: re.Pattern[str] = field(default=re.compile(""))

    def _test(self, value: Any) -> bool:
        if isinstance(value, dict):  # PN: {"Alphabetic": ..., "Ideographic": ..., "Phonetic": ...}
            return any(self._test(group) for group in value.values())
        text = str(value)
        if self.pattern.fullmatch(text):
            return True
        return self.attribute.vr == "PN" and bool(self.pattern.fullmatch(re.sub(r"[\^ ]+", "", text)))


@dataclass(frozen=True)
class NumberMatch(Filter):
    number: float = 0.0

    def _test(self, value: Any) -> bool:
        try:
            return float(value) == self.number
        except (TypeError, ValueError):
            return False


@dataclass
class Query:
    level: str
    filters: list[Filter]
    #: tags to return beyond the level's defaults; `all_fields` returns every attribute kept
    fields: set[str]
    all_fields: bool
    limit: int | None
    offset: int
    #: query keys that are DICOM attributes this server does not match on (PS3.18: ignored,
    #: with a Warning header)
    ignored: list[str]

    def matches(self, attrs: DicomJson) -> bool:
        return all(f.matches(attrs) for f in self.filters)

    def returned(self, attrs: DicomJson) -> dict[str, Any]:
        """The attributes of a matching row that go into the response, in tag order."""
        levels = da.visible(self.level)
        wanted = {a.tag for a in da.ATTRIBUTES if a.level == self.level and a.default}
        wanted.add(da.RETRIEVE_URL)
        if self.level != da.STUDY:
            wanted.add("0020000D")
        if self.level == da.INSTANCE:
            wanted.add("0020000E")
        if self.all_fields:
            wanted |= {a.tag for a in da.ATTRIBUTES if a.level in levels}
        wanted |= self.fields
        return {tag: attrs[tag] for tag in sorted(wanted) if tag in attrs}

    def page(self, rows: list[Any]) -> list[Any]:
        end = None if self.limit is None else self.offset + self.limit
        return rows[self.offset:end]


def parse_query(pairs: Iterable[tuple[str, str]], level: str) -> Query:
    """Read the query string of a QIDO-RS request at `level` (study, series or instance)."""
    query = Query(level, [], set(), False, None, 0, [])
    levels = da.visible(level)
    for key, value in pairs:
        if key in _CONTROL:
            _control(query, key, value)
            continue
        attribute = _attribute(key)
        if attribute is None:
            query.ignored.append(key)
            continue
        if attribute.level not in levels:
            query.ignored.append(key)
            continue
        query.fields.add(attribute.tag)
        if value not in ("", "*"):
            query.filters.append(_filter(attribute, value))
    return query


def _control(query: Query, key: str, value: str) -> None:
    if key == "limit":
        query.limit = min(_count(key, value), MAX_LIMIT)
    elif key == "offset":
        query.offset = _count(key, value)
    elif key == "includefield":
        for name in (v.strip() for v in value.split(",")):
            if name == "all":
                query.all_fields = True
            elif name:
                attribute = _attribute(name)
                if attribute is not None:
                    query.fields.add(attribute.tag)
    # fuzzymatching and emptyvalue: accepted and ignored (names match leniently anyway)


def _count(key: str, value: str) -> int:
    if not value.isdigit():
        raise BadQuery(f"{key} must be a non-negative integer")
    return int(value)


def _attribute(key: str) -> Attribute | None:
    """The attribute a query key names; None for a DICOM attribute not kept; BadQuery otherwise."""
    if "." in key:  # a sequence path such as 00081032.00080100: not matched here
        first = key.split(".", 1)[0]
        if _TAG.match(first) or _known_keyword(first):
            return None
        raise BadQuery(f"unknown query key {key!r}")
    if _TAG.match(key):
        return da.BY_TAG.get(key.upper())
    if key in da.BY_KEYWORD:
        return da.BY_KEYWORD[key]
    if _known_keyword(key):
        return None
    raise BadQuery(f"unknown query key {key!r}: not a DICOM keyword or tag")


@lru_cache(maxsize=256)
def _known_keyword(keyword: str) -> bool:
    """Whether pydicom's dictionary knows the keyword (imported only for such rare keys)."""
    try:
        from pydicom.datadict import tag_for_keyword
    except ImportError:
        return False
    return tag_for_keyword(keyword) is not None


def _filter(attribute: Attribute, value: str) -> Filter:
    vr = attribute.vr
    if vr == "UI" or (vr == "CS" and attribute.keyword in _LIST_CS):
        items = [v.strip() for v in re.split(r"[\\,]", value) if v.strip()]
        if vr == "UI" and not all(_UID.match(v) and len(v) <= 64 for v in items):
            raise BadQuery(f"{attribute.keyword}: not a UID list")
        accepted = frozenset(v.upper() for v in items) if vr == "CS" else frozenset(items)
        return ListMatch(attribute, value, accepted)
    if vr in ("DA", "TM"):
        low, high = _range(attribute, value)
        return RangeMatch(attribute, value, low, high)
    if vr in ("IS", "DS", "US"):
        try:
            return NumberMatch(attribute, value, float(value))
        except ValueError:
            raise BadQuery(f"{attribute.keyword}: {value!r} is not a number") from None
    flags = re.IGNORECASE if vr == "PN" else 0
    pattern = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in value)
    return PatternMatch(attribute, value, re.compile(pattern, flags | re.DOTALL))


def _range(attribute: Attribute, value: str) -> tuple[float | None, float | None]:
    parse = _date_number if attribute.vr == "DA" else _time_number
    try:
        if "-" not in value:
            exact = parse(value)
            return exact, (exact if attribute.vr == "DA" else _time_end(value))
        if value.count("-") != 1 or value == "-":
            raise ValueError(value)
        start, end = value.split("-")
        return (parse(start) if start else None), ((_time_end(end) if attribute.vr == "TM" else parse(end))
                                                   if end else None)
    except ValueError:
        kind = "YYYYMMDD" if attribute.vr == "DA" else "HHMMSS"
        raise BadQuery(f"{attribute.keyword}: {value!r} is not a {kind} value or range") from None


def _date_number(text: str) -> float:
    text = text.strip().replace(".", "")  # ACR-NEMA's YYYY.MM.DD still turns up in old files
    return float(datetime.strptime(text, "%Y%m%d").toordinal()) if len(text) == 8 else _bad(text)


def _time_number(text: str) -> float:
    """Seconds since midnight of HH[MM[SS[.F]]] (colons of old files ignored)."""
    text = text.strip().replace(":", "")
    whole, _, fraction = text.partition(".")
    if not whole.isdigit() or len(whole) not in (2, 4, 6) or (fraction and not fraction.isdigit()):
        _bad(text)
    hours, minutes, seconds = int(whole[:2]), int(whole[2:4] or 0), int(whole[4:6] or 0)
    if hours > 23 or minutes > 59 or seconds > 60:
        _bad(text)
    return hours * 3600 + minutes * 60 + seconds + (float("0." + fraction) if fraction else 0.0)


def _time_end(text: str) -> float:
    """The last instant a partial time names: `10` is 10:00:00 to 10:59:59.999999."""
    whole = text.strip().replace(":", "").partition(".")[0]
    start = _time_number(text)
    if "." in text:
        return start
    return start + {2: 3600, 4: 60, 6: 1}[len(whole)] - 1e-6


def _bad(text: str) -> float:
    raise ValueError(text)


def _values(element: Any) -> list[Any]:
    if not isinstance(element, dict):
        return []
    values = element.get("Value")
    return [v for v in values if v not in (None, "")] if isinstance(values, list) else []
