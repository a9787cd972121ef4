"""Items handed from one thread to another a few at a time: one wake-up for several.

A series' parts go from the thread that reads the network to the thread that hands them over
(`DecodePool.decode_stream`). Handed one by one through a queue, every part woke the taker,
which then waited for the interpreter lock the reader held, and the reader for it in turn: the
taker alone switched context ~600 times for a 300-slice CT. Four at a time, that CT opened in
136-151 ms against 155-166 (the sandbox on 2 cores, processes alternating, 4 × 8 openings),
with 134-151 ms of the process's CPU against 148-161. The taker is woken when `batch` items
wait, or at once for an item put `now` (a series' first part, an error, the end); a few that
wait for longer than `patience` are taken then (a slow network), so no item waits more than
that for want of company.
"""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

T = TypeVar("T")


class Handover(Generic[T]):
    """A one-way hand-over between two threads: `put` by one, `take` (all that waits) by the other."""

    def __init__(self, batch: int, patience: float = 0.01) -> None:
        self.batch = batch
        self.patience = patience
        self._ready = threading.Condition(threading.Lock())
        self._items: list[T] = []
        self._taker_waits = False

    def put(self, item: T, now: bool = False) -> None:
        """`item` waits to be taken; the taker is woken if it waits and `now` or a batch is full."""
        with self._ready:
            self._items.append(item)
            if self._taker_waits and (now or len(self._items) >= self.batch):
                self._ready.notify()

    def flush(self) -> None:
        """Wakes the taker for what waits, however few (the putter is about to wait itself)."""
        with self._ready:
            if self._taker_waits and self._items:
                self._ready.notify()

    def take(self) -> list[T]:
        """Everything that waits, in the order put, once there is something: blocks until a batch
        is full, an item came `now`, `flush` is called, or `patience` has passed with items waiting."""
        with self._ready:
            while not self._items:
                self._taker_waits = True
                try:
                    self._ready.wait(self.patience)
                finally:
                    self._taker_waits = False
            items, self._items = self._items, []
        return items
