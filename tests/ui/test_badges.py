"""Badges that can be read: enough contrast, never cut; and a "why" that is shown whole.

Contrast is WCAG 2's: relative luminance of sRGB colours, (L1 + 0.05) / (L2 + 0.05); 4.5:1 for
text, 3:1 for the outline that shows where a pill is. The layout checks run on the showcase
patient's chart in Indonesian, whose "Hanya sebagai referensi" is the widest badge.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics

from app.ui.badge import LOOKS, MARGIN, BadgeStateRole, needed_width
from app.ui.report_models import ReportListModel, ResultTableModel
from app.ui.viewer.report_text import BADGE_LOOKS
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_language_switch import restore_language, settle  # noqa: F401 - a fixture, used by name
from tests.ui.test_order_flow import open_showcase

#: The window as it opens on a large screen, and maximized on a 1366×768 laptop (the offscreen
#: test screen is smaller than either: the sizes are set, not left to the screen).
FULL, LAPTOP = (1560, 940), (1366, 738)


def at_size(qtbot, window, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(50)


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * linear(q.redF()) + 0.7152 * linear(q.greenF()) + 0.0722 * linear(q.blueF())


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_helper_is_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)   # the classic just-too-light grey


@pytest.mark.parametrize("state", sorted(LOOKS))
def test_every_badge_is_readable_and_seen(state):
    look = LOOKS[state]
    assert contrast(look.ink, look.fill) >= 4.5, state           # the text on the pill
    assert contrast(look.edge, "#ffffff") >= 3.0, state          # the pill on a white row (not grey on grey)
    assert contrast(look.edge, "#f7f7f7") >= 3.0, state          # ... and on an alternate row
    assert contrast(look.on_white, "#ffffff") >= 4.5, state      # the state as text (document pane header)


@pytest.mark.parametrize("recognized", [True, False, None])
def test_the_viewer_badge_is_readable(recognized):
    look = BADGE_LOOKS[recognized]
    assert contrast(look.ink, look.fill) >= 4.5
    assert contrast(look.fill, "#ffffff") >= 3.0   # rich text has no outline: the fill itself must stand out


@pytest.fixture
def indonesian_chart(qtbot, make_window, demo_platform, restore_language):  # noqa: F811 - the imported fixture
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    at_size(qtbot, window, LAPTOP)
    window.choose_language("id")
    settle(qtbot)
    open_showcase(qtbot, window)
    return window


def _badges_whole(view) -> list[str]:
    """The list's badges that would be cut: the cell narrower than the pill, or the column past the edge."""
    header = view.list_view.horizontalHeader()
    col = ReportListModel.BADGE
    right = header.sectionViewportPosition(col) + header.sectionSize(col)
    cut = []
    for row in range(view.list_model.rowCount()):
        text = view.list_model.index(row, col).data()
        if header.sectionSize(col) - 1 < needed_width(view.list_view.font(), text) \
                or right > view.list_view.viewport().width():
            cut.append(text)
    return cut


def test_the_indonesian_badge_is_whole_in_the_report_list(qtbot, indonesian_chart):
    window = indonesian_chart
    view = window.chart.reports
    texts = {view.list_model.index(r, ReportListModel.BADGE).data() for r in range(view.list_model.rowCount())}
    assert "Hanya sebagai referensi" in texts
    for size in (FULL, LAPTOP):
        at_size(qtbot, window, size)
        assert _badges_whole(view) == [], size
    # dragging the list narrower stops where the badges would be cut
    view.splitter.setSizes([200, 1000, 0])
    qtbot.wait(50)
    assert _badges_whole(view) == []


def test_the_pill_is_painted_in_its_colours(qtbot, indonesian_chart):
    view = indonesian_chart.chart.reports
    row = next(r for r in range(1, view.list_model.rowCount())
               if view.list_model.index(r, ReportListModel.BADGE).data(BadgeStateRole) == "none")
    view.list_view.scrollTo(view.list_model.index(row, 0))
    image = view.list_view.viewport().grab().toImage()
    cell = view.list_view.visualRect(view.list_model.index(row, ReportListModel.BADGE))
    inside = image.pixelColor(cell.left() + MARGIN + 4, cell.center().y() + 1)
    assert inside.name() == LOOKS["none"].fill


def _why_shown_whole(view) -> list[str]:
    """The detail's "why" texts that are not shown whole: column past the edge, or taller than the row."""
    table, col = view.result_view, ResultTableModel.WHY
    header = table.horizontalHeader()
    if header.sectionViewportPosition(col) + header.sectionSize(col) > table.viewport().width():
        return ["the why column is past the edge"]
    metrics = QFontMetrics(table.font())
    cut = []
    for row in range(view.result_model.rowCount()):
        text = view.result_model.index(row, col).data()
        room = QRect(0, 0, header.sectionSize(col) - 8, 10_000)   # the cell's text margins and grid line
        if metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height() > table.rowHeight(row):
            cut.append(text)
    return cut


@pytest.mark.parametrize("lang", ["zh_CN", "en", "id"])
def test_the_why_column_shows_its_text(qtbot, make_window, demo_platform, restore_language, lang):  # noqa: F811
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    at_size(qtbot, window, LAPTOP)   # as it opens on the laptop: the list and the results share its room
    window.choose_language(lang)
    settle(qtbot)
    open_showcase(qtbot, window)
    view = window.chart.reports
    liver = next(r for r in range(view.list_model.rowCount()) if view.list_model.report(r).report.status
                 == "preliminary")
    view.select_report(liver)
    qtbot.wait(50)
    assert view.result_model.rowCount() >= 5
    for size in (FULL, LAPTOP):
        at_size(qtbot, window, size)
        assert _why_shown_whole(view) == [], size
