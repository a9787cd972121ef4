"""WADO-RS rendered frames and thumbnails: one frame of a file as an 8-bit PNG or JPEG.

Greyscale frames go through the modality LUT (Rescale Slope/Intercept) and the file's first
VOI window (or the frame's value range when it has none), linear as PS3.3 C.11.2.1.2 says;
MONOCHROME1 is inverted so that bone stays white. Colour frames come out as RGB. numpy,
Pillow and pydicom are imported only when a frame is rendered.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.windowing import Window, default_window

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

PNG, JPEG = "image/png", "image/jpeg"
THUMBNAIL_SIZE = (128, 128)


class FrameNotFound(LookupError):
    """The file has fewer frames than the one asked for."""


@dataclass(frozen=True)
class RenderOptions:
    media_type: str = PNG
    #: fit the image inside (width, height), keeping its aspect ratio
    viewport: tuple[int, int] | None = None
    window: Window | None = None
    quality: int = 90


def render(path: Path, frame: int, options: RenderOptions) -> bytes:
    """Frame `frame` (1-based) of the file, encoded as options.media_type."""
    image = frame_image(path, frame, options.window)
    if options.viewport is not None:
        image = fit(image, options.viewport)
    return encode(image, options.media_type, options.quality)


def frame_image(path: Path, frame: int, window: Window | None = None) -> Image.Image:
    import pydicom
    from PIL import Image

    ds = pydicom.dcmread(path)
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if not 1 <= frame <= frames:
        raise FrameNotFound(f"the instance has {frames} frame(s)")
    pixels = _frame_pixels(ds, frame - 1, frames)
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).upper()
    if photometric in ("MONOCHROME1", "MONOCHROME2"):
        grey = to_8bit(pixels, ds, window)
        if photometric == "MONOCHROME1":
            grey = 255 - grey
        return Image.fromarray(grey)
    return Image.fromarray(_rgb(pixels, ds))


def to_8bit(pixels: np.ndarray, ds: Any, window: Window | None = None) -> np.ndarray:
    """Stored values -> output units (rescale) -> 8 bits through the VOI window."""
    import numpy as np

    slope = float(ds.get("RescaleSlope", 1) or 1)
    intercept = float(ds.get("RescaleIntercept", 0) or 0)
    values = pixels.astype(np.float32) * slope + intercept
    if window is None:
        window = default_window(_numbers(ds.get("WindowCenter")), _numbers(ds.get("WindowWidth")),
                                (float(values.min()), float(values.max())))
    assert window is not None
    center, width = window.center, max(window.width, 1.0)
    scaled = ((values - (center - 0.5)) / max(width - 1.0, 1.0) + 0.5) * 255.0
    return np.clip(scaled, 0, 255).astype(np.uint8)


def fit(image: Image.Image, box: tuple[int, int]) -> Image.Image:
    """Scaled to fit inside the box, aspect kept (up as well as down, as a viewport asks)."""
    from PIL import Image

    width, height = image.size
    scale = min(box[0] / width, box[1] / height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image if size == image.size else image.resize(size, Image.Resampling.LANCZOS)


def encode(image: Image.Image, media_type: str, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    if media_type == JPEG:
        image.save(buffer, "JPEG", quality=quality)
    else:
        image.save(buffer, "PNG", compress_level=1)  # speed over size: it crosses loopback
    return buffer.getvalue()


def _frame_pixels(ds: Any, index: int, frames: int) -> np.ndarray:
    """One frame, decoded alone when the file has many (pydicom decodes frames separately)."""
    from pydicom.pixels import pixel_array

    if frames == 1:
        return ds.pixel_array
    return pixel_array(ds, index=index)


def _rgb(pixels: np.ndarray, ds: Any) -> np.ndarray:
    import numpy as np

    if str(ds.get("PhotometricInterpretation", "")).upper() == "PALETTE COLOR":
        from pydicom.pixels import apply_color_lut

        pixels = apply_color_lut(pixels, ds)
        if pixels.dtype != np.uint8:  # 16-bit palette entries
            pixels = (pixels >> 8).astype(np.uint8)
    # YBR_* needs nothing here: pydicom's decoders hand out RGB (as_rgb=True)
    if pixels.dtype != np.uint8:
        bits = int(ds.get("BitsStored", 8) or 8)
        pixels = (pixels.astype(np.float32) * (255.0 / max(1, (1 << bits) - 1))).clip(0, 255).astype(np.uint8)
    return np.ascontiguousarray(pixels)


def _numbers(value: Any) -> tuple[float, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue" else [value]
    try:
        return tuple(float(v) for v in items)
    except (TypeError, ValueError):
        return ()
