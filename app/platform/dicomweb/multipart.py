"""The parts of a WADO-RS multipart answer, cut out as they arrive: one DICOM instance each.

dicomweb-client parses a multipart answer part by part with a regular search over a growing
buffer and hands over pydicom datasets; that took 7× the wire time on a fast link, and it
parses every instance in the thread that reads the socket. Here the body is read in large
steps (`transport` bounds each one: size per part, time per part, the deadline watchdog) and
each part is cut out with `bytes.find` over only the bytes not yet searched, so a 500 MB
series costs one pass. What a part holds is left to the caller: parsing happens elsewhere,
on every core (app/platform/dicom/decode_pool.py).

The format (RFC 2046): an optional preamble, then `--boundary` CRLF, headers, CRLF CRLF,
the body, CRLF `--boundary`, and so on until `--boundary--`. A part without headers, a
preamble, trailing whitespace after a boundary line and an epilogue are all allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

#: Bytes asked of the transport per step: a CT slice is 0.5 MB; the transport hands over
#: what has arrived, so a slow server still delivers each part as soon as it is complete.
READ_SIZE = 1024 * 1024


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


def iter_parts(chunks: Iterable[bytes], boundary: str) -> Iterator[bytearray]:
    """Each part's body, as soon as the bytes after it (its closing delimiter) have arrived.

    A part is handed over as the very buffer it was gathered in (the caller owns it from then
    on): a 500 MB series is copied once on its way through, not three times.
    """
    dash = b"--" + boundary.encode("ascii", "strict")
    delimiter = b"\r\n" + dash
    buffer = bytearray()
    searched = 0                # buffer[:searched] holds no complete delimiter
    state = "preamble"
    for chunk in chunks:
        buffer += chunk
        while True:
            if state == "preamble":
                if buffer.startswith(dash):
                    at = 0
                else:   # a preamble: the first boundary line follows the CRLF that ends it
                    found = buffer.find(delimiter, max(searched - len(delimiter) + 1, 0))
                    if found < 0:
                        searched = len(buffer)
                        if searched > 64 * 1024:
                            raise MultipartError("no part boundary in the answer's first 64 kB")
                        break
                    at = found + 2
                line_end = buffer.find(b"\r\n", at + len(dash))
                if line_end < 0:
                    break
                if buffer[at + len(dash):at + len(dash) + 2] == b"--":
                    return      # an answer of no parts
                del buffer[:line_end + 2]
                state, searched = "headers", 0
            if state == "headers":
                if buffer.startswith(b"\r\n"):
                    body = 2    # no headers: the body starts at once
                else:
                    end = buffer.find(b"\r\n\r\n", max(searched - 3, 0))
                    if end < 0:
                        searched = len(buffer)
                        if len(buffer) > 64 * 1024:
                            raise MultipartError("a part's headers never end")
                        break
                    body = end + 4
                del buffer[:body]   # the body now starts the buffer (little has arrived of it yet)
                state, searched = "body", 0
            if state == "body":
                at = buffer.find(delimiter, max(searched - len(delimiter) + 1, 0))
                if at < 0:
                    searched = len(buffer)
                    break
                # The part is whole once its delimiter has arrived: handed over at once, even if the
                # server pauses before saying whether another part follows.
                rest = bytearray(memoryview(buffer)[at + len(delimiter):])   # at most a chunk
                del buffer[at:]
                yield buffer
                buffer, searched, state = rest, 0, "after-delimiter"
            if state == "after-delimiter":
                if len(buffer) < 2:
                    break
                if buffer.startswith(b"--"):
                    return      # the close delimiter: the epilogue is ignored
                state = "boundary-line"
            if state == "boundary-line":   # transport padding after the delimiter, then CRLF
                line_end = buffer.find(b"\r\n")
                if line_end < 0:
                    break
                del buffer[:line_end + 2]
                state, searched = "headers", 0
                continue
            break
    if state == "preamble" and not buffer.strip():
        return
    if state == "after-delimiter" and buffer.startswith(b"-"):
        raise MultipartError("the answer ended inside its closing boundary")
    raise MultipartError("the answer ended inside a part (no closing boundary)")
