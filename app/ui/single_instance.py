"""One Huren per user session: a second launch hands its request to the running window.

The running window listens on a local socket (QLocalServer) named for the user and the
Huren home; a new launch first tries to connect, and if a window answers, sends its
request as one JSON line and exits. No second window, no second sign-in.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.launch import LaunchRequest

log = logging.getLogger("huren.ui")


def server_name() -> str:
    home = os.environ.get("HUREN_HOME", "")
    tag = hashlib.sha256(f"{getpass.getuser()}\0{home}".encode()).hexdigest()[:12]
    return f"huren-{tag}"


def hand_over(request: LaunchRequest, timeout_ms: int = 1500) -> bool:
    """True when a running Huren took the request; False when none runs (start normally)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
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
        name = server_name()
        if not self._server.listen(name):
            QLocalServer.removeServer(name)     # a stale socket left by a crashed instance
            if not self._server.listen(name):
                log.warning("cannot listen for later launches: %s", self._server.errorString())
        self._server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
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
