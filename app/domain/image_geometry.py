"""Where slices lie in the patient: distances, plane, stack order, and matching slices of two series.

DICOM gives each slice its position (Image Position Patient, mm) and the direction of its
rows and columns (Image Orientation Patient); everything here derives from those, so it
holds for any scanner, whatever order the instances arrive in.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

Vector = tuple[float, float, float]


def distance_mm(a: tuple[float, float], b: tuple[float, float],
                spacing: tuple[float, float] | None) -> float | None:
    """Distance between two points given as (row, column) in pixels; None without spacing.

    Pixel Spacing is (between rows, between columns) in mm, and rows and columns may differ.
    """
    if spacing is None:
        return None
    dr = (a[0] - b[0]) * spacing[0]
    dc = (a[1] - b[1]) * spacing[1]
    return math.hypot(dr, dc)


def normal(orientation: Sequence[float]) -> Vector | None:
    """The slice normal: cross product of the row and column direction cosines."""
    if len(orientation) != 6:
        return None
    r, c = orientation[:3], orientation[3:]
    n = (r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0])
    length = math.sqrt(sum(x * x for x in n))
    return None if length < 1e-6 else (n[0] / length, n[1] / length, n[2] / length)


def plane(orientation: Sequence[float] | None) -> str:
    """'axial', 'coronal', 'sagittal' or 'oblique' (normal within ~15° of an axis), '' unknown."""
    n = normal(orientation) if orientation else None
    if n is None:
        return ""
    axis = max(range(3), key=lambda i: abs(n[i]))
    if abs(n[axis]) < 0.966:
        return "oblique"
    return ("sagittal", "coronal", "axial")[axis]


def along_normal(position: Sequence[float], n: Vector) -> float:
    return sum(p * q for p, q in zip(position, n, strict=True))


def nearest_index(positions: Sequence[float], target: float) -> int:
    """Index of the position closest to `target`; `positions` sorted ascending or descending."""
    if not positions:
        raise ValueError("no positions")
    ascending = positions[0] <= positions[-1]
    keys = list(positions) if ascending else [-p for p in positions]
    t = target if ascending else -target
    i = bisect_left(keys, t)
    candidates = [j for j in (i - 1, i) if 0 <= j < len(keys)]
    return min(candidates, key=lambda j: abs(keys[j] - t))


@dataclass(frozen=True)
class SliceLink:
    """Keeps two stacks on the same anatomy while one is scrolled.

    Two scans of one patient rarely share a table origin, so the link remembers the offset
    between the slices shown when it was made (the doctor lines them up, then links) and
    from then on moves the other stack to the slice nearest that offset. Positions are
    passed at each call because a stack still arriving grows under the link.
    """

    offset: float   # position in A minus position in B of the same anatomy, mm

    @classmethod
    def lined_up(cls, positions_a: Sequence[float], index_a: int,
                 positions_b: Sequence[float], index_b: int) -> SliceLink:
        return cls(positions_a[index_a] - positions_b[index_b])

    def b_for(self, positions_a: Sequence[float], index_a: int, positions_b: Sequence[float]) -> int:
        return nearest_index(positions_b, positions_a[index_a] - self.offset)

    def a_for(self, positions_b: Sequence[float], index_b: int, positions_a: Sequence[float]) -> int:
        return nearest_index(positions_a, positions_b[index_b] + self.offset)


class Placed(Protocol):
    """What stacking reads from an instance (`InstanceInfo` has it)."""

    @property
    def instance_number(self) -> int | None: ...
    @property
    def image_position(self) -> tuple[float, float, float] | None: ...
    @property
    def image_orientation(self) -> tuple[float, float, float, float, float, float] | None: ...


def slice_order(infos: Sequence[Placed]) -> list[int]:
    """Indices of a series' instances in stack order.

    Along the slice normal (ascending projection of Image Position Patient on the normal of
    Image Orientation Patient) when every instance has both and they share one plane
    orientation; else by Instance Number when every instance has one; else as given. Ties
    keep Instance Number order, then arrival order, so the result is stable.
    """
    indices = list(range(len(infos)))
    numbers = [info.instance_number for info in infos]

    def by_number(i: int) -> tuple[int, int]:
        number = numbers[i]
        return (number if number is not None else 0, i)

    orientations = [info.image_orientation for info in infos if info.image_orientation is not None]
    positions = [info.image_position for info in infos if info.image_position is not None]
    if infos and len(orientations) == len(positions) == len(infos):
        n = normal(orientations[0])
        others = [normal(o) for o in orientations]
        if n is not None and all(o is not None and abs(sum(a * b for a, b in zip(n, o, strict=True))) > 0.999
                                 for o in others):
            depth = [along_normal(p, n) for p in positions]
            return sorted(indices, key=lambda i: (round(depth[i], 4), *by_number(i)))
    if all(number is not None for number in numbers):
        return sorted(indices, key=by_number)
    return indices
