""""My orders": the physician revokes a recognition recorded by mistake, with a reason.

On a demo platform, through the window's workstation: an order of today with a repeat the
patient consented to and recognized items. The dialog offers "Revoke recognition…" for it,
asks which item and why (no reason, no revocation), writes on the serial lane and shows the
item as revoked; the revocation goes out once. An order of another day offers nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer

from app.domain.fhir_profile import RECOGNITION_REVOKED, RECORD_TYPE_SYSTEM
from app.domain.repeat_orders import ConsentMethod, PatientConsent, RepeatReason
from app.platform.outbox import Status
from app.services.ordering.outcomes import OutcomeState
from app.ui.my_orders_dialog import MyOrdersDialog, RevokeDialog
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_order_flow import open_showcase


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    """A platform of its own: a revocation changes the dashboard's figures other tests compare."""
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("revoke-ui-platform"), anchor=ANCHOR, images=False).start()
    yield server
    server.stop()


def consented_order(window):
    """An order of the signed-in doctor's: LAB-K repeated (the patient consents), the rest recognized."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.ordering.desk import initial_decisions

    station = window.station
    doctor = station.user
    check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K", "LAB-NA", "LAB-CL"])
    decisions = initial_decisions(check.lines)
    decisions = [d.repeat(RepeatReason.EMERGENCY) if d.item_code == "LAB-K" else d for d in decisions]
    order = station.place_order(station.prepare_order(check.chart.person, decisions)).order
    assert order.recognitions, [d.item_code for d in decisions]
    nurse = next(u for u in station.users() if u.is_nurse and u.organization_id == doctor.organization_id)
    station.sign_in(nurse)
    station.record_consent(station.consent_given(order, PatientConsent(
        consented=True, signer_name=order.patient_name, relationship="self",
        method=ConsentMethod.VERBAL_WITH_WITNESS, recorded_at=ANCHOR + timedelta(minutes=5), recorded_by=nurse,
        explained="钾", witness="刘洋")))
    station.sign_in(doctor)
    return order


def opened(qtbot, window, order) -> tuple[MyOrdersDialog, int]:
    dialog = MyOrdersDialog(window.station, window.runner, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=15_000)
    [row] = [r for r, o in enumerate(dialog.mine.outcomes) if o.order.id == order.id]
    assert dialog.mine.outcomes[row].state is OutcomeState.CONSENTED
    dialog.table.selectRow(row)
    return dialog, row


def revocations(window, key: str) -> list[dict]:
    from app.platform.fhir.decisions import revoked_record
    from app.platform.fhir.search import search_all

    client = window.station.workspace.sources[0].client
    found = search_all(client, "Basic", [("code", f"{RECORD_TYPE_SYSTEM}|{RECOGNITION_REVOKED}"), ("_count", "200")])
    return [r for r in found.matches if revoked_record(r) == key]


def test_the_doctor_revokes_a_recognition_of_today_with_a_reason(qtbot, make_window, platform):
    window = make_window(demo_site(platform.fhir_base), now=ANCHOR + timedelta(hours=1))
    open_showcase(qtbot, window)
    order = consented_order(window)
    qtbot.waitUntil(lambda: window.desk.unsent() == 0 and not window.runner.busy, timeout=15_000)
    dialog, row = opened(qtbot, window, order)
    assert dialog.revoke_button.isEnabled()
    target = order.recognitions[-1]
    seen = {}

    def steps():
        d = dialog.open_revoke_dialog
        if d is None or not d.isVisible():
            QTimer.singleShot(20, steps)
            return
        assert isinstance(d, RevokeDialog)
        seen["items"] = [d.item_box.itemData(i) for i in range(d.item_box.count())]
        seen["ok without reason"] = d.ok_button.isEnabled()
        d.reason_edit.insert("   ")
        seen["ok with blanks"] = d.ok_button.isEnabled()
        d.reason_edit.clear()
        d.reason_edit.insert("误点互认，需复查")   # through the input method: QTest types Latin-1 only
        d.item_box.setCurrentIndex(d.item_box.findData(target.item_code))
        seen["ok"] = d.ok_button.isEnabled()
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, steps)
    dialog.revoke()
    assert seen == {"items": [d.item_code for d in order.recognitions], "ok without reason": False,
                    "ok with blanks": False, "ok": True}
    qtbot.waitUntil(lambda: not dialog.revoking and not dialog.loading and not window.runner.busy, timeout=15_000)
    key = f"{order.id}/{target.item_code}"
    assert dialog.mine.is_revoked(order.id, target.item_code)
    [row] = [r for r, o in enumerate(dialog.mine.outcomes) if o.order.id == order.id]
    assert "(revoked)" in dialog.table.item(row, MyOrdersDialog.RECOGNIZED).text()
    assert "is revoked" in dialog.status.text()
    entry = window.desk.outbox.get(f"{key}/revoke")
    assert entry is not None
    window.station.send_due()
    assert window.desk.outbox.get(f"{key}/revoke").status is Status.SENT
    window.station.send_due()   # nothing twice
    [revocation] = revocations(window, key)
    assert next(e for e in revocation["extension"] if e["url"].endswith("revocation-reason"))["valueString"] \
        == "误点互认，需复查"
    if len(order.recognitions) == 1:   # every recognized item revoked: nothing left to offer
        assert not dialog.revoke_button.isEnabled()


def test_no_revocation_is_offered_after_the_day_of_the_order(qtbot, make_window, platform):
    window = make_window(demo_site(platform.fhir_base), now=ANCHOR + timedelta(hours=2))
    open_showcase(qtbot, window)
    order = consented_order(window)
    window.station.workspace.now = lambda: ANCHOR + timedelta(days=1)
    dialog, _row = opened(qtbot, window, order)
    assert not dialog.revoke_button.isEnabled()
    assert dialog.revocable(dialog.selected()) == []
