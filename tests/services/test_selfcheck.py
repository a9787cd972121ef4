"""`huren check`: what IT sees after deploying — each check OK, WARN or FAIL, exit code to match."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import SiteConfig, SourceConfig
from app.resources import translations_dir
from app.services.selfcheck import LANGUAGES, Status, format_table, passed, run_checks
from app.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def qm_folder(tmp_path):
    """Valid compiled translations for every shipped language (copies of the Chinese one)."""
    folder = tmp_path / "translations"
    folder.mkdir()
    for code in LANGUAGES:
        shutil.copy(translations_dir() / "huren_zh_CN.qm", folder / f"huren_{code}.qm")
    return folder


def _results(fhir_base: str, folder: Path, **config):
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", fhir_base, label="演示", timeout_seconds=3),),
                                          **config))
    try:
        return {r.name: r for r in run_checks(ws, folder)}
    finally:
        ws.close()


def test_a_working_installation_passes(demo_platform, qm_folder):
    results = _results(demo_platform.fhir_base, qm_folder)
    assert results["source demo"].status is Status.OK and "FHIR 4.0" in results["source demo"].detail
    assert results["recognition catalogue"].status is Status.OK
    assert results["translations"].status is Status.OK
    assert all(results[d].status is Status.OK for d in ("cache dir", "data dir (outbox)", "log dir"))
    # Without a desktop keyring (this machine, CI) sign-in would stay in memory: a warning, not a failure.
    assert results["keyring"].status in (Status.OK, Status.WARN)
    assert results["sign-in"].status is Status.OK and "demo accounts" in results["sign-in"].detail
    decoders = results["image decoders"]
    assert decoders.status is Status.OK and "decoder processes" in decoders.detail, decoders
    assert passed(results.values())


def test_decoder_processes_that_cannot_start_fail_the_check(monkeypatch):
    """A packaged build whose worker processes do not start (no freeze_support, a broken spawn): FAIL, in words."""
    import app.platform.dicom.decode_pool as decode_pool
    from app.services import selfcheck

    def no_start(timeout: float = 60.0) -> str:
        raise RuntimeError(f"the decoder processes did not start within {timeout:g} s")

    monkeypatch.setattr(decode_pool, "self_test", no_start)
    status, detail = selfcheck._decoders()
    assert status is Status.FAIL and "did not start" in detail and "decoded slowly" in detail


def test_sign_in_is_checked_against_the_platforms_authorization_server(demo_platform, qm_folder, tmp_path):
    oidc = _results(demo_platform.fhir_base, qm_folder, sign_in_method="oidc")["sign-in"]
    assert oidc.status is Status.OK and f"{demo_platform.url}/auth" in oidc.detail and "PKCE" in oidc.detail
    from tests.helpers.servers import failing_server

    with failing_server(404) as server:       # a FHIR server with no authorization server
        missing = _results(server.fhir_base, qm_folder, sign_in_method="oidc")["sign-in"]
    assert missing.status is Status.FAIL and "smart-configuration" in missing.detail


def test_a_dead_source_and_a_broken_translation_fail_with_reasons(qm_folder):
    (qm_folder / "huren_id.qm").write_bytes(b"not a qm file at all")
    (qm_folder / "huren_en.qm").unlink()
    results = _results("http://127.0.0.1:9/fhir", qm_folder)
    assert results["source demo"].status is Status.FAIL and "127.0.0.1:9" in results["source demo"].detail
    assert results["recognition catalogue"].status is Status.WARN      # the bundled copy still works
    t = results["translations"]
    assert t.status is Status.FAIL and "missing: en" in t.detail and "not a Qt translation file: id" in t.detail
    assert not passed(results.values())
    table = format_table(results.values())
    assert table.splitlines()[0].startswith("check") and "FAIL" in table


def test_the_command_exits_non_zero_on_a_failure(tmp_path):
    env = {**os.environ, "HUREN_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "main.py", "--platform", "http://127.0.0.1:9/fhir", "check"], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "source" in run.stdout and "FAIL" in run.stdout


def test_check_names_what_a_minimal_server_lacks_and_what_huren_does_instead(tmp_path, qm_folder):
    from app.sandbox.conformance import MINIMAL
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.sandbox.server import SandboxServer
    from tests.conftest import ANCHOR

    with SandboxServer(tmp_path / "minimal", anchor=ANCHOR, images=False, conformance=MINIMAL) as server:
        ws = Workspace.from_config(SiteConfig((SourceConfig("m", server.fhir_base, label="省平台",
                                                            probe_patient=SHOWCASE_RESIDENT_ID),),))
        try:
            results = {r.name: r for r in run_checks(ws, qm_folder)}
        finally:
            ws.close()
    include = results["source m: _include"]
    assert include.status is Status.WARN and "DiagnosticReport:result" in include.detail
    assert "fetches the referenced records by id" in include.detail
    assert "no next link past 100 matches" in results["source m: paging"].detail
    probe = results["source m: probe patient"]
    assert probe.status is Status.OK and "complete" in probe.detail, probe.detail
    assert " 0 results" not in probe.detail and "issuing hospitals" in probe.detail
    assert passed(results.values())   # a minimal server is a working platform, with warnings


def test_check_fails_a_platform_whose_reports_come_without_their_results(tmp_path, qm_folder):
    """The probe is what caught 'every chart empty while check passed': reports with no results."""
    import json

    from app.sandbox.server import SandboxServer

    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p1", "identifier": [{"system": "urn:t", "value": "1"}]}},
        {"resource": {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "血糖"},
                      "category": [{"coding": [{"code": "LAB"}]}], "subject": {"reference": "Patient/p1"},
                      "effectiveDateTime": "2026-11-01", "result": [{"reference": "Observation/nowhere"}]}}]}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with SandboxServer(tmp_path / "data", demo=False, images=False, load=[path]) as server:
        ws = Workspace.from_config(SiteConfig((SourceConfig("x", server.fhir_base, probe_patient="urn:t|1"),)))
        try:
            results = {r.name: r for r in run_checks(ws, qm_folder)}
        finally:
            ws.close()
    probe = results["source x: probe patient"]
    assert probe.status is Status.FAIL and "without their results" in probe.detail
    assert not passed(results.values())


def test_check_verifies_the_audit_trail_reading_only(huren_home, memory_keyring):
    from app.domain.audit import AuditAction
    from app.services.audit import Auditor, default_log_path
    from app.services.selfcheck import _audit_trail

    assert _audit_trail()[0] is Status.OK                       # none yet
    auditor = Auditor(None)
    for _ in range(3):
        auditor.record(AuditAction.PATIENT_QUERY, None, detail="search")
    status, detail = _audit_trail()
    assert status is Status.OK and detail == "3 entries, keyed and intact"
    path = default_log_path()
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(lines[0] + lines[2])                       # the middle entry deleted
    before = path.read_bytes()
    status, detail = _audit_trail()
    assert status is Status.FAIL and "line 2" in detail and "audit verify" in detail
    assert path.read_bytes() == before
