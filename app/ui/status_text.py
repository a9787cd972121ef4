"""FHIR statuses in the user's words: the one place that says what "preliminary" or "entered-in-error" means.

Reports and results (DiagnosticReport, Observation), studies (ImagingStudy) and documents
(DocumentReference) carry a code of FHIR's status value sets. Those codes are for machines:
a doctor reading Chinese must see 初步报告, not "preliminary". Every view that shows a
status asks here, so a status is worded the same in the list, the detail, the Images tab and
the viewer, and a code a hospital invents is never put on screen as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.imaging import NO_REPORT

# Every word is written out as QCoreApplication.translate("FhirStatus", "..."): lupdate finds only
# literal calls, so neither the context nor the function may be a variable.


def _words() -> dict[str, str]:
    """Each known code and its label, in the interface language of the moment."""
    return {
        # DiagnosticReport / Observation (and DocumentReference.docStatus)
        "registered": QCoreApplication.translate("FhirStatus", "Registered"),
        "partial": QCoreApplication.translate("FhirStatus", "Partial"),
        "preliminary": QCoreApplication.translate("FhirStatus", "Preliminary"),
        "final": QCoreApplication.translate("FhirStatus", "Final"),
        "amended": QCoreApplication.translate("FhirStatus", "Amended"),
        "corrected": QCoreApplication.translate("FhirStatus", "Corrected"),
        "appended": QCoreApplication.translate("FhirStatus", "Appended"),
        "cancelled": QCoreApplication.translate("FhirStatus", "Cancelled"),
        "entered-in-error": QCoreApplication.translate("FhirStatus", "Entered in error"),
        "unknown": QCoreApplication.translate("FhirStatus", "Status unknown"),
        # ImagingStudy
        "available": QCoreApplication.translate("FhirStatus", "Images available"),
        # DocumentReference.status
        "current": QCoreApplication.translate("FhirStatus", "Current"),
        "superseded": QCoreApplication.translate("FhirStatus", "Superseded"),
        # ours: a study that has no imaging report yet
        NO_REPORT: QCoreApplication.translate("FhirStatus", "No report yet"),
    }


#: The codes this module words (for tests and for anyone checking a screen for raw codes).
KNOWN_CODES: tuple[str, ...] = ("registered", "partial", "preliminary", "final", "amended", "corrected",
                                "appended", "cancelled", "entered-in-error", "unknown", "available",
                                "current", "superseded", NO_REPORT)


def status_text(code: str) -> str:
    """The status as a short label in the interface language; an unknown code says so, without the code."""
    words = _words()
    if not code:
        return words["unknown"]
    return words.get(code.strip().lower(), QCoreApplication.translate("FhirStatus", "Unrecognized status"))
