"""The four corner overlays: who, where from, which image, how it is displayed.

Laid out as on a reading workstation: patient top left, hospital and study top right,
series and slice bottom left, window/level and zoom bottom right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.domain.windowing import Window
    from app.services.image_loading import InstanceInfo
    from app.ui.viewer.image_stack import ImageStack, Slice




def _sex(code: str) -> str:
    names = {"M": QCoreApplication.translate("Overlay", "M"), "F": QCoreApplication.translate("Overlay", "F")}
    return names.get(code.upper(), "")


def _date(info: InstanceInfo) -> str:
    return info.study_date.isoformat() if info.study_date else ""


def corner_texts(info: InstanceInfo, context: dict[str, str], stack: ImageStack, index: int, s: Slice,
                 window: Window | None, zoom: float) -> dict[str, str]:
    """Corner texts; `context` (from the chart) wins over the file for patient and hospital names,
    because the platform's master record is what the doctor searched for."""
    patient = context.get("patient") or info.patient_name
    pid = context.get("patient_id") or info.patient_id
    sex_age = " ".join(x for x in (_sex(info.patient_sex), context.get("age", "")) if x)
    top_left = "\n".join(x for x in (patient, pid, sex_age) if x)

    hospital = context.get("hospital") or info.institution_name
    top_right = "\n".join(x for x in (hospital, _date(info), info.study_description) if x)

    series = stack.series
    number = info.series_number if info.series_number is not None else series.number
    head = QCoreApplication.translate("Overlay", "Se {n}").format(n=number) if number is not None else ""
    desc = info.series_description or series.description
    lines = [" ".join(x for x in (head, desc) if x)]
    lines.append(QCoreApplication.translate("Overlay", "Im {i}/{n}").format(i=index + 1, n=stack.expected))
    if s.info.frames > 1:
        lines[-1] += "  " + QCoreApplication.translate("Overlay", "Frame {f}/{n}").format(
            f=s.frame + 1, n=s.info.frames)
    if s.location is not None:
        lines.append(QCoreApplication.translate("Overlay", "Pos {z:.1f} mm").format(z=s.location))
    if info.slice_thickness:
        lines.append(QCoreApplication.translate("Overlay", "Thk {t:g} mm").format(t=info.slice_thickness))
    bottom_left = "\n".join(x for x in lines if x)

    right = []
    if window is not None:
        right.append(QCoreApplication.translate("Overlay", "W {w:.0f} L {c:.0f}").format(
            w=window.width, c=window.center))
    right.append(QCoreApplication.translate("Overlay", "Zoom {z:.0f}%").format(z=zoom * 100))
    if info.pixel_spacing is None:
        right.append(QCoreApplication.translate("Overlay", "No pixel spacing: lengths in px"))
    elif info.spacing_source == "imager":
        right.append(QCoreApplication.translate("Overlay", "Spacing at detector"))
    return {"top_left": top_left, "top_right": top_right, "bottom_left": bottom_left,
            "bottom_right": "\n".join(right)}
