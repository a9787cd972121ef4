"""What the main window shows in place of the work, and what it hides: the lock page, the sign-in
page, the veils over open dialogs and the other windows put away while locked.

The rule (which the workstation audits) is that a lock hides every patient detail without losing
anything typed; the same user gets everything back as it was; another user gets a clean screen.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from app.domain.staff import StaffMember
from app.ui.lock_screen import DialogVeil, LockPage
from app.ui.sign_in_page import SignInPage


class SessionPages(QStackedWidget):
    """The work (page 0), the lock page and the sign-in page, and what a lock put away."""

    def __init__(self, work: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lock_page = LockPage(self)
        self.sign_in_page = SignInPage(self)
        self.addWidget(work)
        self.addWidget(self.lock_page)
        self.addWidget(self.sign_in_page)
        self._put_away: list[QWidget] = []
        self._veils: list[DialogVeil] = []

    @property
    def signing_in(self) -> bool:
        return self.currentWidget() is self.sign_in_page

    def show_work(self) -> None:
        self.setCurrentIndex(0)

    def show_sign_in(self) -> None:
        self.sign_in_page.show_sign_in()
        self.setCurrentWidget(self.sign_in_page)

    def cover(self, user: StaffMember, since: datetime, reason: str, *, by_browser: bool,
              windows: list[QWidget | None]) -> None:
        """Lock: the lock page (or, where unlocking is signing in again, the sign-in page) over the
        work, `windows` hidden, every open dialog veiled with its content kept."""
        if by_browser:
            self.sign_in_page.show_locked(user.name, since, reason)
            self.setCurrentWidget(self.sign_in_page)
        else:
            self.lock_page.show_for(user.name, since, user.staff_number)
            self.setCurrentWidget(self.lock_page)
        self._put_away = [w for w in windows if w is not None and w.isVisible()]
        for w in self._put_away:
            w.hide()
        from PySide6.QtWidgets import QDialog  # loaded by the first lock, not for the first paint

        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        self._veils = [DialogVeil(d) for d in dialogs]

    def uncover(self) -> None:
        """The same user is back: everything as it was, typed text included."""
        self._lift()
        for w in self._put_away:
            w.show()
        self._put_away = []

    def hand_over(self) -> None:
        """Another user unlocked: the previous user's dialogs are cancelled and windows closed."""
        dialogs = [v.dialog for v in self._veils]
        self._lift()
        for dialog in dialogs:
            dialog.reject()
        for w in self._put_away:
            w.close()
        self._put_away = []

    def _lift(self) -> None:
        for veil in self._veils:
            veil.lift()
        self._veils = []
        self.show_work()
