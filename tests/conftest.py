"""Fixtures shared by every test: fresh Huren dirs, offscreen Qt, a demo platform over HTTP."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The demo data's "now" in tests: fixed, so verdicts do not change with the calendar.
ANCHOR = datetime(2026, 11, 20, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def huren_home(tmp_path, monkeypatch):
    """Keep every test away from the real user's config, data, cache and keyring dirs."""
    home = tmp_path / "huren-home"
    monkeypatch.setenv("HUREN_HOME", str(home))
    monkeypatch.delenv("HUREN_CONFIG", raising=False)
    return home


@pytest.fixture(scope="session")
def demo_platform(tmp_path_factory):
    """The embedded platform with the full demo data set, shared read-only by the session's tests."""
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("demo-platform"), anchor=ANCHOR).start()
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
