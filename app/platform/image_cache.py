"""Decoded instances kept on disk, so a series seen yesterday opens without its archive.

Each instance is one sealed `.npy` file (np.load reads it at disk speed, no decoding) plus a row
in a small SQLite index holding its `InstanceInfo` as JSON, its size and when it was last
used; the least recently used entries go when the total passes `max_bytes`.

Crash safety: pixels are written to a temporary file, fsynced and renamed to a name used
by no other entry; only then is the row committed. A file without a row (a crash between
the two) is never read, and is swept at the next start; a row whose file is missing or
does not match its recorded shape is dropped as a miss. Every entry has its own file, so
an eviction can never delete the file of a newer write of the same instance.

Thread safety: one connection behind a lock; file reads and writes happen outside it.
`put_later` writes on the cache's own thread, in order, off the path of a series arriving:
sealing and writing half a megabyte per slice would otherwise delay every next slice;
`close` waits for the writes asked for.

The index's `InstanceInfo` names the patient (the overlays show it), and pixels can carry a
burned-in name: both are sealed like the outbox (app.platform.sealing); an entry that this
key cannot open is a miss. The folder is this user's alone (0700).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from app.domain.dicom_instance import DecodedInstance, InstanceInfo
from app.platform.sealing import SealedDataUnreadable, Sealer
from app.private_files import private_dir

log = logging.getLogger("huren.images")

#: PRAGMA user_version of an index whose pixel files are sealed.
_FORMAT = 2
#: Files left by a crash are swept only when this old, in case another process is writing.
_STALE_SECONDS = 600


class ImageCache:
    def __init__(self, root: Path, max_bytes: int, sealer: Sealer | None = None) -> None:
        self.root = Path(root)
        self._sealer = sealer or Sealer()
        self.max_bytes = max_bytes
        self._pixels = self.root / "pixels"
        private_dir(self.root)
        self._pixels.mkdir(exist_ok=True)
        self._lock = threading.Lock()
        self._writer: ThreadPoolExecutor | None = None
        self._generation = 0     # raised by `clear`: a write asked for before it is dropped
        self._closed = False     # a write asked for after `close` (a fetch that was still ending) is dropped
        self._last_tick = 0
        self._db = sqlite3.connect(self.root / "index.sqlite3", check_same_thread=False,
                                   isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")   # a lost row after a power cut is a cache miss
        self._db.execute("PRAGMA secure_delete=ON")
        if self._db.execute("PRAGMA user_version").fetchone()[0] < _FORMAT:
            # Made by an earlier version (pixel files in plain text): a cache may start empty.
            self._db.execute("DROP TABLE IF EXISTS entries")
            shutil.rmtree(self._pixels, ignore_errors=True)
            self._pixels.mkdir(exist_ok=True)
            self._db.execute(f"PRAGMA user_version = {_FORMAT}")
        self._db.execute("""CREATE TABLE IF NOT EXISTS entries (
            key TEXT PRIMARY KEY, file TEXT NOT NULL, info TEXT NOT NULL, dtype TEXT NOT NULL,
            shape TEXT NOT NULL, nbytes INTEGER NOT NULL, last_used INTEGER NOT NULL,
            series TEXT NOT NULL, sop TEXT NOT NULL)""")
        self._db.execute("CREATE INDEX IF NOT EXISTS entries_by_use ON entries (last_used)")
        self._db.execute("CREATE INDEX IF NOT EXISTS entries_by_series ON entries (series)")
        self._sweep()

    def close(self) -> None:
        """The writes asked for so far land; later ones are dropped (the window is closing)."""
        with self._lock:
            self._closed = True
        self.flush()
        with self._lock:
            self._db.close()

    def put_later(self, decoded: DecodedInstance) -> Future[bool]:
        """`put` on the cache's writing thread; a failed write is logged (the cache is a copy)."""
        with self._lock:
            if self._closed:
                dropped: Future[bool] = Future()
                dropped.set_result(False)
                return dropped
            if self._writer is None:
                self._writer = ThreadPoolExecutor(1, thread_name_prefix="image-cache")
            return self._writer.submit(self._put_logged, decoded, self._generation)

    def flush(self) -> None:
        """Wait for the writes `put_later` was asked for."""
        with self._lock:
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)

    def _put_logged(self, decoded: DecodedInstance, generation: int) -> bool:
        if generation != self._generation:
            return False    # the cache was emptied since (a user signed out): not this user's to keep
        try:
            return self.put(decoded)
        except (OSError, sqlite3.Error) as e:
            log.warning("an image could not be kept in the cache: %s", e)
            return False

    def __enter__(self) -> ImageCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public ----------------------------------------------------------------------

    def get(self, study_uid: str, series_uid: str, sop_instance_uid: str) -> DecodedInstance | None:
        key = _key(study_uid, series_uid, sop_instance_uid)
        with self._lock:
            row = self._db.execute("SELECT file, info, dtype, shape FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        file, info_json, dtype, shape = row
        try:
            pixels = _array_from((self._sealer.open_bytes((self._pixels / file).read_bytes())))
            info = InstanceInfo.from_json(self._sealer.open(info_json))
        except (OSError, ValueError, EOFError, TypeError, KeyError, SealedDataUnreadable):
            self._forget(key, file)
            return None
        if str(pixels.dtype) != dtype or list(pixels.shape) != json.loads(shape):
            self._forget(key, file)
            return None
        pixels.flags.writeable = False
        with self._lock:
            self._db.execute("UPDATE entries SET last_used = ? WHERE key = ?", (self._tick(), key))
        return DecodedInstance(info, pixels)

    def cached_instances(self, study_uid: str, series_uid: str) -> set[str]:
        """SOP Instance UIDs of a series held here: lets a viewer skip asking the server what it has."""
        with self._lock:
            rows = self._db.execute("SELECT sop FROM entries WHERE series = ?", (_series_key(study_uid, series_uid),))
            return {sop for (sop,) in rows}

    def put(self, decoded: DecodedInstance) -> bool:
        """Store an instance; False when it alone exceeds the cache (it is then not kept)."""
        info = decoded.info
        pixels = np.ascontiguousarray(decoded.pixels)
        if pixels.nbytes > self.max_bytes:
            return False
        key = _key(info.study_uid, info.series_uid, info.sop_instance_uid)
        file = f"{key[:2]}/{key}.{uuid.uuid4().hex[:12]}.npy"
        path = self._pixels / file
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_suffix(".tmp")
        buffer = io.BytesIO()
        np.save(buffer, pixels, allow_pickle=False)
        sealed = self._sealer.seal_bytes(buffer.getbuffer())
        del buffer
        try:
            with open(temporary, "wb") as f:   # no fsync: a torn file after a power cut reads as a miss
                f.write(sealed)
            os.replace(temporary, path)
        except BaseException:
            _unlink(temporary)
            raise
        row = (key, file, self._sealer.seal(info.to_json()), str(pixels.dtype), json.dumps(list(pixels.shape)),
               pixels.nbytes)
        where = (_series_key(info.study_uid, info.series_uid), info.sop_instance_uid)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                old = self._db.execute("SELECT file FROM entries WHERE key = ?", (key,)).fetchone()
                self._db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 (*row, self._tick(), *where))
                evicted = self._evict()
            except BaseException:
                self._db.execute("ROLLBACK")
                _unlink(path)
                raise
            self._db.execute("COMMIT")
        for stale in ([old[0]] if old else []) + evicted:
            _unlink(self._pixels / stale)
        return True

    def size_bytes(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COALESCE(SUM(nbytes), 0) FROM entries").fetchone()[0])

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

    def clear(self) -> None:
        """Every entry gone, and any write still waiting dropped (a user's images leave with the user)."""
        with self._lock:
            self._generation += 1
        self.flush()
        with self._lock:
            files = [f for (f,) in self._db.execute("SELECT file FROM entries")]
            self._db.execute("DELETE FROM entries")
        for file in files:
            _unlink(self._pixels / file)

    # --- internals -------------------------------------------------------------------

    def _tick(self) -> int:
        """Strictly increasing use stamps, so the LRU order holds even within one clock tick."""
        self._last_tick = max(time.time_ns(), self._last_tick + 1)
        return self._last_tick

    def _evict(self) -> list[str]:
        """Drop least recently used rows until the total fits; returns their files to delete."""
        total = self._db.execute("SELECT COALESCE(SUM(nbytes), 0) FROM entries").fetchone()[0]
        evicted = []
        for key, file, nbytes in self._db.execute(
                "SELECT key, file, nbytes FROM entries ORDER BY last_used").fetchall():
            if total <= self.max_bytes:
                break
            self._db.execute("DELETE FROM entries WHERE key = ?", (key,))
            evicted.append(file)
            total -= nbytes
        return evicted

    def _forget(self, key: str, file: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM entries WHERE key = ? AND file = ?", (key, file))
        _unlink(self._pixels / file)

    def _sweep(self) -> None:
        """Remove what a crash left: temporary files and files no row refers to."""
        with self._lock:
            known = {f for (f,) in self._db.execute("SELECT file FROM entries")}
        cutoff = time.time() - _STALE_SECONDS
        for folder in self._pixels.iterdir():
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                name = f"{folder.name}/{path.name}"
                try:
                    old = path.stat().st_mtime < cutoff
                except OSError:
                    continue
                if name not in known and old:
                    _unlink(path)


def _array_from(data: bytes) -> np.ndarray:
    """The array an `.npy` image holds, as a view of `data` (np.load from a stream would copy it)."""
    stream = io.BytesIO(data)
    version = np.lib.format.read_magic(stream)
    read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
    shape, fortran, dtype = read_header(stream)
    if dtype.hasobject:
        raise ValueError("an image file holding Python objects")
    count = int(np.prod(shape, dtype=np.int64))
    flat = np.frombuffer(data, dtype=dtype, count=count, offset=stream.tell())
    return flat.reshape(shape, order="F" if fortran else "C")


def _key(study_uid: str, series_uid: str, sop_instance_uid: str) -> str:
    return hashlib.sha256(f"{study_uid}\0{series_uid}\0{sop_instance_uid}".encode()).hexdigest()


def _series_key(study_uid: str, series_uid: str) -> str:
    return hashlib.sha256(f"{study_uid}\0{series_uid}".encode()).hexdigest()


def _unlink(path: Path) -> None:
    """Best effort: on Windows a file being read cannot be deleted; the next start sweeps it."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
