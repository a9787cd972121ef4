"""Ordering lab tests with mutual recognition: pick items, then decide on each prior result.

Page one picks items and panels from the catalogue. Page two puts every item that has a
recognizable prior result beside that result: "Recognize prior result" is the default, and
"Repeat" needs a coded reason (and free text where the rules say so). The order cannot be
sent while a repeat lacks its reason. Items without a recognizable prior are listed for
information and ordered as usual.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.repeat_orders import Choice, ItemDecision, Order, OrderError, PriorSummary, Problem, RepeatReason, check
from app.services.chart import AssessedReport
from app.services.lookup import PersonMatch
from app.services.ordering.desk import initial_decisions
from app.services.ordering.plan import Orderable, OrderLine, orderables, plan, resolve, search_orderables
from app.services.workstation import Workstation
from app.ui import verdict_text
from app.ui.item_names import item_name
from app.ui.repeat_reason_text import reason_name

CodeRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _RowWidgets:
    """The editors in one row of the decision table (its cell widgets), kept with their types."""

    choice: QComboBox   # recognize / repeat
    reason: QComboBox   # the coded reason for a repeat
    note: QLineEdit     # the doctor's own words


class OrderDialog(QDialog):
    ITEM, PRIOR, DATE, HOSPITAL, MARK, AGE, FEE, CHOICE, REASON, NOTE = range(10)

    def __init__(self, station: Workstation, person: PersonMatch, reports: Sequence[AssessedReport],
                 parent: QWidget | None = None, *, incomplete: Sequence[str] = ()) -> None:
        """`incomplete`: sources whose answer is known to lack records (or has not come yet):
        "no prior result" may then be wrong, and page two says so."""
        super().__init__(parent)
        self.station, self.person, self.reports = station, person, list(reports)
        # Here once the chart is: its verdicts were made with it. Never fetched on the UI thread.
        catalogue = station.catalogue_at_hand()
        if catalogue is None:
            raise RuntimeError("an order is made on a loaded chart, whose catalogue is at hand")
        self.catalogue = catalogue
        self.incomplete = list(incomplete)
        self._item_names: dict[str, str] = {}
        self._decisions: list[ItemDecision] = []
        self._row_widgets: list[_RowWidgets] = []   # one per decision, in the table's order
        self._lines: list[OrderLine] = []
        self._order: Order | None = None
        self._checked: dict[str, Orderable] = {}
        self._all = {o.code: o for o in orderables(catalogue)}
        self.resize(1440, 640)

        # page 1: choose
        self.patient_label = QLabel()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.orderable_list = QListWidget()
        self.orderable_list.setObjectName("orderables")
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.note_label = QLabel()
        self.clinical_note = QPlainTextEdit()
        self.clinical_note.setMaximumHeight(70)
        self.check_button = QPushButton()
        self.check_button.setDefault(True)
        choose = QWidget()
        cl = QVBoxLayout(choose)
        for w in (self.search, self.orderable_list, self.chosen_label, self.note_label, self.clinical_note):
            cl.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.check_button)
        cl.addLayout(row)

        # page 2: decide
        self.decision_intro = QLabel()
        self.decision_intro.setWordWrap(True)
        self.decision_table = QTableWidget(0, 10)
        self.decision_table.setObjectName("decisionTable")
        self.decision_table.verticalHeader().hide()
        self.decision_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.decision_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.decision_table.horizontalHeader().setStretchLastSection(True)
        self.info_label = QLabel()
        self.info_label.setObjectName("noPriorInfo")
        self.info_label.setWordWrap(True)
        self.incomplete_label = QLabel()
        self.incomplete_label.setObjectName("incompletePriors")
        self.incomplete_label.setStyleSheet("color: #b45309")
        self.incomplete_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("decisionProblems")
        self.problems_label.setStyleSheet("color: #c62828")
        self.problems_label.setWordWrap(True)
        self.back_button = QPushButton()
        self.send_button = QPushButton()
        decide = QWidget()
        dl = QVBoxLayout(decide)
        dl.addWidget(self.decision_intro)
        dl.addWidget(self.decision_table, 1)
        dl.addWidget(self.info_label)
        dl.addWidget(self.incomplete_label)
        dl.addWidget(self.problems_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        dl.addLayout(buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(decide)
        layout = QVBoxLayout(self)
        layout.addWidget(self.patient_label)
        layout.addWidget(self.pages)

        self.search.textChanged.connect(self._fill_orderables)
        self.orderable_list.itemChanged.connect(self._on_checked)
        self.check_button.clicked.connect(self.check_priors)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.send_button.clicked.connect(self.send)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        p = self.person.primary
        self.setWindowTitle(self.tr("New lab order — {name}").format(name=p.name))
        self.patient_label.setText(self.tr("<b>{name}</b> &nbsp; {id}").format(
            name=html.escape(p.name), id=html.escape(p.masked_resident_id)))
        self.search.setPlaceholderText(self.tr("Search items and panels: name, code or LOINC"))
        self.note_label.setText(self.tr("Clinical notes"))
        self.check_button.setText(self.tr("Check prior results"))
        self.back_button.setText(self.tr("Back"))
        self.send_button.setText(self.tr("Send order"))
        self.decision_table.setHorizontalHeaderLabels([
            self.tr("Item"), self.tr("Prior result"), self.tr("Date"), self.tr("Hospital"), self.tr("Mark"),
            self.tr("Age / window"), self.tr("Fee"), self.tr("Decision"), self.tr("Reason for repeat"),
            self.tr("Note")])
        self._show_chosen()
        self._fill_orderables(self.search.text())
        self._render_decision_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # --- page 1 ----------------------------------------------------------------------------

    def _fill_orderables(self, text: str) -> None:
        self.orderable_list.blockSignals(True)
        self.orderable_list.clear()
        for o in search_orderables(self.catalogue, text):
            label = f"{item_name(o)}  ({o.code})"
            if o.is_panel:
                label = self.tr("Panel: {name} — {n} items").format(name=label, n=len(o.items))
            item = QListWidgetItem(label)
            item.setData(CodeRole, o.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if o.code in self._checked else Qt.CheckState.Unchecked)
            self.orderable_list.addItem(item)
        self.orderable_list.blockSignals(False)

    def _on_checked(self, item: QListWidgetItem) -> None:
        code = item.data(CodeRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked[code] = self._all[code]
        else:
            self._checked.pop(code, None)
        self._show_chosen()

    def choose(self, *codes: str) -> None:
        """Tick orderables by code (what a click on their check boxes does)."""
        for code in codes:
            self._checked[code] = self._all[code]
        self._fill_orderables(self.search.text())
        self._show_chosen()

    def _show_chosen(self) -> None:
        names = "、".join(item_name(o) for o in self._checked.values())
        self.chosen_label.setText(self.tr("Chosen: {names}").format(names=names or self.tr("nothing yet")))
        self.check_button.setEnabled(bool(self._checked))

    # --- page 2 ----------------------------------------------------------------------------

    def check_priors(self) -> None:
        items = resolve(self.catalogue, list(self._checked))
        self._lines = plan(items, self.reports)
        self._decisions = initial_decisions(self._lines)
        self._item_names = {line.item.code: item_name(line.item) for line in self._lines}
        self._fill_decisions()
        self.pages.setCurrentIndex(1)

    def _fill_decisions(self) -> None:
        t = self.decision_table
        t.setRowCount(len(self._decisions))
        self._row_widgets = []
        for row, d in enumerate(self._decisions):
            p = d.prior   # always there: a decision is made only for an item with a recognizable prior result
            cells = {self.ITEM: self._item_names.get(d.item_code, d.item_name), self.PRIOR: self._prior_text(p),
                     self.DATE: p.date if p else "", self.HOSPITAL: p.hospital if p else "",
                     self.MARK: p.mark if p else "", self.FEE: f"¥{d.fee_yuan:.2f}"}
            for col, text in cells.items():
                t.setItem(row, col, QTableWidgetItem(text))
            choice = QComboBox()
            choice.addItems(["", ""])
            choice.currentIndexChanged.connect(lambda i, r=row: self._set_choice(r, i == 1))
            reason = QComboBox()
            reason.addItem("", None)
            for r in RepeatReason:
                reason.addItem("", r)
            reason.setEnabled(False)
            reason.currentIndexChanged.connect(lambda _i, r=row: self._sync(r))
            note = QLineEdit()
            note.setEnabled(False)
            note.textChanged.connect(lambda _t, r=row: self._sync(r))
            t.setCellWidget(row, self.CHOICE, choice)
            t.setCellWidget(row, self.REASON, reason)
            t.setCellWidget(row, self.NOTE, note)
            self._row_widgets.append(_RowWidgets(choice, reason, note))
        t.setColumnWidth(self.REASON, 300)
        t.horizontalHeader().setSectionResizeMode(self.REASON, QHeaderView.ResizeMode.Interactive)
        self._render_decision_texts()

    def _prior_text(self, p: PriorSummary | None) -> str:
        if p is None:
            return ""
        if not p.value:   # a report that came only as its printed page: the value is on the page
            return self.tr("printed report (value on the page)")
        return f"{p.value} {p.unit}  [{p.reference_range}]"

    def _render_decision_texts(self) -> None:
        """The words on page two, apart from the table's cells: again on a change of language."""
        for row, w in enumerate(self._row_widgets):
            w.choice.setItemText(0, self.tr("Recognize prior result"))
            w.choice.setItemText(1, self.tr("Repeat"))
            w.reason.setItemText(0, self.tr("— choose a reason —"))
            for i in range(1, w.reason.count()):
                w.reason.setItemText(i, reason_name(w.reason.itemData(i)))
            w.note.setPlaceholderText(self.tr("Free text (required for 'Other')"))
            prior = self._decisions[row].prior
            self.decision_table.setItem(row, self.PRIOR, QTableWidgetItem(self._prior_text(prior)))
            self.decision_table.setItem(row, self.AGE, QTableWidgetItem(self.tr("{age} d / {window} d").format(
                age=prior.age_days, window=prior.window_days) if prior else ""))
        self.decision_intro.setText(self.tr(
            "These items have a result from another hospital that is recognized here. Recognize it (the "
            "patient saves the fee), or repeat the test with a reason; a repeat needs the patient's consent."))
        without = [line for line in self._lines if line.best is None]
        info = []
        for line in without:
            latest = line.reference_only[0] if line.reference_only else None
            why = verdict_text.reason_text(latest.verdict) if latest else self.tr("no prior result")
            info.append(f"{item_name(line.item)}: {why}")
        self.info_label.setText(self.tr("Ordered as usual (no recognizable prior result): {items}").format(
            items="；".join(info)) if info else "")
        self.incomplete_label.setText(self.tr(
            "Prior results may be missing: {sources} did not give a complete answer. An item listed without a "
            "recognizable prior result may still have one there.").format(sources="、".join(self.incomplete))
            if self.incomplete else "")
        if self._decisions:
            self._validate()

    def _set_choice(self, row: int, repeat: bool) -> None:
        w = self._row_widgets[row]
        w.reason.setEnabled(repeat)
        w.note.setEnabled(repeat)
        self._sync(row)

    def _sync(self, row: int) -> None:
        w = self._row_widgets[row]
        repeat = w.choice.currentIndex() == 1
        d = self._decisions[row]
        if repeat:
            reason = w.reason.currentData()
            self._decisions[row] = ItemDecision(d.item_code, d.prior_result, Choice.REPEAT, reason,
                                                w.note.text().strip(), d.item_name,
                                                d.fee_yuan, d.prior)
        else:
            self._decisions[row] = d.recognize()
        self._validate()

    def _validate(self) -> list:
        problems = check(self._decisions, self.station.desk.note_required)
        words = {Problem.REASON_MISSING: self.tr("{item}: choose a reason for the repeat"),
                 Problem.NOTE_MISSING: self.tr("{item}: explain the reason in the note"),
                 Problem.NOTHING_TO_RECOGNIZE: self.tr("{item}: there is no prior result to recognize")}
        names = {d.item_code: d.item_name for d in self._decisions}
        self.problems_label.setText("\n".join(words[p.problem].format(item=names.get(p.item_code, p.item_code))
                                              for p in problems))
        self.send_button.setEnabled(not problems)
        return problems

    # --- for tests and keyboard users: the same as using the row's widgets -----------------

    def row_of(self, item_code: str) -> int:
        return next(i for i, d in enumerate(self._decisions) if d.item_code == item_code)

    def set_repeat(self, item_code: str, reason: RepeatReason | None, note: str = "") -> None:
        row = self.row_of(item_code)
        w = self._row_widgets[row]
        w.choice.setCurrentIndex(1)
        w.reason.setCurrentIndex(max(0, w.reason.findData(reason)) if reason else 0)
        w.note.setText(note)

    def decisions(self) -> list[ItemDecision]:
        return list(self._decisions)

    # --- sending ------------------------------------------------------------------------------

    def send(self) -> None:
        if self._validate():
            return  # the button is disabled then; a keyboard shortcut must not bypass it
        try:
            # Checked here; the window writes it (on the serial lane) once the dialog closes.
            self._order = self.station.prepare_order(self.person, self._decisions,
                                                     self.clinical_note.toPlainText().strip())
        except OrderError as e:
            QMessageBox.warning(self, self.tr("Order not sent"), str(e))
            return
        self.accept()

    def order(self) -> Order | None:
        return self._order
