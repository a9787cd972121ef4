"""What verifying an audit trail finds: each kind of break, a problem where it was found, and the report.

The checks themselves are app.domain.audit_chain (the links) and app.domain.audit_anchor (the
trail against its anchor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


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
