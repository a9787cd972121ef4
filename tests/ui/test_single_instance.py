"""A second launch from the HIS switches the running window's patient; no second window opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.launch import LaunchRequest, parse_url, url_to_argv
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from app.ui.single_instance import InstanceServer
from tests.conftest import ANCHOR

from .conftest import demo_site

ROOT = Path(__file__).resolve().parents[2]


def test_urls_become_requests_and_options():
    r = parse_url(f"huren://open?patient={SHOWCASE_RESIDENT_ID}&item=LAB-GLU&raise=1")
    assert r == LaunchRequest(SHOWCASE_RESIDENT_ID, "", "LAB-GLU", True)
    assert url_to_argv(["huren://open?patient=M001&system=urn:his:mrn"]) == \
        ["--patient", "M001", "--id-system", "urn:his:mrn"]
    assert LaunchRequest("M001", "urn:his:mrn").patient_text == "urn:his:mrn|M001"
    assert parse_url("huren://open?launch=abc123&raise=1") == LaunchRequest(raise_window=True, launch="abc123")
    assert url_to_argv(["huren://open?launch=abc123"]) == ["--launch", "abc123"]
    assert LaunchRequest.from_json(LaunchRequest(launch="abc123").to_json()).launch == "abc123"
    visit = parse_url(f"huren://open?patient={SHOWCASE_RESIDENT_ID}&visit=MZ20261205-0031")
    assert visit.visit == "MZ20261205-0031"
    assert url_to_argv(["huren://open?patient=M001&visit=MZ-1"]) == ["--patient", "M001", "--visit", "MZ-1"]
    assert LaunchRequest.from_json(visit.to_json()) == visit
    for bad in ("MZ 1", "MZ\u00001", "9" * 33):            # printed on a form the patient signs
        with pytest.raises(ValueError, match="not an outpatient number"):
            parse_url(f"huren://open?patient=M001&visit={bad}")
    with pytest.raises(ValueError, match="nested too deep"):  # a hostile neighbour on the local socket
        LaunchRequest.from_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError, match="names no patient"):
        parse_url("huren://open?item=LAB-K")
    with pytest.raises(ValueError, match="not a Huren link"):
        parse_url("https://example.org/open?patient=1")


def test_a_second_launch_hands_its_patient_to_the_running_window(qtbot, make_window, demo_platform, huren_home):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    server = InstanceServer(window)
    server.request.connect(window.open_request)
    assert server.listening
    env = {**os.environ, "HUREN_HOME": str(huren_home), "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen([sys.executable, "main.py",
                               f"huren://open?patient={SHOWCASE_RESIDENT_ID}&item=LAB-GLU&visit=MZ20261205-0031"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)   # our event loop answers it meanwhile
    out, err = second.communicate()
    assert second.returncode == 0 and "handed to the running Huren window" in err, err
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=30_000)
    assert window.chart.person.primary.resident_id == SHOWCASE_RESIDENT_ID
    assert window.station.outpatient_number(window.chart.person) == "MZ20261205-0031"   # for its orders
    assert window.chart.tabs.currentWidget() is window.chart.trends
    assert window.chart.trends.chosen_codes() == ["LAB-GLU"]
    server.close()


def test_without_a_running_window_nothing_is_handed_over(huren_home, qapp):
    from app.ui.single_instance import hand_over

    assert hand_over(LaunchRequest("x"), timeout_ms=300) is False


@pytest.mark.skipif(os.name == "nt", reason="a named pipe leaves no file to look for")
def test_a_launch_that_finds_no_socket_does_not_load_qts_network_module(huren_home):
    """Every start asks first whether a window runs; with no socket there, the answer needs no QtNetwork
    (~10 ms of start-up)."""
    code = ("import sys; from app.ui.application import hand_over_to_running; from app.launch import LaunchRequest; "
            "print(hand_over_to_running(LaunchRequest('x')), 'PySide6.QtNetwork' in sys.modules)")
    env = {**os.environ, "HUREN_HOME": str(huren_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


@pytest.mark.skipif(os.name == "nt", reason="a named pipe leaves no file behind")
def test_a_stale_socket_left_by_a_crashed_window_is_tried_and_nothing_is_handed_over(huren_home, qapp):
    import socket

    from app.ui.single_instance import hand_over, server_name

    with socket.socket(socket.AF_UNIX) as crashed:   # bound, then gone: its file stays, nobody listens
        crashed.bind(server_name())
    stale = Path(server_name())
    try:
        assert stale.exists()
        assert hand_over(LaunchRequest("x"), timeout_ms=300) is False
    finally:
        stale.unlink()


def test_a_second_launch_with_a_launch_token_signs_in_and_opens_the_patient(qtbot, make_window, secured_platform,
                                                                           huren_home):
    import requests

    from app.sandbox.auth import DEFAULT_HIS_SECRET

    from .test_sign_in import hospital_site

    window = make_window(hospital_site(secured_platform), now=ANCHOR)
    server = InstanceServer(window)
    server.request.connect(window.open_request)
    minted = requests.post(f"{secured_platform.url}/auth/launch", json={"user": "SL0107", "patient": "pat-0001"},
                           auth=("his", DEFAULT_HIS_SECRET), timeout=10).json()
    env = {**os.environ, "HUREN_HOME": str(huren_home), "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen([sys.executable, "main.py",
                               f"huren://open?launch={minted['launch']}&item=LAB-GLU&visit=MZ-7"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    _, err = second.communicate()
    assert second.returncode == 0 and "handed to the running Huren window" in err, err
    qtbot.waitUntil(lambda: window.chart.is_loaded and not window.runner.busy, timeout=30_000)
    assert window.identity.current.name == "李明" and window.pages.currentIndex() == 0
    assert window.chart.person.primary.key.id == "pat-0001"
    assert window.station.outpatient_number(window.chart.person) == "MZ-7"   # named after the user switched
    assert window.chart.trends.chosen_codes() == ["LAB-GLU"]
    server.close()
