"""The embedded regional platform: a FHIR R4 server on loopback over a SQLite store.

`SandboxServer` is what the app, the tests and the `sandbox` command start. It fills an
empty data dir with synthetic demo data (once: a restart on the same dir keeps the data),
loads `--load` Bundles and `--load-dicom` folders, and serves `FhirApi` under `/fhir` and
`DicomWebApi` under `/dicom-web` from a `ThreadingHTTPServer` in a daemon thread. Requests
are logged to `huren.sandbox` without query strings: those carry resident IDs and names.
"""

from __future__ import annotations

import json
import logging
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.sandbox.api import FhirApi, Request, Response, error_response
from app.sandbox.auth import PREFIX as AUTH_PREFIX
from app.sandbox.auth import WELL_KNOWN as AUTH_WELL_KNOWN
from app.sandbox.auth import AuthServer, demo_accounts
from app.sandbox.bundles import load_file
from app.sandbox.conformance import FULL, Conformance
from app.sandbox.dates import ZONELESS_OFFSET
from app.sandbox.dicom_index import DicomIndex
from app.sandbox.dicomweb import PREFIX as DICOMWEB_PREFIX
from app.sandbox.dicomweb import DicomWebApi
from app.sandbox.errors import FhirError
from app.sandbox.store import FILENAME as STORE_FILENAME
from app.sandbox.store import Store

log = logging.getLogger("huren.sandbox")

_MAX_BODY = 64 * 1024 * 1024
_META_SEED, _META_ANCHOR, _META_CATALOGUE = "demo_seed", "demo_anchor", "catalogue"
_META_VERSION = "demo_version"


class _Handler(BaseHTTPRequestHandler):
    """Reads one HTTP request into a `Request`, writes the `Response` back."""

    protocol_version = "HTTP/1.1"  # keep-alive: a chart load is many requests
    server_version = "HurenSandbox/1"
    timeout = 30  # an idle keep-alive connection does not hold a thread for ever
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall
    server: _HttpServer

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._serve()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET  # noqa: N815

    def _serve(self) -> None:
        started = time.perf_counter()
        parts = urlsplit(self.path)
        dicomweb = parts.path == DICOMWEB_PREFIX or parts.path.startswith(DICOMWEB_PREFIX + "/")
        auth = self.server.auth
        try:
            request = self._request(parts.path, parts.query)
            if parts.path.startswith(AUTH_PREFIX + "/") or parts.path == AUTH_WELL_KNOWN:
                response = auth.handle(request)
            else:
                handler = self.server.dicomweb if dicomweb else self.server.api
                response = auth.refuse(request) or handler.handle(request)
        except FhirError as exc:
            response = error_response(exc)
        if self.server.latency > 0:
            time.sleep(self.server.latency)
        self._send(response)
        elapsed = (time.perf_counter() - started) * 1000
        log.info("%s %s %d %.1f ms", self.command, parts.path, response.status, elapsed)

    def _request(self, path: str, query: str) -> Request:
        body = self._body()
        host = _with_port(self.headers.get("Host") or "", self.server.host_port)
        headers = {k.lower(): v for k, v in self.headers.items()}
        return Request(self.command, path, query, headers, body, f"http://{host}/fhir")

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._chunked_body()
        length = self.headers.get("Content-Length")
        if not length:
            return b""
        if not length.isdigit() or int(length) > _MAX_BODY:
            self.close_connection = True
            raise FhirError(413, "too-costly", "the request body is too large")
        return self.rfile.read(int(length))

    def _chunked_body(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return b"".join(chunks)
            total += size
            if total > _MAX_BODY:
                self.close_connection = True
                raise FhirError(413, "too-costly", "the request body is too large")
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(response.content_length))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if response.stream is not None:
            self._send_stream(response)
        elif self.command != "HEAD":
            self.wfile.write(response.body)

    def _send_stream(self, response: Response) -> None:
        """Write a streamed body chunk by chunk; a client that hangs up ends the connection."""
        stream = response.stream
        assert stream is not None
        sent = 0
        rate = self.server.bandwidth   # bytes per second; 0: as fast as loopback goes
        started = time.perf_counter()
        try:
            if self.command != "HEAD":
                for chunk in stream:
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    if rate:
                        ahead = sent / rate - (time.perf_counter() - started)
                        if ahead > 0:
                            time.sleep(ahead)
        except OSError as exc:  # the client went away, or a file vanished under the stream
            self.close_connection = True
            log.info("streamed answer cut short after %d bytes: %s", sent, type(exc).__name__)
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()  # releases the open file of an unfinished generator
        if self.command != "HEAD" and sent != response.length and not self.close_connection:
            self.close_connection = True  # the client cannot find the end of the body otherwise
            log.warning("streamed %d bytes, announced %s", sent, response.length)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Protocol errors (bad request line, ...) as OperationOutcome too, not HTML."""
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            self.request_version = "HTTP/1.0"  # unparsable line: still answer with a status line
        outcome = FhirError(code, "invalid" if code < 500 else "exception", message or "bad request")
        try:
            self._send(error_response(outcome))
        except OSError:
            pass
        log.info("%s %s %d", getattr(self, "command", "-") or "-", "-", code)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class name
        """Silence http.server's stderr lines: they contain the full path with the query."""


def _with_port(host: str, address: tuple[str, int]) -> str:
    """The Host header with the port the client actually reached.

    Some clients (dicomweb-client sets its own Host header) leave the port out; links this
    server hands back (Bundle links, RetrieveURL) would then point at port 80.
    """
    listening, port = address[0], address[1]
    if not host:
        return f"[{listening}]:{port}" if ":" in listening else f"{listening}:{port}"
    has_port = host.rsplit("]", 1)[-1].count(":") == 1 if host.startswith("[") else ":" in host
    return host if has_port or port == 80 else f"{host}:{port}"


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], api: FhirApi, dicomweb: DicomWebApi, auth: AuthServer,
                 latency: float, bandwidth: float = 0.0) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.api = api
        self.dicomweb = dicomweb
        self.auth = auth
        self.latency = latency
        self.bandwidth = bandwidth

    @property
    def host_port(self) -> tuple[str, int]:
        """The address listened on (the port the OS chose when 0 was asked for)."""
        host, port = self.server_address[:2]
        assert isinstance(host, str)  # getsockname() of an AF_INET/AF_INET6 socket names the host as text
        return host, port


class SandboxServer:
    """The regional platform on loopback. Use as a context manager or start()/stop()."""

    def __init__(self, data_dir: Path | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 seed: int = 20261122, patients: int = 200, anchor: datetime | None = None,
                 load: Sequence[Path] = (), load_dicom: Sequence[Path] = (), demo: bool = True,
                 images: bool = True, latency: float = 0.0, bandwidth_mbps: float = 0.0,
                 require_sign_in: bool = False, token_seconds: float = 3600,
                 conformance: Conformance = FULL) -> None:
        """`images=False` leaves the demo's imaging studies out (its DICOM files are ~250 MB);
        `latency` and `bandwidth_mbps` make it behave like a distant hospital's server;
        `require_sign_in` refuses FHIR and DICOMweb requests without a valid access token;
        `conformance=MINIMAL` offers only what FHIR promises, to test the client against a
        server that is not ours (`--load` files are loaded in full either way)."""
        self._temporary = data_dir is None
        self.data_dir = Path(tempfile.mkdtemp(prefix="huren-sandbox-")) if data_dir is None else Path(data_dir)
        self.host, self.port = host, port
        self.seed, self.patients, self.anchor = seed, patients, anchor
        self.load_files = [Path(p) for p in load]
        self.load_dicom = [Path(p) for p in load_dicom]
        self.demo = demo
        self.images = images
        self.latency = latency
        self.bandwidth = bandwidth_mbps * 1_000_000 / 8   # bytes per second
        self.conformance = conformance
        self.store = Store(self.data_dir)
        self.dicom = DicomIndex(self.data_dir)
        from app.sandbox.demo_staff import STAFF

        self.auth = AuthServer(demo_accounts(STAFF), required=require_sign_in, token_seconds=token_seconds)
        self._catalogue: dict[str, Any] | None = None
        self._http: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> SandboxServer:
        """Prepare the data (demo once, then --load files) and serve in a daemon thread."""
        try:
            self._prepare_data()
            fhir_api = FhirApi(self.store, self.catalogue, self.conformance)
            self._http = _HttpServer((self.host, self.port), fhir_api, DicomWebApi(self.dicom), self.auth,
                                     self.latency, self.bandwidth)
        except BaseException:
            self.stop()
            raise
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,),
                                        name="huren-sandbox", daemon=True)  # quick stop()
        self._thread.start()
        log.info("sandbox serving %s (data in %s)", self.fhir_base, self.data_dir)
        return self

    def stop(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self.store.close()
        self.dicom.close()
        if self._temporary:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._http is None:
            raise RuntimeError("the sandbox is not running")
        host, port = self._http.host_port
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def fhir_base(self) -> str:
        return f"{self.url}/fhir"

    @property
    def dicomweb_base(self) -> str:
        return f"{self.url}{DICOMWEB_PREFIX}"

    # -- data ----------------------------------------------------------------------------

    def _prepare_data(self) -> None:
        if self.demo and not self.store.is_empty() and self._demo_is_outdated():
            self._discard_data()
        if self.demo and self.store.is_empty():
            self._generate_demo()
        elif self.demo and self.store.get_meta(_META_SEED) not in (None, str(self.seed)):
            log.warning("the data dir holds demo data of seed %s; seed %s is ignored",
                        self.store.get_meta(_META_SEED), self.seed)
        for path in self.load_files:
            summary = load_file(self.store, path)
            log.info("loaded %s: %s Bundle, %d entries, %d failed",
                     path.name, summary.bundle_type, summary.entries, summary.failed)
        for folder in self.load_dicom:
            from app.sandbox.dicom_import import import_folder  # pydicom: only when asked for

            imported = import_folder(self.dicom, folder)
            log.info("loaded DICOM folder %s: %d files imported, %d already present, %d skipped",
                     folder.name, imported.imported, imported.present, imported.skipped)

    def _generate_demo(self) -> None:
        """Generate and bulk-load the synthetic platform; seed and anchor go to `meta`."""
        from app.sandbox import demo_data, demo_orders  # written alongside; imported only when needed

        started = time.perf_counter()
        anchor = self.anchor or datetime.now(ZONELESS_OFFSET)  # remembered, so fixed here
        data = demo_data.generate(seed=self.seed, anchor=anchor, patients=self.patients)
        resources = list(data.resources)
        history_started = time.perf_counter()
        history = demo_orders.history(self.seed, anchor, data.resources, data.catalogue)
        resources += history
        log.info("demo order history: %d records in %.2f s", len(history), time.perf_counter() - history_started)
        if self.images:
            resources += self._generate_images(data.resources, anchor)
        catalogue = data.catalogue
        from app.sandbox import demo_documents  # Pillow draws the printed reports: only when needed

        resources += demo_documents.resources(self.seed, anchor, data.resources)
        generated = time.perf_counter()
        count = self.store.bulk_load(resources)
        self.store.set_meta(_META_SEED, str(self.seed))
        self.store.set_meta(_META_VERSION, str(demo_data.DATA_VERSION))
        self.store.set_meta(_META_ANCHOR, anchor.isoformat())
        self.store.set_meta(_META_CATALOGUE, json.dumps(catalogue, ensure_ascii=False))
        log.info("demo data: %d resources, generated in %.2f s, loaded in %.2f s",
                 count, generated - started, time.perf_counter() - generated)

    def _generate_images(self, resources: list[dict[str, Any]], anchor: datetime) -> list[dict[str, Any]]:
        """Write the demo's DICOM studies and return their FHIR side (ImagingStudy, reports)."""
        from app.sandbox import demo_studies

        studies = demo_studies.plan(self.seed, anchor, resources)
        if not studies:
            return []
        try:
            from app.sandbox.demo_images import write_studies
        except ImportError as exc:  # numpy/pydicom/Pillow missing: the platform still serves FHIR
            log.warning("demo images left out: %s", exc)
            return []
        started = time.perf_counter()
        try:
            written = write_studies(studies, self.dicom, self.seed)
        except Exception:  # noqa: BLE001 - e.g. an encoder missing from a packaged build
            log.exception("demo images could not be written; the demo goes on without them")
            self.dicom.destroy()
            return []
        log.info("demo images: %d studies, %d files, %.0f MB in %.2f s", len(studies), written.files,
                 written.bytes / 1e6, time.perf_counter() - started)
        return demo_studies.fhir_resources(studies)

    def _demo_is_outdated(self) -> bool:
        """Demo data made by another version of the generator (say, before demo staff existed)."""
        from app.sandbox import demo_data

        seeded = self.store.get_meta(_META_SEED) is not None
        return seeded and self.store.get_meta(_META_VERSION) != str(demo_data.DATA_VERSION)

    def _discard_data(self) -> None:
        """Start the demo platform afresh; what trainers loaded comes back from --load."""
        log.warning("the demo data in %s was made by another version of Huren: generating it anew", self.data_dir)
        self.store.close()
        for suffix in ("", "-wal", "-shm"):
            (self.data_dir / f"{STORE_FILENAME}{suffix}").unlink(missing_ok=True)
        self.store = Store(self.data_dir)
        self.dicom.destroy()
        self.dicom = DicomIndex(self.data_dir)
        self._catalogue = None

    def set_catalogue(self, catalogue: dict[str, Any]) -> None:
        """Publish another catalogue (kept in the data dir, so it survives a restart)."""
        self.store.set_meta(_META_CATALOGUE, json.dumps(catalogue, ensure_ascii=False))
        self._catalogue = catalogue

    def catalogue(self) -> dict[str, Any] | None:
        """The recognition catalogue served at Binary/recognition-catalogue.

        The demo data's own catalogue when the store was generated (it names the demo
        hospitals), otherwise the catalogue bundled with the program.
        """
        if self._catalogue is None:
            stored = self.store.get_meta(_META_CATALOGUE)
            if stored:
                self._catalogue = json.loads(stored)
            else:
                self._catalogue = _bundled_catalogue()
        return self._catalogue


def _bundled_catalogue() -> dict[str, Any] | None:
    from app.resources import bundled_catalogue

    try:
        return bundled_catalogue()
    except (OSError, ValueError):
        log.warning("no bundled recognition catalogue found")
        return None
