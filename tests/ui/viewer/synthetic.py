"""Decoded instances made in memory, for viewer tests that need no server and no file."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

import numpy as np

from app.domain.dicom_instance import DecodedInstance, DicomReadError, InstanceInfo
from app.services.image_loading import SeriesRef, Unreadable

STUDY, SERIES = "1.2.826.0.1.3680043.2.1125.1", "1.2.826.0.1.3680043.2.1125.1.1"


def ct_slice(z: float, number: int, *, rows: int = 64, cols: int = 64, value: int = 1064,
             position: bool = True, **extra) -> DecodedInstance:
    """An axial CT slice whose stored values are HU + 1024 (air 0); `value` fills a central block."""
    pixels = np.zeros((1, rows, cols), np.int16)
    pixels[0, rows // 4: 3 * rows // 4, cols // 4: 3 * cols // 4] = value
    pixels[0, 0, 0] = number            # tells slices apart in assertions
    fields = dict(study_uid=STUDY, series_uid=SERIES, sop_instance_uid=f"{SERIES}.{number}",
                  instance_number=number, modality="CT", rows=rows, columns=cols, photometric="MONOCHROME2",
                  bits_allocated=16, bits_stored=12, rescale_slope=1.0, rescale_intercept=-1024.0,
                  window_centers=(40.0,), window_widths=(400.0,), pixel_spacing=(0.5, 0.5),
                  spacing_source="pixel", slice_thickness=1.0,
                  image_position=(0.0, 0.0, z) if position else None,
                  image_orientation=(1.0, 0.0, 0.0, 0.0, 1.0, 0.0) if position else None,
                  slice_location=z, patient_name="张伟", patient_id="M001", patient_sex="M",
                  institution_name="测试医院", series_number=2, series_description="胸部平扫",
                  study_description="胸部CT平扫", stored_min=0, stored_max=max(value, number))
    fields.update(extra)
    return DecodedInstance(InstanceInfo(**fields), pixels)


def series_ref(count: int, *, uid: str = SERIES, body_part: str = "CHEST") -> SeriesRef:
    return SeriesRef(STUDY, uid, 2, "CT", "胸部平扫", body_part, count)


class ListSource:
    """An ImageSource over prepared instances; `gate` holds the stream back until the test says."""

    def __init__(self, items: Sequence[DecodedInstance | DicomReadError], *, label: str = "test",
                 series: SeriesRef | None = None, gate: threading.Event | None = None, hold_after: int = 1) -> None:
        self.items = list(items)
        self.label = label
        self.ref = series or series_ref(len(items))
        self.gate, self.hold_after = gate, hold_after
        self.closed = False

    def list_series(self) -> list[SeriesRef]:
        return [self.ref]

    def stream(self, series: SeriesRef, cancelled) -> Iterator[DecodedInstance | Unreadable]:
        for i, item in enumerate(self.items):
            if self.gate is not None and i == self.hold_after:
                self.gate.wait(10)
            if cancelled():
                return
            yield Unreadable(f"file{i}", item) if isinstance(item, DicomReadError) else item

    def close(self) -> None:
        self.closed = True
