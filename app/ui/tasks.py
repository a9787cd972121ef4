"""Background work: a plain function runs on a pool thread, its result comes back on the UI thread.

Two lanes, as in Anki's task manager: `run` on a parallel pool for the network (a slow hospital
must not hold up the others), `write` on a serial one for the local stores (SQLite with
`synchronous=FULL`: one writer at a time, in the order asked, and never the UI thread waiting
for a disk flush).

The body of a task is an ordinary function (a service call) that tests can call directly;
widgets only see the result, delivered through a queued signal, so no widget is ever
touched off the main thread. `idle` tells when everything asked for has finished, which
`--screenshot` and the tests wait for.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("huren.ui")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Runnable(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[..., Any], args: tuple) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner, self._id, self._fn, self._args = runner, task_id, fn, args

    def run(self) -> None:  # on a pool thread
        try:
            result = self._fn(*self._args)
        except BaseException as e:  # reported to the UI thread, never lost in the pool
            log.exception("background task %s failed", getattr(self._fn, "__name__", self._fn))
            self._runner._finished.emit(self._id, None, e)
        else:
            self._runner._finished.emit(self._id, result, None)


class TaskRunner(QObject):
    """Runs tasks on its own pool so that a slow hospital cannot starve other work."""

    idle = Signal()
    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 16) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Done, Failed | None]] = {}
        self._stopped = False
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Done, on_error: Failed | None = None) -> None:
        """On the parallel lane: network work."""
        self._start(self._pool, fn, args, on_done, on_error)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Done, on_error: Failed | None = None) -> None:
        """On the serial lane: local writes, one at a time, in the order asked."""
        self._start(self._serial, fn, args, on_done, on_error)

    def _start(self, pool: QThreadPool, fn: Callable[..., Any], args: tuple, on_done: Done,
               on_error: Failed | None) -> None:
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        pool.start(_Runnable(self, task_id, fn, args))

    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result: Any, error: BaseException | None) -> None:
        if self._stopped:
            # After shutdown nothing calls back: the window may already have closed what the
            # callback would touch (the outbox, the workspace's sessions).
            self._pending.pop(task_id, None)
            return
        on_done, on_error = self._pending[task_id]
        try:
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
        finally:
            # Callbacks may submit follow-up work first, so idle means the whole chain is done.
            del self._pending[task_id]
            if not self._pending:
                self.idle.emit()

    def shutdown(self, msecs: int = 3000) -> None:
        self._stopped = True
        self._pool.clear()
        self._pool.waitForDone(msecs)
        # Writes asked for are finished, not dropped: they are what the user was told is kept.
        self._serial.waitForDone(max(msecs, 30_000))
