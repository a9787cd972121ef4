"""Auto-lock: an idle window hides patient data; the same user unlocks with nothing lost;
another user's sign-in closes the previous user's patient."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from app.ui.order_dialog import OrderDialog
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def shown_texts(top: QWidget) -> str:
    """Everything a person could read on the window right now (visible widgets only)."""
    texts = []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.text())
    return "\n".join(texts)


def test_idle_locks_hides_the_patient_and_the_same_user_unlocks(qtbot, make_window, demo_platform):
    config = replace(demo_site(demo_platform.fhir_base), auto_lock_minutes=10)
    window = make_window(config, now=ANCHOR)
    open_showcase_chart(qtbot, window)
    name = window.chart.person.primary.name
    assert name in shown_texts(window)
    dialog = OrderDialog(window.station, window.chart.person, window.chart.assessed_reports, window)
    qtbot.addWidget(dialog)
    dialog.show()
    typed = dialog.findChild(QLineEdit)
    typed.setText("胸闷两天，复查电解质")

    window.idle.idle.emit()                                   # what the timer does after the site's minutes
    assert window.locked and window.pages.currentWidget() is window.lock_page
    assert name not in shown_texts(window)                    # the window shows no patient data
    assert "胸闷" not in shown_texts(dialog) and dialog.isVisible()   # the dialog is veiled, not closed
    assert not window.order_action.isEnabled()
    assert window.identity.current.name in window.lock_page.detail.text()

    window.lock_page.unlock.click()                           # one click is not enough
    assert window.locked and not window.lock_page.unlock.isEnabled()
    window.lock_page.proof.setText("not-my-number")
    assert not window.lock_page.unlock.isEnabled()
    staff_number = window.identity.current.staff_number
    assert staff_number
    window.lock_page.proof.clear()
    qtbot.keyClicks(window.lock_page.proof, staff_number.lower())   # the user's own 工号
    assert window.lock_page.unlock.isEnabled()
    window.lock_page.unlock.click()
    assert not window.locked and name in shown_texts(window)
    assert typed.text() == "胸闷两天，复查电解质" and typed.isVisible()     # nothing typed was lost
    actions = [r.action.value for r in window.desk.auditor.records()]
    assert actions[-2:] == ["lock", "unlock"]


def test_another_user_at_the_lock_closes_the_previous_patient(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    qtbot.waitUntil(lambda: window.user_box.count() > 1, timeout=10_000)
    name = window.chart.person.primary.name
    window.lock()
    other = next(window.user_box.itemData(i) for i in range(window.user_box.count())
                 if window.user_box.itemData(i) != window.identity.current)
    window.switch_user(other.practitioner_id)
    assert not window.locked and window.chart.person is None
    assert name not in shown_texts(window)


def test_the_idle_timer_fires_after_the_configured_time(qtbot, make_window, demo_platform):
    config = replace(demo_site(demo_platform.fhir_base), auto_lock_minutes=0.002)   # 120 ms
    window = make_window(config, now=ANCHOR)
    qtbot.waitUntil(lambda: window.identity.current is not None, timeout=10_000)
    window.idle.restart()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)


def test_another_user_in_the_user_box_closes_the_previous_patient(qtbot, make_window, demo_platform):
    """No lock needed: whoever takes the workstation starts from an empty chart and search."""
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    qtbot.waitUntil(lambda: window.user_box.count() > 1, timeout=10_000)
    name = window.chart.person.primary.name
    first = window.identity.current
    # A nurse: a physician would rightly be told of refusals of their own orders, which may name 张伟.
    other = next(window.user_box.itemData(i) for i in range(window.user_box.count())
                 if window.user_box.itemData(i) != first and window.user_box.itemData(i).is_nurse)
    window.switch_user(other.practitioner_id)
    assert window.identity.current == other and window.chart.person is None
    assert name not in shown_texts(window) and window.search_panel.results.count() == 0
    assert window.search_panel.id_edit.text() == ""                # not even the ID that was typed
    window.switch_user(first.practitioner_id)                 # coming back does not bring the patient back
    assert window.chart.person is None
