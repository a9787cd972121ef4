"""A series' slices read as what differs from a slice already read: a CT header in microseconds.

The slices of a series share almost every byte of their headers: the same patient, study,
series, size, spacing and encoding; what changes from one slice to the next is its UID, its
number, its position and maybe its window or rescale (`header.SLICE_KEYWORDS`). Reading each
header in full (the lean reader and `instance_info`, a quarter of a millisecond) is most of
the per-slice work of a series on a fast link (`decode_pool` reads them as the slices are handed
over). Here the first slice of each header length is read in full (the template), and each later slice of
that length is compared with it byte for byte (numpy): when every differing byte lies inside
the value of an element that either nothing here reads or that is one of the slice's own
attributes, the slice has the template's structure (every tag, length and offset the same),
and its `InstanceInfo` is the template's with the slice's attributes read again.

Anything else is declined (None) and read in full as before: a differing byte in an element's
tag, VR or length, in an element of undefined length, in any other attribute the header or the
pixel checks read (`READ_KEYWORDS`), a header of a length not seen, or a template the lean reader
declined. The result is checked against the full reading for every slice of the test corpus and
for random changes to each element (tests/platform/test_slice_template.py).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
from pydicom.datadict import tag_for_keyword
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.tag import BaseTag

from app.domain.dicom_instance import DicomReadError
from app.platform.dicom.decoding import MAX_PIXEL_BYTES, NativeLayout, layout_of
from app.platform.dicom.header import SLICE_KEYWORDS, encodings_of, slice_values
from app.platform.dicom.lean_header import read_header

#: Every attribute `header.instance_info` and the pixel checks (`decoding.layout_of`) read: a slice
#: whose value differs in one of these (other than `SLICE_KEYWORDS`) is read in full. Checked
#: against the keywords those modules name (tests/platform/test_slice_template.py).
READ_KEYWORDS = (
    "AccessionNumber", "BitsAllocated", "BitsStored", "BodyPartExamined", "CineRate", "Columns", "FrameTime",
    "FrameTimeVector", "FrameVOILUTSequence", "ImageLaterality", "ImagerPixelSpacing", "InstitutionName", "Laterality",
    "LossyImageCompression", "Manufacturer", "ManufacturerModelName", "MediaStorageSOPClassUID", "Modality",
    "ModalityLUTSequence", "NumberOfFrames", "PatientAge", "PatientBirthDate", "PatientID", "PatientName",
    "PatientPosition", "PatientSex", "PerFrameFunctionalGroupsSequence", "PhotometricInterpretation",
    "PixelMeasuresSequence", "PixelRepresentation", "PixelSpacing", "PixelValueTransformationSequence",
    "PlaneOrientationSequence", "PlanePositionSequence", "RecommendedDisplayFrameRate", "ReferringPhysicianName",
    "RescaleType", "Rows", "SOPClassUID", "SamplesPerPixel", "SeriesDate", "SeriesDescription", "SeriesInstanceUID",
    "SeriesNumber", "SharedFunctionalGroupsSequence", "SliceThickness", "SpacingBetweenSlices",
    "SpecificCharacterSet", "StudyDate", "StudyDescription", "StudyID", "StudyInstanceUID", "StudyTime",
    "TransferSyntaxUID", "VOILUTSequence", "ViewPosition", "WindowCenterWidthExplanation",
)
_SLICE_TAGS = frozenset(tag_for_keyword(k) for k in SLICE_KEYWORDS)
_READ_TAGS = frozenset(tag_for_keyword(k) for k in READ_KEYWORDS)
#: Header lengths a series may bring (each a template read in full); beyond, slices are read in full.
_MOST_TEMPLATES = 32
_UNDEFINED = 0xFFFFFFFF


@dataclass(frozen=True)
class _Template:
    """A slice read in full: its header's bytes, where each element's value lies, and its layout."""

    head: np.ndarray                # the header's bytes (uint8)
    starts: np.ndarray              # each element's value start, ascending (the preamble first)
    ends: np.ndarray                # ... and end
    elements: tuple[RawDataElement | None, ...]   # each element (None: the preamble)
    encodings: list[str]
    layout: NativeLayout
    pixel_length: int               # the Pixel Data value's declared length
    slice_elements: dict[BaseTag, RawDataElement]   # the template's elements among `SLICE_KEYWORDS`

    @classmethod
    def read(cls, head: bytes, size: int, max_bytes: int) -> _Template | None:
        lean = read_header(head)
        if lean is None:
            return None
        ds = lean.dataset
        found = [*ds.file_meta.values(), *ds.values()]     # as read: reading the layout converts some
        raw = sorted((e for e in found if isinstance(e, RawDataElement)), key=lambda e: e.value_tell)
        if len(raw) != len(found):
            return None
        try:
            layout = layout_of(lean, head, size, max_bytes)
        except DicomReadError:
            return None     # read in full (by a worker), which says why it cannot be shown
        if layout is None:
            return None
        starts = [0] + [e.value_tell for e in raw]
        ends = [128] + [e.value_tell + len(e.value or b"") for e in raw]
        (pixel_length,) = struct.unpack_from("<I", head, layout.offset - 4)
        return cls(np.frombuffer(head, np.uint8), np.array(starts), np.array(ends), (None, *raw),
                   encodings_of(ds), layout, pixel_length, {e.tag: e for e in raw if e.tag in _SLICE_TAGS})

    def layout_for(self, head: bytes, size: int) -> NativeLayout | None:
        """The layout of `head` (a header of this template's length) when it differs from the template
        only in values nothing reads or in the slice's own attributes; None otherwise."""
        if self.layout.offset + self.pixel_length > size:
            return None     # the pixel data would run past the part: read in full, which says so
        differing = np.flatnonzero(np.frombuffer(head, np.uint8) != self.head)
        if not differing.size:
            return self.layout
        index = np.searchsorted(self.starts, differing, side="right") - 1
        if (index < 0).any() or (differing >= self.ends[index]).any():
            return None     # a byte outside every value: a tag, a VR or a length differs
        changed = []
        for i in dict.fromkeys(index.tolist()):     # each element once, in order (np.unique cost more)
            element = self.elements[i]
            if element is None:
                continue    # the preamble
            tag = int(element.tag)
            if element.length == _UNDEFINED or (tag in _READ_TAGS and tag not in _SLICE_TAGS):
                return None
            if tag in _SLICE_TAGS:
                changed.append(element)
        if not changed:
            return self.layout
        return NativeLayout(self.layout.info.updated(self._slice_values(head, changed)), self.layout.offset,
                            self.layout.dtype)

    def _slice_values(self, head: bytes, changed: list[RawDataElement]) -> dict[str, object]:
        """The slice's own attributes, read from its elements among `SLICE_KEYWORDS` (the template's,
        with the changed values put in): nothing else of a header that reads as the template's."""
        elements = dict(self.slice_elements)
        for e in changed:
            elements[e.tag] = RawDataElement(e.tag, e.VR, e.length, head[e.value_tell:e.value_tell + e.length],
                                             e.value_tell, e.is_implicit_VR, e.is_little_endian)
        ds = Dataset({tag: e for tag, e in elements.items() if tag >> 16 != 0x0002})
        values = slice_values(ds, self.encodings)
        if not values["sop_instance_uid"]:
            # The File Meta's stands in for a missing SOP Instance UID (`slice_values`): only then is it
            # made (a FileMetaDataset checks its elements as it is made: 7 µs of a slice's ~60 here).
            ds.file_meta = FileMetaDataset({tag: e for tag, e in elements.items() if tag >> 16 == 0x0002})
            values = slice_values(ds, self.encodings)
        return values


class SeriesHeaders:
    """Templates by header length, each the last slice of that length read in full: one series' slices
    (a slice of a new structure, declined by the template of its length, becomes that template)."""

    def __init__(self, max_bytes: int = MAX_PIXEL_BYTES) -> None:
        self._max_bytes = max_bytes
        self._templates: dict[int, _Template] = {}

    def layout(self, head: bytes, size: int) -> NativeLayout | None:
        """The layout of a plain native slice from its header (`head`: the file's bytes up to its Pixel
        Data value, `size`: the file's), from a template, or read in full and kept as the template of
        its length; None when the lean reader declines it (the caller reads it in full)."""
        template = self._templates.get(len(head))
        if template is not None:
            layout = template.layout_for(head, size)
            if layout is not None:
                return layout
        template = _Template.read(head, size, self._max_bytes)
        if template is None:
            return None
        if len(self._templates) >= _MOST_TEMPLATES:
            self._templates.pop(next(iter(self._templates)))
        self._templates[len(head)] = template
        return template.layout

