"""A patient's lab reports and imaging studies from every source, each with its recognition verdict.

Loading is per source (`load_source_reports`) so the window fills in as hospitals answer;
`assess` applies the rules; `load_chart` does it all for the command line and tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.catalogue import Catalogue
from app.domain.models import LabReport, Patient
from app.domain.recognition import ReportSummary, Site, Verdict, assess_report, assess_result, summarize
from app.platform.fhir.client import FhirError
from app.platform.fhir.documents import DOCUMENT_REFERENCES, with_documents
from app.platform.fhir.lab_reports import reports_from_resources
from app.platform.fhir.search import Gaps, References, SearchResult, search_all
from app.services.imaging import AssessedStudy, load_source_studies, newest_studies_first
from app.services.lookup import PersonMatch, SourceOutcome, SourceState, answered_outcome, failure_outcome
from app.services.workspace import SourceHandle, Workspace

REPORT_SEARCH = (("category", "LAB"), ("_sort", "-date"), ("_count", "50"))
#: What a lab report needs besides itself: asked for as includes, fetched by id when not included.
REPORT_INCLUDES = ("DiagnosticReport:result", "DiagnosticReport:performer")
REPORT_REFERENCES = (("result", "Observation"), ("performer", "Organization"))
#: Every document of the patient: which are lab reports is decided on our side (category or
#: type, see platform.fhir.documents), since a server may not search DocumentReference by category.
DOCUMENT_SEARCH = (("_count", "50"),)


@dataclass(frozen=True)
class SourceReports:
    outcome: SourceOutcome
    reports: tuple[LabReport, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessedReport:
    report: LabReport
    verdicts: tuple[Verdict, ...]   # one per result, in the report's order
    #: A report that came only as its printed document is assessed as a whole (`assess_report`).
    document_verdict: Verdict | None = None

    @property
    def summary(self) -> ReportSummary:
        if not self.verdicts and self.document_verdict is not None:
            return summarize((self.document_verdict,))
        return summarize(self.verdicts)


def load_source_reports(source: SourceHandle, patient: Patient, workspace: Workspace,
                        refs: References | None = None) -> SourceReports:
    """One source's lab reports for the patient's record there; failures land in the outcome.

    Results and issuing hospitals come from the includes when the server honours them, and
    are fetched by id when it does not (`refs` keeps them for the rest of the chart's load).
    The patient's DocumentReferences follow: printed lab reports attach to their report or
    stand as reports of their own; when they cannot be listed the answer is partial.
    """
    started = time.monotonic()
    refs = refs or References(source.client)
    try:
        params = [("patient", f"Patient/{patient.key.id}"), *REPORT_SEARCH,
                  *source.capabilities().include_params(*REPORT_INCLUDES)]
        found = search_all(source.client, "DiagnosticReport", params)
        unresolved = refs.complete(found, REPORT_REFERENCES)
    except FhirError as e:
        return SourceReports(failure_outcome(source, e, started))
    documents, document_problem = SearchResult("DocumentReference"), ""
    try:
        if _lists_documents(source):
            documents = search_all(source.client, "DocumentReference",
                                   [("patient", f"Patient/{patient.key.id}"), *DOCUMENT_SEARCH])
            unresolved += refs.complete(documents, DOCUMENT_REFERENCES)
    except FhirError as e:
        document_problem = e.message
    related = [*refs.of_kind("Observation").values(), *refs.of_kind("Organization").values()]
    reports, skipped = reports_from_resources([*found.matches, *related], source.name, workspace.timezone)
    reports, unread = with_documents(reports, found.matches,
                                     [*documents.matches, *refs.of_kind("Organization").values()],
                                     source.name, workspace.timezone)
    problems = (*skipped.problems, *unread.problems)
    listed = Gaps(len(found.matches), len(found.matches)) if not found.truncated else found.gaps
    gaps = listed + document_gaps(documents, sum(r.resource_type == "DocumentReference" for r in reports)) + \
        Gaps(unresolved=unresolved)
    outcome = answered_outcome(source, started, len(reports), len(problems), gaps)
    if document_problem:
        outcome = replace(outcome, state=SourceState.PARTIAL, message=document_problem)
    return SourceReports(outcome, tuple(reports), problems)


def document_gaps(documents: SearchResult, listed: int) -> Gaps:
    """The document search's part of "showing n of m": the reports it added, and those it could not.

    A DocumentReference attached to a listed report adds no row, so rows are counted, not
    matches. (A complete part counts as n of n, so that a cut-short other part is told right.)
    """
    gaps = documents.gaps
    withheld = gaps.total - gaps.shown if gaps.total is not None and gaps.truncated else 0
    return Gaps(listed, listed + withheld)


def _lists_documents(source: SourceHandle) -> bool:
    """False only when the server says it holds no DocumentReferences: then none can be missing."""
    capabilities = source.capabilities()
    return not capabilities.known or not capabilities.types or "DocumentReference" in capabilities.types


def assess(reports: Iterable[LabReport], catalogue: Catalogue, site: Site, now: datetime) -> list[AssessedReport]:
    return newest_first(assess_one(r, catalogue, site, now) for r in reports)


def assess_one(report: LabReport, catalogue: Catalogue, site: Site, now: datetime) -> AssessedReport:
    """Each result on its own; a report with only its printed document, as a whole."""
    if report.document_only:
        return AssessedReport(report, (), assess_report(report, catalogue, site, now))
    return AssessedReport(report, tuple(assess_result(x, report, catalogue, site, now) for x in report.results))


@dataclass(frozen=True)
class SourceChart:
    """One source's part of a chart, already assessed: what a worker hands the window."""

    outcome: SourceOutcome
    reports: tuple[AssessedReport, ...]
    problems: tuple[str, ...]
    studies: tuple[AssessedStudy, ...] = ()
    imaging_outcome: SourceOutcome | None = None


def load_source_chart(source: SourceHandle, patient: Patient, workspace: Workspace) -> SourceChart:
    """Lab reports and imaging studies of one source; either may fail without the other."""
    refs = References(source.client)
    loaded = load_source_reports(source, patient, workspace, refs)
    assessed = assess(loaded.reports, workspace.catalogue, workspace.site, workspace.now())
    imaging = load_source_studies(source, patient, workspace, refs)
    return SourceChart(with_imaging(loaded.outcome, imaging.outcome), tuple(assessed),
                       loaded.problems + imaging.problems, imaging.studies, imaging.outcome)


def with_imaging(labs: SourceOutcome, imaging: SourceOutcome) -> SourceOutcome:
    """A source's one status line: its lab answer, partial when the imaging part lacks something.

    A chart whose images could not be listed is not a complete chart, even if every lab
    report came.
    """
    if not labs.answered or imaging.state is SourceState.OK:
        return labs
    if imaging.answered:
        return replace(labs, state=SourceState.PARTIAL, gaps=labs.gaps + imaging.gaps,
                       skipped=labs.skipped + imaging.skipped)
    return replace(labs, state=SourceState.PARTIAL, message=imaging.message or imaging.state.value)


def newest_first(reports: Iterable[AssessedReport]) -> list[AssessedReport]:
    return sorted(reports, key=lambda a: a.report.effective.timestamp() if a.report.effective else float("-inf"),
                  reverse=True)


@dataclass(frozen=True)
class Chart:
    person: PersonMatch
    reports: list[AssessedReport]
    outcomes: list[SourceOutcome]
    problems: list[str]
    studies: list[AssessedStudy]

    @property
    def hospitals(self) -> list[str]:
        """Hospitals with records, most recent first."""
        names = (a.report.hospital.name for a in self.reports if a.report.hospital)
        return list(dict.fromkeys(names))


def load_chart(workspace: Workspace, person: PersonMatch, sources: Sequence[SourceHandle] | None = None) -> Chart:
    by_source = {p.key.source: p for p in person.records}
    targets = [s for s in (sources or workspace.sources) if s.name in by_source]
    with ThreadPoolExecutor(max_workers=max(1, len(targets))) as pool:
        parts = list(pool.map(lambda s: load_source_chart(s, by_source[s.name], workspace), targets))
    return Chart(person, newest_first(r for p in parts for r in p.reports), [p.outcome for p in parts],
                 [x for p in parts for x in p.problems], newest_studies_first(s for p in parts for s in p.studies))
