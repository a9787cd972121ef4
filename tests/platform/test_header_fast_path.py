"""The header's numbers read from their raw bytes equal what pydicom's conversion gives.

`header._get` reads single binary integers and decimal/integer strings itself (pydicom's
conversion costs about 15 µs a value, twenty per slice). Every file of the DICOM corpus gives
the same `InstanceInfo` with that shortcut as without it.
"""

from __future__ import annotations

import pytest

from app.domain.dicom_instance import DicomReadError
from app.platform.dicom import header, read_dataset


def test_every_corpus_header_reads_the_same_with_and_without_the_shortcut(corpus, monkeypatch):
    compared = 0
    for name, path in sorted(corpus.items()):
        if not path.is_file():
            continue
        try:
            fast = header.instance_info(read_dataset(path))
        except DicomReadError:
            continue
        with monkeypatch.context() as m:
            m.setattr(header, "_raw_value", lambda element: header._CONVERT)
            slow = header.instance_info(read_dataset(path))
        assert fast == slow, name
        compared += 1
    assert compared > 20


@pytest.mark.parametrize(("vr", "raw", "expected"), [
    ("US", b"\x00\x02", 512), ("SS", b"\x18\xfc", -1000), ("UL", b"\x01\x00\x00\x00", 1),
    ("DS", b"-179.2\\-179.2\\0.0 ", "-179.2\\-179.2\\0.0"), ("IS", b"12 ", "12"), ("DS", b"  ", None),
])
def test_raw_numbers(vr, raw, expected):
    from pydicom.dataelem import RawDataElement

    element = RawDataElement(0x00280010, vr, len(raw), raw, 0, False, True)
    assert header._raw_value(element) == expected


def test_what_is_not_a_plain_number_is_left_to_pydicom():
    from pydicom.dataelem import RawDataElement

    assert header._raw_value(RawDataElement(0x00280010, "US", 4, b"\x00\x02\x00\x02", 0, False, True)) \
        is header._CONVERT                                     # two values
    assert header._raw_value(RawDataElement(0x00280010, "US", 2, b"\x02\x00", 0, False, False)) \
        is header._CONVERT                                     # big endian
    assert header._raw_value(RawDataElement(0x00100010, "PN", 4, b"Test", 0, False, True)) is header._CONVERT
