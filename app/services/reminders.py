"""What the doctor is reminded of when a chart opens: other hospitals' results recognizable here today.

The reminder is the point of mutual recognition at the moment it matters: before anything is
ordered, the doctor sees which items need not be repeated, where they were done, under which
mark, and until when they stay recognizable. The window shows it as a band over the chart, the
CDS Hooks service as `patient-view` cards; both take it from `reminders`, so they agree.

Only results of *other* hospitals count (the viewing hospital's own results are its own
records, not recognition), and only those whose verdict is "recognized" now: on the list,
final, within the item's window, from a hospital whose mark reaches here. One reminder per
item, the newest result: it is the one recognizable the longest, and the one a repeat would
duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.domain.catalogue import CatalogueItem
from app.domain.models import Hospital
from app.domain.recognition import Verdict
from app.domain.recognition_funnel import RemindedItem, reminder_detail
from app.services.chart import AssessedReport
from app.services.imaging import AssessedStudy


@dataclass(frozen=True)
class Reminder:
    item: CatalogueItem
    hospital: str
    day: date                   # the result's (specimen's, study's) date in the site's zone
    mark: str                   # the HR mark it is recognized under
    until: date                 # the last day it stays recognizable
    report: AssessedReport | None = None   # what one click opens: the lab report ...
    study: AssessedStudy | None = None     # ... or the imaging study

    @property
    def is_imaging(self) -> bool:
        return self.study is not None

    @property
    def issuer_id(self) -> str:
        """The issuing hospital's Organization id."""
        hospital = self.study.study.hospital if self.study is not None else \
            self.report.report.hospital if self.report is not None else None
        return hospital.key.id if hospital is not None else ""

    @property
    def entity(self) -> str:
        """The record it points at, as the audit trail names records."""
        if self.study is not None:
            return f"ImagingStudy/{self.study.study.key.id}"
        assert self.report is not None
        return self.report.report.reference


def reminders(reports: Iterable[AssessedReport], studies: Iterable[AssessedStudy],
              organization: str) -> list[Reminder]:
    """Recognizable results from hospitals other than `organization` (an Organization id; "" = none
    is ours), one per item, newest first."""
    found: list[Reminder] = []
    for assessed in reports:
        verdicts = assessed.verdicts or ((assessed.document_verdict,) if assessed.document_verdict else ())
        for verdict in verdicts:
            reminder = _reminder(verdict, assessed.report.hospital, organization)
            if reminder is not None:
                found.append(replace(reminder, report=assessed))
    for study in studies:
        reminder = _reminder(study.verdict, study.study.hospital, organization)
        if reminder is not None:
            found.append(replace(reminder, study=study))
    newest: dict[str, Reminder] = {}
    for r in sorted(found, key=lambda r: r.day, reverse=True):
        newest.setdefault(r.item.code, r)
    return list(newest.values())


def _reminder(verdict: Verdict, hospital: Hospital | None, organization: str) -> Reminder | None:
    if not verdict.recognized or verdict.item is None or verdict.recognizable_until is None or hospital is None:
        return None
    if organization and hospital.key.id == organization:
        return None
    day = verdict.recognizable_until - timedelta(days=verdict.item.window_days)
    return Reminder(verdict.item, hospital.name, day, verdict.mark, verdict.recognizable_until)


@dataclass(frozen=True)
class RecordReminder:
    """The reminders that one click opens: one report's (or study's) recognizable items.

    A blood count is twenty items from one report: the doctor reads it as one line, not twenty.
    """

    title: str                  # the report's or study's name
    reminders: tuple[Reminder, ...]

    @property
    def first(self) -> Reminder:
        return self.reminders[0]

    @property
    def hospital(self) -> str:
        return self.first.hospital

    @property
    def day(self) -> date:
        return self.first.day

    @property
    def marks(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.mark for r in self.reminders if r.mark))

    @property
    def until(self) -> date:
        """The first day an item of it stops being recognizable is the one that matters."""
        return min(r.until for r in self.reminders)

    @property
    def items(self) -> tuple[CatalogueItem, ...]:
        return tuple(r.item for r in self.reminders)


def by_record(shown: Iterable[Reminder]) -> list[RecordReminder]:
    """Reminders grouped by what they open, in the order given (newest first from `reminders`)."""
    groups: dict[str, list[Reminder]] = {}
    for r in shown:
        groups.setdefault(r.entity, []).append(r)
    return [RecordReminder(_title(rs[0]), tuple(rs)) for rs in groups.values()]


def _title(reminder: Reminder) -> str:
    if reminder.study is not None:
        return reminder.study.study.description or reminder.item.name_zh
    assert reminder.report is not None
    return reminder.report.report.name or reminder.item.name_zh


def shown_detail(shown: list[Reminder]) -> str:
    """What the audit trail keeps of a reminder shown (no values): per item, the record one click
    opens and its issuing hospital, so the dashboard's funnel can tell opened priors and count by issuer."""
    return reminder_detail([RemindedItem(r.item.code, entity=r.entity, issuer_id=r.issuer_id, issuer=r.hospital)
                            for r in shown])
