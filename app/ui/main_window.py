"""The workstation's main window: find a patient on the left, the chart on the right.

A shell: it turns what the user does into operations of the `Workstation` (app.services) and
applies what they changed (`apply`). Who may do what, what is audited and what is kept live in
the workstation; the toolbar, the status notes, the lock and sign-in pages and the requests
from the HIS are widgets of their own. It paints first and starts its work after (app.ui.start_up).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from app import __version__
from app.domain.staff import StaffMember
from app.services.changes import Changes
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from app.ui.banners import DemoBanner, UnprotectedBanner
from app.ui.chart_panel import ChartPanel
from app.ui.chart_requests import ChartRequests
from app.ui.daily_keys import DailyKeys
from app.ui.language import with_english_detail
from app.ui.layouts import keep_layouts, restore_layouts
from app.ui.main_toolbar import MainToolbar
from app.ui.order_actions import OrderActions
from app.ui.patient_search_panel import PatientSearchPanel
from app.ui.session_control import SessionControl, open_in_browser
from app.ui.session_pages import SessionPages
from app.ui.start_up import StartUp
from app.ui.status_widgets import CatalogueStatus, OutboxStatus
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:   # made on first use: the dashboard and the viewer import pyqtgraph
    from PySide6.QtGui import QCloseEvent

    from app.services.ordering.desk import OrderDesk, Worklist
    from app.services.sign_in import PlatformSession
    from app.ui.audit_view import AuditView
    from app.ui.dashboard_view import DashboardView
    from app.ui.viewer.viewer_window import ViewerWindow


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, runner: TaskRunner | None = None, station: Workstation | None = None,
                 open_url: Callable[[str], bool] = open_in_browser) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.workspace = workspace
        self.runner = runner or TaskRunner(self)
        self.station = station or Workstation(workspace)
        self.identity = self.station.identity
        config = workspace.config
        self.by_browser = config.sign_in_method == "oidc"
        self.demo_banner = DemoBanner(config, self)
        self.unprotected_banner = UnprotectedBanner("", self)   # its reason comes with the key (StartUp)

        self.search_panel = PatientSearchPanel(workspace, self.runner, self)
        self.chart = ChartPanel(workspace, self.runner, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.search_panel)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1200])
        work = QWidget(self)
        layout = QVBoxLayout(work)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.splitter, 1)
        self.pages = SessionPages(work, self)
        self.lock_page, self.sign_in_page = self.pages.lock_page, self.pages.sign_in_page
        self.sign_in_page.place.setText(" · ".join(t for t in (
            config.site_name, workspace.sources[0].label if workspace.sources else "") if t))
        outer = QWidget(self)   # the red banner above every page, the sign-in page too
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.setSpacing(0)
        outer_layout.addWidget(self.unprotected_banner)
        outer_layout.addWidget(self.pages, 1)
        self.setCentralWidget(outer)

        self.outbox_label = OutboxStatus(self.station, self.runner, self)
        self.send_timer, self.send_outbox = self.outbox_label.timer, self.outbox_label.send
        self.catalogue_label = CatalogueStatus(self)
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.statusBar().addPermanentWidget(self.catalogue_label)
        self.toolbar = MainToolbar(self.by_browser, self)
        self.addToolBar(self.toolbar)
        tb = self.toolbar
        self.user_box, self.user_name, self.language_actions = tb.user_box, tb.user_name, tb.language_actions
        self.sign_out_action, self.order_action, self.consent_action, self.dashboard_action, self.audit_action = (
            tb.sign_out_action, tb.order_action, tb.consent_action, tb.dashboard_action, tb.audit_action)
        tb.language_chosen.connect(self.choose_language)
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.audit_action.triggered.connect(self.open_audit_view)
        self.audit_view: AuditView | None = None
        self.dashboard: DashboardView | None = None   # the recognition dashboard, made on first use
        self.viewer: ViewerWindow | None = None        # the image viewer window, made on first use
        self._closed, self._asked = False, 0
        self.sessions = SessionControl(self.station, self.runner, self.pages, tb, open_url,
                                       lambda: [self.viewer, self.dashboard], self)
        self.sessions.changed.connect(self.apply)
        self.sessions.signed_in.connect(self._after_sign_in)
        self.sessions.signed_out.connect(self._close_tool_windows)
        self.keys = DailyKeys(tb, self.search_panel, self.chart, self)
        self.orders = OrderActions(self.station, self.runner, self.chart, self, self.apply)
        self.order_action.triggered.connect(self.orders.new_order)
        self.consent_action.triggered.connect(self.orders.open_consent_worklist)
        tb.my_orders_action.triggered.connect(self.orders.open_my_orders)
        tb.review_action.triggered.connect(self.orders.open_review)
        tb.feedback_action.triggered.connect(self.orders.open_feedback)
        self.idle, self.sign_in_flow = self.sessions.idle, self.sessions.flow
        self.lock, self.unlock, self.sign_out = self.sessions.lock, self.sessions.unlock, self.sessions.sign_out
        self.switch_user = self.sessions.switch_user

        self.requests = ChartRequests(self.station, self.runner, self.search_panel, self.chart, self.pages,
                                      lambda text: self.statusBar().showMessage(text, 15000))
        self.requests.launched_by.connect(self.sessions.sign_in)
        self.requests.raise_requested.connect(self._raise)
        self.open_request, self.show_report = self.requests.open_request, self.requests.show_report
        self.open_patient = self.requests.open_patient
        self.chart.loaded.connect(self._update_actions)
        self.chart.open_images.connect(self.open_images)
        self.chart.reminders_shown.connect(self.station.reminder_shown)
        self.chart.prefetch_wanted.connect(self.station.prefetch)
        self.search_panel.searched.connect(self.station.searched)
        self.search_panel.patient_chosen.connect(self.station.chart_opened)
        self.search_panel.patient_chosen.connect(self.chart.show_person)
        self.search_panel.person_updated.connect(self.chart.extend)
        self.chart.report_shown.connect(lambda assessed: self.station.report_read(
            self.chart.person, assessed.report.key.source, assessed.report.reference))
        self.retranslateUi()
        self.resize(self.screen().availableGeometry().size().boundedTo(QSize(1560, 940)))   # 1366×768 too
        restore_layouts(self._layouts())
        self._update_actions()
        # the storage, the platform session, the catalogue and the sign-in: after the first paint
        self.start_up = StartUp(self, self.station, self.runner, self.sessions,
                                (self.outbox_label, self.catalogue_label, self.unprotected_banner))

    @property
    def locked(self) -> bool:
        return self.station.locked

    @property
    def desk(self) -> OrderDesk:
        return self.station.desk

    @property
    def session(self) -> PlatformSession:
        return self.station.session

    # --- applying what changed -------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Refresh what shows what an operation changed (and send what it queued)."""
        if changes.images_closed and self.viewer is not None:
            self.viewer.close()
        if changes.patient_closed:
            self.chart.close_person()
            self.search_panel.clear()
        if changes.user or changes.locked or changes.worklist:
            self._update_actions()
        if changes.user or changes.locked:
            self.orders.session_changed()
        if changes.outbox:
            self.outbox_label.retranslateUi()
            self.outbox_label.send()

    def _update_actions(self) -> None:
        user, may = self.station.user, self.station.permissions()
        signed_out = user is None and self.by_browser
        self.toolbar.show_user(user)
        self.toolbar.allow(may, locked=self.locked, signed_out=signed_out, chart_loaded=self.chart.is_loaded)
        for window, visible in ((self.audit_view, may.reads_audit), (self.dashboard, may.reads_figures)):
            if not visible and window is not None:
                window.close()
        if self.locked or signed_out:
            return
        if not may.reads_records and self.chart.person is not None:
            self.chart.close_person()
        self.search_panel.setEnabled(may.reads_records)
        self.search_panel.setToolTip("" if may.reads_records else self.tr(
            "Administrators read the audit trail; patient records are for clinical staff"))
        self.toolbar.show_waiting(self.station.waiting_here() if user else None)
        if may.records_consent:   # only the newest answer counts: an older one may predate a write
            self._asked += 1
            self.runner.submit(self.station.fetch_waiting, on_done=partial(self._fetched, self._asked))

    def _fetched(self, asked: int, worklist: Worklist) -> None:
        if asked == self._asked:
            self.toolbar.show_waiting(worklist)

    def _after_sign_in(self, _member: StaffMember) -> None:
        loaded = self.catalogue_label.loaded
        if loaded is None or loaded.origin != "platform":   # it may have asked for sign-in
            self.runner.submit(self.station.reload_catalogue, on_done=self.catalogue_label.show_loaded)
        if problem := self.session.token_storage_problem:
            self.statusBar().showMessage(with_english_detail(self.tr(
                "Signed in only while Huren runs: this computer has no system keyring to keep the sign-in "
                "safely"), problem, " — "), 15000)

    def _close_tool_windows(self) -> None:
        for window in (self.dashboard, self.audit_view):
            if window is not None:
                window.close()

    # --- what the user opens -----------------------------------------------------------------------

    def open_images(self, assessed) -> None:  # noqa: ANN001 - AssessedStudy
        """Show a study in the viewer window, with the patient's earlier studies offered for comparison."""
        from app.ui.viewer.study_context import opener, prior_openers
        from app.ui.viewer.viewer_window import ViewerWindow

        if not assessed.study.dicomweb_base:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Images"), self.tr(
                "The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown."))
            return
        person, today = self.chart.person, self.workspace.now().date()
        self.station.study_read(person, assessed.study.key)
        if self.viewer is None:
            self.viewer = ViewerWindow(self.runner)
        images = self.station.images()
        self.viewer.open_source(*opener(assessed, person, today, images)())
        self.viewer.offer_priors(prior_openers(assessed, self.chart.assessed_studies, person, today, images))
        _bring_up(self.viewer)

    def open_audit_view(self) -> None:
        """The local audit trail, for the site's administrators."""
        from app.ui.audit_view import AuditView

        if self.audit_view is None:
            staff = [*self.toolbar.users(), self.station.user]
            self.audit_view = AuditView(self.station.auditor.log.path, self, staff=[s for s in staff if s])
        _bring_up(self.audit_view)

    def open_dashboard(self) -> None:
        """The recognition dashboard (department heads, supervisors, and anyone in the demo)."""
        from app.ui.dashboard_view import DashboardView

        if self.dashboard is None:
            self.dashboard = DashboardView(self.workspace, self.runner, self.station.user, self)
        _bring_up(self.dashboard)

    def _raise(self) -> None:
        self.showNormal()
        _bring_up(self)

    # --- language and layout -----------------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """The user picked a language ("" = the system's): every open window switches now."""
        from app.ui.language import choose_language

        self.language_actions[language].setChecked(True)
        choose_language(language)

    def retranslateUi(self) -> None:
        config = self.workspace.config
        title = self.tr("Huren — mutual recognition of results")
        title += f" — {config.site_name}" if config.site_name else ""
        title += " — " + self.tr("DEMO") if config.demo else ""
        self.setWindowTitle(title)
        self.statusBar().showMessage(self.tr("Huren {version}").format(version=__version__))
        for part in (self.toolbar, self.outbox_label, self.catalogue_label, self.demo_banner,
                     self.unprotected_banner):
            part.retranslateUi()

    def _layouts(self) -> dict[str, QWidget]:
        return {"main": self, "main.splitter": self.splitter}

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        # a closed main window has shut its workers (and maybe its outbox): nothing left to retranslate
        if event.type() == QEvent.Type.LanguageChange and not self._closed:
            self.retranslateUi()
            self.search_panel.retranslateUi()
            self.chart.retranslateUi()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        self._closed = True
        self.start_up.stop()
        keep_layouts(self._layouts())
        self.send_timer.stop()
        self.orders.stop()
        self.sign_in_flow.cancel()
        if self.viewer is not None:
            self.viewer.close()
        self.runner.shutdown(0)
        self.station.close()
        super().closeEvent(event)


def _bring_up(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
