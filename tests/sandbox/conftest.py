"""Fixtures: a sandbox per test (own data dir, port 0) and a small FHIR client over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from app.sandbox.server import SandboxServer

FHIR_JSON = "application/fhir+json"


class Client:
    """Thin helper around requests for a FHIR base URL."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base}/{path.lstrip('/')}"

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.url(path), **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        if body is not None:
            kwargs["json"] = body
        return self.http.post(self.url(path), **kwargs)

    def put(self, path: str, body: Any, **kwargs: Any) -> requests.Response:
        return self.http.put(self.url(path), json=body, **kwargs)

    def create(self, resource: dict[str, Any]) -> dict[str, Any]:
        response = self.post(resource["resourceType"], resource)
        assert response.status_code == 201, response.text
        return response.json()

    def search(self, rtype: str, params: Any = None, **kwargs: Any) -> dict[str, Any]:
        response = self.get(rtype, params=params, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()

    def ids(self, rtype: str, params: Any = None) -> set[str]:
        bundle = self.search(rtype, params)
        return {e["resource"]["id"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"}


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "data", demo=False) as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Client:
    return Client(sandbox.fhir_base)


def assert_outcome(response: requests.Response, status: int) -> dict[str, Any]:
    """The response has `status` and an OperationOutcome body with a diagnostics text."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith(FHIR_JSON)
    body = response.json()
    assert body["resourceType"] == "OperationOutcome"
    issue = body["issue"][0]
    assert issue["severity"] in ("error", "fatal")
    assert issue["code"] and issue["diagnostics"]
    return body
