"""Signing in to a platform that requires it: each method, refresh, a refused refresh, the keyring."""

from __future__ import annotations

import pytest
import requests

from app.config import SiteConfig, SourceConfig
from app.platform.fhir.client import FhirClient, SessionEnded
from app.platform.oauth import OAuthError
from app.platform.outbox import Outbox, Status
from app.sandbox.auth import DEFAULT_HIS_SECRET, DEMO_PASSWORD
from app.services.identity import Identity
from app.services.ordering.sending import queue, send_due
from app.services.sign_in import PlatformSession
from app.services.workspace import Workspace
from tests.helpers.browser import FormBrowser
from tests.services.test_submission import ITEMS, finished_order


@pytest.fixture
def connect(secured_platform):
    made = []

    def connect(method: str = "oidc", **config) -> PlatformSession:
        site = SiteConfig(sources=(SourceConfig("demo", secured_platform.fhir_base),), organization="org-sdsl",
                          sign_in_method=method, **config)
        workspace = Workspace.from_config(site)
        session = PlatformSession(workspace, Identity())
        made.append((session, workspace))
        return session

    yield connect
    for session, workspace in made:
        session.close()
        workspace.close()
    secured_platform.auth.required = True


def browser_sign_in(session: PlatformSession, username: str = "SL0107", password: str = DEMO_PASSWORD):
    attempt = session.begin_browser_sign_in()
    browser = FormBrowser(username, password)
    browser.open(attempt.url)
    return attempt.complete(timeout=10), browser


def patients(session: PlatformSession) -> list[dict]:
    return session.workspace.sources[0].client.get_json("Patient", {"_count": "1"}).get("entry", [])


def test_browser_sign_in_with_pkce_names_the_user_and_opens_the_platform(connect, memory_keyring):
    session = connect()
    with pytest.raises(SessionEnded):
        patients(session)           # before sign-in the platform says 401 and nothing is shown
    user, browser = browser_sign_in(session)
    assert user.name == "李明" and user.is_physician
    assert browser.statuses == [200, 302, 200]
    assert "code_challenge_method=S256" in browser.opened[0]
    assert len(patients(session)) == 1
    kept = {name: secret for (service, name), secret in memory_keyring.passwords.items() if service == "huren"}
    assert list(kept) == [f"session:{session.fhir_base} huren-workstation"]
    assert session.access_token() in kept[f"session:{session.fhir_base} huren-workstation"]


def test_a_wrong_password_never_signs_in(connect, memory_keyring):
    session = connect()
    attempt = session.begin_browser_sign_in()
    FormBrowser("SL0107", "wrong").open(attempt.url)
    with pytest.raises(OAuthError, match="no answer from the browser"):
        attempt.complete(timeout=1)
    assert not session.signed_in and not memory_keyring.passwords


def test_an_expired_access_token_is_refreshed_without_the_user(connect, memory_keyring, secured_platform):
    session = connect()
    browser_sign_in(session)
    first = dict(memory_keyring.passwords)
    before = secured_platform.auth.refreshes
    secured_platform.auth.expire_access_tokens()
    assert len(patients(session)) == 1            # 401, refreshed, repeated: the caller sees the answer
    assert secured_platform.auth.refreshes == before + 1
    assert memory_keyring.passwords != first      # the rotated refresh token replaced the old one


def test_a_refused_refresh_asks_for_sign_in_and_keeps_unsent_orders(connect, memory_keyring, secured_platform,
                                                                   tmp_path):
    session = connect()
    asked: list[str] = []
    session.on_sign_in_required(asked.append)
    browser_sign_in(session)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    queue(outbox, finished_order("order-signin-1"), ITEMS)
    secured_platform.auth.expire_access_tokens()
    secured_platform.auth.revoke_refresh_tokens()
    client = session.workspace.sources[0].client
    summary = send_due(outbox, client, now=1e12)
    assert summary.sent == 0 and summary.rejected == 0 and summary.retrying == 1
    (entry,) = outbox.entries(Status.PENDING)
    assert "sign in again" in entry.last_error
    assert asked and "sign in again" in asked[0]
    assert not session.signed_in and not memory_keyring.passwords   # the dead session is forgotten
    user, _ = browser_sign_in(session)
    assert user.name == "李明"
    assert send_due(outbox, client, now=1e12).sent == 1
    assert [e.id for e in outbox.entries(Status.SENT)] == [entry.id]
    outbox.close()


def test_a_session_kept_in_the_keyring_resumes_without_the_browser(connect, memory_keyring):
    browser_sign_in(connect())
    resumed = connect().resume()
    assert resumed is not None and resumed.name == "李明"


def test_without_a_keyring_the_session_lives_in_memory_and_says_so(connect, huren_home):
    session = connect()
    user, _ = browser_sign_in(session)
    assert user.name == "李明"
    assert "no keyring backend" in session.token_storage_problem
    assert len(patients(session)) == 1
    assert connect().resume() is None                 # nothing was written anywhere


def test_the_his_launch_token_gives_user_and_patient(connect, secured_platform):
    patient = requests.get(f"{secured_platform.fhir_base}/Patient", params={"_count": 1},
                           headers={"Authorization": "Bearer x"}, timeout=10)
    assert patient.status_code == 401
    minted = requests.post(f"{secured_platform.url}/auth/launch", json={"user": "QY0318", "patient": "pat-0001"},
                           auth=("his", DEFAULT_HIS_SECRET), timeout=10).json()
    session = connect()
    result = session.launch(minted["launch"])
    assert result.user.name == "王芳" and result.patient_id == "pat-0001"
    assert len(result.patient_text) == 18 and result.patient_text[:6].isdigit()   # the resident ID
    assert len(patients(session)) == 1
    with pytest.raises(OAuthError, match="launch token is unknown, used or expired"):
        session.launch(minted["launch"])


def test_a_site_may_refuse_his_launches(connect):
    with pytest.raises(OAuthError, match="his_launch"):
        connect(his_launch=False).launch("anything")


def test_demo_accounts_get_tokens_for_whoever_is_chosen(connect, secured_platform):
    from app.domain.staff import Role, StaffMember

    session = connect("demo")
    session.identity.sign_in(StaffMember("prac-sl-zhaojing", "赵静", Role.NURSE, "org-sdsl"))
    assert len(patients(session)) == 1
    nurse_token = session.access_token()
    session.identity.sign_in(StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl"))
    assert session.access_token() != nurse_token      # each demo account has its own tokens
    me = requests.get(f"{secured_platform.url}/auth/userinfo",
                      headers={"Authorization": f"Bearer {session.access_token()}"}, timeout=10).json()
    assert me["fhirUser"] == "Practitioner/prac-sl-liming"


def test_sign_out_ends_the_platform_session(connect, secured_platform):
    session = connect()
    browser_sign_in(session)
    token = session.access_token()
    session.sign_out()
    check = requests.post(f"{secured_platform.url}/auth/introspect", data={"token": token},
                          auth=("his", DEFAULT_HIS_SECRET), timeout=10).json()
    assert check == {"active": False}
    with pytest.raises(SessionEnded):
        patients(session)


def test_the_token_goes_to_the_platform_only(connect, secured_platform):
    session = connect()
    browser_sign_in(session)
    assert session.covers(secured_platform.fhir_base + "/Patient")
    assert not session.covers("https://pacs.other-hospital.example/dicom-web/studies")
    other = FhirClient("http://127.0.0.9:9/fhir")    # a session for another host carries no token
    prepared = other.session.prepare_request(requests.Request("GET", "http://127.0.0.9:9/fhir/Patient"))
    assert "Authorization" not in prepared.headers
    other.close()


def test_a_token_about_to_expire_is_refreshed_before_the_request(connect, secured_platform):
    import time
    from dataclasses import replace

    session = connect()
    browser_sign_in(session)
    session._tokens = replace(session._tokens, expires_at=time.time() + 10)   # within the refresh margin
    before = secured_platform.auth.refreshes
    old = session._tokens.access_token
    assert len(patients(session)) == 1
    assert secured_platform.auth.refreshes == before + 1 and session.access_token() != old


def test_a_configured_dicomweb_service_gets_the_token_too():
    site = SiteConfig(sources=(SourceConfig("p", "https://platform.example/fhir",
                                            dicomweb_base="https://pacs.example:8443/dicom-web"),))
    workspace = Workspace.from_config(site)
    session = PlatformSession(workspace, Identity())
    try:
        assert session.covers("https://pacs.example:8443/dicom-web/studies/1.2.3")
        assert session.covers("https://platform.example/fhir/Patient")
        assert not session.covers("https://pacs.example/dicom-web/studies")   # another port is another origin
    finally:
        session.close()
        workspace.close()


def test_without_a_session_the_command_line_and_the_lone_order_check_say_sign_in_is_needed(secured_platform,
                                                                                            huren_home, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.cds_hooks import CdsHooks, start_service
    from app.services.workstation import Workstation
    from tests.services.test_cds_hooks import SECRET, _order_select

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "main.py", "--platform", secured_platform.fhir_base, "order-check",
                           "--patient", SHOWCASE_RESIDENT_ID, "--item", "LAB-K"], cwd=root, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "HUREN_HOME": str(huren_home)})
    assert done.returncode == 2 and "asks for sign-in" in done.stderr, done.stderr

    workspace = Workspace.from_config(SiteConfig((SourceConfig("demo", secured_platform.fhir_base),)))
    station = Workstation(workspace, folder=tmp_path)
    server = start_service(CdsHooks(station), SECRET, 0)
    try:
        potassium = {"system": "http://loinc.org", "code": "2823-3"}
        answer = requests.post(server.url + "/cds-services/huren-order-select", json=_order_select(potassium),
                               headers={"Authorization": f"Bearer {SECRET}"}, timeout=30)
        assert answer.status_code == 503 and "asks for sign-in" in answer.json()["error"]
    finally:
        server.stop()
        station.close()
        workspace.close()
