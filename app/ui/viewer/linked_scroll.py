"""Linked scrolling of a study and its prior: scroll one pane, the other follows to the same anatomy.

Only two axial stacks of the same body part, both with slice positions, can be lined up;
anything else (a sagittal beside an axial, a chest beside a head) would follow to a
meaningless slice, so the link is then not offered at all. The slices the doctor had on
screen when linking are taken as the same place: they line the two up by hand first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app.domain.image_geometry import SliceLink
from app.ui.viewer.image_pane import ImagePane


def linked_positions(a_pane: ImagePane, b_pane: ImagePane) -> tuple[list[float], list[float]] | None:
    """The two stacks' slice positions when the panes can follow each other (the second pane must be
    open); None when they cannot."""
    a, b = a_pane.stack, b_pane.stack
    if not b_pane.isVisible() or a is None or b is None or not a.slices or not b.slices:
        return None
    same_part = bool(a.series.body_part and a.series.body_part == b.series.body_part)
    if not (a.plane == b.plane == "axial" and same_part):
        return None
    a_positions, b_positions = a.positions, b.positions
    if a_positions is None or b_positions is None:
        return None
    return a_positions, b_positions


def linkable(a_pane: ImagePane, b_pane: ImagePane) -> bool:
    """Whether the two panes show stacks that can follow each other (the second pane must be open)."""
    return linked_positions(a_pane, b_pane) is not None


class LinkedScroll(QObject):
    """Keeps pane B on the anatomy of pane A and back, while `action` (the toolbar's toggle) is on."""

    def __init__(self, pane_a: ImagePane, pane_b: ImagePane, action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane_a, self.pane_b, self.action = pane_a, pane_b, action
        self.link: SliceLink | None = None
        action.toggled.connect(self.set_linked)
        pane_a.index_changed.connect(lambda i: self._follow(pane_a, i))
        pane_b.index_changed.connect(lambda i: self._follow(pane_b, i))

    def possible(self) -> bool:
        return linkable(self.pane_a, self.pane_b)

    def update_possible(self) -> None:
        """Offer the link when the panes allow it, and link at once the first time they do."""
        possible = self.possible()
        self.action.setEnabled(possible)
        if possible and not self.action.isChecked() and self.link is None:
            self.action.setChecked(True)

    def set_linked(self, linked: bool) -> None:
        """Link the slices on screen now as the same place, or unlink; the toggle shows which it became."""
        positions = linked_positions(self.pane_a, self.pane_b) if linked else None
        if positions is not None:
            a, b = positions
            self.link = SliceLink.lined_up(a, self.pane_a.index, b, self.pane_b.index)
        else:
            self.link = None
        self.action.blockSignals(True)
        self.action.setChecked(self.link is not None)
        self.action.blockSignals(False)

    def reset(self) -> None:
        """The studies were closed: nothing is linked any more (without touching the toggle)."""
        self.link = None

    def _follow(self, pane: ImagePane, index: int) -> None:
        if self.link is None:
            return
        positions = linked_positions(self.pane_a, self.pane_b)
        if positions is None:
            return
        a, b = positions
        other = self.pane_b if pane is self.pane_a else self.pane_a
        target = self.link.b_for(a, index, b) if pane is self.pane_a else self.link.a_for(b, index, a)
        if target != other.index:
            other.blockSignals(True)   # the follower must not, in turn, move the leader
            other.show_index(target)
            other.blockSignals(False)
