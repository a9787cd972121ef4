"""The nurse records the patient's consent to a repeat: signature, paper form, witness, refusal; the printed form."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from app.domain.identification import PatientIdentity
from app.domain.repeat_orders import ConsentMethod, ItemDecision, Order, OrderState, PriorSummary, RepeatReason
from app.domain.staff import Role, StaffMember
from app.ui import consent_form
from app.ui.application import install_translations
from app.ui.consent_dialog import ConsentDialog
from app.ui.consent_form import write_consent_pdf
from app.ui.repeat_reason_text import reason_name
from app.ui.signature_pad import SignaturePad
from tests.ui.test_language_switch import restore_language  # noqa: F401 - a fixture

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DOCTOR = StaffMember("prac-sl-liming", "李明", Role.PHYSICIAN, "org-sdsl", "山东省立医院", "心血管内科")
NURSE = StaffMember("prac-sl-zhaojing", "赵静", Role.NURSE, "org-sdsl", "山东省立医院", "心血管内科")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: Who the order is for, as the physician's workstation took it from the platform's record.
IDENTITY = PatientIdentity("张伟", "male", date(1968, 3, 2), "370102********1234", record_number="SL48213377")


def awaiting_order() -> Order:
    """Potassium repeated before surgery (its prior from another hospital is recognized); sodium recognized."""
    potassium = ItemDecision(
        "LAB-K", "demo:obs-0001-002-01", item_name="钾", fee_yuan=4.0,
        prior=PriorSummary(value="4.1", unit="mmol/L", reference_range="3.5–5.3", date="2026-11-02",
                           hospital="青岛市市立医院", mark="鲁HR", age_days=18, window_days=30),
    ).repeat(RepeatReason.CRUCIAL_ITEM, "择期手术前复查")
    sodium = ItemDecision("LAB-NA", "demo:obs-0001-002-02", item_name="钠", fee_yuan=4.0)
    order = Order("order-7d3f2a10", "pat-0001", "张伟", DOCTOR, NOW, (potassium, sodium),
                  clinical_note="择期手术", identity=IDENTITY).submitted()
    assert order.state is OrderState.AWAITING_CONSENT
    return order


@pytest.fixture
def dialog(qtbot):
    """The dialog once the nurse has checked the patient's identity (tests/ui/test_consent_identity.py: before)."""
    d = ConsentDialog(awaiting_order(), NURSE, lambda: NOW)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.identity_box.check.setChecked(True)
    return d


def sign(qtbot, pad: SignaturePad) -> None:
    """A zigzag across the pad, as a hurried signature."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
    for i, x in enumerate(range(40, 320, 14)):
        qtbot.mouseMove(pad, QPoint(x, 60 + (30 if i % 2 else 0)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(320, 75))


def dark_pixels(image: QImage) -> int:
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).lightness() < 100)


def png_file(path: Path) -> Path:
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.save(str(path), "PNG")
    return path


# -- signature on screen -------------------------------------------------------------------------


def test_drawn_signature_enables_consent_and_records_a_png(qtbot, dialog):
    assert dialog.drawn_radio.isChecked() and dialog.patient_radio.isChecked()
    assert not dialog.consent_button.isEnabled()
    sign(qtbot, dialog.signature_pad)
    assert not dialog.signature_pad.is_empty()
    assert dialog.consent_button.isEnabled()
    assert dialog.missing_label.text() == ""

    qtbot.mouseClick(dialog.consent_button, Qt.MouseButton.LeftButton)
    consent = dialog.consent()
    assert dialog.result() == ConsentDialog.DialogCode.Accepted
    assert consent is not None and consent.consented is True
    assert consent.signer_name == "张伟" and consent.relationship == "self"
    assert consent.method is ConsentMethod.DRAWN_SIGNATURE
    assert consent.recorded_by == NURSE and consent.recorded_at == NOW
    assert consent.attachment_type == "image/png" and consent.attachment.startswith(PNG_MAGIC)
    image = QImage.fromData(consent.attachment)
    assert not image.isNull() and image.size() == dialog.signature_pad.size()
    assert dark_pixels(image) > 50
    assert QColor(image.pixel(image.width() - 3, 3)).lightness() > 250  # paper stays white, no hint printed
    assert consent.problems() == []
    done = dialog.order.with_consent(consent)
    assert done.state is OrderState.READY and done.consent == consent


def test_empty_pad_keeps_consent_disabled_and_says_why(qtbot, dialog):
    assert dialog.signature_pad.is_empty()
    assert not dialog.consent_button.isEnabled()
    assert "sign" in dialog.missing_label.text().lower()
    sign(qtbot, dialog.signature_pad)
    assert dialog.consent_button.isEnabled()
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.signature_pad.is_empty()
    assert not dialog.consent_button.isEnabled() and "sign" in dialog.missing_label.text().lower()


def test_signature_survives_a_resize_and_a_tablet_pen_draws_thicker_when_pressed_harder(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 200)
    pad.show()
    qtbot.waitExposed(pad)
    with qtbot.waitSignal(pad.changed):
        sign(qtbot, pad)
    pad.resize(700, 240)
    assert len(pad.strokes()) == 1 and dark_pixels(QImage.fromData(pad.to_png())) > 50

    pen = QPointingDevice.primaryPointingDevice()

    def tablet(kind: QEvent.Type, x: float, pressure: float) -> None:
        p = QPointF(x, 150)
        event = QTabletEvent(kind, pen, p, QPointF(pad.mapToGlobal(p)), pressure, 0, 0, 0, 0, 0,
                             Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
        QApplication.sendEvent(pad, event)
        assert event.isAccepted()

    tablet(QEvent.Type.TabletPress, 100, 0.1)
    tablet(QEvent.Type.TabletMove, 200, 0.2)
    tablet(QEvent.Type.TabletMove, 300, 0.9)
    tablet(QEvent.Type.TabletRelease, 400, 1.0)
    stroke = pad.strokes()[-1]
    assert len(pad.strokes()) == 2 and len(stroke.points) == 4
    assert stroke.widths[0] < stroke.widths[-1]
    pad.clear()
    assert pad.is_empty() and pad.strokes() == []


# -- verbal, family, paper -------------------------------------------------------------------------


def test_verbal_consent_needs_a_witness(qtbot, dialog):
    dialog.verbal_radio.setChecked(True)
    assert not dialog.consent_button.isEnabled()
    assert "witness" in dialog.missing_label.text().lower()
    dialog.witness.insert("王芳")  # typed through the input method; QTest.keyClicks takes Latin-1 only
    assert dialog.consent_button.isEnabled()
    dialog.witness.setText("   ")
    assert not dialog.consent_button.isEnabled()
    dialog.witness.setText("王芳")
    qtbot.mouseClick(dialog.consent_button, Qt.MouseButton.LeftButton)
    consent = dialog.consent()
    assert consent.method is ConsentMethod.VERBAL_WITH_WITNESS and consent.witness == "王芳"
    assert consent.attachment == b"" and consent.problems() == []


def test_family_member_needs_a_name_and_a_relationship(qtbot, dialog):
    sign(qtbot, dialog.signature_pad)
    assert dialog.consent_button.isEnabled()
    assert not dialog.family_name.isEnabled()
    dialog.family_radio.setChecked(True)
    assert dialog.family_name.isEnabled() and dialog.relationship.isEnabled()
    assert not dialog.consent_button.isEnabled() and not dialog.refuse_button.isEnabled()
    text = dialog.missing_label.text().lower()
    assert "name" in text and "relationship" in text
    dialog.family_name.insert("张丽")
    assert not dialog.consent_button.isEnabled()
    assert "relationship" in dialog.missing_label.text().lower()
    assert dialog.relationship.currentIndex() == -1  # nobody's relationship is assumed
    dialog.relationship.setCurrentIndex(0)
    assert dialog.consent_button.isEnabled()
    qtbot.mouseClick(dialog.consent_button, Qt.MouseButton.LeftButton)
    consent = dialog.consent()
    assert consent.signer_name == "张丽" and consent.relationship == "Spouse"  # as displayed, untranslated here
    assert consent.attachment.startswith(PNG_MAGIC)


def test_paper_form_scan_is_attached_with_its_type(qtbot, dialog, tmp_path):
    dialog.paper_radio.setChecked(True)
    assert not dialog.consent_button.isEnabled()
    assert "scan" in dialog.missing_label.text().lower()
    scan = png_file(tmp_path / "consent-scan.png")
    assert dialog.attach_file(scan) is True
    assert "consent-scan.png" in dialog.scan_name.text()
    assert not dialog.scan_preview.pixmap().isNull()
    assert dialog.consent_button.isEnabled()
    qtbot.mouseClick(dialog.consent_button, Qt.MouseButton.LeftButton)
    consent = dialog.consent()
    assert consent.method is ConsentMethod.PAPER_FORM
    assert consent.attachment == scan.read_bytes() and consent.attachment_type == "image/png"


def test_a_jpeg_scan_is_typed_by_its_content(dialog, tmp_path):
    image = QImage(40, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    jpeg = tmp_path / "scan.JPG"
    assert image.save(str(jpeg), "JPEG")
    dialog.paper_radio.setChecked(True)
    assert dialog.attach_file(jpeg)
    assert dialog.build_consent(True).attachment_type == "image/jpeg"


def test_bad_files_are_refused_and_the_dialog_keeps_working(qtbot, dialog, tmp_path):
    dialog.paper_radio.setChecked(True)
    not_image = tmp_path / "notes.png"
    not_image.write_text("not an image", encoding="utf-8")
    assert dialog.attach_file(not_image) is False
    assert "notes.png" in dialog.scan_name.text() and not dialog.consent_button.isEnabled()
    assert dialog.attach_file(tmp_path / "missing.jpg") is False
    assert "missing.jpg" in dialog.scan_name.text() and not dialog.consent_button.isEnabled()

    good = png_file(tmp_path / "good.png")
    assert dialog.attach_file(good) and dialog.consent_button.isEnabled()
    assert dialog.attach_file(not_image) is False  # a later bad file does not lose the good one
    assert dialog.build_consent(True).attachment == good.read_bytes()

    dialog.drawn_radio.setChecked(True)  # the scan belongs to the paper method only
    assert not dialog.consent_button.isEnabled()
    sign(qtbot, dialog.signature_pad)
    assert dialog.print_to(tmp_path / "no-such-folder" / "form.pdf") is False
    assert "could not" in dialog.print_status.text().lower()
    qtbot.mouseClick(dialog.consent_button, Qt.MouseButton.LeftButton)
    assert dialog.consent().attachment.startswith(PNG_MAGIC)


def test_attach_button_opens_a_file_dialog(qtbot, dialog, tmp_path, monkeypatch):
    scan = png_file(tmp_path / "scan.png")
    asked = []

    def fake_open(parent, caption, folder, filters):
        asked.append(filters)
        return str(scan), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    dialog.paper_radio.setChecked(True)
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert asked and "*.png" in asked[0] and "*.jpg" in asked[0]
    assert dialog.consent_button.isEnabled()


# -- refusal, cancel -------------------------------------------------------------------------------


def test_patient_refuses(qtbot, dialog):
    assert not dialog.refuse_button.isEnabled()  # a refusal needs its evidence as consent does (test_refusal.py)
    sign(qtbot, dialog.signature_pad)
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    assert dialog.consent() is None   # not before the nurse confirms it
    qtbot.mouseClick(dialog.refusal_confirmation.findChild(QPushButton, "recordRefusal"), Qt.MouseButton.LeftButton)
    consent = dialog.consent()
    assert consent is not None and consent.consented is False
    assert consent.signer_name == "张伟" and consent.relationship == "self" and consent.recorded_by == NURSE


def test_signed_refusal_withdraws_the_repeat(qtbot, dialog):
    sign(qtbot, dialog.signature_pad)
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.refusal_confirmation.findChild(QPushButton, "recordRefusal"), Qt.MouseButton.LeftButton)
    consent = dialog.consent()
    assert consent.consented is False and consent.attachment.startswith(PNG_MAGIC)
    done = dialog.order.with_consent(consent)
    assert done.repeats == () and {d.item_code for d in done.recognitions} == {"LAB-K", "LAB-NA"}


def test_cancel_records_nothing(qtbot, dialog):
    sign(qtbot, dialog.signature_pad)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConsentDialog.DialogCode.Rejected and dialog.consent() is None


def test_the_record_says_what_was_explained(dialog):
    text = dialog.explained_text()
    for word in ("张伟", "李明", "钾", reason_name(RepeatReason.CRUCIAL_ITEM), "择期手术前复查", "4.1 mmol/L",
                 "3.5–5.3", "2026-11-02", "青岛市市立医院", "鲁HR", "18", "30", "4.00"):
        assert word in text
    assert "钠" not in text  # recognized, not repeated: nothing to consent to
    shown = dialog.explained_view.toPlainText()
    assert "钾" in shown and "青岛市市立医院" in shown and "4.00" in shown


# -- the printed form ----------------------------------------------------------------------------


def test_form_reasons_are_the_reason_names_source_strings(qapp):
    """consent_form repeats repeat_reason_text's English strings; they share one translation only if equal."""
    assert all(consent_form.REASON_SOURCES[r] == reason_name(r) for r in RepeatReason)


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text (of one page, if given) with all white space removed: table cells wrap names anywhere."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed: cannot read the PDF's text")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(["pdftotext", *pages, str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(text.split())


def squeezed(word: str) -> str:
    return "".join(word.split())


@pytest.mark.parametrize("language, title", [("zh_CN", "检查检验结果互认"), ("en", "Informed consent")])
def test_consent_form_pdf(qapp, tmp_path, language, title):
    path = tmp_path / f"consent-{language}.pdf"
    write_consent_pdf(awaiting_order(), path, language, NURSE, NOW)
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    for word in ("张伟", "钾", "青岛市市立医院", "鲁HR", "4.00", "山东省立医院", "李明", "赵静", "2026-11-20", title):
        assert squeezed(word) in text, word
    assert "钠" not in text


def test_form_language_is_the_patients_not_the_workstations(qapp, tmp_path):
    translators = install_translations(qapp, QLocale("zh_CN"))
    try:
        assert translators, "the Chinese catalogue should load"
        write_consent_pdf(awaiting_order(), tmp_path / "en.pdf", "en", NURSE, NOW)
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    text = pdf_text(tmp_path / "en.pdf")
    assert "Informedconsent" in text and "检查检验结果互认" not in text
    assert "知情同意书" not in text
    write_consent_pdf(awaiting_order(), tmp_path / "zh.pdf", "zh_CN", NURSE, NOW)  # English workstation
    assert "知情同意书" in pdf_text(tmp_path / "zh.pdf")


def test_a_long_form_keeps_the_statement_with_the_signatures_and_names_the_patient_on_every_page(qapp, tmp_path):
    base = awaiting_order().repeats[0]
    many = tuple(replace(base, item_code=f"LAB-{i}", item_name=f"项目{i}") for i in range(22))
    order = Order("order-long", "pat-0001", "张伟", DOCTOR, NOW, many).submitted()
    path = tmp_path / "long.pdf"
    write_consent_pdf(order, path, "zh_CN", NURSE, NOW)
    count = int(re.search(r"共(\d+)页", pdf_text(path, 1)).group(1))   # as page 1's footer says
    pages = [pdf_text(path, page) for page in range(1, count + 1)]
    assert count >= 3 and all(pages), "22 items and the statement take three pages at least"
    for n, text in enumerate(pages, 1):
        assert f"张伟·医嘱号{order.number}·第{n}页，共{len(pages)}页" in text
    last = next(t for t in reversed(pages) if t)
    assert "医务人员已向我说明" in last and "患者或家属签名" in last and "医师签名" in last
    assert "预计费用合计：88.00元" in "".join(pages)


def test_unknown_form_language_is_an_error(qapp, tmp_path):
    with pytest.raises(ValueError):
        write_consent_pdf(awaiting_order(), tmp_path / "x.pdf", "fr", NURSE, NOW)


def test_print_to_writes_the_chosen_language(dialog, tmp_path):
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    path = tmp_path / "form.pdf"
    assert dialog.print_to(path) is True
    assert "form.pdf" in dialog.print_status.text()
    assert "Informedconsent" in pdf_text(path)


def test_print_button_asks_where_to_save(qtbot, dialog, tmp_path, monkeypatch):
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, suggested, filters: (str(target), filters)))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "chosen.pdf").read_bytes().startswith(b"%PDF")


# -- Chinese -------------------------------------------------------------------------------------

CONSENT_CONTEXTS = ("ConsentDialog", "ConsentForm", "RepeatReason", "SignaturePad")


def test_consent_strings_are_translated_with_their_placeholders():
    import re
    import xml.etree.ElementTree as ET

    from app.resources import translations_dir

    root = ET.parse(translations_dir() / "huren_zh_CN.ts").getroot()
    checked = 0
    for context in root.findall("context"):
        if context.findtext("name") not in CONSENT_CONTEXTS:
            continue
        for m in context.findall("message"):
            source, translation = m.findtext("source"), m.find("translation")
            assert translation.get("type") is None, source
            assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", translation.text)), source
            checked += 1
    assert checked > 100


def test_chinese_workstation_shows_chinese_and_stores_the_shown_relationship(qtbot, qapp):
    translators = install_translations(qapp, QLocale("zh_CN"))
    try:
        d = ConsentDialog(awaiting_order(), NURSE, lambda: NOW)
        qtbot.addWidget(d)
        d.identity_box.check.setChecked(True)
        assert d.consent_button.text() == "患者同意" and d.refuse_button.text() == "患者拒绝"
        assert d.verbal_radio.text() == "口头同意（有见证人）" and d.patient_radio.text() == "患者本人"
        assert "预计费用合计：4.00元" in d.explained_view.toPlainText()
        assert "对下一步诊疗至关重要" in d.explained_text()
        d.family_radio.setChecked(True)
        d.family_name.setText("张丽")
        d.relationship.setCurrentIndex(2)
        d.verbal_radio.setChecked(True)
        assert "见证人" in d.missing_label.text()
        d.witness.setText("王芳")
        qtbot.mouseClick(d.consent_button, Qt.MouseButton.LeftButton)
        assert d.consent().relationship == "子女" and d.consent().signer_name == "张丽"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


@pytest.mark.parametrize("lang", ["zh_CN", "en", "id"])
def test_the_dialog_fits_the_commonest_outpatient_screen(qtbot, restore_language, lang):  # noqa: F811
    """1366×768 less a taskbar and a title bar: every part of the dialog reachable without resizing."""
    from app.ui import language

    language.choose_language(lang)
    dialog = ConsentDialog(awaiting_order(), NURSE, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 690)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 690, (lang, hint)
    assert dialog.height() <= 690 and dialog.consent_button.isVisible() and dialog.refuse_button.isVisible()
    assert dialog.consent_button.geometry().bottom() < dialog.height()
