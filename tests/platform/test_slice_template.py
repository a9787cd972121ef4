"""A slice read from a template gives what reading it in full gives, or is read in full.

`slice_template.SeriesHeaders` reads the first slice of each header length in full and each
later one as what differs from it. Every slice of a series, every corpus file, and headers
changed at random (one element's value, or any bytes) give the layout the full reading gives,
or are declined; a series is read almost entirely from its template; every attribute the
header and the pixel checks read is named where the template looks.
"""

from __future__ import annotations

import inspect
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom.datadict import tag_for_keyword

from app.domain.dicom_instance import DicomReadError
from app.platform.dicom import decoding, header, slice_template
from app.platform.dicom.decoding import lean_layout, native_layout
from app.platform.dicom.header import SLICE_KEYWORDS
from app.platform.dicom.lean_header import read_header
from app.platform.dicom.slice_template import READ_KEYWORDS, SeriesHeaders
from tests.helpers.dicom_corpus import _ct_slice
from tests.platform.test_lean_header import head_of


def full(head: bytes, size: int):
    """The layout read in full (pydicom where the lean reader declines); None for an image that cannot be shown."""
    try:
        return native_layout(head, size)
    except DicomReadError:
        return None


def slices(tmp_path, count: int) -> list[bytes]:
    """A CT series: each slice with its own UID, number, position, location, and some their own window."""
    out = []
    for index in range(count):
        ds = _ct_slice("series", index=index)
        if index % 3 == 0:
            ds.WindowCenter, ds.WindowWidth = [35 + index, 400], [350, 1500 + index]
        path = tmp_path / f"{index}.dcm"
        ds.save_as(path, enforce_file_format=True)
        out.append(path.read_bytes())
    return out


def test_a_series_reads_from_its_templates_as_it_reads_in_full(tmp_path, monkeypatch):
    parts = slices(tmp_path, 40)
    read_in_full = []
    real = slice_template._Template.read.__func__
    monkeypatch.setattr(slice_template._Template, "read",
                        classmethod(lambda cls, *a: read_in_full.append(1) or real(cls, *a)))
    headers = SeriesHeaders()
    for index, part in enumerate(parts):
        head = head_of(part)
        got = headers.layout(head, len(part))
        assert got is not None and got == lean_layout(head, len(part)), index
    lengths = len({len(head_of(p)) for p in parts})
    assert len(read_in_full) == lengths < 10     # one full reading per header length, the rest from templates
    assert {headers.layout(head_of(p), len(p)).info.instance_number for p in parts} == set(range(1, 41))


def test_a_slice_without_its_own_uid_is_named_by_its_file_meta_as_in_full(tmp_path):
    """A SOP Instance UID blanked to spaces (the same length: read from the template): the File Meta's
    Media Storage SOP Instance UID names the slice, as in full."""
    path = tmp_path / "0.dcm"
    _ct_slice("series", index=0).save_as(path, enforce_file_format=True)
    template = path.read_bytes()
    uid = read_header(head_of(template)).dataset.SOPInstanceUID.encode("ascii")
    at = template.rindex(uid)       # the data set's; the File Meta's comes first
    blank = template[:at] + b" " * len(uid) + template[at + len(uid):]
    headers = SeriesHeaders()
    assert headers.layout(head_of(template), len(template)) is not None
    got = headers.layout(head_of(blank), len(blank))
    assert got is not None and got == lean_layout(head_of(blank), len(blank))
    assert got.info.sop_instance_uid == uid.decode().rstrip("\x00")


def test_every_corpus_file_reads_as_it_reads_in_full(corpus):
    headers = SeriesHeaders()
    for name, path in sorted(corpus.items()):
        if not path.is_file() or name.startswith("dicomdir"):
            continue
        data = path.read_bytes()
        head = head_of(data)
        got = headers.layout(head, len(data))
        assert got is None or got == full(head, len(data)), name
        if got is None:
            assert lean_layout(head, len(data)) is None, name   # declined only what the lean reader declines


def test_a_slice_that_differs_in_what_the_header_reads_is_read_in_full(tmp_path, monkeypatch):
    first, second = slices(tmp_path, 2)
    headers = SeriesHeaders()
    headers.layout(head_of(first), len(first))
    changed = bytearray(second)
    at = changed.find(b"Axial 5 mm")
    changed[at:at + 10] = b"Axial 1 mm"     # the series description: read, not one of the slice's own
    read_in_full = []
    real = slice_template._Template.read.__func__
    monkeypatch.setattr(slice_template._Template, "read",
                        classmethod(lambda cls, *a: read_in_full.append(1) or real(cls, *a)))
    got = headers.layout(head_of(bytes(changed)), len(changed))
    assert read_in_full == [1]
    assert got is not None and got.info.series_description == "Axial 1 mm"


def test_pixel_data_past_the_part_is_not_taken_from_the_template(tmp_path):
    first, second = slices(tmp_path, 2)
    headers = SeriesHeaders()
    headers.layout(head_of(first), len(first))
    assert headers.layout(head_of(second), len(second) - 100) is None   # cut short: read in full, which says so


@pytest.fixture(scope="module")
def series_pair(tmp_path_factory) -> tuple[bytes, bytes]:
    first, second = slices(tmp_path_factory.mktemp("pair"), 2)
    return head_of(first), head_of(second)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_change_to_a_slice_reads_as_it_reads_in_full_or_is_declined(series_pair, data):
    """One element's value replaced by bytes of the same length, or any bytes changed at random."""
    template_head, head = series_pair
    size = len(head) + 64 * 64 * 2
    headers = SeriesHeaders()
    assert headers.layout(template_head, size) is not None
    changed = bytearray(head)
    if data.draw(st.booleans(), label="one value"):
        lean = read_header(head)
        assert lean is not None
        elements = [e for e in (*lean.dataset.file_meta.values(), *lean.dataset.values()) if e.length]
        element = data.draw(st.sampled_from(elements), label="element")
        value = data.draw(st.binary(min_size=element.length, max_size=element.length), label="value")
        changed[element.value_tell:element.value_tell + element.length] = value
    else:
        for at in data.draw(st.lists(st.integers(0, len(head) - 1), min_size=1, max_size=4), label="where"):
            changed[at] = data.draw(st.integers(0, 255), label="byte")
    got = headers.layout(bytes(changed), size)
    assert got is None or got == full(bytes(changed), size)


def test_every_attribute_the_header_and_the_pixel_checks_read_is_named():
    """A keyword `header` or `decoding.layout_of` reads and the template does not know would let a
    slice that differs in it be taken from the template."""
    sources = inspect.getsource(header) + inspect.getsource(decoding._layout)
    named = {k for k in re.findall(r'"([A-Z][A-Za-z0-9]+)"', sources) if tag_for_keyword(k) is not None}
    assert named <= set(READ_KEYWORDS) | set(SLICE_KEYWORDS), named - set(READ_KEYWORDS) - set(SLICE_KEYWORDS)
    assert not set(READ_KEYWORDS) & set(SLICE_KEYWORDS)
