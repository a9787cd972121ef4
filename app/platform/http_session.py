"""The one way Huren opens HTTP sessions to a platform: site trust, retries, identification.

Both the FHIR and the DICOMweb clients use it, so a site's CA bundle and the retry policy
hold for every request, whichever standard it speaks.
"""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from app import __version__


class SiteTrustSession(requests.Session):
    """A session whose own `verify` (the site CA bundle) beats REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE.

    Plain requests lets those environment variables override `Session.verify` (requests
    issue #3829), so a machine with one set would silently ignore the site's setting.
    Proxies and the rest of the environment still apply.
    """

    def merge_environment_settings(self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any) -> dict:
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if verify is None and isinstance(self.verify, str):
            settings["verify"] = self.verify
        return settings


def new_session(ca_bundle: str | None = None, *, retries: int = 2, respect_retry_after: bool = True,
                pool_size: int = 8) -> SiteTrustSession:
    """GETs retried on connection errors and 502/503/504 (never other methods: not idempotent)."""
    session = SiteTrustSession()
    session.verify = ca_bundle or True
    session.headers["User-Agent"] = f"Huren/{__version__}"
    retry = Retry(total=retries, connect=retries, read=0, status=retries, other=0,
                  status_forcelist=(502, 503, 504), allowed_methods=frozenset({"GET"}),
                  backoff_factor=0.2, respect_retry_after_header=respect_retry_after, raise_on_status=False)
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=pool_size)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
