"""The JSON server on loopback for the services the HIS calls (CDS Hooks), on the bounded core.

The core (app.platform.bounded_http) is what both local listeners stand on, this server and
the sign-in redirect (app.platform.oauth).

Loopback only, because what it answers is about patients (binding another
address is refused). Every request needs `Authorization: Bearer <secret>` (compared in
constant time). Every answer is JSON, errors included (`{"error": message}`): a bad request
is a 4xx with a message, an exception in a route a 500 with a generic message (the details
go to the log). The request line and status are logged, never the body or the query string.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from typing import Any

from app.domain.fhir_json import parse_json
from app.domain.loopback import is_loopback
from app.platform.bounded_http import BoundedHTTPServer, OneRequestHandler, raw_response

log = logging.getLogger("huren.service")

Route = Callable[[str, str, Any], tuple[int, Any]]   # (method, path, json body) -> (status, json answer)
MAX_BODY = 1024 * 1024            # a CDS Hooks call is some kilobytes; a larger body is refused unread (413)
WORKERS = 8                       # requests handled at once ...
BACKLOG = 16                      # ... and waiting for a worker; beyond that, 503
CONNECTION_TIMEOUT = 10.0         # seconds to send the request head, then the body; and per read or write


# --- the bounded core ----------------------------------------------------------------------


class LoopbackJsonServer:
    def __init__(self, route: Route, secret: str, host: str = "127.0.0.1", port: int = 0, *,
                 workers: int = WORKERS, backlog: int = BACKLOG, timeout: float = CONNECTION_TIMEOUT) -> None:
        if not is_loopback(host):
            raise ValueError(f"the service listens on this workstation only (loopback), not on {host!r}")
        if len(secret) < 16:
            raise ValueError("the service's bearer secret must be at least 16 characters")
        self.route, self.secret = route, secret
        self._http = BoundedHTTPServer((host, port), _handler_class(self), workers=workers, backlog=backlog,
                                       max_connections=256, timeout=timeout, name="huren-service")

    @property
    def url(self) -> str:
        host, port = self._http.server_name, self._http.server_port   # the bound address (server_bind)
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def timeout(self) -> float:
        """Seconds a connection has to send its request (and per read or write after that)."""
        return self._http.connection_timeout

    @timeout.setter
    def timeout(self, seconds: float) -> None:
        self._http.connection_timeout = seconds

    def start(self) -> LoopbackJsonServer:
        self._http.start()
        return self

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> LoopbackJsonServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def authorized(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), self.secret.encode())


def _json_bytes(answer: Any) -> bytes:
    return json.dumps(answer, ensure_ascii=False).encode("utf-8")


def _is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _handler_class(owner: LoopbackJsonServer) -> type[OneRequestHandler]:
    class Handler(OneRequestHandler):
        server_version = "Huren/1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._serve()

        do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

        @staticmethod
        def busy_response() -> bytes:
            return raw_response(503, "application/json; charset=utf-8",
                                _json_bytes({"error": "the service is busy; try again in a moment"}),
                                (("Retry-After", "1"),))

        def error_body(self, status: int, message: str) -> tuple[str, bytes]:
            return "application/json; charset=utf-8", _json_bytes({"error": message})

        def handle_expect_100(self) -> bool:
            self._continue = True   # said only once the body is wanted: a refused one is never sent
            return True

        def _serve(self) -> None:
            try:
                status, answer = self._answer()
                data = _json_bytes(answer)
            except Exception:  # noqa: BLE001 - the HIS gets a 500, the details stay in our log
                log.exception("service request failed: %s %s", self.command, self.path.split("?")[0])
                status, data = 500, _json_bytes({"error": "internal error; see the workstation's log"})
            headers = (("WWW-Authenticate", 'Bearer realm="huren"'),) if status == 401 else ()
            self.send_answer(status, "application/json; charset=utf-8", data, headers)
            log.info("%s %s %d", self.command, self.path.split("?")[0], status)

        def _answer(self) -> tuple[int, Any]:
            if not owner.authorized(self.headers.get("Authorization", "")):
                return 401, {"error": "a valid bearer token is required"}
            refused = self._refused_body()
            if refused is not None:
                return refused
            length = int(self.headers.get("Content-Length") or 0)
            if length and getattr(self, "_continue", False):
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            raw = self.rfile.read(length) if length else b""
            if len(raw) < length:
                return 400, {"error": "the request body ended before its Content-Length"}
            self.server.request_read(self.connection)
            body = None
            if raw:
                try:
                    body = parse_json(raw)
                except ValueError as e:
                    return 400, {"error": f"the body is not readable JSON: {e}"}
            return owner.route(self.command, self.path, body)

        def _refused_body(self) -> tuple[int, Any] | None:
            """Why the body is not read at all, or None."""
            if "Transfer-Encoding" in self.headers:
                return 411, {"error": "send the body with a Content-Length (no chunked transfer)"}
            lengths = set(self.headers.get_all("Content-Length") or ())
            if not lengths:
                if self.command in ("POST", "PUT"):
                    return 411, {"error": f"a {self.command} needs a Content-Length"}
                return None
            length = lengths.pop().strip()
            if lengths or not length.isdigit():
                return 400, {"error": "the Content-Length is not one number"}
            if int(length) > MAX_BODY:
                return 413, {"error": f"the request body is too large ({int(length)} bytes; "
                                      f"at most {MAX_BODY} are accepted)"}
            if int(length) and not _is_json(self.headers.get("Content-Type", "")):
                return 415, {"error": "the body must be JSON (Content-Type: application/json)"}
            return None

    return Handler
