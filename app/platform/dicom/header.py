"""An `InstanceInfo` from a parsed header, whatever odd values the header holds.

Every attribute is read on its own and a value pydicom cannot convert becomes "absent":
one malformed Window Center must not keep a doctor from the image. Text is decoded here
from the raw bytes with the file's Specific Character Set, because Chinese hospitals often
write GBK or GB18030 names under no declared character set at all; for those the bytes are
tried as UTF-8, then GB18030, before falling back to Latin-1.
"""

from __future__ import annotations

import functools
import math
import re
import struct
from collections.abc import Iterable
from typing import Any, Literal, overload

from pydicom import charset
from pydicom.datadict import tag_for_keyword
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.multival import MultiValue
from pydicom.tag import BaseTag

from app.domain.dicom_instance import InstanceInfo, parse_da, parse_tm
from app.platform.dicom.lean_header import interned_tag

_DELIMITERS = {0x5C, 0x5E, 0x3D}    # \ ^ = : ISO 2022 escapes reset at each
#: Transfer syntaxes that are always lossy (JPEG DCT, JPEG-LS near-lossless).
_LOSSY_SYNTAXES = frozenset({"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81"})
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002fa1f]")


def instance_info(ds: Dataset) -> InstanceInfo:
    encodings = encodings_of(ds)

    def text(keyword: str, source: Dataset = ds) -> str:
        return _text(source, keyword, encodings)

    spacing, spacing_source = _spacing(ds)
    explanations = _text(ds, "WindowCenterWidthExplanation", encodings)
    bits_allocated = _int(_get(ds, "BitsAllocated")) or 0
    file_meta = getattr(ds, "file_meta", None)
    syntax = _text(file_meta, "TransferSyntaxUID", encodings) if file_meta is not None else ""
    return InstanceInfo(
        **slice_values(ds, encodings),
        study_uid=text("StudyInstanceUID"),
        series_uid=text("SeriesInstanceUID"),
        sop_class_uid=text("SOPClassUID")
        or (_text(file_meta, "MediaStorageSOPClassUID", encodings) if file_meta is not None else ""),
        modality=text("Modality").upper(),
        rows=_int(_get(ds, "Rows")) or 0,
        columns=_int(_get(ds, "Columns")) or 0,
        frames=max(1, _int(_get(ds, "NumberOfFrames")) or 1),
        samples_per_pixel=_int(_get(ds, "SamplesPerPixel")) or 1,
        photometric=text("PhotometricInterpretation").upper(),
        bits_allocated=bits_allocated,
        bits_stored=_int(_get(ds, "BitsStored")) or bits_allocated,
        pixel_representation=_int(_get(ds, "PixelRepresentation")) or 0,
        rescale_type=_functional_text(ds, "PixelValueTransformationSequence", "RescaleType"),
        window_explanations=tuple(e.strip() for e in explanations.split("\\")) if explanations else (),
        pixel_spacing=spacing,
        spacing_source=spacing_source,
        slice_thickness=_float(_functional(ds, "PixelMeasuresSequence", "SliceThickness")),
        spacing_between_slices=_float(_functional(ds, "PixelMeasuresSequence", "SpacingBetweenSlices")),
        frame_positions=_frame_positions(ds),
        frame_time_ms=_frame_time(ds),
        patient_name=display_name(text("PatientName")),
        patient_id=text("PatientID"),
        patient_birth_date=parse_da(text("PatientBirthDate")),
        patient_sex=text("PatientSex").upper(),
        patient_age=text("PatientAge"),
        study_date=parse_da(text("StudyDate")),
        study_time=parse_tm(text("StudyTime")),
        study_description=text("StudyDescription"),
        study_id=text("StudyID"),
        accession_number=text("AccessionNumber"),
        referring_physician=display_name(text("ReferringPhysicianName")),
        series_number=_int(_get(ds, "SeriesNumber")),
        series_description=text("SeriesDescription"),
        series_date=parse_da(text("SeriesDate")),
        body_part=text("BodyPartExamined").upper(),
        laterality=(text("ImageLaterality") or text("Laterality")).upper(),
        view_position=text("ViewPosition").upper(),
        patient_position=text("PatientPosition").upper(),
        institution_name=text("InstitutionName"),
        manufacturer=text("Manufacturer"),
        model_name=text("ManufacturerModelName"),
        transfer_syntax_uid=syntax,
        lossy_compressed=text("LossyImageCompression") == "01" or syntax in _LOSSY_SYNTAXES,
    )


#: The attributes that differ from one slice of a series to the next (`slice_values` reads them; the
#: File Meta's SOP Instance UID stands in for a missing SOP Instance UID).
SLICE_KEYWORDS = ("SOPInstanceUID", "MediaStorageSOPInstanceUID", "InstanceNumber", "AcquisitionNumber",
                  "ImagePositionPatient", "ImageOrientationPatient", "SliceLocation", "WindowCenter", "WindowWidth",
                  "RescaleSlope", "RescaleIntercept")


def slice_values(ds: Dataset, encodings: list[str]) -> dict[str, Any]:
    """The `InstanceInfo` fields read from `SLICE_KEYWORDS` alone: what `slice_template` reads again
    for each slice of a series whose other attributes are those of a slice already read."""
    file_meta = getattr(ds, "file_meta", None)
    centers = _floats(_functional(ds, "FrameVOILUTSequence", "WindowCenter"))
    widths = _floats(_functional(ds, "FrameVOILUTSequence", "WindowWidth"))
    count = min(len(centers), len(widths))
    slope = _float(_functional(ds, "PixelValueTransformationSequence", "RescaleSlope"))
    intercept = _float(_functional(ds, "PixelValueTransformationSequence", "RescaleIntercept"))
    return {
        "sop_instance_uid": _text(ds, "SOPInstanceUID", encodings)
        or (_text(file_meta, "MediaStorageSOPInstanceUID", encodings) if file_meta is not None else ""),
        "instance_number": _int(_get(ds, "InstanceNumber")),
        "acquisition_number": _int(_get(ds, "AcquisitionNumber")),
        "image_position": _vector(_functional(ds, "PlanePositionSequence", "ImagePositionPatient"), 3),
        "image_orientation": _vector(_functional(ds, "PlaneOrientationSequence", "ImageOrientationPatient"), 6),
        "slice_location": _float(_get(ds, "SliceLocation")),
        "window_centers": centers[:count],
        "window_widths": widths[:count],
        "rescale_slope": slope if slope not in (None, 0.0) else 1.0,
        "rescale_intercept": intercept if intercept is not None else 0.0,
    }


def display_name(value: str) -> str:
    """A DICOM Person Name as people write it.

    The ideographic group (张^伟) is preferred over the alphabetic one (Zhang^Wei) when the
    name has one; components are joined family name first, without spaces when the name
    is in Chinese, Japanese or Korean script, with single spaces otherwise.
    """
    groups = value.split("=")
    ordered = [groups[1]] if len(groups) > 1 else []
    ordered += [groups[0]] + groups[2:3]
    chosen = next((g for g in ordered if g.replace("^", "").strip()), "")
    family, given, middle, prefix, suffix = ([p.strip() for p in chosen.split("^")] + [""] * 5)[:5]
    parts = [p for p in (prefix, family, given, middle, suffix) if p]
    return ("" if _CJK.search(chosen) else " ").join(parts)


def encodings_of(ds: Dataset) -> list[str]:
    """The character sets a dataset's text is decoded with: its Specific Character Set, read leniently."""
    try:
        declared = ds.get("SpecificCharacterSet")
        return charset.convert_encodings(declared)
    except Exception:  # noqa: BLE001 - pydicom raises many kinds on a broken character set: read it as the default
        return [charset.default_encoding]


def decode_text(raw: bytes, encodings: list[str]) -> str:
    """Decode with the declared character sets; guess UTF-8 / GB18030 when none was declared."""
    if raw.isascii():
        return raw.decode("ascii")
    declared_default = encodings[:1] == [charset.default_encoding] and len(encodings) == 1
    if not declared_default:
        if len(encodings) == 1:
            python = charset.python_encoding.get(encodings[0], encodings[0])
            try:
                return raw.decode(python)
            except (UnicodeDecodeError, LookupError):
                pass
        else:
            try:
                return charset.decode_bytes(raw, encodings, _DELIMITERS)
            except Exception:  # noqa: BLE001 - an undecodable value falls through to the guesses below
                pass
    for guess in ("utf-8", "gb18030"):
        try:
            return raw.decode(guess)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _text(ds: Dataset, keyword: str, encodings: list[str]) -> str:
    try:
        element = ds.get_item(_tag(keyword))
    except Exception:  # noqa: BLE001 - a broken element reads as absent
        return ""
    value = getattr(element, "value", None)
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        text = decode_text(bytes(value), encodings)
    elif isinstance(value, (list, tuple, MultiValue)):
        text = "\\".join(str(v) for v in value)
    else:
        text = str(value)
    return text.strip("\x00 ").strip()


def _get(ds: Dataset | None, keyword: str) -> Any:
    """The converted value, or None when absent or unconvertible.

    A number still in its raw bytes is read here (`_raw_value`): pydicom's conversion costs
    about 15 µs a value, and a slice's header has twenty of them, read for every slice of a series.
    """
    if ds is None:
        return None
    try:
        element = ds.get_item(_tag(keyword))
        if isinstance(element, RawDataElement):
            value = _raw_value(element)
            if value is not _CONVERT:
                return value
        return ds.get(keyword)
    except Exception:  # noqa: BLE001 - a value pydicom cannot convert reads as absent
        return None


_CONVERT = object()      # "not read here: let pydicom convert it"
_BINARY = {"US": "<H", "SS": "<h", "UL": "<I", "SL": "<i"}


@functools.lru_cache(maxsize=None)
def _tag(keyword: str) -> BaseTag:
    """The tag of a keyword, as the BaseTag pydicom looks elements up by (it converts anything else first)."""
    tag = tag_for_keyword(keyword)
    if tag is None:
        raise KeyError(keyword)
    return interned_tag(tag)


def _raw_value(element: RawDataElement) -> Any:
    """A single binary integer, or the text of a decimal or integer string (the callers parse it as
    numbers: `_float`, `_floats`, `_int`); `_CONVERT` for anything else."""
    raw, vr = element.value, element.VR
    if raw is None or not element.is_little_endian or not isinstance(raw, bytes):
        return _CONVERT
    if vr in _BINARY:
        size = struct.calcsize(_BINARY[vr])
        return struct.unpack(_BINARY[vr], raw)[0] if len(raw) == size else _CONVERT
    if vr in ("DS", "IS"):
        text = raw.decode("ascii", "replace").strip("\x00 ")
        return text or None
    return _CONVERT


def _first_item(ds: Dataset, keyword: str) -> Dataset | None:
    sequence = _get(ds, keyword)
    try:
        return sequence[0] if sequence else None
    except Exception:  # noqa: BLE001 - a damaged sequence reads as absent
        return None


def _functional(ds: Dataset, macro: str, keyword: str) -> Any:
    """A top-level attribute, else the same attribute from an enhanced multi-frame's functional groups."""
    value = _get(ds, keyword)
    if value not in (None, ""):
        return value
    for groups in ("SharedFunctionalGroupsSequence", "PerFrameFunctionalGroupsSequence"):
        group = _first_item(ds, groups)
        item = _first_item(group, macro) if group is not None else None
        value = _get(item, keyword)
        if value not in (None, ""):
            return value
    return None


def _functional_text(ds: Dataset, macro: str, keyword: str) -> str:
    value = _functional(ds, macro, keyword)
    return str(value).strip().upper() if value is not None else ""


def _frame_positions(ds: Dataset) -> tuple[tuple[float, float, float], ...]:
    frames = _get(ds, "PerFrameFunctionalGroupsSequence")
    if not frames:
        return ()
    positions = []
    try:
        for group in frames:
            item = _first_item(group, "PlanePositionSequence")
            position = _vector(_get(item, "ImagePositionPatient"), 3)
            if position is None:
                return ()
            positions.append(position)
    except Exception:  # noqa: BLE001 - damaged functional groups: no per-frame positions
        return ()
    return tuple(positions)


def _spacing(ds: Dataset) -> tuple[tuple[float, float] | None, str]:
    pixel = _vector(_functional(ds, "PixelMeasuresSequence", "PixelSpacing"), 2)
    if pixel is not None and all(v > 0 for v in pixel):
        return (pixel[0], pixel[1]), "pixel"
    imager = _vector(_get(ds, "ImagerPixelSpacing"), 2)
    if imager is not None and all(v > 0 for v in imager):
        return (imager[0], imager[1]), "imager"
    return None, ""


def _frame_time(ds: Dataset) -> float | None:
    frame_time = _float(_get(ds, "FrameTime"))
    if frame_time and frame_time > 0:
        return frame_time
    vector = _floats(_get(ds, "FrameTimeVector"))
    steps = [v for v in vector[1:] if v > 0] or [v for v in vector if v > 0]
    if steps:
        return sum(steps) / len(steps)
    for keyword in ("CineRate", "RecommendedDisplayFrameRate"):
        rate = _float(_get(ds, keyword))
        if rate and rate > 0:
            return 1000.0 / rate
    return None


def _floats(value: Any) -> tuple[float, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, bytes):   # a raw DS/FD value: ASCII digits (str(b"...") would read "b'...'")
        value = value.decode("ascii", "replace")
    items: Iterable[Any] = value if isinstance(value, (list, tuple, MultiValue)) \
        else value.split("\\") if isinstance(value, str) else [value]
    result = []
    for item in items:
        number = _float(item)
        if number is not None:
            result.append(number)
    return tuple(result)


def _float(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.decode() if isinstance(value, bytes) else value)
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    return number if math.isfinite(number) else None


def _int(value: Any) -> int | None:
    if isinstance(value, (list, tuple, MultiValue)):
        value = value[0] if len(value) else None
    number = _float(value)
    if number is None or abs(number) > 2**31:
        return None
    return int(number)


@overload
def _vector(value: Any, length: Literal[2]) -> tuple[float, float] | None: ...
@overload
def _vector(value: Any, length: Literal[3]) -> tuple[float, float, float] | None: ...
@overload
def _vector(value: Any, length: Literal[6]) -> tuple[float, float, float, float, float, float] | None: ...
def _vector(value: Any, length: int) -> tuple[float, ...] | None:
    """The numbers of a multi-valued element that has exactly `length` of them."""
    numbers = _floats(value)
    return numbers if len(numbers) == length else None
