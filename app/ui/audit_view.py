"""The audit view: who looked at whom, for the site's administrator, and whether the trail holds.

It reads the local trail (app/services/audit.py `check_trail`, with the keyring's audit key)
and shows its verification at the top (app/domain/audit_chain.py: chain, MACs and the anchor
beside the trail): green when intact (saying so when it is not keyed), red with the line where
it breaks or what does not match its anchor. A damaged line does not stop the view; it is
named and the rest is listed. Filters narrow the table at once (`AuditFilter`, audit_models.py); Refresh reads the
file again; Export CSV writes the lines shown (`export_csv`).

The file is local and read on the UI thread: a year's trail of one workstation is read and
verified well within a click's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audit import AuditAction
from app.domain.audit_chain import ChainReport
from app.domain.staff import StaffMember
from app.services.audit import Trail, check_trail
from app.services.dashboard_export import write_csv
from app.ui.audit_models import AuditFilter, AuditTableModel, action_name, newest_first, user_text
from app.ui.qt_dates import python_date

ALL = None   # the combo boxes' entry for "no limit"
_GREEN, _RED = "#2e7d32", "#c62828"


def export_csv(rows: Sequence[Sequence[str]], path: Path) -> Path:
    """The table as CSV, its first row the header: UTF-8 with a byte-order mark, for Excel."""
    return write_csv(Path(path), rows[0] if rows else (), rows[1:])


class AuditView(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None, *, staff: Iterable[StaffMember] = ()) -> None:
        """`staff` (optional) names the users; without it a user shows as their practitioner id."""
        super().__init__(parent)
        self.setObjectName("auditView")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.path = Path(path)
        self.names = {m.practitioner_id: m.name for m in staff}
        self.trail = Trail((), ChainReport(0))   # what refresh() read
        self.read_error = ""                      # why the file could not be read, if it could not
        self._dates_follow_entries = True

        self.chain_status = QLabel()
        self.chain_status.setObjectName("auditChainStatus")
        self.chain_status.setWordWrap(True)
        self.chain_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.action_label, self.user_label, self.from_label, self.to_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.action_box = QComboBox()
        self.action_box.setObjectName("auditAction")
        self.action_box.addItem("", ALL)
        for action in AuditAction:
            self.action_box.addItem("", action)
        self.user_box = QComboBox()
        self.user_box.setObjectName("auditUser")
        self.user_box.setMinimumWidth(200)
        self.user_box.addItem("", ALL)
        self.from_edit, self.to_edit = self._date_edit("auditFrom"), self._date_edit("auditTo")
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("auditText")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(220)
        filters = QHBoxLayout()
        for w in (self.action_label, self.action_box, self.user_label, self.user_box, self.from_label,
                  self.from_edit, self.to_label, self.to_edit, self.text_edit):
            filters.addWidget(w)
        filters.addStretch(1)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditTableModel.WHAT, QHeaderView.ResizeMode.Stretch)   # the longest texts

        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.refresh_button, self.export_button = QPushButton(), QPushButton()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.chain_status)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.action_box.currentIndexChanged.connect(self._apply)
        self.user_box.currentIndexChanged.connect(self._apply)
        self.from_edit.dateChanged.connect(self._on_date_chosen)
        self.to_edit.dateChanged.connect(self._on_date_chosen)
        self.text_edit.textChanged.connect(self._apply)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._ask_csv)
        self.retranslateUi()
        self.resize(1100, 700)
        self.refresh()

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # --- words ---------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        self.action_label.setText(self.tr("Action"))
        self.user_label.setText(self.tr("User"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.text_edit.setPlaceholderText(self.tr("Patient, record or detail"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.action_box.setItemText(0, self.tr("All actions"))
        for i in range(1, self.action_box.count()):
            self.action_box.setItemText(i, action_name(self.action_box.itemData(i)))
        self.user_box.setItemText(0, self.tr("All users"))
        self._name_users()
        self.model.set_headers([self.tr("Time"), self.tr("Action"), self.tr("User"), self.tr("Patient"),
                                self.tr("What"), self.tr("Outcome")])
        self.model.retranslate()
        self._show_chain()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # --- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read and verify the file again; the filters stay as they are."""
        self.message.clear()
        try:
            self.trail, self.read_error = check_trail(self.path), ""
        except OSError as e:
            self.trail, self.read_error = Trail((), ChainReport(0)), str(e)
        self._fill_users()
        self._fit_dates()
        self._show_chain()
        self._apply()

    def _fill_users(self) -> None:
        current = self.user_box.currentData()
        users = {r.user_id: r for _, r in self.trail.entries}
        self.user_box.blockSignals(True)
        while self.user_box.count() > 1:
            self.user_box.removeItem(1)
        for user_id in sorted(users, key=lambda u: user_text(users[u], self.names)):
            self.user_box.addItem("", user_id)
        self._name_users()
        index = self.user_box.findData(current)
        self.user_box.setCurrentIndex(max(index, 0))
        self.user_box.blockSignals(False)

    def _name_users(self) -> None:
        users = {r.user_id: r for _, r in self.trail.entries}
        for i in range(1, self.user_box.count()):
            record = users.get(self.user_box.itemData(i))
            if record is not None:
                self.user_box.setItemText(i, user_text(record, self.names))

    def _fit_dates(self) -> None:
        """Until the user picks dates, the range spans every entry (and today)."""
        if not self._dates_follow_entries:
            return
        days = [r.when.astimezone().date() for _, r in self.trail.entries]
        today = date.today()
        start, end = min(days, default=today), max([*days, today])
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _on_date_chosen(self) -> None:
        self._dates_follow_entries = False
        self._apply()

    # --- showing -------------------------------------------------------------------------------

    def selection(self) -> AuditFilter:
        return AuditFilter(action=self.action_box.currentData(), user_id=self.user_box.currentData(),
                           start=python_date(self.from_edit.date()), end=python_date(self.to_edit.date()),
                           text=self.text_edit.text())

    def _apply(self) -> None:
        which = self.selection()
        self.model.set_records([r for r in newest_first(self.trail.entries) if which.matches(r)], self.names)
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{shown} of {total} entries").format(
            shown=self.model.rowCount(), total=len(self.trail.entries)))

    def _show_chain(self) -> None:
        report = self.trail.report
        if self.read_error:
            text = self.tr("The audit trail could not be read: {error}").format(error=self.read_error)
            colour = _RED
        elif report.problems:
            problem = report.problems[0]      # the first break; what its anchor says follows it
            text = self.tr("The audit trail is broken at line {line}: {reason}").format(
                line=problem.line or "–", reason="; ".join(p.reason for p in report.problems[:3]))
            colour = _RED
        elif report.unchecked:
            text = self.tr("The audit trail could not be read: {error}").format(error=report.unchecked)
            colour = _RED
        elif not self.path.exists():
            text = self.tr("No audit trail yet at {path}.").format(path=self.path)
            colour = _GREEN
        else:
            text = self.tr("The audit trail is intact: {n} entries verified.").format(n=report.entries)
            if report.notes:      # not keyed, no anchor yet: intact as far as can be told
                text += " " + "; ".join(report.notes)
            colour = _GREEN
        if self.trail.unreadable:
            text += " " + self.tr("Lines that are not audit entries, not listed: {lines}.").format(
                lines=", ".join(str(n) for n in self.trail.unreadable[:10]) + (
                    ", …" if len(self.trail.unreadable) > 10 else ""))
        self.chain_status.setText(text)
        self.chain_status.setStyleSheet(f"font-weight: 600; color: {colour};")

    # --- export --------------------------------------------------------------------------------

    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), str(Path.home() / "huren-audit.csv"),
                                              "CSV (*.csv)")
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> bool:
        """The lines shown, as CSV at `path`; the outcome is told below the table."""
        try:
            export_csv(self.model.table(), path)
        except OSError as e:
            self.message.setText(self.tr("Export failed: {error}").format(error=e))
            return False
        self.message.setText(self.tr("{n} entries written to {path}").format(n=self.model.rowCount(), path=path))
        return True
