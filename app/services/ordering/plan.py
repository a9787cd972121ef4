"""Ordering tests with mutual recognition in mind: what was ordered, and what already exists.

`resolve` turns what a doctor or the HIS names (a catalogue code, a panel, a LOINC or a
hospital's local code) into catalogue items; `plan` finds, for each item, the patient's
prior results from every hospital, recognizable ones first. The order dialog, the
`order-check` command and the HIS service all start from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.catalogue import Catalogue, CatalogueItem
from app.domain.models import LOINC_SYSTEM, Coding, LabReport, LabResult, RecordKey
from app.domain.recognition import Finding, Reason, Verdict
from app.domain.staff import StaffMember
from app.platform.fhir.client import SessionEnded
from app.services.audit import Auditor
from app.services.chart import AssessedReport, Chart, load_chart
from app.services.lookup import PatientQuery, SourceState, lookup_all
from app.services.workspace import Workspace


class UnknownCode(ValueError):
    """A code that names no catalogue item or panel."""


@dataclass(frozen=True)
class Orderable:
    """What the order form lists: a single item, or a panel (a catalogue category) of items."""

    code: str
    name_zh: str
    name_en: str
    items: tuple[CatalogueItem, ...]
    name_id: str = ""

    @property
    def is_panel(self) -> bool:
        return len(self.items) != 1 or self.items[0].code != self.code


def orderables(catalogue: Catalogue) -> list[Orderable]:
    """Panels first (by category), then every lab item."""
    labs = [i for i in catalogue.items.values() if i.kind == "lab"]
    panels = [Orderable(c.code, c.name_zh, c.name_en, tuple(i for i in labs if i.category == c.code), c.name_id)
              for c in catalogue.categories.values()]
    return [p for p in panels if p.items] + [Orderable(i.code, i.name_zh, i.name_en, (i,), i.name_id) for i in labs]


def search_orderables(catalogue: Catalogue, text: str) -> list[Orderable]:
    """Case-insensitive match on code, Chinese, English or Indonesian name, or any of an item's codes."""
    needle = text.strip().lower()
    if not needle:
        return orderables(catalogue)
    return [o for o in orderables(catalogue)
            if needle in o.code.lower() or needle in o.name_zh.lower() or needle in o.name_en.lower()
            or (o.name_id and needle in o.name_id.lower())
            or any(needle == code.lower() for item in o.items for _, code in item.codings())]


def resolve(catalogue: Catalogue, codes: Iterable[str]) -> list[CatalogueItem]:
    """Items for the given codes, panels expanded, each item once, in the order given."""
    out: dict[str, CatalogueItem] = {}
    for code in codes:
        items = _resolve_one(catalogue, code.strip())
        if not items:
            raise UnknownCode(f"{code!r} is neither a catalogue item, a panel, a LOINC nor a known local code")
        out.update((i.code, i) for i in items)
    return list(out.values())


def _resolve_one(catalogue: Catalogue, code: str) -> list[CatalogueItem]:
    if code in catalogue.items:
        return [catalogue.items[code]]
    if code in catalogue.categories:
        return [i for i in catalogue.items.values() if i.category == code]
    match = catalogue.match([Coding(LOINC_SYSTEM, code)])
    if match is not None:
        return [match]
    return [i for i in catalogue.items.values() if any(c.code == code for c in i.local)][:1]


@dataclass(frozen=True)
class PriorResult:
    report: LabReport
    result: LabResult
    verdict: Verdict


@dataclass(frozen=True)
class OrderLine:
    item: CatalogueItem
    recognizable: tuple[PriorResult, ...]    # newest first
    reference_only: tuple[PriorResult, ...]  # newest first: shown as information only

    @property
    def best(self) -> PriorResult | None:
        """The prior result the doctor is offered to recognize: the newest recognizable one."""
        return self.recognizable[0] if self.recognizable else None


def plan(items: Sequence[CatalogueItem], reports: Sequence[AssessedReport]) -> list[OrderLine]:
    """For each ordered item, the patient's prior results of that item with their verdicts."""
    found: dict[str, list[PriorResult]] = {i.code: [] for i in items}
    for assessed in reports:
        pairs = list(zip(assessed.report.results, assessed.verdicts, strict=True))
        if assessed.report.document_only and assessed.document_verdict is not None:
            pairs = [(printed_result(assessed.report), assessed.document_verdict)]
        for result, verdict in pairs:
            if verdict.item is not None and verdict.item.code in found:
                found[verdict.item.code].append(PriorResult(assessed.report, result, verdict))
    lines = []
    for item in items:
        priors = sorted(found[item.code], key=_newest, reverse=True)
        lines.append(OrderLine(item, tuple(p for p in priors if p.verdict.recognized),
                               tuple(p for p in priors if not p.verdict.recognized)))
    return lines


def printed_result(report: LabReport) -> LabResult:
    """A report that came only as its printed page, standing as the one result it reports.

    Its key names the resource (`DocumentReference/id` or `DiagnosticReport/id`), so that a
    recognition of it points at what the doctor recognized; its value is on the page.
    """
    return LabResult(key=RecordKey(report.key.source, report.reference), name=report.name, codes=report.codes,
                     status=report.status, effective=report.effective)


def _newest(p: PriorResult) -> float:
    when = p.result.effective or p.report.effective
    return when.timestamp() if when else float("-inf")


def describe(finding: Finding) -> str:
    """Plain English for scripts and logs (the window words reasons through Qt's translations)."""
    r = finding.reason
    if r is Reason.TOO_OLD:
        return f"{finding.age_days} days old, window {finding.window_days} days"
    if r is Reason.NOT_FINAL:
        return f"not final (status {finding.status})"
    if r in (Reason.MARK_OUT_OF_SCOPE, Reason.NOT_ON_LIST_HERE) and finding.scope is not None:
        return f"{r.value}: {finding.mark} scope {finding.scope.level.value} {finding.scope.region}".replace("  ", " ")
    if r is Reason.QUALIFICATION_NOT_VALID:
        periods = ", ".join(f"{a}..{b or 'open'}" for a, b in finding.periods)
        return f"qualification {finding.mark} not valid on the result date (valid {periods})"
    return r.value.replace("-", " ")


class PatientNotFound(LookupError):
    """Every source answered, and no single person matches."""


class SourcesFailed(LookupError):
    """No single person found, and a source did not answer whole: the patient may be there."""


@dataclass(frozen=True)
class OrderCheck:
    """What `order-check` (and later the HIS's order-select hook) answers."""

    chart: Chart
    lines: list[OrderLine]


def check_order(workspace: Workspace, patient: str, codes: Sequence[str], *, auditor: Auditor | None = None,
                user: StaffMember | None = None, via: str = "order-check") -> OrderCheck:
    """Find the patient on every source, load the chart, and plan the ordered items.

    Raises UnknownCode before any look-up, PatientNotFound when every source answered and no
    single person matches, SourcesFailed when none matched and a source failed. With an
    `auditor`, the look-up, the chart and each report whose results are given are audited as
    the window audits them (`via` names the entry point).
    """
    items = resolve(workspace.catalogue, codes)
    query = PatientQuery.from_text(patient)
    if auditor is not None:
        auditor.search(user, query.kind.value, (query.value, query.name), via)
    found = lookup_all(workspace, query)
    if not found.matches and any(o.state is SourceState.SIGNED_OUT for o in found.outcomes):
        raise SessionEnded("nobody is signed in to the platform")
    if len(found.matches) != 1:
        failed = [o for o in found.outcomes if o.state is not SourceState.OK]
        detail = "; ".join(f"{o.label}: {o.message}" for o in failed)
        what = "no patient" if not found.matches else f"{len(found.matches)} patients"
        if failed:
            raise SourcesFailed(f"{what} found for {patient!r}, and not every source answered ({detail}): "
                                "the patient may be on a source that failed")
        raise PatientNotFound(f"{what} found for {patient!r}")
    person = found.matches[0]
    chart = load_chart(workspace, person)
    check = OrderCheck(chart, plan(items, chart.reports))
    if auditor is not None:
        auditor.patient_opened(user, person.records)
        reports = {p.report.key: p.report for line in check.lines for p in (*line.recognizable, *line.reference_only)}
        for report in reports.values():
            auditor.report_read(user, person.record_at(report.key.source), report.reference)
    return check


def order_check_json(check: OrderCheck) -> dict:
    """The machine-readable answer: stable keys, reason codes rather than sentences."""
    def prior(p: PriorResult) -> dict:
        v = p.verdict
        when = p.result.effective or p.report.effective
        return {
            "recognized": v.recognized,
            "mark": v.mark or None,
            "reasons": [{"code": f.reason.value, "text": describe(f)} for f in v.findings],
            "date": when.isoformat() if when else None,
            "age_days": v.age_days,
            "recognizable_until": v.recognizable_until.isoformat() if v.recognized and v.recognizable_until else None,
            "hospital": p.report.hospital.name if p.report.hospital else None,
            "report": p.report.name,
            "value": p.result.display_value(),
            "unit": p.result.unit,
            "reference_range": p.result.reference_range.display() if p.result.reference_range else "",
            "flag": p.result.flag or None,
            "source": p.result.key.source,
            "observation": None if p.report.document_only else p.result.key.id,
            "document_only": p.report.document_only,
            "report_reference": p.report.reference,
        }

    person = check.chart.person.primary
    return {
        "patient": {"name": person.name, "resident_id": person.masked_resident_id, "gender": person.gender,
                    "birth_date": person.birth_date.isoformat() if person.birth_date else None},
        "complete": all(o.state is SourceState.OK for o in check.chart.outcomes),
        "sources": [{"source": o.source, "state": o.state.value, "message": o.message,
                     "complete": o.state is SourceState.OK, "reports": o.count,
                     "total": o.gaps.total if o.gaps.truncated else None,
                     "unresolved": o.gaps.unresolved, "unreadable": o.skipped} for o in check.chart.outcomes],
        "items": [{
            "code": line.item.code, "name": line.item.name_zh, "name_en": line.item.name_en,
            "window_days": line.item.window_days, "price_yuan": line.item.price_yuan,
            "recognizable": line.best is not None,
            "prior_results": [prior(p) for p in (*line.recognizable, *line.reference_only)],
        } for line in check.lines],
    }
