"""Two identifiers, never a name alone: the identity an order keeps and its short number."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from app.domain.identification import ORDER_NUMBER_ALPHABET, PatientIdentity, identity_of, order_number
from app.domain.identity import MRN_SYSTEM_PREFIX, RESIDENT_ID_SYSTEM, check_digit
from app.domain.models import Identifier, Patient, RecordKey

FIRST17 = "37010219680302123"
RESIDENT_ID = FIRST17 + check_digit(FIRST17)


def record(source: str, **changes) -> Patient:
    base = Patient(RecordKey(source, "pat-1"), "张伟", "male", date(1968, 3, 2), identifiers=(
        Identifier(RESIDENT_ID_SYSTEM, RESIDENT_ID), Identifier(MRN_SYSTEM_PREFIX + "org-sdsl", "SL48213377"),
        Identifier(MRN_SYSTEM_PREFIX + "org-jnqy", "QY11112222")))
    return replace(base, **changes)


def test_the_order_number_is_short_readable_and_the_same_on_every_workstation():
    number = order_number("0f7c2a61-9a55-4b7e-8c1d-3a9e5b2d4c10", date(2026, 11, 20))
    assert re.fullmatch(r"20261120-[0-9A-Z]{6}", number)
    assert not set(number[9:]) - set(ORDER_NUMBER_ALPHABET)          # no I, L, O or U to misread
    assert number == order_number("0f7c2a61-9a55-4b7e-8c1d-3a9e5b2d4c10", date(2026, 11, 20))
    numbers = {order_number(f"order-{n}", date(2026, 11, 20)) for n in range(2000)}
    assert len(numbers) >= 1999   # a day's orders (30 bits each): a shared number is rare, not routine


def test_the_identity_of_a_person_takes_the_ordering_hospitals_record_number_and_masks_the_id():
    who = identity_of([record("demo")], "org-sdsl")
    assert who == PatientIdentity("张伟", "male", date(1968, 3, 2), "370102********" + RESIDENT_ID[-4:],
                                  record_number="SL48213377")
    assert RESIDENT_ID not in repr(who) and RESIDENT_ID not in str(who.to_dict())
    assert identity_of([record("demo")], "org-whdh").record_number == ""    # no number at that hospital
    assert who.age_on(date(2026, 3, 1)) == 57 and who.age_on(date(2026, 3, 2)) == 58
    assert who.second_identifiers == ("1968-03-02", who.masked_resident_id, "SL48213377")


def test_what_one_source_leaves_out_another_gives():
    sparse = record("a", gender="unknown", birth_date=None, identifiers=())
    who = identity_of([sparse, record("b")], "org-jnqy", outpatient_number=" MZ2026112000017 ")
    assert (who.name, who.sex, who.birth_date) == ("张伟", "male", date(1968, 3, 2))
    assert who.masked_resident_id.endswith(RESIDENT_ID[-4:]) and who.record_number == "QY11112222"
    assert who.outpatient_number == "MZ2026112000017"
    with pytest.raises(ValueError):
        identity_of([], "org-jnqy")


def test_a_whole_resident_id_is_never_kept_and_the_identity_round_trips():
    with pytest.raises(ValueError, match="masked"):
        PatientIdentity("张伟", "male", date(1968, 3, 2), RESIDENT_ID)
    who = identity_of([record("demo")], "org-sdsl", "MZ1")
    assert PatientIdentity.from_dict(who.to_dict()) == who
    bare = PatientIdentity("张伟", "", None)
    assert PatientIdentity.from_dict(bare.to_dict()) == bare and bare.age_on(date(2026, 1, 1)) is None
    with pytest.raises(ValueError):
        PatientIdentity.from_dict({"name": "张伟", "masked_resident_id": RESIDENT_ID})
    with pytest.raises(ValueError):
        PatientIdentity.from_dict({"sex": "male"})
