from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.identity import RESIDENT_ID_SYSTEM
from app.platform.fhir.administration import patient_from_fhir
from app.platform.fhir.lab_reports import reports_from_resources
from app.platform.fhir.mapping import MappingError

TZ = ZoneInfo("Asia/Shanghai")


def test_chinese_name_without_text_is_family_then_given():
    p = patient_from_fhir({"resourceType": "Patient", "id": "1", "name": [{"family": "欧阳", "given": ["娜娜"]}],
                           "gender": "female", "birthDate": "1990-02-03",
                           "identifier": [{"system": RESIDENT_ID_SYSTEM, "value": "11010519491231002X"}]}, "s")
    assert p.name == "欧阳娜娜"
    assert p.birth_date == date(1990, 2, 3)
    assert p.resident_id == "11010519491231002X"


def test_western_name_is_given_then_family():
    p = patient_from_fhir({"resourceType": "Patient", "id": "1", "name": [{"family": "Smith", "given": ["Ann"]}]}, "s")
    assert p.name == "Ann Smith"


def test_patient_without_id_is_refused():
    with pytest.raises(MappingError):
        patient_from_fhir({"resourceType": "Patient"}, "s")


def test_malformed_observations_are_skipped_and_counted_not_fatal():
    good = {"resourceType": "Observation", "id": "o1", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}], "text": "钾"},
            "effectiveDateTime": "2026-11-01T08:00:00+08:00",
            "valueQuantity": {"value": 4.1, "unit": "mmol/L"},
            "referenceRange": [{"low": {"value": 3.5}, "high": {"value": 5.3}}],
            "interpretation": [{"coding": [{"code": "N"}]}]}
    no_value = {"resourceType": "Observation", "id": "o2", "status": "final",
                "code": {"text": "钠"}, "valueQuantity": {"value": "high"}}
    bad_date = {"resourceType": "Observation", "id": "o3", "status": "final",
                "code": {"text": "氯"}, "effectiveDateTime": "yesterday", "valueQuantity": {"value": 100}}
    report = {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "电解质"},
              "effectiveDateTime": "2026-11-01", "performer": [{"reference": "Organization/h1"}],
              "result": [{"reference": "Observation/o1"}, {"reference": "Observation/o2"},
                         {"reference": "Observation/o3"}, {"reference": "Observation/missing"}]}
    broken_report = {"resourceType": "DiagnosticReport", "status": "final"}
    org = {"resourceType": "Organization", "id": "h1", "name": "医院甲"}
    reports, skipped = reports_from_resources([report, good, no_value, bad_date, org, broken_report], "s", TZ)
    assert len(reports) == 1
    (r,) = reports
    assert [x.key.id for x in r.results] == ["o1"]
    assert r.results[0].value == 4.1 and r.results[0].reference_range.display() == "3.5–5.3"
    assert r.hospital.name == "医院甲"
    assert r.effective == datetime(2026, 11, 1, tzinfo=TZ)  # a date alone takes the site's zone
    assert len(skipped) == 3   # o2, o3 and the report without an id: unreadable
    assert any("o2" in p and "numeric" in p for p in skipped.problems)
    # a record not at hand is not "unreadable": the search that should have brought it counts it
    assert [m.split(":")[0] for m in skipped.missing] == ["Observation/missing"]


def test_an_administrators_practitioner_role_reads_back_as_admin():
    from app.domain.staff import STAFF_ROLE_SYSTEM, Role
    from app.platform.fhir.administration import staff_from_resources
    from app.platform.fhir.mapping import Skipped
    from app.sandbox.demo_staff import staff_resources

    role = {"resourceType": "PractitionerRole", "id": "r-admin", "practitioner": {"reference": "Practitioner/p"},
            "organization": {"reference": "Organization/o"},
            "code": [{"coding": [{"system": STAFF_ROLE_SYSTEM, "code": "admin"}]}]}
    skipped = Skipped()
    assert [s.role for s in staff_from_resources([role], skipped)] == [Role.ADMIN] and not len(skipped)
    # The demo's administrator, as the demo platform serves him.
    staff = staff_from_resources([*staff_resources()], skipped)
    admin = next(s for s in staff if s.practitioner_id == "prac-sl-liuqiang")
    assert (admin.role, admin.name, admin.department, admin.staff_number) == (Role.ADMIN, "刘强", "信息科", "SL0901")
    assert admin.reads_audit_trail and not admin.reads_recognition_figures and not admin.is_physician
    assert not len(skipped)
