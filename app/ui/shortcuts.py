"""Keys for the daily path, declared once: they set the actions' shortcuts, name the key in each
action's tooltip, and fill the shortcuts page (F1, app/ui/shortcuts_page.py).

An outpatient doctor sees a patient every few minutes; reaching for the mouse to search, order,
step through reports or lock the screen costs more than it seems. The keys avoid what a text
field uses (plain letters only in the image viewer, whose panes take no typing).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

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
