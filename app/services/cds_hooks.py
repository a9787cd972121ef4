"""The HIS asks before an order is signed: "is this a repeat of a recognizable result?"

A CDS Hooks 2.0 service (https://cds-hooks.hl7.org): `order-select` and `order-sign` take
the draft ServiceRequests; for each ordered item with a recognizable prior result the
answer is a warning card with that result (value, date, hospital, HR mark), a suggestion
to drop the draft order, a link that opens Huren on the item, and the repeat reasons as
override reasons. Feedback (accepted, or overridden with a reason) is audited. The same
rules and services as the window: `check_order`. `patient-view` answers, when the HIS opens
its chart, with the reminder the window shows on chart open (app.services.reminders): one
info card per report or study with recognizable results from another hospital.

The HTTP side (loopback only, bearer secret) is app.platform.loopback_server. The window runs
the service itself when the site gives it a port, so that its platform requests carry the
signed-in user's token; `huren cds-hooks` runs it alone (platforms without sign-in, the demo).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from app.domain.audit import AuditAction
from app.domain.repeat_orders import REPEAT_REASON_SYSTEM, RepeatReason
from app.platform.fhir.client import SessionEnded, SourceUnreachable
from app.platform.system_keyring import SERVICE
from app.services.ordering.plan import OrderLine, PatientNotFound, SourcesFailed, UnknownCode
from app.services.reminders import RecordReminder, by_record
from app.services.workstation import Workstation

HOOKS = {"order-select": "huren-order-select", "order-sign": "huren-order-sign",
         "patient-view": "huren-patient-view"}
DESCRIPTIONS = {"patient-view": "Reminds, when a chart opens, of the results from other hospitals recognizable today."}
REASON_TEXT = {
    RepeatReason.CONDITION_CHANGED: "病情变化 (condition changed)",
    RepeatReason.FAST_CHANGING: "变化较快的指标 (fast-changing value)",
    RepeatReason.CRUCIAL_ITEM: "对诊疗至关重要 (crucial item, e.g. before surgery)",
    RepeatReason.EMERGENCY: "急诊、急救 (emergency)",
    RepeatReason.APPRAISAL: "司法/伤残鉴定 (forensic or disability appraisal)",
    RepeatReason.PATIENT_REQUEST: "患者要求 (patient asks)",
    RepeatReason.ISSUER_FAILED_QC: "出具机构质控不合格 (issuing lab failed quality control)",
    RepeatReason.OTHER: "其他 (other)",
}


class CdsRequestError(ValueError):
    """The request is not a usable CDS Hooks call: 400 with this message."""


@dataclass
class CdsHooks:
    #: the window's workstation (who is signed in there is who asks), or the service's own
    station: Workstation
    #: patient id as the HIS knows it -> what to look the patient up by (default: the id itself)
    patient_lookup: Callable[[dict], str] | None = None

    def discovery(self) -> dict:
        return {"services": [
            {"hook": hook, "id": sid, "title": "检查检验结果互认 / Mutual recognition",
             "description": DESCRIPTIONS.get(hook, "Warns when an ordered test has a recognizable result from "
                                                   "another hospital."),
             "prefetch": {"patient": "Patient/{{context.patientId}}"}}
            for hook, sid in HOOKS.items()]}

    def call(self, service_id: str, body: object) -> dict:
        if service_id not in HOOKS.values():
            raise LookupError(f"no CDS service {service_id!r}")
        if not isinstance(body, dict):
            raise CdsRequestError("the request body must be a JSON object")
        hook = body.get("hook")
        if HOOKS.get(str(hook)) != service_id:
            raise CdsRequestError(f"service {service_id} answers the hook {_hook_of(service_id)!r}, not {hook!r}")
        context = body.get("context")
        if not isinstance(context, dict) or not context.get("patientId"):
            raise CdsRequestError("context.patientId is required")
        if not isinstance(context["patientId"], str):
            raise CdsRequestError("context.patientId must be a string")
        if hook == "patient-view":
            return self._patient_view(self._patient_key(body))
        orders = self._items_by_order(_draft_orders(context, str(hook)))
        if not orders:
            return {"cards": []}
        patient = self._patient_key(body)
        try:
            # One look-up and one chart for all the drafts: the HIS waits on this answer.
            check = self.station.check_order(patient, list(dict.fromkeys(orders.values())), via=f"cds-hooks {hook}")
        except PatientNotFound as e:
            return {"cards": [_info_card(f"互认平台未找到该患者 / patient not found on the platform: {e}")]}
        except SourcesFailed as e:
            return {"cards": [_info_card(f"互认平台未能完整应答，无法核对既往结果 / the platform did not answer in "
                                         f"full; prior results could not be checked: {e}", indicator="warning")]}
        cards = [card for line in check.lines for rid, code in orders.items() if code == line.item.code
                 for card in self._cards(line, rid, patient)]
        return {"cards": cards}

    def _patient_view(self, patient: str) -> dict:
        """The reminder the window shows on chart open, as info cards: one per recognizable item.

        The chart is loaded and audited as `check_order` does (with no item ordered), and the
        reminder shown is audited as the window's is.
        """
        try:
            check = self.station.check_order(patient, [], via="cds-hooks patient-view")
        except PatientNotFound:
            return {"cards": []}   # nobody to remind of: a chart without a card, as CDS Hooks has it
        except SourcesFailed as e:
            return {"cards": [_info_card(f"互认平台未能完整应答，无法列出可互认结果 / the platform did not answer "
                                         f"in full; recognizable results could not be listed: {e}",
                                         indicator="warning")]}
        shown = self.station.reminders(check.chart.reports, check.chart.studies)
        self.station.reminder_shown(check.chart.person, shown, via="cds-hooks patient-view")
        return {"cards": [reminder_card(r, patient) for r in by_record(shown)]}

    def _items_by_order(self, orders: list[tuple[str, list[str]]]) -> dict[str, str]:
        """Each draft order's catalogue item, from the first of its codes the catalogue knows."""
        from app.services.ordering.plan import resolve

        out = {}
        for rid, codes in orders:
            for code in codes:
                try:
                    items = resolve(self.station.workspace.catalogue, [code])
                except UnknownCode:
                    continue
                if len(items) == 1:
                    out[rid] = items[0].code
                    break
        return out

    def feedback(self, service_id: str, body: object) -> None:
        if service_id not in HOOKS.values():
            raise LookupError(f"no CDS service {service_id!r}")
        items = body.get("feedback") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise CdsRequestError("feedback must be a non-empty list")
        for item in items:
            if not isinstance(item, dict) or item.get("outcome") not in ("accepted", "overridden"):
                raise CdsRequestError("each feedback needs outcome 'accepted' or 'overridden'")
            override = item.get("overrideReason") or {}
            if not isinstance(override, dict) or not isinstance(override.get("reason") or {}, dict):
                raise CdsRequestError("overrideReason must be an object with a coded reason")
            reason = str((override.get("reason") or {}).get("code", ""))
            comment = str(override.get("userComment", ""))
            self.station.auditor.record(AuditAction.ORDER_DECISION, None, entity=f"cds-card/{item.get('card', '')}",
                                        detail=f"{item['outcome']}" + (f" ({reason})" if reason else "")
                                        + (f": {comment}" if comment else ""))

    def _patient_key(self, body: dict) -> str:
        if self.patient_lookup is not None:
            return self.patient_lookup(body)
        prefetch = body.get("prefetch") or {}
        if not isinstance(prefetch, dict):
            raise CdsRequestError("prefetch must be an object")
        prefetch = prefetch.get("patient")
        if isinstance(prefetch, dict):
            if not isinstance(prefetch.get("identifier") or [], list):
                raise CdsRequestError("prefetch.patient.identifier must be a list")
            for ident in prefetch.get("identifier") or []:
                if isinstance(ident, dict) and "resident" in str(ident.get("system", "")) and ident.get("value"):
                    return str(ident["value"])
        return str(body["context"]["patientId"])

    def _cards(self, line: OrderLine, order_id: str, patient: str) -> list[dict]:
        cards = []
        best = line.best
        if best is not None:
            r, v = best.result, best.verdict
            when = r.effective or best.report.effective
            hospital = best.report.hospital.name if best.report.hospital else "?"
            value = f"{r.display_value()} {r.unit}".strip()
            summary = f"{line.item.name_zh}已有可互认结果：{value}（{when:%Y-%m-%d}，{hospital}，{v.mark}）"
            link = "huren://open?" + urlencode({"patient": patient, "item": line.item.code})
            cards.append({
                "uuid": str(uuid.uuid4()),
                "summary": summary[:140],
                "detail": (f"{line.item.name_en}: {value} on {when:%Y-%m-%d} at {hospital}, {v.mark}; "
                           f"recognizable until {v.recognizable_until}. A repeat needs a reason and the patient's "
                           f"consent; the fee saved is ¥{line.item.price_yuan:g}."),
                "indicator": "warning",
                "source": {"label": "互认 Huren", "topic": {"code": line.item.code, "display": line.item.name_zh}},
                "suggestions": [{"label": f"撤销 {line.item.name_zh} 的重复申请 / drop the repeat",
                                 "uuid": str(uuid.uuid4()), "isRecommended": True,
                                 "actions": [{"type": "delete", "description": "Remove the draft order",
                                              "resourceId": [f"ServiceRequest/{order_id}"]}]}],
                "overrideReasons": [{"system": REPEAT_REASON_SYSTEM, "code": reason.value,
                                     "display": REASON_TEXT[reason]} for reason in RepeatReason],
                "selectionBehavior": "at-most-one",
                "links": [{"label": "在互认中打开 / open in Huren", "url": link, "type": "absolute"}],
            })
        return cards


def reminder_card(record: RecordReminder, patient: str) -> dict:
    """One report's (or study's) recognizable items as a CDS Hooks info card, as the window's band
    lists them, with a link that opens Huren on the first item."""
    first = record.first
    marks = "、".join(record.marks)
    summary = (f"{record.title}：{len(record.items)}项可互认（{record.hospital}，{record.day:%Y-%m-%d}，{marks}），"
               f"至{record.until:%Y-%m-%d}")
    link = "huren://open?" + urlencode({"patient": patient, "item": first.item.code})
    items = "、".join(i.name_zh for i in record.items)
    return {
        "uuid": str(uuid.uuid4()),
        "summary": summary[:140],
        "detail": (f"{items}。{'Imaging' if first.is_imaging else 'Lab'} results done on {record.day:%Y-%m-%d} "
                   f"at {record.hospital} ({marks}), recognizable until {record.until:%Y-%m-%d}: "
                   f"recognize them rather than repeat them.")[:4000],
        "indicator": "info",
        "source": {"label": "互认 Huren", "topic": {"code": first.item.code, "display": first.item.name_zh}},
        "links": [{"label": "在互认中打开 / open in Huren", "url": link, "type": "absolute"}],
    }


def _hook_of(service_id: str) -> str:
    return next(h for h, s in HOOKS.items() if s == service_id)


def _draft_orders(context: dict, hook: str) -> list[tuple[str, list[str]]]:
    """(ServiceRequest id, its codes) of the draft orders; order-select only the selected ones."""
    bundle = context.get("draftOrders")
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise CdsRequestError("context.draftOrders must be a FHIR Bundle")
    selections = context.get("selections") or []
    if not isinstance(selections, list) or not all(isinstance(s, str) for s in selections):
        raise CdsRequestError("context.selections must be a list of references")
    entries = bundle.get("entry") or []
    if not isinstance(entries, list):
        raise CdsRequestError("context.draftOrders.entry must be a list")
    selected = set(selections) if hook == "order-select" else None
    out = []
    for entry in entries:
        res = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(res, dict) or res.get("resourceType") != "ServiceRequest":
            continue
        rid = str(res.get("id") or "")
        if selected is not None and selected and f"ServiceRequest/{rid}" not in selected:
            continue
        code = res.get("code") or {}
        coding = (code.get("coding") or []) if isinstance(code, dict) else None
        if not isinstance(coding, list):
            raise CdsRequestError("ServiceRequest.code must be a CodeableConcept (an object with a coding list)")
        codes = [str(c["code"]) for c in coding if isinstance(c, dict) and c.get("code")]
        out.append((rid, codes))
    return out


def _info_card(text: str, indicator: str = "info") -> dict:
    """A card with `text` as its summary (cut to the 140 characters CDS Hooks allows) and whole as detail."""
    return {"uuid": str(uuid.uuid4()), "summary": text[:140], "detail": text[:4000], "indicator": indicator,
            "source": {"label": "互认 Huren"}}


def handle(hooks: CdsHooks, method: str, path: str, body: object) -> tuple[int, object]:
    """Route one authenticated request: (HTTP status, JSON answer)."""
    parts = [p for p in path.split("?")[0].split("/") if p]
    if not parts or parts[0] != "cds-services":
        return 404, {"error": f"no such path {path}"}
    try:
        if len(parts) == 1 and method == "GET":
            return 200, hooks.discovery()
        if len(parts) == 2 and method == "POST":
            return 200, hooks.call(parts[1], body)
        if len(parts) == 3 and parts[2] == "feedback" and method == "POST":
            hooks.feedback(parts[1], body)
            return 200, {}
    except CdsRequestError as e:
        return 400, {"error": str(e)}
    except SessionEnded:   # the HIS goes on without the check (CDS Hooks: a failed service is no answer)
        return 503, {"error": "the platform asks for sign-in, and nobody is signed in to Huren on this "
                              "workstation: the order check answers once someone is"}
    except SourceUnreachable as e:
        return 503, {"error": f"the platform did not answer: {e.message}"}
    except LookupError as e:
        return 404, {"error": str(e)}
    return 405, {"error": f"{method} is not allowed on {path}"}


SECRET_ENV = "HUREN_CDS_SECRET"
KEYRING_NAME = "cds-hooks"


def service_secret() -> str | None:
    """The bearer secret the HIS sends: environment first (services, CI), else the system keyring."""
    import os

    secret = os.environ.get(SECRET_ENV)
    if secret:
        return secret
    try:
        import keyring

        return keyring.get_password(SERVICE, KEYRING_NAME)
    except Exception:  # noqa: BLE001 - no keyring backend: the caller says how to provide the secret
        return None


def start_service(hooks: CdsHooks, secret: str, port: int, host: str = "127.0.0.1"):  # noqa: ANN201
    """The CDS Hooks service on loopback (returns the running LoopbackJsonServer)."""
    from app.platform.loopback_server import LoopbackJsonServer

    return LoopbackJsonServer(lambda method, path, body: handle(hooks, method, path, body), secret, host, port).start()
