"""After a full working session, Huren's folders hold no password, token or patient name in plain text."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from app.domain.repeat_orders import ConsentMethod, OrderState, PatientConsent, RepeatReason
from app.platform.outbox import Status
from app.sandbox.auth import DEMO_PASSWORD
from tests.conftest import ANCHOR
from tests.helpers.at_rest import files_holding
from tests.helpers.browser import FormBrowser
from tests.helpers.orders import record_consent
from tests.ui.test_order_flow import drive_modal

from .conftest import demo_site, open_showcase_chart


@pytest.mark.parametrize("keyring", ["system keyring", "no keyring, unprotected workstation"])
def test_a_full_session_leaves_no_secret_and_no_patient_name_on_disk(qtbot, make_window, demo_platform,
                                                                    huren_home, request, keyring):
    from app.logs import configure

    system_keyring = request.getfixturevalue("memory_keyring") if keyring == "system keyring" else None
    log_file = configure(huren_home / "log", verbose=True)
    try:
        config = replace(demo_site(demo_platform.fhir_base), sign_in_method="oidc", demo=False,
                         physician_records_consent=True,
                         without_keyring="refuse" if system_keyring else "unprotected")
        window = make_window(config, now=ANCHOR)
        with qtbot.waitSignal(window.start_up.storage_opened, timeout=15_000):   # the key comes after the first paint
            pass
        assert window.unprotected_banner.isVisibleTo(window) is (system_keyring is None)
        browser = FormBrowser("SL0107", DEMO_PASSWORD, background=True)
        window.sign_in_flow.open_url = browser.open
        qtbot.waitUntil(window.sign_in_page.sign_in.isEnabled, timeout=10_000)
        window.sign_in_page.sign_in.click()
        qtbot.waitUntil(lambda: window.identity.current is not None and window.pages.currentIndex() == 0,
                        timeout=15_000)
        open_showcase_chart(qtbot, window)
        person = window.chart.person
        names = {f"patient name {i}": r.name for i, r in enumerate(person.records) if r.name}
        ids = {f"resident ID {i}": r.resident_id for i, r in enumerate(person.records) if r.resident_id}

        window.open_images(window.chart.assessed_studies[0])          # images into the cache
        qtbot.waitUntil(lambda: window.viewer.pane_a.stack is not None and window.viewer.pane_a.stack.complete,
                        timeout=60_000)

        def steps(dialog):                                            # a repeat waits for consent on disk
            dialog.choose("electrolytes")
            qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
            dialog.set_repeat("LAB-K", RepeatReason.OTHER, "患者近期大量补钾")
            qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

        failures = drive_modal(window, steps)
        window.order_action.trigger()
        assert not failures, failures
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=15_000)   # written on the serial lane
        (waiting,) = window.desk.pending.waiting()
        # The patient consents (the physician records it with a witness, as this site allows).
        patient_name = next(iter(names.values()))
        done = record_consent(window.desk, waiting, PatientConsent(
            consented=True, signer_name=patient_name, relationship="self", method=ConsentMethod.VERBAL_WITH_WITNESS,
            recorded_at=ANCHOR, recorded_by=window.identity.current, explained="钾 复查", witness="刘洋"))
        assert done.state is OrderState.READY
        assert window.desk.send_due().sent >= 1                       # sent: reduced to id and digest
        assert window.desk.outbox.count(Status.SENT) >= 2
        window.lock()
        tokens = window.session._tokens
        secrets = {"password": DEMO_PASSWORD, "access token": tokens.access_token,
                   "refresh token": tokens.refresh_token, **names, **ids}
        window.close()
    finally:
        for handler in [h for h in logging.getLogger().handlers if getattr(h, "_huren", False)]:
            handler.close()
            logging.getLogger().removeHandler(handler)

    # the session did write: an outbox, waiting orders, an image cache, an audit trail, a log
    written = {p.relative_to(huren_home).as_posix() for p in huren_home.rglob("*") if p.is_file()}
    assert {"data/outbox.sqlite3", "data/audit.jsonl", "cache/images/index.sqlite3", "log/huren.log"} <= written
    assert any(p.startswith("cache/images/pixels/") for p in written)
    assert ("data/store.key" in written) is (system_keyring is None)   # the unprotected mode's key, 0600
    assert log_file.stat().st_size > 1000
    assert names and ids
    assert files_holding(huren_home, secrets) == []
    for folder in ("data", "cache/images", "log"):                     # no other account may even look
        assert oct((huren_home / folder).stat().st_mode & 0o777) == "0o700", folder
    if system_keyring:   # the tokens are where they belong
        assert any(tokens.refresh_token in secret for secret in system_keyring.passwords.values())


def test_without_a_keyring_a_site_that_refuses_opens_no_window_and_writes_nothing(qtbot, demo_platform,
                                                                                 huren_home, monkeypatch):
    from app.services.workspace import Workspace
    from app.ui import application

    refusals = []
    monkeypatch.setattr(application, "ask_again_after_refusal", lambda text: refusals.append(text) or False)
    config = replace(demo_site(demo_platform.fhir_base), without_keyring="refuse")
    workspace = Workspace.from_config(config)
    try:
        assert application.run(workspace, patient="370102196803152710") == 2
    finally:
        workspace.close()
    (refusal,) = refusals
    assert "opens no patient data" in refusal and "gnome-keyring" in refusal and "unprotected" in refusal
    assert not (huren_home / "data").exists() and not (huren_home / "cache" / "images").exists()
