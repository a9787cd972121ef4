"""The parts of a WADO-RS multipart answer, cut out as they arrive: one DICOM instance each.

dicomweb-client parses a multipart answer part by part with a regular search over a growing
buffer and hands over pydicom datasets; that took 7× the wire time on a fast link, and it
parses every instance in the thread that reads the socket. Here the body is read in large
steps (`transport` bounds each one: size per part, time per part, the deadline watchdog; this
reader tells it where each part ends, so the bytes are searched once), the delimiter is
looked for with `bytes.find` in each chunk where it lies, and each part's bytes are copied
once, from the chunk into an array of the part's own (by numpy, without the interpreter lock:
a series' fresh memory is faulted in there, not in the window's time). A 500 MB series costs
at most one search and one copy. What a part holds is left to the caller: parsing happens
elsewhere, on every core (app/platform/dicom/decode_pool.py).

A part that declares its length (a `Content-Length` header: Orthanc and the sandbox send one
for every instance) is not searched at all: its bytes are copied up to that length and the
delimiter must follow right there. The search was a sixth of the reading thread's time on a
1,000-slice CT. A part whose delimiter is not where its length said is read again as any
other, from its first byte, so a wrong length costs time, never a part (and the answer's
later parts are searched: a server wrong once is not believed again). A delimiter inside a
part whose declared length and delimiter do agree is not looked for: RFC 2046 forbids a
part to contain it, and a server that puts one there has framed its bytes as it likes.

The format (RFC 2046): an optional preamble, then `--boundary` CRLF, headers, CRLF CRLF,
the body, CRLF `--boundary`, and so on until `--boundary--`. A part without headers, a
preamble, trailing whitespace after a boundary line and an epilogue are all allowed.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from app.platform.dicomweb import part_memory

if TYPE_CHECKING:
    import numpy as np

    from app.platform.dicomweb.part_memory import Carver

#: Bytes asked of the transport per step: a CT slice is 0.5 MB; the transport hands over
#: what has arrived, so a slow server still delivers each part as soon as it is complete. When the
#: reading falls behind a fast server, a bigger step takes what has piled up in fewer reads, each
#: one a return to Python and a wait for the interpreter lock: a 300-slice CT from the sandbox
#: opened in 173-183 ms with 2 MB against 186-194 with 1 MB (the reading thread's CPU 86-90 against
#: 96-99 ms; 4 processes each, alternating, on a slowed machine). 8 and 16 MB were much slower
#: (230-245 ms: glibc then maps each step's buffer afresh, 39,000 page faults an opening against 1,600).
READ_SIZE = 2 * 1024 * 1024
#: The memory taken for a first part whose length is not declared (later ones: the size of the one before).
_FIRST_GUESS = 1024 * 1024
#: The most of a preamble, a boundary line or a part's headers read before giving up on the answer.
_SMALL_LIMIT = 64 * 1024
_TOO_LONG = {"preamble": "no part boundary in the answer's first 64 kB",
             "after-delimiter": "a boundary line never ends", "boundary-line": "a boundary line never ends",
             "headers": "a part's headers never end"}


class MultipartError(ValueError):
    """The answer is not the multipart body its headers announced."""


def boundary_of(content_type: str) -> str | None:
    """The boundary of a `multipart/related` Content-Type; None for any other type."""
    kind, *params = [p.strip() for p in content_type.split(";")]
    if kind.lower() != "multipart/related":
        return None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "boundary" and value.strip().strip('"'):
            return value.strip().strip('"')
    raise MultipartError("a multipart answer without a boundary")


class _Gathered:
    """One part's body as it arrives, in memory of its own carved from the stream's blocks (`part_memory`).

    The bytes are copied once, from the chunk the network gave into this array, by numpy,
    which lets go of the interpreter lock while it copies: the first touch of fresh memory
    (hundreds of MB of page faults, where no earlier series left blocks to use again) then
    costs the reading thread, not the window. The array is sized for the length the part
    declares, else for the part before (the slices of a series are mostly the same size), so
    it rarely grows (into memory of its own) and holds almost no slack.
    """

    def __init__(self, capacity: int, declared: int | None, memory: Carver) -> None:
        import numpy as np

        self._np = np
        self.array = memory.take(max(capacity, 1024))
        self.size = 0
        #: The part's length as its headers declare it (None: found by searching for the delimiter).
        self.declared = declared

    def append(self, data: bytes, start: int, end: int) -> None:
        if end <= start:
            return
        needed = self.size + end - start
        if needed > len(self.array):
            grown = self._np.empty(max(needed, len(self.array) * 3 // 2), self._np.uint8)
            grown[:self.size] = self.array[:self.size]
            self.array = grown
        self.array[self.size:needed] = self._np.frombuffer(data, self._np.uint8, end - start, start)
        self.size = needed

    def take_declared(self, data: bytes, at: int) -> int:
        """Up to the declared length taken from `data[at:]`, unsearched; where in `data` that stopped."""
        assert self.declared is not None
        taken = min(len(data), at + max(self.declared - self.size, 0))
        self.append(data, at, taken)
        return taken

    def again(self) -> bytes:
        """What was gathered, to be read again from the start as a part of undeclared length."""
        gathered = self.array[:self.size].tobytes()
        self.size, self.declared = 0, None
        return gathered

    def tail(self, n: int) -> bytes:
        return self.array[max(self.size - n, 0):self.size].tobytes()

    def part(self) -> np.ndarray:
        return self.array[:self.size]


def iter_parts(chunks: Iterable[bytes], boundary: str,
               part_ended: Callable[[int], None] | None = None, longest: int = 2**31) -> Iterator[np.ndarray]:
    """Each part's body (a uint8 array the caller owns), as soon as its closing delimiter has arrived.

    The delimiter is searched for once, in each chunk where it lies (no buffer is searched
    twice, and a chunk is never copied to be searched), or not at all where the part declares
    its length (up to `longest` bytes: a longer declaration is not believed, and the part is
    searched); a part's bytes are copied once, from the chunk into the part. `part_ended(n)`
    is called when a part's delimiter has arrived, with the number of bytes read beyond it:
    the transport counts the next part's size and time from there.
    """
    memory = part_memory.shared().carver()
    try:
        yield from _parts(chunks, boundary, part_ended, longest, memory)
    finally:
        memory.close()


def _parts(chunks: Iterable[bytes], boundary: str, part_ended: Callable[[int], None] | None, longest: int,
           memory: Carver) -> Iterator[np.ndarray]:
    dash = b"--" + boundary.encode("ascii", "strict")
    delimiter = b"\r\n" + dash
    keep = len(delimiter) - 1
    small = bytearray()         # before a body: the preamble, a boundary line, a part's headers
    state = "preamble"
    body: _Gathered | None = None
    guess = _FIRST_GUESS

    for chunk in itertools.chain(chunks, (None,)):
        if chunk is None:   # the end: a part still short of its declared length is read again, searched
            if body is None or body.declared is None:
                break
            chunk = body.again()
        pieces = deque([(chunk, 0)])    # what is left to read: (bytes, from where)
        while pieces:
            data, at = pieces.popleft()
            if state == "body":
                assert body is not None
                if body.declared is not None:
                    at = body.take_declared(data, at)
                    end = _declared_end(body, data, at, delimiter) if body.size >= body.declared else None
                    if end is None:     # `data` used up, the part goes on
                        continue
                    if end < 0:         # not where its length said: what was gathered is read again, searched
                        longest = -1    # and this server's lengths are not believed again
                        pieces.appendleft((data, at))
                        pieces.appendleft((body.again(), 0))
                        continue
                else:
                    end = _body_end(body, data, at, delimiter, keep)
                    if end < 0:
                        body.append(data, at, len(data))
                        continue
                if part_ended is not None:
                    part_ended(len(data) - end + sum(len(rest) - start for rest, start in pieces))
                part = body.part()
                guess, body = max(len(part), 1024), None
                yield part
                state = "after-delimiter"
                pieces.appendleft((data, end))
                continue
            # Lines before a body are read into `small`, at most a little more than they may hold.
            base = len(small)
            taken = max(at, min(len(data), at + _SMALL_LIMIT + 8 - base))
            small += memoryview(data)[at:taken]
            size = len(small)
            state, start = _lines(small, state, dash, delimiter)
            if start is None:
                if state == "end":
                    return
                if taken < len(data):   # `small` is full and still no line end
                    raise MultipartError(_TOO_LONG[state])
                continue
            # The body starts at small[start] (bytes before it were consumed: `size - len(small)`),
            # i.e. `start` bytes into what `small` held: read again from there as the body's.
            start += size - len(small)
            if start >= base:
                pieces.appendleft((data, at + start - base))
            else:   # it began in bytes an earlier chunk gave (a few): read those first
                pieces.appendleft((data, at))
                pieces.appendleft((bytes(small[start - (size - len(small)):base - (size - len(small))]), 0))
            declared = _declared_length(bytes(small[:start - (size - len(small))]), longest)
            small.clear()
            body = _Gathered(guess if declared is None else declared + keep, declared, memory)
            state = "body"
    if state == "preamble" and not small.strip():
        return
    if state == "after-delimiter" and small.startswith(b"-"):
        raise MultipartError("the answer ended inside its closing boundary")
    raise MultipartError("the answer ended inside a part (no closing boundary)")


def _lines(small: bytearray, state: str, dash: bytes, delimiter: bytes) -> tuple[str, int | None]:
    """The lines before a body read from `small` (consumed as read): the state reached, and where
    in `small` the next body starts (None while more bytes are needed, or at the end: state "end")."""
    while True:
        if state == "preamble":
            if small.startswith(dash):
                found = 0
            else:   # a preamble: the first boundary line follows the CRLF that ends it
                found = small.find(delimiter)
                if found < 0:
                    if len(small) > _SMALL_LIMIT:
                        raise MultipartError(_TOO_LONG[state])
                    return state, None
                found += 2
            if small[found + len(dash):found + len(dash) + 2] == b"--":
                return "end", None      # an answer of no parts (with or without a line end after it)
            line_end = small.find(b"\r\n", found + len(dash))
            if line_end < 0:
                return state, None
            del small[:line_end + 2]
            state = "headers"
        elif state == "after-delimiter":
            if len(small) < 2:
                return state, None
            if small.startswith(b"--"):
                return "end", None      # the close delimiter: the epilogue is ignored
            state = "boundary-line"
        elif state == "boundary-line":   # transport padding after the delimiter, then CRLF
            line_end = small.find(b"\r\n")
            if line_end < 0:
                if len(small) > _SMALL_LIMIT:
                    raise MultipartError(_TOO_LONG[state])
                return state, None
            del small[:line_end + 2]
            state = "headers"
        else:   # headers
            if small.startswith(b"\r\n"):
                return state, 2     # no headers: the body starts at once
            found = small.find(b"\r\n\r\n")
            if found < 0:
                if len(small) > _SMALL_LIMIT:
                    raise MultipartError(_TOO_LONG[state])
                return state, None
            return state, found + 4


def _body_end(body: _Gathered, chunk: bytes, at: int, delimiter: bytes, keep: int) -> int:
    """Where in `chunk` the part's closing delimiter ends, its bytes before it added to `body`;
    -1 when it is not in `chunk[at:]` (nothing added then)."""
    if body.size:   # a delimiter begun in the part's last bytes and ending in this chunk
        tail = body.tail(keep)
        joint = tail + chunk[at:at + keep]
        found = joint.find(delimiter)
        if found >= 0:
            body.size -= len(tail) - found
            return at + found + len(delimiter) - len(tail)
    found = chunk.find(delimiter, at)
    if found < 0:
        return -1
    body.append(chunk, at, found)
    return found + len(delimiter)


def _declared_length(headers: bytes, longest: int) -> int | None:
    """The length a part's headers declare (one `Content-Length`, digits, at most `longest`), else None."""
    found = set()
    for line in headers.split(b"\r\n"):
        name, colon, value = line.partition(b":")
        if colon and name.strip().lower() == b"content-length":
            found.add(value.strip())
    if len(found) != 1:
        return None
    value = found.pop()
    if not value.isdigit():
        return None
    length = int(value)
    return length if length <= longest else None


def _declared_end(body: _Gathered, chunk: bytes, at: int, delimiter: bytes) -> int | None:
    """For a part that has its declared length: where in `chunk` the delimiter right after it ends;
    None when `chunk` ends inside the delimiter (its start taken); -1 when what follows the
    declared length is not the delimiter (nothing taken)."""
    declared = body.declared
    assert declared is not None
    seen = body.size - declared     # the delimiter's first bytes, when a chunk ended inside it
    need = len(delimiter) - seen
    got = chunk[at:at + need]
    if body.array[declared:body.size].tobytes() + got != delimiter[:seen + len(got)]:
        return -1
    if len(got) < need:
        body.append(chunk, at, len(chunk))
        return None
    body.size = declared
    return at + need
