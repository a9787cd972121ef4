"""The disk cache gives back exactly what was put, evicts the least recently used, survives crashes."""

from __future__ import annotations

import os
import threading
import time
from datetime import date

import numpy as np
import pytest

from app.domain.dicom_instance import DecodedInstance, InstanceInfo
from app.platform.image_cache import ImageCache


def instance(n: int, *, size: int = 32, colour: bool = False) -> DecodedInstance:
    info = InstanceInfo("1.2.study", "1.2.series", f"1.2.sop.{n}", rows=size, columns=size, modality="CT",
                        photometric="RGB" if colour else "MONOCHROME2", samples_per_pixel=3 if colour else 1,
                        bits_allocated=8 if colour else 16, window_centers=(40.0, 400.0),
                        window_widths=(400.0, 1500.0), image_position=(0.0, 0.0, 1.5 * n),
                        patient_name="张伟", study_date=date(2026, 11, 20), stored_min=-n, stored_max=n)
    shape = (1, size, size, 3) if colour else (1, size, size)
    pixels = np.random.default_rng(n).integers(0, 255, shape).astype(np.uint8 if colour else np.int16)
    return DecodedInstance(info, pixels)


def keys(decoded: DecodedInstance) -> tuple[str, str, str]:
    return decoded.info.study_uid, decoded.info.series_uid, decoded.info.sop_instance_uid


@pytest.fixture
def cache(tmp_path):
    with ImageCache(tmp_path / "cache", max_bytes=10 * 1024 * 1024) as opened:
        yield opened


@pytest.mark.parametrize("colour", [False, True])
def test_round_trip_is_exact(cache, colour):
    original = instance(1, colour=colour)
    assert cache.put(original)
    got = cache.get(*keys(original))
    assert got is not None and got.info == original.info
    np.testing.assert_array_equal(got.pixels, original.pixels)
    assert got.pixels.dtype == original.pixels.dtype and not got.pixels.flags.writeable
    assert cache.get("1.2.study", "1.2.series", "other") is None


def test_entries_survive_reopening(tmp_path):
    original = instance(2)
    with ImageCache(tmp_path / "c", 1 << 20) as first:
        first.put(original)
    with ImageCache(tmp_path / "c", 1 << 20) as second:
        np.testing.assert_array_equal(second.get(*keys(original)).pixels, original.pixels)
        assert second.size_bytes() == original.nbytes


def test_least_recently_used_entries_go_first(tmp_path):
    items = [instance(n) for n in range(4)]
    with ImageCache(tmp_path / "c", max_bytes=3 * items[0].nbytes) as cache:
        for item in items[:3]:
            cache.put(item)
        assert cache.get(*keys(items[0])) is not None          # 0 is now the most recent
        cache.put(items[3])
        present = [cache.get(*keys(item)) is not None for item in items]
        assert present == [True, False, True, True]
        assert cache.size_bytes() == 3 * items[0].nbytes <= cache.max_bytes


def test_an_instance_larger_than_the_cache_is_not_kept(tmp_path):
    with ImageCache(tmp_path / "c", max_bytes=100) as cache:
        assert not cache.put(instance(1))
        assert cache.size_bytes() == 0


def test_putting_again_replaces_and_frees_the_old_file(cache):
    first, second = instance(1), instance(1)
    second.pixels = second.pixels + 1
    cache.put(first)
    cache.put(second)
    np.testing.assert_array_equal(cache.get(*keys(first)).pixels, second.pixels)
    assert len(list((cache.root / "pixels").rglob("*.npy"))) == 1 and len(cache) == 1


def test_concurrent_puts_and_gets_from_threads(tmp_path):
    items = [instance(n) for n in range(40)]
    cap = 25 * items[0].nbytes
    errors: list[BaseException] = []
    with ImageCache(tmp_path / "c", max_bytes=cap) as cache:
        def work(chunk):
            try:
                for item in chunk:
                    cache.put(item)
                    got = cache.get(*keys(item))
                    if got is not None:
                        np.testing.assert_array_equal(got.pixels, item.pixels)
            except BaseException as exc:   # noqa: BLE001 - reported below  # pragma: no cover
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(items[i::4],)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert cache.size_bytes() <= cap and len(cache) == 25
        files = list((cache.root / "pixels").rglob("*.npy"))
        assert len(files) == 25
        assert sum(cache.get(*keys(item)) is not None for item in items) == 25


def test_a_half_written_entry_is_ignored(cache):
    item = instance(3)
    cache.put(item)
    (npy,) = (cache.root / "pixels").rglob("*.npy")
    npy.write_bytes(npy.read_bytes()[:200])           # the disk lost the end of the file
    assert cache.get(*keys(item)) is None
    assert len(cache) == 0 and not npy.exists()


def test_files_left_by_a_crash_are_swept_at_start(tmp_path):
    with ImageCache(tmp_path / "c", 1 << 20) as cache:
        cache.put(instance(1))
        folder = next((cache.root / "pixels").iterdir())
    leftovers = [folder / "deadbeef.0123.tmp", folder / "deadbeef.4567.npy"]   # mid-write; written, never indexed
    for path in leftovers:
        path.write_bytes(b"\x93NUMPY partial")
        old = time.time() - 3600
        os.utime(path, (old, old))
    with ImageCache(tmp_path / "c", 1 << 20) as cache:
        assert not any(path.exists() for path in leftovers)
        assert cache.get(*keys(instance(1))) is not None


def test_clear_empties_the_cache(cache):
    for n in range(3):
        cache.put(instance(n))
    cache.clear()
    assert cache.size_bytes() == 0 and len(cache) == 0
    assert not list((cache.root / "pixels").rglob("*.npy"))


def test_sealed_pixels_and_index_hide_a_burned_in_name(tmp_path):
    from cryptography.fernet import Fernet

    from app.platform.sealing import Sealer
    from tests.helpers.at_rest import files_holding

    burned = instance(7, size=64)
    text = np.frombuffer(("张伟" * 2048).encode("utf-8")[:64 * 64 * 2], dtype=np.int16)
    burned = DecodedInstance(burned.info, text.reshape(1, 64, 64).copy())      # the name in the pixels' bytes
    sealer = Sealer(Fernet.generate_key())
    with ImageCache(tmp_path / "cache", max_bytes=10 * 1024 * 1024, sealer=sealer) as sealed:
        assert sealed.put(burned)
        assert files_holding(tmp_path / "cache", {"name": "张伟"}) == []
        got = sealed.get(*keys(burned))
        np.testing.assert_array_equal(got.pixels, burned.pixels)
        assert got.info.patient_name == "张伟"
    assert oct((tmp_path / "cache").stat().st_mode & 0o777) == "0o700"
    with ImageCache(tmp_path / "cache", max_bytes=10 * 1024 * 1024, sealer=Sealer(Fernet.generate_key())) as other:
        assert other.get(*keys(burned)) is None           # another key: a miss, never garbage
        assert len(other) == 0


def test_a_cache_of_plain_files_from_an_earlier_version_starts_empty(tmp_path):
    import sqlite3

    with ImageCache(tmp_path / "cache", max_bytes=10 * 1024 * 1024) as old:
        assert old.put(instance(1))
    db = sqlite3.connect(tmp_path / "cache" / "index.sqlite3")
    db.execute("PRAGMA user_version = 1")                 # as an earlier version left it
    db.close()
    with ImageCache(tmp_path / "cache", max_bytes=10 * 1024 * 1024) as reopened:
        assert len(reopened) == 0 and reopened.get(*keys(instance(1))) is None
    assert not any(p.is_file() for p in (tmp_path / "cache" / "pixels").rglob("*"))   # plain files gone at once


def test_writes_off_the_arriving_path_land_in_order_and_before_close(tmp_path):
    made = ImageCache(tmp_path / "c", 1 << 30)
    futures = [made.put_later(instance(n)) for n in range(20)]
    made.close()                                       # waits for what was asked
    assert all(f.done() and f.result() for f in futures)
    with ImageCache(tmp_path / "c", 1 << 30) as again:
        assert len(again) == 20 and again.get(*keys(instance(7))) is not None


def test_a_write_asked_for_after_close_is_dropped_and_leaves_no_file(tmp_path):
    """A viewer's or prefetch's fetch still ending as the window closes: its slice is not written."""
    made = ImageCache(tmp_path / "c", 1 << 30)
    made.put_later(instance(1))
    made.close()
    late = made.put_later(instance(2))
    assert late.done() and late.result() is False
    files = [p for p in (tmp_path / "c").rglob("*") if p.is_file() and "pixels" in p.parts]
    assert len(files) == 1                              # the one asked for before close, no other, no .tmp
    with ImageCache(tmp_path / "c", 1 << 30) as again:
        assert len(again) == 1 and again.get(*keys(instance(2))) is None


def test_a_write_asked_for_before_a_clear_is_dropped(cache):
    gate = threading.Event()
    original = cache.put

    def slow_put(decoded):
        gate.wait(5)
        return original(decoded)

    cache.put = slow_put
    futures = [cache.put_later(instance(n)) for n in range(5)]   # the first waits in the writer
    clearing = threading.Thread(target=cache.clear)
    clearing.start()
    time.sleep(0.05)
    gate.set()
    clearing.join(5)
    assert not clearing.is_alive()
    assert len(cache) == 0                              # a signed-out user's images do not come back
    assert [f.result() for f in futures[1:]] == [False] * 4
