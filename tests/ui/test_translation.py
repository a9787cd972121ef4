"""Every catalogue is complete, in step with the code and compiled.

The window's strings reach Qt's translation system.
"""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.recognition import Finding, Reason, Verdict
from app.preferences import LANGUAGES
from app.resources import translations_dir
from app.ui import verdict_text
from app.ui.application import install_translations
from tools import translations as maintainer

CATALOGUES = [translations_dir() / f"huren_{lang}.ts" for lang in LANGUAGES]
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def entries(ts):
    """(context, source, [translations], kind) for every message of a catalogue."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for m in context.iter("message"):
            t = m.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")] if m.get("numerus") == "yes" else [t.text or ""]
            out.append((context.findtext("name"), m.findtext("source"), forms, t.get("type")))
    return out


def unplaced(found):
    """The entries without their order (lupdate may move them as the code moves)."""
    return sorted((c, s, tuple(f), k) for c, s, f, k in found)


def test_the_three_languages_have_a_catalogue():
    assert set(LANGUAGES) == set(maintainer.LANGUAGES)
    assert [p.name for p in CATALOGUES] == [p.name for p in maintainer.ts_files()]


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_catalogue_has_no_unfinished_vanished_or_obsolete_entry(ts):
    found = entries(ts)
    assert len(found) > 400
    assert [(c, s, k) for c, s, _f, k in found if k] == []
    assert [(c, s) for c, s, forms, _k in found if not all(forms)] == []


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_translations_keep_every_placeholder(ts):
    wrong = [(c, s, f) for c, s, forms, _k in entries(ts) for f in forms
             if sorted(PLACEHOLDER.findall(f)) != sorted(PLACEHOLDER.findall(s))]
    assert wrong == []


def test_english_plurals_have_a_singular_and_a_plural():
    root = ET.parse(translations_dir() / "huren_en.ts").getroot()
    plural = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert plural
    for m in plural:
        one, many = [f.text for f in m.find("translation").iter("numerusform")]
        assert "(s)" not in one + many and one != many


def test_catalogues_hold_exactly_the_strings_of_the_code(tmp_path):
    """lupdate over app/ui into a copy changes nothing but line numbers: no string is new or gone."""
    sources = [str(p) for p in maintainer.sources()]
    for ts in CATALOGUES:
        copy = tmp_path / ts.name
        shutil.copy(ts, copy)
        subprocess.run([maintainer.tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(copy)],
                       check=True, capture_output=True)
        assert unplaced(entries(copy)) == unplaced(entries(ts)), f"{ts.name}: run python -m tools.translations"


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_compiled_catalogue_matches_its_source(ts, tmp_path):
    """Content, not mtimes (a git checkout sets those arbitrarily): lrelease again and compare the bytes."""
    fresh = tmp_path / ts.with_suffix(".qm").name
    maintainer.lrelease(ts, fresh)
    committed = ts.with_suffix(".qm")
    assert committed.exists() and committed.read_bytes() == fresh.read_bytes(), \
        f"{committed.name} is stale: run python -m tools.translations"


def test_chinese_locale_shows_chinese_verdicts(qapp):
    translators = install_translations(qapp, QLocale("zh_CN"))
    try:
        assert any(t.language() == "zh_CN" for t in translators)
        old = Verdict(item=None, findings=(Finding(Reason.TOO_OLD, age_days=45, window_days=30),))
        assert verdict_text.badge_text(old) == "仅供参考"
        assert verdict_text.reason_text(old) == "距采样45天，互认时限30天"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert verdict_text.badge_text(old) == "Reference only"


def test_indonesian_locale_shows_indonesian_verdicts(qapp):
    translators = install_translations(qapp, QLocale("id"))
    try:
        old = Verdict(item=None, findings=(Finding(Reason.TOO_OLD, age_days=45, window_days=30),))
        assert verdict_text.badge_text(old) == "Hanya sebagai referensi"
        assert QCoreApplication.translate("ViewerWindow", "%n image(s)", "", 3) == "3 citra"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_english_plural_forms_are_used(qapp):
    translators = install_translations(qapp, QLocale("en"))
    try:
        assert QCoreApplication.translate("ViewerWindow", "%n image(s)", "", 1) == "1 image"
        assert QCoreApplication.translate("ViewerWindow", "%n image(s)", "", 5) == "5 images"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_the_consent_form_can_be_printed_in_indonesian(qapp):
    from app.ui.consent_form import TITLE, translator_for

    words = translator_for("id")
    assert words("ConsentForm", TITLE).startswith("Persetujuan tindakan (informed consent)")
    assert words("RepeatReason", "Emergency") == "Kegawatdaruratan"
