"""WADO-RS multipart answers cut into parts as they arrive, however the bytes are chunked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.platform.dicomweb.multipart import MultipartError, boundary_of, iter_parts

BOUNDARY = "huren-3f1a"


def body(parts: list[bytes], *, preamble: bytes = b"", epilogue: bytes = b"", headers: bool = True,
         padding: bytes = b"", lengths: list[int] | None = None) -> bytes:
    """A multipart answer; with `lengths`, each part declares that Content-Length (right or not)."""
    out = preamble + (b"\r\n" if preamble else b"")
    for i, part in enumerate(parts):
        out += f"--{BOUNDARY}".encode() + padding + b"\r\n"
        out += b"Content-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n" if headers else b""
        out += f"content-length: {lengths[i]}\r\n".encode() if lengths is not None else b""
        out += b"\r\n" + part + b"\r\n"
    return out + f"--{BOUNDARY}--".encode() + epilogue


def chunked(data: bytes, sizes: list[int]) -> list[bytes]:
    out, at, i = [], 0, 0
    while at < len(data):
        size = sizes[i % len(sizes)] if sizes else len(data)
        out.append(data[at:at + size])
        at, i = at + size, i + 1
    return out


# Part contents that look like the delimiter's beginnings, CRLFs and dashes: the cases a naive cut gets wrong.
TRICKY = st.lists(st.sampled_from([b"\r\n", b"--", b"\r\n--", f"\r\n--{BOUNDARY[:-1]}".encode(), b"x", b"\x00",
                                   BOUNDARY.encode(), b"\r\n\r\n"]), max_size=12).map(b"".join)
# A sender picks a boundary that its parts do not contain (RFC 2046 5.1.1): such parts are not generated.
PART = st.one_of(st.binary(max_size=300), TRICKY).filter(
    lambda p: f"\r\n--{BOUNDARY}".encode() not in b"\r\n" + p + b"\r\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(PART, max_size=6), st.lists(st.integers(1, 400), min_size=1, max_size=5), st.booleans(),
       st.booleans(), st.sampled_from([b"", b"  ", b"\t"]))
def test_any_parts_come_back_whole_however_the_bytes_arrive(parts, sizes, preamble, headers, padding):
    data = body(parts, preamble=b"This is a MIME preamble." if preamble else b"", epilogue=b"\r\nbye",
                headers=headers, padding=padding)
    assert [bytes(p) for p in iter_parts(chunked(data, sizes), BOUNDARY)] == parts


@settings(max_examples=300, deadline=None)
@given(st.lists(PART, max_size=6), st.lists(st.integers(1, 400), min_size=1, max_size=5),
       st.lists(st.sampled_from([0, 0, 0, -1, 1, -2, 2, -40, 40, -10_000]), min_size=6, max_size=6))
def test_parts_that_declare_their_length_come_back_whole_even_when_the_length_is_wrong(parts, sizes, errors):
    lengths = [max(len(part) + error, 0) for part, error in zip(parts, errors, strict=False)]
    data = body(parts, lengths=lengths)
    assert [bytes(p) for p in iter_parts(chunked(data, sizes), BOUNDARY)] == parts


def test_a_part_that_declares_its_length_is_not_searched_for_the_delimiter():
    """Proof that the pixels are not searched: a delimiter inside a part (which RFC 2046 forbids)
    is not cut at when the part's length says where it ends and the delimiter is there."""
    inside = b"A" * 50 + f"\r\n--{BOUNDARY}\r\n\r\n".encode() + b"B" * 50
    data = body([inside, b"C" * 10], lengths=[len(inside), 10])
    assert [bytes(p) for p in iter_parts(chunked(data, [7]), BOUNDARY)] == [inside, b"C" * 10]
    # Without the length, or with one past `longest`, it is searched: cut at the first delimiter.
    for searched in (body([inside, b"C" * 10]), data):
        assert bytes(next(iter(iter_parts([searched], BOUNDARY, longest=100)))) == b"A" * 50
    # Once a part's length proved wrong, the answer's later lengths are not believed: searched.
    wrong_first = body([b"D" * 10, inside], lengths=[12, len(inside)])
    assert [bytes(p) for p in iter_parts([wrong_first], BOUNDARY)][:2] == [b"D" * 10, b"A" * 50]


def test_each_part_is_handed_over_as_soon_as_the_next_boundary_arrives():
    data = body([b"A" * 100, b"B" * 100])
    first_end = data.index(b"B" * 100)
    chunks = iter([data[:first_end], data[first_end:]])
    parts = iter_parts(chunks, BOUNDARY)
    assert bytes(next(parts)) == b"A" * 100         # before the second part's bytes were read
    assert next(chunks, None) is not None


@pytest.mark.parametrize("cut", [10, 80, -3])
def test_an_answer_cut_off_inside_a_part_is_an_error_not_a_shorter_series(cut):
    data = body([b"A" * 100, b"B" * 100])
    with pytest.raises(MultipartError):
        list(iter_parts([data[:cut]], BOUNDARY))


def test_headers_that_never_end_are_refused():
    data = f"--{BOUNDARY}\r\n".encode() + b"X-Long: " + b"a" * 70_000
    with pytest.raises(MultipartError, match="headers"):
        list(iter_parts([data], BOUNDARY))


def test_the_boundary_is_read_from_the_content_type():
    assert boundary_of('multipart/related; type="application/dicom"; boundary="abc def"') == "abc def"
    assert boundary_of("Multipart/Related; boundary=xyz") == "xyz"
    assert boundary_of("application/dicom") is None
    with pytest.raises(MultipartError):
        boundary_of("multipart/related; type=application/dicom")


def test_a_part_is_handed_over_when_its_delimiter_arrives_even_if_the_server_pauses_there():
    data = body([b"A" * 100, b"B" * 100])
    delimiter = f"\r\n--{BOUNDARY}".encode()
    cut = data.index(delimiter, data.index(b"A" * 100)) + len(delimiter)   # nothing after it yet
    chunks = iter([data[:cut], data[cut:]])
    parts = iter_parts(chunks, BOUNDARY)
    assert bytes(next(parts)) == b"A" * 100
    assert next(chunks, None) is not None                 # the rest was not waited for
