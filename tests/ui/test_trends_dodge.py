"""Results that would hide one another on screen are set side by side, never far from their dates."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from app.ui.trend_dodge import dodge

SIZE, MAX = 12.0, 18.0


def test_two_results_days_apart_sit_side_by_side_around_their_dates():
    shown = dodge(np.array([100.0, 103.0, 300.0]), np.array([50.0, 51.0, 50.0]), SIZE, MAX)
    assert shown[1] - shown[0] == SIZE                       # a symbol's width apart, in date order
    assert (shown[0] + shown[1]) / 2 == 101.5                # centred where they really are
    assert shown[2] == 300.0                                 # a result with room stays at its date


def test_results_far_apart_in_value_stay_where_they_are():
    px, py = np.array([100.0, 101.0]), np.array([20.0, 120.0])
    assert list(dodge(px, py, SIZE, MAX)) == [100.0, 101.0]


def test_a_crowd_spreads_no_further_than_the_limit():
    shown = dodge(np.zeros(9), np.zeros(9), SIZE, MAX)
    assert np.all(np.diff(shown) > 0)                        # still in date order, each its own place
    assert np.abs(shown).max() == MAX


@given(st.lists(st.tuples(st.floats(0, 800), st.floats(0, 200)), min_size=1, max_size=60))
def test_order_kept_and_shift_bounded(points):
    px = np.array(sorted(p[0] for p in points))
    py = np.array([p[1] for p in sorted(points)])
    shown = dodge(px, py, SIZE, MAX)
    assert np.all(np.diff(shown) >= -1e-9)                   # a later result is never drawn before an earlier one
    assert np.abs(shown - px).max() <= MAX + 1e-9                 # never far from its date on screen
