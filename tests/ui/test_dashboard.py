"""The recognition dashboard in the real window: the service's figures, filters, export, who sees it."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QDate, Qt

from app.domain.recognition_stats import Filter, Period, summarize
from app.services.dashboard import load_decisions
from app.ui.repeat_reason_text import reason_name
from tests.conftest import ANCHOR
from tests.ui.conftest import demo_site


def open_dashboard(qtbot, window):
    qtbot.waitUntil(lambda: window.user_box.count() > 0 and not window.runner.busy, timeout=20_000)
    assert window.dashboard_action.isVisible()
    window.dashboard_action.trigger()
    view = window.dashboard
    qtbot.waitUntil(lambda: view.data is not None and not view.loading and not window.runner.busy, timeout=30_000)
    return view


def expected(window, view, hospital=None, period=Period.MONTH):
    """What the service says for the view's dates (read now, from the same platform)."""
    start, end = view.dates()
    data = load_decisions(window.workspace, start, end)
    return summarize(data.decisions, Filter(start, end, hospital), period)


def shown(view) -> tuple[str, str, str, str]:
    return (view.recognized_value.text(), view.repeated_value.text(), view.rate_value.text(),
            view.saved_value.text())


def test_numbers_charts_and_tables_are_the_services(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view = open_dashboard(qtbot, window)
    summary = expected(window, view)
    totals = summary.totals
    whole, cents = divmod(totals.fees_saved_fen, 100)
    assert shown(view) == (str(totals.recognized), str(totals.repeated), f"{totals.rate * 100:.1f}%",
                           f"¥{whole:,}.{cents:02d}")
    assert totals.recognized > 1000 and totals.repeated > 100   # the demo's year shows on first start
    assert view.reason_chart.counts() == [n for _, n in summary.reasons]
    assert view.reason_chart.labels() == [reason_name(r) for r, _ in summary.reasons]
    assert view.over_time_chart.counts() == ([t.recognized for _, t in summary.over_time],
                                             [t.repeated for _, t in summary.over_time])
    assert len(view.over_time_chart.labels()) == 13              # the months of a year and a day
    for model, rows in ((view.department_model, summary.departments), (view.doctor_model, summary.doctors),
                        (view.item_model, summary.items)):
        assert model.table()[1:] == [list(r.cells()) for r in rows]
    assert view.department_model.headerData(0, Qt.Orientation.Horizontal) == "Hospital"
    assert str(len(summary.decisions)) in view.status.text()


def test_filters_change_the_numbers(qtbot, make_window, demo_platform):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view = open_dashboard(qtbot, window)
    everything = shown(view)

    index = view.hospital_box.findData("org-jnqy")
    assert index > 0 and view.hospital_box.itemText(0) == "All hospitals"
    view.hospital_box.setCurrentIndex(index)                     # no search: recomputed at once
    one = expected(window, view, "org-jnqy")
    assert shown(view)[:2] == (str(one.totals.recognized), str(one.totals.repeated)) != everything[:2]
    assert {r.labels[0] for r in view.department_model.rows} == {"齐鲁医科大学附属第一医院"}

    view.period_box.setCurrentIndex(view.period_box.findData(Period.WEEK))
    weekly = expected(window, view, "org-jnqy", Period.WEEK)
    assert view.over_time_chart.counts()[0] == [t.recognized for _, t in weekly.over_time]
    assert len(weekly.over_time) >= 52

    end = ANCHOR.date() - timedelta(days=1)
    view.from_edit.setDate(QDate(2026, 10, 1))
    view.to_edit.setDate(QDate(end.year, end.month, end.day))
    assert "press Refresh" in view.status.text()
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.loading and not window.runner.busy, timeout=30_000)
    month = expected(window, view, "org-jnqy", Period.WEEK)
    assert view.data.start.isoformat() == "2026-10-01" and view.hospital_box.currentData() == "org-jnqy"
    assert shown(view)[0] == str(month.totals.recognized) and month.totals.recognized < one.totals.recognized


def test_export_writes_what_the_tables_show(qtbot, make_window, demo_platform, tmp_path):
    window = make_window(demo_site(demo_platform.fhir_base), now=ANCHOR)
    view = open_dashboard(qtbot, window)
    written = view.export_csv(tmp_path)
    assert len(written) == 14 and "14 CSV files" in view.status.text()   # with the funnel's eight

    def rows(table: str) -> list[list[str]]:
        path = next(p for p in written if p.name.endswith(f"-{table}.csv"))
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))

    assert rows("departments") == view.department_model.table()
    assert rows("doctors") == view.doctor_model.table()
    assert rows("items") == view.item_model.table()
    assert len(rows("decisions")) == (int(view.recognized_value.text()) + int(view.repeated_value.text())
                                      + int(view.revoked_value.text()) + 1)   # every record, and the header
    assert [r[2] for r in rows("reasons")[1:]] == [str(n) for n in view.reason_chart.counts()]


def test_only_heads_and_supervisors_see_it_outside_the_demo(qtbot, make_window, demo_platform):
    window = make_window(replace(demo_site(demo_platform.fhir_base), demo=False), now=ANCHOR)
    qtbot.waitUntil(lambda: window.user_box.count() > 0 and not window.runner.busy, timeout=20_000)
    users = {window.user_box.itemData(i).name: window.user_box.itemData(i) for i in range(window.user_box.count())}
    assert window.identity.current.is_physician and not window.dashboard_action.isVisible()
    assert "周建华 · Department head · 内分泌科" in window.user_box.itemText(
        window.user_box.findText("周建华", Qt.MatchFlag.MatchStartsWith))
    window.switch_user(users["赵静"].practitioner_id)
    assert window.identity.current.is_nurse and not window.dashboard_action.isVisible()
    window.switch_user(users["高敏"].practitioner_id)
    assert window.identity.current.is_supervisor and window.dashboard_action.isVisible()
    window.switch_user(users["周建华"].practitioner_id)
    assert window.identity.current.is_department_head and window.dashboard_action.isVisible()
    assert not window.order_action.isEnabled() and not window.consent_action.isEnabled()
    view = open_dashboard(qtbot, window)
    assert view.hospital_box.currentData() == "org-sdsl"         # a head starts on their own hospital
    window.switch_user(users["赵静"].practitioner_id)
    assert not window.dashboard_action.isVisible() and not view.isVisible()


def test_the_over_time_legend_never_covers_a_bar(qtbot):
    """Inside the plot, the legend hid the tops of the tallest bars (seen on the demo's year)."""
    from app.ui.dashboard_charts import OverTimeChart

    chart = OverTimeChart()
    qtbot.addWidget(chart)
    chart.resize(780, 220)
    chart.show()
    qtbot.waitExposed(chart)
    recognized = [50, 225, 157, 168, 150, 158, 169, 192, 133, 198, 225, 207]
    chart.set_data([f"2026-{m:02d}" for m in range(1, 13)], recognized, [8] * 12, ("已互认", "重复检查"))
    qtbot.wait(50)
    plot_area = chart.plotItem.vb.sceneBoundingRect()
    legend = chart.legend.sceneBoundingRect()
    assert not legend.intersects(plot_area)
    assert legend.right() <= chart.plotItem.sceneBoundingRect().right() + 1      # whole, not cut off
    assert [label.text for _, label in chart.legend.items] == ["已互认", "重复检查"]
    assert chart.plotItem.vb.viewRange()[1][1] >= max(recognized)               # the tallest bar is whole
