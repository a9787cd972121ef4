"""One Huren per user session: a second launch hands its request to the running window.

The running window listens on a local socket (QLocalServer) named for the user and the
Huren home; a new launch first tries to connect, and if a window answers, sends its
request as one JSON line and exits. No second window, no second sign-in.

The request may carry an HIS launch token and a patient's identifier, so the endpoint is
this user's alone. On Linux and macOS the socket lives in a directory that only this user
may enter (the session's runtime dir, else a `huren-<uid>` dir in the temp dir that must be
ours and 0700: a name in `/tmp` is anyone's to create first), and the window accepts only
peers running as this user. On Windows the named pipe is restricted to the user.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import socket as sockets
import stat
import struct
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.launch import LaunchRequest

log = logging.getLogger("huren.ui")


class NoPrivateDir(OSError):
    """No directory that only this user can enter: no single-instance endpoint then."""


def server_name() -> str:
    """The endpoint's name: a path in this user's private dir, or (Windows) a pipe name."""
    home = os.environ.get("HUREN_HOME", "")
    tag = hashlib.sha256(f"{getpass.getuser()}\0{home}".encode()).hexdigest()[:12]
    if os.name == "nt":
        return f"huren-{tag}"
    return str(private_dir() / f"instance-{tag}")


def private_dir() -> Path:
    """A directory only this user may enter, made if needed; NoPrivateDir when none can be had."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    folder = base / f"huren-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError as e:
        raise NoPrivateDir(f"{folder}: {e.strerror or e}") from None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise NoPrivateDir(f"{folder} belongs to someone else or is not a directory")
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(folder, 0o700)
    return folder


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
    except NoPrivateDir as e:
        log.warning("no hand-over to a running window: %s", e)
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write((request.to_json() + "\n").encode("utf-8"))
    done = socket.waitForBytesWritten(timeout_ms)
    socket.waitForReadyRead(timeout_ms)        # the window acknowledges with one line
    answer = bytes(socket.readAll()).decode("utf-8", "replace").strip()
    socket.disconnectFromServer()
    return done and answer == "ok"


class InstanceServer(QObject):
    request = Signal(object)   # LaunchRequest from a later launch

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        try:
            name = server_name()
        except NoPrivateDir as e:
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
        line = bytes(socket.readLine()).decode("utf-8", "replace")
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
