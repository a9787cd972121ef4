"""The nurse records the patient's informed consent to repeating a test that another hospital's result covers.

The dialog shows what the nurse explains (each repeated item, why the doctor repeats it,
the recognized prior result and the fee), then who decides (the patient or a family
member), how (signature on screen, signed paper form, or aloud before a witness), and
records a `PatientConsent`. Whether the record is complete is the domain's rule
(`PatientConsent.problems()`), so the window, the command line and the HIS agree; the
dialog only puts the missing parts into words.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSizeF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, PatientConsent, RepeatReason
from app.domain.staff import StaffMember
from app.ui.consent_form import LANGUAGES, write_consent_pdf
from app.ui.repeat_reason_text import reason_name
from app.ui.signature_pad import SignaturePad

# MIME types of the scans the dialog accepts, by the files' first bytes (a file's suffix can lie).
IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))

# Relationship of a family member to the patient, in the order nurses meet them.
RELATIONSHIPS = ("Spouse", "Parent", "Child", "Sibling", "Other guardian")

# The form's languages as each language names itself: a patient finds their own language by its own name.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English", "id": "Bahasa Indonesia"}

# The scan's preview: an A4 page in portrait, small enough to sit beside the attach button.
PREVIEW_WIDTH, PREVIEW_HEIGHT = 170, 240
# The explanation never takes more than this much height; longer orders scroll.
EXPLAINED_MAX_HEIGHT = 330


def _fee(fee: float) -> str:
    return f"{fee:.2f}"


def _mime_of(data: bytes) -> str:
    return next((mime for magic, mime in IMAGE_MAGIC if data.startswith(magic)), "")


class ConsentDialog(QDialog):
    """Record consent (or refusal) for an order awaiting it; `consent()` holds the record after accept."""

    PAGE_DRAWN, PAGE_PAPER, PAGE_VERBAL = range(3)

    def __init__(self, order: Order, nurse: StaffMember, now: Callable[[], datetime],
                 parent: QWidget | None = None, *, methods: Sequence[ConsentMethod] = tuple(ConsentMethod)) -> None:
        """`methods`: the ways of recording consent the site accepts (`[orders] consent_modes`).

        Only they are offered.
        """
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.order, self.nurse, self.now = order, nurse, now
        self._consent: PatientConsent | None = None
        self._scan: bytes = b""
        self._scan_type: str = ""
        self._scan_name: str = ""
        self._scan_error: str = ""
        self._print_status: tuple[str, bool] | None = None  # (message, is error)

        # -- what was explained --------------------------------------------------------------
        self.title_label = QLabel()
        self.title_label.setObjectName("consentTitle")
        self.title_label.setWordWrap(True)
        self.explained_view = QTextBrowser()
        self.explained_view.setObjectName("consentExplained")
        self.explained_view.setOpenLinks(False)
        self.explained_view.setMinimumHeight(110)
        self.explained_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As tall as its content (up to a limit), so the signature gets the rest of the screen.
        self.explained_view.document().documentLayout().documentSizeChanged.connect(self._fit_explained)
        self.explained_box = QGroupBox()
        eb = QVBoxLayout(self.explained_box)
        eb.addWidget(self.explained_view)

        # -- who ------------------------------------------------------------------------------
        self.patient_radio = QRadioButton()
        self.family_radio = QRadioButton()
        self.patient_radio.setChecked(True)
        self.who_group = QButtonGroup(self)
        self.who_group.addButton(self.patient_radio)
        self.who_group.addButton(self.family_radio)
        self.family_name = QLineEdit()
        self.family_name.setObjectName("familyName")
        self.relationship = QComboBox()
        self.relationship.setObjectName("relationship")
        self.relationship.addItems([""] * len(RELATIONSHIPS))
        self.relationship.setCurrentIndex(-1)  # no default: the nurse asks, rather than accepts the first item
        self.family_name_label = QLabel()
        self.relationship_label = QLabel()
        self.who_box = QGroupBox()
        wl = QVBoxLayout(self.who_box)
        wl.addWidget(self.patient_radio)
        wl.addWidget(self.family_radio)
        family = QFormLayout()
        family.setContentsMargins(24, 0, 0, 0)
        family.addRow(self.family_name_label, self.family_name)
        family.addRow(self.relationship_label, self.relationship)
        wl.addLayout(family)

        # -- how -----------------------------------------------------------------------------
        self.drawn_radio = QRadioButton()
        self.paper_radio = QRadioButton()
        self.verbal_radio = QRadioButton()
        self.how_group = QButtonGroup(self)
        self.how_box = QGroupBox()
        hl = QVBoxLayout(self.how_box)
        radios = {ConsentMethod.DRAWN_SIGNATURE: self.drawn_radio, ConsentMethod.PAPER_FORM: self.paper_radio,
                  ConsentMethod.VERBAL_WITH_WITNESS: self.verbal_radio}
        allowed = [m for m in radios if m in set(methods)] or [ConsentMethod.DRAWN_SIGNATURE]
        for m, b in radios.items():
            self.how_group.addButton(b)
            hl.addWidget(b)
            if m not in allowed:   # a method the site does not accept is not offered at all
                b.hide()
                b.setEnabled(False)
        radios[allowed[0]].setChecked(True)

        # -- the printed form ----------------------------------------------------------------
        self.language = QComboBox()
        self.language.setObjectName("formLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language_label = QLabel()
        self.print_button = QPushButton()
        self.print_button.setObjectName("printConsentForm")
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_status.setOpenExternalLinks(True)
        self.print_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.form_box = QGroupBox()
        fl = QVBoxLayout(self.form_box)
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language, 1)
        fl.addLayout(lang_row)
        fl.addWidget(self.print_button)
        fl.addWidget(self.print_status)

        # -- evidence: one page per method ---------------------------------------------------
        self.signature_pad = SignaturePad()
        self.signature_label = QLabel()
        self.clear_button = QPushButton()
        drawn_page = QWidget()
        dl = QVBoxLayout(drawn_page)
        dl.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.signature_label, 1)
        top.addWidget(self.clear_button)
        dl.addLayout(top)
        dl.addWidget(self.signature_pad, 1)

        self.paper_hint = QLabel()
        self.paper_hint.setWordWrap(True)
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachScan")
        self.scan_preview = QLabel()
        self.scan_preview.setObjectName("scanPreview")
        self.scan_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan_preview.setFixedSize(PREVIEW_WIDTH + 8, PREVIEW_HEIGHT + 8)
        self.scan_preview.setStyleSheet("#scanPreview { background: #f4f6f8; border: 1px solid #d5dbe1; }")
        self.scan_name = QLabel()
        self.scan_name.setWordWrap(True)
        paper_page = QWidget()
        pl = QHBoxLayout(paper_page)
        pl.setContentsMargins(0, 0, 0, 0)
        paper_left = QVBoxLayout()
        paper_left.addWidget(self.paper_hint)
        paper_left.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignLeft)
        paper_left.addWidget(self.scan_name)
        paper_left.addStretch(1)
        pl.addLayout(paper_left, 1)
        pl.addWidget(self.scan_preview, 0, Qt.AlignmentFlag.AlignTop)

        self.verbal_hint = QLabel()
        self.verbal_hint.setWordWrap(True)
        self.witness = QLineEdit()
        self.witness.setObjectName("witness")
        self.witness_label = QLabel()
        verbal_page = QWidget()
        vl = QVBoxLayout(verbal_page)
        vl.setContentsMargins(0, 0, 0, 0)
        vl.addWidget(self.verbal_hint)
        wrow = QFormLayout()
        wrow.addRow(self.witness_label, self.witness)
        vl.addLayout(wrow)
        vl.addStretch(1)

        self.evidence = QStackedWidget()
        self.evidence.addWidget(drawn_page)
        self.evidence.addWidget(paper_page)
        self.evidence.addWidget(verbal_page)
        self.evidence_box = QGroupBox()
        evl = QVBoxLayout(self.evidence_box)
        evl.addWidget(self.evidence)

        # -- decision ------------------------------------------------------------------------
        self.missing_label = QLabel()
        self.missing_label.setObjectName("consentMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #b3261e;")
        self.consent_button = QPushButton()
        self.consent_button.setObjectName("patientConsents")
        self.refuse_button = QPushButton()
        self.refuse_button.setObjectName("patientRefuses")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelConsent")
        for b in (self.print_button, self.clear_button, self.attach_button, self.consent_button,
                  self.refuse_button, self.cancel_button):
            b.setAutoDefault(False)  # Enter in the witness field must never record a decision
        self.consent_button.setStyleSheet("QPushButton:enabled { font-weight: 600; }")
        for label in (self.missing_label, self.scan_name, self.signature_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # they show names as typed; "<b>" is not markup

        # -- layout --------------------------------------------------------------------------
        left_column = QWidget()
        left_column.setFixedWidth(400)
        left = QVBoxLayout(left_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.who_box)
        left.addWidget(self.how_box)
        left.addWidget(self.form_box)
        left.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(left_column, 0)
        middle.addWidget(self.evidence_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.missing_label, 1)
        buttons.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons.addSpacing(12)
        buttons.addWidget(self.refuse_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons.addWidget(self.consent_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.explained_box, 0)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

        # -- behaviour -----------------------------------------------------------------------
        self.who_group.buttonToggled.connect(self._update)
        self.how_group.buttonToggled.connect(self._update)
        self.family_name.textChanged.connect(self._update)
        self.relationship.currentIndexChanged.connect(self._update)
        self.witness.textChanged.connect(self._update)
        self.signature_pad.changed.connect(self._update)
        self.clear_button.clicked.connect(self.signature_pad.clear)
        self.attach_button.clicked.connect(self._choose_scan)
        self.print_button.clicked.connect(self._choose_pdf)
        self.consent_button.clicked.connect(lambda: self._record(consented=True))
        self.refuse_button.clicked.connect(lambda: self._record(consented=False))
        self.cancel_button.clicked.connect(self.reject)

        self.retranslateUi()
        self.resize(1240, 880)

    # -- public ------------------------------------------------------------------------------

    def consent(self) -> PatientConsent | None:
        """The record made by "Patient consents" or "Patient refuses"; None when cancelled."""
        return self._consent

    def method(self) -> ConsentMethod:
        if self.paper_radio.isChecked():
            return ConsentMethod.PAPER_FORM
        if self.verbal_radio.isChecked():
            return ConsentMethod.VERBAL_WITH_WITNESS
        return ConsentMethod.DRAWN_SIGNATURE

    def attach_file(self, path: Path) -> bool:
        """Take a scanned, signed paper form (PNG or JPEG); False, with the reason shown, if it is not one."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as e:
            self._scan_error = self.tr("Could not read {name}: {error}").format(name=path.name, error=e.strerror or e)
            self._update()
            return False
        mime = _mime_of(data)
        image = QImage.fromData(data) if mime else QImage()
        if image.isNull():
            self._scan_error = self.tr("{name} is not a PNG or JPEG image").format(name=path.name)
            self._update()
            return False
        self._scan, self._scan_type, self._scan_name, self._scan_error = data, mime, path.name, ""
        self.scan_preview.setPixmap(QPixmap.fromImage(image).scaled(
            PREVIEW_WIDTH, PREVIEW_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self._update()
        return True

    def print_to(self, path: Path) -> bool:
        """Write the consent form as PDF in the chosen language; False, with the reason shown, on failure."""
        path = Path(path)
        try:
            write_consent_pdf(self.order, path, self.language.currentData(), self.nurse, self.now())
        except (OSError, ValueError) as e:
            self._print_status = (self.tr("Could not save the consent form: {error}").format(
                error=getattr(e, "strerror", None) or e), True)
            self._render_print_status()
            return False
        self._print_status = (self.tr("Consent form saved: {link}").format(
            link=f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{html.escape(path.name)}</a>'), False)
        self._render_print_status()
        return True

    def build_consent(self, consented: bool) -> PatientConsent:
        """The record as the form stands now; `problems()` says whether it may be stored."""
        method = self.method()
        if self.patient_radio.isChecked():
            signer, relationship = self.order.patient_name, "self"
        else:
            signer = self.family_name.text().strip()
            relationship = self.relationship.currentText() if self.relationship.currentIndex() >= 0 else ""
        attachment, attachment_type = b"", ""
        if method is ConsentMethod.DRAWN_SIGNATURE and not self.signature_pad.is_empty():
            attachment, attachment_type = self.signature_pad.to_png(), "image/png"
        elif method is ConsentMethod.PAPER_FORM and self._scan:
            attachment, attachment_type = self._scan, self._scan_type
        witness = self.witness.text().strip() if method is ConsentMethod.VERBAL_WITH_WITNESS else ""
        return PatientConsent(consented=consented, signer_name=signer, relationship=relationship, method=method,
                              recorded_at=self.now(), recorded_by=self.nurse, explained=self.explained_text(),
                              witness=witness, attachment=attachment, attachment_type=attachment_type)

    def explained_text(self) -> str:
        """What was explained, as plain text for the record (the same content the dialog shows)."""
        o = self.order
        lines = [self.tr("Patient: {name}").format(name=o.patient_name),
                 self.tr("Ordering physician: {name}").format(name=self._physician())]
        for i, d in enumerate(o.repeats, 1):
            lines.append(f"{i}. {d.item_name or d.item_code}")
            lines.append("   " + self.tr("Why it is repeated: {reason}").format(reason=self._reason(d)))
            lines.append("   " + self.tr("Recognized prior result: {prior}").format(prior=self._prior(d)))
            lines.append("   " + self.tr("Expected fee: {fee}").format(fee=self._yuan(d.fee_yuan)))
        lines.append(self.tr("Total expected fee: {fee}").format(fee=self._yuan(self._total())))
        return "\n".join(lines)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Consent to repeat tests — {patient}").format(patient=self.order.patient_name))
        self.explained_box.setTitle(self.tr("What was explained to the patient"))
        self.who_box.setTitle(self.tr("Who decides"))
        self.patient_radio.setText(self.tr("The patient"))
        self.family_radio.setText(self.tr("A family member"))
        self.family_name_label.setText(self.tr("Name:"))
        self.family_name.setPlaceholderText(self.tr("Family member's full name"))
        self.relationship_label.setText(self.tr("Relationship to the patient:"))
        names = (self.tr("Spouse"), self.tr("Parent"), self.tr("Child"), self.tr("Sibling"), self.tr("Other guardian"))
        for i, name in enumerate(names):
            self.relationship.setItemText(i, name)
        self.relationship.setPlaceholderText(self.tr("Choose…"))
        self.how_box.setTitle(self.tr("How consent is given"))
        self.drawn_radio.setText(self.tr("Signature on screen"))
        self.paper_radio.setText(self.tr("Signed paper form"))
        self.verbal_radio.setText(self.tr("Verbal, with witness"))
        self.form_box.setTitle(self.tr("Printed consent form"))
        self.language_label.setText(self.tr("Language for the patient:"))
        self.print_button.setText(self.tr("Print consent form…"))
        self.clear_button.setText(self.tr("Clear signature"))
        self.paper_hint.setText(self.tr("Print the consent form, let the patient or family member sign it, "
                                        "then scan it and attach the scan here."))
        self.attach_button.setText(self.tr("Attach scan…"))
        self.verbal_hint.setText(self.tr("The patient or family member agrees aloud. Name the witness who heard it, "
                                         "such as a second member of staff."))
        self.witness_label.setText(self.tr("Witness:"))
        self.witness.setPlaceholderText(self.tr("Witness's full name"))
        self.consent_button.setText(self.tr("Patient consents"))
        self.refuse_button.setText(self.tr("Patient refuses"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._render_explained()
        self._render_print_status()
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # -- the explanation ---------------------------------------------------------------------

    def _physician(self) -> str:
        r = self.order.requester
        where = self.tr(", ").join(x for x in (r.department, r.organization_name) if x)
        return self.tr("{name} ({where})").format(name=r.name, where=where) if where else r.name

    def _reason(self, d: ItemDecision) -> str:
        if d.reason is RepeatReason.OTHER and d.note:
            reason = self.tr("Other reason")  # "Other (explain)" prompts the doctor; the note is the explanation
        else:
            reason = reason_name(d.reason) if d.reason else ""
        if reason and d.note:
            return self.tr("{reason}: {note}").format(reason=reason, note=d.note)
        return reason or d.note

    def _prior(self, d: ItemDecision) -> str:
        p = d.prior
        if p is None:
            return self.tr("no details")
        parts = [" ".join(x for x in (p.value, p.unit) if x)]
        if p.reference_range:
            parts.append(self.tr("reference range {range}").format(range=p.reference_range))
        parts += [x for x in (p.date, p.hospital, p.mark) if x]
        parts.append(self.tr("{age} days old, window {window} days").format(age=p.age_days, window=p.window_days))
        return self.tr(", ").join(parts)

    def _yuan(self, fee: float) -> str:
        return self.tr("{fee} yuan").format(fee=_fee(fee))

    def _total(self) -> float:
        return sum(d.fee_yuan for d in self.order.repeats)

    def _render_explained(self) -> None:
        o = self.order
        e = html.escape
        # The translated strings are fetched outside the f-string: lupdate does not look inside f-strings.
        title = self.tr("Consent to repeat tests")
        patient = self.tr("Patient: {name}").format(name=o.patient_name)
        physician = self.tr("Ordering physician: {name}").format(name=self._physician())
        self.title_label.setText(
            f'<span style="font-size:15pt; font-weight:600">{e(title)}</span>'
            f'&nbsp;&nbsp;&nbsp;<span style="font-size:13pt">{e(patient)}</span>'
            f'&nbsp;&nbsp;&nbsp;{e(physician)}')
        head = "".join(f'<th align="left" bgcolor="#e8ecf0">{e(h)}</th>' for h in (
            self.tr("Test"), self.tr("Why the doctor repeats it"), self.tr("Recognized prior result"),
            self.tr("Expected fee")))
        rows = []
        for d in o.repeats:
            p = d.prior
            if p is None:
                no_details = self.tr("no details")
                prior = f"<i>{e(no_details)}</i>"
            else:
                value = " ".join(x for x in (p.value, p.unit) if x)
                ref = self.tr("reference range {range}").format(range=p.reference_range) if p.reference_range else ""
                where = " · ".join(x for x in (p.date, p.hospital) if x)
                mark = (f' <span style="background:#1b7f3b; color:#ffffff">&nbsp;{e(p.mark)}&nbsp;</span>'
                        if p.mark else "")
                age = self.tr("{age} days old, window {window} days").format(age=p.age_days, window=p.window_days)
                prior = (f"<b>{e(value)}</b>&nbsp;&nbsp;<span style='color:#4a4f57'>{e(ref)}</span><br/>"
                         f"{e(where)}{mark}<br/><span style='color:#4a4f57'>{e(age)}</span>")
            rows.append(f"<tr><td><b>{e(d.item_name or d.item_code)}</b></td><td>{e(self._reason(d))}</td>"
                        f"<td>{prior}</td><td align='right'>{e(self._yuan(d.fee_yuan))}</td></tr>")
        total = self.tr("Total expected fee: {fee}").format(fee=self._yuan(self._total()))
        self.explained_view.setHtml(
            '<table width="100%" cellspacing="0" cellpadding="6" border="1" '
            'style="border-collapse:collapse; border-color:#c9d1da">'
            f"<tr>{head}</tr>{''.join(rows)}"
            f'<tr><td colspan="4" align="right"><b>{e(total)}</b></td></tr></table>')

    def _fit_explained(self, size: QSizeF) -> None:
        frame = 2 * self.explained_view.frameWidth() + 4
        self.explained_view.setMaximumHeight(min(int(size.height()) + frame, EXPLAINED_MAX_HEIGHT))

    # -- state -------------------------------------------------------------------------------

    def _missing_words(self, problems: list[str]) -> list[str]:
        family = self.family_radio.isChecked()
        words = {
            "signer-missing": self.tr("Enter the family member's name.") if family
            else self.tr("The order has no patient name."),
            "relationship-missing": self.tr("Choose the family member's relationship to the patient."),
            "attachment-missing": self.tr("Attach the scan of the signed paper form.")
            if self.method() is ConsentMethod.PAPER_FORM
            else self.tr("No signature yet: ask the signer to sign on screen."),
            "witness-missing": self.tr("Enter the witness's name."),
            "time-not-aware": self.tr("The clock gives no time zone; consent cannot be recorded (tell IT)."),
        }
        return [words.get(p, p) for p in problems]

    def _update(self, *_args: object) -> None:
        family = self.family_radio.isChecked()
        self.family_name.setEnabled(family)
        self.relationship.setEnabled(family)
        self.family_name_label.setEnabled(family)
        self.relationship_label.setEnabled(family)
        method = self.method()
        page = {ConsentMethod.DRAWN_SIGNATURE: self.PAGE_DRAWN, ConsentMethod.PAPER_FORM: self.PAGE_PAPER,
                ConsentMethod.VERBAL_WITH_WITNESS: self.PAGE_VERBAL}[method]
        self.evidence.setCurrentIndex(page)
        self.evidence_box.setTitle({
            ConsentMethod.DRAWN_SIGNATURE: self.tr("Signature"),
            ConsentMethod.PAPER_FORM: self.tr("Scan of the signed paper form"),
            ConsentMethod.VERBAL_WITH_WITNESS: self.tr("Witness"),
        }[method])
        if family:
            name = self.family_name.text().strip()
            self.signature_label.setText(self.tr("Signature of the family member {name}").format(name=name).strip()
                                         if name else self.tr("Signature of the family member"))
        else:
            self.signature_label.setText(
                self.tr("Signature of the patient {name}").format(name=self.order.patient_name))
        self._render_scan()

        problems = self.build_consent(consented=True).problems()
        self.consent_button.setEnabled(not problems)
        # A refusal needs to say who refused and when; it needs no signature or witness.
        who_problems = [p for p in problems if p not in ("attachment-missing", "witness-missing")]
        self.refuse_button.setEnabled(not who_problems)
        self.missing_label.setText("\n".join("• " + w for w in self._missing_words(problems)))

    def _render_scan(self) -> None:
        if self._scan_error:
            self.scan_name.setStyleSheet("color: #b3261e;")
            self.scan_name.setText(self._scan_error)
        elif self._scan:
            self.scan_name.setStyleSheet("")
            self.scan_name.setText(self.tr("Attached: {name} ({size} KB)").format(
                name=self._scan_name, size=max(1, round(len(self._scan) / 1024))))
        else:
            self.scan_name.setStyleSheet("color: #4a4f57;")
            self.scan_name.setText(self.tr("No scan attached"))
        if not self._scan:
            self.scan_preview.setText(self.tr("No scan"))

    def _render_print_status(self) -> None:
        if self._print_status is None:
            self.print_status.setText("")
            return
        message, error = self._print_status
        self.print_status.setStyleSheet("color: #b3261e;" if error else "color: #1b7f3b;")
        self.print_status.setText(message)

    # -- actions -----------------------------------------------------------------------------

    def _record(self, consented: bool) -> None:
        record = self.build_consent(consented)
        problems = record.problems()
        blocking = problems if consented else [
            p for p in problems if p not in ("attachment-missing", "witness-missing")]
        if blocking:  # the buttons are disabled then; this guards a click that raced an edit
            self._update()
            return
        self._consent = record
        self.accept()

    def _choose_scan(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach the scan of the signed consent form"), start,
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if name:
            self.attach_file(Path(name))

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
