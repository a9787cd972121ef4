"""Huren's own log files: rotating, in the user log dir, and without patient data.

Requests and urllib3 log whole URLs at debug level, and FHIR search URLs carry resident
IDs and names, so every record passes through `Redact` before any handler writes it:
query strings are cut, 15-/18-digit ID numbers masked, and over-long messages cut. The log
folder is this user's alone. `--verbose` adds debug detail for
troubleshooting; it never adds patient data.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from app.private_files import private_dir

LOG_FILE = "huren.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Longest message written: a server's 20-million-character answer is cut, not logged whole.
MAX_MESSAGE = 4000

_QUERY = re.compile(r"\?[^\s\"'<>]*")
_ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8,11}([\dXx])(?!\d)")   # resident IDs and similar long numbers


class Redact(logging.Filter):
    """Rewrites each record's message without query strings or ID numbers."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record still gets logged, redacted as it stands
            message = str(record.msg)
        if len(message) > MAX_MESSAGE:
            message = f"{message[:MAX_MESSAGE]}… [{len(message) - MAX_MESSAGE:,} characters cut]"
        clean = _ID_NUMBER.sub(r"\1********\2", _QUERY.sub("?…", message))
        record.msg, record.args = clean, ()
        return True


def configure(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Rotating file log (INFO, or DEBUG with --verbose) plus warnings on stderr.

    Returns the log file, or None when the log dir cannot be written (the program still runs;
    `huren check` reports the dir).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_huren", False):
            root.removeHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    redact = Redact()
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter(FORMAT))
    console.addFilter(redact)
    console._huren = True  # type: ignore[attr-defined]
    root.addHandler(console)
    path = log_dir / LOG_FILE
    try:
        private_dir(log_dir)
        file = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as e:
        logging.getLogger("huren").warning("cannot write the log file in %s: %s", log_dir, e)
        return None
    file.setFormatter(logging.Formatter(FORMAT))
    file.addFilter(redact)
    file._huren = True  # type: ignore[attr-defined]
    root.addHandler(file)
    return path
