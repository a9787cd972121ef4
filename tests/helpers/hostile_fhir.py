"""A hostile FHIR server on loopback, ours and only for tests: each mode misbehaves in one way.

The base URL `http://127.0.0.1:<port>/<mode>/fhir` picks the mode, so one server plays every
source of a test. Modes whose harm lies in a search answer (`long-name`, `next-away`) serve a
proper CapabilityStatement; the others misbehave on every request, `metadata` included.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESIDENT_ID = "370102196803152710"
#: The modes, in the order a security review tried them.
MODES = ("drip-body", "drip-headers", "flood", "deep", "long-name", "away", "next-away", "png")
NAME_CHARS = 20_000_000
FLOOD_BYTES = 500 * 1024 * 1024
ELSEWHERE = "http://127.0.0.2:9/fhir"


def _capabilities() -> bytes:
    return json.dumps({"resourceType": "CapabilityStatement", "status": "active", "kind": "instance",
                       "fhirVersion": "4.0.1", "format": ["json"],
                       "rest": [{"mode": "server", "resource": [
                           {"type": "Patient", "searchParam": [{"name": "identifier", "type": "token"},
                                                               {"name": "name", "type": "string"}]}]}]}).encode()


def _patient(name: dict) -> dict:
    return {"resourceType": "Patient", "id": "p1", "name": [name], "gender": "male", "birthDate": "1968-03-15",
            "identifier": [{"system": "https://fhir.huren.cn/sid/cn-resident-id", "value": RESIDENT_ID}]}


class _Answers:
    """Bodies made once: the 20-million-character name is 20 MB of JSON."""

    _long_name: bytes | None = None
    _lock = threading.Lock()

    @classmethod
    def long_name(cls) -> bytes:
        with cls._lock:
            if cls._long_name is None:
                long = "张伟" + "W" * (NAME_CHARS - 2)   # 20 MB: under the client's default cap of 32 MB
                bundle = {"resourceType": "Bundle", "type": "searchset", "total": 1,
                          "entry": [{"resource": _patient({"family": "张", "given": ["伟"], "text": long})}]}
                cls._long_name = json.dumps(bundle, ensure_ascii=False).encode("utf-8")
            return cls._long_name

    @staticmethod
    def next_away(base: str) -> bytes:
        bundle = {"resourceType": "Bundle", "type": "searchset", "total": 2,
                  "link": [{"relation": "self", "url": f"{base}/Patient"},
                           {"relation": "next", "url": f"{ELSEWHERE}/Patient?page=2"}],
                  "entry": [{"resource": _patient({"family": "张", "given": ["伟"], "text": "张伟"})}]}
        return json.dumps(bundle, ensure_ascii=False).encode("utf-8")


class HostileHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        mode, _, rest = self.path.lstrip("/").partition("/fhir")
        rest = rest.split("?")[0].strip("/")
        try:
            if rest == "metadata" and mode in ("long-name", "next-away"):
                self._send(200, "application/fhir+json", _capabilities())
            elif mode == "long-name":
                self._send(200, "application/fhir+json", _Answers.long_name())
            elif mode == "next-away":
                self._send(200, "application/fhir+json",
                           _Answers.next_away(f"http://{self.headers.get('Host')}/{mode}/fhir"))
            else:
                self._misbehave(mode)
        except OSError:   # the client hung up, as it should
            return

    do_POST = do_GET   # noqa: N815 - a write meets the same server

    def _misbehave(self, mode: str) -> None:
        if mode == "drip-body":            # headers at once, then one byte every 0.3 s
            self._head(200, "application/fhir+json", 100_000)
            self._drip()
        elif mode == "drip-headers":       # the status line, then header bytes one every 0.3 s
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
            for _ in range(100_000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.3)
        elif mode == "flood":              # 500 MB, far past any cap
            self._head(200, "application/fhir+json", FLOOD_BYTES)
            chunk = b" " * (1024 * 1024)
            for _ in range(FLOOD_BYTES // len(chunk)):
                self.wfile.write(chunk)
        elif mode == "deep":
            self._send(200, "application/fhir+json", b"[" * 50_000 + b"]" * 50_000)
        elif mode == "away":
            self._head(302, "text/plain", 0, {"Location": f"{ELSEWHERE}/Patient"})
        elif mode == "redirect-drip":      # a redirect whose body drips: requests reads it before asking
            self._head(302, "text/plain", 100_000, {"Location": "/long-name/fhir/metadata"})
            self._drip()
        elif mode == "busy-drip":          # 503 (which urllib3 retries) with a body that drips
            self._head(503, "text/plain", 100_000)
            self._drip()
        elif mode == "chunked-drip":       # a chunked answer whose chunk-size line drips
            self.send_response(200)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"1")
            self._drip(b"0")
        elif mode == "here":               # within the source: to a proper answer
            self._head(302, "text/plain", 0, {"Location": "/long-name/fhir/metadata"})
        elif mode == "loop":
            self._head(302, "text/plain", 0, {"Location": self.path})
        elif mode == "png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        else:
            self._send(404, "text/plain", b"no such mode")

    def _drip(self, byte: bytes = b" ") -> None:
        for _ in range(100_000):
            self.wfile.write(byte)
            self.wfile.flush()
            time.sleep(0.3)

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self._head(status, kind, len(body))
        self.wfile.write(body)

    def _head(self, status: int, kind: str, length: int, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()


class HostileFhir:
    """The server in a process of its own, on a free loopback port, for a `with` block.

    Its own process: serving 20 MB answers takes the interpreter lock too, and the tests
    measure how long the window's event loop waits for it.
    """

    def __enter__(self) -> HostileFhir:
        root = Path(__file__).resolve().parents[2]
        self.process = subprocess.Popen([sys.executable, "-m", "tests.helpers.hostile_fhir"], cwd=root,
                                        stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline() if self.process.stdout else ""
        if not line.strip().isdigit():
            self.process.kill()
            raise RuntimeError(f"the hostile server did not start: {line!r}")
        self.port = int(line)
        return self

    def base(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.port}/{mode}/fhir"

    def __exit__(self, *exc: object) -> None:
        self.process.kill()
        self.process.wait(10)
        if self.process.stdout:
            self.process.stdout.close()


def serve() -> None:
    """Serve until killed; the first line on stdout is the port."""
    _Answers.long_name()
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    serve()
