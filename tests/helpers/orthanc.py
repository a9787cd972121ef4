"""A real Orthanc with its DICOMweb plugin, private to the tests: own config, port and storage.

The system's Orthanc service is never used: every server here is a child process on a free
loopback port with its database in the test's temp dir, and is stopped when the test ends.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

ORTHANC = "/usr/sbin/Orthanc"
DICOMWEB_PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so"
MISSING = "Orthanc is not installed: apt-get install orthanc orthanc-dicomweb"


def orthanc_missing() -> str | None:
    """Why no Orthanc can be started here, or None when it can."""
    if not (Path(ORTHANC).is_file() or shutil.which("Orthanc")) or not Path(DICOMWEB_PLUGIN).is_file():
        return MISSING
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OrthancServer:
    """`with OrthancServer(tmp) as pacs: pacs.upload(path); DicomWebClient(pacs.dicomweb_url)`."""

    def __init__(self, workdir: Path, *, start_timeout: float = 20.0) -> None:
        self.workdir = Path(workdir)
        self.start_timeout = start_timeout
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log_path = self.workdir / "orthanc.log"
        self.session = requests.Session()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def dicomweb_url(self) -> str:
        return f"{self.url}/dicom-web"

    def config(self) -> dict:
        return {
            "Name": "huren-test",
            "StorageDirectory": str(self.workdir / "storage"),
            "IndexDirectory": str(self.workdir / "index"),
            "StorageCompression": False,
            "HttpServerEnabled": True,
            "HttpPort": self.port,
            "HttpDescribeErrors": True,
            "HttpCompressionEnabled": False,
            "RemoteAccessAllowed": False,
            "AuthenticationEnabled": False,
            "SslEnabled": False,
            "DicomServerEnabled": False,
            "WebDavEnabled": False,
            "SaveJobs": False,
            "ConcurrentJobs": 1,
            "HttpThreadsCount": 8,
            "KeepAlive": True,
            "OverwriteInstances": True,
            # Orthanc 1.10 builds QIDO answers in this encoding: with its default, Latin1, a
            # Chinese name (张伟) comes back as "^". A hospital's Orthanc needs "Utf8" too.
            "DefaultEncoding": "Utf8",
            "Plugins": [DICOMWEB_PLUGIN],
            "DicomWeb": {
                "Enable": True,
                "Root": "/dicom-web/",
                "EnableWado": False,
                "Ssl": False,
                "StudiesMetadata": "MainDicomTags",
                "SeriesMetadata": "Full",
            },
        }

    def start(self) -> OrthancServer:
        if reason := orthanc_missing():
            raise RuntimeError(reason)
        self.workdir.mkdir(parents=True, exist_ok=True)
        for attempt in range(3):
            # The port was free when chosen; if another process took it meanwhile, Orthanc
            # exits at once, and another port is tried.
            self.port = _free_port()
            if self._launch(last=attempt == 2):
                return self
        raise AssertionError("unreachable")

    def _launch(self, last: bool) -> bool:
        config_path = self.workdir / "orthanc.json"
        config_path.write_text(json.dumps(self.config(), indent=2), encoding="utf-8")
        binary = ORTHANC if Path(ORTHANC).is_file() else shutil.which("Orthanc")
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen([binary, str(config_path)], stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, cwd=self.workdir)
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self.process.poll() is not None:
                if not last:
                    return False
                raise RuntimeError(f"Orthanc exited with code {self.process.returncode} while starting:\n"
                                   + self.log_tail())
            try:
                if self.session.get(f"{self.url}/system", timeout=1).ok:
                    return True
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Orthanc did not answer on {self.url}/system within "
                                   f"{self.start_timeout:g} s:\n" + self.log_tail())
            time.sleep(0.05)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def upload(self, source: Path | str | bytes) -> dict:
        """Stores one DICOM file (a path or its bytes) through the REST API; returns Orthanc's answer."""
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        response = self.session.post(f"{self.url}/instances", data=data, timeout=30,
                                     headers={"Content-Type": "application/dicom"})
        if response.status_code != 200:
            raise RuntimeError(f"Orthanc refused the upload: HTTP {response.status_code} {response.text[:300]}")
        answer = response.json()
        if answer.get("Status") not in ("Success", "AlreadyStored"):
            raise RuntimeError(f"Orthanc did not store the instance: {answer}")
        return answer

    def stop(self) -> None:
        self.session.close()
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def __enter__(self) -> OrthancServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory):
    """An empty Orthanc for the module's tests; skipped (failed in CI) when Orthanc is not installed."""
    if reason := orthanc_missing():
        pytest.skip(reason)
    with OrthancServer(tmp_path_factory.mktemp("orthanc")) as server:
        yield server
