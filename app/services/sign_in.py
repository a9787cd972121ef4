"""Signing in to the platform, and keeping the session alive while the doctor works.

The site chooses the method (`[sign_in] method`):

- "oidc": the hospital account, through the system browser (authorization code with PKCE,
  loopback redirect; app.platform.oauth). Huren never sees the password.
- "demo": the embedded demo platform's fictional staff, picked from a list; when the platform
  offers the demo-account grant, each one gets real tokens from it.

Either way the HIS may hand a launch token over (`his_launch`), which the platform exchanges
for the user and the patient it is showing.

`PlatformSession` is the token source of every platform request (app.platform.bearer_auth):
it refreshes a token about to expire, on the worker that needs it, and when the platform
refuses the refresh it drops the session, tells its listeners (the window asks the user to
sign in again, over the screen as it is) and raises `SignInRequired`, so unsent work stays in
the outbox. Tokens are kept by `TokenStore`: the system keyring, or memory.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from app.domain.identity import RESIDENT_ID_SYSTEM
from app.domain.staff import StaffMember
from app.platform.bearer_auth import PLATFORM_AUTH, SignInRequired, origin, use_token_source
from app.platform.http_session import new_session
from app.platform.oauth import (
    LoopbackRedirect,
    OAuthError,
    Pkce,
    ServerInfo,
    TokenClient,
    Tokens,
    authorization_url,
    discover,
)
from app.platform.token_store import TokenStore
from app.services.identity import Identity, staff_member
from app.services.workspace import Workspace

log = logging.getLogger("huren.services")

#: Refresh this many seconds before the access token runs out, so no request meets an expired one.
REFRESH_MARGIN = 60.0
#: After a failed discovery, requests within this many seconds fail at once instead of asking again.
DISCOVERY_RETRY_SECONDS = 30.0

__all__ = ["BrowserSignIn", "LaunchResult", "PlatformSession", "SignInRequired"]


@dataclass(frozen=True)
class LaunchResult:
    user: StaffMember
    patient_id: str      # the Patient id on the first source, as the HIS named it
    patient_text: str    # what the patient search takes: the resident ID when the record has one


class BrowserSignIn:
    """One browser sign-in under way: open `url`, then `complete()` on a worker."""

    def __init__(self, session: PlatformSession, info: ServerInfo) -> None:
        self._session = session
        self.pkce = Pkce.new()
        self.redirect = LoopbackRedirect()
        self.cancelled = threading.Event()
        self.url = authorization_url(info, session.client_id, self.redirect.redirect_uri, self.redirect.state,
                                     self.pkce, aud=session.fhir_base)

    def complete(self, timeout: float = 600.0) -> StaffMember:
        """Wait for the browser to come back, redeem the code, and say who signed in."""
        code = self.redirect.wait(timeout, self.cancelled)
        tokens = self._session.token_client().redeem_code(code, self.pkce, self.redirect.redirect_uri)
        return self._session.adopt(tokens)

    def cancel(self) -> None:
        self.cancelled.set()
        self.redirect.close()


class PlatformSession:
    """Who is signed in to the platform, with which tokens; the token source of every request."""

    def __init__(self, workspace: Workspace, identity: Identity) -> None:
        config = workspace.config
        self.workspace = workspace
        self.identity = identity
        self.method = config.sign_in_method
        self.client_id = config.sign_in_client_id
        self.fhir_base = workspace.sources[0].config.fhir_base if workspace.sources else ""
        self._origins = {origin(url) for s in workspace.sources
                         for url in (s.config.fhir_base, s.config.dicomweb_base) if url}
        self._lock = threading.RLock()
        self._info: ServerInfo | None = None
        self._discovered = False
        self._discovery_failure: tuple[float, OAuthError] | None = None
        # The sign-in service answers within the first source's timeout, as the source itself must.
        self._timeout = config.sources[0].timeout_seconds if config.sources else 10.0
        self._tokens: Tokens | None = None
        self._demo_user = ""          # whose demo tokens these are
        self._store: TokenStore | None = None
        self._http = new_session(config.sources[0].ca_bundle if config.sources else None,
                                 proxy=config.proxy, platform_auth=False)
        self._listeners: list[Callable[[str], None]] = []
        use_token_source(self)

    def close(self) -> None:
        if PLATFORM_AUTH.source is self:
            use_token_source(None)
        self._http.close()

    # -- what the window listens to ----------------------------------------------------------

    def on_sign_in_required(self, listener: Callable[[str], None]) -> None:
        """Called (on whatever thread noticed) with the reason when the user must sign in again."""
        self._listeners.append(listener)

    @property
    def signed_in(self) -> bool:
        return self._tokens is not None

    @property
    def token_storage_problem(self) -> str:
        """"" when tokens are in the system keyring, else why they live in memory only."""
        return self.store().problem

    # -- the authorization server ---------------------------------------------------------------

    def info(self) -> ServerInfo | None:
        """The platform's authorization server (blocking, cached); None: the platform asks for none."""
        with self._lock:
            if not self._discovered:
                failed = self._discovery_failure
                if failed is not None and time.monotonic() - failed[0] < DISCOVERY_RETRY_SECONDS:
                    raise failed[1]   # every request would otherwise wait for the same unanswered question
                issuer = self.workspace.config.sign_in_issuer
                base = issuer if issuer else self.fhir_base
                try:
                    self._info = discover(base, self._http, self._timeout) if base else None
                except OAuthError as e:
                    self._discovery_failure = (time.monotonic(), e)
                    raise
                self._discovered = True
            return self._info

    def token_client(self) -> TokenClient:
        info = self.info()
        if info is None:
            raise OAuthError("the platform offers no sign-in (no .well-known/smart-configuration)")
        return TokenClient(info, self.client_id, self._http, self._timeout)

    def store(self) -> TokenStore:
        with self._lock:
            if self._store is None:   # one kept session per platform and client
                self._store = TokenStore(f"{self.fhir_base} {self.client_id}")
            return self._store

    # -- signing in ------------------------------------------------------------------------

    def begin_browser_sign_in(self) -> BrowserSignIn:
        """Blocking (discovery): make the PKCE pair, the loopback listener and the browser URL."""
        with self._lock:
            self._discovery_failure = None   # the user asks again: so does Huren
        info = self.info()
        if info is None:
            raise OAuthError("the platform offers no sign-in (no .well-known/smart-configuration)")
        return BrowserSignIn(self, info)

    def launch(self, launch_token: str) -> LaunchResult:
        """The HIS's launch token, exchanged for tokens, the user and the patient (blocking)."""
        if not self.workspace.config.his_launch:
            raise OAuthError("this site does not accept launches from the HIS ([sign_in] his_launch = false)")
        tokens = self.token_client().exchange_launch(launch_token)
        if not tokens.patient:
            raise OAuthError("the launch named no patient")
        user = self.adopt(tokens)
        patient = self.workspace.sources[0].client.read("Patient", tokens.patient)
        identifiers = [i for i in patient.get("identifier", []) or [] if isinstance(i, dict) and i.get("value")]
        resident = next((i["value"] for i in identifiers if i.get("system") == RESIDENT_ID_SYSTEM), "")
        other = next((f"{i.get('system', '')}|{i['value']}".lstrip("|") for i in identifiers), tokens.patient)
        return LaunchResult(user, tokens.patient, resident or other)

    def resume(self) -> StaffMember | None:
        """The session kept in the keyring by an earlier run, refreshed; None when there is none."""
        stored = self.store().load()
        if stored is None or not stored.refresh_token:
            return None
        try:
            tokens = self.token_client().refresh(stored.refresh_token)
        except OAuthError as e:
            log.info("the kept session could not be resumed: %s", e.message)
            self.store().clear()
            return None
        tokens = Tokens(tokens.access_token, tokens.refresh_token, tokens.expires_at,
                        tokens.fhir_user or stored.fhir_user, "", tokens.scope)
        return self.adopt(tokens)

    def adopt(self, tokens: Tokens) -> StaffMember:
        """Take the tokens, and find the staff member they name (blocking)."""
        if not tokens.practitioner_id:
            raise OAuthError("the platform did not say who signed in (no fhirUser)")
        with self._lock:
            self._tokens = tokens
            self._demo_user = ""
        member = staff_member(self.workspace, tokens.practitioner_id)
        if member is None:
            with self._lock:
                self._tokens = None
            raise OAuthError(f"no active staff role on the platform for {tokens.fhir_user}")
        self.store().save(tokens)
        return member

    def sign_out(self) -> None:
        """End the platform session too (revocation), and forget the tokens (blocking, best effort)."""
        with self._lock:
            tokens, self._tokens, self._demo_user = self._tokens, None, ""
        self.store().clear()
        if tokens is not None and self._info is not None:
            client = TokenClient(self._info, self.client_id, self._http, self._timeout)
            client.revoke(tokens.refresh_token or tokens.access_token)

    def _drop_tokens_of_another_demo_account(self) -> None:
        """Demo tokens belong to one demo account: another user gets their own (called under the lock).

        Checked where tokens are used, not when the user changes: the change happens on the UI
        thread, which must never wait for this lock while a worker holds it over the network.
        """
        member = self.identity.current
        if self.method == "demo" and self._tokens is not None and (
                member is None or member.practitioner_id != self._demo_user):
            self._tokens, self._demo_user = None, ""

    # -- TokenSource: asked on every platform request, on the requesting thread ---------------------

    def covers(self, url: str) -> bool:
        return origin(url) in self._origins

    def access_token(self) -> str | None:
        with self._lock:
            self._drop_tokens_of_another_demo_account()
            if self._tokens is None and self.method == "demo":
                self._demo_tokens()
            if self._tokens is None:
                return None
            if self._tokens.expires_within(REFRESH_MARGIN):
                self._refresh()
            return self._tokens.access_token if self._tokens else None

    def renewed_token(self, rejected: str) -> str | None:
        with self._lock:
            self._drop_tokens_of_another_demo_account()
            if self._tokens is not None and self._tokens.access_token != rejected:
                return self._tokens.access_token      # another worker has refreshed meanwhile
            if self._tokens is None:
                if self.method == "demo" and self._demo_tokens():
                    return self._tokens.access_token if self._tokens else None
                self._required("the platform asks for sign-in")
            self._refresh()
            return self._tokens.access_token if self._tokens else None

    def _demo_tokens(self) -> bool:
        """Tokens for the demo account now chosen, when the platform offers them."""
        member = self.identity.current
        try:
            info = self.info()
        except OAuthError:
            return False
        if member is None or info is None or not info.offers_demo_accounts:
            return False
        try:
            self._tokens = self.token_client().demo_account(member.practitioner_id)
        except OAuthError as e:
            log.warning("no demo token for %s: %s", member.practitioner_id, e.message)
            return False
        self._demo_user = member.practitioner_id
        return True

    def _refresh(self) -> None:
        assert self._tokens is not None
        try:
            fresh = self.token_client().refresh(self._tokens.refresh_token)
        except OAuthError as e:
            if not e.refused:   # the sign-in service is down: the request fails as "no answer", kept for later
                raise requests.ConnectionError(f"the sign-in service did not answer: {e.message}") from None
            self._tokens = None
            self.store().clear()
            self._required("the platform ended the session: please sign in again")
        else:
            self._tokens = Tokens(fresh.access_token, fresh.refresh_token, fresh.expires_at,
                                  fresh.fhir_user or self._tokens.fhir_user, "", fresh.scope)
            if not self._demo_user:
                self.store().save(self._tokens)
            log.info("access token refreshed")

    def _required(self, reason: str) -> None:
        for listener in list(self._listeners):
            listener(reason)
        raise SignInRequired(reason)
