"""The lab reports of the open patient: a list by date and the chosen report's results."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMenu, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from app.services.chart import AssessedReport
from app.ui.badge import BadgeDelegate
from app.ui.report_models import ReportListModel, ResultTableModel


def _table(model, badge_column: int, parent: QWidget) -> QTableView:
    view = QTableView(parent)
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


class LabReportsView(QWidget):
    trend_requested = Signal(str)   # a catalogue item code: show its trend across hospitals
    report_shown = Signal(object)   # AssessedReport the doctor is looking at (for the audit trail)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_model = ReportListModel(self)
        self.result_model = ResultTableModel(self)
        self.list_view = _table(self.list_model, ReportListModel.BADGE, self)
        self.list_view.setObjectName("reportList")
        self.result_view = _table(self.result_model, ResultTableModel.BADGE, self)
        self.result_view.setObjectName("resultTable")
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(ReportListModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReportListModel.HOSPITAL, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ReportListModel.REPORT, QHeaderView.ResizeMode.Interactive)
        self.list_view.setColumnWidth(ReportListModel.HOSPITAL, 180)
        self.list_view.setColumnWidth(ReportListModel.REPORT, 140)
        self.list_view.setMinimumWidth(520)
        rheader = self.result_view.horizontalHeader()
        for col in range(ResultTableModel.WHY):
            rheader.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.detail_title = QLabel()
        self.detail_title.setObjectName("reportTitle")
        self.detail_title.setWordWrap(True)
        detail = QWidget(self)
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.result_view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.result_view.doubleClicked.connect(lambda index: self.request_trend(index.row()))
        self.result_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.result_view.customContextMenuRequested.connect(self._result_menu)
        self._show_detail(None)

    def set_reports(self, reports: Sequence[AssessedReport]) -> None:
        """Replace the list, keeping the chosen report chosen (more sources may just have answered)."""
        current = self.current_report()
        self.list_model.set_reports(reports)
        row = next((i for i, a in enumerate(reports) if current and a.report.key == current.report.key), 0)
        if reports:
            self.list_view.selectRow(row)
        else:
            self._show_detail(None)

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

    def _show_detail(self, assessed: AssessedReport | None) -> None:
        self.result_model.set_report(assessed)
        if assessed is None:
            self.detail_title.setText(self.tr("No report selected"))
            return
        r = assessed.report
        when = r.effective.strftime("%Y-%m-%d %H:%M") if r.effective else "—"
        hospital = r.hospital.name if r.hospital else self.tr("Unknown hospital")
        status = "" if r.is_final else self.tr(" — status: {status}").format(
            status=r.status)
        self.detail_title.setText(self.tr("<b>{name}</b> &nbsp; {hospital} &nbsp; collected {when}{status}").format(
            name=html.escape(r.name), hospital=html.escape(hospital), when=when, status=html.escape(status)))
        self.result_view.resizeColumnsToContents()

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
        self._show_detail(self.current_report())
