"""DICOM files as the viewer needs them: an instance's header, its pixels, and why a file failed.

The front door of the package. Every file that cannot be shown ends in one
`DicomReadError` (`app.domain.dicom_instance`); no other exception leaves `read_dataset`,
`decode_dataset` or `read_instance`.

The package, from the bottom up (a module imports only modules below it, never this one):

- `app.domain.dicom_instance`: the value types (`InstanceInfo`, `DecodedInstance`,
  `ReadProblem`, `DicomReadError`) and the DA/TM parsers; `app.domain.image_geometry`:
  `slice_order`.
- `codestreams`: the headers of JPEG and JPEG 2000 codestreams, checked before decoding.
- `reading`: parsing a file (`read_dataset`) and sniffing one (`looks_like_dicom`).
- `header`: an `InstanceInfo` from a parsed header.
- `decoding`: the pixels, with the checks that keep decoders safe.
- `media`: a CD, a folder or a DICOMDIR as studies and series.

This module is imported when the viewer starts, so it stays light: pydicom and numpy are
imported by the modules below, on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from app.domain.dicom_instance import (
    COLOUR_PHOTOMETRICS,
    DecodedInstance,
    DicomReadError,
    InstanceInfo,
    ReadProblem,
    parse_da,
    parse_tm,
)
from app.domain.image_geometry import slice_order

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

    from app.platform.dicom.media import MediaContents
    from app.platform.dicom.reading import InstanceBytes

__all__ = [
    "COLOUR_PHOTOMETRICS", "DecodedInstance", "DicomReadError", "InstanceInfo", "ReadProblem",
    "decode_dataset", "describe_media", "instance_info", "media_files", "parse_da", "parse_tm",
    "read_dataset", "read_instance", "slice_order",
]


def read_dataset(source: Path | InstanceBytes | BinaryIO, *,
                 stop_before_pixels: bool = False) -> Dataset:
    """Parse a DICOM file, with or without preamble and File Meta; DicomReadError on anything else."""
    from app.platform.dicom import reading

    return reading.read_dataset(source, stop_before_pixels=stop_before_pixels)


def instance_info(ds: Dataset) -> InstanceInfo:
    """The header's view of an instance (no pixel statistics); never raises on odd values."""
    from app.platform.dicom import header

    return header.instance_info(ds)


def decode_dataset(ds: Dataset, *, max_bytes: int | None = None) -> DecodedInstance:
    """Decode the pixels of a parsed dataset, with the checks that keep decoders safe.

    `max_bytes` caps the decoded size (default `decoding.MAX_PIXEL_BYTES`, 2 GiB).
    """
    from app.platform.dicom import decoding

    return decoding.decode_dataset(ds, max_bytes=max_bytes or decoding.MAX_PIXEL_BYTES)


def read_instance(source: Path | bytes | BinaryIO) -> DecodedInstance:
    return decode_dataset(read_dataset(source))


def media_files(path: Path) -> list[Path]:
    """The DICOM files of a file, folder or DICOMDIR the user chose (see `media`)."""
    from app.platform.dicom import media

    return media.media_files(path)


def describe_media(paths: Iterable[Path], *,
                   progress: Callable[[int, int], None] | None = None) -> MediaContents:
    """Headers of `paths` grouped study → series → instances in stack order (see `media`)."""
    from app.platform.dicom import media

    return media.describe_media(paths, progress=progress)
