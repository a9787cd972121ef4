"""Small previews of a slice, for the series strip and the study list."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap

from app.domain.windowing import stored_levels

if TYPE_CHECKING:
    from app.ui.viewer.image_stack import Slice


def thumbnail_pixmap(s: Slice, size: int) -> QPixmap:
    """Windowed as the file says (or over its range), subsampled: no full-size float copy."""
    pixels = s.pixels
    step = max(1, max(pixels.shape[:2]) // (size * 2))
    small = np.ascontiguousarray(pixels[::step, ::step])
    if small.ndim == 3:
        rgb = np.ascontiguousarray(small[..., :3].astype(np.uint8, copy=False))
        image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888).copy()
    else:
        window = s.default_window()
        low, high = stored_levels(window, s.info.rescale_slope, s.info.rescale_intercept) if window \
            else (float(small.min()), float(small.max()))
        scaled = np.clip((small.astype(np.float32) - low) * (255.0 / max(high - low, 1e-6)), 0, 255)
        grey = scaled.astype(np.uint8)
        if s.info.photometric == "MONOCHROME1":
            grey = 255 - grey
        grey = np.ascontiguousarray(grey)
        image = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0],
                       QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
