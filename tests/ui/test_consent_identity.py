"""Two identifiers wherever the nurse acts on a patient or a paper names one: the worklist row, the
consent dialog, the printed form; the identity check before anything is recorded; the form's
items in the patient's language."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from app.config import SiteConfig
from app.domain.catalogue import parse_catalogue
from app.platform.catalogue_fetch import LoadedCatalogue
from app.resources import bundled_catalogue
from app.services.ordering.desk import Worklist
from app.ui.consent_dialog import ConsentDialog
from app.ui.consent_form import write_consent_pdf
from app.ui.consent_worklist_dialog import ConsentWorklistDialog
from app.ui.order_code import embed_qr, qr_modules
from app.ui.tasks import TaskRunner
from tests.ui.test_consent_dialog import IDENTITY, NOW, NURSE, awaiting_order, pdf_text, sign, squeezed
from tests.ui.test_consent_modes import Station

ITEMS = parse_catalogue(bundled_catalogue()).items


def identifiers_in(text: str) -> None:
    """Name, sex, age, date of birth, masked resident ID and record number: each of them is there."""
    for word in ("张伟", "Male", "58 y", "born 1968-03-02", "ID 370102********1234", "record no. SL48213377"):
        assert word in text, word


def sampled_modules(image: QImage, rect: QRectF, count: int) -> list[list[bool]]:
    """Which of `count`×`count` modules in `rect` of `image` are dark, read at each module's centre."""
    size = rect.width() / count
    return [[QColor(image.pixel(int(rect.x() + (x + 0.5) * size), int(rect.y() + (y + 0.5) * size))).lightness() < 128
             for x in range(count)] for y in range(count)]


@pytest.fixture
def unchecked(qtbot):
    """The dialog as it opens: the nurse has not yet confirmed whom she is talking to."""
    d = ConsentDialog(awaiting_order(), NURSE, lambda: NOW, items=ITEMS)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


# -- the worklist --------------------------------------------------------------------------------


class StationWithCatalogue(Station):
    """The worklist's station, with the catalogue fetched and two waiting orders for two 张伟."""

    def __init__(self, config: SiteConfig, orders: list) -> None:
        super().__init__(config)
        self.workspace = SimpleNamespace(config=config, now=lambda: NOW,
                                         loaded_catalogue_if_any=lambda: LoadedCatalogue(
                                             parse_catalogue(bundled_catalogue()), "bundled"))
        self._orders = orders

    def waiting_here(self) -> Worklist:
        return Worklist(self._orders)


def test_each_worklist_row_names_the_patient_by_more_than_the_name(qtbot):
    other = replace(awaiting_order(), id="order-9b1e", identity=replace(
        IDENTITY, birth_date=IDENTITY.birth_date.replace(year=1991), masked_resident_id="420102********0021",
        record_number=""))
    worklist = ConsentWorklistDialog(StationWithCatalogue(SiteConfig(sources=()), [awaiting_order(), other]),
                                     TaskRunner())
    qtbot.addWidget(worklist)
    first, second = (worklist.orders.item(i).text() for i in range(2))
    identifiers_in(first)
    assert awaiting_order().number in first and "Potassium" in first and "钾" not in first
    # The other 张伟 is told apart at a glance: another age, date of birth and ID.
    assert "35 y" in second and "born 1991-03-02" in second and "420102********0021" in second
    assert "record no." not in second and other.number in second and other.number != awaiting_order().number


def test_an_order_without_an_identity_says_so_on_its_row(qtbot):
    station = StationWithCatalogue(SiteConfig(sources=()), [replace(awaiting_order(), identity=None)])
    worklist = ConsentWorklistDialog(station, TaskRunner())
    qtbot.addWidget(worklist)
    assert "张伟 · no date of birth or ID with this order" in worklist.orders.item(0).text()


# -- the dialog ----------------------------------------------------------------------------------


def test_the_dialog_shows_the_identifiers_and_the_order_number_with_its_qr_code(unchecked):
    box = unchecked.identity_box
    identifiers_in(box.name_label.text() + " · " + box.details_label.text())
    assert "山东省立医院" in box.details_label.text()
    order = unchecked.order
    assert box.number_label.text() == f"Order no. {order.number}"
    image = box.qr_label.pixmap().toImage()
    modules = qr_modules(order.number)
    assert sampled_modules(image, QRectF(image.rect()), len(modules)) == modules


def test_nothing_is_recorded_before_the_identity_is_checked(qtbot, unchecked):
    d = unchecked
    sign(qtbot, d.signature_pad)
    assert not d.identity_box.confirmed()
    assert not d.consent_button.isEnabled() and not d.refuse_button.isEnabled()
    assert "Check the patient's identity" in d.missing_label.text()
    d._record(consented=True)            # a click that raced the check: refused all the same
    d._record(consented=False)
    assert d.consent() is None and d.result() != ConsentDialog.DialogCode.Accepted

    d.identity_box.check.setChecked(True)
    assert d.consent_button.isEnabled() and "identity" not in d.missing_label.text()
    d.identity_box.check.setChecked(False)
    assert not d.consent_button.isEnabled()

    d.identity_box.source.setCurrentIndex(d.identity_box.source.findData("wristband"))
    d.identity_box.check.setChecked(True)
    qtbot.mouseClick(d.consent_button, Qt.MouseButton.LeftButton)
    consent = d.consent()
    assert consent is not None and consent.consented
    # The record says whom the nurse identified, by what, and that it was checked.
    assert "Identity checked against: wristband" in consent.explained
    assert "born 1968-03-02" in consent.explained and "370102********1234" in consent.explained
    assert "Potassium" in consent.explained     # the items as the screen showed them


# -- the printed form ----------------------------------------------------------------------------


def test_the_printed_form_carries_two_identifiers_and_the_short_order_number(qapp, tmp_path):
    order = awaiting_order()
    path = tmp_path / "form.pdf"
    write_consent_pdf(order, path, "zh_CN", NURSE, NOW, ITEMS)
    text = pdf_text(path)
    for word in ("张伟", "1968-03-02", "370102********1234", "SL48213377", order.number,
                 "张伟1968-03-02·医嘱号" + order.number):   # the footer names both on every sheet
        assert squeezed(word) in text, word
    assert order.id not in text   # the long id is for machines: the QR code and the records carry it
    assert f"{NOW:%Y%m%d}" == order.number[:8]


def test_the_outpatient_number_is_shown_and_printed_when_the_his_gave_one(qtbot, tmp_path):
    given = replace(awaiting_order(), identity=replace(IDENTITY, outpatient_number="MZ2026112000017"))
    d = ConsentDialog(given, NURSE, lambda: NOW)
    qtbot.addWidget(d)
    d.retranslateUi()
    assert "outpatient no. MZ2026112000017" in d.identity_box.details_label.text()
    write_consent_pdf(given, tmp_path / "given.pdf", "en", NURSE, NOW)
    assert "Outpatientno.:MZ2026112000017" in pdf_text(tmp_path / "given.pdf")
    write_consent_pdf(awaiting_order(), tmp_path / "none.pdf", "en", NURSE, NOW)
    assert "Outpatient" not in pdf_text(tmp_path / "none.pdf")   # no empty field to fill in by hand


def test_the_printed_qr_code_is_the_order_number(qapp, tmp_path):
    """Drawn as squares in the PDF (no picture: the PDF writer would store one as a blurring JPEG)."""
    order = awaiting_order()
    path = tmp_path / "form.pdf"
    write_consent_pdf(order, path, "en", NURSE, NOW, ITEMS)
    if shutil.which("pdfimages") is None:
        pytest.skip("pdfimages (Debian package poppler-utils) is not installed")
    listed = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    assert len(listed.strip().splitlines()) == 2, listed   # the header lines only: no raster image
    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg (Debian package zbar-tools) is not installed: cannot scan the printed code")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                   check=True)
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(next(tmp_path.glob("page*.png")))],
                             capture_output=True, text=True).stdout
    assert scanned.strip() == order.number


def test_a_code_embedded_in_a_document_draws_the_modules_of_its_text(qapp):
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml('<img src="test:qr" width="290" height="290"/>')
    assert embed_qr(doc, "test:qr", "20261120-77EBMC")
    assert not embed_qr(doc, "test:elsewhere", "x")
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    modules = qr_modules("20261120-77EBMC")
    drawn = [(x, y) for y in range(300) for x in range(300) if QColor(image.pixel(x, y)).name() != "#ff0000"]
    left, top = min(x for x, _ in drawn), min(y for _, y in drawn)
    side = max(x for x, _ in drawn) - left + 1
    assert side == max(y for _, y in drawn) - top + 1 and side >= 280    # a square, about the image's size
    assert sampled_modules(image, QRectF(left, top, side, side), len(modules)) == modules


# -- the patient's language ----------------------------------------------------------------------


@pytest.mark.parametrize("language, name", [("en", "Potassium"), ("id", "Kalium"), ("zh_CN", "钾")])
def test_the_form_names_the_items_in_the_patients_language(qapp, tmp_path, language, name):
    path = tmp_path / f"form-{language}.pdf"
    write_consent_pdf(awaiting_order(), path, language, NURSE, NOW, ITEMS)
    text = pdf_text(path)
    assert squeezed(name) in text
    if language != "zh_CN":
        assert "钾" not in text    # the Chinese name would leave the patient unable to read what they sign


def test_the_dialog_prints_the_form_with_the_catalogues_names(unchecked, tmp_path):
    unchecked.language.setCurrentIndex(unchecked.language.findData("id"))
    path = Path(tmp_path / "id.pdf")
    assert unchecked.print_to(path)
    text = pdf_text(path)
    assert "Kalium" in text and "钾" not in text and unchecked.order.number in text


def test_without_the_catalogue_the_orders_own_name_stands(qapp, tmp_path):
    path = tmp_path / "en.pdf"
    write_consent_pdf(awaiting_order(), path, "en", NURSE, NOW)
    assert "钾" in pdf_text(path)   # named still, if not in the patient's language
