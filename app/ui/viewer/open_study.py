"""What the viewer holds about a study it shows: the chart's words for it, and its series as they arrive.

`StudyContext` is what the caller hands in (the chart's title, patient, report, recognition
badge); `OpenStudy` is the viewer's own bookkeeping for one open study, kept apart from the
window so that a second (prior) study is just a second one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.recognition import Verdict
from app.services.image_loading import ImageSource, SeriesRef
from app.ui.viewer.fetch import SeriesFetch
from app.ui.viewer.image_stack import ImageStack


@dataclass(frozen=True)
class StudyContext:
    """What the chart knows about a study, for the overlays and the report panel."""

    title: str = ""
    patient: str = ""
    patient_id: str = ""
    age: str = ""
    hospital: str = ""
    date: str = ""
    badge: str = ""
    badge_reason: str = ""
    recognized: bool | None = None
    conclusion: str = ""
    findings: str = ""
    report_status: str = ""
    from_files: bool = False      # local media: patient and study come from the files themselves
    verdict: Verdict | None = None   # the badge and its reason again, in the language of the moment

    def overlay(self) -> dict[str, str]:
        return {"patient": self.patient, "patient_id": self.patient_id, "age": self.age, "hospital": self.hospital}


@dataclass(eq=False)
class OpenStudy:
    """One study on screen: where it comes from, its series, and how far each has arrived.

    Compared by identity (`eq=False`): a late answer for a study that was closed meanwhile
    must not be mistaken for one about the study that replaced it.
    """

    source: ImageSource
    context: StudyContext
    series: list[SeriesRef] = field(default_factory=list)
    stacks: dict[str, ImageStack] = field(default_factory=dict)
    fetches: dict[str, SeriesFetch] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    listing_error: str = ""
    #: The series fetched once the one on screen has shown its first image (`ViewerWindow._listed`).
    later: list[SeriesRef] = field(default_factory=list)

    def close(self) -> None:
        """Stop every fetch still running and let the source go (connections, open files)."""
        for fetch in self.fetches.values():
            fetch.cancel()
        self.source.close()
