"""The demo platform's past year of order records: recognitions, repeats with reasons, consents.

So that the recognition dashboard shows something on a fresh demo, the platform already
holds what the demo physicians decided over the year before the anchor. The decisions are
made as the workstation makes them: domain `Order`s whose decisions name a prior result that
`app.domain.recognition.assess` finds recognizable at the ordering hospital on the order's
day (a report of another hospital, within the item's window, under a qualification that
reaches the ordering hospital), submitted and consented through the domain's own rules.

The FHIR side has the shapes of `app.domain.fhir_profile`, the ones the client's
`order_transaction` sends for a finished order (docs/fhir-profile.md, "What an order sends"),
stored as the platform stores that transaction, with readable ids in place of the server's.
Left out: the consent worklist entries (a workstation's to-do list, not a record of what was
decided).

Own random stream (`random.Random(f"{seed}-orders")`): the lab data stays exactly as it was.
"""

from __future__ import annotations

import random
import struct
import uuid
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.catalogue import Catalogue, CatalogueItem, parse_catalogue
from app.domain.fhir_profile import (
    CONSENT_SYSTEM,
    LAB_CATEGORY_SYSTEM,
    ORDER_SYSTEM,
    RECOGNITION_SYSTEM,
    consent,
    item_key,
    provenance,
    recognition,
    service_request,
)
from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.models import Coding, Identifier
from app.domain.recognition import Site, assess
from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, OrderState, PatientConsent, RepeatReason
from app.domain.staff import Role, StaffMember
from app.sandbox.demo_hospitals import HOSPITAL_BY_ID, SHANGHAI
from app.sandbox.demo_random import weighted
from app.sandbox.demo_staff import STAFF

#: How far back the order history goes (days before the anchor's day; the anchor's day has none).
HISTORY_DAYS = 365


#: Hospitals whose physicians order in the demo (the demo staff's hospitals).
ORDERING_HOSPITALS = tuple(dict.fromkeys(s[6] for s in STAFF if s[5] is Role.PHYSICIAN))
#: Which department usually orders a report of these lab categories.
_DEPARTMENT_CATEGORIES = {
    "内分泌科": {"glucose", "hba1c", "thyroid", "lipids"},
    "肾内科": {"kidney-function", "electrolytes"},
    "消化内科": {"liver-function", "hbv-serology", "tumour-markers"},
    "心血管内科": {"lipids", "coagulation", "electrolytes"},
}
#: How far back a patient's report may lie when they come to a demo physician (days; the
#: time of day is the hospital's, +08:00, so the date in the text is the date in Shanghai).
_LOOK_BACK = 14
#: Patients with a report from elsewhere a physician sees on a working day, and on a weekend day.
_PATIENTS_PER_DAY = (0, 0, 1, 1, 2)
_PATIENTS_WEEKEND = (0, 0, 0, 1)
_HOURS = (8, 9, 9, 10, 10, 11, 14, 15, 16)
_REASONS = (
    (RepeatReason.CONDITION_CHANGED, 30), (RepeatReason.FAST_CHANGING, 22), (RepeatReason.CRUCIAL_ITEM, 16),
    (RepeatReason.EMERGENCY, 9), (RepeatReason.PATIENT_REQUEST, 11), (RepeatReason.APPRAISAL, 3),
    (RepeatReason.ISSUER_FAILED_QC, 4), (RepeatReason.OTHER, 5),
)
_REASON_ZH = {
    RepeatReason.CONDITION_CHANGED: "病情变化，原结果与临床表现不符",
    RepeatReason.FAST_CHANGING: "该项目在本病中变化快",
    RepeatReason.CRUCIAL_ITEM: "对下一步诊疗关键（如术前、输血前）",
    RepeatReason.EMERGENCY: "急诊抢救",
    RepeatReason.APPRAISAL: "司法、伤残或病退鉴定",
    RepeatReason.PATIENT_REQUEST: "患者或家属要求",
    RepeatReason.ISSUER_FAILED_QC: "出具结果的实验室室间质评不合格",
    RepeatReason.OTHER: "其他",
}
_NOTES = {
    RepeatReason.OTHER: ("患者诉外院检验时未空腹", "外院报告标本溶血，结果存疑", "外院报告单位与本院不一致，需复核"),
    RepeatReason.CRUCIAL_ITEM: ("明日择期手术", "拟行介入治疗", ""),
    RepeatReason.CONDITION_CHANGED: ("近日症状加重", "调整用药后复查", ""),
}
_CLINICAL_NOTES = ("", "", "", "复诊", "门诊随访", "调整治疗方案前评估")
_METHODS = ((ConsentMethod.DRAWN_SIGNATURE, 60), (ConsentMethod.PAPER_FORM, 25),
            (ConsentMethod.VERBAL_WITH_WITNESS, 15))
_RELATIVES = ("配偶", "子女", "父母")
_WITNESSES = ("刘洋", "张敏", "王磊")


def history(seed: int, anchor: datetime, resources: Sequence[dict[str, Any]],
            catalogue: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The records of the year's orders, ready for the store (what the server adds to the demo), with
    the reminders, openings, revocations and verdicts around them (demo_funnel.py)."""
    from app.sandbox import demo_funnel

    orders = plan(seed, anchor, resources, catalogue)
    items = parse_catalogue(catalogue).items
    records = fhir_resources(orders, items)
    return records + demo_funnel.records(seed, anchor, orders, records, resources, items)


def plan(seed: int, anchor: datetime, resources: Sequence[dict[str, Any]], catalogue: Mapping[str, Any]) -> list[Order]:
    """The finished orders of the year before the anchor, oldest first (same inputs, same orders)."""
    return _Planner(seed, anchor, resources, parse_catalogue(catalogue)).run()


def fhir_resources(orders: Iterable[Order], items: Mapping[str, CatalogueItem]) -> list[dict[str, Any]]:
    """What the platform holds once each order's transaction went through (ids: `hist-{n}`...)."""
    out: list[dict[str, Any]] = []
    for n, order in enumerate(orders, start=1):
        out += order_resources(order, items, f"hist-{n:05d}")
    return out


def order_resources(order: Order, items: Mapping[str, CatalogueItem], prefix: str) -> list[dict[str, Any]]:
    """One order's ServiceRequests, Consent, recognition records and Provenance, references resolved."""
    if order.state is not OrderState.READY:
        raise ValueError(f"only a finished order has records, not one in state {order.state.value}")
    out: list[dict[str, Any]] = []

    def store(resource: dict[str, Any], rid: str, system: str, value: str) -> str:
        """As the platform stores a conditional create: under its id, with the identifier it was made by."""
        resource["id"] = rid
        resource["identifier"] = [{"system": system, "value": value}]
        out.append(resource)
        return f"{resource['resourceType']}/{rid}"

    requests = [store(service_request(order, d, items[d.item_code]), f"{prefix}-{d.item_code}", ORDER_SYSTEM,
                      item_key(order, d.item_code)) for d in order.repeats]
    targets = list(requests)
    if order.consent is not None:
        targets.append(store(consent(order, requests), prefix, CONSENT_SYSTEM, order.id))
    targets += [store(recognition(order, d, items[d.item_code]), f"{prefix}-{d.item_code}", RECOGNITION_SYSTEM,
                      item_key(order, d.item_code)) for d in order.recognitions]
    out.append(provenance(order, targets))
    return out


# --------------------------------------------------------------------------------------
# The decisions
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Result:
    """A prior lab result as an order looks at it."""

    id: str
    item: CatalogueItem | None
    until: date                  # the last day it can be recognized anywhere (its item's window)
    effective: datetime
    codes: tuple[Coding, ...]
    status: str


@dataclass(frozen=True)
class _Visit:
    day: date
    patient: str
    hospital: str
    categories: frozenset[str]
    results: tuple[tuple[dict[str, Any], ...], ...]   # per report, its Observations


class _Planner:
    def __init__(self, seed: int, anchor: datetime, resources: Sequence[dict[str, Any]], catalogue: Catalogue) -> None:
        self.rng = random.Random(f"{seed}-orders")
        self.today = anchor.astimezone(SHANGHAI).date()
        self.catalogue = catalogue
        self.patients: dict[str, str] = {}
        self.hospitals: set[str] = set()
        self.observations: dict[str, dict[str, Any]] = {}
        self.reports: list[dict[str, Any]] = []
        for r in resources:  # one pass: the lab data is most of the platform
            kind = r.get("resourceType")
            if kind == "Observation":
                self.observations[r["id"]] = r
            elif kind == "DiagnosticReport":
                self.reports.append(r)
            elif kind == "Patient":
                self.patients[r["id"]] = _patient_name(r)
            elif kind == "Organization":
                self.hospitals.add(r["id"])
        self.staff = [StaffMember(pid, name, role, org, HOSPITAL_BY_ID[org].name, department, number)
                      for pid, name, _f, _g, _s, role, org, department, number in STAFF
                      if org in HOSPITAL_BY_ID and org in self.hospitals]
        self.ordering = [h for h in ORDERING_HOSPITALS if h in self.hospitals]
        self._verdicts: dict[tuple[str, str], bool] = {}
        self._results: dict[str, _Result] = {}

    def run(self) -> list[Order]:
        """Day by day, each physician sees a few patients who bring a recent report of another hospital."""
        rng = self.rng
        first = self.today - timedelta(days=HISTORY_DAYS)
        visits = self._visits(first - timedelta(days=_LOOK_BACK))
        days = [v.day for v in visits]
        physicians = [s for s in self.staff if s.is_physician and s.organization_id in self.ordering]
        orders = []
        for offset in range(HISTORY_DAYS):
            day = first + timedelta(days=offset)
            weekend = day.weekday() >= 5
            lo, hi = bisect_left(days, day - timedelta(days=_LOOK_BACK)), bisect_left(days, day)
            for physician in physicians:
                for _ in range(rng.choice(_PATIENTS_WEEKEND if weekend else _PATIENTS_PER_DAY)):
                    if lo >= hi:
                        break
                    visit = self._visit_for(physician, visits, lo, hi)
                    if visit is None:
                        continue
                    order = self._order(physician, day, visit)
                    if order is not None:
                        orders.append(order)
        return orders

    def _visits(self, since: date) -> list[_Visit]:
        """Final lab reports since `since`, grouped by visit (patient, hospital, collection time), oldest first."""
        observations = self.observations
        grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for r in self.reports:
            if r.get("status") not in ("final", "amended") or r["effectiveDateTime"][:10] < since.isoformat():
                continue
            patient = r["subject"]["reference"].removeprefix("Patient/")
            hospital = r["performer"][0]["reference"].removeprefix("Organization/")
            if patient in self.patients and hospital in HOSPITAL_BY_ID:
                grouped.setdefault((patient, hospital, r["effectiveDateTime"]), []).append(r)
        visits = []
        for (patient, hospital, when), reports in grouped.items():
            collected = datetime.fromisoformat(when)
            if collected.astimezone(SHANGHAI).date() < since:
                continue
            categories = frozenset(c["code"] for r in reports for cat in r.get("category", [])
                                   for c in cat.get("coding", []) if c.get("system") == LAB_CATEGORY_SYSTEM)
            results = tuple(tuple(observations[oid] for ref in r["result"]
                                  if (oid := ref["reference"].removeprefix("Observation/")) in observations)
                            for r in reports)
            visits.append(_Visit(collected.astimezone(SHANGHAI).date(), patient, hospital, categories, results))
        visits.sort(key=lambda v: (v.day, v.patient, v.hospital))
        return visits

    def _result(self, obs: dict[str, Any]) -> _Result:
        known = self._results.get(obs["id"])
        if known is not None:
            return known
        effective = datetime.fromisoformat(obs["effectiveDateTime"])
        codes = tuple(Coding(c.get("system", ""), c["code"]) for c in obs["code"]["coding"])
        item = self.catalogue.match(codes)
        until = effective.astimezone(SHANGHAI).date() + timedelta(days=item.window_days) if item else date.min
        known = self._results[obs["id"]] = _Result(obs["id"], item, until, effective, codes, obs["status"])
        return known

    def _visit_for(self, physician: StaffMember, visits: list[_Visit], lo: int, hi: int) -> _Visit | None:
        """A recent visit elsewhere, preferably one whose reports are the physician's department's business."""
        fits = _DEPARTMENT_CATEGORIES.get(physician.department, set())
        fallback = None
        for _ in range(4):
            visit = visits[self.rng.randrange(lo, hi)]
            if visit.hospital == physician.organization_id:
                continue
            if visit.categories & fits:
                return visit
            fallback = fallback or visit
        return fallback

    def _order(self, physician: StaffMember, day: date, visit: _Visit) -> Order | None:
        rng = self.rng
        created = datetime.combine(day, time(rng.choice(_HOURS), rng.randrange(60), rng.randrange(60)), tzinfo=SHANGHAI)
        kept = rng.sample(visit.results, min(len(visit.results), rng.choice((1, 1, 1, 2))))
        decisions: list[ItemDecision] = []
        for results in kept:
            panel = []
            for obs in results:
                result = self._result(obs)
                item = result.item
                if self._recognizable(result, physician.organization_id, visit.hospital, day) and item is not None \
                        and item.code not in {d.item_code for d in decisions}:
                    panel.append(ItemDecision(item.code, f"demo:{result.id}", item_name=item.name_zh,
                                              fee_yuan=item.price_yuan))
            decisions += self._decide(panel)
        if not decisions:
            return None
        order = Order(str(uuid.UUID(int=rng.getrandbits(128), version=4)), visit.patient, self.patients[visit.patient],
                      physician, created, tuple(decisions), clinical_note=rng.choice(_CLINICAL_NOTES))
        order = order.submitted()
        if order.state is OrderState.AWAITING_CONSENT:
            order = order.with_consent(self._consent(order))
        return order

    def _recognizable(self, result: _Result, place: str, issuer: str, day: date) -> bool:
        """Whether a result is recognizable at `place` on `day`.

        `assess` on the day of the result: what it finds then (an unqualified issuer, a mark
        that does not reach this city, a result not final) holds on every later day, and the
        window closes `window_days` after the result's day. Cached, and asked only inside the
        item's window: many orders look at the same results.
        """
        if result.item is None or day > result.until:
            return False
        key = (result.id, place)
        recognized = self._verdicts.get(key)
        if recognized is None:
            recognized = self._verdicts[key] = assess(
                codes=result.codes, status=result.status, effective=result.effective,
                issuer=Identifier(ORGANIZATION_SYSTEM, HOSPITAL_BY_ID[issuer].identifier),
                catalogue=self.catalogue, site=Site(HOSPITAL_BY_ID[place].region, SHANGHAI),
                now=result.effective).recognized
        return recognized

    def _decide(self, panel: list[ItemDecision]) -> list[ItemDecision]:
        """Most panels are recognized; some repeated whole with one reason; some only an item or two."""
        rng = self.rng
        if not panel:
            return []
        roll = rng.random()
        if roll < 0.72:
            return panel
        if roll < 0.86:
            chosen = set(range(len(panel)))
        else:
            chosen = set(rng.sample(range(len(panel)), min(len(panel), rng.choice((1, 1, 2)))))
        reason = weighted(rng, _REASONS)
        note = rng.choice(_NOTES.get(reason, ("",)))
        return [d.repeat(reason, note) if i in chosen else d for i, d in enumerate(panel)]

    def _consent(self, order: Order) -> PatientConsent:
        rng = self.rng
        nurse = next(s for s in self.staff if s.organization_id == order.requester.organization_id and s.is_nurse)
        method = weighted(rng, _METHODS)
        relationship = "self" if rng.random() < 0.75 else rng.choice(_RELATIVES)
        signer = order.patient_name if relationship == "self" else \
            order.patient_name[0] + rng.choice(("秀英", "建国", "志强", "丽娟"))
        consented = rng.random() < 0.93
        fee = sum(d.fee_yuan for d in order.repeats)
        reasons = "；".join(dict.fromkeys(_REASON_ZH[d.reason] for d in order.repeats if d.reason))
        explained = f"复查项目：{'、'.join(d.item_name for d in order.repeats)}；原因：{reasons}；预计费用{fee:g}元"
        attach = method is not ConsentMethod.VERBAL_WITH_WITNESS
        return PatientConsent(
            consented=consented, signer_name=signer, relationship=relationship, method=method,
            recorded_at=order.created_at + timedelta(minutes=rng.randint(5, 40)), recorded_by=nurse,
            explained=explained, witness=rng.choice(_WITNESSES) if not attach else "",
            attachment=_PNG if attach else b"", attachment_type="image/png" if attach else "")


def _patient_name(patient: dict[str, Any]) -> str:
    names = patient.get("name") or [{}]
    return str(names[0].get("text") or "")


def _tiny_png() -> bytes:
    """A 1×1 white PNG: the demo's stand-in for a signature image or a scanned form."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff")) + chunk(b"IEND", b""))


_PNG = _tiny_png()
