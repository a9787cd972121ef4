"""The bearer token on platform requests: added for the platform's origins, renewed once after a 401."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest

from app.platform.bearer_auth import origin, use_token_source
from app.platform.fhir.client import FhirClient, FhirError
from tests.helpers.servers import _Server


class Source:
    def __init__(self, base: str) -> None:
        self.base = origin(base)
        self.renewals: list[str] = []

    def covers(self, url: str) -> bool:
        return origin(url) == self.base

    def access_token(self) -> str:
        return "t1"

    def renewed_token(self, rejected: str) -> str:
        self.renewals.append(rejected)
        return "t2"


def refusing_server(seen: list[str]) -> _Server:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.headers.get("Authorization", ""))
            body = b'{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login"}]}'
            self.send_response(401)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return _Server(Handler)


@pytest.fixture
def seen():
    return []


def test_a_401_is_answered_once_with_a_renewed_token_and_never_loops(seen):
    with refusing_server(seen) as server:
        source = Source(server.fhir_base)
        use_token_source(source)
        client = FhirClient(server.fhir_base, retries=0)
        try:
            with pytest.raises(FhirError) as refused:
                client.read("Patient", "p1")
        finally:
            use_token_source(None)
            client.close()
    assert refused.value.status == 401
    assert seen == ["Bearer t1", "Bearer t2"]          # the first token, then the renewed one: no more
    assert source.renewals == ["t1"]


def test_no_token_source_means_no_authorization_header(seen):
    with refusing_server(seen) as server:
        client = FhirClient(server.fhir_base, retries=0)
        with pytest.raises(FhirError):
            client.read("Patient", "p1")
        client.close()
    assert seen == [""]
