"""The dashboard's figures: counted right, and every table adds up to the totals."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.recognition_stats import (
    Decision,
    Filter,
    Outcome,
    Period,
    Tally,
    by_department,
    by_doctor,
    by_item,
    by_period,
    by_reason,
    fen,
    hospitals,
    next_period,
    period_start,
    rate_text,
    revoke,
    select,
    summarize,
    tally,
    yuan_text,
)
from app.domain.repeat_orders import RepeatReason

SH = ZoneInfo("Asia/Shanghai")
SL, QY = ("org-sdsl", "山东省立中心医院"), ("org-jnqy", "齐鲁医科大学附属第一医院")


def decision(day: str, outcome: Outcome = Outcome.RECOGNIZED, *, hospital=SL, department="内分泌科",
             doctor=("prac-1", "李明"), item=("LAB-K", "钾"), reason: RepeatReason | None = None,
             fee: int = 400, hour: int = 9) -> Decision:
    if outcome is Outcome.REPEATED and reason is None:
        reason = RepeatReason.CONDITION_CHANGED
    return Decision(datetime.fromisoformat(day).replace(hour=hour, tzinfo=SH), hospital[0], hospital[1], department,
                    doctor[0], doctor[1], item[0], item[1], outcome, reason, fee, f"order-{day}-{item[0]}-{hour}")


R, P = Outcome.RECOGNIZED, Outcome.REPEATED
SAMPLE = [
    decision("2026-03-02"),                                                         # Monday
    decision("2026-03-02", P, reason=RepeatReason.EMERGENCY, item=("LAB-NA", "钠")),
    decision("2026-03-08", item=("LAB-HBA1C", "糖化血红蛋白"), fee=6000),               # Sunday, same week
    decision("2026-03-09", P, hospital=QY, department="心血管内科", doctor=("prac-2", "王芳")),
    decision("2026-04-01", hospital=QY, department="内分泌科", doctor=("prac-3", "马骏"), fee=150),
    decision("2026-04-30", P, reason=RepeatReason.OTHER, doctor=("prac-3", "马骏"), hospital=QY),
]


def test_a_recognition_saves_its_fee_a_repeat_nothing():
    assert tally(SAMPLE) == Tally(recognized=3, repeated=3, fees_saved_fen=400 + 6000 + 150)
    assert [d.fee_saved_fen for d in SAMPLE[:2]] == [400, 0]
    assert tally(SAMPLE).rate == 0.5 and Tally().rate is None


def test_a_revoked_recognition_is_counted_apart_saving_nothing():
    key = SAMPLE[2].record
    decisions = revoke(SAMPLE, [key, "no-such-record", SAMPLE[1].record])   # SAMPLE[1] is a repeat: untouched
    assert [d.revoked for d in decisions] == [False, False, True, False, False, False]
    assert not decisions[2].recognized and not decisions[2].repeated and decisions[2].fee_saved_fen == 0
    assert tally(decisions) == Tally(recognized=2, repeated=3, fees_saved_fen=400 + 150, revoked=1)
    assert tally(decisions).rate == 2 / 5   # the revoked one leaves the rate
    assert sum(n for _, n in by_reason(decisions)) == 3
    [row] = [r for r in by_item(decisions) if r.key == ("LAB-HBA1C",)]
    assert row.tally == Tally(revoked=1)


@pytest.mark.parametrize(("yuan", "fen_", "text"), [
    (4.0, 400, "4.00"), (1.5, 150, "1.50"), (0.1, 10, "0.10"), (1234.56, 123456, "1234.56"), (0, 0, "0.00"),
    (0.29, 29, "0.29"),   # 0.29 * 100 is 28.999999999999996 in floats
])
def test_money_in_fen(yuan, fen_, text):
    assert fen(yuan) == fen_ and yuan_text(fen_) == text


@pytest.mark.parametrize(("rate", "text"), [(None, ""), (0.5, "50.0%"), (2 / 3, "66.7%"), (1.0, "100.0%")])
def test_rate_text(rate, text):
    assert rate_text(rate) == text


@pytest.mark.parametrize(("which", "records"), [
    (Filter(), [d.record for d in SAMPLE]),
    (Filter(start=date(2026, 3, 8)), [d.record for d in SAMPLE[2:]]),
    (Filter(end=date(2026, 3, 8)), [d.record for d in SAMPLE[:3]]),
    (Filter(date(2026, 3, 2), date(2026, 3, 2)), [d.record for d in SAMPLE[:2]]),   # both ends included
    (Filter(hospital_id="org-jnqy"), [d.record for d in SAMPLE[3:]]),
    (Filter(date(2026, 4, 1), date(2026, 4, 29), "org-jnqy"), [SAMPLE[4].record]),
    (Filter(hospital_id="org-none"), []),
])
def test_filters(which, records):
    assert [d.record for d in select(SAMPLE, which)] == records


def test_the_day_counted_is_the_sites_day():
    late = Decision(datetime(2026, 3, 1, 23, 30, tzinfo=SH), *SL, "内分泌科", "p", "李明", "LAB-K", "钾", R)
    assert select([late], Filter(date(2026, 3, 1), date(2026, 3, 1))) == [late]


@pytest.mark.parametrize(("day", "period", "start", "following"), [
    (date(2026, 3, 8), Period.DAY, date(2026, 3, 8), date(2026, 3, 9)),
    (date(2026, 3, 8), Period.WEEK, date(2026, 3, 2), date(2026, 3, 9)),        # Sunday: the week began Monday
    (date(2026, 3, 2), Period.WEEK, date(2026, 3, 2), date(2026, 3, 9)),
    (date(2026, 3, 31), Period.MONTH, date(2026, 3, 1), date(2026, 4, 1)),
    (date(2026, 12, 15), Period.MONTH, date(2026, 12, 1), date(2027, 1, 1)),    # the year turns
    (date(2027, 1, 1), Period.WEEK, date(2026, 12, 28), date(2027, 1, 4)),
])
def test_periods(day, period, start, following):
    assert period_start(day, period) == start and next_period(start, period) == following


def test_by_week_fills_the_empty_weeks():
    rows = by_period(SAMPLE, Period.WEEK)
    assert [start for start, _ in rows] == [date(2026, 3, 2) + timedelta(weeks=i) for i in range(9)]
    assert rows[0][1] == Tally(2, 1, 6400)            # Monday 2 and Sunday 8 March
    assert rows[1][1] == Tally(0, 1, 0)
    assert rows[2][1] == Tally()                      # nothing that week: a zero bar, not a gap
    assert rows[4][1] == Tally(1, 0, 150)             # 1 April


def test_by_month_covers_the_asked_range_even_when_empty():
    rows = by_period(SAMPLE, Period.MONTH, date(2026, 1, 15), date(2026, 6, 1))
    assert [(s.month, t.total) for s, t in rows] == [(1, 0), (2, 0), (3, 4), (4, 2), (5, 0), (6, 0)]
    assert by_period([], Period.MONTH) == []
    assert [s for s, _ in by_period([], Period.MONTH, date(2026, 1, 5))] == [date(2026, 1, 1)]


def test_by_reason_lists_every_reason_in_the_rules_order():
    counts = dict(by_reason(SAMPLE))
    assert list(counts) == list(RepeatReason)
    assert counts[RepeatReason.EMERGENCY] == 1 and counts[RepeatReason.CONDITION_CHANGED] == 1
    assert counts[RepeatReason.OTHER] == 1 and counts[RepeatReason.APPRAISAL] == 0


def test_a_department_belongs_to_its_hospital():
    rows = by_department(SAMPLE)
    assert [(r.labels, r.tally.total) for r in rows] == [
        (("山东省立中心医院", "内分泌科"), 3),
        (("齐鲁医科大学附属第一医院", "内分泌科"), 2),   # same name, another hospital: another row
        (("齐鲁医科大学附属第一医院", "心血管内科"), 1),
    ]
    assert rows[0].cells() == ("山东省立中心医院", "内分泌科", "2", "1", "66.7%", "64.00")


def test_by_doctor_and_by_item():
    assert [(r.labels[0], r.tally.recognized, r.tally.repeated) for r in by_doctor(SAMPLE)] == [
        ("李明", 2, 1), ("马骏", 1, 1), ("王芳", 0, 1)]
    items = by_item(SAMPLE)
    assert items[0].labels == ("LAB-K", "钾") and items[0].tally == Tally(2, 2, 550)
    assert hospitals(SAMPLE) == [SL, QY]   # by name


def test_summary_is_one_selection_seen_every_way():
    summary = summarize(SAMPLE, Filter(hospital_id="org-jnqy"), Period.MONTH)
    assert summary.totals == Tally(1, 2, 150)
    assert [d.record for d in summary.decisions] == [d.record for d in SAMPLE[3:]]
    assert [(s.month, t.total) for s, t in summary.over_time] == [(3, 1), (4, 2)]


# --- the tables always add up --------------------------------------------------------------

_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
_decisions = st.builds(
    lambda day, hour, hospital, department, doctor, item, repeat, reason, price, revoked: Decision(
        datetime(day.year, day.month, day.day, hour, tzinfo=SH), hospital, f"医院{hospital}", department,
        doctor, f"医师{doctor}", item, f"项目{item}", P if repeat else R,
        reason if repeat else None, price, f"{day}/{item}/{hour}", revoked=revoked and not repeat),
    _days, st.integers(0, 23), st.sampled_from(["org-a", "org-b", ""]), st.sampled_from(["内分泌科", "肾内科", ""]),
    st.sampled_from(["p1", "p2", "p3"]), st.sampled_from(["LAB-K", "LAB-NA", "LAB-HBA1C"]), st.booleans(),
    st.one_of(st.none(), st.sampled_from(list(RepeatReason))), st.integers(0, 100_000), st.booleans())


@given(st.lists(_decisions, max_size=60), st.sampled_from(list(Period)),
       st.one_of(st.none(), st.sampled_from(["org-a", "org-b", ""])), _days, _days)
def test_every_table_adds_up_to_the_totals(decisions, period, hospital, a, b):
    summary = summarize(decisions, Filter(min(a, b), max(a, b), hospital), period)
    totals = summary.totals
    assert totals == tally(summary.decisions)
    for rows in (summary.departments, summary.doctors, summary.items):
        assert sum((r.tally for r in rows), Tally()) == totals
    assert sum((t for _, t in summary.over_time), Tally()) == totals
    assert sum(n for _, n in summary.reasons) == totals.repeated
    assert totals.fees_saved_fen == sum(d.fee_fen for d in summary.decisions if d.outcome is R and not d.revoked)
    assert totals.revoked == sum(d.revoked for d in summary.decisions)
    assert totals.total + totals.revoked == len(summary.decisions)
    starts = [s for s, _ in summary.over_time]
    assert all(next_period(x, period) == y for x, y in zip(starts, starts[1:], strict=False))   # no period missing
