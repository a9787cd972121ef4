"""A FHIR R4 client for one source: one `requests.Session`, timeouts, retries, paging.

Idempotent GETs are retried on connection failures and on 502/503/504 (a platform behind
a restarting gateway); a read timeout is not retried, since a source that did not answer in
time would only make the doctor wait twice as long. TLS verification stays on; a site CA
bundle is honoured.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import ReadTimeoutError

from app.platform.bearer_auth import SignInRequired
from app.platform.http_session import new_session

log = logging.getLogger("huren.platform")

FHIR_JSON = "application/fhir+json"
Params = Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]]


class FhirError(Exception):
    """The source answered, but not with what was asked; `message` is for the user."""

    def __init__(self, message: str, status: int | None = None, outcome: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.outcome = outcome


class SourceUnreachable(FhirError):
    """No answer at all: connection refused, DNS, TLS, or the timeout ran out."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class SessionEnded(SourceUnreachable):
    """The platform wants the user to sign in (again): nothing can be read or sent until then.

    Every 401 is one, whether the token source gave up or the platform answered 401 to a
    request without a token: callers treat it as "not now", never as content refused.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.status = 401


class FhirClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        connect_timeout: float = 3.05,
        ca_bundle: str = "",
        proxy: str = "",
        retries: int = 2,
        max_pages: int = 200,
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = (min(connect_timeout, timeout), timeout)
        self.max_pages = max_pages
        self.session = new_session(ca_bundle, proxy=proxy, retries=retries)
        self.session.headers["Accept"] = FHIR_JSON

    def close(self) -> None:
        self.session.close()

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path.lstrip("/"))

    def get_json(self, path_or_url: str, params: Params | None = None, accept: str = FHIR_JSON) -> Any:
        url = path_or_url if "://" in path_or_url else self.url(path_or_url)
        self._check_origin(url)
        response = self._send("GET", url, params=params, headers={"Accept": accept})
        return self._json(response)

    def read(self, resource_type: str, resource_id: str) -> dict:
        return self.get_json(f"{resource_type}/{resource_id}")

    def search(self, resource_type: str, params: Params) -> Iterator[dict]:
        """Yield each page (a searchset Bundle), following `link[next]` until the end."""
        bundle = self.get_json(resource_type, params)
        for _ in range(self.max_pages):
            if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
                raise FhirError(f"{resource_type} search did not return a Bundle")
            yield bundle
            next_url = next((link.get("url") for link in bundle.get("link", []) or []
                             if isinstance(link, dict) and link.get("relation") == "next"), None)
            if not next_url:
                return
            bundle = self.get_json(next_url)
        raise FhirError(f"{resource_type} search has more than {self.max_pages} pages; narrow it down")

    def post(self, path: str, body: dict, headers: Mapping[str, str] | None = None) -> Any:
        hdrs = {"Content-Type": FHIR_JSON, **(headers or {})}
        response = self._send("POST", self.url(path), json=body, headers=hdrs)
        return self._json(response)

    def write(self, method: str, path: str, body: dict | None,
              headers: Mapping[str, str] | None = None) -> tuple[int, str, Any]:
        """(status, Location, parsed body or None) of a write: a sender that learns ids needs all three.

        Errors raise as in `post` (FhirError, SourceUnreachable, SessionEnded); an empty body
        (`Prefer: return=minimal`, a 204) is None, not an error.
        """
        hdrs = {"Content-Type": FHIR_JSON, **(headers or {})}
        response = self._send(method, self.url(path), json=body, headers=hdrs)
        parsed = self._json(response) if response.content.strip() else None
        return response.status_code, response.headers.get("Location", ""), parsed

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout:
            raise SourceUnreachable(f"no answer within {self.timeout[1]:g} s", timed_out=True) from None
        except requests.exceptions.SSLError as e:
            raise SourceUnreachable(f"TLS certificate not trusted: {_short(e)}") from None
        except requests.ConnectionError as e:
            # With read retries off, urllib3 wraps a read timeout as a "connection" error.
            if isinstance(getattr(e.args[0] if e.args else None, "reason", None), ReadTimeoutError):
                raise SourceUnreachable(f"no answer within {self.timeout[1]:g} s", timed_out=True) from None
            raise SourceUnreachable(f"cannot connect: {_short(e)}") from None
        except SignInRequired as e:
            raise SessionEnded(str(e)) from None
        except requests.RequestException as e:
            raise SourceUnreachable(f"request failed: {_short(e)}") from None
        log.debug("%s %s -> %s in %.0f ms", method, urlsplit(url).path, response.status_code,
                  response.elapsed.total_seconds() * 1000)
        if response.status_code == 401:
            raise SessionEnded(_http_error(response).message)
        if response.status_code >= 400:
            raise _http_error(response)
        return response

    @staticmethod
    def _json(response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise FhirError(f"the answer is not JSON (HTTP {response.status_code})", response.status_code) from None

    def _check_origin(self, url: str) -> None:
        """Paging links must stay on the source: never send our session to another host."""
        base, target = urlsplit(self.base_url), urlsplit(url)
        if (base.scheme, base.netloc) != (target.scheme, target.netloc):
            raise FhirError(f"the source pointed to another server ({target.netloc}); not followed")

    def get_bytes(self, path_or_url: str, accept: str, max_bytes: int, deadline: float = 60.0) -> tuple[bytes, str]:
        """(body, Content-Type) of a document on this source (a Binary, an attachment's url).

        Same origin only, like every request. Reading stops past `max_bytes` (the body then
        has max_bytes + 1 bytes: the caller says "too large") or past `deadline` seconds in all.
        """
        url = path_or_url if "://" in path_or_url else self.url(path_or_url)
        self._check_origin(url)
        ends = time.monotonic() + deadline
        response = self._send("GET", url, headers={"Accept": accept}, stream=True)
        body = bytearray()
        try:
            for chunk in response.iter_content(64 * 1024):
                body += chunk
                if len(body) > max_bytes:
                    del body[max_bytes + 1:]
                    break
                if time.monotonic() > ends:
                    raise SourceUnreachable(f"the document took longer than {deadline:g} s", timed_out=True)
        except requests.RequestException as e:
            raise SourceUnreachable(f"the document could not be read: {_short(e)}") from None
        finally:
            response.close()
        return bytes(body), response.headers.get("Content-Type", "")


def _http_error(response: requests.Response) -> FhirError:
    outcome = None
    detail = ""
    try:
        body = response.json()
        if isinstance(body, dict) and body.get("resourceType") == "OperationOutcome":
            outcome = body
            detail = "; ".join(
                i.get("diagnostics") or (i.get("details") or {}).get("text") or i.get("code", "")
                for i in body.get("issue", []) if isinstance(i, dict)
            )
    except ValueError:
        pass
    reason = response.reason or ""
    message = f"HTTP {response.status_code} {reason}".strip() + (f": {detail}" if detail else "")
    return FhirError(message, response.status_code, outcome)


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) < 160 else text[:157] + "..."
