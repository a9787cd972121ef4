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

Everything here is pure: the platform layer reads the files and hands over their text.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from app.domain.audit import canonical
from app.domain.fhir_json import parse_json

GENESIS = "0" * 64
#: The marker of a keyed entry and of a MACed anchor.
MAC_SCHEME = "hmac-sha256"
ANCHOR_FORMAT = "huren-audit-anchor/1"
#: Domain separation: an entry's MAC can never pass for an anchor's, nor the reverse.
_ENTRY_CONTEXT = b"huren-audit-entry/hmac-sha256\n"
_ANCHOR_CONTEXT = b"huren-audit-anchor/hmac-sha256\n"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_ENTRY_KEYS = {"seq", "prev", "hash", "record"}
#: How many of the writer's findings an anchor keeps (the first ones: the first tampering matters most).
MAX_BREAKS = 20


class ProblemKind(Enum):
    DAMAGED = "damaged"                  # a line that is no audit entry: bad bytes, not JSON, wrong shape, too long
    TORN = "torn"                        # the last line cut short
    EDITED = "edited"                    # an entry's content or number no longer matches its digest
    BAD_MAC = "bad-mac"                  # a keyed entry whose MAC does not match (edited, or another key)
    RECOMPUTED = "recomputed"            # a keyed entry's digest recomputed as plain SHA-256
    RELINKED = "relinked"                # an entry that does not follow the one before it
    DELETED = "deleted"                  # entries missing from the middle or the start
    REORDERED = "reordered"
    DUPLICATED = "duplicated"
    INSERTED = "inserted"
    DOWNGRADE = "downgrade"              # an unkeyed entry after keyed ones, or a keyed trail with no MAC left
    CUT_TAIL = "cut-tail"
    EMPTIED = "emptied"
    TRAIL_DELETED = "trail-deleted"      # the file is gone, its anchor is not
    ANCHOR_MISSING = "anchor-missing"
    ANCHOR_DAMAGED = "anchor-damaged"
    ANCHOR_FORGED = "anchor-forged"      # its MAC does not match the key
    ANCHOR_UNSIGNED = "anchor-unsigned"  # no MAC, though the key exists
    ANCHOR_MISMATCH = "anchor-mismatch"  # the entry the anchor names has another digest
    ANCHOR_BEHIND = "anchor-behind"      # the anchor is older than the trail: replaced with an earlier copy
    FOUND_BY_WRITER = "found-by-writer"  # a mismatch the writer found and recorded in the anchor


@dataclass(frozen=True)
class ChainProblem:
    line: int                        # 1-based line of the log file; 0 when no one line is concerned
    reason: str
    kind: ProblemKind = ProblemKind.DAMAGED
    seq: int | None = None           # the entry's number, when known


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: tuple[ChainProblem, ...] = field(default=())
    keyed: int = 0                   # entries carrying a MAC
    notes: tuple[str, ...] = field(default=())   # worth saying, not a break: not keyed, no anchor yet, ...
    unchecked: str = ""              # why the MACs could not be checked (no key), "" when they were
    anchored: int | None = None      # the entry number the anchor records, when one was read
    readable: int = 0                # lines that are audit entries (whether or not they verify)

    @property
    def intact(self) -> bool:
        """Checked and nothing wrong (a keyed trail without its key is not called intact)."""
        return not self.problems and not self.unchecked


# --- digests -----------------------------------------------------------------------------------------


def link_hash(previous: str, seq: int, record: dict, key: bytes | None = None) -> str:
    """The entry's digest: HMAC-SHA256 under `key`, plain SHA-256 without one (older trails)."""
    if key:
        message = _ENTRY_CONTEXT + _utf8(f"{previous}\n{seq}\n{canonical(record)}")
        return hmac.new(key, message, hashlib.sha256).hexdigest()
    return hashlib.sha256(_utf8(f"{previous}\n{seq}\n{canonical(record)}")).hexdigest()


def _utf8(text: str) -> bytes:
    # A lone surrogate (JSON allows "\ud800") must give a digest, not UnicodeEncodeError.
    return text.encode("utf-8", "surrogatepass")


def make_entry(previous: str, seq: int, record: dict, key: bytes | None = None) -> dict:
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
    record: dict
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
    if not all(isinstance(data[k], str) and _DIGEST.fullmatch(data[k]) for k in ("prev", "hash")):
        return "its digests are not 64 hexadecimal digits"
    if not isinstance(data["record"], dict):
        return "its record is not an object"
    return ""


# --- the anchor --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """What the writer found when it took the trail over and it did not match its anchor."""

    seq: int          # the first entry written after the finding
    when: str         # ISO time of the finding
    found: str

    def to_json(self) -> dict:
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


def _anchor_tag(key: bytes, body: dict) -> str:
    return hmac.new(key, _ANCHOR_CONTEXT + _utf8(canonical(body)), hashlib.sha256).hexdigest()


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
    if data.get("mac") != MAC_SCHEME or not isinstance(tag, str) or not _DIGEST.fullmatch(tag):
        return AnchorReading(True, anchor, signed=True, authentic=False if key else None,
                             problem="the anchor's MAC is damaged")
    if not key:
        return AnchorReading(True, anchor, signed=True, authentic=None)
    return AnchorReading(True, anchor, signed=True, authentic=hmac.compare_digest(_anchor_tag(key, body), tag))


def _digest(value: Any) -> str:
    if not isinstance(value, str) or not _DIGEST.fullmatch(value):
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


# --- verification ------------------------------------------------------------------------------------


def verify_chain(lines: Iterable[str | bytes | Oversized], *, key: bytes | None = None,
                 anchor: AnchorReading | None = None, trail_exists: bool = True,
                 no_key_reason: str = "") -> ChainReport:
    """Check every link and, given an anchor reading, the trail against its anchor.

    The first break of the chain is reported (later links follow from it), each with its line
    and kind; the anchor's findings come after it. Without `anchor` only the chain is checked
    (entries cut off the end then go unseen). `no_key_reason` says why `key` is None.
    """
    raw = list(lines)
    with_newlines = any(isinstance(r, (str, bytes)) and r.endswith("\n" if isinstance(r, str) else b"\n")
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
