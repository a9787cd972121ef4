"""The open patient's chart: banner, which sources answered, lab reports and images.

Reports and studies are loaded per source on workers and merged as they arrive, newest
first; study thumbnails follow, one worker task each, and so does a report's original
document when the doctor opens it (only the latest one asked for is shown).

The views (lab reports with the document pane, trends, images, the reminder band) and the chart's
services are built when first needed, the first patient opened, not before the window's first paint:
until then the tabs hold empty pages under the banner's "No patient open" (issue 17).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.workspace import Workspace
from app.ui.patient_banner import PatientBanner
from app.ui.source_status_view import SourceStatusView, waiting
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.domain.imaging import ImagingStudy
    from app.services.chart import AssessedReport, SourceChart
    from app.services.imaging import AssessedStudy
    from app.services.lookup import PersonMatch, SourceOutcome
    from app.ui.document_view import LoadedPages
    from app.ui.lab_reports_view import LabReportsView
    from app.ui.reminder_band import ReminderBand
    from app.ui.studies_view import StudiesView
    from app.ui.trends_view import TrendsView


class ChartPanel(QWidget):
    loaded = Signal()  # every source asked for this patient has answered
    open_images = Signal(object)  # AssessedStudy the doctor asked to see
    patient_requested = Signal(str)  # a resident ID to open, as if searched (the demo's showcase patient)
    reminders_shown = Signal(object, object)  # PersonMatch, [Reminder]: once per chart opening, when loaded
    prefetch_wanted = Signal(object)  # (ImagingStudy, ...) the reminder names, to fetch ahead; () = none
    report_shown = Signal(object)  # AssessedReport the doctor reads (the lab reports view's, passed on)

    def __init__(self, workspace: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self.banner = PatientBanner(self)
        demo_id, demo_name = workspace.config.demo_patient
        if workspace.config.demo and demo_id:
            self.banner.offer_demo_patient(demo_id, demo_name)
        self.banner.demo_patient_requested.connect(self.patient_requested)
        self.source_status = SourceStatusView(self, inline=True)
        self.problems = QLabel()
        self.problems.setObjectName("chartProblems")
        self.problems.hide()
        self._reminded = False   # "shown" is recorded once per chart opening
        self._prefetching: tuple[str, ...] = ()   # UIDs of the reminded studies asked to be prefetched
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chartTabs")
        self._empty_pages = [QWidget(self.tabs) for _ in range(3)]   # until the views are built
        for page in self._empty_pages:   # lab reports, trends, images
            self.tabs.addTab(page, "")
        self._views: tuple[LabReportsView, TrendsView, StudiesView, ReminderBand] | None = None
        self._document_asked = 0   # the latest document asked for; older answers are dropped
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.source_status)
        layout.addWidget(self.problems)   # the reminder band goes below, once built
        layout.addWidget(self.tabs, 1)
        self._person: PersonMatch | None = None
        self._parts: dict[str, SourceChart] = {}
        self._asked: dict[str, SourceOutcome] = {}
        self._reports: list[AssessedReport] = []
        self._studies: list[AssessedStudy] = []
        self._retitle_tabs()

    # --- the views, built when first needed ---------------------------------------------------------

    def _built(self) -> tuple[LabReportsView, TrendsView, StudiesView, ReminderBand]:
        """The views, built now if not yet: in the tabs in place of the empty pages, the tab shown kept."""
        if self._views is None:
            from app.ui.lab_reports_view import LabReportsView
            from app.ui.reminder_band import ReminderBand
            from app.ui.studies_view import StudiesView
            from app.ui.trends_view import TrendsView

            reports, trends = LabReportsView(self), TrendsView(self.workspace.timezone, self)
            studies, band = StudiesView(self), ReminderBand(self)
            self._views = (reports, trends, studies, band)
            band.report_requested.connect(self.select_report)
            band.study_requested.connect(self.open_images)
            studies.open_requested.connect(self.open_images)
            reports.trend_requested.connect(self.show_trend)
            reports.document_requested.connect(self.open_document)
            reports.report_shown.connect(self.report_shown)
            current = self.tabs.currentIndex()
            for index, view in enumerate((reports, trends, studies)):
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, view, "")
            for empty in self._empty_pages:
                empty.deleteLater()
            self._empty_pages = []
            self.tabs.setCurrentIndex(current)
            self._layout.insertWidget(self._layout.indexOf(self.tabs), band)
            self._keep_keyboard_order()
            self._retitle_tabs()
        return self._views

    def _keep_keyboard_order(self) -> None:
        """Tab moves through the chart as when the views were built with the window: the reminder band,
        lab reports and images before the tab bar, trends after it (made last, they came last)."""
        assert self._views is not None
        reports, trends, studies, band = self._views
        after = self.tabs.previousInFocusChain() or self.source_status   # a chain is a ring: never None
        for widget in [w for view in (band, reports, studies) for w in _takes_tab(view)]:
            QWidget.setTabOrder(after, widget)
            after = widget
        after = _takes_tab(self.tabs.tabBar())[-1]   # the bar, or its scroll buttons
        for widget in _takes_tab(trends):
            QWidget.setTabOrder(after, widget)
            after = widget

    @property
    def reports(self) -> LabReportsView:
        return self._built()[0]

    @property
    def trends(self) -> TrendsView:
        return self._built()[1]

    @property
    def studies(self) -> StudiesView:
        return self._built()[2]

    @property
    def reminder_band(self) -> ReminderBand:
        return self._built()[3]

    @property
    def person(self) -> PersonMatch | None:
        return self._person

    @property
    def assessed_reports(self) -> list[AssessedReport]:
        """Every report loaded so far, newest first: what ordering checks priors against."""
        return list(self._reports)

    @property
    def assessed_studies(self) -> list[AssessedStudy]:
        """Every imaging study loaded so far, newest first."""
        return list(self._studies)

    @property
    def incomplete_sources(self) -> list[str]:
        """Sources whose part of the chart is missing or known to lack records (labels, for the user)."""
        from app.services.lookup import SourceState

        return [o.label for o in self._asked.values() if o.state is not SourceState.OK]

    @property
    def is_loaded(self) -> bool:
        return self._person is not None and len(self._parts) == len(self._asked)

    def show_person(self, person: PersonMatch) -> None:
        self._person = person
        self._parts, self._asked, self._reports, self._studies = {}, {}, [], []
        self.banner.show_person(person, self.workspace.now().date())
        self._close_document()
        self.reports.set_reports([])
        self.trends.set_reports([], None, self.workspace.now().date())
        self.studies.set_studies([])
        self._retitle_tabs()
        self.problems.hide()
        self.reminder_band.clear()
        self._reminded = False
        self._want_prefetch(())
        self.extend(person)

    def close_person(self) -> None:
        """Nobody's chart: another user took the workstation. Late answers are ignored."""
        self._person = None
        self._parts, self._asked, self._reports, self._studies = {}, {}, [], []
        self.banner.show_person(None, self.workspace.now().date())
        self.source_status.set_outcomes([])
        self._retitle_tabs()
        self.problems.hide()
        self._want_prefetch(())
        if self._views is not None:   # never built: nothing was shown
            self._close_document()
            self.reports.set_reports([])
            self.trends.set_reports([], None, self.workspace.now().date())
            self.studies.set_studies([])
            self.reminder_band.clear()

    def extend(self, person: PersonMatch) -> None:
        """More sources found records of the open person: load only what is new."""
        from app.services.chart import load_source_chart

        if self._person is None or person.key != self._person.key:
            return
        self._person = person
        for record in person.records:
            source = self.workspace.source(record.key.source)
            if source.name in self._asked:
                continue
            self._asked[source.name] = waiting([(source.name, source.label)])[0]
            self.runner.submit(load_source_chart, source, record, self.workspace,
                               on_done=partial(self._on_part, person.key))
        self._refresh_status()

    def _on_part(self, key: str, part: SourceChart) -> None:
        from app.services.chart import newest_first
        from app.services.imaging import newest_studies_first
        from app.services.reminders import reminders

        if self._person is None or key != self._person.key:
            return  # the doctor has moved on to another patient
        from app.services.lookup import SourceState

        self._parts[part.outcome.source] = part
        self._asked[part.outcome.source] = part.outcome
        reports = self._reports = newest_first(r for p in self._parts.values() for r in p.reports)
        self.reports.set_reports(reports)
        loaded = self.workspace.loaded_catalogue_if_any()   # fetched by the chart's workers; never waited for here
        self.trends.set_reports(reports, loaded.catalogue if loaded else None, self.workspace.now().date())
        self._studies = newest_studies_first(s for p in self._parts.values() for s in p.studies)
        self.banner.set_hospitals(
            list(dict.fromkeys([*(a.report.hospital.name for a in reports if a.report.hospital),
                                *(a.study.hospital.name for a in self._studies if a.study.hospital)])),
            loading=len(self._parts) < len(self._asked),
            incomplete=any(o.state is not SourceState.OK for o in self._asked.values()
                           if o.state is not SourceState.WAITING))
        self.studies.set_studies(self._studies)
        self._retitle_tabs()
        self.reminder_band.set_reminders(reminders(reports, self._studies, self.workspace.config.organization))
        self._want_prefetch(tuple(r.study.study for r in self.reminder_band.reminders if r.study is not None))
        from app.services.image_loading import study_thumbnail  # the DICOMweb side: with the first study

        for a in part.studies:
            if a.study.dicomweb_base and not self.studies.model.has_thumbnail(a.study.uid):
                self.runner.submit(study_thumbnail, a.study, 128, self.workspace.connection(a.study.key.source),
                                   on_done=partial(self._on_thumbnail, key, a.study.uid),
                                   on_error=lambda _e: None)
        self._render_problems()
        self._refresh_status()
        if len(self._parts) == len(self._asked):
            if not self._reminded and self.reminder_band.reminders:
                self._reminded = True
                self.reminders_shown.emit(self._person, self.reminder_band.reminders)
            self.loaded.emit()

    def _want_prefetch(self, studies: tuple[ImagingStudy, ...]) -> None:
        """The reminded studies' images start downloading (the workstation's low-priority prefetch);
        a new set replaces the last, none (patient closed or another opened) cancels it."""
        uids = tuple(s.uid for s in studies)
        if uids != self._prefetching:
            self._prefetching = uids
            self.prefetch_wanted.emit(studies)

    def _on_thumbnail(self, key: str, study_uid: str, data: bytes | None) -> None:
        if self._person is None or key != self._person.key or not data:
            return
        from PySide6.QtGui import QPixmap

        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self.studies.model.set_thumbnail(study_uid, pixmap.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                                                      Qt.TransformationMode.SmoothTransformation))

    def open_document(self, assessed: AssessedReport, index: int = 0) -> None:
        """A report's printed document in the pane beside the list, fetched and rendered on a worker."""
        from app.ui.document_view import load_pages

        documents = assessed.report.documents
        if not 0 <= index < len(documents):
            return
        self._document_asked += 1
        asked = self._document_asked
        self.tabs.setCurrentWidget(self.reports)
        self.reports.show_document_pane(assessed)
        self.reports.document_view.show_loading(self.reports.document_title(assessed), documents, index)
        self.runner.submit(load_pages, self.workspace, assessed.report, documents[index],
                           on_done=partial(self._on_pages, asked),
                           on_error=partial(self._on_document_problem, asked))

    def _on_pages(self, asked: int, pages: LoadedPages) -> None:
        if asked == self._document_asked and self.reports.document_open:
            self.reports.document_view.show_pages(pages)

    def _on_document_problem(self, asked: int, error: BaseException) -> None:
        if asked == self._document_asked and self.reports.document_open:
            self.reports.document_view.show_problem(error)

    def _close_document(self) -> None:
        self._document_asked += 1
        self.reports.close_document()

    def select_report(self, assessed: AssessedReport) -> None:
        """A report chosen from outside the list (the reminder band): shown as if clicked."""
        row = next((i for i, a in enumerate(self._reports) if a is assessed), None)
        if row is not None:
            self.tabs.setCurrentWidget(self.reports)
            self.reports.select_report(row)

    def show_trend(self, item_code: str) -> None:
        """A result's item across hospitals over time (from a report's result table)."""
        self.trends.choose([item_code])
        self.tabs.setCurrentWidget(self.trends)

    def _render_problems(self) -> None:
        problems = [x for p in self._parts.values() for x in p.problems]
        if problems:
            from app.ui.badge import LOOKS

            self.problems.setStyleSheet(f"color: {LOOKS['some'].on_white}")
            self.problems.setText(self.tr("{n} unreadable records were skipped (hover for details)").format(
                n=len(problems)))
            self.problems.setToolTip("\n".join(problems[:50]))
            self.problems.show()

    def _retitle_tabs(self) -> None:
        self.tabs.setTabText(0, self.tr("Lab reports ({n})").format(n=len(self._reports)))
        self.tabs.setTabText(1, self.tr("Trends"))
        self.tabs.setTabText(2, self.tr("Images ({n})").format(n=len(self._studies)))

    def _refresh_status(self) -> None:
        self.source_status.set_outcomes(list(self._asked.values()))

    def retranslateUi(self) -> None:
        self.banner.retranslateUi()
        if self._views is not None:
            self.reminder_band.retranslateUi()
            self.reports.retranslateUi()
            self.studies.retranslateUi()
        self._retitle_tabs()
        self._render_problems()
        self._refresh_status()


def import_views() -> None:
    """The views' modules imported for their cost, on a worker once start-up's work is done: the first
    patient's chart then only builds the widgets (~15 ms, against ~65 ms with the imports on the
    window's thread, measured from source). Nothing in them makes a Qt object on import, so any
    thread may import them."""
    from app.ui import lab_reports_view, reminder_band, studies_view, trends_view  # noqa: F401


def _takes_tab(view: QWidget) -> list[QWidget]:
    """The widgets of `view` (itself included) that Tab reaches, in their order."""
    found: list[QWidget] = []
    widget: QWidget | None = view
    while widget is not None and (widget is view or view.isAncestorOf(widget)):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found
