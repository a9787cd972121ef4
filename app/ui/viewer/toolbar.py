"""The viewer's toolbar: mouse tool, window preset, fit / 1:1, overlays, cine, compare and linked scrolling.

The toolbar only offers; the window decides. Choices come out as signals (a tool, a window,
fit, 1:1) or as the checkable actions' own `toggled` (overlays, cine, link), so the window
can also set those states itself without a loop. Its words keep the translation context
"ViewerWindow" they had when the window built the toolbar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar, QToolButton, QWidget

from app.ui.shortcuts import VIEWER_KEYS, bind, name_key, name_keys
from app.ui.viewer.image_pane import Tool
from app.ui.viewer.window_presets import window_presets

if TYPE_CHECKING:
    from app.domain.windowing import Window
    from app.ui.viewer.image_stack import Slice


class ViewerToolbar(QToolBar):
    tool_chosen = Signal(object)          # Tool
    preset_chosen = Signal(object)        # Window, or None for the file's own window
    fit_requested = Signal()
    one_to_one_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerToolbar")
        self.setMovable(False)
        group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool in Tool:
            action = QAction(self, checkable=True)
            action.setObjectName(f"tool_{tool.value}")
            action.triggered.connect(lambda _=False, t=tool: self.tool_chosen.emit(t))
            group.addAction(action)
            self.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[Tool.WINDOW].setChecked(True)
        self.addSeparator()
        self.preset_box = QComboBox(self)
        self.preset_box.setObjectName("presetBox")
        self.preset_box.setMinimumContentsLength(12)
        self.preset_box.activated.connect(lambda row: self.preset_chosen.emit(self.preset_box.itemData(row)))
        self.addWidget(self.preset_box)
        self.addSeparator()
        self.fit_action = self.addAction("", self.fit_requested.emit)
        self.one_action = self.addAction("", self.one_to_one_requested.emit)
        self.overlay_action = QAction(self, checkable=True, checked=True)
        self.addAction(self.overlay_action)
        self.cine_action = QAction(self, checkable=True)
        self.cine_action.setObjectName("cineAction")
        self.addAction(self.cine_action)
        for tool, action in self.tool_actions.items():
            bind(action, VIEWER_KEYS[tool.value])
        for action, what in ((self.fit_action, "fit"), (self.one_action, "one_to_one"),
                             (self.overlay_action, "overlays"), (self.cine_action, "cine")):
            bind(action, VIEWER_KEYS[what])
        self.addSeparator()
        self.compare_button = QToolButton(self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.compare_menu = QMenu(self)
        self.compare_button.setMenu(self.compare_menu)
        self.compare_button.setEnabled(False)
        self.addWidget(self.compare_button)
        self.link_action = QAction(self, checkable=True)
        self.link_action.setObjectName("linkAction")
        self.link_action.setEnabled(False)
        self.addAction(self.link_action)

    def retranslate(self, playing: bool, current: Slice | None, window: Window | None) -> None:
        """Every label in the current language; the presets are relabelled for the image on screen."""
        self.setWindowTitle(QCoreApplication.translate("ViewerWindow", "Image tools"))
        names = {Tool.WINDOW: QCoreApplication.translate("ViewerWindow", "Window/level"),
                 Tool.PAN: QCoreApplication.translate("ViewerWindow", "Pan"),
                 Tool.ZOOM: QCoreApplication.translate("ViewerWindow", "Zoom"),
                 Tool.MEASURE: QCoreApplication.translate("ViewerWindow", "Measure")}
        for tool, action in self.tool_actions.items():
            action.setText(names.get(tool, tool.value))
        self.fit_action.setText(QCoreApplication.translate("ViewerWindow", "Fit"))
        self.one_action.setText(QCoreApplication.translate("ViewerWindow", "1:1"))
        self.overlay_action.setText(QCoreApplication.translate("ViewerWindow", "Overlays"))
        self.show_playing(playing)
        self.compare_button.setText(QCoreApplication.translate("ViewerWindow", "Compare with prior"))
        self.link_action.setText(QCoreApplication.translate("ViewerWindow", "Link scrolling"))
        name_keys([*self.tool_actions.values(), self.fit_action, self.one_action, self.overlay_action])
        self.rebuild_presets(current, window)

    def show_playing(self, playing: bool) -> None:
        """The cine action names what a click will do: pause a playing clip, play a still one."""
        self.cine_action.setText(QCoreApplication.translate("ViewerWindow", "Pause") if playing
                                 else QCoreApplication.translate("ViewerWindow", "Play"))
        name_key(self.cine_action)

    def choose_tool(self, tool: Tool) -> None:
        self.tool_actions[tool].setChecked(True)

    def rebuild_presets(self, current: Slice | None, window: Window | None) -> None:
        """Offer the windows that fit the image on screen, and show which one it is displayed in."""
        box = self.preset_box
        box.blockSignals(True)
        box.clear()
        for text, preset in window_presets(current):
            box.addItem(text, preset)
        box.blockSignals(False)
        self.show_window(window)

    def show_window(self, window: Window | None) -> None:
        """Select the preset the image is displayed in; "as stored" when it is none of them (dragged)."""
        box = self.preset_box
        row = next((i for i in range(1, box.count()) if box.itemData(i) == window), 0)
        box.setCurrentIndex(row)

    def offer_priors(self, labels: list[str]) -> list[QAction]:
        """The compare menu lists these studies; the window connects the returned actions."""
        self.compare_menu.clear()
        actions = [self.compare_menu.addAction(label) for label in labels]
        self.compare_button.setEnabled(bool(labels))
        return actions
