"""The FHIR profile of an order's records, written once (docs/fhir-profile.md).

Identifier systems, code systems and extension URLs, and the record shapes built from
domain values: per repeated item a ServiceRequest, the patient's Consent, per recognized
item a recognition record (a `Basic`), the Provenance naming who did what, and the shared
worklist entry of an order awaiting consent. Pure: no I/O, no ids chosen at random.

Both sides use it: `app/platform/fhir/records.py` wraps the shapes into the transaction the
client sends, and the sandbox (`app/sandbox/demo_orders.py`) stores them as the platform
holds them after that transaction. So the demo's records are the client's by construction.
Where they differ is only in how resources name each other: the caller passes the
references (`urn:uuid:` full URLs in a transaction, `Type/id` once stored).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from app.domain.catalogue import CatalogueItem
from app.domain.identification import PatientIdentity
from app.domain.models import LOINC_SYSTEM
from app.domain.repeat_orders import REPEAT_REASON_SYSTEM, ConsentMethod, ItemDecision, Order
from app.domain.review_rules import ReviewVerdict, Verdict

ORDER_SYSTEM = "https://fhir.huren.cn/sid/order-item"
CONSENT_SYSTEM = "https://fhir.huren.cn/sid/order-consent"
RECOGNITION_SYSTEM = "https://fhir.huren.cn/sid/recognition"
PENDING_SYSTEM = "https://fhir.huren.cn/sid/order-awaiting-consent"
#: A recognition's revocation (its own `Basic`, same value as the recognition it undoes).
REVOCATION_SYSTEM = "https://fhir.huren.cn/sid/recognition-revocation"
#: record-type code of a revocation record.
RECOGNITION_REVOKED = "recognition-revoked"
#: record-type codes of the shared worklist entry: waiting, then done.
AWAITING_CONSENT, CONSENT_RECORDED = "awaiting-consent", "consent-recorded"
RECORD_TYPE_SYSTEM = "https://fhir.huren.cn/CodeSystem/record-type"
CATALOGUE_SYSTEM = "https://fhir.huren.cn/CodeSystem/recognition-item"
CONSENT_METHOD_SYSTEM = "https://fhir.huren.cn/CodeSystem/consent-method"
#: What a lab report and its results carry (docs/fhir-profile.md): a catalogue category beside
#: v2-0074 `LAB`, and a hospital's own codes under `LOCAL_CODE_SYSTEM_PREFIX + organization id`.
LAB_CATEGORY_SYSTEM = "https://fhir.huren.cn/CodeSystem/lab-category"
LOCAL_CODE_SYSTEM_PREFIX = "https://fhir.huren.cn/CodeSystem/local/"
#: A hospital's report numbers (DiagnosticReport.identifier) and accession numbers, `+ organization id`.
REPORT_ID_SYSTEM_PREFIX = "https://fhir.huren.cn/sid/lab-report/"
ACCESSION_SYSTEM_PREFIX = "https://fhir.huren.cn/sid/accession/"
#: A staff member's department (PractitionerRole.specialty), coded by its name.
DEPARTMENT_SYSTEM = "https://fhir.huren.cn/CodeSystem/department"
#: Base of every extension URL of the profile (`EXT + "consent-method"`, `EXT + "audit-action"`...).
EXT = "https://fhir.huren.cn/StructureDefinition/"

#: Namespace for the client-made ids and full URLs of an order's records (uuid5 of the order
#: id: the same on every resend, so a resent transaction leaves one of each).
PROVENANCE_NS = uuid.UUID("6f0b8a4e-3c1d-4e8e-9a51-2b7d0c6f1a90")

_PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"


def item_key(order: Order, item_code: str) -> str:
    """The identifier value of an item's ServiceRequest or recognition record."""
    return f"{order.id}/{item_code}"


def provenance_id(order: Order) -> str:
    """The Provenance's client-made id (it has no identifier element to be found by)."""
    return str(uuid.uuid5(PROVENANCE_NS, order.id))


def ref(kind: str, rid: str, display: str = "") -> dict[str, str]:
    out = {"reference": f"{kind}/{rid}"}
    if display:
        out["display"] = display
    return out


def fhir_time(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def item_code(item: CatalogueItem) -> dict[str, Any]:
    coding = [{"system": CATALOGUE_SYSTEM, "code": item.code, "display": item.name_zh}]
    coding += [{"system": LOINC_SYSTEM, "code": c} for c in item.loinc[:1]]
    return {"coding": coding, "text": item.name_zh}


def prior_reference(prior_key: str | None) -> dict[str, str]:
    """Decisions name the prior as 'source:id' (an Observation on its own platform) or, for a
    report that came only as its printed page, 'source:Type/id'."""
    rid = prior_key.split(":", 1)[1] if prior_key and ":" in prior_key else (prior_key or "")
    return {"reference": rid} if "/" in rid else ref("Observation", rid)


def service_request(order: Order, d: ItemDecision, item: CatalogueItem) -> dict[str, Any]:
    """A repeated item (without identifier: the caller adds it where it belongs)."""
    assert d.reason is not None, "a repeat without a reason never reaches the records"
    resource: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "108252007",
                                  "display": "Laboratory procedure"}]}],
        "code": item_code(item),
        "subject": ref("Patient", order.patient_id, order.patient_name),
        "authoredOn": fhir_time(order.created_at),
        "requester": ref("Practitioner", order.requester.practitioner_id, order.requester.name),
        "reasonCode": [{"coding": [{"system": REPEAT_REASON_SYSTEM, "code": d.reason.value}],
                        "text": d.note or d.reason.value}],
        "extension": [{"url": EXT + "repeat-fee", "valueMoney": {"value": item.price_yuan, "currency": "CNY"}}],
    }
    notes = [n for n in (d.note, order.clinical_note) if n]
    if notes:
        resource["note"] = [{"text": n} for n in notes]
    if d.prior_result:
        resource["supportingInfo"] = [prior_reference(d.prior_result)]
    return resource


def consent(order: Order, requests: Sequence[str]) -> dict[str, Any]:
    """The patient's Consent; `requests` are the references of the order's ServiceRequests.

    A refusal is a Consent too, `active` with `provision.type` `deny`: the patient's decision,
    to be followed (R5 says the same with `decision` `deny`); R4's `rejected` is a proposal
    that fell through, not a decision. Its repeats were withdrawn, so it names the refused
    items in `provision.code` (as consent names them, beside its ServiceRequests).
    """
    c = order.consent
    assert c is not None
    who = ref("Patient", order.patient_id, order.patient_name) if c.relationship == "self" else \
        {"display": f"{c.signer_name}（{c.relationship}）"}
    resource: dict[str, Any] = {
        "resourceType": "Consent",
        "status": "active",
        "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                              "code": "treatment"}]},
        "category": [{"coding": [{"system": LOINC_SYSTEM, "code": "59284-0", "display": "Patient Consent"}]}],
        "patient": ref("Patient", order.patient_id, order.patient_name),
        "dateTime": fhir_time(c.recorded_at),
        "performer": [who],
        "organization": [ref("Organization", c.recorded_by.organization_id)],
        "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}],
                       "text": "检查检验结果互认：复查知情同意"},
        "verification": [{"verified": True, "verificationDate": fhir_time(c.recorded_at)}],
        "provision": {
            "type": "permit" if c.consented else "deny",
            "actor": [{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                            "code": "PPRF"}]},
                       "reference": ref("Practitioner", c.recorded_by.practitioner_id, c.recorded_by.name)}],
            "code": [_decided_item(order, code) for code in c.items],
            "data": [{"meaning": "related", "reference": {"reference": r}} for r in requests],
        },
        "extension": [
            {"url": EXT + "consent-method", "valueCoding": {"system": CONSENT_METHOD_SYSTEM, "code": c.method.value}},
            {"url": EXT + "consent-explained", "valueString": c.explained},
        ],
    }
    if not requests:
        del resource["provision"]["data"]
    if not c.items:
        del resource["provision"]["code"]
    if c.witness:
        resource["extension"].append({"url": EXT + "consent-witness", "valueString": c.witness})
    if c.attachment:
        title = "签名" if c.method is ConsentMethod.DRAWN_SIGNATURE else "知情同意书扫描件"
        resource["sourceAttachment"] = {"contentType": c.attachment_type or "image/png",
                                        "data": base64.b64encode(c.attachment).decode("ascii"),
                                        "title": title, "creation": fhir_time(c.recorded_at)}
    return resource


def _decided_item(order: Order, code: str) -> dict[str, Any]:
    """A repeated item the patient decided about, by its catalogue code (and name, as ordered)."""
    name = next((d.item_name for d in order.decisions if d.item_code == code and d.item_name), "")
    coding = {"system": CATALOGUE_SYSTEM, "code": code, **({"display": name} if name else {})}
    return {"coding": [coding], **({"text": name} if name else {})}


def recognition(order: Order, d: ItemDecision, item: CatalogueItem) -> dict[str, Any]:
    """A recognized item: a `Basic` of record type `recognition` (without identifier)."""
    return {
        "resourceType": "Basic",
        "code": {"coding": [{"system": RECORD_TYPE_SYSTEM, "code": "recognition",
                             "display": "检查检验结果互认"}]},
        "subject": ref("Patient", order.patient_id, order.patient_name),
        "created": order.created_at.date().isoformat(),
        "author": ref("Practitioner", order.requester.practitioner_id, order.requester.name),
        "extension": [
            {"url": EXT + "recognized-item", "valueCoding": {"system": CATALOGUE_SYSTEM, "code": item.code,
                                                             "display": item.name_zh}},
            {"url": EXT + "recognized-result", "valueReference": prior_reference(d.prior_result)},
            {"url": EXT + "recognized-at", "valueDateTime": fhir_time(order.created_at)},
            {"url": EXT + "fee-saved", "valueMoney": {"value": item.price_yuan, "currency": "CNY"}},
        ],
    }


def recognition_revocation(key: str, patient: dict[str, str], author: dict[str, str], item: dict[str, Any],
                           revoked_at: datetime, reason: str) -> dict[str, Any]:
    """A recognition undone: a new `Basic` of record type `recognition-revoked` (without identifier).

    The recognition record itself is never changed: what the platform received stays as it was,
    and the revocation names it by its identifier (`{order id}/{item code}`) in the `revokes`
    extension, with when and why. A reader counts a recognition with a revocation as revoked.
    """
    return {
        "resourceType": "Basic",
        "code": {"coding": [{"system": RECORD_TYPE_SYSTEM, "code": RECOGNITION_REVOKED,
                             "display": "撤销结果互认"}]},
        "subject": patient,
        "created": revoked_at.date().isoformat(),
        "author": author,
        "extension": [
            {"url": EXT + "revokes", "valueReference": {
                "type": "Basic", "identifier": {"system": RECOGNITION_SYSTEM, "value": key}}},
            {"url": EXT + "recognized-item", "valueCoding": item},
            {"url": EXT + "revoked-at", "valueDateTime": fhir_time(revoked_at)},
            {"url": EXT + "revocation-reason", "valueString": reason},
        ],
    }


def provenance(order: Order, targets: Sequence[str]) -> dict[str, Any]:
    """Who did what: the physician (author) and, once consented, the nurse (enterer)."""
    agents: list[dict[str, Any]] = [{"type": {"coding": [{"system": _PARTICIPANT_TYPE, "code": "author"}]},
                                     "who": ref("Practitioner", order.requester.practitioner_id,
                                                order.requester.name),
                                     "onBehalfOf": ref("Organization", order.requester.organization_id)}]
    if order.consent is not None:
        nurse = order.consent.recorded_by
        agents.append({"type": {"coding": [{"system": _PARTICIPANT_TYPE, "code": "enterer"}]},
                       "who": ref("Practitioner", nurse.practitioner_id, nurse.name)})
    recorded = order.consent.recorded_at if order.consent else order.created_at
    return {
        "resourceType": "Provenance",
        "id": provenance_id(order),
        "target": [{"reference": t} for t in targets],
        "recorded": fhir_time(recorded),
        "activity": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-DataOperation",
                                 "code": "CREATE"}], "text": "互认决定与复查知情同意"},
        "agent": agents,
    }


#: The parts of the `patient-identity` extension, in order: (sub-extension url, PatientIdentity field).
IDENTITY_PARTS = (("name", "name"), ("gender", "sex"), ("birthDate", "birth_date"),
                  ("maskedResidentId", "masked_resident_id"), ("recordNumber", "record_number"),
                  ("outpatientNumber", "outpatient_number"))


def identity_extension(identity: PatientIdentity) -> dict[str, Any]:
    """The patient as the nurse identifies them (`patient-identity`): the masked resident ID only."""
    values = identity.to_dict()
    kinds = {"gender": "valueCode", "birthDate": "valueDate"}
    return {"url": EXT + "patient-identity",
            "extension": [{"url": url, kinds.get(url, "valueString"): values[field]}
                          for url, field in IDENTITY_PARTS if values[field]]}


def worklist_entry(order: Order, state: str, content: bytes) -> dict[str, Any]:
    """The shared worklist entry (`AWAITING_CONSENT`, then `CONSENT_RECORDED`) carrying the
    whole order as a JSON attachment (`content`: the order as the platform serializes it), the
    short order number, and the patient's identity for any reader that does not open the order."""
    extensions: list[dict[str, Any]] = [
        {"url": EXT + "order-organization", "valueReference": ref("Organization", order.requester.organization_id)},
        {"url": EXT + "order-number", "valueString": order.number},
    ]
    if order.identity is not None:
        extensions.append(identity_extension(order.identity))
    extensions.append({"url": EXT + "order-content", "valueAttachment": {
        "contentType": "application/json", "data": base64.b64encode(content).decode("ascii")}})
    return {
        "resourceType": "Basic",
        "identifier": [{"system": PENDING_SYSTEM, "value": order.id}],
        "code": {"coding": [{"system": RECORD_TYPE_SYSTEM, "code": state}]},
        "subject": ref("Patient", order.patient_id, order.patient_name),
        "created": order.created_at.date().isoformat(),
        "author": ref("Practitioner", order.requester.practitioner_id, order.requester.name),
        "extension": extensions,
    }


#: A supervisor's verdict on a repeat (a DetectedIssue; its identifier value is the repeat's, one verdict per repeat).
REVIEW_SYSTEM = "https://fhir.huren.cn/sid/repeat-review"
#: DetectedIssue.code of a verdict: `reasonable-repeat` or `unreasonable-repeat`.
REVIEW_VERDICT_SYSTEM = "https://fhir.huren.cn/CodeSystem/repeat-review"
#: DetectedIssue.mitigation.action of a verdict: the supervisor's review (事后监管).
REVIEW_ACTION_SYSTEM = "https://fhir.huren.cn/CodeSystem/review-action"
SUPERVISOR_REVIEW = "supervisor-review"


def review_verdict(verdict: ReviewVerdict) -> dict[str, Any]:
    """A supervisor's verdict on a repeat as a DetectedIssue (without identifier: the caller adds it).

    `implicated` names the repeat's ServiceRequest by its identifier (the verdict is written
    without knowing the platform's id for it); `detail` is the supervisor's comment;
    `mitigation` says who reviewed it and when; `review-rule` extensions say why it was flagged.
    """
    who = ref("Practitioner", verdict.reviewer_id, verdict.reviewer)
    at = fhir_time(verdict.at)
    implicated: dict[str, Any] = {"type": "ServiceRequest", "identifier": {"system": ORDER_SYSTEM,
                                                                           "value": verdict.record}}
    if verdict.item_name:
        implicated["display"] = verdict.item_name
    resource: dict[str, Any] = {
        "resourceType": "DetectedIssue",
        "status": "final",
        "code": {"coding": [{"system": REVIEW_VERDICT_SYSTEM, "code": verdict.verdict.value}]},
        "identifiedDateTime": at,
        "author": who,
        "implicated": [implicated],
        "mitigation": [{"action": {"coding": [{"system": REVIEW_ACTION_SYSTEM, "code": SUPERVISOR_REVIEW}],
                                   "text": "事后监管"},
                        "date": at, "author": who}],
    }
    if verdict.verdict is Verdict.UNREASONABLE:
        resource["severity"] = "moderate"
    if verdict.patient_id:
        resource["patient"] = ref("Patient", verdict.patient_id)
    if verdict.comment:
        resource["detail"] = verdict.comment
    if verdict.rules:
        resource["extension"] = [{"url": EXT + "review-rule", "valueCode": r.value} for r in verdict.rules]
    return resource
