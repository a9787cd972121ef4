"""A demo hospital that shares only its printed lab reports (PDF), as many platforms do.

淄博市般阳医院 (鲁HR) sends no Observations: its reports reach the platform as the page it
prints, with the HR mark in the top right corner. For the showcase patient 张伟 it shows
both shapes a platform uses:

- a DiagnosticReport with the PDF as `presentedForm` and no `result` (HbA1c, 18 days old:
  recognized under 鲁HR), with a DocumentReference to the same PDF pointing at it
  (`context.related`): the client must show one report, not two;
- a DocumentReference alone (fasting glucose, 2 days old: recognized).

A few other Shandong patients get one printed report each (one too old to recognize).

The page is drawn with Pillow on a grayscale A4 canvas at 150 dpi with a CJK font found on
the system (Pillow's own font, without CJK glyphs, when there is none) and saved as a PDF
with the image JPEG-compressed inside: about 100 kB each, some 80 ms to make.

The hospital and its 鲁HR qualification are in the bundled catalogue with the other demo
hospitals (resources/catalogue.json); `INSTITUTION` is that entry, for the tests.

The server calls this after `demo_data.generate` (whose output it leaves as it was).
Only the standard library, Pillow, `app.domain` and the sandbox are imported.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.domain.fhir_profile import LAB_CATEGORY_SYSTEM, LOCAL_CODE_SYSTEM_PREFIX, REPORT_ID_SYSTEM_PREFIX
from app.domain.identity import MRN_SYSTEM_PREFIX, ORGANIZATION_SYSTEM, RESIDENT_ID_SYSTEM
from app.domain.models import LOINC_SYSTEM
from app.sandbox.demo_analytes import ANALYTES
from app.sandbox.demo_coding import ORGANIZATION_TYPE_SYSTEM, V2_0074_SYSTEM, V2_0203_SYSTEM
from app.sandbox.demo_hospitals import SHANGHAI
from app.sandbox.demo_showcase import SHOWCASE_RESIDENT_ID

ORGANIZATION_ID = "org-zbby"
HOSPITAL_NAME = "淄博市般阳医院"
HR_MARK = "鲁HR"
#: The hospital's entry in the recognition catalogue (its unified social credit code and 鲁HR).
INSTITUTION: dict[str, Any] = {
    "identifier": {"system": ORGANIZATION_SYSTEM, "value": "12370300495126385E"},
    "name": HOSPITAL_NAME,
    "region": "370302",
    "qualifications": [{
        "mark": HR_MARK,
        "scope": {"level": "province", "region": "370000"},
        "items": [],
        "categories": ["blood-routine", "liver-function", "kidney-function", "electrolytes", "glucose",
                       "lipids", "hba1c"],
        "valid_from": "2024-03-01",
        "valid_to": "2028-02-29",
    }],
}
#: LOINC 11502-2: a laboratory report, as a document type.
LAB_REPORT_DOCUMENT = {"system": LOINC_SYSTEM, "code": "11502-2", "display": "Laboratory report"}
#: How many other patients get a printed report (the showcase patient gets two).
OTHER_PATIENTS = 3
#: A4 at 150 dpi.
PAGE = (1240, 1754)
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
WINDOWS_FONTS = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc")


@dataclass(frozen=True)
class Item:
    """One printed line: a catalogue item (its ANALYTES entry) or a derived value."""

    code: str
    name: str
    abbr: str


@dataclass(frozen=True)
class PrintedPanel:
    key: str
    name: str
    category: str
    loinc: str             # the report's code: the catalogue item it stands for
    local: str             # the hospital's own code for it
    items: tuple[Item, ...]


HBA1C = PrintedPanel("hba1c", "糖化血红蛋白", "hba1c", "4548-4", "BYP07", (
    Item("LAB-HBA1C", "糖化血红蛋白", "HbA1c"), Item("EAG", "估算平均血糖", "eAG")))
GLUCOSE = PrintedPanel("glucose", "空腹血糖", "glucose", "14749-6", "BYP05", (
    Item("LAB-GLU", "空腹血糖", "GLU"),))


@dataclass(frozen=True)
class Printed:
    """One printed report of one patient: what it holds and how the platform shares it."""

    patient: dict
    panel: PrintedPanel
    days_ago: int
    number: int
    as_report: bool          # a DiagnosticReport with presentedForm (else a DocumentReference alone)
    with_reference: bool = False   # a DocumentReference to the report as well
    level: float = 1.0       # where the patient's values sit (1: mid-normal; diabetics higher)


def resources(seed: int, anchor: datetime, existing: Sequence[dict]) -> list[dict]:
    """The hospital, its printed reports, and the patients who have them (with their record number there).

    The patients come back as copies with one more identifier; loaded after `existing`, they
    replace the earlier ones.
    """
    rng = random.Random(seed * 31 + 7)
    today = anchor.astimezone(SHANGHAI).date()
    patients = [r for r in existing if r.get("resourceType") == "Patient"]
    showcase = next((p for p in patients if any(i.get("system") == RESIDENT_ID_SYSTEM
                                                and i.get("value") == SHOWCASE_RESIDENT_ID
                                                for i in p.get("identifier") or [])), None)
    plan: list[Printed] = []
    if showcase is not None:
        plan += [Printed(showcase, HBA1C, 18, 1, as_report=True, with_reference=True, level=1.52),
                 Printed(showcase, GLUCOSE, 2, 2, as_report=False, level=1.72)]
    others = [p for p in patients if p is not showcase and _state(p) == "山东省"][:OTHER_PATIENTS]
    for patient, (panel, days, as_report) in zip(others, (
            (HBA1C, 30, True), (GLUCOSE, 95, True), (GLUCOSE, 6, False)), strict=False):
        plan.append(Printed(patient, panel, days, 1, as_report=as_report, level=rng.uniform(0.9, 1.1)))
    if not plan:
        return []
    fonts = Fonts()
    registered = {p.patient["id"]: _with_record_number(p.patient, rng) for p in plan}
    out: list[dict] = [organization(), *registered.values()]
    for printed in plan:
        out += _printed_resources(replace(printed, patient=registered[printed.patient["id"]]), today, rng, fonts)
    return out


def organization() -> dict:
    return {
        "resourceType": "Organization",
        "id": ORGANIZATION_ID,
        "identifier": [{"system": ORGANIZATION_SYSTEM, "value": INSTITUTION["identifier"]["value"]}],
        "active": True,
        "type": [{"coding": [{"system": ORGANIZATION_TYPE_SYSTEM, "code": "prov", "display": "Healthcare Provider"}]}],
        "name": HOSPITAL_NAME,
        "alias": ["般阳医院"],
        "telecom": [{"system": "phone", "value": "0533-5181120", "use": "work"}],
        "address": [{"use": "work", "text": "山东省淄博市淄川区般阳路58号", "line": ["般阳路58号"],
                     "city": "淄博市", "district": "淄川区", "state": "山东省", "postalCode": "255100",
                     "country": "CN"}],
    }


# --- resources ------------------------------------------------------------------------------


def _printed_resources(p: Printed, today: date, rng: random.Random, fonts: Fonts) -> list[dict]:
    index = p.patient["id"].removeprefix("pat-")
    collected = datetime.combine(today - timedelta(days=p.days_ago), time(8, rng.randrange(5, 55)), tzinfo=SHANGHAI)
    issued = collected + timedelta(hours=rng.uniform(2, 5))
    number = f"BY{collected:%Y%m%d}{rng.randrange(1, 400):04d}"
    values = _values(p, rng)
    pdf = print_report(p, values, collected, issued, number, fonts)
    code = {"coding": [{"system": LOINC_SYSTEM, "code": p.panel.loinc},
                       {"system": LOCAL_CODE_SYSTEM_PREFIX + ORGANIZATION_ID, "code": p.panel.local,
                        "display": p.panel.name}], "text": p.panel.name}
    subject = {"reference": f"Patient/{p.patient['id']}", "display": _name(p.patient)}
    performer = {"reference": f"Organization/{ORGANIZATION_ID}", "display": HOSPITAL_NAME}
    attachment = {"contentType": "application/pdf", "language": "zh-CN",
                  "data": base64.b64encode(pdf).decode("ascii"), "size": len(pdf),
                  # FHIR's Attachment.hash is SHA-1
                  "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),  # noqa: S324 - FHIR's Attachment.hash is SHA-1
                  "title": f"{p.panel.name}检验报告单.pdf", "creation": _time(issued)}
    out = []
    report_id = f"by-rep-{index}-{p.number:02d}"
    if p.as_report:
        out.append({
            "resourceType": "DiagnosticReport",
            "id": report_id,
            "identifier": [{"system": REPORT_ID_SYSTEM_PREFIX + ORGANIZATION_ID, "value": number}],
            "status": "final",
            "category": [{"coding": [{"system": V2_0074_SYSTEM, "code": "LAB", "display": "Laboratory"}]},
                         {"coding": [{"system": LAB_CATEGORY_SYSTEM, "code": p.panel.category}]}],
            "code": code,
            "subject": subject,
            "effectiveDateTime": _time(collected),
            "issued": _time(issued),
            "performer": [performer],
            "presentedForm": [attachment],
        })
    if p.with_reference or not p.as_report:
        reference: dict[str, Any] = {
            "resourceType": "DocumentReference",
            "id": f"by-doc-{index}-{p.number:02d}",
            "masterIdentifier": {"system": REPORT_ID_SYSTEM_PREFIX + ORGANIZATION_ID, "value": number},
            "status": "current",
            "docStatus": "final",
            "type": code if not p.as_report else {"coding": [LAB_REPORT_DOCUMENT], "text": "检验报告单"},
            "category": [{"coding": [{"system": V2_0074_SYSTEM, "code": "LAB", "display": "Laboratory"}]}],
            "subject": subject,
            "date": _time(issued),
            "author": [performer],
            "custodian": performer,
            "description": f"{p.panel.name}检验报告单",
            "content": [{"attachment": attachment}],
            "context": {"period": {"start": _time(collected)}},
        }
        if p.as_report:
            reference["context"]["related"] = [{"reference": f"DiagnosticReport/{report_id}"}]
        out.append(reference)
    return out


def _with_record_number(patient: dict, rng: random.Random) -> dict:
    copied = copy.deepcopy(patient)
    copied["identifier"] = [*(copied.get("identifier") or []), {
        "use": "usual",
        "type": {"coding": [{"system": V2_0203_SYSTEM, "code": "MR"}], "text": "病案号"},
        "system": MRN_SYSTEM_PREFIX + ORGANIZATION_ID,
        "value": f"BY{rng.randrange(10**7, 10**8)}",
        "assigner": {"reference": f"Organization/{ORGANIZATION_ID}", "display": HOSPITAL_NAME},
    }]
    return copied


def _values(p: Printed, rng: random.Random) -> list[tuple[Item, str, str, str, str]]:
    """(item, value, flag, unit, range) per printed line, as the laboratory prints them."""
    lines = []
    hba1c = None
    for item in p.panel.items:
        if item.code == "EAG":   # ADAG: eAG (mmol/L) = 1.59 × HbA1c (%) − 2.59
            value = 1.59 * (hba1c or 5.4) - 2.59
            lines.append((item, f"{value:.1f}", "", "mmol/L", ""))
            continue
        analyte = ANALYTES[item.code]
        centre = analyte.normal[0] if analyte.normal else 5.0
        value = round(centre * p.level * (1 + rng.gauss(0, analyte.cv / 2)), analyte.decimals)
        if item.code == "LAB-HBA1C":
            hba1c = value
        low, high = analyte.ref
        flag = "↑" if high is not None and value > high else "↓" if low is not None and value < low else ""
        ref = f"{low:.{analyte.decimals}f}-{high:.{analyte.decimals}f}" if low is not None and high is not None else ""
        lines.append((item, f"{value:.{analyte.decimals}f}", flag, analyte.unit, ref))
    return lines


def _name(patient: dict) -> str:
    names = patient.get("name") or [{}]
    return str(names[0].get("text") or "")


def _state(patient: dict) -> str:
    return str(((patient.get("address") or [{}])[0]).get("state") or "")


def _time(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


# --- the printed page ---------------------------------------------------------------------------


class Fonts:
    """The sizes the page uses, from the first CJK font found (Pillow's own when none is)."""

    def __init__(self) -> None:
        from PIL import ImageFont

        path = find_cjk_font()
        self.cjk = path is not None

        def font(size: int) -> Any:
            if path is not None:
                return ImageFont.truetype(str(path), size)
            return ImageFont.load_default(size)

        self.title, self.subtitle, self.mark, self.body, self.small = (font(s) for s in (54, 40, 46, 30, 22))


def find_cjk_font() -> Path | None:
    """wqy-microhei, Noto CJK, Droid fallback; Microsoft YaHei on Windows; PingFang on macOS."""
    candidates = [Path(p) for p in FONT_CANDIDATES]
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        candidates += [Path(windir) / "Fonts" / name for name in WINDOWS_FONTS]
    return next((p for p in candidates if p.is_file()), None)


def print_report(p: Printed, values: list[tuple[Item, str, str, str, str]], collected: datetime,
                 issued: datetime, number: str, fonts: Fonts) -> bytes:
    """The printed page as a one-page PDF (grayscale, JPEG inside)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(image)
    width = PAGE[0]
    left, right = 90, width - 90
    draw.text((width // 2, 105), HOSPITAL_NAME, font=fonts.title, fill=0, anchor="mm")
    draw.text((width // 2, 180), "检 验 报 告 单", font=fonts.subtitle, fill=0, anchor="mm")
    # the HR mark, boxed in the top right corner as the hospital prints it
    draw.rectangle((right - 170, 55, right, 140), outline=0, width=5)
    draw.text((right - 85, 98), HR_MARK, font=fonts.mark, fill=0, anchor="mm")
    draw.text((right - 85, 162), "检查检验结果互认", font=fonts.small, fill=0, anchor="mm")
    draw.line((left, 225, right, 225), fill=0, width=3)
    patient = p.patient
    sex = {"male": "男", "female": "女"}.get(str(patient.get("gender")), "")
    born = patient.get("birthDate")
    age = ""
    if isinstance(born, str) and len(born) >= 10:
        b = date.fromisoformat(born[:10])
        day = collected.date()
        age = f"{day.year - b.year - ((day.month, day.day) < (b.month, b.day))}岁"
    mrn = next((i["value"] for i in patient.get("identifier") or []
                if i.get("system") == MRN_SYSTEM_PREFIX + ORGANIZATION_ID), "")
    diagnosis = "2型糖尿病" if p.level > 1.3 else "健康体检"
    rows = ((f"姓名：{_name(patient)}", f"性别：{sex}", f"年龄：{age}", f"病历号：{mrn}"),
            ("科别：内分泌科", "标本：静脉血", "送检医生：孙立", f"标本号：{number[-6:]}"),
            (f"临床诊断：{diagnosis}", "", "", f"条码号：{number[2:]}"))
    columns = (left, left + 290, left + 520, left + 750)
    for r, row in enumerate(rows):
        for x, text in zip(columns, row, strict=True):
            draw.text((x, 250 + r * 50), text, font=fonts.body, fill=0)
    draw.line((left, 405, right, 405), fill=0, width=2)
    header = ("序号", "检验项目", "结果", "", "单位", "参考区间")
    xs = (left, left + 100, left + 560, left + 700, left + 760, left + 900)
    for x, text in zip(xs, header, strict=True):
        draw.text((x, 422), text, font=fonts.body, fill=0)
    draw.line((left, 470, right, 470), fill=0, width=1)
    y = 490
    for n, (item, value, flag, unit, ref) in enumerate(values, start=1):
        for x, text in zip(xs, (str(n), f"{item.name}({item.abbr})", value, flag, unit, ref), strict=True):
            draw.text((x, y), text, font=fonts.body, fill=0)
        y += 56
    bottom = 1490
    draw.line((left, bottom, right, bottom), fill=0, width=2)
    footer = (f"采样时间：{collected:%Y-%m-%d %H:%M}", f"报告时间：{issued:%Y-%m-%d %H:%M}",
              f"报告单号：{number}")
    for i, text in enumerate(footer):
        draw.text((left + i * 370, bottom + 20), text, font=fonts.small, fill=0)
    draw.text((left, bottom + 70), "检验者：王敏        审核者：李静", font=fonts.body, fill=0)
    draw.text((left, bottom + 130), "本报告仅对所检测标本负责。如有疑问，请于7日内与检验科联系。",
              font=fonts.small, fill=0)
    draw.text((width // 2, PAGE[1] - 60), "第 1 页 / 共 1 页", font=fonts.small, fill=0, anchor="mm")
    out = io.BytesIO()
    stamp = issued.utctimetuple()   # fixed dates keep the same seed's PDF the same
    image.save(out, "PDF", resolution=150.0, quality=70, title=f"{p.panel.name}检验报告单",
               author=HOSPITAL_NAME, creationDate=stamp, modDate=stamp)
    return out.getvalue()
