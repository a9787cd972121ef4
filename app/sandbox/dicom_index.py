"""Where every DICOM file of the sandbox is, and what QIDO-RS needs to know about it.

A small SQLite database of its own (`dicom-index.sqlite3` in the data dir, WAL) maps study,
series and instance UIDs to the file (relative to the data dir), its size and transfer
syntax, and keeps each level's attributes as DICOM JSON, copied out once when the file is
added. Queries and WADO-RS then never open a file to find one, and the FHIR-only start-up
never imports pydicom. Standard library only.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILENAME = "dicom-index.sqlite3"
FILES_DIR = "dicom"

DicomJson = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS studies (uid TEXT PRIMARY KEY, attrs TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS series (
    uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, modality TEXT NOT NULL, number INTEGER,
    attrs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS series_study ON series (study_uid);
CREATE TABLE IF NOT EXISTS instances (
    uid TEXT PRIMARY KEY, series_uid TEXT NOT NULL, study_uid TEXT NOT NULL, number INTEGER,
    sop_class TEXT NOT NULL, transfer_syntax TEXT NOT NULL, frames INTEGER NOT NULL,
    path TEXT NOT NULL, size INTEGER NOT NULL, attrs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS instances_series ON instances (series_uid, number);
CREATE INDEX IF NOT EXISTS instances_study ON instances (study_uid);
"""


@dataclass(frozen=True)
class IndexEntry:
    """One file as the index records it; the attrs are DICOM JSON of that level's attributes."""

    study_uid: str
    series_uid: str
    sop_uid: str
    sop_class: str
    transfer_syntax: str
    number: int | None
    frames: int
    modality: str
    series_number: int | None
    path: str          # relative to the data dir, with forward slashes
    size: int
    study_attrs: DicomJson
    series_attrs: DicomJson
    instance_attrs: DicomJson


@dataclass(frozen=True)
class StudyRow:
    uid: str
    attrs: DicomJson
    modalities: tuple[str, ...]
    sop_classes: tuple[str, ...]
    series_count: int
    instance_count: int


@dataclass(frozen=True)
class SeriesRow:
    uid: str
    study_uid: str
    modality: str
    number: int | None
    attrs: DicomJson
    instance_count: int


@dataclass(frozen=True)
class InstanceRow:
    uid: str
    series_uid: str
    study_uid: str
    number: int | None
    sop_class: str
    transfer_syntax: str
    frames: int
    path: str
    size: int
    attrs: DicomJson


class DicomIndex:
    """The index of one data dir. Thread-safe: one connection, one lock, short statements."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.files_dir = self.data_dir / FILES_DIR
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    # -- life cycle ----------------------------------------------------------------------

    @property
    def _conn(self) -> sqlite3.Connection:
        """Opened on first use: a FHIR-only platform never creates the file."""
        if self._db is None:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.data_dir / FILENAME, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            self._db = db
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def destroy(self) -> None:
        """Remove the index and every file it holds (the demo is being generated anew)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            (self.data_dir / f"{FILENAME}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(self.files_dir, ignore_errors=True)

    def absolute(self, relative: str) -> Path:
        return self.data_dir / relative

    # -- writing -------------------------------------------------------------------------

    def add(self, entries: Iterable[IndexEntry]) -> int:
        """Record files; the first file of a study or series sets that level's attributes."""
        rows = list(entries)
        if not rows:
            return 0
        with self._lock:
            db = self._conn
            db.execute("BEGIN")
            try:
                db.executemany("INSERT OR IGNORE INTO studies (uid, attrs) VALUES (?, ?)",
                               [(e.study_uid, _dump(e.study_attrs)) for e in rows])
                db.executemany(
                    "INSERT OR IGNORE INTO series (uid, study_uid, modality, number, attrs) VALUES (?, ?, ?, ?, ?)",
                    [(e.series_uid, e.study_uid, e.modality, e.series_number, _dump(e.series_attrs)) for e in rows])
                db.executemany(
                    "INSERT OR REPLACE INTO instances (uid, series_uid, study_uid, number, sop_class, "
                    "transfer_syntax, frames, path, size, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(e.sop_uid, e.series_uid, e.study_uid, e.number, e.sop_class, e.transfer_syntax, e.frames,
                      e.path, e.size, _dump(e.instance_attrs)) for e in rows])
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return len(rows)

    # -- reading -------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self._one("SELECT COUNT(*) FROM instances")[0] == 0

    def instance_size(self, sop_uid: str) -> int | None:
        row = self._one("SELECT size FROM instances WHERE uid = ?", (sop_uid,))
        return row[0] if row else None

    def studies(self, uid: str | None = None) -> list[StudyRow]:
        where, params = ("WHERE s.uid = ?", (uid,)) if uid else ("", ())
        rows = self._all(f"""
            SELECT s.uid, s.attrs,
                   (SELECT GROUP_CONCAT(DISTINCT modality) FROM series WHERE study_uid = s.uid),
                   (SELECT GROUP_CONCAT(DISTINCT sop_class) FROM instances WHERE study_uid = s.uid),
                   (SELECT COUNT(*) FROM series WHERE study_uid = s.uid),
                   (SELECT COUNT(*) FROM instances WHERE study_uid = s.uid)
            FROM studies s {where}""", params)
        return [StudyRow(r[0], json.loads(r[1]), _split(r[2]), _split(r[3]), r[4], r[5]) for r in rows]

    def series(self, study_uid: str | None = None, uid: str | None = None) -> list[SeriesRow]:
        clauses, params = _where(("se.study_uid", study_uid), ("se.uid", uid))
        rows = self._all(f"""
            SELECT se.uid, se.study_uid, se.modality, se.number, se.attrs,
                   (SELECT COUNT(*) FROM instances WHERE series_uid = se.uid)
            FROM series se {clauses} ORDER BY se.study_uid, se.number, se.uid""", params)
        return [SeriesRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]

    def instances(self, study_uid: str | None = None, series_uid: str | None = None,
                  uid: str | None = None) -> list[InstanceRow]:
        """Series by SeriesNumber, and in each InstanceNumber order (files without a number last)."""
        clauses, params = _where(("i.study_uid", study_uid), ("i.series_uid", series_uid), ("i.uid", uid))
        rows = self._all(f"""
            SELECT i.uid, i.series_uid, i.study_uid, i.number, i.sop_class, i.transfer_syntax, i.frames,
                   i.path, i.size, i.attrs
            FROM instances i JOIN series se ON se.uid = i.series_uid {clauses}
            ORDER BY i.study_uid, se.number IS NULL, se.number, i.series_uid, i.number IS NULL, i.number, i.uid""",
            params)
        return [InstanceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], json.loads(r[9])) for r in rows]

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()


def _dump(attrs: DicomJson) -> str:
    return json.dumps(attrs, ensure_ascii=False, separators=(",", ":"))


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(sorted(v for v in (joined or "").split(",") if v))


def _where(*conditions: tuple[str, str | None]) -> tuple[str, tuple[str, ...]]:
    used = [(column, value) for column, value in conditions if value is not None]
    if not used:
        return "", ()
    return "WHERE " + " AND ".join(f"{c} = ?" for c, _ in used), tuple(v for _, v in used)
