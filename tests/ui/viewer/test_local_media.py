"""`huren view PATH`: every file of the corpus shows or says why, and a disc opens by its DICOMDIR."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.image_loading import LocalMediaSource
from app.ui.viewer.viewer_window import StudyContext, ViewerWindow

ROOT = Path(__file__).resolve().parents[3]

#: Files that cannot be shown, and the words that must say so.
REFUSED = {
    "truncated_pixels": "incomplete", "truncated_header": "", "empty": "", "not_dicom_png": "not a DICOM",
    "lying_j2k": "does not match", "lying_j2k_bundled": "does not match", "jpeg_sof_mismatch": "does not match",
    "corrupt_j2k": "", "no_pixel_data": "holds no image", "float_pixel_data": "", "unsupported_syntax": "",
    "unsupported_photometric": "", "pixel_data_short": "", "too_large": "too large",
}


def _open(qtbot, path: Path) -> ViewerWindow:
    viewer = ViewerWindow()
    qtbot.addWidget(viewer)
    viewer.show()
    with qtbot.waitSignal(_any_of(viewer), timeout=15_000):
        viewer.open_source(LocalMediaSource(path), StudyContext(title=path.name))
    return viewer


def _any_of(viewer: ViewerWindow):
    """One signal for 'the first series arrived, or there is nothing to show, or listing failed'."""
    from PySide6.QtCore import QObject, Signal

    class _Any(QObject):
        fired = Signal()

    relay = _Any(viewer)
    viewer.series_loaded.connect(relay.fired)
    viewer.study_empty.connect(relay.fired)
    viewer.listing_failed.connect(relay.fired)
    return relay.fired


def test_every_corpus_file_shows_or_says_why(qtbot, corpus):
    shown, refused = [], []
    for name, path in corpus.items():
        if name.startswith("series_") or name.startswith("dicomdir"):
            continue
        viewer = _open(qtbot, path)
        pane = viewer.pane_a
        if name in REFUSED:
            assert pane.current is None, name
            assert pane.message.isVisible() and pane.message.text().strip(), name
            assert REFUSED[name].lower() in pane.message.text().lower(), (name, pane.message.text())
            refused.append(name)
        else:
            qtbot.waitUntil(lambda p=pane: p.current is not None, timeout=10_000)
            assert pane.image.image is not None, name
            shown.append(name)
        viewer.close()
    assert len(shown) >= 20 and set(refused) == set(REFUSED) & set(corpus)


def test_a_disc_opens_by_its_dicomdir(qtbot, corpus):
    viewer = _open(qtbot, corpus["dicomdir"])
    assert viewer.strip.count() >= 1
    assert viewer.pane_a.current is not None


def test_a_folder_becomes_one_stack_in_anatomical_order(qtbot, corpus):
    viewer = _open(qtbot, corpus["series_0"].parent)
    stack = viewer.pane_a.stack
    qtbot.waitUntil(lambda: stack.complete, timeout=5000)
    positions = [s.position for s in stack.slices]
    assert len(positions) == 5 and positions == sorted(positions, reverse=True)


def test_view_command_saves_a_screenshot(tmp_path, corpus):
    out = tmp_path / "view.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUREN_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "main.py", "view", str(corpus["dicomdir"]), "--screenshot", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.stat().st_size > 10_000


def test_view_command_refuses_a_missing_path(tmp_path):
    run = subprocess.run([sys.executable, "main.py", "view", str(tmp_path / "nowhere")], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "does not exist" in run.stderr


@pytest.mark.parametrize("what", ["not_dicom_png", "lying_j2k", "empty folder"])
def test_view_command_exits_non_zero_when_nothing_could_be_shown(tmp_path, corpus, what):
    out = tmp_path / "view.png"
    if what == "empty folder":
        target = tmp_path / "empty"
        target.mkdir()
    else:
        target = tmp_path / "one"
        target.mkdir()
        shutil.copy(corpus[what], target / corpus[what].name)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUREN_HOME": str(tmp_path / "home")}
    run = subprocess.run([sys.executable, "main.py", "view", str(target), "--screenshot", str(out)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "nothing could be shown" in run.stderr and "Traceback" not in run.stderr
    assert out.exists()          # the screenshot still shows what the viewer said
