"""Who is working: a practitioner in a role at a hospital.

Every order decision and every consent names the person who made or recorded it; the
platform's supervision reads these names. How the user is obtained (demo switch today,
sign-in later) is the identity service's business; this is only what a user is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

PRACTITIONER_SYSTEM = "https://fhir.huren.cn/sid/practitioner"
#: HL7's practitioner-role code system, whose codes "doctor" and "nurse" we use.
ROLE_SYSTEM = "http://terminology.hl7.org/CodeSystem/practitioner-role"


class Role(Enum):
    PHYSICIAN = "doctor"
    NURSE = "nurse"


@dataclass(frozen=True)
class StaffMember:
    practitioner_id: str       # the Practitioner's id on the platform
    name: str
    role: Role
    organization_id: str       # the Organization's id on the platform
    organization_name: str = ""
    department: str = ""
    staff_number: str = ""     # the hospital's own staff number (a Practitioner identifier)

    @property
    def is_physician(self) -> bool:
        return self.role is Role.PHYSICIAN

    @property
    def is_nurse(self) -> bool:
        return self.role is Role.NURSE
