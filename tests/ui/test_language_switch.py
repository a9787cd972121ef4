"""Switching the language of the running program: every open window speaks it at once, and it is kept.

The main window with a patient open, the order dialog on its decision page, the image viewer
and the dashboard are switched to each language; then no visible text may still be an English source
string of the catalogue (nor a templated one, filled in). Strings that are the same in both
languages by design ("1:1", "DEMO", "Se {n}") are those whose translation equals the source.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableView,
    QWidget,
)

from app.preferences import load_preferences
from app.resources import translations_dir
from app.ui import language
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_order_flow import open_showcase


def english_sources(lang: str) -> tuple[set[str], list[re.Pattern]]:
    """The sources the interface must no longer show in `lang`: exact ones, and templates as patterns."""
    exact, patterns = set(), []
    for m in ET.parse(translations_dir() / f"huren_{lang}.ts").getroot().iter("message"):
        source = m.findtext("source")
        t = m.find("translation")
        forms = [f.text for f in t.iter("numerusform")] or [t.text]
        if source in forms:
            continue   # the same in both languages by design
        exact.add(source)
        literal = re.sub(r"\{[^{}]*\}|%n", " ", source)
        if literal != source and re.search(r"[A-Za-z]{3,}", literal):
            parts = re.split(r"\{[^{}]*\}|%n", source)
            patterns.append(re.compile(".+?".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL))
    return exact, patterns


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the texts a user reads in a window and its children."""
    out = [(top.objectName() or type(top).__name__, top.windowTitle())]
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            out.append((where, re.sub(r"<[^>]+>", "", w.text()).replace("&nbsp;", " ").strip()))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((where, w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(where, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [(where, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            out += [(f"{where} header", str(model.headerData(c, Qt.Orientation.Horizontal)))
                    for c in range(model.columnCount())]
        if not isinstance(w, QMenu) or w.parent() is not None:
            out += [(f"{where} action", a.text()) for a in w.actions()]
    return [(where, text) for where, text in out if text]


def untranslated(windows: list[QWidget], lang: str) -> list[tuple[str, str]]:
    exact, patterns = english_sources(lang)
    return [(where, text) for top in windows for where, text in visible_texts(top)
            if text in exact or any(p.match(text) for p in patterns)]


def settle(qtbot) -> None:
    """Let the posted LanguageChange events reach every window."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    qtbot.wait(50)


@pytest.fixture
def restore_language():
    before = QLocale()
    yield
    language.remove_translations()
    QLocale.setDefault(before)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)   # while the windows still work


def test_every_open_window_switches_language_at_run_time(qtbot, make_window, demo_platform, restore_language):
    from app.ui.order_dialog import OrderDialog

    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.choose_language("en")
    open_showcase(qtbot, window)

    dialog = OrderDialog(window.station, window.chart.person, window.chart.assessed_reports, window)
    qtbot.addWidget(dialog)
    dialog.choose("electrolytes")
    dialog.check_priors()
    dialog.show()

    study = min((a for a in window.chart.assessed_studies if a.study.dicomweb_base),
                key=lambda a: a.study.instance_count)
    window.open_images(study)
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.pane_a.current is not None and viewer.strip.count() > 0, timeout=30_000)
    window.open_dashboard()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    windows = [window, dialog, viewer, window.dashboard]

    try:
        english = {text for top in windows for _w, text in visible_texts(top)}
        assert "New lab order…" in english and "Check prior results" in english and "Overlays" in english

        for lang, sample in (("zh_CN", "开检验单…"), ("id", "Permintaan laboratorium baru…"), ("zh_CN", "开检验单…")):
            window.choose_language(lang)
            settle(qtbot)
            assert window.order_action.text() == sample
            assert untranslated(windows, lang) == []
            assert load_preferences().language == lang   # and at the next start

        window.choose_language("en")
        settle(qtbot)
        assert window.order_action.text() == "New lab order…"
        assert viewer.fit_action.text() == "Fit"
    finally:
        dialog.close()
        viewer.close()
        window.dashboard.close()


def test_the_chosen_language_is_used_at_the_next_start(qapp, restore_language):
    from app.preferences import set_language

    set_language("id")
    language.start_language(qapp)
    assert QCoreApplication.translate("Verdict", "Reference only") == "Hanya sebagai referensi"
    assert QLocale().language() == QLocale.Language.Indonesian
    set_language("")
    language.start_language(qapp)
    assert load_preferences().language == ""
    assert QLocale().name() == QLocale.system().name()


def test_a_damaged_preferences_file_means_no_preference(huren_home):
    from app.preferences import preferences_path

    preferences_path().parent.mkdir(parents=True, exist_ok=True)
    preferences_path().write_text("{not json", encoding="utf-8")
    assert load_preferences().language == ""
    preferences_path().write_text('{"language": "klingon"}', encoding="utf-8")
    assert load_preferences().language == ""
