"""A series' instances reach the window in order, without a queued call per instance when it is busy."""

from __future__ import annotations

import time

from PySide6.QtCore import QThreadPool

from app.ui.viewer.fetch import SeriesFetch
from tests.ui.viewer.synthetic import ListSource, ct_slice


def test_instances_that_arrive_while_the_window_is_busy_are_taken_together_in_order(qtbot):
    items = [ct_slice(float(i), i) for i in range(1, 61)]
    source = ListSource(items)
    fetch = SeriesFetch(source, source.ref)
    batches: list[list] = []

    def busy_window() -> None:       # a window that takes 5 ms to take in what arrived
        batches.append(fetch.take())
        time.sleep(0.005)

    fetch.arrived.connect(busy_window)
    with qtbot.waitSignal(fetch.finished, timeout=10_000):
        fetch.start(QThreadPool.globalInstance())
    taken = [item for batch in batches for item in batch]
    assert [i.info.instance_number for i in taken] == list(range(1, 61))   # every one, in arrival order
    assert all(batches)                                                      # never told of nothing
    assert len(batches) < len(items) / 3                                     # not one queued call each
    assert fetch.take() == []


def test_the_first_instance_is_handed_over_alone_at_once(qtbot):
    """An instance never waits for the next one: the window hears of the first as it arrives."""
    import threading

    gate = threading.Event()
    source = ListSource([ct_slice(0.0, 1), ct_slice(1.0, 2)], gate=gate, hold_after=1)
    fetch = SeriesFetch(source, source.ref)
    taken: list = []
    fetch.arrived.connect(lambda: taken.extend(fetch.take()))
    fetch.start(QThreadPool.globalInstance())
    qtbot.waitUntil(lambda: len(taken) == 1, timeout=5000)                # the second is still held back
    with qtbot.waitSignal(fetch.finished, timeout=5000):
        gate.set()
    assert [i.info.instance_number for i in taken] == [1, 2]
