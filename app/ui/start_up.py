"""What the main window does once it has painted: nothing the first paint does not need runs before it.

The window builds its widgets and shows them. Right after its first paint the rest starts, off the
UI thread, so the doctor can type into the patient search while it runs:

- the storage (the key at rest from the keyring, the outbox, the orders awaiting consent, the audit
  trail) opens on the serial lane; then the outbox note shows, and the red banner on an unprotected
  workstation; a workstation that may not keep patient records says so (`storage_refused`);
- the platform session (the token source of every request, with `requests` behind it) is made on the
  parallel lane; then the recognition catalogue is fetched;
- with both, the sign-in starts (a session kept in the keyring, or the list of demo accounts): a
  sign-in is audited, so it waits for the storage. The chart's views are then imported on a
  worker, so that the first patient's chart does not wait for them (their widgets wait for it).

The auto-lock starts watching the input then too (its filter sees every event of the application).
Nothing of this waits for the network on the UI thread. A window that never paints (covered on a
desktop without a compositor) starts after `FALLBACK_MS` all the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.services.sign_in import PlatformSession
    from app.services.workstation import Workstation
    from app.ui.banners import UnprotectedBanner
    from app.ui.session_control import SessionControl
    from app.ui.status_widgets import CatalogueStatus, OutboxStatus
    from app.ui.tasks import TaskRunner

#: Start without a paint after this long (ms): long enough that a slow first paint still comes first.
FALLBACK_MS = 3000


class StartUp(QObject):
    """Starts the window's work after its first paint; says when the storage is open, or refused."""

    storage_opened = Signal()
    storage_refused = Signal(str)   # why no patient data may be opened here

    def __init__(self, window: QWidget, station: Workstation, runner: TaskRunner, sessions: SessionControl,
                 notes: tuple[OutboxStatus, CatalogueStatus, UnprotectedBanner]) -> None:
        """`notes`: what shows the outbox, the catalogue and an unprotected workstation."""
        super().__init__(window)
        self.window, self.station, self.runner, self.sessions = window, station, runner, sessions
        self.outbox_label, self.catalogue_label, self.unprotected_banner = notes
        self.started = False
        self._waiting = {"storage", "session"}   # what the sign-in waits for
        window.installEventFilter(self)
        self._fallback = QTimer(self)   # goes with the window, should it never paint
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self.start)
        self._fallback.start(FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.started:
            QTimer.singleShot(0, self.start)   # after the paint has reached the screen
        return False

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self._fallback.stop()
        self.window.removeEventFilter(self)
        self.sessions.watch_input()   # the auto-lock's application-wide filter: not over the first paint
        self.open_storage()
        self.runner.submit(_platform_session, self.station, on_done=self._session_ready)

    def stop(self) -> None:
        """The window closes: nothing starts any more."""
        self.started = True
        self._fallback.stop()

    def open_storage(self) -> None:
        """Open the workstation's storage on the serial lane (again, after a refusal the user retries)."""
        self.runner.write(self.station.open_storage, on_done=self._storage_opened,
                          on_error=lambda e: self.storage_refused.emit(str(e)))

    def _storage_opened(self, _none: None) -> None:
        unprotected = self.station.workspace.records_at_rest().unprotected   # the sealer is made: no keyring call
        self.unprotected_banner.setToolTip(unprotected)
        self.unprotected_banner.setVisible(bool(unprotected))
        self.outbox_label.retranslateUi()
        self.outbox_label.send()
        self.storage_opened.emit()
        self._ready("storage")

    def _session_ready(self, _session: PlatformSession) -> None:
        self.sessions.listen()   # before any request can meet the platform asking for a sign-in
        self.runner.submit(self.station.catalogue, on_done=self.catalogue_label.show_loaded,
                           on_error=self.catalogue_label.show_failure)
        self._ready("session")

    def _ready(self, what: str) -> None:
        self._waiting.discard(what)
        if not self._waiting:
            self.sessions.start()
            from app.ui.chart_panel import import_views

            self.runner.submit(import_views, on_done=lambda _none: None)


def _platform_session(station: Workstation) -> PlatformSession:
    """Made before any request goes out: it gives every request its token (blocking: imports `requests`).
    The patient look-up is imported here too, off the UI thread, for the first search."""
    import app.services.lookup  # noqa: F401 - imported for its cost

    return station.session
