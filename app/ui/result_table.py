"""The chosen report's results as a table that keeps its last column, why a result is or is not
recognized, readable in the room a 1366-pixel screen leaves it.

The other columns take what their contents need, but item names wrap beyond a width and, when
room is still short, the badges fold onto two lines ("Hanya sebagai / referensi"); "why" then
takes the rest, never less than a readable width, and wraps too, rows growing to hold it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from app.ui.badge import wrapped_width
from app.ui.report_models import ResultTableModel

#: In average characters: the narrowest the "why" column may be, and the widest the item names.
WHY_MIN_CHARS = 15
ITEM_MAX_CHARS = 18


class ResultTable(QTableView):
    def arrange(self) -> None:
        """Once its model is set (and the look it shares with the list given)."""
        self.setWordWrap(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for col in range(ResultTableModel.VALUE, ResultTableModel.BADGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._section_resized)

    def _section_resized(self, col: int, _old: int, _new: int) -> None:
        if col != ResultTableModel.WHY:
            self.fit_why()

    def fit_why(self) -> None:
        header, chars = self.horizontalHeader(), self.fontMetrics().averageCharWidth()
        item, badge, why = ResultTableModel.ITEM, ResultTableModel.BADGE, ResultTableModel.WHY
        self._set_width(item, min(self._natural(item), chars * ITEM_MAX_CHARS))
        minimum = chars * WHY_MIN_CHARS
        # the vertical scroll bar's room is always kept: rows growing never make the columns change again
        inside = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        others = sum(header.sectionSize(c) for c in range(badge))
        natural = self._natural(badge)
        short = minimum - (inside - others - natural)
        grid = 1 if self.showGrid() else 0   # a cell is a pixel narrower than its column for the grid line
        folded = max([header.sectionSizeHint(badge)] + [
            wrapped_width(self.font(), self.model().index(row, badge).data() or "") + grid
            for row in range(self.model().rowCount())])
        self._set_width(badge, natural if short <= 0 else max(folded, natural - short))
        header.resizeSection(why, max(inside - others - header.sectionSize(badge), minimum))

    def _natural(self, col: int) -> int:
        return max(self.sizeHintForColumn(col), self.horizontalHeader().sectionSizeHint(col))

    def _set_width(self, col: int, width: int) -> None:
        if self.horizontalHeader().sectionSize(col) != width:
            self.horizontalHeader().resizeSection(col, width)   # calls fit_why again, to no further change

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's signature
        super().resizeEvent(event)
        self.fit_why()
