"""Folders and files that only this user may open.

Huren's data, cache and log folders hold sealed patient records, and the single-instance
socket hands over launch tokens; on a shared workstation another local account must not
list, read or plant anything there. A folder is made 0700 (an existing one of ours is
tightened); a folder that belongs to someone else, or is a link, is refused rather than
used. A secret file is created exclusively with 0600, so nobody can have made it first.

On Windows the user's profile folders are already private (their ACLs); the mode bits mean
nothing there and are not checked.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_POSIX = os.name == "posix"


class NotPrivate(OSError):
    """A folder or file Huren would use is not this user's alone; str() says which and why."""


def private_dir(folder: Path) -> Path:
    """`folder`, made if needed (with its parents) so that only this user may enter it."""
    folder = Path(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError as e:
        raise NotPrivate(f"{folder}: {e.strerror or e}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise NotPrivate(f"{folder} is not a directory (a link or a file is there)")
    if _POSIX:
        if info.st_uid != os.getuid():
            raise NotPrivate(f"{folder} belongs to another user (uid {info.st_uid})")
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(folder, 0o700)
    return folder


def write_new_secret(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, readable by this user only; FileExistsError if it exists."""
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def read_secret(path: Path, limit: int = 4096) -> bytes:
    """A secret file's bytes; NotPrivate when others may read it or it is not this user's."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as e:
        if isinstance(e, FileNotFoundError):
            raise
        raise NotPrivate(f"{path}: {e.strerror or e}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotPrivate(f"{path} is not a regular file")
        if _POSIX and info.st_uid != os.getuid():
            raise NotPrivate(f"{path} belongs to another user (uid {info.st_uid})")
        if _POSIX and stat.S_IMODE(info.st_mode) & 0o077:
            raise NotPrivate(f"{path} may be read by other users (mode {stat.S_IMODE(info.st_mode):o}); "
                             "a key others could read protects nothing")
        return os.read(fd, limit)
    finally:
        os.close(fd)
