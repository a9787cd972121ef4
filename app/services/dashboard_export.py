"""The recognition dashboard's CSV files: the decisions, the funnel's records and every table.

UTF-8 with a byte-order mark (Excel in China reads Chinese right only then), CRLF lines. Each
table is written from the same domain rows the dashboard shows (`Row.cells()`,
`FunnelRow.cells()`), and the record files (`decisions`, `funnel-records`) hold one line per
decision or reminded item, so every table's figures can be counted again from them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.recognition_funnel import Fate, FunnelSummary, FunnelTally, Visit, funnel_cells
from app.domain.recognition_stats import Decision, Summary, rate_text, tally_cells, yuan_text
from app.domain.repeat_orders import RepeatReason


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
    # the funnel (app/domain/recognition_funnel.py)
    stages: tuple[str, ...] = ("Patients with recognizable priors", "Reminded", "Prior opened", "Recognized",
                               "Repeated with reason", "Overlooked", "Revoked")
    funnel: tuple[str, ...] = ("Stage", "Count", "Of the stage above")
    funnel_figures: tuple[str, ...] = ("Patients with recognizable priors", "Reminded", "Prior opened",
                                       "Access rate", "Recognized", "Repeated with reason", "Overlooked", "Revoked",
                                       "Recognition rate")
    funnel_records: tuple[str, ...] = ("Visit", "Day", "Hospital", "Department", "Doctor", "Patient", "Item code",
                                       "Item", "Issuing hospital", "Reminded", "Prior opened", "Outcome", "Record")
    verdicts: tuple[str, ...] = ("Verdict", "Repeats")
    verdict_words: tuple[str, str, str] = ("reasonable", "unreasonable", "not reviewed")
    fates: Mapping[Fate, str] = field(default_factory=lambda: {f: f.value for f in Fate})
    not_ordered: str = "not ordered"
    yes_no: tuple[str, str] = ("yes", "no")


def decision_rows(decisions: Iterable[Decision], names: ExportNames = ExportNames()) -> list[tuple[str, ...]]:
    return [(d.when.isoformat(timespec="seconds"), d.hospital, d.department, d.doctor, d.item_code, d.item_name,
             names.recognized if d.recognized else names.repeated if d.repeated else names.revoked,
             names.reason_text(d.reason) if d.reason else "", d.reason.value if d.reason else "",
             yuan_text(d.fee_fen), yuan_text(d.fee_saved_fen), d.record) for d in decisions]


def funnel_stage_rows(t: FunnelTally, names: ExportNames = ExportNames()) -> list[tuple[str, str, str]]:
    """The funnel as a table: each stage, its count, and its share of the stage above (the nested
    stages of visits; each outcome of the items decided)."""
    counts = t.counts()
    decided = t.decided
    rows = []
    for i, (name, n) in enumerate(zip(names.stages, counts, strict=True)):
        above = counts[i - 1] if 0 < i < 3 else decided if i >= 3 else None
        rows.append((name, str(n), rate_text(n / above if above else None)))
    return rows


def funnel_record_rows(visits: Iterable[Visit], names: ExportNames = ExportNames()) -> list[tuple[str, ...]]:
    """One line per decided item and per reminded item not ordered: the funnel's figures, countable again.

    Visits are counted by distinct `Visit`, reminded and opened visits by their columns, the
    outcomes by line.
    """
    yes, no = names.yes_no
    rows: list[tuple[str, ...]] = []
    for v in visits:
        doctor, patient, day = v.key
        visit = f"{doctor}/{patient}/{day.isoformat()}"
        head = (visit, day.isoformat(), v.doctor.hospital, v.doctor.department, v.doctor.name or doctor, patient)
        flags = (yes if v.reminded else no, yes if v.reminded and v.prior_opened else no)
        decided = set()
        for d in v.decisions:
            decided.add(d.item_code)
            rows.append((*head, d.item_code, d.item_name, v.issuer(d)[1], *flags, names.fates[v.fate(d)], d.record))
        for i in v.reminded_items:
            if i.item_code not in decided:
                rows.append((*head, i.item_code, i.item_name, i.issuer, *flags, names.not_ordered, ""))
    return rows


def export_summary(folder: Path, summary: Summary, stem: str, names: ExportNames = ExportNames(),
                   funnel: FunnelSummary | None = None) -> list[Path]:
    """The decisions and every table of `summary` (and of `funnel`) as `{stem}-{table}.csv` files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: list[tuple[str, Sequence[str], Iterable[Sequence[object]]]] = [
        ("decisions", names.decisions, decision_rows(summary.decisions, names)),
        ("over-time", names.over_time, [(start.isoformat(), *tally_cells(t)) for start, t in summary.over_time]),
        ("reasons", names.reasons, [(names.reason_text(r), r.value, str(n)) for r, n in summary.reasons]),
        ("departments", names.departments, [r.cells() for r in summary.departments]),
        ("doctors", names.doctors, [r.cells() for r in summary.doctors]),
        ("items", names.items, [r.cells() for r in summary.items]),
    ]
    if funnel is not None:
        v = funnel.verdicts
        tables += [
            ("funnel", names.funnel, funnel_stage_rows(funnel.totals, names)),
            ("funnel-records", names.funnel_records, funnel_record_rows(funnel.visits, names)),
            ("funnel-over-time", (names.over_time[0], *names.funnel_figures),
             [(start.isoformat(), *funnel_cells(t)) for start, t in funnel.over_time]),
            ("funnel-departments", (*names.departments[:2], *names.funnel_figures),
             [r.cells() for r in funnel.departments]),
            ("funnel-doctors", (*names.doctors[:3], *names.funnel_figures), [r.cells() for r in funnel.doctors]),
            ("funnel-items", (*names.items[:2], *names.funnel_figures), [r.cells() for r in funnel.items]),
            ("funnel-issuers", (names.funnel_records[8], *names.funnel_figures), [r.cells() for r in funnel.issuers]),
            ("verdicts", names.verdicts, list(zip(names.verdict_words, map(str, (v.reasonable, v.unreasonable,
                                                                                 v.not_reviewed)), strict=True))),
        ]
    return [write_csv(folder / f"{stem}-{name}.csv", header, rows) for name, header, rows in tables]
