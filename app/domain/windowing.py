"""Window/level: which band of values is spread over the grey scale, and how a drag moves it.

Windows are in output units (Hounsfield units for CT, after Rescale Slope/Intercept); the
viewer keeps pixels as stored and turns the window into stored-value levels instead, so no
slice is ever converted to floating point (`stored_levels`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Window:
    center: float
    width: float

    def __post_init__(self) -> None:
        if not self.width >= 1:
            object.__setattr__(self, "width", 1.0)

    @property
    def low(self) -> float:
        return self.center - self.width / 2

    @property
    def high(self) -> float:
        return self.center + self.width / 2

    def dragged(self, dx: float, dy: float, scale: float) -> Window:
        """The window after a mouse drag of (dx, dy) pixels.

        Right widens, up raises the level, as on every PACS workstation; `scale` is
        output units per pixel of drag, so a CT window moves in HU-sized steps and an
        8-bit image in small ones.
        """
        return Window(self.center - dy * scale, max(1.0, self.width + dx * scale))


class CtPreset(Enum):
    """The CT windows a radiologist reaches for (center, width in HU)."""

    BRAIN = (40.0, 80.0)
    LUNG = (-600.0, 1500.0)
    BONE = (400.0, 1800.0)
    ABDOMEN = (50.0, 400.0)
    MEDIASTINUM = (50.0, 350.0)

    @property
    def window(self) -> Window:
        return Window(*self.value)


def stored_levels(window: Window, slope: float, intercept: float) -> tuple[float, float]:
    """The window's bounds in stored pixel values: output = stored × slope + intercept."""
    if slope == 0:
        slope = 1.0
    low = (window.low - intercept) / slope
    high = (window.high - intercept) / slope
    return (low, high) if low <= high else (high, low)


def window_from_range(low: float, high: float) -> Window:
    """A window spanning the values actually present, for images that carry none."""
    return Window((low + high) / 2, max(1.0, high - low))


def default_window(centers: tuple[float, ...], widths: tuple[float, ...],
                   value_range: tuple[float, float] | None) -> Window | None:
    """The file's first VOI window, else one spanning the image's values, else none."""
    if centers and widths and widths[0] >= 1:
        return Window(centers[0], widths[0])
    if value_range is not None:
        return window_from_range(*value_range)
    return None


def drag_scale(window: Window) -> float:
    """Output units per pixel of drag: a full-width drag across ~500 px doubles the window."""
    return max(window.width / 500.0, 0.05)
