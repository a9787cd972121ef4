"""Reading the site file: its bytes are looked at before TOML sees them.

TOML must be UTF-8, but IT writes the file with whatever editor is at hand: Notepad's UTF-8
with a byte-order mark (accepted: the mark is dropped), UTF-16, or a Chinese Windows editor's
GB18030/GBK. Those are named, so the fix ("save it as UTF-8") is obvious; other bytes that
are not UTF-8 are located by line and byte offset. Anything else that can go wrong before the
values are checked (no file, a folder, a huge file, TOML that does not parse, nesting deep
enough to exhaust Python's recursion) becomes a ConfigError naming the file, never a traceback.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import Any

from app.config_checks import ConfigError

MAX_BYTES = 1 << 20      # a site config is a few kilobytes; a megabyte is the wrong file
_SAVE_AS_UTF8 = "save it as UTF-8 (TOML files must be UTF-8)"
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32 (little-endian)"),   # before UTF-16 LE: its mark begins the same way
    (codecs.BOM_UTF32_BE, "UTF-32 (big-endian)"),
    (codecs.BOM_UTF16_LE, "UTF-16 (little-endian)"),
    (codecs.BOM_UTF16_BE, "UTF-16 (big-endian)"),
)


def read_site_file(path: Path) -> tuple[dict[str, Any], str]:
    """The parsed TOML and its text (for finding the lines of keys); raises ConfigError."""
    text = decode_site_bytes(read_site_bytes(path), str(path))
    return parse_toml(text, str(path)), text


def read_site_bytes(path: Path) -> bytes:
    """The file's bytes, refusing folders, devices and pipes (which would block) and files over MAX_BYTES."""
    try:
        mode = os.stat(path).st_mode
        data = _read_regular(path, mode)
    except (OSError, ValueError) as e:           # ValueError: a NUL in the path
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise ConfigError(f"{path}: cannot read the site config: {reason}") from None
    if stat.S_ISDIR(mode):
        raise ConfigError(f"{path}: is a folder, not a site config file")
    if not stat.S_ISREG(mode):
        raise ConfigError(f"{path}: is not a regular file")
    if len(data) > MAX_BYTES:
        raise ConfigError(f"{path}: the file is over {MAX_BYTES // (1 << 20)} MB; a site config is a few "
                          "kilobytes (is this the right file?)")
    return data


def _read_regular(path: Path, mode: int) -> bytes:
    """At most MAX_BYTES + 1 bytes, of a regular file only: a pipe or a device would block or never end."""
    if not stat.S_ISREG(mode):
        return b""
    with open(path, "rb") as file:
        return file.read(MAX_BYTES + 1)


def decode_site_bytes(data: bytes, name: str) -> str:
    """UTF-8 text (a UTF-8 byte-order mark dropped); any other encoding is named in the ConfigError."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise ConfigError(f"{name}: the file is encoded as {encoding}; {_SAVE_AS_UTF8}")
    wide = _utf16_without_bom(data)
    if wide:
        raise ConfigError(f"{name}: the file is encoded as {wide}; {_SAVE_AS_UTF8}")
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        bad = e.start + skip
    if _looks_like_gb18030(data):
        raise ConfigError(f"{name}: the file is encoded as GB18030 (or GBK); {_SAVE_AS_UTF8}") from None
    raise ConfigError(_bad_byte(data, bad, name)) from None


def _bad_byte(data: bytes, at: int, name: str) -> str:
    line = data.count(b"\n", 0, at) + 1
    column = at - (data.rfind(b"\n", 0, at) + 1) + 1
    return f"{name}:{line}: byte 0x{data[at]:02X} (column {column}, byte offset {at}) is not UTF-8; {_SAVE_AS_UTF8}"


def _utf16_without_bom(data: bytes) -> str | None:
    """'UTF-16 (…-endian)' when NULs fill every other byte, as ASCII in UTF-16 does; else None."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    for zeros, encoding, codec in ((data[1::2], "UTF-16 (little-endian)", "utf-16-le"),
                                   (data[0::2], "UTF-16 (big-endian)", "utf-16-be")):
        if zeros.count(0) > len(zeros) // 2:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def _looks_like_gb18030(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as Chinese text in GB18030 (of which GBK and GB2312 are parts).

    A UTF-8 file with a few damaged bytes also decodes as GB18030, as mojibake: it is told apart by
    its many well-formed UTF-8 characters, which GB18030 text seldom forms, and its few bad ones.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for c in as_utf8 if c > "\x7f" and c != "\ufffd")
    chinese = sum(1 for c in text if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")
    return bad >= 2 and bad > good and chinese >= 2


# tomllib's time and memory grow with the square of a dotted key's length (a 10,000-part key takes
# a second and 400 MB; a megabyte of them, all the memory there is). A site config's keys have two
# parts; a key of MAX_KEY_PARTS is refused before tomllib sees it. The search is linear: tried only
# where a word begins, and possessive (*+, ++) so that it never backtracks into a long word.
MAX_KEY_PARTS = 32
_LONG_KEY = re.compile(
    rf"""(?<![\w-])(?:(?:[\w-]++|"[^"\n]*+"|'[^'\n]*+')[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS - 1},}}""")


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """tomllib.loads, its failures as a ConfigError with the line where they are."""
    import tomllib  # here: a window started without a site file (the demo) never parses TOML

    line = _line_matching(text, _LONG_KEY)
    if line:
        raise ConfigError(f"{name}:{line}: a dotted key of {MAX_KEY_PARTS} or more parts (not valid for a site "
                          "config)")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(_toml_message(str(e), text, name)) from None
    except RecursionError:
        raise ConfigError(_where(name, _deep_line(text)) + "arrays or inline tables nested too deeply "
                          "(not valid for a site config)") from None
    except ValueError:                            # an integer of more digits than Python converts
        line = _line_matching(text, re.compile(r"[0-9A-Fa-fxob_]{1000,}"))
        raise ConfigError(_where(name, line) + "not valid TOML: a whole number of thousands of digits") from None


def _toml_message(message: str, text: str, name: str) -> str:
    """tomllib's message with its position ("(at line 3, column 5)", "(at end of document)") as file:line."""
    at = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if at:
        return f"{name}:{at[1]}: not valid TOML: {message[:at.start()]} (column {at[2]})"
    if message.endswith(" (at end of document)"):
        last = len(text.splitlines()) or 1
        return (f"{name}:{last}: not valid TOML: {message.removesuffix(' (at end of document)')} "
                "(at the end of the file)")
    return f"{name}: not valid TOML: {message}"


def _deep_line(text: str, limit: int = 100) -> int | None:
    """The first line where brackets and braces stand open more than `limit` deep (strings are not told
    apart: this only points IT at the place, after tomllib has already given up)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > limit:
                return number
    return None


def _line_matching(text: str, pattern: re.Pattern[str]) -> int | None:
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _where(name: str, line: int | None) -> str:
    return f"{name}:{line}: " if line else f"{name}: "
