"""`sandbox --load-dicom DIR`: importing a folder of DICOM files, skipping what cannot be served."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import numpy as np
import pydicom
import pytest
from dicomweb_client import DICOMwebClient
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

from app.sandbox import cli
from app.sandbox.dicom_attributes import STUDY as STUDY_LEVEL
from app.sandbox.dicom_import import import_folder, level_json
from app.sandbox.dicom_index import DicomIndex
from app.sandbox.server import SandboxServer

STUDY, SERIES = "1.2.826.0.1.3680043.8.498.1", "1.2.826.0.1.3680043.8.498.1.1"


def ct_slice(number: int) -> Dataset:
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = f"{SERIES}.{number}"
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.StudyInstanceUID, ds.SeriesInstanceUID = STUDY, SERIES
    ds.PatientName, ds.PatientID, ds.StudyDate, ds.Modality = "李娜", "T-001", "20260102", "CT"
    ds.SeriesNumber, ds.InstanceNumber = 1, number
    ds.Rows = ds.Columns = 16
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.PixelData = (np.arange(256, dtype=np.uint16) * number).reshape(16, 16).tobytes()
    return ds


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three slices (one in a subfolder, saved out of order), and three files to skip."""
    root = tmp_path / "cd"
    (root / "sub").mkdir(parents=True)
    for number, path in ((3, root / "c.dcm"), (1, root / "sub" / "a"), (2, root / "b.dcm")):
        ct_slice(number).save_as(path, enforce_file_format=True)
    (root / "README.txt").write_text("not an image", encoding="utf-8")
    (root / "empty.dcm").write_bytes(b"")
    (root / "cut.dcm").write_bytes((root / "b.dcm").read_bytes()[:-100])
    return root


def test_import_copies_usable_files_and_counts_the_rest(tmp_path: Path, folder: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="huren.sandbox")
    index = DicomIndex(tmp_path / "data")
    summary = import_folder(index, folder)
    assert (summary.imported, summary.present, summary.skipped) == (3, 0, 3)
    rows = index.instances(STUDY)
    assert [r.number for r in rows] == [1, 2, 3]
    for row in rows:
        assert index.absolute(row.path).is_file() and row.path.startswith("dicom/")
        assert index.absolute(row.path).read_bytes() == next(
            p for p in folder.rglob("*")
            if p.is_file() and pydicom.dcmread(p, force=True).get("SOPInstanceUID") == row.uid
            and p.name != "cut.dcm").read_bytes()
    reasons = " ".join(r.getMessage() for r in caplog.records)
    assert "not a DICOM file" in reasons and "truncated pixel data" in reasons
    assert "李娜" not in reasons
    again = import_folder(index, folder)
    assert (again.imported, again.present, again.skipped) == (0, 3, 3)
    index.close()


def test_the_server_serves_what_it_loaded(tmp_path: Path, folder: Path) -> None:
    with SandboxServer(tmp_path / "data", demo=False, load_dicom=[folder]) as server:
        client = DICOMwebClient(server.dicomweb_base)
        (study,) = client.search_for_studies(search_filters={"PatientName": "李*"})
        assert study["00201208"]["Value"] == [3] and study["00100010"]["Value"] == [{"Alphabetic": "李娜"}]
        received = list(client.iter_series(STUDY, SERIES))
        assert [int(ds.InstanceNumber) for ds in received] == [1, 2, 3]
        assert np.array_equal(received[1].pixel_array, np.arange(256).reshape(16, 16) * 2)


def test_a_missing_folder_stops_the_start(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        SandboxServer(tmp_path / "data", demo=False, load_dicom=[tmp_path / "nowhere"]).start()


def test_the_corpus_of_broken_files_is_survived(tmp_path: Path, corpus: dict[str, Path]) -> None:
    """Every kind of file another part of Huren must cope with: nothing raises, bad ones are skipped."""
    directory = corpus["ct_int16_rescale"].parent
    index = DicomIndex(tmp_path / "data")
    summary = import_folder(index, directory)
    assert summary.imported >= 10 and summary.skipped >= 4
    gb18030 = pydicom.dcmread(corpus["gb18030_name"])
    assert index.instances(uid=gb18030.SOPInstanceUID)
    name = level_json(gb18030, STUDY_LEVEL)["00100010"]["Value"][0]
    assert str(gb18030.PatientName) in name.values()  # decoded from GB18030, kept as Unicode
    assert not index.instances(uid=pydicom.dcmread(corpus["pixel_data_short"]).SOPInstanceUID)
    index.close()


def test_cli_accepts_repeated_load_dicom() -> None:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    args = parser.parse_args(["--load-dicom", "a", "--load-dicom", "b", "--no-demo-images"])
    assert args.load_dicom == [Path("a"), Path("b")] and args.no_demo_images


def test_bandwidth_cap_slows_streamed_images_like_a_hospital_network(tmp_path, corpus):
    """--bandwidth: the benchmark's realistic network; a capped answer takes at least size / rate."""
    import time

    import requests

    from app.sandbox.server import SandboxServer

    folder = corpus["series_0"].parent
    size = sum(p.stat().st_size for p in folder.iterdir())
    mbps = size * 8 / 1_000_000 / 0.4          # the whole series in 0.4 s
    with SandboxServer(tmp_path / "capped", demo=False, load_dicom=[folder], bandwidth_mbps=mbps) as server:
        study = requests.get(f"{server.dicomweb_base}/studies", timeout=10).json()[0]["0020000D"]["Value"][0]
        started = time.perf_counter()
        body = requests.get(f"{server.dicomweb_base}/studies/{study}", timeout=30,
                            headers={"Accept": 'multipart/related; type="application/dicom"'}).content
        elapsed = time.perf_counter() - started
    assert len(body) >= size and elapsed >= 0.35
