"""Decoding on every core: a series' instances parsed and decoded in worker processes.

A CT slice costs about a millisecond of Python to parse and check (pydicom, `header`), and a
JPEG 2000 frame 25-35 ms to decode; none of it lets go of the interpreter lock, so threads
share one core and the viewer's own thread waits behind them. Here each instance's bytes go
to a pool of worker processes, one per core, and come back decoded: the application's
process only reads the network and receives pixels. A plain native slice (CT, MR) is not
decoded at all: its header is read where the slice is handed over, as what differs from a slice
of the series already read (`slice_template`: some 60 µs a CT slice), and its pixels stay a view
of the bytes that arrived. A worker costs more than that: half a millisecond of the application's
time a slice through the pool (pickling, queues, wake-ups), and a process of its own for the
headers alone (header lanes, until December 2026) cost more in wake-ups of the reading thread
than it saved: a 300-slice CT took 167-178 ms with lanes and 152-159 without, a 1,000-slice one
494-505 and 454 (processes alternating). A header the lean reader declines (a LUT, colour,
anything unusual) goes to a worker, which reads it with pydicom.

The workers are also a wall around the decoders. Each runs under an address-space cap, so a
codestream whose header lies about its size (one asked for 23 GB here) fails with a
MemoryError in the worker instead of taking the machine's memory; a decoder that aborts the
process (as GDCM does on some JPEGs; it is never used, but a plugin may) only breaks the
pool: the pool is made anew, and the instances it held are decoded again one by one, so
that the one that breaks it again is named unreadable and the rest of the series shows.

`decode_stream` keeps the arrival order and hands each instance over as soon as it and those
before it are decoded, whatever the network does next (parts reach the handing thread a few at a
time, `handover`: one that has arrived waits at most 10 ms for others); at most `window` instances are in
flight, so memory stays at the series' pixels and a few instances' bytes. Until the workers
have started (a second or so, once per session: `warm` starts them early), instances are
decoded in the reading thread, so the first image never waits for a process to start.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union, cast

from app.domain.dicom_instance import DecodedInstance, DicomReadError, InstanceInfo, ReadProblem
from app.platform.dicom.handover import Handover
from app.platform.dicom.worker_start import WORKER_ADDRESS_SPACE, ready_to_decode, start_worker

if TYPE_CHECKING:
    from app.platform.dicom.decoding import NativeLayout
    from app.platform.dicom.reading import InstanceBytes as Part
    from app.platform.dicom.slice_template import SeriesHeaders

log = logging.getLogger("huren.images")

_END = object()


def decode_part(data: Part) -> DecodedInstance:
    """One instance's file bytes parsed and decoded (in a worker, or here); DicomReadError if it cannot be."""
    from app.platform.dicom import decode_dataset, read_dataset

    return decode_dataset(read_dataset(data))


def _head(data: Part) -> bytes:
    """The bytes of `data` up to its Pixel Data element's value (a few kB), or its first HEAD_BYTES."""
    from app.platform.dicom.reading import byte_view

    view = byte_view(data)
    for size in (8 * 1024, HEAD_BYTES):
        head = bytes(view[:size])
        tag = head.find(_PIXEL_TAG)
        if tag >= 0 and tag + 12 <= len(head):
            return head[:tag + 12]
        if size >= len(view):
            break
    return head


#: Parts handed from the reading thread to the caller's at a time (`handover`): one wake-up for several.
HANDOVER_BATCH = 4
#: The bytes of an instance sent for its header alone: headers are a few kB; one longer than
#: this is decoded whole.
HEAD_BYTES = 64 * 1024
#: A worker's answer through shared memory: the header, and where its pixels are.
Shared = tuple[InstanceInfo, str, str, tuple[int, ...]]


def _decode_shared(name: str, size: int) -> Shared:
    """In a worker: the instance in segment `name` decoded, its pixels written to a new segment."""
    import numpy as np

    from app.platform.dicom import shared_pixels

    decoded = decode_part(shared_pixels.read_bytes(name, size))
    pixels = np.ascontiguousarray(decoded.pixels)
    out, _ = shared_pixels.write_segment(pixels)
    return decoded.info, out, pixels.dtype.str, tuple(pixels.shape)


def _layout(head: bytes, size: int) -> NativeLayout | None:
    """In a worker: where a plain native image's pixels lie, from its header (None: decode it whole)."""
    from app.platform.dicom.decoding import native_layout

    return native_layout(head, size)


class DecodePool:
    """Worker processes that decode instances (`workers`: one per core unless given)."""

    def __init__(self, workers: int | None = None, address_space: int = WORKER_ADDRESS_SPACE) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._address_space = address_space
        self._lock = threading.Lock()
        self._executor, self._started = self._start()
        self._was_ready = False

    def _start(self) -> tuple[ProcessPoolExecutor, list[Future[int]]]:
        # spawn: forking a process that runs Qt's threads is unsafe, and it is what Windows and macOS do anyway
        executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=start_worker, initargs=(self._address_space,))
        return executor, [executor.submit(ready_to_decode) for _ in range(self.workers)]

    @property
    def ready(self) -> bool:
        """The workers have started and imported the decoders (until then, instances are decoded in
        the reading thread). It stays so after a crash: the new pool is waited for, so the instances
        that follow one that crashed a decoder are never decoded in the application's process."""
        self._was_ready = self._was_ready or all(f.done() and f.exception() is None for f in self._started)
        return self._was_ready

    def submit(self, data: Part) -> Future[DecodedInstance]:
        """`data` decoded by a worker; its pixels come back through shared memory where there is some."""
        if not shared_pixels_available():
            return self._submit(decode_part, data)
        from app.platform.dicom import shared_pixels

        name, size = shared_pixels.write_segment(data)
        decoded: Future[DecodedInstance] = Future()
        try:
            shared = self._submit(_decode_shared, name, size)
        except BaseException:
            shared_pixels.unlink(name)
            raise
        shared.add_done_callback(lambda f: _arrived(f, decoded, name))
        return decoded

    def _header_first(self, data: Part, head: bytes) -> Future[Any]:
        """The layout of a plain native image from its header; anything else decoded whole, at once.

        The second step is taken when the first answers (on the pool's thread), so that an
        image the header alone does not settle keeps its place in the queue of work.
        """
        answer: Future[Any] = Future()

        def settled(head: Future[NativeLayout | None]) -> None:
            try:
                layout = head.result()
                if layout is not None:
                    answer.set_result(layout)
                    return
                whole = self.submit(data)
            except BaseException as e:  # noqa: BLE001 - handed on to whoever waits for the answer
                answer.set_exception(e)
                return
            whole.add_done_callback(lambda w: _pass_on(w, answer))

        # The header ends where the pixel data element begins: send that much (a few kB), or, when
        # the tag is not found early, the first HEAD_BYTES (the worker tells if that was not all).
        self._submit(_layout, head, len(data)).add_done_callback(settled)
        return answer

    def _submit(self, fn: Callable[..., Any], *args: object) -> Future[Any]:
        with self._lock:
            try:
                return self._executor.submit(fn, *args)
            except BrokenProcessPool:
                self._restart(self._executor)
                return self._executor.submit(fn, *args)

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        """A new pool for a broken one (once, however many callers saw it break)."""
        if self._executor is broken:
            log.warning("a decoder worker stopped; starting the pool again")
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor, self._started = self._start()

    def decode_alone(self, data: Part) -> DecodedInstance:
        """An instance that was in a pool that broke: decoded again by itself, to tell whether it broke it.

        A pool may be found broken by the worker that died with another instance; only an
        instance that breaks the pool each of three times it is tried alone is named the culprit.
        """
        crashes = 0
        while True:
            with self._lock:
                executor = self._executor
            try:
                return executor.submit(decode_part, data).result()   # through the pipes: one instance, no hurry
            except BrokenProcessPool:
                with self._lock:
                    self._restart(executor)
                crashes += 1
                if crashes >= 3:
                    raise DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA, "The image data stopped the decoder "
                                         "(it crashed on it); it is not shown.") from None

    def shutdown(self) -> None:
        with self._lock:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def decode_stream(self, parts: Iterable[Part | DicomReadError], cancelled: Callable[[], bool] = lambda: False,
                      window: int | None = None, header_only_above: int = 2 * HEAD_BYTES,
                      ) -> Iterator[DecodedInstance | DicomReadError]:
        """Each part decoded, in the order the parts came; a part that cannot be shown as its DicomReadError.

        The parts are read on a thread of their own (so a slow network never holds back an
        instance already decoded) and handed to this one a few at a time (`Handover`: handed one
        by one, each part woke this thread, which then waited for the interpreter lock the reading
        one held); an error of the reading (the network) is raised here after the instances before
        it. A plain native image larger than `header_only_above` is read from its header, in the
        thread that takes the answers (the caller's), and its pixels are taken where they are;
        anything else is decoded by a worker. A part given as a DicomReadError (a file that could
        not be read) is answered with it, in its place.

        The headers are read in the caller's thread, not the reading one: the reading thread is
        what the series waits for (the network, each part copied out), and every header read
        there was time taken from it (222 against 192 ms for a 300-slice CT).
        """
        from app.platform.dicom.slice_template import SeriesHeaders

        window = window or 4 * self.workers
        slots = threading.Semaphore(window)
        handed: Handover[object] = Handover(batch=min(HANDOVER_BATCH, max(window // 2, 1)))
        stop = threading.Event()
        headers = SeriesHeaders()      # this series' templates

        def read() -> None:
            source = iter(parts)
            first = True
            try:
                for data in source:
                    if stop.is_set() or cancelled():
                        break
                    if isinstance(data, DicomReadError):   # what could not even be read: answered in its place
                        failed: Future[DecodedInstance] = Future()
                        failed.set_exception(data)
                        handed.put((b"", failed), now=first)
                    else:
                        handed.put((data, self._first_step(data, header_only_above)), now=first)
                    first = False
                    if not slots.acquire(blocking=False):
                        handed.flush()      # what waits is taken before this thread waits for room
                        while not slots.acquire(timeout=0.5):
                            if stop.is_set() or cancelled():
                                return
            except BaseException as e:  # noqa: BLE001 - the network's error, raised to the consumer in order
                handed.put(e, now=True)
            finally:
                close = getattr(source, "close", None)
                if close is not None:
                    close()
                handed.put(_END, now=True)

        reader = threading.Thread(target=read, name="dicom-parts", daemon=True)
        reader.start()
        try:
            while True:
                for item in handed.take():
                    if item is _END:
                        return
                    if isinstance(item, BaseException):
                        raise item
                    data, future = cast("tuple[Part, Step]", item)
                    slots.release()
                    yield self._result(data, future, headers)
        finally:
            stop.set()

    def _first_step(self, data: Part, header_only_above: int) -> Step:
        """A part's way, chosen as it arrives: a plain native image's header to be read when its turn
        comes (`_Header`), anything else whole to a worker at once (so that the workers decode the
        compressed images of a series side by side). While the workers are still starting, what is
        not a plain native image is decoded here."""
        head = _head(data) if len(data) > header_only_above else b""
        if head and _native(head):
            return _Header(head)
        if not self.ready:      # the workers are still starting
            return _done(data)
        return self.submit(data)

    def _read_header(self, data: Part, head: bytes,
                     headers: SeriesHeaders) -> NativeLayout | Future[Any] | DicomReadError:
        """A plain native image's layout from its header (`headers`: the series' templates), or why it
        cannot be shown; a header the lean reader declines goes to a worker (pydicom reads it there,
        and decodes the image whole if it needs that), or is decoded here while the workers start."""
        try:
            layout = headers.layout(head, len(data))
        except DicomReadError as e:
            return e
        except MemoryError:
            return DicomReadError(ReadProblem.TOO_LARGE, "There was not enough memory to read the image's header.")
        except Exception:  # noqa: BLE001 - whatever a header did to the lean reader: the general path says what
            layout = None
        if layout is not None:
            return layout
        return self._header_first(data, head) if self.ready else _done(data)

    def _result(self, data: Part, future: Step, headers: SeriesHeaders) -> DecodedInstance | DicomReadError:
        """What `data` is: its layout read from its header here, or what a worker answered; the
        instance (a plain native image's pixels where they are in `data`), or why it cannot be shown."""
        from app.platform.dicom.decoding import NativeLayout, native_pixels

        step = self._read_header(data, future.head, headers) if isinstance(future, _Header) else future
        if isinstance(step, DicomReadError):
            return step
        if isinstance(step, NativeLayout):
            return native_pixels(data, step)
        try:
            answer = step.result()
        except DicomReadError as e:
            return e
        except BrokenProcessPool:
            try:
                answer = self.decode_alone(data)
            except DicomReadError as e:
                return e
        except MemoryError:
            return DicomReadError(ReadProblem.TOO_LARGE, "There was not enough memory to decode the image.")
        if isinstance(answer, NativeLayout):
            return native_pixels(data, answer)
        answer.pixels.flags.writeable = False
        return answer


@dataclass(frozen=True)
class _Header:
    """A plain native image's header, to be read when the part's turn comes (`DecodePool._read_header`)."""

    head: bytes


#: A part's first step: its header to read, or a worker's (or our) future.
Step = Union[_Header, "Future[Any]"]


#: (7FE0,0010) Pixel Data, little endian: where a header ends (or an icon's inside a sequence: the worker tells).
_PIXEL_TAG = b"\xe0\x7f\x10\x00"
#: Where the File Meta names the transfer syntax: (0002,0010) UI, explicit VR little endian.
_SYNTAX_ELEMENT = b"\x02\x00\x10\x00UI"
_NATIVE_SYNTAXES = (b"1.2.840.10008.1.2", b"1.2.840.10008.1.2.1")


def _native(data: bytes) -> bool:
    """Whether a file's File Meta says its pixels are native little endian: a look at one element,
    so that a compressed instance goes to a worker whole at once. Not a parse: the worker checks
    everything, and a file that says otherwise is decoded whole after all."""
    at = data.find(_SYNTAX_ELEMENT, 128, 1024)
    if at < 0:
        return True     # no File Meta (old files are native): the worker will say
    length = int.from_bytes(data[at + 6:at + 8], "little")
    return data[at + 8:at + 8 + length].rstrip(b"\x00 ") in _NATIVE_SYNTAXES


def shared_pixels_available() -> bool:
    from app.platform.dicom import shared_pixels

    return shared_pixels.AVAILABLE


def _arrived(shared: Future[Shared], decoded: Future[DecodedInstance], name: str) -> None:
    """A worker's answer (on the pool's thread): the input segment unlinked, the pixels mapped.

    The pixels are mapped even when nobody waits for them any more (a cancelled series), so
    that their segment is unlinked now, not at exit.
    """
    from app.platform.dicom import shared_pixels

    shared_pixels.unlink(name)
    error = shared.exception()
    if error is not None:
        decoded.set_exception(error)
        return
    info, out, dtype, shape = shared.result()
    try:
        decoded.set_result(DecodedInstance(info, shared_pixels.take_array(out, dtype, shape)))
    except OSError as e:
        decoded.set_exception(DicomReadError(ReadProblem.CORRUPT_PIXEL_DATA,
                                             f"The decoded image could not be handed over ({e})."))


def _pass_on(done: Future[Any], to: Future[Any]) -> None:
    error = done.exception()
    if error is not None:
        to.set_exception(error)
    else:
        to.set_result(done.result())


def _done(data: Part) -> Future[DecodedInstance]:
    """`data` decoded in this thread, as a finished future."""
    future: Future[DecodedInstance] = Future()
    try:
        future.set_result(decode_part(data))
    except DicomReadError as e:
        future.set_exception(e)
    return future


def self_test(timeout: float = 60.0) -> str:
    """What `huren check` says of the image decoders: their worker processes start, and a slice comes
    back the same as here, decoded by a worker and read from its header in a series (in a packaged
    build, the proof that its worker processes start at all). RuntimeError says what did not."""
    import time as clock

    import numpy as np

    from app.platform.dicom import read_instance

    started = clock.monotonic()
    pool = DecodePool()
    try:
        while not pool.ready:
            if clock.monotonic() - started > timeout:
                raise RuntimeError(f"the decoder processes did not start within {timeout:g} s")
            clock.sleep(0.05)
        seconds = clock.monotonic() - started
        data = _test_slice()
        expected = read_instance(data)
        in_series = list(pool.decode_stream([data] * 4, header_only_above=0))
        whole = pool.submit(data).result(timeout)
        for got in (*in_series, whole):
            if not isinstance(got, DecodedInstance) or not np.array_equal(got.pixels, expected.pixels):
                raise RuntimeError(f"a test slice came back wrong from the decoder processes: {got!r}")
        return f"{pool.workers} decoder processes, started in {seconds:.1f} s"
    finally:
        pool.shutdown()


def _test_slice() -> bytes:
    """A small CT slice, made here (no file is read)."""
    import io

    import numpy as np
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID = CTImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID = generate_uid()
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.Modality = generate_uid(), generate_uid(), "CT"
    ds.Rows = ds.Columns = 16
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.PixelData = np.arange(-128, 128, dtype="<i2").tobytes()
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


_shared: DecodePool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> DecodePool:
    """The session's pool, started on first use (`warm` starts it before a series is opened)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = DecodePool()
        return _shared


def warm() -> None:
    """Start the workers now, in the background: they take a second to import the decoders."""
    shared_pool()
