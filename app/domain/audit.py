"""What the audit trail records, and the hash chain that makes tampering visible.

Every patient search and every look at a patient's records is recorded, with who did it.
Records are kept locally as a chain: each entry carries the SHA-256 of the one before, so
changing or deleting any entry breaks every hash after it, and `verify` says where.

A record names patients by reference (`source:id`) and search terms only masked: the local
trail proves who looked at whom without itself becoming a copy of patient data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import Enum

GENESIS = "0" * 64


class AuditAction(Enum):
    PATIENT_QUERY = "patient-query"        # IHE BALP PatientQuery
    PATIENT_READ = "patient-read"          # a patient's chart opened (BALP PatientRead)
    REPORT_READ = "report-read"            # a lab report viewed
    STUDY_READ = "study-read"              # an imaging study opened
    ORDER_DECISION = "order-decision"      # recognize / repeat decided
    CONSENT = "consent"                    # consent or refusal recorded
    SIGN_IN = "sign-in"
    SIGN_OUT = "sign-out"
    LOCK = "lock"
    UNLOCK = "unlock"


@dataclass(frozen=True)
class AuditRecord:
    id: str                          # client-made, also the AuditEvent's id on the platform
    when: datetime
    action: AuditAction
    user_id: str                     # practitioner id; "" before anyone signed in
    user_role: str
    organization_id: str
    patient: str = ""                # "source:id" of the patient concerned
    entity: str = ""                 # what was read or written: "DiagnosticReport/123", an order id, ...
    detail: str = ""                 # masked search terms, the decision, ...
    outcome: str = "0"               # FHIR AuditEvent outcome: 0 success, 4 minor failure, 8 serious failure

    def to_json(self) -> dict:
        data = asdict(self)
        data["when"] = self.when.isoformat()
        data["action"] = self.action.value
        return data

    @classmethod
    def from_json(cls, data: dict) -> AuditRecord:
        return cls(**{**data, "when": datetime.fromisoformat(data["when"]), "action": AuditAction(data["action"])})


def canonical(data: dict) -> str:
    """One byte-exact text per record: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def link_hash(previous: str, seq: int, record: dict) -> str:
    return hashlib.sha256(f"{previous}\n{seq}\n{canonical(record)}".encode()).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    line: int                        # 1-based line of the log file
    reason: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: tuple[ChainProblem, ...] = field(default=())

    @property
    def intact(self) -> bool:
        return not self.problems


def verify_chain(lines: Iterable[str]) -> ChainReport:
    """Check every link; report the first break (later hashes follow from it) and any gap."""
    previous, expected_seq, count = GENESIS, 1, 0
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        count += 1
        try:
            entry = json.loads(raw)
            seq, prev, digest, record = entry["seq"], entry["prev"], entry["hash"], entry["record"]
        except (ValueError, KeyError, TypeError):
            return ChainReport(count, (ChainProblem(number, "the line is not an audit entry (damaged or edited)"),))
        if seq != expected_seq:
            return ChainReport(count, (ChainProblem(number, f"entry {expected_seq} is missing (found {seq}): "
                                                           "entries were deleted or reordered"),))
        if prev != previous:
            return ChainReport(count, (ChainProblem(number, f"entry {seq} does not follow the one before it: "
                                                           "an earlier entry was changed or removed"),))
        if link_hash(prev, seq, record) != digest:
            return ChainReport(count, (ChainProblem(number, f"entry {seq} was changed after it was written"),))
        previous, expected_seq = digest, seq + 1
    return ChainReport(count)


def mask_term(text: str) -> str:
    """A search term as the trail keeps it: enough to recognise, not enough to read."""
    text = text.strip()
    if len(text) >= 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) <= 1:
        return "*"
    return text[0] + "*" * (len(text) - 1)
