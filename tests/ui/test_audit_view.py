"""The administrator's audit view: the trail as written, filtered, verified, exported."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt

from app.domain.audit import AuditAction, AuditRecord
from app.domain.staff import Role, StaffMember
from app.platform.audit_log import AuditLog
from app.services.audit import Auditor
from app.ui.audit_models import RecordRole, action_name, local_time
from app.ui.audit_view import AuditView, export_csv
from app.ui.role_text import role_name

SH = ZoneInfo("Asia/Shanghai")
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl")
NURSE = StaffMember("prac-sl-zhaojing", "赵静", Role.NURSE, "org-sdsl")
ADMIN = StaffMember("prac-sl-liuqiang", "刘强", Role.ADMIN, "org-sdsl", department="信息科")


def _record(rid: str, when: datetime, action: AuditAction, user: StaffMember, **kw) -> AuditRecord:
    return AuditRecord(id=rid, when=when, action=action, user_id=user.practitioner_id, user_role=user.role.value,
                       organization_id=user.organization_id, **kw)


#: File lines 1-6, oldest first.
RECORDS = [
    _record("a1", datetime(2026, 3, 1, 9, 0, tzinfo=SH), AuditAction.SIGN_IN, DOCTOR),
    _record("a2", datetime(2026, 3, 1, 9, 5, tzinfo=SH), AuditAction.PATIENT_QUERY, DOCTOR,
            detail="370102********2710"),
    _record("a3", datetime(2026, 3, 1, 9, 6, tzinfo=SH), AuditAction.PATIENT_READ, DOCTOR,
            patient="demo:pat-0001", entity="Patient/pat-0001"),
    _record("a4", datetime(2026, 3, 5, 14, 0, tzinfo=SH), AuditAction.REPORT_READ, NURSE,
            patient="demo:pat-0002", entity="DiagnosticReport/r-7"),
    _record("a5", datetime(2026, 3, 10, 10, 0, tzinfo=SH), AuditAction.ORDER_DECISION, DOCTOR,
            patient="demo:pat-0001", entity="order-1", detail="recognize"),
    _record("a6", datetime(2026, 3, 10, 10, 30, tzinfo=SH), AuditAction.STUDY_READ, NURSE,
            patient="demo:pat-0001", entity="ImagingStudy/s-1", outcome="4"),
]


@pytest.fixture
def trail(tmp_path):
    """Six records written by the trail's own writer, then the administrator's sign-in (now) by the Auditor."""
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    for r in RECORDS:
        log.append(r)
    auditor = Auditor(None, path)
    signed_in = auditor.record(AuditAction.SIGN_IN, ADMIN)
    assert auditor.flush()          # written (the tests then change the file under the view)
    return path, signed_in.id


@pytest.fixture
def open_view(qtbot):
    def make(path):
        view = AuditView(path, staff=[DOCTOR, NURSE, ADMIN])
        qtbot.addWidget(view)
        view.show()
        return view
    return make


def shown(view: AuditView) -> list[str]:
    model = view.table.model()
    return [model.index(row, 0).data(RecordRole).id for row in range(model.rowCount())]


def choose(box, data) -> None:
    box.setCurrentIndex(box.findData(data))


def test_the_trail_is_listed_newest_first_and_verified(trail, open_view):
    path, admin_sign_in = trail
    view = open_view(path)
    assert view.objectName() == "auditView" and not view.isModal()
    assert shown(view) == [admin_sign_in, "a6", "a5", "a4", "a3", "a2", "a1"]
    model = view.model
    assert model.table()[0] == ["Time", "Action", "User", "Patient", "What", "Outcome"]
    # The nurse's look at the study that failed (outcome 4), as one line reads.
    assert model.cells(RECORDS[5]) == [local_time(RECORDS[5]), action_name(AuditAction.STUDY_READ),
                                       f"赵静 · {role_name(Role.NURSE)}", "demo:pat-0001", "ImagingStudy/s-1",
                                       "Minor failure"]
    assert model.cells(RECORDS[4])[4:] == ["order-1 · recognize", ""]
    assert local_time(RECORDS[0]) == RECORDS[0].when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert view.count_label.text() == "7 of 7 entries"
    status = view.chain_status.text()
    assert "intact" in status and "7 entries" in status and "#2e7d32" in view.chain_status.styleSheet()
    users = [view.user_box.itemText(i) for i in range(view.user_box.count())]
    assert users == ["All users", f"刘强 · {role_name(Role.ADMIN)}", f"李明 · {role_name(Role.PHYSICIAN)}",
                     f"赵静 · {role_name(Role.NURSE)}"]
    assert view.action_box.itemText(0) == "All actions" and view.action_box.count() == len(AuditAction) + 1


def test_each_filter_narrows_the_lines(trail, open_view):
    path, admin_sign_in = trail
    view = open_view(path)

    choose(view.action_box, AuditAction.PATIENT_READ)
    assert shown(view) == ["a3"] and view.count_label.text() == "1 of 7 entries"
    choose(view.action_box, AuditAction.SIGN_IN)
    assert shown(view) == [admin_sign_in, "a1"]
    view.action_box.setCurrentIndex(0)

    choose(view.user_box, NURSE.practitioner_id)
    assert shown(view) == ["a6", "a4"]
    choose(view.action_box, AuditAction.REPORT_READ)       # filters combine
    assert shown(view) == ["a4"]
    view.action_box.setCurrentIndex(0)
    view.user_box.setCurrentIndex(0)

    day = RECORDS[3].when.astimezone().date()             # the nurse's report read, on the local calendar
    view.from_edit.setDate(QDate(day.year, day.month, day.day))
    view.to_edit.setDate(QDate(day.year, day.month, day.day))
    assert shown(view) == ["a4"]
    first = RECORDS[0].when.astimezone().date()
    view.from_edit.setDate(QDate(first.year, first.month, first.day))
    assert shown(view) == ["a4", "a3", "a2", "a1"]
    view.to_edit.setDate(QDate(2030, 1, 1))

    view.text_edit.setText("pat-0001")                     # the patient
    assert shown(view) == ["a6", "a5", "a3"]
    view.text_edit.setText("REPORT/r-7")                   # the entity, in any case
    assert shown(view) == ["a4"]
    view.text_edit.setText("recognize")                    # the detail
    assert shown(view) == ["a5"]
    view.text_edit.setText("2710")                         # a masked search term
    assert shown(view) == ["a2"] and view.count_label.text() == "1 of 7 entries"
    view.text_edit.setText("nobody")
    assert shown(view) == [] and view.count_label.text() == "0 of 7 entries"
    view.text_edit.clear()
    assert len(shown(view)) == 7


def test_an_edited_line_is_named_after_refresh(trail, open_view):
    path, _ = trail
    view = open_view(path)
    choose(view.user_box, NURSE.practitioner_id)
    lines = path.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[3])
    entry["record"]["patient"] = "demo:pat-0003"           # someone hides whose report the nurse read
    lines[3] = json.dumps(entry, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    view.refresh_button.click()
    status = view.chain_status.text()
    assert "line 4" in status and "entry 4 was changed" in status and "#c62828" in view.chain_status.styleSheet()
    assert shown(view) == ["a6", "a4"]                     # the filter stays; the edited record is still listed
    assert view.model.cells(view.model.records[1])[3] == "demo:pat-0003"


def test_a_line_that_is_not_json_breaks_the_chain_there_and_the_rest_is_listed(trail, open_view):
    path, admin_sign_in = trail
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = "{this is not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    view = open_view(path)
    status = view.chain_status.text()
    assert "line 3" in status and "not an audit entry" in status and "not listed: 3" in status
    assert shown(view) == [admin_sign_in, "a6", "a5", "a4", "a2", "a1"]
    assert view.count_label.text() == "6 of 6 entries"


def test_no_trail_yet_is_an_empty_view(tmp_path, open_view):
    view = open_view(tmp_path / "audit.jsonl")
    assert shown(view) == [] and "No audit trail yet" in view.chain_status.text()
    assert view.count_label.text() == "0 of 0 entries"


def test_export_writes_the_lines_shown_as_utf8_with_a_bom(trail, open_view, tmp_path):
    path, _ = trail
    view = open_view(path)
    choose(view.user_box, NURSE.practitioner_id)
    out = tmp_path / "export.csv"
    assert view.export(out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == view.model.table() and len(rows) == 3
    assert [r[3] for r in rows[1:]] == ["demo:pat-0001", "demo:pat-0002"]
    assert "2 entries written" in view.message.text()


def test_export_csv_quotes_and_keeps_chinese(tmp_path):
    out = export_csv([["Patient", "What"], ["demo:pat-0001", "张伟, 复诊"]], tmp_path / "a.csv")
    assert out.read_bytes() == "\ufeffPatient,What\r\ndemo:pat-0001,\"张伟, 复诊\"\r\n".encode()


def test_a_user_not_known_by_name_shows_as_their_id(trail, qtbot):
    path, _ = trail
    view = AuditView(path)
    qtbot.addWidget(view)
    assert view.user_box.findText(f"prac-sl-zhaojing · {role_name(Role.NURSE)}", Qt.MatchFlag.MatchExactly) > 0
