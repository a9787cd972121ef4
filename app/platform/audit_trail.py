"""The local audit trail read back: its lines, its anchor, and their verification.

Reading only: nothing is created, appended or repaired, so a trail can be checked where it
lies, or as a copy in a backup directory with its anchor beside it. A damaged trail is a
finding, not an error: the report says where the chain breaks and `read_trail` still gives
every record it can read. What cannot be read as a trail at all is a TrailUnreadable.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.audit import AuditRecord
from app.domain.audit_chain import (
    NO_ANCHOR,
    AnchorReading,
    ChainReport,
    Entry,
    Oversized,
    parse_line,
    read_anchor,
    verify_chain,
)

#: A longer line is no audit entry (a record is a few hundred bytes); verify reads past it.
MAX_LINE = 1 << 20
MAX_ANCHOR = 1 << 16


class TrailUnreadable(OSError):
    """The trail cannot be read (a directory, not a regular file, no permission) or is not there."""


class TrailMissing(TrailUnreadable):
    """No trail at the path, and no anchor that says one was written."""


def anchor_path(trail: Path) -> Path:
    """The anchor beside the trail: `audit.jsonl` -> `audit.anchor`."""
    return beside_trail(trail, ".anchor")


def beside_trail(trail: Path, suffix: str) -> Path:
    """The trail's companion file with that suffix, in the same directory (the anchor, the writers' lock)."""
    trail = Path(trail)
    return trail.parent / f"{trail.stem if trail.suffix else trail.name}{suffix}"


def read_lines(path: Path) -> list[bytes | Oversized]:
    """The trail's lines, as bytes with their line ends; a line beyond MAX_LINE only as its size.

    Opens read-only: nothing is created, appended or repaired. FileNotFoundError when there is
    no file; TrailUnreadable for anything else that keeps it from being read.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as e:
        raise TrailUnreadable(f"{path} cannot be read: {_why(e)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise TrailUnreadable(f"{path} is a directory, not an audit trail")
    if not stat.S_ISREG(info.st_mode):
        raise TrailUnreadable(f"{path} is not a regular file, not an audit trail")
    lines: list[bytes | Oversized] = []
    try:
        with open(path, "rb") as f:
            while line := f.readline(MAX_LINE + 1):
                if len(line) > MAX_LINE and not line.endswith(b"\n"):
                    size = len(line)
                    while more := f.readline(MAX_LINE):      # the rest of the line, read and dropped
                        size += len(more)
                        if more.endswith(b"\n"):
                            break
                    lines.append(Oversized(size))
                else:
                    lines.append(line)
    except OSError as e:
        raise TrailUnreadable(f"{path} cannot be read: {_why(e)}") from None
    return lines


def _why(e: BaseException) -> str:
    return e.strerror if isinstance(e, OSError) and e.strerror else str(e)


def read_anchor_file(path: Path, key: bytes | None) -> AnchorReading:
    """The anchor beside a trail, read-only; never raises (an unreadable anchor is a finding)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_ANCHOR + 1)
    except FileNotFoundError:
        return NO_ANCHOR
    except (OSError, ValueError) as e:
        return AnchorReading(True, problem=f"the anchor {path} cannot be read ({_why(e)})")
    if len(data) > MAX_ANCHOR:
        return AnchorReading(True, problem=f"the anchor {path} is too large to be one")
    return read_anchor(data, key)


def verify_trail(path: Path, key: bytes | None = None, *, no_key_reason: str = "") -> ChainReport:
    """The trail checked against its chain, its MACs and its anchor, reading only.

    Raises TrailMissing when there is no trail and no anchor says there was one, and
    TrailUnreadable when the path cannot be read as a trail.
    """
    return _check(Path(path), key, no_key_reason)[1]


def _check(path: Path, key: bytes | None, no_key_reason: str) -> tuple[list[bytes | Oversized], ChainReport]:
    try:
        lines, exists = read_lines(path), True
    except FileNotFoundError:
        lines, exists = [], False
    anchor = read_anchor_file(anchor_path(path), key)
    report = verify_chain(lines, key=key, anchor=anchor, trail_exists=exists, no_key_reason=no_key_reason)
    if not exists and not report.problems:
        raise TrailMissing(f"no audit trail at {path}")
    if report.entries and not report.readable and not anchor.present:
        # Not a trail that was damaged: some other file (or garbage) given as one.
        raise TrailUnreadable(f"{path} is not an audit trail: {report.problems[0].reason}")
    return lines, report


@dataclass(frozen=True)
class Trail:
    """What a reader of the trail sees: the records it can read and whether the chain holds."""

    entries: tuple[tuple[int, AuditRecord], ...]     # (1-based line of the file, record), in file order
    report: ChainReport
    unreadable: tuple[int, ...] = field(default=())  # lines that hold no record (damaged or edited)


def read_trail(path: Path, key: bytes | None = None, *, no_key_reason: str = "") -> Trail:
    """Every readable record and the trail's verification (chain, MACs, anchor), from one reading.

    Unlike `AuditLog.records`, damaged content does not raise: a line that is not an entry is
    left out and named in `unreadable`, and the report says where the chain breaks, so an
    auditor still sees the rest. No file (and no anchor that says there was one) is an empty,
    intact trail. TrailUnreadable (an OSError) when the path cannot be read as a trail.
    """
    path = Path(path)
    try:
        lines, report = _check(path, key, no_key_reason)
    except TrailMissing:
        return Trail((), ChainReport(0))
    entries: list[tuple[int, AuditRecord]] = []
    unreadable: list[int] = []
    for number, raw in enumerate(lines, start=1):
        item = parse_line(number, raw)
        if item is None:
            continue
        try:
            if not isinstance(item, Entry):
                raise ValueError(item.reason)
            entries.append((number, AuditRecord.from_json(item.record)))
        except (ValueError, KeyError, TypeError, AttributeError):
            unreadable.append(number)
    return Trail(tuple(entries), report, tuple(unreadable))
