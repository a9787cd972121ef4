"""Memory for the parts of a series, used again: the next series opens without the kernel's page faults.

A series' parts are hundreds of MB of fresh memory, and the first touch of each page is a
page fault: about 50 ms of the reading thread's CPU for a 300-slice CT here (on a virtual
machine, sometimes several times that), as long as the wire itself takes on loopback. A
doctor opens one study after another all day; the memory the last one held is free again
when its window closes. Here the parts are carved from blocks (`Carver.take`), and a block
none of whose parts is referenced any more (the series' window closed, or a compressed
slice's bytes were decoded and dropped) is carved again, its pages already in place.

A block is free when nothing but this pool refers to it: every part, and every view of a part
(a slice's pixels), holds its block, and CPython's reference count says when none is left (an
interpreter without the global lock counts differently: there, parts get memory of their own).
Blocks grow per stream, 1 MB then doubling up to 32 MB, and the unused end of a stream's block
is carved by the next stream (`PartMemory.leave`, `resume`), so a study of small series holds
little more than its parts. Free blocks are kept for `IDLE_SECONDS` and at most `KEEP_IDLE`
bytes of them (a sweep on every new block and every `SWEEP_SECONDS`); then they are given
back to the system. A part larger than a block gets memory of its own.

Blocks of 2 MB and more are mapped with transparent huge pages where the system offers them
(Linux, `madvise`): a huge page is one fault where small pages are 512. The first series a
process opens has no blocks to use again, and its fresh memory was most of its time: a
300-slice CT 640-710 ms against 270-290 ms with huge pages (later openings 175-210 ms either way).
"""

from __future__ import annotations

import mmap
import sys
import sysconfig
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_MB = 1024 * 1024
#: The first block of a stream, and the largest: the blocks of a stream double between them.
FIRST_BLOCK = 1 * _MB
LAST_BLOCK = 32 * _MB
#: How long a free block is kept for the next series, and how many bytes of them at most.
IDLE_SECONDS = 90.0
KEEP_IDLE = 1024 * _MB
SWEEP_SECONDS = 30.0
#: The least unused end of a block worth carving on from by the next stream.
_SMALLEST_TAIL = 64 * 1024
#: Parts start at multiples of this (numpy's and the CPU's alignment for any pixel type).
_ALIGN = 64
#: References to a block's array when it is free: its `_Block`'s, and sys.getrefcount's argument.
_POOL_REFS = 2
#: Whether reference counts are exact (not so without the global interpreter lock, PEP 703).
_COUNTED = not sysconfig.get_config_var("Py_GIL_DISABLED")
#: `madvise` advice for transparent huge pages (None where the platform has none: Windows, macOS),
#: and their size on x86-64 and most arm64 systems: smaller blocks keep small pages.
HUGE_PAGES: int | None = getattr(mmap, "MADV_HUGEPAGE", None)
_HUGE_PAGE = 2 * _MB


@dataclass(eq=False)
class _Block:
    array: np.ndarray
    free_since: float | None = None     # when a sweep first found it free (None: in use)
    tail: int | None = None             # where its unused end starts, when a stream stopped carving it


@dataclass(eq=False)
class PartMemory:
    """The process's blocks (`shared`); one `Carver` per stream of parts."""

    idle_seconds: float = IDLE_SECONDS
    keep_idle: int = KEEP_IDLE
    _blocks: list[_Block] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _sweep_armed: bool = False          # a sweep is due on the process's timer thread

    def carver(self) -> Carver:
        return Carver(self)

    def block(self, size: int) -> np.ndarray:
        """A block of `size` bytes: a free one of that size if there is one, else a new one."""
        with self._lock:
            for block in self._blocks:
                if len(block.array) == size and sys.getrefcount(block.array) <= _POOL_REFS:
                    block.free_since = block.tail = None
                    return block.array
            self._sweep(time.monotonic())
            array = _new_block(size)
            self._blocks.append(_Block(array))
            if not self._sweep_armed:
                self._arm_sweep()
            return array

    def resume(self, size: int) -> tuple[np.ndarray, int] | None:
        """The unused end of a block a stream left (`leave`) that `size` bytes fit in, the smallest such,
        to carve on from: (block, where its free bytes start). Only a block that still holds parts:
        a free one is carved again from its start by a stream that asks for its size (`block`)."""
        with self._lock:
            fits = []
            for block in self._blocks:
                if block.tail is None:
                    continue
                if sys.getrefcount(block.array) <= _POOL_REFS:
                    block.tail = None       # free: whole again
                elif len(block.array) - block.tail >= size:
                    fits.append(block)
            if not fits:
                return None
            block = min(fits, key=lambda b: len(b.array) - (b.tail or 0))
            at, block.tail = block.tail or 0, None
            return block.array, at

    def leave(self, array: np.ndarray, at: int) -> None:
        """A block a stream stops carving (it ended, or its next part did not fit), used up to `at`: its end
        is carved by the next stream (a small series otherwise holds on to half a block it never fills)."""
        if len(array) - at < _SMALLEST_TAIL:
            return
        with self._lock:
            for block in self._blocks:
                if block.array is array:
                    block.tail = at
                    return

    @property
    def held(self) -> int:
        """Bytes of blocks held, in use or free."""
        with self._lock:
            return sum(len(b.array) for b in self._blocks)

    @property
    def idle(self) -> int:
        """Bytes of free blocks held for the next series."""
        with self._lock:
            return sum(len(b.array) for b in self._blocks if sys.getrefcount(b.array) <= _POOL_REFS)

    def sweep(self) -> int:
        """Free blocks idle too long, or beyond `keep_idle`, given back to the system: the bytes given back."""
        with self._lock:
            return self._sweep(time.monotonic())

    def _sweep(self, now: float) -> int:
        kept: list[_Block] = []
        idle = released = 0
        for block in reversed(self._blocks):     # the newest first: the oldest free ones go first
            if sys.getrefcount(block.array) > _POOL_REFS:
                block.free_since = None
                kept.append(block)
                continue
            if block.free_since is None:
                block.free_since = now
            size = len(block.array)
            if now - block.free_since >= self.idle_seconds or idle + size > self.keep_idle:
                released += size
                continue
            idle += size
            kept.append(block)
        self._blocks = kept[::-1]
        return released

    def _arm_sweep(self) -> None:
        """A sweep in `SWEEP_SECONDS`, on the process's deadline watchdog (its one timer thread)."""
        from app.platform.deadlines import WATCHDOG

        self._sweep_armed = True
        WATCHDOG.arm(time.monotonic() + SWEEP_SECONDS, self._sweep_now_and_then)

    def _sweep_now_and_then(self) -> None:
        """On the watchdog's thread: a sweep, and the next one while blocks are held."""
        with self._lock:
            self._sweep(time.monotonic())
            self._sweep_armed = False
            if self._blocks:
                self._arm_sweep()


def _new_block(size: int) -> np.ndarray:
    """`size` bytes of fresh memory, uninitialised: in huge pages where the system has them (`HUGE_PAGES`).

    The array is a view of an anonymous mapping, which lives (and is unmapped) with it: a part
    carved from the block holds the array, so the reference counts that tell a free block
    (`_POOL_REFS`) are the same as for memory numpy allocated itself.
    """
    import numpy as np  # lazily: the window starts without it

    if HUGE_PAGES is None or size < _HUGE_PAGE:
        return np.empty(size, np.uint8)
    mapping = mmap.mmap(-1, size)
    try:
        mapping.madvise(HUGE_PAGES)
    except OSError:     # not offered by this kernel (or not for this mapping): small pages, as any memory
        pass
    return np.frombuffer(mapping, np.uint8)


class Carver:
    """Memory for one stream's parts, one after another, from blocks of the pool (one thread uses it)."""

    def __init__(self, memory: PartMemory) -> None:
        self._memory = memory
        self._block: np.ndarray | None = None
        self._at = 0
        self._next = FIRST_BLOCK

    def take(self, size: int) -> np.ndarray:
        """`size` bytes (uint8, uninitialised) for a part; memory of its own for one larger than a block."""
        if size > LAST_BLOCK or not _COUNTED:
            import numpy as np

            return np.empty(size, np.uint8)
        if self._block is None or self._at + size > len(self._block):
            self.close()
            left = self._memory.resume(size + _ALIGN)     # first, the end of a block a stream left
            if left is None:
                while self._next < size + _ALIGN:
                    self._next *= 2
                left = self._memory.block(self._next), 0
                self._next = min(self._next * 2, LAST_BLOCK)
            self._block, self._at = left
            self._at += -(self._block.ctypes.data + self._at) % _ALIGN
        part = self._block[self._at:self._at + size]
        self._at += -(-size // _ALIGN) * _ALIGN
        return part

    def close(self) -> None:
        """The stream has ended (or moves to a new block): what is left of its block goes to the next."""
        if self._block is not None:
            self._memory.leave(self._block, self._at)
            self._block = None


_shared = PartMemory()


def shared() -> PartMemory:
    """The process's part memory."""
    return _shared
