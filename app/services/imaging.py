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
from app.platform.fhir_client import FhirError
from app.platform.fhir_mapping import studies_from_bundles
from app.services.lookup import SourceOutcome, SourceState, failure_outcome
from app.services.workspace import SourceHandle, Workspace

STUDY_SEARCH = (("_include", "ImagingStudy:endpoint"), ("_sort", "-started"), ("_count", "50"))
IMAGING_REPORT_SEARCH = (("category", "RAD"), ("_include", "DiagnosticReport:performer"), ("_count", "50"))


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


def load_source_studies(source: SourceHandle, patient: Patient, workspace: Workspace) -> SourceStudies:
    """One source's studies of the patient's record there; failures land in the outcome."""
    started = time.monotonic()
    try:
        study_pages = list(source.client.search("ImagingStudy", [("patient", patient.key.id), *STUDY_SEARCH]))
        report_pages = list(source.client.search("DiagnosticReport",
                                                 [("patient", patient.key.id), *IMAGING_REPORT_SEARCH]))
    except FhirError as e:
        return SourceStudies(failure_outcome(source, e, started))
    studies, skipped = studies_from_bundles(study_pages, report_pages, source.name, source.client.base_url,
                                            workspace.timezone)
    if source.config.dicomweb_base:   # the site names the source's image service for studies that do not
        studies = [s if s.dicomweb_base else replace(s, dicomweb_base=source.config.dicomweb_base) for s in studies]
    now = workspace.now()
    assessed = newest_studies_first(
        AssessedStudy(s, assess_study(s, workspace.catalogue, workspace.site, now)) for s in studies)
    outcome = SourceOutcome(source.name, source.label, SourceState.OK, count=len(studies),
                            skipped=len(skipped), seconds=time.monotonic() - started)
    return SourceStudies(outcome, tuple(assessed), tuple(skipped.problems))
