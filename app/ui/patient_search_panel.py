"""Finding a patient: by resident ID (checked as typed), insurance card, or name + birth date.

Every source is asked at once; answers are listed as they arrive and each source's state
is shown, so a slow hospital never keeps the doctor from the ones that answered.

A name is never enough: the birth date is the second identifier, so a name search without
one is not sent; the field is marked and focused instead (it starts empty: a default date
would find nobody, and say so, when the doctor simply forgot it). Each person found shows
sex, age, birth date, the masked resident ID and the hospitals with their records, so two
patients called 张伟 born the same day can still be told apart.
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from app.services.workspace import SourceHandle, Workspace
from app.ui.source_status_view import SourceStatusView, waiting
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:   # the look-up (and the FHIR client behind it) is imported at the first search, after the paint
    from app.services.lookup import BirthDateError, PatientQuery, PersonMatch, SourceAnswer

MatchRole = Qt.ItemDataRole.UserRole + 1

#: A field the search cannot go without, marked until the doctor types in it again.
PROBLEM_STYLE = 'QLineEdit[problem="true"] { border: 2px solid #c62828; background: #fff5f5; }'
#: Hospitals named in a result line; the rest are counted (and all are in the tooltip).
HOSPITALS_SHOWN = 3


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
        self.name_edit.setClearButtonEnabled(True)
        self.birth_edit = QLineEdit()      # empty until typed: no birth date is assumed
        self.birth_edit.setMaxLength(20)
        self.birth_edit.setClearButtonEnabled(True)
        for edit in (self.id_edit, self.card_edit, self.name_edit, self.birth_edit):
            edit.setStyleSheet(PROBLEM_STYLE)
            edit.textEdited.connect(lambda _text, edit=edit: self._mark([edit], False))

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
        self.results_label.setWordWrap(True)
        self._found = 0
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)   # wrapped to the panel's width, laid out again as it changes
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        # Each person apart from the next: three lines each, and namesakes must not run together.
        self.results.setStyleSheet("#searchResults::item { padding: 4px 2px; border-bottom: 1px solid #c9d6e3; }"
                                   "#searchResults::item:selected { background: #d6e6f7; color: black; }")
        self.sources_label = QLabel()
        self.source_status = SourceStatusView(self)

        layout = QVBoxLayout(self)
        for w in (self.title, self.mode, self.pages, self.search_button, self.message, self.results_label,
                  self.results, self.sources_label, self.source_status):
            layout.addWidget(w)
        layout.setStretchFactor(self.results, 1)

        self.mode.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.mode.activated.connect(self._focus_first_field)   # the doctor's choice, not a retranslation
        self.id_edit.textEdited.connect(self._check_id_as_typed)
        for edit in (self.id_edit, self.card_edit, self.name_edit, self.birth_edit):
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
        self.birth_edit.setPlaceholderText(self.tr("Birth date, e.g. 1968-03-15"))
        self.search_button.setText(self.tr("Search all hospitals"))
        self._show_found_count()
        self.sources_label.setText(self.tr("Sources"))
        for i in range(self.results.count()):
            item = self.results.item(i)
            if item.data(MatchRole) is not None:
                self._describe(item, item.data(MatchRole))

    # --- asking --------------------------------------------------------------------------

    def query(self) -> PatientQuery | None:
        """The query the form describes, or None with the reason shown under the form."""
        from app.services.lookup import PatientQuery, QueryKind

        mode = self.mode.currentIndex()
        try:
            if mode == 0:
                return PatientQuery.resident_id(self.id_edit.text())
            if mode == 1:
                card = self.card_edit.text().strip()
                if not card:
                    raise ValueError(self.tr("Enter the insurance card number"))
                return PatientQuery(QueryKind.INSURANCE_CARD, card)
            return self._name_query()
        except ResidentIdError as e:
            self._refuse([self.id_edit], self._id_problem(e))
        except ValueError as e:
            self._refuse([self.card_edit], str(e))
        return None

    def _name_query(self) -> PatientQuery | None:
        """Name and birth date, both required: the birth date is what tells namesakes apart."""
        from app.services.lookup import BirthDateError, PatientQuery, QueryKind, read_birth_date

        name = self.name_edit.text().strip()
        try:
            born = read_birth_date(self.birth_edit.text(), self.workspace.now().date())
        except BirthDateError as e:
            if not name and e.kind == "missing":
                self._refuse([self.name_edit, self.birth_edit], self.tr("Enter the patient's name and birth date"))
            elif e.kind == "missing":
                self._refuse([self.birth_edit], self.tr(
                    "Enter the birth date as well: a name alone can belong to several patients."))
            else:
                problems = [self.tr("Enter the patient's name")] if not name else []
                fields = [self.name_edit] if not name else []
                self._refuse([*fields, self.birth_edit], "\n".join([*problems, self._birth_problem(e)]))
            return None
        if not name:
            self._refuse([self.name_edit], self.tr("Enter the patient's name"))
            return None
        self.birth_edit.setText(born.isoformat())   # as it was understood: 19680315 shows as 1968-03-15
        return PatientQuery(QueryKind.NAME_BIRTHDATE, name=name, birth_date=born)

    def _refuse(self, fields: list[QLineEdit], message: str) -> None:
        """Nothing is searched: say why, mark the fields to fill in, and put the cursor in the first."""
        self.message.setText(message)
        self._mark([f for f in self._fields() if f not in fields], False)
        self._mark(fields, True)
        fields[0].setFocus(Qt.FocusReason.OtherFocusReason)
        fields[0].selectAll()

    def _mark(self, fields: list[QLineEdit], problem: bool) -> None:
        for field in fields:
            if bool(field.property("problem")) != problem:
                field.setProperty("problem", problem)
                field.style().unpolish(field)
                field.style().polish(field)

    def _fields(self) -> list[QLineEdit]:
        return [self.id_edit, self.card_edit, self.name_edit, self.birth_edit]

    def _mode_changed(self, _index: int) -> None:
        self.message.clear()
        self._mark(self._fields(), False)

    def _focus_first_field(self, index: int) -> None:
        first = (self.id_edit, self.card_edit, self.name_edit)
        if 0 <= index < len(first):
            first[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Another user took the workstation: no trace of the previous search (typed ID or name, the
        people found); answers still on their way are ignored."""
        self._generation += 1
        self._answers = {}
        self._chosen_key = None
        for field in self._fields():
            field.clear()
        self.message.clear()
        self._mark(self._fields(), False)
        self.results.clear()
        self._found = 0
        self._show_found_count()
        self.source_status.set_outcomes([])

    def search(self, *, auto_open: bool = False) -> None:
        query = self.query()
        if query is not None:
            self.run_query(query, auto_open=auto_open)

    def run_query(self, query: PatientQuery, *, auto_open: bool = False) -> None:
        """Ask every source; `auto_open` opens the person at once when the query is unique."""
        from app.services.lookup import QueryKind, search_source

        self.message.clear()
        self._mark(self._fields(), False)
        self._generation += 1
        self._answers = {}
        self._auto_open = auto_open or query.kind is QueryKind.RESIDENT_ID
        self._chosen_key = None
        self.results.clear()
        self._found = 0
        self._show_found_count()
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
        from app.services.lookup import SourceAnswer, failure_outcome

        self._on_answer(generation, SourceAnswer(failure_outcome(source, error, time.monotonic())))

    def _on_answer(self, generation: int, answer: SourceAnswer) -> None:
        from app.services.lookup import merge

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
            item = QListWidgetItem()
            item.setData(MatchRole, m)
            self._describe(item, m)
            self.results.addItem(item)
            if m.key == current:
                self.results.setCurrentItem(item)
        self._found = len(matches)
        self._show_found_count()

    def _show_found_count(self) -> None:
        """Several people found: the doctor must pick the right one, so say what to compare."""
        self.results_label.setText(self.tr("Patients found") if self._found < 2 else self.tr(
            "{count} patients found: compare resident ID and hospitals before opening").format(count=self._found))

    def _describe(self, item: QListWidgetItem, m: PersonMatch) -> None:
        item.setText(self._match_text(m))
        item.setToolTip(self._match_text(m, hospitals_shown=len(m.hospitals)))  # every hospital

    def _match_text(self, m: PersonMatch, hospitals_shown: int = HOSPITALS_SHOWN) -> str:
        """Three lines: who (name, sex, age, birth date), which ID, and where they have records."""
        p = m.primary
        sex = {"male": self.tr("M"), "female": self.tr("F")}.get(p.gender, "?")
        age = p.age_on(self.workspace.now().date())
        age_text = self.tr("{age} y").format(age=age) if age is not None else "?"
        born = p.birth_date.isoformat() if p.birth_date else "?"
        ident = self.tr("ID {id}").format(id=p.masked_resident_id) if p.masked_resident_id else \
            self.tr("No resident ID (record {id})").format(id=p.key.id)
        sources = "、".join(self.workspace.source(s).label for s in m.sources)
        if m.hospitals:
            named = "、".join(m.hospitals[:hospitals_shown])
            more = len(m.hospitals) - hospitals_shown
            if more > 0:
                named = self.tr("{hospitals} and {more} more").format(hospitals=named, more=more)
            where = self.tr("Records at: {hospitals}").format(hospitals=named) + f"  ·  {sources}"
        else:
            where = self.tr("Found on: {sources}").format(sources=sources)
        return f"{p.name}  {sex}  {age_text}  {born}\n{ident}\n{where}"

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

    def _birth_problem(self, error: BirthDateError) -> str:
        reason = {
            "shape": self.tr("write it as year-month-day, e.g. 1968-03-15"),
            "date": self.tr("there is no such day"),
            "implausible": self.tr("it is in the future or before 1880"),
        }.get(error.kind, str(error))
        return self.tr("Birth date not valid: {reason}").format(reason=reason)
