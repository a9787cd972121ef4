"""OAuth 2.0 / OpenID Connect for a native app: discovery, PKCE, the loopback redirect, tokens.

The shape is RFC 8252 (OAuth for native apps), as SMART App Launch uses it: the user signs in
in the system browser, never in a form of ours, so the hospital's single sign-on and its
password rules apply and Huren never sees the password. The browser comes back to an
HTTP listener on 127.0.0.1 with an authorization code, which only the holder of the PKCE
verifier can redeem. An HIS launch token is exchanged for tokens (RFC 8693) without a browser.

No Qt here: the window opens the browser and waits on a worker.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import requests

from app.domain.fhir_json import parse_json
from app.platform.bounded_http import BoundedHTTPServer, OneRequestHandler
from app.platform.deadlines import TooLarge, answer_deadline, read_bounded

GRANT_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
GRANT_DEMO = "urn:huren:params:oauth:grant-type:demo-account"
LAUNCH_TOKEN_TYPE = "urn:huren:params:oauth:token-type:launch"
SCOPE = "openid fhirUser offline_access user/*.rs user/*.cu"

log = logging.getLogger("huren.platform")


class OAuthError(Exception):
    """The authorization server said no, or could not be reached; `message` is for the user."""

    def __init__(self, message: str, error: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.error = error
        self.status = status

    @property
    def refused(self) -> bool:
        """The grant itself was refused (expired or revoked): only a new sign-in helps."""
        return self.error in ("invalid_grant", "invalid_token", "access_denied")


@dataclass(frozen=True)
class ServerInfo:
    """What `.well-known/smart-configuration` says about the platform's authorization server."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    revocation_endpoint: str = ""
    userinfo_endpoint: str = ""
    grant_types: tuple[str, ...] = ()

    @property
    def offers_demo_accounts(self) -> bool:
        return GRANT_DEMO in self.grant_types


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: float            # epoch seconds
    fhir_user: str = ""          # "Practitioner/<id>", from the token answer or the ID token
    patient: str = ""            # launch context: the Patient id the HIS is showing
    scope: str = ""

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        return self.expires_at - (time.time() if now is None else now) <= seconds

    @property
    def practitioner_id(self) -> str:
        kind, _, rid = self.fhir_user.rpartition("/")
        return rid if kind.endswith("Practitioner") else ""

    def to_json(self) -> str:
        return json.dumps({"access_token": self.access_token, "refresh_token": self.refresh_token,
                           "expires_at": self.expires_at, "fhir_user": self.fhir_user, "scope": self.scope})

    @classmethod
    def from_json(cls, text: str) -> Tokens:
        data = json.loads(text)
        return cls(data["access_token"], data["refresh_token"], float(data["expires_at"]),
                   data.get("fhir_user", ""), "", data.get("scope", ""))


def discover(fhir_base: str, session: requests.Session, timeout: float = 10.0) -> ServerInfo | None:
    """The authorization server of a FHIR base, or None when the platform asks for no sign-in."""
    url = fhir_base.rstrip("/") + "/.well-known/smart-configuration"
    response = bounded_request(session, "GET", url, timeout, "the platform's sign-in service",
                               headers={"Accept": "application/json"})
    if response.status_code == 404:
        return None
    try:
        data = parse_json(response.content)
        return ServerInfo(data["issuer"], data["authorization_endpoint"], data["token_endpoint"],
                          data.get("revocation_endpoint", ""), data.get("userinfo_endpoint", ""),
                          tuple(data.get("grant_types_supported", ())))
    except (ValueError, KeyError, TypeError):
        raise OAuthError(f"the platform's sign-in description is not usable (HTTP {response.status_code})") from None


#: A sign-in service's answers are some kilobytes; anything past this is refused unread.
MAX_ANSWER_BYTES = 1024 * 1024


def bounded_request(session: requests.Session, method: str, url: str, seconds: float, what: str,
                    **kwargs: Any) -> requests.Response:
    """One request to the sign-in service, bounded as the FHIR client's are: the headers and the
    whole body within `seconds`, the body at most MAX_ANSWER_BYTES, no redirect followed
    (a token endpoint that redirects is misconfigured or hostile). OAuthError otherwise."""
    ends = time.monotonic() + seconds
    try:
        with answer_deadline(ends):
            response = session.request(method, url, timeout=(min(3.05, seconds), seconds), stream=True,
                                       allow_redirects=False, **kwargs)
            try:
                response._content = read_bounded(response, MAX_ANSWER_BYTES, ends)
            finally:
                response.close()
    except (requests.RequestException, OSError) as e:   # TimeoutError and ConnectionError are OSErrors
        late = time.monotonic() >= ends or isinstance(e, (TimeoutError, requests.Timeout))
        raise OAuthError(f"no answer from {what} within {seconds:g} s" if late
                         else f"cannot reach {what}: {type(e).__name__}") from None
    except TooLarge as e:
        raise OAuthError(f"{what} sent an answer {e}; not read") from None
    return response


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(64)    # 86 characters of [A-Za-z0-9_-]: within 43..128
        return cls(verifier, _b64(hashlib.sha256(verifier.encode("ascii")).digest()))


def authorization_url(info: ServerInfo, client_id: str, redirect_uri: str, state: str, pkce: Pkce,
                      scope: str = SCOPE, aud: str = "") -> str:
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "state": state,
              "scope": scope, "code_challenge": pkce.challenge, "code_challenge_method": "S256"}
    if aud:
        params["aud"] = aud
    return info.authorization_endpoint + ("&" if "?" in info.authorization_endpoint else "?") + urlencode(params)


class TokenClient:
    """The token, revocation and userinfo endpoints of one authorization server."""

    def __init__(self, info: ServerInfo, client_id: str, session: requests.Session, timeout: float = 15.0) -> None:
        self.info = info
        self.client_id = client_id
        self.session = session
        self.timeout = timeout

    def redeem_code(self, code: str, pkce: Pkce, redirect_uri: str) -> Tokens:
        return self._token({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                            "code_verifier": pkce.verifier})

    def refresh(self, refresh_token: str) -> Tokens:
        return self._token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def exchange_launch(self, launch_token: str) -> Tokens:
        return self._token({"grant_type": GRANT_EXCHANGE, "subject_token": launch_token,
                            "subject_token_type": LAUNCH_TOKEN_TYPE, "scope": SCOPE + " launch"})

    def demo_account(self, username: str) -> Tokens:
        return self._token({"grant_type": GRANT_DEMO, "username": username})

    def revoke(self, token: str) -> None:
        """Best effort: a platform that cannot be reached forgets the token when it expires."""
        if not self.info.revocation_endpoint:
            return
        try:
            bounded_request(self.session, "POST", self.info.revocation_endpoint, self.timeout, "the sign-in service",
                            data={"token": token, "client_id": self.client_id})
        except OAuthError:
            pass

    def _token(self, form: dict[str, str]) -> Tokens:
        form = {**form, "client_id": self.client_id}
        response = bounded_request(self.session, "POST", self.info.token_endpoint, self.timeout, "the sign-in service",
                                   data=form, headers={"Accept": "application/json"})
        try:
            body = parse_json(response.content)
        except ValueError:
            body = {}
        if response.status_code != 200 or not isinstance(body, dict) or "access_token" not in body:
            error = body.get("error", "") if isinstance(body, dict) else ""
            words = body.get("error_description", "") if isinstance(body, dict) else ""
            raise OAuthError(words or f"sign-in refused (HTTP {response.status_code})", error, response.status_code)
        fhir_user = body.get("fhirUser") or _claims(body.get("id_token", "")).get("fhirUser", "")
        return Tokens(body["access_token"], body.get("refresh_token", ""),
                      time.time() + float(body.get("expires_in", 300)), fhir_user, body.get("patient", ""),
                      body.get("scope", ""))


def _claims(id_token: str) -> dict[str, Any]:
    """An ID token's claims, unverified: OIDC Core 3.1.3.7 lets a client that received it
    straight from the token endpoint over TLS rely on TLS instead of the signature."""
    try:
        payload = id_token.split(".")[1]
        claims = parse_json(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


# --- the loopback redirect ---------------------------------------------------------------

_DONE_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Huren</title></head>
<body style="font-family:sans-serif;max-width:30em;margin:4em auto"><h1>{title}</h1><p>{text}</p></body></html>"""
_NOT_SIGNED_IN = "登录未完成 / Not signed in"


class LoopbackRedirect:
    """The HTTP listener on 127.0.0.1 (a free port) that the browser's redirect comes back to.

    Other things knock too: a browser's speculative spare connections, a port scanner, another
    local program. So the listener (app.platform.loopback_server's bounded core) serves
    connections side by side, an idle one costing no thread, hangs up one that has not sent its
    request line and headers within `CONNECTION_TIMEOUT`, bounds their size, and answers a stray request (another path,
    no or another `state`, HEAD or POST, garbage) with a short 4xx page and goes on waiting.
    Only a redirect carrying our `state` ends the wait, with its code or its `error`: anything
    else ending it would let any local process abort a sign-in. The listener is closed when
    `wait` returns or raises, and by `close`.
    """

    CONNECTION_TIMEOUT = 5.0   # seconds to send the request line and headers
    WORKERS, BACKLOG = 4, 12   # whole requests answered at once, and waiting; a 17th meanwhile gets 503
    MAX_CONNECTIONS = 64       # connections held idle; beyond that the oldest is hung up

    def __init__(self, path: str = "/callback") -> None:
        self.path = path
        self.state = secrets.token_urlsafe(24)
        self._result: dict[str, str] | None = None
        self._result_lock = threading.Lock()
        self._done = threading.Event()
        self._closed = threading.Event()
        owner = self

        class Handler(OneRequestHandler):
            max_request_line = 8 * 1024    # the query: a code (some servers' run to 2 KB), the state, an error text
            max_head = 64 * 1024           # the browser sends every cookie set for 127.0.0.1, whatever the port

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                if parts.path != owner.path:
                    self.send_error(404, "This is Huren's sign-in listener; nothing else is here.")
                    return
                params = dict(parse_qsl(parts.query))
                if not hmac.compare_digest(params.get("state", "").encode(), owner.state.encode()):
                    self._page(400, _NOT_SIGNED_IN, "This answer does not belong to Huren's sign-in.")
                    return
                if "code" not in params and "error" not in params:
                    self._page(400, _NOT_SIGNED_IN, "The answer carries neither a code nor an error.")
                    return
                result = owner._keep(params)
                try:
                    ok = "code" in result
                    self._page(200, "已登录 / Signed in" if ok else _NOT_SIGNED_IN,
                               "请回到 Huren 工作站，此页可以关闭。 You can close this page and return to Huren."
                               if ok else result.get("error_description") or result.get("error", ""))
                finally:   # the page is written before the listener closes
                    owner._done.set()

            def _page(self, status: int, title: str, text: str) -> None:
                body = _DONE_PAGE.format(title=html.escape(title), text=html.escape(text)).encode("utf-8")
                self.send_answer(status, "text/html; charset=utf-8", body)
                if status != 200:
                    log.debug("sign-in listener: stray request %s %s (%d)", self.command, urlsplit(self.path).path,
                              status)

            def error_body(self, status: int, message: str) -> tuple[str, bytes]:
                log.debug("sign-in listener: stray request (%d)", status)
                return "text/html; charset=utf-8", _DONE_PAGE.format(
                    title=f"{status}", text=html.escape(message)).encode("utf-8")

        self._server = BoundedHTTPServer(("127.0.0.1", 0), Handler, workers=self.WORKERS, backlog=self.BACKLOG,
                                         max_connections=self.MAX_CONNECTIONS, timeout=self.CONNECTION_TIMEOUT,
                                         name="huren-sign-in-redirect").start()

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.path}"

    def _keep(self, params: dict[str, str]) -> dict[str, str]:
        """The first answer with our state is the one: a second (a reload) does not replace it."""
        with self._result_lock:
            if self._result is None:
                self._result = params
            return self._result

    def wait(self, timeout: float | None = None, cancelled: threading.Event | None = None) -> str:
        """The authorization code; OAuthError when the user declined, on timeout or on cancel."""
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            while not self._done.wait(0.1):
                if self._closed.is_set() or (cancelled is not None and cancelled.is_set()):
                    raise OAuthError("sign-in cancelled", "cancelled")
                if deadline is not None and time.monotonic() > deadline:
                    raise OAuthError("no answer from the browser in time", "timeout")
            result = self._result or {}
            if "code" not in result:
                raise OAuthError(result.get("error_description") or f"sign-in refused: {result.get('error', '?')}",
                                 result.get("error", "access_denied"))
            return result["code"]
        finally:
            self.close()

    def close(self) -> None:
        """Stop listening and hang up every connection (a `wait` under way ends as cancelled);
        idempotent, from any thread."""
        self._closed.set()
        self._server.stop()
