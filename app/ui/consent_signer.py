"""Who decides about the repeat: the patient, or a family member named with their relationship.

A family member's name and relationship are asked, never assumed: the relationship list
starts with nothing chosen. The relationship is recorded as shown on screen, in the
workstation's language. The words keep the translation context "ConsentDialog" they had
when the dialog held these fields.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

# Relationship of a family member to the patient, in the order nurses meet them.
RELATIONSHIPS = ("Spouse", "Parent", "Child", "Sibling", "Other guardian")


class SignerBox(QGroupBox):
    """"Who decides": `changed` fires on any edit; `signer()` says who it is now."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.patient_radio = QRadioButton()
        self.family_radio = QRadioButton()
        self.patient_radio.setChecked(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.patient_radio)
        self.group.addButton(self.family_radio)
        self.family_name = QLineEdit()
        self.family_name.setObjectName("familyName")
        self.relationship = QComboBox()
        self.relationship.setObjectName("relationship")
        self.relationship.addItems([""] * len(RELATIONSHIPS))
        self.relationship.setCurrentIndex(-1)  # no default: the nurse asks, rather than accepts the first item
        self.family_name_label = QLabel()
        self.relationship_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.patient_radio)
        layout.addWidget(self.family_radio)
        family = QFormLayout()
        family.setContentsMargins(24, 0, 0, 0)
        family.addRow(self.family_name_label, self.family_name)
        family.addRow(self.relationship_label, self.relationship)
        layout.addLayout(family)

        self.group.buttonToggled.connect(self._on_edit)
        self.family_name.textChanged.connect(self._on_edit)
        self.relationship.currentIndexChanged.connect(self._on_edit)
        self._enable_family()

    def is_family(self) -> bool:
        return self.family_radio.isChecked()

    def family_member(self) -> str:
        """The family member's name as typed, trimmed ("" when the patient decides)."""
        return self.family_name.text().strip() if self.is_family() else ""

    def signer(self, patient_name: str) -> tuple[str, str]:
        """(name, relationship): the patient is "self"; a family member's relationship as shown, or ""."""
        if not self.is_family():
            return patient_name, "self"
        relationship = self.relationship.currentText() if self.relationship.currentIndex() >= 0 else ""
        return self.family_member(), relationship

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ConsentDialog", "Who decides"))
        self.patient_radio.setText(QCoreApplication.translate("ConsentDialog", "The patient"))
        self.family_radio.setText(QCoreApplication.translate("ConsentDialog", "A family member"))
        self.family_name_label.setText(QCoreApplication.translate("ConsentDialog", "Name:"))
        self.family_name.setPlaceholderText(QCoreApplication.translate("ConsentDialog", "Family member's full name"))
        self.relationship_label.setText(QCoreApplication.translate("ConsentDialog", "Relationship to the patient:"))
        names = (QCoreApplication.translate("ConsentDialog", "Spouse"),
                 QCoreApplication.translate("ConsentDialog", "Parent"),
                 QCoreApplication.translate("ConsentDialog", "Child"),
                 QCoreApplication.translate("ConsentDialog", "Sibling"),
                 QCoreApplication.translate("ConsentDialog", "Other guardian"))
        for i, name in enumerate(names):
            self.relationship.setItemText(i, name)
        self.relationship.setPlaceholderText(QCoreApplication.translate("ConsentDialog", "Choose…"))

    def _enable_family(self) -> None:
        family = self.is_family()
        for w in (self.family_name, self.relationship, self.family_name_label, self.relationship_label):
            w.setEnabled(family)

    def _on_edit(self, *_args: object) -> None:
        self._enable_family()
        self.changed.emit()
