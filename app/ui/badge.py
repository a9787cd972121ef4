"""The recognition badge: a coloured pill in a table cell.

Green with the mark when recognized, amber when only part of a report is, grey for
reference only. Colour is never the only signal: the text says the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Model role carrying the badge state: "all", "some" or "none".
BadgeStateRole = Qt.ItemDataRole.UserRole + 10

COLOURS = {
    "all": (QColor("#1b7f3b"), QColor("#ffffff")),
    "some": (QColor("#c77700"), QColor("#ffffff")),
    "none": (QColor("#e3e5e8"), QColor("#4a4f57")),
}


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = index.data(BadgeStateRole)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if state not in COLOURS:
            super().paint(painter, option, index)
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        fill, ink = COLOURS[state]
        metrics = QFontMetrics(option.font)
        width = min(metrics.horizontalAdvance(text) + 14, option.rect.width() - 6)
        height = min(metrics.height() + 4, option.rect.height() - 4)
        rect = QRectF(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(ink)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - 10)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt naming
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 18, max(hint.height(), QFontMetrics(option.font).height() + 8))
