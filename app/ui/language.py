"""Which language the interface speaks, and switching it while the program runs.

The user's choice (app.preferences) wins; without one the system locale decides. Switching
removes our translators and installs new ones: Qt then sends QEvent.LanguageChange to every
open window, and each widget's changeEvent calls its retranslateUi(). QLocale.setDefault
follows, so dates and numbers formatted through QLocale() change with the words.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.preferences import LANGUAGES, load_preferences, set_language
from app.resources import translations_dir

log = logging.getLogger("huren.ui")

_installed: list[QTranslator] = []   # the translators the running program uses now


def locale_for(language: str) -> QLocale:
    """"" follows the system; otherwise one of app.preferences.LANGUAGES."""
    return QLocale(language) if language else QLocale.system()


def current_language() -> str:
    """The catalogue the interface uses now: "zh_CN", "id_ID" or "en_US" (compare with startswith)."""
    for t in _installed:
        if t.filePath().endswith(".qm") and "huren_" in t.filePath():
            return t.language().replace("-", "_") or "en"
    return "en"


def install_translations(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Qt's own strings and ours for the locale; missing files leave English, never an error."""
    translators = []
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("huren", str(translations_dir()))):
        t = QTranslator(app)
        if t.load(locale, name, "_", folder):
            app.installTranslator(t)
            translators.append(t)
    return translators


def apply_language(language: str, app: QCoreApplication | None = None) -> QLocale:
    """Put the interface in this language now ("" = the system's); open windows retranslate."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QCoreApplication yet: create the application before choosing its language")
    locale = locale_for(language)
    remove_translations()
    QLocale.setDefault(locale)
    _installed.extend(install_translations(app, locale))
    log.info("interface language: %s", language or f"system ({locale.name()})")
    return locale


def remove_translations() -> None:
    """Take our translators out again (the interface falls back to the English sources)."""
    for t in _installed:
        QCoreApplication.removeTranslator(t)
        t.deleteLater()
    _installed.clear()


def start_language(app: QCoreApplication) -> QLocale:
    """At start: the language the user chose last time, or the system's."""
    return apply_language(load_preferences().language, app)


def choose_language(language: str) -> QLocale:
    """The user picked a language: use it now and at the next start."""
    set_language(language)
    return apply_language(language)


def with_english_detail(sentence: str, detail: str, separator: str = "\n") -> str:
    """A translated sentence, and a detail that exists only in English (a library's or a server's
    words) only when the interface is English: one language per message. Whoever needs the detail
    in another language finds it in the log."""
    return f"{sentence}{separator}{detail}" if detail and current_language().startswith("en") else sentence


__all__ = ["LANGUAGES", "apply_language", "choose_language", "current_language", "install_translations",
           "locale_for", "remove_translations", "start_language", "with_english_detail"]
