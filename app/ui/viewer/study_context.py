"""From a chart's study to what the viewer needs: where to fetch it and what to write beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.services.image_loading import ImageSource, StudyImages, prior_candidates
from app.services.imaging import AssessedStudy
from app.services.lookup import PersonMatch
from app.ui import verdict_text
from app.ui.viewer.viewer_window import StudyContext

Opener = Callable[[], tuple[ImageSource, StudyContext]]


def study_context(assessed: AssessedStudy, person: PersonMatch | None, today: date) -> StudyContext:
    s, v = assessed.study, assessed.verdict
    patient = person.primary if person else None
    age = patient.age_on(today) if patient else None
    return StudyContext(
        title=s.description,
        patient=patient.name if patient else "",
        patient_id=patient.masked_resident_id if patient else "",
        age=QCoreApplication.translate("Overlay", "{age} y").format(age=age) if age is not None else "",
        hospital=s.hospital.name if s.hospital else "",
        date=s.started.strftime("%Y-%m-%d") if s.started else "",
        badge=verdict_text.badge_text(v),
        badge_reason=verdict_text.reason_text(v),
        recognized=v.recognized,
        conclusion=s.conclusion,
        findings=s.findings,
        report_status=s.report_status,
        verdict=v,
    )


def opener(assessed: AssessedStudy, person: PersonMatch | None, today: date, images: StudyImages) -> Opener:
    """`images` holds the image cache and each source's CA bundle and proxy (image_loading.study_images)."""
    def open_it() -> tuple[ImageSource, StudyContext]:
        return images.source(assessed.study), study_context(assessed, person, today)
    return open_it


def prior_openers(assessed: AssessedStudy, others: list[AssessedStudy], person: PersonMatch | None, today: date,
                  images: StudyImages) -> list[tuple[str, Opener]]:
    """Menu entries for Compare: earlier studies, the likeliest comparison first."""
    by_uid = {a.study.uid: a for a in others}
    earlier = [s for s in prior_candidates(assessed.study, [a.study for a in others])
               if s.started and assessed.study.started and s.started < assessed.study.started]
    out = []
    for s in earlier:
        label = " · ".join(x for x in (s.started.strftime("%Y-%m-%d") if s.started else "", s.description,
                                       s.hospital.name if s.hospital else "") if x)
        out.append((label, opener(by_uid[s.uid], person, today, images)))
    return out
