"""Window layouts kept between runs, per user (app.preferences): where a window was, how a splitter sat.

Qt writes and reads the layouts (saveGeometry / saveState); a layout made on another screen
setup is placed back on a visible screen by Qt, and one it cannot read is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSplitter, QWidget

from app.preferences import load_preferences, set_layouts


def restore_layouts(widgets: dict[str, QWidget]) -> dict[str, bool]:
    """Apply the kept layouts; says for each name whether one was applied."""
    kept = load_preferences().layouts
    done = {}
    for name, widget in widgets.items():
        data = kept.get(name)
        raw = QByteArray.fromBase64(data.encode("ascii")) if data else None
        if raw is None or raw.isEmpty():
            done[name] = False
        elif isinstance(widget, QSplitter):
            done[name] = widget.restoreState(raw)
        else:
            done[name] = widget.restoreGeometry(raw)
    return done


def keep_layouts(widgets: dict[str, QWidget]) -> None:
    def saved(widget: QWidget) -> QByteArray:
        return widget.saveState() if isinstance(widget, QSplitter) else widget.saveGeometry()

    set_layouts({name: bytes(saved(w).toBase64().data()).decode("ascii") for name, w in widgets.items()})
