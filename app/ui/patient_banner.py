"""The patient banner: who is open, unmistakably, above everything else.

With nobody open on the demo platform it offers the showcase patient: a first start then
shows at once what the program is for, without knowing a resident ID to type.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:   # imported at the first search, after the window's first paint
    from app.services.lookup import PersonMatch


class PatientBanner(QFrame):
    #: The doctor asked for the demo's showcase patient (its resident ID).
    demo_patient_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientBanner")
        self.setStyleSheet("#patientBanner { background: #eef3f8; border: 1px solid #c9d6e3; border-radius: 4px; }")
        self.headline = QLabel()
        self.headline.setObjectName("bannerHeadline")
        self.details = QLabel()
        self.details.setObjectName("bannerDetails")
        self.details.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        self._demo_patient = ("", "")   # (resident ID, name) offered on the demo while nobody is open
        self.demo_hint = QPushButton(self)
        self.demo_hint.setObjectName("demoPatientHint")
        self.demo_hint.clicked.connect(lambda: self.demo_patient_requested.emit(self._demo_patient[0]))
        self.demo_hint.hide()
        hint_row = QHBoxLayout()
        hint_row.setContentsMargins(0, 4, 0, 0)
        hint_row.addWidget(self.demo_hint)
        hint_row.addStretch(1)
        layout.addLayout(hint_row)
        self._person: PersonMatch | None = None
        self._hospitals: list[str] = []
        self._loading = True
        self._incomplete = False
        self._today = date.today()
        self.show_person(None)

    def show_person(self, person: PersonMatch | None, today: date | None = None) -> None:
        self._person, self._hospitals, self._loading, self._incomplete = person, [], True, False
        self._today = today or date.today()
        self._render()

    def set_hospitals(self, hospitals: Sequence[str], *, loading: bool = False, incomplete: bool = False) -> None:
        """The hospitals with records so far; `incomplete` when a source's answer lacks something."""
        self._hospitals, self._loading, self._incomplete = list(hospitals), loading, incomplete
        self._render()

    def offer_demo_patient(self, resident_id: str, name: str) -> None:
        """On the demo platform: while nobody is open, offer this patient (a click opens the chart)."""
        self._demo_patient = (resident_id, name)
        self._render()

    def retranslateUi(self) -> None:
        self._render()

    def _render(self) -> None:
        p = self._person.primary if self._person else None
        resident_id, name = self._demo_patient
        self.demo_hint.setVisible(p is None and bool(resident_id))
        if p is None:
            self.headline.setText(self.tr("No patient open"))
            self.details.setText(
                self.tr("Find a patient on the left to see lab reports from every connected hospital."))
            self.demo_hint.setText(self.tr("Try the demo patient {name}, resident ID {id}").format(
                name=name, id=resident_id))
            self.demo_hint.setToolTip(self.tr("Open this patient's chart"))
            return
        import html  # with the first patient: its entity table is not needed for the first paint

        sex = {"male": self.tr("Male"), "female": self.tr("Female")}.get(p.gender, self.tr("Unknown sex"))
        age = p.age_on(self._today)
        age_text = self.tr("{age} y").format(age=age) if age is not None else ""
        born = p.birth_date.isoformat() if p.birth_date else ""
        self.headline.setText(
            f'<span style="font-size:16pt; font-weight:600">{html.escape(p.name)}</span>'
            f'&nbsp;&nbsp;{html.escape(sex)}&nbsp;&nbsp;{html.escape(age_text)}&nbsp;&nbsp;'
            f'<span style="color:#4a4f57">{html.escape(born)}</span>')
        parts = [self.tr("ID {id}").format(id=p.masked_resident_id or "—")]
        if p.insurance_card:
            parts.append(self.tr("Insurance card {card}").format(card=p.insurance_card))
        if self._hospitals:
            hospitals = "、".join(self._hospitals) + ("…" if self._loading else "")
        else:
            hospitals = self.tr("loading…") if self._loading else self.tr("none found")
        parts.append(self.tr("Records at: {hospitals}").format(hospitals=hospitals))
        if self._incomplete:
            parts.append(self.tr("(incomplete: see the sources below)"))
        self.details.setText("   ".join(html.escape(x) for x in parts))
