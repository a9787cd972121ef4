"""FHIR's administration resources to domain records: Patient, Organization, PractitionerRole.

Who the records are about and who made them: a patient, the hospital that performed a
report or a study (`performer_hospital`, shared by the report and study mappings), and the
staff a hospital's directory lists.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.fhir_json import reference_id
from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.models import Hospital, Patient, RecordKey
from app.domain.staff import Role, StaffMember
from app.platform.fhir.mapping import (
    MappingError,
    Skipped,
    expect_resource,
    read_codings,
    read_date,
    read_human_name,
    read_identifiers,
)


def patient_from_fhir(res: dict, source: str) -> Patient:
    """The patient, with the first of its names as shown and the identifiers that have a value."""
    expect_resource(res, "Patient")
    names = res.get("name") or []
    name = read_human_name(names[0]) if names and isinstance(names[0], dict) else ""
    birth = res.get("birthDate")
    return Patient(
        key=RecordKey(source, res["id"]),
        name=name,
        gender=str(res.get("gender", "unknown")),
        birth_date=read_date(birth, "birthDate") if birth else None,
        identifiers=tuple(read_identifiers(res.get("identifier"))),
    )


def hospital_from_fhir(res: dict, source: str) -> Hospital:
    """The hospital, identified by its organization code when it has one, else by its first identifier."""
    expect_resource(res, "Organization")
    idents = list(read_identifiers(res.get("identifier")))
    ident = next((i for i in idents if i.system == ORGANIZATION_SYSTEM), idents[0] if idents else None)
    return Hospital(RecordKey(source, res["id"]), str(res.get("name") or res["id"]), ident)


def hospitals_from_resources(resources: Iterable[dict], source: str, skipped: Skipped) -> dict[str, Hospital]:
    """The Organizations among `resources`, by id, as hospitals; an unreadable one is counted."""
    hospitals = {}
    for res in resources:
        if res.get("resourceType") == "Organization" and isinstance(res.get("id"), str):
            try:
                hospitals[res["id"]] = hospital_from_fhir(res, source)
            except MappingError as e:
                skipped.add(res, e)
    return hospitals


def performer_hospital(report: dict, hospitals: dict[str, Hospital], source: str) -> Hospital | None:
    """The hospital a report names as performer: one of `hospitals`, else by the performer's display."""
    performers = report.get("performer") or []
    for p in performers:
        target = reference_id(p, "Organization")
        if target and target in hospitals:
            return hospitals[target]
    if performers and isinstance(performers[0], dict) and performers[0].get("display"):
        return Hospital(RecordKey(source, "?"), performers[0]["display"], None)
    return None


def staff_from_resources(resources: Iterable[dict], skipped: Skipped) -> list[StaffMember]:
    """Staff from PractitionerRoles with their Practitioners and Organizations (included or fetched)."""
    roles, people, orgs = [], {}, {}
    for res in resources:
        kind = res.get("resourceType")
        if kind == "PractitionerRole":
            roles.append(res)
        elif kind == "Practitioner" and isinstance(res.get("id"), str):
            people[res["id"]] = res
        elif kind == "Organization" and isinstance(res.get("id"), str):
            orgs[res["id"]] = res
    out = []
    for role in roles:
        try:
            out.append(_staff_member(role, people, orgs))
        except MappingError as e:
            skipped.add(role, e)
    return out


def _staff_member(role: dict, people: dict[str, dict], orgs: dict[str, dict]) -> StaffMember:
    """One PractitionerRole as a staff member; a MappingError for a role Huren does not know."""
    pid = reference_id(role.get("practitioner"), "Practitioner")
    oid = reference_id(role.get("organization"), "Organization")
    if not pid or not oid:
        raise MappingError("no practitioner or organization")
    codings = [c for concept in role.get("code") or [] if isinstance(concept, dict) for c in read_codings(concept)]
    # A role with several codes takes the first in Role's order: clinical roles first. A coding
    # without a system is taken by its code alone.
    kind = next((r for r in Role if any(c.code == r.value and c.system in ("", r.system) for c in codings)), None)
    if kind is None:
        raise MappingError("not a role Huren knows (doctor, nurse, department head, supervisor, administrator)")
    person = people.get(pid, {})
    names = person.get("name") or []
    name = read_human_name(names[0]) if names and isinstance(names[0], dict) else \
        str((role.get("practitioner") or {}).get("display") or pid)
    numbers = list(read_identifiers(person.get("identifier")))
    specialty = (role.get("specialty") or [{}])[0]
    return StaffMember(
        practitioner_id=pid,
        name=name,
        role=kind,
        organization_id=oid,
        organization_name=str(orgs.get(oid, {}).get("name") or ""),
        department=str(specialty.get("text") or "") if isinstance(specialty, dict) else "",
        staff_number=numbers[0].value if numbers else "",
    )
