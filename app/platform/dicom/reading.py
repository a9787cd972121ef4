"""Parsing DICOM files, whatever arrives: no preamble, no File Meta, cut short, not DICOM.

pydicom reads a file cut short without complaint (the last value is simply shorter) and
raises a dozen exception types on damaged ones, so `read_dataset` checks every value
against its declared length and turns every failure into a `DicomReadError`.
"""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias

import numpy as np
import pydicom
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

from app.domain.dicom_instance import DicomReadError, ReadProblem

#: An instance's file bytes, whatever holds them: read from a file, or a part of a network answer
#: (the multipart reader hands over its own uint8 arrays).
InstanceBytes: TypeAlias = bytes | bytearray | memoryview | np.ndarray

#: Header-only reads leave large values (private blobs, embedded PDFs) on disk.
_DEFER_SIZE = 256 * 1024
_UNDEFINED = 0xFFFFFFFF


#: Groups a dataset written without preamble and File Meta plausibly starts with.
_FIRST_GROUPS = frozenset({0x0002, 0x0008, 0x0010, 0x0018, 0x0020, 0x0028})


def looks_like_dicom(head: bytes, size: int) -> bool:
    """From a file's first 132 bytes: 'DICM' at byte 128, or a plausible first data element.

    Cheap enough to sift a CD's folders; pydicom is forced onto nothing else, since forced
    it reads a PNG as a list of private tags.
    """
    if len(head) >= 132 and head[128:132] == b"DICM":
        return True
    if len(head) < 8:
        return False
    (group,) = struct.unpack_from("<H", head)
    if group not in _FIRST_GROUPS:
        return False
    explicit_vr = head[4:6].isalpha() and head[4:6].isupper()
    return explicit_vr or struct.unpack_from("<I", head, 4)[0] < size


def read_dataset(source: Path | str | InstanceBytes | BinaryIO, *,
                 stop_before_pixels: bool = False) -> Dataset:
    fp, head, size = _open(source)
    _sniff(head, size)
    defer = _DEFER_SIZE if stop_before_pixels and isinstance(fp, str) else None
    try:
        ds = pydicom.dcmread(fp, force=True, stop_before_pixels=stop_before_pixels, defer_size=defer)
        _check_complete(ds)
        ensure_transfer_syntax(ds)
        empty = len(ds) == 0
    except DicomReadError:
        raise
    except BaseException as exc:
        reraise_fatal(exc)
        if isinstance(exc, OSError) and exc.errno is not None:     # pydicom's own OSErrors carry none
            raise DicomReadError(ReadProblem.UNREADABLE, _os_reason(exc)) from exc
        if isinstance(exc, (EOFError, struct.error)) or "end of file" in str(exc).lower():
            raise DicomReadError(ReadProblem.TRUNCATED, "The file ends in the middle of its DICOM header.") from exc
        raise DicomReadError(ReadProblem.CORRUPT_HEADER,
                             f"The file's DICOM header is damaged and cannot be read ({reason(exc)}).") from exc
    if empty:
        raise DicomReadError(ReadProblem.NOT_DICOM, "The file holds no DICOM data elements.")
    return ds


def read_file_bytes(path: Path) -> bytes | DicomReadError:
    """A file's bytes, or why they cannot be read (as `read_dataset` would say), to be decoded elsewhere."""
    try:
        if path.is_dir():
            return DicomReadError(ReadProblem.UNREADABLE, "This is a folder, not a file.")
        return path.read_bytes()
    except OSError as exc:
        return DicomReadError(ReadProblem.UNREADABLE, _os_reason(exc))


def byte_view(data: InstanceBytes) -> memoryview:
    """The bytes of an instance, whatever holds them (a network part is a uint8 array), without a copy."""
    return memoryview(data.data if isinstance(data, np.ndarray) else data).cast("B")


def _open(source: Path | str | InstanceBytes | BinaryIO) -> tuple[Any, bytes, int]:
    """(what dcmread reads, the first 132 bytes, the size) without reading a file twice."""
    if isinstance(source, (bytes, bytearray, memoryview, np.ndarray)):
        data = bytes(byte_view(source))
        return io.BytesIO(data), data[:132], len(data)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            if path.is_dir():
                raise DicomReadError(ReadProblem.UNREADABLE, "This is a folder, not a file.")
            with path.open("rb") as f:
                head = f.read(132)
                size = os.fstat(f.fileno()).st_size
        except OSError as exc:
            raise DicomReadError(ReadProblem.UNREADABLE, _os_reason(exc)) from exc
        return str(path), head, size
    try:
        start = source.tell()
        head = source.read(132)
        size = source.seek(0, io.SEEK_END) - start
        source.seek(start)
    except OSError as exc:
        raise DicomReadError(ReadProblem.UNREADABLE, _os_reason(exc)) from exc
    return source, head, size


def _os_reason(exc: OSError) -> str:
    return f"The file could not be opened ({exc.strerror or type(exc).__name__})."


def _sniff(head: bytes, size: int) -> None:
    """Only force pydicom onto bytes that look like DICOM."""
    if looks_like_dicom(head, size):
        return
    if size == 0:
        raise DicomReadError(ReadProblem.TRUNCATED, "The file is empty.")
    if size < 132 and not head.strip(b"\x00"):
        raise DicomReadError(ReadProblem.TRUNCATED, f"The file ends after {size} bytes, inside its DICOM preamble.")
    kind = _known_format(head)
    kind_text = f" (it is a {kind} file)" if kind else ""
    raise DicomReadError(ReadProblem.NOT_DICOM, f"The file is not a DICOM file{kind_text}.")


def _known_format(head: bytes) -> str:
    signatures = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP"),
                  (b"GIF8", "GIF"), (b"BM", "bitmap"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
                  (b"MZ", "Windows program"), (b"<", "HTML or XML"), (b"{", "JSON"))
    return next((name for magic, name in signatures if head.startswith(magic)), "")


def _check_complete(ds: Dataset) -> None:
    """A value shorter than its declared length means the file was cut short there."""
    meta = getattr(ds, "file_meta", None)
    for dataset in (meta, ds):
        if dataset is None:
            continue
        for element in dataset.elements():
            if not isinstance(element, RawDataElement) or element.value is None:
                continue
            if element.length == _UNDEFINED or len(element.value) >= element.length:
                continue
            if element.tag == 0x7FE00010:
                raise DicomReadError(ReadProblem.TRUNCATED, "The file ends before its pixel data is complete "
                                     f"({len(element.value):,} of {element.length:,} bytes).")
            raise DicomReadError(ReadProblem.TRUNCATED,
                                 f"The file ends in the middle of its DICOM header (in element {element.tag}).")


def ensure_transfer_syntax(ds: Dataset) -> None:
    """Files without File Meta say nothing of their encoding: name the one pydicom found (in place)."""
    meta = getattr(ds, "file_meta", None)
    if meta is None:
        meta = ds.file_meta = FileMetaDataset()
    if "TransferSyntaxUID" in meta:
        return
    implicit, little = ds.original_encoding
    if implicit is None or _pixel_length(ds) == _UNDEFINED:
        return
    meta.TransferSyntaxUID = (ImplicitVRLittleEndian if implicit
                              else ExplicitVRLittleEndian if little else ExplicitVRBigEndian)


def _pixel_length(ds: Dataset) -> int | None:
    element = ds.get_item("PixelData") if "PixelData" in ds else None
    return getattr(element, "length", None) if isinstance(element, RawDataElement) else None


def reraise_fatal(exc: BaseException) -> None:
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise exc


def reason(exc: BaseException) -> str:
    """An exception's message on one line, short enough for a message box."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 240 else text[:237] + "..."
