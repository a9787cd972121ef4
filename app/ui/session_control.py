"""Who is at the keyboard, as the window handles it: signing in (User box, browser, kept session,
HIS launch), signing out, the platform ending the session, and locking when idle.

The workstation decides and audits (app.services.workstation); this turns its answers into
pages: the lock page or the sign-in page over the work, the previous user's patient closed
when someone else takes over.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.staff import StaffMember
from app.services.changes import Changes
from app.services.workstation import Workstation
from app.ui.lock_screen import IdleWatch
from app.ui.main_toolbar import MainToolbar
from app.ui.session_pages import SessionPages
from app.ui.sign_in_flow import BrowserSignInFlow
from app.ui.tasks import TaskRunner


def open_in_browser(url: str) -> bool:
    """The system browser, where the hospital's sign-in page (and its single sign-on) lives."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl(url))


class SessionControl(QObject):
    #: What a sign-in, sign-out or lock changed (Changes): the window applies it.
    changed = Signal(object)
    #: Someone (else, or again) signed in: what waited for a signed-in platform may go on.
    signed_in = Signal(object)
    #: The user signed out: the window closes what they had open.
    signed_out = Signal()
    #: The platform refused to renew the session (emitted from whichever worker noticed).
    _ended = Signal(str)

    def __init__(self, station: Workstation, runner: TaskRunner, pages: SessionPages, toolbar: MainToolbar,
                 open_url: Callable[[str], bool], put_away: Callable[[], list[QWidget | None]],
                 parent: QObject) -> None:
        super().__init__(parent)
        self.station, self.runner, self.pages, self.toolbar = station, runner, pages, toolbar
        self.put_away = put_away
        self.by_browser = station.workspace.config.sign_in_method == "oidc"
        self.idle = IdleWatch(station.workspace.config.auto_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        if (app := QApplication.instance()) is not None:   # its filter sees every event: after the first paint
            app.removeEventFilter(self.idle)               # (watch_input), nobody types before it
        self._ended.connect(self._on_session_ended)
        if self.by_browser:   # the first paint shows the sign-in page, waiting for a kept session
            pages.setCurrentWidget(pages.sign_in_page)
            pages.sign_in_page.show_waiting()
        self.flow = BrowserSignInFlow(lambda: station.session, runner, open_url, self)
        self.flow.signed_in.connect(self.sign_in)
        self.flow.failed.connect(self._failed)
        pages.sign_in_page.sign_in_requested.connect(self.begin_browser_sign_in)
        pages.sign_in_page.cancel_requested.connect(self.flow.cancel)
        pages.lock_page.unlock_requested.connect(self.unlock)
        toolbar.user_chosen.connect(self.sign_in)
        toolbar.sign_out_action.triggered.connect(self.sign_out)
        toolbar.lock_action.triggered.connect(lambda: self.lock())

    def watch_input(self) -> None:
        """Keyboard, mouse and touch input anywhere in the app put off the auto-lock from now on
        (app.ui.start_up: after the first paint)."""
        if (app := QApplication.instance()) is not None:
            app.removeEventFilter(self.idle)   # once, should it be called again
            app.installEventFilter(self.idle)

    def listen(self) -> None:
        """Hear when the platform asks for a sign-in again: as soon as the platform session is made
        (app.ui.start_up), before any request can meet such an answer."""
        self.station.session.on_sign_in_required(self._ended.emit)

    def start(self) -> None:
        """Resume a session kept in the keyring (else the sign-in page), or list the demo accounts.

        After `listen`, and once the storage is open: a sign-in is audited."""
        if self.by_browser:
            self.runner.submit(self.station.session.resume, on_done=self._resumed,
                               on_error=lambda e: self.pages.sign_in_page.show_problem(str(e)))
        else:
            self.runner.submit(self.station.users, on_done=self.toolbar.set_users,
                               on_error=lambda e: self.toolbar.user_box.setToolTip(str(e)))

    def begin_browser_sign_in(self) -> None:
        """Open the hospital's sign-in page in the browser and wait for it on a worker."""
        self.pages.sign_in_page.show_waiting()
        self.flow.start()

    def _failed(self, text: str, cancelled: bool) -> None:
        self.pages.sign_in_page.show_problem(text)
        if not cancelled:
            self.station.sign_in_refused(text)

    def _resumed(self, member: StaffMember | None) -> None:
        if member is None:
            self.pages.sign_in_page.show_sign_in()
        else:
            self.sign_in(member)

    def sign_in(self, member: StaffMember) -> None:
        """Someone signed in (User box, browser, kept session, HIS launch): the same user goes on, or another."""
        previous = self.station.user
        if member != previous and not self.by_browser and self.toolbar.user_box.currentData() != member \
                and self.toolbar.choose(member.practitioner_id):
            return   # the User box announces the account chosen, which comes back here
        changes = self.station.sign_in(member)
        if self.station.locked:
            changes |= self.station.unlock() if member == previous else self.station.handed_over()
            self.pages.uncover() if member == previous else self.pages.hand_over()
            self.idle.restart()
        elif self.pages.signing_in:
            self.pages.show_work()
            self.idle.restart()
        self.signed_in.emit(member)
        self.changed.emit(changes | Changes(user=True))

    def switch_user(self, practitioner_id: str) -> None:
        """Demo accounts: become another staff member, as picking them in the User box does."""
        if not self.toolbar.choose(practitioner_id):
            raise LookupError(f"no demo account for practitioner {practitioner_id}")

    def sign_out(self) -> None:
        """End the session here and on the platform; the next user starts from the sign-in page."""
        changes = self.station.sign_out()
        if not changes:
            return
        self.signed_out.emit()
        self.runner.submit(self.station.end_platform_session, on_done=lambda _none: None)
        self.pages.show_sign_in()
        self.changed.emit(changes)

    def _on_session_ended(self, reason: str) -> None:
        """The platform refused to renew the session: the screen stays, under the sign-in page."""
        user = self.station.user
        if user is None:
            return   # nobody signed in yet: the sign-in page is what shows already
        if self.station.locked:
            self.pages.sign_in_page.show_locked(user.name, self.station.workspace.now(), reason)
        else:
            self.lock(reason)

    def lock(self, reason: str = "") -> None:
        """Hide patient data: the lock page in place of the chart, other windows and dialogs veiled."""
        changes = self.station.lock()
        user = self.station.user
        if changes and user is not None:
            self.idle.stop()
            self.pages.cover(user, self.station.workspace.now(), reason, by_browser=self.by_browser,
                             windows=self.put_away())
            self.changed.emit(changes)

    def unlock(self) -> None:
        """The same user comes back: everything as it was, typed text included."""
        changes = self.station.unlock()
        if changes:
            self.pages.uncover()
            self.idle.restart()
            self.changed.emit(changes)
