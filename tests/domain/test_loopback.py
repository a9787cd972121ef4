"""The one loopback check both local servers (the CDS Hooks service, the sandbox) listen behind."""

from __future__ import annotations

import pytest

from app.domain.loopback import is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org", "localhost.example.org", ""])
def test_other_hosts(host: str) -> None:
    assert not is_loopback(host)
