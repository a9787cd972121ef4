"""The window against a hostile platform: each search ends in time, with a clear message, in bounded
memory, and the event loop keeps turning (measured: the longest gap between ticks of a 5 ms timer).
"""

from __future__ import annotations

import gc
import os
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from app.config import SiteConfig, SourceConfig
from app.domain.staff import Role, StaffMember
from tests.helpers.hostile_fhir import MODES, RESIDENT_ID, HostileFhir
from tests.ui.conftest import search_resident_id

TIMEOUT = 3.0
#: What the source's status line must say, per mode: the user learns what went wrong.
MESSAGES = {
    "drip-body": "within 3 s", "drip-headers": "within 3 s", "flood": "larger than", "deep": "unreadable data",
    "long-name": "", "away": "another server", "next-away": "another server", "png": "image/png",
}


def resident_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class LoopProbe:
    """Ticks every 5 ms on the GUI thread: the longest gap between ticks, and the peak resident memory."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest_gap_ms = 0
        self.baseline = self.peak = resident_bytes()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest_gap_ms = max(self.longest_gap_ms, self.clock.restart())
        self.peak = max(self.peak, resident_bytes())

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture(scope="module")
def hostile():
    with HostileFhir() as server:
        yield server


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="resident memory is read from /proc (Linux)")
@pytest.mark.parametrize("mode", MODES)
def test_a_search_ends_in_time_says_why_and_never_blocks_the_window(qtbot, make_window, hostile, mode):
    config = SiteConfig((SourceConfig("hostile", hostile.base(mode), label="恶意平台", timeout_seconds=TIMEOUT),),
                        demo=True)
    window = make_window(config)
    # The platform lists no staff (every answer is hostile): a physician signs in as a demo account would.
    window.identity.sign_in(StaffMember("pr-1", "李明", Role.PHYSICIAN, "org-1"))
    qtbot.waitUntil(window.search_panel.isEnabled, timeout=5_000)
    # The chart's views are built with the first patient shown, whatever the platform (~0.1 s here,
    # its modules imported): built before measuring, or the gap depends on which test ran first.
    assert window.chart.reports is not None
    qtbot.wait(200)                          # the window settles before measuring
    gc.freeze()                              # as the app does once its window is up (app.ui.application)
    probe = LoopProbe()
    started = time.monotonic()
    search_resident_id(qtbot, window, RESIDENT_ID)
    status = window.search_panel.source_status

    def ended() -> bool:
        (outcome,) = status.outcomes()
        return outcome.state.value != "waiting"

    qtbot.waitUntil(ended, timeout=int((TIMEOUT + 10) * 1000))
    seconds = time.monotonic() - started
    qtbot.wait(50)
    probe.stop()
    (outcome,) = status.outcomes()
    print(f"\n{mode}: {seconds:.1f} s, event loop gap {probe.longest_gap_ms} ms, "
          f"+{(probe.peak - probe.baseline) >> 20} MB, {outcome.state.value}: {status.text()[:120]!r}")
    assert seconds < TIMEOUT + 10
    assert probe.longest_gap_ms <= 100, f"event loop blocked {probe.longest_gap_ms} ms"
    assert probe.peak - probe.baseline < 300 * 1024 * 1024, f"{(probe.peak - probe.baseline) >> 20} MB"
    if mode == "long-name":                  # answered: the name is cut where it is shown
        assert outcome.state.value == "ok"
        shown = window.search_panel.results.item(0).text()
        assert shown.startswith("张伟WWW") and len(shown) < 300
        qtbot.waitUntil(lambda: "张伟" in window.chart.banner.headline.text(), timeout=5_000)
        assert len(window.chart.banner.headline.text()) < 400
    else:
        assert outcome.state.value in ("failed", "timed-out", "unreachable", "partial"), outcome
        assert MESSAGES[mode] in status.text(), status.text()
