"""Finding a patient: by resident ID (checked as typed), insurance card, or name + birth date.

Every source is asked at once; answers are listed as they arrive and each source's state
is shown, so a slow hospital never keeps the doctor from the ones that answered.
"""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.identity import ResidentIdError, normalize_resident_id, parse_resident_id
from app.services.lookup import (
    PatientQuery,
    PersonMatch,
    QueryKind,
    SourceAnswer,
    failure_outcome,
    merge,
    search_source,
)
from app.services.workspace import SourceHandle, Workspace
from app.ui.qt_dates import python_date
from app.ui.source_status_view import SourceStatusView, waiting
from app.ui.tasks import TaskRunner

MatchRole = Qt.ItemDataRole.UserRole + 1


class PatientSearchPanel(QWidget):
    patient_chosen = Signal(object)   # PersonMatch
    person_updated = Signal(object)   # PersonMatch: more records of the chosen person arrived
    searched = Signal(object)         # PatientQuery: a search went out (for the audit trail)

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self._generation = 0
        self._answers: dict[str, SourceAnswer] = {}
        self._auto_open = False
        self._chosen_key: str | None = None

        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.mode = QComboBox()
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(24)
        self.id_edit.setClearButtonEnabled(True)
        self.card_edit = QLineEdit()
        self.card_edit.setClearButtonEnabled(True)
        self.name_edit = QLineEdit()
        self.birth_edit = QDateEdit(QDate(1970, 1, 1))
        self.birth_edit.setDisplayFormat("yyyy-MM-dd")
        self.birth_edit.setCalendarPopup(True)
        self.birth_edit.setMaximumDate(QDate.currentDate())

        self.pages = QStackedWidget()
        for editor in (self.id_edit, self.card_edit):
            page = QWidget()
            lay = QVBoxLayout(page)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(editor)
            self.pages.addWidget(page)
        name_page = QWidget()
        self.name_form = QFormLayout(name_page)
        self.name_form.setContentsMargins(0, 0, 0, 0)
        self.name_label, self.birth_label = QLabel(), QLabel()
        self.name_form.addRow(self.name_label, self.name_edit)
        self.name_form.addRow(self.birth_label, self.birth_edit)
        self.pages.addWidget(name_page)

        self.search_button = QPushButton()
        self.search_button.setDefault(True)
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.results_label = QLabel()
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAlternatingRowColors(True)
        self.sources_label = QLabel()
        self.source_status = SourceStatusView(self)

        layout = QVBoxLayout(self)
        for w in (self.title, self.mode, self.pages, self.search_button, self.message, self.results_label,
                  self.results, self.sources_label, self.source_status):
            layout.addWidget(w)
        layout.setStretchFactor(self.results, 1)

        self.mode.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.mode.currentIndexChanged.connect(lambda _: self.message.clear())
        self.id_edit.textEdited.connect(self._check_id_as_typed)
        for edit in (self.id_edit, self.card_edit, self.name_edit):
            edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("<b>Find patient</b>"))
        current = self.mode.currentIndex()
        self.mode.clear()
        self.mode.addItems([self.tr("Resident ID card"), self.tr("Insurance card"), self.tr("Name + birth date")])
        self.mode.setCurrentIndex(max(current, 0))
        self.id_edit.setPlaceholderText(self.tr("18-digit resident ID"))
        self.card_edit.setPlaceholderText(self.tr("Medical insurance card number"))
        self.name_label.setText(self.tr("Name"))
        self.birth_label.setText(self.tr("Born"))
        self.search_button.setText(self.tr("Search all hospitals"))
        self.results_label.setText(self.tr("Patients found"))
        self.sources_label.setText(self.tr("Sources"))
        for i in range(self.results.count()):
            item = self.results.item(i)
            if item.data(MatchRole) is not None:
                item.setText(self._match_text(item.data(MatchRole)))

    # --- asking --------------------------------------------------------------------------

    def query(self) -> PatientQuery | None:
        """The query the form describes, or None with the reason shown under the form."""
        mode = self.mode.currentIndex()
        try:
            if mode == 0:
                return PatientQuery.resident_id(self.id_edit.text())
            if mode == 1:
                card = self.card_edit.text().strip()
                if not card:
                    raise ValueError(self.tr("Enter the insurance card number"))
                return PatientQuery(QueryKind.INSURANCE_CARD, card)
            name = self.name_edit.text().strip()
            if not name:
                raise ValueError(self.tr("Enter the patient's name"))
            return PatientQuery(QueryKind.NAME_BIRTHDATE, name=name, birth_date=python_date(self.birth_edit.date()))
        except ResidentIdError as e:
            self.message.setText(self._id_problem(e))
        except ValueError as e:
            self.message.setText(str(e))
        return None

    def search(self, *, auto_open: bool = False) -> None:
        query = self.query()
        if query is not None:
            self.run_query(query, auto_open=auto_open)

    def run_query(self, query: PatientQuery, *, auto_open: bool = False) -> None:
        """Ask every source; `auto_open` opens the person at once when the query is unique."""
        self.message.clear()
        self._generation += 1
        self._answers = {}
        self._auto_open = auto_open or query.kind is QueryKind.RESIDENT_ID
        self._chosen_key = None
        self.results.clear()
        sources = self.workspace.sources
        self.source_status.set_outcomes(waiting([(s.name, s.label) for s in sources]))
        generation = self._generation
        self.searched.emit(query)
        for source in sources:
            self.runner.submit(search_source, source, query,
                               on_done=partial(self._on_answer, generation),
                               on_error=partial(self._on_search_failed, generation, source))

    def _on_search_failed(self, generation: int, source: SourceHandle, error: BaseException) -> None:
        """The search itself raised (not an answer of the source's): that source failed, the rest go on."""
        self._on_answer(generation, SourceAnswer(failure_outcome(source, error, time.monotonic())))

    def _on_answer(self, generation: int, answer: SourceAnswer) -> None:
        if generation != self._generation:
            return  # a newer search has started; this answer is stale
        self._answers[answer.outcome.source] = answer
        sources = self.workspace.sources
        self.source_status.set_outcomes([
            self._answers[s.name].outcome if s.name in self._answers else waiting([(s.name, s.label)])[0]
            for s in sources])
        matches = merge(self._answers[s.name] for s in sources if s.name in self._answers)
        self._show_matches(matches)
        everyone = len(self._answers) == len(sources)
        if self._chosen_key is not None:
            chosen = next((m for m in matches if m.key == self._chosen_key), None)
            if chosen is not None:
                self.person_updated.emit(chosen)
        elif self._auto_open and len(matches) == 1 and (everyone or matches[0].primary.resident_id):
            self._chosen_key = matches[0].key
            self.results.setCurrentRow(0)
            self.patient_chosen.emit(matches[0])
        if everyone and not matches:
            self.message.setText(self.tr("No patient found at any source that answered."))

    def _show_matches(self, matches: list[PersonMatch]) -> None:
        current = self._chosen_key
        self.results.clear()
        for m in matches:
            item = QListWidgetItem(self._match_text(m))
            item.setData(MatchRole, m)
            self.results.addItem(item)
            if m.key == current:
                self.results.setCurrentItem(item)

    def _match_text(self, m: PersonMatch) -> str:
        p = m.primary
        sex = {"male": self.tr("M"), "female": self.tr("F")}.get(p.gender, "?")
        born = p.birth_date.isoformat() if p.birth_date else "?"
        labels = [self.workspace.source(s).label for s in m.sources]
        return f"{p.name}  {sex}  {born}\n{p.masked_resident_id or p.key.id}  ·  " + "、".join(labels)

    def _choose(self, item: QListWidgetItem) -> None:
        match = item.data(MatchRole)
        if match is not None and match.key != self._chosen_key:
            self._chosen_key = match.key
            self.patient_chosen.emit(match)

    def _check_id_as_typed(self, text: str) -> None:
        """Say at once when an 18-character ID cannot be right, before the doctor presses Enter."""
        value = normalize_resident_id(text)
        if len(value) < 18:
            self.message.clear()
            return
        try:
            parse_resident_id(value)
        except ResidentIdError as e:
            self.message.setText(self._id_problem(e))
        else:
            self.message.clear()

    def _id_problem(self, error: ResidentIdError) -> str:
        reason = {
            "length": self.tr("it must have 18 characters"),
            "shape": self.tr("it must be 17 digits followed by a digit or X"),
            "date": self.tr("the birth date in it is not a date"),
            "implausible-date": self.tr("the birth date in it is not plausible"),
            "check-digit": self.tr("the check digit does not match: a digit was probably mistyped"),
        }.get(error.kind, str(error))
        return self.tr("Resident ID not valid: {reason}").format(reason=reason)
