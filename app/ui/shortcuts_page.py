"""The keyboard shortcuts page (F1): every key of the main window and the image viewer, in the
interface language. Its own module: it is made when asked for, and its table's Qt types are not
loaded before the window's first paint (app/ui/shortcuts.py declares the keys)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.ui.shortcuts import VIEWER_KEYS

#: A count an action's text carries ("Awaiting consent (3)", "待知情同意（3+）"): not part of its name.
_COUNT = re.compile(r"\s*[（(]\s*\d+\+?\s*[)）]\s*$")


def _viewer_rows() -> list[tuple[str, str]]:
    """The viewer's keys with its own words for them (context ViewerWindow, as its toolbar says them)."""
    def t(text: str) -> str:
        return QCoreApplication.translate("ViewerWindow", text)

    names = {"window": t("Window/level"), "pan": t("Pan"), "zoom": t("Zoom"), "measure": t("Measure"),
             "fit": t("Fit"), "one_to_one": t("1:1"), "overlays": t("Overlays"), "cine": t("Play")}
    # The image panes' own keys (app/ui/viewer/image_pane.py), not actions of the toolbar:
    def keys(*names: str) -> str:   # in the interface's words for the keys ("上方向" in Chinese)
        return " / ".join(QKeySequence(n).toString(QKeySequence.SequenceFormat.NativeText) for n in names)

    panes = [(QCoreApplication.translate("ShortcutsPage", "Previous / next slice"), keys("Up", "Down")),
             (QCoreApplication.translate("ShortcutsPage", "Ten slices back / on"), keys("PgUp", "PgDown")),
             (QCoreApplication.translate("ShortcutsPage", "First / last slice"), keys("Home", "End")),
             (QCoreApplication.translate("ShortcutsPage", "Clear measurements"), keys("Esc"))]
    shown = [(names[what], QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
             for what, key in VIEWER_KEYS.items()]
    return shown + panes


class ShortcutsPage(QDialog):
    """Every key of the main window and the image viewer, in the interface language."""

    def __init__(self, main_actions: Callable[[], list[QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsPage")
        self._main_actions = main_actions
        self.intro = QLabel()
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        self.resize(520, 520)
        self.retranslateUi()

    def rows(self) -> list[tuple[str, str]]:
        """(what, key) for the main window's actions, then the viewer's."""
        main = [(_COUNT.sub("", a.toolTip().rsplit(" (", 1)[0]),
                 a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in self._main_actions() if not a.shortcut().isEmpty()]
        images = QCoreApplication.translate("ShortcutsPage", "Images")
        viewer = [(f"{images}: {what}", key) for what, key in _viewer_rows()]
        return main + viewer

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(self.tr("Keys for the daily work; each is also named in its button's tooltip."))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (what, key) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(key))
