"""FHIR statuses in the user's words, wherever the chart shows one, in every language.

The demo's showcase patient has a preliminary liver panel (yesterday), an amended kidney panel
and a preliminary MR report. In Chinese, English and Indonesian the report list, every report's
detail, the Images tab and the viewer's report pane must word those statuses (status_text), and
no raw status code of FHIR, nor an internal reason code, may be left on screen.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from app.domain.recognition import Reason
from app.ui.status_text import KNOWN_CODES, status_text
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_language_switch import restore_language, settle  # noqa: F401 - a fixture, used by name
from tests.ui.test_order_flow import open_showcase

LANGUAGES = ("zh_CN", "en", "id")
#: Codes that are also everyday words of a language's own sentences ("Result not final", "belum final",
#: "Issuing hospital unknown"): there they are words, not codes. Chinese has none.
EVERYDAY = {"zh_CN": set(), "en": {"final", "unknown", "available", "partial", "current"}, "id": {"final"}}
CODES = sorted({*KNOWN_CODES, *(r.value for r in Reason)})


def raw_codes(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str, str]]:
    """(where, code, text) for each code shown as it came: a whole word, in its own lower case
    (in any case in Chinese, where no status word is written in Latin letters)."""
    flags = re.IGNORECASE if lang == "zh_CN" else 0
    found = []
    for code in CODES:
        if code in EVERYDAY[lang]:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])", flags)
        found += [(where, code, text) for where, text in texts if pattern.search(text)]
    return found


def model_texts(name: str, model: QAbstractItemModel) -> list[tuple[str, str]]:
    out = []
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, col).data(role)
                if isinstance(value, str) and value:
                    out.append((f"{name}[{row},{col}]", value))
    return out


def plain(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "", html_text).replace("&nbsp;", " ")


def chart_texts(window) -> list[tuple[str, str]]:
    """What the chart shows: the list, each report's detail in turn, the Images tab."""
    view, studies = window.chart.reports, window.chart.studies
    texts = model_texts("report list", view.list_model)
    for row in range(view.list_model.rowCount()):
        view.select_report(row)
        texts.append((f"detail title {row}", plain(view.detail_title.text())))
        if view.document_note.isVisibleTo(view):
            texts.append((f"document note {row}", view.document_note.text()))
        texts += model_texts(f"detail {row}", view.result_model)
    texts += model_texts("images", studies.model)
    for row in range(studies.model.rowCount()):
        studies.table.selectRow(row)
        texts.append((f"impression {row}", studies.conclusion.text()))
    return texts


def row_of(window, assessed) -> int:
    model = window.chart.reports.list_model
    return next(r for r in range(model.rowCount()) if model.report(r) is assessed)


@pytest.fixture
def showcase(qtbot, make_window, demo_platform, restore_language):  # noqa: F811 - the imported fixture
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.choose_language("en")
    open_showcase(qtbot, window)
    yield window
    if window.viewer is not None:
        window.viewer.close()


def test_no_raw_status_in_the_chart_or_the_viewer_in_any_language(qtbot, showcase):
    window = showcase
    liver = next(a for a in window.chart.assessed_reports if a.report.status == "preliminary")
    kidney = next(a for a in window.chart.assessed_reports if a.report.status == "amended")
    mr = next(a for a in window.chart.assessed_studies if a.study.report_status == "preliminary")
    window.open_images(mr)
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.pane_a.current is not None, timeout=30_000)

    for lang in LANGUAGES:
        window.choose_language(lang)
        settle(qtbot)
        preliminary = status_text("preliminary")
        assert preliminary not in ("", "preliminary")
        if lang != "en":
            assert preliminary != "Preliminary", f"{lang}: the status words are not translated"
        texts = chart_texts(window)
        report_pane = viewer.report.toPlainText()
        texts.append(("viewer report pane", report_pane))
        assert raw_codes(texts, lang) == []

        # ... and the statuses are there, worded: the list, the detail, the Images tab, the viewer
        shown = dict(texts)
        list_row = row_of(window, liver)
        assert preliminary in shown[f"report list[{list_row},2]"]
        assert preliminary in shown[f"detail title {list_row}"]
        assert any(preliminary in t for w, t in texts if w.startswith(f"detail {list_row}[")), lang
        assert status_text("amended") not in shown[f"report list[{row_of(window, kidney)},2]"]   # final: none
        assert any(preliminary in t for w, t in texts if w.startswith("images[")), lang
        assert preliminary in report_pane, (lang, report_pane)
