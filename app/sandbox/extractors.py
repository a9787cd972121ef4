"""Element extractors: the values a search parameter reads from a resource (FHIRPath-lite).

Each search parameter (search_params.py) names one; they run for every parameter of every
resource written, a bulk load included, so the common cases are plain look-ups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

Extractor = Callable[[dict[str, Any]], Iterable[Any]]


def path(*paths: str) -> Extractor:
    """Values at dotted element paths, flattening lists on the way (FHIRPath-lite).

    Written as loops over lists rather than recursive generators: it runs for every
    parameter of every resource of a bulk load.
    """
    split = [p.split(".") for p in paths]
    if len(split) == 1 and len(split[0]) == 1:
        return _element(split[0][0])

    def extract(resource: dict[str, Any]) -> list[Any]:
        found: list[Any] = []
        for parts in split:
            nodes = [resource]
            for part in parts:
                step: list[Any] = []
                for node in nodes:
                    if isinstance(node, dict):
                        value = node.get(part)
                        if isinstance(value, list):
                            step.extend(value)
                        elif value is not None:
                            step.append(value)
                nodes = step
            found.extend(nodes)
        return found

    return extract


def _element(key: str) -> Extractor:
    """The common case, one top-level element: a plain dict look-up."""

    def extract(resource: dict[str, Any]) -> Iterable[Any]:
        value = resource.get(key)
        if value is None:
            return ()
        return value if isinstance(value, list) else (value,)

    return extract


def _walk(node: Any, parts: list[str]) -> Iterator[Any]:
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, parts)
    elif not parts:
        if node is not None:
            yield node
    elif isinstance(node, dict):
        yield from _walk(node.get(parts[0]), parts[1:])


def telecom(system: str | None = None) -> Extractor:
    """ContactPoint values, optionally only of one system (phone, email)."""

    def extract(resource: dict[str, Any]) -> Iterator[Any]:
        for point in _walk(resource, ["telecom"]):
            if isinstance(point, dict) and (system is None or point.get("system") == system):
                if point.get("value") is not None:
                    yield point["value"]

    return extract


def human_names(resource: dict[str, Any]) -> Iterator[str]:
    """Every way a physician may type a name: text, family, given, and both joined.

    Chinese names are written family-then-given with no space (张伟 = 张 + 伟), so the
    concatenation family+given must be searchable; Western order with a space too.
    """
    yield from name_parts(resource)
    yield from name_texts(resource)


def name_parts(resource: dict[str, Any]) -> Iterator[str]:
    """Family and given names: all that FHIR promises `name` matches."""
    for name in _walk(resource, ["name"]):
        if isinstance(name, dict):
            family, given = _family_given(name)
            yield from (p for p in [family, *given] if p)


def name_texts(resource: dict[str, Any]) -> Iterator[str]:
    """HumanName.text and family+given joined (both orders): what our server adds."""
    for name in _walk(resource, ["name"]):
        if not isinstance(name, dict):
            continue
        family, given = _family_given(name)
        forms = [name.get("text")]
        if family and given:
            forms += [family + "".join(given), " ".join([*given, family])]
        yield from (f for f in forms if isinstance(f, str) and f)


def _family_given(name: dict[str, Any]) -> tuple[str, list[str]]:
    family = name.get("family")
    return family if isinstance(family, str) else "", [g for g in name.get("given") or [] if isinstance(g, str)]


def addresses(field_name: str | None = None) -> Extractor:
    """Address parts: one field (city) or all of them."""
    fields = [field_name] if field_name else ["text", "line", "city", "district", "state",
                                               "postalCode", "country"]

    def extract(resource: dict[str, Any]) -> Iterator[Any]:
        for address in _walk(resource, ["address"]):
            for f in fields:
                yield from _walk(address, [f])

    return extract


def choice(prefix: str) -> Extractor:
    """A choice element `effective[x]`: the dateTime, Period or instant form."""
    return path(f"{prefix}DateTime", f"{prefix}Period", f"{prefix}Instant", f"{prefix}Date")
