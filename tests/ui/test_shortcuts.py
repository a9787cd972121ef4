"""Keys for the daily path: find a patient, order, consent, step through reports, lock, the viewer's tools."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.viewer.image_pane import Tool
from app.ui.viewer.viewer_window import ViewerWindow
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site, open_showcase_chart


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    """As the user types: into the active window (keys of a window in the background do nothing)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.raise_()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget() or widget, key, modifier)


def test_the_main_window_keys_find_step_and_lock(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    view = window.chart.reports
    window.chart.tabs.setCurrentWidget(window.chart.trends)
    view.select_report(0)
    first = view.current_report()

    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)     # next report
    assert window.chart.tabs.currentWidget() is view and view.current_report() is not first
    press(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)       # and back
    assert view.current_report() is first
    press(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)       # stays at the top
    assert view.current_report() is first

    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)    # to the search field
    assert QApplication.focusWidget() is window.search_panel.id_edit
    assert window.search_panel.id_edit.selectedText() == window.search_panel.id_edit.text()

    assert "Ctrl+N" in window.order_action.toolTip() and "Ctrl+L" in window.toolbar.lock_action.toolTip()
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)    # lock
    assert window.locked and window.pages.currentWidget() is window.lock_page


def test_the_shortcuts_page_lists_every_key_in_the_interface_language(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    qtbot.waitUntil(lambda: window.identity.current is not None, timeout=10_000)
    press(qtbot, window, Qt.Key.Key_F1)
    page = window.keys.page
    assert page is not None and page.isVisible()
    rows = dict(page.rows())
    assert rows["New lab order"] == "Ctrl+N" and rows["Lock"] == "Ctrl+L" and rows["Next report"] == "Alt+Down"
    assert rows["Awaiting consent"] == "Ctrl+Shift+C"                # named without its count
    assert rows["Images: Zoom"] == "Z" and rows["Images: Previous / next slice"] == "Up / Down"
    assert page.table.rowCount() == len(rows)


def test_the_viewer_tools_have_letters(qtbot):
    viewer = ViewerWindow()
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer, timeout=5000)
    tools = viewer.tool_actions
    for key, tool in ((Qt.Key.Key_Z, Tool.ZOOM), (Qt.Key.Key_P, Tool.PAN), (Qt.Key.Key_M, Tool.MEASURE),
                      (Qt.Key.Key_W, Tool.WINDOW)):
        qtbot.keyClick(viewer.focusWidget() or viewer, key)
        assert tools[tool].isChecked(), tool
    assert "(Z)" in tools[Tool.ZOOM].toolTip()
    viewer.close()
