"""The order dialog's decision table: each item with a recognizable prior result, and what to do.

A doctor must read the reason they send before sending it, on the commonest outpatient screen
(1366×768) and in every language. So the reason column is never narrower than the longest
reason in the current language (measured with the font in use, never a fixed number of pixels);
the free text sits under the reason, in the same cell, and gets whatever width is left over.
The prior result and where it came from take short lines; the item's name and its source wrap
when the screen is narrow.

The prior result reads as in the chart: in the chart's unit with "converted from …" when the
hospital wrote another, the hospital's flag as the chart's arrow and colour, and the range.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.repeat_orders import ItemDecision, PriorSummary, RepeatReason
from app.ui.repeat_reason_text import reason_name
from app.ui.result_flags import flag_colour, flag_symbol


@dataclass(frozen=True)
class RowEditors:
    """The editors in one row (its cell widgets), kept with their types."""

    choice: QComboBox   # recognize / repeat
    reason: QComboBox   # the coded reason for a repeat
    note: QLineEdit     # the doctor's own words, under the reason


class DecisionTable(QTableWidget):
    ITEM, PRIOR, SOURCE, FEE, CHOICE, REASON = range(6)

    #: A row's editors changed (its choice, reason or note): the dialog reads them back.
    edited = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("decisionTable")
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # nothing to select: the row's editors take the focus
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # Widths are measured and shared out here (fit_columns, _share_width), not by Qt's modes.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._decisions: list[ItemDecision] = []
        self._editors: list[RowEditors] = []
        self._needed: dict[int, int] = {}   # column -> the width its content asks for

    # --- filling ---------------------------------------------------------------------------

    def show_decisions(self, decisions: Sequence[ItemDecision]) -> None:
        """One row per decision, its editors set to recognize; `retranslate` then puts the words in."""
        self._decisions = list(decisions)
        self._editors = []
        self.setRowCount(len(self._decisions))
        for row, d in enumerate(self._decisions):
            choice = QComboBox()
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            choice.addItems(["", ""])
            choice.currentIndexChanged.connect(lambda i, r=row: self._choose(r, i == 1))
            top = QWidget()   # level with the reason beside it, not stretched to the row's height
            top_layout = QVBoxLayout(top)
            top_layout.setContentsMargins(2, 2, 2, 2)
            top_layout.addWidget(choice)
            top_layout.addStretch(1)
            reason = QComboBox()
            reason.setObjectName("repeatReason")
            # Its size hint follows the longest reason, in whatever language is shown now.
            reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            reason.addItem("", None)
            for r in RepeatReason:
                reason.addItem("", r)
            reason.setEnabled(False)
            reason.currentIndexChanged.connect(lambda _i, r=row: self.edited.emit(r))
            note = QLineEdit()
            note.setEnabled(False)
            note.textChanged.connect(lambda _t, r=row: self.edited.emit(r))
            cell = QWidget()
            stack = QVBoxLayout(cell)
            stack.setContentsMargins(2, 2, 2, 2)
            stack.setSpacing(2)
            stack.addWidget(reason)
            stack.addWidget(note)
            prior = QLabel()
            prior.setObjectName("priorResult")
            prior.setTextFormat(Qt.TextFormat.RichText)
            prior.setContentsMargins(4, 2, 4, 2)
            fee = QTableWidgetItem(f"¥{d.fee_yuan:.2f}")
            fee.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, self.FEE, fee)
            self.setCellWidget(row, self.PRIOR, prior)
            self.setCellWidget(row, self.CHOICE, top)
            self.setCellWidget(row, self.REASON, cell)
            self._editors.append(RowEditors(choice, reason, note))

    def editors(self, row: int) -> RowEditors:
        return self._editors[row]

    def _choose(self, row: int, repeat: bool) -> None:
        w = self._editors[row]
        w.reason.setEnabled(repeat)
        w.note.setEnabled(repeat)
        self.edited.emit(row)

    # --- words ------------------------------------------------------------------------------

    def retranslate(self, names: Mapping[str, str]) -> None:
        """Every word in the table in the current language, then the columns fitted to them.

        `names`: item code -> the item's name in that language.
        """
        self.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Prior result"), self.tr("Result from"), self.tr("Fee"),
            self.tr("Decision"), self.tr("Reason for repeat")])
        for row, d in enumerate(self._decisions):
            self.setItem(row, self.ITEM, QTableWidgetItem(names.get(d.item_code, d.item_name or d.item_code)))
            self.setItem(row, self.SOURCE, QTableWidgetItem(self._source_text(d.prior)))
            label = self.cellWidget(row, self.PRIOR)
            if isinstance(label, QLabel):
                label.setText(self.prior_html(d.prior))
            w = self._editors[row]
            w.choice.setItemText(0, self.tr("Recognize prior result"))
            w.choice.setItemText(1, self.tr("Repeat"))
            w.reason.setItemText(0, self.tr("— choose a reason —"))
            for i in range(1, w.reason.count()):
                w.reason.setItemText(i, reason_name(w.reason.itemData(i)))
            w.note.setPlaceholderText(self.tr("Free text (required for 'Other')"))
        self.fit_columns()

    def prior_html(self, p: PriorSummary | None) -> str:
        """The prior result as the chart shows it: value and flag, range, and any conversion."""
        if p is None:
            return ""
        if not p.value:   # a report that came only as its printed page: the value is on the page
            return f"<i>{html.escape(self.tr('printed report (value on the page)'))}</i>"
        value = html.escape(" ".join(x for x in (p.value, p.unit, flag_symbol(p.flag)) if x))
        lines = [f'<b style="color:{flag_colour(p.flag).name()}">{value}</b>' if p.abnormal else value]
        grey = '<span style="color:#4a4f57">{}</span>'
        if p.reference_range:
            lines.append(grey.format(html.escape(self.tr("reference range {range}").format(range=p.reference_range))))
        if p.converted_from:
            lines.append(grey.format(html.escape(self.tr("converted from {written}").format(
                written=p.converted_from))))
        return "<br/>".join(lines)

    def _source_text(self, p: PriorSummary | None) -> str:
        """Where and when the prior result was made, its mark, and its age against the window."""
        if p is None:
            return ""
        when = " · ".join(x for x in (p.date, p.mark) if x)
        age = self.tr("{age} days old, window {window} days").format(age=p.age_days, window=p.window_days)
        return "\n".join(x for x in (p.hospital, when, age) if x)

    # --- sizes ------------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Measure what each column's content asks for, then share the table's width out.

        The reason column is the one that must never be short: a reason cut to "— 请…" cannot
        be checked before it is sent. An item's name gets at most about twelve characters'
        width and wraps beyond it.
        """
        header = self.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("钾")
        self._needed = {col: max(self.sizeHintForColumn(col), header.sectionSizeHint(col))
                        for col in range(self.columnCount())}
        self._needed[self.ITEM] = min(self._needed[self.ITEM], 12 * em)
        self._share_width()

    def _share_width(self) -> None:
        """Item, prior, fee and decision get what they need, the reason at least its need; the
        source what it needs of the rest (down to ten characters, then it wraps); anything
        left widens the reason and its note. Below that a scroll bar appears, nothing is cut."""
        if not self._needed:
            return
        header = self.horizontalHeader()
        bar = self.verticalScrollBar()
        # Counted as if the scroll bar were there, so that its coming does not squeeze a reason.
        available = self.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())
        for col in (self.ITEM, self.PRIOR, self.FEE, self.CHOICE):
            header.resizeSection(col, self._needed[col])
        left = available - sum(self._needed[c] for c in (self.ITEM, self.PRIOR, self.FEE, self.CHOICE, self.REASON))
        wanted = self._needed[self.SOURCE]
        source = max(min(wanted, 10 * self.fontMetrics().horizontalAdvance("钾")), min(wanted, left))
        header.resizeSection(self.SOURCE, source)
        header.resizeSection(self.REASON, self._needed[self.REASON] + max(0, left - source))
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._share_width()
