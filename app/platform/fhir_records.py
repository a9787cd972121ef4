"""An order's decisions as one FHIR transaction: what the platform's supervision reads.

Per repeated item a ServiceRequest (reason as `reasonCode` + `note`, the prior result it did
not recognize in `supportingInfo`); the patient's Consent (with the signature image or scan
in `sourceAttachment`); per recognized item a recognition record (a `Basic`, shape in
docs/fhir-profile.md); and a Provenance naming who did what.

Every resource carries an identifier derived from the client-made order id and is created
with `ifNoneExist` on it; the Provenance, which has no identifier element, is PUT under a
client-made id. Sending the same transaction twice therefore leaves exactly one of each.
"""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime

from app.domain.catalogue import CatalogueItem
from app.domain.models import LOINC_SYSTEM
from app.domain.repeat_orders import REPEAT_REASON_SYSTEM, ConsentMethod, ItemDecision, Order
from app.platform.order_store import order_from_dict, order_to_dict  # the one serialization of an order

ORDER_SYSTEM = "https://fhir.huren.cn/sid/order-item"
CONSENT_SYSTEM = "https://fhir.huren.cn/sid/order-consent"
RECOGNITION_SYSTEM = "https://fhir.huren.cn/sid/recognition"
PENDING_SYSTEM = "https://fhir.huren.cn/sid/order-awaiting-consent"
#: record-type codes of the shared worklist entry: waiting, then done.
AWAITING_CONSENT, CONSENT_RECORDED = "awaiting-consent", "consent-recorded"
RECORD_TYPE_SYSTEM = "https://fhir.huren.cn/CodeSystem/record-type"
CATALOGUE_SYSTEM = "https://fhir.huren.cn/CodeSystem/recognition-item"
CONSENT_METHOD_SYSTEM = "https://fhir.huren.cn/CodeSystem/consent-method"
EXT = "https://fhir.huren.cn/StructureDefinition/"

#: Namespace for the Provenance's client-made id (uuid5 of the order id: the same on every resend).
_PROVENANCE_NS = uuid.UUID("6f0b8a4e-3c1d-4e8e-9a51-2b7d0c6f1a90")


def pending_transaction(order: Order) -> dict:
    """An order awaiting consent, published so that any nurse of the department can pick it up.

    A `Basic` whose code says "awaiting-consent" and which carries the whole order (JSON as an
    attachment): the nurse's workstation needs exactly what the physician's had to explain it.
    """
    basic = _worklist_entry(order, AWAITING_CONSENT)
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [_conditional(f"urn:uuid:{uuid.uuid5(_PROVENANCE_NS, order.id + '/pending')}", basic,
                                   PENDING_SYSTEM, order.id)]}


def _worklist_entry(order: Order, state: str) -> dict:
    content = json.dumps(order_to_dict(order), ensure_ascii=False).encode("utf-8")
    return {
        "resourceType": "Basic",
        "identifier": [{"system": PENDING_SYSTEM, "value": order.id}],
        "code": {"coding": [{"system": RECORD_TYPE_SYSTEM, "code": state}]},
        "subject": _ref("Patient", order.patient_id, order.patient_name),
        "created": order.created_at.date().isoformat(),
        "author": _ref("Practitioner", order.requester.practitioner_id, order.requester.name),
        "extension": [
            {"url": EXT + "order-organization", "valueReference": _ref("Organization", order.requester.organization_id)},
            {"url": EXT + "order-content", "valueAttachment": {
                "contentType": "application/json", "data": base64.b64encode(content).decode("ascii")}},
        ],
    }


def order_from_worklist_entry(basic: dict) -> Order:
    """The order inside a shared worklist entry (raises ValueError for a malformed one)."""
    for ext in basic.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT + "order-content":
            try:
                return order_from_dict(json.loads(base64.b64decode(ext["valueAttachment"]["data"])))
            except (KeyError, TypeError, ValueError) as e:
                raise ValueError(f"unreadable order in worklist entry: {e}") from None
    raise ValueError("worklist entry without an order")


def order_transaction(order: Order, items: dict[str, CatalogueItem]) -> dict:
    """The transaction Bundle for a finished order (state READY)."""
    entries: list[dict] = []
    request_urls: list[str] = []
    for d in order.repeats:
        url = f"urn:uuid:{uuid.uuid5(_PROVENANCE_NS, order.id + '/sr/' + d.item_code)}"
        request_urls.append(url)
        entries.append(_conditional(url, _service_request(order, d, items[d.item_code]), ORDER_SYSTEM,
                                    f"{order.id}/{d.item_code}"))
    consent_url = ""
    if order.consent is not None:
        consent_url = f"urn:uuid:{uuid.uuid5(_PROVENANCE_NS, order.id + '/consent')}"
        entries.append(_conditional(consent_url, _consent(order, request_urls), CONSENT_SYSTEM, order.id))
    recognition_urls = []
    for d in order.recognitions:
        url = f"urn:uuid:{uuid.uuid5(_PROVENANCE_NS, order.id + '/rec/' + d.item_code)}"
        recognition_urls.append(url)
        entries.append(_conditional(url, _recognition(order, d, items[d.item_code]), RECOGNITION_SYSTEM,
                                    f"{order.id}/{d.item_code}"))
    if order.consent is not None:
        # Off the shared worklist: the entry (if it was published) now says the consent is recorded.
        entries.append({"resource": _worklist_entry(order, CONSENT_RECORDED),
                        "request": {"method": "PUT", "url": f"Basic?identifier={PENDING_SYSTEM}|{order.id}"}})
    provenance_id = str(uuid.uuid5(_PROVENANCE_NS, order.id))
    targets = [*request_urls, *([consent_url] if consent_url else []), *recognition_urls]
    entries.append({
        "fullUrl": f"urn:uuid:{provenance_id}",
        "resource": _provenance(order, provenance_id, targets),
        "request": {"method": "PUT", "url": f"Provenance/{provenance_id}"},
    })
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def _conditional(full_url: str, resource: dict, system: str, value: str) -> dict:
    resource["identifier"] = [{"system": system, "value": value}]
    return {"fullUrl": full_url, "resource": resource,
            "request": {"method": "POST", "url": resource["resourceType"],
                        "ifNoneExist": f"identifier={system}|{value}"}}


def _ref(kind: str, rid: str, display: str = "") -> dict:
    out = {"reference": f"{kind}/{rid}"}
    if display:
        out["display"] = display
    return out


def _item_code(item: CatalogueItem) -> dict:
    coding = [{"system": CATALOGUE_SYSTEM, "code": item.code, "display": item.name_zh}]
    coding += [{"system": LOINC_SYSTEM, "code": c} for c in item.loinc[:1]]
    return {"coding": coding, "text": item.name_zh}


def _time(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _prior_reference(prior_key: str | None) -> dict:
    """Decisions name the prior as 'source:id' (an Observation on its own platform) or, for a
    report that came only as its printed page, 'source:Type/id'."""
    rid = prior_key.split(":", 1)[1] if prior_key and ":" in prior_key else (prior_key or "")
    return {"reference": rid} if "/" in rid else _ref("Observation", rid)


def _service_request(order: Order, d: ItemDecision, item: CatalogueItem) -> dict:
    assert d.reason is not None, "a repeat without a reason never reaches the records"
    resource = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "108252007",
                                  "display": "Laboratory procedure"}]}],
        "code": _item_code(item),
        "subject": _ref("Patient", order.patient_id, order.patient_name),
        "authoredOn": _time(order.created_at),
        "requester": _ref("Practitioner", order.requester.practitioner_id, order.requester.name),
        "reasonCode": [{"coding": [{"system": REPEAT_REASON_SYSTEM, "code": d.reason.value}],
                        "text": d.note or d.reason.value}],
        "extension": [{"url": EXT + "repeat-fee", "valueMoney": {"value": item.price_yuan, "currency": "CNY"}}],
    }
    notes = [n for n in (d.note, order.clinical_note) if n]
    if notes:
        resource["note"] = [{"text": n} for n in notes]
    if d.prior_result:
        resource["supportingInfo"] = [_prior_reference(d.prior_result)]
    return resource


def _consent(order: Order, request_urls: list[str]) -> dict:
    c = order.consent
    assert c is not None
    who = _ref("Patient", order.patient_id, order.patient_name) if c.relationship == "self" else \
        {"display": f"{c.signer_name}（{c.relationship}）"}
    resource = {
        "resourceType": "Consent",
        "status": "active" if c.consented else "rejected",
        "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
                              "code": "treatment"}]},
        "category": [{"coding": [{"system": LOINC_SYSTEM, "code": "59284-0", "display": "Patient Consent"}]}],
        "patient": _ref("Patient", order.patient_id, order.patient_name),
        "dateTime": _time(c.recorded_at),
        "performer": [who],
        "organization": [_ref("Organization", c.recorded_by.organization_id)],
        "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}],
                       "text": "检查检验结果互认：复查知情同意"},
        "verification": [{"verified": True, "verificationDate": _time(c.recorded_at)}],
        "provision": {
            "type": "permit" if c.consented else "deny",
            "actor": [{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                            "code": "PPRF"}]},
                       "reference": _ref("Practitioner", c.recorded_by.practitioner_id, c.recorded_by.name)}],
            "data": [{"meaning": "related", "reference": {"reference": url}} for url in request_urls],
        },
        "extension": [
            {"url": EXT + "consent-method", "valueCoding": {"system": CONSENT_METHOD_SYSTEM, "code": c.method.value}},
            {"url": EXT + "consent-explained", "valueString": c.explained},
        ],
    }
    if not request_urls:
        del resource["provision"]["data"]
    if c.witness:
        resource["extension"].append({"url": EXT + "consent-witness", "valueString": c.witness})
    if c.attachment:
        title = "签名" if c.method is ConsentMethod.DRAWN_SIGNATURE else "知情同意书扫描件"
        resource["sourceAttachment"] = {"contentType": c.attachment_type or "image/png",
                                        "data": base64.b64encode(c.attachment).decode("ascii"),
                                        "title": title, "creation": _time(c.recorded_at)}
    return resource


def _recognition(order: Order, d: ItemDecision, item: CatalogueItem) -> dict:
    return {
        "resourceType": "Basic",
        "code": {"coding": [{"system": RECORD_TYPE_SYSTEM, "code": "recognition",
                             "display": "检查检验结果互认"}]},
        "subject": _ref("Patient", order.patient_id, order.patient_name),
        "created": order.created_at.date().isoformat(),
        "author": _ref("Practitioner", order.requester.practitioner_id, order.requester.name),
        "extension": [
            {"url": EXT + "recognized-item", "valueCoding": {"system": CATALOGUE_SYSTEM, "code": item.code,
                                                             "display": item.name_zh}},
            {"url": EXT + "recognized-result", "valueReference": _prior_reference(d.prior_result)},
            {"url": EXT + "recognized-at", "valueDateTime": _time(order.created_at)},
            {"url": EXT + "fee-saved", "valueMoney": {"value": item.price_yuan, "currency": "CNY"}},
        ],
    }


def _provenance(order: Order, provenance_id: str, targets: list[str]) -> dict:
    agents = [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                    "code": "author"}]},
               "who": _ref("Practitioner", order.requester.practitioner_id, order.requester.name),
               "onBehalfOf": _ref("Organization", order.requester.organization_id)}]
    if order.consent is not None:
        nurse = order.consent.recorded_by
        agents.append({"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                            "code": "enterer"}]},
                       "who": _ref("Practitioner", nurse.practitioner_id, nurse.name)})
    recorded = order.consent.recorded_at if order.consent else order.created_at
    return {
        "resourceType": "Provenance",
        "id": provenance_id,
        "target": [{"reference": t} for t in targets],
        "recorded": _time(recorded),
        "activity": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-DataOperation",
                                 "code": "CREATE"}], "text": "互认决定与复查知情同意"},
        "agent": agents,
    }
