"""Recording who looked at what: the local chained trail first, then the platform via the outbox.

`Auditor.record` never raises into the caller's work: a clinician's look at a chart is not
stopped by a full disk; the failure is logged loudly instead (and `huren check` reports
the data dir).
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.config import paths
from app.domain.audit import AuditAction, AuditRecord
from app.domain.staff import StaffMember
from app.platform.audit_log import AUDIT_FILE, AuditLog, audit_transaction
from app.platform.outbox import Outbox

log = logging.getLogger("huren.audit")


def default_log_path() -> Path:
    return paths().data / AUDIT_FILE


class Auditor:
    def __init__(self, outbox: Outbox | None, path: Path | None = None, *, source: str = "",
                 timezone: str = "Asia/Shanghai") -> None:
        self.outbox = outbox
        self.log = AuditLog(path or default_log_path())
        self.source = source
        self.tz = ZoneInfo(timezone)

    def record(self, action: AuditAction, user: StaffMember | None, *, patient: str = "", entity: str = "",
               detail: str = "", outcome: str = "0") -> AuditRecord | None:
        entry = AuditRecord(
            id=str(uuid.uuid4()), when=datetime.now(self.tz), action=action,
            user_id=user.practitioner_id if user else "", user_role=user.role.value if user else "",
            organization_id=user.organization_id if user else "", patient=patient, entity=entity, detail=detail,
            outcome=outcome)
        try:
            self.log.append(entry)
            if self.outbox is not None:
                # To the platform that holds the patient's record, else to the home platform.
                source = patient.partition(":")[0] if patient else self.source
                kind = f"audit@{source}" if source else "audit"
                self.outbox.add(kind, audit_transaction(entry), entry_id=f"audit/{entry.id}")
        except (OSError, sqlite3.Error) as e:
            log.error("an audit record could not be written: %s", e)
            return None
        return entry
