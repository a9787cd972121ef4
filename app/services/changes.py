"""What an operation changed, so that each view refreshes only what it shows (Anki's `OpChanges`).

Every operation of the workstation that changes something returns one; the window hands it
to its parts, and a part that shows none of what changed does nothing. Combining two (`|`)
keeps everything either says.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # an annotation only: the window's first paint does not import the order domain
    from app.domain.repeat_orders import Order


@dataclass(frozen=True)
class Changes:
    user: bool = False             # who works here (signed in, out, switched): actions, user box
    images_closed: bool = False    # the previous user's images are closed (and, on shared ones, forgotten)
    patient_closed: bool = False   # the previous user's patient leaves the screen (chart, dialogs)
    locked: bool = False           # locked or unlocked: the screen and the actions
    worklist: bool = False         # orders awaiting consent (the consent action's count)
    outbox: bool = False           # records queued, sent or refused (the status bar; send what is due)
    order: Order | None = None     # the order placed or finished, when the operation was one

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        return replace(self, **merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()
