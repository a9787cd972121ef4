"""Printed lab reports as FHIR shares them: `DiagnosticReport.presentedForm` and `DocumentReference`.

Many platforms pass on the hospital's printed report (a PDF, or a picture of the page)
rather than, or besides, its values. Two shapes occur:

- a DiagnosticReport whose `presentedForm` holds the printed report, with or without
  `result`s;
- a DocumentReference to the printed report, pointing (`context.related`) at the
  DiagnosticReport it prints when that one exists, or standing alone.

What marks a DocumentReference as a *lab* report: a category coded LAB (HL7 v2 table 0074,
as DiagnosticReport.category) or `laboratory` (observation-category), or a type/category of
LOINC 11502-2 "Laboratory report". One that points at a listed lab DiagnosticReport is that
report's document, whatever its category. Only `current` references are read (superseded and
entered-in-error ones are not the hospital's word any more); the report status comes from
`docStatus`, and a reference without it is not taken as final.

The issuing hospital is the `author` Organization (the laboratory that wrote the report),
else the `custodian` (which on a regional platform may be the platform's own repository,
so it comes second). The date is `context.period.start` (when the specimen was taken),
else `date` (when the reference was made).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import tzinfo
from typing import Any

from app.domain.fhir_json import reference_id
from app.domain.models import LOINC_SYSTEM, MAX_DOCUMENT_BYTES, Document, Hospital, LabReport, RecordKey
from app.platform.fhir.administration import hospitals_from_resources
from app.platform.fhir.mapping import (
    MappingError,
    Skipped,
    read_codings,
    read_concept,
    read_datetime,
    read_object,
)

V2_0074_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0074"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
#: LOINC document types that say "a laboratory report" (and nothing about which test).
LAB_REPORT_DOCUMENT_CODES = frozenset({"11502-2", "26436-6"})
#: References the document mapping needs besides the DocumentReferences themselves.
DOCUMENT_REFERENCES = (("author", "Organization"), ("custodian", "Organization"))
#: Plain text is how imaging reports carry their findings; it is not a printed lab report.
_NOT_DOCUMENTS = ("text/plain",)


def document_from_attachment(attachment: Any, fallback_title: str = "") -> Document:
    """One Attachment as a Document; raises MappingError when it carries nothing readable.

    Inline data larger than MAX_DOCUMENT_BYTES is not decoded: the Document keeps its size
    only, and opening it says it is too large.
    """
    if not isinstance(attachment, dict):
        raise MappingError("attachment is not an object")
    content_type = str(attachment.get("contentType") or "")
    title = str(attachment.get("title") or fallback_title)
    declared = attachment.get("size")
    size = declared if isinstance(declared, int) and not isinstance(declared, bool) and declared >= 0 else None
    raw, url = attachment.get("data"), attachment.get("url")
    if isinstance(raw, str) and raw:
        text = "".join(raw.split())   # some servers wrap base64 lines
        estimated = len(text) * 3 // 4
        if estimated > MAX_DOCUMENT_BYTES + 3:
            return Document(content_type, title, None, "", max(estimated, size or 0))
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise MappingError("attachment data is not base64") from None
        return Document(content_type, title, data, "", len(data))
    if isinstance(url, str) and url.strip():
        return Document(content_type, title, None, url.strip(), size)
    raise MappingError("attachment has neither data nor url")


def presented_documents(report: dict, skipped: Skipped) -> tuple[Document, ...]:
    """The printed forms of a DiagnosticReport (text/plain findings left out); bad ones are skipped."""
    out = []
    for i, form in enumerate(report.get("presentedForm") or []):
        if isinstance(form, dict) and str(form.get("contentType", "")).startswith(_NOT_DOCUMENTS):
            continue
        try:
            out.append(document_from_attachment(form))
        except MappingError as e:
            skipped.add(report, MappingError(f"presentedForm[{i}]: {e}"))
    return _unique(out)


def is_lab_document(res: dict) -> bool:
    """A DocumentReference that says it is a laboratory report (see the module docstring)."""
    codings = [c for cat in res.get("category") or [] if isinstance(cat, dict) for c in read_codings(cat)]
    if isinstance(res.get("type"), dict):
        codings += list(read_codings(res["type"]))
    return any((c.system == V2_0074_SYSTEM and c.code == "LAB")
               or (c.system == OBSERVATION_CATEGORY_SYSTEM and c.code == "laboratory")
               or (c.system == LOINC_SYSTEM and c.code in LAB_REPORT_DOCUMENT_CODES) for c in codings)


def related_report_ids(res: dict) -> list[str]:
    """The DiagnosticReports a DocumentReference says it prints (`context.related`)."""
    context = read_object(res, "context")
    return [rid for ref in context.get("related") or [] if (rid := reference_id(ref, "DiagnosticReport"))]


def report_from_document_reference(res: dict, source: str, tz: tzinfo, hospitals: dict[str, Hospital],
                                   skipped: Skipped) -> LabReport:
    """A DocumentReference that stands alone as a document-only lab report."""
    if not isinstance(res.get("id"), str) or not res["id"]:
        raise MappingError("no id")
    documents = reference_documents(res, skipped)
    if not documents:
        raise MappingError("no readable attachment")
    codes, name = read_concept(read_object(res, "type"))
    name = name or str(res.get("description") or "") or documents[0].title or "?"
    period = read_object(read_object(res, "context"), "period")
    when = period.get("start") or res.get("date")
    issued = res.get("date")
    return LabReport(
        key=RecordKey(source, res["id"]),
        name=name,
        codes=codes,
        status=str(res.get("docStatus") or "unknown"),
        effective=read_datetime(when, "context.period.start", tz) if when else None,
        issued=read_datetime(issued, "date", tz) if issued else None,
        hospital=_issuer(res, hospitals, source),
        categories=tuple(c for cat in res.get("category") or [] if isinstance(cat, dict) for c in read_codings(cat)),
        documents=documents,
        resource_type="DocumentReference",
    )


def reference_documents(res: dict, skipped: Skipped) -> tuple[Document, ...]:
    out = []
    fallback = str(res.get("description") or "")
    for i, content in enumerate(res.get("content") or []):
        try:
            out.append(document_from_attachment((content or {}).get("attachment") if isinstance(content, dict)
                                                else None, fallback))
        except MappingError as e:
            skipped.add(res, MappingError(f"content[{i}]: {e}"))
    return _unique(out)


def with_documents(reports: Sequence[LabReport], report_resources: Iterable[dict], document_resources: Iterable[dict],
                   source: str, tz: tzinfo) -> tuple[list[LabReport], Skipped]:
    """The reports with their printed forms, and the lab DocumentReferences that stand alone as reports.

    `report_resources` are the DiagnosticReports the reports were mapped from (for their
    presentedForm); `document_resources` the DocumentReferences with the Organizations they
    name. A DocumentReference printing a listed report is attached to it, never listed twice.
    """
    skipped = Skipped()
    forms = {res["id"]: res for res in report_resources
             if res.get("resourceType") == "DiagnosticReport" and isinstance(res.get("id"), str)}
    by_id: dict[str, LabReport] = {}
    for report in reports:
        res = forms.get(report.key.id)
        by_id[report.key.id] = replace(report, documents=presented_documents(res, skipped)) if res else report
    document_resources = list(document_resources)
    hospitals = hospitals_from_resources(document_resources, source, skipped)
    references = [res for res in document_resources
                  if res.get("resourceType") == "DocumentReference" and res.get("status", "current") == "current"]
    alone = []
    for res in references:
        target = next((rid for rid in related_report_ids(res) if rid in by_id), None)
        if target is not None:
            report = by_id[target]
            by_id[target] = replace(report, documents=_unique([*report.documents,
                                                               *reference_documents(res, skipped)]))
        elif is_lab_document(res):
            try:
                alone.append(report_from_document_reference(res, source, tz, hospitals, skipped))
            except MappingError as e:
                skipped.add(res, e)
    return [*(by_id[r.key.id] for r in reports), *alone], skipped


def _issuer(res: dict, hospitals: dict[str, Hospital], source: str) -> Hospital | None:
    refs = [*(a for a in res.get("author") or [] if isinstance(a, dict)), res.get("custodian")]
    for ref in refs:
        target = reference_id(ref, "Organization")
        if target and target in hospitals:
            return hospitals[target]
    for ref in refs:
        if isinstance(ref, dict) and ref.get("display") \
                and (reference_id(ref, "Organization") or "reference" not in ref):
            return Hospital(RecordKey(source, "?"), str(ref["display"]), None)
    return None


def _unique(documents: Iterable[Document]) -> tuple[Document, ...]:
    """One entry per printed report: the same bytes or the same address twice is one document."""
    seen: set[object] = set()
    out = []
    for d in documents:
        key: object = d.data if d.data is not None else (d.url or id(d))
        if key not in seen:
            seen.add(key)
            out.append(d)
    return tuple(out)

