"""The recognition funnel: what each fate means on scripted visits, and properties on any records.

Hypothesis builds reminders, openings and decisions of a few doctors, patients, days and items;
whatever they are, the stages never grow downwards (totals and every row of every table), the
items decided fall into exactly one fate each, the tables add up to the totals, and opening a
report never makes a repeat overlooked.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.recognition_funnel import (
    Doctor,
    Fate,
    PriorOpened,
    RemindedItem,
    ReminderShown,
    by_department,
    by_doctor,
    by_issuer,
    by_item,
    by_period,
    by_verdict,
    funnel,
    reminded_items,
    reminder_detail,
    summarize_funnel,
    visits,
)
from app.domain.recognition_stats import Decision, Filter, Outcome, Period
from app.domain.repeat_orders import RepeatReason
from app.domain.review_rules import Verdict

TZ = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 2)
DOCTORS = {"d1": Doctor("d1", "陈浩", "h1", "省立医院", "肾内科"),
           "d2": Doctor("d2", "马骏", "h2", "齐鲁医院", "内分泌科"),
           "d3": Doctor("d3", "杨帆", "h1", "省立医院", "消化内科")}
ITEMS = {"K": ("DiagnosticReport/e", "i1", "青岛市立医院"), "NA": ("DiagnosticReport/e", "i1", "青岛市立医院"),
         "HBA1C": ("DiagnosticReport/g", "i2", "济南中心医院"), "CT": ("ImagingStudy/c", "i3", "江汉医院")}


def at(minute: int, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=TZ) + timedelta(minutes=minute)


def item(code: str) -> RemindedItem:
    entity, issuer_id, issuer = ITEMS[code]
    return RemindedItem(code, f"name-{code}", entity, issuer_id, issuer)


def reminder(codes: list[str], minute: int = 0, doctor: str = "d1", patient: str = "p1", day: date = DAY,
             record: str = "") -> ReminderShown:
    return ReminderShown(record or f"r-{doctor}-{patient}-{day}-{minute}", at(minute, day), DOCTORS[doctor], patient,
                         tuple(item(c) for c in codes))


def opened(entity: str, minute: int, doctor: str = "d1", patient: str = "p1", day: date = DAY) -> PriorOpened:
    return PriorOpened(f"o-{doctor}-{patient}-{day}-{minute}-{entity}", at(minute, day), doctor, patient, entity)


def decision(code: str, outcome: Outcome, minute: int = 10, doctor: str = "d1", patient: str = "p1",
             day: date = DAY, revoked: bool = False, n: int = 0) -> Decision:
    who = DOCTORS[doctor]
    return Decision(at(minute, day), who.hospital_id, who.hospital, who.department, doctor, who.name, code,
                    f"name-{code}", outcome, RepeatReason.OTHER if outcome is Outcome.REPEATED else None, 100,
                    f"o{doctor}{patient}{day}{n}/{code}", revoked, patient)


REPEAT, RECOGNIZE = Outcome.REPEATED, Outcome.RECOGNIZED


# --- what each fate means -----------------------------------------------------------------------


def fates(decisions, reminders=(), reads=()):
    (v,) = visits(decisions, reminders, reads)
    return [v.fate(d) for d in v.decisions]


def test_a_repeat_after_its_reminded_report_was_opened_is_repeated_with_reason():
    assert fates([decision("K", REPEAT, 10)], [reminder(["K"])], [opened("DiagnosticReport/e", 5)]) == [Fate.REPEATED]


def test_a_repeat_whose_report_was_opened_only_after_the_order_is_overlooked():
    assert fates([decision("K", REPEAT, 10)], [reminder(["K"])], [opened("DiagnosticReport/e", 11)]) == \
        [Fate.OVERLOOKED]


def test_opening_another_record_than_the_reminded_one_does_not_count():
    assert fates([decision("K", REPEAT, 10)], [reminder(["K", "HBA1C"])], [opened("DiagnosticReport/g", 5)]) == \
        [Fate.OVERLOOKED]


def test_without_a_reminder_any_record_opened_before_gives_the_benefit_of_the_doubt():
    assert fates([decision("K", REPEAT, 10)], [], [opened("DiagnosticReport/x", 5)]) == [Fate.REPEATED]
    assert fates([decision("K", REPEAT, 10)], [], []) == [Fate.OVERLOOKED]


def test_recognized_and_revoked_need_no_opening():
    assert fates([decision("K", RECOGNIZE), decision("NA", RECOGNIZE, revoked=True)], [reminder(["K"])]) == \
        [Fate.RECOGNIZED, Fate.REVOKED]


def test_an_opening_on_another_day_or_by_another_doctor_is_another_visit():
    reads = [opened("DiagnosticReport/e", 5, day=DAY - timedelta(days=1)), opened("DiagnosticReport/e", 5, doctor="d2")]
    assert fates([decision("K", REPEAT, 10)], [reminder(["K"])], reads) == [Fate.OVERLOOKED]


def test_a_read_under_the_patients_record_at_another_platform_counts_when_it_opens_the_reminded_record():
    reads = [opened("DiagnosticReport/e", 5, patient="p1-at-qingdao"), opened("DiagnosticReport/x", 6, patient="p9")]
    (v,) = visits([decision("K", REPEAT, 10)], [reminder(["K"])], reads)
    assert v.prior_opened and [o.entity for o in v.opened] == ["DiagnosticReport/e"]
    assert v.fate(v.decisions[0]) is Fate.REPEATED


def test_the_stages_of_a_small_clinic_day():
    made = visits(
        [decision("K", RECOGNIZE), decision("HBA1C", REPEAT, patient="p2"),
         decision("K", REPEAT, doctor="d2", patient="p3")],
        [reminder(["K"]), reminder(["HBA1C"], patient="p2"), reminder(["CT"], patient="p4")],
        [opened("DiagnosticReport/e", 3), opened("ImagingStudy/c", 3, patient="p4")])
    t = funnel(made)
    # p1, p2, p4 reminded (p4 ordered nothing); p3's order came without a reminder.
    assert t.stages() == (4, 3, 2)
    assert (t.recognized, t.repeated, t.overlooked, t.revoked) == (1, 0, 2, 0)
    assert t.access_rate == 2 / 3 and t.recognition_rate == 1 / 3
    issuers = {r.key: r.tally for r in by_issuer(made)}
    assert issuers[("i1",)].recognized == 1 and issuers[("i1",)].overlooked == 0
    assert issuers[("i2",)].overlooked == 1 and issuers[("i3",)].opened == 1
    assert issuers[("",)].overlooked == 1            # p3's repeat: no reminder named its issuer


def test_repeats_by_verdict_add_up_to_the_repeats():
    ds = [decision("K", REPEAT, n=1), decision("NA", REPEAT, n=2), decision("HBA1C", REPEAT, n=3),
          decision("CT", RECOGNIZE, n=4)]
    counted = by_verdict(ds, {ds[0].record: Verdict.REASONABLE, ds[1].record: Verdict.UNREASONABLE,
                              ds[3].record: Verdict.UNREASONABLE})
    assert (counted.reasonable, counted.unreasonable, counted.not_reviewed) == (1, 1, 1)


# --- the audit detail ---------------------------------------------------------------------------


def test_the_reminder_detail_reads_back_and_the_earlier_form_too():
    shown = [item("K"), item("CT"), RemindedItem("X")]
    assert reminded_items(reminder_detail(shown)) == tuple(RemindedItem(i.item_code, "", i.entity, i.issuer_id,
                                                                        i.issuer) for i in shown)
    assert reminded_items("2: LAB-K,LAB-NA") == (RemindedItem("LAB-K"), RemindedItem("LAB-NA"))
    assert reminded_items("not a reminder") == () and reminded_items("x: A B C D") == ()


@given(st.lists(st.tuples(st.from_regex(r"[A-Z][A-Z0-9-]{0,8}", fullmatch=True),
                          st.from_regex(r"(DiagnosticReport|ImagingStudy)/[a-z0-9-]{1,10}", fullmatch=True),
                          st.from_regex(r"[a-z0-9][a-z0-9-]{0,7}", fullmatch=True), st.text(max_size=20)), max_size=6))
def test_any_reminder_detail_reads_back(parts):
    shown = [RemindedItem(code, "", entity, org, name) for code, entity, org, name in parts]
    back = reminded_items(reminder_detail(shown))
    assert [(i.item_code, i.entity, i.issuer_id) for i in back] == [(i.item_code, i.entity, i.issuer_id) for i in shown]
    names = [i.issuer.replace(";", ",").strip() for i in shown]   # ';' separates the items
    assert [i.issuer for i in back] == ["" if n == "-" else n for n in names]


# --- properties on any records ------------------------------------------------------------------

codes = st.sampled_from(sorted(ITEMS))
doctors = st.sampled_from(sorted(DOCTORS))
patients = st.sampled_from(["p1", "p2", "p3"])
days = st.sampled_from([DAY, DAY + timedelta(days=1), DAY + timedelta(days=40)])
minutes = st.integers(0, 30)
reminders_st = st.lists(st.builds(reminder, st.lists(codes, min_size=1, max_size=3, unique=True), minutes, doctors,
                                  patients, days), max_size=8)
reads_st = st.lists(st.builds(opened, st.sampled_from(["DiagnosticReport/e", "DiagnosticReport/g", "ImagingStudy/c",
                                                       "DiagnosticReport/z"]), minutes, doctors, patients, days),
                    max_size=8)
decisions_st = st.lists(st.builds(decision, codes, st.sampled_from([REPEAT, RECOGNIZE]), minutes, doctors, patients,
                                  days, st.booleans(), st.integers(0, 10**6)), max_size=10,
                        unique_by=lambda d: d.record)


def _nested(t) -> bool:
    return t.patients >= t.reminded >= t.opened >= 0


@settings(max_examples=150, deadline=None)
@given(decisions_st, reminders_st, reads_st)
def test_the_stages_never_grow_downwards_and_the_tables_add_up(decisions, reminders, reads):
    made = visits(decisions, reminders, reads)
    t = funnel(made)
    assert _nested(t)
    assert t.decided == len(decisions)
    assert t.patients == len({v.key for v in made})
    for rows in (by_department(made), by_doctor(made)):
        assert all(_nested(r.tally) for r in rows)
        assert sum((r.tally for r in rows), type(t)()) == t            # each visit in one row: every count adds up
    periods = by_period(made, Period.WEEK)
    assert all(_nested(p) for _, p in periods) and sum((p for _, p in periods), type(t)()) == t
    for rows in (by_item(made), by_issuer(made)):
        assert all(_nested(r.tally) for r in rows)
        fates = [sum(getattr(r.tally, f) for r in rows) for f in ("recognized", "repeated", "overlooked", "revoked")]
        assert fates == [t.recognized, t.repeated, t.overlooked, t.revoked]   # each decision under one item/issuer
        assert all(r.tally.patients <= t.patients for r in rows)
    summary = summarize_funnel(made, Filter(), Period.MONTH, {})
    assert summary.totals == t and summary.verdicts.not_reviewed == sum(d.repeated for d in decisions)


@settings(max_examples=100, deadline=None)
@given(decisions_st, reminders_st, reads_st, reads_st)
def test_opening_more_never_makes_a_repeat_overlooked(decisions, reminders, reads, more):
    before = funnel(visits(decisions, reminders, reads))
    after = funnel(visits(decisions, reminders, reads + more))
    assert after.overlooked <= before.overlooked and after.opened >= before.opened
    assert after.recognized == before.recognized and after.revoked == before.revoked
    assert after.stages()[:2] == before.stages()[:2]
