"""The dashboard's Funnel tab: from a recognizable prior result to what became of it.

A quality manager reads here how many visits had recognizable priors, in how many the doctor
was reminded and opened the prior, and what became of each item decided (recognized, repeated
with reason, overlooked, revoked); then the same figures by department, doctor, item, issuing
hospital or period. Every figure comes from app/domain/recognition_funnel.py through
`summarize_funnel` (the view computes it, this panel only shows it), and the table shows the
same cells the CSV export writes, so screen, files and records agree.

Reminders and openings are the platform's AuditEvents, which a platform may keep from a
workstation. The figures they feed are then not known: they show "—", never a number known
to be short, and a note names the source and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QFontMetrics,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.recognition_funnel import FunnelSummary, FunnelTally
from app.services.dashboard_export import ExportNames, funnel_stage_rows
from app.services.lookup import SourceOutcome
from app.ui.dashboard_models import AUDIT_FED_CELLS, FunnelTableModel, SortRole
from app.ui.funnel_chart import (
    OVERLOOKED_COLOUR,
    PALE_INK,
    RECOGNIZED_COLOUR,
    REPEATED_COLOUR,
    REVOKED_COLOUR,
    FunnelChart,
    Part,
    Stage,
)
from app.ui.source_status_view import gap_texts

#: What a figure shows when the records it counts are missing.
UNKNOWN = "—"
_HEADER_SLACK = 12   # a header section's margins beyond its text


def two_lines(metrics: QFontMetrics, text: str, width: int) -> str:
    """A header wider than `width` broken into two lines as even as can be (at a space; text
    without spaces, such as Chinese, in the middle): the table's many figures then fit its width."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    if len(words) > 1:
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    elif len(text) > 4 and any(ord(c) >= 0x2E80 for c in text):   # Chinese: between two characters, before 的 if any
        at = [i for i in range(1, len(text)) if text[i] == "的"] or range(1, len(text))
        splits = [(text[:i], text[i:]) for i in at]
    else:                                      # one word of a spaced language stays whole
        return text
    first, second = min(splits, key=lambda s: max(metrics.horizontalAdvance(s[0]), metrics.horizontalAdvance(s[1])))
    return f"{first}\n{second}"


class RatesBy(Enum):
    """What the table's lines are."""

    DEPARTMENT = "department"
    DOCTOR = "doctor"
    ITEM = "item"
    ISSUER = "issuer"
    OVER_TIME = "over-time"


class FunnelPanel(QWidget):
    """The Funnel tab: the chart, repeats by verdict, and one table of rates by what the user picks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("funnelPanel")
        self.summary: FunnelSummary | None = None
        self._names = ExportNames()
        self._missing: tuple[SourceOutcome, ...] = ()

        self.chart = FunnelChart()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {PALE_INK};")
        self.verdicts = QLabel()
        self.verdicts.setObjectName("funnelVerdicts")
        self.note = QLabel()
        self.note.setObjectName("funnelNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b45309;")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for w in (self.chart, self.hint):
            column.addWidget(w)
        column.addStretch(1)

        self.rates_label = QLabel()
        self.rates_box = QComboBox()
        self.rates_box.setObjectName("funnelRatesBy")
        for by in RatesBy:
            self.rates_box.addItem("", by)
        self.rates_label.setBuddy(self.rates_box)
        self.model = FunnelTableModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SortRole)
        self.view = QTableView()
        self.view.setObjectName("funnelTable")
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)   # the domain's order (most visits first)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.installEventFilter(self)
        right = QWidget()
        table_column = QVBoxLayout(right)
        table_column.setContentsMargins(0, 0, 0, 0)
        picker = QHBoxLayout()
        picker.addWidget(self.rates_label)
        picker.addWidget(self.rates_box)
        picker.addStretch(1)
        picker.addWidget(self.verdicts)
        table_column.addWidget(self.note)   # above the figures, next to the funnel: the table gives up the room
        table_column.addLayout(picker)
        table_column.addWidget(self.view, 1)

        columns = QHBoxLayout()   # the chart as wide as its texts need, the table the rest
        columns.addWidget(left, 0)
        columns.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(columns, 1)

        self.rates_box.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.retranslateUi()

    # --- words -----------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self.rates_label.setText(self.tr("Rates by"))
        words = {RatesBy.DEPARTMENT: self.tr("Department"), RatesBy.DOCTOR: self.tr("Doctor"),
                 RatesBy.ITEM: self.tr("Item"), RatesBy.ISSUER: self.tr("Issuing hospital"),
                 RatesBy.OVER_TIME: self.tr("Over time")}
        for i in range(self.rates_box.count()):
            self.rates_box.setItemText(i, words[self.rates_box.itemData(i)])
        self.hint.setText(self.tr("%: of the stage above; outcomes: of the items decided"))
        self.model.set_unknown_label(self.tr("(not known)"))
        if self.summary is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # --- showing ---------------------------------------------------------------------------------

    def set_summary(self, summary: FunnelSummary, names: ExportNames,
                    missing: Sequence[SourceOutcome] = ()) -> None:
        """Show `summary`; `missing`: the sources whose reminders or openings are not in it (their figures: —)."""
        self.summary, self._names, self._missing = summary, names, tuple(missing)
        self._show()

    @property
    def complete(self) -> bool:
        """Every source gave its reminders and openings: the figures they feed are known."""
        return not self._missing

    def rates_by(self) -> RatesBy:
        return self.rates_box.currentData()

    def set_rates_by(self, by: RatesBy) -> None:
        self.rates_box.setCurrentIndex(self.rates_box.findData(by))

    def _show(self) -> None:
        assert self.summary is not None
        t, names = self.summary.totals, self._names
        rows = funnel_stage_rows(t, names)   # the stages as the CSV file `funnel` holds them
        stages = [Stage(self._line(name, count, share), int(count)) for name, count, share in rows[:3]]
        parts = [Part(name, self._figures(count, share), int(count), colour)
                 for (name, count, share), colour in zip(rows[3:], (RECOGNIZED_COLOUR, REPEATED_COLOUR,
                                                                     OVERLOOKED_COLOUR, REVOKED_COLOUR), strict=True)]
        if not self.complete:   # fed by the missing AuditEvents: the visits' stages, and repeats looked at or not
            stages = [Stage(self._line(name, UNKNOWN, ""), None) for name, _count, _share in rows[:3]]
            for i in (1, 2):
                name = rows[3 + i][0]
                parts[i] = Part(name, UNKNOWN, None, parts[i].colour)
        self.chart.set_data(stages, self.tr("Items decided: {n}").format(n=t.decided), t.decided, parts)
        v = self.summary.verdicts
        known = (v.reasonable, v.unreasonable, v.not_reviewed) if self.complete else (UNKNOWN,) * 3
        counts = " · ".join(f"{word} {n}".replace(" ", "\u00a0")   # a word and its count on one line
                            for word, n in zip(names.verdict_words, known, strict=True))
        self.verdicts.setText(self.tr("Repeats by verdict: {counts}").format(counts=counts))
        self.note.setText(self._note_text())
        self.note.setVisible(bool(self._missing))
        self._fill_table()

    @staticmethod
    def _figures(count: str, share: str) -> str:
        return f"{count} · {share}" if share else count

    @classmethod
    def _line(cls, name: str, count: str, share: str) -> str:
        return f"{name} {cls._figures(count, share)}"

    def _note_text(self) -> str:
        lines = []
        for o in self._missing:
            why = "; ".join(gap_texts(o)) if o.answered else o.message
            lines.append(self.tr("Reminders and openings from {source} are missing ({why}).").format(
                source=o.label, why=why))
        if lines:
            lines.append(self.tr("The figures they feed show {unknown}: the visits' stages, and whether a "
                                 "repeat's prior was opened (repeated with reason or overlooked).").format(
                unknown=UNKNOWN))
        return " ".join(lines)

    def _fill_table(self) -> None:
        if self.summary is None:
            return
        headers, rows = self._lines(self.rates_by())
        self.model.set_headers(headers)
        self.model.set_rows(rows, () if self.complete else AUDIT_FED_CELLS)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest cell or its header; while the table is wider than its
        room, the headers that gain most go onto two lines (all nine figures in sight if they can be)."""
        headers = self.model.headers
        metrics = self.view.horizontalHeader().fontMetrics()

        def width(header: str, column: int) -> int:
            lines = max(metrics.horizontalAdvance(line) for line in header.split("\n"))
            return max(lines + _HEADER_SLACK, content[column])

        content = [self.view.sizeHintForColumn(c) for c in range(len(headers))]
        shown = list(headers)
        widths = [width(h, c) for c, h in enumerate(headers)]
        # The view's own width (its viewport follows only after this), less the scroll bar the lines will need.
        tall = self.model.rowCount() * self.view.verticalHeader().defaultSectionSize() + \
            self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth() > self.view.height()
        bar = self.view.verticalScrollBar().sizeHint().width() if tall else 0
        room = self.view.width() - 2 * self.view.frameWidth() - bar
        for column in sorted(range(len(headers)), key=lambda c: content[c] - widths[c]):   # most to gain first
            if sum(widths) <= room or widths[column] <= content[column]:
                break
            shown[column] = two_lines(metrics, headers[column], 0)
            widths[column] = width(shown[column], column)
        self.model.set_headers(headers, shown)
        for column, w in enumerate(widths):
            self.view.setColumnWidth(column, w)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.view and event.type() == QEvent.Type.Resize and self.summary is not None:
            self._fit_columns()   # the room the columns have changed
        return super().eventFilter(watched, event)

    def _lines(self, by: RatesBy) -> tuple[tuple[str, ...], list[tuple[tuple[str, ...], FunnelTally]]]:
        """The table's headers and lines, as the CSV files `funnel-{departments,…}` hold them."""
        assert self.summary is not None
        s, names = self.summary, self._names
        figures = names.funnel_figures
        if by is RatesBy.OVER_TIME:
            return (names.over_time[0], *figures), [((start.isoformat(),), t) for start, t in s.over_time]
        labels, rows = {
            RatesBy.DEPARTMENT: (names.departments[:2], s.departments),
            RatesBy.DOCTOR: (names.doctors[:3], s.doctors),
            RatesBy.ITEM: (names.items[:2], s.items),
            RatesBy.ISSUER: ((names.funnel_records[8],), s.issuers),
        }[by]
        return (*labels, *figures), [(r.labels, r.tally) for r in rows]

    # --- what is shown (tests) -------------------------------------------------------------------

    def stage_texts(self) -> list[str]:
        """The funnel's texts: the three stages, then the four outcomes."""
        return self.chart.stage_texts() + self.chart.part_texts()

    def counts(self) -> list[int | None]:
        """What the funnel draws: patients, reminded, opened, recognized, repeated, overlooked, revoked."""
        return self.chart.counts()

    def table(self) -> list[list[str]]:
        """The header and every line of the table as shown (in the domain's order)."""
        return self.model.table()
