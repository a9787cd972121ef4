"""The order check for the HIS, run by the window: it answers as the signed-in user, on a secured platform."""

from __future__ import annotations

import socket
from dataclasses import replace

import requests

from app.sandbox.auth import DEMO_PASSWORD
from app.ui.application import start_order_check
from tests.conftest import ANCHOR
from tests.helpers.browser import FormBrowser
from tests.services.test_cds_hooks import SECRET, _order_select

from .conftest import demo_site
from .test_sign_in import sign_in

POTASSIUM = {"system": "http://loinc.org", "code": "2823-3", "display": "Potassium"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_window_answers_the_his_once_someone_is_signed_in(qtbot, make_window, secured_platform, monkeypatch):
    monkeypatch.setenv("HUREN_CDS_SECRET", SECRET)
    config = replace(demo_site(secured_platform.fhir_base), sign_in_method="oidc", demo=False,
                     cds_hooks_port=free_port())
    window = make_window(config, now=ANCHOR)
    service = start_order_check(window)
    assert service is not None
    try:
        url = f"http://127.0.0.1:{config.cds_hooks_port}/cds-services/huren-order-select"
        headers = {"Authorization": f"Bearer {SECRET}"}
        before = requests.post(url, json=_order_select(POTASSIUM), headers=headers, timeout=30)
        assert before.status_code == 503 and "nobody is signed in" in before.json()["error"]

        sign_in(qtbot, window, FormBrowser("SL0107", DEMO_PASSWORD, background=True))
        after = requests.post(url, json=_order_select(POTASSIUM), headers=headers, timeout=30)
        assert after.status_code == 200, after.text
        (card,) = after.json()["cards"]
        assert card["indicator"] == "warning" and card["source"]["topic"]["code"] == "LAB-K"
    finally:
        service.stop()


def test_a_taken_port_is_said_and_the_window_goes_on(qtbot, make_window, demo_platform, monkeypatch):
    monkeypatch.setenv("HUREN_CDS_SECRET", SECRET)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        config = replace(demo_site(demo_platform.fhir_base), cds_hooks_port=taken.getsockname()[1])
        window = make_window(config, now=ANCHOR)
        assert start_order_check(window) is None
    assert "could not start" in window.statusBar().currentMessage()
