"""Start-up (issue 17): the window paints before anything its first paint does not need.

Guarded by what happened, not by a stopwatch: in a fresh process, what had been imported and
opened when the main window painted for the first time, and that everything held back came after.
Timed figures are in the benchmark (`python -m tests.bench`, the start-up rows).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTableView

from tests.conftest import ANCHOR

from .conftest import demo_site, open_showcase_chart

ROOT = Path(__file__).resolve().parents[2]

#: What the first paint does not need: HTTP (searches go out later, on workers), the keyring and the
#: sealed stores (the key at rest, the outbox), the image side (pyqtgraph, DICOM, numpy), documents and
#: QR codes, the sign-in's loopback server. Each costs milliseconds to tens of milliseconds to import.
HEAVY = ("requests", "urllib3", "keyring", "cryptography", "sqlite3", "pyqtgraph", "pydicom", "dicomweb_client",
         "numpy", "PIL", "pypdfium2", "segno", "http.server")

#: Parts of Huren itself the first paint does not need: the chart's views (lab reports with the document
#: pane, trends, images, the reminder band) and services, built with the first patient; the order
#: dialogs and the refusal notice, made at the first sign-in or when opened; the order and review domain,
#: whose defaults the configuration copies rather than imports; the recognition catalogue's loader and
#: model, fetched on a worker after the paint; the patient look-up and the FHIR client behind it, imported
#: on a worker after the paint for the first search; the time zones (`zoneinfo` reads `sysconfig`), HTML
#: escaping (with its entity table) and the launch request, used from the first patient or request on.
LATER = ("app.ui.lab_reports_view", "app.ui.trends_view", "app.ui.studies_view", "app.ui.document_view",
         "app.ui.reminder_band", "app.ui.badge", "app.services.chart", "app.services.reminders",
         "app.services.trends", "app.ui.my_orders_dialog", "app.domain.repeat_orders", "app.domain.review_rules",
         "tomllib", "app.platform.catalogue_fetch", "app.domain.catalogue", "app.services.lookup",
         "app.platform.fhir.client", "app.platform.fhir.search", "app.ui.shortcuts_page", "zoneinfo",
         "html", "app.launch")

#: Qt's types for what the first paint does not show (dialogs, message boxes, the shortcuts page's table):
#: PySide makes a Python type, with its enums, at its first import, and none of these is imported before.
LATER_QT = ("QDialog", "QMessageBox", "QTableWidget", "QHeaderView", "QDesktopServices")

FIRST_PAINT = r"""
import json, sys, time
import PySide6.QtGui, PySide6.QtWidgets
from PySide6.QtCore import QEvent, QObject
from app.config import single_source_config
from app.services.workspace import Workspace
from app.ui.application import make_application
from app.ui.main_window import MainWindow

HEAVY = json.loads(sys.argv[2])
LATER = json.loads(sys.argv[3])
LATER_QT = json.loads(sys.argv[4])
def heavy():
    return sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
def later():
    return sorted(m for m in sys.modules if m in LATER)
def later_qt():   # PySide puts a type in its module when it makes it
    return sorted(t for t in LATER_QT if t in vars(PySide6.QtWidgets) or t in vars(PySide6.QtGui))

imported = heavy()
app = make_application()
window = MainWindow(Workspace.from_config(single_source_config(sys.argv[1], "370102")))
field = window.search_panel.id_edit
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if watched is window and event.type() == QEvent.Type.Paint and not seen:
            seen.update(heavy=heavy(), later=later(), later_qt=later_qt(), storage_open=window.station.storage_open,
                        catalogue=window.catalogue_label.text(), outbox=window.outbox_label.text(),
                        search_enabled=field.isEnabled() and window.search_panel.isEnabled())
        return False

painted = FirstPaint()
window.installEventFilter(painted)
window.show()
def wait(done, seconds=30):
    ends = time.monotonic() + seconds
    while not done() and time.monotonic() < ends:
        app.processEvents()
        time.sleep(0.002)
wait(lambda: bool(seen))
wait(lambda: window.catalogue_label.loaded is not None and bool(window.outbox_label.text())
     and not window.runner.busy)
after = dict(storage_open=window.station.storage_open, catalogue=window.catalogue_label.text(),
             outbox=window.outbox_label.text(), requests="requests" in sys.modules,
             chart_views="app.ui.lab_reports_view" in sys.modules, views_built=window.chart._views is not None)
window.close()
print(json.dumps(dict(imported=imported, painted=seen, after=after)))
"""


def test_the_window_paints_before_the_network_the_keyring_and_the_images_are_imported(demo_platform, huren_home):
    env = {**os.environ, "HUREN_HOME": str(huren_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, demo_platform.fhir_base, json.dumps(HEAVY),
                           json.dumps(LATER), json.dumps(LATER_QT)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["imported"] == []            # building the window's modules imports none of them
    painted = seen["painted"]
    assert painted["heavy"] == []            # nor does building and painting the window
    assert painted["later"] == []            # nor the chart's views, the order dialogs, the order domain
    assert painted["later_qt"] == []         # nor Qt's types for dialogs and tables
    assert painted["search_enabled"]         # the patient search takes input from the first paint
    assert not painted["storage_open"]       # the keyring, the outbox and the audit trail wait for it
    assert painted["outbox"] == ""
    assert painted["catalogue"] == "Loading recognition catalogue…"

    after = seen["after"]                    # and then the window fills in by itself
    assert after["storage_open"]
    assert after["outbox"] == "All records sent"
    assert after["catalogue"].startswith("Recognition catalogue ") and "from the platform" in after["catalogue"]
    assert after["requests"]
    assert after["chart_views"]              # the chart's views imported on a worker, for the first patient,
    assert not after["views_built"]          # whose chart builds their widgets (test_main_window)


def test_importing_the_main_window_module_imports_nothing_heavy():
    """The module alone, as `main.py` imports it: the same list, and no sign-in or order-desk module."""
    code = ("import json, sys; import app.ui.main_window; "
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {list(HEAVY)!r} "
            "or m in ('http.server', 'app.services.sign_in', 'app.services.ordering.desk', "
            "'app.services.image_loading', 'app.platform.oauth', 'app.platform.outbox'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_loading_the_configuration_imports_no_domain_module():
    """app.config is read before the window is built: the order and review domain are not part of it."""
    code = "import json, sys; import app.config; print(json.dumps(sorted(m for m in sys.modules if m[:4] == 'app.')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    imported = json.loads(done.stdout)
    assert "app.config" in imported
    assert [m for m in imported if m.startswith("app.domain")] == []


def test_the_configurations_review_defaults_are_the_review_rules():
    """The [review] defaults are copied into app.config (not imported): they must stay the domain's."""
    from app.config import SiteConfig
    from app.domain.repeat_orders import RepeatReason
    from app.domain.review_rules import ReviewSettings

    rules, site = ReviewSettings(), SiteConfig(sources=())
    assert site.review_reasons == tuple(r.value for r in RepeatReason if r in rules.reasons)
    assert (site.review_same_item_days, site.review_rate_threshold, site.review_rate_min_decisions,
            site.review_consent) == (rules.same_item_days, rules.rate_threshold, rules.rate_min_decisions,
                                     rules.flag_consent)


def test_the_chart_views_are_built_with_the_first_patient(qtbot, make_window, demo_platform):
    """Before a patient the tabs hold empty pages (titled as ever); the first patient builds the views in
    their place, the tab shown kept, and the document, trends and images work from then on."""
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    chart = window.chart
    titles = [chart.tabs.tabText(i) for i in range(chart.tabs.count())]
    assert titles == ["Lab reports (0)", "Trends", "Images (0)"]
    assert chart._views is None
    open_showcase_chart(qtbot, window)
    assert [chart.tabs.widget(i) for i in range(3)] == [chart.reports, chart.trends, chart.studies]
    assert chart.tabs.currentWidget() is chart.reports
    assert chart.tabs.tabText(0) != "Lab reports (0)" and chart.reports.list_model.rowCount() > 0
    assert chart.reminder_band.parent() is chart
    chain, widget = [], window.nextInFocusChain()   # Tab goes as when the views came with the window
    while widget is not window:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    studies = chart.studies.findChild(QTableView, "studyList")
    trends = chart.trends.findChild(QListWidget, "trendItems")
    assert (chain.index(window.search_panel.results) < chain.index(chart.reminder_band.close_button)
            < chain.index(chart.reports.list_view) < chain.index(studies) < chain.index(chart.tabs.tabBar())
            < chain.index(trends) < chain.index(window.user_box))


def test_input_puts_off_the_auto_lock_once_the_window_has_painted(qtbot, make_window, demo_platform):
    """The auto-lock's application-wide filter is installed after the first paint, not dropped."""
    window = make_window(replace(demo_site(demo_platform.fhir_base), auto_lock_minutes=0.01), now=ANCHOR)  # 600 ms
    qtbot.waitUntil(lambda: window.start_up.started and window.identity.current is not None, timeout=10_000)
    window.idle.restart()
    for _ in range(12):                       # 1.2 s of typing, a key every 100 ms
        qtbot.keyClick(window.search_panel.id_edit, "1")
        qtbot.wait(100)
        assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5000)   # and without input it locks
