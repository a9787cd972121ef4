"""Decoding in worker processes gives what decoding here gives, in order, and survives its workers.

The DICOM corpus (every pixel format, syntax and kind of broken file) is decoded through the
pool, with and without the header-only path, and compared with `read_instance` here: the same
pixels, the same header, the same problem for each broken file. A worker killed mid-series
costs nothing but time; a worker's memory cap stops an allocation a lying header would ask for;
shared memory segments do not outlive the instances.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest

from app.domain.dicom_instance import DecodedInstance, DicomReadError, ReadProblem, stored_values
from app.platform.dicom import read_instance
from app.platform.dicom.decode_pool import DecodePool, shared_pixels_available
from app.platform.dicom.decoding import native_layout, native_pixels


def started(made: DecodePool) -> DecodePool:
    deadline = time.monotonic() + 60
    while not made.ready:
        assert time.monotonic() < deadline, "the decoder workers did not start"
        time.sleep(0.05)
    return made


@pytest.fixture(scope="module")
def pool():
    made = started(DecodePool(workers=2))
    yield made
    made.shutdown()


def files(corpus: dict[str, Path]) -> list[tuple[str, bytes]]:
    return [(name, path.read_bytes()) for name, path in sorted(corpus.items())
            if path.is_file() and not name.startswith("dicomdir")]


def here(data: bytes) -> DecodedInstance | DicomReadError:
    try:
        return read_instance(data)
    except DicomReadError as e:
        return e


def shown(decoded: DecodedInstance) -> DecodedInstance:
    """What the viewer shows of a slice whose high bits were left unchecked (`InstanceInfo.high_bits_unchecked`):
    the values and range `read_instance` gives here at once."""
    if not decoded.info.high_bits_unchecked:
        return decoded
    pixels, lo, hi = stored_values(decoded.pixels, decoded.info)
    return DecodedInstance(decoded.info.updated({"stored_min": lo, "stored_max": hi, "high_bits_unchecked": False}),
                           pixels)


def assert_same(got: DecodedInstance | DicomReadError, expected: DecodedInstance | DicomReadError, name: str) -> None:
    """The same answer; a slice whose high bits were left unchecked, once checked as the viewer does."""
    if isinstance(expected, DicomReadError):
        assert isinstance(got, DicomReadError), name
        assert (got.problem, got.detail) == (expected.problem, expected.detail), name
        return
    assert isinstance(got, DecodedInstance), (name, got)
    assert not got.pixels.flags.writeable, name
    got = shown(got)
    assert got.info == expected.info, name
    assert got.pixels.dtype == expected.pixels.dtype and got.pixels.shape == expected.pixels.shape, name
    np.testing.assert_array_equal(got.pixels, expected.pixels, err_msg=name)
    assert not got.pixels.flags.writeable, name


@pytest.mark.parametrize("header_only_above", [0, 10**9], ids=["header-first", "whole"])
def test_the_corpus_decodes_through_the_pool_as_it_decodes_here(pool, corpus, header_only_above):
    named = files(corpus)
    got = list(pool.decode_stream([data for _, data in named], header_only_above=header_only_above))
    assert len(got) == len(named)                       # one answer per part, in the parts' order
    for (name, data), answer in zip(named, got, strict=True):
        assert_same(answer, here(data), name)


def test_a_plain_slice_keeps_its_pixels_where_they_arrived(corpus):
    data = corpus["ct_int16_rescale"].read_bytes()
    layout = native_layout(data[:64 * 1024], len(data))
    assert layout is not None and data[layout.offset - 12:layout.offset - 6] == b"\xe0\x7f\x10\x00OW"
    decoded = native_pixels(data, layout)
    assert decoded.pixels.base is not None and np.shares_memory(decoded.pixels, np.frombuffer(data, np.uint8))
    assert_same(decoded, here(data), "ct_int16_rescale")
    # Compressed, colour and LUT images take the general path; a header cut short too.
    for name in ("j2k_lossless", "rgb_uncompressed", "voi_lut", "modality_lut", "big_endian", "deflated"):
        whole = corpus[name].read_bytes()
        assert native_layout(whole, len(whole)) is None, name
    assert native_layout(data[:200], len(data)) is None


@pytest.mark.parametrize("signed", [False, True])
def test_unused_high_bits_are_cleared_or_sign_extended_as_pydicom_does(tmp_path, signed):
    from pydicom import dcmread

    from tests.helpers.dicom_corpus import _ct_slice

    ds = _ct_slice("bits", index=0)
    ds.PixelRepresentation = int(signed)
    ds.BitsStored, ds.HighBit = 12, 11
    values = np.frombuffer(ds.PixelData, np.int16 if signed else np.uint16).copy()
    values[:50] |= np.array(0x7000, values.dtype)          # garbage above bit 11 on some pixels
    ds.PixelData = values.tobytes()
    path = tmp_path / "bits.dcm"
    ds.save_as(path, enforce_file_format=True)
    data = path.read_bytes()
    layout = native_layout(data, len(data))
    assert layout is not None
    decoded = native_pixels(data, layout)
    assert decoded.info.high_bits_unchecked     # left to whoever shows the slice
    assert np.array_equal(decoded.pixels.reshape(-1), values)
    decoded = shown(decoded)
    expected = dcmread(path).pixel_array
    np.testing.assert_array_equal(decoded.pixels.reshape(expected.shape), expected)
    assert decoded.pixels.min() >= (-2048 if signed else 0) and decoded.pixels.max() < (2048 if signed else 4096)
    assert (decoded.info.stored_min, decoded.info.stored_max) == (decoded.pixels.min(), decoded.pixels.max())


def test_order_is_kept_and_an_unreadable_part_answers_in_its_place(pool, corpus):
    good = [corpus[f"series_{i}"].read_bytes() for i in range(5)]
    parts = [good[0], good[1], b"not dicom at all", good[2], corpus["truncated_pixels"].read_bytes(), *good[3:]]
    got = list(pool.decode_stream(parts, header_only_above=0))
    assert [type(g).__name__ for g in got] == ["DecodedInstance"] * 2 + ["DicomReadError"] + \
        ["DecodedInstance"] + ["DicomReadError"] + ["DecodedInstance"] * 2
    assert [g.info.sop_instance_uid for g in got if isinstance(g, DecodedInstance)] == \
        [read_instance(p).info.sop_instance_uid for p in good]
    assert got[2].problem is ReadProblem.NOT_DICOM


def test_a_network_failure_comes_after_the_instances_before_it(pool, corpus):
    good = [corpus[f"series_{i}"].read_bytes() for i in range(3)]

    def parts():
        yield from good[:2]
        raise ConnectionError("the link went down")

    got = []
    with pytest.raises(ConnectionError, match="went down"):
        for item in pool.decode_stream(parts()):
            got.append(item)
    assert len(got) == 2 and all(isinstance(g, DecodedInstance) for g in got)


def test_a_worker_killed_mid_series_costs_no_instance(corpus, monkeypatch):
    import app.platform.dicom.decode_pool as decode_pool

    pool = DecodePool(workers=2)
    try:
        while not pool.ready:
            time.sleep(0.05)
        # Once the workers have served, nothing is decoded in this process, not even while a new pool starts.
        monkeypatch.setattr(decode_pool, "_done", lambda data: pytest.fail("decoded in the application's process"))
        parts = [corpus[f"series_{i % 5}"].read_bytes() for i in range(12)]

        def slow():
            for i, part in enumerate(parts):
                if i == 4:
                    for process in list(pool._executor._processes.values()):   # noqa: SLF001 - the test's own pool
                        os.kill(process.pid, signal.SIGKILL)
                yield part

        got = list(pool.decode_stream(slow(), header_only_above=0))
        assert len(got) == 12 and all(isinstance(g, DecodedInstance) for g in got), got
        later = list(pool.decode_stream(parts[:3]))               # the pool was made anew
        assert all(isinstance(g, DecodedInstance) for g in later)
    finally:
        pool.shutdown()


def _allocate(gib: int) -> int:
    return len(bytearray(gib * 1024**3))


@pytest.mark.skipif(os.name != "posix", reason="the address-space cap is a POSIX rlimit")
def test_a_worker_cannot_take_more_memory_than_its_cap(pool):
    with pytest.raises(MemoryError):
        pool._submit(_allocate, 16).result()                      # what a lying codestream would ask for
    assert pool._submit(_allocate, 0).result() == 0              # and the worker is still there


@pytest.mark.skipif(not shared_pixels_available() or not Path("/dev/shm").is_dir(),
                    reason="shared memory segments are listed in /dev/shm on Linux only")
def test_no_shared_memory_segment_outlives_its_instance(pool, corpus):
    before = set(os.listdir("/dev/shm"))
    parts = [corpus[f"series_{i}"].read_bytes() for i in range(5)] * 4
    got = list(pool.decode_stream(parts, header_only_above=10**9))   # every part through shared memory
    assert len(got) == 20
    assert set(os.listdir("/dev/shm")) - before == set()
    for name in set(os.listdir("/dev/shm")) - before:
        assert os.stat(f"/dev/shm/{name}").st_mode & 0o077 == 0


def test_an_icon_inside_a_sequence_is_not_taken_for_the_image(pool, tmp_path):
    """An Icon Image Sequence holds a Pixel Data element of its own before the image's."""
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence

    from tests.helpers.dicom_corpus import _ct_slice

    ds = _ct_slice("icon", index=0)
    icon = Dataset()
    icon.Rows, icon.Columns, icon.SamplesPerPixel, icon.PhotometricInterpretation = 8, 8, 1, "MONOCHROME2"
    icon.BitsAllocated, icon.BitsStored, icon.HighBit, icon.PixelRepresentation = 8, 8, 7, 0
    icon.PixelData = bytes(range(64))
    ds.IconImageSequence = Sequence([icon])
    path = tmp_path / "icon.dcm"
    ds.save_as(path, enforce_file_format=True)
    data = path.read_bytes()
    assert data.find(b"\xe0\x7f\x10\x00") < data.rfind(b"\xe0\x7f\x10\x00")   # the icon's comes first
    (got,) = pool.decode_stream([data], header_only_above=0)
    assert_same(got, here(data), "icon")
    assert got.pixels.shape[-2:] == (ds.Rows, ds.Columns)


# --- headers read here -----------------------------------------------------------------------


def series_parts(corpus, count: int) -> list[bytes]:
    return [corpus[f"series_{i % 5}"].read_bytes() for i in range(count)]


def test_plain_slices_are_read_here_from_a_template_and_nothing_goes_to_a_worker(pool, corpus, monkeypatch):
    """A series' plain slices: the first header read by the lean reader, the rest as what differs from
    it (`slice_template`); no worker, no pydicom reading here, the pixels where they arrived."""
    import app.platform.dicom.decoding as decoding
    from app.platform.dicom import slice_template

    monkeypatch.setattr(DecodePool, "submit", lambda *a: pytest.fail("an instance went to a worker"))
    monkeypatch.setattr(DecodePool, "_header_first", lambda *a: pytest.fail("a header went to a worker"))
    monkeypatch.setattr(decoding, "read_dataset", lambda *a, **k: pytest.fail("pydicom read a header here"))
    templates: list[int] = []
    read = slice_template._Template.read.__func__                   # noqa: SLF001 - counted, not changed

    def counted(cls, *args):
        templates.append(1)
        return read(cls, *args)

    monkeypatch.setattr(slice_template._Template, "read", classmethod(counted))   # noqa: SLF001
    parts = series_parts(corpus, 12)
    got = list(pool.decode_stream(parts, header_only_above=0))
    for index, (part, answer) in enumerate(zip(parts, got, strict=True)):
        assert_same(answer, here(part), f"part {index}")
        assert np.shares_memory(answer.pixels, np.frombuffer(part, np.uint8))   # the pixels stayed where they came
    assert 1 <= len(templates) < len(parts)     # most slices read from a template


def test_a_header_the_lean_reader_declines_is_read_by_a_worker(pool, corpus, monkeypatch):
    """What the lean reader does not take (a VOI LUT, colour, big endian ...) is read with pydicom in a
    worker, never here, and comes back as it decodes here."""
    import app.platform.dicom.decoding as decoding

    monkeypatch.setattr(decoding, "read_dataset", lambda *a, **k: pytest.fail("pydicom read a header here"))
    sent: list[int] = []
    header_first = DecodePool._header_first

    def counted(self, data, head):
        sent.append(1)
        return header_first(self, data, head)

    monkeypatch.setattr(DecodePool, "_header_first", counted)
    parts = [corpus[name].read_bytes() for name in ("voi_lut", "modality_lut", "series_0")]
    got = list(pool.decode_stream(parts, header_only_above=0))
    for name, part, answer in zip(("voi_lut", "modality_lut", "series_0"), parts, got, strict=True):
        assert_same(answer, here(part), name)
    assert len(sent) == 2


def test_two_series_at_once_each_read_with_their_own_templates(pool, corpus):
    """A study's series stream together, each in its own thread with templates of its own."""
    import threading

    first, second = series_parts(corpus, 10), [corpus["mr_uint16"].read_bytes()] * 7 + series_parts(corpus, 3)
    got: dict[str, list] = {}

    def run(name: str, parts: list[bytes]) -> None:
        got[name] = list(pool.decode_stream(parts, header_only_above=0))

    threads = [threading.Thread(target=run, args=("one", first)), threading.Thread(target=run, args=("two", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for parts, answers in ((first, got["one"]), (second, got["two"])):
        for index, (part, answer) in enumerate(zip(parts, answers, strict=True)):
            assert_same(answer, here(part), f"part {index}")


def test_a_series_left_early_leaves_nothing_to_the_next(pool, corpus):
    """A viewer closed mid-series: the next series gets its own answers only."""
    first = [corpus["mr_uint16"].read_bytes()] * 10
    stream = pool.decode_stream(first, header_only_above=0)
    assert isinstance(next(stream), DecodedInstance)
    stream.close()
    parts = series_parts(corpus, 8)
    got = list(pool.decode_stream(parts, header_only_above=0))
    assert [g.info.sop_instance_uid for g in got] == [here(p).info.sop_instance_uid for p in parts]


def test_the_decoder_processes_end_when_the_application_is_killed(tmp_path):
    """A pool's worker waited for work for ever once the application was killed (seen after a
    killed viewer: two orphans of some 30 MB each); every decoder process now ends with it."""
    import subprocess
    import sys

    import psutil

    script = tmp_path / "app.py"
    script.write_text(
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        "from app.platform.dicom.decode_pool import DecodePool\n"
        "if __name__ == '__main__':\n"
        "    pool = DecodePool(2)\n"
        "    while not pool.ready:\n"
        "        time.sleep(0.05)\n"
        "    print('ready', flush=True)\n"
        "    time.sleep(600)\n", encoding="utf-8")
    application = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers: list[psutil.Process] = []
    try:
        assert application.stdout.readline().strip() == "ready"
        workers = psutil.Process(application.pid).children()
        assert len(workers) >= 2    # two pool workers (and the pool's resource tracker)
        application.kill()          # no clean-up runs: as a crash, or the task manager
        application.wait(10)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == [], [p.cmdline() for p in alive if p.is_running()]
    finally:
        application.kill()
        for worker in workers:      # a failing run leaves nothing behind
            if worker.is_running():
                worker.kill()


def test_instances_are_handed_over_while_the_network_stalls(pool, corpus):
    """Parts are handed to the caller a few at a time (`handover`), but a part that has arrived is not
    kept waiting for the next ones: a server that stops sending after three still has them shown."""
    import threading

    parts = series_parts(corpus, 3)
    gave_up = threading.Event()
    timer = threading.Timer(20, gave_up.set)
    timer.start()

    first_taken = threading.Event()

    def network():
        yield parts[0]
        first_taken.wait(20)
        time.sleep(0.2)     # the caller waits for more by now
        yield from parts[1:]
        gave_up.wait()      # the server sends nothing more

    stream = pool.decode_stream(network(), header_only_above=0)
    got = [next(stream)]
    first_taken.set()
    got += [next(stream) for _ in parts[1:]]
    assert not gave_up.is_set(), "the parts came only once the network went on"
    assert [g.info.sop_instance_uid for g in got] == [here(p).info.sop_instance_uid for p in parts]
    timer.cancel()
    gave_up.set()
    stream.close()
