"""A hostile DICOMweb server on loopback, ours and only for tests: each mode misbehaves in one way.

The base URL `http://127.0.0.1:<port>/<mode>/dicom-web` picks the mode, so one server plays
every image server of a test module. A path ending in /studies, /series or /instances is a
QIDO-RS search (DICOM JSON), one ending in /thumbnail or /rendered a picture (JPEG), any other
a WADO-RS retrieval (multipart, one part per instance, sent until close as Orthanc does).

The server notes when the client hangs up on a misbehaving answer (`hung_up`): a client that
gives up must also close the connection, not leave it open to a server still sending.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STUDY, SERIES = "1.2.3", "1.2.3.4"
BOUNDARY = "hostile-b0undary"
MULTIPART = f'multipart/related; type="application/dicom"; boundary={BOUNDARY}'
ELSEWHERE = "http://127.0.0.2:9/dicom-web"
#: Seconds between two bytes of a drip, and between two instances of the slow but honest series.
DRIP_EVERY = 0.2
SLOW_SERIES_GAP = 0.6
SLOW_SERIES_COUNT = 4
#: What the flooding modes send at most (they stop as soon as the client hangs up).
FLOOD_BYTES = 64 * 1024 * 1024
DEEP = 50_000


def instance_bytes(number: int) -> bytes:
    """A small, valid CT instance (4 x 4 pixels) numbered `number`."""
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian

    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID = CTImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = f"{SERIES}.{number}"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.InstanceNumber = STUDY, SERIES, number
    ds.Rows = ds.Columns = 4
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
    ds.PixelData = bytes(32)
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def part_head() -> bytes:
    """The delimiter and headers that open a part; its DICOM bytes follow."""
    return f"\r\n--{BOUNDARY}\r\nContent-Type: application/dicom\r\n\r\n".encode()


def multipart_end() -> bytes:
    return f"\r\n--{BOUNDARY}--\r\n".encode()


def _kind(path: str) -> str:
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if last in ("studies", "series", "instances"):
        return "qido"
    return "picture" if last in ("thumbnail", "rendered") else "wado"


QIDO_ANSWER = json.dumps([{"0020000D": {"vr": "UI", "Value": [STUDY]},
                           "0020000E": {"vr": "UI", "Value": [SERIES]},
                           "00080018": {"vr": "UI", "Value": [f"{SERIES}.1"]}}]).encode()
JPEG = b"\xff\xd8\xff\xe0 a small jpeg"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        mode, _, rest = self.path.lstrip("/").partition("/dicom-web")
        self.mode, self.rest = mode, rest.split("?")[0]
        self.kind = _kind(self.rest)
        misbehave = _MODES.get(mode)
        try:
            if misbehave is None:
                self._send(404, "text/plain", b"no such mode")
            else:
                misbehave(self)
        except OSError:   # the client hung up, as it should
            self.server.note_hang_up(mode)

    # --- building blocks ---------------------------------------------------------------------

    def _head(self, status: int, kind: str, length: int | None, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is None:   # the body runs until the connection closes
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(length))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self._head(status, kind, len(body))
        self.wfile.write(body)

    def _write(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _drip(self, byte: bytes = b" ") -> None:
        """One byte every DRIP_EVERY seconds, until the client hangs up (or the server stops)."""
        while not self.server.stopping.is_set():
            self._write(byte)
            time.sleep(DRIP_EVERY)

    def _flood(self) -> None:
        chunk = b"\0" * (64 * 1024)
        for _ in range(FLOOD_BYTES // len(chunk)):
            self._write(chunk)

    def _wait_for_hang_up(self) -> None:
        """Sends nothing more; returns when the client closes the connection (or the server stops)."""
        self.connection.settimeout(0.1)
        while not self.server.stopping.is_set():
            try:
                if self.connection.recv(1) == b"":
                    self.server.note_hang_up(self.mode)
                    return
            except TimeoutError:
                continue

    def _first_instance(self) -> None:
        """A multipart answer's headers and one whole instance."""
        self._head(200, MULTIPART, None)
        self._write(part_head() + instance_bytes(1))

    def _good(self) -> None:
        if self.kind == "qido":
            self._send(200, "application/dicom+json", QIDO_ANSWER)
        elif self.kind == "picture":
            self._send(200, "image/jpeg", JPEG)
        else:
            body = part_head() + instance_bytes(1) + part_head() + instance_bytes(2) + multipart_end()
            self._send(200, MULTIPART, body)


def _drip_headers(h: _Handler) -> None:
    h._write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
    h._drip(b"x")


def _drip_body(h: _Handler) -> None:
    kind = {"qido": "application/dicom+json", "picture": "image/jpeg"}.get(h.kind, MULTIPART)
    h._head(200, kind, 100_000)
    h._drip()


def _cut_body(h: _Handler) -> None:
    """A body declared 100 kB long that stops after a few bytes: the connection closes, early."""
    kind = {"qido": "application/dicom+json", "picture": "image/jpeg"}.get(h.kind, MULTIPART)
    h._head(200, kind, 100_000)
    h._write(b"[{" if h.kind == "qido" else b"\xff\xd8\xff")
    h.close_connection = True


def _redirect(location: str, drip: bool) -> Callable[[_Handler], None]:
    """A redirect whose body (if `drip`) drips: a client that reads it before following waits for ever."""
    def send(h: _Handler) -> None:
        target = location.format(rest=h.rest, path=h.path)
        if drip:
            h._head(302, "text/plain", 100_000, {"Location": target})
            h._drip()
        else:
            h._head(302, "text/plain", 0, {"Location": target})
    return send


def _stall(h: _Handler) -> None:
    """One instance, then the next part begun, then nothing, for ever."""
    h._first_instance()
    h._write(part_head() + b"DICM")
    h._wait_for_hang_up()


def _drip_part(h: _Handler) -> None:
    """One instance, then the next one a byte at a time."""
    h._first_instance()
    h._write(part_head())
    h._drip(b"\0")


def _drip_chunked(h: _Handler) -> None:
    """Chunked: one instance in a chunk, then the next chunk's size line a hex digit at a time.

    The size line is read whole (up to 64 kB) before any of the chunk is handed over, so only
    a deadline that does not wait for the read to return can end this.
    """
    h.send_response(200)
    h.send_header("Content-Type", MULTIPART)
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    first = part_head() + instance_bytes(1) + part_head()
    h._write(f"{len(first):x}\r\n".encode() + first + b"\r\n")
    h._drip(b"f")


def _huge_part(h: _Handler) -> None:
    """One instance, then a part that does not end."""
    h._first_instance()
    h._write(part_head())
    h._flood()


def _huge_declared(h: _Handler) -> None:
    """A single-part answer (bare application/dicom, which the library accepts) of a declared 4 GiB."""
    h._head(200, "application/dicom", 4 * 1024**3)
    h._wait_for_hang_up()


def _huge_picture(h: _Handler) -> None:
    h._head(200, "image/jpeg", None)
    h._write(b"\xff\xd8\xff\xe0")
    h._flood()


def _slow_series(h: _Handler) -> None:
    """An honest series over a slow link: each instance in time, all of them together not."""
    h._head(200, MULTIPART, None)
    for number in range(1, SLOW_SERIES_COUNT + 1):
        time.sleep(SLOW_SERIES_GAP)
        h._write(part_head() + instance_bytes(number))
    h._write(multipart_end())


def _deep(h: _Handler) -> None:
    h._send(200, "application/dicom+json", b"[" * DEEP + b"]" * DEEP)


def _deep_error(h: _Handler) -> None:
    h._send(404, "application/json", b"[" * DEEP + b"]" * DEEP)


def _flood_error(h: _Handler) -> None:
    """An error whose explanation is declared 4 GiB long, and goes on for as long as it is read."""
    h._head(500, "application/json", 4 * 1024**3)
    h._write(b'{"Message": "')
    h._flood()


def _gzip(h: _Handler) -> None:
    """Not hostile: the good series, compressed (Content-Encoding: gzip), as a server may send it."""
    import gzip

    body = gzip.compress(part_head() + instance_bytes(1) + part_head() + instance_bytes(2) + multipart_end())
    h._head(200, MULTIPART, len(body), {"Content-Encoding": "gzip"})
    h._write(body)


def _html(h: _Handler) -> None:
    h._send(200, "text/html", b"<html><body>Please sign in</body></html>")


_MODES: dict[str, Callable[[_Handler], None]] = {
    "good": _Handler._good,
    "drip-headers": _drip_headers,
    "drip-body": _drip_body,
    "cut-body": _cut_body,
    "deep": _deep,
    "deep-error": _deep_error,
    "flood-error": _flood_error,
    "html": _html,
    "away": _redirect(ELSEWHERE + "{rest}", drip=True),
    "here": _redirect("/good/dicom-web{rest}", drip=True),
    "loop": _redirect("{path}", drip=False),
    "stall": _stall,
    "drip-part": _drip_part,
    "drip-chunked": _drip_chunked,
    "huge-part": _huge_part,
    "huge-declared": _huge_declared,
    "huge-picture": _huge_picture,
    "slow-series": _slow_series,
    "gzip": _gzip,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stopping = threading.Event()
        self._hang_ups: dict[str, threading.Event] = {mode: threading.Event() for mode in _MODES}

    def note_hang_up(self, mode: str) -> None:
        if mode in self._hang_ups:
            self._hang_ups[mode].set()

    def hung_up(self, mode: str, within: float) -> bool:
        return self._hang_ups[mode].wait(within)

    def forget_hang_ups(self) -> None:
        for event in self._hang_ups.values():
            event.clear()


class HostileDicomWeb:
    """The server in this process, on a free loopback port, for a `with` block."""

    def __enter__(self) -> HostileDicomWeb:
        self.server = _Server()
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()
        return self

    def base(self, mode: str) -> str:
        assert mode in _MODES, mode
        return f"http://127.0.0.1:{self.server.server_address[1]}/{mode}/dicom-web"

    def hung_up(self, mode: str, within: float = 2.0) -> bool:
        """Whether the client closed a connection of `mode` (waiting up to `within` seconds for it)."""
        return self.server.hung_up(mode, within)

    def forget_hang_ups(self) -> None:
        self.server.forget_hang_ups()

    def __exit__(self, *exc: object) -> None:
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()

