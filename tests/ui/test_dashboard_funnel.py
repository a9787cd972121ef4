"""The dashboard's Funnel tab in the real window: the service's figures, filters, export, a missing source."""

from __future__ import annotations

import csv
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt

from app.config import SourceConfig
from app.domain.recognition_funnel import FunnelSummary, funnel_cells, summarize_funnel
from app.domain.recognition_stats import Filter, Period
from app.services.dashboard import load_decisions
from app.ui.dashboard_funnel import RatesBy
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site
from tests.ui.test_dashboard import open_dashboard
from tests.ui.test_language_switch import restore_language, settle  # noqa: F401 - a fixture, used by name

FIGURES = ["Patients with recognizable priors", "Reminded", "Prior opened", "Access rate", "Recognized",
           "Repeated with reason", "Overlooked", "Revoked", "Recognition rate"]


def expected(window, view, hospital=None, period=Period.MONTH) -> FunnelSummary:
    """The funnel the service gives for the view's dates, read now from the same platform(s)."""
    start, end = view.dates()
    data = load_decisions(window.workspace, start, end)
    return summarize_funnel(data.visits(), Filter(start, end, hospital), period, data.verdicts)


def funnel_tab(qtbot, window):
    view = open_dashboard(qtbot, window)
    view.resize(1366, 768)                                        # the outpatient screen
    view.tabs.setCurrentWidget(view.funnel_panel)
    qtbot.wait(50)
    return view, view.funnel_panel


def whole_height(panel) -> bool:
    """The funnel's last line (the legend's) is inside the tab, not cut off by it."""
    chart = panel.chart
    return chart.height() >= chart.sizeHint().height() and \
        chart.mapTo(panel, QPoint(0, chart.height())).y() <= panel.height()


def share(n: int, of: int) -> str:
    return f"{100 * n / of:.1f}%"


def lines(rows) -> list[list[str]]:
    """Domain rows as the table shows them: a label the records leave empty reads "(not known)"."""
    return [[c or "(not known)" for c in r.labels] + list(funnel_cells(r.tally)) for r in rows]


@pytest.fixture
def refusing_platform(tmp_path):
    """An empty platform that refuses AuditEvent search (403), as many real ones do."""
    from app.sandbox.conformance import MINIMAL
    from app.sandbox.server import SandboxServer

    with SandboxServer(tmp_path / "platform", demo=False, images=False, conformance=MINIMAL) as server:
        yield server


def test_the_funnel_shows_the_services_figures(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view, panel = funnel_tab(qtbot, window)
    summary = expected(window, view)
    t = summary.totals
    assert view.tabs.tabText(3) == "Funnel"
    assert t.reminded > 0 and t.opened > 0 and t.overlooked > 0 and t.revoked > 0   # the demo's year
    assert panel.counts() == list(t.counts())
    assert panel.stage_texts() == [
        f"Patients with recognizable priors {t.patients}",
        f"Reminded {t.reminded} · {share(t.reminded, t.patients)}",
        f"Prior opened {t.opened} · {share(t.opened, t.reminded)}",
        f"Recognized {t.recognized} · {share(t.recognized, t.decided)}",
        f"Repeated with reason {t.repeated} · {share(t.repeated, t.decided)}",
        f"Overlooked {t.overlooked} · {share(t.overlooked, t.decided)}",
        f"Revoked {t.revoked} · {share(t.revoked, t.decided)}"]
    assert panel.chart.decided_text() == f"Items decided: {t.decided}"
    assert int(view.repeated_value.text()) == t.repeated + t.overlooked            # the headline's repeats, split
    v = summary.verdicts
    assert v.total == t.repeated + t.overlooked and v.reasonable + v.unreasonable > 0
    assert panel.verdicts.text().replace("\u00a0", " ") == (
        f"Repeats by verdict: reasonable {v.reasonable} · unreasonable {v.unreasonable} · "
        f"not reviewed {v.not_reviewed}")
    assert not panel.note.isVisible() and panel.complete

    assert panel.rates_by() is RatesBy.DEPARTMENT
    assert panel.table() == [["Hospital", "Department", *FIGURES], *lines(summary.departments)]
    assert sum(r.tally.patients for r in summary.departments) == t.patients        # each visit in one line


def test_the_table_sorts_numbers_as_numbers_and_fits_the_screen(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view, panel = funnel_tab(qtbot, window)
    assert panel.chart.elided() == []                             # every text of the funnel whole
    assert not panel.view.horizontalScrollBar().isVisible()       # all nine figures in sight
    panel.set_rates_by(RatesBy.ITEM)
    proxy = panel.view.model()
    reminded = FIGURES.index("Reminded") + 2                      # after item code and item
    assert proxy.index(0, reminded).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    panel.view.sortByColumn(reminded, Qt.SortOrder.AscendingOrder)
    shown = [int(proxy.index(r, reminded).data()) for r in range(proxy.rowCount())]
    assert shown == sorted(shown) and len(set(len(str(n)) for n in shown)) > 1   # 97 before 104, not after


def test_hospital_period_and_rates_by_change_the_table(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view, panel = funnel_tab(qtbot, window)
    everything = panel.counts()

    view.hospital_box.setCurrentIndex(view.hospital_box.findData("org-jnqy"))   # recomputed at once
    one = expected(window, view, "org-jnqy")
    assert panel.counts() == list(one.totals.counts()) != everything
    assert view.funnel is not None and view.funnel.totals == one.totals
    assert panel.table()[1:] == lines(one.departments)
    assert {row[0] for row in panel.table()[1:]} == {"齐鲁医科大学附属第一医院"}

    for by, rows, labels in ((RatesBy.DOCTOR, one.doctors, ["Doctor", "Hospital", "Department"]),
                             (RatesBy.ITEM, one.items, ["Item code", "Item"]),
                             (RatesBy.ISSUER, one.issuers, ["Issuing hospital"])):
        panel.rates_box.setCurrentIndex(panel.rates_box.findData(by))          # as the user picks it
        assert panel.table() == [[*labels, *FIGURES], *lines(rows)], by
    assert len(one.issuers) > 1

    panel.set_rates_by(RatesBy.OVER_TIME)
    assert panel.table() == [["Period from", *FIGURES],
                             *([start.isoformat(), *funnel_cells(t)] for start, t in one.over_time)]
    assert len(panel.table()) == 14                                # the months of a year and a day

    view.period_box.setCurrentIndex(view.period_box.findData(Period.WEEK))
    weekly = expected(window, view, "org-jnqy", Period.WEEK)
    assert panel.rates_by() is RatesBy.OVER_TIME                   # the choice stays
    assert panel.table()[1:] == [[start.isoformat(), *funnel_cells(t)] for start, t in weekly.over_time]
    assert len(weekly.over_time) >= 52


def test_export_writes_the_funnel_and_its_records_add_up(qtbot, make_window, demo_platform, tmp_path):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view, panel = funnel_tab(qtbot, window)
    written = view.export_csv(tmp_path)
    assert len(written) == 14 and "14 CSV files" in view.status.text()

    def rows(table: str) -> list[list[str]]:
        path = next(p for p in written if p.name.endswith(f"-{table}.csv"))
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))

    t = expected(window, view).totals
    assert rows("funnel-departments") == panel.table()           # what the tab shows, as shown
    assert [r[:2] for r in rows("funnel")[1:]] == [
        [name, str(n)] for name, n in zip(["Patients with recognizable priors", "Reminded", "Prior opened",
                                           "Recognized", "Repeated with reason", "Overlooked", "Revoked"],
                                          panel.counts(), strict=True)]
    header, *records = rows("funnel-records")
    visit, reminded, opened, outcome = (header.index(c) for c in ("Visit", "Reminded", "Prior opened", "Outcome"))
    assert len({r[visit] for r in records}) == t.patients
    assert len({r[visit] for r in records if r[reminded] == "yes"}) == t.reminded
    assert len({r[visit] for r in records if r[opened] == "yes"}) == t.opened
    fates = Counter(r[outcome] for r in records)
    assert [fates["recognized"], fates["repeated with reason"], fates["overlooked"], fates["revoked"]] == \
        panel.counts()[3:]
    assert fates["not ordered"] > 0                               # follow-up visits reminded, nothing ordered
    verdicts = {r[0]: int(r[1]) for r in rows("verdicts")[1:]}
    assert sum(verdicts.values()) == t.repeated + t.overlooked


def test_a_platform_refusing_its_audit_events_leaves_the_funnel_missing_not_short(
        qtbot, make_window, demo_platform, refusing_platform, tmp_path):
    window = make_window(demo_site(demo_platform.fhir_base, SourceConfig("refusing", refusing_platform.fhir_base,
                                                                         label="区平台")), now=ANCHOR)
    view, panel = funnel_tab(qtbot, window)
    failed = view.data.funnel_failed
    assert [o.label for o in failed] == ["区平台"] and not view.data.failed   # its decisions answered (none)
    t = expected(window, view).totals
    assert t.reminded > 0                                          # the demo platform's are there, yet…
    assert panel.counts() == [None, None, None, t.recognized, None, None, t.revoked]
    assert panel.stage_texts()[:3] == ["Patients with recognizable priors —", "Reminded —", "Prior opened —"]
    assert panel.stage_texts()[4:6] == ["Repeated with reason —", "Overlooked —"]
    assert panel.stage_texts()[3] == f"Recognized {t.recognized} · {share(t.recognized, t.decided)}"
    assert panel.note.isVisible() and "区平台" in panel.note.text() and failed[0].message in panel.note.text()
    assert panel.verdicts.text().count("—") == 3                  # the verdicts come with the funnel's records
    assert "区平台" in view.status.text()
    assert whole_height(panel) and panel.chart.elided() == []     # the note takes no room from the funnel
    table = panel.table()
    for row in table[1:]:
        figures = row[2:]
        assert [figures[i] for i in (0, 1, 2, 3, 5, 6)] == ["—"] * 6 and figures[4].isdigit()
    assert table[1][2 + 8].endswith("%")                           # the recognition rate needs no AuditEvent
    # …and the files: the decisions and their tables, not a funnel known to lack a platform's records.
    written = view.export_csv(tmp_path)
    assert written and not [p for p in written if "funnel" in p.name]
    assert "funnel" in view.status.text() and "区平台" in view.status.text()


@pytest.mark.parametrize("language", ["en", "zh_CN", "id"])
def test_the_funnel_reads_whole_at_1366_in_every_language(qtbot, make_window, demo_platform, restore_language,  # noqa: F811
                                                          language):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    window.choose_language(language)
    settle(qtbot)
    view, panel = funnel_tab(qtbot, window)
    assert panel.chart.elided() == []
    assert panel.chart.width() >= panel.chart.minimumSizeHint().width()
    assert whole_height(panel)
    for by in RatesBy:
        panel.set_rates_by(by)
        qtbot.wait(10)
        header = panel.view.horizontalHeader()
        assert not panel.view.horizontalScrollBar().isVisible(), by   # every figure in sight
        metrics = header.fontMetrics()
        for c in range(header.count()):
            text = panel.model.headerData(c, Qt.Orientation.Horizontal)
            assert max(metrics.horizontalAdvance(line) for line in text.split("\n")) < header.sectionSize(c), text
