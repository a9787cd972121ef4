"""The mutual-recognition rules: is this result recognized here and now, and if not, why.

A result is recognized when every rule passes: its item is on the recognition list of this
region, it is final, it is recent enough for the item's window, and the issuing hospital
held a qualification for the item on the result's date whose mark reaches this hospital.
Otherwise it is "reference only", and the verdict lists *every* reason that applies, so the
doctor (and later the platform's supervision) sees the whole picture, not just the first
failed check.

Ages are whole calendar days in the site's time zone: a sample drawn at 23:30 on the 1st
is one day old on the 2nd, whatever the UTC clock says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from app.domain.catalogue import Catalogue, CatalogueItem, Qualification
from app.domain.models import FINAL_STATUSES, Coding, Identifier, LabReport, LabResult
from app.domain.regions import Scope


class Reason(Enum):
    """Why a result is reference only. The UI words each one; the domain stays wordless."""

    NOT_ON_LIST = "not-on-list"                      # no catalogue item for its codes
    NOT_ON_LIST_HERE = "not-on-list-here"            # item listed only in another region
    NOT_FINAL = "not-final"                          # preliminary, cancelled, ...
    NO_DATE = "no-date"                              # no specimen/effective time
    FUTURE_DATE = "future-date"                      # dated after now: a data error
    TOO_OLD = "too-old"                              # older than the item's window
    ISSUER_UNKNOWN = "issuer-unknown"                # no issuing hospital on the result
    ISSUER_NOT_QUALIFIED = "issuer-not-qualified"    # hospital never passed QC for the item
    QUALIFICATION_NOT_VALID = "qualification-not-valid"  # passed, but not on the result's date
    MARK_OUT_OF_SCOPE = "mark-out-of-scope"          # its mark does not reach this region


@dataclass(frozen=True)
class Finding:
    reason: Reason
    age_days: int | None = None
    window_days: int | None = None
    status: str = ""
    mark: str = ""
    scope: Scope | None = None
    periods: tuple[tuple[date, date | None], ...] = ()


@dataclass(frozen=True)
class Site:
    """Where the viewing doctor sits: the region decides which marks reach it."""

    region: str | None
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))


@dataclass(frozen=True)
class Verdict:
    item: CatalogueItem | None
    findings: tuple[Finding, ...]
    mark: str = ""                 # the qualifying mark to show, when a qualification applies
    age_days: int | None = None
    recognizable_until: date | None = None  # last day the result stays recognizable

    @property
    def recognized(self) -> bool:
        return not self.findings

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(f.reason for f in self.findings)


def age_in_days(effective: datetime, now: datetime, tz: ZoneInfo) -> int:
    """Calendar days from the result's date to today, both taken in the site's zone."""
    return (now.astimezone(tz).date() - effective.astimezone(tz).date()).days


def assess(
    *,
    codes: Sequence[Coding],
    status: str,
    effective: datetime | None,
    issuer: Identifier | None,
    catalogue: Catalogue,
    site: Site,
    now: datetime,
) -> Verdict:
    """The verdict for one result. `now` and `effective` must be timezone-aware."""
    if now.tzinfo is None or (effective is not None and effective.tzinfo is None):
        raise ValueError("recognition needs timezone-aware times")
    findings: list[Finding] = []
    item = catalogue.match(codes)
    if item is None:
        findings.append(Finding(Reason.NOT_ON_LIST))
    elif not item.scope.covers(site.region):
        findings.append(Finding(Reason.NOT_ON_LIST_HERE, scope=item.scope))

    if status not in FINAL_STATUSES:
        findings.append(Finding(Reason.NOT_FINAL, status=status))

    age = None
    result_day = None
    until = None
    if effective is None:
        findings.append(Finding(Reason.NO_DATE))
    else:
        age = age_in_days(effective, now, site.timezone)
        result_day = effective.astimezone(site.timezone).date()
        if age < 0:
            findings.append(Finding(Reason.FUTURE_DATE, age_days=age))
        elif item is not None:
            until = result_day + timedelta(days=item.window_days)
            if age > item.window_days:
                findings.append(Finding(Reason.TOO_OLD, age_days=age, window_days=item.window_days))

    mark = ""
    if item is not None:
        issuer_findings, mark = _issuer_findings(item, issuer, result_day, catalogue, site)
        findings.extend(issuer_findings)
    return Verdict(item=item, findings=tuple(findings), mark=mark, age_days=age,
                   recognizable_until=until)


def _issuer_findings(
    item: CatalogueItem, issuer: Identifier | None, day: date | None, catalogue: Catalogue, site: Site
) -> tuple[list[Finding], str]:
    """Check the issuing hospital's qualification; returns findings and the mark to show."""
    if issuer is None:
        return [Finding(Reason.ISSUER_UNKNOWN)], ""
    institution = catalogue.institution(issuer)
    covering = [q for q in institution.qualifications if q.covers_item(item)] if institution else []
    if not covering:
        return [Finding(Reason.ISSUER_NOT_QUALIFIED)], ""
    if day is None:
        return [], _widest(covering).mark
    valid = [q for q in covering if q.valid_on(day)]
    if not valid:
        periods = tuple((q.valid_from, q.valid_to) for q in covering)
        return [Finding(Reason.QUALIFICATION_NOT_VALID, periods=periods, mark=_widest(covering).mark)], ""
    reaching = [q for q in valid if q.scope.covers(site.region)]
    if not reaching:
        best = _widest(valid)
        return [Finding(Reason.MARK_OUT_OF_SCOPE, mark=best.mark, scope=best.scope)], best.mark
    return [], _widest(reaching).mark


def _widest(quals: Sequence[Qualification]) -> Qualification:
    return max(quals, key=lambda q: q.scope.breadth)


def assess_result(result: LabResult, report: LabReport, catalogue: Catalogue, site: Site,
                  now: datetime) -> Verdict:
    """Verdict for a result as it stands in its report: the report fills in what the item lacks.

    Observations often leave out the performer or the time and rely on the report's.
    """
    hospital = report.hospital
    return assess(
        codes=result.codes,
        status=result.status if result.status != "unknown" else report.status,
        effective=result.effective or report.effective,
        issuer=hospital.identifier if hospital else None,
        catalogue=catalogue,
        site=site,
        now=now,
    )


def assess_report(report: LabReport, catalogue: Catalogue, site: Site, now: datetime) -> Verdict:
    """Verdict for a report that came without results, only as its printed document.

    The report itself stands for its item: its code (a catalogue item's LOINC, or the
    hospital's local code the catalogue lists), its status, its date and its issuer. A panel
    code the catalogue does not list is "not on the list": the rules recognize items, and
    nothing here can tell which items the printed page holds.
    """
    hospital = report.hospital
    return assess(
        codes=report.codes,
        status=report.status,
        effective=report.effective,
        issuer=hospital.identifier if hospital else None,
        catalogue=catalogue,
        site=site,
        now=now,
    )


@dataclass(frozen=True)
class ReportSummary:
    """How much of a report is recognized, for the badge in the report list."""

    recognized: int
    total: int
    marks: tuple[str, ...]

    @property
    def state(self) -> str:
        """'all', 'some' or 'none': the three badge looks."""
        if self.total and self.recognized == self.total:
            return "all"
        return "some" if self.recognized else "none"


def summarize(verdicts: Sequence[Verdict]) -> ReportSummary:
    marks = tuple(dict.fromkeys(v.mark for v in verdicts if v.recognized and v.mark))
    return ReportSummary(sum(v.recognized for v in verdicts), len(verdicts), marks)
