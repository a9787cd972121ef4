"""The audit trail: every action recorded locally in a hash chain and sent as an AuditEvent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.audit import AuditAction, AuditRecord, mask_term
from app.domain.audit_chain import verify_chain
from app.domain.audit_event import audit_event
from app.domain.staff import Role, StaffMember
from app.platform.audit_log import AuditLog
from app.platform.fhir.client import FhirClient
from app.platform.outbox import Outbox
from app.services.audit import Auditor
from app.services.ordering.sending import send_due

ROOT = Path(__file__).resolve().parents[2]
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl")


def _fill(path: Path, n: int = 5) -> Auditor:
    auditor = Auditor(None, path)
    for i in range(n):
        auditor.record(AuditAction.PATIENT_READ, DOCTOR, patient=f"demo:pat-{i}", entity=f"Patient/pat-{i}")
    auditor.flush()
    return auditor


def test_a_written_trail_verifies_and_continues_after_a_restart(tmp_path):
    path = tmp_path / "audit.jsonl"
    _fill(path, 3)
    _fill(path, 2)                                    # a new program run appends to the same chain
    report = AuditLog(path).verify()
    assert report.intact and report.entries == 5
    assert [r.patient for r in AuditLog(path).records()] == [f"demo:pat-{i}" for i in (0, 1, 2, 0, 1)]


@pytest.mark.parametrize("tamper, words", [
    (lambda lines: lines.__setitem__(2, lines[2].replace("pat-2", "pat-9")), "entry 3 was changed"),
    (lambda lines: lines.pop(1), "entry 2 is missing"),
    (lambda lines: lines.__setitem__(4, "garbage"), "not an audit entry"),
    (lambda lines: lines.pop(), None),                     # cutting the end cannot be seen from the chain alone
])                                                         # (its anchor shows it: tests/platform/test_audit_tamper.py)
def test_editing_or_deleting_an_entry_is_found_and_located(tmp_path, tamper, words):
    path = tmp_path / "audit.jsonl"
    _fill(path, 5)
    lines = path.read_text(encoding="utf-8").splitlines()
    tamper(lines)
    report = verify_chain(lines)
    if words is None:
        assert report.intact and report.entries == 4
    else:
        assert not report.intact and words in report.problems[0].reason


def test_audit_verify_command_says_where_the_chain_breaks(tmp_path):
    path = tmp_path / "audit.jsonl"
    _fill(path, 4)
    run = subprocess.run([sys.executable, "main.py", "audit", "verify", "--file", str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, env={**os.environ, "HUREN_HOME": str(tmp_path)})
    assert run.returncode == 0 and "4 entries" in run.stdout
    lines = path.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["record"]["user_id"] = "prac-someone-else"
    lines[1] = json.dumps(entry, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "main.py", "audit", "verify", "--file", str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, env={**os.environ, "HUREN_HOME": str(tmp_path)})
    assert run.returncode == 1 and f"{path}:2: entry 2 was changed" in run.stdout


def test_search_terms_are_kept_masked():
    assert mask_term("370102196803152710") == "370102********2710"
    assert mask_term("张伟") == "张*" and mask_term("x") == "*"


def test_audit_events_reach_the_platform_exactly_once(demo_platform, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    auditor = Auditor(outbox, tmp_path / "audit.jsonl", source="demo")
    record = auditor.record(AuditAction.PATIENT_QUERY, DOCTOR, detail="resident-id 370102********2710")
    auditor.flush()
    client = FhirClient(demo_platform.fhir_base)
    try:
        first = send_due(outbox, client, now=10**12, source="demo")
        outbox.add("audit@demo", json.loads(json.dumps(outbox.get(f"audit/{record.id}").payload)),
                   entry_id="audit/again")            # the same transaction again (a resend after a crash)
        send_due(outbox, client, now=10**12, source="demo")
        stored = client.read("AuditEvent", record.id)
    finally:
        client.close()
        outbox.close()
    assert first.audited == 1 and first.sent == 0
    assert stored["subtype"][0]["code"] == "search-type" and stored["agent"][0]["who"]["reference"].endswith("liming")


def test_balp_shapes():
    when = datetime(2026, 11, 20, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    read = audit_event(AuditRecord("id1", when, AuditAction.PATIENT_READ, "p1", "doctor", "org-sdsl",
                                   patient="demo:pat-1", entity="Patient/pat-1"))
    assert (read["type"]["code"], read["subtype"][0]["code"], read["action"]) == ("rest", "read", "R")
    assert read["entity"][0]["what"]["reference"] == "Patient/pat-1"
    login = audit_event(AuditRecord("id2", when, AuditAction.SIGN_IN, "p1", "doctor", "org-sdsl"))
    assert (login["type"]["code"], login["subtype"][0]["code"]) == ("110114", "110122")


def test_a_torn_last_line_does_not_stop_auditing(tmp_path):
    """A crash mid-write leaves half a line: the program still starts and audits; verify shows the tear."""
    path = tmp_path / "audit.jsonl"
    _fill(path, 3)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) - 40], encoding="utf-8")      # the last entry cut short, no newline
    auditor = _fill(path, 2)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and json.loads(lines[-1])["seq"] == 5      # new entries on lines of their own
    report = auditor.log.verify()
    assert not report.intact and report.problems[0].line == 3


def test_recording_does_not_wait_for_the_disk_and_writes_in_the_order_recorded(tmp_path, monkeypatch):
    """A click that is audited must not wait for three fsyncs: the record is made at once (who and
    when as they are then) and written by the audit thread, trail first, then outbox, in order."""
    import threading

    outbox = Outbox(tmp_path / "outbox.sqlite3")
    auditor = Auditor(outbox, tmp_path / "audit.jsonl", source="demo")
    disk = threading.Event()
    append = auditor.log.append

    def slow_append(record: AuditRecord):
        assert disk.wait(10)            # a disk that takes its time
        return append(record)

    monkeypatch.setattr(auditor.log, "append", slow_append)
    try:
        made = [auditor.record(AuditAction.REPORT_READ, DOCTOR, patient="demo:pat-1", entity=f"DiagnosticReport/r{i}")
                for i in range(3)]
        assert all(r.user_id == DOCTOR.practitioner_id for r in made)
        assert not auditor.flush(timeout=0.2)           # still on its way: the caller did not wait for it
        assert not (tmp_path / "audit.jsonl").exists()
        disk.set()
        assert [r.id for r in auditor.records()] == [r.id for r in made]
        assert [e.id for e in outbox.due(now=10**12)] == [f"audit/{r.id}" for r in made]
    finally:
        disk.set()
        auditor.flush()
        outbox.close()


def test_records_still_queued_when_the_program_ends_are_written(tmp_path):
    code = (
        "import sys; from pathlib import Path\n"
        "from app.domain.audit import AuditAction\n"
        "from app.services.audit import Auditor\n"
        "a = Auditor(None, Path(sys.argv[1]))\n"
        "a.log.append = (lambda append: lambda r: (__import__('time').sleep(0.3), append(r))[1])(a.log.append)\n"
        "for i in range(3): a.record(AuditAction.SIGN_IN, None, detail=str(i))\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "audit.jsonl")], cwd=ROOT, check=True, timeout=60)
    records = AuditLog(tmp_path / "audit.jsonl").records()
    assert [r.detail for r in records] == ["0", "1", "2"]
