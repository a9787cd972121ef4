"""The sandbox's authorization server over HTTP, as any OAuth client would use it."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from app.sandbox.auth import DEFAULT_HIS_SECRET, DEMO_PASSWORD, LAUNCH_TOKEN_TYPE

REDIRECT = "http://127.0.0.1:53682/callback"


def _challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _authorize(platform, verifier: str, *, username="SL0107", password=DEMO_PASSWORD, state="s1"):
    params = {"response_type": "code", "client_id": "huren-workstation", "redirect_uri": REDIRECT,
              "state": state, "scope": "openid fhirUser offline_access", "code_challenge": _challenge(verifier),
              "code_challenge_method": "S256"}
    form = requests.get(f"{platform.url}/auth/authorize", params=params, timeout=10)
    assert form.status_code == 200 and "text/html" in form.headers["Content-Type"]
    return requests.post(f"{platform.url}/auth/authorize", data={**params, "username": username,
                                                                  "password": password},
                         allow_redirects=False, timeout=10)


def _code(platform, verifier: str) -> str:
    answer = _authorize(platform, verifier)
    assert answer.status_code == 302
    target = urlsplit(answer.headers["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == REDIRECT
    query = parse_qs(target.query)
    assert query["state"] == ["s1"]
    return query["code"][0]


def _token(platform, **form):
    return requests.post(f"{platform.url}/auth/token", data={"client_id": "huren-workstation", **form}, timeout=10)


def _tokens(platform) -> dict:
    verifier = secrets.token_urlsafe(48)
    answer = _token(platform, grant_type="authorization_code", code=_code(platform, verifier),
                    redirect_uri=REDIRECT, code_verifier=verifier)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_discovery_names_the_endpoints_and_pkce(secured_platform):
    config = requests.get(f"{secured_platform.fhir_base}/.well-known/smart-configuration", timeout=10).json()
    assert config["token_endpoint"] == f"{secured_platform.url}/auth/token"
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert "launch-ehr" in config["capabilities"]
    assert "urn:ietf:params:oauth:grant-type:token-exchange" in config["grant_types_supported"]


def test_requests_without_a_valid_token_are_refused_once_sign_in_is_required(secured_platform):
    bare = requests.get(f"{secured_platform.fhir_base}/Patient", params={"_count": 1}, timeout=10)
    assert bare.status_code == 401
    assert 'error="invalid_request"' in bare.headers["WWW-Authenticate"]
    assert bare.json()["resourceType"] == "OperationOutcome"
    forged = requests.get(f"{secured_platform.fhir_base}/Patient", headers={"Authorization": "Bearer forged"},
                          timeout=10)
    assert forged.status_code == 401 and 'error="invalid_token"' in forged.headers["WWW-Authenticate"]
    dicomweb = requests.get(f"{secured_platform.dicomweb_base}/studies", timeout=10)
    assert dicomweb.status_code == 401
    # the capability statement stays public, as FHIR servers keep it
    assert requests.get(f"{secured_platform.fhir_base}/metadata", timeout=10).status_code == 200


def test_authorization_code_with_pkce_gives_tokens_that_open_the_platform(secured_platform):
    tokens = _tokens(secured_platform)
    assert tokens["token_type"] == "Bearer" and tokens["refresh_token"]
    assert tokens["fhirUser"] == "Practitioner/prac-sl-liming"
    claims = tokens["id_token"].split(".")[1]
    assert "prac-sl-liming" in base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)).decode()
    answer = requests.get(f"{secured_platform.fhir_base}/Practitioner/prac-sl-liming",
                          headers={"Authorization": f"Bearer {tokens['access_token']}"}, timeout=10)
    assert answer.status_code == 200 and answer.json()["id"] == "prac-sl-liming"
    me = requests.get(f"{secured_platform.url}/auth/userinfo",
                      headers={"Authorization": f"Bearer {tokens['access_token']}"}, timeout=10).json()
    assert me["fhirUser"] == "Practitioner/prac-sl-liming" and me["name"] == "李明"


def test_pkce_verifier_must_match_and_a_code_works_once(secured_platform):
    verifier = secrets.token_urlsafe(48)
    code = _code(secured_platform, verifier)
    wrong = _token(secured_platform, grant_type="authorization_code", code=code, redirect_uri=REDIRECT,
                   code_verifier=secrets.token_urlsafe(48))
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    assert "PKCE" in wrong.json()["error_description"]
    # the failed attempt spent the code: a stolen code cannot be tried again with other verifiers
    again = _token(secured_platform, grant_type="authorization_code", code=code, redirect_uri=REDIRECT,
                   code_verifier=verifier)
    assert again.status_code == 400


def test_pkce_is_mandatory_and_redirects_must_be_loopback(secured_platform):
    params = {"response_type": "code", "client_id": "huren-workstation", "redirect_uri": REDIRECT, "state": "x"}
    plain = requests.get(f"{secured_platform.url}/auth/authorize", params=params, timeout=10)
    assert plain.status_code == 400 and "PKCE" in plain.json()["error_description"]
    params.update(code_challenge=_challenge("v" * 50), code_challenge_method="S256",
                  redirect_uri="https://evil.example/callback")
    remote = requests.get(f"{secured_platform.url}/auth/authorize", params=params, timeout=10)
    assert remote.status_code == 400 and "redirect_uri" in remote.json()["error_description"]


def test_a_wrong_password_shows_the_form_again(secured_platform):
    answer = _authorize(secured_platform, secrets.token_urlsafe(48), password="wrong")
    assert answer.status_code == 401
    assert "Wrong user name or password" in answer.text and "Location" not in answer.headers


def test_refresh_rotates_and_a_spent_refresh_token_is_refused(secured_platform):
    tokens = _tokens(secured_platform)
    fresh = _token(secured_platform, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert fresh.status_code == 200
    assert fresh.json()["refresh_token"] != tokens["refresh_token"]
    replay = _token(secured_platform, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"


def test_introspection_tells_the_his_whether_a_token_is_active(secured_platform):
    tokens = _tokens(secured_platform)
    his = (("his", DEFAULT_HIS_SECRET))
    active = requests.post(f"{secured_platform.url}/auth/introspect", data={"token": tokens["access_token"]},
                           auth=his, timeout=10).json()
    assert active["active"] is True and active["username"] == "SL0107"
    assert active["fhirUser"] == "Practitioner/prac-sl-liming"
    requests.post(f"{secured_platform.url}/auth/revoke", data={"token": tokens["refresh_token"]}, timeout=10)
    revoked = requests.post(f"{secured_platform.url}/auth/introspect", data={"token": tokens["access_token"]},
                            auth=his, timeout=10).json()
    assert revoked == {"active": False}
    anonymous = requests.post(f"{secured_platform.url}/auth/introspect", data={"token": "x"}, timeout=10)
    assert anonymous.status_code == 401


def test_a_launch_token_is_exchanged_once_for_user_and_patient(secured_platform):
    minted = requests.post(f"{secured_platform.url}/auth/launch", json={"user": "QY0318", "patient": "p-1"},
                           auth=("his", DEFAULT_HIS_SECRET), timeout=10)
    assert minted.status_code == 200
    launch = minted.json()["launch"]
    form = {"grant_type": "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token": launch,
            "subject_token_type": LAUNCH_TOKEN_TYPE}
    answer = _token(secured_platform, **form)
    assert answer.status_code == 200
    assert answer.json()["patient"] == "p-1"
    assert answer.json()["fhirUser"] == "Practitioner/prac-qy-wangfang"
    assert _token(secured_platform, **form).status_code == 400
    refused = requests.post(f"{secured_platform.url}/auth/launch", json={"user": "QY0318", "patient": "p-1"},
                            auth=("his", "wrong"), timeout=10)
    assert refused.status_code == 401


@pytest.mark.parametrize("body", [b"not json", b'{"user": "SL0107"}'])
def test_a_bad_launch_request_says_what_is_missing(secured_platform, body):
    answer = requests.post(f"{secured_platform.url}/auth/launch", data=body, auth=("his", DEFAULT_HIS_SECRET),
                           timeout=10)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_request"


def test_the_login_page_escapes_what_the_client_sent(secured_platform):
    params = {"response_type": "code", "client_id": "huren-workstation", "redirect_uri": REDIRECT,
              "state": '"><script>alert(1)</script>', "code_challenge": _challenge("v" * 50),
              "code_challenge_method": "S256"}
    page = requests.get(f"{secured_platform.url}/auth/authorize", params=params, timeout=10).text
    assert "<script>" not in page and re.search(r"&quot;&gt;&lt;script&gt;", page)
