"""The supervisor's review rules: each flags exactly the repeats it should on a scripted set of orders."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from app.domain.recognition_stats import Decision, Outcome
from app.domain.repeat_orders import RepeatReason
from app.domain.review_rules import (
    ConsentState,
    ReviewSettings,
    Rule,
    rate_flagged,
    reason_flagged,
    review_queue,
    same_item_flagged,
)

SH = ZoneInfo("Asia/Shanghai")
SL, QY = ("org-sdsl", "山东省立中心医院"), ("org-jnqy", "齐鲁医科大学附属第一医院")
R, P = Outcome.RECOGNIZED, Outcome.REPEATED
START = datetime(2026, 3, 2, 9, tzinfo=SH)


def decision(record: str, day: int, outcome: Outcome = P, *, reason: RepeatReason | None = None,
             prior: str = "sl:obs-1", patient: str = "pat-1", hospital=SL, department: str = "内分泌科",
             doctor: str = "prac-1", item: str = "LAB-K") -> Decision:
    if outcome is P and reason is None:
        reason = RepeatReason.CONDITION_CHANGED
    return Decision(START + timedelta(days=day), hospital[0], hospital[1], department, doctor, doctor, item, item,
                    outcome, reason if outcome is P else None, 400, record, patient_id=patient,
                    prior=prior if outcome is P else "")


# The scripted orders. Rates are off unless a test turns them on (threshold 1.0).
NO_RATES = ReviewSettings(rate_threshold=1.0)
SCRIPT = [
    decision("asks", 0, reason=RepeatReason.PATIENT_REQUEST),                       # REASON
    decision("other", 1, reason=RepeatReason.OTHER, item="LAB-NA", patient="pat-2"),  # REASON
    decision("other-no-prior", 1, reason=RepeatReason.OTHER, prior="", item="LAB-CA"),  # no prior: not REASON
    decision("emergency", 2, reason=RepeatReason.EMERGENCY, patient="pat-3"),        # clinical reason: nothing
    decision("again-6d", 6, patient="pat-3"),                                        # SAME_ITEM (emergency 4 days ago)
    decision("again-other-hospital", 7, patient="pat-3", hospital=QY),               # other hospital: nothing
    decision("again-20d", 20, patient="pat-3"),                                      # 14 days after: nothing
    decision("recognized", 3, R, patient="pat-4"),                                   # not a repeat: never
    decision("recognized-then-repeat", 4, patient="pat-4"),                          # a recognition is no repeat
]
ALL_GIVEN = {d.record: ConsentState.GIVEN for d in SCRIPT}


def flagged(queue) -> dict[str, tuple[Rule, ...]]:
    return {f.decision.record: f.rules for f in queue}


def test_the_reason_rule_flags_review_reasons_of_a_recognizable_prior_only():
    assert [d.record for d in SCRIPT if reason_flagged(d, NO_RATES)] == ["asks", "other"]
    only_other = ReviewSettings(reasons=frozenset({RepeatReason.OTHER}))
    assert [d.record for d in SCRIPT if reason_flagged(d, only_other)] == ["other"]


def test_the_same_item_rule_flags_a_repeat_within_n_days_at_the_same_hospital():
    assert same_item_flagged(SCRIPT, NO_RATES) == {"again-6d"}
    assert same_item_flagged(SCRIPT, ReviewSettings(same_item_days=3)) == set()
    assert same_item_flagged(SCRIPT, ReviewSettings(same_item_days=14)) == {"again-6d", "again-20d"}
    assert same_item_flagged(SCRIPT, ReviewSettings(same_item_days=0)) == set()


def test_the_queue_holds_exactly_the_flagged_repeats_with_their_rules():
    assert flagged(review_queue(SCRIPT, ALL_GIVEN, NO_RATES)) == {
        "asks": (Rule.REASON,), "other": (Rule.REASON,), "again-6d": (Rule.SAME_ITEM,)}


def test_a_missing_or_refused_consent_flags_and_is_shown():
    consents = {**ALL_GIVEN, "emergency": ConsentState.REFUSED}
    del consents["again-20d"]
    queue = review_queue(SCRIPT, consents, NO_RATES)
    assert flagged(queue)["emergency"] == (Rule.CONSENT,) and flagged(queue)["again-20d"] == (Rule.CONSENT,)
    assert {f.decision.record: f.consent for f in queue}["emergency"] is ConsentState.REFUSED
    assert {f.decision.record: f.consent for f in queue}["again-20d"] is ConsentState.MISSING
    off = ReviewSettings(rate_threshold=1.0, flag_consent=False)
    assert set(flagged(review_queue(SCRIPT, consents, off))) == {"asks", "other", "again-6d"}


def test_a_doctors_repeat_rate_above_the_threshold_flags_their_repeats_only():
    # Each doctor in a department of their own: only the doctors' rates are at play.
    def decision(*args, doctor: str, **kwargs) -> Decision:
        return globals()["decision"](*args, doctor=doctor, department=doctor, **kwargs)

    heavy = [decision(f"h{i}", i, doctor="prac-heavy", reason=RepeatReason.EMERGENCY, patient=f"p{i}")
             for i in range(4)] + [decision(f"h-rec{i}", i, R, doctor="prac-heavy") for i in range(6)]   # 4/10
    light = [decision(f"l{i}", i, doctor="prac-light", reason=RepeatReason.EMERGENCY, patient=f"q{i}")
             for i in range(2)] + [decision(f"l-rec{i}", i, R, doctor="prac-light") for i in range(8)]   # 2/10
    few = [decision("f0", 0, doctor="prac-few", reason=RepeatReason.EMERGENCY, patient="r0")]   # 1/1, too few
    decisions = heavy + light + few
    settings = ReviewSettings(rate_threshold=0.3, rate_min_decisions=10)
    assert rate_flagged(decisions, settings) == {"h0", "h1", "h2", "h3"}
    assert rate_flagged(decisions, ReviewSettings(rate_threshold=0.3, rate_min_decisions=1)) == \
        {"h0", "h1", "h2", "h3", "f0"}
    consents = {d.record: ConsentState.GIVEN for d in decisions}
    # A department of one doctor has the doctor's rate: both rules hold, for the heavy doctor only.
    assert flagged(review_queue(decisions, consents, settings)) == {
        f"h{i}": (Rule.DOCTOR_RATE, Rule.DEPARTMENT_RATE) for i in range(4)}


def test_a_departments_repeat_rate_counts_its_doctors_together():
    # Each doctor alone has too few decisions; the department has 12, 6 of them repeats.
    decisions = [decision(f"{doc}-{i}", i, P if i % 2 else R, doctor=doc, patient=f"{doc}{i}",
                          reason=RepeatReason.EMERGENCY if i % 2 else None)
                 for doc in ("prac-a", "prac-b") for i in range(6)]
    decisions.append(decision("elsewhere", 1, department="心血管内科", reason=RepeatReason.EMERGENCY))
    settings = ReviewSettings(rate_threshold=0.3, rate_min_decisions=10)
    assert rate_flagged(decisions, settings) == set()
    repeats = {d.record for d in decisions if d.repeated and d.department == "内分泌科"}
    assert rate_flagged(decisions, settings, by_department=True) == repeats
    consents = {d.record: ConsentState.GIVEN for d in decisions}
    assert flagged(review_queue(decisions, consents, settings)) == {r: (Rule.DEPARTMENT_RATE,) for r in repeats}


@given(st.lists(st.tuples(st.integers(0, 30), st.booleans(), st.sampled_from(list(RepeatReason)),
                          st.sampled_from(["p1", "p2"]), st.sampled_from(list(ConsentState))), max_size=25))
def test_only_repeats_are_queued_and_each_for_a_rule_that_holds(rows):
    decisions = [decision(f"r{i}", day, P if repeat else R, reason=reason, patient=patient)
                 for i, (day, repeat, reason, patient, _) in enumerate(rows)]
    consents = {f"r{i}": c for i, (*_, c) in enumerate(rows)}
    settings = ReviewSettings(rate_min_decisions=5)
    queue = review_queue(decisions, consents, settings)
    for f in queue:
        d = f.decision
        assert d.repeated and f.rules
        assert (Rule.REASON in f.rules) == reason_flagged(d, settings)
        assert (Rule.CONSENT in f.rules) == (consents[d.record] is not ConsentState.GIVEN)
    unflagged = {d.record for d in decisions if d.repeated} - {f.decision.record for f in queue}
    for d in decisions:
        if d.record in unflagged:
            assert not reason_flagged(d, settings) and consents[d.record] is ConsentState.GIVEN


def test_the_same_item_rule_looks_back_before_the_period_but_flags_only_within_it():
    before = [decision("last-week", -3, patient="pat-3", reason=RepeatReason.EMERGENCY)]
    period = [decision("monday", 0, patient="pat-3", reason=RepeatReason.EMERGENCY)]
    given = {"monday": ConsentState.GIVEN, "last-week": ConsentState.GIVEN}
    assert flagged(review_queue(period, given, NO_RATES)) == {}
    assert flagged(review_queue(period, given, NO_RATES, earlier=before)) == {"monday": (Rule.SAME_ITEM,)}
