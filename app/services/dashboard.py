"""The recognition dashboard's data: every recognition and repeat the platform(s) recorded.

`load_decisions` asks every source at once for the order records of a date range (repeats:
ServiceRequests with an order-item identifier; recognitions: `Basic` records of type
recognition; revocations: `Basic` records of type recognition-revoked, which mark the
recognition they name as revoked), then for the PractitionerRoles of the physicians who made them (their hospital
and department), and maps them to domain `Decision`s. The figures themselves are
app/domain/recognition_stats.py; `export_summary` writes them as CSV files (UTF-8 with a BOM,
which Excel needs to read Chinese correctly). Blocking: run `load_decisions` on a worker.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path

from app.domain.catalogue import CatalogueItem
from app.domain.recognition_stats import Decision, Summary, revoke, tally_cells, yuan_text
from app.domain.repeat_orders import RepeatReason
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
)
from app.platform.fhir.mapping import MappingError, Skipped
from app.platform.fhir.search import Gaps, search_all
from app.services.identity import find_staff
from app.services.lookup import SourceOutcome, SourceState, answered_outcome, failure_outcome
from app.services.workspace import SourceHandle, Workspace

log = logging.getLogger("huren.services")

#: Practitioners named per PractitionerRole search (keeps the URL short).
_STAFF_CHUNK = 40


@dataclass(frozen=True)
class DashboardData:
    """The decisions of `start`..`end` (site days, both included) and how each source answered."""

    start: date
    end: date
    decisions: tuple[Decision, ...]
    outcomes: tuple[SourceOutcome, ...] = ()
    skipped: tuple[str, ...] = field(default=(), repr=False)   # records that could not be read, and why

    @property
    def failed(self) -> tuple[SourceOutcome, ...]:
        """Sources whose records are missing from the figures, wholly or in part."""
        return tuple(o for o in self.outcomes if o.state is not SourceState.OK)


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
    for decisions, _outcome, problems, revocations in answers:
        skipped += problems
        revoked |= revocations   # a revocation on any platform revokes the recognition wherever it is held
        for d in decisions:
            if start <= d.day <= end:
                seen.setdefault((d.outcome.value, d.record), d)
    ordered = sorted(revoke(seen.values(), revoked), key=lambda d: (d.when, d.record))
    return DashboardData(start, end, tuple(ordered), tuple(a[1] for a in answers), tuple(skipped))


def _from_source(source: SourceHandle, start: date, end: date, items: dict[str, CatalogueItem],
                 tz: tzinfo) -> tuple[list[Decision], SourceOutcome, list[str], set[str]]:
    started = time.monotonic()
    skipped = Skipped()
    try:
        repeats_found = search_all(source.client, "ServiceRequest", repeat_search(start, end))
        recognitions_found = search_all(source.client, "Basic", recognition_search(start, end))
        revocations_found = search_all(source.client, "Basic", revocation_search(start, end))
        repeats = [r for r in repeats_found.matches if is_repeat(r)]
        recognitions = [r for r in recognitions_found.matches if is_recognition(r)]
        members, staff_gaps = _staff(source, {p for r in repeats + recognitions if (p := practitioner_id(r))})
        staff = placed_staff(members)
    except FhirError as e:
        return [], failure_outcome(source, e, started), [], set()
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
    return decisions, outcome, [f"{source.name}: {p}" for p in skipped.problems], revoked


def _staff(source: SourceHandle, practitioners: set[str]) -> tuple[list[StaffMember], Gaps]:
    ids = sorted(practitioners)
    members: list[StaffMember] = []
    gaps = Gaps()
    for i in range(0, len(ids), _STAFF_CHUNK):
        found, missing = find_staff(source, staff_search(ids[i:i + _STAFF_CHUNK]))
        members += found
        gaps += missing
    return members, gaps


# --- CSV ----------------------------------------------------------------------------------


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """One table as CSV: UTF-8 with a byte-order mark (Excel in China reads it right), CRLF lines."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@dataclass(frozen=True)
class ExportNames:
    """Column headers and words for the CSV files; the window passes them in the user's language."""

    decisions: tuple[str, ...] = ("Time", "Hospital", "Department", "Doctor", "Item code", "Item", "Decision",
                                  "Reason", "Reason code", "Fee (yuan)", "Fee saved (yuan)", "Record")
    over_time: tuple[str, ...] = ("Period from", "Recognized", "Repeated", "Recognition rate", "Fees saved (yuan)")
    reasons: tuple[str, ...] = ("Reason", "Reason code", "Repeats")
    departments: tuple[str, ...] = ("Hospital", "Department", "Recognized", "Repeated", "Recognition rate",
                                    "Fees saved (yuan)")
    doctors: tuple[str, ...] = ("Doctor", "Hospital", "Department", "Recognized", "Repeated", "Recognition rate",
                                "Fees saved (yuan)")
    items: tuple[str, ...] = ("Item code", "Item", "Recognized", "Repeated", "Recognition rate", "Fees saved (yuan)")
    recognized: str = "recognized"
    repeated: str = "repeated"
    revoked: str = "revoked"
    reason_text: Callable[[RepeatReason], str] = field(default=lambda r: r.value)


def decision_rows(decisions: Iterable[Decision], names: ExportNames = ExportNames()) -> list[tuple[str, ...]]:
    return [(d.when.isoformat(timespec="seconds"), d.hospital, d.department, d.doctor, d.item_code, d.item_name,
             names.recognized if d.recognized else names.repeated if d.repeated else names.revoked,
             names.reason_text(d.reason) if d.reason else "", d.reason.value if d.reason else "",
             yuan_text(d.fee_fen), yuan_text(d.fee_saved_fen), d.record) for d in decisions]


def export_summary(folder: Path, summary: Summary, stem: str, names: ExportNames = ExportNames()) -> list[Path]:
    """The decisions and every table of `summary` as `{stem}-{table}.csv` files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: list[tuple[str, Sequence[str], Iterable[Sequence[object]]]] = [
        ("decisions", names.decisions, decision_rows(summary.decisions, names)),
        ("over-time", names.over_time, [(start.isoformat(), *tally_cells(t)) for start, t in summary.over_time]),
        ("reasons", names.reasons, [(names.reason_text(r), r.value, str(n)) for r, n in summary.reasons]),
        ("departments", names.departments, [r.cells() for r in summary.departments]),
        ("doctors", names.doctors, [r.cells() for r in summary.doctors]),
        ("items", names.items, [r.cells() for r in summary.items]),
    ]
    return [write_csv(folder / f"{stem}-{name}.csv", header, rows) for name, header, rows in tables]
