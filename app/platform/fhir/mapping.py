"""FHIR R4 JSON to domain records.

Every hospital's system writes FHIR a little differently, and some write it wrong. A
resource that cannot be read raises `MappingError` naming what is missing; the callers skip
it and count it, so one bad Observation never hides a patient's other results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from app.domain.fhir_json import cut_text, reference_id
from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.imaging import (
    DICOM_UID_SYSTEM,
    SNOMED_SYSTEM,
    ImagingSeries,
    ImagingStudy,
    body_part_from_snomed,
    imaging_item_coding,
    uid_from_identifier,
)
from app.domain.models import Coding, Hospital, Identifier, LabReport, LabResult, Patient, RecordKey, ReferenceRange
from app.domain.staff import Role, StaffMember

#: Longest person name shown; the longest real names (transliterated, with titles) stay far below it.
MAX_NAME = 100


class MappingError(ValueError):
    pass


@dataclass
class Skipped:
    """Resources a mapping could not read, kept to tell the user how many and why."""

    problems: list[str] = field(default_factory=list)
    #: Records referenced but not at hand: counted by whoever fetched them (fhir.search.Gaps), not as unreadable.
    missing: list[str] = field(default_factory=list)

    def add(self, resource: Any, error: Exception) -> None:
        kind = resource.get("resourceType", "?") if isinstance(resource, dict) else "?"
        rid = resource.get("id", "?") if isinstance(resource, dict) else "?"
        self.problems.append(f"{kind}/{rid}: {error}")

    def __len__(self) -> int:
        return len(self.problems)


def bundle_resources(bundle: dict) -> Iterable[dict]:
    for entry in bundle.get("entry", []) or []:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict):
            yield resource


def patient_from_fhir(res: dict, source: str) -> Patient:
    _expect(res, "Patient")
    names = res.get("name") or []
    name = _human_name(names[0]) if names and isinstance(names[0], dict) else ""
    birth = res.get("birthDate")
    return Patient(
        key=RecordKey(source, res["id"]),
        name=name,
        gender=str(res.get("gender", "unknown")),
        birth_date=_date(birth, "birthDate") if birth else None,
        identifiers=tuple(_identifiers(res.get("identifier"))),
    )


def hospital_from_fhir(res: dict, source: str) -> Hospital:
    _expect(res, "Organization")
    idents = list(_identifiers(res.get("identifier")))
    ident = next((i for i in idents if i.system == ORGANIZATION_SYSTEM), idents[0] if idents else None)
    return Hospital(RecordKey(source, res["id"]), str(res.get("name") or res["id"]), ident)


def result_from_fhir(res: dict, source: str, tz: tzinfo) -> LabResult:
    _expect(res, "Observation")
    code = res.get("code")
    if not isinstance(code, dict):
        raise MappingError("no code")
    codes, name = _concept(code)
    if not codes and not name:
        raise MappingError("code has neither codings nor text")
    value, value_text, unit = _value(res)
    interp = res.get("interpretation") or []
    flag = ""
    if interp and isinstance(interp[0], dict):
        flag = next((c.code for c in _codings(interp[0])), "")
    return LabResult(
        key=RecordKey(source, res["id"]),
        name=name,
        codes=codes,
        status=str(res.get("status", "unknown")),
        effective=_effective(res, tz),
        value=value,
        value_text=value_text,
        unit=unit,
        reference_range=_reference_range(res.get("referenceRange")),
        flag=flag,
    )


def report_from_fhir(res: dict, source: str, tz: tzinfo, observations: dict[str, dict],
                     hospitals: dict[str, Hospital], skipped: Skipped) -> LabReport:
    """A report with its results; `observations` and `hospitals` are what the bundle included."""
    _expect(res, "DiagnosticReport")
    codes, name = _concept(res.get("code") if isinstance(res.get("code"), dict) else {})
    name = name or "?"
    results = []
    for ref in res.get("result") or []:
        target = reference_id(ref, "Observation")
        obs = observations.get(target) if target else None
        if obs is None:
            skipped.missing.append(
                f"Observation/{target or '?'}: referenced by a report but not returned by the source")
            continue
        try:
            results.append(result_from_fhir(obs, source, tz))
        except MappingError as e:
            skipped.add(obs, e)
    hospital = _performer(res, hospitals, source)
    categories = tuple(c for cat in res.get("category") or [] if isinstance(cat, dict) for c in _codings(cat))
    issued = res.get("issued")
    return LabReport(
        key=RecordKey(source, res["id"]),
        name=name,
        codes=codes,
        status=str(res.get("status", "unknown")),
        effective=_effective(res, tz),
        issued=_datetime(issued, "issued", tz) if issued else None,
        hospital=hospital,
        results=tuple(results),
        categories=categories,
    )


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


def reports_from_resources(resources: Iterable[dict], source: str, tz: tzinfo) -> tuple[list[LabReport], Skipped]:
    """Reports with the Observations and Organizations they reference (included or fetched)."""
    reports: list[dict] = []
    observations: dict[str, dict] = {}
    organizations: list[dict] = []
    skipped = Skipped()
    for res in resources:
        kind, rid = res.get("resourceType"), res.get("id")
        if not isinstance(rid, str) or not rid:
            skipped.add(res, MappingError("no id"))
            continue
        if kind == "DiagnosticReport":
            reports.append(res)
        elif kind == "Observation":
            observations[rid] = res
        elif kind == "Organization":
            organizations.append(res)
    hospitals = hospitals_from_resources(organizations, source, skipped)
    out = []
    for res in reports:
        try:
            out.append(report_from_fhir(res, source, tz, observations, hospitals, skipped))
        except MappingError as e:
            skipped.add(res, e)
    return out, skipped


# --- pieces -----------------------------------------------------------------------------

def _expect(res: Any, kind: str) -> None:
    if not isinstance(res, dict) or res.get("resourceType") != kind:
        raise MappingError(f"not a {kind}")
    if not isinstance(res.get("id"), str) or not res["id"]:
        raise MappingError("no id")


def _human_name(name: dict) -> str:
    """The name as shown: at most MAX_NAME characters (the client already cut any string to MAX_TEXT)."""
    return cut_text(_whole_name(name), MAX_NAME)


def _whole_name(name: dict) -> str:
    if name.get("text"):
        return str(name["text"])
    family = str(name.get("family") or "")
    given = "".join(str(g) for g in name.get("given") or [])
    # Chinese names are written family first with no space; others given-first with one.
    if _is_cjk(family + given):
        return family + given
    return " ".join(p for p in (" ".join(str(g) for g in name.get("given") or []), family) if p)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _identifiers(raw: Any) -> Iterable[Identifier]:
    for i in raw or []:
        if isinstance(i, dict) and i.get("value"):
            yield Identifier(str(i.get("system", "")), str(i["value"]))


def _concept(concept: dict) -> tuple[tuple[Coding, ...], str]:
    """A CodeableConcept's codings and the name to show: its text, else the first display."""
    codes = tuple(_codings(concept))
    return codes, str(concept.get("text") or next((c.display for c in codes if c.display), ""))


def _codings(concept: dict) -> Iterable[Coding]:
    for c in concept.get("coding") or []:
        if isinstance(c, dict) and c.get("code"):
            yield Coding(str(c.get("system", "")), str(c["code"]), str(c.get("display", "")))


def _value(res: dict) -> tuple[float | None, str, str]:
    if "valueQuantity" in res:
        q = res["valueQuantity"]
        if not isinstance(q, dict) or not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
            raise MappingError("valueQuantity has no numeric value")
        comparator = q.get("comparator", "")
        unit = str(q.get("unit") or q.get("code") or "")
        if comparator:
            return None, f"{comparator}{q['value']:g}", unit
        return float(q["value"]), "", unit
    if "valueString" in res:
        return None, str(res["valueString"]), ""
    if "valueCodeableConcept" in res:
        cc = res["valueCodeableConcept"] or {}
        text = cc.get("text") or next((c.display or c.code for c in _codings(cc)), "")
        return None, str(text), ""
    if "valueInteger" in res:
        return float(res["valueInteger"]), "", ""
    if res.get("dataAbsentReason"):
        return None, "", ""
    return None, "", ""


def _reference_range(raw: Any) -> ReferenceRange | None:
    if not raw or not isinstance(raw, list) or not isinstance(raw[0], dict):
        return None
    r = raw[0]
    low = (r.get("low") or {}).get("value")
    high = (r.get("high") or {}).get("value")
    return ReferenceRange(
        float(low) if isinstance(low, (int, float)) else None,
        float(high) if isinstance(high, (int, float)) else None,
        str(r.get("text") or ""),
    )


def _effective(res: dict, tz: tzinfo) -> datetime | None:
    if res.get("effectiveDateTime"):
        return _datetime(res["effectiveDateTime"], "effectiveDateTime", tz)
    period = res.get("effectivePeriod")
    if isinstance(period, dict) and period.get("start"):
        return _datetime(period["start"], "effectivePeriod.start", tz)
    return None


def _datetime(raw: Any, what: str, tz: tzinfo) -> datetime:
    """A FHIR dateTime; partial dates (2024, 2024-05) and times without zone take the site's zone."""
    if not isinstance(raw, str):
        raise MappingError(f"{what} is not a date-time")
    text = raw.strip()
    try:
        if len(text) == 4:
            return datetime(int(text), 1, 1, tzinfo=tz)
        if len(text) == 7:
            return datetime(int(text[:4]), int(text[5:7]), 1, tzinfo=tz)
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time(), tz)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise MappingError(f"{what} {raw!r} is not a FHIR date-time") from None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def _date(raw: Any, what: str) -> date:
    try:
        text = str(raw)
        if len(text) == 4:
            return date(int(text), 1, 1)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 1)
        return date.fromisoformat(text[:10])
    except ValueError:
        raise MappingError(f"{what} {raw!r} is not a date") from None


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
    pid = reference_id(role.get("practitioner"), "Practitioner")
    oid = reference_id(role.get("organization"), "Organization")
    if not pid or not oid:
        raise MappingError("no practitioner or organization")
    codings = [c for concept in role.get("code") or [] if isinstance(concept, dict) for c in _codings(concept)]
    # A role with several codes takes the first in Role's order: clinical roles first. A coding
    # without a system is taken by its code alone.
    kind = next((r for r in Role if any(c.code == r.value and c.system in ("", r.system) for c in codings)), None)
    if kind is None:
        raise MappingError("not a role Huren knows (doctor, nurse, department head, supervisor, administrator)")
    person = people.get(pid, {})
    names = person.get("name") or []
    name = _human_name(names[0]) if names and isinstance(names[0], dict) else \
        str((role.get("practitioner") or {}).get("display") or pid)
    numbers = list(_identifiers(person.get("identifier")))
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


# --- imaging ----------------------------------------------------------------------------

def studies_from_resources(study_resources: Iterable[dict], report_resources: Iterable[dict], source: str,
                           fhir_base: str, tz: tzinfo) -> tuple[list[ImagingStudy], Skipped]:
    """Studies (with their Endpoints), joined to their imaging reports (with their Organizations).

    The report (from a DiagnosticReport search of category RAD with its performers) is what
    makes a study a result: it carries the status, the conclusion and the issuing hospital.
    """
    skipped = Skipped()
    studies: list[dict] = []
    endpoints: dict[str, dict] = {}
    for res in study_resources:
        kind = res.get("resourceType")
        if kind == "ImagingStudy":
            studies.append(res)
        elif kind == "Endpoint" and isinstance(res.get("id"), str):
            endpoints[res["id"]] = res
    reports: dict[str, dict] = {}
    report_resources = list(report_resources)
    hospitals = hospitals_from_resources(report_resources, source, skipped)
    for res in report_resources:
        if res.get("resourceType") == "DiagnosticReport":
            for ref in res.get("imagingStudy") or []:
                target = reference_id(ref, "ImagingStudy")
                if target:
                    reports[target] = _newer_report(reports.get(target), res)
    out = []
    for res in studies:
        try:
            out.append(study_from_fhir(res, source, fhir_base, tz, endpoints, reports.get(res.get("id")),
                                       hospitals))
        except MappingError as e:
            skipped.add(res, e)
    return out, skipped


def study_from_fhir(res: dict, source: str, fhir_base: str, tz: tzinfo, endpoints: dict[str, dict],
                    report: dict | None, hospitals: dict[str, Hospital]) -> ImagingStudy:
    from app.platform.dicomweb import resolve_endpoint

    _expect(res, "ImagingStudy")
    uid = next((uid_from_identifier(i.value) for i in _identifiers(res.get("identifier"))
                if i.system == DICOM_UID_SYSTEM), "")
    if not uid:
        raise MappingError("no Study Instance UID (identifier urn:dicom:uid)")
    series = tuple(_series(s) for s in res.get("series") or [] if isinstance(s, dict) and s.get("uid"))
    modalities = tuple(dict.fromkeys(
        [c.code for m in res.get("modality") or [] if isinstance(m, dict) for c in [_coding(m)] if c]
        + [s.modality for s in series if s.modality]))
    codes = [c for p in res.get("procedureCode") or [] if isinstance(p, dict) for c in _codings(p)]
    codes += [imaging_item_coding(s.modality, s.body_part) for s in series if s.modality and s.body_part]
    description = str(res.get("description") or "")
    if not description:
        description = next((str(p.get("text")) for p in res.get("procedureCode") or []
                            if isinstance(p, dict) and p.get("text")), "")
    base = None
    for ref in res.get("endpoint") or []:
        endpoint = endpoints.get(reference_id(ref, "Endpoint") or "")
        if endpoint and endpoint.get("status", "active") == "active" and isinstance(endpoint.get("address"), str):
            try:
                base = resolve_endpoint(endpoint["address"], fhir_base)
            except ValueError:   # not a web address (e.g. dicom://): no images over DICOMweb
                continue
            break
    hospital = None
    report_fields: dict[str, Any] = {}
    if report is not None:
        hospital = _performer(report, hospitals, source)
        report_fields = dict(report_status=str(report.get("status") or "unknown"),
                             conclusion=str(report.get("conclusion") or ""),
                             findings=_findings_text(report),
                             report_key=RecordKey(source, str(report.get("id"))))
    if hospital is None:
        hospital = _series_performer(res, hospitals, source)
    started = res.get("started")
    return ImagingStudy(
        key=RecordKey(source, res["id"]),
        uid=uid,
        started=_datetime(started, "started", tz) if started else None,
        status=str(res.get("status") or "unknown"),
        modalities=modalities,
        description=description,
        series=series,
        instance_count=int(res.get("numberOfInstances") or sum(s.instance_count for s in series)),
        dicomweb_base=base,
        hospital=hospital,
        codes=tuple(dict.fromkeys(codes)),
        **report_fields,
    )


def _series(raw: dict) -> ImagingSeries:
    modality = _coding(raw.get("modality"))
    site = _coding(raw.get("bodySite"))
    body_part = ""
    if site is not None:
        body_part = body_part_from_snomed(site.code) or (site.code.upper() if site.system != SNOMED_SYSTEM else "")
    number = raw.get("number")
    count = raw.get("numberOfInstances")
    return ImagingSeries(
        uid=str(raw["uid"]),
        number=number if isinstance(number, int) else None,
        modality=modality.code if modality else "",
        description=str(raw.get("description") or ""),
        body_part=body_part,
        instance_count=count if isinstance(count, int) else len(raw.get("instance") or []),
    )


def _coding(raw: Any) -> Coding | None:
    """A bare Coding (ImagingStudy.modality, series.bodySite), or the first of a CodeableConcept."""
    if not isinstance(raw, dict):
        return None
    if raw.get("code"):
        return Coding(str(raw.get("system", "")), str(raw["code"]), str(raw.get("display", "")))
    return next(iter(_codings(raw)), None)


def _performer(report: dict, hospitals: dict[str, Hospital], source: str) -> Hospital | None:
    performers = report.get("performer") or []
    for p in performers:
        target = reference_id(p, "Organization")
        if target and target in hospitals:
            return hospitals[target]
    if performers and isinstance(performers[0], dict) and performers[0].get("display"):
        return Hospital(RecordKey(source, "?"), performers[0]["display"], None)
    return None


def _series_performer(study: dict, hospitals: dict[str, Hospital], source: str) -> Hospital | None:
    for s in study.get("series") or []:
        if isinstance(s, dict):
            found = _performer({"performer": [p.get("actor") for p in s.get("performer") or []
                                              if isinstance(p, dict)]}, hospitals, source)
            if found:
                return found
    return None


def _newer_report(old: dict | None, new: dict) -> dict:
    """An amended report replaces the earlier one of the same study."""
    if old is None:
        return new
    return new if str(new.get("issued") or "") >= str(old.get("issued") or "") else old


def _findings_text(report: dict) -> str:
    """The findings (检查所见) a report carries as a plain-text presentedForm."""
    import base64
    import binascii

    for form in report.get("presentedForm") or []:
        if not isinstance(form, dict) or not str(form.get("contentType", "")).startswith("text/plain"):
            continue
        try:
            return base64.b64decode(str(form.get("data") or ""), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            continue
    return ""
