"""The audit trail's anchor: the latest entry's number and digest, kept beside the trail.

A chain alone cannot show that entries were cut off its end, or that the file was emptied.
The anchor can: after each entry the writer records the latest number and digest beside the
trail (MACed with the audit key) and sends them to the platform with the AuditEvent.
`check_anchor` compares the trail with its anchor. Rolling back both the trail and its anchor
to an earlier copy is consistent locally and shows only against the platform's copy.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.audit import canonical
from app.domain.audit_entries import DIGEST, MAC_SCHEME, Entry, utf8
from app.domain.audit_problems import ChainProblem, ProblemKind
from app.domain.fhir_json import parse_json

ANCHOR_FORMAT = "huren-audit-anchor/1"
#: Domain separation from an entry's MAC (app.domain.audit_entries).
_ANCHOR_CONTEXT = b"huren-audit-anchor/hmac-sha256\n"
#: How many of the writer's findings an anchor keeps (the first ones: the first tampering matters most).
MAX_BREAKS = 20


@dataclass(frozen=True)
class Break:
    """What the writer found when it took the trail over and it did not match its anchor."""

    seq: int          # the first entry written after the finding
    when: str         # ISO time of the finding
    found: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "when": self.when, "found": self.found}


@dataclass(frozen=True)
class Anchor:
    seq: int                         # the latest entry's number (0: none yet)
    hash: str                        # and its digest
    count: int                       # non-blank lines of the trail
    keyed: bool                      # the trail holds keyed entries
    breaks: tuple[Break, ...] = ()
    more_breaks: int = 0             # findings beyond MAX_BREAKS, counted only

    def with_break(self, found: Break) -> Anchor:
        if len(self.breaks) < MAX_BREAKS:
            return Anchor(self.seq, self.hash, self.count, self.keyed, (*self.breaks, found), self.more_breaks)
        return Anchor(self.seq, self.hash, self.count, self.keyed, self.breaks, self.more_breaks + 1)


def _anchor_tag(key: bytes, body: dict[str, Any]) -> str:
    return hmac.new(key, _ANCHOR_CONTEXT + utf8(canonical(body)), hashlib.sha256).hexdigest()


def anchor_text(anchor: Anchor, key: bytes | None) -> str:
    """The anchor file's text: MACed with `key`; plain (and forgeable) without one."""
    body: dict[str, Any] = {"format": ANCHOR_FORMAT, "seq": anchor.seq, "hash": anchor.hash, "count": anchor.count,
                            "keyed": anchor.keyed, "breaks": [b.to_json() for b in anchor.breaks],
                            "more_breaks": anchor.more_breaks}
    if key:
        body["mac"] = MAC_SCHEME
        body["tag"] = _anchor_tag(key, body)
    return canonical(body) + "\n"


@dataclass(frozen=True)
class AnchorReading:
    """The anchor as found beside the trail."""

    present: bool                    # a file was there
    anchor: Anchor | None = None     # None: absent or unreadable
    signed: bool = False             # it carries a MAC
    authentic: bool | None = None    # the MAC checked good (True) or bad (False); None: no key to check it
    problem: str = ""                # why it could not be read

    @property
    def trusted(self) -> bool:
        """Its content may be compared with the trail (a forged or unreadable one may not)."""
        return self.anchor is not None and self.authentic is not False


NO_ANCHOR = AnchorReading(present=False)


def read_anchor(text: str | bytes | None, key: bytes | None) -> AnchorReading:
    """The anchor from its file's content (None: no file); never raises."""
    if text is None:
        return NO_ANCHOR
    try:
        data = parse_json(text)
    except ValueError as e:
        return AnchorReading(True, problem=f"the anchor is not readable ({e})")
    if not isinstance(data, dict) or data.get("format") != ANCHOR_FORMAT:
        return AnchorReading(True, problem="the anchor is not a Huren audit anchor")
    try:
        breaks = tuple(Break(int(b["seq"]), str(b["when"]), str(b["found"])) for b in data.get("breaks", []))
        anchor = Anchor(_whole(data["seq"]), _digest(data["hash"]), _whole(data["count"]), data["keyed"] is True,
                        breaks, _whole(data.get("more_breaks", 0)))
    except (KeyError, TypeError, ValueError):
        return AnchorReading(True, problem="the anchor's fields are damaged")
    signed = "mac" in data or "tag" in data
    if not signed:
        return AnchorReading(True, anchor, signed=False)
    body = {k: v for k, v in data.items() if k != "tag"}
    tag = data.get("tag")
    if data.get("mac") != MAC_SCHEME or not isinstance(tag, str) or not DIGEST.fullmatch(tag):
        return AnchorReading(True, anchor, signed=True, authentic=False if key else None,
                             problem="the anchor's MAC is damaged")
    if not key:
        return AnchorReading(True, anchor, signed=True, authentic=None)
    return AnchorReading(True, anchor, signed=True, authentic=hmac.compare_digest(_anchor_tag(key, body), tag))


def _digest(value: Any) -> str:
    if not isinstance(value, str) or not DIGEST.fullmatch(value):
        raise ValueError("not a digest")
    return value


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("not a whole number")
    return value


@dataclass(frozen=True)
class TrailSummary:
    """What the anchor is compared with: the writer builds it while reading, verify from the entries."""

    exists: bool
    count: int = 0                   # non-blank lines
    last_seq: int | None = None      # the highest entry number (entries moved about do not lower it)
    hash_at_anchor: str | None = None   # the digest of the (last) entry numbered as the anchor's
    keyed: bool = False              # some entry carries a MAC


def summarize(exists: bool, count: int, entries: Sequence[Entry], anchor_seq: int | None) -> TrailSummary:
    at = [e.hash for e in entries if e.seq == anchor_seq]
    return TrailSummary(exists, count, max((e.seq for e in entries), default=None), at[-1] if at else None,
                        any(e.keyed for e in entries))


def check_anchor(reading: AnchorReading, trail: TrailSummary, *, key: bytes | None,
                 expect_anchor: bool) -> tuple[list[ChainProblem], list[str]]:
    """Problems and notes from comparing the trail with its anchor.

    `expect_anchor`: a missing or unsigned anchor is a problem because the audit key existed
    before (the key is made when the first keyed entry is written, and every entry is followed
    by its anchor). The recorded findings of the writer (`breaks`) are not included here.
    """
    problems: list[ChainProblem] = []
    notes: list[str] = []
    if not reading.present:
        if trail.count and (expect_anchor or trail.keyed):
            why = "the trail holds keyed entries" if trail.keyed else "this keyring holds the audit key"
            problems.append(ChainProblem(0, f"there is no anchor beside the trail, though {why}: the anchor was "
                                            "deleted (or the trail copied without it), so a cut tail or a replaced "
                                            "trail cannot be ruled out", ProblemKind.ANCHOR_MISSING))
        elif trail.count:
            notes.append("no anchor (written before anchored trails): entries cut off the end cannot be detected")
        elif trail.exists and expect_anchor:
            problems.append(ChainProblem(1, "the trail is empty and there is no anchor beside it, though this keyring "
                                            "holds the audit key: the trail was emptied and its anchor deleted",
                                         ProblemKind.EMPTIED))
        return problems, notes
    if reading.anchor is None:
        problems.append(ChainProblem(0, f"{reading.problem}: it was damaged or replaced",
                                     ProblemKind.ANCHOR_DAMAGED))
        return problems, notes
    anchor = reading.anchor
    if reading.authentic is False:
        problems.append(ChainProblem(0, "the anchor's MAC does not match this keyring's audit key: it was forged, "
                                        "or written with another key", ProblemKind.ANCHOR_FORGED))
        return problems, notes
    if not reading.signed and key and expect_anchor:
        problems.append(ChainProblem(0, "the anchor carries no MAC, though this keyring holds the audit key: "
                                        "it was replaced", ProblemKind.ANCHOR_UNSIGNED))
        return problems, notes
    if anchor.seq == 0:
        return problems, notes
    if not trail.exists:
        problems.append(ChainProblem(0, f"the trail is gone, but its anchor records {_entries(anchor.seq)} "
                                        f"(up to entry {anchor.seq}): the file was deleted",
                                     ProblemKind.TRAIL_DELETED, anchor.seq))
        return problems, notes
    if trail.last_seq is None:
        what = ("the trail is empty" if not trail.count else "no line of the trail is an audit entry")
        problems.append(ChainProblem(1, f"{what}, but its anchor records {_entries(anchor.seq)} "
                                        f"(up to entry {anchor.seq}): the file was emptied or overwritten",
                                     ProblemKind.EMPTIED, anchor.seq))
        return problems, notes
    last = trail.last_seq
    if last < anchor.seq:
        cut = f"entry {anchor.seq} was" if last + 1 == anchor.seq else f"entries {last + 1}..{anchor.seq} were"
        problems.append(ChainProblem(trail.count + 1, f"{cut} cut off the end: the trail ends at entry {last}, "
                                                      f"its anchor records entry {anchor.seq}",
                                     ProblemKind.CUT_TAIL, last + 1))
    elif trail.hash_at_anchor is not None and not hmac.compare_digest(trail.hash_at_anchor, anchor.hash):
        problems.append(ChainProblem(0, f"entry {anchor.seq} is not the one its anchor records (another digest): "
                                        "it was replaced, or the chain recomputed",
                                     ProblemKind.ANCHOR_MISMATCH, anchor.seq))
    elif trail.hash_at_anchor is None:
        problems.append(ChainProblem(0, f"the trail has no entry {anchor.seq}, which its anchor records: entries "
                                        "were removed or renumbered", ProblemKind.ANCHOR_MISMATCH, anchor.seq))
    elif last == anchor.seq + 1:
        notes.append(f"entry {last} was written but its anchor was not (an interrupted write); "
                     "the next entry anchors it")
    elif last > anchor.seq + 1:
        problems.append(ChainProblem(0, f"the anchor records entry {anchor.seq}, but the trail goes on to entry "
                                        f"{last}: the anchor was replaced with an older copy",
                                     ProblemKind.ANCHOR_BEHIND, anchor.seq))
    if anchor.keyed and not trail.keyed:
        problems.append(ChainProblem(0, "the anchor records a keyed trail, but no entry carries a MAC: the MACs "
                                        "were stripped and the chain recomputed", ProblemKind.DOWNGRADE))
    return problems, notes


def _entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"
