"""Who the consent is for: the patient's identifiers, the order's number and QR code, and the nurse's identity check.

A name alone does not identify a patient (张伟 is among the commonest names in China), so
the worklist row, this header and the printed form all show the identity the order carries
(`Order.identity`): name, sex, age, date of birth, the masked resident ID, the hospital's
record number and the outpatient number when there are ones. Before recording anything the
nurse checks them against the patient's ID card or wristband and says so here; the dialog
records nothing until then. The words keep the translation context "ConsentIdentity".
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from app.domain.repeat_orders import Order
from app.ui.order_code import qr_image

# The documents a nurse checks the identity against, by code (kept in the record in the interface's words).
CHECK_SOURCES = ("id-card", "wristband")


def sex_text(sex: str) -> str:
    """FHIR administrative gender in words ("" when not known)."""
    return {"male": QCoreApplication.translate("ConsentIdentity", "Male"),
            "female": QCoreApplication.translate("ConsentIdentity", "Female"),
            "other": QCoreApplication.translate("ConsentIdentity", "Other")}.get(sex, "")


def person_parts(order: Order) -> list[str]:
    """Sex, age and date of birth in words (those known)."""
    who = order.identity
    if who is None:
        return [QCoreApplication.translate("ConsentIdentity", "no date of birth or ID with this order")]
    age = who.age_on(order.created_at.date())
    parts = [sex_text(who.sex),
             QCoreApplication.translate("ConsentIdentity", "{age} y").format(age=age) if age is not None else "",
             QCoreApplication.translate("ConsentIdentity", "born {date}").format(date=who.birth_date.isoformat())
             if who.birth_date else ""]
    return [p for p in parts if p]


def number_parts(order: Order) -> list[str]:
    """The masked resident ID, the hospital's record number and the outpatient number in words (those known)."""
    who = order.identity
    if who is None:
        return []
    parts = [QCoreApplication.translate("ConsentIdentity", "ID {number}").format(number=who.masked_resident_id)
             if who.masked_resident_id else "",
             QCoreApplication.translate("ConsentIdentity", "record no. {number}").format(number=who.record_number)
             if who.record_number else "",
             QCoreApplication.translate("ConsentIdentity", "outpatient no. {number}").format(
                 number=who.outpatient_number) if who.outpatient_number else ""]
    return [p for p in parts if p]


def identity_parts(order: Order) -> list[str]:
    """The patient's identifiers in words, name first: what the nurse compares with the card in hand."""
    name = order.identity.name if order.identity else order.patient_name
    return [name, *person_parts(order), *number_parts(order)]


def identity_line(order: Order) -> str:
    """The identifiers on one line: `张伟 · 男 · 58岁 · 出生 1968-03-02 · 身份证 370102********1234`."""
    return " · ".join(identity_parts(order))


def order_number_text(order: Order) -> str:
    return QCoreApplication.translate("ConsentIdentity", "Order no. {number}").format(number=order.number)


class ConsentIdentity(QFrame):
    """The header of the consent dialog: the identifiers, the order number with its QR code, the identity check.

    `changed` when the check is ticked or its document changes; `confirmed()` says whether it is ticked.
    """

    changed = Signal()

    def __init__(self, order: Order, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentIdentity")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.order = order
        self.name_label = QLabel()
        self.name_label.setObjectName("identityName")
        self.name_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label = QLabel()
        self.details_label.setObjectName("identityDetails")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setWordWrap(True)
        self.number_label = QLabel()
        self.number_label.setObjectName("orderNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("orderQrCode")
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(order.number, module_px=3)))
        self.check = QCheckBox()
        self.check.setObjectName("identityChecked")
        self.check.setStyleSheet("QCheckBox { font-weight: 600; }")
        self.source = QComboBox()
        self.source.setObjectName("identityCheckSource")
        for code in CHECK_SOURCES:
            self.source.addItem("", code)

        grid = QGridLayout(self)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.details_label, 1, 0)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check)
        check_row.addWidget(self.source)
        check_row.addStretch(1)
        grid.addLayout(check_row, 2, 0)
        grid.addWidget(self.qr_label, 0, 1, 3, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.number_label, 3, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)

        self.check.toggled.connect(self._mark)
        self.check.toggled.connect(self.changed)
        self.source.currentIndexChanged.connect(self.changed)
        self._mark()

    def _mark(self, *_args: object) -> None:
        """An amber frame until the identity is checked, a green one after: the step cannot be overlooked."""
        colour = "#1b7f3b" if self.confirmed() else "#b45309"
        self.setStyleSheet(f"QFrame#consentIdentity {{ border: 2px solid {colour}; border-radius: 4px; }}")

    def confirmed(self) -> bool:
        """The nurse has checked the patient's identity against a document; nothing is recorded before."""
        return self.check.isChecked()

    def check_text(self) -> str:
        """How the identity was checked, for the record ("" while unchecked)."""
        if not self.confirmed():
            return ""
        return QCoreApplication.translate("ConsentIdentity", "Identity checked against: {document}").format(
            document=self.source.currentText())

    def retranslate(self) -> None:
        name = identity_parts(self.order)[0]
        self.name_label.setText(f'<span style="font-size:15pt; font-weight:700">{html.escape(name)}</span>'
                                f'&nbsp;&nbsp;<span style="font-size:12pt">'
                                f'{html.escape(" · ".join(person_parts(self.order)))}</span>')
        hospital = self.order.requester.organization_name
        self.details_label.setText(" · ".join(p for p in (*number_parts(self.order), hospital) if p))
        self.number_label.setText(order_number_text(self.order))
        self.check.setText(QCoreApplication.translate(
            "ConsentIdentity", "I have checked the patient's identity (name and date of birth) against the"))
        names = {"id-card": QCoreApplication.translate("ConsentIdentity", "resident ID card"),
                 "wristband": QCoreApplication.translate("ConsentIdentity", "wristband")}
        for i in range(self.source.count()):
            self.source.setItemText(i, names[self.source.itemData(i)])
        self.setToolTip(QCoreApplication.translate(
            "ConsentIdentity", "Two identifiers, never the name alone: ask the patient to say their name and "
            "date of birth, and compare them and the ID number with the card or wristband."))
