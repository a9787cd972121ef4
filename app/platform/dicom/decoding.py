"""Decoding DICOM pixel data without letting a bad file take the viewer down.

`decode_dataset` checks what the header and the pixel data promise before a decoder sees
them: the image size against a memory cap, the native pixel data length, the encapsulated
items, and each compressed frame's own header (`codestreams`). Decoding always names
pydicom's plugin: pylibjpeg for JPEG, JPEG-LS, JPEG 2000 and RLE; never GDCM, which aborts
the process on some malformed JPEGs. pydicom only ever sees the Image Pixel values checked
here (`_pixel_module`), so an odd value elsewhere in the header cannot derail it.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import generate_frames
from pydicom.pixels import apply_color_lut, convert_color_space
from pydicom.pixels.decoders.base import get_decoder
from pydicom.uid import UID, ExplicitVRBigEndian

from app.domain.dicom_instance import (
    COLOUR_PHOTOMETRICS,
    DecodedInstance,
    DicomReadError,
    InstanceInfo,
    ReadProblem,
    native_order,
    stored_values,
)
from app.platform.dicom import codestreams
from app.platform.dicom.header import instance_info
from app.platform.dicom.lean_header import LeanHeader, read_header
from app.platform.dicom.reading import InstanceBytes, ensure_transfer_syntax, read_dataset, reason, reraise_fatal

#: Larger images are refused before any allocation: 2 GiB is a whole tomosynthesis study.
MAX_PIXEL_BYTES = 2 * 1024**3
NATIVE_SYNTAXES = frozenset({"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99",
                             "1.2.840.10008.1.2.2"})
_JPEG = frozenset({"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                   "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"})
_J2K = frozenset({"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.201",
                  "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"})
_RLE = "1.2.840.10008.1.2.5"
#: Encapsulated syntaxes decoded here, all through pylibjpeg.
COMPRESSED_SYNTAXES = _JPEG | _J2K | {_RLE}
_GREY = frozenset({"MONOCHROME1", "MONOCHROME2"})


def decode_dataset(ds: Dataset, *, max_bytes: int = MAX_PIXEL_BYTES) -> DecodedInstance:
    try:
        return _decode(ds, max_bytes)
    except DicomReadError:
        raise
    except MemoryError as exc:
        raise DicomReadError(ReadProblem.TOO_LARGE, "There was not enough memory to decode the image.") from exc
    except BaseException as exc:  # pylibjpeg-rle's Rust panics derive from BaseException
        reraise_fatal(exc)
        raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA,
                             f"The image data could not be decoded ({reason(exc)}).") from exc


def _decode(ds: Dataset, max_bytes: int) -> DecodedInstance:
    info = instance_info(ds)
    data = _pixel_data(ds, info)
    ensure_transfer_syntax(ds)
    syntax = _syntax(ds)
    if syntax not in NATIVE_SYNTAXES | COMPRESSED_SYNTAXES:
        raise DicomReadError(ReadProblem.UNSUPPORTED_SYNTAX, _syntax_sentence(syntax))
    _check_image(info)
    frame_bytes = info.rows * info.columns * info.samples_per_pixel * max(info.bits_allocated, 8) // 8
    if frame_bytes * info.frames > max_bytes:
        raise DicomReadError(ReadProblem.TOO_LARGE, f"The image is too large to open: {_frames(info.frames)} of "
                             f"{info.columns:,} × {info.rows:,} pixels would take {_size(frame_bytes * info.frames)}.")
    if syntax in NATIVE_SYNTAXES:
        _check_native_length(data, info)
    else:
        _check_frames(data, ds, syntax, info)
    array, photometric = _as_array(ds, syntax, info)
    if info.is_colour:
        return _colour(ds, info, array, photometric)
    return _greyscale(ds, info, array)


def _pixel_data(ds: Dataset, info: InstanceInfo) -> bytes:
    if "PixelData" not in ds:
        if "FloatPixelData" in ds or "DoubleFloatPixelData" in ds:
            raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE, "The file holds floating-point pixel data "
                                 "(a parametric map), which this viewer cannot show.")
        kind = UID(info.sop_class_uid).name if info.sop_class_uid else ""
        kind_text = f" (its type is {kind})" if kind and kind != info.sop_class_uid else ""
        raise DicomReadError(ReadProblem.NO_PIXEL_DATA, f"The file holds no image{kind_text}.")
    value = ds.PixelData
    if not value:
        raise DicomReadError(ReadProblem.NO_PIXEL_DATA, "The file's pixel data element is empty.")
    return value


def _syntax(ds: Dataset) -> str:
    meta = getattr(ds, "file_meta", None)
    syntax = str(meta.get("TransferSyntaxUID", "") if meta is not None else "").strip("\x00 ")
    if not syntax:
        raise DicomReadError(ReadProblem.UNSUPPORTED_SYNTAX,
                             "The file does not say how its image data is encoded (it has no transfer syntax).")
    return syntax


def _syntax_sentence(syntax: str) -> str:
    name = UID(syntax).name
    if name == syntax:
        return f"The image is encoded with an unknown transfer syntax ({syntax}), which this viewer cannot decode."
    video = any(word in name for word in ("MPEG", "H.264", "HEVC", "H.265"))
    return f"The image is encoded as {name}{' video' if video else ''}, which this viewer cannot decode."


def _check_image(info: InstanceInfo) -> None:
    if info.rows <= 0 or info.columns <= 0:
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE, "The file does not give the image's size (Rows, Columns).")
    if info.bits_allocated not in (1, 8, 16, 32):
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE,
                             f"The image uses {info.bits_allocated} bits per pixel, which this viewer cannot show.")
    if not 1 <= info.bits_stored <= info.bits_allocated:
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE, f"The image declares {info.bits_stored} bits stored in "
                             f"{info.bits_allocated} allocated, which is impossible.")
    photometric = info.photometric
    if photometric not in _GREY | COLOUR_PHOTOMETRICS:
        what = f"the colour model '{photometric}'" if photometric else "no colour model (Photometric Interpretation)"
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE, f"The image uses {what}, which this viewer cannot show.")
    samples = 3 if photometric in COLOUR_PHOTOMETRICS - {"PALETTE COLOR"} else 1
    if info.samples_per_pixel != samples:
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE, f"The image declares {info.samples_per_pixel} samples "
                             f"per pixel, where {photometric} has {samples}.")
    if info.bits_allocated == 1 and photometric not in _GREY:
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE, "The image is a 1-bit colour image, which is impossible.")


def _check_native_length(data: bytes | int, info: InstanceInfo) -> None:
    """`data`: the pixel data, or its length."""
    bits = info.rows * info.columns * info.samples_per_pixel * info.frames * info.bits_allocated
    if info.photometric == "YBR_FULL_422":
        bits = bits * 2 // 3
    expected = -(-bits // 8)
    held = data if isinstance(data, int) else len(data)
    if held < expected:
        raise DicomReadError(ReadProblem.SIZE_MISMATCH, f"The pixel data holds {held:,} bytes where the header "
                             f"describes {expected:,} ({_frames(info.frames)} of "
                             f"{info.columns:,} × {info.rows:,} pixels).")


def _check_frames(data: bytes, ds: Dataset, syntax: str, info: InstanceInfo) -> None:
    """Refuse a compressed frame whose own header disagrees with the DICOM header, before decoding."""
    _check_items(data)
    offsets = None
    if "ExtendedOffsetTable" in ds and "ExtendedOffsetTableLengths" in ds:
        offsets = (ds.ExtendedOffsetTable, ds.ExtendedOffsetTableLengths)
    try:
        frames = generate_frames(data, number_of_frames=info.frames, extended_offsets=offsets)
        count = 0
        for count, frame in enumerate(frames, start=1):
            if count > info.frames:
                break
            _check_frame(frame, syntax, info, count)
    except DicomReadError:
        raise
    except Exception as exc:
        raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, "The compressed image data cannot be split into "
                             f"frames ({reason(exc)}).") from exc
    if count < info.frames:
        raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, f"The file declares {info.frames:,} frames but its "
                             f"compressed image data holds {count:,}.")


def _check_items(data: bytes) -> None:
    """Walk the encapsulated items: each must be an item tag whose length fits in what is left."""
    at, end, index = 0, len(data), 0
    while at + 8 <= end:
        group, element, length = struct.unpack_from("<HHI", data, at)
        if (group, element) == (0xFFFE, 0xE0DD):
            break
        if (group, element) != (0xFFFE, 0xE000):
            raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, "The compressed image data is damaged: "
                                 f"an item was expected at byte {at:,} of the pixel data.")
        if at + 8 + length > end:
            what = "its offset table" if index == 0 else f"fragment {index:,}"
            raise DicomReadError(ReadProblem.TRUNCATED, "The file ends before its pixel data is complete "
                                 f"({what} has {end - at - 8:,} of {length:,} bytes).")
        at += 8 + length
        index += 1
    if 0 < end - at < 8:
        raise DicomReadError(ReadProblem.TRUNCATED, "The file ends before its pixel data is complete.")
    if index < 2:
        raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, "The compressed image data holds no frames.")


def _check_frame(frame: bytes, syntax: str, info: InstanceInfo, number: int) -> None:
    where = f"Frame {number:,} of the image" if info.frames > 1 else "The image"
    if syntax == _RLE:
        why = codestreams.rle_segments(frame, info.samples_per_pixel * max(info.bits_allocated, 8) // 8)
        if why:
            raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, f"{where} is damaged: {why}.")
        return
    try:
        header = codestreams.j2k_header(frame) if syntax in _J2K else codestreams.jpeg_header(frame)
    except codestreams.CodestreamError as exc:
        raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, f"{where} is damaged: {exc}.") from exc
    why = codestreams.check_frame(header, rows=info.rows, columns=info.columns,
                                  samples=info.samples_per_pixel, bits_allocated=info.bits_allocated)
    if why:
        raise DicomReadError(ReadProblem.SIZE_MISMATCH, f"{where} is not decoded because {why}.")


def _as_array(ds: Dataset, syntax: str, info: InstanceInfo) -> tuple[np.ndarray, str]:
    """All frames through pydicom with the plugin named; the array and its photometric interpretation."""
    native = _native_greyscale(ds, syntax, info)
    if native is not None:
        return native, info.photometric
    decoder = get_decoder(UID(syntax))
    plugin = ""
    if syntax in COMPRESSED_SYNTAXES:
        plugin = "pylibjpeg" if "pylibjpeg" in decoder.available_plugins else ""
        if syntax == _RLE and not plugin:
            plugin = "pydicom"
        if not plugin:
            raise DicomReadError(ReadProblem.UNSUPPORTED_SYNTAX,
                                 f"The decoder for {UID(syntax).name} is not installed.")
    options: dict[str, Any] = dict(
        rows=info.rows, columns=info.columns, samples_per_pixel=info.samples_per_pixel,
        bits_allocated=info.bits_allocated, bits_stored=info.bits_stored,
        pixel_representation=info.pixel_representation, number_of_frames=info.frames,
        photometric_interpretation=info.photometric, allow_excess_frames=False, as_rgb=True)
    if syntax in NATIVE_SYNTAXES:
        # A view on the file's bytes instead of a copy: a series costs its size once.
        options["view_only"] = (syntax != ExplicitVRBigEndian and info.bits_stored == info.bits_allocated
                                and info.bits_allocated >= 8 and info.photometric != "YBR_FULL_422")
    array, properties = decoder.as_array(_pixel_module(ds, syntax, info), decoding_plugin=plugin, **options)
    return native_order(array), str(properties.get("photometric_interpretation", info.photometric))


def _native_greyscale(ds: Dataset, syntax: str, info: InstanceInfo) -> np.ndarray | None:
    """Native little-endian greyscale frames as a view of the file's bytes; None when pydicom must decode.

    The commonest image there is (a CT or MR slice), and pydicom's general decoder costs
    milliseconds of Python per slice around a copy; this is the same result (the length is
    checked before) with unused high bits cleared or sign-extended as pydicom does, copied
    only when a bit above Bits Stored is actually set.
    """
    if syntax not in NATIVE_SYNTAXES or syntax == ExplicitVRBigEndian or not _plain_grey(info):
        return None
    count = info.frames * info.rows * info.columns
    array = np.frombuffer(ds.PixelData, dtype=_native_dtype(info), count=count)
    return _unused_bits(array.reshape(info.frames, info.rows, info.columns), info)


def _plain_grey(info: InstanceInfo) -> bool:
    return info.samples_per_pixel == 1 and info.photometric in _GREY and info.bits_allocated in (8, 16, 32) \
        and 0 < info.bits_stored <= info.bits_allocated


def _native_dtype(info: InstanceInfo) -> np.dtype:
    return np.dtype(f"<{'i' if info.pixel_representation else 'u'}{info.bits_allocated // 8}")


def _unused_bits(array: np.ndarray, info: InstanceInfo) -> np.ndarray:
    """High bits above Bits Stored cleared (unsigned) or the sign extended (signed), as pydicom does;
    the array itself when no such bit is set (the common case: no copy)."""
    return _stored_values(array, info)[0]


def _range_needed(info: InstanceInfo) -> bool:
    """Whether the smallest and largest stored values are counted at decoding: to check the bits above
    Bits Stored, or for a multi-frame image (one window for all its frames when the file names none).
    A single slice's range is counted only if a window is ever made from it (`image_stack.Slice`):
    two passes over every slice of a series (a tenth of a second for a 1,000-slice CT) spared."""
    return info.frames > 1 or info.bits_stored < info.bits_allocated


def _stored_values(array: np.ndarray, info: InstanceInfo) -> tuple[np.ndarray, int | None, int | None]:
    """`_unused_bits`, with the smallest and largest value where `_range_needed` (else None): one pass
    each over a slice that needs no fixing."""
    if not array.size:
        return array, 0, 0
    if not _range_needed(info):
        return native_order(array), None, None
    return stored_values(array, info)


_PIXEL_TAG = b"\xe0\x7f\x10\x00"


@dataclass(frozen=True)
class NativeLayout:
    """Where a plain native greyscale image's pixels lie in its file's bytes, read from the header alone.

    What a decoder worker answers for a CT or MR slice: the application's process then takes
    the pixels as a view of the bytes it already holds, and nothing crosses between processes
    but the header.
    """

    info: InstanceInfo
    offset: int          # where the pixel values start in the file's bytes
    dtype: str


def native_layout(head: bytes, size: int, max_bytes: int = MAX_PIXEL_BYTES) -> NativeLayout | None:
    """The layout of a file of `size` bytes from its first bytes `head`; None when `head` does not
    hold the whole header or the image needs the general path (compressed, colour, LUTs, big
    endian, deflated). DicomReadError when the header shows the image cannot be shown.

    The lean reader takes the common case; pydicom reads what it declines."""
    lean = read_header(head)
    if lean is not None:
        return layout_of(lean, head, size, max_bytes)
    fp = io.BytesIO(head)
    try:
        ds = read_dataset(fp, stop_before_pixels=True)
    except DicomReadError:
        return None     # the general path reads the whole file and says what is wrong
    return _layout(ds, fp.tell(), head, size, max_bytes)


def lean_layout(head: bytes, size: int, max_bytes: int = MAX_PIXEL_BYTES) -> NativeLayout | None:
    """`native_layout` by the lean reader alone, for the common case, in microseconds: None for
    anything else, including an image that cannot be shown (`native_layout` then says why)."""
    lean = read_header(head)
    if lean is None:
        return None
    try:
        return layout_of(lean, head, size, max_bytes)
    except DicomReadError:
        return None


def layout_of(lean: LeanHeader, head: bytes, size: int, max_bytes: int = MAX_PIXEL_BYTES) -> NativeLayout | None:
    """The layout of a header the lean reader read from `head`; None when the image needs the
    general path, DicomReadError when the header shows it cannot be shown."""
    return _layout(lean.dataset, lean.pixel_element, head, size, max_bytes)


def _layout(ds: Dataset, at: int, head: bytes, size: int, max_bytes: int) -> NativeLayout | None:
    """The layout of the header `ds`, whose Pixel Data element starts at `at` in `head`."""
    explicit = head[at + 4:at + 6] in (b"OB", b"OW")
    value = at + (12 if explicit else 8)
    if head[at:at + 4] != _PIXEL_TAG or len(head) < value:
        return None
    (length,) = struct.unpack_from("<I", head, value - 4)
    syntax = _syntax(ds)
    # Encapsulated, cut short (the general path says how), or not plain: the general path.
    if length == 0xFFFFFFFF or length > size - value \
            or syntax not in NATIVE_SYNTAXES - {ExplicitVRBigEndian, "1.2.840.10008.1.2.1.99"} \
            or "ModalityLUTSequence" in ds or "VOILUTSequence" in ds:
        return None
    info = instance_info(ds)
    _check_image(info)
    if not _plain_grey(info):
        return None
    frame_bytes = info.rows * info.columns * info.bits_allocated // 8
    if frame_bytes * info.frames > max_bytes:
        raise DicomReadError(ReadProblem.TOO_LARGE, f"The image is too large to open: {_frames(info.frames)} of "
                             f"{info.columns:,} × {info.rows:,} pixels would take {_size(frame_bytes * info.frames)}.")
    _check_native_length(length, info)
    return NativeLayout(info, value, _native_dtype(info).str)


def native_pixels(data: InstanceBytes, layout: NativeLayout) -> DecodedInstance:
    """The instance whose layout a worker read: its pixels a view of `data`, as stored. A single slice's
    bits above Bits Stored are left for whoever shows it (`InstanceInfo.high_bits_unchecked`); the
    frames of a multi-frame image are checked here (copied only where such a bit is set)."""
    info = layout.info
    count = info.frames * info.rows * info.columns
    array = np.frombuffer(data, dtype=np.dtype(layout.dtype), count=count, offset=layout.offset)
    array = array.reshape(info.frames, info.rows, info.columns)
    if info.frames == 1 and info.bits_stored < info.bits_allocated:   # left for the first look
        pixels = native_order(array)
        info = info.updated({"high_bits_unchecked": True})
    else:
        pixels, lo, hi = _stored_values(array, info)
        if lo is not None:
            info = info.updated({"stored_min": lo, "stored_max": hi})
    pixels.flags.writeable = False
    return DecodedInstance(info, pixels)


def _pixel_module(ds: Dataset, syntax: str, info: InstanceInfo) -> Dataset:
    """Only the values checked above, so an odd value elsewhere in the header cannot derail pydicom."""
    module = Dataset()
    module.file_meta = FileMetaDataset()
    module.file_meta.TransferSyntaxUID = UID(syntax)
    module.Rows, module.Columns = info.rows, info.columns
    module.SamplesPerPixel, module.PhotometricInterpretation = info.samples_per_pixel, info.photometric
    module.BitsAllocated, module.BitsStored = info.bits_allocated, info.bits_stored
    module.HighBit, module.PixelRepresentation = info.bits_stored - 1, info.pixel_representation
    module.NumberOfFrames = info.frames
    if info.samples_per_pixel > 1:
        try:
            module.PlanarConfiguration = 1 if int(ds.get("PlanarConfiguration", 0) or 0) == 1 else 0
        except (TypeError, ValueError):
            module.PlanarConfiguration = 0
    for keyword in ("PixelData", "ExtendedOffsetTable", "ExtendedOffsetTableLengths"):
        if keyword in ds:
            module.add(ds[keyword])
    return module


def _greyscale(ds: Dataset, info: InstanceInfo, array: np.ndarray) -> DecodedInstance:
    pixels = array.reshape(info.frames, info.rows, info.columns)
    changes: dict[str, Any] = {}
    modality_lut = _lut(ds, "ModalityLUTSequence", info)
    if modality_lut is not None:
        pixels = _apply_lut(pixels, *modality_lut[:2])
        changes.update(modality_lut_applied=True, rescale_slope=1.0, rescale_intercept=0.0,
                       rescale_type=modality_lut[2] or info.rescale_type)
    voi_lut = _lut(ds, "VOILUTSequence", info, required=False)
    if voi_lut is not None:
        slope, intercept = (1.0, 0.0) if modality_lut is not None else (info.rescale_slope, info.rescale_intercept)
        first, table, explanation = voi_lut
        pixels = _apply_lut(pixels, first, table, slope, intercept)
        top = float(1 << int(table.max()).bit_length()) if table.size else 1.0
        changes.update(voi_lut_applied=True, rescale_slope=1.0, rescale_intercept=0.0, rescale_type="",
                       window_centers=(top / 2,), window_widths=(top,),
                       window_explanations=(explanation or "VOI LUT",))
    pixels = np.ascontiguousarray(pixels)
    if changes or _range_needed(info):
        changes.update(stored_min=int(pixels.min()), stored_max=int(pixels.max()))
    pixels.flags.writeable = False
    return DecodedInstance(replace(info, **changes), pixels)


def _lut(ds: Dataset, keyword: str, info: InstanceInfo, *, required: bool = True
         ) -> tuple[int, np.ndarray, str] | None:
    """(first mapped value, table as uint16, LUT type or explanation) of the sequence's first item.

    A Modality LUT that cannot be read makes the image unreadable (its values would be
    wrong); a damaged VOI LUT is left out and the file's windows are used instead.
    """
    try:
        sequence = ds.get(keyword)
        if not sequence:
            return None
        item = sequence[0]
        count, first, _bits = (int(v) for v in item.LUTDescriptor)
        count = count or 65536
        if info.pixel_representation == 1 and first >= 32768:
            first -= 65536
        data = item.LUTData
        if isinstance(data, (bytes, bytearray)):
            little = ds.original_encoding[1] is not False
            table = np.frombuffer(data, dtype="<u2" if little else ">u2")
        else:
            table = np.asarray(data if isinstance(data, (list, tuple)) or hasattr(data, "__len__") else [data])
        if table.size < count:
            raise ValueError(f"the table has {table.size} of its {count} entries")
        table = np.clip(table[:count].astype(np.int64), 0, 65535).astype(np.uint16)
        label = item.get("ModalityLUTType" if keyword == "ModalityLUTSequence" else "LUTExplanation", "")
        return first, table, str(label or "").strip()
    except Exception as exc:
        if not required:
            return None
        raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE,
                             f"The image's Modality LUT cannot be read ({reason(exc)}).") from exc


def _apply_lut(pixels: np.ndarray, first: int, table: np.ndarray,
               slope: float = 1.0, intercept: float = 0.0) -> np.ndarray:
    """Frame by frame, so the temporary index array is one frame, not the series."""
    out = np.empty(pixels.shape, dtype=np.uint16)
    for index, frame in enumerate(pixels):
        if slope == 1.0 and intercept == int(intercept):
            values = frame.astype(np.int64) + int(intercept)
        else:
            values = np.rint(frame.astype(np.float32) * np.float32(slope) + np.float32(intercept)).astype(np.int64)
        np.subtract(values, first, out=values)
        np.clip(values, 0, table.size - 1, out=values)
        np.take(table, values, out=out[index])
    return out


def _colour(ds: Dataset, info: InstanceInfo, array: np.ndarray, photometric: str) -> DecodedInstance:
    shape = (info.frames, info.rows, info.columns, 3)
    if info.photometric == "PALETTE COLOR":
        indices = array.reshape(info.frames, info.rows, info.columns)
        pixels = np.empty(shape, dtype=np.uint8)
        try:
            for index, frame in enumerate(indices):
                rgb = apply_color_lut(frame, ds)
                pixels[index] = rgb if rgb.dtype == np.uint8 else rgb >> (8 * (rgb.dtype.itemsize - 1))
        except Exception as exc:
            raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE,
                                 f"The image's colour palette cannot be read ({reason(exc)}).") from exc
    else:
        pixels = array.reshape(shape)
        if photometric in ("YBR_FULL", "YBR_FULL_422"):
            pixels = convert_color_space(pixels, photometric, "RGB")
        elif photometric != "RGB":
            raise DicomReadError(ReadProblem.UNSUPPORTED_IMAGE,
                                 f"The image uses the colour model '{photometric}', which this viewer cannot show.")
        if pixels.dtype != np.uint8:
            shift = max(info.bits_stored - 8, 0)
            pixels = (pixels >> shift).astype(np.uint8) if shift else pixels.astype(np.uint8)
    pixels = np.ascontiguousarray(pixels)
    pixels.flags.writeable = False
    return DecodedInstance(info, pixels)


# --- wording -------------------------------------------------------------------------


def _frames(count: int) -> str:
    return "1 frame" if count == 1 else f"{count:,} frames"


def _size(count: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:,.1f} {unit}"
    return f"{count:,} bytes"
