"""Order records read back as decisions, and the staff roles that place them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.catalogue import parse_catalogue
from app.domain.recognition_stats import Outcome
from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, PatientConsent, RepeatReason
from app.domain.staff import ROLE_SYSTEM, STAFF_ROLE_SYSTEM, Role, StaffMember
from app.platform.fhir.administration import staff_from_resources
from app.platform.fhir.decisions import (
    is_recognition,
    is_repeat,
    placed_staff,
    recognition_from_fhir,
    repeat_from_fhir,
)
from app.platform.fhir.mapping import MappingError, Skipped
from app.platform.fhir.records import order_transaction
from app.resources import bundled_catalogue

SH = ZoneInfo("Asia/Shanghai")
ITEMS = parse_catalogue(bundled_catalogue()).items
DOCTOR = StaffMember("prac-1", "李明", Role.PHYSICIAN, "org-sdsl", "山东省立中心医院", "内分泌科")
NURSE = StaffMember("prac-2", "赵静", Role.NURSE, "org-sdsl")
NOW = datetime(2026, 11, 20, 23, 40, tzinfo=SH)


def records() -> list[dict]:
    """What a finished order puts on the platform: a repeat (K) and a recognition (Na)."""
    decisions = (ItemDecision("LAB-K", "demo:obs-1").repeat(RepeatReason.FAST_CHANGING),
                 ItemDecision("LAB-NA", "demo:obs-2"))
    order = Order("o-1", "pat-1", "张伟", DOCTOR, NOW, decisions).submitted().with_consent(PatientConsent(
        True, "张伟", "self", ConsentMethod.VERBAL_WITH_WITNESS, NOW, NURSE, "复查", witness="刘洋"))
    return [e["resource"] for e in order_transaction(order, ITEMS)["entry"]]


def test_what_the_client_writes_reads_back():
    resources = records()
    repeat = next(r for r in resources if is_repeat(r))
    recognition = next(r for r in resources if is_recognition(r))
    assert sum(map(is_repeat, resources)) == 1 and sum(map(is_recognition, resources)) == 1  # not the worklist
    staff = {"prac-1": DOCTOR}
    d = repeat_from_fhir(repeat, staff, ITEMS, SH)
    assert (d.outcome, d.reason, d.item_code, d.fee_fen, d.fee_saved_fen) == (
        Outcome.REPEATED, RepeatReason.FAST_CHANGING, "LAB-K", 400, 0)
    assert (d.hospital_id, d.hospital, d.department, d.doctor, d.record) == (
        "org-sdsl", "山东省立中心医院", "内分泌科", "李明", "o-1/LAB-K")
    r = recognition_from_fhir(recognition, staff, ITEMS, SH)
    assert (r.outcome, r.item_code, r.item_name, r.fee_saved_fen, r.when) == (
        Outcome.RECOGNIZED, "LAB-NA", "钠", 400, NOW)
    assert r.day.isoformat() == "2026-11-20"     # 23:40 in Shanghai is still the 20th


def test_unknown_staff_unknown_reason_and_missing_fee():
    resources = records()
    repeat = next(r for r in resources if is_repeat(r))
    repeat["reasonCode"][0]["coding"][0]["code"] = "insurer-asks"       # not Huren's: still a repeat
    repeat["extension"] = []                                            # no fee: the catalogue's price
    d = repeat_from_fhir(repeat, {}, ITEMS, SH)
    assert d.reason is RepeatReason.OTHER and d.fee_fen == 400
    assert (d.hospital_id, d.doctor) == ("", "李明")                    # the reference's display


@pytest.mark.parametrize("damage", [
    lambda r: r.pop("requester"), lambda r: r.pop("authoredOn"), lambda r: r.update(authoredOn="soon"),
    lambda r: r.update(code={"text": "不明项目"}), lambda r: r.update(identifier=[])])
def test_an_unreadable_repeat_is_refused(damage):
    repeat = next(r for r in records() if is_repeat(r))
    damage(repeat)
    with pytest.raises(MappingError):
        repeat_from_fhir(repeat, {}, ITEMS, SH)


def test_a_physicians_role_places_their_decisions():
    head = StaffMember("prac-1", "李明", Role.DEPARTMENT_HEAD, "org-other", "", "内分泌科")
    assert placed_staff([head, DOCTOR])["prac-1"] is DOCTOR
    assert placed_staff([head])["prac-1"] is head


def role(code: str, system: str | None) -> dict:
    coding = {"code": code} if system is None else {"system": system, "code": code}
    return {"resourceType": "PractitionerRole", "id": f"r-{code}", "practitioner": {"reference": "Practitioner/p"},
            "organization": {"reference": "Organization/o"}, "code": [{"coding": [coding]}]}


@pytest.mark.parametrize(("code", "system", "expected"), [
    ("doctor", ROLE_SYSTEM, Role.PHYSICIAN), ("nurse", ROLE_SYSTEM, Role.NURSE),
    ("department-head", STAFF_ROLE_SYSTEM, Role.DEPARTMENT_HEAD), ("supervisor", STAFF_ROLE_SYSTEM, Role.SUPERVISOR),
    ("supervisor", None, Role.SUPERVISOR),                     # no system: by the code
    ("supervisor", "http://example.org/roles", None),          # someone else's "supervisor"
    ("pharmacist", ROLE_SYSTEM, None),
])
def test_staff_roles(code, system, expected):
    skipped = Skipped()
    staff = staff_from_resources([role(code, system)], skipped)
    assert [s.role for s in staff] == ([expected] if expected else [])
    assert len(skipped) == (0 if expected else 1)
