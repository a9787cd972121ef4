"""The recognition catalogue: which items are recognized, for how long, and who qualified.

Parsed from the platform's JSON document (docs/catalogue.md). Parsing is strict and says
exactly what is wrong, because a silently half-read catalogue would mark results
"recognized" that are not, or the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.models import LOINC_SYSTEM, Coding, Identifier
from app.domain.regions import NATIONAL_REGION, Scope, ScopeLevel, is_region_code

SCHEMA = "huren-recognition-catalogue/1"


class CatalogueError(ValueError):
    """The catalogue document is not usable; the message names the offending entry."""


@dataclass(frozen=True)
class Category:
    code: str
    name_zh: str
    name_en: str
    name_id: str = ""          # Indonesian, for a patient's form; optional in the document


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    kind: str
    name_zh: str
    name_en: str
    category: str
    loinc: tuple[str, ...]
    local: tuple[Coding, ...]
    window_days: int
    scope: Scope
    price_yuan: float
    name_id: str = ""          # Indonesian, for a patient's form; optional in the document

    def codings(self) -> Iterable[tuple[str, str]]:
        for code in self.loinc:
            yield LOINC_SYSTEM, code
        for c in self.local:
            yield c.system, c.code


@dataclass(frozen=True)
class Qualification:
    mark: str
    scope: Scope
    items: frozenset[str]
    categories: frozenset[str]
    valid_from: date
    valid_to: date | None

    def covers_item(self, item: CatalogueItem) -> bool:
        return item.code in self.items or item.category in self.categories

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Institution:
    identifier: Identifier
    name: str
    region: str
    qualifications: tuple[Qualification, ...]


@dataclass(frozen=True)
class Catalogue:
    version: str
    published: date | None
    publisher: str
    categories: Mapping[str, Category]
    items: Mapping[str, CatalogueItem]
    institutions: Mapping[Identifier, Institution]
    _by_coding: Mapping[tuple[str, str], CatalogueItem]

    def match(self, codes: Iterable[Coding]) -> CatalogueItem | None:
        """The item a result's codes denote: LOINC first, then any local code."""
        codes = list(codes)
        for c in sorted(codes, key=lambda c: c.system != LOINC_SYSTEM):
            item = self._by_coding.get((c.system, c.code))
            if item is not None:
                return item
        return None

    def institution(self, identifier: Identifier | None) -> Institution | None:
        return self.institutions.get(identifier) if identifier else None

    def category_name(self, code: str, language: str = "zh") -> str:
        cat = self.categories.get(code)
        if cat is None:
            return code
        return name_in(language, cat.name_zh, cat.name_en, cat.name_id)


def name_in(language: str, name_zh: str, name_en: str, name_id: str = "") -> str:
    """A catalogue name in `language` ("zh_CN", "en", "id"...): Chinese, Indonesian where the
    catalogue has it, else English (a reader of neither Chinese nor English is better served by it)."""
    if language.startswith("zh"):
        return name_zh
    if language.startswith("id") and name_id:
        return name_id
    return name_en or name_zh


def parse_catalogue(doc: Any) -> Catalogue:
    """Build a Catalogue from the JSON document, or raise CatalogueError saying where it is wrong."""
    if not isinstance(doc, dict):
        raise CatalogueError("the catalogue is not a JSON object")
    schema = doc.get("schema")
    if not isinstance(schema, str) or schema.rsplit("/", 1)[0] != SCHEMA.rsplit("/", 1)[0]:
        raise CatalogueError(f"unknown catalogue schema {schema!r}, expected {SCHEMA!r}")
    if schema != SCHEMA:
        raise CatalogueError(f"catalogue schema {schema!r} is newer than this program understands ({SCHEMA!r})")

    categories = {}
    for i, raw in enumerate(_list(doc, "categories", "catalogue")):
        where = f"categories[{i}]"
        code = _str(raw, "code", where)
        name = _dict(raw, "name", where)
        categories[code] = Category(code, _str(name, "zh", where + ".name"), _str(name, "en", where + ".name"),
                                    _optional_str(name, "id", where + ".name"))

    items: dict[str, CatalogueItem] = {}
    by_coding: dict[tuple[str, str], CatalogueItem] = {}
    for i, raw in enumerate(_list(doc, "items", "catalogue")):
        item = _parse_item(raw, f"items[{i}]", categories)
        if item.code in items:
            raise CatalogueError(f"items[{i}]: duplicate item code {item.code!r}")
        items[item.code] = item
        for key in item.codings():
            other = by_coding.get(key)
            if other is not None and other.code != item.code:
                raise CatalogueError(f"items[{i}]: code {key[1]!r} ({key[0]}) already denotes item {other.code!r}")
            by_coding[key] = item

    institutions: dict[Identifier, Institution] = {}
    for i, raw in enumerate(_list(doc, "institutions", "catalogue")):
        inst = _parse_institution(raw, f"institutions[{i}]", items, categories)
        institutions[inst.identifier] = inst

    published = doc.get("published")
    return Catalogue(
        version=str(doc.get("version", "")),
        published=_date(published, "published") if published else None,
        publisher=str(doc.get("publisher", "")),
        categories=categories,
        items=items,
        institutions=institutions,
        _by_coding=by_coding,
    )


def _parse_item(raw: Any, where: str, categories: Mapping[str, Category]) -> CatalogueItem:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} is not an object")
    name = _dict(raw, "name", where)
    category = _str(raw, "category", where)
    if category not in categories:
        raise CatalogueError(f"{where}: unknown category {category!r}")
    window = raw.get("window_days")
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise CatalogueError(f"{where}.window_days must be a whole number of days ≥ 0, not {window!r}")
    price = raw.get("price_yuan", 0)
    if not isinstance(price, (int, float)) or price < 0:
        raise CatalogueError(f"{where}.price_yuan must be a non-negative number")
    loinc = raw.get("loinc", [])
    if not isinstance(loinc, list) or not all(isinstance(c, str) and c for c in loinc):
        raise CatalogueError(f"{where}.loinc must be a list of codes")
    local = []
    for j, c in enumerate(raw.get("local", [])):
        local.append(Coding(_str(c, "system", f"{where}.local[{j}]"), _str(c, "code", f"{where}.local[{j}]")))
    return CatalogueItem(
        code=_str(raw, "code", where),
        kind=str(raw.get("kind", "lab")),
        name_zh=_str(name, "zh", where + ".name"),
        name_en=_str(name, "en", where + ".name"),
        category=category,
        loinc=tuple(loinc),
        local=tuple(local),
        window_days=window,
        scope=_scope(raw.get("scope"), where + ".scope"),
        price_yuan=float(price),
        name_id=_optional_str(name, "id", where + ".name"),
    )


def _parse_institution(
    raw: Any, where: str, items: Mapping[str, CatalogueItem], categories: Mapping[str, Category]
) -> Institution:
    ident = _dict(raw, "identifier", where)
    quals = []
    for j, q in enumerate(_list(raw, "qualifications", where)):
        qw = f"{where}.qualifications[{j}]"
        q_items = frozenset(q.get("items", []))
        q_cats = frozenset(q.get("categories", []))
        unknown = sorted(q_items - items.keys()) + sorted(q_cats - categories.keys())
        if unknown:
            raise CatalogueError(f"{qw}: unknown item or category {', '.join(unknown)}")
        valid_from = _date(q.get("valid_from"), qw + ".valid_from")
        valid_to = _date(q["valid_to"], qw + ".valid_to") if q.get("valid_to") else None
        if valid_to is not None and valid_to < valid_from:
            raise CatalogueError(f"{qw}: valid_to is before valid_from")
        quals.append(Qualification(_str(q, "mark", qw), _scope(q.get("scope"), qw + ".scope"),
                                   q_items, q_cats, valid_from, valid_to))
    region = str(raw.get("region", ""))
    if region and not is_region_code(region):
        raise CatalogueError(f"{where}.region must be a 6-digit division code")
    return Institution(
        identifier=Identifier(_str(ident, "system", where + ".identifier"),
                              _str(ident, "value", where + ".identifier")),
        name=str(raw.get("name", "")),
        region=region,
        qualifications=tuple(quals),
    )


def _scope(raw: Any, where: str) -> Scope:
    if raw is None:
        return Scope(ScopeLevel.NATIONAL)
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} must be an object with level and region")
    named = raw.get("level")
    try:
        level = ScopeLevel(named if isinstance(named, str) else "")   # "" is no level either
    except ValueError:
        raise CatalogueError(f"{where}.level must be one of national, province, city, district") from None
    region = str(raw.get("region", NATIONAL_REGION))
    if not is_region_code(region):
        raise CatalogueError(f"{where}.region must be a 6-digit division code")
    return Scope(level, region)


def _list(raw: Any, key: str, where: str) -> list[Any]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, list):
        raise CatalogueError(f"{where}.{key} must be a list")
    return value


def _dict(raw: Any, key: str, where: str) -> dict[str, Any]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, dict):
        raise CatalogueError(f"{where}.{key} must be an object")
    return value


def _str(raw: Any, key: str, where: str) -> str:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, str) or not value:
        raise CatalogueError(f"{where}.{key} must be a non-empty string")
    return value


def _optional_str(raw: Any, key: str, where: str) -> str:
    """A name the document may leave out (""), but not give as something other than a string."""
    value = raw.get(key, "") if isinstance(raw, dict) else ""
    if not isinstance(value, str):
        raise CatalogueError(f"{where}.{key} must be a string")
    return value


def _date(raw: Any, where: str) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise CatalogueError(f"{where} must be an ISO date (YYYY-MM-DD), not {raw!r}") from None
