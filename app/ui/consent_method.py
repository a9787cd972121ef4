"""How the patient's decision is given: signature on screen, signed paper form, or aloud before a witness.

The same for consent and for refusal: a refusal is kept with the same evidence.

A site accepts some of these only (`[orders] consent_modes`); the others are not offered
at all, rather than offered and refused later. The first accepted one, in this order, is
chosen to start with. The words keep the translation context "ConsentDialog".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from app.domain.repeat_orders import ConsentMethod


class MethodBox(QGroupBox):
    """"How the decision is given": `changed` fires when another method is chosen."""

    changed = Signal()

    def __init__(self, methods: Sequence[ConsentMethod] = tuple(ConsentMethod), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawn_radio = QRadioButton()
        self.paper_radio = QRadioButton()
        self.verbal_radio = QRadioButton()
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        radios = {ConsentMethod.DRAWN_SIGNATURE: self.drawn_radio, ConsentMethod.PAPER_FORM: self.paper_radio,
                  ConsentMethod.VERBAL_WITH_WITNESS: self.verbal_radio}
        allowed = [m for m in radios if m in set(methods)] or [ConsentMethod.DRAWN_SIGNATURE]
        for m, b in radios.items():
            self.group.addButton(b)
            layout.addWidget(b)
            if m not in allowed:   # a method the site does not accept is not offered at all
                b.hide()
                b.setEnabled(False)
        radios[allowed[0]].setChecked(True)
        self.group.buttonToggled.connect(lambda *_args: self.changed.emit())

    def method(self) -> ConsentMethod:
        if self.paper_radio.isChecked():
            return ConsentMethod.PAPER_FORM
        if self.verbal_radio.isChecked():
            return ConsentMethod.VERBAL_WITH_WITNESS
        return ConsentMethod.DRAWN_SIGNATURE

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("ConsentDialog", "How the decision is given"))
        self.drawn_radio.setText(QCoreApplication.translate("ConsentDialog", "Signature on screen"))
        self.paper_radio.setText(QCoreApplication.translate("ConsentDialog", "Signed paper form"))
        self.verbal_radio.setText(QCoreApplication.translate("ConsentDialog", "Verbal, with witness"))
