"""The hand-over between the thread reading a series and the one handing it on: a few items a wake-up,
none kept waiting for company longer than the patience (app/platform/dicom/handover.py)."""

from __future__ import annotations

import threading
import time

from app.platform.dicom.handover import Handover


class Taker:
    """`take()` on a thread of its own, once: what it got and when."""

    def __init__(self, handover: Handover[int]) -> None:
        self.got: list[int] | None = None
        self.done = threading.Event()
        self.started = time.monotonic()
        self.seconds = 0.0

        def run() -> None:
            self.got = handover.take()
            self.seconds = time.monotonic() - self.started
            self.done.set()

        threading.Thread(target=run, daemon=True).start()


def waiting(handover: Handover[int]) -> Taker:
    """A taker, once it is waiting."""
    taker = Taker(handover)
    deadline = time.monotonic() + 10
    while not handover._taker_waits:
        assert time.monotonic() < deadline, "the taker never waited"
        time.sleep(0.001)
    return taker


def test_a_waiting_taker_is_woken_once_a_batch_is_full():
    handover: Handover[int] = Handover(batch=4, patience=60)
    taker = waiting(handover)
    for i in range(3):
        handover.put(i)
    assert not taker.done.wait(0.3)     # three of four: still asleep
    handover.put(3)
    assert taker.done.wait(10)
    assert taker.got == [0, 1, 2, 3]


def test_an_item_put_now_wakes_the_taker_at_once():
    handover: Handover[int] = Handover(batch=4, patience=60)
    taker = waiting(handover)
    handover.put(7, now=True)
    assert taker.done.wait(10)
    assert taker.got == [7]


def test_flush_wakes_the_taker_for_fewer_than_a_batch():
    handover: Handover[int] = Handover(batch=4, patience=60)
    taker = waiting(handover)
    handover.put(1)
    handover.put(2)
    assert not taker.done.wait(0.2)
    handover.flush()
    assert taker.done.wait(10)
    assert taker.got == [1, 2]


def test_a_few_items_are_taken_after_the_patience_without_a_wake_up():
    handover: Handover[int] = Handover(batch=4, patience=0.3)
    taker = waiting(handover)
    handover.put(5)
    assert taker.done.wait(10)
    assert taker.got == [5]
    assert taker.seconds >= 0.25    # taken at the patience's end, not woken by the put


def test_what_waits_already_is_taken_without_waiting_and_in_order():
    handover: Handover[int] = Handover(batch=100, patience=60)
    for i in range(10):
        handover.put(i)
    assert handover.take() == list(range(10))
    handover.put(10)
    assert handover.take() == [10]
