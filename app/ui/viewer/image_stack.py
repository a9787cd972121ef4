"""The slices of one series in anatomical order, filled in as instances arrive.

Each slice is a view into its instance's decoded array (a multi-frame instance gives
several), so a series costs its raw pixel bytes and nothing more: nothing is copied, and
nothing becomes floating point. Order is by position along the slice normal (head first
for axial stacks) when every slice has one, else by instance and frame number, so the
stack is right whatever order the server sends.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from app.domain.dicom_instance import stored_values
from app.domain.image_geometry import along_normal, normal, plane
from app.domain.windowing import Window, default_window, window_from_range

if TYPE_CHECKING:
    import numpy as np

    from app.services.image_loading import DecodedInstance, InstanceInfo, SeriesRef, Unreadable


@dataclass(frozen=True)
class Slice:
    stored: np.ndarray          # (rows, cols) native dtype as the instance holds it, or (rows, cols, 3) uint8 RGB
    info: InstanceInfo
    frame: int                  # frame number within its instance, from 0
    position: float | None      # along the stack's normal, mm

    @cached_property
    def _checked(self) -> tuple[np.ndarray, tuple[float, float] | None]:
        """The values to show, and their range where the check counted it (`InstanceInfo.high_bits_unchecked`)."""
        if not self.info.high_bits_unchecked:
            return self.stored, None
        pixels, lo, hi = stored_values(self.stored, self.info)
        return pixels, (float(lo), float(hi))

    @property
    def pixels(self) -> np.ndarray:
        """The values to show: `stored`, with the bits above Bits Stored cleared (or the sign extended)
        where the decoder left that to the first look."""
        return self._checked[0]

    @cached_property
    def _range(self) -> tuple[float, float]:
        """The smallest and largest value shown (stored values)."""
        pixels, counted = self._checked
        return counted or (float(pixels.min()), float(pixels.max()))

    def default_window(self) -> Window | None:
        """The file's own window, else one spanning the values present (colour: none)."""
        info = self.info
        if self.stored.ndim == 3:
            return None
        window = default_window(tuple(info.window_centers), tuple(info.window_widths), info.value_range)
        if window is not None:
            return window
        lo, hi = self._range     # counted only now: the file names no window, and the decoder counted none
        a, b = lo * info.rescale_slope + info.rescale_intercept, hi * info.rescale_slope + info.rescale_intercept
        return window_from_range(min(a, b), max(a, b))

    @property
    def location(self) -> float | None:
        """Slice location to show (mm): Image Position's z for axial stacks, else Slice Location."""
        return self.position if self.position is not None else self.info.slice_location


class ImageStack:
    def __init__(self, series: SeriesRef) -> None:
        self.series = series
        self.slices: list[Slice] = []
        self._keys: list[tuple[float, ...]] = []
        self.unreadable: list[Unreadable] = []
        self.instances = 0
        self.complete = False
        self._normal: tuple[float, float, float] | None = None
        self._by_position = True

    @property
    def expected(self) -> int:
        """How many slices to expect: what the server announced, or more if more came."""
        if self.complete:
            return len(self.slices)
        remaining = max(self.series.instance_count - self.instances, 0)
        per_instance = self.slices[-1].info.frames if self.slices else 1
        return len(self.slices) + remaining * max(per_instance, 1)

    @property
    def first(self) -> Slice | None:
        return self.slices[0] if self.slices else None

    @property
    def plane(self) -> str:
        first = self.first
        return plane(first.info.image_orientation) if first else ""

    @property
    def is_multiframe(self) -> bool:
        return any(s.info.frames > 1 for s in self.slices)

    @property
    def positions(self) -> list[float] | None:
        """Positions of all slices along the normal, when every slice has one."""
        if not self.slices or not self._by_position:
            return None
        positions = [s.position for s in self.slices if s.position is not None]
        return positions if len(positions) == len(self.slices) else None

    @property
    def nbytes(self) -> int:
        return sum(s.stored.nbytes for s in self.slices)

    def add(self, decoded: DecodedInstance) -> list[int]:
        """Insert an instance's frames in order; returns the indexes they landed at."""
        info = decoded.info
        if self._normal is None and info.image_orientation:
            self._normal = normal(info.image_orientation)
        frames = decoded.pixels.shape[0]
        positions: list[float | None] = [None] * frames
        if self._normal and info.frame_positions and len(info.frame_positions) == frames:
            positions = [along_normal(p, self._normal) for p in info.frame_positions]
        elif self._normal and frames == 1 and info.image_position:
            positions = [along_normal(info.image_position, self._normal)]
        if any(p is None for p in positions) and self._by_position:
            self._by_position = False
            self._rekey()   # what came so far was ordered by position: order it all by number
        landed = []
        for frame in range(frames):
            s = Slice(decoded.pixels[frame], info, frame, positions[frame])
            key = self._key(s)
            i = bisect_right(self._keys, key)
            self._keys.insert(i, key)
            self.slices.insert(i, s)
            landed.append(i)
        self.instances += 1
        return landed

    def _key(self, s: Slice) -> tuple[float, ...]:
        if self._by_position and s.position is not None:
            return (-s.position,)  # DICOM +z is toward the head: head first, as radiologists read
        return (0.0 if s.info.instance_number is None else float(s.info.instance_number), float(s.frame))

    def _rekey(self) -> None:
        pairs = sorted(((self._key(s), s) for s in self.slices), key=lambda p: p[0])
        self._keys = [k for k, _ in pairs]
        self.slices = [s for _, s in pairs]

    def index_of(self, s: Slice | None) -> int:
        if s is None:
            return 0
        try:
            return next(i for i, x in enumerate(self.slices) if x is s)
        except StopIteration:
            return 0
