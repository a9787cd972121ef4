"""The lab reports of the open patient: a list by date, the chosen report's results, its original document.

The document pane is the splitter's third part, shown when the doctor asks for a report's
original document ("Original document", a double-click, the list's menu) and following the
chosen report while open. A report that came only as a document has no results to show:
its detail says so and gives the verdict of the report as a whole.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QItemSelection, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.chart import AssessedReport
from app.ui import verdict_text
from app.ui.badge import LOOKS, BadgeDelegate
from app.ui.document_view import DocumentView
from app.ui.report_models import ReportListModel, ResultTableModel
from app.ui.result_table import ResultTable
from app.ui.status_text import status_text

#: The narrowest the list lets its hospital and report names be (they elide, whole in the tooltip).
NAME_MIN_WIDTH = 90
#: The list's share of the room when a chart opens (at least what its badges need, at most 560 pixels).
LIST_SHARE = 0.42


def _table(model: QAbstractItemModel, badge_column: int, parent: QWidget, view: QTableView | None = None) -> QTableView:
    view = view or QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    view.setItemDelegateForColumn(badge_column, BadgeDelegate(view))
    view.horizontalHeader().setStretchLastSection(True)
    return view


def same_report(a: AssessedReport, b: AssessedReport) -> bool:
    """One report of one source (a DiagnosticReport and a DocumentReference may share an id)."""
    return a.report.key == b.report.key and a.report.resource_type == b.report.resource_type


class LabReportsView(QWidget):
    trend_requested = Signal(str)   # a catalogue item code: show its trend across hospitals
    report_shown = Signal(object)   # AssessedReport the doctor is looking at (for the audit trail)
    document_requested = Signal(object, int)   # AssessedReport and which of its documents to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_model = ReportListModel(self)
        self.result_model = ResultTableModel(self)
        self.list_view = _table(self.list_model, ReportListModel.BADGE, self)
        self.list_view.setObjectName("reportList")
        self.result_view = ResultTable(self)
        _table(self.result_model, ResultTableModel.BADGE, self, self.result_view)
        self.result_view.arrange()
        self.result_view.setObjectName("resultTable")
        # The badge is never cut: its column is as wide as its widest pill; the names share the rest.
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ReportListModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReportListModel.HOSPITAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReportListModel.REPORT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ReportListModel.BADGE, QHeaderView.ResizeMode.ResizeToContents)
        self._fit_list()

        self.detail_title = QLabel()
        self.detail_title.setObjectName("reportTitle")
        self.detail_title.setWordWrap(True)
        self.document_button = QPushButton()
        self.document_button.setObjectName("originalDocumentButton")
        self.document_button.clicked.connect(lambda: self.request_document(self.current_report()))
        self.document_note = QLabel()
        self.document_note.setObjectName("documentOnlyNote")
        self.document_note.setWordWrap(True)
        self.document_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail = detail = QWidget(self)
        title_row = QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.addWidget(self.detail_title, 1)
        title_row.addWidget(self.document_button, 0, Qt.AlignmentFlag.AlignTop)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addLayout(title_row)
        dl.addWidget(self.document_note)
        dl.addWidget(self.result_view, 1)
        self.document_view = DocumentView(self)
        self.document_view.hide()
        self._following = True
        self._shared = False   # the room between list and results shared out (once, see _share_room)
        self.document_view.closed.connect(self.close_document)
        self.document_view.document_chosen.connect(lambda i: self.request_document(self.current_report(), i))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(detail)
        self.splitter.addWidget(self.document_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([560, 700, 0])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.list_view.doubleClicked.connect(lambda index: self.request_document(self.list_model.report(index.row())))
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._report_menu)
        self.result_view.doubleClicked.connect(lambda index: self.request_trend(index.row()))
        self.result_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.result_view.customContextMenuRequested.connect(self._result_menu)
        self.retranslateUi()

    def set_reports(self, reports: Sequence[AssessedReport]) -> None:
        """Replace the list, keeping the chosen report chosen (more sources may just have answered).

        An open document stays open on its report; it closes only when the list lost it.
        """
        current = self.current_report()
        self._following = False
        try:
            self.list_model.set_reports(reports)
            self._fit_list()
            if reports and not self._shared:
                self._share_room()
            row = next((i for i, a in enumerate(reports) if current and same_report(a, current)), 0)
            if reports:
                self.list_view.selectRow(row)
            else:
                self._show_detail(None)
        finally:
            self._following = True
        if self.document_open:
            now = self.current_report()
            if now is None or not now.report.documents:
                self.close_document()
            elif current is None or not same_report(now, current):
                self.request_document(now)

    def current_report(self) -> AssessedReport | None:
        rows = self.list_view.selectionModel().selectedRows() if self.list_view.selectionModel() else []
        return self.list_model.report(rows[0].row()) if rows else None

    def select_report(self, row: int) -> None:
        self.list_view.selectRow(row)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        current = self.current_report()
        self._show_detail(current)
        if current is not None:
            self.report_shown.emit(current)
        if self.document_open and self._following:   # the open pane follows the chosen report
            if current is not None and current.report.documents:
                self.request_document(current)
            else:
                self.close_document()

    def _show_detail(self, assessed: AssessedReport | None) -> None:
        self.result_model.set_report(assessed)
        has_documents = assessed is not None and bool(assessed.report.documents)
        self.document_button.setVisible(has_documents)
        document_only = assessed is not None and assessed.report.document_only
        self.document_note.setVisible(document_only)
        self.result_view.setVisible(not document_only)
        if assessed is None:
            self.detail_title.setText(self.tr("No report selected"))
            return
        self.detail_title.setText(self.report_title(assessed))
        if document_only and assessed.document_verdict is not None:
            v = assessed.document_verdict
            self.document_note.setText(self.tr(
                "This report came only as its printed document: no structured results. Its recognition is "
                "judged for the report as a whole.\n\n{badge}: {why}").format(
                badge=verdict_text.badge_text(v), why=verdict_text.reason_text(v)))
            self.document_note.setToolTip(verdict_text.tooltip(v))
        self.result_view.resizeColumnsToContents()
        self.result_view.fit_why()

    def _share_room(self) -> None:
        """Once, when the first chart is in: the list as wide as it needs, the results the rest (on a
        1366-pixel screen the list gives up some width so that the results keep their "why")."""
        sizes = self.splitter.sizes()
        total = sizes[0] + sizes[1]
        if not self.isVisible() or total <= 0 or self.document_open:
            return
        self._shared = True
        width = max(self.list_view.minimumWidth(), min(560, int(total * LIST_SHARE)))
        self.splitter.setSizes([width, total - width, 0])

    def _fit_list(self) -> None:
        """The list may not be made so narrow that a badge is cut (in Indonesian the widest)."""
        view, header = self.list_view, self.list_view.horizontalHeader()
        badges = max(view.sizeHintForColumn(ReportListModel.BADGE), header.sectionSizeHint(ReportListModel.BADGE))
        dates = max(view.sizeHintForColumn(ReportListModel.DATE), header.sectionSizeHint(ReportListModel.DATE))
        view.setMinimumWidth(dates + 2 * NAME_MIN_WIDTH + badges + view.verticalScrollBar().sizeHint().width()
                             + 2 * view.frameWidth() + 2)

    def report_title(self, assessed: AssessedReport) -> str:
        """The report in one rich-text line: name, hospital, when (and its status when not final)."""
        r = assessed.report
        when = r.effective.strftime("%Y-%m-%d %H:%M") if r.effective else "—"
        hospital = r.hospital.name if r.hospital else self.tr("Unknown hospital")
        status = "" if r.is_final else self.tr(" — status: {status}").format(status=status_text(r.status))
        return self.tr("<b>{name}</b> &nbsp; {hospital} &nbsp; collected {when}{status}").format(
            name=html.escape(r.name), hospital=html.escape(hospital), when=when, status=html.escape(status))

    def document_title(self, assessed: AssessedReport) -> str:
        """The pane's header: the report and its recognition, so the page is never read without it."""
        look = LOOKS.get(assessed.summary.state, LOOKS["none"])
        return self.report_title(assessed) + ' &nbsp; <span style="color:{c}; font-weight:600">{badge}</span>'.format(
            c=look.on_white, badge=html.escape(verdict_text.summary_text(assessed.summary)))

    # --- the original document ----------------------------------------------------------------

    @property
    def document_open(self) -> bool:
        """The pane is open (even while another tab hides the whole view)."""
        return not self.document_view.isHidden()

    def request_document(self, assessed: AssessedReport | None, index: int = 0) -> None:
        """Ask for a report's document (the chart panel loads it on a worker and fills the pane)."""
        if assessed is None or not 0 <= index < len(assessed.report.documents):
            return
        current = self.current_report()
        if current is None or not same_report(current, assessed):
            row = next((i for i in range(self.list_model.rowCount())
                        if same_report(self.list_model.report(i), assessed)), None)
            if row is not None:
                self._following = False   # this request is the one to answer, not the selection's
                self.list_view.selectRow(row)
                self._following = True
        self.document_requested.emit(assessed, index)

    def show_document_pane(self, assessed: AssessedReport) -> None:
        """Open the pane beside the list; a document-only report gives the detail's room to the page."""
        opening = not self.document_open
        self.document_view.show()
        total = max(self.splitter.width(), 900)
        # the list keeps every column whole (its badges above all); the page takes the rest
        header = self.list_view.horizontalHeader()
        badge = ReportListModel.BADGE
        badges = max(self.list_view.sizeHintForColumn(badge), header.sectionSizeHint(badge))
        whole = sum(header.sectionSize(c) for c in range(badge)) + badges + \
            self.list_view.verticalScrollBar().sizeHint().width() + 2 * self.list_view.frameWidth() + 2
        list_width = min(max(self.splitter.sizes()[0], whole), total // 2)
        rest = max(total - list_width, 400)
        detail_width = 0 if assessed.report.document_only else int(rest * 0.42)
        if opening or assessed.report.document_only != (self.splitter.sizes()[1] == 0):
            self.splitter.setSizes([list_width, detail_width, rest - detail_width])

    def close_document(self) -> None:
        if not self.document_open:
            return
        sizes = self.splitter.sizes()
        self.document_view.hide()
        self.splitter.setSizes([sizes[0], max(sizes[1] + sizes[2], 300), 0])

    def _report_menu(self, pos: QPoint) -> None:
        index = self.list_view.indexAt(pos)
        if not index.isValid():
            return
        assessed = self.list_model.report(index.row())
        menu = QMenu(self)
        action = menu.addAction(self.tr("Original document"), lambda: self.request_document(assessed))
        action.setEnabled(bool(assessed.report.documents))
        menu.exec(self.list_view.viewport().mapToGlobal(pos))

    def request_trend(self, row: int) -> None:
        if 0 <= row < self.result_model.rowCount():
            _result, verdict = self.result_model.row(row)
            if verdict.item is not None:
                self.trend_requested.emit(verdict.item.code)

    def _result_menu(self, pos: QPoint) -> None:
        index = self.result_view.indexAt(pos)
        if not index.isValid():
            return
        _result, verdict = self.result_model.row(index.row())
        menu = QMenu(self)
        action = menu.addAction(self.tr("Trend across hospitals"), lambda: self.request_trend(index.row()))
        action.setEnabled(verdict.item is not None)
        menu.exec(self.result_view.viewport().mapToGlobal(pos))

    def retranslateUi(self) -> None:
        self.document_button.setText(self.tr("Original document"))
        self.document_button.setToolTip(self.tr("The report as the hospital printed it, beside the list"))
        self.document_view.retranslateUi()
        self._show_detail(self.current_report())
        self._fit_list()
