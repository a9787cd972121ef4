"""Images the reminder names, fetched into the disk cache before the doctor clicks.

The reminder band says "this CT from another hospital need not be repeated"; the doctor's next
move is often to look at it. Fetching its instances into the image cache in the background
means the viewer then reads them from the disk (app.services.image_loading reads the cache
first), and the whole series is there at once.

Low priority, because it must never delay what the doctor opens:

- ONE worker thread, one study and one instance at a time (one WADO-RS request each), so it
  never holds more than one connection to a hospital;
- a duty cycle: after each instance it sleeps so that it is busy at most `share` of the time,
  i.e. its average rate stays under that fraction of the rate the link gave it;
- it waits while the viewer streams a series (`image_loading.viewer_streaming`): what the doctor
  opened has the link and the CPU to itself;
- instances already in the cache are skipped, so a restart (another source answered, the
  chart reopened) costs only what is missing.

Cancellable between instances (`PrefetchHandle.cancel`): the chart cancels it when the patient
closes or another opens; the workstation cancels it before clearing the cache at sign-out.
After `cancel()` returns, nothing more is written to the cache by this prefetch.

Failures (a dead endpoint, an unreadable instance) are logged and skipped: a prefetch is a
courtesy, and the viewer reports the same problem in words if the doctor opens the study.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.dicom_instance import DicomReadError
from app.domain.imaging import ImagingStudy

if TYPE_CHECKING:
    from app.services.image_loading import DicomWebStudySource, StudyImages

log = logging.getLogger("huren.images.prefetch")

#: The fraction of the time the prefetch may spend fetching: half, so it takes at most about half
#: the link it measures, and the other half is free for what the doctor opens.
DEFAULT_SHARE = 0.5
#: How often a prefetch waiting for the viewer looks again.
_YIELD_SECONDS = 0.05


@dataclass
class PrefetchProgress:
    """What a prefetch has done so far (read by tests and the benchmark; counts only)."""

    fetched: int = 0            # instances retrieved and put into the cache
    skipped: int = 0            # instances found already cached
    failed: int = 0             # instances (or whole series) that could not be fetched
    studies_done: int = 0


@dataclass(eq=False)
class PrefetchHandle:
    """A running prefetch: `cancel()` stops it between instances; `wait()` for tests and benchmarks."""

    studies: tuple[ImagingStudy, ...]
    progress: PrefetchProgress = field(default_factory=PrefetchProgress)
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    _done: threading.Event = field(default_factory=threading.Event, repr=False)
    _writing: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def cancel(self) -> None:
        """Stop between instances. On return no cache write of this prefetch is under way or to come."""
        self._cancel.set()
        with self._writing:   # an instance being written finishes first; none starts after
            pass

    def wait(self, timeout: float | None = None) -> bool:
        """True once the worker has stopped (finished or cancelled)."""
        return self._done.wait(timeout)


def start_prefetch(images: StudyImages, studies: Sequence[ImagingStudy], *,
                   share: float = DEFAULT_SHARE) -> PrefetchHandle:
    """Fetch every instance of `studies` (those with a DICOMweb endpoint) into `images.cache`, on one
    background thread. Returns at once; nothing is fetched without a cache to keep it in."""
    handle = PrefetchHandle(tuple(s for s in studies if s.dicomweb_base))
    if images.cache is None or not handle.studies:
        handle._done.set()
        return handle
    worker = threading.Thread(target=_run, args=(images, handle, share), name="huren-prefetch", daemon=True)
    worker.start()
    return handle


def _run(images: StudyImages, handle: PrefetchHandle, share: float) -> None:
    _lower_priority()
    try:
        for study in handle.studies:
            if handle.cancelled:
                return
            try:
                source = images.source(study)
            except ValueError as e:
                log.info("no prefetch of a study: %s", e)
                continue
            try:
                _prefetch_study(source, handle, share)
            except Exception as e:  # noqa: BLE001 - a courtesy: logged, never raised at the doctor
                handle.progress.failed += 1
                log.info("prefetching a study stopped: %s", e)
            finally:
                source.close()
            handle.progress.studies_done += 1
    finally:
        handle._done.set()


def _prefetch_study(source: DicomWebStudySource, handle: PrefetchHandle, share: float) -> None:
    from app.platform.dicom import decode_dataset
    from app.platform.dicomweb import DicomWebError

    cache = source.cache
    assert cache is not None
    study_uid = source.study_uid
    for series in source.list_series():
        if handle.cancelled:
            return
        held = cache.cached_instances(study_uid, series.uid)
        if held and len(held) >= series.instance_count > 0:
            handle.progress.skipped += len(held)
            continue
        try:
            listed = source.client.instances(study_uid, series.uid)
        except DicomWebError as e:
            handle.progress.failed += 1
            log.info("no instance list to prefetch: %s", e)
            continue
        for entry in listed:
            if not _quiet(handle):
                return
            if entry.uid in held:
                handle.progress.skipped += 1
                continue
            started = time.perf_counter()
            try:
                decoded = decode_dataset(source.client.retrieve_instance(study_uid, series.uid, entry.uid))
            except (DicomWebError, DicomReadError) as e:
                handle.progress.failed += 1
                log.info("an instance was not prefetched: %s", e)
                continue
            with handle._writing:
                if handle.cancelled:
                    return
                cache.put(decoded)
            handle.progress.fetched += 1
            busy = time.perf_counter() - started
            if share < 1.0 and handle._cancel.wait(busy * (1.0 / share - 1.0)):
                return


def _quiet(handle: PrefetchHandle) -> bool:
    """Wait while the viewer streams; False when cancelled meanwhile."""
    from app.services.image_loading import viewer_streaming

    while viewer_streaming():
        if handle._cancel.wait(_YIELD_SECONDS):
            return False
    return not handle.cancelled


def _lower_priority() -> None:
    """Best effort: this thread yields the CPU to the window and the viewer (Linux: a thread's nice)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)   # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        pass
