"""Index rows: what one element becomes in the index table of its parameter's type.

A token is (system, code), a string (normalised, exact), a date the [start, end) of its
precision in microseconds, a reference (type, id), a quantity (value, system, code); the
store (store.py) writes them at each write and compares search values against them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from app.sandbox.dates import MAX_US, MIN_US, parse_range
from app.sandbox.references import parse_reference
from app.sandbox.search_params import DATE, QUANTITY, REFERENCE, STRING, TOKEN


def normalize(text: str) -> str:
    """Case-, accent- and width-insensitive form of a string, as FHIR string search wants."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def token_rows(element: Any) -> list[tuple[str, str]]:
    """(system, code) pairs of a code, Coding, CodeableConcept or Identifier; system '' if none."""
    if isinstance(element, str):
        return [("", element)]
    if isinstance(element, dict):
        codings = element.get("coding")
        if isinstance(codings, list):
            return [
                (str(c.get("system") or ""), str(c["code"]))
                for c in codings
                if isinstance(c, dict) and isinstance(c.get("code"), (str, int, float, bool))
            ]
        code = element.get("code")
        if code is None:
            code = element.get("value")
        if code is not None and not isinstance(code, (dict, list)):
            return [(str(element.get("system") or ""), str(code))]
        return []
    if isinstance(element, bool):
        return [("", "true" if element else "false")]
    if isinstance(element, (int, float)):
        return [("", str(element))]
    return []


def string_rows(element: Any) -> list[tuple[str, str]]:
    """(normalised, exact) forms of a string element."""
    if isinstance(element, str) and element:
        return [(normalize(element), element)]
    return []


def date_rows(element: Any) -> list[tuple[int, int]]:
    """[start, end) of a date, dateTime, instant or Period; raises ValueError if malformed."""
    if isinstance(element, str):
        return [parse_range(element)]
    if isinstance(element, dict):
        start, end = element.get("start"), element.get("end")
        if start is None and end is None:
            return []
        lo = parse_range(start)[0] if start else MIN_US
        hi = parse_range(end)[1] if end else MAX_US
        return [(lo, hi)]
    return []


def reference_rows(element: Any) -> list[tuple[str, str]]:
    """(type, id) of a literal Reference; contained, urn and conditional ones are skipped."""
    if isinstance(element, dict):
        reference = element.get("reference")
        if isinstance(reference, str):
            parsed = parse_reference(reference)
            if parsed:
                return [parsed]
    return []


def quantity_rows(element: Any) -> list[tuple[float, str, str]]:
    if isinstance(element, dict):
        value = element.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            code = element.get("code") or element.get("unit") or ""
            return [(float(value), str(element.get("system") or ""), str(code))]
    return []


ROWS: dict[str, Callable[[Any], list[tuple[Any, ...]]]] = {
    TOKEN: token_rows, STRING: string_rows, DATE: date_rows,
    REFERENCE: reference_rows, QUANTITY: quantity_rows,
}
