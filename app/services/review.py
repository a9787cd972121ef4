"""The supervisor's review (事后监管): the queue of flagged repeats, the verdicts, the doctors' feedback.

`load_queue` reads the dashboard's decisions of a period (app/services/dashboard.py), the
Consents of their orders and the verdicts already given, and applies the site's rules
(config `[review]`, app/domain/review_rules.py). `record_verdict` writes a supervisor's verdict
(a DetectedIssue, docs/fhir-profile.md) through the outbox under the entry id `{record}/review`,
so the platform receives it exactly once however often the sending is retried; it goes to the
site's first source, the platform the site reports to. `load_feedback` gives an ordering
doctor the verdicts on their own repeats. Blocking (the network): run the loads on a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.config import SiteConfig
from app.domain.fhir_json import reference_id
from app.domain.models import LabResult
from app.domain.recognition_stats import Decision
from app.domain.repeat_orders import OrderError, RepeatReason
from app.domain.review_rules import (
    ConsentState,
    Flag,
    ReviewSettings,
    ReviewVerdict,
    Verdict,
    review_queue,
)
from app.domain.staff import StaffMember
from app.platform.fhir.client import FhirError
from app.platform.fhir.decisions import (
    consent_search,
    consent_states,
    order_of,
    verdict_search,
)
from app.platform.fhir.lab_reports import result_from_fhir
from app.platform.fhir.mapping import MappingError
from app.platform.fhir.records import verdict_transaction
from app.platform.fhir.search import search_all
from app.platform.outbox import Outbox
from app.services.changes import Changes
from app.services.dashboard import load_decisions, read_verdicts
from app.services.lookup import SourceOutcome
from app.services.workspace import Workspace

log = logging.getLogger("huren.services")

#: Identifiers named per search (keeps the URL short).
_CHUNK = 40


def settings_of(config: SiteConfig) -> ReviewSettings:
    """The site's `[review]` options as the rules take them."""
    return ReviewSettings(reasons=frozenset(RepeatReason(r) for r in config.review_reasons),
                          same_item_days=config.review_same_item_days,
                          rate_threshold=config.review_rate_threshold,
                          rate_min_decisions=config.review_rate_min_decisions,
                          flag_consent=config.review_consent)


@dataclass(frozen=True)
class ReviewItem:
    """A flagged repeat and the verdict on it, when one was given."""

    flag: Flag
    verdict: ReviewVerdict | None = None
    prior: LabResult | None = None   # the prior result it did not recognize, as its source holds it (None: not read)

    @property
    def decision(self) -> Decision:
        return self.flag.decision


@dataclass(frozen=True)
class ReviewQueue:
    """The flagged repeats of `start`..`end` (site days), oldest first, and how the sources answered."""

    start: date
    end: date
    items: tuple[ReviewItem, ...]
    outcomes: tuple[SourceOutcome, ...] = ()

    @property
    def open(self) -> tuple[ReviewItem, ...]:
        """The items still waiting for a verdict."""
        return tuple(i for i in self.items if i.verdict is None)


@dataclass(frozen=True)
class Feedback:
    """A doctor's repeats of a period that a supervisor judged, newest verdict first."""

    items: tuple[tuple[Decision, ReviewVerdict], ...]


def load_queue(workspace: Workspace, start: date, end: date) -> ReviewQueue:
    """The period's repeats that the site's rules flag, each with its verdict if it has one."""
    settings = settings_of(workspace.config)
    # The same-item rule looks back before the period; the rates and the queue are the period's.
    data = load_decisions(workspace, start - timedelta(days=settings.same_item_days), end)
    period = [d for d in data.decisions if start <= d.day <= end]
    earlier = [d for d in data.decisions if d.day < start]
    repeats = [d for d in period if d.repeated]
    states = consents(workspace, {order_of(d.record) for d in repeats})
    per_record = {d.record: states.get(order_of(d.record), ConsentState.MISSING) for d in repeats}
    flags = review_queue(period, per_record, settings, earlier)
    given = verdicts(workspace, [f.decision.record for f in flags])
    found = priors(workspace, [f.decision.prior for f in flags])
    return ReviewQueue(start, end, tuple(ReviewItem(f, given.get(f.decision.record), found.get(f.decision.prior))
                                         for f in flags), data.outcomes)


def priors(workspace: Workspace, references: Iterable[str]) -> dict[str, LabResult]:
    """The prior results the repeats name (`Observation/{id}`), from whichever source holds them."""
    ids = sorted({rid for r in references if (rid := reference_id({"reference": r}, "Observation"))})
    out: dict[str, LabResult] = {}
    for source in workspace.sources:
        for i in range(0, len(ids), _CHUNK):
            try:
                found = search_all(source.client, "Observation", [("_id", ",".join(ids[i:i + _CHUNK]))])
            except FhirError as e:
                log.warning("prior results from %s could not be read: %s", source.name, e)
                continue
            for res in found.matches:
                try:
                    result = result_from_fhir(res, source.name, workspace.timezone)
                except (MappingError, KeyError) as e:
                    log.warning("a prior result from %s could not be read: %s", source.name, e)
                    continue
                out.setdefault(f"Observation/{res['id']}", result)
    return out


def consents(workspace: Workspace, order_ids: Iterable[str]) -> dict[str, ConsentState]:
    """Per order id, the consent any source holds (an order none holds one for is absent)."""
    ids = sorted(set(order_ids))
    out: dict[str, ConsentState] = {}
    for source in workspace.sources:
        for i in range(0, len(ids), _CHUNK):
            try:
                found = search_all(source.client, "Consent", consent_search(ids[i:i + _CHUNK]))
            except FhirError as e:
                log.warning("consents from %s could not be read: %s", source.name, e)
                continue
            for order_id, state in consent_states(found.matches).items():
                out.setdefault(order_id, state)
    return out


def verdicts(workspace: Workspace, records: Iterable[str]) -> dict[str, ReviewVerdict]:
    """Per repeat record, the verdict any source holds on it."""
    keys = sorted(set(records))
    out: dict[str, ReviewVerdict] = {}
    for source in workspace.sources:
        for i in range(0, len(keys), _CHUNK):
            try:
                found = search_all(source.client, "DetectedIssue", verdict_search(keys[i:i + _CHUNK]))
            except FhirError as e:
                log.warning("review verdicts from %s could not be read: %s", source.name, e)
                continue
            for v in read_verdicts(found.matches, source.name, workspace.timezone):
                out.setdefault(v.record, v)
    return out


def load_feedback(workspace: Workspace, doctor_id: str, start: date, end: date) -> Feedback:
    """The verdicts on `doctor_id`'s own repeats of `start`..`end`."""
    data = load_decisions(workspace, start, end)
    mine = {d.record: d for d in data.decisions if d.repeated and d.doctor_id == doctor_id}
    given = verdicts(workspace, mine)
    items = sorted(((mine[r], v) for r, v in given.items() if r in mine), key=lambda dv: dv[1].at, reverse=True)
    return Feedback(tuple(items))


def verdict_entry_id(record: str) -> str:
    """The outbox entry of the verdict on a repeat: one per repeat."""
    return f"{record}/review"


def record_verdict(workspace: Workspace, outbox: Outbox, user: StaffMember | None, item: ReviewItem,
                   verdict: Verdict, comment: str) -> Changes:
    """Queue a supervisor's verdict on a flagged repeat (a disk write: the serial lane).

    Only a supervisor may give one; an unreasonable repeat needs a comment saying why (the
    doctor reads it); a repeat has one verdict. OrderError says why not.
    """
    if user is None or not user.is_supervisor:
        raise OrderError("only a signed-in supervisor can review repeats")
    comment = comment.strip()
    if verdict is Verdict.UNREASONABLE and not comment:
        raise OrderError("an unreasonable repeat needs a comment")
    d = item.decision
    entry_id = verdict_entry_id(d.record)
    if item.verdict is not None or outbox.get(entry_id) is not None:
        raise OrderError("this repeat has a verdict already")
    if not workspace.sources:
        raise OrderError("no platform to record the verdict on")
    given = ReviewVerdict(record=d.record, verdict=verdict, comment=comment, reviewer_id=user.practitioner_id,
                          reviewer=user.name, at=workspace.now(), patient_id=d.patient_id, item_name=d.item_name,
                          rules=item.flag.rules)
    source = workspace.sources[0].name
    outbox.add(f"review@{source}", verdict_transaction(given), entry_id=entry_id)
    return Changes(outbox=True)


def pending_verdicts(outbox: Outbox, items: Sequence[ReviewItem]) -> set[str]:
    """Records of `items` whose verdict waits in this workstation's outbox (given, not yet on the platform)."""
    return {i.decision.record for i in items if outbox.get(verdict_entry_id(i.decision.record)) is not None}
