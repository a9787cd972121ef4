"""Ordering against the demo platform over HTTP: codes resolve, priors are found and judged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.catalogue import parse_catalogue
from app.resources import bundled_catalogue
from app.services.ordering.plan import (
    PatientNotFound,
    UnknownCode,
    check_order,
    order_check_json,
    resolve,
    search_orderables,
)
from app.services.workspace import Workspace
from tests.conftest import ANCHOR

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(demo_platform):
    from app.sandbox import demo_data

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    yield ws
    ws.close()


def test_codes_resolve_items_panels_loinc_and_local_codes():
    cat = parse_catalogue(bundled_catalogue())
    electrolytes = [i.code for i in cat.items.values() if i.category == "electrolytes"]
    assert [i.code for i in resolve(cat, ["electrolytes"])] == electrolytes
    assert [i.code for i in resolve(cat, ["2345-7", "14749-6"])] == ["LAB-GLU"]  # mass and molar LOINC, one item
    local = cat.items["LAB-K"].local[0].code
    assert [i.code for i in resolve(cat, ["LAB-K", local])] == ["LAB-K"]
    with pytest.raises(UnknownCode, match="'XYZ-1'"):
        resolve(cat, ["LAB-K", "XYZ-1"])


def test_order_form_search_finds_panels_and_items_by_chinese_name():
    cat = parse_catalogue(bundled_catalogue())
    found = search_orderables(cat, "肝功能")
    assert found and found[0].is_panel and len(found[0].items) >= 6
    assert any(o.code == "LAB-ALT" for o in search_orderables(cat, "alt"))


def test_priors_recognizable_first_with_verdicts(workspace):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = check_order(workspace, SHOWCASE_RESIDENT_ID, ["LAB-K", "LAB-HBA1C", "LAB-TSH"])
    lines = {line.item.code: line for line in check.lines}
    k = lines["LAB-K"]
    assert k.best is not None and k.best.verdict.mark == "全国HR"
    assert k.best.verdict.age_days <= 7
    assert any(p.verdict.reasons and p.verdict.findings[0].age_days == 12 for p in k.reference_only)
    assert lines["LAB-HBA1C"].best.verdict.mark == "鲁HR"
    # Every prior is really of the item, and recognizable ones are newest first.
    for line in check.lines:
        assert all(p.verdict.item.code == line.item.code for p in (*line.recognizable, *line.reference_only))
        dates = [p.result.effective or p.report.effective for p in line.recognizable]
        assert dates == sorted(dates, reverse=True)
    doc = order_check_json(check)
    assert doc["patient"]["resident_id"].endswith(SHOWCASE_RESIDENT_ID[-4:]) and "*" in doc["patient"]["resident_id"]
    assert [i["code"] for i in doc["items"]] == ["LAB-K", "LAB-HBA1C", "LAB-TSH"]
    assert doc["items"][0]["prior_results"][0]["recognized"] is True


def test_unknown_patient_is_said(workspace):
    with pytest.raises(PatientNotFound, match="no patient"):
        check_order(workspace, "11010519491231002X", ["LAB-K"])


def test_order_check_command_json(demo_platform, huren_home):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_REGION

    env = {**os.environ, "HUREN_HOME": str(huren_home)}
    base = [sys.executable, "main.py", "--platform", demo_platform.fhir_base, "--region", VIEWING_REGION,
            "order-check", "--patient", SHOWCASE_RESIDENT_ID]
    done = subprocess.run([*base, "--item", "LAB-K", "--json"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["items"][0]["code"] == "LAB-K" and doc["items"][0]["prior_results"]
    bad = subprocess.run([*base, "--item", "NOPE"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "'NOPE'" in bad.stderr


def test_order_check_leaves_audit_records_like_the_window(demo_platform, huren_home):
    """The command reads a patient's results across hospitals: the trail and the outbox say so."""
    from app.domain.audit import AuditAction
    from app.platform.audit_log import AUDIT_FILE
    from app.platform.audit_trail import read_trail
    from app.platform.outbox import OUTBOX_FILE, Outbox
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_REGION

    env = {**os.environ, "HUREN_HOME": str(huren_home)}
    done = subprocess.run([sys.executable, "main.py", "--platform", demo_platform.fhir_base, "--region",
                           VIEWING_REGION, "order-check", "--patient", SHOWCASE_RESIDENT_ID, "--item", "LAB-K",
                           "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    priors = json.loads(done.stdout)["items"][0]["prior_results"]
    records = [record for _line, record in read_trail(huren_home / "data" / AUDIT_FILE, None).entries]
    actions = [r.action for r in records]
    assert actions[0] is AuditAction.PATIENT_QUERY and records[0].detail.startswith("order-check: ")
    assert SHOWCASE_RESIDENT_ID not in records[0].detail                       # masked
    assert AuditAction.PATIENT_READ in actions
    read = {r.entity for r in records if r.action is AuditAction.REPORT_READ}
    assert read and len(read) <= len(priors)                                   # the reports given, once each
    box = Outbox(huren_home / "data" / OUTBOX_FILE)
    try:                                                                       # and they wait for the platform
        assert box.count(except_kind="order") == len(records)
    finally:
        box.close()


def test_order_check_on_a_refusing_workstation_reads_nothing(demo_platform, huren_home, tmp_path):
    """No keyring, and the site did not choose the unprotected mode: no audit record could be kept sealed."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    site = tmp_path / "site.toml"
    site.write_text(f'[sign_in]\nmethod = "demo"\n\n[[sources]]\nname = "demo"\n'
                    f'fhir_base = "{demo_platform.fhir_base}"\n', encoding="utf-8")
    env = {**os.environ, "HUREN_HOME": str(huren_home), "HUREN_CONFIG": str(site)}
    done = subprocess.run([sys.executable, "main.py", "order-check", "--patient", SHOWCASE_RESIDENT_ID,
                           "--item", "LAB-K"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "opens no patient data" in done.stderr and "Traceback" not in done.stderr
    assert not (huren_home / "data").exists()
