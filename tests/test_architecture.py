"""The layering is part of the design: ui -> services -> platform -> domain; sandbox -> domain."""

import shutil
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    done = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" in done.stdout and "0 broken" in done.stdout


def test_start_up_imports_stay_light():
    """`--version` and the workstation's entry must not pull in heavy modules before they are needed."""
    code = ("import sys, app.cli; heavy = [m for m in ('pyqtgraph', 'pydicom', 'dicomweb_client', 'PySide6', "
            "'app.sandbox.demo_data') if m in sys.modules]; print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_main_window_does_not_load_the_image_stack_until_images_are_opened():
    """pyqtgraph, pydicom, numpy and dicomweb-client cost seconds: only the viewer loads them
    (and pypdfium2 only a report's printed document)."""
    code = ("import sys, app.ui.application, app.ui.main_window; heavy = [m for m in ('pyqtgraph', 'pydicom', "
            "'numpy', 'dicomweb_client', 'PIL', 'pypdfium2') if m in sys.modules]; print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == ""
