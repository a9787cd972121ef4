"""Local media (a CD, a USB stick, a folder, one file) as studies and series to open.

A patient brings a CD from another hospital: a DICOMDIR at the root, files named in upper
case ISO 9660 style (`IMAGES/IM0001`), often mounted in lower case or with `;1` version
suffixes, next to the burning software's own viewer. `media_files` finds the DICOM files
(through the DICOMDIR when one is given, by walking the folder otherwise) and
`describe_media` reads their headers into study → series → instances. A file that cannot
be read is listed with its `DicomReadError`, never dropped silently.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.dicom_instance import DicomReadError, InstanceInfo, ReadProblem
from app.domain.image_geometry import slice_order
from app.platform.dicom.header import instance_info
from app.platform.dicom.reading import looks_like_dicom, read_dataset


def media_files(path: Path) -> list[Path]:
    """The files to open for a path the user chose: a file, a DICOMDIR, or a folder.

    A DICOMDIR lists its files; one that cannot be read falls back to walking its folder.
    A folder is walked recursively, keeping the files that look like DICOM from their first
    bytes (DICOMDIR files themselves are left out). A single file is returned as it is,
    so opening a non-DICOM file explains why it cannot be shown.
    """
    path = Path(path)
    if path.is_file():
        if path.name.upper() == "DICOMDIR":
            try:
                return dicomdir_files(path)
            except DicomReadError:
                return _walk(path.parent)
        return [path]
    if path.is_dir():
        return _walk(path)
    return [path]


def dicomdir_files(dicomdir: Path) -> list[Path]:
    """The files a DICOMDIR references, resolved case-insensitively below its folder.

    A referenced file that is missing is still returned (at its upper-case path), so the
    caller reports it instead of quietly showing fewer images.
    """
    ds = read_dataset(dicomdir, stop_before_pixels=True)
    try:
        records = list(ds.get("DirectoryRecordSequence") or ())
    except Exception as exc:
        raise DicomReadError(ReadProblem.CORRUPT_HEADER, "The DICOMDIR's list of files is damaged.") from exc
    if not records:
        raise DicomReadError(ReadProblem.NOT_DICOM, "The DICOMDIR lists no files.")
    resolver = _CaseInsensitive(dicomdir.parent)
    seen: dict[Path, None] = {}
    for record in records:
        try:
            file_id = record.get("ReferencedFileID")
        except Exception:  # noqa: BLE001 - one damaged record must not hide the files the others list
            continue
        if not file_id:
            continue
        parts = [file_id] if isinstance(file_id, str) else [str(p) for p in file_id]
        parts = [p.strip() for p in parts if p and p.strip()]
        if parts and ".." not in parts:
            seen.setdefault(resolver.resolve(parts), None)
    return list(seen)


class _CaseInsensitive:
    """Resolve ISO 9660 names whatever case the mount gave them, listing each folder once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._listings: dict[Path, dict[str, str]] = {}

    def _listing(self, folder: Path) -> dict[str, str]:
        if folder not in self._listings:
            try:
                names = os.listdir(folder)
            except OSError:
                names = []
            listing: dict[str, str] = {}
            for name in sorted(names):
                for key in {name.upper(), _plain(name)}:
                    listing.setdefault(key, name)
            self._listings[folder] = listing
        return self._listings[folder]

    def resolve(self, parts: Sequence[str]) -> Path:
        folder = self.root
        for part in parts:
            actual = self._listing(folder).get(part.upper()) or self._listing(folder).get(_plain(part))
            folder = folder / (actual or part)
        return folder


def _plain(name: str) -> str:
    """`IM0001.;1` and `im0001.` name the same file as `IM0001` on an ISO 9660 disc."""
    return name.upper().split(";")[0].rstrip(".")


def _walk(folder: Path) -> list[Path]:
    found = []
    for directory, subdirs, names in os.walk(folder):
        subdirs.sort()
        for name in sorted(names):
            if name.upper() == "DICOMDIR":
                continue
            path = Path(directory) / name
            if _worth_reading(path):
                found.append(path)
    return found


def _worth_reading(path: Path) -> bool:
    """`looks_like_dicom` from the first 132 bytes; a file that cannot be read is kept, so reading it says why."""
    try:
        with open(path, "rb") as f:
            head = f.read(132)
            size = os.fstat(f.fileno()).st_size
    except OSError:
        return True
    return looks_like_dicom(head, size)


@dataclass(frozen=True)
class MediaInstance:
    path: Path
    info: InstanceInfo


@dataclass(frozen=True)
class MediaSeries:
    """One series, its instances in stack order (`slice_order`)."""

    series_uid: str
    instances: tuple[MediaInstance, ...]

    @property
    def info(self) -> InstanceInfo:
        """The first instance's header: modality, description, number of the series."""
        return self.instances[0].info


@dataclass(frozen=True)
class MediaStudy:
    study_uid: str
    series: tuple[MediaSeries, ...]

    @property
    def info(self) -> InstanceInfo:
        """The first instance's header: patient, date, description of the study."""
        return self.series[0].info


@dataclass(frozen=True)
class UnreadableFile:
    path: Path
    error: DicomReadError


@dataclass(frozen=True)
class MediaContents:
    studies: tuple[MediaStudy, ...]
    unreadable: tuple[UnreadableFile, ...]


def describe_media(paths: Iterable[Path], *,
                   progress: Callable[[int, int], None] | None = None) -> MediaContents:
    """Read each file's header (not its pixels) and group the files by study and series.

    Studies come in date order, series by Series Number, instances along the stack. The
    same SOP Instance UID twice (a CD with a copy) is kept once. `progress(done, total)`
    is called after each file, from the calling (worker) thread.
    """
    paths = list(paths)
    studies: dict[str, dict[str, list[MediaInstance]]] = {}
    unreadable: list[UnreadableFile] = []
    seen: set[str] = set()
    for done, path in enumerate(paths, start=1):
        try:
            info = instance_info(read_dataset(path, stop_before_pixels=True))
        except DicomReadError as exc:
            unreadable.append(UnreadableFile(path, exc))
        else:
            if not info.sop_instance_uid or info.sop_instance_uid not in seen:
                seen.add(info.sop_instance_uid)
                studies.setdefault(info.study_uid, {}).setdefault(info.series_uid, []).append(MediaInstance(path, info))
        if progress is not None:
            progress(done, len(paths))
    result = []
    for study_uid, series in studies.items():
        grouped = []
        for series_uid, instances in series.items():
            order = slice_order([i.info for i in instances])
            grouped.append(MediaSeries(series_uid, tuple(instances[i] for i in order)))
        grouped.sort(key=lambda s: (s.info.series_number is None, s.info.series_number or 0, s.series_uid))
        result.append(MediaStudy(study_uid, tuple(grouped)))
    result.sort(key=lambda s: (s.info.study_date is None, s.info.study_date or 0, s.study_uid))
    return MediaContents(tuple(result), tuple(unreadable))
