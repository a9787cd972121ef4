"""The status bar's two lasting notes: whether the outbox has sent everything, and which catalogue
is in use. Each keeps its own state, so the window only tells them what changed."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.services.changes import Changes
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.workspace import LoadedCatalogue
    from app.services.workstation import Workstation


class OutboxStatus(QLabel):
    """"All records sent", or how many wait, or were refused (with why, on hover); it also sends
    what is due, on a timer and after each change, one attempt at a time, on a worker. Blank until
    the workstation's storage is open (just after the window's first paint)."""

    #: How often the outbox is tried while records wait (ms); each entry backs off on its own.
    SEND_INTERVAL_MS = 5000

    def __init__(self, station: Workstation, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxStatus")
        self.station, self.runner = station, runner
        self._sending = False
        self.timer = QTimer(self)
        self.timer.setInterval(self.SEND_INTERVAL_MS)
        self.timer.timeout.connect(self.send)
        self.timer.start()

    def send(self) -> None:
        if self._sending or not self.station.storage_open or not self.station.unsent():
            return
        self._sending = True
        self.runner.submit(self.station.send_due, on_done=self._sent, on_error=lambda _e: self._sent(None))

    def _sent(self, _changes: Changes | None) -> None:
        self._sending = False
        self.retranslateUi()

    def retranslateUi(self) -> None:
        """Also the refresh: the counts are read again (local and quick)."""
        if not self.station.storage_open:
            return
        waiting, refused = self.station.unsent(), self.station.refused()
        if refused:
            text = self.tr("{n} records refused by the platform (hover for why)").format(n=len(refused))
            colour = "#c62828"
        elif waiting:
            text, colour = self.tr("{n} records waiting to be sent").format(n=waiting), "#c77700"
        else:
            text, colour = self.tr("All records sent"), "#1b7f3b"
        self.setText(text)
        self.setStyleSheet(f"color: {colour}")
        self.setToolTip("\n".join(
            self.tr("{when}: {error}").format(when=time.strftime("%Y-%m-%d %H:%M", time.localtime(e.created)),
                                               error=e.last_error) for e in refused))


class CatalogueStatus(QLabel):
    """Which recognition catalogue the verdicts use, and where it came from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueStatus")
        self.loaded: LoadedCatalogue | None = None

    def show_loaded(self, loaded: LoadedCatalogue) -> None:
        self.loaded = loaded
        self.retranslateUi()

    def show_failure(self, error: BaseException) -> None:
        self.setText(self.tr("Catalogue not loaded: {e}").format(e=error))

    def retranslateUi(self) -> None:
        loaded = self.loaded
        if loaded is None:
            self.setText(self.tr("Loading recognition catalogue…"))
            return
        origin = {"platform": self.tr("from the platform"), "cache": self.tr("cached copy"),
                  "bundled": self.tr("bundled copy")}[loaded.origin]
        self.setText(self.tr("Recognition catalogue {version} ({origin}), {n} items").format(
            version=loaded.catalogue.version, origin=origin, n=len(loaded.catalogue.items)))
        self.setToolTip(loaded.problem)
