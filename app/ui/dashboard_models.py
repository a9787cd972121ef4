"""Item models of the recognition dashboard's tables: one line per department, doctor or item.

A line shows exactly `Row.cells()`, the strings the CSV export writes, so what the user reads
and what the file holds cannot differ. Numbers sort as numbers (SortRole).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.recognition_stats import Row

Index = QModelIndex | QPersistentModelIndex
#: The value a column sorts by: numbers for the figures, text for the labels.
SortRole = Qt.ItemDataRole.UserRole + 1


class RowTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_headers(self, headers: Sequence[str]) -> None:
        if len(headers) != len(self._headers):   # other columns: the views must start over
            self.beginResetModel()
            self._headers = list(headers)
            self.endResetModel()
            return
        self._headers = list(headers)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        cells = row.cells()
        if index.column() >= len(cells):
            return None
        figures = len(cells) - 4   # the last four columns: recognized, repeated, rate, fees saved
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= figures:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SortRole:
            if index.column() < figures:
                return cells[index.column()]
            t = row.tally
            return (t.recognized, t.repeated, -1.0 if t.rate is None else t.rate,
                    t.fees_saved_fen)[index.column() - figures]
        return None

    def table(self) -> list[list[str]]:
        """The header and every line as shown: what "Export CSV" writes for this table."""
        return [list(self._headers)] + [list(r.cells()) for r in self._rows]
