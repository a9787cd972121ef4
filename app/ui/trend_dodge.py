"""Setting points side by side on screen where they would hide one another.

Two results a few days apart are one blot on a plot of several years. A doctor reads a lab
trend as values at dates, so neither may be moved for real: values stay where they are, and
dates move only on screen, only by pixels, and only as far as a symbol's own width (at that
zoom a symbol already covers more days than the shift adds). The exact date is in the
tooltip and the table. Zoomed in far enough, every point sits at its own date again.

Pure arithmetic on screen coordinates (pixels), so it is tested without a screen.
"""

from __future__ import annotations

import numpy as np


def dodge(px: np.ndarray, py: np.ndarray, size: float, max_shift: float) -> np.ndarray:
    """Screen x for each point such that points closer than `size` pixels (both ways) sit `size` apart.

    Points are pushed right, in date order, past any earlier point they would overlap; then each
    group of points that pushed one another is moved back so that it stays centred on where its
    points really are. A group that would need more than `max_shift` pixels (a dense run, read
    as a line anyway) is spread only that far: its points then overlap in part, in date order.
    """
    n = len(px)
    placed = np.asarray(px, dtype=float).copy()
    if n < 2:
        return placed
    ys = np.asarray(py, dtype=float)
    order = np.argsort(placed, kind="stable")
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    active: list[int] = []   # placed points that may still overlap a point to their right
    for i in (int(k) for k in order):
        active = [j for j in active if placed[j] + size > px[i]]
        x, moved = placed[i], True
        while moved:   # past each overlapping neighbour, and past any that lands on
            moved = False
            for j in active:
                if abs(ys[j] - ys[i]) < size and abs(placed[j] - x) < size - 1e-6:
                    x, moved = placed[j] + size, True
                    parent[root(i)] = root(j)
        placed[i] = x
        active.append(i)

    shift = placed - np.asarray(px, dtype=float)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        own = shift[members] - shift[members].mean()
        widest = float(np.abs(own).max())
        if widest > max_shift:
            own *= max_shift / widest
        shift[members] = own
    shown = np.asarray(px, dtype=float) + shift
    # Never a later result before an earlier one (the line joins them in date order), even where
    # centring a group moved it back past a neighbour that was not in its way.
    shown[order] = np.maximum.accumulate(shown[order])
    return shown
