"""DicomWebClient against a hostile image server: every call ends within bounds, with a clear message.

The server is ours and only for these tests (tests/helpers/hostile_dicomweb.py): it drips
headers and bodies, stalls between instances, sends instances and pictures past the caps,
nests JSON 50,000 deep, redirects elsewhere and answers HTML. Each case must end within the
timeout plus a little, and a connection given up on must be closed.
"""

from __future__ import annotations

import time

import pytest

from app.platform.dicomweb import MAX_PICTURE_BYTES, DicomWebClient, DicomWebError
from tests.helpers.hostile_dicomweb import (
    SERIES,
    SLOW_SERIES_COUNT,
    SLOW_SERIES_GAP,
    STUDY,
    HostileDicomWeb,
    instance_bytes,
)

TIMEOUT = 1.5
#: Enough for the tests' instances (some hundred bytes), far below what the floods send.
SMALL_CAP = 1024 * 1024
SOP = f"{SERIES}.1"


@pytest.fixture(scope="module")
def hostile():
    with HostileDicomWeb() as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh_hang_ups(hostile):
    hostile.forget_hang_ups()


def client_for(hostile: HostileDicomWeb, mode: str) -> DicomWebClient:
    client = DicomWebClient(hostile.base(mode), timeout=TIMEOUT)
    client.max_instance_bytes = SMALL_CAP
    return client


CALLS = {
    "studies": lambda c: c.studies(),
    "series": lambda c: c.series(STUDY),
    "iter_series": lambda c: list(c.iter_series(STUDY, SERIES)),
    "retrieve_instance": lambda c: c.retrieve_instance(STUDY, SERIES, SOP),
    "thumbnail": lambda c: c.thumbnail(STUDY, SERIES, SOP),
}


def _fails(call) -> tuple[DicomWebError, float]:
    started = time.monotonic()
    with pytest.raises(DicomWebError) as caught:
        call()
    return caught.value, time.monotonic() - started


def _second_instance_fails(client: DicomWebClient) -> tuple[DicomWebError, float]:
    """The series' first instance arrives; asking for the next one fails (how long that took)."""
    stream = client.iter_series(STUDY, SERIES)
    assert int(next(stream).InstanceNumber) == 1
    try:
        return _fails(lambda: next(stream))
    finally:
        stream.close()


# --- the wait for an answer ----------------------------------------------------------------

@pytest.mark.parametrize("call", ["studies", "iter_series", "retrieve_instance", "thumbnail"])
def test_dripped_headers_are_given_up_on_at_the_deadline(hostile, call):
    error, seconds = _fails(lambda: CALLS[call](client_for(hostile, "drip-headers")))
    assert error.timed_out and error.status is None and f"within {TIMEOUT:g} s" in error.message
    assert seconds < TIMEOUT + 2, seconds   # the read timeout alone restarts with every byte: never ends
    assert hostile.hung_up("drip-headers")


@pytest.mark.parametrize("call, what", [("studies", "the study list"), ("series", "the study's series list"),
                                        ("thumbnail", "the picture")])
def test_a_dripped_body_is_given_up_on_at_the_deadline(hostile, call, what):
    error, seconds = _fails(lambda: CALLS[call](client_for(hostile, "drip-body")))
    assert error.timed_out and error.message == f"the DICOMweb server did not send {what} within {TIMEOUT:g} s"
    assert seconds < TIMEOUT + 2, seconds
    assert hostile.hung_up("drip-body")


# --- listings ----------------------------------------------------------------------------

@pytest.mark.parametrize(("call", "what"), [("studies", "the study list"), ("thumbnail", "the picture")])
def test_a_body_cut_off_early_is_a_broken_transfer_not_a_late_one(hostile, call, what):
    """Before the deadline, a connection closed mid-body is said to have broken off, at once."""
    error, seconds = _fails(lambda: CALLS[call](client_for(hostile, "cut-body")))
    assert not error.timed_out and error.message.startswith(f"the transfer of {what} broke off"), error.message
    assert seconds < TIMEOUT, seconds


def test_json_nested_50000_deep_is_unreadable_data_not_a_crash(hostile):
    error, _ = _fails(lambda: client_for(hostile, "deep").studies())
    assert error.message == "the DICOMweb server sent unreadable data for the study list: nested too deeply"


def test_a_listing_that_is_not_json_is_named_as_such(hostile):
    error, _ = _fails(lambda: client_for(hostile, "html").studies())
    assert error.message == "the DICOMweb server's answer for the study list is text/html, not DICOM JSON"


def test_an_error_with_deep_json_is_still_a_clear_error(hostile):
    error, _ = _fails(lambda: client_for(hostile, "deep-error").studies())
    assert error.status == 404 and "not found" in error.message


def test_an_error_body_without_end_is_not_read_to_its_end(hostile):
    error, seconds = _fails(lambda: client_for(hostile, "flood-error").studies())
    assert error.status == 500 and "HTTP 500" in error.message and seconds < 1, seconds
    assert hostile.hung_up("flood-error")


# --- redirects ---------------------------------------------------------------------------

@pytest.mark.parametrize("call", ["studies", "iter_series", "retrieve_instance", "thumbnail"])
def test_a_redirect_to_another_host_is_not_followed_nor_its_body_read(hostile, call):
    error, seconds = _fails(lambda: CALLS[call](client_for(hostile, "away")))
    assert error.message == "the DICOMweb server redirected to another server (127.0.0.2:9); not followed"
    assert error.status == 302 and seconds < 1, seconds   # its body drips: reading it would never end


def test_a_redirect_within_the_server_is_followed_without_reading_its_body(hostile):
    client = client_for(hostile, "here")
    started = time.monotonic()
    assert [s.uid for s in client.studies()] == [STUDY]
    assert [int(ds.InstanceNumber) for ds in client.iter_series(STUDY, SERIES)] == [1, 2]
    assert client.thumbnail(STUDY, SERIES, SOP) == b"\xff\xd8\xff\xe0 a small jpeg"
    assert time.monotonic() - started < 1


def test_a_redirect_loop_ends(hostile):
    error, _ = _fails(lambda: client_for(hostile, "loop").studies())
    assert error.message == "the DICOMweb server redirected more than 5 times; not followed"


# --- instances ---------------------------------------------------------------------------

def test_a_series_that_stalls_after_one_instance_ends_and_hangs_up(hostile):
    error, seconds = _second_instance_fails(client_for(hostile, "stall"))
    assert error.timed_out and error.message == f"the DICOMweb server did not send an image within {TIMEOUT:g} s"
    assert seconds < TIMEOUT + 2, seconds
    assert hostile.hung_up("stall")


def test_an_instance_retrieved_alone_that_stalls_ends(hostile):
    error, seconds = _fails(lambda: client_for(hostile, "stall").retrieve_instance(STUDY, SERIES, SOP))
    assert error.timed_out and "did not send an image within" in error.message
    assert seconds < TIMEOUT + 2, seconds
    assert hostile.hung_up("stall")


@pytest.mark.parametrize("mode", ["drip-part", "drip-chunked"])
def test_an_instance_dripped_a_byte_at_a_time_ends(hostile, mode):
    error, seconds = _second_instance_fails(client_for(hostile, mode))
    assert error.timed_out and error.message == f"the DICOMweb server did not send an image within {TIMEOUT:g} s"
    assert seconds < TIMEOUT + 2, seconds
    assert hostile.hung_up(mode)


def test_an_instance_larger_than_the_cap_is_not_read(hostile):
    error, seconds = _second_instance_fails(client_for(hostile, "huge-part"))
    assert error.message == "the DICOMweb server sent more than 1 MB for an image; not read"
    assert not error.timed_out and seconds < 1, seconds
    assert hostile.hung_up("huge-part")


@pytest.mark.parametrize("call", ["iter_series", "retrieve_instance"])
def test_an_instance_declared_larger_than_the_cap_is_refused_unread(hostile, call):
    error, seconds = _fails(lambda: CALLS[call](client_for(hostile, "huge-declared")))
    assert error.message == "the DICOMweb server sent more than 1 MB for an image; not read"
    assert seconds < 1, seconds
    assert hostile.hung_up("huge-declared")


def test_a_picture_larger_than_the_cap_is_not_read(hostile):
    error, seconds = _fails(lambda: client_for(hostile, "huge-picture").thumbnail(STUDY, SERIES, SOP))
    assert error.message == f"the DICOMweb server sent more than {MAX_PICTURE_BYTES // 2**20} MB for the picture; " \
                            f"not read"
    assert seconds < TIMEOUT + 2, seconds
    assert hostile.hung_up("huge-picture")


# --- what must still work -----------------------------------------------------------------

def test_a_slow_series_comes_whole_when_each_instance_is_in_time(hostile):
    """The deadline is per instance: the whole series may take longer than the timeout."""
    started = time.monotonic()
    got = list(client_for(hostile, "slow-series").iter_series(STUDY, SERIES))
    assert [int(ds.InstanceNumber) for ds in got] == list(range(1, SLOW_SERIES_COUNT + 1))
    assert time.monotonic() - started > TIMEOUT > SLOW_SERIES_GAP


def test_time_the_consumer_takes_does_not_count_against_the_server(hostile):
    """A viewer decoding an instance for longer than the timeout does not fail the next one."""
    numbers = []
    for ds in client_for(hostile, "good").iter_series(STUDY, SERIES):
        numbers.append(int(ds.InstanceNumber))
        time.sleep(TIMEOUT + 0.3)
    assert numbers == [1, 2]


def test_a_series_declared_longer_than_the_cap_is_read_when_each_instance_is_under_it(hostile):
    """The cap is per instance: a multipart answer's Content-Length counts them all (a 1,000-slice
    CT is over 500 MB), and only a single-part answer declared too long is refused unread."""
    from tests.helpers.hostile_dicomweb import instance_bytes, multipart_end, part_head

    client = client_for(hostile, "good")
    client.max_instance_bytes = max(len(instance_bytes(1)), len(instance_bytes(2))) + 200   # a part and its headers
    declared = len(part_head() + instance_bytes(1) + part_head() + instance_bytes(2) + multipart_end())
    assert declared > client.max_instance_bytes
    assert [int(ds.InstanceNumber) for ds in client.iter_series(STUDY, SERIES)] == [1, 2]


def test_a_compressed_series_is_read_as_any_other(hostile):
    """A server may compress the answer (gzip): the parts are read from the decoded bytes. An
    uncompressed answer is read without urllib3's decoding, which copies every chunk twice."""
    parts = list(client_for(hostile, "gzip").iter_series_parts(STUDY, SERIES))
    assert [bytes(p) for p in parts] == [instance_bytes(1), instance_bytes(2)]
