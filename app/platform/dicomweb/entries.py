"""What a QIDO-RS listing says, read from its DICOM JSON into plain result types.

A listing's items are read leniently: a value of the wrong kind is left out rather than
failing the listing, and an item without its UID is skipped with a warning, so one
non-conformant entry never hides the others. Person names are shown as people write them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from app.domain.dicom_instance import parse_da, parse_tm
from app.domain.imaging import ImagingSeries
from app.platform.dicomweb.errors import DicomWebError

log = logging.getLogger("huren.platform.dicomweb")

# QIDO-RS attributes, by tag: every server accepts tags, not every one keywords.
STUDY_FIELDS = ("00081030", "00080061", "00201206", "00201208", "00080080")
SERIES_FIELDS = ("0008103E", "00180015", "00201209")
INSTANCE_FIELDS = ("00080016", "00200013", "00280010", "00280011", "00280008")


@dataclass(frozen=True)
class StudyEntry:
    """One study as a QIDO-RS study search lists it."""

    uid: str
    date: date | None
    time: time | None
    description: str
    patient_name: str            # readable, e.g. "张伟" or "Li Na"; "" when the server sent none
    patient_id: str
    accession: str
    modalities: tuple[str, ...]
    series_count: int | None     # None: the server did not say
    instance_count: int | None
    institution: str


@dataclass(frozen=True)
class InstanceEntry:
    """One instance as a QIDO-RS instance search lists it: enough to order and size the retrieval."""

    uid: str
    number: int | None
    sop_class_uid: str
    rows: int | None
    columns: int | None
    frames: int                  # 1 unless Number of Frames says otherwise


def dicom_json_items(found: Any, what: str) -> list[dict]:
    """The answer's DICOM JSON data sets; anything else in their place is a DicomWebError."""
    if not isinstance(found, list) or not all(isinstance(i, dict) for i in found):
        raise DicomWebError(f"the DICOMweb server's answer for {what} is not a DICOM JSON list")
    return found


def _values(item: dict, tag: str) -> list:
    element = item.get(tag)
    values = element.get("Value") if isinstance(element, dict) else None
    return values if isinstance(values, list) else []


def _str(item: dict, tag: str) -> str:
    values = _values(item, tag)
    return str(values[0]).strip() if values and values[0] is not None else ""


def _int(item: dict, tag: str) -> int | None:
    values = _values(item, tag)
    try:
        return int(str(values[0]).strip()) if values else None
    except ValueError:
        return None


def _strs(item: dict, tag: str) -> tuple[str, ...]:
    out: list[str] = []
    for value in _values(item, tag):
        # A non-conformant server may send one backslash-joined string.
        out += [v.strip() for v in str(value).split("\\") if v.strip()]
    return tuple(dict.fromkeys(out))


def study_entry(item: dict) -> StudyEntry | None:
    """The study a listed item describes; None (logged) without a Study Instance UID."""
    uid = _str(item, "0020000D")
    if not uid:
        log.warning("skipped a listed study without a Study Instance UID")
        return None
    names = _values(item, "00100010")
    return StudyEntry(
        uid=uid,
        date=parse_da(_str(item, "00080020")),
        time=parse_tm(_str(item, "00080030")),
        description=_str(item, "00081030"),
        patient_name=readable_name(names[0]) if names else "",
        patient_id=_str(item, "00100020"),
        accession=_str(item, "00080050"),
        modalities=_strs(item, "00080061"),
        series_count=_int(item, "00201206"),
        instance_count=_int(item, "00201208"),
        institution=_str(item, "00080080"),
    )


def series_entry(item: dict) -> ImagingSeries | None:
    """The series a listed item describes; None (logged) without a Series Instance UID."""
    uid = _str(item, "0020000E")
    if not uid:
        log.warning("skipped a listed series without a Series Instance UID")
        return None
    return ImagingSeries(uid=uid, number=_int(item, "00200011"), modality=_str(item, "00080060"),
                         description=_str(item, "0008103E"), body_part=_str(item, "00180015").upper(),
                         instance_count=_int(item, "00201209") or 0)


def instance_entry(item: dict) -> InstanceEntry | None:
    """The instance a listed item describes; None (logged) without a SOP Instance UID."""
    uid = _str(item, "00080018")
    if not uid:
        log.warning("skipped a listed instance without a SOP Instance UID")
        return None
    return InstanceEntry(uid=uid, number=_int(item, "00200013"), sop_class_uid=_str(item, "00080016"),
                         rows=_int(item, "00280010"), columns=_int(item, "00280011"),
                         frames=max(1, _int(item, "00280008") or 1))


_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")


def readable_name(value: Any) -> str:
    """A DICOM JSON person name as people write it: `张^伟` -> 张伟, `Li^Na` -> Li Na.

    The ideographic group wins when it holds a name (a Chinese record's real name, the
    alphabetic group being its pinyin); components stay in DICOM order, family name first,
    joined without spaces when the name is CJK.
    """
    if isinstance(value, dict):
        groups = [value.get("Ideographic"), value.get("Alphabetic"), value.get("Phonetic")]
    else:   # a bare string (non-conformant servers): "Alphabetic=Ideographic=Phonetic"
        parts = str(value or "").split("=")
        groups = [parts[1] if len(parts) > 1 else None, parts[0], parts[2] if len(parts) > 2 else None]
    for group in groups:
        if not isinstance(group, str):
            continue
        components = [c.strip() for c in group.split("^")[:5]] + [""] * 5
        family, given, middle, prefix, suffix = components[:5]
        name = [c for c in (family, given, middle) if c]
        if not name:
            continue
        if _CJK.search("".join(name)):
            return prefix + "".join(name) + suffix
        return " ".join(c for c in (prefix, *name, suffix) if c)
    return ""
