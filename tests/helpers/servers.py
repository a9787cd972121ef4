"""Misbehaving hospitals for fault tests: real sockets on loopback, no mocks."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _send_json(handler: BaseHTTPRequestHandler, status: int, doc: dict) -> None:
    body = json.dumps(doc).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/fhir+json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class _Server:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def fhir_base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/fhir"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def failing_server(status: int = 500) -> _Server:
    """Answers every request with `status` and an OperationOutcome, as a broken gateway might."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            _send_json(self, status, {"resourceType": "OperationOutcome",
                                      "issue": [{"severity": "error", "code": "exception",
                                                 "diagnostics": "database unavailable"}]})

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.do_GET()

        def log_message(self, *args) -> None:
            pass

    return _Server(Handler)


def json_server(pages: dict[str, dict]) -> _Server:
    """Serves fixed JSON documents by path (query ignored): for malformed-resource tests."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0]
            doc = pages.get(path)
            _send_json(self, 200, doc if doc is not None else {"resourceType": "Bundle", "type": "searchset",
                                                               "entry": []})

        def log_message(self, *args) -> None:
            pass

    return _Server(Handler)


class SilentServer:
    """Accepts connections and never answers: a hospital whose server has hung."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.conns: list[socket.socket] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def fhir_base(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/fhir"

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
                self.conns.append(conn)
            except OSError:
                continue

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.thread.join()
        for c in self.conns:
            c.close()
        self.sock.close()


def raw_exchange(address: tuple[str, int], data: bytes) -> bytes:
    """What a server answers to these bytes, until it hangs up (sent as is, however malformed)."""
    with socket.create_connection(address, timeout=10) as conn:
        try:
            conn.sendall(data)
        except OSError:   # it may answer and hang up before all of an over-long request is sent
            pass
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
        return answer
