"""The parts of a series are carved from blocks that are used again once nothing holds them.

A part never overlaps another that is alive; a block comes back (the same memory) only when
every part carved from it, and every view of one, is gone; free blocks are given back to the
system after their idle time or beyond the bytes kept; a multipart answer's parts come from
the blocks and keep their bytes while later parts arrive.
"""

from __future__ import annotations

import gc
import mmap

import numpy as np

from app.platform.dicomweb import part_memory
from app.platform.dicomweb.multipart import iter_parts
from app.platform.dicomweb.part_memory import FIRST_BLOCK, LAST_BLOCK, PartMemory


def address(array: np.ndarray) -> int:
    return array.__array_interface__["data"][0]


def test_parts_are_aligned_and_apart():
    carver = PartMemory().carver()
    parts = [carver.take(size) for size in (1000, 3, 70_000, 64, 500_000)]
    for part, size in zip(parts, (1000, 3, 70_000, 64, 500_000), strict=True):
        assert len(part) == size and address(part) % 64 == 0
        part[:] = size % 251
    for part, size in zip(parts, (1000, 3, 70_000, 64, 500_000), strict=True):
        assert (part == size % 251).all()       # no later part wrote over an earlier one


def test_blocks_grow_per_stream_and_a_large_part_has_memory_of_its_own():
    memory = PartMemory()
    carver = memory.carver()
    kept = [carver.take(FIRST_BLOCK // 2) for _ in range(8)]
    assert memory.held == FIRST_BLOCK + 2 * FIRST_BLOCK + 4 * FIRST_BLOCK   # 2 parts in 1 MB, 4 in 2, 2 of 8 in 4
    big = carver.take(LAST_BLOCK + 1)
    assert len(big) == LAST_BLOCK + 1 and memory.held == 7 * FIRST_BLOCK
    assert kept and big.base is None


def test_a_block_comes_back_only_when_nothing_holds_a_part_of_it():
    memory = PartMemory()
    first = memory.carver()
    part = first.take(1000)
    view = part[10:20]          # as a slice's pixels are a view of its part
    block = address(part)
    del first, part
    gc.collect()
    assert address(memory.carver().take(1000)) != block     # a view still holds it
    assert memory.held == 2 * FIRST_BLOCK
    del view
    gc.collect()
    assert address(memory.carver().take(1000)) == block     # the same memory, its pages in place
    assert memory.held == 2 * FIRST_BLOCK


def test_a_block_of_huge_pages_comes_back_only_when_nothing_holds_a_part_of_it():
    """Blocks of 2 MB and more are anonymous mappings advised into huge pages (where the system has
    them): the array over the mapping counts its parts' references as numpy's own memory does."""
    memory = PartMemory(idle_seconds=0)
    first = memory.carver()
    part = first.take(3 * FIRST_BLOCK)      # a block of 4 MB
    if part_memory.HUGE_PAGES is not None:
        assert isinstance(part.base.base.obj, mmap.mmap) and part.flags.writeable
    part[:] = 7
    view = part[10:20]
    block = address(part)
    del first, part
    gc.collect()
    again = memory.carver()
    assert address(again.take(3 * FIRST_BLOCK)) != block      # a view still holds it
    assert (view == 7).all()
    del view, again
    gc.collect()
    assert address(memory.carver().take(3 * FIRST_BLOCK)) == block
    gc.collect()
    assert memory.sweep() == 8 * FIRST_BLOCK and memory.held == 0    # both given back: unmapped with their arrays


def test_free_blocks_are_given_back_after_their_idle_time_or_beyond_what_is_kept():
    memory = PartMemory(idle_seconds=3600, keep_idle=FIRST_BLOCK)
    carver = memory.carver()
    parts = [carver.take(n * FIRST_BLOCK - 4096) for n in (1, 2, 4)]     # a block each: 1, 2 and 4 MB
    assert memory.held == 7 * FIRST_BLOCK and memory.idle == 0
    assert memory.sweep() == 0                                  # all in use
    del carver, parts
    gc.collect()
    assert memory.idle == 7 * FIRST_BLOCK
    assert memory.sweep() == 6 * FIRST_BLOCK and memory.held == FIRST_BLOCK   # only `keep_idle` bytes kept
    memory.idle_seconds = 0
    assert memory.sweep() == FIRST_BLOCK and memory.held == 0


def test_a_multipart_answer_is_carved_from_the_blocks_and_keeps_its_bytes(monkeypatch):
    memory = PartMemory()
    monkeypatch.setattr(part_memory, "_shared", memory)
    bodies = [bytes([i]) * (300_000 + i) for i in range(12)]
    wire = b"".join(b"--b\r\nContent-Length: %d\r\n\r\n" % len(b) + b + b"\r\n" for b in bodies) + b"--b--"
    chunks = [wire[i:i + 65_536] for i in range(0, len(wire), 65_536)]
    parts = list(iter_parts(chunks, "b"))
    assert [p.tobytes() for p in parts] == bodies
    assert memory.held == 7 * FIRST_BLOCK     # blocks of 1, 2 and 4 MB for 3.6 MB of parts
    assert all(p.base is not None for p in parts)       # views of the blocks


def test_the_next_stream_carves_on_where_a_finished_one_stopped():
    """A small series leaves most of its last block unused: the next series fills it, and once
    nothing holds a part of that block any more, the next carves it from its start."""
    memory = PartMemory()
    first = memory.carver()
    one = first.take(200_000)
    first.close()
    second = memory.carver()
    two = second.take(200_000)
    assert two.base is one.base and address(two) >= address(one) + 200_000    # the same block, after it
    assert memory.held == FIRST_BLOCK
    second.close()
    start = address(one)
    del one, two
    gc.collect()
    assert address(memory.carver().take(1000)) == start and memory.held == FIRST_BLOCK


def test_a_free_block_is_not_carved_on_by_a_stream_that_did_not_ask_for_its_size():
    """A large series' blocks, free once its window closed, are not pinned by a small series'
    first parts: the small series carves blocks of its own sizes."""
    memory = PartMemory()
    large = memory.carver()
    parts = [large.take(LAST_BLOCK // 2) for _ in range(2)]
    large.close()
    del parts
    gc.collect()
    small = memory.carver()
    part = small.take(100_000)
    assert len(part.base) == FIRST_BLOCK
