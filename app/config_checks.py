"""The site config's problems, collected rather than raised one by one.

IT edits the site file by hand and restarts Huren to see whether it took; a message that names
only the first mistake costs a restart per mistake. So each check here returns its message (or
None), `Problems` gathers them with the file and line of their key, and one `ConfigError`
lists them all. The checks know nothing of particular options: each option's declaration
(`app.config_options.Option`, made from a field of `app.config.SiteConfig` or `SourceConfig`)
gives its type, range, choices and check, and `checked_value` reads that.
"""

from __future__ import annotations

import math
import os
import re
import stat
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from pathlib import Path

    from app.config_options import Option

MAX_TEXT = 2000          # characters of one string value: a URL, a path, a name; not a document
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST = re.compile(r"[\w.-]+")     # \w: letters of any script (internationalized names), digits, _
_ZONE = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")


class ConfigError(ValueError):
    """A site config that cannot be used; str() lists every problem, one a line, each naming file, line and key."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems: list[str] = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class Problems:
    """Every problem of one site file, each as 'file:line: message', raised together at the end.

    At most MAX_SHOWN are listed (a megabyte of wrong lines would bury the first); the rest are counted.
    """

    MAX_SHOWN = 50

    def __init__(self, text: str, path: Path | None) -> None:
        self._lines = _LineIndex(text)
        self._name = str(path) if path else "site config"
        self._found: list[tuple[int, str]] = []
        self._more = 0

    def add(self, message: str, section: str | None = None, key: str | None = None, index: int | None = None) -> None:
        """One problem; `section`, `key` and (for [[sources]]) `index` say where to look for its line."""
        if len(self._found) >= self.MAX_SHOWN:
            self._more += 1
            return
        line = self._lines.find(section, key, index)
        self._found.append((line or 0, f"{self._name}:{line}: {message}" if line else f"{self._name}: {message}"))

    def raise_if_any(self) -> None:
        if self._found:
            listed = [message for _, message in sorted(self._found, key=lambda found: found[0])]
            more = [f"{self._name}: … and {self._more} more problems"] if self._more else []
            raise ConfigError(listed + more)


# A dotted key of bare, "basic" and 'literal' parts. Possessive (*+, ++): no backtracking, so a
# megabyte-long line costs linear time, not quadratic.
_NAME = r"""(?:"(?:[^"\\]|\\.)*+"|'[^']*+'|[\w\-. \t]++)++"""
_HEADER = re.compile(rf"^[ \t]*+(\[\[?)({_NAME})\]\]?[ \t]*+(#.*)?$")
_KEY = re.compile(rf"^[ \t]*+({_NAME})=")
_PART = re.compile(r"""[ \t]*+("(?:[^"\\]|\\.)*+"|'[^']*+'|[\w-]++)[ \t]*+(?:\.|$)""")


class _LineIndex:
    """Where each section and key is in the text: tomllib reports no positions for valid TOML.

    Read once, line by line: the header a key falls under (and which [[sources]] table, by
    index), or the dotted path of a key before any header (`site.region = ...`).
    """

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[str | None, int | None, str], int] = {}
        self.headers: dict[tuple[str, int | None], int] = {}
        self.anywhere: dict[str, int] = {}
        section: str | None = None
        tables: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line)
            if header:
                section = _parts(header.group(2))[0]
                if header.group(1) == "[[":
                    tables[section] = tables.get(section, -1) + 1
                    self.headers.setdefault((section, tables[section]), number)
                self.headers.setdefault((section, None), number)
                continue
            key = _KEY.match(line)
            if key:
                self._add_key(_parts(key.group(1)), section, tables.get(section or "", -1), number)

    def _add_key(self, parts: list[str], section: str | None, table: int, number: int) -> None:
        if section is None and len(parts) > 1:      # `site.region = ...` before any header
            section = parts[0]
            self.headers.setdefault((section, None), number)
        elif section is None:                       # `site = { ... }`, or a key outside any section
            self.headers.setdefault((parts[0], None), number)
        for index in (None, table):
            self.keys.setdefault((section, index, parts[-1]), number)
        self.anywhere.setdefault(parts[-1], number)

    def find(self, section: str | None, key: str | None, index: int | None = None) -> int | None:
        """The line (from 1) of `key` in `section` (its index-th [[section]] table), else of that
        section's header, else of the key anywhere; None when none is found."""
        if key is not None and (section, index, key) in self.keys:
            return self.keys[section, index, key]
        for header in ((section, index), (section, None)):
            if section is not None and header in self.headers:
                return self.headers[header]
        return self.anywhere.get(key) if key is not None else None


def _parts(dotted: str) -> list[str]:
    """The names in a dotted key as tomllib reads them (quotes removed, escapes such as \\u001b decoded)."""
    return [_unquoted(found.group(1)) for found in _PART.finditer(dotted)] or [dotted.strip()]


def _unquoted(part: str) -> str:
    if part.startswith('"') and "\\" in part:
        import tomllib  # here: checking a site file's keys is not part of every start

        try:
            return tomllib.loads(f"k = {part}")["k"]
        except tomllib.TOMLDecodeError:
            return part
    return part[1:-1] if part[:1] in "\"'" else part


def checked_value(option: Option, value: Any) -> tuple[Any, str | None]:
    """(the value as SiteConfig holds it, None) or (None, what is wrong with it, naming the key)."""
    value = _as_declared(option, value)
    problem = _type_problem(option, value) or _content_problem(option, value)
    if problem is None and option.check is not None and not option.unset(value):
        problem = option.check.problem(option.key, value)
    return (None, problem) if problem else (option.kept(value), None)


def _as_declared(option: Option, value: Any) -> Any:
    """A whole number where a float is declared, as a float (TOML's 10 for 10.0); infinite if too big for one."""
    if option.type is float and isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            return math.inf if value > 0 else -math.inf
    return value


def _type_problem(option: Option, value: Any) -> str | None:
    if not isinstance(value, option.type) or (isinstance(value, bool) and option.type is not bool):
        return f"'{option.key}' must be {_article(option.type.__name__)}, not {shown(value)}"
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        return f"'{option.key}' must be a list of strings, not {shown(value)}"
    return None


def _content_problem(option: Option, value: Any) -> str | None:
    if option.type in (int, float):
        return _number_problem(option, value)
    if option.type is str:
        return _text_problem(option, value) or _choice_problem(option, value)
    if option.type is list:
        return _list_problem(option, value)
    return None


def _list_problem(option: Option, items: list[str]) -> str | None:
    """The first string of the list that is no valid text, else the first that is not among the choices."""
    problem = next((problem for item in items if (problem := _text_problem(option, item))), None)
    unknown = [item for item in items if option.choices and item not in option.choices]
    if problem is None and unknown:
        problem = (f"{option.key}: unknown {option.item or 'value'} {shown(unknown[0])} "
                   f"(known: {', '.join(option.choices)})")
    return problem


def _number_problem(option: Option, value: float) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return (f"'{option.key}' must be a finite number, not {value!r} (nan, inf and numbers beyond 1e308 "
                "are not)")
    if option.limits is not None and value not in option.limits:
        return f"'{option.key}' must be {option.limits.describe()}, not {_number(value)}"
    return None


def _text_problem(option: Option, value: str) -> str | None:
    if len(value) > MAX_TEXT:
        return f"'{option.key}' is {len(value):,} characters long; at most {MAX_TEXT:,} are accepted"
    if _CONTROL.search(value):
        return f"'{option.key}' holds a control character (such as a tab, a line break or NUL): {shown(value)}"
    return None


def _choice_problem(option: Option, value: str) -> str | None:
    if option.choices and value not in option.choices:
        return f"{option.key} {shown(value)} is not one of {', '.join(repr(c) for c in option.choices)}"
    return None


def url_problem(key: str, value: str) -> str | None:
    """Why `value` is not an http(s) URL with a host (and a valid port), or None."""
    try:
        url = urlsplit(value)
        _ = url.port                            # raises ValueError for a port that is no port
        host = url.hostname
    except ValueError as e:
        return f"{key} {shown(value)} is not a valid URL: {e}"
    if url.scheme not in ("http", "https") or not url.netloc:
        return f"{key} {shown(value)} is not an http(s) URL"
    if not host or (":" not in host and not _HOST.fullmatch(host)):
        return f"{key} {shown(value)} names no valid host"
    return None


def file_problem(key: str, value: str) -> str | None:
    """Why `value` is not a readable file, or None; relative paths count from the working directory."""
    try:
        mode = os.stat(value).st_mode
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        return f"{key} {shown(value)} cannot be found: {reason}"
    if not stat.S_ISREG(mode):
        return f"{key} {shown(value)} is not a file"
    if not os.access(value, os.R_OK):
        return f"{key} {shown(value)} cannot be read (permissions)"
    return None


def timezone_problem(key: str, name: str) -> str | None:
    """Why `name` is not a time zone of the tz database, or None.

    The name is checked for form first: ZoneInfo treats it as a path below its data folder and
    raises ValueError, KeyError or any OSError (a folder, a name too long) for odd ones.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if len(name) <= 255 and _ZONE.fullmatch(name):
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
        else:
            return None
    return f"{key} {shown(name)} is not a known time zone (such as 'Asia/Shanghai')"


def shown(value: Any, limit: int = 80) -> str:
    """A value as a message shows it: repr, cut short (a site file may hold a megabyte in one string)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + "…" + text[-4:]


def printable(name: str, limit: int = 60) -> str:
    """A key or section name as a message shows it: control and bidi characters escaped (they would steer
    the terminal), cut short."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> str:
    if isinstance(value, int):
        return shown(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
