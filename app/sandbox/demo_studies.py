"""The demo's imaging studies: who, where, when, what the report says, and their FHIR side.

Each scripted study is there to show one recognition case (see `STUDIES[].shows`), as the
lab showcase reports are. The plan is made after the lab data, from the generated Patients
(a study is filed under the patient's MRN at the hospital that performed it) and from its
own random stream (`random.Random(f"{seed}-images")`), so the lab data stays exactly as it
was. demo_images.py draws and writes the DICOM files of a plan; this module is standard
library only and gives the plan's FHIR resources: one `Endpoint` per performing hospital,
and per study an `ImagingStudy` and an imaging `DiagnosticReport` (category RAD).
"""

from __future__ import annotations

import base64
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.fhir_profile import ACCESSION_SYSTEM_PREFIX
from app.domain.identity import MRN_SYSTEM_PREFIX, RESIDENT_ID_SYSTEM
from app.domain.imaging import (
    BODY_PARTS,
    DICOM_MODALITY_SYSTEM,
    DICOM_UID_SYSTEM,
    SNOMED_SYSTEM,
    imaging_item_coding,
)
from app.domain.models import LOINC_SYSTEM
from app.sandbox.demo_coding import V2_0074_SYSTEM, V2_0203_SYSTEM
from app.sandbox.demo_hospitals import SHANGHAI
from app.sandbox.demo_showcase import HUBEI_SHOWCASE_RESIDENT_ID, SHOWCASE_RESIDENT_ID

#: Where a hospital's DICOMweb service is: an absolute path, resolved against the FHIR
#: base's origin by the client (the sandbox listens on whatever port it was given).
DICOMWEB_ADDRESS = "/dicom-web"
ENDPOINT_CONNECTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type"
_UID_NAMESPACE = uuid.UUID("6f1d3c52-8a7e-4d0b-9c55-2f3e6a1b7d90")
UTF8, GB18030 = "ISO_IR 192", "GB18030"


def demo_uid(*parts: object) -> str:
    """A deterministic DICOM UID under the UUID arc `2.25` (ISO/IEC 9834-8), from names."""
    return "2.25." + str(uuid.uuid5(_UID_NAMESPACE, "|".join(str(p) for p in parts)).int)


def study_uid(key: str, seed: int, anchor: datetime) -> str:
    """The Study Instance UID of scripted study `key` (e.g. `zw-ct-chest`) in a demo platform.

    Tests and trainers find a study with this instead of a search: the UID depends only on
    the key, the seed and the anchor's date.
    """
    return demo_uid(seed, anchor.date().isoformat(), key)


def series_uid(key: str, number: int, seed: int, anchor: datetime) -> str:
    """The Series Instance UID of series `number` of scripted study `key`."""
    return demo_uid(seed, anchor.date().isoformat(), key, number)


# --------------------------------------------------------------------------------------
# What each kind of study holds
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesKind:
    """One series of a kind of study; `image` names what demo_images.py draws."""

    number: int
    modality: str
    description: str
    count: int
    image: str
    frames: int = 1


@dataclass(frozen=True)
class StudyKind:
    modality: str
    body_part: str  # DICOM Body Part Examined term
    description: str
    loinc: tuple[str, str]  # (code, display) of the report, from DICOM CID 7000
    series: tuple[SeriesKind, ...]
    accession_prefix: str


KINDS: dict[str, StudyKind] = {
    "ct-chest": StudyKind("CT", "CHEST", "胸部CT平扫", ("24627-2", "CT Chest Report"), (
        SeriesKind(1, "CT", "定位像 Topogram", 1, "ct-chest-scout"),
        SeriesKind(2, "CT", "胸部平扫 1.0mm 肺窗/纵隔窗", 300, "ct-chest-1mm"),
    ), "CT"),
    "ct-chest-prior": StudyKind("CT", "CHEST", "胸部CT平扫", ("24627-2", "CT Chest Report"), (
        SeriesKind(3, "CT", "胸部平扫 2.5mm", 120, "ct-chest-2.5mm"),
    ), "CT"),
    "ct-head": StudyKind("CT", "HEAD", "头颅CT平扫", ("24725-4", "CT Head Report"), (
        SeriesKind(2, "CT", "头颅平扫 5mm", 32, "ct-head-5mm"),
    ), "CT"),
    "mr-brain": StudyKind("MR", "BRAIN", "头颅MR平扫", ("24590-2", "MRI Head Report"), (
        SeriesKind(1, "MR", "T1WI 横断位", 24, "mr-brain-t1"),
        SeriesKind(2, "MR", "T2WI 横断位", 24, "mr-brain-t2"),
    ), "MR"),
    "dx-chest": StudyKind("DX", "CHEST", "胸部正位DR", ("43468-8", "X-Ray Report"), (
        SeriesKind(1, "DX", "胸部后前位", 1, "dx-chest"),
    ), "DR"),
    "cr-chest": StudyKind("CR", "CHEST", "胸部正位片", ("43468-8", "X-Ray Report"), (
        SeriesKind(1, "CR", "胸部后前位", 1, "cr-chest"),
    ), "CR"),
    "us-abdomen": StudyKind("US", "ABDOMEN", "腹部超声（肝胆胰脾）", ("25061-3", "Ultrasound Report"), (
        SeriesKind(1, "US", "肝胆胰脾 动态", 1, "us-abdomen", frames=30),
    ), "US"),
    "us-liver": StudyKind("US", "ABDOMEN", "腹部超声（肝胆胰脾）", ("25061-3", "Ultrasound Report"), (
        SeriesKind(1, "US", "肝脏 动态", 1, "us-liver", frames=20),
    ), "US"),
}


# --------------------------------------------------------------------------------------
# The scripted studies
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StudyScript:
    key: str
    resident_id: str
    organization_id: str
    days_ago: int
    kind: str
    shows: str
    findings: str
    conclusion: str
    status: str = "final"
    charset: str = UTF8
    #: "plain": PatientName 张伟; "romanized": Zhang^Wei=张^伟 (alphabetic + ideographic groups)
    name_style: str = "plain"


#: The current chest CT's nodule and the prior's, in mm; tests and the report text agree.
NODULE_MM, PRIOR_NODULE_MM = 10.0, 6.0

STUDIES: tuple[StudyScript, ...] = (
    StudyScript(
        "zw-ct-chest", SHOWCASE_RESIDENT_ID, "org-jnqy", 20, "ct-chest",
        "全国HR, CT 20 days old (window 90), final report: recognized; 300 slices, measuring beads",
        "胸廓对称，气管居中。右肺上叶尖段见一类圆形结节影，大小约10mm×10mm，边缘光整，"
        "平均CT值约35HU，较前（外院胸部CT）增大。余两肺纹理清晰，肺野透亮度正常，未见实变影。"
        "纵隔居中，纵隔内未见肿大淋巴结。心影大小正常。双侧胸腔未见积液。所见骨质未见明显异常。",
        "右肺上叶结节，约10mm，较前增大，建议胸外科会诊或3个月后复查。"),
    StudyScript(
        "zw-ct-chest-prior", SHOWCASE_RESIDENT_ID, "org-sdsl", 200, "ct-chest-prior",
        "鲁HR, CT 200 days old: beyond the 90-day window (the prior for comparison)",
        "胸廓对称，气管居中。右肺上叶尖段见小结节影，直径约6mm，边缘清楚。余两肺未见异常密度影。"
        "纵隔及肺门未见肿大淋巴结。心影不大。双侧胸腔未见积液。",
        "右肺上叶小结节，约6mm，建议6个月后复查。"),
    StudyScript(
        "zw-mr-brain", SHOWCASE_RESIDENT_ID, "org-qdhy", 40, "mr-brain",
        "MR from a qualified hospital within the window, but the report is preliminary",
        "双侧额叶皮层下白质见数个点状长T1长T2信号影，边界清楚，无占位效应。脑室系统未见扩大，"
        "脑沟、脑裂未见增宽，中线结构居中。",
        "双侧额叶皮层下少许缺血灶。", status="preliminary", name_style="romanized"),
    StudyScript(
        "zw-dx-chest", SHOWCASE_RESIDENT_ID, "org-wfyd", 35, "dx-chest",
        "DR from a hospital qualified for some lab items only, not for imaging; JPEG 2000, MONOCHROME1",
        "胸廓对称。右上肺野见一小结节影，直径约1cm，边缘尚清。余两肺纹理清晰。心影大小形态正常。"
        "双侧膈面光整，肋膈角锐利。",
        "右上肺野小结节影，建议胸部CT进一步检查。"),
    StudyScript(
        "zw-us-abdomen", SHOWCASE_RESIDENT_ID, "org-jxzz", 5, "us-abdomen",
        "ultrasound from the never-qualified county hospital; 30-frame JPEG cine",
        "肝脏大小形态正常，包膜光滑，实质回声细密增强，后方回声衰减，肝内管道结构显示欠清。"
        "胆囊大小正常，壁光滑，腔内未见明显异常回声。胰腺显示部分未见明显异常。脾脏大小正常。",
        "脂肪肝（轻度）。"),
    StudyScript(
        "zw-ct-head", SHOWCASE_RESIDENT_ID, "org-whjh", 60, "ct-head",
        "全国HR from Wuhan, written in GB18030: recognized; the name must come out as 张伟",
        "脑实质内未见明显异常密度影，灰白质分界清楚。脑室系统大小形态正常，脑沟、脑裂未见增宽，"
        "中线结构居中。颅骨骨质未见明显异常。",
        "头颅CT平扫未见明显异常。", charset=GB18030),
    StudyScript(
        "lf-us-liver", HUBEI_SHOWCASE_RESIDENT_ID, "org-whjh", 12, "us-liver",
        "全国HR ultrasound of the HBV carrier: recognized in Wuhan and in Jinan",
        "肝脏大小正常，包膜欠光滑，实质回声增粗、分布欠均匀，门静脉主干内径约12mm。胆囊壁毛糙，"
        "腔内未见明显异常回声。脾脏厚约38mm。",
        "肝实质回声增粗，请结合临床（慢性肝病声像图改变）。"),
    StudyScript(
        "lf-cr-chest", HUBEI_SHOWCASE_RESIDENT_ID, "org-whdh", 30, "cr-chest",
        "武汉HR city mark: recognized in Wuhan, out of scope in Jinan; uncompressed MONOCHROME2",
        "两肺纹理清晰，未见明显实变影。心影大小形态正常。双侧膈面光整，肋膈角锐利。",
        "心肺膈未见明显异常。"),
)
_REFERRERS = ("王磊", "陈静", "刘洋", "杨帆", "赵敏", "黄涛")


# --------------------------------------------------------------------------------------
# The plan
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesPlan:
    uid: str
    number: int
    modality: str
    body_part: str
    description: str
    count: int
    image: str
    frames: int


@dataclass(frozen=True)
class StudyPlan:
    """One study as both the DICOM writer and the FHIR side need it."""

    script: StudyScript
    kind: StudyKind
    uid: str
    image_study_id: str   # ImagingStudy.id
    report_id: str        # DiagnosticReport.id
    patient_id: str
    family: str
    given: str
    birth_date: date
    sex: str              # DICOM: M or F
    mrn: str
    organization_id: str
    institution: str
    institution_address: str
    started: datetime
    issued: datetime
    accession: str
    referrer: str
    series: tuple[SeriesPlan, ...] = field(default=())

    @property
    def patient_name(self) -> str:
        return self.family + self.given

    @property
    def instance_count(self) -> int:
        return sum(s.count for s in self.series)

    @property
    def key(self) -> str:
        return self.script.key


def plan(seed: int, anchor: datetime, resources: Sequence[dict[str, Any]]) -> list[StudyPlan]:
    """The scripted studies whose patient and hospital exist in the generated resources.

    A study whose patient has no MRN at its hospital (a smaller or foreign data set) is left
    out rather than filed under an invented number.
    """
    rng = random.Random(f"{seed}-images")
    today = anchor.astimezone(SHANGHAI).date()
    patients = {_resident_id(r): r for r in resources if r.get("resourceType") == "Patient"}
    organizations = {r["id"]: r for r in resources if r.get("resourceType") == "Organization"}
    plans: list[StudyPlan] = []
    counters: dict[str, int] = {}
    for script in STUDIES:
        kind = KINDS[script.kind]
        start = datetime.combine(today - timedelta(days=script.days_ago),
                                 time(rng.randint(8, 16), rng.randrange(60), rng.randrange(60)), tzinfo=SHANGHAI)
        serial = rng.randrange(1, 10_000)
        referrer = rng.choice(_REFERRERS)
        report_hours = rng.uniform(0.4, 0.9) if script.status == "preliminary" else rng.uniform(2.0, 20.0)
        patient = patients.get(script.resident_id)
        organization = organizations.get(script.organization_id)
        mrn = _mrn(patient, script.organization_id) if patient else None
        if patient is None or organization is None or mrn is None:
            continue
        number = counters[patient["id"]] = counters.get(patient["id"], 0) + 1
        name = patient["name"][0]
        address = (organization.get("address") or [{}])[0].get("text", "")
        plans.append(StudyPlan(
            script=script, kind=kind, uid=study_uid(script.key, seed, anchor),
            image_study_id=f"img-{patient['id'].removeprefix('pat-')}-{number:02d}",
            report_id=f"rad-{patient['id'].removeprefix('pat-')}-{number:02d}",
            patient_id=patient["id"], family=name["family"], given="".join(name["given"]),
            birth_date=date.fromisoformat(patient["birthDate"]),
            sex="F" if patient.get("gender") == "female" else "M",
            mrn=mrn, organization_id=organization["id"], institution=organization["name"],
            institution_address=address, started=start,
            issued=start + timedelta(hours=report_hours),
            accession=f"{kind.accession_prefix}{start:%Y%m%d}{serial:04d}",
            referrer=referrer,
            series=tuple(SeriesPlan(series_uid(script.key, s.number, seed, anchor), s.number, s.modality,
                                    kind.body_part, s.description, s.count, s.image, s.frames)
                         for s in kind.series),
        ))
    return plans


def _resident_id(patient: dict[str, Any]) -> str | None:
    return next((i.get("value") for i in patient.get("identifier") or [] if i.get("system") == RESIDENT_ID_SYSTEM),
                None)


def _mrn(patient: dict[str, Any], organization_id: str) -> str | None:
    system = MRN_SYSTEM_PREFIX + organization_id
    return next((i.get("value") for i in patient.get("identifier") or [] if i.get("system") == system), None)


# --------------------------------------------------------------------------------------
# FHIR
# --------------------------------------------------------------------------------------


def fhir_resources(plans: Sequence[StudyPlan]) -> list[dict[str, Any]]:
    """Endpoints (one per performing hospital) first, then each ImagingStudy and its report."""
    resources: list[dict[str, Any]] = []
    for organization_id in dict.fromkeys(p.organization_id for p in plans):
        resources.append(endpoint(organization_id, next(p.institution for p in plans
                                                         if p.organization_id == organization_id)))
    for p in plans:
        resources.append(imaging_study(p))
        resources.append(imaging_report(p))
    return resources


def endpoint_id(organization_id: str) -> str:
    return f"dicomweb-{organization_id}"


def endpoint(organization_id: str, institution: str) -> dict[str, Any]:
    return {
        "resourceType": "Endpoint",
        "id": endpoint_id(organization_id),
        "status": "active",
        "connectionType": {"system": ENDPOINT_CONNECTION_SYSTEM, "code": "dicom-wado-rs"},
        "name": f"{institution} DICOMweb",
        "managingOrganization": {"reference": f"Organization/{organization_id}", "display": institution},
        "payloadType": [{"text": "DICOM"}],
        "payloadMimeType": ["application/dicom"],
        "address": DICOMWEB_ADDRESS,
    }


def imaging_study(p: StudyPlan) -> dict[str, Any]:
    kind = p.kind
    item = imaging_item_coding(kind.modality, kind.body_part)
    performer = {"reference": f"Organization/{p.organization_id}", "display": p.institution}
    return {
        "resourceType": "ImagingStudy",
        "id": p.image_study_id,
        "identifier": [
            {"system": DICOM_UID_SYSTEM, "value": f"urn:oid:{p.uid}"},
            {"type": {"coding": [{"system": V2_0203_SYSTEM, "code": "ACSN"}]},
             "system": ACCESSION_SYSTEM_PREFIX + p.organization_id, "value": p.accession},
        ],
        "status": "available",
        "modality": [{"system": DICOM_MODALITY_SYSTEM, "code": m}
                     for m in dict.fromkeys(s.modality for s in p.series)],
        "subject": {"reference": f"Patient/{p.patient_id}", "display": p.patient_name},
        "started": p.started.isoformat(timespec="seconds"),
        "endpoint": [{"reference": f"Endpoint/{endpoint_id(p.organization_id)}"}],
        "numberOfSeries": len(p.series),
        "numberOfInstances": p.instance_count,
        "procedureCode": [{"coding": [{"system": item.system, "code": item.code}], "text": kind.description}],
        "description": kind.description,
        "series": [{
            "uid": s.uid,
            "number": s.number,
            "modality": {"system": DICOM_MODALITY_SYSTEM, "code": s.modality},
            "description": s.description,
            "numberOfInstances": s.count,
            "bodySite": {"system": SNOMED_SYSTEM, "code": BODY_PARTS[s.body_part][0],
                         "display": BODY_PARTS[s.body_part][1]},
            "started": p.started.isoformat(timespec="seconds"),
            "performer": [{"actor": performer}],
        } for s in p.series],
    }


def imaging_report(p: StudyPlan) -> dict[str, Any]:
    """The radiology report (检查报告): conclusion (诊断意见) and findings (检查所见)."""
    code, display = p.kind.loinc
    findings = base64.b64encode(p.script.findings.encode("utf-8")).decode("ascii")
    return {
        "resourceType": "DiagnosticReport",
        "id": p.report_id,
        "identifier": [{"system": ACCESSION_SYSTEM_PREFIX + p.organization_id, "value": p.accession}],
        "status": p.script.status,
        "category": [{"coding": [{"system": V2_0074_SYSTEM, "code": "RAD", "display": "Radiology"}]}],
        "code": {"coding": [{"system": LOINC_SYSTEM, "code": code, "display": display}],
                 "text": p.kind.description},
        "subject": {"reference": f"Patient/{p.patient_id}", "display": p.patient_name},
        "effectiveDateTime": p.started.isoformat(timespec="seconds"),
        "issued": p.issued.isoformat(timespec="seconds"),
        "performer": [{"reference": f"Organization/{p.organization_id}", "display": p.institution}],
        "imagingStudy": [{"reference": f"ImagingStudy/{p.image_study_id}"}],
        "conclusion": p.script.conclusion,
        "presentedForm": [{"contentType": "text/plain; charset=utf-8", "language": "zh-CN",
                           "title": "检查所见", "data": findings}],
    }
