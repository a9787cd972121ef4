"""Item models of the recognition dashboard's tables: one line per department, doctor or item.

A line shows exactly `Row.cells()` (the funnel's: its labels and `funnel_cells`), the strings
the CSV export writes, so what the user reads and what the file holds cannot differ. Numbers
sort as numbers (SortRole).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import Qt

from app.domain.recognition_funnel import FunnelTally, funnel_cells
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


#: Positions in `funnel_cells` of the figures the AuditEvents feed (reminders and openings):
#: patients, reminded, opened, access rate, repeated with reason, overlooked.
AUDIT_FED_CELLS = frozenset({0, 1, 2, 3, 5, 6})
_NOT_KNOWN = "—"


class FunnelTableModel(HeaderedTableModel):
    """Lines of the funnel's "rates by" table: their labels, then `funnel_cells` of their tally.

    Cells whose records are missing (`unknown`, positions in `funnel_cells`) show "—"; a label
    the records leave empty shows the words for "not known" rather than a blank.
    """

    _rows: list[tuple[tuple[str, ...], FunnelTally]]

    def __init__(self, headers: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(headers, parent)
        self._unknown: frozenset[int] = frozenset()
        self._unknown_label = "?"
        self._shown_headers: list[str] | None = None

    def set_headers(self, headers: Sequence[str], shown: Sequence[str] | None = None) -> None:
        """`shown`: the headers as the table draws them (e.g. broken into lines), when not `headers`."""
        self._shown_headers = list(shown) if shown is not None else None
        super().set_headers(headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt naming
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._shown_headers is not None and orientation == Qt.Orientation.Horizontal \
                and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._shown_headers):
            return self._shown_headers[section]
        return super().headerData(section, orientation, role)

    @property
    def headers(self) -> list[str]:
        return list(self._headers)

    @property
    def rows(self) -> list[tuple[tuple[str, ...], FunnelTally]]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[tuple[Sequence[str], FunnelTally]], unknown: Collection[int] = ()) -> None:
        self.beginResetModel()
        self._rows = [(tuple(labels), t) for labels, t in rows]
        self._unknown = frozenset(unknown)
        self.endResetModel()

    def set_unknown_label(self, text: str) -> None:
        self._unknown_label = text
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def cells(self, row: int) -> list[str]:
        labels, t = self._rows[row]
        figures = [_NOT_KNOWN if i in self._unknown else c for i, c in enumerate(funnel_cells(t))]
        return [label or self._unknown_label for label in labels] + figures

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        labels, t = self._rows[index.row()]
        column = index.column()
        figure = column - len(labels)   # the position in funnel_cells; negative: a label
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self.cells(index.row())
            return cells[column] if column < len(cells) else None
        if role == Qt.ItemDataRole.ForegroundRole and figure < 0 and not labels[column]:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.TextAlignmentRole and figure >= 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SortRole:
            if figure < 0:
                return labels[column]
            if figure in self._unknown:
                return -1.0
            values = (t.patients, t.reminded, t.opened, t.access_rate, t.recognized, t.repeated, t.overlooked,
                      t.revoked, t.recognition_rate)
            value = values[figure] if figure < len(values) else None
            return -1.0 if value is None else float(value)
        return None

    def table(self) -> list[list[str]]:
        """The header and every line as shown."""
        return [list(self._headers)] + [self.cells(i) for i in range(len(self._rows))]
