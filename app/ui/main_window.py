"""The workstation's main window: find a patient on the left, the chart on the right."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain.staff import StaffMember
from app.preferences import LANGUAGES, load_preferences
from app.services.identity import Identity, available_users
from app.services.lookup import PatientQuery, QueryKind
from app.services.ordering.desk import OrderDesk, Worklist
from app.services.sign_in import LaunchResult, PlatformSession
from app.services.ordering.sending import SendSummary
from app.services.workspace import LoadedCatalogue, Workspace
from app.ui.chart_panel import ChartPanel
from app.ui.layouts import keep_layouts, restore_layouts
from app.ui.lock_screen import DialogVeil, IdleWatch, LockPage
from app.ui.patient_search_panel import PatientSearchPanel
from app.ui.role_text import role_name
from app.ui.sign_in_flow import BrowserSignInFlow
from app.ui.sign_in_page import SignInPage
from app.ui.tasks import TaskRunner


def open_in_browser(url: str) -> bool:
    """The system browser, where the hospital's sign-in page (and its single sign-on) lives."""
    return QDesktopServices.openUrl(QUrl(url))


class MainWindow(QMainWindow):
    #: How often the outbox is tried while records wait (ms); each entry backs off on its own.
    SEND_INTERVAL_MS = 5000
    #: The platform ended the session (emitted from whichever worker noticed).
    session_ended = Signal(str)

    def __init__(self, workspace: Workspace, runner: TaskRunner | None = None,
                 desk: OrderDesk | None = None, open_url: Callable[[str], bool] = open_in_browser) -> None:
        super().__init__()
        self.workspace = workspace
        self.runner = runner or TaskRunner(self)
        self.desk = desk or OrderDesk(workspace, Identity())
        self.identity = self.desk.identity
        self.session = PlatformSession(workspace, self.identity)
        self.session.on_sign_in_required(self.session_ended.emit)
        self.session_ended.connect(self._on_session_ended)
        self.by_browser = workspace.config.sign_in_method == "oidc"
        self.setObjectName("mainWindow")
        self.demo_banner = QLabel()
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setStyleSheet("background: #ffd54f; color: #3e2723; font-weight: 600; padding: 4px;")
        # The demo, or a site running without sign-in: nobody may mistake it for the real thing.
        self.demo_banner.setVisible(workspace.config.demo or workspace.config.sign_in_method == "demo")
        # No keyring, and the site chose to work anyway: whoever reads this account's files reads the records.
        self.unprotected_banner = QLabel()
        self.unprotected_banner.setObjectName("unprotectedBanner")
        self.unprotected_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unprotected_banner.setWordWrap(True)     # never what decides how narrow the window may be
        self.unprotected_banner.setStyleSheet("background: #c62828; color: white; font-weight: 600; padding: 4px;")
        unprotected = workspace.records_at_rest().unprotected
        self.unprotected_banner.setToolTip(unprotected)
        self.unprotected_banner.setVisible(bool(unprotected))

        self.search_panel = PatientSearchPanel(workspace, self.runner, self)
        self.chart = ChartPanel(workspace, self.runner, self)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.search_panel)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 1200])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.demo_banner)
        layout.addWidget(splitter, 1)
        self.lock_page = LockPage(self)
        self.lock_page.unlock_requested.connect(self.unlock)
        self.sign_in_page = SignInPage(self)
        self.sign_in_page.place.setText(" · ".join(t for t in (
            workspace.config.site_name, workspace.sources[0].label if workspace.sources else "") if t))
        self.sign_in_flow = BrowserSignInFlow(self.session, self.runner, open_url, self)
        self.sign_in_flow.signed_in.connect(self._signed_in)
        self.sign_in_flow.failed.connect(self._sign_in_failed)
        self.sign_in_page.sign_in_requested.connect(self.begin_sign_in)
        self.sign_in_page.cancel_requested.connect(self.sign_in_flow.cancel)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(central)
        self.pages.addWidget(self.lock_page)
        self.pages.addWidget(self.sign_in_page)
        # Above every page, the sign-in page too: whoever works here should know before signing in.
        outer = QWidget(self)
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.setSpacing(0)
        outer_layout.addWidget(self.unprotected_banner)
        outer_layout.addWidget(self.pages, 1)
        self.setCentralWidget(outer)
        self.locked = False
        self._hidden_on_lock: list[QWidget] = []
        self._veils: list[DialogVeil] = []
        self.idle = IdleWatch(workspace.config.auto_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.catalogue_label = QLabel()
        self.catalogue_label.setObjectName("catalogueStatus")
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outboxStatus")
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.statusBar().addPermanentWidget(self.catalogue_label)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self.user_label = QLabel()
        self.user_box = QComboBox()
        self.user_box.setObjectName("userBox")
        self.user_box.setMinimumWidth(260)
        self.user_name = QLabel()
        self.user_name.setObjectName("userName")
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("signOutAction")
        self.order_action = QAction(self)
        self.consent_action = QAction(self)
        self.dashboard_action = QAction(self)
        self.audit_action = QAction(self)
        self.audit_action.setObjectName("auditAction")
        self.toolbar.addWidget(self.user_label)
        self.toolbar.addWidget(self.user_box).setVisible(not self.by_browser)
        self.toolbar.addWidget(self.user_name).setVisible(self.by_browser)
        self.toolbar.addAction(self.sign_out_action)
        self.sign_out_action.setVisible(self.by_browser)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.order_action)
        self.toolbar.addAction(self.consent_action)
        self.toolbar.addAction(self.dashboard_action)
        self.toolbar.addAction(self.audit_action)
        self.toolbar.addSeparator()
        self._build_language_menu()
        self.user_box.currentIndexChanged.connect(self._on_user_chosen)
        self.order_action.triggered.connect(self.new_order)
        self.consent_action.triggered.connect(self.open_consent_worklist)
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.audit_action.triggered.connect(self.open_audit_view)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.audit_view = None
        self.dashboard = None   # the recognition dashboard, made on first use (it imports pyqtgraph)
        self.chart.loaded.connect(self._update_actions)
        self.chart.loaded.connect(self._show_pending_item)
        self.chart.loaded.connect(self._show_pending_report)
        self._pending_report = ""
        self.identity.subscribe(lambda _user: self._update_actions())
        self._sending = False
        self._closed = False
        self._worklist = Worklist([])
        self.send_timer = QTimer(self)
        self.send_timer.setInterval(self.SEND_INTERVAL_MS)
        self.send_timer.timeout.connect(self.send_outbox)
        self.send_timer.start()

        self.chart.open_images.connect(self.open_images)
        self.search_panel.searched.connect(self._audit_search)
        self.search_panel.patient_chosen.connect(self._audit_patient)
        self.chart.reports.report_shown.connect(self._audit_report)
        self._audited_reports: set[str] = set()
        self.viewer = None   # the image viewer window, made on first use (it imports pyqtgraph)
        self._image_cache = None
        self.search_panel.patient_chosen.connect(self.chart.show_person)
        self.search_panel.person_updated.connect(self.chart.extend)
        self._catalogue: LoadedCatalogue | None = None
        self.retranslateUi()
        self.resize(1560, 940)
        restore_layouts(self._layouts())
        self.runner.submit(workspace.loaded_catalogue, on_done=self._on_catalogue,
                           on_error=lambda e: self.catalogue_label.setText(
                               self.tr("Catalogue not loaded: {e}").format(e=e)))
        if self.by_browser:   # a session kept in the keyring resumes; otherwise the sign-in page
            self.pages.setCurrentWidget(self.sign_in_page)
            self.sign_in_page.show_waiting()
            self.runner.submit(self.session.resume, on_done=self._resumed,
                               on_error=lambda e: self.sign_in_page.show_problem(str(e)))
        else:
            self.runner.submit(available_users, workspace, on_done=self._on_users,
                               on_error=lambda e: self.user_box.setToolTip(str(e)))
        self._update_actions()
        self._render_outbox()

    # --- who is working ------------------------------------------------------------------------

    def _on_users(self, users: list[StaffMember]) -> None:
        self.user_box.blockSignals(True)
        self.user_box.clear()
        for u in users:
            self.user_box.addItem(self._user_text(u), u)
        self.user_box.blockSignals(False)
        if users:
            self.user_box.setCurrentIndex(0)
            self._on_user_chosen(0)

    def _user_text(self, u: StaffMember) -> str:
        return f"{u.name} · {role_name(u.role)} · {u.department} · {u.organization_name}".replace(" ·  · ", " · ")

    def _on_user_chosen(self, index: int) -> None:
        user = self.user_box.itemData(index)
        if user is not None and user != self.identity.current:
            from app.domain.audit import AuditAction

            previous = self.identity.current
            if previous is not None:
                self.desk.auditor.record(AuditAction.SIGN_OUT, previous)
            self.identity.sign_in(user)
            self.desk.auditor.record(AuditAction.SIGN_IN, user)
            if previous is not None:
                self._leave_images()
            if self.locked:
                self._hand_over_locked()

    # -- signing in with the hospital account (the site's method "oidc") ---------------------------

    def begin_sign_in(self) -> None:
        """Open the hospital's sign-in page in the browser and wait for it on a worker."""
        self.sign_in_page.show_waiting()
        self.sign_in_flow.start()

    def _sign_in_failed(self, text: str, cancelled: bool) -> None:
        from app.domain.audit import AuditAction

        self.sign_in_page.show_problem(text)
        if not cancelled:   # a refused sign-in is audited (BALP: minor failure)
            self.desk.auditor.record(AuditAction.SIGN_IN, None, detail=text, outcome="4")

    def _resumed(self, member: StaffMember | None) -> None:
        if member is None:
            self.sign_in_page.show_sign_in()
        else:
            self._signed_in(member)

    def _signed_in(self, member: StaffMember) -> None:
        """Someone signed in (browser, kept session, HIS launch): the same user goes on, another takes over."""
        from app.domain.audit import AuditAction

        previous = self.identity.current
        if member != previous and not self.by_browser and self._choose_in_box(member):
            return   # the User box signs a demo account in, audits it and hands a locked screen over
        if member != previous:
            if previous is not None:
                self.desk.auditor.record(AuditAction.SIGN_OUT, previous)
                self._leave_images()
            self.identity.sign_in(member)
            self.desk.auditor.record(AuditAction.SIGN_IN, member)
        if self.locked:
            if member == previous:
                self.unlock()
            else:
                self._hand_over_locked()
        elif self.pages.currentWidget() is self.sign_in_page:
            if previous is not None and member != previous:
                self.chart.close_person()
            self.pages.setCurrentIndex(0)
            self.idle.restart()
        if self._catalogue is None or self._catalogue.origin != "platform":   # it may have asked for sign-in
            self.runner.submit(self.workspace.reload_catalogue, on_done=self._on_catalogue)
        problem = self.session.token_storage_problem
        if problem:
            self.statusBar().showMessage(self.tr("Signed in only while Huren runs: this computer has no system "
                                                 "keyring to keep the sign-in safely ({problem})").format(
                problem=problem), 15000)
        self._update_actions()

    def _choose_in_box(self, member: StaffMember) -> bool:
        index = next((i for i in range(self.user_box.count())
                      if self.user_box.itemData(i).practitioner_id == member.practitioner_id), -1)
        if index >= 0:
            self.user_box.setCurrentIndex(index)
        return index >= 0

    def sign_out(self) -> None:
        """End the session here and on the platform; the next user starts from the sign-in page."""
        from app.domain.audit import AuditAction

        user = self.identity.current
        if user is None:
            return
        self.desk.auditor.record(AuditAction.SIGN_OUT, user)
        self._leave_images()
        for w in (self.dashboard, self.audit_view):
            if w is not None:
                w.close()
        self.chart.close_person()
        self.identity.sign_out()
        self.runner.submit(self.session.sign_out, on_done=lambda _none: None)
        self.sign_in_page.show_sign_in()
        self.pages.setCurrentWidget(self.sign_in_page)
        self._update_actions()

    def _on_session_ended(self, reason: str) -> None:
        """The platform refused to renew the session: the screen stays, under the sign-in page."""
        if self.identity.current is None:
            return   # nobody signed in yet: the sign-in page is what shows already
        if self.locked:
            self.sign_in_page.show_locked(self.identity.current.name, self.workspace.now(), reason)
        else:
            self.lock(reason)

    # -- auto-lock --------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Hide patient data: the lock page in place of the chart, other windows and dialogs veiled."""
        user = self.identity.current
        if self.locked or user is None:
            return
        from app.domain.audit import AuditAction

        self.locked = True
        self.idle.stop()
        if self.by_browser:   # unlocking is signing in again
            self.sign_in_page.show_locked(user.name, self.workspace.now(), reason)
            self.pages.setCurrentWidget(self.sign_in_page)
        else:
            self.lock_page.show_for(user.name, self.workspace.now())
            self.pages.setCurrentWidget(self.lock_page)
        self._hidden_on_lock = [w for w in (self.viewer, self.dashboard) if w is not None and w.isVisible()]
        for w in self._hidden_on_lock:
            w.hide()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        self._veils = [DialogVeil(d) for d in dialogs]
        self._update_actions()
        self.desk.auditor.record(AuditAction.LOCK, user)

    def unlock(self) -> None:
        """The same user comes back: everything as it was, typed text included."""
        if not self.locked:
            return
        from app.domain.audit import AuditAction

        self._unveil()
        for w in self._hidden_on_lock:
            w.show()
        self._hidden_on_lock = []
        self.desk.auditor.record(AuditAction.UNLOCK, self.identity.current)

    def _unveil(self) -> None:
        for veil in self._veils:
            veil.lift()
        self._veils = []
        self.locked = False
        self.pages.setCurrentIndex(0)
        self._update_actions()
        self.idle.restart()

    def _hand_over_locked(self) -> None:
        """Another user signed in at the lock: the previous user's patient and windows are closed."""
        dialogs = [v.dialog for v in self._veils]
        self._unveil()
        for dialog in dialogs:
            dialog.reject()
        for w in self._hidden_on_lock:
            w.close()
        self._hidden_on_lock = []
        self.chart.close_person()

    def _leave_images(self) -> None:
        """Another user takes the workstation: close the images, and on shared ones forget them."""
        if self.viewer is not None:
            self.viewer.close()
        if self.workspace.config.clear_image_cache_on_sign_out:
            self.image_cache.clear()

    def switch_user(self, practitioner_id: str) -> None:
        """Demo accounts: become another staff member, as picking them in the User box does."""
        index = next(i for i in range(self.user_box.count())
                     if self.user_box.itemData(i).practitioner_id == practitioner_id)
        self.user_box.setCurrentIndex(index)

    # -- the audit trail: who looked at what (local hash chain + AuditEvents via the outbox) --

    def _audit_search(self, query) -> None:  # noqa: ANN001 - PatientQuery
        self.desk.auditor.search(self.identity.current, query.kind.value, (query.value, query.name))

    def _audit_patient(self, person) -> None:  # noqa: ANN001 - PersonMatch
        self._audited_reports.clear()
        self.desk.auditor.patient_opened(self.identity.current, person.records)

    def _audit_report(self, assessed) -> None:  # noqa: ANN001 - AssessedReport
        """Once per report and patient: a doctor clicking back and forth is one look, not twenty."""
        key = f"{assessed.report.key.source}:{assessed.report.reference}"
        person = self.chart.person
        if key in self._audited_reports or person is None:
            return
        self._audited_reports.add(key)
        self.desk.auditor.report_read(self.identity.current, person.record_at(assessed.report.key.source),
                                      assessed.report.reference)

    @property
    def image_cache(self):  # noqa: ANN201 - ImageCache, imported lazily with the viewer
        if self._image_cache is None:
            from app.services.image_loading import image_cache

            self._image_cache = image_cache(self.workspace)
        return self._image_cache

    def open_images(self, assessed) -> None:  # noqa: ANN001 - AssessedStudy
        """Show a study in the viewer window, with the patient's earlier studies offered for comparison."""
        from app.services.image_loading import study_images
        from app.ui.viewer.study_context import opener, prior_openers
        from app.ui.viewer.viewer_window import ViewerWindow

        if not assessed.study.dicomweb_base:
            QMessageBox.information(self, self.tr("Images"), self.tr(
                "The hospital gave no address for these images (no DICOMweb endpoint), so they cannot be shown."))
            return
        person = self.chart.person
        if person is not None:
            self.desk.auditor.study_read(self.identity.current, person, assessed.study.key)
        today = self.workspace.now().date()
        if self.viewer is None:
            self.viewer = ViewerWindow(self.runner)
        images = study_images(self.workspace, self.image_cache)
        source, context = opener(assessed, self.chart.person, today, images)()
        self.viewer.open_source(source, context)
        self.viewer.offer_priors(prior_openers(assessed, self.chart.assessed_studies, self.chart.person, today,
                                               images))
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()

    def _update_actions(self) -> None:
        user = self.identity.current
        self.sign_out_action.setEnabled(user is not None and not self.locked)
        if self.by_browser:
            self.user_name.setText(self._user_text(user) if user else self.tr("not signed in"))
        reads_audit = bool(user and user.reads_audit_trail)
        may_read_figures = self.workspace.config.demo or bool(user and user.reads_recognition_figures)
        for action, window, visible in ((self.audit_action, self.audit_view, reads_audit),
                                        (self.dashboard_action, self.dashboard, may_read_figures)):
            action.setVisible(visible)
            if not visible and window is not None:
                window.close()
        if self.locked or (user is None and self.by_browser):
            for action in (self.order_action, self.consent_action, self.dashboard_action, self.audit_action):
                action.setEnabled(False)
            return
        self.audit_action.setEnabled(True)
        reads_records = user is None or user.reads_patient_records
        if not reads_records and self.chart.person is not None:
            self.chart.close_person()
        self.search_panel.setEnabled(reads_records)
        self.search_panel.setToolTip("" if reads_records else self.tr(
            "Administrators read the audit trail; patient records are for clinical staff"))
        self.dashboard_action.setEnabled(True)
        self.order_action.setEnabled(bool(user and user.is_physician and self.chart.is_loaded))
        may_record = self.desk.may_record_consent(user)
        self.consent_action.setEnabled(may_record)
        self._show_waiting(Worklist(self.desk.waiting_for_consent() if user else []))
        if may_record:
            self.runner.submit(self.desk.fetch_waiting, on_done=self._show_waiting)

    def _show_waiting(self, worklist: Worklist) -> None:
        self._worklist = worklist
        count = f"{len(worklist.orders)}+" if worklist.incomplete else str(len(worklist.orders))
        self.consent_action.setText(self.tr("Awaiting consent ({n})").format(n=count))

    # --- language ----------------------------------------------------------------------------

    def _build_language_menu(self) -> None:
        """Named in all three languages, so that anyone can find it whatever the interface speaks."""
        self.language_button = QToolButton(self)
        self.language_button.setObjectName("languageButton")
        self.language_button.setText("Language / 语言 / Bahasa")  # deliberately the same in every language
        self.language_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.language_menu = QMenu(self)
        group = QActionGroup(self)
        chosen = load_preferences().language
        self.language_actions: dict[str, QAction] = {}
        for code, name in [("", ""), *LANGUAGES.items()]:
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code or 'system'}")
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_button.setMenu(self.language_menu)
        self.toolbar.addWidget(self.language_button)

    def choose_language(self, language: str) -> None:
        """The user picked a language ("" = the system's): every open window switches now."""
        from app.ui.language import choose_language

        self.language_actions[language].setChecked(True)
        choose_language(language)

    # --- orders and consent ------------------------------------------------------------------

    def new_order(self) -> None:
        from app.ui.order_dialog import OrderDialog

        if self.chart.person is None:
            return
        dialog = OrderDialog(self.desk, self.chart.person, self.chart.assessed_reports, self,
                             incomplete=self.chart.incomplete_sources)
        self.open_dialog = dialog  # reachable while it runs (tests drive it)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.order() is not None:
            order = dialog.order()
            self.statusBar().showMessage(self.tr("Order saved: waiting for the patient's consent") if order.repeats
                                         else self.tr("Recognition recorded; the patient saves the fee"), 8000)
        self._after_change()

    def open_consent_worklist(self) -> None:
        from app.ui.consent_worklist_dialog import ConsentWorklistDialog

        dialog = ConsentWorklistDialog(self.desk, self.runner, self)
        self.open_dialog = dialog
        dialog.exec()
        self._after_change()

    def open_audit_view(self) -> None:
        """The local audit trail, for the site's administrators."""
        from app.ui.audit_view import AuditView

        if self.audit_view is None:
            staff = [self.user_box.itemData(i) for i in range(self.user_box.count())] + [self.identity.current]
            self.audit_view = AuditView(self.desk.auditor.log.path, self, staff=[s for s in staff if s])
        self.audit_view.show()
        self.audit_view.raise_()
        self.audit_view.activateWindow()

    def open_dashboard(self) -> None:
        """The recognition dashboard (department heads, supervisors, and anyone in the demo)."""
        from app.ui.dashboard_view import DashboardView

        if self.dashboard is None:
            self.dashboard = DashboardView(self.workspace, self.runner, self.identity.current, self)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()

    def _after_change(self) -> None:
        self._update_actions()
        self._render_outbox()
        self.send_outbox()

    def send_outbox(self) -> None:
        """Try the outbox on a worker when something waits; one attempt at a time."""
        if self._sending or not self.desk.unsent():
            return
        self._sending = True
        self.runner.submit(self.desk.send_due, on_done=self._on_sent, on_error=lambda _e: self._on_sent(None))

    def _on_sent(self, _summary: SendSummary | None) -> None:
        self._sending = False
        self._render_outbox()

    def _render_outbox(self) -> None:
        waiting, refused = self.desk.unsent(), self.desk.refused()
        if refused:
            text = self.tr("{n} records refused by the platform (hover for why)").format(n=len(refused))
            colour = "#c62828"
        elif waiting:
            text, colour = self.tr("{n} records waiting to be sent").format(n=waiting), "#c77700"
        else:
            text, colour = self.tr("All records sent"), "#1b7f3b"
        self.outbox_label.setText(text)
        self.outbox_label.setStyleSheet(f"color: {colour}")
        self.outbox_label.setToolTip("\n".join(
            self.tr("{when}: {error}").format(when=time.strftime("%Y-%m-%d %H:%M", time.localtime(e.created)),
                                               error=e.last_error) for e in refused))

    def open_request(self, request) -> None:  # noqa: ANN001 - LaunchRequest
        """What the HIS asked for: the patient, then the item's results; focus only when asked."""
        if request.launch:   # the platform says who and which patient
            if self.pages.currentWidget() is self.sign_in_page:
                self.sign_in_page.show_waiting()
            self.runner.submit(self.session.launch, request.launch,
                               on_done=lambda result: self._launched(result, request),
                               on_error=self._launch_failed)
            if request.raise_window:
                self._raise()
            return
        self._pending_item = request.item
        if request.patient:
            self.open_patient(request.patient_text)
        if request.raise_window:
            self._raise()

    def _raise(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _launched(self, result: LaunchResult, request) -> None:  # noqa: ANN001 - LaunchRequest
        self._signed_in(result.user)
        self._pending_item = request.item
        self.open_patient(result.patient_text)

    def _launch_failed(self, error) -> None:  # noqa: ANN001 - an exception
        from app.domain.audit import AuditAction

        self.desk.auditor.record(AuditAction.SIGN_IN, None, detail=f"HIS launch: {getattr(error, 'message', error)}",
                                 outcome="4")
        text = self.tr("The HIS launch was refused: {error}").format(error=getattr(error, "message", None) or error)
        if self.pages.currentWidget() is self.sign_in_page:
            self.sign_in_page.show_problem(text)
        self.statusBar().showMessage(text, 15000)

    def _show_pending_item(self) -> None:
        item = getattr(self, "_pending_item", "")
        if not item or not self.chart.is_loaded:
            return
        self._pending_item = ""
        from app.services.ordering.plan import UnknownCode, resolve

        try:
            (found,) = resolve(self.workspace.catalogue, [item])[:1]
        except (UnknownCode, ValueError):
            self.statusBar().showMessage(self.tr("Unknown item {code}").format(code=item), 8000)
            return
        self.chart.show_trend(found.code)

    def show_report(self, report_id: str) -> None:
        """Once the chart is in, choose this report (`id` or `Type/id`) and open its printed original."""
        self._pending_report = report_id
        self._show_pending_report()

    def _show_pending_report(self) -> None:
        wanted = self._pending_report
        if not wanted or not self.chart.is_loaded:
            return
        self._pending_report = ""
        view = self.chart.reports
        rows = [i for i in range(view.list_model.rowCount())
                if wanted in (view.list_model.report(i).report.key.id, view.list_model.report(i).report.reference)]
        if not rows:
            self.statusBar().showMessage(self.tr("No report {id} in this chart").format(id=wanted), 8000)
            return
        view.select_report(rows[0])
        assessed = view.list_model.report(rows[0])
        if assessed.report.documents:
            view.request_document(assessed)

    def open_patient(self, text: str) -> None:
        """Open the patient the HIS or the command line names (resident ID or any identifier)."""
        query = PatientQuery.from_text(text)
        if query.kind is QueryKind.RESIDENT_ID:
            self.search_panel.id_edit.setText(query.value)
        self.search_panel.run_query(query, auto_open=True)

    def _on_catalogue(self, loaded: LoadedCatalogue) -> None:
        self._catalogue = loaded
        self._render_catalogue()

    def _render_catalogue(self) -> None:
        loaded = self._catalogue
        if loaded is None:
            self.catalogue_label.setText(self.tr("Loading recognition catalogue…"))
            return
        origin = {"platform": self.tr("from the platform"), "cache": self.tr("cached copy"),
                  "bundled": self.tr("bundled copy")}[loaded.origin]
        text = self.tr("Recognition catalogue {version} ({origin}), {n} items").format(
            version=loaded.catalogue.version, origin=origin, n=len(loaded.catalogue.items))
        self.catalogue_label.setText(text)
        self.catalogue_label.setToolTip(loaded.problem)

    def retranslateUi(self) -> None:
        site = self.workspace.config.site_name
        title = self.tr("Huren — mutual recognition of results")
        if site:
            title += f" — {site}"
        if self.workspace.config.demo:
            title += " — " + self.tr("DEMO")
        self.setWindowTitle(title)
        self.demo_banner.setText(
            self.tr("DEMO — synthetic data, not real patients (embedded demo platform)") if self.workspace.config.demo
            else self.tr("SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff member"))
        self.unprotected_banner.setText(self.tr(
            "UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by "
            "this account's file permissions (site setting)"))
        self.user_label.setText(self.tr("User: "))
        self.order_action.setText(self.tr("New lab order…"))
        self.sign_out_action.setText(self.tr("Sign out"))
        user = self.identity.current
        self.user_name.setText(self._user_text(user) if user else self.tr("not signed in"))
        self.audit_action.setText(self.tr("Audit trail"))
        self.dashboard_action.setText(self.tr("Dashboard"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.statusBar().showMessage(self.tr("Huren {version}").format(version=__version__))
        self.language_actions[""].setText(self.tr("System language"))
        self._show_waiting(self._worklist)
        for i in range(self.user_box.count()):
            self.user_box.setItemText(i, self._user_text(self.user_box.itemData(i)))
        self._render_outbox()
        self._render_catalogue()

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
        keep_layouts(self._layouts())
        self.send_timer.stop()
        self.sign_in_flow.cancel()
        if self.viewer is not None:
            self.viewer.close()
        self.runner.shutdown(0)
        self.session.close()
        super().closeEvent(event)
