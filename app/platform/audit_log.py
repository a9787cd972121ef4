"""Appending to the local audit trail: one chained, fsynced entry per record, then its anchor.

The file is append-only JSON Lines, one chained entry per line (app.domain.audit_chain),
flushed and fsynced per entry: an audit record that a power cut can lose is no record. The
digests are HMACs under the audit key from the keyring (app.platform.audit_key) when there is
one. After each entry the anchor beside the trail (`audit.anchor`: the latest number and
digest, MACed) is replaced atomically, and the AuditEvent (app.domain.audit_event) carries
the same pair to the platform, so entries cut off the end or an emptied file show. Reading
the trail back and verifying it is app.platform.audit_trail, which only reads.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from app.domain.audit import AuditRecord
from app.domain.audit_chain import (
    GENESIS,
    Anchor,
    AnchorReading,
    Break,
    ChainReport,
    Entry,
    TrailSummary,
    anchor_text,
    check_anchor,
    make_entry,
    parse_line,
)
from app.domain.audit_event import ChainLink
from app.platform.audit_key import AuditKey
from app.platform.audit_trail import (
    MAX_LINE,
    TrailMissing,
    anchor_path,
    beside_trail,
    read_anchor_file,
    read_lines,
    verify_trail,
)
from app.private_files import private_dir

log = logging.getLogger("huren.platform")

#: The trail's name in the data directory.
AUDIT_FILE = "audit.jsonl"


def _lock_path(trail: Path) -> Path:
    """The file the writers lock across processes (see `_exclusive`)."""
    return beside_trail(trail, ".lock")


@dataclass(frozen=True)
class _Tail:
    """What the writer knows of the file: where the chain goes on, and what to anchor."""

    fingerprint: tuple[int, int, int]
    seq: int
    last: str
    count: int
    keyed: bool
    torn: bool = False
    breaks: tuple[Break, ...] = ()
    more_breaks: int = 0


def _fingerprint(info: os.stat_result) -> tuple[int, int, int]:
    return info.st_ino, info.st_size, info.st_mtime_ns


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """One writer at a time across processes (the window and `huren cds-hooks` share the trail)."""
    with open(path, "a+b") as f:
        if sys.platform == "win32":
            import msvcrt

            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)   # retries for 10 s, then OSError
            try:
                yield
            finally:
                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)


class AuditLog:
    """Appends records to the keyed, anchored chain; several threads and processes may record at once.

    `key`: the audit key that existed before (an anchor is then expected beside a written
    trail). `make_key`: called at the first append when there is no `key`, to make one (the
    trail it finds is then adopted as it is). Constructing reads and writes nothing; the first
    append reads the file, compares it with its anchor, and records what did not match in the
    anchor, so a cut tail or an emptied file stays visible after the writer goes on.
    """

    def __init__(self, path: Path, key: bytes | None = None, *, make_key: Callable[[], AuditKey] | None = None,
                 key_reason: str = "") -> None:
        self.path = Path(path)
        self.anchor_path = anchor_path(self.path)
        self.key = key
        self.key_reason = key_reason if key is None else ""
        self._make_key = make_key
        self._key_made = False
        self._lock = threading.Lock()
        self._tail: _Tail | None = None

    def _ensure_key(self) -> None:
        if self.key is not None or self._make_key is None:
            return
        made, self._make_key = self._make_key(), None
        if made.key:
            self.key, self._key_made, self.key_reason = made.key, made.made, ""
        else:
            self.key_reason = made.reason or self.key_reason

    def append(self, record: AuditRecord) -> ChainLink:
        with self._lock:
            self._ensure_key()
            private_dir(self.path.parent)
            with _exclusive(_lock_path(self.path)):
                existed = self.path.exists()
                with self.path.open("ab") as f:
                    found = _fingerprint(os.fstat(f.fileno()))
                    if self._tail is None or self._tail.fingerprint != found:
                        # The first append, or another writer (or someone else) was here since.
                        self._tail = self._take_over(found, existed)
                    return self._write(f, self._tail, record)

    def _write(self, f: BinaryIO, tail: _Tail, record: AuditRecord) -> ChainLink:
        """The entry, then its anchor; under both locks."""
        if tail.torn:       # torn by a crash mid-write: the next entry starts on its own line
            f.write(b"\n")
        seq = tail.seq + 1
        entry = make_entry(tail.last, seq, record.to_json(), self.key)
        f.write(_line(entry))
        f.flush()
        os.fsync(f.fileno())
        keyed = tail.keyed or bool(self.key)
        if tail.keyed and not self.key:
            log.error("entry %d of the audit trail %s is written without its key (%s): verify will report it",
                      seq, self.path, self.key_reason)
        self._tail = _Tail(_fingerprint(os.fstat(f.fileno())), seq, entry["hash"], tail.count + 1, keyed,
                           False, tail.breaks, tail.more_breaks)
        self._write_anchor(Anchor(seq, entry["hash"], tail.count + 1, keyed, tail.breaks, tail.more_breaks))
        return ChainLink(seq, entry["hash"], bool(self.key))

    def _take_over(self, fingerprint: tuple[int, int, int], existed: bool) -> _Tail:
        """Read the trail and its anchor; what does not match is kept in the next anchor."""
        reading = read_anchor_file(self.anchor_path, self.key)
        expect_anchor = self.key is not None and not self._key_made
        quick = existed and _quick_tail(self.path, fingerprint, reading, key=self.key, expect_anchor=expect_anchor)
        if quick:
            return quick
        lines = read_lines(self.path)
        anchor_seq = reading.anchor.seq if reading.anchor else None
        count, seq, last, keyed, torn = 0, 0, GENESIS, False, False
        last_entry_seq, hash_at_anchor = None, None
        for number, raw in enumerate(lines, start=1):
            item = parse_line(number, raw)
            if item is None:
                continue
            count += 1
            if isinstance(item, Entry):
                seq, last, keyed = item.seq, item.hash, keyed or item.keyed
                last_entry_seq = max(item.seq, last_entry_seq or 0)
                if item.seq == anchor_seq:
                    hash_at_anchor = item.hash
            else:
                # Damaged: auditing goes on (verify shows the break), chained to the damaged text.
                seq, last = count, hashlib.sha256(raw if isinstance(raw, bytes) else b"").hexdigest()
                log.warning("line %d of the audit trail %s is damaged; new entries follow it", number, self.path)
        if lines and isinstance(lines[-1], bytes) and not lines[-1].endswith(b"\n"):
            torn = True
        summary = TrailSummary(existed, count, last_entry_seq, hash_at_anchor, keyed)
        problems, _ = check_anchor(reading, summary, key=self.key, expect_anchor=expect_anchor)
        kept = reading.anchor if reading.trusted and reading.anchor is not None else Anchor(0, GENESIS, 0, False)
        when = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
        for problem in problems:
            log.error("the audit trail %s does not match its anchor: %s", self.path, problem.reason)
            kept = kept.with_break(Break(seq + 1, when, problem.reason))
        return _Tail(fingerprint, seq, last, count, keyed, torn, kept.breaks, kept.more_breaks)

    def _write_anchor(self, anchor: Anchor) -> None:
        """Atomically: a reader sees the old anchor or the new one, never half of one."""
        try:
            fd, temporary = tempfile.mkstemp(prefix=f".{self.anchor_path.name}.", suffix=".tmp",
                                             dir=self.anchor_path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(anchor_text(anchor, self.key).encode("utf-8", "surrogatepass"))
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(temporary, self.anchor_path)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temporary)
                raise
            _sync_dir(self.anchor_path.parent)
        except OSError as e:
            # The entry is written; the anchor catches up with the next one (verify says it lags).
            log.error("the anchor of the audit trail %s could not be written: %s", self.path, e)

    def records(self) -> list[AuditRecord]:
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8") as f:
            return [AuditRecord.from_json(json.loads(line)["record"]) for line in f if line.strip()]

    def verify(self) -> ChainReport:
        """Reading only; no trail yet is an empty, intact one."""
        try:
            return verify_trail(self.path, self.key, no_key_reason=self.key_reason or "no audit key given")
        except TrailMissing:
            return ChainReport(0)


def _quick_tail(path: Path, fingerprint: tuple[int, int, int], reading: AnchorReading, *, key: bytes | None,
                expect_anchor: bool) -> _Tail | None:
    """The writer's state from the trail's last two lines, when they agree with a trusted anchor.

    A year's trail is tens of megabytes; the first entry of a program run (at sign-in, on the
    UI thread) should not wait for all of it. Anything unusual (no anchor, a mismatch, a torn
    or damaged end, a downgrade to look into) returns None: the whole file is read then.
    """
    anchor = reading.anchor
    if anchor is None or not reading.trusted or anchor.seq == 0:
        return None
    ends = _last_lines(path, 2)
    if ends is None:
        return None
    items = [parse_line(0, raw) for raw in ends]
    entries = [i for i in items if isinstance(i, Entry)]
    if len(entries) != len(items) or not entries:
        return None
    newest = entries[-1]
    if anchor.keyed and not newest.keyed:
        return None
    at = [e.hash for e in entries if e.seq == anchor.seq]
    summary = TrailSummary(True, anchor.count, newest.seq, at[-1] if at else None, newest.keyed)
    problems, _ = check_anchor(reading, summary, key=key, expect_anchor=expect_anchor)
    if problems or newest.seq not in (anchor.seq, anchor.seq + 1):
        return None
    count = anchor.count + (newest.seq - anchor.seq)
    return _Tail(fingerprint, newest.seq, newest.hash, count, anchor.keyed or newest.keyed, False, anchor.breaks,
                 anchor.more_breaks)


def _last_lines(path: Path, wanted: int, chunk: int = 1 << 16) -> list[bytes] | None:
    """The last `wanted` non-blank lines (without their line ends), read from the end of the file;
    None when the file does not end with a line end, is shorter, or its last lines are too long."""
    with open(path, "rb") as f:
        end = f.seek(0, os.SEEK_END)
        if end == 0:
            return None
        f.seek(end - 1)
        if f.read(1) != b"\n":
            return None
        data, start = b"", end
        while start > 0 and end - start <= 2 * MAX_LINE:
            step = min(chunk, start)
            start -= step
            f.seek(start)
            data = f.read(step) + data
            parts = data.split(b"\n")
            if start > 0:
                parts = parts[1:]          # the first may have begun before what was read
            full = [p for p in parts if p.strip()]
            if len(full) >= wanted:
                return full[-wanted:]
        return None


def _line(entry: dict) -> bytes:
    try:
        return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:      # a lone surrogate: escaped, the digest is the same
        return (json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def _sync_dir(directory: Path) -> None:
    """The rename itself survives a power cut (POSIX; Windows has no directory handles to sync)."""
    if sys.platform == "win32":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
