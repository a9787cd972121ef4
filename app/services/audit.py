"""Recording who looked at what: the local chained trail first, then the platform via the outbox.

`Auditor.record` never raises into the caller's work: a clinician's look at a chart is not
stopped by a full disk; the failure is logged loudly instead (and `huren check` reports
the data dir). Nor does it wait for the disk: the record (who, when, what) is made at once,
and written, to the trail (fsynced, with its anchor) and then to the outbox (a SQLite commit),
by one thread for the whole process, in the order recorded. Those are three or four fsyncs a
record: on a hospital PC's disk, tens of milliseconds that a click on a report would otherwise
wait for on the window's thread. `flush` waits for what was recorded so far; the owner closes
the auditor before the outbox it writes to, and what is still queued at exit is written then.

The trail is keyed with the audit key from the system keyring (made with the first entry
written after keyed trails came), and each AuditEvent carries the entry's number and digest,
the platform's copy of the anchor. Checking the trail (`check_trail`, `verify_trail_at`)
looks the key up but never makes one, and only reads.
"""

from __future__ import annotations

import atexit
import logging
import queue
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.config import paths
from app.domain.audit import AuditAction, AuditRecord, mask_term
from app.domain.audit_chain import ChainReport
from app.domain.audit_event import audit_transaction
from app.domain.models import Patient, RecordKey
from app.domain.staff import StaffMember
from app.platform.audit_key import load_audit_key
from app.platform.audit_log import AUDIT_FILE, AuditLog
from app.platform.audit_trail import Trail, read_trail, verify_trail
from app.platform.outbox import Outbox
from app.services.lookup import PersonMatch

log = logging.getLogger("huren.audit")


def default_log_path() -> Path:
    return paths().data / AUDIT_FILE


def _log_for(path: Path, key: bytes | None) -> AuditLog:
    """The trail's writer: `key` given (tests), or the keyring's, made there at the first entry."""
    if key is not None:
        return AuditLog(path, key)
    found = load_audit_key()
    if found.key:
        return AuditLog(path, found.key)
    return AuditLog(path, make_key=lambda: load_audit_key(create=True), key_reason=found.reason)


def verify_trail_at(path: Path) -> ChainReport:
    """`huren audit verify`: the trail checked with the keyring's audit key, reading only.

    Raises TrailUnreadable (TrailMissing when there is none) with a message to show.
    """
    WRITER.flush(60.0)      # what this process recorded so far is part of the trail
    found = load_audit_key()
    return verify_trail(path, found.key, no_key_reason=found.reason)


def check_trail(path: Path) -> Trail:
    """The audit view's reading: every record and the verification, with the keyring's audit key."""
    WRITER.flush(60.0)
    found = load_audit_key()
    return read_trail(path, found.key, no_key_reason=found.reason)


class _Writer:
    """One thread writing the process's audit records, in the order they were made.

    Started with the first record; a daemon, so that a hung disk cannot keep the application
    from ending, and flushed at exit (`atexit` runs before daemon threads are stopped).
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def put(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="huren-audit", daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def flush(self, timeout: float) -> bool:
        """Wait for every job put so far: whether they were done within `timeout` seconds."""
        if self._thread is None or threading.current_thread() is self._thread:
            return True
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception:  # a job's own failures are logged by it; anything else must not stop the writer
                log.exception("writing an audit record failed")


#: The process's audit writer (`Auditor.record` queues, `Auditor.flush` waits).
WRITER = _Writer()
atexit.register(WRITER.flush, 60.0)


class Auditor:
    def __init__(self, outbox: Outbox | None, path: Path | None = None, *, source: str = "",
                 timezone: str = "Asia/Shanghai", key: bytes | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        """`key`: the audit key to write with (tests); None: the system keyring's. `clock`: the
        session's (the workspace's `now`), so that a record and the order it accompanies agree on the day."""
        self.outbox = outbox
        self.log = _log_for(path or default_log_path(), key)
        self.source = source
        self.tz = ZoneInfo(timezone)
        self.clock = clock or (lambda: datetime.now(self.tz))

    def record(self, action: AuditAction, user: StaffMember | None, *, patient: str = "", entity: str = "",
               detail: str = "", outcome: str = "0") -> AuditRecord:
        """The record, made now (who and when as they are now) and queued for writing (`flush`)."""
        entry = AuditRecord(
            id=str(uuid.uuid4()), when=self.clock().astimezone(self.tz), action=action,
            user_id=user.practitioner_id if user else "", user_role=user.role.value if user else "",
            organization_id=user.organization_id if user else "", patient=patient, entity=entity, detail=detail,
            outcome=outcome)
        WRITER.put(lambda: self._write(entry))
        return entry

    def _write(self, entry: AuditRecord) -> None:
        """On the writer's thread: the entry to the trail, then to the outbox."""
        try:
            link = self.log.append(entry)
            if self.outbox is not None:
                # To the platform that holds the patient's record, else to the home platform.
                source = entry.patient.partition(":")[0] if entry.patient else self.source
                kind = f"audit@{source}" if source else "audit"
                self.outbox.add(kind, audit_transaction(entry, link), entry_id=f"audit/{entry.id}")
        except (OSError, sqlite3.Error) as e:
            log.error("an audit record could not be written: %s", e)

    def flush(self, timeout: float = 60.0) -> bool:
        """Wait until every record made so far is written (or failed, and logged): whether it was in time."""
        return WRITER.flush(timeout)

    def records(self) -> list[AuditRecord]:
        """The trail's records, every one made so far among them."""
        self.flush()
        return self.log.records()

    # -- what every entry point records: the window, `order-check`, the CDS Hooks service ----------

    def search(self, user: StaffMember | None, kind: str, terms: Sequence[str], via: str = "") -> None:
        """A patient look-up: what kind of query, the terms masked (no resident ID in the trail)."""
        detail = f"{kind}: " + " ".join(mask_term(t) for t in terms if t)
        self.record(AuditAction.PATIENT_QUERY, user, detail=f"{via}: {detail}" if via else detail)

    def patient_opened(self, user: StaffMember | None, records: Iterable[Patient]) -> None:
        """A person's chart opened: one read per record (hospital) that makes up the person."""
        for record in records:
            self.record(AuditAction.PATIENT_READ, user, patient=str(record.key), entity=f"Patient/{record.key.id}")

    def report_read(self, user: StaffMember | None, patient: Patient, reference: str) -> None:
        """A report read, under the patient record of the source that holds it."""
        self.record(AuditAction.REPORT_READ, user, patient=str(patient.key), entity=reference)

    def study_read(self, user: StaffMember | None, person: PersonMatch, study: RecordKey) -> None:
        """An imaging study opened in the viewer."""
        self.record(AuditAction.STUDY_READ, user, patient=str(person.record_at(study.source).key),
                    entity=f"ImagingStudy/{study.id}")
