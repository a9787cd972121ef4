"""The signed-in user's access token on every request to the platform, renewed when it runs out.

Every session made by `http_session.new_session` carries `PLATFORM_AUTH`, which asks the
token source registered by the sign-in service at the moment of each request: sessions made
before sign-in (the sources' FHIR clients) or for a study's DICOMweb endpoint need no other
wiring. The token goes only to the platform's own origins, never to another host a paging
link or an ImagingStudy endpoint names. A 401 is answered once with a renewed token, on the
worker thread that made the request, so the window never notices a refresh.
"""

from __future__ import annotations

from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase


class SignInRequired(requests.RequestException):
    """The session ended (refresh refused, no sign-in yet): only the user signing in again helps.

    A `RequestException`, so that callers treat it as "the platform cannot be used now" and
    keep unsent work for later, never as the platform rejecting the content.
    """


class TokenSource(Protocol):
    def covers(self, url: str) -> bool:
        """Whether the URL belongs to the platform this session is signed in to."""

    def access_token(self) -> str | None:
        """A token valid for a while yet (refreshed first when it is about to run out), or None."""

    def renewed_token(self, rejected: str) -> str | None:
        """After a 401 for `rejected`: a new token, None to give up, or raise SignInRequired."""


class _PlatformAuth(AuthBase):
    """Delegates to whichever token source is registered now (one per running program)."""

    def __init__(self) -> None:
        self.source: TokenSource | None = None

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        source = self.source
        if source is None or not request.url or not source.covers(request.url):
            return request
        token = source.access_token()
        if token:
            request.headers["Authorization"] = f"Bearer {token}"
        request.register_hook("response", self._after)
        return request

    def _after(self, response: requests.Response, **kwargs: Any) -> requests.Response:
        source = self.source
        request = response.request
        if response.status_code != 401 or source is None:
            return response
        header = request.headers.get("Authorization", "")
        if isinstance(header, bytes):      # requests passes a header set as bytes through as bytes
            header = header.decode("latin-1")
        sent = header.removeprefix("Bearer ")
        token = source.renewed_token(sent)
        if not token or token == sent:
            return response
        response.content  # noqa: B018 - read the small 401 body so the connection can be reused
        response.close()
        retry = request.copy()
        retry.headers["Authorization"] = f"Bearer {token}"
        retry.hooks["response"] = [h for h in retry.hooks["response"] if h != self._after]   # once only
        again = response.connection.send(retry, **kwargs)
        again.history.append(response)
        again.request = retry
        return again


#: The one auth object every platform session carries.
PLATFORM_AUTH = _PlatformAuth()


def use_token_source(source: TokenSource | None) -> None:
    PLATFORM_AUTH.source = source


def origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()
