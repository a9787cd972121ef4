"""The sign-in redirect listener among the other things that knock on a loopback port.

Browsers open spare connections, port scanners connect and say nothing, another local program
may send anything: the real redirect, an HTTP GET with our code and state, must still end the
sign-in, and nothing else may.
"""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
import requests

from app.platform.oauth import LoopbackRedirect, OAuthError, Pkce, TokenClient, authorization_url, discover
from app.sandbox.auth import DEMO_PASSWORD
from tests.helpers.browser import FormBrowser
from tests.helpers.servers import raw_exchange


@pytest.fixture
def redirect():
    listener = LoopbackRedirect()
    yield listener
    listener.close()


@pytest.fixture
def waiting(redirect):
    """`wait()` running as the sign-in worker runs it: its future gives the code or the error."""
    with ThreadPoolExecutor(1) as pool:
        yield pool.submit(redirect.wait, 30)
        redirect.close()


def _port(redirect: LoopbackRedirect) -> int:
    return redirect._server.server_address[1]


def _come_back(redirect: LoopbackRedirect, **params: str) -> requests.Response:
    """The browser following the authorization server's redirect."""
    return requests.get(f"{redirect.redirect_uri}?{urlencode(params)}", timeout=5)


def _idle(redirect: LoopbackRedirect, count: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", _port(redirect)), timeout=10) for _ in range(count)]


def _raw(redirect: LoopbackRedirect, data: bytes) -> bytes:
    """What the listener answers to these bytes, until it hangs up."""
    return raw_exchange(("127.0.0.1", _port(redirect)), data)


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def _refused(redirect: LoopbackRedirect) -> bool:
    try:
        socket.create_connection(("127.0.0.1", _port(redirect)), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def _result(future: Future, within: float) -> str:
    return future.result(timeout=within)


def test_listens_on_loopback_only(redirect):
    assert redirect._server.server_address[0] == "127.0.0.1"
    assert redirect.redirect_uri.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("idle, sends", [(1, b""), (20, b""), (20, b"GET /callback?state=x HTTP/1.1\r\nHo")])
def test_idle_connections_do_not_block_the_redirect(redirect, waiting, idle, sends):
    held = _idle(redirect, idle)
    try:
        for conn in held:
            conn.sendall(sends)   # nothing at all, or the start of a request never finished
        started = time.monotonic()
        answer = _come_back(redirect, code="the-code", state=redirect.state)
        assert answer.status_code == 200 and "Signed in" in answer.text
        assert _result(waiting, 2) == "the-code"
        assert time.monotonic() - started < 2
    finally:
        for conn in held:
            conn.close()
    assert _refused(redirect)


def test_idle_connections_cost_no_thread(redirect, waiting):
    before = threading.active_count()
    held = _idle(redirect, 20)
    try:
        time.sleep(0.3)
        assert threading.active_count() <= before + 1
    finally:
        for conn in held:
            conn.close()


def test_a_flood_of_idle_connections_hangs_up_the_oldest_and_the_redirect_gets_through(redirect, waiting):
    redirect._server.max_connections = 4
    held = _idle(redirect, 12)
    try:
        assert _come_back(redirect, code="c", state=redirect.state).status_code == 200
        assert _result(waiting, 2) == "c"
        assert held[0].recv(1) == b""   # hung up by the listener
    finally:
        for conn in held:
            conn.close()


def _hung_up(conn: socket.socket) -> bool:
    try:
        return conn.recv(65536) == b"" or conn.recv(65536) == b""   # perhaps a 400 first, then the end
    except ConnectionResetError:
        return True


@pytest.mark.parametrize("sends", [b"", b"GET /callback"])   # nothing; a request line never finished
def test_a_connection_is_hung_up_when_its_request_does_not_come_in_time(redirect, sends):
    assert LoopbackRedirect.CONNECTION_TIMEOUT == 5.0
    redirect._server.connection_timeout = 0.3
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", _port(redirect)), timeout=10) as conn:
        conn.sendall(sends)
        assert _hung_up(conn)
    assert 0.25 < time.monotonic() - started < 2


@pytest.mark.parametrize("request_bytes, status", [
    (b"GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n", 404),
    (b"GET /other?code=c&state=STATE HTTP/1.1\r\nHost: x\r\n\r\n", 404),
    (b"GET /callback?code=c&state=wrong HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /callback?code=c HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /callback?state=STATE HTTP/1.1\r\nHost: x\r\n\r\n", 400),     # neither code nor error
    (b"GET /callback?error=access_denied&state=wrong HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"HEAD /callback?code=c&state=STATE HTTP/1.1\r\nHost: x\r\n\r\n", 405),
    (b"POST /callback?code=c&state=STATE HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 405),
    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n", 400),           # a TLS hello, say
    (b"GET /callback\r\n\r\n", 400),                                                    # HTTP/0.9
    (b"GET /callback HTTP/1.1\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    (b"GET /callback?" + b"a" * 10_000 + b" HTTP/1.1\r\n\r\n", 414),
    (b"GET /callback HTTP/1.1\r\n" + b"X-Many: a\r\n" * 2_000 + b"\r\n", 431),
])
def test_stray_requests_get_a_4xx_and_the_sign_in_still_completes(redirect, waiting, request_bytes, status):
    answer = _raw(redirect, request_bytes.replace(b"STATE", redirect.state.encode()))
    assert _status(answer) == status, answer[:200]
    assert b"Connection: close" in answer
    assert not waiting.done()
    assert _come_back(redirect, code="c", state=redirect.state).status_code == 200
    assert _result(waiting, 2) == "c"


def test_many_stray_requests_at_once_then_the_redirect(redirect, waiting):
    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda i: _raw(redirect, f"GET /favicon.ico?{i} HTTP/1.1\r\n\r\n".encode()),
                                range(40)))
    assert {_status(a) for a in answers} <= {404, 503} and 404 in {_status(a) for a in answers}
    assert _come_back(redirect, code="c", state=redirect.state).status_code == 200
    assert _result(waiting, 2) == "c"


def test_an_error_with_our_state_ends_the_sign_in(redirect, waiting):
    answer = _come_back(redirect, error="access_denied", error_description="用户拒绝", state=redirect.state)
    assert answer.status_code == 200 and "Not signed in" in answer.text
    with pytest.raises(OAuthError, match="用户拒绝") as refused:
        _result(waiting, 2)
    assert refused.value.error == "access_denied"
    assert _refused(redirect)


def test_the_listener_is_closed_on_timeout_and_on_cancel():
    late = LoopbackRedirect()
    with pytest.raises(OAuthError, match="in time"):
        late.wait(0.2)
    assert _refused(late)

    cancelled = threading.Event()
    gone = LoopbackRedirect()
    threading.Timer(0.2, cancelled.set).start()
    with pytest.raises(OAuthError, match="cancelled"):
        gone.wait(30, cancelled)
    assert _refused(gone)

    never_waited = LoopbackRedirect()
    held = _idle(never_waited, 3)
    never_waited.close()
    never_waited.close()   # idempotent
    assert _refused(never_waited)
    assert all(_hung_up(conn) for conn in held)   # hung up, not left to time out
    for conn in held:
        conn.close()


def test_close_from_another_thread_ends_a_waiting_sign_in(redirect):
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(redirect.wait, 30)
        time.sleep(0.2)
        redirect.close()
        with pytest.raises(OAuthError, match="cancelled"):
            _result(waiting, 1)
    assert _refused(redirect)


def test_the_whole_browser_sign_in_with_idle_connections_open(secured_platform):
    """Over real HTTP as the window does it: discovery, the login form, the redirect, the code redeemed."""
    with requests.Session() as http:
        info = discover(secured_platform.fhir_base, http)
        pkce, redirect = Pkce.new(), LoopbackRedirect()
        held = _idle(redirect, 20)
        try:
            url = authorization_url(info, "huren-workstation", redirect.redirect_uri, redirect.state, pkce)
            browser = FormBrowser("SL0107", DEMO_PASSWORD, background=True)
            browser.open(url)
            code = redirect.wait(10)
        finally:
            for conn in held:
                conn.close()
        deadline = time.monotonic() + 5
        while len(browser.statuses) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)   # the browser reads the page after the listener has the code
        assert browser.statuses == [200, 302, 200]
        tokens = TokenClient(info, "huren-workstation", http).redeem_code(code, pkce, redirect.redirect_uri)
        assert tokens.practitioner_id and tokens.access_token
        assert _refused(redirect)
