"""Background tasks: results come back on the UI thread, and nothing calls back after shutdown."""

from __future__ import annotations

import threading

from app.ui.tasks import TaskRunner


def test_results_arrive_and_idle_follows(qtbot):
    runner = TaskRunner()
    got = []
    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit(lambda x: x * 2, 21, on_done=got.append)
    assert got == [42] and not runner.busy


def test_no_callback_runs_after_shutdown(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    got = []
    runner.submit(lambda: release.wait(5) and "late", on_done=got.append)
    release.set()
    runner.shutdown(5000)          # the task has finished; its queued result must not be delivered
    qtbot.wait(100)
    assert got == []
