"""A patient's imaging studies from every source, each with its recognition verdict.

A source lists studies as FHIR ImagingStudy resources pointing at a DICOMweb endpoint, and
their reports as DiagnosticReports of category RAD. Both searches go to the source that
holds the patient's record; the images themselves are fetched later, by the viewer.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.catalogue import Catalogue
from app.domain.imaging import NO_REPORT, ImagingStudy
from app.domain.models import Patient
from app.domain.recognition import Site, Verdict, assess
from app.platform.fhir.client import FhirError
from app.platform.fhir.imaging_studies import studies_from_resources
from app.platform.fhir.search import Gaps, References, search_all
from app.services.lookup import SourceOutcome, answered_outcome, failure_outcome
from app.services.workspace import SourceHandle, Workspace

STUDY_SEARCH = (("_sort", "-started"), ("_count", "50"))
IMAGING_REPORT_SEARCH = (("category", "RAD"), ("_count", "50"))
#: What studies and their reports name: asked for as includes, fetched by id when not included.
STUDY_REFERENCES = (("endpoint", "Endpoint"), ("series.endpoint", "Endpoint"),
                    ("series.performer.actor", "Organization"))
IMAGING_REPORT_REFERENCES = (("performer", "Organization"),)


@dataclass(frozen=True)
class AssessedStudy:
    study: ImagingStudy
    verdict: Verdict


@dataclass(frozen=True)
class SourceStudies:
    outcome: SourceOutcome
    studies: tuple[AssessedStudy, ...] = ()
    problems: tuple[str, ...] = ()


def assess_study(study: ImagingStudy, catalogue: Catalogue, site: Site, now: datetime) -> Verdict:
    """The rules of lab results hold for studies: item, report final, age, issuer's mark."""
    return assess(codes=study.codes, status=study.report_status or NO_REPORT, effective=study.started,
                  issuer=study.hospital.identifier if study.hospital else None,
                  catalogue=catalogue, site=site, now=now)


def newest_studies_first(studies: Iterable[AssessedStudy]) -> list[AssessedStudy]:
    return sorted(studies, key=lambda a: a.study.started.timestamp() if a.study.started else float("-inf"),
                  reverse=True)


def load_source_studies(source: SourceHandle, patient: Patient, workspace: Workspace,
                        refs: References | None = None) -> SourceStudies:
    """One source's studies of the patient's record there; failures land in the outcome."""
    started = time.monotonic()
    refs = refs or References(source.client)
    subject = ("patient", f"Patient/{patient.key.id}")
    try:
        capabilities = source.capabilities()
        studies_found = search_all(source.client, "ImagingStudy", [
            subject, *STUDY_SEARCH, *capabilities.include_params("ImagingStudy:endpoint")])
        reports_found = search_all(source.client, "DiagnosticReport", [
            subject, *IMAGING_REPORT_SEARCH, *capabilities.include_params("DiagnosticReport:performer")])
        unresolved = refs.complete(studies_found, STUDY_REFERENCES) + \
            refs.complete(reports_found, IMAGING_REPORT_REFERENCES)
    except FhirError as e:
        return SourceStudies(failure_outcome(source, e, started))
    hospitals = list(refs.of_kind("Organization").values())
    studies, skipped = studies_from_resources([*studies_found.matches, *refs.of_kind("Endpoint").values()],
                                              [*reports_found.matches, *hospitals], source.name,
                                              source.client.base_url, workspace.timezone)
    if source.config.dicomweb_base:   # the site names the source's image service for studies that do not
        studies = [s if s.dicomweb_base else replace(s, dicomweb_base=source.config.dicomweb_base) for s in studies]
    now = workspace.now()
    assessed = newest_studies_first(
        AssessedStudy(s, assess_study(s, workspace.catalogue, workspace.site, now)) for s in studies)
    gaps = studies_found.gaps + reports_found.gaps + Gaps(unresolved=unresolved)
    outcome = answered_outcome(source, started, len(studies), len(skipped), gaps)
    return SourceStudies(outcome, tuple(assessed), tuple(skipped.problems))
