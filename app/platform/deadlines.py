"""A wall-clock deadline for an answer's status line and headers, not only its body.

requests' read timeout restarts with every byte received, so a server that drips its headers
one byte a second holds `Session.request` for as long as it likes (http.client accepts
100 header lines of 64 KB each). The body is read by the FHIR client against its own deadline;
this module bounds what comes before it, and reads a body against the same deadline
(`read_bounded`) for every client of the platform (FHIR, sign-in).

`answer_deadline(ends)` marks the requests made in its block (same thread); the connections
made by `DeadlineAdapter` arm one shared watchdog thread when they start waiting for the
answer, until the block ends, and past `ends` it shuts the socket down: the read fails at
once and the caller reports "no answer within N s". One thread for the whole process, not a
timer per request.
"""

from __future__ import annotations

import heapq
import itertools
import math
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError, ReadTimeoutError

_ends: ContextVar[float | None] = ContextVar("huren_answer_deadline", default=None)
_armed: ContextVar[list[int] | None] = ContextVar("huren_answer_watchdogs", default=None)


@contextmanager
def answer_deadline(ends: float) -> Iterator[None]:
    """Requests in this block must be done by `ends` (time.monotonic()), or their socket is shut.

    Armed when a connection starts waiting for its answer and disarmed when the block ends, so
    it also bounds what happens in between without a deadline of its own: urllib3 draining a
    503 before a retry, requests consuming a redirect's body, a chunked body whose size lines
    drip. The caller reads the body inside the block.
    """
    armed: list[int] = []
    tokens = _ends.set(ends), _armed.set(armed)
    try:
        yield
    finally:
        for handle in armed:
            WATCHDOG.disarm(handle)
        _ends.reset(tokens[0])
        _armed.reset(tokens[1])


def deadline_passed() -> bool:
    ends = _ends.get()
    return ends is not None and time.monotonic() >= ends


class Watchdog:
    """Calls each armed callback once its time has come, unless disarmed first; one daemon thread."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._live: set[int] = set()
        self._ids = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        #: When the thread wakes next by itself (infinity: only when notified).
        self._until = math.inf

    def arm(self, when: float, callback: Callable[[], None]) -> int:
        """`callback` called at `when` (time.monotonic()) unless `disarm`ed first; a handle for that.

        The thread is woken only when `when` comes before the time it already waits for:
        a reading thread arms and disarms for each read of a series (thousands a second), and
        waking a thread costs the waker a system call with the interpreter lock held."""
        with self._wake:
            if len(self._heap) > 2 * len(self._live) + 64:    # mostly disarmed ones: as asyncio does
                self._heap = [entry for entry in self._heap if entry[1] in self._live]
                heapq.heapify(self._heap)
            handle = next(self._ids)
            heapq.heappush(self._heap, (when, handle, callback))
            self._live.add(handle)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="huren-deadlines", daemon=True)
                self._thread.start()
            if when < self._until:
                self._until = when
                self._wake.notify()
            return handle

    def disarm(self, handle: int) -> None:
        with self._wake:
            self._live.discard(handle)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._heap and self._heap[0][1] not in self._live:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._until = math.inf
                    self._wake.wait()
                    continue
                when, handle, callback = self._heap[0]
                wait = when - time.monotonic()
                if wait > 0:
                    self._until = when
                    self._wake.wait(wait)
                    continue
                heapq.heappop(self._heap)
                self._live.discard(handle)
            try:
                callback()
            except Exception:  # noqa: BLE001, S110 - a socket already gone is what we wanted
                pass


WATCHDOG = Watchdog()


class _Watched:
    """Mixin for urllib3 connections: from the wait for the answer on, the caller's deadline holds."""

    sock: socket.socket | None

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        ends, armed = _ends.get(), _armed.get()
        if ends is None or armed is None:
            return super().getresponse(*args, **kwargs)  # type: ignore[misc]
        cut = threading.Event()
        armed.append(WATCHDOG.arm(ends, lambda: self._cut(cut)))   # until the caller's block ends
        response = super().getresponse(*args, **kwargs)  # type: ignore[misc]
        if cut.is_set():   # what arrived before the cut can look like a whole answer: it is not one
            response.close()
            raise ReadTimeoutError(None, "", "no status line and headers by the deadline")  # type: ignore[arg-type]
        return response

    def _cut(self, cut: threading.Event) -> None:
        cut.set()
        sock = self.sock
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)


class _WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections (direct or through an HTTP proxy) honour `answer_deadline`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = _POOLS
        return manager


class TooLarge(Exception):
    """The answer's body passed the size cap; it was not read to its end."""


def read_bounded(response: requests.Response, max_bytes: int, ends: float, *, cut: bool = False) -> bytes:
    """A streamed answer's whole body by `ends`, at most `max_bytes` of it.

    Past the cap: TooLarge, or with `cut` the first max_bytes + 1 bytes for the caller to
    judge. Past the deadline (or a read timeout): TimeoutError. A broken connection: OSError.
    Each chunk is checked against the deadline as it comes; a stalled read still waits one
    read timeout at most.
    """
    body = bytearray()
    try:
        while chunk := _read_some(response):
            body += chunk
            if len(body) > max_bytes:
                if cut:
                    return bytes(body[:max_bytes + 1])
                raise TooLarge(f"larger than {max_bytes // (1024 * 1024)} MB")
            if time.monotonic() > ends:
                raise TimeoutError("the answer did not come whole in time")
    except ReadTimeoutError:
        raise TimeoutError("no answer in time") from None
    except HTTPError as e:
        raise ConnectionError(str(e)) from None
    return bytes(body)


def _read_some(response: requests.Response) -> bytes:
    """What has arrived, up to 64 kB: `read1`, since urllib3's `read(n)` waits for all n bytes
    (a dripping server would then be checked against the deadline only at the very end)."""
    return response.raw.read1(64 * 1024, decode_content=True)
