"""The sandbox's DICOMweb service over HTTP, with dicomweb-client, against the demo's studies.

One demo platform serves the whole session (tests/conftest.py `demo_platform`); these tests
only read from it.
"""

from __future__ import annotations

import io
import logging
import time
from datetime import timedelta

import numpy as np
import pydicom
import pytest
import requests
from dicomweb_client import DICOMwebClient
from PIL import Image

from app.sandbox.api import Request
from app.sandbox.demo_hospitals import SHANGHAI
from app.sandbox.demo_studies import STUDIES, series_uid, study_uid
from app.sandbox.dicomweb import DicomWebApi
from tests.conftest import ANCHOR

SEED = 20261122
CT_CHEST, PRIOR = "zw-ct-chest", "zw-ct-chest-prior"
TODAY = ANCHOR.astimezone(SHANGHAI).date()
DAYS_AGO = {s.key: s.days_ago for s in STUDIES}


def uid(key: str) -> str:
    return study_uid(key, SEED, ANCHOR)


def suid(key: str, number: int) -> str:
    return series_uid(key, number, SEED, ANCHOR)


def value(item: dict, tag: str):
    return item[tag]["Value"][0]


def study_uids(found: list[dict]) -> set[str]:
    return {value(s, "0020000D") for s in found}


def keys(*names: str) -> set[str]:
    return {uid(n) for n in names}


def day(days_ago: int) -> str:
    return f"{TODAY - timedelta(days=days_ago):%Y%m%d}"


@pytest.fixture(scope="module")
def dw(demo_platform) -> DICOMwebClient:
    return DICOMwebClient(demo_platform.dicomweb_base)


@pytest.fixture(scope="module")
def base(demo_platform) -> str:
    return demo_platform.dicomweb_base


# --- QIDO-RS -------------------------------------------------------------------------------


def test_every_demo_study_is_listed_newest_first(dw: DICOMwebClient) -> None:
    found = dw.search_for_studies()
    assert study_uids(found) == keys(*DAYS_AGO)
    dates = [value(s, "00080020") + value(s, "00080030") for s in found]
    assert dates == sorted(dates, reverse=True)
    chest = next(s for s in found if value(s, "0020000D") == uid(CT_CHEST))
    assert value(chest, "00201206") == 2 and value(chest, "00201208") == 301
    assert chest["00080061"]["Value"] == ["CT"] and value(chest, "00081030") == "胸部CT平扫"
    assert value(chest, "00081190").startswith("http://127.0.0.1:") and value(chest, "00081190").endswith(uid(CT_CHEST))
    assert value(chest, "00100010") == {"Alphabetic": "张伟"}
    assert value(chest, "00080080") == "齐鲁医科大学附属第一医院"
    assert {"00100020", "00100030", "00100040", "00080050"} <= set(chest)


def test_patient_id_finds_that_hospitals_studies(dw: DICOMwebClient) -> None:
    (chest,) = dw.search_for_studies(search_filters={"StudyInstanceUID": uid(CT_CHEST)})
    mrn = value(chest, "00100020")
    assert study_uids(dw.search_for_studies(search_filters={"PatientID": mrn})) == keys(CT_CHEST)
    assert study_uids(dw.search_for_studies(search_filters={"00100020": mrn})) == keys(CT_CHEST)
    assert dw.search_for_studies(search_filters={"PatientID": "NO-SUCH-MRN"}) == []


def test_study_date_single_and_ranges(dw: DICOMwebClient) -> None:
    recent = dw.search_for_studies(search_filters={"StudyDate": f"{day(21)}-{day(0)}"})
    assert study_uids(recent) == keys("zw-us-abdomen", "lf-us-liver", CT_CHEST)
    old = dw.search_for_studies(search_filters={"StudyDate": f"-{day(100)}"})
    assert study_uids(old) == keys(PRIOR)
    assert study_uids(dw.search_for_studies(search_filters={"StudyDate": day(60)})) == keys("zw-ct-head")


def test_modalities_in_study(dw: DICOMwebClient) -> None:
    assert study_uids(dw.search_for_studies(search_filters={"ModalitiesInStudy": "CT"})) == keys(
        CT_CHEST, PRIOR, "zw-ct-head")
    assert study_uids(dw.search_for_studies(search_filters={"ModalitiesInStudy": "MR,US"})) == keys(
        "zw-mr-brain", "zw-us-abdomen", "lf-us-liver")


def test_limit_and_offset_page_through_the_same_order(dw: DICOMwebClient) -> None:
    everything = [value(s, "0020000D") for s in dw.search_for_studies()]
    page = [value(s, "0020000D") for s in dw.search_for_studies(limit=3, offset=2)]
    assert page == everything[2:5]
    assert dw.search_for_studies(offset=len(everything)) == []


@pytest.mark.parametrize(("name", "expected"), [
    ("张*", {CT_CHEST, PRIOR, "zw-mr-brain", "zw-dx-chest", "zw-us-abdomen", "zw-ct-head"}),
    ("张伟", {CT_CHEST, PRIOR, "zw-mr-brain", "zw-dx-chest", "zw-us-abdomen", "zw-ct-head"}),
    ("*芳", {"lf-us-liver", "lf-cr-chest"}),
    ("zhang*", {"zw-mr-brain"}),  # the one hospital that writes Zhang^Wei=张^伟
    ("王*", set()),
])
def test_patient_name_with_wildcards_and_chinese(dw: DICOMwebClient, name: str, expected: set[str]) -> None:
    assert study_uids(dw.search_for_studies(search_filters={"PatientName": name})) == keys(*expected)


def test_gb18030_study_comes_out_as_unicode(dw: DICOMwebClient) -> None:
    (head,) = dw.search_for_studies(search_filters={"StudyInstanceUID": uid("zw-ct-head")})
    assert value(head, "00100010") == {"Alphabetic": "张伟"}
    assert value(head, "00080080") == "华中医科大学附属江汉医院"
    assert value(head, "00081030") == "头颅CT平扫"


def test_includefield(dw: DICOMwebClient, base: str) -> None:
    (plain,) = dw.search_for_studies(search_filters={"StudyInstanceUID": uid(CT_CHEST)})
    (asked,) = dw.search_for_studies(search_filters={"StudyInstanceUID": uid(CT_CHEST)},
                                     fields=["PatientAge", "00080081"])
    assert "00101010" not in plain and value(asked, "00101010") == "058Y" and "00080081" in asked
    (everything,) = requests.get(f"{base}/studies", params={"StudyInstanceUID": uid(CT_CHEST),
                                                            "includefield": "all"}).json()
    assert {"00101010", "00080201", "00080062"} <= set(everything)


def test_series_and_instance_levels(dw: DICOMwebClient, base: str) -> None:
    series = dw.search_for_series(uid(CT_CHEST))
    assert [(value(s, "00200011"), value(s, "00201209")) for s in series] == [(1, 1), (2, 300)]
    assert all(value(s, "00080060") == "CT" and value(s, "00180015") == "CHEST" for s in series)
    assert value(series[1], "00081190").endswith(f"/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}")
    instances = dw.search_for_instances(uid(CT_CHEST), suid(CT_CHEST, 2))
    assert [value(i, "00200013") for i in instances] == list(range(1, 301))
    first = instances[0]
    assert value(first, "00280010") == 512 and value(first, "00280011") == 512 and value(first, "00280008") == 1
    assert value(first, "00083002") == "1.2.840.10008.1.2.1" and value(first, "00080016") == "1.2.840.10008.5.1.4.1.1.2"
    mr = requests.get(f"{base}/series", params={"Modality": "MR"}).json()
    assert {value(s, "0020000E") for s in mr} == {suid("zw-mr-brain", 1), suid("zw-mr-brain", 2)}
    sop = value(instances[149], "00080018")
    (one,) = requests.get(f"{base}/instances", params={"SOPInstanceUID": sop}).json()
    assert value(one, "0020000E") == suid(CT_CHEST, 2) and value(one, "00200013") == 150
    page = requests.get(f"{base}/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}/instances",
                        params={"InstanceNumber": "150", "includefield": "all"}).json()
    assert [value(i, "00200013") for i in page] == [150] and value(page[0], "00201041") == -149.0


# --- WADO-RS -------------------------------------------------------------------------------


def stored(demo_platform, series: str) -> list:
    return demo_platform.dicom.instances(series_uid=series)


def test_iter_series_yields_every_instance_in_order_as_stored(demo_platform, dw: DICOMwebClient) -> None:
    rows = stored(demo_platform, suid("zw-ct-head", 2))
    received = list(dw.iter_series(uid("zw-ct-head"), suid("zw-ct-head", 2)))
    assert [int(ds.InstanceNumber) for ds in received] == list(range(1, 33))
    for ds, row in zip(received, rows, strict=True):
        original = pydicom.dcmread(demo_platform.dicom.absolute(row.path))
        assert ds.SOPInstanceUID == row.uid
        assert np.array_equal(ds.pixel_array, original.pixel_array)
    assert str(received[0].PatientName) == "张伟" and received[0].SpecificCharacterSet == "GB18030"


def test_a_300_slice_series_streams_in_order(dw: DICOMwebClient) -> None:
    numbers = [int(ds.InstanceNumber) for ds in dw.iter_series(uid(CT_CHEST), suid(CT_CHEST, 2))]
    assert numbers == list(range(1, 301))


def test_series_retrieval_is_streamed_from_the_files(demo_platform) -> None:
    """The body is never built in memory: a stream of file-sized chunks with a known length."""
    api = DicomWebApi(demo_platform.dicom)
    path = f"/dicom-web/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}"
    response = api.handle(Request("GET", path, "", {}, b"", "http://127.0.0.1:1/fhir"))
    assert response.status == 200 and response.body == b"" and response.stream is not None
    assert response.content_type.startswith('multipart/related; type="application/dicom"; boundary=')
    sizes = [len(chunk) for chunk in response.stream]
    assert sum(sizes) == response.length > 300 * 512 * 512 * 2
    assert max(sizes) <= 256 * 1024


def test_retrieve_instance_and_its_transfer_syntax(demo_platform, dw: DICOMwebClient) -> None:
    (row,) = stored(demo_platform, suid("zw-dx-chest", 1))
    ds = dw.retrieve_instance(uid("zw-dx-chest"), suid("zw-dx-chest", 1), row.uid)
    assert ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.4.90" and ds.PhotometricInterpretation == "MONOCHROME1"
    original = pydicom.dcmread(demo_platform.dicom.absolute(row.path))
    assert np.array_equal(ds.pixel_array, original.pixel_array)


def test_content_length_is_announced(base: str) -> None:
    url = f"{base}/studies/{uid(PRIOR)}/series/{suid(PRIOR, 3)}"
    head = requests.head(url)
    assert head.status_code == 200 and int(head.headers["Content-Length"]) > 120 * 512 * 512 * 2
    with requests.get(url, stream=True) as response:
        body = sum(len(chunk) for chunk in response.iter_content(1 << 20))
    assert body == int(head.headers["Content-Length"])


def test_accept_of_another_transfer_syntax_is_406(base: str) -> None:
    url = f"{base}/studies/{uid(PRIOR)}/series/{suid(PRIOR, 3)}"
    jpeg = 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.4.50'
    assert requests.get(url, headers={"Accept": jpeg}).status_code == 406
    stored_as = 'multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1'
    with requests.get(url, headers={"Accept": stored_as}, stream=True) as response:
        assert response.status_code == 200
    assert requests.get(url, headers={"Accept": "text/html"}).status_code == 406


# --- metadata, rendered, thumbnails --------------------------------------------------------


def test_metadata_without_pixel_data(dw: DICOMwebClient, base: str) -> None:
    meta = dw.retrieve_series_metadata(uid("zw-ct-head"), suid("zw-ct-head", 2))
    assert len(meta) == 32 and all("7FE00010" not in m for m in meta)
    assert value(meta[0], "00100010") == {"Alphabetic": "张伟"}
    assert meta[0]["00200032"]["Value"][2] == 0.0 and value(meta[0], "00083002") == "1.2.840.10008.1.2.1"
    study = requests.get(f"{base}/studies/{uid(CT_CHEST)}/metadata").json()
    assert len(study) == 301
    us = requests.get(f"{base}/studies/{uid('zw-us-abdomen')}/metadata").json()
    assert value(us[0], "00280008") == 30 and "00186011" in us[0]


def test_rendered_png_and_jpeg(demo_platform, base: str) -> None:
    rows = stored(demo_platform, suid(CT_CHEST, 2))
    url = f"{base}/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}/instances/{rows[149].uid}/rendered"
    png = requests.get(url)
    assert png.headers["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    assert image.size == (512, 512) and image.mode == "L"
    jpeg = requests.get(url, headers={"Accept": "image/jpeg"})
    assert jpeg.headers["Content-Type"] == "image/jpeg" and Image.open(io.BytesIO(jpeg.content)).format == "JPEG"
    small = Image.open(io.BytesIO(requests.get(url, params={"viewport": "256,256"}).content))
    assert small.size == (256, 256)
    # 40/400: lung black, the bead (1500 HU) white, soft tissue mid-grey
    pixels = np.asarray(image)
    assert pixels[106, 185] == 255 and pixels[240:270, 130:170].min() == 0


def test_rendered_frames_of_a_cine(demo_platform, base: str) -> None:
    (row,) = stored(demo_platform, suid("zw-us-abdomen", 1))
    url = f"{base}/studies/{uid('zw-us-abdomen')}/series/{suid('zw-us-abdomen', 1)}/instances/{row.uid}"
    frame = Image.open(io.BytesIO(requests.get(f"{url}/frames/15/rendered").content))
    assert frame.size == (640, 480) and frame.mode == "RGB"
    assert requests.get(f"{url}/frames/31/rendered").status_code == 404
    assert requests.get(f"{url}/frames/0/rendered").status_code == 400


def test_monochrome1_is_inverted_so_bone_is_white(demo_platform, base: str) -> None:
    (row,) = stored(demo_platform, suid("zw-dx-chest", 1))
    url = f"{base}/studies/{uid('zw-dx-chest')}/series/{suid('zw-dx-chest', 1)}/instances/{row.uid}/rendered"
    pixels = np.asarray(Image.open(io.BytesIO(requests.get(url).content)), dtype=float)
    spine, lung = pixels[400:600, 505:519].mean(), pixels[400:600, 280:320].mean()
    assert spine > lung + 60


def test_thumbnails_fit_128(demo_platform, base: str) -> None:
    series_url = f"{base}/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}"
    for url in (f"{series_url}/thumbnail", f"{base}/studies/{uid(CT_CHEST)}/thumbnail",
                f"{base}/studies/{uid('lf-cr-chest')}/series/{suid('lf-cr-chest', 1)}/thumbnail"):
        image = Image.open(io.BytesIO(requests.get(url).content))
        assert max(image.size) == 128
    us = stored(demo_platform, suid("lf-us-liver", 1))[0]
    url = f"{base}/studies/{uid('lf-us-liver')}/series/{suid('lf-us-liver', 1)}/instances/{us.uid}/thumbnail"
    assert Image.open(io.BytesIO(requests.get(url).content)).size == (128, 96)
    tiny = requests.get(f"{series_url}/thumbnail", params={"viewport": "64,64"}, headers={"Accept": "image/jpeg"})
    assert tiny.headers["Content-Type"] == "image/jpeg" and Image.open(io.BytesIO(tiny.content)).size == (64, 64)


# --- errors and logging ---------------------------------------------------------------------


@pytest.mark.parametrize(("path", "status"), [
    ("/studies/1.2.3.999", 404),
    ("/studies/1.2.3.999/series", 404),
    ("/studies/1.2.3.999/metadata", 404),
    (f"/studies/{uid(CT_CHEST)}/series/1.2.3.999", 404),
    (f"/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}/instances/1.2.3.999/rendered", 404),
    ("/nonsense", 404),
    ("/studies?StudyDate=2026-01-01", 400),
    ("/studies?limit=ten", 400),
    ("/studies?NotAKeyword=1", 400),
    ("/studies?StudyInstanceUID=abc", 400),
    (f"/studies/{uid(CT_CHEST)}/series/{suid(CT_CHEST, 2)}/thumbnail?viewport=0,0", 400),
])
def test_error_statuses(base: str, path: str, status: int) -> None:
    response = requests.get(base + path)
    assert response.status_code == status
    assert response.json()["status"] == status and response.json()["message"]


def test_only_reading_is_allowed_and_json_is_negotiated(base: str) -> None:
    assert requests.post(f"{base}/studies", data=b"x").status_code == 405
    assert requests.get(f"{base}/studies", headers={"Accept": "application/xml"}).status_code == 406
    assert requests.get(f"{base}/studies", headers={"Accept": "application/json"}).status_code == 200
    ignored = requests.get(f"{base}/studies", params={"PatientWeight": "70"})
    assert ignored.status_code == 200 and "PatientWeight" in ignored.headers["Warning"]


def test_requests_are_logged_without_query(base: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="huren.sandbox")
    requests.get(f"{base}/studies", params={"PatientID": "SECRET-ID-77"})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any("/dicom-web/studies" in r.getMessage() for r in caplog.records):
        time.sleep(0.01)
    lines = [r.getMessage() for r in caplog.records]
    assert any("GET /dicom-web/studies 200" in line for line in lines)
    assert not any("SECRET-ID-77" in line for line in lines)
