"""FHIR lab results to domain records: DiagnosticReport with the Observations it references.

A report's results are read one by one: an Observation that cannot be read is counted in
`Skipped` and the report keeps the others; one referenced but not returned is counted as
missing, not as unreadable.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import Any

from app.domain.fhir_json import reference_id
from app.domain.models import Hospital, LabReport, LabResult, RecordKey, ReferenceRange
from app.platform.fhir.administration import hospitals_from_resources, performer_hospital
from app.platform.fhir.mapping import (
    MappingError,
    Skipped,
    expect_resource,
    read_codings,
    read_concept,
    read_datetime,
    read_object,
)


def result_from_fhir(res: dict, source: str, tz: tzinfo) -> LabResult:
    """One Observation as a result: its code, value (number, text or coded), range and flag."""
    expect_resource(res, "Observation")
    code = res.get("code")
    if not isinstance(code, dict):
        raise MappingError("no code")
    codes, name = read_concept(code)
    if not codes and not name:
        raise MappingError("code has neither codings nor text")
    value, value_text, unit = _value(res)
    interp = res.get("interpretation") or []
    flag = ""
    if interp and isinstance(interp[0], dict):
        flag = next((c.code for c in read_codings(interp[0])), "")
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
    expect_resource(res, "DiagnosticReport")
    codes, name = read_concept(read_object(res, "code"))
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
    hospital = performer_hospital(res, hospitals, source)
    categories = tuple(c for cat in res.get("category") or [] if isinstance(cat, dict) for c in read_codings(cat))
    issued = res.get("issued")
    return LabReport(
        key=RecordKey(source, res["id"]),
        name=name,
        codes=codes,
        status=str(res.get("status", "unknown")),
        effective=_effective(res, tz),
        issued=read_datetime(issued, "issued", tz) if issued else None,
        hospital=hospital,
        results=tuple(results),
        categories=categories,
    )


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


def _value(res: dict) -> tuple[float | None, str, str]:
    """(number, text, unit): a plain number as the number; one with a comparator ("<0.5"), a string or a
    coded value as text."""
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
        text = cc.get("text") or next((c.display or c.code for c in read_codings(cc)), "")
        return None, str(text), ""
    if "valueInteger" in res:
        return float(res["valueInteger"]), "", ""
    if res.get("dataAbsentReason"):
        return None, "", ""
    return None, "", ""


def _reference_range(raw: Any) -> ReferenceRange | None:
    """The first of the reference ranges, its bounds when they are numbers."""
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
    """When it was taken: effectiveDateTime, else the start of effectivePeriod."""
    if res.get("effectiveDateTime"):
        return read_datetime(res["effectiveDateTime"], "effectiveDateTime", tz)
    period = res.get("effectivePeriod")
    if isinstance(period, dict) and period.get("start"):
        return read_datetime(period["start"], "effectivePeriod.start", tz)
    return None
