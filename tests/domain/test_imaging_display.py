"""Window/level arithmetic and slice geometry: what the viewer's pixels and numbers rest on."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.image_geometry import distance_mm, nearest_index, plane
from app.domain.windowing import CtPreset, Window, default_window, drag_scale, stored_levels

AXIAL = (1, 0, 0, 0, 1, 0)
CORONAL = (1, 0, 0, 0, 0, -1)
SAGITTAL = (0, 1, 0, 0, 0, -1)


def test_lung_preset_maps_to_stored_values_through_rescale():
    # CT stores HU + 1024: the lung window -600/1500 spans -1350..150 HU, i.e. -326..1174 stored.
    assert stored_levels(CtPreset.LUNG.window, 1.0, -1024.0) == (-326.0, 1174.0)


def test_negative_slope_keeps_levels_ordered():
    low, high = stored_levels(Window(0, 100), -2.0, 0.0)
    assert (low, high) == (-25.0, 25.0)


def test_every_ct_preset_is_a_usable_window():
    assert {p.name for p in CtPreset} == {"BRAIN", "LUNG", "BONE", "ABDOMEN", "MEDIASTINUM"}
    assert all(p.window.width > 0 for p in CtPreset)


def test_file_window_wins_over_the_value_range():
    assert default_window((40.0,), (400.0,), (0, 4095)) == Window(40, 400)
    assert default_window((), (), (100, 300)) == Window(200, 200)
    assert default_window((), (), None) is None


def test_drag_right_widens_and_up_raises_the_level():
    w = Window(40, 400)
    moved = w.dragged(dx=100, dy=-50, scale=drag_scale(w))
    assert moved.width > w.width and moved.center > w.center


@given(st.floats(-5000, 5000), st.floats(-5000, 5000))
def test_window_width_never_drops_below_one(center, dx):
    w = Window(center, 10).dragged(dx=-abs(dx), dy=0, scale=10)
    assert w.width >= 1


def test_distance_uses_row_and_column_spacing_separately():
    assert distance_mm((0, 0), (0, 100), (0.5, 0.7)) == pytest.approx(70.0)
    assert distance_mm((0, 0), (100, 0), (0.5, 0.7)) == pytest.approx(50.0)
    assert distance_mm((0, 0), (30, 40), (1.0, 1.0)) == pytest.approx(50.0)
    assert distance_mm((0, 0), (3, 4), None) is None


def test_plane_from_orientation():
    assert plane(AXIAL) == "axial"
    assert plane(CORONAL) == "coronal"
    assert plane(SAGITTAL) == "sagittal"
    tilted = (1, 0, 0, 0, math.cos(0.6), math.sin(0.6))
    assert plane(tilted) == "oblique"
    assert plane(None) == "" and plane((0, 0, 0, 0, 0, 0)) == ""


def test_nearest_index_in_either_direction():
    assert nearest_index([0, 1, 2, 3], 2.4) == 2
    assert nearest_index([3, 2, 1, 0], 2.4) == 1
    assert nearest_index([0, 1, 2], 99) == 2
    assert nearest_index([0, 1, 2], -99) == 0



def test_an_updated_header_is_what_replace_gives_and_leaves_the_original_alone():
    from dataclasses import replace

    from app.domain.dicom_instance import InstanceInfo

    info = InstanceInfo("study", "series", "1.2.3", instance_number=4, window_centers=(40.0,), rows=512)
    changes = {"sop_instance_uid": "1.2.4", "instance_number": 5, "stored_min": -1024, "stored_max": 3071}
    updated = info.updated(changes)
    assert updated == replace(info, **changes) and updated is not info
    assert (info.sop_instance_uid, info.instance_number, info.stored_min) == ("1.2.3", 4, None)
    with pytest.raises(TypeError, match="no field colour"):
        info.updated({"colour": True})
