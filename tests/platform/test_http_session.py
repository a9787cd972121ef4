"""The site's proxy (`[network] proxy`) carries every request, and beats the environment's."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.config import SiteConfig, SourceConfig
from app.platform.dicomweb import DicomWebClient
from app.platform.fhir.client import FhirClient
from app.platform.http_session import new_session
from app.services.workspace import Workspace

PLATFORM = "http://platform.invalid/r4"   # never resolved: only the proxy is ever connected to
DEAD_PROXY = "http://127.0.0.1:9"         # the discard port: nothing listens there
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


class RecordingProxy:
    """A loopback stand-in for a forward proxy: records each request line and answers 200 with JSON."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        recorded = self.lines

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server naming
                recorded.append(self.requestline)
                body = json.dumps({"resourceType": "CapabilityStatement"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/fhir+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(monkeypatch):
    for name in PROXY_VARIABLES:   # the machine's own proxy settings must not decide these tests
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    p = RecordingProxy()
    yield p
    p.close()


def test_requests_go_through_the_site_proxy(proxy):
    with new_session(proxy=proxy.url) as session:
        assert session.proxies == {"http": proxy.url, "https": proxy.url}
        response = session.get(f"{PLATFORM}/metadata", timeout=5)
    assert response.status_code == 200
    assert proxy.lines == [f"GET {PLATFORM}/metadata HTTP/1.1"]   # absolute form: a proxy request


def test_the_site_proxy_beats_the_environments(proxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", DEAD_PROXY)
    monkeypatch.setenv("HTTPS_PROXY", DEAD_PROXY)
    monkeypatch.setenv("NO_PROXY", "platform.invalid")
    with new_session(proxy=proxy.url, retries=0) as session:
        assert session.get(f"{PLATFORM}/metadata", timeout=5).status_code == 200
    assert proxy.lines == [f"GET {PLATFORM}/metadata HTTP/1.1"]


def test_without_a_site_proxy_the_environment_decides(proxy, monkeypatch):
    with new_session() as session:
        assert session.proxies == {}
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        assert session.get(f"{PLATFORM}/metadata", timeout=5).status_code == 200
    assert proxy.lines == [f"GET {PLATFORM}/metadata HTTP/1.1"]


def test_a_single_requests_own_proxy_beats_the_sites(proxy):
    with new_session(proxy=DEAD_PROXY, retries=0) as session:
        response = session.get(f"{PLATFORM}/metadata", timeout=5, proxies={"http": proxy.url})
    assert response.status_code == 200 and len(proxy.lines) == 1


def test_fhir_and_dicomweb_clients_use_the_proxy(proxy):
    client = FhirClient(PLATFORM, proxy=proxy.url)
    try:
        assert client.get_json("metadata")["resourceType"] == "CapabilityStatement"
    finally:
        client.close()
    assert proxy.lines == [f"GET {PLATFORM}/metadata HTTP/1.1"]
    with DicomWebClient("http://pacs.invalid/dicom-web", proxy=proxy.url) as dicomweb:
        assert dicomweb.session.proxies == {"http": proxy.url, "https": proxy.url}
    import requests

    own = requests.Session()
    DicomWebClient("http://pacs.invalid/dicom-web", proxy=proxy.url, session=own)
    assert own.proxies == {"http": proxy.url, "https": proxy.url}
    own.close()


def test_the_workspace_gives_every_source_the_site_proxy():
    config = SiteConfig(sources=(SourceConfig("a", "https://a.example/r4"), SourceConfig("b", "https://b.example/r4")),
                        proxy="http://proxy.hospital.example:3128")
    workspace = Workspace.from_config(config)
    try:
        assert [s.client.session.proxies.get("https") for s in workspace.sources] == [config.proxy] * 2
    finally:
        workspace.close()
    plain = Workspace.from_config(SiteConfig(sources=(SourceConfig("a", "https://a.example/r4"),)))
    try:
        assert plain.sources[0].client.session.proxies == {}
    finally:
        plain.close()
