"""Bytes handed between the application and its decoder workers through shared memory, not pipes.

Sending a CT slice to a worker and its pixels back through the pool's pipes costs about 3 ms
of copying and pickling in the application's process: more than decoding it. Through a
shared memory segment the bytes are written once and mapped on the other side; the messages
carry only a name and a size.

A segment is made by the side that writes it (mode 0600: this user's alone, with a random
name) and unlinked by the side that reads it last; the mapping outlives the name, so the
pixels the viewer holds stay valid until the array is dropped, and the memory is freed then.
The multiprocessing resource tracker unlinks any segment left behind when the application
exits (a worker killed mid-way, a series cancelled).

POSIX only (Linux, macOS): on Windows a segment dies with its last handle, so a worker could
not hand one over and close its own; there the pool sends pixels through its pipes.
"""

from __future__ import annotations

import mmap
import os
from multiprocessing import resource_tracker
from multiprocessing.shared_memory import SharedMemory
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from app.platform.dicom.reading import InstanceBytes

AVAILABLE = os.name == "posix"


def write_segment(data: InstanceBytes) -> tuple[str, int]:
    """A new segment holding `data`: its name and size (the writer's mapping is closed)."""
    from app.platform.dicom.reading import byte_view

    view = byte_view(data)
    segment = SharedMemory(create=True, size=max(view.nbytes, 1))
    try:
        _buffer(segment)[:view.nbytes] = view
    finally:
        segment.close()
    return segment.name, view.nbytes


def read_bytes(name: str, size: int) -> bytes:
    """A copy of a segment's first `size` bytes; the segment stays (its maker unlinks it)."""
    segment = SharedMemory(name)   # registers the name again with the (shared) tracker: a set, no harm
    try:
        return bytes(_buffer(segment)[:size])
    finally:
        segment.close()


def take_array(name: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    """The array a segment holds, mapped read-only; the name is unlinked at once, the memory
    freed when the array is dropped."""
    import _posixshmem  # type: ignore[import-not-found]  # multiprocessing's own POSIX binding

    path = "/" + name
    fd = _posixshmem.shm_open(path, os.O_RDONLY, mode=0o600)
    try:
        size = os.fstat(fd).st_size
        mapping = mmap.mmap(fd, size, prot=mmap.PROT_READ) if size else None
    finally:
        os.close(fd)
        unlink(name)
    count = int(np.prod(shape, dtype=np.int64))
    if mapping is None:
        return np.zeros(shape, dtype=dtype)
    return np.frombuffer(mapping, dtype=np.dtype(dtype), count=count).reshape(shape)


def _buffer(segment: SharedMemory) -> memoryview:
    buffer = segment.buf
    assert buffer is not None, "a segment closed too early"
    return buffer


def unlink(name: str) -> None:
    """Remove a segment's name (mappings already made stay); nothing if it is gone."""
    import _posixshmem

    try:
        _posixshmem.shm_unlink("/" + name)
    except FileNotFoundError:
        return
    resource_tracker.unregister("/" + name, "shared_memory")
