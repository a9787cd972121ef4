"""Why an image cannot be shown, in the user's language: the problem kind worded here.

The reader's own message (sizes, transfer syntax) is an English sentence from the platform
layer: it follows the worded problem only when the interface speaks English, so that a
message is never half Chinese, half English. Other languages get the problem alone; the
specifics stay in the log."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.ui.language import current_language

if TYPE_CHECKING:
    from app.services.image_loading import DicomReadError

log = logging.getLogger("huren.images")


def problem_text(error: DicomReadError) -> str:
    from app.services.image_loading import ReadProblem

    words = {
        ReadProblem.NOT_DICOM: QCoreApplication.translate("ReadProblem", "The file is not a DICOM image."),
        ReadProblem.UNREADABLE: QCoreApplication.translate(
            "ReadProblem", "The file cannot be opened (permissions, or a damaged disc)."),
        ReadProblem.CORRUPT_HEADER: QCoreApplication.translate(
            "ReadProblem", "The file is marked as DICOM but its header is damaged."),
        ReadProblem.TRUNCATED: QCoreApplication.translate(
            "ReadProblem", "The file is incomplete: it ends too early (copied or sent only in part)."),
        ReadProblem.NO_PIXEL_DATA: QCoreApplication.translate(
            "ReadProblem", "The file holds no image (a report, a structured document or a key object)."),
        ReadProblem.UNSUPPORTED_SYNTAX: QCoreApplication.translate(
            "ReadProblem", "The image is compressed in a way this program cannot decode."),
        ReadProblem.CORRUPT_PIXEL_DATA: QCoreApplication.translate(
            "ReadProblem", "The compressed image data is damaged."),
        ReadProblem.SIZE_MISMATCH: QCoreApplication.translate(
            "ReadProblem", "The image data does not match the size the file declares."),
        ReadProblem.TOO_LARGE: QCoreApplication.translate("ReadProblem", "The image is too large to open safely."),
        ReadProblem.UNSUPPORTED_IMAGE: QCoreApplication.translate("ReadProblem", "This kind of image cannot be shown."),
    }
    head = words.get(error.problem, QCoreApplication.translate("ReadProblem", "The image cannot be read."))
    if error.detail and not current_language().startswith("en"):   # "en_US" from the catalogue
        log.info("image not shown: %s (%s)", error.problem.value, error.detail)
        return head
    return f"{head}\n{error.detail}" if error.detail else head
