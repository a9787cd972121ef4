"""Prefetch benchmark: the reminded study's whole series, opened after a background prefetch.

In the same run, on the demo platform's 300-slice chest CT:
- "cached": the series opened once in the viewer (which fills the sealed disk cache), then
  opened again, timed from the click to the whole series;
- "prefetched": a fresh sealed cache filled by `app.services.prefetch` (one low-priority thread,
  half the link), then the series opened for the first time, timed the same way.
Target ≤ 1.5: a prefetched study opens as a cached one does (no instance left to the network).
Also shown: how long the background prefetch took against the viewer's cold opening (the price of
its bandwidth share, not a target).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.imaging import Row, chest_ct, close_viewer, open_in_viewer

ROUNDS = 3


def _open_whole(app, dicomweb_url: str, study_uid: str, cache) -> tuple[float, int]:
    """Click to whole series in a viewer window reading `cache` first; (seconds, slices). The
    window is closed and deleted before the next opening: left open, each round's 157 MB of
    pixels stayed, and later rounds ran twice as slow as the first."""
    opened = open_in_viewer(app, dicomweb_url, study_uid, cache)
    slices = len(opened.pane.stack.slices)
    close_viewer(app, opened)
    return opened.whole, slices


def bench_prefetch(dicomweb_url: str) -> list[Row]:
    from cryptography.fernet import Fernet
    from PySide6.QtWidgets import QApplication

    from app.domain.imaging import ImagingStudy
    from app.domain.models import RecordKey
    from app.platform.image_cache import ImageCache
    from app.platform.sealing import Sealer
    from app.services.image_loading import StudyImages
    from app.services.prefetch import start_prefetch

    app = QApplication.instance() or QApplication([])
    study_uid, series_uid, count = chest_ct(dicomweb_url)
    study = ImagingStudy(RecordKey("bench", "ct"), study_uid, None, "available", ("CT",), "bench", (), count,
                         dicomweb_url, None, ())
    root = Path(tempfile.mkdtemp(prefix="huren-bench-prefetch-"))
    cached, prefetched, colds, prefetches = [], [], [], []
    try:
        for run in range(ROUNDS):
            with ImageCache(root / f"viewed-{run}", 4 << 30, Sealer(Fernet.generate_key())) as cache:
                cold, _ = _open_whole(app, dicomweb_url, study_uid, cache)      # fills the cache
                cache.flush()                                                    # its writes landed
                again, slices = _open_whole(app, dicomweb_url, study_uid, cache)
                assert slices == count, (slices, count)
                colds.append(cold)
                cached.append(again)
            with ImageCache(root / f"prefetched-{run}", 4 << 30, Sealer(Fernet.generate_key())) as cache:
                t = time.perf_counter()
                handle = start_prefetch(StudyImages(cache), [study])
                assert handle.wait(600) and handle.progress.failed == 0, handle.progress
                assert len(cache.cached_instances(study_uid, series_uid)) == count, handle.progress
                prefetches.append(time.perf_counter() - t)
                first, slices = _open_whole(app, dicomweb_url, study_uid, cache)
                assert slices == count, (slices, count)
                prefetched.append(first)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return [
        ("prefetched study opens (whole series, 300 slices)", statistics.median(prefetched),
         "cached study opens", statistics.median(cached), "target ≤ 1.5"),
        ("prefetch in the background (half the link)", statistics.median(prefetches),
         "viewer cold, whole series", statistics.median(colds), ""),
    ]


if __name__ == "__main__":   # this row alone: python -m tests.bench.prefetch
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.bench import SandboxProcess

    with tempfile.TemporaryDirectory() as tmp:
        server = SandboxProcess(Path(tmp) / "images", latency=0.0, images=True)
        try:
            for name, value, base_name, base, note in bench_prefetch(server.dicomweb):
                print(f"{name:55} {value * 1000:8.1f}ms  {base_name:28} {base * 1000:8.1f}ms "
                      f"{value / base:6.2f}  {note}")
        finally:
            server.stop()
    sys.exit(0)
