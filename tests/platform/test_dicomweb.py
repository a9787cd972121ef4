"""DicomWebClient against small fake servers: what it sends, how it reads, how it fails.

Real sockets on loopback, no mocks; the real-server behaviour is in tests/integration.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from datetime import time as dtime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from app.domain.dicom_instance import parse_da, parse_tm
from app.platform.dicomweb import RETRIEVE_ACCEPT, DicomWebClient, DicomWebError, readable_name, resolve_endpoint
from tests.helpers.servers import SilentServer, failing_server

STUDY, SERIES, SOP = "1.2.3", "1.2.3.4", "1.2.3.4.5"
BOUNDARY = "b0undary"


def dicom_bytes(number: int = 1, sop: str | None = None) -> bytes:
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian

    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = sop or f"{SERIES}.{number}"
    ds.SOPClassUID = CTImageStorage
    ds.StudyInstanceUID, ds.SeriesInstanceUID = STUDY, SERIES
    ds.InstanceNumber = number
    ds.Rows = ds.Columns = 4
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.PixelData = (np.arange(16, dtype=np.int16) * number - 8).tobytes()
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def part(body: bytes) -> bytes:
    return f"\r\n--{BOUNDARY}\r\nContent-Type: application/dicom\r\n\r\n".encode() + body


def multipart(*bodies: bytes) -> bytes:
    return b"".join(part(b) for b in bodies) + f"\r\n--{BOUNDARY}--\r\n".encode()


MULTIPART = f'multipart/related; type="application/dicom"; boundary={BOUNDARY}'


class FakeDicomWeb:
    """Routes by path (query ignored) to (status, content type, body) or to a function of the handler.

    Answers HTTP/1.0 style (body until close), as Orthanc does for WADO-RS, and records
    every request's path, query and headers.
    """

    def __init__(self, routes: dict) -> None:
        self.routes = routes
        self.requests: list[tuple[str, dict, dict]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                url = urlsplit(self.path)
                fake.requests.append((url.path, parse_qs(url.query), dict(self.headers)))
                route = fake.routes.get(url.path.removeprefix("/dicom-web"), (404, "application/json", b"{}"))
                if callable(route):
                    route(self)
                    return
                status, content_type, body = route
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/dicom-web"

    def paths(self) -> list[str]:
        return [p.removeprefix("/dicom-web") for p, _, _ in self.requests]

    def __enter__(self) -> FakeDicomWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def qido(*items: dict) -> tuple[int, str, bytes]:
    return 200, "application/dicom+json", json.dumps(list(items)).encode()


def el(vr: str, *values) -> dict:
    return {"vr": vr, "Value": list(values)}


# --- addresses and values ----------------------------------------------------------------

@pytest.mark.parametrize("address, expected", [
    ("https://pacs.example/dicom-web", "https://pacs.example/dicom-web"),
    ("https://pacs.example/dicom-web/", "https://pacs.example/dicom-web"),
    ("/dicom-web", "http://127.0.0.1:50123/dicom-web"),
    ("/dicom-web/", "http://127.0.0.1:50123/dicom-web"),
    ("dicom-web", "http://127.0.0.1:50123/fhir/dicom-web"),
])
def test_endpoint_address_resolves_against_the_fhir_origin(address, expected):
    assert resolve_endpoint(address, "http://127.0.0.1:50123/fhir") == expected


@pytest.mark.parametrize("address", ["dicom://pacs.example:104", "", "urn:oid:1.2.3"])
def test_unusable_endpoint_address_is_refused(address):
    with pytest.raises(ValueError):
        resolve_endpoint(address, "http://127.0.0.1:50123/fhir")


@pytest.mark.parametrize("value, expected", [
    ({"Alphabetic": "Zhang^Wei", "Ideographic": "张^伟"}, "张伟"),
    ({"Alphabetic": "张伟"}, "张伟"),
    ({"Alphabetic": "Zhang^Wei", "Ideographic": "^"}, "Zhang Wei"),   # Orthanc with Latin1 lost the ideographs
    ({"Alphabetic": "Li^Na"}, "Li Na"),
    ({"Alphabetic": "Sastrowardoyo"}, "Sastrowardoyo"),
    ({"Alphabetic": "Smith^John^Q^Dr.^Jr."}, "Dr. Smith John Q Jr."),
    ("Zhang^Wei=张^伟", "张伟"),
    ({}, ""),
    (None, ""),
])
def test_person_names_read_as_people_write_them(value, expected):
    assert readable_name(value) == expected


def test_dicom_dates_and_times():
    assert parse_da("20260310") == date(2026, 3, 10)
    assert parse_da("2026.03.10") == date(2026, 3, 10)
    assert parse_da("20261340") is None and parse_da("") is None
    assert parse_tm("101530.25") == dtime(10, 15, 30, 250000)
    assert parse_tm("1015") == dtime(10, 15)
    assert parse_tm("10:15:30") == dtime(10, 15, 30)
    assert parse_tm("25") is None and parse_tm("x") is None


def test_creating_a_client_imports_nothing_heavy():
    code = ("import sys; from app.platform.dicomweb import DicomWebClient; DicomWebClient('http://pacs/dicom-web');"
            "print([m for m in ('pydicom', 'dicomweb_client') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_tls_verification_stays_on_and_takes_the_site_bundle():
    assert DicomWebClient("https://pacs.example/dicom-web").session.verify is True
    assert DicomWebClient("https://pacs.example/dicom-web", ca_bundle="/etc/site-ca.pem").session.verify == \
        "/etc/site-ca.pem"


def test_address_that_is_not_http_is_refused():
    with pytest.raises(DicomWebError, match="not a DICOMweb address"):
        DicomWebClient("dicom://pacs.example:104")


# --- QIDO-RS -----------------------------------------------------------------------------

def test_studies_query_and_mapping():
    name = {"Alphabetic": "Zhang^Wei", "Ideographic": "张^伟"}
    study = {"0020000D": el("UI", STUDY), "00080020": el("DA", "20260310"), "00080030": el("TM", "0930"),
             "00081030": el("LO", "CT chest"), "00100010": el("PN", name),
             "00100020": el("LO", "HR-1"), "00080050": el("SH", "ACC1"), "00080061": el("CS", "CT", "SR"),
             "00201206": el("IS", "3"), "00201208": el("IS", 25), "00080080": el("LO", "武汉协和医院")}
    broken = {"00081030": el("LO", "no uid")}
    bare = {"0020000D": el("UI", "1.2.4"), "00080061": el("CS", "CT\\MR"), "00201206": el("IS", "x")}
    with FakeDicomWeb({"/studies": qido(study, broken, bare)}) as srv:
        found = DicomWebClient(srv.url).studies(patient_id="HR-1", date_from=date(2026, 1, 1),
                                                date_to=date(2026, 12, 31), modality="CT", limit=10)
    [(path, query, headers)] = srv.requests
    assert path == "/dicom-web/studies"
    assert query["PatientID"] == ["HR-1"] and query["ModalitiesInStudy"] == ["CT"] and query["limit"] == ["10"]
    assert query["StudyDate"] == ["20260101-20261231"]
    assert {"00081030", "00080061", "00201206", "00201208", "00080080"} <= set(query["includefield"])
    assert "application/dicom+json" in headers["Accept"]
    assert headers["User-Agent"].startswith("Huren/")
    first, second = found      # the entry without a Study Instance UID is skipped, not fatal
    assert (first.uid, first.date, first.time, first.description) == \
        (STUDY, date(2026, 3, 10), dtime(9, 30), "CT chest")
    assert (first.patient_name, first.patient_id, first.accession, first.institution) == \
        ("张伟", "HR-1", "ACC1", "武汉协和医院")
    assert (first.modalities, first.series_count, first.instance_count) == (("CT", "SR"), 3, 25)
    assert (second.uid, second.modalities, second.series_count, second.date, second.patient_name) == \
        ("1.2.4", ("CT", "MR"), None, None, "")


def test_open_ended_date_range():
    with FakeDicomWeb({"/studies": qido()}) as srv:
        DicomWebClient(srv.url).studies(date_to=date(2025, 12, 31))
    assert srv.requests[0][1]["StudyDate"] == ["-20251231"]


def test_series_and_instances_sorted_by_number():
    series = [{"0020000E": el("UI", f"{STUDY}.{n}"), "00200011": el("IS", n), "00080060": el("CS", "CT"),
               "0008103E": el("LO", f"s{n}"), "00180015": el("CS", "chest"), "00201209": el("IS", n * 10)}
              for n in (3, 1, 2)] + [{"0020000E": el("UI", f"{STUDY}.9")}]
    instances = [{"00080018": el("UI", f"{SERIES}.{n}"), "00200013": el("IS", n), "00080016": el("UI", "1.2.840.1"),
                  "00280010": el("US", 512), "00280011": el("US", 256), "00280008": el("IS", "2")}
                 for n in (10, 2, 1)]
    with FakeDicomWeb({f"/studies/{STUDY}/series": qido(*series),
                       f"/studies/{STUDY}/series/{SERIES}/instances": qido(*instances)}) as srv:
        client = DicomWebClient(srv.url)
        got_series = client.series(STUDY)
        got_instances = client.instances(STUDY, SERIES)
    assert [s.number for s in got_series] == [1, 2, 3, None]
    assert (got_series[0].description, got_series[0].body_part, got_series[0].instance_count) == ("s1", "CHEST", 10)
    assert got_series[3].instance_count == 0
    assert [i.number for i in got_instances] == [1, 2, 10]
    assert (got_instances[0].rows, got_instances[0].columns, got_instances[0].frames) == (512, 256, 2)


@pytest.mark.parametrize("route, match", [
    ((200, "application/dicom+json", b"<html>oops</html>"), "not JSON"),
    ((200, "application/dicom+json", b'["a", 1]'), "not a DICOM JSON list"),
])
def test_malformed_listing_is_a_clear_error(route, match):
    with FakeDicomWeb({"/studies": route}) as srv, pytest.raises(DicomWebError, match=match):
        DicomWebClient(srv.url).studies()


def test_empty_answer_is_no_studies():
    with FakeDicomWeb({"/studies": (204, "application/dicom+json", b"")}) as srv:
        assert DicomWebClient(srv.url).studies() == []


# --- WADO-RS -----------------------------------------------------------------------------

def test_series_asks_for_stored_syntax_and_reads_every_part():
    bodies = [dicom_bytes(n) for n in (2, 1, 3)]
    path = f"/studies/{STUDY}/series/{SERIES}"
    with FakeDicomWeb({path: (200, MULTIPART, multipart(*bodies))}) as srv:
        got = list(DicomWebClient(srv.url).iter_series(STUDY, SERIES))
    assert srv.requests[0][2]["Accept"] == RETRIEVE_ACCEPT
    assert [int(ds.InstanceNumber) for ds in got] == [2, 1, 3]
    assert np.array_equal(got[0].pixel_array, np.arange(16, dtype=np.int16).reshape(4, 4) * 2 - 8)


def test_series_streams_instances_as_they_arrive():
    """The first instance is in hand while the server still holds back the second."""
    release = threading.Event()

    def slow(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", MULTIPART)
        handler.end_headers()
        handler.wfile.write(part(dicom_bytes(1)) + f"\r\n--{BOUNDARY}".encode())
        handler.wfile.flush()
        release.wait(5)
        handler.wfile.write("\r\nContent-Type: application/dicom\r\n\r\n".encode() + dicom_bytes(2)
                            + f"\r\n--{BOUNDARY}--\r\n".encode())

    with FakeDicomWeb({f"/studies/{STUDY}/series/{SERIES}": slow}) as srv:
        stream = DicomWebClient(srv.url, timeout=5).iter_series(STUDY, SERIES)
        started = time.monotonic()
        first = next(stream)
        assert time.monotonic() - started < 2 and not release.is_set()
        release.set()
        rest = list(stream)
    assert [int(first.InstanceNumber)] + [int(ds.InstanceNumber) for ds in rest] == [1, 2]


def test_stream_that_stalls_times_out():
    def stalls(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", MULTIPART)
        handler.end_headers()
        handler.wfile.write(part(dicom_bytes(1)) + f"\r\n--{BOUNDARY}".encode())
        handler.wfile.flush()
        time.sleep(3)

    with FakeDicomWeb({f"/studies/{STUDY}/series/{SERIES}": stalls}) as srv:
        stream = DicomWebClient(srv.url, timeout=0.5).iter_series(STUDY, SERIES)
        assert int(next(stream).InstanceNumber) == 1
        with pytest.raises(DicomWebError) as info:
            next(stream)
    assert info.value.timed_out and info.value.status is None


@pytest.mark.parametrize("body, content_type", [
    (multipart(b"this is not DICOM at all"), MULTIPART),
    (b"--" + BOUNDARY.encode() + b"\r\nno blank line, no end", MULTIPART),
    (b'{"not": "multipart"}', "application/json"),
])
def test_garbage_instead_of_instances_is_a_clear_error(body, content_type):
    with FakeDicomWeb({f"/studies/{STUDY}/series/{SERIES}": (200, content_type, body)}) as srv:
        with pytest.raises(DicomWebError) as info:
            list(DicomWebClient(srv.url).iter_series(STUDY, SERIES))
    assert "DICOMweb server" in info.value.message and info.value.status is None


def test_instances_come_in_the_order_asked_also_in_parallel():
    uids = [f"{SERIES}.{n}" for n in range(1, 7)]
    routes = {f"/studies/{STUDY}/series/{SERIES}/instances/{uid}": (200, MULTIPART, multipart(dicom_bytes(n, uid)))
              for n, uid in enumerate(uids, 1)}
    order = uids[3:] + uids[:3]
    with FakeDicomWeb(routes) as srv:
        client = DicomWebClient(srv.url)
        assert [ds.SOPInstanceUID for ds in client.iter_instances(STUDY, SERIES, order)] == order
        assert [ds.SOPInstanceUID for ds in client.iter_instances(STUDY, SERIES, order, workers=3)] == order
        assert client.retrieve_instance(STUDY, SERIES, uids[0]).InstanceNumber == 1
    assert all(headers["Accept"] == RETRIEVE_ACCEPT for _, _, headers in srv.requests)


def test_thumbnail_falls_back_to_rendered_and_remembers():
    jpeg = (200, "image/jpeg", b"\xff\xd8\xff\xe0 a jpeg")
    listing = qido(*[{"00080018": el("UI", f"{SERIES}.{n}"), "00200013": el("IS", n)} for n in (1, 2, 3)])
    routes = {f"/studies/{STUDY}/series/{SERIES}/instances": listing,
              f"/studies/{STUDY}/series/{SERIES}/instances/{SERIES}.2/rendered": jpeg}
    with FakeDicomWeb(routes) as srv:
        client = DicomWebClient(srv.url)
        assert client.thumbnail(STUDY, SERIES, size=96) == jpeg[2]
        assert client.thumbnail(STUDY, SERIES, size=96) == jpeg[2]
    assert srv.paths() == [f"/studies/{STUDY}/series/{SERIES}/thumbnail",           # 404: not offered
                           f"/studies/{STUDY}/series/{SERIES}/instances",
                           f"/studies/{STUDY}/series/{SERIES}/instances/{SERIES}.2/rendered",   # the middle one
                           f"/studies/{STUDY}/series/{SERIES}/instances",               # no /thumbnail again
                           f"/studies/{STUDY}/series/{SERIES}/instances/{SERIES}.2/rendered"]
    assert srv.requests[0][1]["viewport"] == ["96,96"]
    assert srv.requests[2][2]["Accept"] == "image/jpeg"


def test_thumbnail_from_the_server_when_it_has_one():
    jpeg = (200, "image/jpeg", b"\xff\xd8\xff\xe0 thumb")
    with FakeDicomWeb({f"/studies/{STUDY}/series/{SERIES}/instances/{SOP}/thumbnail": jpeg}) as srv:
        assert DicomWebClient(srv.url).thumbnail(STUDY, SERIES, SOP) == jpeg[2]
    assert len(srv.requests) == 1


@pytest.mark.parametrize("status", [400, 404, 406, 501])
def test_no_thumbnail_is_none_not_an_error(status):
    routes = {f"/studies/{STUDY}/series/{SERIES}/instances/{SOP}/{kind}": (status, "application/json", b"{}")
              for kind in ("thumbnail", "rendered")}
    with FakeDicomWeb(routes) as srv:
        assert DicomWebClient(srv.url).thumbnail(STUDY, SERIES, SOP) is None


def test_bad_uid_is_refused_before_any_request():
    with FakeDicomWeb({}) as srv, pytest.raises(DicomWebError, match="not a DICOM UID"):
        list(DicomWebClient(srv.url).iter_series(STUDY, "1.2/../../x"))
    assert srv.requests == []


# --- failures: every call, every way a server can fail ---------------------------------------

CALLS = {
    "studies": lambda c: c.studies(patient_id="HR-1"),
    "series": lambda c: c.series(STUDY),
    "instances": lambda c: c.instances(STUDY, SERIES),
    "iter_series": lambda c: list(c.iter_series(STUDY, SERIES)),
    "retrieve_instance": lambda c: c.retrieve_instance(STUDY, SERIES, SOP),
    "thumbnail": lambda c: c.thumbnail(STUDY, SERIES, SOP),
}


def test_server_error_names_the_status():
    with failing_server(500) as srv:
        client = DicomWebClient(srv.fhir_base)
        for name, call in CALLS.items():
            with pytest.raises(DicomWebError) as info:
                call(client)
            assert info.value.status == 500, name
            assert "HTTP 500" in info.value.message and "failed" in info.value.message, name


@pytest.mark.parametrize("call", ["iter_series", "retrieve_instance", "studies"])
@pytest.mark.parametrize("status, words", [(404, "not found"), (401, "refused access"), (403, "refused access")])
def test_client_errors_say_what_went_wrong(call, status, words):
    body = json.dumps({"Message": "Unknown resource"}).encode()
    routes = {path: (status, "application/json", body) for path in (
        "/studies", f"/studies/{STUDY}/series/{SERIES}", f"/studies/{STUDY}/series/{SERIES}/instances/{SOP}")}
    with FakeDicomWeb(routes) as srv, pytest.raises(DicomWebError) as info:
        CALLS[call](DicomWebClient(srv.url))
    assert info.value.status == status
    assert words in info.value.message and "Unknown resource" in info.value.message


def test_gateway_errors_are_retried_briefly_then_reported():
    with FakeDicomWeb({"/studies": (503, "text/plain", b"restarting")}) as srv:
        started = time.monotonic()
        with pytest.raises(DicomWebError) as info:
            DicomWebClient(srv.url).studies()
    assert info.value.status == 503
    assert len(srv.requests) == 3                  # ours: 1 + 2 retries; the library's own loop is off
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("call", ["studies", "iter_series", "thumbnail"])
def test_refused_connection_is_unreachable(call):
    with socket.socket() as s:          # a port that was free a moment ago: nobody listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(DicomWebError) as info:
        CALLS[call](DicomWebClient(f"http://127.0.0.1:{port}/dicom-web", timeout=2))
    assert info.value.status is None and not info.value.timed_out
    assert "cannot connect" in info.value.message
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("call", ["studies", "iter_series"])
def test_silent_server_times_out_once(call):
    with SilentServer() as srv:
        started = time.monotonic()
        with pytest.raises(DicomWebError) as info:
            CALLS[call](DicomWebClient(srv.fhir_base, timeout=0.5))
    assert info.value.timed_out and info.value.status is None
    assert "0.5 s" in info.value.message
    assert time.monotonic() - started < 2       # not retried: a dead server costs one timeout


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no system store trusts: a hospital's own CA, in short."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Huren test PACS")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "pacs.pem", folder / "pacs.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_tls_is_verified_against_the_site_ca_bundle(tmp_path):
    import ssl

    cert, key = _self_signed(tmp_path)
    server = FakeDicomWeb({"/studies": qido({"0020000D": el("UI", STUDY)})})
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    with server:
        url = server.url.replace("http://", "https://")
        with pytest.raises(DicomWebError) as info:
            DicomWebClient(url).studies()
        assert "certificate" in info.value.message and info.value.status is None
        assert [s.uid for s in DicomWebClient(url, ca_bundle=str(cert)).studies()] == [STUDY]


def test_an_instance_that_is_not_dicom_is_said_so():
    """pydicom's own error (raised inside dicomweb-client's reading) is named, not passed on raw."""
    uid = f"{SERIES}.1"
    routes = {f"/studies/{STUDY}/series/{SERIES}/instances/{uid}": (200, MULTIPART, multipart(b"\x00" * 200))}
    with FakeDicomWeb(routes) as srv, pytest.raises(DicomWebError) as info:
        DicomWebClient(srv.url).retrieve_instance(STUDY, SERIES, uid)
    assert info.value.message == "the DICOMweb server sent something that is not DICOM for the instance"
