"""After a full working session, Huren's folders hold no password, token or patient name in plain text."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from app.domain.repeat_orders import RepeatReason
from app.sandbox.auth import DEMO_PASSWORD
from tests.conftest import ANCHOR
from tests.helpers.browser import FormBrowser
from tests.ui.test_order_flow import drive_modal

from .conftest import demo_site, open_showcase_chart


def spellings(secret: str) -> list[bytes]:
    """The ways a text can sit in a file: UTF-8, JSON escapes (either case), UTF-16, GB18030."""
    escaped = json.dumps(secret)[1:-1]
    forms = {secret.encode("utf-8"), escaped.encode("ascii", "replace"), escaped.upper().encode("ascii", "replace"),
             secret.encode("utf-16-le"), secret.encode("gb18030")}
    return [f for f in forms if len(f) >= 4]


def files_holding(root: Path, secrets: dict[str, str]) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for what, secret in secrets.items():
            if any(form in data for form in spellings(secret)):
                found.append(f"{path.relative_to(root)}: {what}")
    return found


def test_a_full_session_leaves_no_secret_and_no_patient_name_on_disk(qtbot, make_window, demo_platform,
                                                                    memory_keyring, huren_home):
    from app.logs import configure

    log_file = configure(huren_home / "log", verbose=True)
    try:
        config = replace(demo_site(demo_platform.fhir_base), sign_in_method="oidc", demo=False)
        window = make_window(config, now=ANCHOR)
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
        assert window.desk.pending.waiting() and window.desk.outbox.count() > 0
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
    assert log_file.stat().st_size > 1000
    assert names and ids
    assert files_holding(huren_home, secrets) == []
    # and the tokens are where they belong
    assert any(tokens.refresh_token in secret for secret in memory_keyring.passwords.values())
