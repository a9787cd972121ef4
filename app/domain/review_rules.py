"""The supervisor's review (事后监管): which repeats a site wants looked at again, and why.

A repeat of a result the patient could have had recognized costs the patient money, so the
supervisor reviews repeats after the fact. Looking at every repeat is too much; each site
chooses rules (its `[review]` config) that put a repeat on the supervisor's queue:

- REASON: a recognizable prior result was repeated for a reason that needs a second look
  (by default "patient asks" and "other"), since the clinical reasons speak for themselves;
- SAME_ITEM: the patient had the same item repeated at the same hospital within N days
  before, so the earlier repeat's result was fresh;
- DOCTOR_RATE / DEPARTMENT_RATE: the doctor's (or the department's) share of repeats in the
  period is above a threshold, over at least a minimum number of decisions (a doctor with two
  decisions, one a repeat, is not a pattern);
- CONSENT: the platform holds no consent for the repeat, or the patient refused it.

The rules are plain functions of the dashboard's decisions (app/domain/recognition_stats.py)
and the consent each repeat's record has, so the queue, the tests and any export agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from app.domain.recognition_stats import Decision, tally
from app.domain.repeat_orders import RepeatReason


class Rule(Enum):
    """Why a repeat is on the queue (a repeat may be there for several)."""

    REASON = "reason"
    SAME_ITEM = "same-item"
    DOCTOR_RATE = "doctor-rate"
    DEPARTMENT_RATE = "department-rate"
    CONSENT = "consent"


class ConsentState(Enum):
    """What the platform's records say of a repeat's consent."""

    GIVEN = "given"
    REFUSED = "refused"
    MISSING = "missing"


@dataclass(frozen=True)
class ReviewSettings:
    """A site's rules (config `[review]`); the defaults are the national guidance's usual ones."""

    reasons: frozenset[RepeatReason] = field(
        default=frozenset({RepeatReason.PATIENT_REQUEST, RepeatReason.OTHER}))
    same_item_days: int = 7          # 0: the same-item rule is off
    rate_threshold: float = 0.3      # a repeat share above this flags; 1.0 or more: the rate rules are off
    rate_min_decisions: int = 10     # fewer decisions than this are no pattern
    flag_consent: bool = True


@dataclass(frozen=True)
class Flag:
    """A repeat on the supervisor's queue, with every rule that put it there."""

    decision: Decision
    rules: tuple[Rule, ...]
    consent: ConsentState


def reason_flagged(d: Decision, settings: ReviewSettings) -> bool:
    """A recognizable prior result repeated for one of the reasons the site reviews."""
    return d.repeated and bool(d.prior) and (d.reason or RepeatReason.OTHER) in settings.reasons


def same_item_flagged(decisions: Iterable[Decision], settings: ReviewSettings) -> set[str]:
    """Records of repeats whose patient had the same item repeated at the same hospital within N days before."""
    if settings.same_item_days <= 0:
        return set()
    window = timedelta(days=settings.same_item_days)
    seen: dict[tuple[str, str, str], list[Decision]] = {}
    for d in sorted((d for d in decisions if d.repeated and d.patient_id), key=lambda d: (d.when, d.record)):
        seen.setdefault((d.patient_id, d.hospital_id, d.item_code), []).append(d)
    out: set[str] = set()
    for series in seen.values():
        for earlier, later in zip(series, series[1:], strict=False):
            if later.when - earlier.when <= window:
                out.add(later.record)
    return out


def rate_flagged(decisions: Sequence[Decision], settings: ReviewSettings,
                 by_department: bool = False) -> set[str]:
    """Records of the repeats of every doctor (or department) whose repeat share is above the threshold."""
    groups: dict[tuple[str, ...], list[Decision]] = {}
    for d in decisions:
        key = (d.hospital_id, d.department) if by_department else (d.doctor_id,)
        groups.setdefault(key, []).append(d)
    out: set[str] = set()
    for members in groups.values():
        t = tally(members)
        if t.total >= max(1, settings.rate_min_decisions) and t.repeated / t.total > settings.rate_threshold:
            out |= {d.record for d in members if d.repeated}
    return out


def review_queue(decisions: Sequence[Decision], consents: Mapping[str, ConsentState],
                 settings: ReviewSettings = ReviewSettings(), earlier: Iterable[Decision] = ()) -> list[Flag]:
    """The repeats of `decisions` (the period reviewed) that some rule flags, oldest first.

    `consents` maps a repeat's record to what the platform holds; a record it does not name has none.
    `earlier`: the decisions of the days just before the period, which the same-item rule looks back
    on (a repeat on the period's first day may follow one the day before); they are never flagged.
    """
    same_item = same_item_flagged([*earlier, *decisions], settings)
    doctor_rate = rate_flagged(decisions, settings)
    department_rate = rate_flagged(decisions, settings, by_department=True)
    flags = []
    for d in sorted(decisions, key=lambda d: (d.when, d.record)):
        if not d.repeated:
            continue
        consent = consents.get(d.record, ConsentState.MISSING)
        rules = tuple(rule for rule, hit in (
            (Rule.REASON, reason_flagged(d, settings)),
            (Rule.SAME_ITEM, d.record in same_item),
            (Rule.DOCTOR_RATE, d.record in doctor_rate),
            (Rule.DEPARTMENT_RATE, d.record in department_rate),
            (Rule.CONSENT, settings.flag_consent and consent is not ConsentState.GIVEN),
        ) if hit)
        if rules:
            flags.append(Flag(d, rules, consent))
    return flags


# --- the supervisor's verdict -------------------------------------------------------------


class Verdict(Enum):
    """The supervisor's judgement of a flagged repeat (its code on the platform's record)."""

    REASONABLE = "reasonable-repeat"
    UNREASONABLE = "unreasonable-repeat"


@dataclass(frozen=True)
class ReviewVerdict:
    """A verdict on one repeat, as recorded on the platform (a DetectedIssue: docs/fhir-profile.md)."""

    record: str                    # the repeat's identifier value ({order id}/{item code})
    verdict: Verdict
    comment: str
    reviewer_id: str               # the supervisor's Practitioner id
    reviewer: str
    at: datetime
    patient_id: str = ""
    item_name: str = ""
    rules: tuple[Rule, ...] = ()
