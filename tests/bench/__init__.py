"""Benchmarks (`python -m tests.bench`); shared measuring helpers."""

from __future__ import annotations

import statistics
import time


def median_time(fn, repeat: int = 5) -> float:
    """The median wall time of `repeat` calls of `fn`, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)
