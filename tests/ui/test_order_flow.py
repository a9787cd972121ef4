"""The physician's order through the real window on the demo platform, read back over FHIR."""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt, QTimer

from app.domain.fhir_profile import RECOGNITION_SYSTEM
from app.domain.repeat_orders import RepeatReason
from app.platform.outbox import Status
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site


def open_showcase(qtbot, window):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    window.open_patient(SHOWCASE_RESIDENT_ID)
    qtbot.waitUntil(lambda: window.chart.is_loaded and window.identity.current is not None
                    and not window.runner.busy, timeout=20_000)


def drive_modal(window, steps):
    """Run `steps(dialog)` once the window's modal dialog is open (exec() blocks the test)."""
    failures = []

    def go():
        dialog = window.orders.open_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, go)
            return
        try:
            steps(dialog)
        except BaseException as e:  # noqa: BLE001 - surfaced after exec() returns
            failures.append(e)
            dialog.reject()

    QTimer.singleShot(0, go)
    return failures


def record_in_worklist(worklist, consent_steps):
    """`worklist.record_selected()` with `consent_steps(dialog)` run in its consent dialog (exec() blocks)."""
    inner = []

    def go():
        d = getattr(worklist, "open_consent_dialog", None)
        if d is None or not d.isVisible():
            QTimer.singleShot(20, go)
            return
        try:
            consent_steps(d)
        except BaseException as e:  # noqa: BLE001 - surfaced after exec() returns
            inner.append(e)
            d.reject()

    QTimer.singleShot(0, go)
    done = worklist.record_selected()
    assert not inner, inner
    return done


def search(base, kind, **params):
    bundle = requests.get(f"{base}/{kind}", params=params, timeout=10).json()
    return [e["resource"] for e in bundle.get("entry", []) if e["search"]["mode"] == "match"]


def test_repeat_needs_a_reason_then_waits_for_consent(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase(qtbot, window)
    assert window.identity.current.is_physician and window.order_action.isEnabled()
    assert not window.consent_action.isEnabled()  # physicians do not record consent

    def steps(dialog):
        dialog.choose("electrolytes")
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        rows = [d.item_code for d in dialog.decisions()]
        assert "LAB-K" in rows and dialog.send_button.isEnabled()  # recognizing is the default
        dialog.set_repeat("LAB-K", None)
        assert not dialog.send_button.isEnabled()
        assert "choose a reason" in dialog.problems_label.text()
        dialog.set_repeat("LAB-K", RepeatReason.OTHER)
        assert not dialog.send_button.isEnabled() and "explain" in dialog.problems_label.text()
        dialog.set_repeat("LAB-K", RepeatReason.OTHER, "患者近期大量补钾")
        assert dialog.send_button.isEnabled() and dialog.problems_label.text() == ""
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    failures = drive_modal(window, steps)
    window.order_action.trigger()
    assert not failures, failures
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)   # written on the serial lane
    (waiting,) = window.desk.pending.waiting()
    assert [d.item_code for d in waiting.repeats] == ["LAB-K"] and waiting.repeats[0].note == "患者近期大量补钾"
    # Only the worklist entry is published; the recognized electrolytes wait too: the order is one unit.
    # (Sent or not: the window sends what it queued at once.)
    due = [e.kind for status in (Status.PENDING, Status.SENT) for e in window.desk.outbox.entries(status)]
    assert [k for k in due if not k.startswith("audit")] == ["pending@demo"]
    assert "audit@demo" in due            # the decision is audited too, on its way to the platform


def test_recognizing_records_reach_the_platform(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase(qtbot, window)

    def steps(dialog):
        dialog.choose("LAB-NA")
        dialog.check_priors()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        window.sent_order = dialog.order()

    failures = drive_modal(window, steps)
    window.order_action.trigger()
    assert not failures, failures
    order = window.sent_order
    qtbot.waitUntil(lambda: window.desk.unsent() == 0 and not window.runner.busy, timeout=15_000)
    assert "All records sent" in window.outbox_label.text()
    (rec,) = search(demo_platform.fhir_base, "Basic", identifier=f"{RECOGNITION_SYSTEM}|{order.id}/LAB-NA")
    assert rec["author"]["reference"] == f"Practitioner/{window.identity.current.practitioner_id}"


def test_whole_path_panel_repeat_consent_signature_read_back(qtbot, make_window, demo_platform):
    """Order a panel, repeat one recognized item with a reason, switch to a nurse, record a drawn
    signature, and read the ServiceRequest, the Consent with the signature and the Provenance back."""
    import base64

    from PySide6.QtGui import QImage

    from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, PENDING_SYSTEM
    from app.domain.identity import mask_resident_id, parse_resident_id
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.sandbox.demo_staff import STAFF
    from tests.ui.test_consent_dialog import dark_pixels, sign

    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase(qtbot, window)
    doctor = window.identity.current

    def order_steps(dialog):
        dialog.choose("electrolytes")
        dialog.check_priors()
        dialog.set_repeat("LAB-K", RepeatReason.CRUCIAL_ITEM, "明日择期手术")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        window.made = dialog.order()

    failures = drive_modal(window, order_steps)
    window.order_action.trigger()
    assert not failures, failures
    order = window.made
    qtbot.waitUntil(lambda: window.desk.unsent() == 0 and not window.runner.busy, timeout=15_000)
    base = demo_platform.fhir_base
    assert search(base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/LAB-K") == []  # not before consent

    nurse_id = next(s[0] for s in STAFF if s[5].value == "nurse" and s[6] == doctor.organization_id)
    window.switch_user(nurse_id)
    assert window.identity.current.is_nurse and window.consent_action.isEnabled()
    assert "(1)" in window.consent_action.text() and not window.order_action.isEnabled()

    def consent_steps(dialog):
        assert dialog.isVisible()
        sign(qtbot, dialog.signature_pad)
        assert not dialog.consent_button.isEnabled()     # not before the identity check
        assert order.number in dialog.identity_box.number_label.text()
        dialog.identity_box.check.setChecked(True)
        assert dialog.consent_button.isEnabled(), dialog.missing_label.text()
        qtbot.mouseClick(dialog.consent_button, Qt.MouseButton.LeftButton)

    def worklist_steps(worklist):
        assert worklist.orders.count() == 1
        # The nurse's row names the patient by more than the name: the masked ID, the order's short number.
        row = worklist.orders.item(0).text()
        assert mask_resident_id(SHOWCASE_RESIDENT_ID) in row and order.number in row and "Potassium" in row
        assert f"born {parse_resident_id(SHOWCASE_RESIDENT_ID).birth_date.isoformat()}" in row
        window.recorded = record_in_worklist(worklist, consent_steps)
        worklist.accept()

    failures = drive_modal(window, worklist_steps)
    window.consent_action.trigger()
    assert not failures, failures
    assert window.recorded is not None and window.recorded.consent.consented
    qtbot.waitUntil(lambda: window.desk.unsent() == 0 and not window.runner.busy, timeout=15_000)

    (sr,) = search(base, "ServiceRequest", identifier=f"{ORDER_SYSTEM}|{order.id}/LAB-K")
    (entry,) = search(base, "Basic", identifier=f"{PENDING_SYSTEM}|{order.id}")
    assert entry["code"]["coding"][0]["code"] == "consent-recorded"  # off the department's worklist
    assert sr["reasonCode"][0]["coding"][0]["code"] == "crucial-item"
    assert sr["requester"]["reference"] == f"Practitioner/{doctor.practitioner_id}"
    (consent,) = search(base, "Consent", identifier=f"{CONSENT_SYSTEM}|{order.id}")
    image = QImage.fromData(base64.b64decode(consent["sourceAttachment"]["data"]))
    assert not image.isNull() and dark_pixels(image) > 10  # the drawn signature itself
    assert consent["provision"]["actor"][0]["reference"]["reference"] == f"Practitioner/{nurse_id}"
    (prov,) = search(base, "Provenance", target=f"ServiceRequest/{sr['id']}")
    assert {a["who"]["reference"] for a in prov["agent"]} == {f"Practitioner/{doctor.practitioner_id}",
                                                              f"Practitioner/{nurse_id}"}
    recognized = search(base, "Basic", identifier=f"{RECOGNITION_SYSTEM}|{order.id}/LAB-NA")
    assert len(recognized) == 1  # the other electrolytes were recognized in the same order


def test_refused_records_are_shown_with_the_platforms_reason(qtbot, make_window, demo_platform):
    from app.config import SourceConfig
    from app.platform.fhir.client import FhirClient
    from app.services.ordering.sending import queue
    from app.services.workspace import SourceHandle
    from tests.helpers.servers import failing_server
    from tests.services.test_submission import ITEMS, finished_order

    with failing_server(422) as refusing:
        window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
        window.send_timer.stop()
        # The platform starts refusing what this workstation sends.
        window.workspace.sources = (SourceHandle(SourceConfig("demo", refusing.fhir_base),
                                                 FhirClient(refusing.fhir_base, retries=0)),)
        queue(window.desk.outbox, finished_order("refused-in-window"), ITEMS, "demo")
        window.send_outbox()
        qtbot.waitUntil(lambda: not window.runner.busy and bool(window.desk.refused()), timeout=10_000)
    assert "refused by the platform" in window.outbox_label.text()
    assert "HTTP 422" in window.outbox_label.toolTip() and "database unavailable" in window.outbox_label.toolTip()
    assert window.desk.outbox.get("refused-in-window").payload["type"] == "transaction"  # kept
