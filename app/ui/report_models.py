"""Item models for the report list and a report's results.

Thin adapters from the chart's assessed reports to Qt's model/view: all clinical logic
stays in the domain; here it is only arranged into columns, colours and tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.domain.models import LabResult
from app.domain.recognition import Verdict
from app.services.chart import AssessedReport
from app.ui import verdict_text
from app.ui.badge import BadgeStateRole
from app.ui.result_flags import flag_colour, flag_symbol
from app.ui.status_text import status_text

Index = QModelIndex | QPersistentModelIndex
_EMPTY = QModelIndex()


def document_icon() -> QIcon:
    """The mark of a report with a printed original: the style's file icon."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class ReportListModel(QAbstractTableModel):
    DATE, HOSPITAL, REPORT, BADGE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reports: list[AssessedReport] = []

    def set_reports(self, reports: Sequence[AssessedReport]) -> None:
        self.beginResetModel()
        self._reports = list(reports)
        self.endResetModel()

    def report(self, row: int) -> AssessedReport:
        return self._reports[row]

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt naming
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Date"), self.tr("Hospital"), self.tr("Report"), self.tr("Recognition"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._reports[index.row()]
        r, col = a.report, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return r.effective.strftime("%Y-%m-%d") if r.effective else ""
            if col == self.HOSPITAL:
                return r.hospital.name if r.hospital else self.tr("Unknown hospital")
            if col == self.REPORT:
                name = r.name if r.is_final else self.tr("{name} ({status})").format(
                    name=r.name, status=status_text(r.status))
                return self.tr("{name} · document only").format(name=name) if r.document_only else name
            return verdict_text.summary_text(a.summary)
        if role == Qt.ItemDataRole.DecorationRole and col == self.REPORT and r.documents:
            return document_icon()
        if role == BadgeStateRole and col == self.BADGE:
            return a.summary.state
        # names may be cut in a narrow list: the tooltip has them whole
        if role == Qt.ItemDataRole.ToolTipRole and col == self.HOSPITAL:
            return self.data(index)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.REPORT:
            lines = [self.data(index)]
            if r.document_only:
                lines.append(self.tr("Came only as the printed report, without structured results: "
                                     "double-click to read it"))
            elif r.documents:
                lines.append(self.tr("The printed report is available: double-click to read it beside the results"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.BADGE:
            if not a.verdicts and a.document_verdict is not None:
                return self.tr("Judged for the report as a whole (it came only as a document)") + "\n" + \
                    verdict_text.tooltip(a.document_verdict)
            s = a.summary
            return self.tr("{n} of {total} items recognized").format(n=s.recognized, total=s.total)
        return None


class ResultTableModel(QAbstractTableModel):
    ITEM, VALUE, FLAG, UNIT, RANGE, BADGE, WHY = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[LabResult, Verdict]] = []

    def set_report(self, assessed: AssessedReport | None) -> None:
        self.beginResetModel()
        self._rows = list(zip(assessed.report.results, assessed.verdicts, strict=True)) if assessed else []
        self.endResetModel()

    def row(self, row: int) -> tuple[LabResult, Verdict]:
        return self._rows[row]

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802 - Qt naming
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("Result"), self.tr("Flag"), self.tr("Unit"),
                    self.tr("Reference range"), self.tr("Recognition"), self.tr("Why"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result, verdict = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(result, verdict, col)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.VALUE, self.FLAG) and result.is_abnormal:
            return flag_colour(result.flag)
        if role == Qt.ItemDataRole.FontRole and col in (self.VALUE, self.FLAG) and result.is_abnormal:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BadgeStateRole and col == self.BADGE:
            return "all" if verdict.recognized else "none"
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.ITEM, self.BADGE, self.WHY):
            return verdict_text.tooltip(verdict)
        return None

    def _display(self, result: LabResult, verdict: Verdict, col: int) -> str:
        if col == self.ITEM:
            return result.name
        if col == self.VALUE:
            return result.display_value()
        if col == self.FLAG:
            return flag_symbol(result.flag)
        if col == self.UNIT:
            return result.unit
        if col == self.RANGE:
            return result.reference_range.display() if result.reference_range else ""
        if col == self.BADGE:
            return verdict_text.badge_text(verdict)
        return verdict_text.reason_text(verdict)
