"""Stack order from positions and orientations alone (the corpus-based case is in tests/platform/test_dicom.py)."""

from __future__ import annotations

from dataclasses import replace

from app.domain.dicom_instance import InstanceInfo
from app.domain.image_geometry import slice_order


def test_slice_order_falls_back_to_instance_number_then_arrival():
    by_number = [InstanceInfo("s", "e", str(n), instance_number=n) for n in (3, 1, 2)]
    assert slice_order(by_number) == [1, 2, 0]
    mixed = [replace(by_number[0], instance_number=None), *by_number[1:]]
    assert slice_order(mixed) == [0, 1, 2]
    tilted = [InstanceInfo("s", "e", str(n), instance_number=n, image_position=(0.0, 0.0, float(-n)),
                           image_orientation=o) for n, o in ((1, (1, 0, 0, 0, 1, 0)), (2, (1, 0, 0, 0, 0, 1)))]
    assert slice_order(tilted) == [0, 1]     # different planes: positions are not comparable
