"""The sandbox with the real demo data: start-up, the showcase patient, the chart query time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox import demo_data
from app.sandbox.dates import parse_range
from app.sandbox.dicom_index import IndexEntry
from app.sandbox.server import SandboxServer
from tests.sandbox.conftest import Client

RESIDENT = "https://fhir.huren.cn/sid/cn-resident-id"
ANCHOR_SEED = 20261122


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SandboxServer, float]]:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    started = time.perf_counter()
    server = SandboxServer(data_dir, seed=ANCHOR_SEED, images=False).start()  # images: test_dicomweb.py
    elapsed = time.perf_counter() - started
    print(f"\ndemo sandbox start-up (generate + bulk load): {elapsed:.2f} s")
    yield server, elapsed
    server.stop()


def _chart_query(client: Client, pid: str) -> list[tuple[str, str]]:
    return [("patient", pid), ("category", "LAB"), ("_include", "DiagnosticReport:result"),
            ("_include", "DiagnosticReport:performer"), ("_sort", "-date"), ("_count", "50")]


def test_showcase_patient_has_reports(demo: tuple[SandboxServer, float]) -> None:
    server, _ = demo
    client = Client(server.fhir_base)
    found = client.search("Patient", {"identifier": f"{RESIDENT}|{demo_data.SHOWCASE_RESIDENT_ID}"})
    assert found["total"] == 1
    pid = found["entry"][0]["resource"]["id"]
    assert client.ids("Patient", {"identifier": demo_data.SHOWCASE_RESIDENT_ID}) == {pid}
    bundle = client.search("DiagnosticReport", _chart_query(client, pid))
    assert bundle["total"] > 0
    modes = [e["search"]["mode"] for e in bundle["entry"]]
    assert "match" in modes and "include" in modes
    included = [(e["resource"]["resourceType"], e["resource"]["id"]) for e in bundle["entry"]
                if e["search"]["mode"] == "include"]
    assert len(included) == len(set(included))
    dates = [parse_range(e["resource"]["effectiveDateTime"])[0]
             for e in bundle["entry"] if e["search"]["mode"] == "match"]
    assert dates == sorted(dates, reverse=True)


def test_catalogue_is_the_demo_catalogue(demo: tuple[SandboxServer, float]) -> None:
    server, _ = demo
    response = Client(server.fhir_base).get("Binary/recognition-catalogue", headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["schema"].startswith("huren-recognition-catalogue/1")


def test_second_start_on_the_same_dir_does_not_regenerate(demo: tuple[SandboxServer, float],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    server, _ = demo
    count = server.store.count()

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("demo data regenerated")

    monkeypatch.setattr(demo_data, "generate", forbidden)
    with SandboxServer(Path(server.data_dir), seed=ANCHOR_SEED, images=False) as again:
        assert again.store.count() == count
        assert again.store.get_meta("demo_seed") == str(ANCHOR_SEED)


def test_demo_data_of_another_version_is_generated_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SandboxServer(tmp_path, patients=3, images=False) as first:
        first.store.set_meta("demo_version", "1")  # as left by an older Huren (no demo staff then)
        first.store.bulk_load([{"resourceType": "Basic", "id": "stale", "code": {"text": "old"}}])
        stale_file = tmp_path / "dicom" / "old" / "stale.dcm"  # DICOM of the old demo goes too
        stale_file.parent.mkdir(parents=True)
        stale_file.write_bytes(b"old")
        first.dicom.add([stale_entry("dicom/old/stale.dcm")])
    with SandboxServer(tmp_path, patients=3, images=False) as again:
        assert again.store.get_meta("demo_version") == str(demo_data.DATA_VERSION)
        client = Client(again.fhir_base)
        assert client.get("Basic/stale").status_code == 404
        assert client.search("PractitionerRole", {"_summary": "count"})["total"] >= 4
        assert not stale_file.exists() and again.dicom.is_empty()


def stale_entry(path: str) -> IndexEntry:
    return IndexEntry("1.2.3", "1.2.3.4", "1.2.3.4.5", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", 1, 1,
                      "CT", 1, path, 3, {}, {}, {})


def test_demo_goes_on_without_images_when_they_cannot_be_written(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from app.sandbox import demo_images

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no JPEG 2000 encoder in this build")

    monkeypatch.setattr(demo_images, "write_studies", broken)
    with SandboxServer(tmp_path, patients=3) as server:
        client = Client(server.fhir_base)
        assert client.search("ImagingStudy", {"_summary": "count"})["total"] == 0
        assert client.search("Patient", {"_summary": "count"})["total"] == 3
        assert server.dicom.is_empty()


def test_the_demo_platform_holds_a_year_of_order_records(demo: tuple[SandboxServer, float]) -> None:
    """What the dashboard searches for is there on a fresh demo (app/sandbox/demo_orders.py)."""
    from app.domain.fhir_profile import ORDER_SYSTEM, RECORD_TYPE_SYSTEM

    server, _ = demo
    client = Client(server.fhir_base)
    recognition = f"{RECORD_TYPE_SYSTEM}|recognition"
    repeats = client.search("ServiceRequest", {"identifier": f"{ORDER_SYSTEM}|", "_summary": "count"})["total"]
    recognitions = client.search("Basic", {"code": recognition, "_summary": "count"})["total"]
    assert repeats > 100 and recognitions > 1000
    last_month = client.search("Basic", [("code", recognition), ("created", "ge2026-10-20"), ("_summary", "count")])
    assert 0 < last_month["total"] < recognitions
    by_one = client.search("Basic", {"code": recognition, "author": "Practitioner/prac-sl-liming", "_summary": "count"})
    assert 0 < by_one["total"] < recognitions
    assert client.search("Consent", {"_summary": "count"})["total"] > 50
