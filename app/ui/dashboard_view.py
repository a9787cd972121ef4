"""The recognition dashboard: what mutual recognition did, for department heads and supervisors.

Recognitions and repeats over time, repeats by reason, tables by department, doctor and item
with the fees the patients saved, and the recognition funnel (dashboard_funnel.py), for a date
range and a hospital; "Export CSV" writes the decisions, the funnel's records and every table.
The records come from the platform on the window's task runner (services/dashboard.py); every
figure is computed by app/domain/recognition_stats.py and recognition_funnel.py, so the
headline numbers, the charts, the tables and the files always agree. A change of
hospital or period recomputes at once; a change of dates needs Refresh (a new search).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.recognition_funnel import Fate, FunnelSummary, summarize_funnel
from app.domain.recognition_stats import Filter, Period, Summary, hospitals, summarize
from app.domain.staff import StaffMember
from app.services.dashboard import DashboardData, load_decisions
from app.services.dashboard_export import ExportNames, export_summary
from app.services.workspace import Workspace
from app.ui.dashboard_charts import OverTimeChart, ReasonChart
from app.ui.dashboard_funnel import FunnelPanel
from app.ui.dashboard_models import RowTableModel, SortRole
from app.ui.qt_dates import python_date
from app.ui.repeat_reason_text import reason_name
from app.ui.source_status_view import gap_texts
from app.ui.tasks import TaskRunner

# The hospital box's entry for "every hospital".
ALL_HOSPITALS = None


class DashboardView(QWidget):
    def __init__(self, workspace: Workspace, runner: TaskRunner, user: StaffMember | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboardView")
        self.workspace, self.runner, self.user = workspace, runner, user
        self.data: DashboardData | None = None
        self.summary: Summary | None = None
        self.funnel: FunnelSummary | None = None
        self._request = 0
        self._hospital_chosen = False

        today = workspace.now().date()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.hospital_label, self.period_label = QLabel(), QLabel()
        self.from_edit = self._date_edit(today - timedelta(days=365))
        self.to_edit = self._date_edit(today)
        self.hospital_box = QComboBox()
        self.hospital_box.setObjectName("dashboardHospital")
        self.hospital_box.setMinimumWidth(220)
        self.period_box = QComboBox()
        self.period_box.setObjectName("dashboardPeriod")
        for period in Period:
            self.period_box.addItem("", period)
        self.period_box.setCurrentIndex(list(Period).index(Period.MONTH))
        self.refresh_button = QPushButton()
        self.export_button = QPushButton()
        self.export_button.setEnabled(False)
        filters = QHBoxLayout()
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit, self.hospital_label,
                  self.hospital_box, self.period_label, self.period_box, self.refresh_button):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.headlines = QHBoxLayout()
        self.recognized_caption, self.recognized_value = self._headline("recognizedValue", "#2e7d32")
        self.repeated_caption, self.repeated_value = self._headline("repeatedValue", "#ef6c00")
        self.revoked_caption, self.revoked_value = self._headline("revokedValue", "#5f6670")
        self.rate_caption, self.rate_value = self._headline("rateValue", "#1565c0")
        self.saved_caption, self.saved_value = self._headline("savedValue", "#2e7d32")

        self.over_time_title, self.reason_title = QLabel(), QLabel()
        self.over_time_chart = OverTimeChart()
        self.reason_chart = ReasonChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        for title, chart in ((self.over_time_title, self.over_time_chart), (self.reason_title, self.reason_chart)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            title.setStyleSheet("font-weight: 600;")
            column.addWidget(title)
            column.addWidget(chart, 1)
            charts.addWidget(box)
        charts.setSizes([700, 500])

        self.department_model, self.doctor_model, self.item_model = RowTableModel(), RowTableModel(), RowTableModel()
        self.tabs = QTabWidget()
        self.tables: list[QTableView] = []
        for model in (self.department_model, self.doctor_model, self.item_model):
            self.tabs.addTab(self._table(model), "")
        self.funnel_panel = FunnelPanel()
        self.tabs.addTab(self.funnel_panel, "")

        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(self.tabs)
        body.setSizes([380, 360])
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(self.headlines)
        layout.addWidget(body, 1)
        layout.addWidget(self.status)

        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._choose_export_folder)
        self.hospital_box.currentIndexChanged.connect(self._on_hospital_chosen)
        self.period_box.currentIndexChanged.connect(lambda _i: self._render())
        self.from_edit.dateChanged.connect(self._on_dates_changed)
        self.to_edit.dateChanged.connect(self._on_dates_changed)
        self.retranslateUi()
        self.resize(1280, 860)
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _headline(self, name: str, colour: str) -> tuple[QLabel, QLabel]:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        caption, value = QLabel(), QLabel("–")
        value.setObjectName(name)
        value.setStyleSheet(f"font-size: 22px; font-weight: 600; color: {colour};")
        grid.addWidget(caption, 0, 0)
        grid.addWidget(value, 1, 0)
        self.headlines.addWidget(frame, 1)
        return caption, value

    def _table(self, model: RowTableModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SortRole)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)   # the model's order (most decisions first) until a click
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tables.append(view)
        return view

    # --- words ---------------------------------------------------------------------------------

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Recognition dashboard"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.hospital_label.setText(self.tr("Hospital"))
        self.period_label.setText(self.tr("Per"))
        words = {Period.DAY: self.tr("Day"), Period.WEEK: self.tr("Week"), Period.MONTH: self.tr("Month")}
        for i in range(self.period_box.count()):
            self.period_box.setItemText(i, words[self.period_box.itemData(i)])
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.recognized_caption.setText(self.tr("Recognized"))
        self.repeated_caption.setText(self.tr("Repeated"))
        self.revoked_caption.setText(self.tr("Recognitions revoked"))
        self.rate_caption.setText(self.tr("Recognition rate"))
        self.saved_caption.setText(self.tr("Fees saved"))
        self.over_time_title.setText(self.tr("Recognitions and repeats over time"))
        self.reason_title.setText(self.tr("Repeats by reason"))
        self.tabs.setTabText(0, self.tr("By department"))
        self.tabs.setTabText(1, self.tr("By doctor"))
        self.tabs.setTabText(2, self.tr("By item"))
        self.tabs.setTabText(3, self.tr("Funnel"))
        names = self.export_names()
        self.department_model.set_headers(names.departments)
        self.doctor_model.set_headers(names.doctors)
        self.item_model.set_headers(names.items)
        if self.hospital_box.count():
            self.hospital_box.setItemText(0, self.tr("All hospitals"))

    def export_names(self) -> ExportNames:
        """The tables' column headers (shared by the tables on screen and the CSV files)."""
        hospital, department, doctor = self.tr("Hospital"), self.tr("Department"), self.tr("Doctor")
        code, item = self.tr("Item code"), self.tr("Item")
        figures = (self.tr("Recognized"), self.tr("Repeated"), self.tr("Recognition rate"),
                   self.tr("Fees saved (¥)"))
        return self._with_funnel_words(ExportNames(
            decisions=(self.tr("Time"), hospital, department, doctor, code, item, self.tr("Decision"),
                       self.tr("Reason"), self.tr("Reason code"), self.tr("Fee (¥)"), self.tr("Fees saved (¥)"),
                       self.tr("Record")),
            over_time=(self.tr("Period from"), *figures),
            reasons=(self.tr("Reason"), self.tr("Reason code"), self.tr("Repeats")),
            departments=(hospital, department, *figures),
            doctors=(doctor, hospital, department, *figures),
            items=(code, item, *figures),
            recognized=self.tr("recognized"), repeated=self.tr("repeated"), revoked=self.tr("revoked"),
            reason_text=reason_name))

    def _with_funnel_words(self, names: ExportNames) -> ExportNames:
        """`names` with the funnel's words: stages, figures, record columns, outcomes, verdicts."""
        hospital, department, doctor, code, item = names.decisions[1:6]
        recognized, repeated, overlooked, revoked = (self.tr("Recognized"), self.tr("Repeated with reason"),
                                                     self.tr("Overlooked"), self.tr("Revoked"))
        patients, reminded, opened = (self.tr("Patients with recognizable priors"), self.tr("Reminded"),
                                      self.tr("Prior opened"))
        return replace(
            names, stages=(patients, reminded, opened, recognized, repeated, overlooked, revoked),
            funnel=(self.tr("Stage"), self.tr("Count"), self.tr("Of the stage above")),
            funnel_figures=(patients, reminded, opened, self.tr("Access rate"), recognized, repeated, overlooked,
                            revoked, self.tr("Recognition rate")),
            funnel_records=(self.tr("Visit"), self.tr("Date"), hospital, department, doctor, self.tr("Patient"),
                            code, item, self.tr("Issuing hospital"), reminded, opened, self.tr("Outcome"),
                            self.tr("Record")),
            verdicts=(self.tr("Verdict"), self.tr("Repeats")),
            verdict_words=(self.tr("reasonable"), self.tr("unreasonable"), self.tr("not reviewed")),
            fates={Fate.RECOGNIZED: self.tr("recognized"), Fate.REPEATED: self.tr("repeated with reason"),
                   Fate.OVERLOOKED: self.tr("overlooked"), Fate.REVOKED: self.tr("revoked")},
            not_ordered=self.tr("not ordered"), yes_no=(self.tr("yes"), self.tr("no")))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            self._render()
        super().changeEvent(event)

    # --- loading -------------------------------------------------------------------------------

    def dates(self) -> tuple[date, date]:
        return python_date(self.from_edit.date()), python_date(self.to_edit.date())

    def refresh(self) -> None:
        """Search the platform(s) for the chosen dates, on the task runner."""
        start, end = self.dates()
        if end < start:
            self.status.setText(self.tr("The range ends before it starts."))
            return
        self._request += 1
        request = self._request
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Loading the order records of {start} to {end}…").format(start=start, end=end))
        self.runner.submit(load_decisions, self.workspace, start, end,
                           on_done=lambda data: self._on_loaded(request, data),
                           on_error=lambda e: self._on_failed(request, e))

    @property
    def loading(self) -> bool:
        return not self.refresh_button.isEnabled()

    def _on_loaded(self, request: int, data: DashboardData) -> None:
        if request != self._request:
            return   # an older search answered after a newer one was asked
        self.refresh_button.setEnabled(True)
        self.data = data
        self._fill_hospitals()
        self._render()

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("The order records could not be loaded: {error}").format(error=error))

    def _on_dates_changed(self) -> None:
        if self.data is not None and self.dates() != (self.data.start, self.data.end):
            self.status.setText(self.tr("Dates changed: press Refresh to search the platform again."))

    def _fill_hospitals(self) -> None:
        assert self.data is not None
        current = self.hospital_box.currentData() if self.hospital_box.count() else ALL_HOSPITALS
        if not self._hospital_chosen and self.user is not None and self.user.is_department_head:
            current = self.user.organization_id   # a head starts on their own hospital
        self.hospital_box.blockSignals(True)
        self.hospital_box.clear()
        self.hospital_box.addItem(self.tr("All hospitals"), ALL_HOSPITALS)
        for hospital_id, name in hospitals(self.data.decisions):
            self.hospital_box.addItem(name or self.tr("(hospital not known)"), hospital_id)
        index = self.hospital_box.findData(current)
        self.hospital_box.setCurrentIndex(max(index, 0))
        self.hospital_box.blockSignals(False)

    def _on_hospital_chosen(self, _index: int) -> None:
        self._hospital_chosen = True
        self._render()

    # --- showing -------------------------------------------------------------------------------

    def selection(self) -> Filter:
        assert self.data is not None
        return Filter(self.data.start, self.data.end, self.hospital_box.currentData())

    def period(self) -> Period:
        return self.period_box.currentData()

    def _render(self) -> None:
        if self.data is None:
            return
        summary = self.summary = summarize(self.data.decisions, self.selection(), self.period())
        t = summary.totals
        self.recognized_value.setText(str(t.recognized))
        self.repeated_value.setText(str(t.repeated))
        self.revoked_value.setText(str(t.revoked))
        self.rate_value.setText("–" if t.rate is None else f"{t.rate * 100:.1f}%")
        whole, cents = divmod(t.fees_saved_fen, 100)
        self.saved_value.setText(f"¥{whole:,}.{cents:02d}")
        period = self.period()
        self.over_time_chart.set_data(
            [_period_label(start, period) for start, _ in summary.over_time],
            [tally.recognized for _, tally in summary.over_time], [tally.repeated for _, tally in summary.over_time],
            (self.tr("Recognized"), self.tr("Repeated")))
        self.reason_chart.set_data([reason_name(r) for r, _ in summary.reasons], [n for _, n in summary.reasons])
        self.department_model.set_rows(summary.departments)
        self.doctor_model.set_rows(summary.doctors)
        self.item_model.set_rows(summary.items)
        self.funnel = summarize_funnel(self.data.visits(), self.selection(), period, self.data.verdicts)
        self.funnel_panel.set_summary(self.funnel, self.export_names(), self.data.funnel_failed)
        self.export_button.setEnabled(True)
        self.status.setText(self._status_text())

    def _status_text(self) -> str:
        assert self.data is not None and self.summary is not None
        parts = [self.tr("{n} decisions from {start} to {end}").format(
            n=len(self.summary.decisions), start=self.data.start, end=self.data.end)]
        for outcome in self.data.failed:
            if outcome.answered:   # partial: the figures count only what the platform gave
                parts.append(self.tr("{source} incomplete: {gaps}").format(
                    source=outcome.label, gaps="; ".join(gap_texts(outcome))))
            else:
                parts.append(self.tr("{source} not reached: {message}").format(source=outcome.label,
                                                                              message=outcome.message))
        for outcome in self.data.funnel_failed:
            if outcome not in self.data.failed:   # its AuditEvents alone: the funnel's upper stages
                parts.append(self.tr("{source}: reminders and openings missing from the funnel ({why})").format(
                    source=outcome.label, why="; ".join(gap_texts(outcome)) if outcome.answered else outcome.message))
        return " · ".join(parts)

    # --- export --------------------------------------------------------------------------------

    def _choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the CSV files"), str(Path.home()))
        if folder:
            self.export_csv(Path(folder))

    def export_csv(self, folder: Path) -> list[Path]:
        """The decisions and every table of what is shown, as CSV files in `folder`."""
        if self.summary is None or self.data is None:
            return []
        which = self.selection()
        stem = f"huren-recognition-{which.start}-{which.end}" + (f"-{which.hospital_id}" if which.hospital_id else "")
        # A funnel known to lack a platform's reminders and openings is not written as if whole.
        missing = ", ".join(o.label for o in self.data.funnel_failed)
        try:
            written = export_summary(folder, self.summary, stem, self.export_names(),
                                     funnel=None if missing else self.funnel)
        except OSError as e:
            self.status.setText(self.tr("Export failed: {error}").format(error=e))
            return []
        text = self.tr("{n} CSV files written to {folder}").format(n=len(written), folder=folder)
        if missing:
            text += " · " + self.tr("the funnel's files were left out: the reminders and openings of {sources} "
                                    "could not be read").format(sources=missing)
        self.status.setText(text)
        return written


def _period_label(start: date, period: Period) -> str:
    return start.strftime("%Y-%m") if period is Period.MONTH else start.strftime("%m-%d")
