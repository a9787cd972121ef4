"""The loopback JSON server under load and abuse: idle connections, floods, odd requests.

A route of our own stands in for the CDS Hooks service (tests/services/test_cds_hooks.py calls
the real one), so that slowness and failures can be ordered up.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from app.platform.loopback_server import MAX_BODY, LoopbackJsonServer
from tests.helpers.servers import raw_exchange

SECRET = "s3cret-for-the-his-0123"
AUTH = {"Authorization": f"Bearer {SECRET}"}


def _route(method: str, path: str, body: object) -> tuple[int, object]:
    if path.startswith("/slow/"):
        time.sleep(float(path.split("?")[0].rsplit("/", 1)[1]))
    if path == "/fail":
        raise RuntimeError("patient 123 broke it")   # must not reach the client
    if path == "/unserializable":
        return 200, {"x": object()}
    return 200, {"method": method, "path": path, "body": body}


@pytest.fixture
def server():
    with LoopbackJsonServer(_route, SECRET) as running:
        yield running


def _address(server: LoopbackJsonServer) -> tuple[str, int]:
    host, port = server.url.split("//")[1].split(":")
    return host, int(port)


def _raw(server: LoopbackJsonServer, data: bytes) -> bytes:
    return raw_exchange(_address(server), data)


def _status_and_json(answer: bytes) -> tuple[int, dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"Content-Type: application/json" in head, head
    return int(head.split(b" ", 2)[1]), json.loads(body)


def _hung_up(conn: socket.socket) -> bool:
    try:
        return conn.recv(65536) == b"" or conn.recv(65536) == b""
    except ConnectionResetError:
        return True


def test_a_request_is_answered(server):
    answer = requests.post(server.url + "/x", json={"a": 1}, headers=AUTH, timeout=10)
    assert answer.status_code == 200 and answer.json() == {"method": "POST", "path": "/x", "body": {"a": 1}}
    assert answer.headers["Connection"] == "close"


def test_idle_connections_hold_no_thread_and_a_request_still_gets_through(server):
    baseline = threading.active_count()
    idle = [socket.create_connection(_address(server), timeout=30) for _ in range(50)]
    try:
        time.sleep(0.3)
        assert threading.active_count() <= baseline + 2
        started = time.monotonic()
        assert requests.get(server.url + "/y", headers=AUTH, timeout=10).status_code == 200
        assert time.monotonic() - started < 2
        assert threading.active_count() <= baseline + 8 + 2   # the pool, never a thread per connection
    finally:
        for conn in idle:
            conn.close()


def test_connections_dripping_their_heads_hold_no_worker():
    """A request head is read by the serving thread: only a whole one takes a worker."""
    with LoopbackJsonServer(_route, SECRET, workers=1, backlog=0) as small:
        dripping = [socket.create_connection(_address(small), timeout=30) for _ in range(30)]
        try:
            for conn in dripping:
                conn.sendall(b"POST /x HTTP/1.1\r\nAuthorization: Bea")
            time.sleep(0.2)
            assert requests.get(small.url + "/y", headers=AUTH, timeout=10).status_code == 200
        finally:
            for conn in dripping:
                conn.close()


@pytest.mark.parametrize("sends", [b"", b"POST /x HTTP/1.1\r\nContent-Le"])   # nothing; a dripped head
def test_a_connection_is_hung_up_when_its_request_does_not_come_in_time(server, sends):
    assert server.timeout == 10.0
    server.timeout = 0.5
    started = time.monotonic()
    with socket.create_connection(_address(server), timeout=10) as conn:
        conn.sendall(sends)
        assert _hung_up(conn)
    assert 0.4 < time.monotonic() - started < 3


def test_a_body_that_never_ends_is_cut_off(server):
    server.timeout = 0.5
    started = time.monotonic()
    with socket.create_connection(_address(server), timeout=10) as conn:
        conn.sendall(b"POST /x HTTP/1.1\r\nAuthorization: Bearer " + SECRET.encode()
                     + b"\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
        for _ in range(20):   # a byte now and then, each well within the per-read timeout
            time.sleep(0.1)
            try:
                conn.sendall(b" ")
            except OSError:
                break
        assert _hung_up(conn)
    assert time.monotonic() - started < 4


def test_when_every_worker_is_taken_a_request_gets_503_at_once():
    with LoopbackJsonServer(_route, SECRET, workers=1, backlog=0) as small:
        with ThreadPoolExecutor(1) as pool:
            slow = pool.submit(requests.get, small.url + "/slow/1", headers=AUTH, timeout=10)
            time.sleep(0.3)
            started = time.monotonic()
            busy = requests.post(small.url + "/x", json={"a": 1}, headers=AUTH, timeout=10)
            assert busy.status_code == 503 and busy.headers["Retry-After"] == "1"
            assert "busy" in busy.json()["error"] and time.monotonic() - started < 0.5
            assert slow.result().status_code == 200
        assert requests.get(small.url + "/z", headers=AUTH, timeout=10).status_code == 200


def test_a_burst_of_requests_is_answered_200_or_503_and_none_dropped(server):
    def call(i: int) -> int:
        return requests.post(server.url + f"/slow/0.05?{i}", json={"i": i}, headers=AUTH, timeout=30).status_code

    with ThreadPoolExecutor(100) as pool:
        statuses = list(pool.map(call, range(100)))
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 8
    assert requests.get(server.url + "/after", headers=AUTH, timeout=10).status_code == 200


def test_a_flood_of_idle_connections_hangs_up_the_oldest(server):
    server._http.max_connections = 5
    idle = [socket.create_connection(_address(server), timeout=10) for _ in range(12)]
    try:
        assert requests.get(server.url + "/y", headers=AUTH, timeout=10).status_code == 200
        assert _hung_up(idle[0])
    finally:
        for conn in idle:
            conn.close()


def _post(server, headers, body=b"{}"):
    return requests.post(server.url + "/x", data=body, headers={**AUTH, **headers}, timeout=10)


def test_a_body_over_the_limit_is_refused_unread_with_413(server):
    answer = _post(server, {"Content-Type": "application/json"}, b" " * (MAX_BODY + 1))
    assert answer.status_code == 413 and "too large" in answer.json()["error"]
    assert MAX_BODY == 1024 * 1024
    head = (f"POST /x HTTP/1.1\r\nAuthorization: Bearer {SECRET}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {50 * MAX_BODY}\r\n\r\n").encode()
    status, answer = _status_and_json(_raw(server, head))   # the head alone is enough to say no
    assert status == 413 and "too large" in answer["error"]


def test_a_post_without_a_length_gets_411(server):
    head = f"POST /x HTTP/1.1\r\nAuthorization: Bearer {SECRET}\r\nContent-Type: application/json\r\n\r\n"
    status, answer = _status_and_json(_raw(server, head.encode()))
    assert status == 411 and "Content-Length" in answer["error"]
    chunked = _post(server, {"Content-Type": "application/json"}, iter([b"{", b"}"]))   # requests sends it chunked
    assert chunked.status_code == 411 and "chunked" in chunked.json()["error"]


@pytest.mark.parametrize("content_type", ["", "text/plain", "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_by_its_type_gets_415(server, content_type):
    answer = _post(server, {"Content-Type": content_type} if content_type else {})
    assert answer.status_code == 415 and "application/json" in answer.json()["error"]


def test_json_types_with_parameters_are_accepted(server):
    for content_type in ("application/json; charset=utf-8", "application/fhir+json"):
        assert _post(server, {"Content-Type": content_type}, b'{"a": 1}').json()["body"] == {"a": 1}


@pytest.mark.parametrize("request_bytes, status", [
    (b"\x16\x03\x01\x02\x00\x01\x00garbage\r\n\r\n", 400),
    (b"GET /x\r\n\r\n", 400),
    (b"GET /x HTTP/1.1\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    (b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\n\r\n", 414),
    (b"PATCH /x HTTP/1.1\r\nAuthorization: Bearer " + SECRET.encode() + b"\r\n\r\n", 405),
    (b"POST /x HTTP/1.1\r\nAuthorization: Bearer " + SECRET.encode() + b"\r\nContent-Length: 1\r\n"
     b"Content-Length: 2\r\n\r\n{", 400),
    (b"POST /x HTTP/1.1\r\nAuthorization: Bearer " + SECRET.encode() + b"\r\nContent-Length: -1\r\n\r\n", 400),
    (b"POST /x HTTP/1.1\r\nAuthorization: Bearer " + SECRET.encode() + b"\r\nContent-Type: application/json"
     b"\r\nContent-Length: 10\r\n\r\n{", 400),   # the body ends before its length
])
def test_malformed_requests_get_a_4xx_with_a_json_message(server, request_bytes, status):
    if status == 400 and b"Content-Length: 10" in request_bytes:
        with socket.create_connection(_address(server), timeout=10) as conn:
            conn.sendall(request_bytes)
            conn.shutdown(socket.SHUT_WR)   # the client gives up sending
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
    else:
        answer = _raw(server, request_bytes)
    code, body = _status_and_json(answer)
    assert code == status and body["error"]
    assert requests.get(server.url + "/still-there", headers=AUTH, timeout=10).status_code == 200


def test_an_exception_in_a_route_is_a_500_with_a_generic_message_and_logged(server, caplog):
    with caplog.at_level(logging.ERROR, logger="huren.service"):
        for path in ("/fail", "/unserializable"):
            answer = requests.get(server.url + path, headers=AUTH, timeout=10)
            assert answer.status_code == 500 and answer.json() == {"error": "internal error; see the workstation's log"}
    assert "patient 123" not in answer.text
    assert [r.exc_info is not None for r in caplog.records if r.name == "huren.service"] == [True, True]


def test_stop_closes_the_listener_the_connections_and_the_pool():
    before = threading.active_count()
    server = LoopbackJsonServer(_route, SECRET).start()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: requests.get(server.url + f"/{i}", headers=AUTH, timeout=10), range(16)))
    idle = socket.create_connection(_address(server), timeout=10)
    server.stop()
    server.stop()   # idempotent
    assert _hung_up(idle)
    idle.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(_address(server), timeout=2)
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threading.active_count() <= before


def test_100_continue_is_said_only_when_the_body_is_wanted(server):
    head = (f"POST /x HTTP/1.1\r\nAuthorization: Bearer {SECRET}\r\nContent-Type: application/json\r\n"
            "Expect: 100-continue\r\nContent-Length: {n}\r\n\r\n")
    refused = _raw(server, head.format(n=2 * MAX_BODY).encode())
    assert refused.startswith(b"HTTP/1.1 413 ")   # no 100 first: the client need not send the body
    with socket.create_connection(_address(server), timeout=10) as conn:
        conn.sendall(head.format(n=8).encode())
        assert conn.recv(65536) == b"HTTP/1.1 100 Continue\r\n\r\n"
        conn.sendall(b'{"a": 1}')
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    status, body = _status_and_json(answer)
    assert status == 200 and body["body"] == {"a": 1}


def test_the_ipv6_loopback_works_too():
    try:
        server = LoopbackJsonServer(_route, SECRET, host="::1").start()
    except OSError:
        pytest.skip("no IPv6 loopback here")
    try:
        assert server.url.startswith("http://[::1]:")
        assert requests.get(server.url + "/six", headers=AUTH, timeout=10).json()["path"] == "/six"
    finally:
        server.stop()
