"""Order records read back as decisions: the other half of records.py.

A repeat is a ServiceRequest with an order-item identifier (reason in `reasonCode`, the
item's price in the `repeat-fee` extension); a recognition is a `Basic` of record type
`recognition` (the item, `recognized-at`, `fee-saved`); a recognition revoked is named by a
`Basic` of record type `recognition-revoked` (`revokes`: the recognition's identifier). Neither names the physician's
hospital or department: those come from the physician's PractitionerRole, which the caller
looks up (`staff`). A record that cannot be read raises MappingError; the caller counts it.

The ordering physician reads their own orders back too (`my_orders_search`): the worklist
entries their repeats published, waiting (`awaiting-consent`) or decided (`consent-recorded`,
the order inside carrying the consent or refusal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from app.domain.catalogue import CatalogueItem
from app.domain.fhir_json import identifier_value, reference_id
from app.domain.fhir_profile import (
    AWAITING_CONSENT,
    CATALOGUE_SYSTEM,
    CONSENT_RECORDED,
    CONSENT_SYSTEM,
    EXT,
    ORDER_SYSTEM,
    PENDING_SYSTEM,
    RECOGNITION_REVOKED,
    RECOGNITION_SYSTEM,
    RECORD_TYPE_SYSTEM,
    REVIEW_SYSTEM,
    REVIEW_VERDICT_SYSTEM,
)
from app.domain.recognition_funnel import Doctor
from app.domain.recognition_stats import Decision, Outcome, fen
from app.domain.repeat_orders import REPEAT_REASON_SYSTEM, Order, RepeatReason
from app.domain.review_rules import ConsentState, ReviewVerdict, Rule, Verdict
from app.domain.staff import Role, StaffMember
from app.platform.fhir.mapping import MappingError, read_codings, read_datetime, read_object
from app.platform.fhir.records import order_from_worklist_entry

#: Both searches take a day more on each side than asked: a date without a zone is the server's
#: day, which may not be the site's; the exact days are then chosen on the decisions' own times.
_MARGIN = timedelta(days=1)


def days_around(param: str, start: date, end: date) -> list[tuple[str, str]]:
    """`{param}=ge{start − 1 day}&{param}=lt{end + 2 days}`: the site's days start..end whatever the
    server's day is; the exact days are then chosen on the records' own times."""
    return [(param, f"ge{(start - _MARGIN).isoformat()}"), (param, f"lt{(end + 2 * _MARGIN).isoformat()}")]


def repeat_search(start: date, end: date, count: int = 200) -> list[tuple[str, str]]:
    """`ServiceRequest?identifier={order-item system}|&authored=ge…&authored=lt…` (start..end inclusive)."""
    return [("identifier", f"{ORDER_SYSTEM}|"), *days_around("authored", start, end), ("_count", str(count))]


def recognition_search(start: date, end: date, count: int = 200) -> list[tuple[str, str]]:
    """`Basic?code={record-type}|recognition&created=ge…&created=le…` (start..end inclusive)."""
    return [("code", f"{RECORD_TYPE_SYSTEM}|recognition"), ("created", f"ge{(start - _MARGIN).isoformat()}"),
            ("created", f"le{(end + _MARGIN).isoformat()}"), ("_count", str(count))]


def revocation_search(start: date, end: date, count: int = 200) -> list[tuple[str, str]]:
    """`Basic?code={record-type}|recognition-revoked&created=ge…&created=le…` (start..end inclusive).

    A recognition is revoked within its visit, so the revocations of the same days name every
    revoked recognition of the range (and a few outside it, which name nothing found).
    """
    return [("code", f"{RECORD_TYPE_SYSTEM}|{RECOGNITION_REVOKED}"),
            ("created", f"ge{(start - _MARGIN).isoformat()}"),
            ("created", f"le{(end + _MARGIN).isoformat()}"), ("_count", str(count))]


def revoked_record(res: dict[str, Any]) -> str | None:
    """The identifier value (`{order id}/{item code}`) of the recognition a revocation record revokes.

    None for anything that is not a revocation naming a recognition by identifier.
    """
    if res.get("resourceType") != "Basic" or not isinstance(res.get("code"), dict):
        return None
    if not any(c.system == RECORD_TYPE_SYSTEM and c.code == RECOGNITION_REVOKED for c in read_codings(res["code"])):
        return None
    target = _extension(res, "revokes").get("valueReference")
    ident = target.get("identifier") if isinstance(target, dict) else None
    if isinstance(ident, dict) and ident.get("system") == RECOGNITION_SYSTEM and ident.get("value"):
        return str(ident["value"])
    return None


def my_revocations_search(practitioner_id: str, since: date, count: int = 100) -> list[tuple[str, str]]:
    """`Basic?author=Practitioner/{id}&code={record-type}|recognition-revoked&created=ge…`: what a physician revoked."""
    return [("author", f"Practitioner/{practitioner_id}"), ("code", f"{RECORD_TYPE_SYSTEM}|{RECOGNITION_REVOKED}"),
            ("created", f"ge{(since - _MARGIN).isoformat()}"), ("_count", str(count))]


def my_orders_search(practitioner_id: str, since: date, count: int = 100) -> list[tuple[str, str]]:
    """`Basic?author=Practitioner/{id}&code={record-type}|awaiting-consent,{record-type}|consent-recorded&created=ge…`

    The worklist entries of a physician's orders since `since` (a day's margin: `created` is the
    server's day), waiting for the patient or decided. Plain R4 search parameters of Basic.
    """
    codes = ",".join(f"{RECORD_TYPE_SYSTEM}|{code}" for code in (AWAITING_CONSENT, CONSENT_RECORDED))
    return [("author", f"Practitioner/{practitioner_id}"), ("code", codes),
            ("created", f"ge{(since - _MARGIN).isoformat()}"), ("_count", str(count))]


def worklist_state(basic: dict[str, Any]) -> str:
    """A worklist entry's state, `awaiting-consent` or `consent-recorded` ("" for anything else)."""
    code = basic.get("code")
    for c in read_codings(code) if isinstance(code, dict) else ():
        if c.system == RECORD_TYPE_SYSTEM and c.code in (AWAITING_CONSENT, CONSENT_RECORDED):
            return c.code
    return ""


def decided_orders(transaction: dict[str, Any]) -> list[Order]:
    """The decided orders a finished order's transaction carries (its worklist entry, updated).

    What this workstation recorded and has not sent yet: the platform does not know it, the
    physician working here should. Unreadable entries are skipped.
    """
    out = []
    for entry in transaction.get("entry") or []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict) and resource.get("resourceType") == "Basic" \
                and identifier_value(resource, PENDING_SYSTEM) and worklist_state(resource) == CONSENT_RECORDED:
            try:
                out.append(order_from_worklist_entry(resource))
            except ValueError:
                continue
    return out


def staff_search(practitioner_ids: Iterable[str]) -> list[tuple[str, str]]:
    """The roles of these practitioners (their Practitioner and Organization: see services.identity)."""
    ids = ",".join(f"Practitioner/{p}" for p in sorted(set(practitioner_ids)))
    return [("practitioner", ids), ("_count", "200")]


def practitioner_id(res: dict[str, Any]) -> str | None:
    """Who decided: a ServiceRequest's requester or a recognition record's author."""
    return reference_id(res.get("requester") if res.get("resourceType") == "ServiceRequest" else res.get("author"),
                   "Practitioner")


def is_repeat(res: dict[str, Any]) -> bool:
    return res.get("resourceType") == "ServiceRequest" and identifier_value(res, ORDER_SYSTEM) is not None


def is_recognition(res: dict[str, Any]) -> bool:
    if res.get("resourceType") != "Basic" or not isinstance(res.get("code"), dict):
        return False
    return any(c.system == RECORD_TYPE_SYSTEM and c.code == "recognition" for c in read_codings(res["code"]))


def placed_staff(members: Iterable[StaffMember]) -> dict[str, StaffMember]:
    """Per practitioner, the role that places their decisions: a physician's role first, then any."""
    ranked = sorted(members, key=lambda m: m.role is not Role.PHYSICIAN)
    out: dict[str, StaffMember] = {}
    for m in ranked:
        out.setdefault(m.practitioner_id, m)
    return out


def repeat_from_fhir(res: dict[str, Any], staff: Mapping[str, StaffMember],
                     items: Mapping[str, CatalogueItem], tz: tzinfo) -> Decision:
    if res.get("resourceType") != "ServiceRequest":
        raise MappingError("not a ServiceRequest")
    record = identifier_value(res, ORDER_SYSTEM)
    if record is None:
        raise MappingError("no order-item identifier")
    code = read_object(res, "code")
    item_code, item_name = _item(list(read_codings(code)), str(code.get("text") or ""), items)
    reason = _reason(res)
    decision = _decision(res, res.get("requester"), read_datetime(res.get("authoredOn"), "authoredOn", tz),
                         item_code, item_name, Outcome.REPEATED, reason,
                         _money(res, "repeat-fee", items, item_code), record, staff)
    return replace(decision, patient_id=reference_id(res.get("subject"), "Patient") or "",
                   prior=_prior(res), note=_reason_text(res, reason))


def _prior(res: dict[str, Any]) -> str:
    """The reference of the prior result a repeat did not recognize (its first `supportingInfo`)."""
    for info in res.get("supportingInfo") or []:
        if isinstance(info, dict) and isinstance(info.get("reference"), str):
            return str(info["reference"])
    return ""


def _reason_text(res: dict[str, Any], reason: RepeatReason) -> str:
    """The doctor's words for the reason (`reasonCode.text`, which holds the bare code when there were none)."""
    for concept in res.get("reasonCode") or []:
        if isinstance(concept, dict) and isinstance(concept.get("text"), str) and concept["text"] != reason.value:
            return str(concept["text"])
    return ""


def recognition_from_fhir(res: dict[str, Any], staff: Mapping[str, StaffMember],
                          items: Mapping[str, CatalogueItem], tz: tzinfo) -> Decision:
    if not is_recognition(res):
        raise MappingError("not a recognition record")
    record = identifier_value(res, RECOGNITION_SYSTEM) or str(res.get("id") or "")
    coding = _extension(res, "recognized-item").get("valueCoding")
    if not isinstance(coding, dict) or not coding.get("code"):
        raise MappingError("no recognized-item")
    item_code = str(coding["code"])
    item = items.get(item_code)
    item_name = str(coding.get("display") or (item.name_zh if item else item_code))
    at = _extension(res, "recognized-at").get("valueDateTime") or res.get("created")
    decision = _decision(res, res.get("author"), read_datetime(at, "recognized-at", tz), item_code, item_name,
                         Outcome.RECOGNIZED, None, _money(res, "fee-saved", items, item_code), record, staff)
    return replace(decision, patient_id=reference_id(res.get("subject"), "Patient") or "")


def _decision(res: dict[str, Any], who: Any, when: datetime, item_code: str, item_name: str, outcome: Outcome,
              reason: RepeatReason | None, fee_fen: int, record: str, staff: Mapping[str, StaffMember]) -> Decision:
    pid = reference_id(who, "Practitioner")
    if not pid:
        raise MappingError("no practitioner named")
    member = staff.get(pid)
    placed = Doctor.of(member) if member else Doctor(pid)
    display = str(who.get("display") or "") if isinstance(who, dict) else ""
    return Decision(
        when=when, hospital_id=placed.hospital_id, hospital=placed.hospital, department=placed.department,
        doctor_id=pid, doctor=placed.name or display or pid,
        item_code=item_code, item_name=item_name, outcome=outcome, reason=reason, fee_fen=fee_fen, record=record)


def _item(codings: list, text: str, items: Mapping[str, CatalogueItem]) -> tuple[str, str]:
    """The catalogue item a ServiceRequest's code names: its catalogue coding, else a LOINC the catalogue knows."""
    for c in codings:
        if c.system == CATALOGUE_SYSTEM:
            item = items.get(c.code)
            return c.code, c.display or text or (item.name_zh if item else c.code)
    for item in items.values():
        if any(c.code in item.loinc for c in codings):
            return item.code, item.name_zh
    raise MappingError("the order names no catalogue item")


def _reason(res: dict[str, Any]) -> RepeatReason:
    """The coded repeat reason; a code Huren does not know counts as "other" (it is still a repeat)."""
    for concept in res.get("reasonCode") or []:
        if isinstance(concept, dict):
            for c in read_codings(concept):
                if c.system == REPEAT_REASON_SYSTEM:
                    try:
                        return RepeatReason(c.code)
                    except ValueError:
                        return RepeatReason.OTHER
    return RepeatReason.OTHER


def _extension(res: dict[str, Any], name: str) -> dict[str, Any]:
    for ext in res.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT + name:
            return ext
    return {}


def _money(res: dict[str, Any], name: str, items: Mapping[str, CatalogueItem], item_code: str) -> int:
    """The record's own amount in fen; the catalogue price when the record carries none."""
    money = _extension(res, name).get("valueMoney")
    value = money.get("value") if isinstance(money, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fen(float(value))
    item = items.get(item_code)
    return fen(item.price_yuan) if item else 0


# --- the supervisor's review: consents of repeats, verdicts -----------------------------------


def order_of(record: str) -> str:
    """The order id of a repeat's or recognition's identifier value (`{order id}/{item code}`)."""
    return record.rsplit("/", 1)[0]


def consent_search(order_ids: Iterable[str]) -> list[tuple[str, str]]:
    """`Consent?identifier={order-consent}|{order id},...`: the consents of these orders."""
    values = ",".join(f"{CONSENT_SYSTEM}|{o}" for o in sorted(set(order_ids)))
    return [("identifier", values), ("_count", "200")]


def consent_states(consents: Iterable[dict[str, Any]]) -> dict[str, ConsentState]:
    """Per order id, what its Consent says: a permit is GIVEN, a deny REFUSED (orders without one are absent)."""
    out: dict[str, ConsentState] = {}
    for res in consents:
        if res.get("resourceType") != "Consent":
            continue
        order_id = identifier_value(res, CONSENT_SYSTEM)
        provision = res.get("provision")
        kind = provision.get("type") if isinstance(provision, dict) else None
        if order_id and res.get("status") == "active" and kind in ("permit", "deny"):
            out[order_id] = ConsentState.GIVEN if kind == "permit" else ConsentState.REFUSED
    return out


def verdict_search(records: Iterable[str]) -> list[tuple[str, str]]:
    """`DetectedIssue?identifier={repeat-review}|{record},...`: the verdicts on these repeats."""
    values = ",".join(f"{REVIEW_SYSTEM}|{r}" for r in sorted(set(records)))
    return [("identifier", values), ("_count", "200")]


def verdicts_since_search(since: date, count: int = 200) -> list[tuple[str, str]]:
    """`DetectedIssue?code={repeat-review}|reasonable-repeat,…|unreasonable-repeat&identified=ge…`.

    Every verdict given since a period began: a verdict comes after its repeat, so these hold
    the verdicts on the period's repeats (and some on later ones, which name nothing found).
    """
    codes = ",".join(f"{REVIEW_VERDICT_SYSTEM}|{v.value}" for v in Verdict)
    return [("code", codes), ("identified", f"ge{(since - _MARGIN).isoformat()}"), ("_count", str(count))]


def verdict_from_fhir(res: dict[str, Any], tz: tzinfo) -> ReviewVerdict:
    """A supervisor's verdict read back (MappingError for anything that is not one)."""
    if res.get("resourceType") != "DetectedIssue":
        raise MappingError("not a DetectedIssue")
    record = identifier_value(res, REVIEW_SYSTEM)
    if record is None:
        raise MappingError("no repeat-review identifier")
    code = res.get("code")
    verdict = next((c.code for c in read_codings(code) if c.system == REVIEW_VERDICT_SYSTEM),
                   "") if isinstance(code, dict) else ""
    try:
        judged = Verdict(verdict)
    except ValueError:
        raise MappingError(f"unknown verdict {verdict!r}") from None
    author = res.get("author")
    reviewer_id = reference_id(author, "Practitioner")
    if not reviewer_id:
        raise MappingError("no reviewer named")
    implicated = next((i for i in res.get("implicated") or [] if isinstance(i, dict)), {})
    rules = []
    for ext in res.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT + "review-rule":
            try:
                rules.append(Rule(ext.get("valueCode")))
            except ValueError:
                continue
    return ReviewVerdict(
        record=record, verdict=judged, comment=str(res.get("detail") or ""), reviewer_id=reviewer_id,
        reviewer=str(author.get("display") or "") if isinstance(author, dict) else "",
        at=read_datetime(res.get("identifiedDateTime"), "identifiedDateTime", tz),
        patient_id=reference_id(res.get("patient"), "Patient") or "",
        item_name=str(implicated.get("display") or ""), rules=tuple(rules))
