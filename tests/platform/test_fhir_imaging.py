"""ImagingStudy + imaging report mapping: what the Images tab and the badge read."""

from __future__ import annotations

import base64
from zoneinfo import ZoneInfo

from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.imaging import IMAGING_ITEM_SYSTEM
from app.platform.fhir.imaging_studies import studies_from_resources

TZ = ZoneInfo("Asia/Shanghai")
BASE = "http://127.0.0.1:8123/fhir"


ENDPOINT = {"resourceType": "Endpoint", "id": "ep1", "status": "active", "address": "/dicom-web",
            "connectionType": {"system": "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                               "code": "dicom-wado-rs"}}
ORG = {"resourceType": "Organization", "id": "org1", "name": "一院",
       "identifier": [{"system": ORGANIZATION_SYSTEM, "value": "12370000ABC"}]}


def _study(sid="s1", **extra):
    return {"resourceType": "ImagingStudy", "id": sid, "status": "available",
            "identifier": [{"system": "urn:dicom:uid", "value": "urn:oid:1.2.3.4"}],
            "started": "2026-11-01T10:20:00+08:00",
            "modality": [{"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "CT"}],
            "numberOfInstances": 300, "description": "胸部CT平扫",
            "endpoint": [{"reference": "Endpoint/ep1"}],
            "series": [{"uid": "1.2.3.4.1", "number": 2, "numberOfInstances": 300,
                        "modality": {"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "CT"},
                        "bodySite": {"system": "http://snomed.info/sct", "code": "51185008", "display": "Chest"},
                        "performer": [{"actor": {"reference": "Organization/org1"}}]}], **extra}


def _report(status="final"):
    return {"resourceType": "DiagnosticReport", "id": "r1", "status": status,
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "RAD"}]}],
            "performer": [{"reference": "Organization/org1"}], "imagingStudy": [{"reference": "ImagingStudy/s1"}],
            "issued": "2026-11-01T15:00:00+08:00", "conclusion": "右肺上叶结节",
            "presentedForm": [{"contentType": "text/plain; charset=utf-8",
                               "data": base64.b64encode("两肺纹理清晰".encode()).decode()}]}


def test_study_joins_its_report_endpoint_and_derived_item_code():
    studies, skipped = studies_from_resources([_study(), ENDPOINT], [_report(), ORG], "p", BASE, TZ)
    assert not skipped
    (s,) = studies
    assert s.uid == "1.2.3.4"
    assert s.dicomweb_base == "http://127.0.0.1:8123/dicom-web"
    assert s.modalities == ("CT",) and s.body_parts == ("CHEST",)
    assert any(c.system == IMAGING_ITEM_SYSTEM and c.code == "CT:CHEST" for c in s.codes)
    assert s.hospital.identifier.value == "12370000ABC"
    assert (s.report_status, s.conclusion, s.findings) == ("final", "右肺上叶结节", "两肺纹理清晰")
    assert s.has_final_report


def test_study_without_report_takes_the_series_performer_and_says_no_report():
    studies, _ = studies_from_resources([_study(), ENDPOINT], [ORG], "p", BASE, TZ)
    (s,) = studies
    assert s.hospital.name == "一院" and s.report_status == "" and not s.has_final_report


def test_study_without_uid_is_skipped_and_counted():
    bad = _study("s2", identifier=[])
    studies, skipped = studies_from_resources([_study(), bad, ENDPOINT], [], "p", BASE, TZ)
    assert [s.key.id for s in studies] == ["s1"]
    assert len(skipped) == 1 and "Study Instance UID" in skipped.problems[0]


def test_absolute_endpoint_address_is_kept_and_inactive_one_ignored():
    absolute = dict(ENDPOINT, address="https://pacs.example.cn/dicom-web")
    (s,), _ = studies_from_resources([_study(), absolute], [], "p", BASE, TZ)
    assert s.dicomweb_base == "https://pacs.example.cn/dicom-web"
    off = dict(ENDPOINT, status="off")
    (s,), _ = studies_from_resources([_study(), off], [], "p", BASE, TZ)
    assert s.dicomweb_base is None
