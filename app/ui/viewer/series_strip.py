"""The strip of series down the viewer's left side: one thumbnail per series, labelled with what it is.

Series are listed as soon as the study is known and their thumbnails fill in as each
series arrives, so the doctor sees at once what the study holds. Clicking one asks the
window to show it (`series_clicked`); which pane it goes to is the window's decision.
The labels' words come from the window (`label`): its "%n image(s)" is a plural that
lupdate only extracts as one from a `self.tr` call, so it stays in ViewerWindow's context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from app.ui.viewer.thumbnails import thumbnail_pixmap

if TYPE_CHECKING:
    from app.services.image_loading import SeriesRef
    from app.ui.viewer.image_stack import ImageStack

SeriesRole = Qt.ItemDataRole.UserRole + 1     # an item's series instance UID

THUMBNAIL = 96                                # px, the icon's edge
ITEM_WIDTH = 128                              # px, a thumbnail and its label


class SeriesStrip(QListWidget):
    series_clicked = Signal(str)      # series instance UID

    def __init__(self, label: Callable[[SeriesRef], str], parent: QWidget | None = None) -> None:
        """`label`: a series' text under its thumbnail, in the current language."""
        super().__init__(parent)
        self._label = label
        self.setObjectName("seriesStrip")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.setMovement(QListWidget.Movement.Static)
        # Room for an item and the scroll bar a study of many series needs: without it, the bar took
        # the items' room and a second one, sideways, appeared under them.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.setFixedWidth(ITEM_WIDTH + scroll_bar + 2 * self.frameWidth() + 2 * self.spacing() + 4)
        self.setWordWrap(True)
        self.setStyleSheet("QListWidget { background: #1e1f22; color: #e6e6e6; }")
        self.itemClicked.connect(lambda item: self.series_clicked.emit(item.data(SeriesRole)))

    def show_series(self, refs: Sequence[SeriesRef]) -> None:
        """One item per series, without thumbnails yet: they come with the images."""
        self.clear()
        for ref in refs:
            item = QListWidgetItem(self._label(ref))
            item.setData(SeriesRole, ref.uid)
            item.setSizeHint(QSize(ITEM_WIDTH, 150))
            self.addItem(item)

    def relabel(self, refs: Sequence[SeriesRef]) -> None:
        """The labels again, in the current language."""
        by_uid = {r.uid: r for r in refs}
        for row in range(self.count()):
            item = self.item(row)
            ref = by_uid.get(item.data(SeriesRole))
            if ref is not None:
                item.setText(self._label(ref))

    def set_thumbnail(self, uid: str, stack: ImageStack) -> None:
        """The series' middle slice: the first is often a scout or an empty end of the volume."""
        if not stack.slices:
            return
        middle = stack.slices[len(stack.slices) // 2]
        for row in range(self.count()):
            item = self.item(row)
            if item.data(SeriesRole) == uid:
                item.setIcon(QIcon(thumbnail_pixmap(middle, THUMBNAIL)))
