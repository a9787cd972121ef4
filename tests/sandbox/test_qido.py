"""QIDO-RS query parsing and matching, without a server: the DICOM matching rules one by one."""

from __future__ import annotations

import pytest

from app.sandbox.dicom_attributes import INSTANCE, SERIES, STUDY
from app.sandbox.qido import MAX_LIMIT, BadQuery, parse_query

STUDY_ROW = {
    "00080020": {"vr": "DA", "Value": ["20261031"]},
    "00080030": {"vr": "TM", "Value": ["093015"]},
    "00080050": {"vr": "SH", "Value": ["CT202610310042"]},
    "00080061": {"vr": "CS", "Value": ["CT", "SR"]},
    "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Zhang^Wei", "Ideographic": "张^伟"}]},
    "00100020": {"vr": "LO", "Value": ["QY62659233"]},
    "0020000D": {"vr": "UI", "Value": ["1.2.3.4"]},
    "00201208": {"vr": "IS", "Value": [301]},
}


def matches(query: str, row: dict = STUDY_ROW, level: str = STUDY) -> bool:
    pairs = [tuple(p.split("=", 1)) for p in query.split("&")]
    return parse_query(pairs, level).matches(row)


@pytest.mark.parametrize("query", [
    "PatientName=张伟", "PatientName=张^伟", "PatientName=张*", "PatientName=*伟", "PatientName=zhang^wei",
    "PatientName=ZHANG*", "PatientName=Zhang?Wei", "PatientName=*",
])
def test_person_names_match_any_group_case_insensitively(query: str) -> None:
    assert matches(query)


@pytest.mark.parametrize("query", ["PatientName=张", "PatientName=王*", "PatientName=Zhang", "PatientName=伟*"])
def test_person_names_need_the_whole_name_or_a_wildcard(query: str) -> None:
    assert not matches(query)


@pytest.mark.parametrize(("query", "expected"), [
    ("StudyDate=20261031", True), ("StudyDate=20261030", False),
    ("StudyDate=20261001-20261031", True), ("StudyDate=20261101-20261130", False),
    ("StudyDate=-20261031", True), ("StudyDate=20261031-", True), ("StudyDate=20261101-", False),
    ("StudyTime=09", True), ("StudyTime=0930-0931", True), ("StudyTime=1000-", False),
    ("StudyTime=093015", True), ("StudyTime=-0929", False),
])
def test_dates_and_times_single_or_range(query: str, expected: bool) -> None:
    assert matches(query) is expected


@pytest.mark.parametrize("query", ["StudyDate=2026-10-31", "StudyDate=20261331", "StudyDate=2026",
                                   "StudyDate=-", "StudyDate=1-2-3", "StudyTime=2500", "StudyTime=9"])
def test_malformed_dates_and_times_are_bad_queries(query: str) -> None:
    with pytest.raises(BadQuery):
        matches(query)


def test_uid_lists_and_modalities() -> None:
    assert matches("StudyInstanceUID=9.9,1.2.3.4")
    assert matches("StudyInstanceUID=9.9\\1.2.3.4")
    assert not matches("StudyInstanceUID=1.2.3")
    assert matches("ModalitiesInStudy=MR,CT") and matches("ModalitiesInStudy=ct")
    assert not matches("ModalitiesInStudy=US")
    with pytest.raises(BadQuery):
        matches("StudyInstanceUID=not-a-uid")


def test_tags_keywords_numbers_and_plain_strings() -> None:
    assert matches("00100020=QY62659233") and matches("00100020=QY*")
    assert not matches("PatientID=qy62659233")  # LO matches case-sensitively
    assert matches("AccessionNumber=CT2026*") and matches("NumberOfStudyRelatedInstances=301")
    with pytest.raises(BadQuery):
        matches("NumberOfStudyRelatedInstances=many")


def test_unknown_keys_are_refused_and_unkept_dicom_keys_ignored() -> None:
    with pytest.raises(BadQuery):
        parse_query([("Nonsense", "1")], STUDY)
    query = parse_query([("PatientWeight", "70"), ("00081032.00080100", "X"), ("fuzzymatching", "true")], STUDY)
    assert query.filters == [] and query.ignored == ["PatientWeight", "00081032.00080100"]


def test_keys_of_a_lower_level_are_ignored_at_the_study_level() -> None:
    query = parse_query([("Modality", "CT")], STUDY)
    assert query.filters == [] and query.ignored == ["Modality"]
    assert parse_query([("Modality", "CT"), ("PatientID", "X")], SERIES).filters


def test_returned_attributes_defaults_includefield_and_all() -> None:
    row = {**STUDY_ROW, "00101010": {"vr": "AS", "Value": ["058Y"]}}
    plain = parse_query([], STUDY).returned(row)
    assert "00101010" not in plain and "0020000D" in plain and list(plain) == sorted(plain)
    assert "00101010" in parse_query([("includefield", "PatientAge")], STUDY).returned(row)
    assert "00101010" in parse_query([("includefield", "00101010,StudyID")], STUDY).returned(row)
    assert "00101010" in parse_query([("includefield", "all")], STUDY).returned(row)
    assert "00101010" in parse_query([("PatientAge", "")], STUDY).returned(row)  # an empty key asks for it


def test_paging_values() -> None:
    query = parse_query([("limit", "2"), ("offset", "1")], INSTANCE)
    assert query.page(list(range(5))) == [1, 2]
    assert parse_query([("limit", str(10 * MAX_LIMIT))], STUDY).limit == MAX_LIMIT
    for bad in (("limit", "-1"), ("offset", "x"), ("limit", "")):
        with pytest.raises(BadQuery):
            parse_query([bad], STUDY)
