from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.repeat_orders import (
    Choice,
    ConsentMethod,
    ItemDecision,
    Order,
    OrderError,
    OrderState,
    PatientConsent,
    Problem,
    RepeatReason,
    after_consent,
    check,
    submit,
)
from app.domain.staff import Role, StaffMember

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


NOW = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DOCTOR = StaffMember("prac-1", "李明", Role.PHYSICIAN, "org-1")
NURSE = StaffMember("prac-2", "赵静", Role.NURSE, "org-1")


def consent(**kw):
    base = dict(consented=True, signer_name="张伟", relationship="self", method=ConsentMethod.DRAWN_SIGNATURE,
                recorded_at=NOW, recorded_by=NURSE, explained="复查血钾", attachment=b"\x89PNG...",
                attachment_type="image/png")
    return PatientConsent(**{**base, **kw})


def test_order_cannot_complete_without_consent():
    order = Order("o1", "pat-1", "张伟", DOCTOR, NOW, (K.repeat(RepeatReason.EMERGENCY),)).submitted()
    assert order.state is OrderState.AWAITING_CONSENT
    with pytest.raises(OrderError, match="attachment-missing"):
        order.with_consent(consent(attachment=b""))
    with pytest.raises(OrderError, match="witness-missing"):
        order.with_consent(consent(method=ConsentMethod.VERBAL_WITH_WITNESS, attachment=b""))
    done = order.with_consent(consent())
    assert done.state is OrderState.READY and done.repeats and done.consent.signer_name == "张伟"
    with pytest.raises(OrderError, match="cannot be submitted again"):
        done.submitted()


def test_refusal_turns_repeats_into_recognitions():
    order = Order("o1", "pat-1", "张伟", DOCTOR, NOW, (K.repeat(RepeatReason.PATIENT_REQUEST),)).submitted()
    with pytest.raises(OrderError, match="signer-missing"):
        order.with_consent(consent(consented=False, signer_name=""))  # who refused is always named
    # A refusal needs its evidence as consent does: a signature or the form, or a named witness.
    with pytest.raises(OrderError, match="attachment-missing"):
        order.with_consent(consent(consented=False, attachment=b""))
    with pytest.raises(OrderError, match="witness-missing"):
        order.with_consent(consent(consented=False, method=ConsentMethod.VERBAL_WITH_WITNESS, attachment=b""))
    done = order.with_consent(consent(consented=False, method=ConsentMethod.VERBAL_WITH_WITNESS, attachment=b"",
                                      witness="刘洋"))
    assert done.state is OrderState.READY and not done.repeats and done.recognitions[0].item_code == "LAB-K"
    assert done.consent.items == ("LAB-K",)   # what was refused, though the repeat is now a recognition
