"""Ordering lab tests with mutual recognition: pick items, then decide on each prior result.

Page one picks items and panels from the catalogue, by their names in the interface's
language (the catalogue's codes are for the machine; typing one still finds it). Page two puts
every item that has a recognizable prior result beside that result (app.ui.decision_table):
"Recognize prior result" is the default, and "Repeat" needs a coded reason (and free text
where the rules say so). The order cannot be sent while a repeat lacks its reason. Items
without a recognizable prior are listed for information and ordered as usual.

The dialog opens no larger than the screen's free area: it is made to fit 1366×768, the
commonest outpatient screen, with every reason readable.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.repeat_orders import (
    Choice,
    DecisionProblem,
    ItemDecision,
    Order,
    OrderError,
    Problem,
    RepeatReason,
    check,
)
from app.services.chart import AssessedReport
from app.services.lookup import PersonMatch
from app.services.ordering.desk import initial_decisions
from app.services.ordering.plan import Orderable, OrderLine, orderables, plan, resolve, search_orderables
from app.services.workstation import Workstation
from app.ui import verdict_text
from app.ui.decision_table import DecisionTable
from app.ui.item_names import item_name

CodeRole = Qt.ItemDataRole.UserRole + 1
#: The size the dialog asks for; it opens smaller on a smaller screen (see _fit_screen).
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1440, 760


class OrderDialog(QDialog):
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
        self._lines: list[OrderLine] = []
        self._order: Order | None = None
        self._checked: dict[str, Orderable] = {}
        self._all = {o.code: o for o in orderables(catalogue)}
        self._fit_screen()

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
        cl.setContentsMargins(0, 0, 0, 0)
        for w in (self.search, self.orderable_list, self.chosen_label, self.note_label, self.clinical_note):
            cl.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.check_button)
        cl.addLayout(row)

        # page 2: decide
        self.decision_intro = QLabel()
        self.decision_intro.setWordWrap(True)
        self.decision_table = DecisionTable()
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
        dl.setContentsMargins(0, 0, 0, 0)   # the dialog's own margins are enough: width is what is short
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
        self.decision_table.edited.connect(self._sync)
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
        self._show_chosen()
        self._fill_orderables(self.search.text())
        self._render_decision_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _fit_screen(self) -> None:
        """Open at the preferred size, or at the screen's free area (less the frame) if smaller.

        On 1366×768 with a taskbar a dialog asked to be 1440 wide would open with its right
        side, the reasons and the send button, off the screen.
        """
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is None or free.isEmpty():
            self.resize(PREFERRED_WIDTH, PREFERRED_HEIGHT)
            return
        frame_width, frame_height = 16, 40   # the borders and title bar the window manager adds
        self.resize(min(PREFERRED_WIDTH, free.width() - frame_width),
                    min(PREFERRED_HEIGHT, free.height() - frame_height))

    def _and(self) -> str:
        """What separates the names in a list: "、" in Chinese, a comma elsewhere."""
        return self.tr(", ")

    # --- page 1 ----------------------------------------------------------------------------

    def _fill_orderables(self, text: str) -> None:
        """The catalogue by name in the interface's language; the codes stay out of sight.

        A panel's tooltip names its items, an item's its LOINC code (the standard code a
        doctor may know; the catalogue's own codes mean nothing to them).
        """
        self.orderable_list.blockSignals(True)
        self.orderable_list.clear()
        for o in search_orderables(self.catalogue, text):
            label = item_name(o)
            if o.is_panel:
                label = self.tr("Panel: {name} — {n} items").format(name=label, n=len(o.items))
                tip = self._and().join(item_name(i) for i in o.items)
            else:
                tip = " ".join(f"LOINC {code}" for code in o.items[0].loinc)
            item = QListWidgetItem(label)
            item.setToolTip(tip)
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
        names = self._and().join(item_name(o) for o in self._checked.values())
        self.chosen_label.setText(self.tr("Chosen: {names}").format(names=names or self.tr("nothing yet")))
        self.check_button.setEnabled(bool(self._checked))

    # --- page 2 ----------------------------------------------------------------------------

    def check_priors(self) -> None:
        items = resolve(self.catalogue, list(self._checked))
        self._lines = plan(items, self.reports)
        self._decisions = initial_decisions(self._lines)
        self.decision_table.show_decisions(self._decisions)
        self._render_decision_texts()
        self.pages.setCurrentIndex(1)

    def _render_decision_texts(self) -> None:
        """The words on page two: again on a change of language."""
        self._item_names = {line.item.code: item_name(line.item) for line in self._lines}
        self.decision_table.retranslate(self._item_names)
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
            items=self.tr("; ").join(info)) if info else "")
        self.incomplete_label.setText(self.tr(
            "Prior results may be missing: {sources} did not give a complete answer. An item listed without a "
            "recognizable prior result may still have one there.").format(sources=self._and().join(self.incomplete))
            if self.incomplete else "")
        for label in (self.info_label, self.incomplete_label):
            label.setVisible(bool(label.text()))   # an empty line would take the table's height
        if self._decisions:
            self._validate()

    def _sync(self, row: int) -> None:
        """A row's editors changed: its decision follows them."""
        w = self.decision_table.editors(row)
        d = self._decisions[row]
        if w.choice.currentIndex() == 1:
            # Not d.repeat(): a repeat without its reason yet is kept, for check() to name it.
            self._decisions[row] = replace(d, choice=Choice.REPEAT, reason=w.reason.currentData(),
                                           note=w.note.text().strip())
        else:
            self._decisions[row] = d.recognize()
        self._validate()

    def _validate(self) -> list[DecisionProblem]:
        """What keeps the order from going, one line per kind of problem naming its items."""
        problems = check(self._decisions, self.station.desk.note_required)
        words = {Problem.REASON_MISSING: self.tr("{item}: choose a reason for the repeat"),
                 Problem.NOTE_MISSING: self.tr("{item}: explain the reason in the note"),
                 Problem.NOTHING_TO_RECOGNIZE: self.tr("{item}: there is no prior result to recognize")}
        names = {d.item_code: self._item_names.get(d.item_code, d.item_name or d.item_code) for d in self._decisions}
        lines = []
        for kind, template in words.items():
            items = [names.get(p.item_code, p.item_code) for p in problems if p.problem is kind]
            if items:   # one line for all the items with this problem: the table keeps its height
                lines.append(template.format(item=self._and().join(items)))
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(lines))
        self.send_button.setEnabled(not problems)
        return problems

    # --- for tests and keyboard users: the same as using the row's widgets -----------------

    def row_of(self, item_code: str) -> int:
        return next(i for i, d in enumerate(self._decisions) if d.item_code == item_code)

    def set_repeat(self, item_code: str, reason: RepeatReason | None, note: str = "") -> None:
        w = self.decision_table.editors(self.row_of(item_code))
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
