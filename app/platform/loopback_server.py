"""A small JSON-over-HTTP server for services the HIS calls on this workstation.

Loopback only: binding another address is refused, because what it answers is about
patients. Every request needs `Authorization: Bearer <secret>` (compared in constant time).
The request line and status are logged, never the body or the query string.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from app.domain.fhir_json import parse_json

log = logging.getLogger("huren.service")

Route = Callable[[str, str, Any], tuple[int, Any]]   # (method, path, json body) -> (status, json answer)
MAX_BODY = 8 * 1024 * 1024


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class LoopbackJsonServer:
    def __init__(self, route: Route, secret: str, host: str = "127.0.0.1", port: int = 0) -> None:
        if not is_loopback(host):
            raise ValueError(f"the service listens on this workstation only (loopback), not on {host!r}")
        if len(secret) < 16:
            raise ValueError("the service's bearer secret must be at least 16 characters")
        self.route, self.secret = route, secret
        handler = _handler_class(self)
        self._http = ThreadingHTTPServer((host, port), handler)
        self._http.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> LoopbackJsonServer:
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,), name="huren-service",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackJsonServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def authorized(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), self.secret.encode())


def _handler_class(server: LoopbackJsonServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "Huren/1"
        timeout = 10   # an idle or dripping connection does not hold a thread for ever

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._serve()

        do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

        def _serve(self) -> None:
            status, answer = self._answer()
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if status == 401:
                self.send_header("WWW-Authenticate", 'Bearer realm="huren"')
            self.end_headers()
            self.wfile.write(data)
            log.info("%s %s %d", self.command, self.path.split("?")[0], status)

        def _answer(self) -> tuple[int, Any]:
            length = self.headers.get("Content-Length") or "0"
            if not length.isdigit() or int(length) > MAX_BODY:
                self.close_connection = True
                return 413, {"error": "the request body is too large"}
            raw = self.rfile.read(int(length)) if int(length) else b""
            if not server.authorized(self.headers.get("Authorization", "")):
                return 401, {"error": "a valid bearer token is required"}
            body = None
            if raw:
                try:
                    body = parse_json(raw)
                except ValueError as e:
                    return 400, {"error": f"the body is not readable JSON: {e}"}
            try:
                return server.route(self.command, self.path, body)
            except Exception:  # noqa: BLE001 - the HIS gets a 500, the details stay in our log
                log.exception("service request failed")
                return 500, {"error": "internal error; see the workstation's log"}

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class name
            """Silenced: http.server would print the full path with its query."""

    return Handler
