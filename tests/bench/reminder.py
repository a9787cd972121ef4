"""Reminder benchmark: the recognizable-results reminder against the chart it sits on.

On the demo platform (no images), for the showcase patient, in the same run:
- services: look-up + chart (lab reports and imaging studies, mapped and assessed) + `reminders`,
  against look-up + chart alone; the two alternate, so load on the machine hits both.
  Target ≤ 1.2: the reminder costs the doctor next to nothing on top of opening the chart.
- the window: from the search until the reminder band is filled, against from the search until
  the chart has loaded (every source in), as the doctor meets them.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time

from tests.bench import median_time

Row = tuple[str, float, str, float, str]
ROUNDS = 15


def _services(server, now) -> tuple[float, float, int]:
    """(chart alone, chart + reminders, reminders found), medians of alternating rounds."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.chart import load_chart
    from app.services.lookup import PatientQuery, lookup_all
    from app.services.reminders import reminders
    from app.services.workspace import Workspace
    from tests.ui.conftest import demo_site

    workspace = Workspace.from_config(demo_site(server.fhir_base))
    workspace.now = lambda: now  # type: ignore[method-assign] # the demo data's fixed "now"
    query = PatientQuery.resident_id(SHOWCASE_RESIDENT_ID)
    organization = workspace.config.organization
    try:
        def chart():
            return load_chart(workspace, lookup_all(workspace, query).matches[0])

        def reminded() -> list:
            c = chart()
            return reminders(c.reports, c.studies, organization)

        found = reminded()   # warm: catalogue, connections
        assert found, "the showcase patient has no reminder"
        pairs = [(median_time(chart, 1), median_time(reminded, 1)) for _ in range(ROUNDS)]
        return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs), len(found)
    finally:
        workspace.close()


def _window(server, now) -> tuple[float, float]:
    """(search → chart loaded, search → reminder band filled) in the main window, medians."""
    from PySide6.QtWidgets import QApplication

    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.workspace import Workspace
    from app.ui.main_window import MainWindow
    from tests.ui.conftest import demo_site

    app = QApplication.instance() or QApplication([])
    home = os.environ.get("HUREN_HOME")
    folder = tempfile.mkdtemp(prefix="huren-bench-reminder-")   # the window's config, audit log, keys
    os.environ["HUREN_HOME"] = folder
    workspace = Workspace.from_config(demo_site(server.fhir_base))
    workspace.now = lambda: now  # type: ignore[method-assign] # the demo data's fixed "now"
    window = MainWindow(workspace)
    try:
        window.resize(1400, 900)
        window.show()
        chart, band, panel = window.chart, window.chart.reminder_band, window.search_panel
        marks: dict[str, float] = {}
        chart.loaded.connect(lambda: marks.setdefault("loaded", time.perf_counter()))
        fill = band.set_reminders

        def timed_fill(shown) -> None:   # the band's own method, timed when it first gets lines
            fill(shown)
            if shown:
                marks.setdefault("band", time.perf_counter())

        band.set_reminders = timed_fill  # type: ignore[method-assign]
        panel.mode.setCurrentIndex(0)
        panel.id_edit.setText(SHOWCASE_RESIDENT_ID)
        loaded, filled = [], []
        for run in range(ROUNDS + 1):
            marks.clear()
            t = time.perf_counter()
            panel.search()
            deadline = t + 60
            while not ("loaded" in marks and "band" in marks and not window.runner.busy):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"the chart or its reminder did not come: {marks}")
                app.processEvents()
                time.sleep(0.0005)
            assert band.isVisible() and band.reminders
            if run:   # the first opening warms the catalogue and connections
                loaded.append(marks["loaded"] - t)
                filled.append(marks["band"] - t)
        return statistics.median(loaded), statistics.median(filled)
    finally:
        window.send_timer.stop()
        window.runner.shutdown(10_000)
        window.station.close()
        window.close()
        window.deleteLater()
        app.processEvents()
        workspace.close()
        if home is None:
            os.environ.pop("HUREN_HOME", None)
        else:
            os.environ["HUREN_HOME"] = home
        shutil.rmtree(folder, ignore_errors=True)


def bench_reminder(server, now) -> list[Row]:
    """`server`: a running SandboxServer with the demo data (no images) anchored at `now`."""
    alone, reminded, found = _services(server, now)
    loaded, filled = _window(server, now)
    return [
        (f"showcase chart + reminders ({found}), services", reminded, "look-up + chart alone", alone,
         "target ≤ 1.2"),
        ("window: search → reminder band filled", filled, "search → chart loaded", loaded, "target ≤ 1.2"),
    ]


if __name__ == "__main__":   # this row alone: python -m tests.bench.reminder
    import sys
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.sandbox.server import SandboxServer
    from tests.bench.__main__ import ANCHOR

    with tempfile.TemporaryDirectory() as tmp:
        demo = SandboxServer(Path(tmp) / "demo", anchor=ANCHOR, images=False).start()
        try:
            for name, value, base_name, base, note in bench_reminder(demo, ANCHOR):
                print(f"{name:55} {value * 1000:8.1f}ms  {base_name:28} {base * 1000:8.1f}ms "
                      f"{value / base:6.2f}  {note}")
        finally:
            demo.stop()
    sys.exit(0)
