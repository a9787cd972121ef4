"""Adding DICOM files to the sandbox: from a folder (`--load-dicom`) or from the demo writer.

A file is read once, checked (a DICOM file with its three UIDs and, when uncompressed, all
of its pixel data), copied into the data dir under a short name made from its UIDs, and its
QIDO attributes are copied into the index (dicom_index.py). Files that fail are skipped with
one log line each and counted, never half-added. pydicom is imported here only, when needed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.sandbox import dicom_attributes as attrs
from app.sandbox.dicom_index import FILES_DIR, DicomIndex, IndexEntry

if TYPE_CHECKING:
    from pydicom import Dataset

log = logging.getLogger("huren.sandbox")

_BATCH = 200


@dataclass(frozen=True)
class ImportSummary:
    imported: int
    present: int   # already in the index with the same size (a restart with the same --load-dicom)
    skipped: int   # not DICOM, broken, or without the UIDs it needs


class UnusableFile(ValueError):
    """A file that cannot be served; the message says why, without patient data."""


def relative_path(study_uid: str, series_uid: str, sop_uid: str) -> str:
    """`dicom/<study>/<series>/<instance>.dcm` with short hashes of the UIDs.

    UIDs are up to 64 characters: three of them would push paths under the user's data dir
    past Windows' 260-character limit.
    """
    def short(uid: str, n: int) -> str:
        return hashlib.sha1(uid.encode("ascii", "replace"), usedforsecurity=False).hexdigest()[:n]

    return f"{FILES_DIR}/{short(study_uid, 16)}/{short(series_uid, 12)}/{short(sop_uid, 20)}.dcm"


def index_entry(ds: Dataset, path: str, size: int) -> IndexEntry:
    """The index's record of one dataset (read from a file, or about to be written)."""
    study_uid, series_uid, sop_uid = _uids(ds)
    meta = getattr(ds, "file_meta", None)
    transfer_syntax = str(getattr(meta, "TransferSyntaxUID", "") or "1.2.840.10008.1.2")
    return IndexEntry(
        study_uid=study_uid, series_uid=series_uid, sop_uid=sop_uid,
        sop_class=str(ds.get("SOPClassUID", "") or getattr(meta, "MediaStorageSOPClassUID", "") or ""),
        transfer_syntax=transfer_syntax,
        number=_int(ds.get("InstanceNumber")),
        frames=max(1, _int(ds.get("NumberOfFrames")) or 1),
        modality=str(ds.get("Modality", "") or ""),
        series_number=_int(ds.get("SeriesNumber")),
        path=path, size=size,
        study_attrs=level_json(ds, attrs.STUDY),
        series_attrs=level_json(ds, attrs.SERIES),
        instance_attrs=level_json(ds, attrs.INSTANCE),
    )


def level_json(ds: Dataset, level: str) -> dict[str, Any]:
    """DICOM JSON of the attributes the index keeps for `level`, decoded to Unicode.

    Strings are decoded with the file's Specific Character Set as pydicom reads them, so a
    GB18030 file's 张伟 is stored (and served) as Unicode.
    """
    from pydicom import Dataset as PydicomDataset

    subset = PydicomDataset()
    for attribute in attrs.stored(level):
        tag = int(attribute.tag, 16)
        if tag in ds:
            element = ds[tag]
            if element.VR != "SQ":
                subset.add(element)
    return subset.to_json_dict()


def import_folder(index: DicomIndex, folder: Path) -> ImportSummary:
    """Copy every usable DICOM file under `folder` (recursively) into the sandbox."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder")
    imported = present = skipped = 0
    batch: list[IndexEntry] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            entry, copied = _import_file(index, path)
        except UnusableFile as exc:
            skipped += 1
            log.warning("DICOM import: skipped %s: %s", path.relative_to(folder), exc)
            continue
        if copied:
            imported += 1
            batch.append(entry)
        else:
            present += 1
        if len(batch) >= _BATCH:
            index.add(batch)
            batch = []
    index.add(batch)
    return ImportSummary(imported, present, skipped)


def _import_file(index: DicomIndex, source: Path) -> tuple[IndexEntry, bool]:
    ds = read_checked(source)
    size = source.stat().st_size
    relative = relative_path(*_uids(ds))
    try:
        entry = index_entry(ds, relative, size)
    except Exception as exc:  # noqa: BLE001 - a value pydicom cannot convert (a malformed date, ...)
        raise UnusableFile(f"unreadable attributes ({type(exc).__name__})") from None
    if index.instance_size(entry.sop_uid) == size and index.absolute(relative).is_file():
        return entry, False
    target = index.absolute(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    return entry, True


def read_checked(path: Path) -> Dataset:
    """The dataset of a file the sandbox can serve, or UnusableFile saying why not."""
    import pydicom
    from pydicom.errors import InvalidDicomError

    try:
        ds = pydicom.dcmread(path)
    except InvalidDicomError:
        raise UnusableFile("not a DICOM file") from None
    except Exception as exc:  # noqa: BLE001 - pydicom raises many kinds on broken files
        raise UnusableFile(f"unreadable ({type(exc).__name__})") from None
    meta = getattr(ds, "file_meta", None)
    if "1.2.840.10008.1.3.10" in (str(ds.get("SOPClassUID", "")), str(getattr(meta, "MediaStorageSOPClassUID", ""))):
        raise UnusableFile("a DICOMDIR, not an image")
    _uids(ds)
    if "PixelData" in ds:
        _check_pixel_data(ds)
    return ds


def _check_pixel_data(ds: Dataset) -> None:
    """Uncompressed pixel data must be complete: a truncated copy is the common broken file."""
    meta = getattr(ds, "file_meta", None)
    syntax = getattr(meta, "TransferSyntaxUID", None)
    try:
        data = ds.PixelData
    except Exception as exc:  # noqa: BLE001
        raise UnusableFile(f"unreadable pixel data ({type(exc).__name__})") from None
    if syntax is not None and syntax.is_compressed:
        if not data:
            raise UnusableFile("empty pixel data")
        return
    try:
        rows, columns = int(ds.Rows), int(ds.Columns)
        samples = int(ds.get("SamplesPerPixel", 1) or 1)
        bits = int(ds.BitsAllocated)
    except (AttributeError, TypeError, ValueError):
        raise UnusableFile("pixel data without its image description") from None
    frames = max(1, _int(ds.get("NumberOfFrames")) or 1)
    expected = (rows * columns * samples * frames * bits + 7) // 8
    if len(data) < expected:
        raise UnusableFile(f"truncated pixel data ({len(data)} of {expected} bytes)")


def _uids(ds: Dataset) -> tuple[str, str, str]:
    study, series, sop = (str(ds.get(k, "") or "").strip()
                          for k in ("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"))
    if not (study and series and sop):
        raise UnusableFile("no Study, Series or SOP Instance UID")
    return study, series, sop


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
