"""The local audit trail file, and each record as the FHIR AuditEvent the platform receives.

The file is append-only JSON Lines, one hash-chained entry per line (app.domain.audit),
flushed and fsynced per entry: an audit record that a power cut can lose is no record. The
AuditEvent follows IHE Basic Audit Log Patterns (BALP): PatientQuery as a RESTful
search-type, PatientRead and report/study reads as reads, decisions as creates, sign-in and
sign-out as DICOM User Authentication.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.audit import GENESIS, AuditAction, AuditRecord, ChainReport, link_hash, verify_chain

log = logging.getLogger("huren.platform")

AUDIT_FILE = "audit.jsonl"
EXT = "https://fhir.huren.cn/StructureDefinition/"
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


class AuditLog:
    """Appends records to the chained file; several threads may record at once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._seq, self._last = self._tail()

    def _tail(self) -> tuple[int, str]:
        """The last entry's number and hash (the chain goes on from a file written before)."""
        if not self.path.exists():
            return 0, GENESIS
        last, count = None, 0
        with self.path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.strip():
                    last, count = line, count + 1
        if last is None:
            return 0, GENESIS
        if not last.endswith("\n"):   # torn by a crash mid-write: the next entry starts on its own line
            with self.path.open("a", encoding="utf-8") as f:
                f.write("\n")
        try:
            entry = json.loads(last)
            return int(entry["seq"]), str(entry["hash"])
        except (ValueError, KeyError, TypeError):
            # Damaged: auditing goes on (`audit verify` shows the break), chained to the damaged text.
            log.warning("the last line of the audit trail %s is damaged; new entries follow it", self.path)
            return count, hashlib.sha256(last.encode("utf-8")).hexdigest()

    def append(self, record: AuditRecord) -> None:
        with self._lock:
            seq = self._seq + 1
            data = record.to_json()
            digest = link_hash(self._last, seq, data)
            line = json.dumps({"seq": seq, "prev": self._last, "hash": digest, "record": data},
                              ensure_ascii=False, separators=(",", ":"))
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")
                f.flush()
                os.fsync(f.fileno())
            self._seq, self._last = seq, digest

    def records(self) -> list[AuditRecord]:
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8") as f:
            return [AuditRecord.from_json(json.loads(line)["record"]) for line in f if line.strip()]

    def verify(self) -> ChainReport:
        if not self.path.exists():
            return ChainReport(0)
        with self.path.open(encoding="utf-8") as f:
            return verify_chain(f)


@dataclass(frozen=True)
class Trail:
    """What a reader of the trail sees: the records it can read and whether the chain holds."""

    entries: tuple[tuple[int, AuditRecord], ...]     # (1-based line of the file, record), in file order
    report: ChainReport
    unreadable: tuple[int, ...] = field(default=())  # lines that hold no record (damaged or edited)


def read_trail(path: Path) -> Trail:
    """Every readable record and the chain's verification, from one reading of the file.

    Unlike `AuditLog.records`, damaged content does not raise: a line that is not an entry is
    left out and named in `unreadable`, and the report says where the chain breaks, so an
    auditor still sees the rest. No file yet is an empty, intact trail. OSError still raises.
    """
    path = Path(path)
    if not path.exists():
        return Trail((), ChainReport(0))
    with path.open(encoding="utf-8", errors="replace") as f:
        lines = list(f)          # split as verify_chain and the writer do: on newlines only
    entries: list[tuple[int, AuditRecord]] = []
    unreadable: list[int] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            entries.append((number, AuditRecord.from_json(json.loads(raw)["record"])))
        except (ValueError, KeyError, TypeError, AttributeError):
            unreadable.append(number)
    return Trail(tuple(entries), verify_chain(lines), tuple(unreadable))


def audit_event(record: AuditRecord, application: str = "Huren") -> dict:
    """The record as a FHIR R4 AuditEvent (IHE BALP shapes), with the record's id."""
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
    return event


def audit_transaction(record: AuditRecord) -> dict:
    """PUT under the client-made id: sending it twice leaves one AuditEvent."""
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [{"resource": audit_event(record), "request": {"method": "PUT", "url": f"AuditEvent/{record.id}"}}]}
