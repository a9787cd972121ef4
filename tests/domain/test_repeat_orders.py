import pytest

from app.domain.repeat_orders import (Choice, ItemDecision, OrderError, OrderState, Problem, RepeatReason,
                                      after_consent, check, submit)

K = ItemDecision("LAB-K", prior_result="demo:obs-1")
NEW = ItemDecision("LAB-TSH", prior_result=None, choice=Choice.REPEAT)  # nothing prior: a plain order


def test_recognizing_everything_needs_no_consent():
    assert submit([K]) is OrderState.READY


def test_repeat_without_reason_cannot_be_sent():
    bare = ItemDecision("LAB-K", "demo:obs-1", Choice.REPEAT)
    assert check([bare])[0].problem is Problem.REASON_MISSING
    with pytest.raises(OrderError, match="LAB-K reason-missing"):
        submit([bare])


@pytest.mark.parametrize("reason", list(RepeatReason))
def test_each_reason_then_waits_for_consent(reason):
    decision = K.repeat(reason, note="术前复查" if reason is RepeatReason.OTHER else "")
    assert submit([decision, NEW]) is OrderState.AWAITING_CONSENT


def test_other_and_site_marked_reasons_need_free_text():
    assert check([K.repeat(RepeatReason.OTHER, "  ")])[0].problem is Problem.NOTE_MISSING
    site = frozenset({RepeatReason.PATIENT_REQUEST})
    assert check([K.repeat(RepeatReason.PATIENT_REQUEST)], site)[0].problem is Problem.NOTE_MISSING
    assert check([K.repeat(RepeatReason.PATIENT_REQUEST)]) == []
    assert check([K.repeat(RepeatReason.PATIENT_REQUEST, "家属要求")], site) == []


def test_a_new_item_needs_no_reason_and_cannot_be_recognized():
    assert check([NEW]) == []
    assert check([NEW.recognize()])[0].problem is Problem.NOTHING_TO_RECOGNIZE


def test_refused_consent_withdraws_repeats_and_recognizes_priors():
    decisions = (K.repeat(RepeatReason.EMERGENCY), NEW)
    state, after = after_consent(OrderState.AWAITING_CONSENT, decisions, consented=False)
    assert state is OrderState.READY
    assert after[0].choice is Choice.RECOGNIZE and after[0].reason is None
    assert after[1] == NEW
    state, kept = after_consent(OrderState.AWAITING_CONSENT, decisions, consented=True)
    assert kept == decisions


def test_consent_only_for_orders_that_wait_for_it():
    with pytest.raises(OrderError):
        after_consent(OrderState.READY, (K,), consented=True)
