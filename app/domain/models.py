"""The clinical records Huren shows, as plain immutable values.

They are what the FHIR mapping produces and what the recognition rules and the views read;
keeping them free of FHIR's JSON shape means a source that speaks a dialect only changes
the mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.identity import INSURANCE_CARD_SYSTEM, RESIDENT_ID_SYSTEM, mask_resident_id

LOINC_SYSTEM = "http://loinc.org"

#: Statuses under which a result is a finished result (FHIR ObservationStatus / DiagnosticReportStatus).
FINAL_STATUSES = frozenset({"final", "amended", "corrected", "appended"})

#: The printed forms Huren can show: PDF pages (rendered) and pictures of the printed page.
PDF_TYPE = "application/pdf"
IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})
#: A document larger than this is not opened: a printed lab report is a few hundred kilobytes,
#: and anything near this size is a scan gone wrong or a hostile server.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
#: At most this many pages of one document are rendered (a lab report has one or two).
MAX_DOCUMENT_PAGES = 50


@dataclass(frozen=True)
class Coding:
    system: str
    code: str
    display: str = ""


@dataclass(frozen=True)
class Identifier:
    system: str
    value: str


@dataclass(frozen=True)
class RecordKey:
    """Where a record lives: the source it came from and its id there.

    Two hospitals' platforms may both have a `Patient/123`; only the pair is unique.
    """

    source: str
    id: str

    def __str__(self) -> str:
        return f"{self.source}:{self.id}"


@dataclass(frozen=True)
class Patient:
    key: RecordKey
    name: str
    gender: str  # FHIR administrative gender: male, female, other, unknown
    birth_date: date | None
    identifiers: tuple[Identifier, ...] = ()

    def identifier(self, system: str) -> str | None:
        return next((i.value for i in self.identifiers if i.system == system), None)

    @property
    def resident_id(self) -> str | None:
        return self.identifier(RESIDENT_ID_SYSTEM)

    @property
    def insurance_card(self) -> str | None:
        return self.identifier(INSURANCE_CARD_SYSTEM)

    @property
    def masked_resident_id(self) -> str:
        return mask_resident_id(self.resident_id) if self.resident_id else ""

    def age_on(self, day: date) -> int | None:
        """Age in whole years on `day` (what a clinician writes as 58岁)."""
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True)
class Hospital:
    """An issuing institution as a source knows it (a FHIR Organization)."""

    key: RecordKey
    name: str
    identifier: Identifier | None = None


@dataclass(frozen=True)
class ReferenceRange:
    low: float | None = None
    high: float | None = None
    text: str = ""

    def display(self) -> str:
        if self.text:
            return self.text
        if self.low is not None and self.high is not None:
            return f"{_num(self.low)}–{_num(self.high)}"
        if self.low is not None:
            return f"≥{_num(self.low)}"
        if self.high is not None:
            return f"≤{_num(self.high)}"
        return ""


def _num(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class LabResult:
    """One measured item of a lab report (a FHIR Observation)."""

    key: RecordKey
    name: str
    codes: tuple[Coding, ...]
    status: str
    effective: datetime | None
    value: float | None = None
    value_text: str = ""
    unit: str = ""
    reference_range: ReferenceRange | None = None
    flag: str = ""  # v3-ObservationInterpretation code: H, L, HH, LL, N, A, POS, NEG, ...

    @property
    def loinc(self) -> str | None:
        return next((c.code for c in self.codes if c.system == LOINC_SYSTEM), None)

    def display_value(self) -> str:
        if self.value is not None:
            return _num(self.value)
        return self.value_text

    @property
    def is_abnormal(self) -> bool:
        return self.flag not in ("", "N", "NEG")


@dataclass(frozen=True)
class Document:
    """A report as the hospital printed it (a PDF, or a picture of the page).

    Many platforms share only this: the doctor reads the values off the page. It is carried
    inline (`data`, already decoded) or stays on the report's source (`url`, fetched when the
    doctor opens it). `data` is None for inline content too large to keep (see
    MAX_DOCUMENT_BYTES): `size` then says how large it was, so opening can say why it will not.
    """

    content_type: str
    title: str = ""
    data: bytes | None = None
    url: str = ""
    size: int | None = None

    @property
    def media_type(self) -> str:
        """The content type without parameters, in lower case (`application/pdf`)."""
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def is_pdf(self) -> bool:
        return self.media_type == PDF_TYPE

    @property
    def is_image(self) -> bool:
        return self.media_type in IMAGE_TYPES

    @property
    def supported(self) -> bool:
        return self.is_pdf or self.is_image

    @property
    def byte_size(self) -> int | None:
        """What opening it costs, as far as known before fetching."""
        return len(self.data) if self.data is not None else self.size


@dataclass(frozen=True)
class LabReport:
    """A lab report (a FHIR DiagnosticReport, or a DocumentReference to its printed form) with its results.

    A report may come with structured results, with its printed `documents`, or both; one
    that has only documents is still a report the doctor must see, and is assessed as a whole.
    """

    key: RecordKey
    name: str
    codes: tuple[Coding, ...]
    status: str
    effective: datetime | None
    issued: datetime | None
    hospital: Hospital | None
    results: tuple[LabResult, ...] = field(default=())
    categories: tuple[Coding, ...] = ()
    documents: tuple[Document, ...] = ()
    #: The FHIR type the report came as: its audit entry names `resource_type/id`.
    resource_type: str = "DiagnosticReport"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def document_only(self) -> bool:
        """No structured values came, only the printed report."""
        return not self.results and bool(self.documents)

    @property
    def reference(self) -> str:
        """`DiagnosticReport/id` or `DocumentReference/id`: unique on its source, whatever the type."""
        return f"{self.resource_type}/{self.key.id}"
