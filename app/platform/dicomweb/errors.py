"""DicomWebError, and the messages a person can act on that it carries.

At the bottom of the package: the transport and the client both raise it, so it imports
neither. The helpers turn what the server or the network said (an HTTP status, the server's
own JSON explanation, urllib3's nested causes) into one short sentence without URLs.
"""

from __future__ import annotations

import socket
from typing import Any

import requests

from app.domain.fhir_json import parse_json


class DicomWebError(Exception):
    """The image server failed us; `message` is for the user, `status` is None without an answer."""

    def __init__(self, message: str, status: int | None = None, timed_out: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.timed_out = timed_out


def http_error(response: requests.Response | None, what: str) -> DicomWebError:
    """The error for an answer with a failing status, worded by what the status means to the user."""
    if response is None:
        return DicomWebError(f"the DICOMweb server failed on {what}")
    status = response.status_code
    if status == 404:
        message = f"{what} was not found on the DICOMweb server (HTTP 404)"
    elif status in (401, 403):
        message = f"the DICOMweb server refused access to {what} (HTTP {status}): check the account's rights"
    elif status >= 500:
        message = f"the DICOMweb server failed on {what} (HTTP {status} {response.reason or ''})".replace(" )", ")")
    else:
        message = f"the DICOMweb server rejected the request for {what} (HTTP {status} {response.reason or ''})" \
            .replace(" )", ")")
    detail = _detail(response)
    return DicomWebError(message + (f": {detail}" if detail else ""), status)


def _detail(response: requests.Response) -> str:
    """The server's own short explanation, when it gives one in JSON (Orthanc does)."""
    try:
        body = parse_json(response.content or b"")
    except ValueError:
        return ""
    if isinstance(body, dict):
        for key in ("Details", "Message", "message", "error", "detail"):
            if isinstance(body.get(key), str) and body[key]:
                return short(ValueError(body[key]))
    return ""


def connection_reason(error: Exception) -> str:
    """The innermost cause urllib3 wrapped (refused, name not found, ...), without the URL."""
    cause: Any = error.args[0] if error.args else error
    while getattr(cause, "reason", None) is not None and cause.reason is not cause:
        cause = cause.reason
    text = str(cause)
    if isinstance(cause, socket.gaierror) or "NameResolution" in type(cause).__name__ \
            or "Name or service not known" in text:
        return "host name not found"
    if "Connection refused" in text:
        return "connection refused"
    errno_at = text.find("[Errno")
    return short(ValueError(text[errno_at:] if errno_at >= 0 else text))


def short(error: Exception) -> str:
    """The error's text, cut to fit in a message."""
    text = str(error)
    return text if len(text) < 160 else text[:157] + "..."
