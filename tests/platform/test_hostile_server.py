"""A hostile FHIR server on loopback: the client ends every request within bounds, with a clear message.

The server is ours and only for these tests: it drips, floods, nests JSON deeply, redirects
elsewhere and answers HTML. Each case must end well within the timeout plus a few seconds.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.platform.fhir_client import FhirClient, FhirError, SourceUnreachable

TIMEOUT = 2.0


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # noqa: D102 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        if path.endswith("/drip"):   # headers at once, then one byte every 0.3 s
            self._head(200, "application/fhir+json", 1000)
            try:
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                return
        elif path.endswith("/flood"):   # far more than the client's cap
            self._head(200, "application/fhir+json", 200 * 1024 * 1024)
            chunk = b" " * (1024 * 1024)
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except OSError:
                return
        elif path.endswith("/deep"):
            body = b"[" * 50_000 + b"]" * 50_000
            self._head(200, "application/fhir+json", len(body))
            self.wfile.write(body)
        elif path.endswith("/away"):
            self._head(302, "text/plain", 0, {"Location": "http://127.0.0.2:9/fhir/Patient"})
        elif path.endswith("/here"):
            self._head(302, "text/plain", 0, {"Location": "/fhir/ok"})
        elif path.endswith("/loop"):
            self._head(302, "text/plain", 0, {"Location": "/fhir/loop"})
        elif path.endswith("/png"):
            body = b"\\x89PNG\\r\\n\\x1a\\n"
            self._head(200, "image/png", len(body))
            self.wfile.write(body)
        elif path.endswith("/ok"):
            body = b'{"resourceType": "Bundle", "type": "searchset", "total": 0}'
            self._head(200, "application/fhir+json", len(body))
            self.wfile.write(body)
        else:
            self._head(404, "text/plain", 0)

    def _head(self, status: int, kind: str, length: int, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()


@pytest.fixture(scope="module")
def client():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    c = FhirClient(f"http://127.0.0.1:{server.server_address[1]}/fhir", timeout=TIMEOUT, retries=0,
                   max_body_bytes=8 * 1024 * 1024)
    yield c
    c.close()
    server.shutdown()


def _timed(fn):
    started = time.monotonic()
    with pytest.raises(FhirError) as caught:
        fn()
    return caught.value, time.monotonic() - started


def test_a_dripping_server_is_given_up_on_at_the_deadline(client):
    error, seconds = _timed(lambda: client.get_json("drip"))
    assert isinstance(error, SourceUnreachable) and error.timed_out
    assert seconds < TIMEOUT + 2, seconds   # the read timeout alone restarts with every byte: never ends


def test_a_flood_is_refused_past_the_cap_without_reading_it_all(client):
    error, seconds = _timed(lambda: client.get_json("flood"))
    assert "larger than 8 MB" in error.message and seconds < TIMEOUT + 2


def test_json_nested_50000_deep_is_unreadable_data_not_a_crash(client):
    error, _ = _timed(lambda: client.get_json("deep"))
    assert type(error) is FhirError and "unreadable data" in error.message and "deeply" in error.message


def test_a_redirect_to_another_host_is_not_followed(client):
    error, _ = _timed(lambda: client.get_json("away"))
    assert "another server (127.0.0.2:9)" in error.message


def test_a_redirect_within_the_source_is_followed_and_a_loop_is_not(client):
    assert client.get_json("here")["resourceType"] == "Bundle"
    error, _ = _timed(lambda: client.get_json("loop"))
    assert "redirected more than" in error.message


def test_an_image_is_not_taken_for_fhir_json(client):
    error, _ = _timed(lambda: client.get_json("png"))
    assert "image/png" in error.message and "not FHIR JSON" in error.message
