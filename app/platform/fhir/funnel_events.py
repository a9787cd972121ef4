"""The workstation's own AuditEvents read back for the recognition funnel: reminders shown, records opened.

The workstation sends every audit record to the platform as an AuditEvent (app/platform/
audit_event.py); the dashboard reads back two kinds, by R4 AuditEvent search parameters only
(`subtype`, `date`): the reminders shown on chart open (subtype `reminder-shown`, the detail
naming each item, the record one click opens and its issuer) and the reads (subtype `read`: a
lab report, a document or an imaging study opened). An AuditEvent some other system wrote is
left alone: only those carrying Huren's `audit-action` extension count, so the funnel is never
mixed with a platform's own access log. A record that cannot be read raises MappingError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, tzinfo
from typing import Any

from app.domain.audit import AuditAction
from app.domain.audit_event import REMINDER_SUBTYPE, subtype_of
from app.domain.catalogue import CatalogueItem
from app.domain.fhir_json import reference_id
from app.domain.fhir_profile import EXT
from app.domain.recognition_funnel import Doctor, PriorOpened, ReminderShown, reminded_items
from app.platform.fhir.decisions import days_around
from app.platform.fhir.mapping import MappingError, read_datetime

#: The records a read names that can be a prior result (a patient's own chart read is not).
_PRIOR_TYPES = ("DiagnosticReport/", "DocumentReference/", "ImagingStudy/")
def reminder_search(start: date, end: date, count: int = 200) -> list[tuple[str, str]]:
    """`AuditEvent?subtype={huren audit-subtype}|reminder-shown&date=ge…&date=lt…`."""
    return [("subtype", REMINDER_SUBTYPE), *days_around("date", start, end), ("_count", str(count))]


def reads_search(start: date, end: date, count: int = 200) -> list[tuple[str, str]]:
    """`AuditEvent?subtype=http://hl7.org/fhir/restful-interaction|read&date=ge…&date=lt…`."""
    return [("subtype", subtype_of(AuditAction.REPORT_READ)), *days_around("date", start, end), ("_count", str(count))]


def _action(res: dict[str, Any]) -> AuditAction | None:
    """Huren's own action code (None: an AuditEvent another system wrote)."""
    for ext in res.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT + "audit-action":
            try:
                return AuditAction(ext.get("valueCode"))
            except ValueError:
                return None
    return None


def requestor_id(res: dict[str, Any]) -> str | None:
    """The Practitioner who asked (the requesting agent), None when none is named."""
    for agent in res.get("agent") or []:
        if isinstance(agent, dict) and agent.get("requestor") is True:
            pid = reference_id(agent.get("who"), "Practitioner")
            if pid:
                return pid
    return None


def _entities(res: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in res.get("entity") or [] if isinstance(e, dict)]


def _common(res: dict[str, Any], tz: tzinfo) -> tuple[str, Any, str, str] | None:
    """(id, when, practitioner, patient); None for a record of no visit (no one signed in, as
    `order-check` without a user records; or no patient named): not part of the funnel, not missing from it."""
    if res.get("resourceType") != "AuditEvent":
        raise MappingError("not an AuditEvent")
    record = str(res.get("id") or "")
    if not record:
        raise MappingError("no id")
    when = read_datetime(res.get("recorded"), "recorded", tz).astimezone(tz)
    who = requestor_id(res)
    patient = next((pid for e in _entities(res) if (pid := reference_id(e.get("what"), "Patient"))), None)
    if who is None or patient is None:
        return None
    return record, when, who, patient


def is_reminder(res: dict[str, Any]) -> bool:
    return _action(res) is AuditAction.REMINDER_SHOWN


def is_prior_read(res: dict[str, Any]) -> bool:
    return _action(res) in (AuditAction.REPORT_READ, AuditAction.STUDY_READ)


def reminder_from_fhir(res: dict[str, Any], tz: tzinfo, items: Mapping[str, CatalogueItem],
                       staff: Mapping[str, Doctor]) -> ReminderShown | None:
    """A reminder shown (None: one shown to nobody signed in, or about no patient)."""
    common = _common(res, tz)
    if common is None:
        return None
    record, when, who, patient = common
    detail = next((str(e["description"]) for e in _entities(res) if isinstance(e.get("description"), str)), "")
    shown = reminded_items(detail)
    if not shown:
        raise MappingError("the reminder names no item")
    named = tuple(replace(i, item_name=items[i.item_code].name_zh) if i.item_code in items and not i.item_name
                  else i for i in shown)
    return ReminderShown(record, when, staff.get(who) or Doctor(who), patient, named)


def opened_from_fhir(res: dict[str, Any], tz: tzinfo) -> PriorOpened | None:
    """A report or study opened (None for a read of anything else, e.g. the patient's chart, or of no visit)."""
    common = _common(res, tz)
    if common is None:
        return None
    record, when, who, patient = common
    for e in _entities(res):
        what = e.get("what")
        ref = what.get("reference") if isinstance(what, dict) else None
        if isinstance(ref, str) and ref.startswith(_PRIOR_TYPES):
            return PriorOpened(record, when, who, patient, ref)
    return None
