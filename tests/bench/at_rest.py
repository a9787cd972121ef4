"""What sealing costs: a 300-slice CT read back from the image cache, sealed (as the app keeps it)
against the same cache unsealed, in the same run."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

Row = tuple[str, float, str, float, str]
SLICES = 300


def _series() -> list:
    from app.domain.dicom_instance import DecodedInstance, InstanceInfo

    rng = np.random.default_rng(7)
    out = []
    for n in range(SLICES):
        info = InstanceInfo("1.2.study", "1.2.series", f"1.2.sop.{n}", rows=512, columns=512, modality="CT",
                            photometric="MONOCHROME2", samples_per_pixel=1, bits_allocated=16,
                            window_centers=(40.0,), window_widths=(400.0,), image_position=(0.0, 0.0, 1.0 * n),
                            patient_name="张伟")
        out.append(DecodedInstance(info, rng.integers(-1000, 2000, (1, 512, 512)).astype(np.int16)))
    return out


def _timed(cache, series) -> tuple[float, float]:
    """(seconds to put the series, median seconds of three whole read-backs)."""
    t = time.perf_counter()
    for decoded in series:
        cache.put(decoded)
    put = time.perf_counter() - t
    reads = []
    for _ in range(3):
        t = time.perf_counter()
        for d in series:
            assert cache.get(d.info.study_uid, d.info.series_uid, d.info.sop_instance_uid) is not None
        reads.append(time.perf_counter() - t)
    return put, statistics.median(reads)


def bench_sealed_cache() -> list[Row]:
    from cryptography.fernet import Fernet

    from app.platform.image_cache import ImageCache
    from app.platform.sealing import Sealer

    series = _series()
    folder = Path(tempfile.mkdtemp(prefix="huren-bench-sealed-"))
    try:
        with ImageCache(folder / "plain", 4 << 30) as plain:
            plain_put, plain_read = _timed(plain, series)
        with ImageCache(folder / "sealed", 4 << 30, Sealer(Fernet.generate_key())) as sealed:
            sealed_put, sealed_read = _timed(sealed, series)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        (f"image cache: store a {SLICES}-slice CT, sealed", sealed_put, "unsealed", plain_put, ""),
        ("image cache: read it back, sealed", sealed_read, "unsealed", plain_read, "the price of sealing"),
    ]


if __name__ == "__main__":
    for name, value, base_name, base, note in bench_sealed_cache():
        print(f"{name:55} {value * 1000:8.1f} ms  {base_name:10} {base * 1000:8.1f} ms {value / base:6.2f}  {note}")
