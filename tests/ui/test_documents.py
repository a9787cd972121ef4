"""The original document beside the report list: a document-only report opens its rendered page;
a broken or foreign document says why instead of crashing the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.models import Document, LabReport, RecordKey
from app.services.chart import AssessedReport
from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart


def _row(window, reference: str) -> int:
    model = window.chart.reports.list_model
    return next(i for i in range(model.rowCount()) if model.report(i).report.reference == reference)


def test_a_document_only_report_opens_its_printed_page_beside_the_list(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    open_showcase_chart(qtbot, window)
    view = window.chart.reports
    model = view.list_model
    row = _row(window, "DocumentReference/by-doc-0001-02")
    assert "document only" in model.index(row, model.REPORT).data()
    assert model.index(row, model.HOSPITAL).data() == "淄博市般阳医院"
    assert model.index(row, model.BADGE).data() == "鲁HR"
    assert model.index(row, model.REPORT).data(Qt.ItemDataRole.DecorationRole) is not None
    view.select_report(row)
    assert view.document_button.isVisible() and view.document_note.isVisible() and not view.result_view.isVisible()
    assert "鲁HR" in view.document_note.text()
    assert not view.document_view.isVisible()

    qtbot.mouseClick(view.document_button, Qt.MouseButton.LeftButton)
    pane = view.document_view
    window.chart.tabs.setCurrentWidget(window.chart.trends)   # the doctor looks elsewhere while it loads
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    window.chart.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: bool(pane.pages()) and not pane.pages()[0].pixmap().isNull(), timeout=20_000)
    assert pane.isVisible() and not pane.message.isVisible()
    assert view.splitter.indexOf(pane) == 2 and view.splitter.sizes()[2] > 300   # beside the list, not over it
    assert view.list_view.isVisible() and view.list_view.width() > 300
    (page,) = pane.pages()
    pixmap = page.pixmap()
    assert 250 < pixmap.width() <= pane.width() and 1.35 < pixmap.height() / pixmap.width() < 1.48   # A4, fit
    assert "鲁HR" in pane.title.text() and "淄博市般阳医院" in pane.title.text()
    image = pixmap.toImage()
    assert image.pixelColor(pixmap.width() // 2, pixmap.height() // 2).lightness() > 200   # paper, not black
    assert min(image.pixelColor(x, int(pixmap.height() * 0.06)).lightness()
               for x in range(pixmap.width())) < 90   # ink: the hospital's name printed at the top

    # another source answering refreshes the list: the open document stays as it is
    shown = pane.pages()
    view.set_reports([model.report(i) for i in range(model.rowCount())])
    assert pane.isVisible() and pane.pages() == shown and not window.runner.busy
    assert view.current_report().report.reference == "DocumentReference/by-doc-0001-02"

    qtbot.mouseClick(pane.fit_button, Qt.MouseButton.LeftButton)
    fitted = pane.pages()[0].pixmap().width()
    assert fitted <= pane.scroll_area.viewport().width()   # fit to width: no sideways scrolling
    qtbot.mouseClick(pane.zoom_in, Qt.MouseButton.LeftButton)
    assert pane.pages()[0].pixmap().width() > fitted * 1.2
    qtbot.mouseClick(pane.fit_button, Qt.MouseButton.LeftButton)
    assert pane.pages()[0].pixmap().width() == fitted

    # the open pane follows the chosen report; one without a document closes it
    with_results = next(i for i in range(model.rowCount()) if not model.report(i).report.documents)
    view.select_report(with_results)
    assert not pane.isVisible() and view.result_view.isVisible()
    records = [r for r in window.desk.auditor.records() if r.action.value == "report-read"]
    assert any(r.entity == "DocumentReference/by-doc-0001-02" for r in records)


def _broken(window, document: Document) -> AssessedReport:
    report = LabReport(RecordKey("demo", "broken-1"), "肝功能", (), "final", ANCHOR, None, None,
                       documents=(document,), resource_type="DocumentReference")
    return AssessedReport(report, ())


def test_a_broken_or_foreign_document_shows_a_message_not_a_crash(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view = window.chart.reports
    pane = view.document_view
    cases = (
        (Document("application/pdf", "坏文件.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"),
         "cannot be read"),
        (Document("application/pdf", "外院.pdf", url="https://elsewhere.example/Binary/1"), "another server"),
        (Document("image/png", "坏图.png", b"\x89PNG\r\n\x1a\n not really"), "cannot be read"),
        (Document("application/msword", "报告.doc", b"\xd0\xcf"), "only PDF, PNG and JPEG"),
    )
    for document, words in cases:
        broken = _broken(window, document)
        view.set_reports([broken])
        view.request_document(broken)
        qtbot.waitUntil(lambda: pane.message.isVisible() and "Opening" not in pane.message.text(), timeout=10_000)
        assert words in pane.message.text(), pane.message.text()
        assert pane.pages() == [] and window.isVisible()
    view.close_document()
    assert not pane.isVisible()


def test_the_command_line_can_open_a_report_and_its_document(qtbot, make_window, demo_platform):
    """`--report ID` (for the HIS and screenshots): chosen once the chart is in, its original opened."""
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.show_report("DiagnosticReport/by-rep-0001-01")
    open_showcase_chart(qtbot, window)
    view = window.chart.reports
    qtbot.waitUntil(lambda: bool(view.document_view.pages()), timeout=20_000)
    assert view.current_report().report.reference == "DiagnosticReport/by-rep-0001-01"
    assert len(view.current_report().report.documents) == 1   # its DocumentReference is the same PDF
    assert view.splitter.sizes()[1] == 0                        # nothing but the page to show beside the list
