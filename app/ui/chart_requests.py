"""Charts asked for from outside the window: the HIS (a launch, a `huren://` link, a second start)
and the command line name a patient, maybe an item to plot or a report to open.

The patient is searched as a user would search; the item or report waits until the chart is in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.services.workstation import Workstation
from app.ui.chart_panel import ChartPanel
from app.ui.patient_search_panel import PatientSearchPanel
from app.ui.session_pages import SessionPages
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:   # named only: requests come after the first paint, the sign-in with the platform session
    from app.launch import LaunchRequest
    from app.services.sign_in import LaunchResult


class ChartRequests(QObject):
    #: The platform named the user of an HIS launch (a StaffMember): the window signs them in.
    launched_by = Signal(object)
    #: The window comes to the front (asked for with the request).
    raise_requested = Signal()

    def __init__(self, station: Workstation, runner: TaskRunner, search: PatientSearchPanel, chart: ChartPanel,
                 pages: SessionPages, message: Callable[[str], None]) -> None:
        super().__init__(chart)
        self.station, self.runner, self.search, self.chart, self.pages = station, runner, search, chart, pages
        self.message = message
        self._item = ""
        self._report = ""
        chart.loaded.connect(self._show_pending)
        chart.patient_requested.connect(self.open_patient)   # the demo's showcase patient, offered when empty

    def open_request(self, request: LaunchRequest) -> None:
        """What the HIS asked for: the patient, then the item's results; focus only when asked."""
        if request.launch:   # the platform says who and which patient
            if self.pages.signing_in:
                self.pages.sign_in_page.show_waiting()
            self.runner.submit(self.station.session.launch, request.launch,
                               on_done=lambda result: self._launched(result, request), on_error=self._launch_failed)
        else:
            self._item = request.item
            if request.patient:
                self.station.visit_named(request.patient_text, request.visit)
                self.open_patient(request.patient_text)
        if request.raise_window:
            self.raise_requested.emit()

    def _launched(self, result: LaunchResult, request: LaunchRequest) -> None:
        self.launched_by.emit(result.user)   # a switch of user forgets the visit before: named after it
        self._item = request.item
        self.station.visit_named(result.patient_text, request.visit)
        self.open_patient(result.patient_text)

    def _launch_failed(self, error: BaseException) -> None:
        reason = getattr(error, "message", None) or str(error)
        self.station.sign_in_refused(f"HIS launch: {reason}")
        text = self.tr("The HIS launch was refused: {error}").format(error=reason)
        if self.pages.signing_in:
            self.pages.sign_in_page.show_problem(text)
        self.message(text)

    def open_patient(self, text: str) -> None:
        """Open the patient the HIS or the command line names (resident ID or any identifier)."""
        from app.services.lookup import PatientQuery, QueryKind

        query = PatientQuery.from_text(text)
        if query.kind is QueryKind.RESIDENT_ID:
            self.search.id_edit.setText(query.value)
        self.search.run_query(query, auto_open=True)

    def show_report(self, report_id: str) -> None:
        """Once the chart is in, choose this report (`id` or `Type/id`) and open its printed original."""
        self._report = report_id
        self._show_pending()

    def _show_pending(self) -> None:
        if not self.chart.is_loaded:
            return
        item, self._item = self._item, ""
        report, self._report = self._report, ""
        if item:
            self._show_item(item)
        if report:
            self._show_report(report)

    def _show_item(self, item: str) -> None:
        from app.services.ordering.plan import UnknownCode, resolve

        catalogue = self.station.catalogue_at_hand()   # the chart's verdicts needed it: it is here
        try:
            found = resolve(catalogue, [item])[:1] if catalogue else []
        except UnknownCode:
            found = []
        if not found:
            self.message(self.tr("Unknown item {code}").format(code=item))
            return
        self.chart.show_trend(found[0].code)

    def _show_report(self, wanted: str) -> None:
        view = self.chart.reports
        rows = [i for i in range(view.list_model.rowCount())
                if wanted in (view.list_model.report(i).report.key.id, view.list_model.report(i).report.reference)]
        if not rows:
            self.message(self.tr("No report {id} in this chart").format(id=wanted))
            return
        view.select_report(rows[0])
        assessed = view.list_model.report(rows[0])
        if assessed.report.documents:
            view.request_document(assessed)
