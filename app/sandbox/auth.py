"""The embedded platform's authorization server: OAuth 2.0 / OpenID Connect for tests and demos.

What a regional platform's identity service does, small enough to read in one sitting:

- SMART App Launch discovery at `<fhir base>/.well-known/smart-configuration`;
- the authorization code flow with PKCE (S256 only, RFC 7636) for public native clients
  redirecting to a loopback address on any port (RFC 8252 §7.3), with a login form;
- the token endpoint: `authorization_code`, `refresh_token` (rotated: each refresh token works
  once), token exchange (RFC 8693) of an HIS launch token for the user and patient context
  (SMART EHR launch), and the demo-account grant with which the embedded demo signs its
  fictional staff in without passwords;
- token introspection (RFC 7662), revocation (RFC 7009) and OIDC userinfo;
- `POST /auth/launch`, where the HIS (HTTP Basic, client "his") mints a launch token.

With `required`, every FHIR and DICOMweb request needs a valid access token. Tokens live in
memory only: a restarted platform forgets them, and clients must sign in again, as they
must when a real identity service rotates its keys. Passwords are kept as PBKDF2 hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from app.sandbox.api import PLAIN_JSON, Request, Response, json_response

PREFIX = "/auth"
WELL_KNOWN = "/fhir/.well-known/smart-configuration"
PUBLIC_CLIENT = "huren-workstation"
HIS_CLIENT = "his"
#: What the HIS authenticates with when it mints launch tokens, unless the sandbox is told otherwise.
DEFAULT_HIS_SECRET = "his-demo-secret"
#: The demo accounts' password (fictional staff of a demo platform; shown on its login page).
DEMO_PASSWORD = "huren-demo"
GRANT_CODE = "authorization_code"
GRANT_REFRESH = "refresh_token"
GRANT_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
GRANT_DEMO = "urn:huren:params:oauth:grant-type:demo-account"
LAUNCH_TOKEN_TYPE = "urn:huren:params:oauth:token-type:launch"
ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token"
SCOPES = "openid fhirUser offline_access launch user/*.rs user/*.cu"

_CODE_SECONDS = 60
_LAUNCH_SECONDS = 300


@dataclass(frozen=True)
class Account:
    username: str            # the staff number, e.g. SL0107 (case-insensitive)
    practitioner_id: str
    name: str
    password_hash: bytes
    salt: bytes


def make_account(username: str, practitioner_id: str, name: str, password: str) -> Account:
    salt = secrets.token_bytes(16)
    return Account(username.upper(), practitioner_id, name, _hash(password, salt), salt)


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, 20_000)


@dataclass
class _Grant:
    """What a code, an access token or a refresh token stands for."""

    account: Account
    client_id: str
    scope: str
    expires: float
    patient: str = ""
    # authorization codes only
    redirect_uri: str = ""
    challenge: str = ""
    family: str = field(default_factory=lambda: secrets.token_hex(8))  # one sign-in's tokens


class OAuthFailure(Exception):
    """An OAuth error answer: `error` is the RFC 6749 code, `description` the words."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error, self.description, self.status = error, description, status


class AuthServer:
    """Accounts, codes and tokens; `handle` answers /auth/... and the discovery document."""

    def __init__(self, accounts: Iterable[Account], *, required: bool = False, token_seconds: float = 3600,
                 refresh_seconds: float = 12 * 3600, his_secret: str = DEFAULT_HIS_SECRET,
                 demo_accounts: bool = True, clock: Callable[[], float] = time.time) -> None:
        self.accounts = {a.username: a for a in accounts}
        self.required = required
        self.token_seconds = token_seconds
        self.refresh_seconds = refresh_seconds
        self.demo_accounts = demo_accounts
        self._his_secret = his_secret
        self._clock = clock
        self._lock = threading.Lock()
        self._codes: dict[str, _Grant] = {}
        self._access: dict[str, _Grant] = {}
        self._refresh: dict[str, _Grant] = {}
        self._launches: dict[str, _Grant] = {}
        self.refreshes = 0   # how many refresh grants were answered (tests read it)

    # -- for tests and trainers: make time pass ------------------------------------------

    def expire_access_tokens(self) -> None:
        with self._lock:
            for grant in self._access.values():
                grant.expires = 0.0

    def revoke_refresh_tokens(self) -> None:
        """As if the platform ended every session (a password change, an administrator)."""
        with self._lock:
            self._refresh.clear()

    # -- resource server side ------------------------------------------------------------

    def user_of(self, request: Request) -> Account | None:
        """The account behind the request's bearer token, if the token is valid."""
        token = _bearer(request)
        with self._lock:
            grant = self._access.get(token or "")
            return grant.account if grant and grant.expires > self._clock() else None

    def refuse(self, request: Request) -> Response | None:
        """401 for a request to FHIR or DICOMweb without a valid token, when sign-in is required."""
        if not self.required or request.path == WELL_KNOWN or request.path == "/fhir/metadata":
            return None
        if self.user_of(request) is not None:
            return None
        why = "invalid_token" if _bearer(request) else "invalid_request"
        outcome = {"resourceType": "OperationOutcome", "issue": [{
            "severity": "error", "code": "login",
            "diagnostics": "sign-in required: no valid access token" if why == "invalid_request"
            else "the access token is not valid (expired or revoked)"}]}
        return json_response(401, outcome, headers={
            "WWW-Authenticate": f'Bearer realm="huren", error="{why}"'})

    # -- routing -------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        base = request.base.removesuffix("/fhir")
        if request.path == WELL_KNOWN:
            return json_response(200, self.configuration(base), content_type=PLAIN_JSON)
        route = request.path.removeprefix(PREFIX)
        handlers: dict[tuple[str, str], Callable[[Request], Response]] = {
            ("GET", "/authorize"): self._authorize_form,
            ("POST", "/authorize"): self._authorize_submit,
            ("POST", "/token"): self._token,
            ("POST", "/introspect"): self._introspect,
            ("POST", "/revoke"): self._revoke,
            ("GET", "/userinfo"): self._userinfo,
            ("POST", "/launch"): self._launch,
        }
        handler = handlers.get((request.method, route))
        if handler is None:
            return _oauth_error(OAuthFailure("invalid_request", f"no {request.method} {request.path}", 404))
        try:
            return handler(request)
        except OAuthFailure as failure:
            return _oauth_error(failure)

    def configuration(self, base: str) -> dict:
        auth = base + PREFIX
        grants = [GRANT_CODE, GRANT_REFRESH, GRANT_EXCHANGE] + ([GRANT_DEMO] if self.demo_accounts else [])
        return {
            "issuer": auth,
            "authorization_endpoint": f"{auth}/authorize",
            "token_endpoint": f"{auth}/token",
            "introspection_endpoint": f"{auth}/introspect",
            "revocation_endpoint": f"{auth}/revoke",
            "userinfo_endpoint": f"{auth}/userinfo",
            "launch_endpoint": f"{auth}/launch",
            "grant_types_supported": grants,
            "token_endpoint_auth_methods_supported": ["none", "client_secret_basic"],
            "scopes_supported": SCOPES.split(),
            "response_types_supported": ["code"],
            "code_challenge_methods_supported": ["S256"],
            "capabilities": ["launch-ehr", "client-public", "context-ehr-patient", "sso-openid-connect",
                             "permission-offline", "permission-user"],
        }

    # -- authorization endpoint -----------------------------------------------------------

    def _authorize_params(self, params: dict[str, str]) -> dict[str, str]:
        """Check what the client asked for; errors the client can be told go to its redirect."""
        if params.get("client_id") != PUBLIC_CLIENT:
            raise OAuthFailure("unauthorized_client", f"unknown client {params.get('client_id')!r}")
        if not _loopback_redirect(params.get("redirect_uri", "")):
            raise OAuthFailure("invalid_request", "redirect_uri must be http://127.0.0.1 or localhost (any port)")
        if params.get("response_type") != "code":
            raise OAuthFailure("unsupported_response_type", "only response_type=code")
        if params.get("code_challenge_method") != "S256" or len(params.get("code_challenge", "")) < 43:
            raise OAuthFailure("invalid_request", "PKCE with code_challenge_method=S256 is required")
        return params

    def _authorize_form(self, request: Request) -> Response:
        params = self._authorize_params(dict(parse_qsl(request.query)))
        return self._login_page(params, "")

    def _authorize_submit(self, request: Request) -> Response:
        form = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        params = self._authorize_params(form)
        account = self._check_password(form.get("username", ""), form.get("password", ""))
        if account is None:
            return self._login_page(params, "用户名或密码错误 / Wrong user name or password", status=401)
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[code] = _Grant(account, params["client_id"], params.get("scope", ""),
                                       self._clock() + _CODE_SECONDS, redirect_uri=params["redirect_uri"],
                                       challenge=params["code_challenge"])
        target = params["redirect_uri"] + ("&" if "?" in params["redirect_uri"] else "?") + urlencode(
            {"code": code, "state": params.get("state", "")})
        return Response(302, b"", "text/plain", {"Location": target})

    def _check_password(self, username: str, password: str) -> Account | None:
        account = self.accounts.get(username.strip().upper())
        if account is None:
            _hash(password, b"0" * 16)  # the same work either way: no timing oracle for user names
            return None
        return account if hmac.compare_digest(_hash(password, account.salt), account.password_hash) else None

    def _login_page(self, params: dict[str, str], error: str, status: int = 200) -> Response:
        hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                         for k, v in params.items() if k not in ("username", "password"))
        hint = (f"<p class=hint>演示平台：工号（如 SL0107）与密码 <b>{DEMO_PASSWORD}</b> / Demo platform: "
                f"staff number and password {DEMO_PASSWORD}</p>") if self.demo_accounts else ""
        failure = f"<p class=error>{html.escape(error)}</p>" if error else ""
        page = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>登录 · Huren</title><style>body{{font-family:sans-serif;max-width:26em;margin:4em auto}}
input{{display:block;width:100%;margin:.3em 0 1em;padding:.4em}} .error{{color:#c62828}} .hint{{color:#555}}</style>
</head><body><h1>区域平台登录</h1><p>Huren 工作站请求以您的身份访问平台。</p>{failure}
<form method="post" action="{PREFIX}/authorize">{hidden}
<label>工号 / Staff number<input name="username" autocomplete="username" autofocus></label>
<label>密码 / Password<input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">登录 / Sign in</button></form>{hint}</body></html>"""
        return Response(status, page.encode("utf-8"), "text/html; charset=utf-8",
                        {"Cache-Control": "no-store", "X-Frame-Options": "DENY"})

    # -- token endpoint ------------------------------------------------------------------

    def _token(self, request: Request) -> Response:
        form = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        grant_type = form.get("grant_type", "")
        if form.get("client_id", PUBLIC_CLIENT) != PUBLIC_CLIENT:
            raise OAuthFailure("invalid_client", f"unknown client {form.get('client_id')!r}", 401)
        if grant_type == GRANT_CODE:
            grant = self._redeem_code(form)
        elif grant_type == GRANT_REFRESH:
            grant = self._redeem_refresh(form.get("refresh_token", ""))
        elif grant_type == GRANT_EXCHANGE:
            grant = self._redeem_launch(form)
        elif grant_type == GRANT_DEMO and self.demo_accounts:
            grant = self._demo_account(form.get("username", ""))
        else:
            raise OAuthFailure("unsupported_grant_type", f"grant_type {grant_type!r} is not supported")
        return self._issue(grant, request.base.removesuffix("/fhir") + PREFIX, exchanged=grant_type == GRANT_EXCHANGE)

    def _redeem_code(self, form: dict[str, str]) -> _Grant:
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)   # a code works once
        if grant is None or grant.expires <= self._clock():
            raise OAuthFailure("invalid_grant", "the authorization code is unknown, used or expired")
        if form.get("redirect_uri") != grant.redirect_uri:
            raise OAuthFailure("invalid_grant", "redirect_uri differs from the authorization request")
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128:
            raise OAuthFailure("invalid_grant", "code_verifier missing or of the wrong length")
        if not hmac.compare_digest(pkce_challenge(verifier), grant.challenge):
            raise OAuthFailure("invalid_grant", "PKCE verification failed: code_verifier does not match")
        return grant

    def _redeem_refresh(self, token: str) -> _Grant:
        with self._lock:
            grant = self._refresh.pop(token, None)   # rotation: the old refresh token is spent
            if grant is not None:
                self.refreshes += 1
        if grant is None or grant.expires <= self._clock():
            raise OAuthFailure("invalid_grant", "the refresh token is unknown, used, revoked or expired")
        return grant

    def _redeem_launch(self, form: dict[str, str]) -> _Grant:
        if form.get("subject_token_type") != LAUNCH_TOKEN_TYPE:
            raise OAuthFailure("invalid_request", f"subject_token_type must be {LAUNCH_TOKEN_TYPE}")
        with self._lock:
            grant = self._launches.pop(form.get("subject_token", ""), None)   # a launch works once
        if grant is None or grant.expires <= self._clock():
            raise OAuthFailure("invalid_grant", "the launch token is unknown, used or expired")
        return grant

    def _demo_account(self, username: str) -> _Grant:
        account = self._account(username)
        return _Grant(account, PUBLIC_CLIENT, SCOPES, 0.0)

    def _account(self, who: str) -> Account:
        """An account by staff number or practitioner id."""
        found = self.accounts.get(who.strip().upper()) or next(
            (a for a in self.accounts.values() if a.practitioner_id == who), None)
        if found is None:
            raise OAuthFailure("invalid_grant", f"no account {who!r}")
        return found

    def _issue(self, grant: _Grant, issuer: str, exchanged: bool = False) -> Response:
        now = self._clock()
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        issued = _Grant(grant.account, grant.client_id, grant.scope or SCOPES, now + self.token_seconds,
                        patient=grant.patient, family=grant.family)
        with self._lock:
            self._access[access] = issued
            self._refresh[refresh] = _Grant(grant.account, grant.client_id, issued.scope, now + self.refresh_seconds,
                                            patient=grant.patient, family=grant.family)
        body = {"access_token": access, "token_type": "Bearer", "expires_in": int(self.token_seconds),
                "refresh_token": refresh, "scope": issued.scope,
                "id_token": self._id_token(grant.account, issuer, now),
                "fhirUser": f"Practitioner/{grant.account.practitioner_id}"}
        if grant.patient:
            body["patient"] = grant.patient
        if exchanged:
            body["issued_token_type"] = ACCESS_TOKEN_TYPE
        return json_response(200, body, content_type=PLAIN_JSON,
                             headers={"Cache-Control": "no-store", "Pragma": "no-cache"})

    def _id_token(self, account: Account, issuer: str, now: float) -> str:
        """An OIDC ID token; HS256 with a per-process key (received over the token endpoint's TLS)."""
        header = {"alg": "HS256", "typ": "JWT"}
        claims = {"iss": issuer, "sub": account.username, "aud": PUBLIC_CLIENT, "iat": int(now),
                  "exp": int(now + self.token_seconds), "name": account.name,
                  "fhirUser": f"Practitioner/{account.practitioner_id}"}
        signing = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
        signature = hmac.new(_ID_KEY, signing.encode(), hashlib.sha256).digest()
        return f"{signing}.{_b64(signature)}"

    # -- introspection, revocation, userinfo, launch ----------------------------------------

    def _introspect(self, request: Request) -> Response:
        """RFC 7662, for resource servers and the HIS (HTTP Basic, client 'his')."""
        self._check_his(request)
        token = dict(parse_qsl(request.body.decode("utf-8", "replace"))).get("token", "")
        with self._lock:
            grant = self._access.get(token)
            kind = "access_token"
            if grant is None:
                grant, kind = self._refresh.get(token), "refresh_token"
        if grant is None or grant.expires <= self._clock():
            return json_response(200, {"active": False}, content_type=PLAIN_JSON)
        body = {"active": True, "token_type": kind, "scope": grant.scope, "client_id": grant.client_id,
                "username": grant.account.username, "sub": grant.account.username, "exp": int(grant.expires),
                "fhirUser": f"Practitioner/{grant.account.practitioner_id}"}
        if grant.patient:
            body["patient"] = grant.patient
        return json_response(200, body, content_type=PLAIN_JSON)

    def _revoke(self, request: Request) -> Response:
        """RFC 7009: revoking either token ends the whole sign-in (all tokens of its family)."""
        token = dict(parse_qsl(request.body.decode("utf-8", "replace"))).get("token", "")
        with self._lock:
            grant = self._refresh.get(token) or self._access.get(token)
            if grant is not None:
                for table in (self._refresh, self._access):
                    for key in [k for k, g in table.items() if g.family == grant.family]:
                        del table[key]
        return Response(200, b"", PLAIN_JSON)

    def _userinfo(self, request: Request) -> Response:
        account = self.user_of(request)
        if account is None:
            return Response(401, b"", PLAIN_JSON, {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return json_response(200, {"sub": account.username, "name": account.name,
                                   "fhirUser": f"Practitioner/{account.practitioner_id}"}, content_type=PLAIN_JSON)

    def _launch(self, request: Request) -> Response:
        """The HIS asks for a launch token naming the user and the patient it is showing."""
        self._check_his(request)
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            raise OAuthFailure("invalid_request", "the body must be JSON") from None
        if not isinstance(body, dict) or not body.get("user") or not body.get("patient"):
            raise OAuthFailure("invalid_request", 'give "user" (staff number or practitioner id) and "patient"')
        account = self._account(str(body["user"]))
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._launches[token] = _Grant(account, PUBLIC_CLIENT, SCOPES, self._clock() + _LAUNCH_SECONDS,
                                           patient=str(body["patient"]))
        return json_response(200, {"launch": token, "expires_in": _LAUNCH_SECONDS}, content_type=PLAIN_JSON)

    def _check_his(self, request: Request) -> None:
        header = request.headers.get("authorization", "")
        expected = "Basic " + base64.b64encode(f"{HIS_CLIENT}:{self._his_secret}".encode()).decode()
        if not hmac.compare_digest(header.encode(), expected.encode()):
            raise OAuthFailure("invalid_client", "HTTP Basic authentication of the HIS client is required", 401)


_ID_KEY = secrets.token_bytes(32)


def pkce_challenge(verifier: str) -> str:
    """S256: base64url(SHA-256(verifier)) without padding (RFC 7636 §4.2)."""
    return _b64(hashlib.sha256(verifier.encode("ascii")).digest())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _loopback_redirect(uri: str) -> bool:
    parts = urlsplit(uri)
    return parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")


def _oauth_error(failure: OAuthFailure) -> Response:
    headers = {"Cache-Control": "no-store"}
    if failure.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="huren"'
    return json_response(failure.status, {"error": failure.error, "error_description": failure.description},
                         content_type=PLAIN_JSON, headers=headers)


def demo_accounts(staff: Iterable[tuple]) -> list[Account]:
    """One account per demo staff member: the staff number, the demo password."""
    return [make_account(number, practitioner_id, name, DEMO_PASSWORD)
            for practitioner_id, name, *_, number in staff]
