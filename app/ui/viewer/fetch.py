"""Streams a series on a pool thread and hands each instance to the UI thread as it arrives.

TaskRunner hands back one result per task; a series is hundreds of results over seconds,
and the first must reach the screen at once. Instances wait in a list for the UI thread to
`take` them, and `arrived` is emitted only when the list was empty: the window takes a series'
first instance at once and the rest at its next refresh, all that arrived meanwhile in one go,
instead of a queued call (and a wait for the interpreter lock) per instance. Closing the
viewer cancels the fetch between instances.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.dicom_instance import DecodedInstance
from app.services.image_loading import ImageSource, SeriesRef, Unreadable

log = logging.getLogger("huren.images")


class SeriesFetch(QObject):
    arrived = Signal()            # instances wait to be taken (`take`)
    failed = Signal(str)          # the whole series could not be fetched: why, in words
    finished = Signal()           # after the last instance, or after `failed`

    def __init__(self, source: ImageSource, series: SeriesRef, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source, self.series = source, series
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._waiting: list[DecodedInstance | Unreadable] = []
        self.running = False

    def take(self) -> list[DecodedInstance | Unreadable]:
        """The instances that arrived since the last call, in arrival order (on the UI thread)."""
        with self._lock:
            items, self._waiting = self._waiting, []
        return items

    def _hand_over(self, item: DecodedInstance | Unreadable) -> None:
        """On the fetch's thread: `item` waits to be taken; the UI is told unless it already was."""
        with self._lock:
            self._waiting.append(item)
            tell = len(self._waiting) == 1
        if tell:
            self.arrived.emit()

    def start(self, pool: QThreadPool) -> None:
        self.running = True
        pool.start(_Run(self))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Run(QRunnable):
    def __init__(self, fetch: SeriesFetch) -> None:
        super().__init__()
        self.fetch = fetch

    def run(self) -> None:  # on a pool thread
        f = self.fetch
        try:
            for item in f.source.stream(f.series, lambda: f.cancelled):
                if f.cancelled:
                    break
                f._hand_over(item)
        except Exception as e:  # noqa: BLE001 - reported in words to the window, logged in full
            log.warning("fetching series failed: %s", e, exc_info=True)
            f.failed.emit(str(e) or type(e).__name__)
        finally:
            f.finished.emit()


def list_series(source: ImageSource) -> list[SeriesRef]:
    """For TaskRunner: the series of a source (blocking; on a worker)."""
    return source.list_series()
