"""The patient's identity travels with an order awaiting consent, masked, to every nurse's workstation."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.domain.fhir_profile import EXT
from app.domain.identification import PatientIdentity
from app.domain.identity import check_digit
from app.domain.repeat_orders import ItemDecision, Order, OrderState, PriorSummary, RepeatReason
from app.domain.staff import Role, StaffMember
from app.platform.fhir.records import identity_from_worklist_entry, order_from_worklist_entry, pending_transaction
from app.platform.order_store import order_from_dict, order_to_dict

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl", "山东省立医院", "心血管内科")
RESIDENT_ID = "37010219680302123" + check_digit("37010219680302123")
IDENTITY = PatientIdentity("张伟", "male", date(1968, 3, 2), RESIDENT_ID[:6] + "********" + RESIDENT_ID[-4:],
                           record_number="SL48213377", outpatient_number="MZ2026112000017")


def awaiting(identity: PatientIdentity | None = IDENTITY) -> Order:
    prior = PriorSummary("4.1", "mmol/L", "3.5–5.3", "2026-11-02", "青岛市市立医院", "鲁HR", 18, 30)
    potassium = ItemDecision("LAB-K", "demo:obs-1", item_name="钾", fee_yuan=4.0, prior=prior)
    order = Order("order-7d3f2a10", "pat-0001", "张伟", DOCTOR, NOW,
                  (potassium.repeat(RepeatReason.CRUCIAL_ITEM, "择期手术前复查"),), identity=identity).submitted()
    assert order.state is OrderState.AWAITING_CONSENT
    return order


def published_entry(order: Order) -> dict:
    (entry,) = pending_transaction(order)["entry"]
    return entry["resource"]


def extension(resource: dict, name: str) -> dict:
    return next(e for e in resource["extension"] if e["url"] == EXT + name)


def test_the_worklist_entry_carries_the_identity_and_the_order_number_readably():
    order = awaiting()
    basic = published_entry(order)
    assert extension(basic, "order-number")["valueString"] == order.number
    parts = {p["url"]: p for p in extension(basic, "patient-identity")["extension"]}
    assert parts["name"]["valueString"] == "张伟" and parts["gender"]["valueCode"] == "male"
    assert parts["birthDate"]["valueDate"] == "1968-03-02"
    assert parts["maskedResidentId"]["valueString"] == IDENTITY.masked_resident_id
    assert parts["recordNumber"]["valueString"] == "SL48213377"
    assert parts["outpatientNumber"]["valueString"] == "MZ2026112000017"


def test_a_nurse_elsewhere_reads_the_same_identity_and_the_whole_resident_id_is_published_nowhere():
    order = awaiting()
    basic = published_entry(order)
    back = order_from_worklist_entry(json.loads(json.dumps(basic)))   # as it comes back over HTTP
    assert back.identity == IDENTITY and back.number == order.number and back == order
    content = base64.b64decode(extension(basic, "order-content")["valueAttachment"]["data"]).decode("utf-8")
    assert RESIDENT_ID not in json.dumps(basic, ensure_ascii=False) and RESIDENT_ID not in content
    assert IDENTITY.masked_resident_id in content


def test_an_entry_whose_order_has_no_identity_gives_the_extensions():
    """Another client (or an older Huren) may publish the order without it; the nurse still sees two identifiers."""
    basic = published_entry(awaiting())
    bare = order_to_dict(awaiting(identity=None))
    assert bare["identity"] is None
    extension(basic, "order-content")["valueAttachment"]["data"] = base64.b64encode(
        json.dumps(bare).encode("utf-8")).decode("ascii")
    assert order_from_worklist_entry(basic).identity == IDENTITY


def test_an_unreadable_identity_extension_leaves_the_name_only():
    basic = published_entry(awaiting())
    parts = extension(basic, "patient-identity")["extension"]
    next(p for p in parts if p["url"] == "birthDate")["valueDate"] = "1968-13-45"
    assert identity_from_worklist_entry(basic) is None
    whole = published_entry(awaiting())
    next(p for p in extension(whole, "patient-identity")["extension"]
         if p["url"] == "maskedResidentId")["valueString"] = RESIDENT_ID
    assert identity_from_worklist_entry(whole) is None   # a whole ID is refused, not kept
    assert identity_from_worklist_entry({"resourceType": "Basic"}) is None


def test_an_order_stored_before_identities_were_taken_still_reads():
    stored = order_to_dict(awaiting())
    del stored["identity"]
    assert order_from_dict(stored) == replace(awaiting(), identity=None)
