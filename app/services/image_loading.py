"""Where the viewer's images come from: a hospital's DICOMweb service, or a disc in the drive.

Both kinds answer the same two questions, which series there are and, one instance at a
time as it arrives, their decoded pixels, so the viewer shows the first image while the
rest are still on the wire. Instances opened once are kept decoded in the disk cache, and
a second opening reads no network at all.

These calls block; the UI runs them on a worker and checks `cancelled` between instances.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

# The viewer's value types: what an instance is and why a file failed. Offered here so the UI,
# which imports services and never the platform, can name them; the domain module is light (no pydicom).
from app.domain.dicom_instance import DecodedInstance, DicomReadError, InstanceInfo, ReadProblem
from app.domain.imaging import ImagingSeries, ImagingStudy
from app.platform.http_session import Connection

if TYPE_CHECKING:
    from app.platform.dicomweb import DicomWebClient
    from app.platform.image_cache import ImageCache
    from app.services.workspace import Workspace

log = logging.getLogger("huren.images")

__all__ = ["Cancelled", "Connections", "DecodedInstance", "DicomReadError", "DicomWebStudySource", "ImageSource",
           "InstanceInfo", "LocalMediaSource", "ReadProblem", "SeriesRef", "StudyImages", "Unreadable", "image_cache",
           "prior_candidates", "series_at_once", "study_images", "study_thumbnail", "viewer_streaming",
           "warm_decoders"]

Cancelled = Callable[[], bool]
#: A source's connection settings (CA bundle, proxy) by source name, as `Workspace.connection` gives them.
Connections = Callable[[str], Connection]


@dataclass(frozen=True)
class SeriesRef:
    """A series to show: enough to label its thumbnail before any pixel has arrived."""

    study_uid: str
    uid: str
    number: int | None
    modality: str
    description: str
    body_part: str
    instance_count: int


@dataclass(frozen=True)
class Unreadable:
    """An instance that arrived but cannot be shown; the viewer says why and goes on."""

    what: str                 # file name or instance UID
    error: DicomReadError


class ImageSource(Protocol):
    label: str

    def list_series(self) -> list[SeriesRef]: ...

    def stream(self, series: SeriesRef, cancelled: Cancelled) -> Iterator[DecodedInstance | Unreadable]: ...

    def close(self) -> None: ...


def _ref(study_uid: str, s: ImagingSeries) -> SeriesRef:
    return SeriesRef(study_uid, s.uid, s.number, s.modality, s.description, s.body_part, s.instance_count)


@dataclass(eq=False)
class DicomWebStudySource:
    """One study on a DICOMweb server (the endpoint its ImagingStudy names)."""

    study_uid: str
    client: DicomWebClient
    cache: ImageCache | None = None
    label: str = ""
    known_series: tuple[ImagingSeries, ...] = ()

    @classmethod
    def for_study(cls, study: ImagingStudy, cache: ImageCache | None, *, timeout: float = 30.0,
                  connection: Connection = Connection()) -> DicomWebStudySource:  # noqa: B008 - frozen
        from app.platform.dicomweb import DicomWebClient

        if not study.dicomweb_base:
            raise ValueError("the study names no DICOMweb endpoint")
        client = DicomWebClient(study.dicomweb_base, timeout=timeout, ca_bundle=connection.ca_bundle or None,
                                proxy=connection.proxy)
        return cls(study.uid, client, cache, study.description, study.series)

    def list_series(self) -> list[SeriesRef]:
        """The series the FHIR record listed, else what the DICOMweb server says (QIDO-RS)."""
        series = self.known_series or tuple(self.client.series(self.study_uid))
        return [_ref(self.study_uid, s) for s in sorted(series, key=lambda s: (s.number is None, s.number or 0))]

    def stream(self, series: SeriesRef, cancelled: Cancelled) -> Iterator[DecodedInstance | Unreadable]:
        """Cached instances first, then the rest as the server streams them (WADO-RS); the
        background prefetch (app.services.prefetch) waits while it runs (`viewer_streaming`)."""
        with _streaming():
            yield from self._stream(series, cancelled)

    def _stream(self, series: SeriesRef, cancelled: Cancelled) -> Iterator[DecodedInstance | Unreadable]:
        """Cached instances first, then the rest as the server streams them (WADO-RS).

        No QIDO-RS round trip before the first byte: the cache says what it holds, and the
        series' instance count (from the FHIR record) says whether that is all of it. The
        instances are decoded on every core (app/platform/dicom/decode_pool.py) and kept in
        the cache on its own thread, so neither holds back the next slice.
        """
        from app.platform.dicom.decode_pool import shared_pool

        done: set[str] = set()
        if self.cache is not None:
            for uid in sorted(self.cache.cached_instances(self.study_uid, series.uid)):
                if cancelled():
                    return
                hit = self.cache.get(self.study_uid, series.uid, uid)
                if hit is not None:
                    done.add(uid)
                    yield hit
        if done and len(done) >= series.instance_count > 0:
            return
        parts = self.client.iter_series_parts(self.study_uid, series.uid)
        for decoded in shared_pool().decode_stream(parts, cancelled):
            if cancelled():
                return
            if isinstance(decoded, DicomReadError):
                yield Unreadable("?", decoded)
                continue
            if decoded.info.sop_instance_uid in done:
                continue
            if self.cache is not None:
                self.cache.put_later(decoded)
            yield decoded

    def close(self) -> None:
        self.client.close()


@dataclass(eq=False)
class LocalMediaSource:
    """Files from a disc, a folder or a single file, as `main.py view PATH` opens them."""

    path: Path
    label: str = ""
    _series: dict[str, list[Path]] = field(default_factory=dict, repr=False)
    _refs: list[SeriesRef] = field(default_factory=list, repr=False)
    unreadable: list[Unreadable] = field(default_factory=list)

    def list_series(self) -> list[SeriesRef]:
        """Reads every file's header once (not its pixels) and groups them into series."""
        from app.platform.dicom import describe_media, media_files

        media = describe_media(media_files(self.path))
        self._series.clear()
        self._refs = []
        for study in media.studies:
            for s in study.series:
                info = s.info
                self._series[s.series_uid] = [i.path for i in s.instances]
                self._refs.append(SeriesRef(study.study_uid, s.series_uid, info.series_number, info.modality,
                                            info.series_description, info.body_part, len(s.instances)))
        self.unreadable = [Unreadable(u.path.name, u.error) for u in media.unreadable]
        if not self.label:
            self.label = self.path.name
        return list(self._refs)

    def stream(self, series: SeriesRef, cancelled: Cancelled) -> Iterator[DecodedInstance | Unreadable]:
        """The files decoded on every core, in stack order; a file that cannot be read is named."""
        from app.platform.dicom.decode_pool import shared_pool
        from app.platform.dicom.reading import read_file_bytes

        paths = self._series.get(series.uid, [])
        contents = (read_file_bytes(path) for path in paths)
        for path, decoded in zip(paths, shared_pool().decode_stream(contents, cancelled), strict=False):
            if cancelled():
                return
            yield Unreadable(path.name, decoded) if isinstance(decoded, DicomReadError) else decoded

    def close(self) -> None:
        pass


_streams_lock = threading.Lock()
_streams = 0


@contextmanager
def _streaming() -> Iterator[None]:
    global _streams
    with _streams_lock:
        _streams += 1
    try:
        yield
    finally:
        with _streams_lock:
            _streams -= 1


def viewer_streaming() -> bool:
    """Whether a series is being streamed for the viewer now: what the doctor opened comes first."""
    return _streams > 0


def warm_decoders() -> None:
    """Start the decoder workers now (they take a second), so the first series opened does not wait."""
    from app.platform.dicom.decode_pool import warm

    warm()


def series_at_once() -> int:
    """How many series a viewer streams at once: one per core, at most four. Each reads the headers
    of its slices in its own thread (`decode_pool`); more at once gained nothing (a six-series MR on
    two cores: 112-120 ms with two at once, 116-121 with three, 122-127 with four, 119-120 with six)."""
    from app.platform.dicom.decode_pool import shared_pool

    return max(1, min(4, shared_pool().workers))


def image_cache(workspace: Workspace) -> ImageCache:
    """The user's disk cache of decoded images (in the user cache dir, size-capped, sealed)."""
    from app.config import paths
    from app.platform.image_cache import ImageCache

    return ImageCache(paths().cache / "images", int(workspace.config.image_cache_mb * 1024 * 1024),
                      workspace.sealer())


def _default_connection(_source: str) -> Connection:
    return Connection()


@dataclass(frozen=True)
class StudyImages:
    """How this workstation reaches a study's images: its disk cache and each source's connection.

    The viewer opens studies through this and never wires a cache or a connection itself.
    """

    cache: ImageCache | None = None
    connections: Connections = _default_connection

    def source(self, study: ImagingStudy) -> DicomWebStudySource:
        """The study on the DICOMweb service its record names, with the CA bundle and proxy of its source."""
        return DicomWebStudySource.for_study(study, self.cache, connection=self.connections(study.key.source))


def study_images(workspace: Workspace, cache: ImageCache | None) -> StudyImages:
    """The session's way to the images: `cache` (see `image_cache`) and the site's connection per source."""
    return StudyImages(cache, workspace.connection)


def prior_candidates(study: ImagingStudy, others: Sequence[ImagingStudy]) -> list[ImagingStudy]:
    """Earlier studies worth comparing with: same modality and body part first, newest first."""
    def score(s: ImagingStudy) -> tuple[int, float]:
        same = bool(set(s.modalities) & set(study.modalities)) + bool(set(s.body_parts) & set(study.body_parts))
        return (-same, -(s.started.timestamp() if s.started else 0))

    return sorted((s for s in others if s.uid != study.uid and s.dicomweb_base), key=score)


def study_thumbnail(study: ImagingStudy, size: int = 128,
                    connection: Connection = Connection()) -> bytes | None:  # noqa: B008 - frozen
    """A small rendered image of the study's main series from its DICOMweb service, or None.

    Servers that cannot render (or a dead endpoint) leave the study list without a picture;
    that is no reason to bother the doctor with an error.
    """
    from app.platform.dicomweb import DicomWebClient, DicomWebError

    if not study.dicomweb_base or not study.series:
        return None
    main = max(study.series, key=lambda s: s.instance_count)
    client = DicomWebClient(study.dicomweb_base, timeout=10, ca_bundle=connection.ca_bundle or None,
                            proxy=connection.proxy)
    try:
        return client.thumbnail(study.uid, main.uid, size=size)
    except DicomWebError as e:
        log.info("no thumbnail for a study: %s", e)
        return None
    finally:
        client.close()
