"""A bounded HTTP server for loopback listeners: idle connections cost no thread, workers are few.

The core (`BoundedHTTPServer`) is what both local listeners stand on, the CDS Hooks service
and the sign-in redirect (app.platform.oauth). A thread per connection lets any local process
hold threads with idle connections, and one thread for all lets one idle connection block
everybody; so here the serving thread reads every connection's request head itself, without
blocking, and a connection costs a file descriptor and no thread until its head is all there.
Only then does it go to a small pool of workers, and when the workers and the short queue
before them are all taken, the request gets an immediate 503 with Retry-After instead of a
place in an unbounded queue. A connection whose head is not all there `connection_timeout`
seconds after it was accepted is hung up (idle or dripping alike), a body not read within
`connection_timeout` of the head is cut off, and when too many connections wait the oldest is
hung up, so that a flood of idle or dripping connections cannot lock a real client out. Each
connection carries one request (`Connection: close`), and is closed lingering: our side is
shut for writing, and what the client still sends is read and dropped for a moment, so that a
client still sending a body we refused reads our answer, not a reset.
"""


from __future__ import annotations

import http.client
import io
import logging
import re
import selectors
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from queue import Empty, SimpleQueue
from typing import Any

log = logging.getLogger("huren.service")


@dataclass
class _Waiting:
    """A connection the serving thread holds: its request head coming in, or answered and lingering."""

    since: float
    address: Any
    lingering: bool = False
    drained: int = 0
    head: bytearray = field(default_factory=bytearray)


_REQUEST_LINE = re.compile(rb"[A-Z]+ [^ ]+ HTTP/1\.[0-9]\r?\n")


def _head_complete(head: bytearray, line_limit: int) -> bool:
    """Enough of the request is here for a worker to answer it without waiting on the client."""
    end_of_line = head.find(b"\n")
    if end_of_line < 0:
        return len(head) > line_limit                            # 414 without waiting for more
    if not _REQUEST_LINE.fullmatch(head[:end_of_line + 1]):
        return True                                              # 400 without waiting for more
    return head.find(b"\n\r\n") >= 0 or head.find(b"\n\n") >= 0   # the blank line after the headers


class BoundedHTTPServer(HTTPServer):
    """An HTTP server whose idle connections cost no thread and whose workers are bounded.

    `start()` runs it on a thread of its own, `stop()` stops it and closes every connection it
    holds and the worker pool (in-flight requests get a few seconds to finish).
    """

    request_queue_size = 128          # the kernel's accept queue: a burst waits there, not in a SYN retry
    linger_time = 2.0                 # how long an answered connection is drained before it is closed
    linger_bytes = 16 * 1024 * 1024   # and at most how much of what it still sends

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], *, workers: int,
                 backlog: int, max_connections: int, timeout: float, name: str) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__((address[0].strip("[]"), address[1]), handler)
        self.connection_timeout = timeout
        self.max_connections = max_connections
        self.name = name
        self._slots = threading.BoundedSemaphore(workers + backlog)
        self._capacity = workers + backlog
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix=name)
        self._waiting: dict[socket.socket, _Waiting] = {}            # the serving thread's only
        self._reading: dict[socket.socket, float] = {}               # deadlines, under _lock
        self._heads: dict[socket.socket, bytes] = {}                 # read by the serving thread, under _lock
        self._line_limit = getattr(handler, "max_request_line", 8 * 1024)
        self._head_limit = getattr(handler, "max_head", 64 * 1024)
        self._answered: SimpleQueue[socket.socket] = SimpleQueue()   # from workers, to be closed lingering
        self._lock = threading.Lock()
        self._closed = False                                          # under _lock
        self._stop = threading.Event()
        self._stop_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def server_bind(self) -> None:
        # HTTPServer's own looks the address up in DNS (getfqdn), which can take seconds.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        assert isinstance(host, str)   # server_bind set it from getsockname(): an IP socket's host is a str
        self.server_name, self.server_port = host, port

    def start(self) -> BoundedHTTPServer:
        self._thread = threading.Thread(target=self.serve_forever, name=self.name, daemon=True)
        self._thread.start()
        return self

    def stop(self, wait: float = 5.0) -> None:
        """Idempotent and safe from any thread but a worker of this server."""
        with self._stop_lock:
            if self._stop.is_set():
                return
            self._stop.set()
            if self._thread is not None:
                self._thread.join(wait)
            else:
                self._close_held()
            self.server_close()   # from here on a connection attempt is refused
            self._pool.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + wait
            for _ in range(self._capacity):   # every slot back: the workers are done
                if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
                    log.warning("%s: a request was still being answered when the server stopped", self.name)
                    break

    def shutdown(self) -> None:
        self.stop()

    def serve_forever(self, poll_interval: float = 0.05) -> None:
        self.socket.setblocking(False)
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            try:
                while not self._stop.is_set():
                    try:
                        self._serve_once(selector, poll_interval)
                    except Exception:  # noqa: BLE001 - a bug here must not stop the service for good
                        log.exception("%s: serving failed", self.name)
                        time.sleep(poll_interval)
            finally:
                self._close_held()

    def _serve_once(self, selector: selectors.BaseSelector, poll_interval: float) -> None:
        for key, _ in selector.select(poll_interval):
            if key.fileobj is self.socket:
                self._accept(selector)
            else:
                self._readable(selector, key.fileobj)   # type: ignore[arg-type]
        self._take_answered(selector)
        self._expire(selector, time.monotonic())

    def take_head(self, connection: socket.socket) -> bytes:
        """What the serving thread has read of this connection's request (for its handler)."""
        with self._lock:
            return self._heads.pop(connection, b"")

    def request_read(self, connection: socket.socket) -> None:
        """The handler has read all of its request: no deadline from here on but its socket timeout."""
        with self._lock:
            self._reading.pop(connection, None)

    def busy_response(self) -> bytes:
        """The whole answer to a request that finds every worker and queue place taken."""
        make = getattr(self.RequestHandlerClass, "busy_response", None)
        return make() if make is not None else raw_response(503, "text/plain; charset=utf-8",
                                                           b"busy; try again in a moment", (("Retry-After", "1"),))

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):   # the client went away or was too slow: nothing to fix here
            log.debug("%s: connection ended: %s", self.name, type(error).__name__)
        else:
            log.exception("%s: a request failed", self.name)

    # -- the serving thread ---------------------------------------------------------------

    def _accept(self, selector: selectors.BaseSelector) -> None:
        while True:
            try:
                connection, address = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as e:   # out of descriptors, say: what waits will expire
                log.warning("%s: cannot accept a connection: %s", self.name, e)
                return
            connection.setblocking(False)
            while len(self._waiting) >= self.max_connections:
                self._drop(selector, next(iter(self._waiting)))   # the oldest
            self._waiting[connection] = _Waiting(time.monotonic(), address)
            selector.register(connection, selectors.EVENT_READ)

    def _readable(self, selector: selectors.BaseSelector, connection: socket.socket) -> None:
        held = self._waiting.get(connection)
        if held is None:   # dropped earlier in the same round (the oldest, to make room)
            return
        if held.lingering:
            try:
                data = connection.recv(256 * 1024)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                data = b""
            held.drained += len(data)
            if not data or held.drained > self.linger_bytes:
                self._drop(selector, connection)
            return
        try:
            data = connection.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data and not held.head:   # connected and went away (a port scan)
            self._drop(selector, connection)
            return
        held.head += data
        if data and len(held.head) <= self._head_limit and not _head_complete(held.head, self._line_limit):
            return
        # The head is here (or too long, or the client stopped sending): a worker answers it.
        selector.unregister(connection)
        del self._waiting[connection]
        if not self._slots.acquire(blocking=False):
            log.info("%s: busy, a request was answered 503", self.name)
            try:
                connection.send(self.busy_response())   # a fresh socket's buffer takes it whole
            except OSError:
                connection.close()
                return
            self._linger(selector, connection, held.address)
            return
        with self._lock:
            self._reading[connection] = time.monotonic() + self.connection_timeout
            self._heads[connection] = bytes(held.head)
        future = self._pool.submit(self._work, connection, held.address)
        future.add_done_callback(partial(self._worked, connection))

    def _take_answered(self, selector: selectors.BaseSelector) -> None:
        while True:
            try:
                connection = self._answered.get_nowait()
            except Empty:
                return
            try:
                connection.setblocking(False)
            except OSError:
                connection.close()
                continue
            while len(self._waiting) >= self.max_connections:
                self._drop(selector, next(iter(self._waiting)))
            self._linger(selector, connection, None)

    def _linger(self, selector: selectors.BaseSelector, connection: socket.socket, address: Any) -> None:
        try:
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            connection.close()
            return
        self._waiting[connection] = _Waiting(time.monotonic(), address, lingering=True)
        selector.register(connection, selectors.EVENT_READ)

    def _expire(self, selector: selectors.BaseSelector, now: float) -> None:
        for connection, held in list(self._waiting.items()):
            if now - held.since > (self.linger_time if held.lingering else self.connection_timeout):
                self._drop(selector, connection)
        with self._lock:
            late = [c for c, deadline in self._reading.items() if deadline < now]
            for connection in late:   # too slow a request: its worker's next read ends it
                del self._reading[connection]
                _cut(connection)

    def _drop(self, selector: selectors.BaseSelector, connection: socket.socket) -> None:
        selector.unregister(connection)
        del self._waiting[connection]
        connection.close()

    def _close_held(self) -> None:
        with self._lock:
            self._closed = True
            for connection in self._reading:
                _cut(connection)
            self._reading.clear()
            self._heads.clear()
        for connection in list(self._waiting):
            connection.close()
        self._waiting.clear()
        while True:
            try:
                self._answered.get_nowait().close()
            except Empty:
                break

    # -- the workers ----------------------------------------------------------------------

    def _work(self, connection: socket.socket, address: Any) -> None:
        try:
            connection.settimeout(self.connection_timeout)
            self.finish_request(connection, address)
        except Exception:  # noqa: BLE001 - one request's failure must not end the worker
            self.handle_error(connection, address)
        finally:
            self.request_read(connection)
            with self._lock:
                closed = self._closed
                if not closed:
                    self._answered.put(connection)
            if closed:
                connection.close()

    def _worked(self, connection: socket.socket, future: Future) -> None:
        if future.cancelled():   # stopped before a worker took it
            self.take_head(connection)
            connection.close()
        self._slots.release()


def _cut(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _AfterHead(io.RawIOBase):
    """A connection's bytes, starting with the head the serving thread has already read."""

    def __init__(self, head: bytes, connection: socket.socket) -> None:
        self._head, self._connection = memoryview(head), connection

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return self._connection.recv_into(buffer)


class _HeadReader(io.BufferedIOBase):
    """Reads the request head for http.server, `limit` bytes in all; beyond that, 431."""

    def __init__(self, raw: io.BufferedIOBase, limit: int) -> None:
        super().__init__()
        self._raw, self._left = raw, limit

    def readline(self, size: int | None = -1) -> bytes:
        cap = self._left + 1 if size is None or size < 0 else min(size, self._left + 1)
        line = self._raw.readline(cap)
        self._left -= len(line)
        if self._left < 0:
            raise http.client.LineTooLong("request head")
        return line


def raw_response(status: int, content_type: str, body: bytes, headers: Iterable[tuple[str, str]] = ()) -> bytes:
    """A whole HTTP/1.1 answer as bytes, for writing where there is no handler."""
    lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", f"Content-Type: {content_type}",
             f"Content-Length: {len(body)}", "Cache-Control: no-store", "Connection: close",
             *(f"{k}: {v}" for k, v in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class OneRequestHandler(BaseHTTPRequestHandler):
    """One request per connection, its head bounded; a method without `do_X` is a 405.

    Error answers go through `error_body`, which a subclass makes JSON or HTML.
    """

    protocol_version = "HTTP/1.1"
    max_request_line = 8 * 1024
    max_head = 32 * 1024   # request line and headers together
    server: BoundedHTTPServer

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.connection_timeout)   # each read and write
        self.rfile.close()   # the request starts with what the serving thread has read
        self.rfile = io.BufferedReader(_AfterHead(self.server.take_head(self.connection), self.connection))

    def handle(self) -> None:
        self.close_connection = True
        self.handle_one_request()

    def handle_one_request(self) -> None:
        raw = self.rfile
        self.rfile = _HeadReader(raw, self.max_head)
        try:
            self.raw_requestline = self.rfile.readline(self.max_request_line + 1)
            if not self.raw_requestline:
                return
            if len(self.raw_requestline) > self.max_request_line:
                self.requestline, self.request_version, self.command = "", "HTTP/1.0", ""
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG, "the request line is too long")
                return
            if not self.parse_request():
                return
        except http.client.LineTooLong:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "the request head is too large")
            return
        finally:
            self.rfile = raw
        self.close_connection = True
        if not self._declares_body():
            self.server.request_read(self.connection)
        method = getattr(self, "do_" + self.command, None)
        if method is None:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not allowed here")
            return
        method()
        self.wfile.flush()

    def parse_request(self) -> bool:
        words = str(self.raw_requestline, "iso-8859-1").split()
        if len(words) != 3 or not words[2].startswith("HTTP/1."):
            # Not HTTP/1.x (garbage, a TLS hello, HTTP/0.9): http.server would answer without a status line.
            self.requestline, self.request_version, self.command = "", "HTTP/1.0", ""
            self.send_error(HTTPStatus.BAD_REQUEST, "not an HTTP/1.x request")
            return False
        return super().parse_request()

    def _declares_body(self) -> bool:
        return "Content-Length" in self.headers or "Transfer-Encoding" in self.headers

    def allowed_methods(self) -> str:
        return ", ".join(sorted(name[3:] for name in dir(self) if name.startswith("do_")))

    def send_answer(self, status: int, content_type: str, body: bytes,
                    headers: Iterable[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        headers = (("Allow", self.allowed_methods()),) if code == HTTPStatus.METHOD_NOT_ALLOWED else ()
        self.send_answer(code, *self.error_body(code, message or HTTPStatus(code).phrase), headers)

    def error_body(self, status: int, message: str) -> tuple[str, bytes]:
        return "text/plain; charset=utf-8", f"{status} {message}\n".encode()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class name
        """Silenced: http.server would print the full path with its query to stderr."""


# --- the JSON server ---------------------------------------------------------------------


