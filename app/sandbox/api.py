"""Routing of FHIR HTTP requests to interactions, independent of the HTTP server.

`FhirApi.handle` turns a plain `Request` into a `Response`; every error becomes an
OperationOutcome with its status here, and an unexpected exception a 500 whose details
go to the log only. Keeping this free of `http.server` makes the routing easy to read and
to test, and leaves the server module with sockets and threads alone.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import parse_qsl

from app.sandbox import bundles
from app.sandbox import interactions as fhir
from app.sandbox.capability import capability_statement
from app.sandbox.conformance import FULL, Conformance
from app.sandbox.errors import FhirError, bad_request, not_found
from app.sandbox.searchset import searchset
from app.sandbox.store import Store
from app.sandbox.stored import Stored

log = logging.getLogger("huren.sandbox")

FHIR_JSON = "application/fhir+json; charset=utf-8"
PLAIN_JSON = "application/json; charset=utf-8"
CATALOGUE_ID = "recognition-catalogue"
_JSON_FORMATS = {"json", "application/json", "application/fhir+json", "fhir+json"}

CatalogueSource = Callable[[], "dict[str, Any] | None"]


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # without the query string
    query: str
    headers: Mapping[str, str]  # keys in lower case
    body: bytes
    base: str  # absolute FHIR base URL as the client reached it, e.g. http://host:port/fhir


@dataclass
class Response:
    """An answer; `stream` (with its precomputed `length`) replaces `body` for large payloads.

    A WADO-RS series is hundreds of megabytes: it is written part by part from the files,
    never assembled in memory, and the length is known from the index beforehand so the
    connection can stay alive.
    """

    status: int
    body: bytes
    content_type: str = FHIR_JSON
    headers: dict[str, str] = field(default_factory=dict)
    stream: Iterator[bytes] | None = None
    length: int | None = None

    @property
    def content_length(self) -> int:
        return self.length if self.stream is not None and self.length is not None else len(self.body)


def json_response(status: int, body: Any, *, content_type: str = FHIR_JSON,
                  headers: dict[str, str] | None = None) -> Response:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(status, text.encode("utf-8"), content_type, headers or {})


def error_response(exc: FhirError) -> Response:
    return json_response(exc.status, exc.outcome())


def method_not_allowed(method: str, path: str) -> FhirError:
    return FhirError(405, "not-supported", f"{method} is not allowed on {path}")


class FhirApi:
    """The sandbox's FHIR endpoints over a Store, offering what `conformance` allows."""

    def __init__(self, store: Store, catalogue: CatalogueSource, conformance: Conformance = FULL) -> None:
        self.store = store
        self._catalogue = catalogue
        self.conformance = conformance

    def handle(self, request: Request) -> Response:
        try:
            return self._route(request)
        except FhirError as exc:
            return error_response(exc)
        except Exception:  # noqa: BLE001 - the client gets an OperationOutcome, the log the trace
            log.exception("internal error on %s %s", request.method, request.path)
            return error_response(FhirError(500, "exception", "internal server error; see the sandbox log"))

    # -- routing -------------------------------------------------------------------------

    def _route(self, request: Request) -> Response:
        if request.path.rstrip("/") == "/health":
            if request.method != "GET":
                raise method_not_allowed(request.method, "/health")
            return json_response(200, {"status": "ok"}, content_type=PLAIN_JSON)
        if request.path != "/fhir" and not request.path.startswith("/fhir/"):
            raise not_found(f"{request.path} is not a FHIR endpoint (the base is /fhir)")
        _check_format(request)
        segments = [s for s in request.path[len("/fhir"):].split("/") if s]
        if not segments:
            return self._system(request)
        if segments == ["metadata"]:
            _only(request, "GET")
            return json_response(200, capability_statement(request.base, self.conformance))
        if segments[0] == "Binary":
            return self._binary(request, segments)
        fhir.check_type(segments[0])
        return self._type_level(request, segments)

    def _system(self, request: Request) -> Response:
        _only(request, "POST")
        prefer = _prefer(request)
        result = bundles.process(self.store, _json_body(request), request.base,
                                 representation=prefer.get("return") == "representation",
                                 conformance=self.conformance)
        return json_response(200, result)

    def _type_level(self, request: Request, segments: list[str]) -> Response:
        rtype, method = segments[0], request.method
        if len(segments) == 1:
            if method == "GET":
                return self._search(request, rtype, _pairs(request.query))
            if method == "POST":
                return self._create(request, rtype)
            if method == "PUT" and request.query:
                return self._conditional_update(request, rtype)
        elif segments[1] == "_search" and len(segments) == 2:
            if method == "POST":
                return self._search(request, rtype, _pairs(request.query) + _form(request))
        elif len(segments) == 2:
            if method == "GET":
                with self.store.session() as s:
                    return _resource_response(200, fhir.read(s, rtype, segments[1]))
            if method == "PUT":
                return self._update(request, rtype, segments[1])
        elif len(segments) == 4 and segments[2] == "_history":
            if method == "GET":
                with self.store.session() as s:
                    return _resource_response(200, fhir.vread(s, rtype, segments[1], segments[3]))
        else:
            raise not_found(f"{request.path} is not a FHIR endpoint of this server")
        raise method_not_allowed(method, request.path)

    # -- interactions --------------------------------------------------------------------

    def _search(self, request: Request, rtype: str, pairs: list[tuple[str, str]]) -> Response:
        lenient = _prefer(request).get("handling") == "lenient"
        with self.store.session() as s:
            query, page = fhir.search(s, rtype, pairs, lenient=lenient, conformance=self.conformance)
        return json_response(200, searchset(request.base, query, page))

    def _create(self, request: Request, rtype: str) -> Response:
        resource = _json_body(request)
        with self.store.transaction() as s:
            written = fhir.create(s, rtype, resource, request.headers.get("if-none-exist"), self.conformance)
        return _written_response(request, written)

    def _update(self, request: Request, rtype: str, rid: str) -> Response:
        resource = _json_body(request)
        with self.store.transaction() as s:
            written = fhir.update(s, rtype, rid, resource, request.headers.get("if-match"))
        return _written_response(request, written)

    def _conditional_update(self, request: Request, rtype: str) -> Response:
        resource = _json_body(request)
        with self.store.transaction() as s:
            written = fhir.conditional_update(s, rtype, request.query, resource, self.conformance)
        return _written_response(request, written)

    def _binary(self, request: Request, segments: list[str]) -> Response:
        """Binary serves one thing: the recognition catalogue, raw or wrapped as FHIR."""
        if len(segments) != 2 or segments[1] != CATALOGUE_ID:
            if request.method == "GET":
                raise not_found(f"{request.path}: only Binary/{CATALOGUE_ID} exists here")
            raise method_not_allowed(request.method, request.path)
        _only(request, "GET")
        catalogue = self._catalogue()
        if catalogue is None:
            raise not_found("this sandbox has no recognition catalogue")
        text = json.dumps(catalogue, ensure_ascii=False, separators=(",", ":"))
        if "application/fhir+json" in request.headers.get("accept", "") or _format(request):
            binary = {
                "resourceType": "Binary",
                "id": CATALOGUE_ID,
                "contentType": "application/json",
                "data": base64.b64encode(text.encode("utf-8")).decode("ascii"),
            }
            return json_response(200, binary)
        return json_response(200, text, content_type=PLAIN_JSON)


# --- helpers ------------------------------------------------------------------------------


def _only(request: Request, method: str) -> None:
    if request.method != method:
        raise method_not_allowed(request.method, request.path)


def _pairs(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query, keep_blank_values=True)


def _form(request: Request) -> list[tuple[str, str]]:
    try:
        return parse_qsl(request.body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise bad_request("the form body is not UTF-8") from None


def _format(request: Request) -> str | None:
    values = [v for k, v in _pairs(request.query) if k == "_format"]
    return values[-1] if values else None


def _check_format(request: Request) -> None:
    fmt = _format(request)
    if fmt is not None and fmt.split(";")[0].strip() not in _JSON_FORMATS:
        raise FhirError(406, "not-supported", f"_format={fmt}: this server speaks JSON only")
    accept = request.headers.get("accept", "")
    if accept and "xml" in accept and "json" not in accept and "*/*" not in accept:
        raise FhirError(406, "not-supported", "this server speaks JSON only (Accept asks for XML)")


def _prefer(request: Request) -> dict[str, str]:
    """`Prefer: return=minimal, handling=lenient` -> {'return': 'minimal', 'handling': 'lenient'}."""
    result = {}
    for part in request.headers.get("prefer", "").replace(";", ",").split(","):
        key, _, value = part.strip().partition("=")
        if key:
            result[key.lower()] = value.strip().strip('"')
    return result


def _json_body(request: Request) -> Any:
    if not request.body.strip():
        raise bad_request("the request has no body")
    try:
        return json.loads(request.body.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise bad_request("the body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise bad_request(f"the body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def _http_date(instant: str) -> str:
    return format_datetime(datetime.fromisoformat(instant.replace("Z", "+00:00")), usegmt=True)


def _version_headers(stored: Stored) -> dict[str, str]:
    headers = {"ETag": f'W/"{stored.version}"'}
    if stored.last_updated:
        headers["Last-Modified"] = _http_date(stored.last_updated)
    return headers


def _resource_response(status: int, stored: Stored, extra: dict[str, str] | None = None) -> Response:
    headers = {**_version_headers(stored), **(extra or {})}
    return json_response(status, stored.json, headers=headers)


def _written_response(request: Request, written: fhir.Written) -> Response:
    stored = written.stored
    headers = {"Location": f"{request.base}/{written.location}"}
    preference = _prefer(request).get("return", "representation")
    if preference == "minimal":
        return Response(written.status, b"", FHIR_JSON, {**_version_headers(stored), **headers})
    if preference.lower() == "operationoutcome":
        verb = "created" if written.status == 201 else "unchanged" if stored.version == 1 else "updated"
        outcome = {"resourceType": "OperationOutcome", "issue": [
            {"severity": "information", "code": "informational", "diagnostics": f"{stored.type}/{stored.id} {verb}"}]}
        return json_response(written.status, outcome, headers={**_version_headers(stored), **headers})
    return _resource_response(written.status, stored, headers)
