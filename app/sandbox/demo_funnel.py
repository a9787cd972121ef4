"""The demo platform's year of what happened around the decisions: reminders, openings, revocations, reviews.

So that the dashboard's funnel (app/domain/recognition_funnel.py) shows from the first start,
the platform holds what the workstations of the demo physicians sent while they decided
(demo_orders.py), in the shapes the workstation sends:

- a **reminder** (AuditEvent `reminder-shown`) a few minutes before most orders, naming the
  items the order decided about, the report holding each prior and its issuing hospital;
  a few orders come without one (ordered from the HIS, the chart never opened here);
- the prior's **report opened** (AuditEvent `read`) before the order in most reminded visits:
  less often when something was repeated, which makes some repeats **overlooked**;
- **follow-up visits** a few days later that reminded of results still recognizable and
  ordered nothing;
- a few recognitions **revoked** the same day (Basic `recognition-revoked`), and the
  supervisor's **verdicts** (DetectedIssue) on most repeats her hospital's rules flag for a
  patient's request or "other" reason.

Own random stream (`random.Random(f"{seed}-funnel")`): the orders stay exactly as they were.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.audit import AuditAction, AuditRecord
from app.domain.audit_event import audit_event
from app.domain.catalogue import CatalogueItem
from app.domain.fhir_json import identifier_value
from app.domain.fhir_profile import (
    ORDER_SYSTEM,
    RECOGNITION_SYSTEM,
    REVIEW_SYSTEM,
    REVOCATION_SYSTEM,
    recognition_revocation,
    review_verdict,
)
from app.domain.recognition_funnel import RemindedItem, reminder_detail
from app.domain.repeat_orders import Order, RepeatReason
from app.domain.review_rules import ReviewVerdict, Rule, Verdict
from app.domain.staff import Role
from app.sandbox.demo_hospitals import HOSPITAL_BY_ID, SHANGHAI
from app.sandbox.demo_staff import STAFF

#: Orders placed without a reminder (from the HIS, the chart not opened in Huren).
_UNREMINDED = 0.04
#: Share of reminded visits in which the prior was opened before ordering: all recognized, or some repeated.
_OPENED_ALL_RECOGNIZED, _OPENED_WITH_REPEATS = 0.86, 0.62
#: Orders followed by a visit a few days later that reminds again and orders nothing; its prior opened.
_FOLLOW_UP, _FOLLOW_UP_OPENED = 0.15, 0.45
#: Recognitions revoked the same day (recorded by mistake).
_REVOKED = 0.02
_REVOCATION_REASONS = ("误点互认，患者需按术前要求复查", "选错项目", "患者报告系他人，身份核对不符")
#: Repeats the supervisor's rules flag (reasons) and the share she has judged, unreasonable among them.
_FLAGGED = {RepeatReason.PATIENT_REQUEST.value, RepeatReason.OTHER.value}
_JUDGED, _UNREASONABLE = 0.75, 0.35
_REASONABLE_COMMENTS = ("", "外院标本溶血，复查合理", "患者未空腹，复查合理")
_UNREASONABLE_COMMENTS = ("外院结果在互认期内且质控合格，复查理由不充分", "未调阅外院报告即复查",
                          "患者要求复查前未充分告知可互认")


def records(seed: int, anchor: datetime, orders: Sequence[Order], order_records: Sequence[dict[str, Any]],
            resources: Sequence[dict[str, Any]], items: Mapping[str, CatalogueItem]) -> list[dict[str, Any]]:
    """The AuditEvents, revocations and verdicts around `orders` (whose platform records are `order_records`)."""
    return _Funnel(seed, anchor, resources, items).run(orders, order_records)


class _Funnel:
    def __init__(self, seed: int, anchor: datetime, resources: Sequence[dict[str, Any]],
                 items: Mapping[str, CatalogueItem]) -> None:
        self.rng = random.Random(f"{seed}-funnel")
        self.today = anchor.astimezone(SHANGHAI).date()
        self.items = items
        self.effective: dict[str, date] = {}          # observation id -> its day
        self.report_of: dict[str, tuple[str, str]] = {}   # observation id -> (report id, issuing organization)
        for r in resources:
            kind = r.get("resourceType")
            if kind == "Observation" and isinstance(r.get("effectiveDateTime"), str):
                self.effective[r["id"]] = datetime.fromisoformat(r["effectiveDateTime"]).astimezone(SHANGHAI).date()
            elif kind == "DiagnosticReport" and r.get("performer"):
                org = r["performer"][0]["reference"].removeprefix("Organization/")
                for ref in r.get("result") or []:
                    self.report_of[ref["reference"].removeprefix("Observation/")] = (r["id"], org)
        self.supervisors = {s[6]: s for s in STAFF if s[5] is Role.SUPERVISOR}

    def run(self, orders: Sequence[Order], order_records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for order in orders:
            out += self._visit(order)
        out += self._revocations(order_records)
        out += self._verdicts(order_records)
        return out

    # --- reminders and openings ---------------------------------------------------------------

    def _reminded(self, order: Order, day: date) -> list[RemindedItem]:
        """The order's priors still recognizable on `day`, as a reminder names them."""
        out = []
        for d in order.decisions:
            obs = (d.prior_result or "").split(":", 1)[-1]
            found, item = self.report_of.get(obs), self.items.get(d.item_code)
            effective = self.effective.get(obs)
            if found is None or item is None or effective is None or day > effective + timedelta(days=item.window_days):
                continue
            report, org = found
            out.append(RemindedItem(d.item_code, item.name_zh, f"DiagnosticReport/{report}", org,
                                    HOSPITAL_BY_ID[org].name if org in HOSPITAL_BY_ID else org))
        return out

    def _visit(self, order: Order) -> list[dict[str, Any]]:
        rng = self.rng
        out: list[dict[str, Any]] = []
        if rng.random() >= _UNREMINDED:
            shown_at = order.created_at - timedelta(minutes=rng.randint(4, 15), seconds=rng.randrange(60))
            reminded = self._reminded(order, order.created_at.date())
            if reminded:
                out.append(self._event(AuditAction.REMINDER_SHOWN, order, shown_at, "window",
                                       reminder_detail(reminded)))
                share = _OPENED_WITH_REPEATS if order.repeats else _OPENED_ALL_RECOGNIZED
                if rng.random() < share:
                    span = max(1, int((order.created_at - shown_at).total_seconds()) - 30)
                    for entity in dict.fromkeys(i.entity for i in reminded):
                        out.append(self._event(AuditAction.REPORT_READ, order,
                                               shown_at + timedelta(seconds=rng.randint(10, span)), entity))
        if rng.random() < _FOLLOW_UP:
            out += self._follow_up(order)
        return out

    def _follow_up(self, order: Order) -> list[dict[str, Any]]:
        rng = self.rng
        day = order.created_at.date() + timedelta(days=rng.randint(1, 4))
        reminded = self._reminded(order, day)
        if day >= self.today or not reminded:
            return []
        shown_at = datetime.combine(day, time(rng.choice((8, 9, 10, 14, 15)), rng.randrange(60)), tzinfo=SHANGHAI)
        out = [self._event(AuditAction.REMINDER_SHOWN, order, shown_at, "window", reminder_detail(reminded))]
        if rng.random() < _FOLLOW_UP_OPENED:
            out.append(self._event(AuditAction.REPORT_READ, order, shown_at + timedelta(seconds=rng.randint(20, 300)),
                                   reminded[0].entity))
        return out

    def _event(self, action: AuditAction, order: Order, when: datetime, entity: str = "",
               detail: str = "") -> dict[str, Any]:
        who = order.requester
        record = AuditRecord(id=str(uuid.UUID(int=self.rng.getrandbits(128), version=4)), when=when, action=action,
                             user_id=who.practitioner_id, user_role=who.role.value,
                             organization_id=who.organization_id, patient=f"demo:{order.patient_id}",
                             entity=entity, detail=detail)
        return audit_event(record)

    # --- revocations and verdicts -------------------------------------------------------------

    def _revocations(self, order_records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        out = []
        for res in order_records:
            key = identifier_value(res, RECOGNITION_SYSTEM)
            if res.get("resourceType") != "Basic" or key is None or rng.random() >= _REVOKED:
                continue
            ext = {e["url"].rsplit("/", 1)[-1]: e for e in res.get("extension") or []}
            at = datetime.fromisoformat(ext["recognized-at"]["valueDateTime"])
            revoked_at = min(at + timedelta(minutes=rng.randint(3, 50)),
                             datetime.combine(at.date(), time(23, 59), at.tzinfo))
            basic = recognition_revocation(key, res["subject"], res["author"], ext["recognized-item"]["valueCoding"],
                                           revoked_at, rng.choice(_REVOCATION_REASONS))
            basic["id"] = f"{res['id']}-revoked"
            basic["identifier"] = [{"system": REVOCATION_SYSTEM, "value": key}]
            out.append(basic)
        return out

    def _verdicts(self, order_records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        rng = self.rng
        out = []
        for res in order_records:
            record = identifier_value(res, ORDER_SYSTEM) if res.get("resourceType") == "ServiceRequest" else None
            reasons = {c.get("code") for rc in res.get("reasonCode") or [] for c in rc.get("coding") or []}
            if record is None or not reasons & _FLAGGED:
                continue
            org = res["requester"].get("reference", "")
            requester = next((s for s in STAFF if f"Practitioner/{s[0]}" == org), None)
            supervisor = self.supervisors.get(requester[6]) if requester else None
            authored = datetime.fromisoformat(res["authoredOn"])
            if supervisor is None or authored.date() > self.today - timedelta(days=12) or rng.random() >= _JUDGED:
                continue
            unreasonable = rng.random() < _UNREASONABLE
            verdict = ReviewVerdict(
                record=record, verdict=Verdict.UNREASONABLE if unreasonable else Verdict.REASONABLE,
                comment=rng.choice(_UNREASONABLE_COMMENTS if unreasonable else _REASONABLE_COMMENTS),
                reviewer_id=supervisor[0], reviewer=supervisor[1],
                at=authored + timedelta(days=rng.randint(2, 10), hours=rng.randint(0, 3)),
                patient_id=res["subject"]["reference"].removeprefix("Patient/"),
                item_name=str(res.get("code", {}).get("text") or ""), rules=(Rule.REASON,))
            issue = review_verdict(verdict)
            issue["id"] = f"{res['id']}-review"
            issue["identifier"] = [{"system": REVIEW_SYSTEM, "value": record}]
            out.append(issue)
        return out


