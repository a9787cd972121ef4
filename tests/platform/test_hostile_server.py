"""A hostile FHIR server on loopback: the client ends every request within bounds, with a clear message.

The server is ours and only for these tests: it drips, floods, nests JSON deeply, redirects
elsewhere and answers HTML. Each case must end well within the timeout plus a few seconds.
"""

from __future__ import annotations

import time

import pytest

from app.platform.fhir.client import FhirClient, FhirError, SourceUnreachable
from tests.helpers.hostile_fhir import RESIDENT_ID, HostileFhir

TIMEOUT = 2.0


@pytest.fixture(scope="module")
def hostile():
    with HostileFhir() as server:
        yield server


def client_for(hostile: HostileFhir, mode: str) -> FhirClient:
    return FhirClient(hostile.base(mode), timeout=TIMEOUT, retries=0, max_body_bytes=8 * 1024 * 1024)


def _timed(fn):
    started = time.monotonic()
    with pytest.raises(FhirError) as caught:
        fn()
    return caught.value, time.monotonic() - started


@pytest.mark.parametrize("mode", ["drip-body", "drip-headers", "redirect-drip", "busy-drip", "chunked-drip"])
def test_a_dripping_server_is_given_up_on_at_the_deadline(hostile, mode):
    """Wherever the drip is: the body, the headers, a redirect's body (requests reads it), a 503's
    body (urllib3 reads it before its retry), a chunk-size line (http.client reads it whole)."""
    client = client_for(hostile, mode)
    if mode == "busy-drip":   # with the retries a real source has
        client = FhirClient(hostile.base(mode), timeout=TIMEOUT)
    error, seconds = _timed(lambda: client.get_json("Patient"))
    assert isinstance(error, SourceUnreachable) and error.timed_out and f"within {TIMEOUT:g} s" in error.message
    assert seconds < TIMEOUT + 2, seconds   # the read timeout alone restarts with every byte: never ends


def test_a_flood_is_refused_past_the_cap_without_reading_it_all(hostile):
    error, seconds = _timed(lambda: client_for(hostile, "flood").get_json("Patient"))
    assert "larger than 8 MB" in error.message and seconds < TIMEOUT + 2


def test_json_nested_50000_deep_is_unreadable_data_not_a_crash(hostile):
    error, _ = _timed(lambda: client_for(hostile, "deep").get_json("Patient"))
    assert type(error) is FhirError and "unreadable data" in error.message and "deeply" in error.message


def test_a_redirect_to_another_host_is_not_followed(hostile):
    error, _ = _timed(lambda: client_for(hostile, "away").get_json("Patient"))
    assert "another server (127.0.0.2:9)" in error.message


def test_a_next_link_to_another_host_is_not_followed(hostile):
    with pytest.raises(FhirError, match="another server"):
        list(client_for(hostile, "next-away").search("Patient", {"identifier": RESIDENT_ID}))


def test_a_redirect_within_the_source_is_followed_and_a_loop_is_not(hostile):
    assert client_for(hostile, "here").get_json("metadata")["resourceType"] == "CapabilityStatement"
    error, _ = _timed(lambda: client_for(hostile, "loop").get_json("Patient"))
    assert "redirected more than" in error.message


def test_an_image_is_not_taken_for_fhir_json(hostile):
    error, _ = _timed(lambda: client_for(hostile, "png").get_json("Patient"))
    assert "image/png" in error.message and "not FHIR JSON" in error.message


def test_the_deadline_covers_headers_on_a_keep_alive_connection_too(hostile):
    """A connection reused from the pool is watched as a new one is."""
    client = FhirClient(hostile.base("drip-headers"), timeout=TIMEOUT, retries=0)
    good = FhirClient(hostile.base("long-name"), timeout=TIMEOUT, retries=0)
    client.session = good.session                     # one pool: the second request reuses the connection
    assert good.get_json("metadata")["resourceType"] == "CapabilityStatement"
    error, seconds = _timed(lambda: client.get_json("Patient"))
    assert isinstance(error, SourceUnreachable) and seconds < TIMEOUT + 2
