"""Who an order is for, as a nurse and a printed page identify them: never by name alone.

Patient-identification practice asks for two identifiers wherever someone acts on a patient
or a paper names one: 张伟 is among the commonest names in China, so a worklist line or a
consent form that says only the name may be signed by the wrong 张伟. An order therefore
carries a snapshot of its patient's identity, taken when the physician prepares it (name,
sex, date of birth, the masked resident ID, the ordering hospital's record number and, when
the HIS gave one, the outpatient number), and a short order number people can read, type
and scan.

The snapshot travels with the order to other workstations (published on the platform), so
it keeps the masked resident ID only: the full number is never stored with an order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.identity import MRN_SYSTEM_PREFIX
from app.domain.models import Patient

#: Crockford's base 32: no I, L, O or U, so a number read aloud or typed from paper is not misread.
ORDER_NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: Characters derived from the order id: 30 bits, so two of a day's orders share a number with odds
#: of about n²/2³¹ (one in four thousand for 3 000 orders a day); the QR code and the full id decide.
ORDER_NUMBER_CHARS = 6

#: Something that is a whole resident ID (18 characters, none hidden): never kept in a snapshot.
_WHOLE_RESIDENT_ID = re.compile(r"^\d{17}[\dXx]$")


def order_number(order_id: str, day: date) -> str:
    """The short number printed and shown for an order: its day and six characters of its id's hash.

    Deterministic, so every workstation that holds the order shows the same number without
    one being stored: `20261120-7D3F2A`.
    """
    bits = int.from_bytes(hashlib.sha256(order_id.encode("utf-8")).digest()[:4], "big") >> 2
    chars = "".join(ORDER_NUMBER_ALPHABET[(bits >> shift) & 31]
                    for shift in range(5 * (ORDER_NUMBER_CHARS - 1), -1, -5))
    return f"{day:%Y%m%d}-{chars}"


@dataclass(frozen=True)
class PatientIdentity:
    """The patient of an order as people identify them, taken from the platform's record."""

    name: str
    sex: str                        # FHIR administrative gender: male, female, other, unknown ("" not known)
    birth_date: date | None
    masked_resident_id: str = ""    # as the screen shows it; the whole number is never kept here
    record_number: str = ""         # the ordering hospital's medical record number (病案号), if it has one
    outpatient_number: str = ""     # the HIS's outpatient number (门诊号), when the HIS gave one

    def __post_init__(self) -> None:
        if _WHOLE_RESIDENT_ID.match(self.masked_resident_id.strip()):
            raise ValueError("an order keeps the masked resident ID only, never the whole number")

    def age_on(self, day: date) -> int | None:
        """Age in whole years on `day` (what a clinician writes as 58岁)."""
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def second_identifiers(self) -> tuple[str, ...]:
        """What identifies the patient besides the name: what a nurse checks against the ID card or wristband."""
        return tuple(x for x in (self.birth_date.isoformat() if self.birth_date else "", self.masked_resident_id,
                                 self.record_number, self.outpatient_number) if x)

    def to_dict(self) -> dict[str, str]:
        """JSON-ready, for the order as it is stored and published."""
        return {"name": self.name, "sex": self.sex,
                "birth_date": self.birth_date.isoformat() if self.birth_date else "",
                "masked_resident_id": self.masked_resident_id, "record_number": self.record_number,
                "outpatient_number": self.outpatient_number}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PatientIdentity:
        """Back from `to_dict`; raises ValueError for something that is not one."""
        if not isinstance(data, Mapping) or not isinstance(data.get("name"), str):
            raise ValueError("a patient identity is an object with a name")
        born = data.get("birth_date") or ""
        return cls(name=data["name"], sex=str(data.get("sex") or ""),
                   birth_date=date.fromisoformat(str(born)) if born else None,
                   masked_resident_id=str(data.get("masked_resident_id") or ""),
                   record_number=str(data.get("record_number") or ""),
                   outpatient_number=str(data.get("outpatient_number") or ""))


def identity_of(records: Sequence[Patient], organization_id: str, outpatient_number: str = "") -> PatientIdentity:
    """The identity of one person found as `records` (the first record first), for an order of `organization_id`.

    Each element is the first record's that has it, so a platform that leaves a birth date out
    does not blank it on the form when another source gave it; the record number is the one the
    ordering hospital assigned.
    """
    if not records:
        raise ValueError("an identity needs at least one record of the patient")
    mrn_system = MRN_SYSTEM_PREFIX + organization_id

    def first(values: Sequence[str | None]) -> str:
        return next((v for v in values if v), "")

    gender = first([r.gender for r in records if r.gender != "unknown"]) or records[0].gender
    return PatientIdentity(
        name=records[0].name,
        sex=gender,
        birth_date=next((r.birth_date for r in records if r.birth_date is not None), None),
        masked_resident_id=first([r.masked_resident_id for r in records]),
        record_number=first([r.identifier(mrn_system) for r in records]),
        outpatient_number=outpatient_number.strip())
