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
#: Huren's own role codes, for the roles HL7's list does not have (department head, supervisor,
#: administrator).
STAFF_ROLE_SYSTEM = "https://fhir.huren.cn/CodeSystem/staff-role"


class Role(Enum):
    """A PractitionerRole's code. The order is the order the User box lists them in."""

    PHYSICIAN = "doctor"
    NURSE = "nurse"
    DEPARTMENT_HEAD = "department-head"   # 科主任: reads the department's recognition figures
    SUPERVISOR = "supervisor"             # the hospital's or the platform's recognition supervision
    ADMIN = "admin"                       # the site's IT administrator (信息科): reads the audit trail

    @property
    def system(self) -> str:
        """The code system the role's code belongs to."""
        return ROLE_SYSTEM if self in (Role.PHYSICIAN, Role.NURSE) else STAFF_ROLE_SYSTEM


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

    @property
    def is_department_head(self) -> bool:
        return self.role is Role.DEPARTMENT_HEAD

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR

    @property
    def reads_recognition_figures(self) -> bool:
        """Department heads and supervisors read what mutual recognition does (the dashboard)."""
        return self.role in (Role.DEPARTMENT_HEAD, Role.SUPERVISOR)

    @property
    def reads_audit_trail(self) -> bool:
        """Only the site's administrator reads who looked at whom (the audit view)."""
        return self.role is Role.ADMIN

    @property
    def reads_patient_records(self) -> bool:
        """Clinical staff and their heads and supervisors; the site's administrators keep to the audit trail."""
        return self.role is not Role.ADMIN
