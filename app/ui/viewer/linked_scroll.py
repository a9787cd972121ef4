"""Linked scrolling of a study and its prior: scroll one pane, the other follows to the same anatomy.

Only two axial stacks of the same body part, both with slice positions, can be lined up;
anything else (a sagittal beside an axial, a chest beside a head) would follow to a
meaningless slice, so the link is then not offered at all. The follower goes to the slice at
the leader's position in patient coordinates (`SliceLink`), not to wherever the two stood
when linked; where it has no slice within its thickness, it stays and says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from app.domain.image_geometry import SliceLink, SlicePositions, normal
from app.ui.viewer.image_pane import ImagePane


def _placed(pane: ImagePane) -> tuple[tuple[float, float, float], SlicePositions] | None:
    """A pane's stack normal and slice positions, when every slice has a position."""
    stack = pane.stack
    first = stack.first if stack is not None else None
    positions = stack.positions if stack is not None else None
    if first is None or positions is None or first.info.image_orientation is None:
        return None
    n = normal(first.info.image_orientation)
    return None if n is None else (n, SlicePositions(positions, first.info.slice_thickness))


def linked_stacks(a_pane: ImagePane, b_pane: ImagePane) -> tuple[SliceLink, SlicePositions, SlicePositions] | None:
    """The link and the two stacks' slice positions when the panes can follow each other (the second
    pane must be open); None when they cannot."""
    a, b = a_pane.stack, b_pane.stack
    if not b_pane.isVisible() or a is None or b is None or not a.slices or not b.slices:
        return None
    same_part = bool(a.series.body_part and a.series.body_part == b.series.body_part)
    if not (a.plane == b.plane == "axial" and same_part):
        return None
    placed_a, placed_b = _placed(a_pane), _placed(b_pane)
    if placed_a is None or placed_b is None:
        return None
    link = SliceLink.between(placed_a[0], placed_b[0])
    return None if link is None else (link, placed_a[1], placed_b[1])


def linkable(a_pane: ImagePane, b_pane: ImagePane) -> bool:
    """Whether the two panes show stacks that can follow each other (the second pane must be open)."""
    return linked_stacks(a_pane, b_pane) is not None


class LinkedScroll(QObject):
    """Keeps pane B on the anatomy of pane A and back, while `action` (the toolbar's toggle) is on."""

    def __init__(self, pane_a: ImagePane, pane_b: ImagePane, action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane_a, self.pane_b, self.action = pane_a, pane_b, action
        self.linked = False
        self._said: dict[ImagePane, str] = {}    # the "no matching slice" a pane shows now
        action.toggled.connect(self.set_linked)
        pane_a.index_changed.connect(lambda i: self._follow(pane_a, i))
        pane_b.index_changed.connect(lambda i: self._follow(pane_b, i))

    def possible(self) -> bool:
        return linkable(self.pane_a, self.pane_b)

    def update_possible(self) -> None:
        """Offer the link when the panes allow it, and link at once the first time they do."""
        possible = self.possible()
        self.action.setEnabled(possible)
        if possible and not self.action.isChecked() and not self.linked:
            self.action.setChecked(True)

    def set_linked(self, linked: bool) -> None:
        """Link (pane B goes at once to the anatomy pane A shows) or unlink; the toggle shows which it became."""
        self.linked = linked and self.possible()
        self.action.blockSignals(True)
        self.action.setChecked(self.linked)
        self.action.blockSignals(False)
        if self.linked:
            self._follow(self.pane_a, self.pane_a.index)
        else:
            self._unsay()

    def reset(self) -> None:
        """The studies were closed: nothing is linked any more (without touching the toggle)."""
        self.linked = False
        self._said.clear()

    def no_match(self, pane: ImagePane) -> bool:
        """Whether `pane` says it has no slice at the other pane's position."""
        return pane in self._said and pane.message.isVisible() and pane.message.text() == self._said[pane]

    def _follow(self, pane: ImagePane, index: int) -> None:
        if not self.linked:
            return
        stacks = linked_stacks(self.pane_a, self.pane_b)
        if stacks is None:
            return
        link, a, b = stacks
        if pane is self.pane_a:
            other, own, theirs = self.pane_b, a, b
            target = link.b_for(a.positions[index], b)
        else:
            other, own, theirs = self.pane_a, b, a
            target = link.a_for(b.positions[index], a)
        if target is None:
            position = own.positions[index] * (-1 if link.flipped else 1)
            self._say(other, position, theirs)
            return
        self._unsay(other)
        if target != other.index:
            other.blockSignals(True)   # the follower must not, in turn, move the leader
            other.show_index(target)
            other.blockSignals(False)

    def _say(self, pane: ImagePane, position: float, stack: SlicePositions) -> None:
        """The pane keeps its slice and says it has none at this position (and what it covers)."""
        first, last = stack.positions[0], stack.positions[-1]
        text = QCoreApplication.translate(
            "LinkedScroll", "No matching slice at {position:.1f} mm: this series covers {first:.1f} to {last:.1f} mm."
        ).format(position=position, first=max(first, last), last=min(first, last))
        self._said[pane] = text
        pane.show_message(text)

    def _unsay(self, pane: ImagePane | None = None) -> None:
        """Take back what this link said (never another message, such as a read error)."""
        for p in [pane] if pane is not None else list(self._said):
            said = self._said.pop(p, None)
            if said is not None and p.message.text() == said:
                p.message.hide()
