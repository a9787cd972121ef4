"""Window layouts are the user's: kept between runs in the user config dir, apart from the site config."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QSplitter, QWidget

from app.preferences import load_preferences, preferences_path
from app.ui.layouts import keep_layouts, restore_layouts
from tests.conftest import ANCHOR

from .conftest import demo_site


def test_the_main_window_comes_back_where_the_user_left_it(qtbot, make_window, demo_platform, huren_home):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.resize(790, 560)                       # fits the offscreen screen, unlike the default 1560 × 940
    window.close()
    kept = load_preferences().layouts
    assert {"main", "main.splitter"} <= set(kept)
    assert preferences_path().parent == huren_home / "config"        # the user's dir, not the site's
    again = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    assert (again.width(), again.height()) == (790, 560)


def test_a_splitter_comes_back_as_it_was(qtbot, huren_home):
    def made() -> QSplitter:
        splitter = QSplitter()
        splitter.addWidget(QWidget())
        splitter.addWidget(QWidget())
        splitter.resize(600, 200)
        qtbot.addWidget(splitter)
        return splitter

    first = made()
    first.setSizes([150, 450])
    sizes = first.sizes()
    keep_layouts({"test.splitter": first})
    second = made()
    assert second.sizes() != sizes
    assert restore_layouts({"test.splitter": second}) == {"test.splitter": True}
    assert second.sizes() == sizes


def test_a_damaged_layout_is_ignored(qtbot, make_window, demo_platform, huren_home):
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"language": "", "layouts": {"main": "bm90IGEgbGF5b3V0", "main.splitter": 7}}),
                    encoding="utf-8")
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    assert (window.width(), window.height()) == (1560, 940)          # the default size, no error
