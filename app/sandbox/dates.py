"""FHIR date, dateTime and instant values as half-open UTC ranges in integer microseconds.

A FHIR date is a range, not a point: `2026` is the whole year, `2026-11-20` the whole day.
Search prefixes (eq, lt, sa, ...) are defined by comparing the range of the stored value
with the range of the search value, so both sides are turned into [start, end) here.
Integers compare fast in SQLite and avoid any text-format pitfalls across offsets.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

#: Times written without an offset (allowed in search values, and in `date` elements) are
#: read in China Standard Time: the regional platform and its hospitals all run on it, so
#: `date=2026-11-20` means that calendar day as the physician sees it, not the UTC day.
ZONELESS_OFFSET = timezone(timedelta(hours=8))

#: Open ends of a Period. Far outside any real date yet safe to add to in SQLite's int64.
MIN_US = -(2**62)
MAX_US = 2**62

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_PATTERN = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d{1,9}))?)?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2})?)?)?)?$"
)


def to_us(moment: datetime) -> int:
    """Microseconds since the Unix epoch of an aware datetime."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@lru_cache(maxsize=65536)
def parse_range(text: str) -> tuple[int, int]:
    """The [start, end) range in UTC microseconds a FHIR date/dateTime/instant denotes.

    Raises ValueError with a message fit for a client when the text is not such a value.
    Cached: a report and its items share one collection time, and a bulk load parses many.
    """
    match = _PATTERN.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"{text!r} is not a FHIR date or dateTime")
    g = match.groupdict()
    tz = _offset(g["tz"]) if g["tz"] else ZONELESS_OFFSET
    try:
        start = datetime(
            int(g["y"]),
            int(g["m"] or 1),
            int(g["d"] or 1),
            int(g["H"] or 0),
            int(g["M"] or 0),
            int(g["S"] or 0),
            int((g["f"] or "0")[:6].ljust(6, "0")),
            tzinfo=tz,
        )
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date: {exc}") from None
    return to_us(start), to_us(_end_of(start, g))


def _offset(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 14 or minutes > 59:
        raise ValueError(f"{text!r} is not a time-zone offset")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _end_of(start: datetime, g: dict[str, str | None]) -> datetime:
    """The first instant after the precision the value was written with."""
    if g["f"]:
        digits = min(len(g["f"]), 6)
        return start + timedelta(microseconds=10 ** (6 - digits))
    if g["S"]:
        return start + timedelta(seconds=1)
    if g["M"]:
        return start + timedelta(minutes=1)
    if g["d"]:
        return start + timedelta(days=1)
    if g["m"]:
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        return start.replace(year=year, month=month)
    return start.replace(year=start.year + 1)


def instant_now() -> tuple[str, int]:
    """Now as a FHIR instant (UTC, milliseconds) and as microseconds: for meta.lastUpdated."""
    now = datetime.now(timezone.utc)
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    text = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return text, to_us(now)
