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
class LabReport:
    """A lab report (a FHIR DiagnosticReport) with its results."""

    key: RecordKey
    name: str
    codes: tuple[Coding, ...]
    status: str
    effective: datetime | None
    issued: datetime | None
    hospital: Hospital | None
    results: tuple[LabResult, ...] = field(default=())
    categories: tuple[Coding, ...] = ()

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES
