"""An audit record as the FHIR R4 AuditEvent the platform receives.

The AuditEvent follows IHE Basic Audit Log Patterns (BALP): PatientQuery as a RESTful
search-type, PatientRead and report/study reads as reads, decisions as creates, sign-in and
sign-out as DICOM User Authentication. It carries the entry's place in the local chain
(`ChainLink`), so the platform holds a copy of every anchor the workstation wrote and entries
cut off the end of the local trail show against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.audit import AuditAction, AuditRecord
from app.domain.fhir_profile import EXT

_REST = {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest",
         "display": "Restful Operation"}
_DCM = "http://dicom.nema.org/resources/ontology/DCM"
_INTERACTION = "http://hl7.org/fhir/restful-interaction"

#: action -> (type, subtype, FHIR AuditEvent.action)
_SHAPES: dict[AuditAction, tuple[dict[str, str], dict[str, str], str]] = {
    AuditAction.PATIENT_QUERY: (_REST, {"system": _INTERACTION, "code": "search-type"}, "E"),
    AuditAction.PATIENT_READ: (_REST, {"system": _INTERACTION, "code": "read"}, "R"),
    AuditAction.REPORT_READ: (_REST, {"system": _INTERACTION, "code": "read"}, "R"),
    AuditAction.STUDY_READ: (_REST, {"system": _INTERACTION, "code": "read"}, "R"),
    AuditAction.ORDER_DECISION: (_REST, {"system": _INTERACTION, "code": "create"}, "C"),
    AuditAction.CONSENT: (_REST, {"system": _INTERACTION, "code": "create"}, "C"),
    # the revocation is a new record; the recognition it names is left as it was
    AuditAction.RECOGNITION_REVOKED: (_REST, {"system": _INTERACTION, "code": "create"}, "C"),
    # the reminder shows records the doctor may open: an execute of the application's own check
    AuditAction.REMINDER_SHOWN: (_REST, {"system": "https://fhir.huren.cn/CodeSystem/audit-subtype",
                                         "code": "reminder-shown"}, "E"),
    AuditAction.SIGN_IN: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                          {"system": _DCM, "code": "110122", "display": "Login"}, "E"),
    AuditAction.SIGN_OUT: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                           {"system": _DCM, "code": "110123", "display": "Logout"}, "E"),
    AuditAction.LOCK: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                       {"system": "https://fhir.huren.cn/CodeSystem/audit-subtype", "code": "lock"}, "E"),
    AuditAction.UNLOCK: ({"system": _DCM, "code": "110114", "display": "User Authentication"},
                         {"system": "https://fhir.huren.cn/CodeSystem/audit-subtype", "code": "unlock"}, "E"),
}


def subtype_of(action: AuditAction) -> str:
    """The `subtype` token (system|code) an action's AuditEvent carries: what a search names it by."""
    subtype = _SHAPES[action][1]
    return f"{subtype['system']}|{subtype['code']}"


#: Reminders shown, as a search names them.
REMINDER_SUBTYPE = subtype_of(AuditAction.REMINDER_SHOWN)


@dataclass(frozen=True)
class ChainLink:
    """Where an appended entry sits in the chain: what the platform keeps as its copy of the anchor."""

    seq: int
    hash: str
    keyed: bool


def audit_event(record: AuditRecord, application: str = "Huren", link: ChainLink | None = None) -> dict[str, Any]:
    """The record as a FHIR R4 AuditEvent (IHE BALP shapes), with the record's id.

    `link`: the entry's place in the local chain (number, digest, keyed), sent along so that
    the platform holds a copy of every anchor the workstation wrote.
    """
    kind, subtype, action = _SHAPES[record.action]
    agent = [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                                   "code": "humanuser"}]},
              "who": {"reference": f"Practitioner/{record.user_id}"} if record.user_id else {"display": "unknown"},
              "requestor": True},
             {"type": {"coding": [{"system": _DCM, "code": "110150", "display": "Application"}]},
              "who": {"display": application}, "requestor": False}]
    entity: list[dict[str, Any]] = []
    if record.patient:
        source, _, pid = record.patient.partition(":")
        entity.append({"what": {"reference": f"Patient/{pid}"},
                       "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1"},
                       "role": {"system": "http://terminology.hl7.org/CodeSystem/object-role", "code": "1"}})
    if record.entity:
        entity.append({"what": {"reference": record.entity} if "/" in record.entity else {"display": record.entity},
                       "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2"}})
    if record.detail:
        entity.append({"type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "2"},
                       "description": record.detail})
    extension: list[dict[str, Any]] = [{"url": EXT + "audit-action", "valueCode": record.action.value}]
    if link is not None:
        extension.append({"url": EXT + "audit-chain", "extension": [
            {"url": "seq", "valueInteger": link.seq}, {"url": "hash", "valueString": link.hash},
            {"url": "keyed", "valueBoolean": link.keyed}]})
    return {
        "resourceType": "AuditEvent",
        "id": record.id,
        "type": kind,
        "subtype": [subtype],
        "action": action,
        "recorded": record.when.isoformat(),
        "outcome": record.outcome,
        "agent": agent,
        "source": {"observer": {"reference": f"Organization/{record.organization_id}"} if record.organization_id
                   else {"display": application}},
        "entity": entity,
        "extension": extension,
    }


def audit_transaction(record: AuditRecord, link: ChainLink | None = None) -> dict[str, Any]:
    """PUT under the client-made id: sending it twice leaves one AuditEvent."""
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [{"resource": audit_event(record, link=link),
                       "request": {"method": "PUT", "url": f"AuditEvent/{record.id}"}}]}
