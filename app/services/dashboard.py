"""The recognition dashboard's data: every recognition and repeat the platform(s) recorded.

`load_decisions` asks every source at once for the order records of a date range (repeats:
ServiceRequests with an order-item identifier; recognitions: `Basic` records of type
recognition; revocations: `Basic` records of type recognition-revoked, which mark the
recognition they name as revoked), then for the PractitionerRoles of the physicians who made them (their hospital
and department), and maps them to domain `Decision`s. The figures themselves are
app/domain/recognition_stats.py and app/domain/recognition_funnel.py; app/services/dashboard_export.py
writes them as CSV files. Blocking: run `load_decisions` on a worker.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Any

from app.domain.catalogue import CatalogueItem
from app.domain.recognition_funnel import Doctor, PriorOpened, ReminderShown, Visit, visits
from app.domain.recognition_stats import Decision, revoke
from app.domain.review_rules import ReviewVerdict, Verdict
from app.domain.staff import StaffMember
from app.platform.fhir.client import FhirError
from app.platform.fhir.decisions import (
    is_recognition,
    is_repeat,
    placed_staff,
    practitioner_id,
    recognition_from_fhir,
    recognition_search,
    repeat_from_fhir,
    repeat_search,
    revocation_search,
    revoked_record,
    staff_search,
    verdict_from_fhir,
    verdicts_since_search,
)
from app.platform.fhir.funnel_events import (
    is_prior_read,
    is_reminder,
    opened_from_fhir,
    reads_search,
    reminder_from_fhir,
    reminder_search,
    requestor_id,
)
from app.platform.fhir.mapping import MappingError, Skipped
from app.platform.fhir.search import Gaps, SearchResult, search_all
from app.services.identity import find_staff
from app.services.lookup import SourceOutcome, SourceState, answered_outcome, failure_outcome
from app.services.workspace import SourceHandle, Workspace

log = logging.getLogger("huren.services")

#: Practitioners named per PractitionerRole search (keeps the URL short).
_STAFF_CHUNK = 40


@dataclass(frozen=True)
class DashboardData:
    """The records of `start`..`end` (site days, both included) and how each source answered.

    `decisions`: recognitions, repeats and revocations; `reminders` and `opened`: the funnel's
    audit records (reminders shown, reports and studies opened), whose sources answered as
    `funnel_outcomes` say (a platform may keep its AuditEvents from a workstation's search:
    the funnel's upper stages are then missing, never zero); `verdicts`: the supervisor's
    verdict per repeat record.
    """

    start: date
    end: date
    decisions: tuple[Decision, ...]
    outcomes: tuple[SourceOutcome, ...] = ()
    skipped: tuple[str, ...] = field(default=(), repr=False)   # records that could not be read, and why
    reminders: tuple[ReminderShown, ...] = ()
    opened: tuple[PriorOpened, ...] = ()
    funnel_outcomes: tuple[SourceOutcome, ...] = ()
    verdicts: Mapping[str, Verdict] = field(default_factory=dict)

    @property
    def failed(self) -> tuple[SourceOutcome, ...]:
        """Sources whose records are missing from the figures, wholly or in part."""
        return tuple(o for o in self.outcomes if o.state is not SourceState.OK)

    @property
    def funnel_failed(self) -> tuple[SourceOutcome, ...]:
        """Sources whose reminders or reads are missing from the funnel, wholly or in part (a source
        that failed before its AuditEvents were asked too: it has no funnel outcome)."""
        asked = {o.source for o in self.funnel_outcomes}
        return tuple(o for o in self.funnel_outcomes if o.state is not SourceState.OK) + \
            tuple(o for o in self.failed if not o.answered and o.source not in asked)

    def visits(self) -> list[Visit]:
        """The funnel's visits (app/domain/recognition_funnel.py)."""
        return visits(self.decisions, self.reminders, self.opened)


@dataclass
class _SourceRecords:
    """One source's answer, before merging."""

    outcome: SourceOutcome
    decisions: list[Decision] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    revoked: set[str] = field(default_factory=set)
    reminders: list[ReminderShown] = field(default_factory=list)
    opened: list[PriorOpened] = field(default_factory=list)
    funnel_outcome: SourceOutcome | None = None
    verdicts: dict[str, Verdict] = field(default_factory=dict)


def load_decisions(workspace: Workspace, start: date, end: date,
                   sources: Sequence[SourceHandle] | None = None) -> DashboardData:
    """Every source's records of the range, merged (a record two platforms both hold counts once)."""
    if end < start:
        raise ValueError("the range ends before it starts")
    targets = list(sources or workspace.sources)
    items = dict(workspace.catalogue.items)
    tz = workspace.timezone
    with ThreadPoolExecutor(max_workers=max(1, len(targets))) as pool:
        answers = list(pool.map(lambda s: _from_source(s, start, end, items, tz), targets))
    seen: dict[tuple[str, str], Decision] = {}
    skipped: list[str] = []
    revoked: set[str] = set()
    reminded: dict[str, ReminderShown] = {}
    opened: dict[str, PriorOpened] = {}
    given: dict[str, Verdict] = {}
    for a in answers:
        skipped += a.problems
        revoked |= a.revoked   # a revocation on any platform revokes the recognition wherever it is held
        for d in a.decisions:
            if start <= d.day <= end:
                seen.setdefault((d.outcome.value, d.record), d)
        for r in a.reminders:
            if start <= r.day <= end:
                reminded.setdefault(r.record, r)
        for o in a.opened:
            if start <= o.when.date() <= end:
                opened.setdefault(o.record, o)
        for record, verdict in a.verdicts.items():
            given.setdefault(record, verdict)
    ordered = sorted(revoke(seen.values(), revoked), key=lambda d: (d.when, d.record))
    return DashboardData(start, end, tuple(ordered), tuple(a.outcome for a in answers), tuple(skipped),
                         tuple(sorted(reminded.values(), key=lambda r: (r.when, r.record))),
                         tuple(sorted(opened.values(), key=lambda o: (o.when, o.record))),
                         tuple(a.funnel_outcome for a in answers if a.funnel_outcome is not None), given)


def _from_source(source: SourceHandle, start: date, end: date, items: dict[str, CatalogueItem],
                 tz: tzinfo) -> _SourceRecords:
    started = time.monotonic()
    skipped = Skipped()
    try:
        repeats_found = search_all(source.client, "ServiceRequest", repeat_search(start, end))
        recognitions_found = search_all(source.client, "Basic", recognition_search(start, end))
        revocations_found = search_all(source.client, "Basic", revocation_search(start, end))
    except FhirError as e:
        return _SourceRecords(failure_outcome(source, e, started))
    repeats = [r for r in repeats_found.matches if is_repeat(r)]
    recognitions = [r for r in recognitions_found.matches if is_recognition(r)]
    funnel_started = time.monotonic()
    given: dict[str, Verdict] = {}
    try:   # a platform may refuse a workstation its AuditEvents (or verdicts): the funnel, not the decisions
        reminders_found = search_all(source.client, "AuditEvent", reminder_search(start, end))
        reads_found = search_all(source.client, "AuditEvent", reads_search(start, end))
        given = _verdicts(source, start, tz)
        funnel_error: FhirError | None = None
    except FhirError as e:
        reminders_found = reads_found = SearchResult("AuditEvent")
        funnel_error = e
    shown = [r for r in reminders_found.matches if is_reminder(r)]
    try:
        members, staff_gaps = _staff(source, {p for r in repeats + recognitions if (p := practitioner_id(r))}
                                     | {p for r in shown if (p := requestor_id(r))})
    except FhirError as e:
        return _SourceRecords(failure_outcome(source, e, started))
    staff = placed_staff(members)
    decisions = []
    for res, read in [*((r, repeat_from_fhir) for r in repeats), *((r, recognition_from_fhir) for r in recognitions)]:
        try:
            decisions.append(read(res, staff, items, tz))
        except MappingError as e:
            skipped.add(res, e)
    if skipped:
        log.warning("%d order records from %s could not be read", len(skipped), source.name)
    # A doctor whose hospital could not be read still counts; a page withheld does not: it makes the source partial.
    gaps = repeats_found.gaps + recognitions_found.gaps + revocations_found.gaps + \
        Gaps(unresolved=staff_gaps.unresolved)
    outcome = answered_outcome(source, started, len(decisions), len(skipped), gaps)
    revoked = {key for r in revocations_found.matches if (key := revoked_record(r))}
    out = _SourceRecords(outcome, decisions, [f"{source.name}: {p}" for p in skipped.problems], revoked,
                         verdicts=given)
    unread = _read_funnel(out, source, shown, reads_found.matches, items, tz,
                          {m.practitioner_id: Doctor.of(m) for m in staff.values()})
    out.funnel_outcome = failure_outcome(source, funnel_error, funnel_started) if funnel_error is not None else \
        answered_outcome(source, funnel_started, len(out.reminders) + len(out.opened), unread,
                         reminders_found.gaps + reads_found.gaps)
    return out


def _read_funnel(out: _SourceRecords, source: SourceHandle, shown: list[dict[str, Any]],
                 reads: list[dict[str, Any]], items: dict[str, CatalogueItem], tz: tzinfo,
                 doctors: dict[str, Doctor]) -> int:
    """Adds the reminders and openings to `out`; how many records could not be read."""
    before = len(out.problems)
    for res in shown:
        try:
            reminder = reminder_from_fhir(res, tz, items, doctors)
        except MappingError as e:
            out.problems.append(f"{source.name}: AuditEvent/{res.get('id')}: {e}")
            continue
        if reminder is not None:
            out.reminders.append(reminder)
    for res in reads:
        if not is_prior_read(res):
            continue
        try:
            found = opened_from_fhir(res, tz)
        except MappingError as e:
            out.problems.append(f"{source.name}: AuditEvent/{res.get('id')}: {e}")
            continue
        if found is not None:
            out.opened.append(found)
    return len(out.problems) - before


def _verdicts(source: SourceHandle, start: date, tz: tzinfo) -> dict[str, Verdict]:
    """Per repeat record, the verdict this source holds (every verdict given since the period began)."""
    out: dict[str, Verdict] = {}
    for v in read_verdicts(search_all(source.client, "DetectedIssue", verdicts_since_search(start)).matches,
                           source.name, tz):
        out.setdefault(v.record, v.verdict)
    return out


def read_verdicts(resources: Iterable[dict[str, Any]], source: str, tz: tzinfo) -> Iterator[ReviewVerdict]:
    """The verdicts among `resources`; one that cannot be read is logged and left out."""
    for res in resources:
        try:
            yield verdict_from_fhir(res, tz)
        except MappingError as e:
            log.warning("a review verdict from %s could not be read: %s", source, e)


def _staff(source: SourceHandle, practitioners: set[str]) -> tuple[list[StaffMember], Gaps]:
    ids = sorted(practitioners)
    members: list[StaffMember] = []
    gaps = Gaps()
    for i in range(0, len(ids), _STAFF_CHUNK):
        found, missing = find_staff(source, staff_search(ids[i:i + _STAFF_CHUNK]))
        members += found
        gaps += missing
    return members, gaps
