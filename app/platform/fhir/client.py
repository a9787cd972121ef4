"""A FHIR R4 client for one source: one `requests.Session`, timeouts, retries, paging.

Idempotent GETs are retried on connection failures and on 502/503/504 (a platform behind
a restarting gateway); a read timeout is not retried, since a source that did not answer in
time would only make the doctor wait twice as long. TLS verification stays on; a site CA
bundle is honoured.

Every server is possibly hostile: the body is read against a deadline for the whole answer
(requests' read timeout restarts with every byte, so a server dripping one byte a second
would hold a plain request for ever) and a size cap; JSON is parsed with its depth bounded
(`json.loads` raises RecursionError, not ValueError, on deep nesting); redirects are
followed only within the source's origin; an answer that is not JSON is named as such.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from app.domain.fhir_json import cut_text, parse_answer, parse_json

if TYPE_CHECKING:   # requests is imported by the first client made, not by its errors (the window's first paint)
    import requests

log = logging.getLogger("huren.platform")

FHIR_JSON = "application/fhir+json"
#: The largest FHIR answer read (a page of 50 reports with their results is well under 1 MB).
MAX_BODY_BYTES = 32 * 1024 * 1024
_MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
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
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        """`timeout` bounds each request whole: connecting, the answer's first byte and its body."""
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = (min(connect_timeout, timeout), timeout)
        self.max_pages = max_pages
        self.max_body_bytes = max_body_bytes
        from app.platform.http_session import new_session

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

    def _send(self, method: str, url: str, *, max_bytes: int | None = None, deadline: float | None = None,
              cut: bool = False, **kwargs: Any) -> requests.Response:
        """One request, redirects followed within the origin, its body read whole within bounds.

        Past `max_bytes` (default the client's cap) the answer is refused, or with `cut` kept
        as its first max_bytes + 1 bytes for the caller to judge; past `deadline` seconds (default
        the timeout) in all, it counts as no answer.
        """
        limit = self.max_body_bytes if max_bytes is None else max_bytes
        seconds = self.timeout[1] if deadline is None else deadline
        ends = time.monotonic() + seconds
        from app.platform.deadlines import answer_deadline

        with answer_deadline(ends):   # headers, redirects, retries and the body: all by `ends`
            response = self._answer(method, url, limit, seconds, ends, cut, **kwargs)
        log.debug("%s %s -> %s in %.0f ms", method, urlsplit(response.url).path, response.status_code,
                  response.elapsed.total_seconds() * 1000)
        if response.status_code == 401:
            raise SessionEnded(_http_error(response).message)
        if response.status_code >= 400:
            raise _http_error(response)
        return response

    def _answer(self, method: str, url: str, limit: int, seconds: float, ends: float, cut: bool,
                **kwargs: Any) -> requests.Response:
        """The request sent, redirects followed within the origin, the body read (in `_send`'s block)."""
        for _ in range(_MAX_REDIRECTS + 1):
            response = self._request(method, url, seconds, ends, **kwargs)
            if response.status_code not in _REDIRECTS or not response.headers.get("Location"):
                break
            response.close()
            target = urljoin(url, response.headers["Location"])
            if not same_origin(url, target):
                raise FhirError(f"the source redirected to another server ({urlsplit(target).netloc}); not followed",
                                response.status_code)
            if method != "GET" and response.status_code not in (307, 308):   # would turn the write into a GET
                raise FhirError(f"the source redirected a {method} (HTTP {response.status_code}); not followed",
                                response.status_code)
            url, kwargs = target, {k: v for k, v in kwargs.items() if k != "params"}
        else:
            raise FhirError(f"the source redirected more than {_MAX_REDIRECTS} times; not followed")
        try:
            response._content = _read_body(response, limit, ends, seconds, cut=cut)
        finally:
            response.close()
        return response

    def _request(self, method: str, url: str, seconds: float, ends: float, **kwargs: Any) -> requests.Response:
        """Sent, and its status line and headers received (inside `_send`'s deadline block)."""
        import requests

        from app.platform.bearer_auth import SignInRequired

        try:
            return self.session.request(method, url, timeout=self.timeout, stream=True, allow_redirects=False,
                                        **kwargs)
        except SignInRequired as e:
            raise SessionEnded(str(e)) from None
        except requests.RequestException as e:
            raise _unreachable(e, seconds, timed_out=time.monotonic() >= ends) from None

    @staticmethod
    def _json(response: requests.Response) -> Any:
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind and "json" not in kind:
            raise FhirError(f"the answer is {kind}, not FHIR JSON (HTTP {response.status_code})", response.status_code)
        try:
            return parse_answer(response.content)
        except ValueError as e:
            raise FhirError(f"the platform sent unreadable data: {e} (HTTP {response.status_code})",
                            response.status_code) from None

    def _check_origin(self, url: str) -> None:
        """Paging links must stay on the source: never send our session to another host."""
        if not same_origin(self.base_url, url):
            raise FhirError(f"the source pointed to another server ({urlsplit(url).netloc}); not followed")

    def get_bytes(self, path_or_url: str, accept: str, max_bytes: int, deadline: float = 60.0) -> tuple[bytes, str]:
        """(body, Content-Type) of a document on this source (a Binary, an attachment's url).

        Same origin only, like every request. Reading stops past `max_bytes` (the body then
        has max_bytes + 1 bytes: the caller says "too large") or past `deadline` seconds in all.
        """
        url = path_or_url if "://" in path_or_url else self.url(path_or_url)
        self._check_origin(url)
        response = self._send("GET", url, headers={"Accept": accept}, max_bytes=max_bytes, deadline=deadline, cut=True)
        return response.content, response.headers.get("Content-Type", "")


def _http_error(response: requests.Response) -> FhirError:
    outcome = None
    detail = ""
    try:
        body = parse_json(response.content)
        if isinstance(body, dict) and body.get("resourceType") == "OperationOutcome":
            outcome = body
            detail = "; ".join(
                i.get("diagnostics") or (i.get("details") or {}).get("text") or i.get("code", "")
                for i in body.get("issue", []) if isinstance(i, dict)
            )
    except ValueError:
        pass
    reason = cut_text(response.reason or "", 200)
    detail = cut_text(str(detail), 500)   # a message, shown in a status line: never a server's whole novel
    message = f"HTTP {response.status_code} {reason}".strip() + (f": {detail}" if detail else "")
    return FhirError(message, response.status_code, outcome)


def _read_body(response: requests.Response, max_bytes: int, ends: float, seconds: float, *, cut: bool) -> bytes:
    """The whole body, or SourceUnreachable at the deadline, or FhirError past the size cap."""
    from app.platform.deadlines import TooLarge, read_bounded

    try:
        return read_bounded(response, max_bytes, ends, cut=cut)
    except TooLarge as e:
        raise FhirError(f"the answer is {e}; not read", response.status_code) from None
    except TimeoutError:
        raise SourceUnreachable(f"the answer did not come whole within {seconds:g} s", timed_out=True) from None
    except OSError as e:
        if time.monotonic() >= ends:   # the watchdog shut the socket at the deadline
            raise SourceUnreachable(f"the answer did not come whole within {seconds:g} s", timed_out=True) from None
        raise SourceUnreachable(f"the answer broke off: {_short(e)}") from None


def same_origin(a: str, b: str) -> bool:
    """Same scheme, host and port: where this source's requests (and its token) may go."""
    first, second = urlsplit(a), urlsplit(b)
    return (first.scheme, first.netloc) == (second.scheme, second.netloc)


def _unreachable(error: requests.RequestException, seconds: float, *, timed_out: bool) -> SourceUnreachable:
    """What a failed request means to the user; a socket cut at the deadline counts as a timeout."""
    import requests
    from urllib3.exceptions import ReadTimeoutError

    # With read retries off, urllib3 wraps a read timeout as a "connection" error.
    read_timeout = isinstance(getattr(error.args[0] if error.args else None, "reason", None), ReadTimeoutError)
    if timed_out or read_timeout or isinstance(error, requests.Timeout):
        return SourceUnreachable(f"no answer within {seconds:g} s", timed_out=True)
    if isinstance(error, requests.exceptions.SSLError):
        return SourceUnreachable(f"TLS certificate not trusted: {_short(error)}")
    if isinstance(error, requests.ConnectionError):
        return SourceUnreachable(f"cannot connect: {_short(error)}")
    return SourceUnreachable(f"request failed: {_short(error)}")


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) < 160 else text[:157] + "..."
