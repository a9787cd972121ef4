"""FHIR imaging to domain records: ImagingStudy with its Endpoints and its imaging report.

A study becomes a result through its report (status, conclusion, findings, the issuing
hospital); where its images are comes from the Endpoint it names, as a DICOMweb base.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo
from typing import Any

from app.domain.fhir_json import reference_id
from app.domain.imaging import (
    DICOM_UID_SYSTEM,
    SNOMED_SYSTEM,
    ImagingSeries,
    ImagingStudy,
    body_part_from_snomed,
    imaging_item_coding,
    uid_from_identifier,
)
from app.domain.models import Hospital, RecordKey
from app.platform.fhir.administration import hospitals_from_resources, performer_hospital
from app.platform.fhir.mapping import (
    MappingError,
    Skipped,
    expect_resource,
    read_coding,
    read_codings,
    read_datetime,
    read_identifiers,
)


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
            study_id = res.get("id")
            report = reports.get(study_id) if isinstance(study_id, str) else None
            out.append(study_from_fhir(res, source, fhir_base, tz, endpoints, report, hospitals))
        except MappingError as e:
            skipped.add(res, e)
    return out, skipped


def study_from_fhir(res: dict, source: str, fhir_base: str, tz: tzinfo, endpoints: dict[str, dict],
                    report: dict | None, hospitals: dict[str, Hospital]) -> ImagingStudy:
    """One ImagingStudy, with the DICOMweb base of its first usable Endpoint and its report's fields."""
    from app.platform.dicomweb.endpoint import resolve_endpoint

    expect_resource(res, "ImagingStudy")
    uid = next((uid_from_identifier(i.value) for i in read_identifiers(res.get("identifier"))
                if i.system == DICOM_UID_SYSTEM), "")
    if not uid:
        raise MappingError("no Study Instance UID (identifier urn:dicom:uid)")
    series = tuple(_series(s) for s in res.get("series") or [] if isinstance(s, dict) and s.get("uid"))
    modalities = tuple(dict.fromkeys(
        [c.code for m in res.get("modality") or [] if isinstance(m, dict) for c in [read_coding(m)] if c]
        + [s.modality for s in series if s.modality]))
    codes = [c for p in res.get("procedureCode") or [] if isinstance(p, dict) for c in read_codings(p)]
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
        hospital = performer_hospital(report, hospitals, source)
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
        started=read_datetime(started, "started", tz) if started else None,
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
    """One series as the study lists it; its body part from a SNOMED body site, or a site coded otherwise."""
    modality = read_coding(raw.get("modality"))
    site = read_coding(raw.get("bodySite"))
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


def _series_performer(study: dict, hospitals: dict[str, Hospital], source: str) -> Hospital | None:
    """The hospital that performed a series, for a study without a report that names one."""
    for s in study.get("series") or []:
        if isinstance(s, dict):
            found = performer_hospital({"performer": [p.get("actor") for p in s.get("performer") or []
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
