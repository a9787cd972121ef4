"""What mutual recognition does, in numbers: decisions counted by period, reason, department,
doctor and item, and the fees the patients saved.

Each decision is one item of one order: recognized (the prior result stands, the patient
saves the item's catalogue price) or repeated (with a coded reason; saves nothing). A
recognition its doctor revoked (recorded by mistake) is counted apart, as revoked: it is
neither a recognition nor a repeat, saves nothing and leaves the recognition rate alone. The
tables are plain functions of a list of decisions, so that the dashboard, the CSV export
and the tests compute exactly the same figures, and every table adds up to the totals.
Money is counted in fen (1/100 yuan), in integers: sums of prices never drift by a cent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TypeVar

from app.domain.repeat_orders import RepeatReason

T = TypeVar("T")


class Outcome(Enum):
    RECOGNIZED = "recognized"
    REPEATED = "repeated"


@dataclass(frozen=True)
class Decision:
    """One item's decision as the platform recorded it."""

    when: datetime                 # when it was decided, in the site's time zone (its date is the day counted)
    hospital_id: str               # the ordering physician's hospital ('' when the platform does not say)
    hospital: str
    department: str
    doctor_id: str                 # the Practitioner's id
    doctor: str
    item_code: str                 # the catalogue item
    item_name: str
    outcome: Outcome
    reason: RepeatReason | None = None   # a repeat's reason
    fee_fen: int = 0               # the item's price in fen: saved when recognized, paid again when repeated
    record: str = ""               # the record's identifier value ({order id}/{item code})
    revoked: bool = False          # a recognition its doctor revoked (a revocation record names it)
    patient_id: str = ""           # the Patient's id on the platform ('' when the record does not name one)
    prior: str = ""                # a repeat's prior result it did not recognize (its reference; '' when none)
    note: str = ""                 # a repeat's reason in the doctor's words

    @property
    def recognized(self) -> bool:
        """A recognition that stands (not revoked)."""
        return self.outcome is Outcome.RECOGNIZED and not self.revoked

    @property
    def repeated(self) -> bool:
        return self.outcome is Outcome.REPEATED

    @property
    def fee_saved_fen(self) -> int:
        return self.fee_fen if self.recognized else 0

    @property
    def day(self) -> date:
        return self.when.date()


def fen(yuan: float) -> int:
    """A price in yuan as whole fen."""
    return int(round(yuan * 100))


def yuan_text(amount_fen: int) -> str:
    """Fen as a plain decimal number of yuan, `1234.50` (no thousands separator: CSV-safe)."""
    sign = "-" if amount_fen < 0 else ""
    whole, cents = divmod(abs(amount_fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def rate_text(rate: float | None) -> str:
    """A recognition rate as `85.3%` ('' when there were no decisions)."""
    return "" if rate is None else f"{rate * 100:.1f}%"


@dataclass(frozen=True)
class Tally:
    recognized: int = 0            # recognitions that stand
    repeated: int = 0
    fees_saved_fen: int = 0
    revoked: int = 0               # recognitions revoked: outside the total and the rate

    @property
    def total(self) -> int:
        return self.recognized + self.repeated

    @property
    def rate(self) -> float | None:
        """Share of decisions that recognized the prior result; None when there are none."""
        return self.recognized / self.total if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.recognized + other.recognized, self.repeated + other.repeated,
                     self.fees_saved_fen + other.fees_saved_fen, self.revoked + other.revoked)


def tally(decisions: Iterable[Decision]) -> Tally:
    recognized = repeated = saved = revoked = 0
    for d in decisions:
        if d.recognized:
            recognized += 1
            saved += d.fee_fen
        elif d.repeated:
            repeated += 1
        else:
            revoked += 1
    return Tally(recognized, repeated, saved, revoked)


def revoke(decisions: Iterable[Decision], revoked_records: Iterable[str]) -> list[Decision]:
    """The decisions with each recognition whose record a revocation names marked revoked."""
    gone = set(revoked_records)
    return [replace(d, revoked=True) if d.outcome is Outcome.RECOGNIZED and d.record in gone else d
            for d in decisions]


# --- filters ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """Decisions from `start` to `end` (days, both included; None: open) at one hospital (None: all)."""

    start: date | None = None
    end: date | None = None
    hospital_id: str | None = None

    def admits(self, d: Decision) -> bool:
        return self.admits_at(d.day, d.hospital_id)

    def admits_at(self, day: date, hospital_id: str) -> bool:
        """What happened on `day` at the hospital `hospital_id` (a decision's, a visit's)."""
        return ((self.start is None or day >= self.start) and (self.end is None or day <= self.end)
                and (self.hospital_id is None or hospital_id == self.hospital_id))


def select(decisions: Iterable[Decision], which: Filter) -> list[Decision]:
    return [d for d in decisions if which.admits(d)]


def hospitals(decisions: Iterable[Decision]) -> list[tuple[str, str]]:
    """(id, name) of the hospitals that decided, by name."""
    found: dict[str, str] = {}
    for d in decisions:
        found.setdefault(d.hospital_id, d.hospital)
    return sorted(found.items(), key=lambda kv: (kv[1] or kv[0], kv[0]))


# --- over time ----------------------------------------------------------------------------


class Period(Enum):
    DAY = "day"
    WEEK = "week"      # Monday to Sunday
    MONTH = "month"


def period_start(day: date, period: Period) -> date:
    if period is Period.DAY:
        return day
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: date, period: Period) -> date:
    if period is Period.DAY:
        return start + timedelta(days=1)
    if period is Period.WEEK:
        return start + timedelta(days=7)
    return date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def in_periods(items: Iterable[T], day: Callable[[T], date], period: Period, start: date | None = None,
               end: date | None = None) -> list[tuple[date, list[T]]]:
    """`items` by the period their `day` falls in, every period from `start` to `end`, empty ones too.

    The range widens to take in every item given, so the periods always add up to the totals.
    """
    buckets: dict[date, list[T]] = {}
    for item in items:
        buckets.setdefault(period_start(day(item), period), []).append(item)
    bounds = [period_start(b, period) for b in (start, end) if b is not None] + list(buckets)
    if not bounds:
        return []
    rows = []
    current, last = min(bounds), max(bounds)
    while current <= last:
        rows.append((current, buckets.get(current, [])))
        current = next_period(current, period)
    return rows


def by_period(decisions: Iterable[Decision], period: Period, start: date | None = None,
              end: date | None = None) -> list[tuple[date, Tally]]:
    """A tally per period, every period from `start` to `end`, empty ones too (see `in_periods`)."""
    return [(first, tally(ds)) for first, ds in in_periods(decisions, lambda d: d.day, period, start, end)]


# --- by reason and by who / what ------------------------------------------------------------


def by_reason(decisions: Iterable[Decision]) -> list[tuple[RepeatReason, int]]:
    """Repeats per reason, every reason in the rules' order (zero included); a repeat without one counts as OTHER."""
    counts = dict.fromkeys(RepeatReason, 0)
    for d in decisions:
        if d.repeated:
            counts[d.reason or RepeatReason.OTHER] += 1
    return list(counts.items())


@dataclass(frozen=True)
class Row:
    """One line of a table: what it is about (`labels`, e.g. hospital and department) and its tally."""

    key: tuple[str, ...]
    labels: tuple[str, ...]
    tally: Tally

    def cells(self) -> tuple[str, ...]:
        """The line as the dashboard shows it and the CSV holds it: labels, recognized, repeated, rate, fees saved."""
        return (*self.labels, *tally_cells(self.tally))


def tally_cells(t: Tally) -> tuple[str, str, str, str]:
    return str(t.recognized), str(t.repeated), rate_text(t.rate), yuan_text(t.fees_saved_fen)


def group(decisions: Iterable[Decision], key: Callable[[Decision], tuple[str, ...]],
          labels: Callable[[Decision], tuple[str, ...]]) -> list[Row]:
    """Rows per key, most decisions first (then by labels); labels come from the key's first decision."""
    members: dict[tuple[str, ...], list[Decision]] = {}
    for d in decisions:
        members.setdefault(key(d), []).append(d)
    rows = [Row(k, labels(ds[0]), tally(ds)) for k, ds in members.items()]
    rows.sort(key=lambda r: (-r.tally.total, r.labels, r.key))
    return rows


def by_hospital(decisions: Iterable[Decision]) -> list[Row]:
    return group(decisions, lambda d: (d.hospital_id,), lambda d: (d.hospital,))


def by_department(decisions: Iterable[Decision]) -> list[Row]:
    """A department is one hospital's: 内分泌科 of two hospitals are two rows. Labels: hospital, department."""
    return group(decisions, lambda d: (d.hospital_id, d.department), lambda d: (d.hospital, d.department))


def by_doctor(decisions: Iterable[Decision]) -> list[Row]:
    """Labels: doctor, hospital, department."""
    return group(decisions, lambda d: (d.doctor_id,), lambda d: (d.doctor, d.hospital, d.department))


def by_item(decisions: Iterable[Decision]) -> list[Row]:
    """Labels: item code, item name."""
    return group(decisions, lambda d: (d.item_code,), lambda d: (d.item_code, d.item_name))


@dataclass(frozen=True)
class Summary:
    """Every figure the dashboard shows for one selection of decisions."""

    decisions: tuple[Decision, ...]
    totals: Tally
    over_time: tuple[tuple[date, Tally], ...]
    reasons: tuple[tuple[RepeatReason, int], ...]
    departments: tuple[Row, ...]
    doctors: tuple[Row, ...]
    items: tuple[Row, ...]


def summarize(decisions: Sequence[Decision], which: Filter, period: Period) -> Summary:
    chosen = sorted(select(decisions, which), key=lambda d: (d.when, d.record))
    return Summary(
        decisions=tuple(chosen),
        totals=tally(chosen),
        over_time=tuple(by_period(chosen, period, which.start, which.end)),
        reasons=tuple(by_reason(chosen)),
        departments=tuple(by_department(chosen)),
        doctors=tuple(by_doctor(chosen)),
        items=tuple(by_item(chosen)),
    )
