"""The recognition badge: a pill in a table cell.

Green when recognized, amber when only part of a report is, an outlined pale pill for
reference only. Colour is never the only signal: the text says the same thing. Every
pill's text has a contrast of at least 4.5:1 with its fill (WCAG AA for normal text) and
every pill an outline of at least 3:1 against a white row, so "reference only" is not grey
on grey. A cell as wide as `needed_width` shows the text whole on one line, in every language,
"Hanya sebagai referensi" as much as 仅供参考; a table short of room may give a cell only
`wrapped_width`, and the pill then holds its text in two lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Model role carrying the badge state: "all", "some" or "none".
BadgeStateRole = Qt.ItemDataRole.UserRole + 10

#: Room between the pill's edge and its text, and between the cell's edge and the pill.
PAD, MARGIN = 8, 4


@dataclass(frozen=True)
class BadgeLook:
    """A state's colours, as #rrggbb (rich text uses them too)."""

    fill: str
    ink: str        # the text on the fill: contrast at least 4.5:1
    edge: str       # the outline: contrast at least 3:1 with a white row
    on_white: str   # the state's colour for text on a white page (the document pane's header): 4.5:1


LOOKS: dict[str, BadgeLook] = {
    "all": BadgeLook("#1b7f3b", "#ffffff", "#1b7f3b", "#1b7f3b"),    # 5.1:1
    "some": BadgeLook("#9a5700", "#ffffff", "#9a5700", "#9a5700"),   # 5.6:1
    "none": BadgeLook("#f4f5f7", "#3d424a", "#6b7280", "#3d424a"),   # 9.3:1; outline 4.8:1 on white
}


def pill_width(metrics: QFontMetrics, text: str) -> int:
    return metrics.horizontalAdvance(text) + 2 * PAD


def needed_width(font: QFont, text: str) -> int:
    """The narrowest cell that shows this badge's text whole on one line."""
    return pill_width(QFontMetrics(font), text) + 2 * MARGIN


def two_lines(metrics: QFontMetrics, text: str, width: int) -> tuple[str, str] | None:
    """The text broken at a space into two lines no wider than `width`, the first as long as it can be."""
    words = text.split(" ")
    for i in range(len(words) - 1, 0, -1):
        first, second = " ".join(words[:i]), " ".join(words[i:])
        if max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second)) <= width:
            return first, second
    return None


def wrapped_width(font: QFont, text: str) -> int:
    """The narrowest cell that shows the text whole in at most two lines (a table short of room)."""
    metrics = QFontMetrics(font)
    words = text.split(" ")
    splits = [max(metrics.horizontalAdvance(" ".join(words[:i])), metrics.horizontalAdvance(" ".join(words[i:])))
              for i in range(1, len(words))]
    return min(splits, default=metrics.horizontalAdvance(text)) + 2 * PAD + 2 * MARGIN


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = index.data(BadgeStateRole)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if state not in LOOKS:
            super().paint(painter, option, index)
            return
        look = LOOKS[state]
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        metrics = QFontMetrics(option.font)
        room = option.rect.width() - 2 * MARGIN
        lines = two_lines(metrics, text, room - 2 * PAD) if pill_width(metrics, text) > room else None
        if lines is not None and option.rect.height() >= 2 * metrics.height() + 4:
            width = max(metrics.horizontalAdvance(line) for line in lines) + 2 * PAD
            height, radius, shown = 2 * metrics.height() + 4, metrics.height() / 2 + 2, "\n".join(lines)
        else:
            width = min(pill_width(metrics, text), room)
            height = min(metrics.height() + 4, option.rect.height() - 4)
            radius = height / 2
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - PAD)   # half the padding: slack
        rect = QRectF(option.rect.left() + MARGIN + 0.5, option.rect.center().y() - height / 2 + 1, width - 1, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(look.edge), 1))
        painter.setBrush(QColor(look.fill))
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(QColor(look.ink))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt naming
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        metrics = QFontMetrics(option.font)
        height = max(hint.height(), metrics.height() + 8)
        if index.data(BadgeStateRole) not in LOOKS:
            return QSize(hint.width(), height)
        width = needed_width(option.font, text)
        # a row's height is asked with its cell's width (word-wrapping views): two lines when it is short
        if 0 < option.rect.width() < width and two_lines(metrics, text, option.rect.width() - 2 * MARGIN - 2 * PAD):
            height = max(height, 2 * metrics.height() + 8)
        return QSize(width, height)
