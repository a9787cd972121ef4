"""The audit trail proves itself: every way of tampering with it is found, and verify only reads.

A keyed trail of ten entries (user, patient, action, time, detail and outcome differing) is
tampered with as someone with write access to the data dir but without the keyring's audit
key could: entries edited, deleted, moved, repeated, inserted or renumbered, the end cut
off, the file emptied or deleted, the chain recomputed (plain SHA-256, another key, MACs
stripped), the anchor deleted, replaced, forged or rolled back. Each is reported with the
right kind (and line, where there is one), and the files are left byte for byte, mtime for
mtime, as they were.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.audit import AuditAction, AuditRecord
from app.domain.audit_chain import GENESIS, Anchor, ProblemKind, anchor_text, link_hash
from app.platform.audit_log import AuditLog
from app.platform.audit_trail import verify_trail

KEY = bytes.fromhex("5a" * 32)
OTHER_KEY = bytes.fromhex("a5" * 32)
SH = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 3, 1, 9, 0, tzinfo=SH)
ACTIONS = [AuditAction.SIGN_IN, AuditAction.PATIENT_QUERY, AuditAction.PATIENT_READ, AuditAction.REPORT_READ,
           AuditAction.STUDY_READ, AuditAction.ORDER_DECISION, AuditAction.CONSENT, AuditAction.LOCK,
           AuditAction.UNLOCK, AuditAction.SIGN_OUT]


def record(i: int) -> AuditRecord:
    return AuditRecord(id=f"rec-{i}", when=START + timedelta(minutes=7 * i), action=ACTIONS[i % len(ACTIONS)],
                       user_id=f"prac-{i % 3}", user_role="physician", organization_id="org-sdsl",
                       patient=f"demo:pat-{i:04d}", entity=f"DiagnosticReport/r-{i}", detail=f"370102****{i:04d}",
                       outcome="4" if i == 2 else "0")


@dataclass
class Trail:
    path: Path
    anchor: Path
    older_trail: bytes       # the trail and its anchor after five entries, as a backup would hold them
    older_anchor: bytes

    def entries(self) -> list[dict]:
        return [json.loads(line) for line in self.path.read_bytes().splitlines() if line.strip()]

    def write(self, entries: list[dict]) -> None:
        self.path.write_bytes(b"".join(line(e) for e in entries))

    def anchor_json(self) -> dict:
        return json.loads(self.anchor.read_bytes())


def line(entry: dict) -> bytes:
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def recompute(entries: list[dict], start: int, key: bytes | None, *, marker: bool) -> list[dict]:
    """Digests from entry `start` on made again, as a forger would: with `key`, or plain SHA-256."""
    previous = entries[start - 2]["hash"] if start > 1 else GENESIS
    for e in entries[start - 1:]:
        e["prev"] = previous
        e["hash"] = previous = link_hash(previous, e["seq"], e["record"], key)
        if marker:
            e["mac"] = "hmac-sha256"
        else:
            e.pop("mac", None)
    return entries


@pytest.fixture
def trail(tmp_path) -> Trail:
    path = tmp_path / "data" / "audit.jsonl"
    log = AuditLog(path, KEY)
    for i in range(5):
        log.append(record(i))
    older_trail, older_anchor = path.read_bytes(), (path.parent / "audit.anchor").read_bytes()
    for i in range(5, 10):
        log.append(record(i))
    return Trail(path, path.parent / "audit.anchor", older_trail, older_anchor)


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the data dir with its bytes and mtime: verify must change, create and delete nothing."""
    return {p.name: (p.read_bytes() if p.is_file() else b"(not a file)", p.stat().st_mtime_ns)
            for p in sorted(directory.iterdir())}


# --- the tampering ---------------------------------------------------------------------------------------


def edit(index: int, field: str, value: str) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        entries[index]["record"][field] = value
        t.write(entries)
    return tamper


def delete(index: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        del entries[index]
        t.write(entries)
    return tamper


def swap(a: int, b: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        entries[a], entries[b] = entries[b], entries[a]
        t.write(entries)
    return tamper


def move_to_end(index: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        entries.append(entries.pop(index))
        t.write(entries)
    return tamper


def duplicate(index: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        entries.insert(index + 1, dict(entries[index]))
        t.write(entries)
    return tamper


def insert_forged(t: Trail) -> None:
    """A made-up look at a patient slipped in as entry 6, chained to entry 5, MACed with a guessed key."""
    entries = t.entries()
    forged_record = {**entries[5]["record"], "id": "forged", "patient": "demo:pat-9999"}
    forged = {"seq": 6, "prev": entries[4]["hash"], "hash": link_hash(entries[4]["hash"], 6, forged_record, OTHER_KEY),
              "mac": "hmac-sha256", "record": forged_record}
    entries.insert(5, forged)
    t.write(entries)


def append_forged(t: Trail) -> None:
    entries = t.entries()
    forged_record = {**entries[-1]["record"], "id": "forged"}
    entries.append({"seq": 11, "prev": entries[-1]["hash"],
                    "hash": link_hash(entries[-1]["hash"], 11, forged_record, OTHER_KEY), "mac": "hmac-sha256",
                    "record": forged_record})
    t.write(entries)


def cut(n: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        t.write(t.entries()[:-n])
    return tamper


def empty(t: Trail) -> None:
    t.path.write_bytes(b"")


def remove_trail(t: Trail) -> None:
    t.path.unlink()


def truncate_mid_line(t: Trail) -> None:
    data = t.path.read_bytes()
    last_start = data.rstrip(b"\n").rfind(b"\n") + 1
    t.path.write_bytes(data[: last_start + 40])


def bad_byte(t: Trail) -> None:
    lines = t.path.read_bytes().splitlines(keepends=True)
    lines[3] = lines[3].replace(b"demo:pat-0003", b"demo:pat-\xff003")
    t.path.write_bytes(b"".join(lines))


def garbage(t: Trail) -> None:
    t.path.write_bytes(bytes(range(256)) * 8)


def renumber(index: int, seq: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        entries[index]["seq"] = seq
        t.write(entries)
    return tamper


def renumber_all(t: Trail) -> None:
    entries = t.entries()
    for e in entries:
        e["seq"] += 1
    t.write(entries)


def recomputed_plain(t: Trail) -> None:
    """Entry 3 edited and every digest from it on recomputed as plain SHA-256, the marker kept."""
    entries = t.entries()
    entries[2]["record"]["patient"] = "demo:pat-7777"
    t.write(recompute(entries, 3, None, marker=True))


def recomputed_unkeyed_everywhere(t: Trail) -> None:
    """The whole chain made again as an old, unkeyed one: every marker stripped (a downgrade)."""
    entries = t.entries()
    entries[2]["record"]["patient"] = "demo:pat-7777"
    t.write(recompute(entries, 1, None, marker=False))


def stripped_from(seq: int) -> Callable[[Trail], None]:
    def tamper(t: Trail) -> None:
        entries = t.entries()
        entries[seq - 1]["record"]["detail"] = "nothing to see"
        t.write(recompute(entries, seq, None, marker=False))
    return tamper


def recomputed_with_another_key(t: Trail) -> None:
    entries = t.entries()
    entries[2]["record"]["user_id"] = "prac-someone-else"
    t.write(recompute(entries, 3, OTHER_KEY, marker=True))


def recomputed_with_another_key_and_its_anchor(t: Trail) -> None:
    recomputed_with_another_key(t)
    last = t.entries()[-1]
    t.anchor.write_text(anchor_text(Anchor(10, last["hash"], 10, True), OTHER_KEY), encoding="utf-8")


def downgrade_and_delete_anchor(t: Trail) -> None:
    recomputed_unkeyed_everywhere(t)
    t.anchor.unlink()


def downgrade_with_plain_anchor(t: Trail) -> None:
    recomputed_unkeyed_everywhere(t)
    last = t.entries()[-1]
    t.anchor.write_text(anchor_text(Anchor(10, last["hash"], 10, False), None), encoding="utf-8")


def remove_anchor(t: Trail) -> None:
    t.anchor.unlink()


def plain_anchor(t: Trail) -> None:
    data = t.anchor_json()
    t.anchor.write_text(anchor_text(Anchor(data["seq"], data["hash"], data["count"], data["keyed"]), None),
                        encoding="utf-8")


def anchor_edited(t: Trail) -> None:
    data = t.anchor_json()
    data["seq"] = 12           # the tag kept: it no longer matches
    t.anchor.write_text(json.dumps(data), encoding="utf-8")


def anchor_breaks_removed(t: Trail) -> None:
    data = t.anchor_json()
    data["keyed"] = False
    t.anchor.write_text(json.dumps(data), encoding="utf-8")


def anchor_garbage(t: Trail) -> None:
    t.anchor.write_bytes(b"\x00\x01 not an anchor")


def anchor_rolled_back(t: Trail) -> None:
    t.anchor.write_bytes(t.older_anchor)


def emptied_and_anchor_removed(t: Trail) -> None:
    empty(t)
    remove_anchor(t)


K = ProblemKind
#: name -> (tampering, the kind reported, its line (None: not tied to a line), words of its reason)
VARIANTS: dict[str, tuple[Callable[[Trail], None], ProblemKind, int | None, str]] = {
    "edit user of the first entry": (edit(0, "user_id", "prac-other"), K.BAD_MAC, 1, "entry 1 was changed"),
    "edit patient of a middle entry": (edit(4, "patient", "demo:pat-0042"), K.BAD_MAC, 5, "entry 5 was changed"),
    "edit action of the last entry": (edit(9, "action", "sign-in"), K.BAD_MAC, 10, "entry 10 was changed"),
    "edit time of a middle entry": (edit(5, "when", "2026-03-01T09:36:00+08:00"), K.BAD_MAC, 6, "entry 6"),
    "edit detail of a middle entry": (edit(6, "detail", "370102****9999"), K.BAD_MAC, 7, "entry 7 was changed"),
    "edit outcome": (edit(2, "outcome", "0"), K.BAD_MAC, 3, "its MAC does not match"),
    "delete the first entry": (delete(0), K.DELETED, 1, "entry 1 is missing"),
    "delete a middle entry": (delete(4), K.DELETED, 5, "entry 5 is missing"),
    "delete the last entry": (delete(9), K.CUT_TAIL, 10, "entry 10 was cut off"),
    "swap two entries": (swap(3, 4), K.REORDERED, 4, "entry 4 comes later, at line 5"),
    "swap the first and the last": (swap(0, 9), K.REORDERED, 1, "reordered"),
    "move an entry to the end": (move_to_end(1), K.REORDERED, 2, "entry 2 comes later"),
    "duplicate an entry": (duplicate(4), K.DUPLICATED, 6, "repeats line 5"),
    "insert a forged entry": (insert_forged, K.INSERTED, 6, "line 6 was inserted"),
    "append a forged entry": (append_forged, K.BAD_MAC, 11, "entry 11 was changed"),
    "cut the tail by one": (cut(1), K.CUT_TAIL, 10, "entry 10 was cut off"),
    "cut the tail by five": (cut(5), K.CUT_TAIL, 6, "entries 6..10 were cut off"),
    "empty the file": (empty, K.EMPTIED, 1, "the trail is empty, but its anchor records 10 entries"),
    "empty the file and delete the anchor": (emptied_and_anchor_removed, K.EMPTIED, 1, "its anchor deleted"),
    "delete the file": (remove_trail, K.TRAIL_DELETED, None, "the file was deleted"),
    "overwrite the file with garbage": (garbage, K.EMPTIED, 1, "no line of the trail is an audit entry"),
    "truncate mid-line": (truncate_mid_line, K.TORN, 10, "not a whole audit entry"),
    "a byte that is not UTF-8": (bad_byte, K.DAMAGED, 4, "is not UTF-8"),
    "change one number": (renumber(3, 9), K.EDITED, 4, "entry 4 was renumbered"),
    "renumber every entry": (renumber_all, K.EDITED, 1, "entry 1 was renumbered"),
    "edit and recompute the chain with plain SHA-256": (recomputed_plain, K.RECOMPUTED, 3, "without the audit key"),
    "edit and recompute with another key": (recomputed_with_another_key, K.BAD_MAC, 3, "another key"),
    "recompute with another key and forge the anchor with it": (recomputed_with_another_key_and_its_anchor,
                                                                K.ANCHOR_FORGED, None, "forged"),
    "strip the MACs from entry 7 on (downgrade)": (stripped_from(7), K.DOWNGRADE, 7, "its MAC was stripped"),
    "strip every MAC and recompute (downgrade)": (recomputed_unkeyed_everywhere, K.DOWNGRADE, None,
                                                   "no entry carries a MAC"),
    "downgrade and delete the anchor": (downgrade_and_delete_anchor, K.ANCHOR_MISSING, None, "anchor was deleted"),
    "downgrade and write a plain anchor": (downgrade_with_plain_anchor, K.ANCHOR_UNSIGNED, None, "no MAC"),
    "delete the anchor": (remove_anchor, K.ANCHOR_MISSING, None, "anchor was deleted"),
    "replace the anchor with a plain one": (plain_anchor, K.ANCHOR_UNSIGNED, None, "it was replaced"),
    "edit the anchor": (anchor_edited, K.ANCHOR_FORGED, None, "does not match this keyring's audit key"),
    "clear the anchor's keyed flag": (anchor_breaks_removed, K.ANCHOR_FORGED, None, "forged"),
    "overwrite the anchor with garbage": (anchor_garbage, K.ANCHOR_DAMAGED, None, "not readable"),
    "roll the anchor back to an older copy": (anchor_rolled_back, K.ANCHOR_BEHIND, None, "older copy"),
}


def test_at_least_twenty_kinds_of_tampering_are_tried():
    assert len(VARIANTS) >= 20


def test_the_untouched_trail_is_intact_keyed_and_anchored(trail):
    before = snapshot(trail.path.parent)
    report = verify_trail(trail.path, KEY)
    assert report.intact and report.entries == 10 and report.keyed == 10 and report.anchored == 10
    assert report.notes == ()
    assert snapshot(trail.path.parent) == before


@pytest.mark.parametrize("name", list(VARIANTS))
def test_tampering_is_found_and_verify_changes_nothing(trail, name):
    tamper, kind, line_number, words = VARIANTS[name]
    tamper(trail)
    before = snapshot(trail.path.parent)

    report = verify_trail(trail.path, KEY)

    assert snapshot(trail.path.parent) == before          # read only: bytes, mtimes, no file made or removed
    assert not report.intact
    found = [p for p in report.problems if p.kind is kind]
    assert found, f"{name}: expected {kind}, got {report.problems}"
    if line_number is not None:
        assert found[0].line == line_number, found[0]
    assert words in found[0].reason


def test_the_chain_and_the_anchor_are_both_reported(trail):
    """A forger without the key who edits and recomputes is caught twice: at the entry and at the anchor."""
    recomputed_with_another_key(trail)
    kinds = [p.kind for p in verify_trail(trail.path, KEY).problems]
    assert kinds == [K.BAD_MAC, K.ANCHOR_MISMATCH]


def test_a_trail_and_anchor_rolled_back_together_are_consistent_locally(trail):
    """Both files restored from an older backup agree with each other, and the MACs are good: the local
    verify cannot tell (it reports the anchor it read, entry 5). Only the platform's copy shows it: every
    AuditEvent carried its entry's number and digest, and the platform holds entry 10
    (tests/services/test_audit_verify.py shows the copy that reaches it)."""
    trail.path.write_bytes(trail.older_trail)
    trail.anchor.write_bytes(trail.older_anchor)
    report = verify_trail(trail.path, KEY)
    assert report.intact and report.anchored == 5 and report.entries == 5


def test_blank_lines_change_nothing(trail):
    data = trail.path.read_bytes().replace(b"\n", b"\n\n", 3)
    trail.path.write_bytes(data)
    assert verify_trail(trail.path, KEY).intact


def test_without_the_key_the_order_is_still_checked_but_the_trail_is_not_called_intact(trail):
    report = verify_trail(trail.path, None, no_key_reason="no system keyring")
    assert not report.intact and not report.problems and "no system keyring" in report.unchecked
    delete(4)(trail)
    report = verify_trail(trail.path, None, no_key_reason="no system keyring")
    assert [p.kind for p in report.problems] == [K.DELETED]


def test_random_damage_never_raises_and_is_never_called_intact(trail):
    """Bytes flipped, removed or added anywhere: a finding every time (or the same entries, when the
    change left every entry as it was, e.g. the last line end dropped)."""
    import random

    original = trail.path.read_bytes()
    entries = trail.entries()
    rng = random.Random(13)
    for _ in range(300):
        data = bytearray(original)
        at = rng.randrange(len(data))
        how = rng.randrange(3)
        if how == 0:
            data[at] = rng.randrange(256)
        elif how == 1:
            del data[at: at + rng.randrange(1, 80)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        trail.path.write_bytes(bytes(data))
        report = verify_trail(trail.path, KEY)
        if report.intact:
            assert [json.loads(x) for x in bytes(data).splitlines() if x.strip()] == entries, bytes(data)


# --- the writer keeps what it found ---------------------------------------------------------------------


def written(path: Path, n: int, key: bytes | None = KEY, first: int = 100) -> None:
    log = AuditLog(path, key)
    for i in range(first, first + n):
        log.append(record(i))


@pytest.mark.parametrize("tamper, words", [
    (cut(3), "entries 8..10 were cut off"),
    (empty, "the file was emptied"),
    (remove_trail, "the file was deleted"),
    (remove_anchor, "anchor was deleted"),
    (anchor_edited, "forged"),
])
def test_what_the_next_writer_found_stays_in_the_anchor(trail, tamper, words):
    """The program started again after the tampering goes on auditing, but the finding is not lost."""
    tamper(trail)
    written(trail.path, 2)
    report = verify_trail(trail.path, KEY)
    found = [p for p in report.problems if p.kind is K.FOUND_BY_WRITER]
    assert len(found) == 1 and words in found[0].reason and "when entry" in found[0].reason
    written(trail.path, 1)                       # and again: still one finding, still there
    assert [p.kind for p in verify_trail(trail.path, KEY).problems].count(K.FOUND_BY_WRITER) == 1


def test_a_running_writer_finds_a_cut_made_under_it(trail):
    log = AuditLog(trail.path, KEY)
    log.append(record(50))
    cut(4)(trail)
    log.append(record(51))
    assert any(p.kind is K.FOUND_BY_WRITER and "cut off" in p.reason for p in verify_trail(trail.path, KEY).problems)


def test_an_entry_whose_anchor_was_not_written_is_a_note_not_a_finding(trail):
    """A crash between the entry and its anchor: the trail is one ahead of the anchor."""
    entries = trail.entries()
    trail.anchor.write_text(anchor_text(Anchor(9, entries[8]["hash"], 9, True), KEY), encoding="utf-8")
    report = verify_trail(trail.path, KEY)
    assert report.intact and any("interrupted" in n for n in report.notes)
    written(trail.path, 1)
    report = verify_trail(trail.path, KEY)
    assert report.intact and report.anchored == 11


def test_a_torn_last_line_is_named_and_auditing_goes_on(trail):
    truncate_mid_line(trail)
    written(trail.path, 2)
    lines = trail.path.read_bytes().splitlines()
    assert len(lines) == 12 and json.loads(lines[-1])["seq"] == 12
    report = verify_trail(trail.path, KEY)
    assert report.problems[0].line == 10 and report.problems[0].kind in (K.DAMAGED, K.TORN)


def test_two_writers_share_one_chain(tmp_path):
    """The window and `huren cds-hooks` may record into the same trail: one chain, no finding."""
    path = tmp_path / "audit.jsonl"
    first, second = AuditLog(path, KEY), AuditLog(path, KEY)
    for i in range(6):
        (first if i % 2 else second).append(record(i))
    report = verify_trail(path, KEY)
    assert report.intact and report.entries == 6 and report.anchored == 6


def test_two_processes_share_one_chain(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "audit.jsonl"
    code = ("import sys; from tests.platform.test_audit_tamper import written, KEY; from pathlib import Path; "
            "written(Path(sys.argv[1]), 40, KEY, int(sys.argv[2]))")
    root = Path(__file__).resolve().parents[2]
    runs = [subprocess.Popen([sys.executable, "-c", code, str(path), str(first)], cwd=root) for first in (0, 100)]
    assert [r.wait(timeout=120) for r in runs] == [0, 0]
    report = verify_trail(path, KEY)
    assert report.intact and report.entries == 80 and report.anchored == 80


def test_the_writer_reads_and_writes_nothing_until_the_first_entry(tmp_path):
    path = tmp_path / "not-yet" / "audit.jsonl"
    log = AuditLog(path, KEY)
    assert not path.parent.exists() and log.verify().intact
    log.append(record(1))
    assert sorted(p.name for p in path.parent.iterdir()) == ["audit.anchor", "audit.jsonl", "audit.lock"]


# --- older and weaker trails ---------------------------------------------------------------------------


def old_format(path: Path, n: int) -> None:
    """A trail as the version before keyed trails wrote it: plain SHA-256, no marker, no anchor."""
    previous, lines = GENESIS, []
    for seq in range(1, n + 1):
        data = record(seq).to_json()
        digest = link_hash(previous, seq, data)
        lines.append(line({"seq": seq, "prev": previous, "hash": digest, "record": data}))
        previous = digest
    path.write_bytes(b"".join(lines))


def test_an_old_unkeyed_trail_still_verifies_and_says_it_is_not_keyed(tmp_path):
    path = tmp_path / "audit.jsonl"
    old_format(path, 4)
    report = verify_trail(path, None, no_key_reason="no audit key yet: written before keyed trails")
    assert report.intact and report.keyed == 0
    assert any("not keyed" in n and "written before keyed trails" in n for n in report.notes)
    assert any("no anchor" in n for n in report.notes)


def test_an_old_trail_is_adopted_by_the_first_keyed_writer(tmp_path):
    from app.platform.audit_key import AuditKey

    path = tmp_path / "audit.jsonl"
    old_format(path, 4)
    log = AuditLog(path, make_key=lambda: AuditKey(KEY, made=True))
    log.append(record(5))
    log.append(record(6))
    report = verify_trail(path, KEY)
    assert report.intact and report.keyed == 2 and report.anchored == 6
    assert report.notes == ("entries 1..4 are not keyed (written before keyed trails)",)
    # The old entries can be recomputed, but the first keyed entry pins the digest of the one before it.
    entries = [json.loads(x) for x in path.read_bytes().splitlines()]
    entries[1]["record"]["patient"] = "demo:pat-7777"
    path.write_bytes(b"".join(line(e) for e in recompute(entries[:4], 2, None, marker=False) + entries[4:]))
    first = verify_trail(path, KEY).problems[0]
    assert first.kind is K.RELINKED and first.line == 5


def test_without_a_keyring_the_trail_is_unkeyed_and_verify_says_so_plainly(tmp_path):
    path = tmp_path / "audit.jsonl"
    written(path, 3, key=None)
    report = verify_trail(path, None, no_key_reason="no system keyring: no keyring backend (Keyring)")
    assert report.intact and report.keyed == 0 and report.anchored == 3
    assert report.notes[0].startswith("not keyed (no system keyring") and \
        "an edit that recomputes the chain cannot be detected" in report.notes[0]
    # Even unkeyed, entries cut off the end show against the (plain) anchor.
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:2]))
    assert [p.kind for p in verify_trail(path, None).problems] == [K.CUT_TAIL]


def test_a_keyed_trail_continued_without_the_key_is_reported(trail):
    """The keyring was locked for a while: entries are kept, but verify says they carry no MAC."""
    written(trail.path, 2, key=None)
    kinds = [p.kind for p in verify_trail(trail.path, KEY).problems]
    assert kinds[0] is K.DOWNGRADE and K.ANCHOR_UNSIGNED in kinds


def test_the_copy_in_a_backup_dir_can_be_checked_with_its_anchor(trail, tmp_path):
    backup = tmp_path / "backup"
    backup.mkdir()
    shutil.copy(trail.path, backup / "audit-2026.jsonl")
    assert [p.kind for p in verify_trail(backup / "audit-2026.jsonl", KEY).problems] == [K.ANCHOR_MISSING]
    shutil.copy(trail.anchor, backup / "audit-2026.anchor")
    assert verify_trail(backup / "audit-2026.jsonl", KEY).intact


def test_the_writer_reads_only_the_end_of_a_trail_that_matches_its_anchor(trail, monkeypatch):
    """The first entry of a program run does not read a year's trail; a mismatch still reads it all."""
    from app.platform import audit_log, audit_trail

    read_whole = []
    real = audit_trail.read_lines

    def spy(path):
        read_whole.append(path)
        return real(path)

    monkeypatch.setattr(audit_log, "read_lines", spy)       # the writer's reading
    monkeypatch.setattr(audit_trail, "read_lines", spy)     # verify's
    written(trail.path, 1)
    assert read_whole == []
    assert verify_trail(trail.path, KEY).intact and read_whole == [trail.path]     # verify reads it all
    cut(2)(trail)
    written(trail.path, 1)
    assert read_whole == [trail.path] * 2


def test_the_last_lines_are_found_across_chunks(trail):
    from app.platform.audit_log import _last_lines

    data = trail.path.read_bytes().replace(b"\n", b"\n\n", 4)
    trail.path.write_bytes(data)
    assert _last_lines(trail.path, 2, chunk=7) == [x for x in data.splitlines() if x][-2:]
    assert _last_lines(trail.path, 11) is None
