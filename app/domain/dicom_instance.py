"""What a DICOM instance is to the viewer, and why a file could not be shown.

The value types every DICOM module shares: `InstanceInfo` (the header's view of an
instance), `DecodedInstance` (its pixels), `ReadProblem` and `DicomReadError` (the one
error a file that cannot be shown ends in), and the DA/TM value parsers. Plain Python, no
pydicom and no numpy at run time: the viewer and the services name these types at start.

A hospital's CD or a distant archive hands the viewer every kind of broken file: cut short,
not DICOM at all, compressed in a syntax no decoder here handles, or with a codestream whose
header lies about the image size. Every such file ends in one `DicomReadError` whose
`problem` the UI words in its own translated strings and whose `detail` is an English
sentence with the specifics.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy


class ReadProblem(Enum):
    """What kind of trouble a file is in; the UI has one translated sentence per kind."""

    UNREADABLE = "unreadable"                  # the operating system would not give us the bytes
    NOT_DICOM = "not-dicom"
    CORRUPT_HEADER = "corrupt-header"          # marked as DICOM, but its header cannot be parsed
    TRUNCATED = "truncated"
    NO_PIXEL_DATA = "no-pixel-data"
    UNSUPPORTED_SYNTAX = "unsupported-syntax"
    CORRUPT_PIXEL_DATA = "corrupt-pixel-data"
    SIZE_MISMATCH = "size-mismatch"
    TOO_LARGE = "too-large"
    UNSUPPORTED_IMAGE = "unsupported-image"    # e.g. an odd photometric interpretation or bit depth


#: The sentence said when there is nothing more specific to say.
_GENERAL: dict[ReadProblem, str] = {
    ReadProblem.UNREADABLE: "The file could not be opened.",
    ReadProblem.NOT_DICOM: "The file is not a DICOM file.",
    ReadProblem.CORRUPT_HEADER: "The file is marked as DICOM but its header is damaged.",
    ReadProblem.TRUNCATED: "The file is incomplete: it ends before its data does.",
    ReadProblem.NO_PIXEL_DATA: "The file holds no image.",
    ReadProblem.UNSUPPORTED_SYNTAX: "The image is compressed in a format this viewer cannot decode.",
    ReadProblem.CORRUPT_PIXEL_DATA: "The image data in the file is damaged.",
    ReadProblem.SIZE_MISMATCH: "The image data does not match the image size the file declares.",
    ReadProblem.TOO_LARGE: "The image is too large to open.",
    ReadProblem.UNSUPPORTED_IMAGE: "The image is of a kind this viewer cannot show.",
}


class DicomReadError(Exception):
    """A file that cannot be shown, with the kind of problem and a sentence saying what is wrong.

    `detail` names sizes and elements but never patient data, so it may be logged.
    """

    def __init__(self, problem: ReadProblem, detail: str = "") -> None:
        self.problem = problem
        self.detail = detail or _GENERAL[problem]
        super().__init__(self.detail)

    def __str__(self) -> str:
        return self.detail

    def __repr__(self) -> str:
        return f"DicomReadError({self.problem.name}, {self.detail!r})"

    def __reduce__(self) -> tuple[type[DicomReadError], tuple[ReadProblem, str]]:
        """Pickled whole: a worker process that decodes says what was wrong as this process would."""
        return DicomReadError, (self.problem, self.detail)


#: Photometric interpretations the viewer shows in colour (always delivered as RGB).
COLOUR_PHOTOMETRICS = frozenset({"RGB", "YBR_FULL", "YBR_FULL_422", "YBR_ICT", "YBR_RCT", "PALETTE COLOR"})


@dataclass(frozen=True)
class InstanceInfo:
    """What the viewer's overlays, windowing and stacking read from one instance.

    Read from the header alone (`describe_media`) or at decode, when the `stored_min` /
    `stored_max` and LUT fields are filled in: after decoding, the info describes the
    pixels as delivered (a Modality or VOI LUT applied leaves slope 1, intercept 0).
    Text fields are decoded with the file's Specific Character Set; "" when absent.
    """

    study_uid: str
    series_uid: str
    sop_instance_uid: str
    sop_class_uid: str = ""
    instance_number: int | None = None
    modality: str = ""
    rows: int = 0
    columns: int = 0
    frames: int = 1
    samples_per_pixel: int = 1
    photometric: str = ""               # as in the file; colour pixels are delivered as RGB
    bits_allocated: int = 0
    bits_stored: int = 0
    pixel_representation: int = 0       # 1: signed stored values
    rescale_slope: float = 1.0
    rescale_intercept: float = 0.0
    rescale_type: str = ""              # "HU", "OD", ...; "" when unspecified
    window_centers: tuple[float, ...] = ()
    window_widths: tuple[float, ...] = ()
    window_explanations: tuple[str, ...] = ()
    voi_lut_applied: bool = False       # pixels went through the file's VOI LUT Sequence
    modality_lut_applied: bool = False  # pixels went through the file's Modality LUT Sequence
    pixel_spacing: tuple[float, float] | None = None   # (between rows, between columns) in mm
    spacing_source: str = ""            # "pixel" (Pixel Spacing), "imager" (Imager Pixel Spacing), ""
    slice_thickness: float | None = None
    spacing_between_slices: float | None = None
    image_position: tuple[float, float, float] | None = None
    image_orientation: tuple[float, float, float, float, float, float] | None = None
    frame_positions: tuple[tuple[float, float, float], ...] = ()  # enhanced multi-frame, per frame
    slice_location: float | None = None
    frame_time_ms: float | None = None
    patient_name: str = ""              # formatted for display
    patient_id: str = ""
    patient_birth_date: date | None = None
    patient_sex: str = ""
    patient_age: str = ""               # as written, e.g. "045Y"
    study_date: date | None = None
    study_time: time | None = None
    study_description: str = ""
    study_id: str = ""
    accession_number: str = ""
    referring_physician: str = ""
    series_number: int | None = None
    series_description: str = ""
    series_date: date | None = None
    acquisition_number: int | None = None
    body_part: str = ""
    laterality: str = ""
    view_position: str = ""
    patient_position: str = ""
    institution_name: str = ""
    manufacturer: str = ""
    model_name: str = ""
    transfer_syntax_uid: str = ""
    lossy_compressed: bool = False      # the image was lossy compressed, now or before
    stored_min: int | None = None       # greyscale only, from the decoded pixels
    stored_max: int | None = None
    #: The pixels are as the file stores them, and bits above Bits Stored were not looked at yet: whoever
    #: shows them clears those bits first (`stored_values`). Set for a plain single slice streamed from a
    #: server (`decoding.native_pixels`): the look is a pass over memory the network just filled, a tenth
    #: of a 300-slice CT's opening, and most slices are looked at later or never.
    high_bits_unchecked: bool = False

    def updated(self, changes: Mapping[str, Any]) -> InstanceInfo:
        """A copy with `changes` (field names to values): `dataclasses.replace` without running
        `__init__` over sixty fields again (15 µs against 1 µs here), for each of a series'
        thousand slices as they are handed over."""
        unknown = changes.keys() - _FIELD_NAMES
        if unknown:
            raise TypeError(f"InstanceInfo has no field {', '.join(sorted(unknown))}")
        copy = object.__new__(InstanceInfo)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    @property
    def is_colour(self) -> bool:
        return self.photometric in COLOUR_PHOTOMETRICS or self.samples_per_pixel == 3

    @property
    def is_monochrome1(self) -> bool:
        """Low values are white: the viewer inverts the grey scale."""
        return self.photometric == "MONOCHROME1"

    @property
    def value_range(self) -> tuple[float, float] | None:
        """Range of the pixels in output units (after rescale), to default a window when the file has none."""
        if self.stored_min is None or self.stored_max is None:
            return None
        a = self.stored_min * self.rescale_slope + self.rescale_intercept
        b = self.stored_max * self.rescale_slope + self.rescale_intercept
        return (min(a, b), max(a, b))

    def to_json(self) -> str:
        values: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            values[f.name] = value.isoformat() if isinstance(value, (date, time)) else value
        return json.dumps(values, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> InstanceInfo:
        values = {k: v for k, v in json.loads(text).items() if k in _FIELD_NAMES}
        for name in _DATE_FIELDS:
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        if values.get("study_time"):
            values["study_time"] = time.fromisoformat(values["study_time"])
        for name in _TUPLE_FIELDS:
            if values.get(name) is not None:
                values[name] = tuple(values[name])
        if values.get("frame_positions"):
            values["frame_positions"] = tuple(tuple(p) for p in values["frame_positions"])
        return cls(**values)


_FIELD_NAMES = frozenset(f.name for f in fields(InstanceInfo))
_DATE_FIELDS = ("patient_birth_date", "study_date", "series_date")
_TUPLE_FIELDS = ("window_centers", "window_widths", "window_explanations", "pixel_spacing",
                 "image_position", "image_orientation", "frame_positions")


@dataclass
class DecodedInstance:
    """One instance's pixels, ready for display.

    Greyscale: (frames, rows, columns) in the stored integer dtype (uint8, int8, uint16,
    int16, uint32, int32), rescale left to the viewer, which maps windows to stored values
    instead of converting slices to floating point; uint16 when a Modality or VOI LUT was
    applied. Colour: (frames, rows, columns, 3) uint8 RGB. Always C-contiguous and read-only:
    the pixels are a record of what the file holds. Where `info.high_bits_unchecked`, bits above
    Bits Stored may still be set: `stored_values` gives the values to show.
    """

    info: InstanceInfo
    pixels: numpy.ndarray = field(repr=False)

    @property
    def nbytes(self) -> int:
        return int(self.pixels.nbytes)


def native_order(array: numpy.ndarray) -> numpy.ndarray:
    """`array` in this machine's byte order: itself when it already is, else a converted copy."""
    return array if array.dtype.isnative else array.astype(array.dtype.newbyteorder("="))


def stored_values(array: numpy.ndarray, info: InstanceInfo) -> tuple[numpy.ndarray, int, int]:
    """Greyscale values with the bits above Bits Stored cleared (unsigned) or the sign extended
    (signed), as pydicom does, in native byte order; and their smallest and largest value.

    The array itself when no such bit is set (the common case: no copy), else a read-only copy:
    a bit set there is not part of the value (old files keep overlays in them), and shown as one
    it would paint the image over. One pass each for the smallest and the largest value."""
    import numpy as np

    if not array.size:
        return array, 0, 0
    given = array
    lo, hi = int(array.min()), int(array.max())
    stored, allocated = info.bits_stored, info.bits_allocated
    if stored < allocated:
        if info.pixel_representation:
            if lo < -(1 << (stored - 1)) or hi >= 1 << (stored - 1):
                shift = allocated - stored
                array = np.right_shift(np.left_shift(array, shift), shift)
                lo, hi = int(array.min()), int(array.max())
        elif hi >= 1 << stored:
            array = np.bitwise_and(array, (1 << stored) - 1)
            lo, hi = int(array.min()), int(array.max())
    array = native_order(array)
    if array is not given:
        array.flags.writeable = False
    return array, lo, hi


def parse_da(value: str) -> date | None:
    """DICOM DA (`YYYYMMDD`, or the old `YYYY.MM.DD`) -> date; None when missing or invalid."""
    digits = value.replace(".", "").replace("-", "").strip()[:8]   # DT values start with their DA
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def parse_tm(value: str) -> time | None:
    """DICOM TM (`HH`, `HHMM`, `HHMMSS`, `HHMMSS.FFFFFF`, or the old `HH:MM:SS`) -> time."""
    main, _, fraction = value.strip().replace(":", "").partition(".")
    if not main.isdigit() or len(main) not in (2, 4, 6) or (fraction and not fraction.isdigit()):
        return None
    hour, minute, second = int(main[:2]), int(main[2:4] or 0), int(main[4:6] or 0)
    try:
        return time(hour, minute, min(second, 59), int((fraction + "000000")[:6]) if fraction else 0)
    except ValueError:
        return None
