"""One Huren per user session: a second launch hands its request to the running window.

The running window listens on a local socket (QLocalServer) named for the user and the
Huren home; a new launch first tries to connect, and if a window answers, sends its
request as one JSON line and exits. No second window, no second sign-in.

The request may carry an HIS launch token and a patient's identifier, so the endpoint is
this user's alone. On Linux and macOS the socket lives in a directory that only this user
may enter (the session's runtime dir, else a `huren-<uid>` dir in the temp dir that must be
ours and 0700: a name in `/tmp` is anyone's to create first), and the window accepts only
peers running as this user; the launching side checks in turn that the window it reaches runs
as this user before it hands anything over. The name carries a random value kept in the
user's config folder (0600), so another account cannot compute it: on Windows, where the
named pipe (restricted to the user by its ACL) is found by name alone, it cannot create the
pipe first either. The peer check there is left to that ACL (not tested on Windows here).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import secrets
import socket as sockets
import struct
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.launch import LaunchRequest
from app.private_files import NotPrivate, read_secret, write_new_secret
from app.private_files import private_dir as private_folder

if TYPE_CHECKING:   # QtNetwork (~10 ms to load) is imported when a socket is made: not by a launch that finds none
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger("huren.ui")

SECRET_FILE = "instance.key"


def server_name() -> str:
    """The endpoint's name: a path in this user's private dir, or (Windows) a pipe name."""
    home = os.environ.get("HUREN_HOME", "")
    tag = hashlib.sha256(f"{getpass.getuser()}\0{home}\0{instance_secret()}".encode()).hexdigest()[:24]
    if os.name == "nt":
        return f"huren-{tag}"
    return str(private_dir() / f"instance-{tag}")


def instance_secret() -> str:
    """A random value only this user can read (made on first use): part of the endpoint's name.

    On Windows the pipe's name is all there is to find it by; a name another account cannot
    compute is one it cannot create first and wait behind.
    """
    from app.config import paths

    path = paths().config / SECRET_FILE
    try:
        return read_secret(path).decode("ascii").strip()
    except FileNotFoundError:
        try:
            write_new_secret(path, secrets.token_hex(16).encode("ascii"))
        except FileExistsError:
            pass   # another launch made it a moment ago
        return read_secret(path).decode("ascii").strip()
    except (OSError, UnicodeError) as e:
        raise NotPrivate(f"{path}: {e}") from None


def private_dir() -> Path:
    """A directory only this user may enter, made if needed; NotPrivate when none can be had."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    return private_folder(base / f"huren-{os.getuid()}")


def peer_is_this_user(socket: QLocalSocket) -> bool:
    """On Linux the kernel says who is at the other end (SO_PEERCRED); elsewhere the dir's
    permissions are the guard."""
    if not hasattr(sockets, "SO_PEERCRED"):
        return True
    descriptor = int(socket.socketDescriptor())
    if descriptor < 0:
        return False
    with sockets.socket(fileno=os.dup(descriptor)) as peer:
        _pid, uid, _gid = struct.unpack("3i", peer.getsockopt(sockets.SOL_SOCKET, sockets.SO_PEERCRED,
                                                               struct.calcsize("3i")))
    return uid == os.getuid()


def hand_over(request: LaunchRequest, timeout_ms: int = 1500) -> bool:
    """True when a running Huren took the request; False when none runs (start normally)."""
    try:
        name = server_name()
    except NotPrivate as e:
        log.warning("no hand-over to a running window: %s", e)
        return False
    if os.name != "nt" and not os.path.exists(name):
        return False   # no socket there: no window listens (a stale one is tried, and fails to connect)
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    if not peer_is_this_user(socket):   # whoever listens there must be this user, too
        log.warning("the endpoint of the running window belongs to another user: nothing handed over")
        socket.abort()
        return False
    socket.write((request.to_json() + "\n").encode("utf-8"))
    done = socket.waitForBytesWritten(timeout_ms)
    socket.waitForReadyRead(timeout_ms)        # the window acknowledges with one line
    answer = bytes(socket.readAll().data()).decode("utf-8", "replace").strip()
    socket.disconnectFromServer()
    return done and answer == "ok"


class InstanceServer(QObject):
    request = Signal(object)   # LaunchRequest from a later launch

    def __init__(self, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        try:
            name = server_name()
        except NotPrivate as e:
            log.warning("cannot listen for later launches: %s", e)
            return
        if not self._server.listen(name):
            QLocalServer.removeServer(name)     # a stale socket left by a crashed instance
            if not self._server.listen(name):
                log.warning("cannot listen for later launches: %s", self._server.errorString())

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if not peer_is_this_user(socket):
                log.warning("refused a launch request from another user's process")
                socket.abort()
                continue
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", "replace")
        try:
            request = LaunchRequest.from_json(line)
        except ValueError as e:
            log.warning("ignored a malformed launch request: %s", e)
            socket.write(b"error\n")
        else:
            socket.write(b"ok\n")
            self.request.emit(request)
        socket.flush()
        socket.disconnectFromServer()

    def close(self) -> None:
        self._server.close()
