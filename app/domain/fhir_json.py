"""Walking FHIR JSON: pure helpers that the client's mappings, its searches and the sandbox need.

Written once here because the sandbox may import only the domain (see ARCHITECTURE.md):
a transaction's `urn:uuid:` references are resolved by the sandbox when it stores one, and
by the client when it sends the same records in pieces to a server that refused it whole.
"""

from __future__ import annotations

import codecs
import json
import json.scanner
import re
import threading
from _json import scanstring  # json.decoder.scanstring: the same C function, which typeshed does not declare there
from collections.abc import Callable, Iterator
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


def identifier_value(resource: dict[str, Any], system: str) -> str | None:
    """The value of a resource's first identifier under `system` (None when it has none)."""
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == system and ident.get("value"):
            return str(ident["value"])
    return None


def reference_id(ref: Any, kind: str) -> str | None:
    """The id of a literal `Reference` to `kind` (relative, absolute or versioned), else None."""
    reference = ref.get("reference") if isinstance(ref, dict) else None
    if not isinstance(reference, str):
        return None
    parts = reference.rstrip("/").split("/")
    if "_history" in parts:
        parts = parts[: parts.index("_history")]
    if len(parts) >= 2 and parts[-2] == kind and parts[-1]:
        return parts[-1]
    return None


#: Longest text kept from another program's JSON; a FHIR string this long is an attack or a bug.
MAX_TEXT = 32_768
#: The same in bytes, for cutting before decoding (a character is at most 4 UTF-8 bytes).
MAX_TEXT_BYTES = MAX_TEXT * 4


class _SteppingDecoder(json.JSONDecoder):
    """JSONDecoder with the hooks its scanner calls, which it sets in __init__ (typeshed leaves them out)."""

    parse_string: Callable[[str, int, bool], tuple[str, int]]
    scan_once: Callable[[str, int], tuple[Any, int]]


def _stepping_decoder() -> json.JSONDecoder:
    """The standard decoder on the Python scanner, whose strings longer than MAX_TEXT come cut."""
    decoder = _SteppingDecoder()
    decoder.parse_string = _cut_scanstring
    # The pure-Python scanner, which calls parse_string (the C one has its own); typeshed declares only make_scanner.
    decoder.scan_once = json.scanner.py_make_scanner(decoder)   # type: ignore[attr-defined]
    return decoder


def _cut_scanstring(text: str, end: int, strict: bool = True) -> tuple[str, int]:
    """A JSON string literal starting at `end` (after its quote), cut to MAX_TEXT characters.

    Making a 20-million-character string holds the interpreter lock for ~50 ms; finding where
    it ends takes ~7. Payload strings (base64 `data` of a Binary or an attachment) are kept
    whole: they are what a document is made of, and the size cap bounds them.
    """
    close = _string_end(text, end)
    if close - end <= MAX_TEXT or _PAYLOAD_VALUE.search(text, max(0, end - 48), end):
        return scanstring(text, end, strict)
    piece = text[end:end + MAX_TEXT]
    for _ in range(7):   # a cut inside an escape (\u12, a lone \) is moved back before it
        try:
            value, _ = scanstring(piece + '"', 0, strict)
            return value + "…", close + 1
        except json.JSONDecodeError:
            piece = piece[:-1]
    raise json.JSONDecodeError("Invalid string", text, end)


def _string_end(text: str, start: int) -> int:
    """The index of the quote that closes the string literal begun before `start`."""
    at = start
    while True:
        quote = text.find('"', at)
        if quote == -1:
            raise json.JSONDecodeError("Unterminated string starting at", text, start - 1)
        backslashes = 0
        while text[quote - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return quote
        at = quote + 1


#: A string literal that is the value of a payload key (PAYLOAD_KEYS), ending at its opening quote.
_PAYLOAD_VALUE = re.compile(r'"data"\s*:\s*"\Z')
_PAYLOAD_BYTES = re.compile(rb'"data"\s*:\s*"\Z')
_LONG_RUN = re.compile(rb'"[^"]{%d}' % MAX_TEXT_BYTES)


def _cut_long_runs(data: bytes) -> bytes:
    """`data` with every stretch of more than MAX_TEXT_BYTES bytes after a quote, without another
    quote, cut short.

    In JSON such a stretch lies inside a string (a 20-million-character name): cut in the
    bytes, it is never decoded or built whole, each step of which would hold the interpreter
    lock for tens of ms. Searched a megabyte at a time (2 ms each); the cut never splits a
    UTF-8 sequence or an escape.
    """
    pieces: list[bytes] = []
    done = at = 0
    step = 1024 * 1024
    while at < len(data):
        found = _LONG_RUN.search(data, at, min(len(data), at + step + MAX_TEXT_BYTES + 1))
        if found is None:
            at += step
            continue
        end = data.find(b'"', found.end())
        end = len(data) if end == -1 else end
        if _PAYLOAD_BYTES.search(data, max(0, found.start() - 47), found.start() + 1):
            at = end   # a payload (base64 `data`) is kept whole, as cut_long_strings keeps it
            continue
        pieces += [data[done:_safe_cut(data, found.start() + 1 + MAX_TEXT_BYTES)], "…".encode("utf-8")]
        done = at = end
    return data if not pieces else b"".join([*pieces, data[done:]])


def _safe_cut(data: bytes, cut: int) -> int:
    """`cut`, moved back out of a UTF-8 sequence, an unfinished \\u escape or a lone backslash."""
    while cut > 0 and 0x80 <= data[cut] <= 0xBF:
        cut -= 1
    escape = data.rfind(b"\\", cut - 6, cut)
    if escape != -1 and data[escape + 1:escape + 2] == b"u":
        cut = escape
    backslashes = 0
    while data[cut - 1 - backslashes] == 0x5C:
        backslashes += 1
    return cut - (backslashes % 2)


def _decoded(data: bytes) -> str:
    """Bytes to text a megabyte at a time: one call for 20 MB holds the interpreter lock ~25 ms."""
    decoder = codecs.getincrementaldecoder(json.detect_encoding(data))("surrogatepass")
    step = 1024 * 1024
    parts = [decoder.decode(data[i:i + step]) for i in range(0, len(data), step)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


#: Above this many bytes, JSON is parsed by the standard library's Python scanner (see parse_json).
LARGE_JSON = 1024 * 1024
#: Large answers are parsed one at a time: each still has steps of some tens of ms that hold the
#: interpreter lock (decoding, joining), and several at once would add their waits up for the window.
_ONE_LARGE_AT_A_TIME = threading.Lock()


def parse_json(data: bytes | str) -> Any:
    """JSON from another program: ValueError (never RecursionError) for anything unreadable.

    `json.loads` raises RecursionError on nesting some thousands deep, which a caller catching
    ValueError would let through as a crash. A large answer is parsed by the Python scanner
    (strings still by the C one): about twice as slow, but it lets other threads run between
    its steps, where the C parser holds the interpreter lock throughout (260-600 ms for 16 MB
    of small resources: the window would freeze while a worker parses). One at a time.
    """
    try:
        if len(data) > LARGE_JSON:
            with _ONE_LARGE_AT_A_TIME:
                text = _decoded(_cut_long_runs(bytes(data))) if isinstance(data, (bytes, bytearray)) else data
                return _stepping_decoder().decode(text)
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        text = str(e)
        raise ValueError(f"not JSON ({text if len(text) < 160 else text[:157] + '...'})") from None


#: Keys whose strings are payloads, not text (base64 attachments, Binary content): kept whole.
PAYLOAD_KEYS = frozenset({"data"})


def cut_text(text: str, limit: int) -> str:
    """`text` itself, or its first `limit` characters and an ellipsis: what is shown and logged."""
    return text if len(text) <= limit else text[:limit] + "…"


def cut_long_strings(node: Any, limit: int = MAX_TEXT) -> Any:
    """`node` with every string longer than `limit` cut (payload keys excepted), in place.

    A 20-million-character name would otherwise travel to every label that shows it (the
    window froze for minutes on one). Iterative: depth is bounded by `parse_json` already,
    but a walk need not depend on it.
    """
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str):
                    if len(value) > limit and key not in PAYLOAD_KEYS:
                        item[key] = cut_text(value, limit)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(item, list):
            for i, value in enumerate(item):
                if isinstance(value, str):
                    if len(value) > limit:
                        item[i] = cut_text(value, limit)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
    return node


def parse_answer(data: bytes) -> Any:
    """A server's JSON answer as `parse_json` reads it, every string over MAX_TEXT cut (payloads kept).

    The stepping parser of large answers cuts as it goes; a smaller answer long enough to hold
    such a string is walked once after parsing.
    """
    parsed = parse_json(data)
    return cut_long_strings(parsed) if MAX_TEXT < len(data) <= LARGE_JSON else parsed

