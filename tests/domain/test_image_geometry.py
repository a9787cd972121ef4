"""Stack order from positions and orientations alone (the corpus-based case is in tests/platform/test_dicom.py),
and linking two stacks by where their slices lie in the patient."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.domain.dicom_instance import InstanceInfo
from app.domain.image_geometry import SliceLink, SlicePositions, slice_order, slice_spacing

UP, DOWN, SIDEWAYS = (0.0, 0.0, 1.0), (0.0, 0.0, -1.0), (1.0, 0.0, 0.0)


def test_slice_order_falls_back_to_instance_number_then_arrival():
    by_number = [InstanceInfo("s", "e", str(n), instance_number=n) for n in (3, 1, 2)]
    assert slice_order(by_number) == [1, 2, 0]
    mixed = [replace(by_number[0], instance_number=None), *by_number[1:]]
    assert slice_order(mixed) == [0, 1, 2]
    tilted = [InstanceInfo("s", "e", str(n), instance_number=n, image_position=(0.0, 0.0, float(-n)),
                           image_orientation=o) for n, o in ((1, (1, 0, 0, 0, 1, 0)), (2, (1, 0, 0, 0, 0, 1)))]
    assert slice_order(tilted) == [0, 1]     # different planes: positions are not comparable


def test_the_follower_goes_to_the_position_not_to_an_offset_kept_from_linking():
    # The issue: the current study at -160 mm beside a prior at -10 mm when linked. Whatever was on
    # screen then, the prior follows to the slice at the same position in the patient.
    current = SlicePositions([-float(z) for z in range(300)], thickness=1.0)       # 0 .. -299, head first
    prior = SlicePositions([-2.5 * k for k in range(120)], thickness=2.5)          # 0 .. -297.5
    link = SliceLink.between(UP, UP)
    assert link == SliceLink(flipped=False)
    assert prior.positions[link.b_for(-160.0, prior)] == -160.0
    assert prior.positions[link.b_for(-81.0, prior)] == -80.0        # nearest: 1 mm off, within half a slice
    assert current.positions[link.a_for(-10.0, current)] == -10.0


def test_no_slice_within_the_slice_thickness_is_no_match():
    prior = SlicePositions([-30.0 - 2 * k for k in range(20)], thickness=1.0)     # -30 .. -68, 2 mm apart
    assert prior.tolerance == 1.0
    link = SliceLink()
    assert link.b_for(-10.0, prior) is None           # 20 mm above the prior's first slice: nothing there
    assert link.b_for(-28.5, prior) is None           # 1.5 mm from its first slice, which is 1 mm thick
    assert link.b_for(-29.0, prior) == 0              # within the thickness: that slice
    assert link.b_for(-69.0, prior) == 19 and link.b_for(-69.5, prior) is None


def test_thin_slices_with_gaps_still_match_everywhere_inside_the_stack():
    gapped = SlicePositions([0.0, 5.0, 10.0, 15.0], thickness=1.0)                 # 1 mm slices every 5 mm
    assert gapped.tolerance == 2.5
    assert [gapped.at(z) for z in (2.4, 2.6, 12.5, 17.5, 17.6)] == [0, 1, 2, 3, None]
    unknown = SlicePositions([0.0, 3.0, 6.0])                                      # no Slice Thickness
    assert unknown.tolerance == 3.0 and unknown.at(9.0) == 2 and unknown.at(9.1) is None
    assert SlicePositions([]).at(0.0) is None


def test_opposite_normals_count_positions_the_other_way_and_other_planes_do_not_link():
    feet_first = SlicePositions([float(z) for z in range(0, 100)], thickness=1.0)  # along -z: +z here is -z there
    link = SliceLink.between(UP, DOWN)
    assert link == SliceLink(flipped=True)
    assert feet_first.positions[link.b_for(-42.0, feet_first)] == 42.0
    assert SliceLink.between(UP, SIDEWAYS) is None


def test_slice_spacing_is_the_usual_gap():
    assert slice_spacing([0.0, -2.5, -5.0, -10.0, -12.5]) == 2.5        # one slice missing
    assert slice_spacing([3.0]) is None and slice_spacing([]) is None


@given(start_a=st.floats(-400, 400), step_a=st.sampled_from([0.625, 1.0, 1.25, 2.5, 5.0]),
       count_a=st.integers(2, 200), start_b=st.floats(-400, 400),
       step_b=st.sampled_from([0.625, 1.0, 1.25, 2.5, 5.0]), count_b=st.integers(2, 200),
       descending=st.booleans(), pick=st.integers(0, 10_000))
def test_linked_positions_agree_within_half_a_slice(start_a, step_a, count_a, start_b, step_b, count_b,
                                                    descending, pick):
    sign = -1 if descending else 1
    a = SlicePositions([start_a + sign * step_a * k for k in range(count_a)], thickness=step_a)
    b = SlicePositions([start_b + sign * step_b * k for k in range(count_b)], thickness=step_b)
    i = pick % count_a
    j = SliceLink().b_for(a.positions[i], b)
    nearest = min(abs(p - a.positions[i]) for p in b.positions)
    if j is None:
        assert nearest > step_b                                   # no slice within its thickness
    else:
        assert abs(b.positions[j] - a.positions[i]) == nearest    # the nearest slice, no other
        low, high = min(b.positions), max(b.positions)
        if low <= a.positions[i] <= high:
            assert nearest <= step_b / 2 + 1e-9                   # inside B: within half a slice
