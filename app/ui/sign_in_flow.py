"""One browser sign-in at a time, from the click to the signed-in staff member, off the UI thread.

Discovery and the wait for the browser happen on workers; the browser is opened on the UI
thread (QDesktopServices). The window listens to `signed_in` and `failed` and decides what a
sign-in means (a new user, the same user back at the lock).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.sign_in import BrowserSignIn, PlatformSession


class BrowserSignInFlow(QObject):
    signed_in = Signal(object)     # StaffMember
    failed = Signal(str, bool)     # words for the user; whether the user cancelled

    def __init__(self, session: Callable[[], PlatformSession], runner: TaskRunner, open_url: Callable[[str], bool],
                 parent: QObject | None = None) -> None:
        """`session` gives the platform session, made on first use (after the window's first paint)."""
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.open_url = open_url
        self.busy = False
        self._attempt: BrowserSignIn | None = None

    def start(self) -> None:
        """Open the hospital's sign-in page in the browser; nothing when one is under way."""
        if self.busy:
            return
        self.busy = True
        self.runner.submit(self.session().begin_browser_sign_in, on_done=self._browse, on_error=self._fail)

    def cancel(self) -> None:
        if self._attempt is not None:
            self._attempt.cancel()

    def _browse(self, attempt: BrowserSignIn) -> None:
        self._attempt = attempt
        if not self.open_url(attempt.url):
            attempt.cancel()
            self._end()
            self.failed.emit(self.tr("no web browser could be opened"), False)
            return
        self.runner.submit(attempt.complete, on_done=self._done, on_error=self._fail)

    def _done(self, member: object) -> None:
        self._end()
        self.signed_in.emit(member)

    def _fail(self, error: BaseException) -> None:
        self._end()
        self.failed.emit(getattr(error, "message", None) or str(error), getattr(error, "error", "") == "cancelled")

    def _end(self) -> None:
        self.busy = False
        self._attempt = None
