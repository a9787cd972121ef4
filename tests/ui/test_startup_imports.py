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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: What the first paint does not need: HTTP (searches go out later, on workers), the keyring and the
#: sealed stores (the key at rest, the outbox), the image side (pyqtgraph, DICOM, numpy), documents and
#: QR codes, the sign-in's loopback server. Each costs milliseconds to tens of milliseconds to import.
HEAVY = ("requests", "urllib3", "keyring", "cryptography", "sqlite3", "pyqtgraph", "pydicom", "dicomweb_client",
         "numpy", "PIL", "pypdfium2", "segno", "http.server")

FIRST_PAINT = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from app.config import single_source_config
from app.services.workspace import Workspace
from app.ui.application import make_application
from app.ui.main_window import MainWindow

HEAVY = json.loads(sys.argv[2])
def heavy():
    return sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY))

imported = heavy()
app = make_application()
window = MainWindow(Workspace.from_config(single_source_config(sys.argv[1], "370102")))
field = window.search_panel.id_edit
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if watched is window and event.type() == QEvent.Type.Paint and not seen:
            seen.update(heavy=heavy(), storage_open=window.station.storage_open,
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
             outbox=window.outbox_label.text(), requests="requests" in sys.modules)
window.close()
print(json.dumps(dict(imported=imported, painted=seen, after=after)))
"""


def test_the_window_paints_before_the_network_the_keyring_and_the_images_are_imported(demo_platform, huren_home):
    env = {**os.environ, "HUREN_HOME": str(huren_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, demo_platform.fhir_base, json.dumps(HEAVY)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["imported"] == []            # building the window's modules imports none of them
    painted = seen["painted"]
    assert painted["heavy"] == []            # nor does building and painting the window
    assert painted["search_enabled"]         # the patient search takes input from the first paint
    assert not painted["storage_open"]       # the keyring, the outbox and the audit trail wait for it
    assert painted["outbox"] == ""
    assert painted["catalogue"] == "Loading recognition catalogue…"

    after = seen["after"]                    # and then the window fills in by itself
    assert after["storage_open"]
    assert after["outbox"] == "All records sent"
    assert after["catalogue"].startswith("Recognition catalogue ") and "from the platform" in after["catalogue"]
    assert after["requests"]


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
