"""The local audit trail file, and each record as the FHIR AuditEvent the platform receives.

The file is append-only JSON Lines, one chained entry per line (app.domain.audit_chain),
flushed and fsynced per entry: an audit record that a power cut can lose is no record. The
digests are HMACs under the audit key from the keyring (app.platform.audit_key) when there is
one. After each entry the anchor beside the trail (`audit.anchor`: the latest number and
digest, MACed) is replaced atomically, and the AuditEvent carries the same pair to the
platform, so entries cut off the end or an emptied file show. Verifying only reads.
The AuditEvent follows IHE Basic Audit Log Patterns (BALP): PatientQuery as a RESTful
search-type, PatientRead and report/study reads as reads, decisions as creates, sign-in and
sign-out as DICOM User Authentication.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from app.domain.audit import AuditAction, AuditRecord
from app.domain.audit_chain import (
    GENESIS,
    NO_ANCHOR,
    Anchor,
    AnchorReading,
    Break,
    ChainReport,
    Entry,
    Oversized,
    TrailSummary,
    anchor_text,
    check_anchor,
    make_entry,
    parse_line,
    read_anchor,
    verify_chain,
)
from app.domain.fhir_profile import EXT
from app.platform.audit_key import AuditKey
from app.private_files import private_dir

log = logging.getLogger("huren.platform")

AUDIT_FILE = "audit.jsonl"
#: A longer line is no audit entry (a record is a few hundred bytes); verify reads past it.
MAX_LINE = 1 << 20
MAX_ANCHOR = 1 << 16
_REST = {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest",
         "display": "Restful Operation"}
_DCM = "http://dicom.nema.org/resources/ontology/DCM"
_INTERACTION = "http://hl7.org/fhir/restful-interaction"

#: action -> (type, subtype, FHIR AuditEvent.action)
_SHAPES: dict[AuditAction, tuple[dict, dict, str]] = {
    AuditAction.PATIENT_QUERY: (_REST, {"system": _INTERACTION, "code": "search-type"}, "E"),
    AuditAction.PATIENT_READ: (_REST, {"system": _INTERACTION, "code": "read"}, "R"),
    AuditAction.REPORT_READ: (_REST, {"system": _INTERACTION, "code": "read"}, "R"),
    AuditAction.STUDY_READ: (_REST, {"system": _INTERACTION, "code": "read"}, "R"),
    AuditAction.ORDER_DECISION: (_REST, {"system": _INTERACTION, "code": "create"}, "C"),
    AuditAction.CONSENT: (_REST, {"system": _INTERACTION, "code": "create"}, "C"),
    AuditAction.SIGN_IN: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                          {"system": _DCM, "code": "110122", "display": "Login"}, "E"),
    AuditAction.SIGN_OUT: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                           {"system": _DCM, "code": "110123", "display": "Logout"}, "E"),
    AuditAction.LOCK: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                       {"system": "https://fhir.huren.cn/CodeSystem/audit-subtype", "code": "lock"}, "E"),
    AuditAction.UNLOCK: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                         {"system": "https://fhir.huren.cn/CodeSystem/audit-subtype", "code": "unlock"}, "E"),
}


@dataclass(frozen=True)
class ChainLink:
    """Where an appended entry sits in the chain: what the platform keeps as its copy of the anchor."""

    seq: int
    hash: str
    keyed: bool


class TrailUnreadable(OSError):
    """The trail cannot be read (a directory, not a regular file, no permission) or is not there."""


class TrailMissing(TrailUnreadable):
    """No trail at the path, and no anchor that says one was written."""


def anchor_path(trail: Path) -> Path:
    """The anchor beside the trail: `audit.jsonl` -> `audit.anchor`."""
    trail = Path(trail)
    return trail.parent / f"{trail.stem if trail.suffix else trail.name}.anchor"


def _lock_path(trail: Path) -> Path:
    return trail.parent / f"{trail.stem if trail.suffix else trail.name}.lock"


def _read_lines(path: Path) -> list[bytes | Oversized]:
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
        lines, exists = _read_lines(path), True
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
        if os.name == "nt":
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
        lines = _read_lines(self.path)
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
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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


def audit_event(record: AuditRecord, application: str = "Huren", link: ChainLink | None = None) -> dict:
    """The record as a FHIR R4 AuditEvent (IHE BALP shapes), with the record's id.

    `link`: the entry's place in the local chain (number, digest, keyed), sent along so that
    the platform holds a copy of every anchor the workstation wrote.
    """
    kind, subtype, action = _SHAPES[record.action]
    agent = [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                                   "code": "humanuser"}]},
              "who": {"reference": f"Practitioner/{record.user_id}"} if record.user_id else {"display": "unknown"},
              "requestor": True},
             {"type": {"coding": [{"system": _DCM, "code": "110150", "display": "Application"}]},
              "who": {"display": application}, "requestor": False}]
    entity = []
    if record.patient:
        source, _, pid = record.patient.partition(":")
        entity.append({"what": {"reference": f"Patient/{pid}"},
                       "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1"},
                       "role": {"system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1"}})
    if record.entity:
        entity.append({"what": {"reference": record.entity} if "/" in record.entity else {"display": record.entity},
                       "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2"}})
    if record.detail:
        entity.append({"type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2"},
                       "description": record.detail})
    event = {
        "resourceType": "AuditEvent",
        "id": record.id,
        "type": kind,
        "subtype": [subtype],
        "action": action,
        "recorded": record.when.isoformat(),
        "outcome": record.outcome,
        "agent": agent,
        "source": {"observer": {"reference": f"Organization/{record.organization_id}"} if record.organization_id
                   else {"display": application}},
        "entity": entity,
        "extension": [{"url": EXT + "audit-action", "valueCode": record.action.value}],
    }
    if link is not None:
        event["extension"].append({"url": EXT + "audit-chain", "extension": [
            {"url": "seq", "valueInteger": link.seq}, {"url": "hash", "valueString": link.hash},
            {"url": "keyed", "valueBoolean": link.keyed}]})
    return event


def audit_transaction(record: AuditRecord, link: ChainLink | None = None) -> dict:
    """PUT under the client-made id: sending it twice leaves one AuditEvent."""
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [{"resource": audit_event(record, link=link),
                       "request": {"method": "PUT", "url": f"AuditEvent/{record.id}"}}]}
