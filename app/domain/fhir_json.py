"""Walking FHIR JSON: pure helpers that the client's mappings, its searches and the sandbox need.

Written once here because the sandbox may import only the domain (see ARCHITECTURE.md):
a transaction's `urn:uuid:` references are resolved by the sandbox when it stores one, and
by the client when it sends the same records in pieces to a server that refused it whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def reference_holders(node: Any) -> Iterator[dict[str, Any]]:
    """Every object with a string `reference`, anywhere in a resource (to read or rewrite in place)."""
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from reference_holders(value)
    elif isinstance(node, list):
        for item in node:
            yield from reference_holders(item)


def reference_id(ref: Any, kind: str) -> str | None:
    """The id of a literal `Reference` to `kind` (relative, absolute or versioned), else None."""
    if not isinstance(ref, dict) or not isinstance(ref.get("reference"), str):
        return None
    parts = ref["reference"].rstrip("/").split("/")
    if "_history" in parts:
        parts = parts[: parts.index("_history")]
    if len(parts) >= 2 and parts[-2] == kind and parts[-1]:
        return parts[-1]
    return None


def parse_json(data: bytes | str) -> Any:
    """JSON from another program: ValueError (never RecursionError) for anything unreadable.

    `json.loads` raises RecursionError on nesting some thousands deep, which a caller catching
    ValueError would let through as a crash.
    """
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        text = str(e)
        raise ValueError(f"not JSON ({text if len(text) < 160 else text[:157] + '...'})") from None
