"""Header lanes: worker processes that read the headers of a series' slices, in order, over pipes.

A plain native slice (CT, MR) needs no decoding, only its header read: about a quarter of a
millisecond with the lean reader (`lean_header`), which is as long as the network takes to
bring the slice on a fast link, and a fifth of that for a slice whose header differs from
one already read only in the slice's own attributes (`slice_template`: a lane keeps the
templates of the series it serves). In the application's process that time is taken from the
window and from the thread reading the network; through the process pool it costs more
than it saves (the pool's threads pickle, queue and wake each other for every task: half a
millisecond of the application's CPU per slice, measured). A lane is one worker process with
two pipes of its own: the reading thread writes each header into one (a system call), and the
thread that hands the slices over reads the answers from the other, in the order they were
sent (a system call and the unpickling of one `NativeLayout`, told as the fields that differ
from the last one's: a whole `InstanceInfo` takes 18 µs to unpickle): some 20 µs a slice here,
and 13 µs to send its header.

A lane serves one series at a time (`HeaderLanes.take`, `give_back`): a series' answers come
back in its own order, never mixed with another's. A series takes one free lane, and one
that found none takes one once another series gives it back. A lane whose process
died, or that still owes answers when its series ended early, is drained or replaced before it
serves again.
"""

from __future__ import annotations

import logging
import pickle
import struct
import threading
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from typing import TYPE_CHECKING

from app.domain.dicom_instance import DicomReadError, InstanceInfo, ReadProblem

if TYPE_CHECKING:
    from app.platform.dicom.decoding import NativeLayout

log = logging.getLogger("huren.images")

_SIZE = struct.Struct("<Q")
_HELLO = b"ready"
#: How long a lane that still owes answers (its series ended early) is waited for before it is replaced.
_DRAIN_SECONDS = 5.0
#: How long an answer is waited for before the lane is given up (and the pool reads the header).
ANSWER_SECONDS = 30.0



def _serve(requests: Connection, answers: Connection, address_space: int) -> None:
    """In the lane's process: each header read as it comes, its answer sent back in order."""
    from app.platform.dicom.decoding import NativeLayout, native_layout
    from app.platform.dicom.slice_template import SeriesHeaders
    from app.platform.dicom.worker_start import ready_to_decode, start_worker

    start_worker(address_space)
    ready_to_decode()
    headers = SeriesHeaders()
    last: InstanceInfo | None = None     # the header of the last layout sent
    answers.send_bytes(_HELLO)
    while True:
        try:
            message = requests.recv_bytes()
        except (EOFError, OSError):
            return      # the application closed the lane (or is gone)
        (size,) = _SIZE.unpack_from(message)
        answer: object
        try:
            head = message[_SIZE.size:]
            answer = headers.layout(head, size) or native_layout(head, size)
        except DicomReadError as e:
            answer = e
        except MemoryError:
            answer = DicomReadError(ReadProblem.TOO_LARGE, "There was not enough memory to read the image's header.")
        except Exception:  # noqa: BLE001 - whatever the header did to the reader: the general path says what
            answer = None
        sent: object = answer
        if isinstance(answer, NativeLayout):
            if last is not None:    # the fields that differ from the last slice's (a whole one: 18 µs to unpickle)
                sent = (answer.offset, answer.dtype, {k: v for k, v in vars(answer.info).items() if vars(last)[k] != v})
            last = answer.info
        try:
            answers.send_bytes(pickle.dumps(sent, pickle.HIGHEST_PROTOCOL))
        except OSError:
            return      # the application gave this lane up (it was too slow) or is gone


class Lane:
    """One header worker and its two pipes; used by one series (two threads: one sends, one receives)."""

    def __init__(self, context: SpawnContext, address_space: int) -> None:
        requests_in, self._requests = context.Pipe(duplex=False)
        self._answers, answers_out = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(requests_in, answers_out, address_space),
                                       name="huren-header-lane", daemon=True)
        self.process.start()
        requests_in.close()
        answers_out.close()
        self.ready = threading.Event()
        self.broken = False
        self._last: InstanceInfo | None = None     # the header of the last layout received (answers build on it)
        self.sent = self.received = 0
        threading.Thread(target=self._hello, name="header-lane-hello", daemon=True).start()

    def _hello(self) -> None:
        try:
            self.broken = self._answers.recv_bytes() != _HELLO
        except (EOFError, OSError, TypeError):   # TypeError: the pipe was closed meanwhile (`close`)
            self.broken = True
        self.ready.set()

    @property
    def usable(self) -> bool:
        return self.ready.is_set() and not self.broken and self.process.is_alive()

    def send(self, head: bytes, size: int) -> None:
        """`head` (a file's bytes up to its Pixel Data value) to read; OSError when the lane is gone."""
        try:
            self._requests.send_bytes(_SIZE.pack(size) + head)
        except OSError:
            self.broken = True
            raise
        self.sent += 1

    def receive(self) -> NativeLayout | DicomReadError | None:
        """The next answer, in the order the headers were sent: the slice's layout, None when it needs
        the general path (decoded whole), or why it cannot be shown; OSError when the lane died, or
        hangs on a header (`ANSWER_SECONDS`: a header is read in a quarter of a millisecond)."""
        from app.platform.dicom.decoding import NativeLayout

        if self.broken:     # it died or hung on an earlier header: the headers after it are not waited for
            raise OSError("the header worker stopped")
        try:
            if not self._answers.poll(ANSWER_SECONDS):
                raise TimeoutError(f"the header worker gave no answer within {ANSWER_SECONDS:g} s")
            answer = pickle.loads(self._answers.recv_bytes())
            if isinstance(answer, tuple):   # a layout told as what differs from the last one
                if self._last is None:
                    raise OSError("an answer relative to no earlier one")
                offset, dtype, changes = answer
                answer = NativeLayout(self._last.updated(changes), offset, dtype)
        except (EOFError, OSError, TypeError, ValueError) as e:    # TimeoutError is an OSError
            self.broken = True
            raise OSError(f"the header worker stopped ({e or type(e).__name__})") from e
        if isinstance(answer, NativeLayout):
            self._last = answer.info
        self.received += 1
        return answer

    def drain(self, timeout: float) -> bool:
        """The answers still owed read and dropped (a series that ended early): whether the lane is clean."""
        while self.received < self.sent and not self.broken:
            if not self._answers.poll(timeout):
                return False
            try:
                self.receive()
            except OSError:
                return False
        return not self.broken

    def close(self) -> None:
        for end in (self._requests, self._answers):
            end.close()
        self.process.join(timeout=1.0)
        if self.process.is_alive():
            self.process.terminate()


class HeaderLanes:
    """The session's lanes, one per core, lent to one series at a time."""

    def __init__(self, context: SpawnContext, count: int, address_space: int) -> None:
        self._context, self._address_space = context, address_space
        self._lock = threading.Lock()
        self._free = [Lane(context, address_space) for _ in range(count)]
        self._closed = False

    @property
    def ready(self) -> bool:
        """Every lane not lent out has started, or failed to (until then, the pool reads a series' headers)."""
        with self._lock:
            return all(lane.ready.is_set() for lane in self._free)

    @property
    def working(self) -> int:
        """How many lanes not lent out answered when they started."""
        with self._lock:
            return sum(lane.usable for lane in self._free)

    def take(self) -> list[Lane]:
        """A free lane ready to work (none while they start, or while other series have them all): the
        series of a study stream at once, each with a lane of its own. One lane reads some 10,000 CT
        headers a second from a template (`slice_template`), more than loopback brings. A free lane
        found dead (it never started, or its process was killed) is replaced."""
        with self._lock:
            dead = [lane for lane in self._free if lane.ready.is_set() and not lane.usable]
            usable = [lane for lane in self._free if lane.usable]
            taken = usable[:1]
            self._free = [lane for lane in self._free if lane not in taken and lane not in dead]
            self._free += [self._replace(lane) for lane in dead]
        for lane in taken:
            lane.sent = lane.received = 0
        return taken

    def give_back(self, lanes: list[Lane], series_ended: threading.Thread | None = None) -> None:
        """The lanes a series used. One still owed answers is drained on a thread of its own, once
        `series_ended` (the thread that sent it headers) has finished; one that died is replaced."""
        if (series_ended is None or not series_ended.is_alive()) \
                and all(lane.received == lane.sent and lane.usable for lane in lanes):
            self._return(lanes)
            return

        def settle() -> None:
            if series_ended is not None:
                series_ended.join()
            self._return([lane if lane.drain(_DRAIN_SECONDS) else self._replace(lane) for lane in lanes])

        threading.Thread(target=settle, name="header-lane-drain", daemon=True).start()

    def _replace(self, lane: Lane) -> Lane:
        log.warning("a header worker stopped or hung; starting another")
        lane.close()
        return Lane(self._context, self._address_space)

    def _return(self, lanes: list[Lane]) -> None:
        with self._lock:
            if self._closed:
                for lane in lanes:
                    lane.close()
                return
            self._free.extend(lanes)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            lanes, self._free = self._free, []
        for lane in lanes:
            lane.close()
