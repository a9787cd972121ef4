"""The printed consent form for repeating a recognized test: A4 PDF the patient signs on paper.

The form is in the language the patient reads, which need not be the language of the
workstation: a Chinese nurse may hand an English form to a foreign patient, and an
English-speaking doctor's screen may print a Chinese form. So the form does not use the
application's installed translators; it loads its own for the chosen language, and for
English it uses the source strings as they are.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QTranslator
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app.domain.catalogue import CatalogueItem
from app.domain.repeat_orders import ItemDecision, Order, RepeatReason
from app.domain.staff import StaffMember
from app.resources import translations_dir
from app.ui.item_names import decision_name
from app.ui.order_code import embed_qr

# Marks a source string for lupdate and returns it unchanged. PySide6's stub says it returns `object`;
# it returns the message itself, a str. (Keeps the name: lupdate finds the strings by it.)
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

# Languages the form can be printed in: code -> the translation catalogue's file name ("" = source text).
LANGUAGES = {"zh_CN": "huren_zh_CN", "en": "", "id": "huren_id"}

# The English source strings of `repeat_reason_text.reason_name`, written again here so that the form
# can translate them into the patient's language rather than the workstation's. They must stay
# identical to that module's strings (a test compares them), so both share one translation.
REASON_SOURCES: dict[RepeatReason, str] = {
    RepeatReason.CONDITION_CHANGED: QT_TRANSLATE_NOOP(
        "RepeatReason", "Condition changed: the result no longer fits the clinical picture"),
    RepeatReason.FAST_CHANGING: QT_TRANSLATE_NOOP("RepeatReason", "Value changes fast in this disease"),
    RepeatReason.CRUCIAL_ITEM: QT_TRANSLATE_NOOP(
        "RepeatReason", "Crucial for the next step (e.g. before surgery or transfusion)"),
    RepeatReason.EMERGENCY: QT_TRANSLATE_NOOP("RepeatReason", "Emergency"),
    RepeatReason.APPRAISAL: QT_TRANSLATE_NOOP("RepeatReason", "Forensic, disability or sick-retirement appraisal"),
    RepeatReason.PATIENT_REQUEST: QT_TRANSLATE_NOOP("RepeatReason", "Patient or family asks for it"),
    RepeatReason.ISSUER_FAILED_QC: QT_TRANSLATE_NOOP("RepeatReason", "Issuing laboratory failed quality control"),
    RepeatReason.OTHER: QT_TRANSLATE_NOOP("RepeatReason", "Other (explain)"),
}

# The form's own words. Each is looked up in the chosen language's catalogue, context "ConsentForm".
TITLE = QT_TRANSLATE_NOOP("ConsentForm", "Informed consent to repeat a test already recognized between hospitals")
PATIENT = QT_TRANSLATE_NOOP("ConsentForm", "Patient")
PHYSICIAN = QT_TRANSLATE_NOOP("ConsentForm", "Ordering physician")
DEPARTMENT = QT_TRANSLATE_NOOP("ConsentForm", "Department")
DATE = QT_TRANSLATE_NOOP("ConsentForm", "Date")
ORDER_NO = QT_TRANSLATE_NOOP("ConsentForm", "Order no.")
SEX = QT_TRANSLATE_NOOP("ConsentForm", "Sex")
AGE_LABEL = QT_TRANSLATE_NOOP("ConsentForm", "Age")
YEARS = QT_TRANSLATE_NOOP("ConsentForm", "{age} years")
BIRTH_DATE = QT_TRANSLATE_NOOP("ConsentForm", "Date of birth")
RESIDENT_ID = QT_TRANSLATE_NOOP("ConsentForm", "Resident ID no.")
RECORD_NO = QT_TRANSLATE_NOOP("ConsentForm", "Medical record no.")
OUTPATIENT_NO = QT_TRANSLATE_NOOP("ConsentForm", "Outpatient no.")
SEXES = {"male": QT_TRANSLATE_NOOP("ConsentForm", "Male"), "female": QT_TRANSLATE_NOOP("ConsentForm", "Female"),
         "other": QT_TRANSLATE_NOOP("ConsentForm", "Other")}
CHECK_NOTE = QT_TRANSLATE_NOOP(
    "ConsentForm",
    "Before the form is signed, the nurse checks the patient's name and date of birth against the ID card "
    "or wristband.")
INTRO = QT_TRANSLATE_NOOP(
    "ConsentForm",
    "Under the rules for mutual recognition of test results between hospitals, a result from another "
    "hospital that meets the recognition conditions is normally used instead of doing the test again. "
    "For the items below such a result exists, but your doctor recommends repeating the test, for the "
    "reason given.")
ITEM = QT_TRANSLATE_NOOP("ConsentForm", "Test")
PRIOR_RESULT = QT_TRANSLATE_NOOP("ConsentForm", "Recognized result")
RESULT_DATE = QT_TRANSLATE_NOOP("ConsentForm", "Date of the result")
HOSPITAL = QT_TRANSLATE_NOOP("ConsentForm", "Hospital")
MARK = QT_TRANSLATE_NOOP("ConsentForm", "HR mark")
WHY = QT_TRANSLATE_NOOP("ConsentForm", "Why the doctor recommends repeating it")
FEE = QT_TRANSLATE_NOOP("ConsentForm", "Fee (yuan)")
TOTAL = QT_TRANSLATE_NOOP("ConsentForm", "Total expected fee")
YUAN = QT_TRANSLATE_NOOP("ConsentForm", "{fee} yuan")
REFERENCE = QT_TRANSLATE_NOOP("ConsentForm", "reference range {range}")
AGE = QT_TRANSLATE_NOOP("ConsentForm", "{age} days old, recognized for {window} days")
NO_PRIOR = QT_TRANSLATE_NOOP("ConsentForm", "No details of the earlier result")
OTHER_REASON = QT_TRANSLATE_NOOP("ConsentForm", "Other reason")
FIELD = QT_TRANSLATE_NOOP("ConsentForm", "{label}: {value}")
REASON_AND_NOTE = QT_TRANSLATE_NOOP("ConsentForm", "{reason}: {note}")
STATEMENT = QT_TRANSLATE_NOOP(
    "ConsentForm",
    "The medical staff have explained to me that a result of the test(s) above from another hospital "
    "already exists and is recognized here, so the test would not normally need to be repeated. "
    "The doctor has told me why repeating it is recommended and what the repeat costs. I have been able "
    "to ask questions, and I understand that I am free to decline the repeat.")
AGREE = QT_TRANSLATE_NOOP("ConsentForm", "I agree to repeat the test(s) listed above.")
DISAGREE = QT_TRANSLATE_NOOP(
    "ConsentForm", "I do not agree to repeat the test(s); the recognized result from the other hospital will be used.")
SIGNER = QT_TRANSLATE_NOOP("ConsentForm", "Signature of the patient or family member")
RELATIONSHIP = QT_TRANSLATE_NOOP("ConsentForm", "Relationship to the patient")
NURSE = QT_TRANSLATE_NOOP("ConsentForm", "Nurse who explained")
DOCTOR_SIGNATURE = QT_TRANSLATE_NOOP("ConsentForm", "Physician")
SIGNED_ON = QT_TRANSLATE_NOOP("ConsentForm", "Date and time")
PAGE_FOOTER = QT_TRANSLATE_NOOP("ConsentForm", "{patient} · order no. {order} · page {page} of {pages}")
FAMILY_NOTE = QT_TRANSLATE_NOOP(
    "ConsentForm",
    "If a family member or guardian signs on the patient's behalf, please write the relationship to the patient.")

# Height of the footer under each page's text, in millimetres.
FOOTER_MM = 8

# The order number's QR code: the placeholder image `embed_qr` replaces with the code, and its printed
# size (QTextDocument measures <img> sizes in 96-per-inch pixels; 96 is 25 mm, which desk scanners read).
QR_URL = "huren-form:order-qr"
QR_PRINTED_PX = 96

# CJK fonts the form prefers, in order, where the system has them; otherwise Qt falls back by itself.
PREFERRED_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                      "WenQuanYi Micro Hei")

Words = Callable[[str, str], str]


def translator_for(language: str) -> Words:
    """A translate(context, source) for the patient's language, whatever the application has installed."""
    name = LANGUAGES.get(language)
    if name is None:
        raise ValueError(f"no consent form in language {language!r}; known: {', '.join(LANGUAGES)}")
    if not name:
        return lambda _context, source: source
    translator = QTranslator()
    if not translator.load(name, str(translations_dir())):
        raise FileNotFoundError(f"translation catalogue {name}.qm not found in {translations_dir()}")

    def translate(context: str, source: str) -> str:
        return translator.translate(context, source) or source

    return translate


def reason_text(d: ItemDecision, words: Words) -> str:
    """Why the item is repeated, for the patient: the coded reason and the doctor's own words."""
    if d.reason is None:
        reason = ""
    elif d.reason is RepeatReason.OTHER:
        reason = words("ConsentForm", OTHER_REASON)  # "(explain)" is the doctor's prompt, not the patient's text
    else:
        reason = words("RepeatReason", REASON_SOURCES[d.reason])
    if reason and d.note:
        return words("ConsentForm", REASON_AND_NOTE).format(reason=reason, note=d.note)
    return reason or d.note


def fee_text(fee: float) -> str:
    return f"{fee:.2f}"


def _cjk_family() -> str | None:
    available = set(QFontDatabase.families())
    return next((f for f in PREFERRED_FAMILIES if f in available), None)


def patient_label(order: Order) -> str:
    """The patient on every sheet's footer: the name and a second identifier (date of birth, else the ID)."""
    who = order.identity
    if who is None:
        return order.patient_name
    second = who.birth_date.isoformat() if who.birth_date else who.masked_resident_id
    return " ".join(x for x in (who.name, second) if x)


def consent_html(order: Order, language: str, nurse: StaffMember | None = None,
                 printed_at: datetime | None = None, statement_on_new_page: bool = False,
                 items: Mapping[str, CatalogueItem] | None = None) -> str:
    """The form as HTML for QTextDocument (its subset: tables, inline styles, no CSS classes).

    `statement_on_new_page` starts the statement on a page of its own, so that what the patient
    declares and where they sign are never on different sheets. `items` (the catalogue's) name the
    tests in the form's language; without them, or for an item they do not know, the order's
    Chinese name stands. The order number's QR code is the document's `QR_URL` image resource.
    """
    words = translator_for(language)

    def w(source: str) -> str:
        return html.escape(words("ConsentForm", source))

    def field(source: str, value: str = "") -> str:
        """A label and its (already escaped) value, punctuated as the language does: "Patient: x", "患者：x"."""
        return html.escape(words("ConsentForm", FIELD)).format(label=w(source), value=value).rstrip()

    def e(text: str) -> str:
        return html.escape(text or "—")

    when = printed_at or datetime.now().astimezone()
    req = order.requester
    rows = []
    for d in order.repeats:
        p = d.prior
        if p is None:
            result = f'<i>{w(NO_PRIOR)}</i>'
            date = hospital = mark = "—"
        else:
            value = " ".join(x for x in (p.value, p.unit) if x)
            ref_text = html.escape(words("ConsentForm", REFERENCE).format(range=p.reference_range))
            ref = f'<br/><span style="color:#444">{ref_text}</span>' if p.reference_range else ""
            result = f"<b>{e(value)}</b>{ref}"
            age = html.escape(words("ConsentForm", AGE).format(age=p.age_days, window=p.window_days))
            date = f'{e(p.date)}<br/><span style="color:#444">{age}</span>'
            hospital, mark = e(p.hospital), e(p.mark)
        rows.append(
            "<tr>"
            f"<td><b>{e(decision_name(d, items, language))}</b></td>"
            f"<td>{result}</td><td>{date}</td><td>{hospital}</td><td align=\"center\">{mark}</td>"
            f"<td>{e(reason_text(d, words))}</td>"
            f"<td align=\"right\">{fee_text(d.fee_yuan)}</td>"
            "</tr>")
    total = sum(d.fee_yuan for d in order.repeats)
    total_text = html.escape(words("ConsentForm", YUAN).format(fee=fee_text(total)))
    columns = ((ITEM, 11), (PRIOR_RESULT, 13), (RESULT_DATE, 13), (HOSPITAL, 16), (MARK, 10), (WHY, 25), (FEE, 12))
    head = "".join(f'<th bgcolor="#e8ecf0" align="left" width="{pct}%">{w(h)}</th>' for h, pct in columns)
    # Lines to sign on, with the staff's printed names beside them: a printed name is not a signature.
    sign_rows = "".join(
        f'<tr><td width="40%">{field(source)}</td><td width="40%" style="border-bottom:1px solid #000">&nbsp;</td>'
        f'<td width="20%" style="color:#555">{printed}</td></tr>'
        for source, printed in ((SIGNER, ""), (RELATIONSHIP, ""), (SIGNED_ON, ""),
                                (NURSE, html.escape(nurse.name) if nurse else ""),
                                (DOCTOR_SIGNATURE, html.escape(req.name))))
    organization = e(req.organization_name) if req.organization_name else "&nbsp;"
    identity_table = _identity_table(order, when, field, words)
    table_style = "border-collapse:collapse; border-color:#555; font-size:9.5pt"
    return f"""
<html><body>
<p align="center" style="font-size:13pt; margin-bottom:0">{organization}</p>
<h1 align="center" style="font-size:17pt; margin-top:4px; margin-bottom:8px">{w(TITLE)}</h1>
{identity_table}
<p style="margin-top:8px">{w(INTRO)}</p>
<table width="100%" border="1" cellspacing="0" cellpadding="5" style="{table_style}">
<thead><tr>{head}</tr></thead>
{''.join(rows)}
<tr><td colspan="7" align="right"><b>{field(TOTAL, total_text)}</b></td></tr>
</table>
<p style="margin-top:12px{'; page-break-before:always' if statement_on_new_page else ''}">{w(STATEMENT)}</p>
<p style="font-size:12pt; margin-top:10px">□&nbsp;{w(AGREE)}</p>
<p style="font-size:12pt">□&nbsp;{w(DISAGREE)}</p>
<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:12px">
{sign_rows}
</table>
<p style="font-size:9pt; color:#444; margin-top:12px">{w(FAMILY_NOTE)}</p>
</body></html>"""


def _identity_table(order: Order, when: datetime, field: Callable[..., str], words: Words) -> str:
    """Who the form is for, two identifiers at least, and the order's number beside its QR code."""
    def e(text: str) -> str:
        return html.escape(text or "—")

    who = order.identity
    name = who.name if who else order.patient_name
    age = who.age_on(order.created_at.date()) if who else None
    sex = words("ConsentForm", SEXES[who.sex]) if who and who.sex in SEXES else ""
    req = order.requester
    # Four columns, the first wide enough for the resident ID on one line (a number broken across lines
    # invites a misreading); the outpatient number is printed when the HIS gave one.
    outpatient = who.outpatient_number if who else ""
    rows = [
        [field(PATIENT, f'<span style="font-size:13pt"><b>{e(name)}</b></span>'),
         field(BIRTH_DATE, e(who.birth_date.isoformat() if who and who.birth_date else "")), field(SEX, e(sex)),
         field(AGE_LABEL, e(words("ConsentForm", YEARS).format(age=age) if age is not None else ""))],
        [field(RESIDENT_ID, e(who.masked_resident_id if who else "")),
         field(RECORD_NO, e(who.record_number if who else "")),
         field(OUTPATIENT_NO, e(outpatient)) if outpatient else "", ""],
        [field(DEPARTMENT, e(req.department)), field(PHYSICIAN, e(req.name)), field(DATE, when.strftime("%Y-%m-%d")),
         ""],
    ]
    widths = (46, 22, 16, 16)
    cells = "".join("<tr>" + "".join(f'<td width="{w}%">{c}</td>' for w, c in zip(widths, row, strict=True))
                    + "</tr>" for row in rows)
    return f"""<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td><table width="100%" cellspacing="0" cellpadding="2" style="font-size:9.5pt">{cells}</table></td>
<td width="{QR_PRINTED_PX + 40}" align="center" valign="top"><img src="{QR_URL}" width="{QR_PRINTED_PX}"
height="{QR_PRINTED_PX}"/><br/><span style="font-size:9pt">{field(ORDER_NO)}</span><br/>
<span style="font-size:12pt"><b>{e(order.number)}</b></span></td></tr></table>
<p style="font-size:9pt; color:#444; margin-top:2px">{html.escape(words("ConsentForm", CHECK_NOTE))}</p>"""


def _statement_split(doc: QTextDocument, statement: str, page_height: float) -> bool:
    """Whether the statement starts on one page and the signature lines end on another."""
    found = doc.find(statement[:24])
    if found.isNull():
        return False
    layout = doc.documentLayout()
    top = layout.blockBoundingRect(found.block()).top()
    bottom = layout.blockBoundingRect(doc.lastBlock()).bottom()
    return int(top // page_height) != int(bottom // page_height)


def write_consent_pdf(order: Order, path: Path, language: str, nurse: StaffMember | None = None,
                      printed_at: datetime | None = None, items: Mapping[str, CatalogueItem] | None = None) -> None:
    """Write the A4 form; raises OSError when the file cannot be written (nothing half-written is left).

    The PDF is made in memory and written in one go, so a bad path is a Python error the
    dialog can show, not a silent empty file.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setCreator("Huren")
    writer.setTitle(translator_for(language)("ConsentForm", TITLE))  # also rejects an unknown language early

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # point sizes measured at the PDF's resolution
    font = QFont()
    family = _cjk_family()
    if family:
        font.setFamily(family)
    font.setPointSizeF(10.5)  # 五号, the body size of Chinese medical forms
    doc.setDefaultFont(font)
    words = translator_for(language)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width = float(page.width())
    footer = FOOTER_MM / 25.4 * writer.resolution()
    height = float(page.height()) - footer  # the document's page; the footer goes below it
    doc.setPageSize(QSizeF(width, height))

    def lay_out(statement_on_new_page: bool) -> None:
        """The form, its QR code in place: the code is laid out as it is drawn, so pages are measured right."""
        doc.setHtml(consent_html(order, language, nurse, printed_at, statement_on_new_page, items))
        embed_qr(doc, QR_URL, order.number)

    lay_out(statement_on_new_page=False)
    if _statement_split(doc, words("ConsentForm", STATEMENT), height):
        lay_out(statement_on_new_page=True)

    pages = doc.pageCount()
    footer_font = QFont(font)
    footer_font.setPointSizeF(8)
    painter = QPainter(writer)
    try:
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(0, -i * height)
            doc.drawContents(painter, QRectF(0, i * height, width, height))
            painter.restore()
            # Every sheet names the patient and the order: loose pages of a consent must find their way back.
            painter.setFont(footer_font)
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(0, height, width, footer),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             words("ConsentForm", PAGE_FOOTER).format(
                                 patient=patient_label(order), order=order.number, page=i + 1, pages=pages))
    finally:
        painter.end()
    buffer.close()
    Path(path).write_bytes(bytes(data.data()))
