"""The recognition funnel: from a recognizable prior result to what became of it.

Platforms judge a hospital by how often its doctors look at recognizable results and how
often they recognize them (the Hangzhou study's access rate, recognition rate and overlooked
results). The workstation records each step on the platform: a reminder shown when a chart
opens (an AuditEvent naming the items, the records one click opens and their issuing
hospitals), a report or study opened (an AuditEvent naming it), and each item's decision
(a recognition, a repeat with its reason, a revocation). This module puts them together.

The unit is the **visit**: one doctor seeing one patient on one day (the site's day). A visit
has recognizable priors when a reminder was shown in it or an item was decided in it (the
order dialog asks for a decision only about an item with a recognizable prior). The stages:

- **patients with recognizable priors**: visits with a reminder or a decision;
- **reminded**: of those, visits with a reminder shown;
- **prior opened**: of those, visits in which a record the reminder named was opened;

and, for every item decided in those visits, one of four fates (they add up to the decisions):

- **recognized**: a recognition that stands;
- **repeated with reason**: repeated after its prior was opened (the doctor looked and chose);
- **overlooked**: repeated although its prior was neither opened nor recognized by the time the
  item was ordered. The prior is the record the visit's reminder named for the item; when no
  reminder named one, a repeat counts as overlooked only if nothing at all was opened in the
  visit before it (what cannot be told apart is given the benefit of the doubt);
- **revoked**: a recognition its doctor revoked.

The first three stages are nested by construction, so they never grow downwards. Rates are
grouped by the visit's department, doctor and period (each visit in one group: the groups add
up to the totals) and by item and issuing hospital (each reminded or decided *item* in one
group: the decisions add up; a visit with two items counts once under each). Plain functions
of the records, like app/domain/recognition_stats.py, so screen, export and tests agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum

from app.domain.recognition_stats import Decision, Filter, Period, in_periods, rate_text
from app.domain.review_rules import Verdict
from app.domain.staff import StaffMember


@dataclass(frozen=True)
class Doctor:
    """Who a reminder or an opening was shown to, placed as the dashboard places decisions."""

    id: str                       # the Practitioner's id
    name: str = ""
    hospital_id: str = ""
    hospital: str = ""
    department: str = ""

    @classmethod
    def of(cls, member: StaffMember) -> Doctor:
        """Placed by the staff member's role: its hospital (its name, else its id) and department."""
        return cls(member.practitioner_id, member.name, member.organization_id,
                   member.organization_name or member.organization_id, member.department)


@dataclass(frozen=True)
class RemindedItem:
    """One item of a reminder: its catalogue code, the record one click opens, who issued it."""

    item_code: str
    item_name: str = ""
    entity: str = ""              # DiagnosticReport/… or ImagingStudy/… ('' when not recorded)
    issuer_id: str = ""           # the issuing hospital's Organization id
    issuer: str = ""              # and its name


@dataclass(frozen=True)
class ReminderShown:
    record: str                   # the audit record's id: the same record from two platforms counts once
    when: datetime                # in the site's time zone
    doctor: Doctor
    patient_id: str
    items: tuple[RemindedItem, ...]

    @property
    def day(self) -> date:
        return self.when.date()


@dataclass(frozen=True)
class PriorOpened:
    """A report or study opened (any: which ones were priors is decided against the reminders)."""

    record: str
    when: datetime
    doctor_id: str
    patient_id: str
    entity: str


def reminder_detail(items: Sequence[RemindedItem]) -> str:
    """What the audit record of a reminder keeps (no values): `{n}: {code} {record} {issuer id} {issuer}; …`.

    A line a person reads in the audit trail and `reminded_items` reads back; '-' for a part
    not known, and no ';' inside a hospital's name (it separates the items).
    """
    parts = [" ".join((i.item_code, i.entity or "-", i.issuer_id or "-",
                       i.issuer.replace(";", ",").strip() or "-")) for i in items]
    return f"{len(items)}: " + "; ".join(parts)


def reminded_items(detail: str) -> tuple[RemindedItem, ...]:
    """The items of a reminder's audit detail (also the earlier `{n}: {code},{code}` form); () if unreadable."""
    count, sep, rest = detail.partition(": ")
    if not sep or not count.strip().isdigit():
        return ()
    if ";" not in rest and " " not in rest.strip():
        return tuple(RemindedItem(code) for c in rest.split(",") if (code := c.strip()))
    out = []
    for part in rest.split(";"):
        fields = part.strip().split(" ", 3)
        if not fields[0]:
            continue
        fields += ["-"] * (4 - len(fields))
        code, entity, issuer_id, issuer = (("" if f == "-" else f) for f in fields)
        out.append(RemindedItem(code, entity=entity, issuer_id=issuer_id, issuer=issuer))
    return tuple(out)


class Fate(Enum):
    RECOGNIZED = "recognized"
    REPEATED = "repeated"         # with reason, the prior opened
    OVERLOOKED = "overlooked"
    REVOKED = "revoked"


VisitKey = tuple[str, str, date]   # doctor id, patient id, day


@dataclass(frozen=True)
class Visit:
    """One doctor, one patient, one day: what was reminded, opened and decided."""

    key: VisitKey
    doctor: Doctor
    reminders: tuple[ReminderShown, ...] = ()
    opened: tuple[PriorOpened, ...] = ()
    decisions: tuple[Decision, ...] = ()

    @property
    def day(self) -> date:
        return self.key[2]

    @property
    def reminded_items(self) -> tuple[RemindedItem, ...]:
        """Every item reminded in the visit, once per item (the first reminder's record for it)."""
        found: dict[str, RemindedItem] = {}
        for r in sorted(self.reminders, key=lambda r: r.when):
            for item in r.items:
                found.setdefault(item.item_code, item)
        return tuple(found.values())

    @property
    def reminded(self) -> bool:
        return bool(self.reminders)

    @property
    def prior_opened(self) -> bool:
        """A record the reminder named was opened in the visit."""
        named = {i.entity for i in self.reminded_items if i.entity}
        return any(o.entity in named for o in self.opened)

    def item(self, code: str) -> RemindedItem | None:
        return next((i for i in self.reminded_items if i.item_code == code), None)

    def fate(self, decision: Decision) -> Fate:
        if decision.recognized:
            return Fate.RECOGNIZED
        if not decision.repeated:
            return Fate.REVOKED
        before = [o for o in self.opened if o.when <= decision.when]
        reminded = self.item(decision.item_code)
        if reminded is not None and reminded.entity:
            looked = any(o.entity == reminded.entity for o in before)
        else:
            looked = bool(before)
        return Fate.REPEATED if looked else Fate.OVERLOOKED

    def issuer(self, decision: Decision) -> tuple[str, str]:
        """The issuing hospital (id, name) of a decision's prior, as the reminder named it ('' when not)."""
        reminded = self.item(decision.item_code)
        return (reminded.issuer_id, reminded.issuer) if reminded is not None else ("", "")

    def only(self, keep: Callable[[str, tuple[str, str]], bool]) -> Visit | None:
        """The visit cut down to the items `keep(item code, (issuer id, issuer))` accepts (None: none left)."""
        reminders = tuple(replace(r, items=items) for r in self.reminders
                          if (items := tuple(i for i in r.items if keep(i.item_code, (i.issuer_id, i.issuer)))))
        decisions = tuple(d for d in self.decisions if keep(d.item_code, self.issuer(d)))
        if not reminders and not decisions:
            return None
        return replace(self, reminders=reminders, decisions=decisions)


def visits(decisions: Iterable[Decision], reminders: Iterable[ReminderShown],
           opened: Iterable[PriorOpened]) -> list[Visit]:
    """The visits with recognizable priors (a reminder or a decision), each with what was opened in it."""
    shown: dict[VisitKey, list[ReminderShown]] = {}
    doctors: dict[VisitKey, Doctor] = {}
    for r in reminders:
        key = (r.doctor.id, r.patient_id, r.day)
        shown.setdefault(key, []).append(r)
        doctors.setdefault(key, r.doctor)
    decided: dict[VisitKey, list[Decision]] = {}
    for d in decisions:
        key = (d.doctor_id, d.patient_id, d.day)
        decided.setdefault(key, []).append(d)
        doctors[key] = Doctor(d.doctor_id, d.doctor, d.hospital_id, d.hospital, d.department)
    # A person seen across platforms has a record on each: the reminder names the chart's first
    # record, a read the record of the platform holding the report. So a read belongs to a visit
    # of its doctor and day when it names the visit's patient or opens a record the visit's reminder named.
    looked: dict[tuple[str, date], list[PriorOpened]] = {}
    for o in opened:
        looked.setdefault((o.doctor_id, o.when.date()), []).append(o)
    out = []
    for key in doctors:
        reminded = shown.get(key, [])
        named = {i.entity for r in reminded for i in r.items if i.entity}
        reads = tuple(o for o in looked.get((key[0], key[2]), ()) if o.patient_id == key[1] or o.entity in named)
        out.append(Visit(key, doctors[key], tuple(reminded), reads, tuple(decided.get(key, ()))))
    out.sort(key=lambda v: (v.day, v.key))
    return out


@dataclass(frozen=True)
class FunnelTally:
    patients: int = 0             # visits with recognizable priors
    reminded: int = 0
    opened: int = 0
    recognized: int = 0           # items
    repeated: int = 0             # with reason, the prior opened
    overlooked: int = 0
    revoked: int = 0

    @property
    def decided(self) -> int:
        return self.recognized + self.repeated + self.overlooked + self.revoked

    @property
    def access_rate(self) -> float | None:
        """Reminded visits in which a prior was opened."""
        return self.opened / self.reminded if self.reminded else None

    @property
    def recognition_rate(self) -> float | None:
        """Recognitions that stand among the items decided for good (revoked ones left out)."""
        standing = self.recognized + self.repeated + self.overlooked
        return self.recognized / standing if standing else None

    @property
    def overlooked_rate(self) -> float | None:
        standing = self.recognized + self.repeated + self.overlooked
        return self.overlooked / standing if standing else None

    def stages(self) -> tuple[int, int, int]:
        """The nested stages, top first: they never grow downwards."""
        return self.patients, self.reminded, self.opened

    def __add__(self, other: FunnelTally) -> FunnelTally:
        return FunnelTally(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self) -> tuple[int, ...]:
        return (self.patients, self.reminded, self.opened, self.recognized, self.repeated, self.overlooked,
                self.revoked)


def funnel(of: Iterable[Visit]) -> FunnelTally:
    fates = dict.fromkeys(Fate, 0)
    patients = reminded = opened = 0
    for v in of:
        patients += 1
        reminded += v.reminded
        opened += v.reminded and v.prior_opened
        for d in v.decisions:
            fates[v.fate(d)] += 1
    return FunnelTally(patients, reminded, opened, fates[Fate.RECOGNIZED], fates[Fate.REPEATED],
                       fates[Fate.OVERLOOKED], fates[Fate.REVOKED])


def select(of: Iterable[Visit], which: Filter) -> list[Visit]:
    """The visits of a selection: their days in range, the visit's doctor at the hospital chosen."""
    return [v for v in of if which.admits_at(v.day, v.doctor.hospital_id)]


# --- rates by ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelRow:
    key: tuple[str, ...]
    labels: tuple[str, ...]
    tally: FunnelTally

    def cells(self) -> tuple[str, ...]:
        return (*self.labels, *funnel_cells(self.tally))


def funnel_cells(t: FunnelTally) -> tuple[str, ...]:
    """Patients, reminded, opened, access rate, recognized, repeated, overlooked, revoked, recognition rate."""
    return (str(t.patients), str(t.reminded), str(t.opened), rate_text(t.access_rate), str(t.recognized),
            str(t.repeated), str(t.overlooked), str(t.revoked), rate_text(t.recognition_rate))


def _rows(groups: Mapping[tuple[str, ...], tuple[tuple[str, ...], list[Visit]]]) -> list[FunnelRow]:
    rows = [FunnelRow(k, labels, funnel(vs)) for k, (labels, vs) in groups.items()]
    rows.sort(key=lambda r: (-r.tally.patients, -r.tally.decided, r.labels, r.key))
    return rows


def _by_visit(of: Iterable[Visit], key: Callable[[Visit], tuple[str, ...]],
              labels: Callable[[Visit], tuple[str, ...]]) -> list[FunnelRow]:
    groups: dict[tuple[str, ...], tuple[tuple[str, ...], list[Visit]]] = {}
    for v in of:
        groups.setdefault(key(v), (labels(v), []))[1].append(v)
    return _rows(groups)


def by_department(of: Iterable[Visit]) -> list[FunnelRow]:
    """Labels: hospital, department (the visit's doctor's)."""
    return _by_visit(of, lambda v: (v.doctor.hospital_id, v.doctor.department),
                     lambda v: (v.doctor.hospital, v.doctor.department))


def by_doctor(of: Iterable[Visit]) -> list[FunnelRow]:
    """Labels: doctor, hospital, department."""
    return _by_visit(of, lambda v: (v.doctor.id,),
                     lambda v: (v.doctor.name or v.doctor.id, v.doctor.hospital, v.doctor.department))


def _by_piece(of: Iterable[Visit], facets: Callable[[Visit], dict[tuple[str, ...], tuple[str, ...]]],
              match: Callable[[tuple[str, ...], str, tuple[str, str]], bool]) -> list[FunnelRow]:
    """Rows per item-level facet: each visit cut down to the items of the facet, once per facet it has."""
    groups: dict[tuple[str, ...], tuple[tuple[str, ...], list[Visit]]] = {}
    def keeper(key: tuple[str, ...]) -> Callable[[str, tuple[str, str]], bool]:
        return lambda code, issuer: match(key, code, issuer)

    for v in of:
        for key, labels in facets(v).items():
            part = v.only(keeper(key))
            if part is not None:
                groups.setdefault(key, (labels, []))[1].append(part)
    return _rows(groups)


def _items_of(v: Visit) -> dict[tuple[str, ...], tuple[str, ...]]:
    out: dict[tuple[str, ...], tuple[str, ...]] = {(i.item_code,): (i.item_code, i.item_name)
                                                   for i in v.reminded_items}
    for d in v.decisions:
        out[(d.item_code,)] = (d.item_code, d.item_name or out.get((d.item_code,), ("", ""))[1])
    return out


def by_item(of: Iterable[Visit]) -> list[FunnelRow]:
    """Labels: item code, item name."""
    return _by_piece(of, _items_of, lambda key, code, _issuer: key == (code,))


def by_issuer(of: Iterable[Visit]) -> list[FunnelRow]:
    """Labels: the issuing hospital (of the prior, as the reminder named it; '' when no reminder did)."""
    def facets(v: Visit) -> dict[tuple[str, ...], tuple[str, ...]]:
        out: dict[tuple[str, ...], tuple[str, ...]] = {(i.issuer_id,): (i.issuer,) for i in v.reminded_items}
        for d in v.decisions:
            issuer_id, issuer = v.issuer(d)
            out.setdefault((issuer_id,), (issuer,))
        return out
    return _by_piece(of, facets, lambda key, _code, issuer: key == (issuer[0],))


def by_period(of: Iterable[Visit], period: Period, start: date | None = None,
              end: date | None = None) -> list[tuple[date, FunnelTally]]:
    """A tally per period, every period from `start` to `end` (widened to take in every visit)."""
    return [(first, funnel(vs)) for first, vs in in_periods(of, lambda v: v.day, period, start, end)]


# --- repeats by verdict -----------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictCount:
    reasonable: int = 0
    unreasonable: int = 0
    not_reviewed: int = 0

    @property
    def total(self) -> int:
        return self.reasonable + self.unreasonable + self.not_reviewed


def by_verdict(decisions: Iterable[Decision], verdicts: Mapping[str, Verdict]) -> VerdictCount:
    """Every repeat under its supervisor's verdict (by record), or not reviewed."""
    counts = {Verdict.REASONABLE: 0, Verdict.UNREASONABLE: 0, None: 0}
    for d in decisions:
        if d.repeated:
            counts[verdicts.get(d.record)] += 1
    return VerdictCount(counts[Verdict.REASONABLE], counts[Verdict.UNREASONABLE], counts[None])


@dataclass(frozen=True)
class FunnelSummary:
    """Every funnel figure the dashboard shows for one selection."""

    visits: tuple[Visit, ...]
    totals: FunnelTally
    over_time: tuple[tuple[date, FunnelTally], ...]
    departments: tuple[FunnelRow, ...]
    doctors: tuple[FunnelRow, ...]
    items: tuple[FunnelRow, ...]
    issuers: tuple[FunnelRow, ...]
    verdicts: VerdictCount


def summarize_funnel(all_visits: Sequence[Visit], which: Filter, period: Period,
                     verdicts: Mapping[str, Verdict]) -> FunnelSummary:
    chosen = select(all_visits, which)
    return FunnelSummary(
        visits=tuple(chosen), totals=funnel(chosen),
        over_time=tuple(by_period(chosen, period, which.start, which.end)),
        departments=tuple(by_department(chosen)), doctors=tuple(by_doctor(chosen)),
        items=tuple(by_item(chosen)), issuers=tuple(by_issuer(chosen)),
        verdicts=by_verdict((d for v in chosen for d in v.decisions), verdicts))
