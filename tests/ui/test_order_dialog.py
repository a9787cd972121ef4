"""The order dialog on the demo's showcase patient: readable at 1366×768 in every language, priors as
in the chart (chart unit, "converted from …", flag and range), and no internal codes in the catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionComboBox

from app.domain.repeat_orders import RepeatReason
from app.services.ordering.plan import orderables
from app.ui.repeat_reason_text import reason_name
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_language_switch import restore_language  # noqa: F401 - a fixture
from tests.ui.test_order_flow import open_showcase

#: The dialog on 1366×768, the commonest outpatient screen: 728 high above a 40-pixel taskbar, and
#: that less the window's frame (about 16 wide, 40 high), which is what the dialog opens at there.
SIZES = ((1366, 728), (1350, 688))
#: Eight rows on the showcase patient: fasting glucose, the six lipids (triglycerides flagged high), HbA1c.
CHOSEN = ("glucose", "lipids", "hba1c")


def order_dialog(qtbot, window, reports=None):
    from app.ui.order_dialog import OrderDialog

    dialog = OrderDialog(window.station, window.chart.person,
                         window.chart.assessed_reports if reports is None else reports, window)
    qtbot.addWidget(dialog)
    return dialog


def edit_field(combo) -> QRect:
    """Where a combo box draws its current text (what is not inside is elided)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)


def cut_off_texts(table) -> list[str]:
    """The texts of the table's cells that do not fit their cell (wrapped where the table wraps)."""
    cut = []
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            width, height = table.columnWidth(col), table.rowHeight(row)
            item, widget = table.item(row, col), table.cellWidget(row, col)
            if item is not None and item.text():
                margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
                box = table.fontMetrics().boundingRect(QRect(0, 0, width - 2 * margin, 10_000),
                                                       Qt.TextFlag.TextWordWrap, item.text())
                if box.width() > width - 2 * margin or box.height() > height:
                    cut.append(item.text())
            if isinstance(widget, QLabel) and widget.text():
                need = widget.sizeHint()
                if need.width() > width or need.height() > height:
                    cut.append(widget.text())
    return cut


def assert_every_reason_reads_in_full(qtbot, dialog, size: tuple[int, int]) -> None:
    """Each row's reason is drawn whole inside the visible table, and no other cell is cut off."""
    table = dialog.decision_table
    dialog.resize(*size)
    qtbot.waitUntil(lambda: dialog.width() == size[0])
    qtbot.wait(20)
    assert table.horizontalScrollBar().maximum() == 0          # nothing hides to the right
    for row, reason in enumerate(RepeatReason):
        combo = table.editors(row).reason
        text = combo.currentText()
        assert text == reason_name(reason)
        needed = combo.fontMetrics().horizontalAdvance(text)
        assert needed <= table.columnWidth(table.REASON), (size, text)
        assert needed <= edit_field(combo).width(), (size, text)   # drawn whole, not elided
        left = combo.mapTo(table.viewport(), QPoint(0, 0)).x()
        assert 0 <= left and left + combo.width() <= table.viewport().width(), (size, text)
    assert cut_off_texts(table) == [], size
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height(), \
        "all eight rows are in sight"


@pytest.mark.parametrize("lang", ["zh_CN", "en", "id"])
def test_every_reason_reads_in_full_at_1366x768(qtbot, make_window, demo_platform, restore_language, lang):  # noqa: F811
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.choose_language(lang)
    open_showcase(qtbot, window)
    dialog = order_dialog(qtbot, window)
    dialog.choose(*CHOSEN)
    dialog.check_priors()
    rows = [d.item_code for d in dialog.decisions()]
    assert len(rows) == len(RepeatReason) == 8
    for code, reason in zip(rows, RepeatReason, strict=True):   # every reason chosen once
        dialog.set_repeat(code, reason, "患者要求" if reason is RepeatReason.OTHER else "")
    assert dialog.send_button.isEnabled(), dialog.problems_label.text()
    dialog.show()
    qtbot.waitExposed(dialog)
    if lang == "zh_CN":   # the language is really in use: the words measured are the ones shown
        assert reason_name(RepeatReason.EMERGENCY) == "急诊、急救需要"
    elif lang == "id":
        assert reason_name(RepeatReason.EMERGENCY) == "Kegawatdaruratan"
    for size in SIZES:
        assert_every_reason_reads_in_full(qtbot, dialog, size)

    # Switched while open (to the language with the longest reasons, or from it): measured again.
    window.choose_language("zh_CN" if lang == "id" else "id")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert_every_reason_reads_in_full(qtbot, dialog, SIZES[-1])
    dialog.close()


def test_the_dialog_opens_no_larger_than_the_screen(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase(qtbot, window)
    dialog = order_dialog(qtbot, window)
    free = window.screen().availableGeometry()
    assert dialog.width() <= free.width() and dialog.height() <= free.height()


def test_priors_read_as_in_the_chart_converted_flagged_with_their_range(qtbot, make_window, demo_platform):
    """Weifang sends glucose in mg/dL and HbA1c over its range; on a platform that relays no printed
    reports they are the newest recognizable priors."""
    from app.services.ordering.plan import plan

    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.choose_language("en")
    open_showcase(qtbot, window)
    reports = [a for a in window.chart.assessed_reports if not a.report.document_only]
    dialog = order_dialog(qtbot, window, reports)
    dialog.choose("LAB-GLU", "LAB-HBA1C", "LAB-CREA")
    dialog.check_priors()
    table = dialog.decision_table
    priors = {d.item_code: d.prior for d in dialog.decisions()}
    shown = {code: table.cellWidget(dialog.row_of(code), table.PRIOR).text() for code in priors}

    written = plan([window.station.catalogue_at_hand().items["LAB-GLU"]], reports)[0].best.result
    assert written.unit == "mg/dL" and written.flag == "H"
    glucose = priors["LAB-GLU"]
    assert glucose.unit == "mmol/L" and float(glucose.value) == pytest.approx(written.value / 18.016, abs=0.01)
    assert glucose.converted_from == f"{written.display_value()} mg/dL"
    low = float(glucose.reference_range.split("–")[0])
    assert low == pytest.approx(written.reference_range.low / 18.016, abs=0.01)
    assert f"{glucose.value} mmol/L ↑" in shown["LAB-GLU"]
    assert f"converted from {written.display_value()} mg/dL" in shown["LAB-GLU"]
    assert f"reference range {glucose.reference_range}" in shown["LAB-GLU"]
    assert "#c62828" in shown["LAB-GLU"]                      # the chart's red for a high value

    hba1c = priors["LAB-HBA1C"]   # "8.3 % against 4.0–5.9 looks normal" no more
    assert hba1c.abnormal and hba1c.flag == "H" and hba1c.converted_from == ""
    assert f"{hba1c.value} % ↑" in shown["LAB-HBA1C"] and f"reference range {hba1c.reference_range}" in \
        shown["LAB-HBA1C"]

    creatinine = priors["LAB-CREA"]   # normal, and already in the chart's unit: as written, no arrow
    assert not creatinine.abnormal and creatinine.converted_from == ""
    assert "↑" not in shown["LAB-CREA"] and "↓" not in shown["LAB-CREA"] and "converted" not in shown["LAB-CREA"]
    assert f"reference range {creatinine.reference_range}" in shown["LAB-CREA"]


def test_the_catalogue_lists_names_not_codes(qtbot, make_window, demo_platform, restore_language):  # noqa: F811
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.choose_language("zh_CN")
    open_showcase(qtbot, window)
    dialog = order_dialog(qtbot, window)
    codes = [o.code for o in orderables(window.station.catalogue_at_hand())]

    def listed() -> list[str]:
        return [dialog.orderable_list.item(i).text() for i in range(dialog.orderable_list.count())]

    assert len(listed()) == len(codes) and "组合：肾功能 — 4项" in listed()
    assert [text for text in listed() if any(code.lower() in text.lower() for code in codes)] == []
    dialog.search.setText("kidney-function")            # a code typed still finds what it names
    assert listed() == ["组合：肾功能 — 4项"]
    window.choose_language("en")
    qtbot.waitUntil(lambda: "Panel: Kidney function — 4 items" in listed())
    assert dialog.orderable_list.item(0).toolTip() == "Creatinine, Urea, Uric acid, Cystatin C"
