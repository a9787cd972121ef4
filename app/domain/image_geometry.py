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


def slice_spacing(positions: Sequence[float]) -> float | None:
    """The usual distance between neighbouring slices (median, mm); None with fewer than two slices.

    The median, because a stack still arriving, or missing a slice, has a few larger gaps.
    """
    gaps = sorted(abs(b - a) for a, b in zip(positions, positions[1:], strict=False) if abs(b - a) > 1e-6)
    if not gaps:
        return None
    middle = len(gaps) // 2
    return gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2


@dataclass(frozen=True)
class SlicePositions:
    """Where a stack's slices lie along its normal (mm, in the stack's order) and how thick they are."""

    positions: Sequence[float]
    thickness: float | None = None   # Slice Thickness, mm; None when the files do not say

    @property
    def tolerance(self) -> float:
        """How far a position may lie from a slice and still be on it: the slice's thickness (the slab
        it images), and never less than half the distance to the next slice, so that every position
        inside a stack with gaps between thin slices still has its nearest slice."""
        spacing = slice_spacing(self.positions) or 0.0
        thickness = self.thickness if self.thickness and self.thickness > 0 else spacing
        return max(thickness, spacing / 2)

    def at(self, position: float) -> int | None:
        """The slice nearest `position` when it lies within the tolerance; None when no slice does."""
        if not self.positions:
            return None
        i = nearest_index(self.positions, position)
        return i if abs(self.positions[i] - position) <= self.tolerance + 1e-6 else None


@dataclass(frozen=True)
class SliceLink:
    """Keeps two parallel stacks on the same anatomy while one is scrolled, by where slices lie.

    Positions are compared in patient coordinates (Image Position Patient along the normal), so
    the follower shows the slice nearest the leader's position, whatever slices either showed
    when the link was made: a kept offset would carry a chance pairing (the current study at
    -160 mm beside a prior at -10 mm) through the whole stack. When no slice of the follower
    lies within its slice thickness of that position (the prior covers less of the body), there
    is no matching slice, and the caller says so instead of showing other anatomy. Positions are
    passed at each call because a stack still arriving grows under the link.
    """

    flipped: bool = False   # B's normal points the other way: its positions count the other way

    @classmethod
    def between(cls, normal_a: Vector, normal_b: Vector) -> SliceLink | None:
        """A link between stacks with these normals; None unless they are parallel (within ~8°)."""
        dot = sum(a * b for a, b in zip(normal_a, normal_b, strict=True))
        return cls(flipped=dot < 0) if abs(dot) >= 0.99 else None

    def b_for(self, a_position: float, b: SlicePositions) -> int | None:
        """The slice of B at the position A shows, or None when B has none there."""
        return b.at(-a_position if self.flipped else a_position)

    def a_for(self, b_position: float, a: SlicePositions) -> int | None:
        """The slice of A at the position B shows, or None when A has none there."""
        return a.at(-b_position if self.flipped else b_position)


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
