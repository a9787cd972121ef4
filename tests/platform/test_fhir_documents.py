"""Printed reports from FHIR: presentedForm and DocumentReference, mapped without any server."""

from __future__ import annotations

import base64
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.models import MAX_DOCUMENT_BYTES
from app.platform.fhir.documents import document_from_attachment, is_lab_document, with_documents
from app.platform.fhir.lab_reports import reports_from_resources
from app.platform.fhir.mapping import MappingError

TZ = ZoneInfo("Asia/Shanghai")
PDF = b"%PDF-1.4 a printed report"
LAB = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "LAB"}]}
HBA1C = {"coding": [{"system": "http://loinc.org", "code": "4548-4"}], "text": "糖化血红蛋白"}
ORG = {"resourceType": "Organization", "id": "h1", "name": "淄博市般阳医院",
       "identifier": [{"system": ORGANIZATION_SYSTEM, "value": "12370300495126385E"}]}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def report(rid: str = "r1", **extra) -> dict:
    return {"resourceType": "DiagnosticReport", "id": rid, "status": "final", "category": [LAB], "code": HBA1C,
            "effectiveDateTime": "2026-11-02T08:07:00+08:00", "performer": [{"reference": "Organization/h1"}],
            **extra}


def reference(rid: str = "d1", **extra) -> dict:
    return {"resourceType": "DocumentReference", "id": rid, "status": "current", "docStatus": "final",
            "type": HBA1C, "category": [LAB], "subject": {"reference": "Patient/p1"},
            "date": "2026-11-02T11:00:00+08:00", "author": [{"reference": "Organization/h1"}],
            "content": [{"attachment": {"contentType": "application/pdf", "data": b64(PDF),
                                        "title": "糖化血红蛋白.pdf"}}],
            "context": {"period": {"start": "2026-11-02T08:07:00+08:00"}}, **extra}


def chart(reports: list[dict], documents: list[dict]):
    mapped, _ = reports_from_resources([*reports, ORG], "s", TZ)
    return with_documents(mapped, reports, [*documents, ORG], "s", TZ)


def test_a_report_with_only_its_presented_form_is_a_document_only_report():
    (r,), skipped = chart([report(presentedForm=[{"contentType": "application/pdf", "data": b64(PDF),
                                                  "title": "报告单.pdf"}])], [])
    assert not skipped.problems
    assert r.document_only and r.resource_type == "DiagnosticReport"
    (d,) = r.documents
    assert (d.data, d.media_type, d.title, d.size, d.is_pdf) == (PDF, "application/pdf", "报告单.pdf", len(PDF), True)
    assert r.hospital.name == "淄博市般阳医院" and r.codes[0].code == "4548-4"


def test_plain_text_findings_are_not_a_document_and_bad_base64_is_skipped_not_fatal():
    forms = [{"contentType": "text/plain", "data": b64("所见".encode())},
             {"contentType": "application/pdf", "data": "not base64!!"},
             {"contentType": "image/png", "url": "Binary/png1"}]
    (r,), skipped = chart([report(presentedForm=forms)], [])
    assert [(d.media_type, d.url) for d in r.documents] == [("image/png", "Binary/png1")]
    assert len(skipped.problems) == 1 and "presentedForm[1]" in skipped.problems[0]


def test_inline_data_over_the_cap_is_not_decoded_but_remembered_as_too_large():
    huge = "A" * (MAX_DOCUMENT_BYTES * 4 // 3 + 400)
    d = document_from_attachment({"contentType": "application/pdf", "data": huge})
    assert d.data is None and d.byte_size > MAX_DOCUMENT_BYTES
    with pytest.raises(MappingError):
        document_from_attachment({"contentType": "application/pdf"})


def test_a_lab_document_reference_alone_is_listed_with_hospital_date_and_code():
    reports, skipped = chart([], [reference()])
    assert not skipped.problems
    (r,) = reports
    assert r.document_only and r.reference == "DocumentReference/d1"
    assert r.name == "糖化血红蛋白" and r.codes[0].code == "4548-4" and r.status == "final"
    assert r.effective == datetime(2026, 11, 2, 8, 7, tzinfo=TZ)   # the specimen's time, not the reference's
    assert r.hospital.identifier.value == "12370300495126385E"
    assert r.documents[0].data == PDF


def test_the_author_is_the_issuer_before_the_custodian_and_date_stands_in_for_the_period():
    platform = {"resourceType": "Organization", "id": "repo", "name": "区域平台文档库"}
    doc = reference(custodian={"reference": "Organization/repo"}, context={})
    mapped, _ = with_documents([], [], [doc, ORG, platform], "s", TZ)
    assert mapped[0].hospital.name == "淄博市般阳医院"
    assert mapped[0].effective == datetime(2026, 11, 2, 11, 0, tzinfo=TZ)
    only_custodian = reference(author=[], custodian={"reference": "Organization/h1"})
    assert with_documents([], [], [only_custodian, ORG], "s", TZ)[0][0].hospital.name == "淄博市般阳医院"


def test_a_reference_to_a_listed_report_is_attached_to_it_not_listed_twice():
    printed = report(presentedForm=[{"contentType": "application/pdf", "data": b64(PDF)}])
    same = reference(context={"related": [{"reference": "DiagnosticReport/r1"}]})
    other_pdf = reference("d2", content=[{"attachment": {"contentType": "image/jpeg", "url": "Binary/j1"}}],
                          context={"related": [{"reference": "DiagnosticReport/r1"}]})
    (r,), _ = chart([printed], [same, other_pdf])
    assert r.reference == "DiagnosticReport/r1"
    assert [(d.media_type, d.data is not None) for d in r.documents] == [("application/pdf", True),
                                                                          ("image/jpeg", False)]


def test_a_reference_to_a_report_with_results_adds_its_original():
    obs = {"resourceType": "Observation", "id": "o1", "status": "final", "code": HBA1C,
           "valueQuantity": {"value": 8.1, "unit": "%"}}
    structured = report(result=[{"reference": "Observation/o1"}])
    mapped, _ = reports_from_resources([structured, obs, ORG], "s", TZ)
    (r,), _ = with_documents(mapped, [structured], [reference(context={"related": [
        {"reference": "DiagnosticReport/r1"}]}), ORG], "s", TZ)
    assert len(r.results) == 1 and len(r.documents) == 1 and not r.document_only


def test_what_is_not_a_lab_report_or_not_current_is_left_out():
    note = reference("n1", category=[{"coding": [{"system": "http://hl7.org/fhir/us/core/CodeSystem/us-core-"
                                                            "documentreference-category", "code": "clinical-note"}]}],
                     type={"coding": [{"system": "http://loinc.org", "code": "11506-3"}], "text": "Progress note"})
    superseded = reference("old", status="superseded")
    typed_only = reference("t1", category=[], type={"coding": [{"system": "http://loinc.org", "code": "11502-2"}]})
    reports, _ = chart([], [note, superseded, typed_only])
    assert [r.key.id for r in reports] == ["t1"]
    assert not is_lab_document(note) and is_lab_document(typed_only)


def test_a_reference_without_doc_status_is_not_taken_as_final():
    doc = reference()
    del doc["docStatus"]
    (r,), _ = chart([], [doc])
    assert r.status == "unknown" and not r.is_final


def test_a_reference_without_readable_content_is_skipped_and_counted():
    empty = reference("e1", content=[{"attachment": {"contentType": "application/pdf"}}])
    reports, skipped = chart([], [empty])
    assert reports == [] and len(skipped.problems) == 2   # the attachment, then the reference itself
