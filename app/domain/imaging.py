"""Imaging studies as the chart shows them, and the few facts about DICOM the rules need.

A study is recognized like a lab result: its catalogue item is found from its codes. Few
hospitals code imaging procedures alike, so besides the study's own procedure codes the
mapping derives one code per series from what every DICOM source has, modality and body
part (`CT:CHEST`), in `IMAGING_ITEM_SYSTEM`; the catalogue lists those codes for its
imaging items (docs/catalogue.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.models import FINAL_STATUSES, Coding, Hospital, RecordKey

#: Code system of the derived "modality:body part" codes the catalogue's imaging items list.
IMAGING_ITEM_SYSTEM = "https://fhir.huren.cn/CodeSystem/imaging-item"
DICOM_MODALITY_SYSTEM = "http://dicom.nema.org/resources/ontology/DCM"
SNOMED_SYSTEM = "http://snomed.info/sct"
#: The status the rules read for a study without an imaging report: not a result yet.
NO_REPORT = "no-report"
#: The FHIR identifier system of DICOM UIDs (values are `urn:oid:<uid>`).
DICOM_UID_SYSTEM = "urn:dicom:uid"

#: DICOM Body Part Examined defined terms (PS3.16 CID 4031) and their SNOMED CT codes: FHIR
#: carries the SNOMED code in ImagingStudy.series.bodySite, DICOM files the term.
BODY_PARTS: dict[str, tuple[str, str]] = {
    "HEAD": ("69536005", "Head"),
    "BRAIN": ("12738006", "Brain"),
    "NECK": ("45048000", "Neck"),
    "CHEST": ("51185008", "Chest"),
    "ABDOMEN": ("818983003", "Abdomen"),
    "PELVIS": ("816092008", "Pelvis"),
    "CSPINE": ("122494005", "Cervical spine"),
    "LSPINE": ("122496007", "Lumbar spine"),
    "KNEE": ("72696002", "Knee"),
    "BREAST": ("76752008", "Breast"),
    "HEART": ("80891009", "Heart"),
    "LIVER": ("10200004", "Liver"),
    "THYROID": ("69748006", "Thyroid"),
}
_BODY_PART_BY_SNOMED = {code: term for term, (code, _) in BODY_PARTS.items()}


def body_part_from_snomed(code: str) -> str | None:
    return _BODY_PART_BY_SNOMED.get(code)


def imaging_item_coding(modality: str, body_part: str) -> Coding:
    """The derived code a catalogue imaging item lists, e.g. `CT:CHEST`."""
    return Coding(IMAGING_ITEM_SYSTEM, f"{modality.upper()}:{body_part.upper()}")


def uid_from_identifier(value: str) -> str:
    """`urn:oid:1.2.3` -> `1.2.3` (FHIR writes DICOM UIDs as OIDs)."""
    return value[len("urn:oid:"):] if value.startswith("urn:oid:") else value


@dataclass(frozen=True)
class ImagingSeries:
    uid: str
    number: int | None
    modality: str
    description: str
    body_part: str          # DICOM defined term, "" when unknown
    instance_count: int


@dataclass(frozen=True)
class ImagingStudy:
    """One study of one hospital, with where its images can be fetched (a DICOMweb base)."""

    key: RecordKey
    uid: str                     # Study Instance UID
    started: datetime | None
    status: str                  # the study's own FHIR status: registered, available, ...
    modalities: tuple[str, ...]
    description: str
    series: tuple[ImagingSeries, ...]
    instance_count: int
    dicomweb_base: str | None    # None: the source gave no usable DICOMweb endpoint
    hospital: Hospital | None
    codes: tuple[Coding, ...]    # procedure codes plus the derived modality:body-part codes
    report_status: str = ""      # status of the imaging report; "" when there is none
    conclusion: str = ""         # the report's conclusion (诊断意见)
    findings: str = ""           # the report's findings text (检查所见), when it carries one
    report_key: RecordKey | None = None

    @property
    def body_parts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.body_part for s in self.series if s.body_part))

    @property
    def has_final_report(self) -> bool:
        return self.report_status in FINAL_STATUSES
