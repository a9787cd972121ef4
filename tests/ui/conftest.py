from __future__ import annotations

import pytest

from app.config import SiteConfig, SourceConfig
from app.services.workspace import Workspace


def demo_site(fhir_base: str, *extra: SourceConfig) -> SiteConfig:
    from app.sandbox import demo_data

    return SiteConfig(sources=(SourceConfig("demo", fhir_base, label="演示平台"), *extra),
                      organization=demo_data.VIEWING_ORGANIZATION_ID, region=demo_data.VIEWING_REGION, demo=True)


def search_resident_id(qtbot, window, resident_id: str) -> None:
    """What a doctor does: resident-ID mode, type the number, press Search."""
    from PySide6.QtCore import Qt

    panel = window.search_panel
    panel.mode.setCurrentIndex(0)
    qtbot.keyClicks(panel.id_edit, resident_id)
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)


def open_showcase_chart(qtbot, window) -> None:
    """Search the demo's showcase patient and wait until every source's chart (images too) is in."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    search_resident_id(qtbot, window, SHOWCASE_RESIDENT_ID)
    qtbot.waitUntil(lambda: window.chart.is_loaded and window.chart.assessed_studies and not window.runner.busy,
                    timeout=30_000)


@pytest.fixture
def make_window(qtbot):
    """A main window on a workspace; closed and its workers drained after the test."""
    from app.ui.main_window import MainWindow

    made = []

    def make(config: SiteConfig, now=None, **window_options):
        workspace = Workspace.from_config(config)
        if now is not None:
            workspace.now = lambda: now  # the demo data's fixed "now"
        window = MainWindow(workspace, **window_options)
        qtbot.addWidget(window)
        window.show()
        made.append((window, workspace))
        return window

    yield make
    for window, workspace in made:
        window.send_timer.stop()
        window.runner.shutdown(10_000)
        window.station.close()
        workspace.close()
