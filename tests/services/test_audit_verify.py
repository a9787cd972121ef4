"""The keyed trail end to end: the key from the keyring, the platform's copy of the anchor, `huren audit verify`.

`audit verify` only reads, gives every bad input a message (never a traceback) and says by
its exit code what it found: 0 intact, 1 tampered or broken, 2 cannot be read or checked.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.domain.audit import AuditAction
from app.domain.staff import Role, StaffMember
from app.platform.audit_key import KEYRING_NAME, load_audit_key
from app.platform.audit_trail import TrailMissing, verify_trail
from app.platform.outbox import Outbox
from app.platform.system_keyring import SERVICE
from app.services.audit import Auditor, check_trail, verify_trail_at
from tests.platform.test_audit_tamper import KEY, VARIANTS, Trail, record, snapshot

ROOT = Path(__file__).resolve().parents[2]
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl")


def _chain(event: dict) -> dict:
    (ext,) = [e for e in event["extension"] if e["url"].endswith("/audit-chain")]
    return {part["url"]: next(v for k, v in part.items() if k.startswith("value")) for part in ext["extension"]}


def test_the_key_is_made_in_the_keyring_with_the_first_entry_and_anchors_reach_the_platform(memory_keyring, tmp_path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    try:
        auditor = Auditor(outbox, tmp_path / "audit.jsonl", source="demo")
        assert memory_keyring.passwords == {}                     # nothing made before there is an entry
        records = [auditor.record(AuditAction.PATIENT_READ, DOCTOR, patient=f"demo:pat-{i}") for i in range(3)]
        auditor.flush()     # written, and the key made, on the audit writer's thread
        assert list(memory_keyring.passwords) == [(SERVICE, KEYRING_NAME)]
        sent = [outbox.get(f"audit/{r.id}").payload["entry"][0]["resource"] for r in records]
    finally:
        outbox.close()
    report = verify_trail_at(tmp_path / "audit.jsonl")
    assert report.intact and report.keyed == 3 and report.anchored == 3
    anchor = json.loads((tmp_path / "audit.anchor").read_text(encoding="utf-8"))
    assert [_chain(e) for e in sent][-1] == {"seq": 3, "hash": anchor["hash"], "keyed": True}
    assert [_chain(e)["seq"] for e in sent] == [1, 2, 3]
    # A second program run uses the key that is there.
    Auditor(None, tmp_path / "audit.jsonl").record(AuditAction.SIGN_OUT, DOCTOR)
    assert verify_trail_at(tmp_path / "audit.jsonl").intact and len(memory_keyring.passwords) == 1


def test_a_rollback_of_trail_and_anchor_shows_only_against_the_platforms_copy(memory_keyring, tmp_path):
    """Restored from an older backup, trail and anchor agree; the AuditEvents already sent do not."""
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    path = tmp_path / "audit.jsonl"
    try:
        auditor = Auditor(outbox, path)
        first = [auditor.record(AuditAction.PATIENT_READ, DOCTOR, patient=f"demo:pat-{i}") for i in range(2)]
        auditor.flush()
        backup = path.read_bytes(), (tmp_path / "audit.anchor").read_bytes()
        later = [auditor.record(AuditAction.REPORT_READ, DOCTOR, patient="demo:pat-1") for _ in range(3)]
        auditor.flush()
        sent = [_chain(outbox.get(f"audit/{r.id}").payload["entry"][0]["resource"]) for r in first + later]
    finally:
        outbox.close()
    path.write_bytes(backup[0])
    (tmp_path / "audit.anchor").write_bytes(backup[1])
    local = verify_trail_at(path)
    assert local.intact and local.anchored == 2               # consistent, and the MACs are good
    assert max(c["seq"] for c in sent) == 5 > local.anchored  # the platform holds entries 3..5


def test_without_a_keyring_nothing_is_keyed_and_verify_says_why(tmp_path):
    auditor = Auditor(None, tmp_path / "audit.jsonl")
    auditor.record(AuditAction.SIGN_IN, DOCTOR)
    report = verify_trail_at(tmp_path / "audit.jsonl")
    assert report.intact and report.keyed == 0
    assert report.notes[0].startswith("not keyed (no system keyring")
    assert "an edit that recomputes the chain cannot be detected" in report.notes[0]


def test_verify_never_makes_a_key(memory_keyring, tmp_path):
    Auditor(None, tmp_path / "audit.jsonl", key=KEY).record(AuditAction.SIGN_IN, DOCTOR)
    report = verify_trail_at(tmp_path / "audit.jsonl")
    assert memory_keyring.passwords == {} and not report.intact and "no audit key" in report.unchecked
    assert check_trail(tmp_path / "audit.jsonl").report.unchecked


def test_a_key_that_is_not_valid_is_kept_and_said(memory_keyring):
    memory_keyring.passwords[(SERVICE, KEYRING_NAME)] = "not a key"
    found = load_audit_key(create=True)
    assert found.key is None and "not valid" in found.reason
    assert memory_keyring.passwords[(SERVICE, KEYRING_NAME)] == "not a key"


# --- huren audit verify ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _logging_as_it_was():
    """`main` configures the root logger (its redacting handlers); later tests must not inherit them."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def verify(capsys, path: Path) -> tuple[int, str, str]:
    code = main(["audit", "verify", "--file", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def keyed(memory_keyring, tmp_path) -> Trail:
    """Ten keyed entries, and the key in the (test's) system keyring."""
    memory_keyring.passwords[(SERVICE, KEYRING_NAME)] = KEY.hex()
    path = tmp_path / "data" / "audit.jsonl"
    auditor = Auditor(None, path)
    for i in range(5):
        auditor.log.append(record(i))
    older = path.read_bytes(), (path.parent / "audit.anchor").read_bytes()
    for i in range(5, 10):
        auditor.log.append(record(i))
    return Trail(path, path.parent / "audit.anchor", *older)


def test_an_intact_keyed_trail_exits_0(keyed, capsys):
    before = snapshot(keyed.path.parent)
    code, out, _ = verify(capsys, keyed.path)
    assert code == 0 and "10 entries, the chain is intact; keyed (HMAC-SHA256), anchored at entry 10" in out
    assert snapshot(keyed.path.parent) == before


@pytest.mark.parametrize("name", list(VARIANTS))
def test_each_tampering_exits_1_and_leaves_the_files_as_they_were(keyed, capsys, name):
    tamper, kind, line, words = VARIANTS[name]
    tamper(keyed)
    before = snapshot(keyed.path.parent)
    code, out, _ = verify(capsys, keyed.path)
    assert code == 1 and words in out
    if line:
        assert f"{keyed.path}:{line}: " in out
    assert snapshot(keyed.path.parent) == before


def test_a_keyed_trail_without_its_key_exits_2(keyed, memory_keyring, capsys):
    memory_keyring.passwords.clear()
    code, _, err = verify(capsys, keyed.path)
    assert code == 2 and "cannot check: the trail is keyed, but there is no audit key" in err
    assert memory_keyring.passwords == {}


def test_an_unkeyed_trail_exits_0_and_says_it_is_not_keyed(tmp_path, capsys):
    path = tmp_path / "audit.jsonl"
    Auditor(None, path).record(AuditAction.SIGN_IN, DOCTOR)
    code, out, _ = verify(capsys, path)
    assert code == 0 and "intact; not keyed" in out and "note: not keyed (no system keyring" in out


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "is a directory, not an audit trail"),
    (lambda p: None, "no audit trail at"),
    (lambda p: p.write_bytes(bytes(range(256)) * 4), "is not an audit trail"),
    (lambda p: p.write_bytes(b"\xff\xfe\x00garbage\n" * 3), "is not an audit trail"),
    (lambda p: p.write_text('{"resourceType": "Patient"}\n', encoding="utf-8"), "is not an audit trail"),
])
def test_what_cannot_be_read_as_a_trail_exits_2_with_a_message(tmp_path, capsys, make, words):
    path = tmp_path / "data" / "audit.jsonl"
    path.parent.mkdir()
    make(path)
    before = snapshot(path.parent)
    code, _, err = verify(capsys, path)
    assert code == 2 and words in err and err.startswith("huren: ")
    assert snapshot(path.parent) == before


@pytest.mark.skipif(os.name == "nt", reason="no FIFOs")
def test_a_fifo_is_not_opened(tmp_path, capsys):
    path = tmp_path / "audit.jsonl"
    os.mkfifo(path)
    code, _, err = verify(capsys, path)          # opening it would wait for a writer for ever
    assert code == 2 and "not a regular file" in err


def _trail_with(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "data" / "audit.jsonl"
    auditor = Auditor(None, path)
    auditor.record(AuditAction.SIGN_IN, DOCTOR)
    auditor.record(AuditAction.PATIENT_QUERY, DOCTOR, detail="370102********2710")
    auditor.flush()
    good = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(good[0] + b"".join(lines) + good[1])
    return path


@pytest.mark.parametrize("bad, words", [
    (b'{"seq": 2, "prev": "\xff\xfe", "hash": "x", "record": {}}\n', "byte 21 is not UTF-8"),
    (b"{this is not json\n", "not JSON"),
    (b"[1, 2, 3]\n", "a JSON list, not an object"),
    (b'{"seq": "two", "prev": "0", "hash": "0", "record": {}}\n', "not a positive whole number"),
    (b'{"seq": 2, "prev": "' + b"0" * 64 + b'", "hash": "' + b"0" * 64 + b'", "record": []}\n', "record is not"),
    (b'{"seq": 2, "hash": "x", "record": {}}\n', "no prev"),
    (b'{"seq": 2, "prev": "a", "hash": "b", "record": {}, "extra": 1}\n', "unknown fields extra"),
    (b'{"seq": 2, "prev": "a", "hash": "b", "record": {}, "mac": "md5"}\n', "unknown MAC scheme"),
    (b"[" * 100_000 + b"\n", "nested too deeply"),
    (b'{"detail": "' + b"x" * 3_000_000 + b'"}\n', "is not an audit entry: it is 3,000,015 bytes long"),
])
def test_a_damaged_line_exits_1_naming_it(tmp_path, capsys, bad, words):
    path = _trail_with(tmp_path, [bad])
    before = snapshot(path.parent)
    code, out, _ = verify(capsys, path)
    assert code == 1 and f"{path}:2: line 2 " in out and words in out
    assert snapshot(path.parent) == before


def test_a_torn_last_line_exits_1_and_is_not_repaired(tmp_path, capsys):
    """The version before appended a newline to a torn file while verifying it."""
    path = tmp_path / "data" / "audit.jsonl"
    auditor = Auditor(None, path)
    for i in range(3):
        auditor.record(AuditAction.PATIENT_READ, DOCTOR, patient=f"demo:pat-{i}")
    auditor.flush()
    path.write_bytes(path.read_bytes()[:-30])
    before = snapshot(path.parent)
    code, out, _ = verify(capsys, path)
    assert code == 1 and "line 3 is not a whole audit entry" in out and "entry 3 was cut off" in out
    assert snapshot(path.parent) == before


def test_verify_in_a_fresh_home_creates_nothing(tmp_path, huren_home, capsys):
    code, _, err = verify(capsys, huren_home / "data" / "audit.jsonl")
    assert code == 2 and "no audit trail" in err
    data = huren_home / "data"
    assert not data.exists() or not any(data.iterdir())


def test_the_command_line_gives_messages_not_tracebacks(tmp_path):
    """The real program, as IT runs it: a directory and a file of bad bytes."""
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x80\x81\x82\n")
    for target, code in ((tmp_path, 2), (bad, 2)):
        run = subprocess.run([sys.executable, "main.py", "audit", "verify", "--file", str(target)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60,
                             env={**os.environ, "HUREN_HOME": str(tmp_path / "home")})
        assert run.returncode == code and "Traceback" not in run.stderr and run.stderr.startswith("huren: ")
    assert bad.read_bytes() == b"\x80\x81\x82\n"


def test_the_help_states_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["audit", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Exit 0 intact, 1 tampered or broken, 2 cannot be read or checked" in out


def test_a_missing_trail_without_anchor_is_trail_missing(tmp_path):
    with pytest.raises(TrailMissing):
        verify_trail(tmp_path / "audit.jsonl", KEY)
