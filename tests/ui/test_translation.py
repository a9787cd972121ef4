"""The window's strings reach Qt's translation system and the Chinese catalogue is complete."""

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QLocale

from app.domain.recognition import Finding, Reason, Verdict
from app.resources import translations_dir
from app.ui import verdict_text
from app.ui.application import install_translations


def test_zh_cn_catalogue_has_no_unfinished_entry():
    root = ET.parse(translations_dir() / "huren_zh_CN.ts").getroot()
    messages = root.findall(".//message")
    assert len(messages) > 80
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type")]
    assert unfinished == []


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
