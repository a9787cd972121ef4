"""The printed consent form: the patient's language for it, the print button, and where it was saved.

The form's language is the patient's, not the workstation's; each language is listed by
its own name so a patient can find theirs. Writing the PDF is the dialog's business
(`ConsentDialog.print_to`); this box asks for it (`print_requested`) and shows the outcome.
The words keep the translation context "ConsentDialog".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.consent_form import LANGUAGES

# The form's languages as each language names itself: a patient finds their own language by its own name.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English", "id": "Bahasa Indonesia"}


class FormBox(QGroupBox):
    """"Printed consent form": `print_requested` when the nurse asks for it; `show_status` for the outcome."""

    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status: tuple[str, bool] | None = None  # (message, is error)
        self.language = QComboBox()
        self.language.setObjectName("formLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language_label = QLabel()
        self.print_button = QPushButton()
        self.print_button.setObjectName("printConsentForm")
        self.print_button.setAutoDefault(False)
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_status.setOpenExternalLinks(True)   # the saved file's link opens it for printing
        self.print_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout = QVBoxLayout(self)
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language, 1)
        layout.addLayout(lang_row)
        layout.addWidget(self.print_button)
        layout.addWidget(self.print_status)
        self.print_button.clicked.connect(self.print_requested)

    def form_language(self) -> str:
        """The chosen language's code, as `write_consent_pdf` takes it."""
        return self.language.currentData()

    def show_status(self, message: str, error: bool) -> None:
        """Where the form was saved (rich text, with a link), or why it could not be."""
        self._status = (message, error)
        self._render_status()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ConsentDialog", "Printed consent form"))
        self.language_label.setText(QCoreApplication.translate("ConsentDialog", "Language for the patient:"))
        self.print_button.setText(QCoreApplication.translate("ConsentDialog", "Print consent form…"))
        self._render_status()

    def _render_status(self) -> None:
        if self._status is None:
            self.print_status.setText("")
            return
        message, error = self._status
        self.print_status.setStyleSheet("color: #b3261e;" if error else "color: #1b7f3b;")
        self.print_status.setText(message)
