"""The watchdog behind every request's deadline: callbacks on time, and a quiet thread while a series streams."""

from __future__ import annotations

import threading
import time

from app.platform.deadlines import Watchdog


class _CountingCondition(threading.Condition):
    """A Condition that counts the times its waiter was woken."""

    def __init__(self) -> None:
        super().__init__()
        self.notified = 0

    def notify(self, n: int = 1) -> None:
        self.notified += 1
        super().notify(n)


def test_an_armed_callback_fires_at_its_time_and_a_disarmed_one_never():
    dog = Watchdog()
    fired, spared = threading.Event(), threading.Event()
    started = time.monotonic()
    dog.arm(started + 0.05, fired.set)
    dog.disarm(dog.arm(started + 0.05, spared.set))
    assert fired.wait(5.0)
    assert time.monotonic() - started >= 0.05
    time.sleep(0.2)
    assert not spared.is_set()


def test_an_earlier_deadline_armed_after_a_later_one_is_not_held_back_by_it():
    dog = Watchdog()
    late, early = threading.Event(), threading.Event()
    now = time.monotonic()
    dog.arm(now + 30.0, late.set)
    time.sleep(0.05)                    # the thread now waits for the late one
    dog.arm(time.monotonic() + 0.05, early.set)
    assert early.wait(5.0)
    assert not late.is_set()


def test_a_deadline_behind_a_disarmed_one_still_fires():
    dog = Watchdog()
    fired = threading.Event()
    now = time.monotonic()
    dog.disarm(dog.arm(now + 0.05, lambda: None))
    dog.arm(now + 0.15, fired.set)
    assert fired.wait(5.0)


def test_reads_that_arm_and_disarm_later_deadlines_do_not_wake_the_thread():
    """A series' reading thread arms and disarms for every read: the watchdog thread is woken only
    for a deadline earlier than the one it waits for, and the disarmed ones do not pile up."""
    dog = Watchdog()
    dog._wake = wake = _CountingCondition()
    fired = threading.Event()
    now = time.monotonic()
    dog.arm(now + 20.0, lambda: None)   # a request that has its own deadline, further on
    time.sleep(0.05)
    woken_before = wake.notified
    for i in range(2_000):
        dog.disarm(dog.arm(now + 30.0 + i * 1e-3, fired.set))
    assert wake.notified == woken_before
    assert len(dog._heap) <= 100
    dog.arm(time.monotonic() + 0.05, fired.set)     # earlier than what it waits for: woken
    assert wake.notified == woken_before + 1
    assert fired.wait(5.0)
