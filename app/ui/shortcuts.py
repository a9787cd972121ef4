"""Keys for the daily path, declared once: they set the actions' shortcuts, name the key in each
action's tooltip, and fill the shortcuts page (F1).

An outpatient doctor sees a patient every few minutes; reaching for the mouse to search, order,
step through reports or lock the screen costs more than it seems. The keys avoid what a text
field uses (plain letters only in the image viewer, whose panes take no typing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

#: The main window's keys, by what they do.
MAIN_KEYS: dict[str, str] = {
    "search": "Ctrl+F",            # to the patient search field
    "new_order": "Ctrl+N",
    "consent": "Ctrl+Shift+C",     # the orders awaiting consent
    "lock": "Ctrl+L",
    "next_report": "Alt+Down",
    "previous_report": "Alt+Up",
    "shortcuts": "F1",
}

#: The image viewer's keys (its panes take no typing, so single letters are safe).
VIEWER_KEYS: dict[str, str] = {
    "window": "W", "pan": "P", "zoom": "Z", "measure": "M", "fit": "F", "one_to_one": "1", "overlays": "O",
    "cine": "Space",
}


#: A count an action's text carries ("Awaiting consent (3)", "待知情同意（3+）"): not part of its name.
_COUNT = re.compile(r"\s*[（(]\s*\d+\+?\s*[)）]\s*$")


def bind(action: QAction, key: str) -> QAction:
    """Give `action` its key, active wherever its window has focus."""
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return action


def name_key(action: QAction) -> None:
    """The tooltip says the key ("New lab order (Ctrl+N)"); call it after each setText."""
    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = action.text().replace("&", "").rstrip("…").rstrip(".")
    action.setToolTip(f"{text} ({key})" if key else text)


def name_keys(actions: Iterable[QAction]) -> None:
    for action in actions:
        name_key(action)


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
