"""The one way Huren opens HTTP sessions to a platform: site trust, retries, identification.

Both the FHIR and the DICOMweb clients use it, so a site's CA bundle, its proxy and the retry
policy hold for every request, whichever standard it speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from urllib3.util.retry import Retry

from app import __version__
from app.platform.deadlines import DeadlineAdapter


class SiteTrustSession(requests.Session):
    """A session whose own `verify` and `proxies` (the site's) beat the environment's.

    Plain requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override `Session.verify`
    (requests issue #3829) and HTTP(S)_PROXY override `Session.proxies` (issue #2018), so a
    machine with one set would silently ignore the site's setting. Where the site sets
    nothing, the environment still applies; proxies given to a single request beat both.
    """

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> dict:
        explicit = dict(proxies or {})   # requests fills `proxies` in place with the environment's
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and isinstance(self.verify, str):
            settings["verify"] = self.verify
        site = {k: v for k, v in (self.proxies or {}).items() if v}
        if site:
            settings["proxies"] = {**(settings["proxies"] or {}), **site, **explicit}
        return settings


@dataclass(frozen=True)
class Connection:
    """How to reach a server of one source: the site's trust (CA bundle) and its proxy."""

    ca_bundle: str = ""
    proxy: str = ""


def new_session(ca_bundle: str | None = None, *, proxy: str = "", retries: int = 2,
                respect_retry_after: bool = True, pool_size: int = 8, platform_auth: bool = True) -> SiteTrustSession:
    """GETs retried on connection errors and 502/503/504 (never other methods: not idempotent).

    Its connections honour `app.platform.deadlines.answer_deadline` while waiting for headers.

    `platform_auth=False` for the sign-in service's own requests, which carry no bearer token.
    `proxy` (the site's `[network] proxy`) carries every request, http and https alike;
    "" leaves the choice to the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY).
    """
    session = SiteTrustSession()
    session.verify = ca_bundle or True
    if proxy:
        session.proxies = {"http": proxy, "https": proxy}
    session.headers["User-Agent"] = f"Huren/{__version__}"
    if platform_auth:   # the signed-in user's token, for the platform's own origins only
        from app.platform.bearer_auth import PLATFORM_AUTH

        session.auth = PLATFORM_AUTH
    retry = Retry(total=retries, connect=retries, read=0, status=retries, other=0,
                  status_forcelist=(502, 503, 504), allowed_methods=frozenset({"GET"}),
                  backoff_factor=0.2, respect_retry_after_header=respect_retry_after, raise_on_status=False)
    adapter = DeadlineAdapter(max_retries=retry, pool_maxsize=pool_size)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
