"""What the main window's keys without a button do: find a patient, step through reports, list
the keys (app/ui/shortcuts.py declares them; the toolbar owns the actions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.chart_panel import ChartPanel
from app.ui.main_toolbar import MainToolbar
from app.ui.patient_search_panel import PatientSearchPanel

if TYPE_CHECKING:   # made at the first F1: its table's Qt types wait until then
    from app.ui.shortcuts_page import ShortcutsPage


class DailyKeys(QObject):
    def __init__(self, toolbar: MainToolbar, search: PatientSearchPanel, chart: ChartPanel, window: QWidget) -> None:
        super().__init__(window)
        self.toolbar, self.search, self.chart, self.window = toolbar, search, chart, window
        window.addActions(toolbar.key_actions)
        toolbar.search_action.triggered.connect(self.find_patient)
        toolbar.next_report_action.triggered.connect(lambda: self.step_report(1))
        toolbar.previous_report_action.triggered.connect(lambda: self.step_report(-1))
        toolbar.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.page: ShortcutsPage | None = None

    def find_patient(self) -> None:
        """To the first field of the search mode chosen, its text selected for typing over."""
        page = self.search.pages.currentWidget()
        field = page.findChild(QLineEdit) if page is not None else None
        if field is not None:
            field.setFocus()
            field.selectAll()

    def step_report(self, step: int) -> None:
        """The next (or previous) report of the chart, on the reports tab; stays at either end."""
        view = self.chart.reports
        count = view.list_model.rowCount()
        if not count:
            return
        self.chart.tabs.setCurrentWidget(view)
        rows = view.list_view.selectionModel().selectedRows()
        row = rows[0].row() + step if rows else 0
        view.select_report(min(max(row, 0), count - 1))
        view.list_view.setFocus()

    def show_shortcuts(self) -> None:
        if self.page is None:
            from app.ui.shortcuts_page import ShortcutsPage

            self.page = ShortcutsPage(self.toolbar.keyed_actions, self.window)
        else:
            self.page.retranslateUi()
        self.page.show()
        self.page.raise_()
