"""The audit trail's chain and its anchor: what makes an edit, a deletion or a cut visible.

Each entry carries the digest of the one before. Written with the workstation's audit key
(kept in the system keyring) the digest is an HMAC-SHA256, marked `"mac": "hmac-sha256"`,
so whoever edits an entry cannot compute a digest that verifies; entries written before
keyed trails, or on a machine with no keyring, carry a plain SHA-256 and no marker. Once a
keyed entry appears every later one must be keyed: an entry whose marker was stripped is
reported, never taken for an older, unkeyed one.

A chain alone cannot show that entries were cut off its end, or that the file was emptied.
The anchor can: after each entry the writer records the latest number and digest beside the
trail (MACed with the same key) and sends them to the platform with the AuditEvent. Verify
compares the trail with its anchor. Rolling back both the trail and its anchor to an earlier
copy is consistent locally and shows only against the platform's copy.

Everything here is pure: the platform layer reads the files and hands over their text. The
entries are app.domain.audit_entries, the anchor app.domain.audit_anchor, and what is found
app.domain.audit_problems; this module checks the links and is where callers import all of it from.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping, Sequence

from app.domain.audit_anchor import (
    ANCHOR_FORMAT,
    MAX_BREAKS,
    NO_ANCHOR,
    Anchor,
    AnchorReading,
    Break,
    TrailSummary,
    anchor_text,
    check_anchor,
    read_anchor,
    summarize,
)
from app.domain.audit_entries import GENESIS, MAC_SCHEME, Damage, Entry, Oversized, link_hash, make_entry, parse_line
from app.domain.audit_problems import ChainProblem, ChainReport, ProblemKind

__all__ = [
    "ANCHOR_FORMAT",
    "GENESIS",
    "MAC_SCHEME",
    "MAX_BREAKS",
    "NO_ANCHOR",
    "Anchor",
    "AnchorReading",
    "Break",
    "ChainProblem",
    "ChainReport",
    "Damage",
    "Entry",
    "Oversized",
    "ProblemKind",
    "TrailSummary",
    "anchor_text",
    "check_anchor",
    "link_hash",
    "make_entry",
    "parse_line",
    "read_anchor",
    "summarize",
    "verify_chain",
]


def verify_chain(lines: Iterable[str | bytes | Oversized], *, key: bytes | None = None,
                 anchor: AnchorReading | None = None, trail_exists: bool = True,
                 no_key_reason: str = "") -> ChainReport:
    """Check every link and, given an anchor reading, the trail against its anchor.

    The first break of the chain is reported (later links follow from it), each with its line
    and kind; the anchor's findings come after it. Without `anchor` only the chain is checked
    (entries cut off the end then go unseen). `no_key_reason` says why `key` is None.
    """
    raw = list(lines)
    with_newlines = any(r.endswith("\n") if isinstance(r, str) else isinstance(r, bytes) and r.endswith(b"\n")
                        for r in raw)
    parsed: list[Entry | Damage] = []
    for number, line in enumerate(raw, start=1):
        item = parse_line(number, line, last=number == len(raw), with_newlines=with_newlines)
        if item is not None:
            parsed.append(item)
    entries = [p for p in parsed if isinstance(p, Entry)]
    keyed = sum(1 for e in entries if e.keyed)
    problems: list[ChainProblem] = []
    chain_break = _first_break(parsed, key)
    if chain_break is not None:
        problems.append(chain_break)

    notes: list[str] = []
    unchecked = ""
    if keyed and not key:
        unchecked = (f"the trail is keyed, but there is no audit key to check it with ({no_key_reason or 'no key'}): "
                     "its order and links were checked, not its MACs")
    if anchor is not None:
        summary = summarize(trail_exists, len(parsed), entries, anchor.anchor.seq if anchor.anchor else None)
        found, said = check_anchor(anchor, summary, key=key, expect_anchor=key is not None)
        problems += found
        notes += said
        if anchor.trusted and anchor.anchor is not None:
            problems += _recorded_breaks(anchor.anchor)
        if anchor.signed and anchor.authentic is None and not unchecked:
            unchecked = (f"the anchor carries a MAC, but there is no audit key to check it with "
                         f"({no_key_reason or 'no key'})")
    if entries and not keyed:
        why = no_key_reason or "written before keyed trails"
        notes.insert(0, f"not keyed ({why}): an edit that recomputes the chain cannot be detected")
    elif keyed and keyed < len(entries):
        first_keyed = next(e.seq for e in entries if e.keyed)
        if first_keyed > 1:
            notes.insert(0, f"entries 1..{first_keyed - 1} are not keyed (written before keyed trails)")
    anchored = anchor.anchor.seq if anchor is not None and anchor.trusted and anchor.anchor else None
    return ChainReport(len(parsed), tuple(problems), keyed, tuple(notes), unchecked, anchored, len(entries))


def _recorded_breaks(anchor: Anchor) -> list[ChainProblem]:
    found = [ChainProblem(0, f"when entry {b.seq} was written ({b.when}), the trail did not match its anchor: "
                             f"{b.found}", ProblemKind.FOUND_BY_WRITER, b.seq) for b in anchor.breaks]
    if anchor.more_breaks:
        found.append(ChainProblem(0, f"and {anchor.more_breaks} more such findings", ProblemKind.FOUND_BY_WRITER))
    return found


def _first_break(parsed: Sequence[Entry | Damage], key: bytes | None) -> ChainProblem | None:
    """The first place the chain does not hold, said as precisely as the evidence allows."""
    by_seq: dict[int, list[Entry]] = {}
    for p in parsed:
        if isinstance(p, Entry):
            by_seq.setdefault(p.seq, []).append(p)
    previous, before_previous, expected = GENESIS, None, 1
    last_keyed: Entry | None = None
    for i, item in enumerate(parsed):
        if isinstance(item, Damage):
            return ChainProblem(item.line, item.reason, ProblemKind.TORN if item.torn else ProblemKind.DAMAGED,
                                expected)
        e = item
        following = parsed[i + 1] if i + 1 < len(parsed) else None
        nxt = following if isinstance(following, Entry) else None
        genuine = _genuine(e, key)
        if e.seq != expected:
            return _misplaced(e, expected, previous, genuine, by_seq, nxt, key)
        if last_keyed is not None and not e.keyed:
            return ChainProblem(e.line, f"entry {e.seq} carries no MAC, though entry {last_keyed.seq} before it "
                                        "does: its MAC was stripped (a keyed entry is never followed by an "
                                        "unkeyed one)", ProblemKind.DOWNGRADE, e.seq)
        if genuine is False:
            if nxt is not None and nxt.prev == previous and _genuine(nxt, key) is not False:
                return ChainProblem(e.line, f"line {e.line} was inserted: it claims to be entry {e.seq}, but does not "
                                            "match its digest, and the entry after it follows the one before it",
                                    ProblemKind.INSERTED, e.seq)
            if e.keyed and key:
                if e.digest(None) == e.hash:
                    return ChainProblem(e.line, f"entry {e.seq} was changed and its digest recomputed without the "
                                                "audit key (plain SHA-256 where a MAC belongs)",
                                        ProblemKind.RECOMPUTED, e.seq)
                return ChainProblem(e.line, f"entry {e.seq} was changed after it was written: its MAC does not "
                                            "match (edited, or its MAC made with another key)",
                                    ProblemKind.BAD_MAC, e.seq)
            return ChainProblem(e.line, f"entry {e.seq} was changed after it was written", ProblemKind.EDITED, e.seq)
        if e.prev != previous:
            if before_previous is not None and e.prev == before_previous and e.seq > 1:
                return ChainProblem(e.line, f"the entry before line {e.line} was inserted: entry {e.seq} follows "
                                            "the one before that", ProblemKind.INSERTED, e.seq - 1)
            return ChainProblem(e.line, f"entry {e.seq} does not follow the one before it: an earlier entry was "
                                        "changed, replaced or removed", ProblemKind.RELINKED, e.seq)
        before_previous, previous, expected = previous, e.hash, e.seq + 1
        if e.keyed:
            last_keyed = e
    return None


def _genuine(e: Entry, key: bytes | None) -> bool | None:
    """Whether the entry matches its own digest; None for a keyed entry and no key."""
    if e.keyed:
        return None if not key else hmac.compare_digest(e.digest(key), e.hash)
    return e.digest(None) == e.hash


def _misplaced(e: Entry, expected: int, previous: str, genuine: bool | None, by_seq: Mapping[int, list[Entry]],
               nxt: Entry | None, key: bytes | None) -> ChainProblem:
    """An entry whose number is not the one expected: renumbered, or entries deleted, moved, repeated."""
    where = f"line {e.line} holds entry {e.seq} where entry {expected} belongs"
    if genuine is False and e.digest(key if e.keyed else None, expected) == e.hash:
        return ChainProblem(e.line, f"entry {expected} was renumbered: {where}, and its digest is entry "
                                    f"{expected}'s", ProblemKind.EDITED, expected)
    if genuine is False and e.prev == previous and nxt is not None and nxt.seq == expected + 1:
        return ChainProblem(e.line, f"entry {expected} was renumbered: {where}, and entry {expected + 1} follows it",
                            ProblemKind.EDITED, expected)
    if e.seq > expected:
        later = [x for x in by_seq.get(expected, []) if x.line > e.line]
        if later:
            return ChainProblem(e.line, f"entries were reordered: {where}; entry {expected} comes later, "
                                        f"at line {later[0].line}", ProblemKind.REORDERED, expected)
        gone = (f"entry {expected} is missing (found {e.seq}): it was deleted" if e.seq == expected + 1 else
                f"entries {expected}..{e.seq - 1} are missing (found {e.seq}): they were deleted")
        return ChainProblem(e.line, gone, ProblemKind.DELETED, expected)
    earlier = [x for x in by_seq.get(e.seq, []) if x.line < e.line]
    if any(x.hash == e.hash and x.prev == e.prev and x.record == e.record for x in earlier):
        return ChainProblem(e.line, f"entry {e.seq} at line {e.line} repeats line {earlier[0].line}: an entry was "
                                    "duplicated", ProblemKind.DUPLICATED, e.seq)
    if earlier:
        return ChainProblem(e.line, f"line {e.line} holds a second entry {e.seq} (the first is at line "
                                    f"{earlier[0].line}): an entry was inserted", ProblemKind.INSERTED, e.seq)
    return ChainProblem(e.line, f"entry {expected} was renumbered: {where}", ProblemKind.EDITED, expected)
