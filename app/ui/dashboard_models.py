"""Item models of the recognition dashboard's tables: one line per department, doctor or item.

A line shows exactly `Row.cells()`, the strings the CSV export writes, so what the user reads
and what the file holds cannot differ. Numbers sort as numbers (SortRole).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from app.domain.recognition_stats import Row
from app.ui.table_model import HeaderedTableModel, Index

#: The value a column sorts by: numbers for the figures, text for the labels.
SortRole = Qt.ItemDataRole.UserRole + 1


class RowTableModel(HeaderedTableModel):
    _rows: list[Row]

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
