"""SandboxServer life cycle: demo seeding once, restart, catalogue, latency, logging, CLI."""

from __future__ import annotations

import argparse
import base64
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from app.sandbox import cli
from app.sandbox.server import SandboxServer
from tests.sandbox.conftest import Client, assert_outcome
from tests.sandbox.fhir_fixtures import ZHANG_WEI_ID, organization, patient

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = {"schema": "huren-recognition-catalogue/1", "version": "test", "published": "2026-11-01",
             "publisher": "测试", "categories": [], "items": [], "institutions": []}


@dataclass
class FakeDemo:
    resources: list[dict[str, Any]]
    catalogue: dict[str, Any] = field(default_factory=lambda: dict(CATALOGUE))


@pytest.fixture
def fake_generate(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace demo_data.generate by a small, counted one: the server's side is under test."""
    from app.sandbox import demo_data

    calls: list[dict[str, Any]] = []

    def generate(seed: int = 20261122, anchor: Any = None, patients: int = 200) -> FakeDemo:
        calls.append({"seed": seed, "anchor": anchor, "patients": patients})
        org = {**organization("H001", "一院"), "id": "org-1"}
        return FakeDemo([org, {**patient("张", "伟", ZHANG_WEI_ID), "id": "pat-0001"}])

    monkeypatch.setattr(demo_data, "generate", generate)
    return calls


def test_demo_data_is_generated_once_and_kept(tmp_path: Path, fake_generate: list[dict[str, Any]]) -> None:
    data = tmp_path / "data"
    with SandboxServer(data, seed=7, patients=3) as server:
        client = Client(server.fhir_base)
        assert client.get("Patient/pat-0001").status_code == 200
        client.create(patient("李", "娜", "110101197002020022"))  # a change made while running
        assert server.store.get_meta("demo_seed") == "7"
        assert server.store.get_meta("demo_anchor")
    assert len(fake_generate) == 1 and fake_generate[0]["patients"] == 3
    assert fake_generate[0]["anchor"].utcoffset() is not None  # fixed, so it can be remembered
    with SandboxServer(data, seed=7, patients=3) as server:
        assert Client(server.fhir_base).search("Patient", {"_summary": "count"})["total"] == 2
    assert len(fake_generate) == 1  # not regenerated
    assert (data / "platform.sqlite3").exists()


def test_no_demo_means_an_empty_platform(tmp_path: Path, fake_generate: list[dict[str, Any]]) -> None:
    with SandboxServer(tmp_path / "data", demo=False) as server:
        assert server.store.is_empty()
    assert fake_generate == []


def test_temporary_data_dir_is_removed_at_stop(fake_generate: list[dict[str, Any]]) -> None:
    server = SandboxServer().start()
    data_dir = server.data_dir
    assert (data_dir / "platform.sqlite3").exists()
    server.stop()
    assert not data_dir.exists()


def test_catalogue_in_both_accepts(tmp_path: Path, fake_generate: list[dict[str, Any]]) -> None:
    with SandboxServer(tmp_path / "data") as server:
        url = f"{server.fhir_base}/Binary/recognition-catalogue"
        raw = requests.get(url, headers={"Accept": "application/json"})
        assert raw.status_code == 200
        assert raw.headers["Content-Type"].startswith("application/json")
        assert raw.json() == CATALOGUE
        wrapped = requests.get(url, headers={"Accept": "application/fhir+json"})
        assert wrapped.headers["Content-Type"].startswith("application/fhir+json")
        binary = wrapped.json()
        assert binary["resourceType"] == "Binary" and binary["contentType"] == "application/json"
        assert json.loads(base64.b64decode(binary["data"]).decode("utf-8")) == CATALOGUE
        assert_outcome(requests.get(f"{server.fhir_base}/Binary/other"), 404)
        assert_outcome(requests.put(url, json={}), 405)


def test_catalogue_can_be_published_without_demo(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "data", demo=False) as server:
        server.set_catalogue({**CATALOGUE, "version": "local"})
        response = requests.get(f"{server.fhir_base}/Binary/recognition-catalogue")
        assert response.json()["version"] == "local"


def test_latency_is_added_to_every_answer(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "data", demo=False, latency=0.3) as server:
        started = time.perf_counter()
        assert requests.get(f"{server.fhir_base}/metadata").status_code == 200
        assert time.perf_counter() - started >= 0.3
        started = time.perf_counter()
        assert requests.get(f"{server.fhir_base}/Nope").status_code == 404
        assert time.perf_counter() - started >= 0.3


def test_concurrent_clients(client: Client) -> None:
    errors: list[str] = []

    def work(n: int) -> None:
        c = Client(client.base)
        for i in range(10):
            r = c.post("Patient", patient("王", f"{n}-{i}", f"1101011990010{n:02d}{i:03d}"))
            if r.status_code != 201:
                errors.append(r.text)
            if c.get("Patient", params={"name": "王"}).status_code != 200:
                errors.append("search failed")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert client.search("Patient", {"_summary": "count"})["total"] == 60


def test_request_log_has_no_query_strings(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="huren.sandbox"):
        client.get("Patient", params={"identifier": ZHANG_WEI_ID, "name": "张伟"})
        client.get("Patient/nobody")
        # The server logs a request after its answer is on the wire: give its thread a moment.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any("nobody" in r.getMessage() for r in caplog.records):
            time.sleep(0.01)
    lines = [r.getMessage() for r in caplog.records if r.name == "huren.sandbox"]
    assert any(line.startswith("GET /fhir/Patient 200 ") and line.endswith(" ms") for line in lines)
    assert any(line.startswith("GET /fhir/Patient/nobody 404 ") for line in lines)
    assert not any(ZHANG_WEI_ID in line or "张伟" in line or "?" in line for line in lines)


def test_store_survives_restart_with_versions(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "data", demo=False) as server:
        client = Client(server.fhir_base)
        pid = client.create(patient("张", "伟", ZHANG_WEI_ID))["id"]
        client.put(f"Patient/{pid}", {**client.get(f"Patient/{pid}").json(), "gender": "female"})
    with SandboxServer(tmp_path / "data", demo=False) as server:
        client = Client(server.fhir_base)
        assert client.get(f"Patient/{pid}").json()["meta"]["versionId"] == "2"
        assert client.ids("Patient", {"name": "张伟", "gender": "female"}) == {pid}


# --- cli ---------------------------------------------------------------------------------


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_cli_arguments_and_defaults(huren_home) -> None:
    args = _parse()
    assert (args.host, args.port, args.seed, args.patients, args.no_demo) == ("127.0.0.1", 8080, 20261122, 200, False)
    assert args.load == [] and args.data is None
    assert cli.default_data_dir() == huren_home / "data" / "sandbox"  # tests never touch the user's dirs
    args = _parse("--port", "0", "--data", "/tmp/x", "--load", "a.json", "b.json", "--no-demo", "--seed", "3")
    assert args.load == [Path("a.json"), Path("b.json")] and args.no_demo and args.seed == 3


def test_cli_refuses_remote_host_without_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(_parse("--host", "0.0.0.0", "--no-demo")) == 2
    assert "--allow-remote" in capsys.readouterr().err


def test_cli_runs_in_foreground_and_stops_on_sigterm(tmp_path: Path) -> None:
    code = ("import argparse, sys; from app.sandbox import cli; p = argparse.ArgumentParser(); "
            "cli.add_arguments(p); sys.exit(cli.run(p.parse_args(sys.argv[1:])))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code, "--port", "0", "--no-demo", "--data", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("FHIR base: http://127.0.0.1:")
        base = line.split(": ", 1)[1].strip()
        assert requests.get(f"{base}/metadata", timeout=5).status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (tmp_path / "platform.sqlite3").exists()


def test_fhir_and_qido_start_without_pydicom(tmp_path: Path) -> None:
    """The workstation starts its demo platform at launch: DICOM libraries load only for pixels."""
    code = (
        "import sys, urllib.request\n"
        "from pathlib import Path\n"
        "from app.sandbox.server import SandboxServer\n"
        f"with SandboxServer(Path({str(tmp_path / 'data')!r}), demo=False) as server:\n"
        "    assert urllib.request.urlopen(server.dicomweb_base + '/studies').read() == b'[]'\n"
        "    urllib.request.urlopen(server.fhir_base + '/metadata').read()\n"
        "print(','.join(m for m in ('pydicom', 'numpy', 'PIL') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
