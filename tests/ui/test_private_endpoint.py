"""The single-instance endpoint is this user's alone: another local account can neither plant nor reach it.

Run as root (CI is), these tests play the other account with uid 65534 (nobody) in child processes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.launch import LaunchRequest
from app.private_files import NotPrivate
from app.ui.single_instance import InstanceServer, hand_over, private_dir, server_name

NOBODY = 65534
needs_root = pytest.mark.skipif(os.name == "nt" or os.geteuid() != 0,
                                reason="playing another local account needs root (CI runs as root)")


@pytest.fixture
def runtime(monkeypatch):
    """A runtime base like /tmp (anyone may create names in it), reachable by the other account."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="huren-run-"))
    os.chmod(base, 0o1777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(base))
    yield base
    shutil.rmtree(base, ignore_errors=True)


def test_the_endpoint_lives_in_a_dir_only_this_user_may_enter(runtime):
    folder = private_dir()
    info = os.stat(folder)
    assert folder.parent == runtime and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700
    assert server_name().startswith(str(folder) + os.sep)


def test_a_too_open_dir_of_ours_is_closed_again(runtime):
    folder = runtime / f"huren-{os.getuid()}"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    assert private_dir() == folder and stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def _as_nobody(action) -> str:
    """Run `action()` in a forked child as uid/gid 65534; its return value (a short text) comes back.

    Forked, not a new interpreter: the other account may not even execute our Python (it lives
    under root's home), and the child only makes system calls before it exits.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:   # the child: drop to the other account, act, report, leave without cleanup
        try:
            os.close(read_end)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            text = str(action())
        except BaseException as e:  # noqa: BLE001 - reported to the parent as text
            text = type(e).__name__
        os.write(write_end, text.encode()[:200])
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    return text


@needs_root
def test_a_dir_planted_by_another_account_is_refused_and_gets_nothing(runtime, qtbot):
    planted = runtime / f"huren-{os.getuid()}"
    assert _as_nobody(lambda: (os.mkdir(planted, 0o777), os.chmod(planted, 0o777), "made")[-1]) == "made"
    with pytest.raises(NotPrivate, match="another user"):
        private_dir()
    assert hand_over(LaunchRequest("370102196803152710"), timeout_ms=300) is False   # nothing handed over
    server = InstanceServer()
    assert not server.listening            # and nothing listens where the other account could reach
    assert os.listdir(planted) == []


@needs_root
def test_another_account_cannot_reach_the_running_windows_endpoint(runtime, qtbot):
    server = InstanceServer()
    assert server.listening
    name = server_name()

    def connect() -> str:
        import socket

        with socket.socket(socket.AF_UNIX) as s:
            s.connect(name)
        return "connected"

    assert _as_nobody(connect) == "PermissionError"
    server.close()


@needs_root
def test_a_peer_of_another_account_is_refused_even_if_it_reaches_the_socket(runtime, qtbot):
    """Defence in depth: with the dir opened up by mistake, the kernel's word on the peer still decides."""
    received = []
    server = InstanceServer()
    server.request.connect(received.append)
    name = server_name()
    os.chmod(os.path.dirname(name), 0o755)
    os.chmod(name, 0o777)

    def send() -> str:
        import json
        import socket
        import time

        with socket.socket(socket.AF_UNIX) as s:
            s.connect(name)
            s.sendall(json.dumps({"patient": "370102196803152710"}).encode() + b"\n")
            s.settimeout(1)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    return repr(s.recv(10))
                except TimeoutError:
                    continue
        return "no answer"

    import threading

    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(_as_nobody(send)))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)   # the window's event loop runs meanwhile
    out = result[0]
    assert received == []
    assert "ok" not in out, out
    server.close()


def test_the_endpoint_name_carries_a_secret_only_this_user_can_read(runtime, huren_home):
    from app.ui.single_instance import SECRET_FILE

    first = server_name()
    secret = huren_home / "config" / SECRET_FILE
    assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600 and len(secret.read_text().strip()) == 32
    assert server_name() == first                                   # stable for this user
    secret.unlink()
    assert server_name() != first                                   # derived from the secret, not guessable
    if os.name != "nt" and os.geteuid() == 0:
        assert _as_nobody(lambda: secret.read_text()) == "PermissionError"


@needs_root
def test_a_listener_of_another_account_at_the_endpoint_gets_nothing(runtime, qtbot):
    """The other side of the check: a launch hands its token only to a window running as this user."""
    import socket
    import threading

    name = server_name()
    folder = os.path.dirname(name)
    os.chmod(folder, 0o777)                       # opened up by mistake: the other account plants a listener

    def listen() -> str:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(name)
            s.listen(1)
            s.settimeout(8)
            try:
                peer, _ = s.accept()
            except TimeoutError:
                return "nobody came"
            with peer:
                peer.settimeout(2)
                try:
                    got = peer.recv(4096)
                except TimeoutError:
                    got = b""
                peer.sendall(b"ok\n")
                return f"received {got!r}"

    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(_as_nobody(listen)))
    thread.start()
    qtbot.waitUntil(lambda: os.path.exists(name), timeout=5_000)
    handed = hand_over(LaunchRequest("370102196803152710", launch="secret-launch-token"), timeout_ms=1000)
    thread.join(15)
    assert handed is False                        # the launching Huren does not claim a hand-over
    assert "370102196803152710" not in result[0] and "secret-launch-token" not in result[0], result[0]
