"""The demo's two kinds of chance: a weighted draw from the seeded stream, and a stable spread.

Every generator of the demo draws from one `random.Random` per call, so the same seed gives
the same platform; `spread` is not random at all, so a hospital differs from the others in
the same way whatever the seed.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from typing import Any


def weighted(rng: random.Random, choices: Sequence[tuple[Any, float]]) -> Any:
    """One of the (value, weight) pairs' values, drawn in proportion to its weight."""
    values = [c for c, _ in choices]
    weights = [w for _, w in choices]
    return rng.choices(values, weights=weights, k=1)[0]


def spread(*parts: str, steps: int = 5) -> int:
    """A small stable integer in [-steps//2, steps//2] from names (crc32, not the salted hash()).

    Hospitals differ a little in ranges and calibration, but always in the same way.
    """
    return zlib.crc32(":".join(parts).encode("utf-8")) % steps - steps // 2
