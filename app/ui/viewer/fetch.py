"""Streams a series on a pool thread and hands each instance to the UI thread as it arrives.

TaskRunner hands back one result per task; a series is hundreds of results over seconds,
and the first must reach the screen at once, so this worker emits one signal per instance.
Closing the viewer cancels it between instances.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.services.image_loading import ImageSource, SeriesRef

log = logging.getLogger("huren.images")


class SeriesFetch(QObject):
    arrived = Signal(object)      # DecodedInstance or Unreadable, in arrival order
    failed = Signal(str)          # the whole series could not be fetched: why, in words
    finished = Signal()           # after the last instance, or after `failed`

    def __init__(self, source: ImageSource, series: SeriesRef, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source, self.series = source, series
        self._cancel = threading.Event()
        self.running = False

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
                f.arrived.emit(item)
        except Exception as e:  # noqa: BLE001 - reported in words to the window, logged in full
            log.warning("fetching series failed: %s", e, exc_info=True)
            f.failed.emit(str(e) or type(e).__name__)
        finally:
            f.finished.emit()


def list_series(source: ImageSource) -> list[SeriesRef]:
    """For TaskRunner: the series of a source (blocking; on a worker)."""
    return source.list_series()
