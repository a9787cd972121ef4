"""DicomWebClient against a real Orthanc (1.10 with its DICOMweb plugin), fed small studies made here.

The studies cover what hospitals store: a CT with rescale and negative values, a 12-bit
MR, a multi-frame RGB ultrasound, RLE and JPEG 2000 compressed series, and a patient whose
record is in GB18030 (张伟). Pixels that come back must equal what pydicom reads from the
files we uploaded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (
    CTImageStorage,
    ExplicitVRLittleEndian,
    JPEG2000Lossless,
    MRImageStorage,
    RLELossless,
    UltrasoundMultiFrameImageStorage,
    generate_uid,
)

from app.platform.dicomweb import DicomWebClient, DicomWebError

ROOT = "1.2.826.0.1.3680043.10.1347."   # a test prefix; generate_uid adds the rest


@dataclass
class SeriesSpec:
    key: str
    uid: str
    number: int
    files: list[Path] = field(default_factory=list)


@dataclass
class StudySpec:
    uid: str
    patient_id: str
    series: list[SeriesSpec] = field(default_factory=list)


def _dataset(study: StudySpec, series: SeriesSpec, sop_class: str, modality: str, **attrs) -> Dataset:
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = generate_uid(ROOT)
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = study.patient_id
    ds.PatientBirthDate = "19700101"
    ds.StudyInstanceUID = study.uid
    ds.StudyTime = "101530"
    ds.StudyID = "1"
    ds.AccessionNumber = f"A{study.uid[-8:]}"
    ds.SeriesInstanceUID = series.uid
    ds.SeriesNumber = series.number
    ds.Modality = modality
    for name, value in attrs.items():
        setattr(ds, name, value)
    return ds


def _mono(ds: Dataset, pixels: np.ndarray, bits_stored: int) -> None:
    ds.Rows, ds.Columns = pixels.shape
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if pixels.dtype.kind == "i" else 0
    ds.PixelData = pixels.tobytes()


def _save(ds: Dataset, folder: Path, series: SeriesSpec) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{ds.SOPInstanceUID}.dcm"
    ds.save_as(path, enforce_file_format=True)
    series.files.append(path)


def build_studies(folder: Path) -> dict[str, StudySpec]:
    rng = np.random.default_rng(1347)
    ct = StudySpec(generate_uid(ROOT), "HR-0001")
    ct.series = [SeriesSpec("ct", generate_uid(ROOT), 2), SeriesSpec("ct-rle", generate_uid(ROOT), 3),
                 SeriesSpec("ct-j2k", generate_uid(ROOT), 4)]
    syntax = {"ct": None, "ct-rle": RLELossless, "ct-j2k": JPEG2000Lossless}
    counts = {"ct": 20, "ct-rle": 3, "ct-j2k": 2}
    for series in ct.series:
        for n in range(1, counts[series.key] + 1):
            ds = _dataset(ct, series, CTImageStorage, "CT", PatientName="Li^Na", StudyDate="20260310",
                          StudyDescription="CT chest", InstitutionName="Wuhan Union Hospital",
                          SeriesDescription=f"Lung {series.key}", BodyPartExamined="CHEST", InstanceNumber=n,
                          ImagePositionPatient=[-100.0, -100.0, -5.0 * n], ImageOrientationPatient=[1, 0, 0, 0, 1, 0],
                          PixelSpacing=[0.7, 0.7], SliceThickness=5.0, RescaleSlope=1, RescaleIntercept=-1024)
            stored = rng.integers(-1024, 3000, size=(64, 64), dtype=np.int16)
            stored[0, 0] = -2000          # the sign must survive every transfer syntax
            _mono(ds, stored, 16)
            if syntax[series.key]:
                ds.compress(syntax[series.key])
            _save(ds, folder / series.key, series)

    mr = StudySpec(generate_uid(ROOT), "HR-0001")
    mr.series = [SeriesSpec("mr", generate_uid(ROOT), 1)]
    for n in range(1, 7):
        ds = _dataset(mr, mr.series[0], MRImageStorage, "MR", PatientName="Li^Na", StudyDate="20250102",
                      StudyDescription="MR head", InstitutionName="Wuhan Union Hospital",
                      SeriesDescription="T1 axial", BodyPartExamined="HEAD", InstanceNumber=n)
        _mono(ds, rng.integers(0, 4096, size=(48, 40), dtype=np.uint16), 12)
        _save(ds, folder / "mr", mr.series[0])

    us = StudySpec(generate_uid(ROOT), "HR-0002")
    us.series = [SeriesSpec("us", generate_uid(ROOT), 1)]
    ds = _dataset(us, us.series[0], UltrasoundMultiFrameImageStorage, "US", PatientName="Zhang^Wei=张^伟",
                  StudyDate="20260115", StudyDescription="甲状腺超声", InstitutionName="武汉协和医院",
                  SeriesDescription="甲状腺 横切", BodyPartExamined="THYROID", InstanceNumber=1,
                  NumberOfFrames=4, FrameTime=33.3, FrameIncrementPointer=0x00181063, Rows=32, Columns=48,
                  SamplesPerPixel=3, PhotometricInterpretation="RGB", PlanarConfiguration=0, BitsAllocated=8,
                  BitsStored=8, HighBit=7, PixelRepresentation=0)
    ds.SpecificCharacterSet = "GB18030"
    ds.PixelData = rng.integers(0, 256, size=(4, 32, 48, 3), dtype=np.uint8).tobytes()
    _save(ds, folder / "us", us.series[0])
    return {"ct": ct, "mr": mr, "us": us}


@pytest.fixture(scope="module")
def pacs(orthanc, tmp_path_factory):
    studies = build_studies(tmp_path_factory.mktemp("studies"))
    files = [f for study in studies.values() for s in study.series for f in s.files]
    random.Random(7).shuffle(files)      # arrival order must not be what the client relies on
    for path in files:
        orthanc.upload(path)
    return orthanc, studies


@pytest.fixture
def client(pacs):
    with DicomWebClient(pacs[0].dicomweb_url, timeout=10) as c:
        yield c


def _series(studies: dict[str, StudySpec], key: str) -> tuple[StudySpec, SeriesSpec]:
    return next((study, s) for study in studies.values() for s in study.series if s.key == key)


def test_studies_of_a_patient_with_counts(pacs, client):
    found = {s.description: s for s in client.studies(patient_id="HR-0001")}
    assert set(found) == {"CT chest", "MR head"}
    ct = found["CT chest"]
    assert ct.uid == pacs[1]["ct"].uid
    assert (ct.date, ct.time) == (date(2026, 3, 10), time(10, 15, 30))
    assert (ct.series_count, ct.instance_count, ct.modalities) == (3, 25, ("CT",))
    assert (ct.patient_name, ct.patient_id, ct.institution) == ("Li Na", "HR-0001", "Wuhan Union Hospital")
    assert ct.accession == f"A{ct.uid[-8:]}"
    assert (found["MR head"].series_count, found["MR head"].instance_count) == (1, 6)


def test_gb18030_record_comes_back_in_chinese(client):
    [us] = client.studies(patient_id="HR-0002")
    assert us.patient_name == "张伟"
    assert (us.description, us.institution, us.modalities) == ("甲状腺超声", "武汉协和医院", ("US",))


def test_study_filters(pacs, client):
    studies = pacs[1]
    assert {s.uid for s in client.studies(date_from=date(2026, 1, 1))} == {studies["ct"].uid, studies["us"].uid}
    assert {s.uid for s in client.studies(date_to=date(2025, 12, 31))} == {studies["mr"].uid}
    assert {s.uid for s in client.studies(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))} == {studies["ct"].uid}
    assert [s.uid for s in client.studies(modality="MR")] == [studies["mr"].uid]
    assert [s.uid for s in client.studies(study_uid=studies["us"].uid)] == [studies["us"].uid]
    assert len(client.studies(limit=1)) == 1
    assert client.studies(patient_id="NOBODY") == []


def test_series_sorted_by_number_with_counts_and_body_part(pacs, client):
    series = client.series(pacs[1]["ct"].uid)
    assert [(s.number, s.instance_count, s.modality, s.body_part) for s in series] == [
        (2, 20, "CT", "CHEST"), (3, 3, "CT", "CHEST"), (4, 2, "CT", "CHEST")]
    assert [s.description for s in series] == ["Lung ct", "Lung ct-rle", "Lung ct-j2k"]
    [us] = client.series(pacs[1]["us"].uid)
    assert us.description == "甲状腺 横切"


def test_instances_sorted_by_number_with_geometry(pacs, client):
    study, series = _series(pacs[1], "ct")
    instances = client.instances(study.uid, series.uid)
    assert [i.number for i in instances] == list(range(1, 21))
    assert {(i.rows, i.columns, i.frames, i.sop_class_uid) for i in instances} == {(64, 64, 1, CTImageStorage)}
    study, series = _series(pacs[1], "us")
    [cine] = client.instances(study.uid, series.uid)
    assert (cine.rows, cine.columns, cine.frames) == (32, 48, 4)


@pytest.mark.parametrize("key", ["ct", "ct-rle", "ct-j2k", "mr", "us"])
def test_streamed_series_has_the_original_pixels(pacs, client, key):
    study, series = _series(pacs[1], key)
    originals = {ds.SOPInstanceUID: ds for ds in map(pydicom.dcmread, series.files)}
    received = list(client.iter_series(study.uid, series.uid))
    assert sorted(ds.SOPInstanceUID for ds in received) == sorted(originals)
    received.sort(key=lambda ds: int(ds.InstanceNumber))
    assert [int(ds.InstanceNumber) for ds in received] == list(range(1, len(originals) + 1))
    for ds in received:
        original = originals[ds.SOPInstanceUID]
        # transfer-syntax=*: the server sends what it stores, compressed or not
        assert ds.file_meta.TransferSyntaxUID == original.file_meta.TransferSyntaxUID
        assert np.array_equal(ds.pixel_array, original.pixel_array)
        assert ds.pixel_array.dtype == original.pixel_array.dtype


def test_ct_keeps_sign_and_rescale(pacs, client):
    study, series = _series(pacs[1], "ct-j2k")
    ds = next(client.iter_series(study.uid, series.uid))
    assert ds.pixel_array.min() == -2000
    assert (float(ds.RescaleSlope), float(ds.RescaleIntercept)) == (1.0, -1024.0)


def test_single_instances_in_the_order_asked(pacs, client):
    study, series = _series(pacs[1], "ct")
    uids = [i.uid for i in client.instances(study.uid, series.uid)]
    middle_first = uids[10:] + uids[:10]
    for workers in (1, 3):
        got = [ds.SOPInstanceUID for ds in client.iter_instances(study.uid, series.uid, middle_first, workers=workers)]
        assert got == middle_first
    assert client.retrieve_instance(study.uid, series.uid, uids[0]).InstanceNumber == 1


@pytest.mark.parametrize("key", ["ct", "ct-rle", "ct-j2k", "mr", "us"])
def test_thumbnail_is_an_image_or_none(pacs, client, key):
    study, series = _series(pacs[1], key)
    picture = client.thumbnail(study.uid, series.uid, size=64)
    assert picture is None or picture[:2] == b"\xff\xd8" or picture[:4] == b"\x89PNG"
    if key == "ct":     # Orthanc renders what it can decode itself (not J2K without a plugin)
        assert picture is not None and picture[:2] == b"\xff\xd8"


def test_orthanc_1_10_has_rendered_but_no_thumbnail(pacs, client):
    study, series = _series(pacs[1], "mr")
    assert client.thumbnail(study.uid, series.uid, pydicom.dcmread(series.files[0]).SOPInstanceUID) is not None
    assert client._has_thumbnails is False   # learnt: later thumbnails skip the /thumbnail request


def test_unknown_series_is_a_404(pacs, client):
    with pytest.raises(DicomWebError) as info:
        list(client.iter_series(pacs[1]["ct"].uid, "1.2.3.4"))
    assert info.value.status == 404
    assert "not found" in info.value.message
