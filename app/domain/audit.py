"""What the audit trail records.

Every patient search and every look at a patient's records is recorded, with who did it.
Records are kept locally as a keyed, anchored chain (app/domain/audit_chain.py), so that
changing, deleting or cutting off entries shows, and `verify` says where.

A record names patients by reference (`source:id`) and search terms only masked: the local
trail proves who looked at whom without itself becoming a copy of patient data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import Enum
from typing import Any


class AuditAction(Enum):
    PATIENT_QUERY = "patient-query"        # IHE BALP PatientQuery
    PATIENT_READ = "patient-read"          # a patient's chart opened (BALP PatientRead)
    REPORT_READ = "report-read"            # a lab report viewed
    STUDY_READ = "study-read"              # an imaging study opened
    ORDER_DECISION = "order-decision"      # recognize / repeat decided
    CONSENT = "consent"                    # consent or refusal recorded
    RECOGNITION_REVOKED = "recognition-revoked"   # a recognition undone by its doctor, with a reason
    REMINDER_SHOWN = "reminder-shown"      # recognizable results put before the doctor on chart open
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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["when"] = self.when.isoformat()
        data["action"] = self.action.value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AuditRecord:
        return cls(**{**data, "when": datetime.fromisoformat(data["when"]), "action": AuditAction(data["action"])})


def canonical(data: Mapping[str, Any]) -> str:
    """One byte-exact text per record: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def mask_term(text: str) -> str:
    """A search term as the trail keeps it: enough to recognise, not enough to read."""
    text = text.strip()
    if len(text) >= 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) <= 1:
        return "*"
    return text[0] + "*" * (len(text) - 1)
