"""The evidence of the decision, one page per method: the signature pad, the paper form's scan, the witness.

Consent and refusal alike need it (`PatientConsent.problems()`).

Only the chosen method's page is shown, and only its evidence goes into the record: a
signature drawn before the nurse switched to "verbal" is not stored as if it were the
evidence. The words keep the translation context "ConsentDialog".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.repeat_orders import ConsentMethod
from app.ui.consent_scan import ScanPage
from app.ui.signature_pad import SignaturePad

PAGE_DRAWN, PAGE_PAPER, PAGE_VERBAL = range(3)
PAGES = {ConsentMethod.DRAWN_SIGNATURE: PAGE_DRAWN, ConsentMethod.PAPER_FORM: PAGE_PAPER,
         ConsentMethod.VERBAL_WITH_WITNESS: PAGE_VERBAL}


class EvidenceBox(QGroupBox):
    """The pages in a stack; `changed` fires when the evidence does (a stroke, a scan, the witness's name)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signature_pad = SignaturePad()
        self.signature_label = QLabel()
        self.signature_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows a name as typed; "<b>" is no markup
        self.clear_button = QPushButton()
        self.clear_button.setAutoDefault(False)
        drawn_page = QWidget()
        dl = QVBoxLayout(drawn_page)
        dl.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.signature_label, 1)
        top.addWidget(self.clear_button)
        dl.addLayout(top)
        dl.addWidget(self.signature_pad, 1)

        self.scan_page = ScanPage()

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

        self.pages = QStackedWidget()
        self.pages.addWidget(drawn_page)        # PAGE_DRAWN
        self.pages.addWidget(self.scan_page)    # PAGE_PAPER
        self.pages.addWidget(verbal_page)       # PAGE_VERBAL
        QVBoxLayout(self).addWidget(self.pages)

        self.signature_pad.changed.connect(self.changed)
        self.clear_button.clicked.connect(self.signature_pad.clear)
        self.scan_page.changed.connect(self.changed)
        self.witness.textChanged.connect(self.changed)

    def attachment(self, method: ConsentMethod) -> tuple[bytes, str]:
        """(data, MIME type) of the chosen method's evidence, or (b"", "") when there is none yet."""
        if method is ConsentMethod.DRAWN_SIGNATURE and not self.signature_pad.is_empty():
            return self.signature_pad.to_png(), "image/png"
        if method is ConsentMethod.PAPER_FORM and self.scan_page.data:
            return self.scan_page.data, self.scan_page.mime
        return b"", ""

    def witness_name(self, method: ConsentMethod) -> str:
        return self.witness.text().strip() if method is ConsentMethod.VERBAL_WITH_WITNESS else ""

    def show_method(self, method: ConsentMethod, signer: str, family: bool) -> None:
        """The method's page and title; the signature is labelled with whose it must be."""
        self.pages.setCurrentIndex(PAGES[method])
        self.setTitle({
            ConsentMethod.DRAWN_SIGNATURE: QCoreApplication.translate("ConsentDialog", "Signature"),
            ConsentMethod.PAPER_FORM: QCoreApplication.translate("ConsentDialog", "Scan of the signed paper form"),
            ConsentMethod.VERBAL_WITH_WITNESS: QCoreApplication.translate("ConsentDialog", "Witness"),
        }[method])
        if family:
            self.signature_label.setText(
                QCoreApplication.translate("ConsentDialog", "Signature of the family member {name}").format(
                    name=signer).strip()
                if signer else QCoreApplication.translate("ConsentDialog", "Signature of the family member"))
        else:
            self.signature_label.setText(
                QCoreApplication.translate("ConsentDialog", "Signature of the patient {name}").format(name=signer))
        self.scan_page.refresh()

    def retranslate(self) -> None:
        self.clear_button.setText(QCoreApplication.translate("ConsentDialog", "Clear signature"))
        self.scan_page.retranslate()
        self.verbal_hint.setText(QCoreApplication.translate(
            "ConsentDialog", "The patient or family member agrees or refuses aloud. Name the witness who heard "
                             "it, such as a second member of staff."))
        self.witness_label.setText(QCoreApplication.translate("ConsentDialog", "Witness:"))
        self.witness.setPlaceholderText(QCoreApplication.translate("ConsentDialog", "Witness's full name"))
