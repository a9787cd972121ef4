"""An order's decisions as one FHIR transaction: what the platform's supervision reads.

Per repeated item a ServiceRequest (reason as `reasonCode` + `note`, the prior result it did
not recognize in `supportingInfo`); the patient's Consent (with the signature image or scan
in `sourceAttachment`); per recognized item a recognition record (a `Basic`, shape in
docs/fhir-profile.md); and a Provenance naming who did what.

Every resource carries an identifier derived from the client-made order id and is created
with `ifNoneExist` on it; the Provenance, which has no identifier element, is PUT under a
client-made id. Sending the same transaction twice therefore leaves exactly one of each.

The shapes and the profile's systems and URLs are `app.domain.fhir_profile`'s (the sandbox
stores the same ones); this module assembles them into transactions and reads the worklist
entry's order back.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import replace
from datetime import datetime

from app.domain.catalogue import CatalogueItem
from app.domain.fhir_json import identifier_value
from app.domain.fhir_profile import (
    AWAITING_CONSENT,
    CONSENT_RECORDED,
    CONSENT_SYSTEM,
    EXT,
    IDENTITY_PARTS,
    ORDER_SYSTEM,
    PENDING_SYSTEM,
    PROVENANCE_NS,
    RECOGNITION_SYSTEM,
    REVIEW_SYSTEM,
    REVOCATION_SYSTEM,
    consent,
    item_key,
    provenance,
    provenance_id,
    recognition,
    recognition_revocation,
    review_verdict,
    service_request,
    worklist_entry,
)
from app.domain.identification import PatientIdentity
from app.domain.repeat_orders import Order
from app.domain.review_rules import ReviewVerdict
from app.platform.order_store import order_from_dict, order_to_dict  # the one serialization of an order


def pending_transaction(order: Order) -> dict:
    """An order awaiting consent, published so that any nurse of the department can pick it up.

    A `Basic` whose code says "awaiting-consent" and which carries the whole order (JSON as an
    attachment): the nurse's workstation needs exactly what the physician's had to explain it.
    """
    basic = _worklist_entry(order, AWAITING_CONSENT)
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [_conditional(f"urn:uuid:{uuid.uuid5(PROVENANCE_NS, order.id + '/pending')}", basic,
                                   PENDING_SYSTEM, order.id)]}


def _worklist_entry(order: Order, state: str) -> dict:
    return worklist_entry(order, state, json.dumps(order_to_dict(order), ensure_ascii=False).encode("utf-8"))


def order_from_worklist_entry(basic: dict) -> Order:
    """The order inside a shared worklist entry (raises ValueError for a malformed one).

    An order whose content carries no identity (published by another client) takes the one
    of the entry's `patient-identity` extension, so the nurse still sees two identifiers.
    """
    for ext in basic.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT + "order-content":
            try:
                order = order_from_dict(json.loads(base64.b64decode(ext["valueAttachment"]["data"])))
            except (KeyError, TypeError, ValueError) as e:
                raise ValueError(f"unreadable order in worklist entry: {e}") from None
            if order.identity is None:
                order = replace(order, identity=identity_from_worklist_entry(basic))
            return order
    raise ValueError("worklist entry without an order")


def identity_from_worklist_entry(basic: dict) -> PatientIdentity | None:
    """The entry's `patient-identity` extension as a PatientIdentity; None when it has none or it is unreadable."""
    for ext in basic.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT + "patient-identity":
            parts = {p.get("url"): next((v for k, v in p.items() if k.startswith("value")), "")
                     for p in ext.get("extension") or [] if isinstance(p, dict)}
            try:
                return PatientIdentity.from_dict({field: parts.get(url, "") for url, field in IDENTITY_PARTS})
            except ValueError:   # a malformed date, or a whole resident ID: the order shows its name only
                return None
    return None


def order_transaction(order: Order, items: dict[str, CatalogueItem]) -> dict:
    """The transaction Bundle for a finished order (state READY)."""
    entries: list[dict] = []
    request_urls: list[str] = []
    for d in order.repeats:
        url = f"urn:uuid:{uuid.uuid5(PROVENANCE_NS, order.id + '/sr/' + d.item_code)}"
        request_urls.append(url)
        entries.append(_conditional(url, service_request(order, d, items[d.item_code]), ORDER_SYSTEM,
                                    item_key(order, d.item_code)))
    consent_url = ""
    if order.consent is not None:
        consent_url = f"urn:uuid:{uuid.uuid5(PROVENANCE_NS, order.id + '/consent')}"
        entries.append(_conditional(consent_url, consent(order, request_urls), CONSENT_SYSTEM, order.id))
    recognition_urls = []
    for d in order.recognitions:
        url = f"urn:uuid:{uuid.uuid5(PROVENANCE_NS, order.id + '/rec/' + d.item_code)}"
        recognition_urls.append(url)
        entries.append(_conditional(url, recognition(order, d, items[d.item_code]), RECOGNITION_SYSTEM,
                                    item_key(order, d.item_code)))
    if order.consent is not None:
        # Off the shared worklist: the entry (if it was published) now says the consent is recorded.
        entries.append({"resource": _worklist_entry(order, CONSENT_RECORDED),
                        "request": {"method": "PUT", "url": f"Basic?identifier={PENDING_SYSTEM}|{order.id}"}})
    pid = provenance_id(order)
    targets = [*request_urls, *([consent_url] if consent_url else []), *recognition_urls]
    entries.append({
        "fullUrl": f"urn:uuid:{pid}",
        "resource": provenance(order, targets),
        "request": {"method": "PUT", "url": f"Provenance/{pid}"},
    })
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


def revocation_transaction(recognition_record: dict, revoked_at: datetime, reason: str) -> dict:
    """The transaction revoking one recognition record (as sent or as read back from the platform).

    The revocation carries the recognition's own identifier value under its own system and is
    created with `ifNoneExist` on it: resent after a lost answer, it still leaves exactly one.
    Raises ValueError for a record that is not an identified recognition.
    """
    key = identifier_value(recognition_record, RECOGNITION_SYSTEM) or ""
    item = next((e.get("valueCoding") for e in recognition_record.get("extension") or []
                 if isinstance(e, dict) and e.get("url") == EXT + "recognized-item"), None)
    patient, author = recognition_record.get("subject"), recognition_record.get("author")
    if not key or not isinstance(item, dict) or not isinstance(patient, dict) or not isinstance(author, dict):
        raise ValueError("not an identified recognition record")
    basic = recognition_revocation(key, patient, author, item, revoked_at, reason)
    url = f"urn:uuid:{uuid.uuid5(PROVENANCE_NS, key + '/revoke')}"
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [_conditional(url, basic, REVOCATION_SYSTEM, key)]}


def verdict_transaction(verdict: ReviewVerdict) -> dict:
    """The transaction recording a supervisor's verdict on a repeat (a DetectedIssue).

    Identified by the repeat's own identifier value under REVIEW_SYSTEM and created with
    `ifNoneExist` on it: one verdict per repeat, however often the sending is retried.
    """
    url = f"urn:uuid:{uuid.uuid5(PROVENANCE_NS, verdict.record + '/review')}"
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [_conditional(url, review_verdict(verdict), REVIEW_SYSTEM, verdict.record)]}


def _conditional(full_url: str, resource: dict, system: str, value: str) -> dict:
    resource["identifier"] = [{"system": system, "value": value}]
    return {"fullUrl": full_url, "resource": resource,
            "request": {"method": "POST", "url": resource["resourceType"],
                        "ifNoneExist": f"identifier={system}|{value}"}}
