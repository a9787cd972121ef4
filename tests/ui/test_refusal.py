"""A refusal is recorded like consent, confirmed, and reaches the physician who ordered the repeat.

The dialog first (who refuses, the evidence, the confirmation), then the whole path in the
window on the demo platform: the nurse's worklist says what was recorded and its count
falls, and the doctor is told and finds it in "My orders".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.domain.repeat_orders import ConsentMethod, RepeatReason
from app.services.ordering.outcomes import MyOrders, OutcomeState
from app.ui.consent_dialog import ConsentDialog
from app.ui.item_names import decision_name
from app.ui.my_orders_dialog import MyOrdersDialog, RefusalNotice
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_consent_dialog import NOW, NURSE, awaiting_order, png_file, sign
from tests.ui.test_order_flow import drive_modal, open_showcase, record_in_worklist


def opened(qtbot) -> ConsentDialog:
    d = ConsentDialog(awaiting_order(), NURSE, lambda: NOW)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.identity_box.check.setChecked(True)   # the nurse has checked who the patient is
    return d


def button(box: QMessageBox, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert found is not None, name
    return found


# -- the dialog --------------------------------------------------------------------------------------


def test_a_refusal_needs_a_witness_and_is_confirmed_before_it_is_kept(qtbot):
    d = opened(qtbot)
    d.verbal_radio.setChecked(True)
    assert not d.refuse_button.isEnabled() and not d.consent_button.isEnabled()
    assert "witness" in d.missing_label.text()
    d.witness.insert("刘洋")  # through the input method: QTest types Latin-1 only
    assert d.refuse_button.isEnabled()

    qtbot.mouseClick(d.refuse_button, Qt.MouseButton.LeftButton)
    box = d.refusal_confirmation
    assert box is not None and box.isVisible() and d.isVisible() and d.consent() is None
    assert box.text() == "The patient 张伟 refuses the repeat of 钾: record the refusal?"   # not the recognized 钠
    assert "李明" in box.informativeText() and "刘洋" in box.informativeText()   # who is told; the evidence
    qtbot.mouseClick(button(box, "backFromRefusal"), Qt.MouseButton.LeftButton)
    assert d.consent() is None and d.isVisible() and d.result() == 0        # back: nothing is kept

    qtbot.mouseClick(d.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(d.refusal_confirmation, "recordRefusal"), Qt.MouseButton.LeftButton)
    record = d.consent()
    assert d.result() == ConsentDialog.DialogCode.Accepted
    assert record.consented is False and record.method is ConsentMethod.VERBAL_WITH_WITNESS
    assert record.witness == "刘洋" and record.signer_name == "张伟" and record.relationship == "self"
    assert record.items == ("LAB-K",) and record.recorded_by == NURSE and record.problems() == []


def test_enter_on_the_confirmation_goes_back(qtbot):
    d = opened(qtbot)
    sign(qtbot, d.signature_pad)
    qtbot.mouseClick(d.refuse_button, Qt.MouseButton.LeftButton)
    box = d.refusal_confirmation
    assert box.defaultButton() is button(box, "backFromRefusal")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert d.consent() is None and d.refusal_confirmation is None and d.isVisible()


def test_a_family_member_refuses_by_name_and_relationship_with_a_signature(qtbot):
    d = opened(qtbot)
    d.family_radio.setChecked(True)
    sign(qtbot, d.signature_pad)
    assert not d.refuse_button.isEnabled()          # who refuses is named, with their relationship
    d.family_name.insert("张秀英")
    assert not d.refuse_button.isEnabled()
    d.relationship.setCurrentIndex(0)               # Spouse
    assert d.refuse_button.isEnabled()
    qtbot.mouseClick(d.refuse_button, Qt.MouseButton.LeftButton)
    box = d.refusal_confirmation
    assert box.text() == "张秀英 (Spouse) refuses, for the patient 张伟, the repeat of 钾: record the refusal?"
    assert "signature on screen" in box.informativeText()
    qtbot.mouseClick(button(box, "recordRefusal"), Qt.MouseButton.LeftButton)
    record = d.consent()
    assert (record.consented, record.signer_name, record.relationship) == (False, "张秀英", "Spouse")
    assert record.attachment.startswith(b"\x89PNG")   # the family member's signature is the evidence


def test_a_refusal_on_paper_needs_the_scan(qtbot, tmp_path):
    d = opened(qtbot)
    d.paper_radio.setChecked(True)
    assert not d.refuse_button.isEnabled() and "scan" in d.missing_label.text()
    assert d.attach_file(png_file(tmp_path / "refusal.png"))
    assert d.refuse_button.isEnabled()
    qtbot.mouseClick(d.refuse_button, Qt.MouseButton.LeftButton)
    assert "paper form" in d.refusal_confirmation.informativeText()
    qtbot.mouseClick(button(d.refusal_confirmation, "recordRefusal"), Qt.MouseButton.LeftButton)
    assert d.consent().method is ConsentMethod.PAPER_FORM and d.consent().attachment


def test_no_refusal_before_the_identity_is_checked(qtbot):
    d = opened(qtbot)
    sign(qtbot, d.signature_pad)
    d.identity_box.check.setChecked(False)
    assert not d.refuse_button.isEnabled()
    assert d.confirm_refusal() is None and d.refusal_confirmation is None   # even asked directly


# -- the window: the nurse records it, the doctor is told ------------------------------------------


def order_a_repeat(qtbot, window):
    def steps(dialog):
        dialog.choose("electrolytes")
        dialog.check_priors()
        dialog.set_repeat("LAB-K", RepeatReason.CRUCIAL_ITEM, "明日择期手术")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        window.made = dialog.order()

    failures = drive_modal(window, steps)
    window.order_action.trigger()
    assert not failures, failures
    qtbot.waitUntil(lambda: window.desk.unsent() == 0 and not window.runner.busy, timeout=15_000)
    return window.made


def refuse_in_the_worklist(qtbot, window, order):
    """The nurse opens the worklist, picks the order and records a witnessed refusal, confirmed."""
    seen = {}

    def consent_steps(d):
        d.identity_box.check.setChecked(True)
        d.verbal_radio.setChecked(True)
        d.witness.insert("刘洋")  # through the input method: QTest types Latin-1 only
        qtbot.mouseClick(d.refuse_button, Qt.MouseButton.LeftButton)
        seen["question"] = d.refusal_confirmation.text()
        qtbot.mouseClick(button(d.refusal_confirmation, "recordRefusal"), Qt.MouseButton.LeftButton)

    def worklist_steps(worklist):
        for row in range(worklist.orders.count()):
            if worklist.orders.item(row).data(Qt.ItemDataRole.UserRole + 1).id == order.id:
                worklist.orders.setCurrentRow(row)
        seen["done"] = record_in_worklist(worklist, consent_steps)
        qtbot.waitUntil(lambda: not window.runner.busy and worklist.kept.text() != "", timeout=15_000)
        seen["kept"] = worklist.kept.text()
        seen["listed"] = [worklist.orders.item(r).data(Qt.ItemDataRole.UserRole + 1).id
                          for r in range(worklist.orders.count())]
        seen["count"] = window.consent_action.text()
        worklist.accept()

    failures = drive_modal(window, worklist_steps)
    window.consent_action.trigger()
    assert not failures, failures
    return seen


def test_the_refusal_reaches_the_ordering_doctor(qtbot, make_window, demo_platform):
    from app.sandbox.demo_staff import STAFF

    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase(qtbot, window)
    doctor = window.identity.current
    order = order_a_repeat(qtbot, window)

    nurse_id = next(s[0] for s in STAFF if s[5].value == "nurse" and s[6] == doctor.organization_id)
    window.switch_user(nurse_id)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)
    before = window.consent_action.text()
    seen = refuse_in_the_worklist(qtbot, window, order)
    assert seen["done"] is not None and not seen["done"].consent.consented
    potassium = decision_name(order.repeats[0], window.station.catalogue_at_hand().items)   # as the screen names it
    assert seen["question"] == (f"The patient {order.patient_name} refuses the repeat of {potassium}: "
                                "record the refusal?")
    # The list does not empty without a word, and the toolbar's count falls with it.
    assert "refusal recorded" in seen["kept"] and order.patient_name in seen["kept"] and doctor.name in seen["kept"]
    assert order.id not in seen["listed"]
    count = lambda text: int(text.rsplit("(", 1)[1].rstrip(")+"))  # noqa: E731
    assert count(seen["count"]) == count(before) - 1
    qtbot.waitUntil(lambda: window.desk.unsent() == 0 and not window.runner.busy, timeout=15_000)

    # The doctor comes back: the window's notice names the refusal by itself, once.
    notice = window.orders.refusal_notice
    asked = []
    notice.show_orders.disconnect()
    notice.show_orders.connect(lambda: asked.append(True))
    window.switch_user(doctor.practitioner_id)
    qtbot.waitUntil(lambda: notice.box is not None, timeout=15_000)
    assert order.patient_name in notice.box.informativeText() and potassium in notice.box.informativeText()
    assert not notice.box.isModal()                 # the doctor goes on working
    qtbot.mouseClick(button(notice.box, "showMyOrders"), Qt.MouseButton.LeftButton)
    assert asked == [True] and notice.box is None
    notice.check()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)
    assert notice.box is None                       # acknowledged: not shown again

    # "My orders" lists it as refused, with who recorded it.
    dialog = MyOrdersDialog(window.station, window.runner, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=15_000)
    rows = {dialog.table.item(r, MyOrdersDialog.NUMBER).text(): r for r in range(dialog.table.rowCount())}
    row = rows[order.number]
    cells = [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]
    assert cells[MyOrdersDialog.PATIENT] == order.patient_name and cells[MyOrdersDialog.ITEMS] == potassium
    assert cells[MyOrdersDialog.DECISION] == "Refused"
    assert cells[MyOrdersDialog.RECORDED_BY] == next(s[1] for s in STAFF if s[0] == nurse_id)


def test_the_notice_is_dismissed_unseen_and_never_shown_to_the_next_user(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase(qtbot, window)
    doctor = window.identity.current
    notice = RefusalNotice(window.station, window.runner, window, interval_ms=3_600_000)
    outcomes = [o for o in _refused_outcomes(window)]
    notice._show(MyOrders(outcomes, (), "someone-else"))   # an answer for the user before
    assert notice.box is None
    notice._show(MyOrders(outcomes, (), doctor.practitioner_id))
    assert notice.box is not None and notice.box.isVisible()
    box = notice.box
    notice.dismiss()                                 # signed out before reading it
    assert notice.box is None and not box.isVisible()   # gone from the screen, not only forgotten
    assert {o.order.id for o in outcomes} <= {o.order.id for o in window.station.unseen_refusals().outcomes}


def _refused_outcomes(window):
    """A refusal of this doctor's, made through the services (the window path is tested above)."""
    from datetime import timedelta

    from app.domain.repeat_orders import PatientConsent
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.ordering.desk import initial_decisions

    station = window.station
    doctor = station.user
    check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K"])
    decisions = [d.repeat(RepeatReason.EMERGENCY) for d in initial_decisions(check.lines)]
    order = station.place_order(station.prepare_order(check.chart.person, decisions)).order
    nurse = next(u for u in station.users() if u.is_nurse and u.organization_id == doctor.organization_id)
    station.sign_in(nurse)
    station.record_consent(station.consent_given(order, PatientConsent(
        consented=False, signer_name=order.patient_name, relationship="self",
        method=ConsentMethod.VERBAL_WITH_WITNESS, recorded_at=ANCHOR + timedelta(minutes=5), recorded_by=nurse,
        explained="钾", witness="刘洋")))
    station.sign_in(doctor)
    return [o for o in station.my_orders().outcomes if o.order.id == order.id and o.state is OutcomeState.REFUSED]
