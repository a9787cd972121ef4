"""The audit view's table: one line per audit record, newest first, and the filter over them.

A line shows exactly `AuditTableModel.cells(record)`, the strings "Export CSV" writes, so what
the administrator reads and what the file holds cannot differ. The filter is plain Python
(`AuditFilter.matches`), tested without a widget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from app.domain.audit import AuditAction, AuditRecord
from app.domain.staff import Role
from app.ui.role_text import role_name
from app.ui.table_model import HeaderedTableModel, Index

#: The record behind a line (for tests and for the view's own use).
RecordRole = Qt.ItemDataRole.UserRole + 1


def action_name(action: AuditAction) -> str:
    # Spelled out in full (no alias for translate): pyside6-lupdate finds only these calls.
    return {
        AuditAction.PATIENT_QUERY: QCoreApplication.translate("AuditAction", "Patient search"),
        AuditAction.PATIENT_READ: QCoreApplication.translate("AuditAction", "Chart opened"),
        AuditAction.REPORT_READ: QCoreApplication.translate("AuditAction", "Lab report viewed"),
        AuditAction.STUDY_READ: QCoreApplication.translate("AuditAction", "Imaging study opened"),
        AuditAction.ORDER_DECISION: QCoreApplication.translate("AuditAction", "Order decision"),
        AuditAction.CONSENT: QCoreApplication.translate("AuditAction", "Consent recorded"),
        AuditAction.RECOGNITION_REVOKED: QCoreApplication.translate("AuditAction", "Recognition revoked"),
        AuditAction.REMINDER_SHOWN: QCoreApplication.translate("AuditAction", "Reminder shown"),
        AuditAction.SIGN_IN: QCoreApplication.translate("AuditAction", "Sign-in"),
        AuditAction.SIGN_OUT: QCoreApplication.translate("AuditAction", "Sign-out"),
        AuditAction.LOCK: QCoreApplication.translate("AuditAction", "Screen locked"),
        AuditAction.UNLOCK: QCoreApplication.translate("AuditAction", "Screen unlocked"),
    }[action]


def outcome_text(code: str) -> str:
    """FHIR AuditEvent outcome in words; success ("0") needs none."""
    if code in ("", "0"):
        return ""
    words = {
        "4": QCoreApplication.translate("AuditTrail", "Minor failure"),
        "8": QCoreApplication.translate("AuditTrail", "Serious failure"),
        "12": QCoreApplication.translate("AuditTrail", "Major failure"),
    }
    return words.get(code, code)


def user_text(record: AuditRecord, names: Mapping[str, str]) -> str:
    """Name (or practitioner id when the name is not known) and role in words."""
    if not record.user_id:
        return QCoreApplication.translate("AuditTrail", "(nobody signed in)")
    who = names.get(record.user_id) or str(record.user_id)
    try:
        role = role_name(Role(record.user_role))
    except ValueError:
        role = str(record.user_role)          # a role this version does not know: its code
    return f"{who} · {role}" if role else who


def what_text(record: AuditRecord) -> str:
    return " · ".join(str(part) for part in (record.entity, record.detail) if part)


def local_time(record: AuditRecord) -> str:
    return record.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class AuditFilter:
    """What the administrator narrowed the trail to; None or "" means no limit."""

    action: AuditAction | None = None
    user_id: str | None = None        # "" picks the records made before anyone signed in
    start: date | None = None         # local dates, both ends included
    end: date | None = None
    text: str = ""                    # in the patient, the entity or the detail, any case

    def matches(self, record: AuditRecord) -> bool:
        if self.action is not None and record.action is not self.action:
            return False
        if self.user_id is not None and record.user_id != self.user_id:
            return False
        day = record.when.astimezone().date()
        if (self.start is not None and day < self.start) or (self.end is not None and day > self.end):
            return False
        needle = self.text.strip().casefold()
        return not needle or any(needle in str(part).casefold()
                                 for part in (record.patient, record.entity, record.detail))


def newest_first(records: Iterable[tuple[int, AuditRecord]]) -> list[AuditRecord]:
    """By time, newest first; records of the same instant in reverse file order."""
    return [r for _, r in sorted(records, key=lambda e: (e[1].when.astimezone(), e[0]), reverse=True)]


class AuditTableModel(HeaderedTableModel):
    TIME, ACTION, USER, PATIENT, WHAT, OUTCOME = range(6)
    _rows: list[AuditRecord]

    def __init__(self, parent: Any = None) -> None:
        super().__init__([""] * 6, parent)
        self._names: dict[str, str] = {}

    @property
    def records(self) -> list[AuditRecord]:
        return list(self._rows)

    def set_records(self, records: Sequence[AuditRecord], names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._names = list(records), dict(names)
        self.endResetModel()

    def retranslate(self) -> None:
        """The words in the cells (actions, roles, outcomes) follow the language."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1),
                                  [Qt.ItemDataRole.DisplayRole])

    def cells(self, record: AuditRecord) -> list[str]:
        return [local_time(record), action_name(record.action), user_text(record, self._names),
                str(record.patient), what_text(record), outcome_text(str(record.outcome))]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(record)[index.column()]
        if role == RecordRole:
            return record
        return None

    def table(self) -> list[list[str]]:
        """The header and every line as shown: what "Export CSV" writes."""
        return [list(self._headers)] + [self.cells(r) for r in self._rows]
