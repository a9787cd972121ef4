"""The nurse records the patient's informed consent to repeating a test that another hospital's result covers.

The dialog shows what the nurse explains (each repeated item, why the doctor repeats it,
the recognized prior result and the fee), then who decides (the patient or a family
member), how (signature on screen, signed paper form, or aloud before a witness), and
records a `PatientConsent`. Whether the record is complete is the domain's rule
(`PatientConsent.problems()`), so the window, the command line and the HIS agree; the
dialog only puts the missing parts into words. A refusal needs the same as consent (who
decides, and a signature, the signed form or a witness) and one more step: the nurse
confirms it, since it withdraws the repeats and goes back to the ordering physician.

Each part of the form is its own widget: the explanation (`consent_explanation`), who
decides (`consent_signer`), how (`consent_method`), the evidence (`consent_evidence`,
`consent_scan`) and the printed form (`consent_form_box`). The dialog joins them into
the record, writes the printed form and decides which buttons may be pressed.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import ConsentMethod, Order, PatientConsent
from app.domain.staff import StaffMember
from app.ui import consent_evidence
from app.ui.consent_evidence import EvidenceBox
from app.ui.consent_explanation import ExplainedBox, explained_text, title_html
from app.ui.consent_form import write_consent_pdf
from app.ui.consent_form_box import FormBox
from app.ui.consent_identity import ConsentIdentity
from app.ui.consent_method import MethodBox
from app.ui.consent_signer import SignerBox
from app.ui.item_names import decision_name


class ConsentDialog(QDialog):
    """Record consent (or refusal) for an order awaiting it; `consent()` holds the record after accept."""

    # The evidence stack's pages, by method (`evidence.currentIndex()`).
    PAGE_DRAWN, PAGE_PAPER, PAGE_VERBAL = (consent_evidence.PAGE_DRAWN, consent_evidence.PAGE_PAPER,
                                           consent_evidence.PAGE_VERBAL)

    def __init__(self, order: Order, nurse: StaffMember, now: Callable[[], datetime],
                 parent: QWidget | None = None, *, methods: Sequence[ConsentMethod] = tuple(ConsentMethod),
                 items: Mapping[str, CatalogueItem] | None = None) -> None:
        """`methods`: the ways of recording consent the site accepts (`[orders] consent_modes`).

        Only they are offered. `items`: the catalogue's, to name the tests in the screen's and the form's language.
        """
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.order, self.nurse, self.now, self.items = order, nurse, now, items
        self._consent: PatientConsent | None = None
        self.refusal_confirmation: QMessageBox | None = None   # open while the nurse confirms a refusal

        self.title_label = QLabel()
        self.title_label.setObjectName("consentTitle")
        self.title_label.setWordWrap(True)
        self.identity_box = ConsentIdentity(order)   # who, two identifiers; nothing is recorded before it is checked
        self.explained_box = ExplainedBox()
        self.who_box = SignerBox()
        self.how_box = MethodBox(methods)
        self.form_box = FormBox()
        self.evidence_box = EvidenceBox()
        self._name_the_parts()

        # -- decision ------------------------------------------------------------------------
        self.missing_label = QLabel()
        self.missing_label.setObjectName("consentMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #b3261e;")
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows names as typed; "<b>" is not markup
        self.consent_button = QPushButton()
        self.consent_button.setObjectName("patientConsents")
        self.refuse_button = QPushButton()
        self.refuse_button.setObjectName("patientRefuses")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelConsent")
        for b in (self.consent_button, self.refuse_button, self.cancel_button):
            b.setAutoDefault(False)  # Enter in the witness field must never record a decision
        self.consent_button.setStyleSheet("QPushButton:enabled { font-weight: 600; }")

        self._lay_out()

        # -- behaviour -----------------------------------------------------------------------
        self.identity_box.changed.connect(self._update)
        self.who_box.changed.connect(self._update)
        self.how_box.changed.connect(self._update)
        self.evidence_box.changed.connect(self._update)
        self.form_box.print_requested.connect(self._choose_pdf)
        self.consent_button.clicked.connect(lambda: self._record(consented=True))
        self.refuse_button.clicked.connect(self.confirm_refusal)
        self.cancel_button.clicked.connect(self.reject)

        self.retranslateUi()
        self.resize(1240, 880)

    def _name_the_parts(self) -> None:
        """The parts' fields under the dialog's own names, which callers and tests use."""
        self.explained_view = self.explained_box.view
        w, h, f, e = self.who_box, self.how_box, self.form_box, self.evidence_box
        self.patient_radio, self.family_radio = w.patient_radio, w.family_radio
        self.family_name, self.relationship = w.family_name, w.relationship
        self.drawn_radio, self.paper_radio, self.verbal_radio = h.drawn_radio, h.paper_radio, h.verbal_radio
        self.language, self.print_button, self.print_status = f.language, f.print_button, f.print_status
        self.evidence, self.signature_pad, self.clear_button = e.pages, e.signature_pad, e.clear_button
        self.witness = e.witness
        scan = e.scan_page
        self.attach_button, self.scan_name, self.scan_preview = scan.attach_button, scan.name_label, scan.preview

    def _lay_out(self) -> None:
        left_column = QWidget()
        left_column.setFixedWidth(400)
        left = QVBoxLayout(left_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.who_box)
        left.addWidget(self.how_box)
        left.addWidget(self.form_box)
        left.addStretch(1)
        # Scrolls rather than pushing the dialog past a 1366×768 screen (the commonest outpatient one).
        left_scroll = QScrollArea()
        left_scroll.setWidget(left_column)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setFixedWidth(400 + left_scroll.verticalScrollBar().sizeHint().width())
        middle = QHBoxLayout()
        middle.addWidget(left_scroll, 0)
        middle.addWidget(self.evidence_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing_label, 1)
        buttons.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons.addSpacing(12)
        buttons.addWidget(self.refuse_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.identity_box)
        layout.addWidget(self.explained_box, 0)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

    # -- public ------------------------------------------------------------------------------

    def consent(self) -> PatientConsent | None:
        """The record made by "Patient consents" or "Patient refuses"; None when cancelled."""
        return self._consent

    def method(self) -> ConsentMethod:
        return self.how_box.method()

    def attach_file(self, path: Path) -> bool:
        """Take a scanned, signed paper form (PNG or JPEG); False, with the reason shown, if it is not one."""
        return self.evidence_box.scan_page.attach(path)

    def print_to(self, path: Path) -> bool:
        """Write the consent form as PDF in the chosen language; False, with the reason shown, on failure."""
        path = Path(path)
        try:
            write_consent_pdf(self.order, path, self.form_box.form_language(), self.nurse, self.now(), self.items)
        except (OSError, ValueError) as e:
            self.form_box.show_status(self.tr("Could not save the consent form: {error}").format(
                error=getattr(e, "strerror", None) or e), error=True)
            return False
        self.form_box.show_status(self.tr("Consent form saved: {link}").format(
            link=f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{html.escape(path.name)}</a>'), error=False)
        return True

    def build_consent(self, consented: bool) -> PatientConsent:
        """The record as the form stands now; `problems()` says whether it may be stored."""
        method = self.method()
        signer, relationship = self.who_box.signer(self.order.patient_name)
        attachment, attachment_type = self.evidence_box.attachment(method)
        return PatientConsent(consented=consented, signer_name=signer, relationship=relationship, method=method,
                              recorded_at=self.now(), recorded_by=self.nurse, explained=self.explained_text(),
                              witness=self.evidence_box.witness_name(method), attachment=attachment,
                              attachment_type=attachment_type,
                              items=tuple(d.item_code for d in self.order.decisions if d.needs_consent))

    def explained_text(self) -> str:
        """What was explained, as plain text for the record (the same content the dialog shows)."""
        return explained_text(self.order, self.items, self.identity_box.check_text())

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Consent to repeat tests — {patient}").format(patient=self.order.patient_name))
        self.title_label.setText(title_html(self.order))
        self.explained_box.show_order(self.order, self.items)
        for part in (self.identity_box, self.who_box, self.how_box, self.form_box, self.evidence_box):
            part.retranslate()
        self.consent_button.setText(self.tr("Patient consents"))
        self.refuse_button.setText(self.tr("Patient refuses"))
        self.refuse_button.setToolTip(self.tr(
            "A refusal is recorded as consent is: who decides, and their signature, the signed paper form "
            "or a witness. You confirm it before it is kept."))
        self.cancel_button.setText(self.tr("Cancel"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- state -------------------------------------------------------------------------------

    def _missing_words(self, problems: list[str]) -> list[str]:
        family = self.who_box.is_family()
        words = {
            "signer-missing": self.tr("Enter the family member's name.") if family
            else self.tr("The order has no patient name."),
            "relationship-missing": self.tr("Choose the family member's relationship to the patient."),
            "attachment-missing": self.tr("Attach the scan of the signed paper form.")
            if self.method() is ConsentMethod.PAPER_FORM
            else self.tr("No signature yet: ask the signer to sign on screen."),
            "witness-missing": self.tr("Enter the witness's name."),
            "time-not-aware": self.tr("The clock gives no time zone; consent cannot be recorded (tell IT)."),
            "identity-not-checked": self.tr("Check the patient's identity against the ID card or wristband, "
                                            "and tick the box."),
        }
        return [words.get(p, p) for p in problems]

    def _identity_problems(self) -> list[str]:
        """Neither consent nor refusal is recorded for a patient whose identity the nurse has not checked."""
        return [] if self.identity_box.confirmed() else ["identity-not-checked"]

    def _update(self, *_args: object) -> None:
        family = self.who_box.is_family()
        signer = self.who_box.family_member() if family else self.order.patient_name
        self.evidence_box.show_method(self.method(), signer, family)

        problems = self._identity_problems() + self.build_consent(consented=True).problems()
        self.consent_button.setEnabled(not problems)
        self.refuse_button.setEnabled(not problems)   # a refusal needs the same as consent
        self.missing_label.setText("\n".join("• " + w for w in self._missing_words(problems)))

    # -- actions -----------------------------------------------------------------------------

    def confirm_refusal(self) -> QMessageBox | None:
        """Ask the nurse to confirm the refusal, naming who refuses what (the box is opened, not run)."""
        if self._identity_problems() or self.build_consent(consented=False).problems():   # the button is disabled
            self._update()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Record the refusal"), self.refusal_question(),
                          parent=self)
        box.setObjectName("refusalConfirmation")
        box.setTextFormat(Qt.TextFormat.PlainText)   # names as typed; "<b>" is no markup
        box.setInformativeText(self.tr(
            "The repeat is withdrawn and the prior results are recognized instead. {doctor}, who ordered it, "
            "will be told.\nEvidence: {how}.").format(doctor=self.order.requester.name, how=self._how()))
        record = box.addButton(self.tr("Record the refusal"), QMessageBox.ButtonRole.AcceptRole)
        record.setObjectName("recordRefusal")
        back = box.addButton(self.tr("Back"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("backFromRefusal")
        box.setDefaultButton(back)   # Enter goes back: a refusal is never recorded by accident
        box.setEscapeButton(back)
        box.finished.connect(lambda _result: self._refusal_answered(box.clickedButton() is record))
        self.refusal_confirmation = box
        box.open()
        return box

    def refusal_question(self) -> str:
        """"The patient 张伟 refuses the repeat of 钾: record the refusal?" (or the family member, by name)."""
        names = self.tr(", ").join(decision_name(d, self.items) for d in self.order.repeats)
        signer, relationship = self.who_box.signer(self.order.patient_name)
        if not self.who_box.is_family():
            return self.tr("The patient {patient} refuses the repeat of {items}: record the refusal?").format(
                patient=self.order.patient_name, items=names)
        return self.tr("{signer} ({relationship}) refuses, for the patient {patient}, the repeat of {items}: "
                       "record the refusal?").format(signer=signer, relationship=relationship,
                                                     patient=self.order.patient_name, items=names)

    def _how(self) -> str:
        method = self.method()
        if method is ConsentMethod.VERBAL_WITH_WITNESS:
            return self.tr("aloud, before the witness {witness}").format(
                witness=self.evidence_box.witness_name(method))
        if method is ConsentMethod.PAPER_FORM:
            return self.tr("the signed paper form")
        return self.tr("signature on screen")

    def _refusal_answered(self, confirmed: bool) -> None:
        self.refusal_confirmation = None
        if confirmed:
            self._record(consented=False)

    def _record(self, consented: bool) -> None:
        record = self.build_consent(consented)
        if self._identity_problems() or record.problems():  # the buttons are disabled then: a click raced an edit
            self._update()
            return
        self._consent = record
        self.accept()

    def _choose_pdf(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = self.tr("Consent form {patient} {date}").format(
            patient=self.order.patient_name, date=self.now().strftime("%Y-%m-%d")) + ".pdf"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the consent form for printing"),
                                              str(Path(folder) / suggested), self.tr("PDF files (*.pdf)"))
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.print_to(path)
