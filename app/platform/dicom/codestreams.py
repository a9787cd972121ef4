"""The image size a compressed frame declares, read before any decoder is trusted with it.

Decoders allocate what the codestream header asks for: pylibjpeg-openjpeg tried to allocate
23 GB for a 250-byte JPEG 2000 stream whose SIZ marker lied. So each frame's header (JPEG
SOFn, JPEG-LS SOF55, JPEG 2000 SIZ, also inside a JP2 wrapper) is parsed here, in plain
Python, and compared with what the DICOM header says (`check_frame`) before decoding.
Nothing here imports numpy or pydicom.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

#: JPEG start-of-frame markers (ITU T.81 B.1.1.3): every SOFn but DHT (C4), JPG (C8), DAC (CC);
#: plus JPEG-LS SOF55 (F7, ITU T.87).
_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB,
                          0xCD, 0xCE, 0xCF, 0xF7})
#: Markers without a length field: TEM, RSTn, SOI.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8), 0xD8})
#: A JPEG 2000 codestream has at most 65,535 tiles (Isot is 16 bits); more is a lie meant
#: to make the decoder allocate per-tile state.
_MAX_TILES = 65_535


class CodestreamError(ValueError):
    """The frame is not a well-formed codestream of the kind the transfer syntax promises."""


@dataclass(frozen=True)
class FrameHeader:
    codec: str          # "JPEG", "JPEG-LS" or "JPEG 2000"
    rows: int
    columns: int
    components: int
    precision: int      # bits per sample, the largest over the components
    tiles: int = 1      # JPEG 2000 only


def jpeg_header(data: bytes | memoryview) -> FrameHeader:
    """Walk the marker segments of a JPEG / JPEG-LS stream up to its frame header."""
    data = memoryview(data)
    if bytes(data[:2]) != b"\xff\xd8":
        raise CodestreamError("it does not start with a JPEG start-of-image marker")
    i, end = 2, len(data)
    while i < end:
        if data[i] != 0xFF:
            raise CodestreamError(f"a JPEG marker was expected at byte {i:,}")
        while i < end and data[i] == 0xFF:     # fill bytes
            i += 1
        if i >= end:
            break
        marker = data[i]
        i += 1
        if marker in _STANDALONE:
            continue
        if marker == 0xD9:
            raise CodestreamError("the JPEG stream ends before its frame header")
        if i + 2 > end:
            break
        (length,) = struct.unpack_from(">H", data, i)
        if length < 2:
            raise CodestreamError(f"a JPEG marker segment at byte {i:,} has an impossible length")
        if marker in _SOF_MARKERS:
            if length < 8 or i + 8 > end:
                break
            precision, rows, columns, components = struct.unpack_from(">BHHB", data, i + 2)
            return FrameHeader("JPEG-LS" if marker == 0xF7 else "JPEG", rows, columns, components, precision)
        if marker == 0xDA:
            raise CodestreamError("the JPEG stream starts a scan before its frame header")
        i += length
    raise CodestreamError("the JPEG stream ends before its frame header")


def j2k_header(data: bytes | memoryview) -> FrameHeader:
    """The SIZ marker of a JPEG 2000 (or HTJ2K) codestream, raw or inside a JP2 file."""
    data = memoryview(data)
    if bytes(data[:2]) == b"\xff\x4f":
        return _siz(data, 2)
    if bytes(data[4:8]) == b"jP  ":
        return _jp2(data)
    raise CodestreamError("it is neither a JPEG 2000 codestream nor a JP2 file")


def _siz(data: memoryview, at: int) -> FrameHeader:
    if bytes(data[at:at + 2]) != b"\xff\x51":
        raise CodestreamError("the JPEG 2000 codestream does not start with its SIZ marker")
    if len(data) < at + 40:
        raise CodestreamError("the JPEG 2000 codestream ends inside its SIZ marker")
    (_lsiz, _rsiz, xsiz, ysiz, xosiz, yosiz, xtsiz, ytsiz, xtosiz, ytosiz,
     csiz) = struct.unpack_from(">HHIIIIIIIIH", data, at + 2)
    if not (xsiz > xosiz and ysiz > yosiz and xtsiz and ytsiz and csiz
            and xtosiz <= xosiz and ytosiz <= yosiz):
        raise CodestreamError("the JPEG 2000 SIZ marker declares an impossible image or tile size")
    tiles = (-(-(xsiz - xtosiz) // xtsiz)) * (-(-(ysiz - ytosiz) // ytsiz))
    comps_at = at + 40
    if len(data) < comps_at + 3 * csiz:
        raise CodestreamError("the JPEG 2000 codestream ends inside its SIZ marker")
    precision = 0
    for c in range(csiz):
        ssiz, xr, yr = data[comps_at + 3 * c:comps_at + 3 * c + 3]
        if not xr or not yr:
            raise CodestreamError("the JPEG 2000 SIZ marker declares a zero subsampling factor")
        precision = max(precision, (ssiz & 0x7F) + 1)
    return FrameHeader("JPEG 2000", ysiz - yosiz, xsiz - xosiz, csiz, precision, tiles)


def _boxes(data: memoryview, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, content start, content end) of the JP2 boxes between start and end."""
    i = start
    while i + 8 <= end:
        length, kind = struct.unpack_from(">I4s", data, i)
        header = 8
        if length == 1:
            if i + 16 > end:
                raise CodestreamError("the JP2 file ends inside a box header")
            (length,) = struct.unpack_from(">Q", data, i + 8)
            header = 16
        elif length == 0:
            length = end - i
        if length < header:
            raise CodestreamError("a JP2 box has an impossible length")
        yield kind, i + header, min(i + length, end)
        i += length


def _jp2(data: memoryview) -> FrameHeader:
    """The codestream inside a JP2 wrapper; its image header box must agree with it."""
    ihdr: tuple[int, int, int] | None = None
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind == b"jp2h":
            for sub, s, e in _boxes(data, start, end):
                if sub == b"ihdr" and e - s >= 10:
                    ihdr = struct.unpack_from(">IIH", data, s)
        elif kind == b"jp2c":
            header = _siz(data, start + 2) if bytes(data[start:start + 2]) == b"\xff\x4f" else None
            if header is None:
                raise CodestreamError("the JP2 file's codestream box holds no JPEG 2000 codestream")
            if ihdr is not None and ihdr != (header.rows, header.columns, header.components):
                raise CodestreamError("the JP2 file's image header and its codestream disagree on the size")
            return header
    raise CodestreamError("the JP2 file holds no codestream")


def check_frame(header: FrameHeader, *, rows: int, columns: int, samples: int, bits_allocated: int) -> str | None:
    """Why this frame must not be decoded (a sentence fragment), or None when it fits the DICOM header."""
    if (header.rows, header.columns) != (rows, columns):
        return (f"its {header.codec} header declares {header.columns:,} × {header.rows:,} pixels "
                f"where the DICOM header says {columns:,} × {rows:,}")
    if header.components != samples:
        return (f"its {header.codec} header declares {header.components} colour components "
                f"where the DICOM header says {samples}")
    if header.precision > max(bits_allocated, 8) or header.precision == 0:
        return (f"its {header.codec} header declares {header.precision}-bit samples "
                f"where the DICOM header allows {bits_allocated}")
    if header.tiles > _MAX_TILES:
        return f"its {header.codec} header declares {header.tiles:,} tiles"
    return None


def rle_segments(data: bytes | memoryview, expected: int) -> str | None:
    """Why an RLE frame's 64-byte header is unusable (PS3.5 G.5), or None when it is sound."""
    if len(data) < 64:
        return "its RLE header is cut short"
    count, *offsets = struct.unpack_from("<16I", data, 0)
    if count != expected:
        return f"its RLE header lists {count} segments where {expected} are expected"
    used = offsets[:count]
    if used[0] != 64 or any(b <= a for a, b in zip(used, used[1:], strict=False)) or used[-1] >= len(data):
        return "its RLE header points outside the frame"
    return None
