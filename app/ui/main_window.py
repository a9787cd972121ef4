"""The workstation's main window: find a patient on the left, the chart on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from app import __version__
from app.platform.catalogue_fetch import LoadedCatalogue
from app.services.lookup import PatientQuery, QueryKind
from app.services.workspace import Workspace
from app.ui.chart_panel import ChartPanel
from app.ui.patient_search_panel import PatientSearchPanel
from app.ui.tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.runner = runner or TaskRunner(self)
        self.setObjectName("mainWindow")
        self.demo_banner = QLabel()
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setStyleSheet("background: #ffd54f; color: #3e2723; font-weight: 600; padding: 4px;")
        self.demo_banner.setVisible(workspace.config.demo)

        self.search_panel = PatientSearchPanel(workspace, self.runner, self)
        self.chart = ChartPanel(workspace, self.runner, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
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
        self.setCentralWidget(central)
        self.catalogue_label = QLabel()
        self.catalogue_label.setObjectName("catalogueStatus")
        self.statusBar().addPermanentWidget(self.catalogue_label)

        self.search_panel.patient_chosen.connect(self.chart.show_person)
        self.search_panel.person_updated.connect(self.chart.extend)
        self._catalogue: LoadedCatalogue | None = None
        self.retranslateUi()
        self.resize(1560, 940)
        self.runner.submit(workspace.loaded_catalogue, on_done=self._on_catalogue,
                           on_error=lambda e: self.catalogue_label.setText(self.tr("Catalogue not loaded: {e}").format(e=e)))

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
        self.demo_banner.setText(self.tr("DEMO — synthetic data, not real patients (embedded demo platform)"))
        self.statusBar().showMessage(self.tr("Huren {version}").format(version=__version__))
        self._render_catalogue()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            self.search_panel.retranslateUi()
            self.chart.retranslateUi()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt's signature
        self.runner.shutdown(0)
        super().closeEvent(event)
