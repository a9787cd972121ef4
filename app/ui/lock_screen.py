"""Auto-lock: after the site's idle minutes, patient data disappears behind a lock screen.

Shared outpatient workstations are left unattended between patients. The lock hides the
chart (the main window shows the lock page instead), hides the viewer and the dashboard,
and hides the contents of an open dialog without closing it, so nothing typed into an
unsent order is lost. The same user unlocks; another user signing in from the User box
closes the previous user's patient (the main window does that part).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:   # dialogs are veiled at a lock: QDialog is not loaded for the first paint
    from PySide6.QtWidgets import QDialog

_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.KeyPress, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin}


class IdleWatch(QObject):
    """Fires `idle` after `minutes` without keyboard, mouse or touch input anywhere in the app."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True, interval=max(int(minutes * 60_000), 1))
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False


class LockPage(QWidget):
    """The same user unlocks by typing their staff number (工号), not by one click: demo accounts have
    no password, and a lock anyone can lift in passing protects nothing. Another user chooses
    themselves in the User box instead, which closes the open patient."""

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.detail = QLabel()
        self.detail.setObjectName("lockDetail")
        self.detail.setWordWrap(True)
        # A wrapped label centred in a layout gets no width of its own and is cut off: give it one.
        self.detail.setFixedWidth(560)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.proof = QLineEdit()
        self.proof.setObjectName("unlockStaffNumber")
        self.proof.setFixedWidth(260)
        self.proof.setEchoMode(QLineEdit.EchoMode.Password)
        self.proof.textChanged.connect(self._check)
        self.proof.returnPressed.connect(self._unlock)
        self.unlock = QPushButton()
        self.unlock.setObjectName("unlockButton")
        self.unlock.clicked.connect(self._unlock)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.detail, self.proof, self.unlock):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._user, self._since, self._expected = "", datetime.now(), ""
        self.retranslateUi()

    def show_for(self, user_name: str, since: datetime, staff_number: str = "") -> None:
        """Locked for `user_name`, who unlocks with their staff number (their name where none is known)."""
        self._user, self._since = user_name, since
        self._expected = (staff_number or user_name).strip().casefold()
        self.proof.clear()
        self.retranslateUi()
        self._check()
        self.proof.setFocus()

    def _check(self) -> None:
        self.unlock.setEnabled(self.proof.text().strip().casefold() == self._expected != "")

    def _unlock(self) -> None:
        if self.unlock.isEnabled():
            self.proof.clear()
            self.unlock_requested.emit()

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Huren is locked"))
        self.detail.setText(self.tr("Locked at {time}: patient data is hidden. {user} can unlock; another user "
                                    "chooses themselves in the User box above, which closes the open patient.")
                            .format(time=self._since.strftime("%H:%M"), user=self._user))
        self.proof.setPlaceholderText(self.tr("Staff number of {user}").format(user=self._user))
        self.unlock.setText(self.tr("Unlock as {user}").format(user=self._user))
        self.detail.setMinimumHeight(self.detail.heightForWidth(self.detail.width()))   # all wrapped lines

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class DialogVeil:
    """Hides what an open dialog shows, without closing it (its typed content stays)."""

    def __init__(self, dialog: QDialog) -> None:
        self.dialog = dialog
        self.hidden = [w for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                       if w.isVisible()]
        for w in self.hidden:
            w.hide()
        self.label = QLabel(QCoreApplication.translate("LockPage", "Locked"), dialog)
        self.label.setObjectName("dialogLocked")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setGeometry(dialog.rect())
        self.label.show()

    def lift(self) -> None:
        self.label.deleteLater()
        for w in self.hidden:
            w.show()
