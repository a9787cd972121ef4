"""Fixtures shared by every test: fresh Huren dirs, offscreen Qt, a demo platform over HTTP."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

# Offscreen, on a common desktop screen (1920×1080; Qt's default offscreen screen is 800×800, smaller
# than any workstation's, and the window fits itself to the screen). Tests of a smaller screen (the
# outpatient 1366×768) size their windows themselves.
os.environ.setdefault("QT_QPA_PLATFORM",
                      f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'offscreen-screen.json')}")

#: The demo data's "now" in tests: fixed, so verdicts do not change with the calendar.
ANCHOR = datetime(2026, 11, 20, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def huren_home(tmp_path, monkeypatch):
    """Keep every test away from the real user's config, data, cache and keyring dirs."""
    home = tmp_path / "huren-home"
    monkeypatch.setenv("HUREN_HOME", str(home))
    monkeypatch.delenv("HUREN_CONFIG", raising=False)
    # No test reaches the developer's own keyring: none at all, unless it asks for `memory_keyring`.
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield home
    # The test's audit records are written before its keyring and home go: a test that never closed
    # its desk (the application does, at the latest at exit) must not write into the next test's.
    audit = sys.modules.get("app.services.audit")
    if audit is not None:
        assert audit.WRITER.flush(60.0), "audit records still unwritten after 60 s"
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    """A system keyring held in memory for one test (never a file); the previous one comes back after.

    The backend is returned: `backend.passwords` is the dict {(service, name): secret}.
    """
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class MemoryKeyring(KeyringBackend):
    """The `memory_keyring` fixture's backend: a dict, gone with the test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(f"no {username!r} in {service!r}")


# Defining a backend class registers it; keep it out of keyring's own choice of backend, which
# would otherwise prefer it (priority 1) to the fail backend for the whole test session.
getattr(KeyringBackend, "_classes", set()).discard(MemoryKeyring)


@pytest.fixture(scope="session")
def demo_platform(tmp_path_factory):
    """The embedded platform with the full demo data set, shared read-only by the session's tests."""
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("demo-platform"), anchor=ANCHOR).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def secured_platform(tmp_path_factory):
    """The demo platform (no images) refusing every FHIR and DICOMweb request without a valid token."""
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("secured-platform"), anchor=ANCHOR, images=False,
                           require_sign_in=True).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """Good and bad DICOM files of every kind (tests/helpers/dicom_corpus.py), made once per run."""
    from tests.helpers.dicom_corpus import build_corpus

    return build_corpus(tmp_path_factory.mktemp("dicom-corpus"))


def pytest_sessionfinish(session, exitstatus):
    """With HUREN_REQUIRE_ALL (set by .ci/run) a skipped test fails the run: CI proves everything."""
    if not os.environ.get("HUREN_REQUIRE_ALL"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"HUREN_REQUIRE_ALL: {len(skipped)} test(s) skipped; in CI every test must run.", red=True)
        session.exitstatus = 1
