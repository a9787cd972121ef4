"""Signing in through the window on a platform that requires it: browser, lock, expiry, HIS launch."""

from __future__ import annotations

from dataclasses import replace

import requests

from app.launch import LaunchRequest
from app.sandbox.auth import DEFAULT_HIS_SECRET, DEMO_PASSWORD
from tests.conftest import ANCHOR
from tests.helpers.browser import FormBrowser
from tests.ui.test_auto_lock import shown_texts

from .conftest import demo_site, search_resident_id


def hospital_site(platform):
    return replace(demo_site(platform.fhir_base), sign_in_method="oidc", demo=False)


def sign_in(qtbot, window, browser: FormBrowser) -> None:
    window.sign_in_flow.open_url = browser.open
    qtbot.waitUntil(window.sign_in_page.sign_in.isEnabled, timeout=10_000)   # a kept session is looked for first
    window.sign_in_page.sign_in.click()
    qtbot.waitUntil(lambda: window.identity.current is not None and not window.locked
                    and window.pages.currentIndex() == 0, timeout=15_000)


def open_patient(qtbot, window):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    search_resident_id(qtbot, window, SHOWCASE_RESIDENT_ID)
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=20_000)
    return window.chart.person.primary.name


def test_the_window_starts_at_sign_in_and_the_browser_signs_the_user_in(qtbot, make_window, secured_platform,
                                                                         memory_keyring):
    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    qtbot.waitUntil(lambda: not window.sign_in_page.waiting, timeout=10_000)   # no kept session
    assert window.pages.currentWidget() is window.sign_in_page
    assert "Sign in with the hospital account" in shown_texts(window)
    assert not window.user_box.isVisible() and not window.order_action.isEnabled()
    browser = FormBrowser("SL0107", DEMO_PASSWORD, background=True)
    sign_in(qtbot, window, browser)
    assert "code_challenge=" in browser.opened[0]
    assert window.identity.current.name == "李明"
    assert "李明" in window.user_name.text() and window.user_name.isVisible()
    name = open_patient(qtbot, window)
    assert name in shown_texts(window)
    actions = [r.action.value for r in window.desk.auditor.records()]
    assert actions[0] == "sign-in"


def test_a_wrong_password_leaves_the_user_on_the_sign_in_page(qtbot, make_window, secured_platform):
    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    qtbot.waitUntil(lambda: not window.sign_in_page.waiting, timeout=10_000)
    browser = FormBrowser("SL0107", "wrong", background=True)
    window.sign_in_flow.open_url = browser.open
    window.sign_in_page.sign_in.click()
    qtbot.waitUntil(lambda: browser.statuses[-1:] == [401], timeout=10_000)
    window.sign_in_page.cancel.click()
    qtbot.waitUntil(lambda: not window.sign_in_page.waiting, timeout=10_000)
    assert window.identity.current is None and window.pages.currentWidget() is window.sign_in_page
    assert "cancelled" in window.sign_in_page.status.text()


def test_an_ended_session_asks_for_sign_in_over_the_screen_and_keeps_it(qtbot, make_window, secured_platform,
                                                                       memory_keyring):
    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    sign_in(qtbot, window, FormBrowser("SL0107", DEMO_PASSWORD, background=True))
    name = open_patient(qtbot, window)
    person = window.chart.person

    secured_platform.auth.expire_access_tokens()
    secured_platform.auth.revoke_refresh_tokens()
    window.search_panel.search_button.click()                    # the next request meets the ended session
    qtbot.waitUntil(lambda: window.locked, timeout=10_000)
    assert window.pages.currentWidget() is window.sign_in_page
    assert "ended the session" in window.sign_in_page.detail.text()
    assert name not in shown_texts(window)

    sign_in(qtbot, window, FormBrowser("SL0107", DEMO_PASSWORD, background=True))
    assert window.chart.person is person and name in shown_texts(window)   # the screen as it was


def test_an_idle_lock_is_lifted_by_signing_in_and_another_user_closes_the_patient(qtbot, make_window,
                                                                                  secured_platform):
    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    sign_in(qtbot, window, FormBrowser("SL0107", DEMO_PASSWORD, background=True))
    name = open_patient(qtbot, window)
    window.idle.idle.emit()
    assert window.locked and name not in shown_texts(window)
    assert "李明 signs in again" in window.sign_in_page.detail.text()
    sign_in(qtbot, window, FormBrowser("SL2214", DEMO_PASSWORD, background=True))
    assert window.identity.current.name == "赵静"
    assert window.chart.person is None and name not in shown_texts(window)
    actions = [r.action.value for r in window.desk.auditor.records()]
    assert actions[-3:] == ["lock", "sign-out", "sign-in"]


def test_signing_out_returns_to_the_sign_in_page_and_forgets_the_session(qtbot, make_window, secured_platform,
                                                                         memory_keyring):
    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    sign_in(qtbot, window, FormBrowser("SL0107", DEMO_PASSWORD, background=True))
    name = open_patient(qtbot, window)
    assert memory_keyring.passwords
    window.sign_out_action.trigger()
    assert window.pages.currentWidget() is window.sign_in_page and window.identity.current is None
    assert name not in shown_texts(window)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    assert not [k for k in memory_keyring.passwords if k[1].startswith("session:")]


def test_an_his_launch_token_signs_in_and_opens_the_patient(qtbot, make_window, secured_platform):
    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    minted = requests.post(f"{secured_platform.url}/auth/launch", json={"user": "QY0318", "patient": "pat-0001"},
                           auth=("his", DEFAULT_HIS_SECRET), timeout=10).json()
    window.open_request(LaunchRequest(launch=minted["launch"]))
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=20_000)
    assert window.identity.current.name == "王芳"
    assert window.pages.currentIndex() == 0
    assert window.chart.person.primary.key.id == "pat-0001"
    window.open_request(LaunchRequest(launch=minted["launch"]))  # spent: refused, and said so
    qtbot.waitUntil(lambda: "launch was refused" in window.statusBar().currentMessage(), timeout=10_000)
    refused = window.desk.auditor.records()[-1]
    assert refused.action.value == "sign-in" and refused.outcome == "4" and "launch" in refused.detail
    assert window.identity.current.name == "王芳"


def test_the_audit_trail_is_for_administrators(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    qtbot.waitUntil(lambda: window.user_box.count() > 1, timeout=10_000)
    assert not window.audit_action.isVisible()
    window.switch_user("prac-sl-liuqiang")
    assert window.audit_action.isVisible() and window.audit_action.isEnabled()
    assert not window.search_panel.isEnabled()          # an administrator opens no patient record
    window.audit_action.trigger()
    assert window.audit_view.isVisible()
    window.switch_user("prac-sl-liming")
    assert not window.audit_view.isVisible() and window.search_panel.isEnabled()


def test_images_come_with_the_token_when_the_platform_requires_it(qtbot, make_window, demo_platform):
    """DICOMweb (thumbnails, the viewer's streams) carries the signed-in user's token too."""
    from .conftest import open_showcase_chart

    demo_platform.auth.required = True
    try:
        window = make_window(hospital_site(demo_platform), now=ANCHOR)
        assert "演示平台" in window.sign_in_page.place.text()
        sign_in(qtbot, window, FormBrowser("SL0107", DEMO_PASSWORD, background=True))
        open_showcase_chart(qtbot, window)
        ct = next(a for a in window.chart.assessed_studies if "CHEST" in a.study.body_parts)
        qtbot.waitUntil(lambda: window.chart.studies.model.has_thumbnail(ct.study.uid), timeout=20_000)
        window.open_images(ct)
        pane = window.viewer.pane_a
        qtbot.waitUntil(lambda: pane.stack is not None and pane.stack.complete, timeout=60_000)
        assert pane.stack.instances >= 300 and pane.current is not None   # every slice came, with the token
    finally:
        demo_platform.auth.required = False


def test_without_a_browser_the_page_says_so(qtbot, make_window, secured_platform):
    window = make_window(hospital_site(secured_platform), now=ANCHOR, open_url=lambda _url: False)
    qtbot.waitUntil(window.sign_in_page.sign_in.isEnabled, timeout=10_000)
    window.sign_in_page.sign_in.click()
    qtbot.waitUntil(lambda: "no web browser" in window.sign_in_page.status.text(), timeout=10_000)
    assert window.sign_in_page.sign_in.isEnabled() and window.identity.current is None
    failed = window.desk.auditor.records()[-1]
    assert failed.action.value == "sign-in" and failed.outcome == "4"
