"""The lean header reader reads what pydicom reads, or declines.

`lean_header.read_header` walks the common case by hand (a Part 10 file in explicit or
implicit VR little endian, up to its Pixel Data) and hands back the dataset pydicom would
build. Every corpus header it takes gives the same `InstanceInfo` and the same Pixel Data
offset as pydicom's reading; what it declines is named; random damage never makes it raise,
and when both read a damaged header, they read the same.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

from app.domain.dicom_instance import DicomReadError
from app.platform.dicom import read_dataset
from app.platform.dicom.header import instance_info
from app.platform.dicom.lean_header import read_header
from tests.helpers.dicom_corpus import _ct_slice

PIXEL_TAG = b"\xe0\x7f\x10\x00"


def head_of(data: bytes) -> bytes:
    """A file's bytes up to its Pixel Data value, as the decoder pool cuts them."""
    tag = data.find(PIXEL_TAG)
    return data[:tag + 12] if tag >= 0 else data[:64 * 1024]


def by_pydicom(head: bytes) -> tuple[object, int] | None:
    fp = io.BytesIO(head)
    try:
        ds = read_dataset(fp, stop_before_pixels=True)
    except DicomReadError:
        return None
    return instance_info(ds), fp.tell()


def saved(ds: Dataset, tmp_path, name: str, *, implicit: bool = False) -> bytes:
    path = tmp_path / f"{name}.dcm"
    if implicit:
        ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2"
    ds.save_as(path, enforce_file_format=True)
    return path.read_bytes()


def test_every_corpus_header_it_takes_reads_as_pydicom_reads_it(corpus):
    taken = 0
    for name, path in sorted(corpus.items()):
        if not path.is_file():
            continue
        head = head_of(path.read_bytes())
        lean = read_header(head)
        if lean is None:
            continue
        expected = by_pydicom(head)
        assert expected is not None, name
        assert (instance_info(lean.dataset), lean.pixel_element) == expected, name
        taken += 1
    assert taken >= 15     # the plain CT, MR, CR, series slices, compressed ones' headers...


@pytest.mark.parametrize("implicit", [False, True], ids=["explicit", "implicit"])
def test_the_common_cases_are_taken(tmp_path, implicit):
    """A CT slice with private tags, a sequence of undefined length and one of defined length."""
    ds = _ct_slice("lean", index=0)
    ds.add_new(0x00091010, "LO", "VENDOR PRIVATE")
    ds.private_block(0x0029, "HUREN TEST", create=True).add_new(0x01, "LO", "private value")
    item = Dataset()
    item.ReferencedSOPClassUID, item.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.2", "1.2.3.4"
    ds.ReferencedImageSequence = Sequence([item, item])
    ds.ProcedureCodeSequence = Sequence([Dataset()])
    head = head_of(saved(ds, tmp_path, "lean", implicit=implicit))
    lean = read_header(head)
    assert lean is not None
    assert (instance_info(lean.dataset), lean.pixel_element) == by_pydicom(head)
    assert lean.dataset.ReferencedImageSequence[1].ReferencedSOPInstanceUID == "1.2.3.4"   # pydicom reads it later


def test_undefined_length_sequences_are_walked(tmp_path):
    ds = _ct_slice("undefined", index=1)
    inner = Dataset()
    inner.CodeValue, inner.CodingSchemeDesignator = "T-D4000", "SRT"
    item = Dataset()
    item.AnatomicRegionSequence = Sequence([inner])
    ds.ReferencedImageSequence = Sequence([item])
    ds["ReferencedImageSequence"].is_undefined_length = True
    item["AnatomicRegionSequence"].is_undefined_length = True
    item.is_undefined_length_sequence_item = inner.is_undefined_length_sequence_item = True
    data = saved(ds, tmp_path, "undefined")
    assert b"\xfe\xff\xdd\xe0" in data     # written with Sequence Delimitation Items
    head = head_of(data)
    lean = read_header(head)
    assert lean is not None
    assert (instance_info(lean.dataset), lean.pixel_element) == by_pydicom(head)


@pytest.mark.parametrize("name", ["big_endian", "deflated", "no_meta_implicit", "voi_lut", "modality_lut",
                                  "truncated_header", "empty", "not_dicom_png", "float_pixel_data"])
def test_what_it_declines(corpus, name):
    """Files outside the common case go to pydicom, which says what is wrong with the broken ones."""
    if name not in corpus:
        pytest.skip(f"{name} is one of pydicom's bundled files, missing here")
    assert read_header(head_of(corpus[name].read_bytes())) is None


def test_an_enhanced_multiframe_header_goes_to_pydicom(tmp_path):
    ds = _ct_slice("enhanced", index=0)
    group = Dataset()
    group.PixelMeasuresSequence = Sequence([Dataset()])
    ds.SharedFunctionalGroupsSequence = Sequence([group])
    assert read_header(head_of(saved(ds, tmp_path, "enhanced"))) is None


def test_a_header_cut_short_is_declined_not_misread(corpus):
    head = head_of(corpus["ct_int16_rescale"].read_bytes())
    for cut in (10, 131, 200, len(head) // 2, len(head) - 13):
        assert read_header(head[:cut]) is None


@pytest.fixture(scope="module")
def plain_head(tmp_path_factory) -> bytes:
    ds = _ct_slice("fuzz", index=0)
    item = Dataset()
    item.ReferencedSOPInstanceUID = "1.2.3"
    ds.ReferencedImageSequence = Sequence([item])
    path = tmp_path_factory.mktemp("lean") / "fuzz.dcm"
    ds.save_as(path, enforce_file_format=True)
    return head_of(path.read_bytes())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=6),
       st.one_of(st.none(), st.integers(0, 10**6)))
def test_damage_never_makes_it_raise_and_it_agrees_with_pydicom_when_both_read(plain_head, changes, cut):
    head = bytearray(plain_head)
    for at, value in changes:
        head[at % len(head)] = value
    damaged = bytes(head if cut is None else head[:cut % len(head)])
    lean = read_header(damaged)           # never raises
    if lean is None:
        return
    expected = by_pydicom(damaged)
    if expected is not None:
        assert (instance_info(lean.dataset), lean.pixel_element) == expected
