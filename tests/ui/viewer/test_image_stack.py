"""The stack orders slices by anatomy whatever order they arrive in, and costs only their pixels."""

from __future__ import annotations

import random

import numpy as np

from app.domain.dicom_instance import DecodedInstance
from app.ui.viewer.image_stack import ImageStack

from .synthetic import ct_slice, series_ref


def test_slices_are_ordered_head_first_whatever_the_arrival_order():
    zs = list(range(-20, 20))
    arrivals = [ct_slice(float(z), n) for n, z in enumerate(zs, start=1)]
    random.Random(4).shuffle(arrivals)
    stack = ImageStack(series_ref(len(zs)))
    for d in arrivals:
        stack.add(d)
    assert [s.position for s in stack.slices] == sorted(map(float, zs), reverse=True)
    assert stack.plane == "axial"
    assert stack.expected == len(zs)


def test_without_positions_the_instance_number_orders():
    stack = ImageStack(series_ref(3))
    for n in (3, 1, 2):
        stack.add(ct_slice(0.0, n, position=False))
    assert [s.info.instance_number for s in stack.slices] == [1, 2, 3]
    assert stack.positions is None


def test_one_slice_without_position_reorders_all_by_number():
    stack = ImageStack(series_ref(3))
    stack.add(ct_slice(5.0, 1))
    stack.add(ct_slice(9.0, 2))
    stack.add(ct_slice(0.0, 3, position=False))
    assert [s.info.instance_number for s in stack.slices] == [1, 2, 3]


def test_multiframe_instance_gives_a_slice_per_frame_without_copying():
    base = ct_slice(0.0, 1, position=False)
    frames = np.repeat(base.pixels, 12, axis=0)
    from dataclasses import replace
    d = DecodedInstance(replace(base.info, frames=12), frames)
    stack = ImageStack(series_ref(1))
    stack.add(d)
    assert len(stack.slices) == 12 and stack.is_multiframe
    assert all(np.shares_memory(s.pixels, frames) for s in stack.slices)
    assert stack.nbytes == frames.nbytes


def test_expected_counts_what_is_still_on_the_way():
    stack = ImageStack(series_ref(10))
    stack.add(ct_slice(1.0, 1))
    assert stack.expected == 10
    stack.complete = True
    assert stack.expected == 1


def test_a_slice_without_a_window_of_its_own_spans_its_values_counted_when_needed():
    """A single plain slice's range is not counted at decoding (`stored_min` None): the window made
    when the file names none spans the values present all the same, in output units."""
    from app.domain.windowing import Window

    decoded = ct_slice(0.0, 1, value=1524, window_centers=(), window_widths=(), stored_min=None, stored_max=None)
    stack = ImageStack(series_ref(1))
    stack.add(decoded)
    (slice_,) = stack.slices
    assert slice_.info.value_range is None
    # stored 0..1524 (air and the block), rescaled by -1024: -1024..500
    assert slice_.default_window() == Window(center=(-1024 + 500) / 2, width=500 + 1024)


def test_a_slice_left_unchecked_shows_its_values_without_the_bits_above_bits_stored():
    """A streamed slice's high bits are checked at its first look, not on arrival
    (`InstanceInfo.high_bits_unchecked`): what is shown, and the window made from it, are
    the values as pydicom gives them; the stored bytes stay as they came."""
    from app.domain.windowing import Window

    decoded = ct_slice(0.0, 1, value=1524, window_centers=(), window_widths=(), stored_min=None, stored_max=None,
                       high_bits_unchecked=True)
    raw = decoded.pixels.copy()
    raw[0, 5, 5:9] |= np.int16(0x7000)             # an overlay in bits 12-14 of a 12-bit signed value
    decoded = DecodedInstance(decoded.info, raw)
    stack = ImageStack(series_ref(1))
    stack.add(decoded)
    (slice_,) = stack.slices
    assert stack.nbytes == raw.nbytes and "_checked" not in slice_.__dict__    # counting bytes is no look
    shown = slice_.pixels
    assert np.array_equal(shown[5, 5:9], raw[0, 5, 5:9].astype(np.int32) << 20 >> 20)   # sign extended from bit 11
    assert np.array_equal(shown[6], raw[0, 6]) and not shown.flags.writeable
    assert np.array_equal(slice_.stored, raw[0])
    assert (int(shown.min()), int(shown.max())) == (0, 1524)        # the overlay's 0x7000 is gone
    assert slice_.default_window() == Window(center=(-1024 + 500) / 2, width=500 + 1024)


def test_a_checked_slice_is_shown_as_stored():
    decoded = ct_slice(0.0, 1)
    stack = ImageStack(series_ref(1))
    stack.add(decoded)
    assert stack.slices[0].pixels is stack.slices[0].stored


def test_a_slice_with_a_window_of_its_own_is_not_counted_for_one():
    from app.domain.windowing import Window

    stack = ImageStack(series_ref(1))
    stack.add(ct_slice(0.0, 1, stored_min=None, stored_max=None))
    (slice_,) = stack.slices
    assert slice_.default_window() == Window(center=40.0, width=400.0)
    assert "_range" not in slice_.__dict__      # no pass over its pixels for a range nobody needs
