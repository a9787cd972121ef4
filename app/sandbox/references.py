"""Logical ids and literal references (`Type/id`), as the server stores and searches them."""

from __future__ import annotations

import re
from functools import lru_cache

_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
_TYPE = re.compile(r"^[A-Z][A-Za-z]+$")


def valid_id(value: str) -> bool:
    return bool(_ID.match(value))


@lru_cache(maxsize=65536)
def parse_reference(reference: str) -> tuple[str, str] | None:
    """`Patient/1`, `Patient/1/_history/2` or `http://x/fhir/Patient/1` -> ('Patient', '1')."""
    if reference.startswith(("#", "urn:")) or "?" in reference:
        return None
    parts = reference.rstrip("/").split("/")
    if len(parts) >= 4 and parts[-2] == "_history":
        parts = parts[:-2]
    if len(parts) >= 2 and _TYPE.match(parts[-2]) and valid_id(parts[-1]):
        return parts[-2], parts[-1]
    return None
