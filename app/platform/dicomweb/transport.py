"""The bounded transport: every answer of an image server read within a byte cap and a time budget.

Every server is possibly hostile, and every request is bounded (issue 13): its status line
and headers by a wall-clock deadline (`answer_deadline`, set by the client: requests' read
timeout restarts with every byte, so a server dripping one byte a second would hold a request
for ever), its body by a size cap and a time budget, redirects followed only within the
server's origin (never their bodies read).

dicomweb-client makes the WADO-RS requests and reads their bodies itself, so the bounds are
applied by a response hook on the session (`bounded_answer`), which reads a whole body or
replaces the raw stream before the library touches either; the bounds of the request in
progress travel to it in a context variable (`bounds_in_force`).

The bounds of a series are per instance, not for the whole answer: a 300-slice series over a
slow link may take minutes, but each instance must come whole within the timeout and under
its cap. The time is counted only while waiting on the socket: a viewer decoding one instance
does not eat into the next one's time. Past it the process's deadline watchdog shuts the
socket down. Under urllib3 2 even the library's streaming waited for a full chunk (or the next
instance) before handing one over; the replaced stream hands over what has arrived.
"""

from __future__ import annotations

import socket
import time as clock
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import HTTPError, ReadTimeoutError

from app.platform.deadlines import WATCHDOG, deadline_passed
from app.platform.dicomweb.errors import DicomWebError, short
from app.platform.fhir.client import same_origin

#: Most bytes read from the socket per step while streaming; fewer when fewer have arrived
#: (see `_Body.stream`), so it bounds memory per step, not latency.
CHUNK_SIZE = 256 * 1024
#: What is read of an error answer's body: room for the server's explanation, no more.
_ERROR_BYTES = 64 * 1024


@dataclass(frozen=True)
class Bounds:
    """What the request in progress may take: set by `DicomWebClient._bounded`, applied by `bounded_answer`."""

    origin: str          # a redirect elsewhere is refused
    what: str            # for messages: "the study list", "an image"
    max_bytes: int       # per instance when `per_instance`, else for the whole body
    seconds: float       # the same, for waiting on the socket
    ends: float          # the whole request's deadline (time.monotonic()), when not `per_instance`
    per_instance: bool
    #: The caller's multipart reader says where each part ends (`_Body.part_ended`): the body is
    #: then not searched for delimiters here as well.
    parts_told: bool = False


_BOUNDS: ContextVar[Bounds | None] = ContextVar("huren_dicomweb_bounds", default=None)


def bound_answers(session: requests.Session) -> None:
    """Installs `bounded_answer` on the session's response hooks, once however many clients share it."""
    hooks = session.hooks.setdefault("response", [])
    if bounded_answer not in hooks:
        hooks.append(bounded_answer)


@contextmanager
def bounds_in_force(bounds: Bounds) -> Iterator[None]:
    """The requests made in this block (ours or the library's, in this context) are read within `bounds`."""
    token = _BOUNDS.set(bounds)
    try:
        yield
    finally:
        _BOUNDS.reset(token)


def bounded_answer(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    """Response hook: an answer to one of our requests is read within its bounds, whoever reads it.

    Runs as soon as the headers are in, before requests or dicomweb-client touch the body:
    a redirect is checked and its body dropped, an error's body read up to `_ERROR_BYTES`, a
    streamed body's raw stream replaced by a bounded one, any other body read whole, bounded.
    Answers outside a `bounds_in_force` block pass untouched (a caller's session may serve others).
    """
    bounds = _BOUNDS.get()
    if bounds is None:
        return response
    if response.is_redirect:
        return _redirect(response, bounds)
    body = _Body(response, bounds)
    if response.status_code >= 400:
        response._content = body.read(up_to=_ERROR_BYTES)
        response.close()
        return response
    body.refuse_if_declared_too_large()
    if kwargs.get("stream"):
        response.raw.stream = body.stream
        response.bounded_body = body  # type: ignore[attr-defined]  # read by `part_counter`
    else:
        response._content = body.read()
    return response


def part_counter(response: requests.Response) -> Callable[[int], None] | None:
    """Where a streamed answer read with `Bounds.parts_told` is told that a part ended (None for another answer)."""
    body = getattr(response, "bounded_body", None)
    return body.part_ended if body is not None and body.parts_told else None


def _redirect(response: requests.Response, bounds: Bounds) -> requests.Response:
    """A redirect within the server's origin is left to requests to follow; one elsewhere is an error.

    Its body is never read: requests reads a redirect's body whole, unbounded, before
    following it (and even when told not to follow), so a dripping one would hold it for ever.
    """
    target = urljoin(response.url, response.headers["Location"])
    response.close()
    response._content = b""
    if not same_origin(bounds.origin, target):
        raise DicomWebError(f"the DICOMweb server redirected to another server ({urlsplit(target).netloc}); "
                            f"not followed", response.status_code)
    return response


class _Body:
    """One answer's body read against a byte cap and a time budget, whole or per instance.

    Time is counted only while we wait on the socket. While a read waits, the deadline
    watchdog is armed for what is left: past it, the socket is shut down and the blocked read
    returns at once (a dripping server resets the read timeout with every byte), and what came
    before the cut is never taken for a whole answer. Per instance, each part of a multipart
    answer gets the cap and the time afresh when the boundary before it has arrived; bytes are
    counted since that boundary. Where the caller's own multipart reader finds the boundaries
    (`Bounds.parts_told`), it says so (`part_ended`) and the body is not searched twice.
    """

    def __init__(self, response: requests.Response, bounds: Bounds) -> None:
        self._response = response
        self._raw = response.raw
        self._bounds = bounds
        delimiter = _part_delimiter(response) if bounds.per_instance else None
        self._multipart = delimiter is not None    # the cap is then per part, not for the declared whole
        self.parts_told = bounds.parts_told and self._multipart
        self._delimiter = None if self.parts_told else delimiter
        self._left = bounds.seconds if bounds.per_instance else bounds.ends - clock.monotonic()
        self._size = 0          # bytes of the current part (or of the whole body)
        self._tail = b""        # the end of what was read, where a delimiter may have begun
        self._cut_off = False

    def refuse_if_declared_too_large(self) -> None:
        """A single part declared longer than the cap is refused before a byte of it is read."""
        declared = _declared_length(self._response)
        if not self._multipart and declared is not None and declared > self._bounds.max_bytes:
            raise self._fail(self._too_large())

    def stream(self, amt: int | None = CHUNK_SIZE, decode_content: bool | None = None) -> Iterator[bytes]:
        """Stands in for `raw.stream`: hands over whatever has arrived, at most `amt` bytes a step.

        urllib3 2's own `stream(amt)` waits for `amt` bytes (or the end), so an instance would
        wait for a chunk's worth of the next one, or for ever if the server paused between them.
        """
        while data := self._read_some(amt or CHUNK_SIZE, decode_content):
            yield data

    def read(self, up_to: int | None = None) -> bytes:
        """The whole body, or its first `up_to` bytes (the rest left unread)."""
        pieces: list[bytes] = []
        size = 0
        while (up_to is None or size < up_to) and \
                (data := self._read_some(CHUNK_SIZE if up_to is None else min(CHUNK_SIZE, up_to - size), True)):
            pieces.append(data)
            size += len(data)
        body = b"".join(pieces)
        return body if up_to is None else body[:up_to]

    def part_ended(self, beyond: int) -> None:
        """The reader found a part's end, `beyond` bytes before the end of what was read: the next
        part's size counts from there, and its time starts now."""
        self._size = beyond
        self._left = self._bounds.seconds

    def _read_some(self, amt: int, decode_content: bool | None) -> bytes:
        if self.parts_told and self._size > self._bounds.max_bytes:
            # checked before the next read: the last one may have held a part's end, told since
            raise self._fail(self._too_large())
        data = self._waiting(lambda: self._raw.read1(amt, decode_content=decode_content))
        self._count(data)
        return data

    def _waiting(self, read: Callable[[], bytes]) -> bytes:
        """`read()` with the watchdog armed for the time left; a cut or a stall is "did not send"."""
        if self._left <= 0:
            raise self._fail(self._late())
        started = clock.monotonic()
        handle = WATCHDOG.arm(started + self._left, self._cut)
        try:
            data = read()
        except ReadTimeoutError:
            raise self._fail(self._late()) from None
        except (HTTPError, OSError) as e:   # urllib3's wrapping of a broken connection, or of our cut
            # The request's own deadline (`answer_deadline`, the same instant for a whole body) may
            # cut the socket a moment before ours does: past it, a broken read is lateness too.
            late = self._cut_off or deadline_passed()
            raise self._fail(self._late() if late else self._broken(e)) from None
        finally:
            WATCHDOG.disarm(handle)
            self._left -= clock.monotonic() - started
        if self._cut_off:   # the cut can look like the end of the answer: it is not one
            raise self._fail(self._late())
        return data

    def _cut(self) -> None:
        """On the watchdog's thread: the time ran out while waiting; the blocked read returns now."""
        self._cut_off = True
        if hasattr(self._raw, "shutdown"):   # urllib3 >= 2.3; refuses once the connection is back in the pool
            self._raw.shutdown()
        else:
            sock = getattr(getattr(self._raw, "connection", None), "sock", None)
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)

    def _count(self, data: bytes) -> None:
        """Adds `data` to the current part's size; each delimiter in it starts a new part, time and all."""
        if self._delimiter is None:
            self._size += len(data)
        else:
            delimiter = self._delimiter
            keep = len(delimiter) - 1
            # A delimiter begun in the last chunk is looked for in its tail and this chunk's start
            # only: the chunk itself is searched where it lies, never copied (it may be a megabyte).
            joint = self._tail + data[:keep]
            at = joint.find(delimiter)
            if at >= 0:
                if self._size - len(self._tail) + at > self._bounds.max_bytes:
                    raise self._fail(self._too_large())
                start = at + len(delimiter) - len(self._tail)   # in `data`
                size = -start
                self._left = self._bounds.seconds
            else:
                start, size = 0, self._size
            while (at := data.find(delimiter, start)) >= 0:
                if size + at > self._bounds.max_bytes:
                    raise self._fail(self._too_large())
                start = at + len(delimiter)
                size = -start
                self._left = self._bounds.seconds
            self._size = size + len(data)
            self._tail = (self._tail + data)[-keep:] if len(data) < keep else data[-keep:]
        if self._size > self._bounds.max_bytes and not self.parts_told:
            raise self._fail(self._too_large())

    def _fail(self, error: DicomWebError) -> DicomWebError:
        """`error`, once the answer is closed: its connection is not to be used again."""
        self._response.close()
        return error

    def _late(self) -> DicomWebError:
        return DicomWebError(f"the DICOMweb server did not send {self._bounds.what} within {self._bounds.seconds:g} s",
                             timed_out=True)

    def _too_large(self) -> DicomWebError:
        return DicomWebError(f"the DICOMweb server sent more than {self._bounds.max_bytes / 2**20:g} MB for "
                             f"{self._bounds.what}; not read")

    def _broken(self, error: Exception) -> DicomWebError:
        return DicomWebError(f"the transfer of {self._bounds.what} broke off: {short(error)}")


def _part_delimiter(response: requests.Response) -> bytes | None:
    """What ends each part of a multipart answer (CRLF, "--", its boundary); None for a single part.

    Read as dicomweb-client reads it, so both see the same parts.
    """
    kind, *params = [p.strip() for p in response.headers.get("Content-Type", "").split(";")]
    if kind.lower() != "multipart/related":
        return None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "boundary" and value.strip('"'):
            return b"\r\n--" + value.strip('"').encode("utf-8")
    return None


def compressed(response: requests.Response) -> bool:
    """Whether the body is compressed on the wire (a Content-Encoding other than identity)."""
    return response.headers.get("Content-Encoding", "identity").strip().lower() != "identity"


def _declared_length(response: requests.Response) -> int | None:
    """The body's length as the headers declare it, when that is what reading it will give."""
    length = response.headers.get("Content-Length", "").strip()
    if not length.isdigit() or compressed(response):
        return None
    return int(length)
