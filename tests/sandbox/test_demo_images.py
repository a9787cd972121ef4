"""The demo's imaging studies: the DICOM files, their FHIR side, and the recognition cases they show.

The files are read from the session's demo platform (tests/conftest.py `demo_platform`);
the clinical constants a viewer test relies on (the beads 100 mm apart, the nodule that
grew) are checked on the pixels themselves.
"""

from __future__ import annotations

import base64
import copy
import io
from collections import Counter
from datetime import date, datetime

import numpy as np
import pydicom
import pytest
import requests

from app.domain.identity import MRN_SYSTEM_PREFIX
from app.domain.imaging import BODY_PARTS, IMAGING_ITEM_SYSTEM, uid_from_identifier
from app.sandbox import demo_data, demo_phantoms
from app.sandbox.demo_hospitals import SHANGHAI
from app.sandbox.demo_images import (
    MARKER_DISTANCE_MM,
    MARKER_INSTANCE_NUMBER,
    MARKER_POINTS_MM,
    MARKER_POINTS_PX,
    NODULE_CENTRE_MM,
    _SeriesEncoder,
)
from app.sandbox.demo_studies import STUDIES, plan, series_uid, study_uid
from app.sandbox.dicom_index import DicomIndex
from tests.conftest import ANCHOR

SEED = 20261122


def uid(key: str) -> str:
    return study_uid(key, SEED, ANCHOR)


def files(index: DicomIndex, key: str, number: int) -> list:
    return index.instances(series_uid=series_uid(key, number, SEED, ANCHOR))


def read(index: DicomIndex, row) -> pydicom.Dataset:
    return pydicom.dcmread(index.absolute(row.path))


@pytest.fixture(scope="module")
def index(demo_platform) -> DicomIndex:
    return demo_platform.dicom


@pytest.fixture(scope="module")
def fhir(demo_platform) -> dict[tuple[str, str], dict]:
    """Every imaging resource of the demo platform, and the Patients and Organizations."""
    found: dict[tuple[str, str], dict] = {}
    for rtype, params in (("ImagingStudy", {"_count": 500}), ("Endpoint", {"_count": 500}),
                          ("DiagnosticReport", {"category": "RAD", "_count": 500}),
                          ("Patient", {"_id": "pat-0001,pat-0002"}), ("Organization", {"_count": 500})):
        bundle = requests.get(f"{demo_platform.fhir_base}/{rtype}", params=params).json()
        found |= {(rtype, e["resource"]["id"]): e["resource"] for e in bundle.get("entry", [])}
    return found


def of_type(fhir: dict, rtype: str) -> list[dict]:
    return [r for (t, _), r in fhir.items() if t == rtype]


def ref(reference: dict) -> tuple[str, str]:
    rtype, rid = reference["reference"].split("/")
    return rtype, rid


# --- the FHIR side agrees with the DICOM -------------------------------------------------------


def test_every_imaging_study_exists_in_dicomweb_with_its_counts(fhir: dict, index: DicomIndex) -> None:
    studies = of_type(fhir, "ImagingStudy")
    assert len(studies) == len(STUDIES)
    for study in studies:
        (dicom_uid,) = [uid_from_identifier(i["value"]) for i in study["identifier"] if i["system"] == "urn:dicom:uid"]
        (row,) = index.studies(dicom_uid)
        assert row.series_count == study["numberOfSeries"] == len(study["series"])
        assert row.instance_count == study["numberOfInstances"]
        for series in study["series"]:
            (stored,) = index.series(dicom_uid, series["uid"])
            assert stored.instance_count == series["numberOfInstances"]
            assert stored.modality == series["modality"]["code"] and stored.number == series["number"]
            assert stored.attrs["00180015"]["Value"][0] == {code: term for term, (code, _) in BODY_PARTS.items()}[
                series["bodySite"]["code"]]
        assert [m["code"] for m in study["modality"]] == list(row.modalities)
        started = datetime.fromisoformat(study["started"])
        assert started.utcoffset().total_seconds() == 8 * 3600
        assert row.attrs["00080020"]["Value"][0] == f"{started:%Y%m%d}"


def test_studies_are_filed_under_the_patients_mrn_at_the_performing_hospital(fhir: dict, index: DicomIndex) -> None:
    for study in of_type(fhir, "ImagingStudy"):
        patient = fhir[ref(study["subject"])]
        organization = ref(study["series"][0]["performer"][0]["actor"])[1]
        mrn = next(i["value"] for i in patient["identifier"] if i["system"] == MRN_SYSTEM_PREFIX + organization)
        (row,) = index.studies(uid_from_identifier(study["identifier"][0]["value"]))
        assert row.attrs["00100020"]["Value"][0] == mrn
        assert row.attrs["00080080"]["Value"][0] == fhir[("Organization", organization)]["name"]
        name = row.attrs["00100010"]["Value"][0]
        assert patient["name"][0]["text"] in (name.get("Alphabetic"), name.get("Ideographic", "").replace("^", ""))


def test_endpoints_one_per_hospital_with_a_relative_address(fhir: dict) -> None:
    endpoints = of_type(fhir, "Endpoint")
    for study in of_type(fhir, "ImagingStudy"):
        (endpoint,) = [fhir[ref(r)] for r in study["endpoint"]]
        performer = ref(study["series"][0]["performer"][0]["actor"])
        assert ref(endpoint["managingOrganization"]) == performer
    assert len({ref(e["managingOrganization"]) for e in endpoints}) == len(endpoints)
    for endpoint in endpoints:
        assert endpoint["status"] == "active" and endpoint["address"] == "/dicom-web"
        assert endpoint["connectionType"] == {
            "system": "http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "code": "dicom-wado-rs"}


def test_each_study_has_one_radiology_report(fhir: dict) -> None:
    reports = of_type(fhir, "DiagnosticReport")
    studies = {("ImagingStudy", s["id"]): s for s in of_type(fhir, "ImagingStudy")}
    assert sorted(ref(r["imagingStudy"][0]) for r in reports) == sorted(studies)
    assert Counter(r["status"] for r in reports) == {"final": len(reports) - 1, "preliminary": 1}
    for report in reports:
        study = studies[ref(report["imagingStudy"][0])]
        assert report["category"][0]["coding"][0]["code"] == "RAD"
        assert report["effectiveDateTime"] == study["started"] < report["issued"]
        assert report["subject"]["reference"] == study["subject"]["reference"]
        assert ref(report["performer"][0]) == ref(study["series"][0]["performer"][0]["actor"])
        assert report["code"]["coding"][0]["system"] == "http://loinc.org" and report["conclusion"]
        (form,) = report["presentedForm"]
        assert form["title"] == "检查所见" and form["language"] == "zh-CN"
        assert "。" in base64.b64decode(form["data"]).decode("utf-8")


def test_lab_searches_do_not_return_imaging_reports(demo_platform) -> None:
    bundle = requests.get(f"{demo_platform.fhir_base}/DiagnosticReport",
                          params={"patient": "pat-0001", "category": "LAB", "_count": 500}).json()
    assert bundle["total"] > 0 and not any(e["resource"]["id"].startswith("rad-") for e in bundle["entry"])


def test_the_client_searches(demo_platform) -> None:
    base = demo_platform.fhir_base
    studies = requests.get(f"{base}/ImagingStudy", params={
        "patient": "pat-0001", "_include": "ImagingStudy:endpoint"}).json()
    kinds = Counter((e["resource"]["resourceType"], e["search"]["mode"]) for e in studies["entry"])
    assert kinds[("ImagingStudy", "match")] == 6 and kinds[("Endpoint", "include")] == 6
    reports = requests.get(f"{base}/DiagnosticReport", params={
        "patient": "pat-0001", "category": "RAD", "_include": "DiagnosticReport:performer"}).json()
    kinds = Counter((e["resource"]["resourceType"], e["search"]["mode"]) for e in reports["entry"])
    assert kinds[("DiagnosticReport", "match")] == 6 and kinds[("Organization", "include")] == 6


# --- the recognition cases ------------------------------------------------------------------


def verdict(study: dict, report: dict, catalogue: dict, fhir: dict) -> str:
    """What the rules should say of a study viewed from Jinan (the demo site)."""
    codes = {(IMAGING_ITEM_SYSTEM, f"{s['modality']['code']}:{BODY_PARTS_BY_CODE[s['bodySite']['code']]}")
             for s in study["series"]}
    (item,) = {i["code"]: i for i in catalogue["items"]
               if codes & {(c["system"], c["code"]) for c in i["local"]}}.values()
    if report["status"] not in ("final", "amended", "corrected"):
        return "preliminary"
    organization = fhir[ref(report["performer"][0])]
    institution = next(i for i in catalogue["institutions"]
                       if i["identifier"]["value"] == organization["identifier"][0]["value"])
    on = datetime.fromisoformat(study["started"]).date()
    qualified = [q for q in institution["qualifications"]
                 if item["category"] in q["categories"] or item["code"] in q["items"]
                 if date.fromisoformat(q["valid_from"]) <= on
                 and (q["valid_to"] is None or on <= date.fromisoformat(q["valid_to"]))]
    if not qualified:
        return "not-qualified"
    if (ANCHOR.astimezone(SHANGHAI).date() - on).days > item["window_days"]:
        return "too-old"
    scope = qualified[0]["scope"]
    region = demo_data.VIEWING_REGION
    covered = {"national": True, "province": region[:2] == scope["region"][:2],
               "city": region[:4] == scope["region"][:4]}[scope["level"]]
    return "recognized" if covered else "out-of-scope"


BODY_PARTS_BY_CODE = {code: term for term, (code, _) in BODY_PARTS.items()}


def test_the_showcase_studies_show_every_verdict(demo_platform, fhir: dict) -> None:
    catalogue = demo_platform.catalogue()
    reports = {ref(r["imagingStudy"][0])[1]: r for r in of_type(fhir, "DiagnosticReport")}
    verdicts = {s["id"]: verdict(s, reports[s["id"]], catalogue, fhir) for s in of_type(fhir, "ImagingStudy")}
    showcase = Counter(v for sid, v in verdicts.items() if sid.startswith("img-0001-"))
    assert showcase == {"recognized": 2, "too-old": 1, "not-qualified": 2, "preliminary": 1}
    hubei = Counter(v for sid, v in verdicts.items() if sid.startswith("img-0002-"))
    assert hubei == {"recognized": 1, "out-of-scope": 1}


# --- the files ------------------------------------------------------------------------------


def test_chest_ct_geometry_and_values(index: DicomIndex) -> None:
    rows = files(index, "zw-ct-chest", 2)
    assert len(rows) == 300
    first, second = read(index, rows[0]), read(index, rows[1])
    assert first.SOPClassUID == "1.2.840.10008.5.1.4.1.1.2" and first.Modality == "CT"
    assert (first.Rows, first.Columns, first.BitsAllocated, first.BitsStored, first.PixelRepresentation) == (
        512, 512, 16, 12, 0)
    assert (first.RescaleSlope, first.RescaleIntercept) == (1, -1024)
    assert [float(v) for v in first.PixelSpacing] == [0.7, 0.7] and float(first.SliceThickness) == 1.0
    assert [float(v) for v in first.ImageOrientationPatient] == [1, 0, 0, 0, 1, 0]
    assert float(second.ImagePositionPatient[2]) - float(first.ImagePositionPatient[2]) == -1.0
    assert float(second.SliceLocation) == float(second.ImagePositionPatient[2])
    assert (float(first.WindowCenter), float(first.WindowWidth)) == (40, 400)
    assert first.StudyDescription == "胸部CT平扫" and first.SpecificCharacterSet == "ISO_IR 192"
    hu = first.pixel_array.astype(int) - 1024
    assert hu.min() >= -1024 and (hu[:20, :] < -900).all()  # air above the body
    middle = read(index, rows[149]).pixel_array.astype(int) - 1024
    assert -900 < np.median(middle[230:280, 120:160]) < -780   # the right lung
    spine = middle[round((72 - demo_phantoms.CHEST_ORIGIN) / 0.7), 256]
    assert spine > 150                                          # a vertebral body (or its disc)


def test_marker_beads_are_100_mm_apart(index: DicomIndex) -> None:
    rows = files(index, "zw-ct-chest", 2)
    ds = read(index, rows[MARKER_INSTANCE_NUMBER - 1])
    assert int(ds.InstanceNumber) == MARKER_INSTANCE_NUMBER
    hu = ds.pixel_array.astype(int) - 1024
    bright = np.argwhere(hu > 1100)
    left, right = bright[bright[:, 1] < 256], bright[bright[:, 1] >= 256]
    centres = [tuple(part.mean(axis=0)) for part in (left, right)]
    for found, expected in zip(centres, MARKER_POINTS_PX, strict=True):
        assert found == pytest.approx(expected, abs=0.15)
    spacing = float(ds.PixelSpacing[0])
    (r1, c1), (r2, c2) = centres
    assert np.hypot(r2 - r1, c2 - c1) * spacing == pytest.approx(MARKER_DISTANCE_MM, abs=0.2)
    x = [float(ds.ImagePositionPatient[0]) + c * spacing for _, c in centres]
    assert x == pytest.approx([p[0] for p in MARKER_POINTS_MM], abs=0.1)
    assert MARKER_DISTANCE_MM == 100.0
    elsewhere = read(index, rows[MARKER_INSTANCE_NUMBER + 10]).pixel_array.astype(int) - 1024
    assert not (elsewhere > 1100).any()


def test_the_nodule_grew_from_6_to_10_mm(index: DicomIndex) -> None:
    x, y, z = NODULE_CENTRE_MM
    column, row = round((x - demo_phantoms.CHEST_ORIGIN) / 0.7), round((y - demo_phantoms.CHEST_ORIGIN) / 0.7)
    now = read(index, files(index, "zw-ct-chest", 2)[int(-z)]).pixel_array.astype(int) - 1024
    before_rows = files(index, "zw-ct-chest-prior", 3)
    before = read(index, before_rows[int(-z / 2.5)]).pixel_array.astype(int) - 1024
    assert float(read(index, before_rows[int(-z / 2.5)]).SliceLocation) == z
    four_mm = round(4 / 0.7)  # inside the 5 mm radius now, outside the 3 mm radius before
    assert abs(np.median(now[row - 1:row + 2, column - 1:column + 2]) - 35) < 15
    assert abs(np.median(before[row - 1:row + 2, column - 1:column + 2]) - 35) < 15
    assert now[row, column + four_mm] > -200 and before[row, column + four_mm] < -600


def test_prior_ct_shares_the_geometry(index: DicomIndex) -> None:
    rows = files(index, "zw-ct-chest-prior", 3)
    first, last = read(index, rows[0]), read(index, rows[-1])
    current = read(index, files(index, "zw-ct-chest", 2)[0])
    assert len(rows) == 120 and float(first.SliceThickness) == 2.5
    assert list(first.ImagePositionPatient) == list(current.ImagePositionPatient)
    assert list(first.PixelSpacing) == list(current.PixelSpacing)
    assert float(last.ImagePositionPatient[2]) == -297.5
    assert first.InstitutionName == "山东省立中心医院" and first.StudyDate < current.StudyDate


def test_gb18030_head_ct(index: DicomIndex) -> None:
    (row,) = files(index, "zw-ct-head", 2)[:1]
    raw = index.absolute(row.path).read_bytes()
    assert "张伟".encode("gb18030") in raw and "张伟".encode() not in raw
    assert "华中医科大学附属江汉医院".encode("gb18030") in raw
    ds = pydicom.dcmread(io.BytesIO(raw))
    assert ds.SpecificCharacterSet == "GB18030" and str(ds.PatientName) == "张伟"
    assert ds.StudyDescription == "头颅CT平扫" and (float(ds.WindowCenter), float(ds.WindowWidth)) == (40, 80)
    assert len(files(index, "zw-ct-head", 2)) == 32


def test_every_other_file_is_utf8(index: DicomIndex) -> None:
    for key in ("zw-ct-chest", "zw-mr-brain", "zw-dx-chest", "zw-us-abdomen", "lf-us-liver", "lf-cr-chest"):
        (study,) = index.studies(uid(key))
        row = index.instances(study.uid)[0]
        assert pydicom.dcmread(index.absolute(row.path), stop_before_pixels=True).SpecificCharacterSet == "ISO_IR 192"


def test_mr_brain(index: DicomIndex) -> None:
    for number in (1, 2):
        rows = files(index, "zw-mr-brain", number)
        ds = read(index, rows[12])
        assert len(rows) == 24 and ds.SOPClassUID == "1.2.840.10008.5.1.4.1.1.4"
        assert ds.pixel_array.shape == (256, 256) and ds.pixel_array.dtype == np.uint16
        assert float(ds.PixelSpacing[0]) == 0.9 and "WindowCenter" in ds and "WindowWidth" in ds
    assert str(read(index, rows[0]).PatientName) == "Zhang^Wei=张^伟"


def test_radiographs(index: DicomIndex) -> None:
    (dx_row,) = files(index, "zw-dx-chest", 1)
    dx = read(index, dx_row)
    assert dx.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.4.90"  # JPEG 2000 lossless
    assert dx.SOPClassUID == "1.2.840.10008.5.1.4.1.1.1.1" and dx.PhotometricInterpretation == "MONOCHROME1"
    assert dx.pixel_array.shape == (1024, 1024) and dx.pixel_array.max() < 4096 and dx.BitsStored == 12
    (cr_row,) = files(index, "lf-cr-chest", 1)
    cr = read(index, cr_row)
    assert cr.SOPClassUID == "1.2.840.10008.5.1.4.1.1.1" and cr.PhotometricInterpretation == "MONOCHROME2"
    assert cr.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.1"


def test_ultrasound_cine(index: DicomIndex) -> None:
    (row,) = files(index, "zw-us-abdomen", 1)
    ds = read(index, row)
    assert ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.4.50"
    assert ds.SOPClassUID == "1.2.840.10008.5.1.4.1.1.3.1" and ds.PhotometricInterpretation == "YBR_FULL_422"
    assert int(ds.NumberOfFrames) == 30 and float(ds.FrameTime) == pytest.approx(33.33) and int(ds.CineRate) == 30
    assert ds.pixel_array.shape == (30, 480, 640, 3)
    assert ds.SequenceOfUltrasoundRegions[0].PhysicalUnitsXDirection == 3


def test_sizes_and_sop_classes(index: DicomIndex) -> None:
    rows = index.instances()
    assert len(rows) == 505
    assert sum(r.size for r in rows) < 260_000_000


# --- how they are made ----------------------------------------------------------------------


def test_the_plan_is_deterministic_and_leaves_the_lab_data_alone() -> None:
    data = demo_data.generate(anchor=ANCHOR, patients=3)
    before = copy.deepcopy(data.resources)
    first, second = plan(SEED, ANCHOR, data.resources), plan(SEED, ANCHOR, data.resources)
    assert data.resources == before
    assert [(p.uid, p.started, p.accession) for p in first] == [(p.uid, p.started, p.accession) for p in second]
    assert [p.key for p in first] == [s.key for s in STUDIES]
    assert plan(SEED + 1, ANCHOR, data.resources)[0].uid != first[0].uid
    assert plan(SEED, ANCHOR, [r for r in data.resources if r["resourceType"] != "Patient"]) == []


def test_the_phantom_is_deterministic() -> None:
    a = demo_phantoms.ChestCT(7).slice_hu(-120.0, 3)
    b = demo_phantoms.ChestCT(7).slice_hu(-120.0, 3)
    assert np.array_equal(a, b) and a.dtype == np.int16


def test_the_series_encoder_writes_what_pydicom_writes(index: DicomIndex) -> None:
    for key, number in (("zw-ct-chest", 2), ("zw-us-abdomen", 1), ("zw-ct-head", 2)):
        ds = read(index, files(index, key, number)[0])
        fast = b"".join(_SeriesEncoder().encode(ds))
        slow = io.BytesIO()
        ds.save_as(slow, enforce_file_format=True)
        assert fast == slow.getvalue()
