"""Which windows the preset box offers for the image on screen.

CT gets the radiologist's presets (brain, lung, bone, ...); other images only the windows
their own files carry, because a CT preset means nothing on an MR's arbitrary values. The
words keep the translation context "ViewerWindow" of the window that once built them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.domain.windowing import CtPreset, Window

if TYPE_CHECKING:
    from app.ui.viewer.image_stack import Slice


def ct_preset_names() -> dict[CtPreset, str]:
    return {CtPreset.BRAIN: QCoreApplication.translate("ViewerWindow", "Brain"),
            CtPreset.LUNG: QCoreApplication.translate("ViewerWindow", "Lung"),
            CtPreset.BONE: QCoreApplication.translate("ViewerWindow", "Bone"),
            CtPreset.ABDOMEN: QCoreApplication.translate("ViewerWindow", "Abdomen"),
            CtPreset.MEDIASTINUM: QCoreApplication.translate("ViewerWindow", "Mediastinum")}


def window_presets(current: Slice | None) -> list[tuple[str, Window | None]]:
    """(label, window) pairs; the first, None, is the file's own first window ("as stored")."""
    out: list[tuple[str, Window | None]] = [(QCoreApplication.translate("ViewerWindow", "Window: as stored"), None)]
    if current is None or current.pixels.ndim == 3:   # colour: there is nothing to window
        return out
    info = current.info
    if info.modality == "CT":
        return out + [(text, preset.window) for preset, text in ct_preset_names().items()]
    windows = list(zip(info.window_centers, info.window_widths, strict=True))
    for i, (center, width) in enumerate(windows[1:], start=1):   # the first is "as stored"
        explanation = info.window_explanations[i] if i < len(info.window_explanations) else ""
        label = explanation or QCoreApplication.translate("ViewerWindow", "W {w:.0f} L {c:.0f}").format(
            w=width, c=center)
        out.append((label, Window(center, width)))
    return out
