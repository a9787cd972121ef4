"""The page that stands in for the chart until the user has signed in with the hospital account.

Used when the site signs in through the browser ("oidc"): at start, after signing out, when
the window locks, and when the platform ends the session. In the last two cases the chart stays
where it was behind this page, and the same user signing in again finds it as they left it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class SignInPage(QWidget):
    sign_in_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInPage")
        self.title = QLabel()
        self.title.setObjectName("signInTitle")
        self.title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.place = QLabel()   # where one signs in: the hospital and the platform (data, not translated)
        self.place.setObjectName("signInPlace")
        self.place.setStyleSheet("color: #555;")
        self.detail = QLabel()
        self.detail.setObjectName("signInDetail")
        self.detail.setWordWrap(True)
        self.detail.setFixedWidth(560)   # a wrapped label centred in a layout needs a width of its own
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        self.status.setFixedWidth(560)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_in = QPushButton()
        self.sign_in.setObjectName("signInButton")
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self.sign_in_requested)
        self.cancel = QPushButton()
        self.cancel.setObjectName("cancelSignInButton")
        self.cancel.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.place, self.detail, self.status):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self._user = ""
        self._since: datetime | None = None
        self._reason = ""
        self._problem = ""
        self._waiting = False
        self.retranslateUi()

    # -- what the window says -----------------------------------------------------------------

    def show_sign_in(self) -> None:
        """Nobody is signed in."""
        self._user, self._since, self._reason = "", None, ""
        self._set(waiting=False, problem="")

    def show_locked(self, user_name: str, since: datetime, reason: str = "") -> None:
        """The user's work is behind this page: locked after idling, or the platform ended the session."""
        self._user, self._since, self._reason = user_name, since, reason
        self._set(waiting=False, problem="")

    def show_waiting(self) -> None:
        self._set(waiting=True, problem="")

    def show_problem(self, text: str) -> None:
        self._set(waiting=False, problem=text)

    @property
    def waiting(self) -> bool:
        return self._waiting

    def _set(self, *, waiting: bool, problem: str) -> None:
        self._waiting, self._problem = waiting, problem
        self.retranslateUi()

    def retranslateUi(self) -> None:
        if self._since is None:
            self.title.setText(self.tr("Sign in to Huren"))
            self.detail.setText(self.tr("Your hospital's sign-in page opens in the web browser. Sign in there with "
                                        "your hospital account, then come back to this window."))
            self.sign_in.setText(self.tr("Sign in with the hospital account"))
        else:
            self.title.setText(self.tr("Huren is locked"))
            detail = self.tr("Locked at {time}: patient data is hidden. {user} signs in again to go on where they "
                             "left off; another user signing in closes the open patient.").format(
                time=self._since.strftime("%H:%M"), user=self._user)
            if self._reason:   # the platform's own words go to the tooltip: they are not translated
                detail = self.tr("The platform ended the session.") + " " + detail
            self.detail.setToolTip(self._reason)
            self.detail.setText(detail)
            self.sign_in.setText(self.tr("Sign in again"))
        if self._waiting:
            self.status.setText(self.tr("Waiting for the sign-in in the web browser…"))
            self.status.setStyleSheet("color: #555;")
        else:
            self.status.setText(self.tr("Not signed in: {problem}").format(problem=self._problem)
                                if self._problem else "")
            self.status.setStyleSheet("color: #c62828;")
        self.cancel.setText(self.tr("Cancel"))
        self.sign_in.setEnabled(not self._waiting)
        self.cancel.setVisible(self._waiting)
        for label in (self.detail, self.status):
            label.setMinimumHeight(label.heightForWidth(label.width()) if label.text() else 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
