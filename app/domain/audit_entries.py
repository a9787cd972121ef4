"""The audit trail's entries: each one's digest, the line the writer appends, and a line read back.

Each entry carries the digest of the one before. Written with the workstation's audit key the
digest is an HMAC-SHA256 and the entry carries the marker `"mac": "hmac-sha256"`; without a
key it is a plain SHA-256 (older trails, or a machine with no keyring). How the links are
checked is app.domain.audit_chain.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

from app.domain.audit import canonical
from app.domain.fhir_json import parse_json

GENESIS = "0" * 64
#: The marker of a keyed entry and of a MACed anchor.
MAC_SCHEME = "hmac-sha256"
#: Domain separation: an entry's MAC can never pass for an anchor's (app.domain.audit_anchor), nor the reverse.
_ENTRY_CONTEXT = b"huren-audit-entry/hmac-sha256\n"
DIGEST = re.compile(r"[0-9a-f]{64}")
_ENTRY_KEYS = {"seq", "prev", "hash", "record"}


# --- digests -----------------------------------------------------------------------------------------


def link_hash(previous: str, seq: int, record: dict[str, Any], key: bytes | None = None) -> str:
    """The entry's digest: HMAC-SHA256 under `key`, plain SHA-256 without one (older trails)."""
    if key:
        message = _ENTRY_CONTEXT + utf8(f"{previous}\n{seq}\n{canonical(record)}")
        return hmac.new(key, message, hashlib.sha256).hexdigest()
    return hashlib.sha256(utf8(f"{previous}\n{seq}\n{canonical(record)}")).hexdigest()


def utf8(text: str) -> bytes:
    # A lone surrogate (JSON allows "\ud800") must give a digest, not UnicodeEncodeError.
    return text.encode("utf-8", "surrogatepass")


def make_entry(previous: str, seq: int, record: dict[str, Any], key: bytes | None = None) -> dict[str, Any]:
    """The line the writer appends (as a dict): keyed entries carry the marker."""
    entry: dict[str, Any] = {"seq": seq, "prev": previous, "hash": link_hash(previous, seq, record, key)}
    if key:
        entry["mac"] = MAC_SCHEME
    entry["record"] = record
    return entry


# --- entries -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Oversized:
    """A line too long to be an audit entry; the reader gives its size instead of its bytes."""

    size: int


@dataclass(frozen=True)
class Entry:
    line: int
    seq: int
    prev: str
    hash: str
    record: dict[str, Any]
    keyed: bool

    def digest(self, key: bytes | None, seq: int | None = None) -> str:
        return link_hash(self.prev, self.seq if seq is None else seq, self.record, key)


@dataclass(frozen=True)
class Damage:
    line: int
    reason: str
    torn: bool = False


def parse_line(number: int, raw: str | bytes | Oversized, *, last: bool = False,
               with_newlines: bool = False) -> Entry | Damage | None:
    """One line as an entry, as the damage that keeps it from being one, or None when blank.

    `last` and `with_newlines`: the line is the file's last and lines come with their line
    ends, so one without is cut short (a crash mid-write, or a cut).
    """
    if isinstance(raw, Oversized):
        return Damage(number, f"line {number} is not an audit entry: it is {raw.size:,} bytes long")
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return Damage(number, f"line {number} is not an audit entry: byte {e.start + 1} is not UTF-8 text "
                                  "(damaged or edited)")
    else:
        text = raw
    if not text.strip():
        return None
    torn = last and with_newlines and not text.endswith("\n")
    try:
        data = parse_json(text)
    except ValueError as e:
        if torn:
            return Damage(number, f"line {number} is not a whole audit entry: it ends without an end of line "
                                  "(a write was interrupted, or the file was cut)", torn=True)
        return Damage(number, f"line {number} is not an audit entry (damaged or edited: {e})")
    problem = _shape_problem(data)
    if problem:
        return Damage(number, f"line {number} is not an audit entry (damaged or edited: {problem})")
    return Entry(number, data["seq"], data["prev"], data["hash"], data["record"], "mac" in data)


def _shape_problem(data: Any) -> str:
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object"
    keys = set(data)
    if not _ENTRY_KEYS <= keys:
        return "no " + ", ".join(sorted(_ENTRY_KEYS - keys))
    if keys - _ENTRY_KEYS - {"mac"}:
        return "unknown fields " + ", ".join(sorted(keys - _ENTRY_KEYS - {"mac"}))
    if "mac" in data and data["mac"] != MAC_SCHEME:
        return "an unknown MAC scheme"
    seq = data["seq"]
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        return "its number is not a positive whole number"
    if not all(isinstance(data[k], str) and DIGEST.fullmatch(data[k]) for k in ("prev", "hash")):
        return "its digests are not 64 hexadecimal digits"
    if not isinstance(data["record"], dict):
        return "its record is not an object"
    return ""
