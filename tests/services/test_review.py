"""The supervisor's review on the demo platform: the queue flags what the rules say, a verdict is
recorded once and reaches the ordering doctor's feedback list.

A fresh sandbox; orders made here through the order desk on the anchor day: one repeat for
"other" (a review reason) and one for a crucial item (not one), both consented; the rate rules
are off so that the queue holds only what the reason and consent rules flag.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.repeat_orders import ConsentMethod, OrderError, OrderState, PatientConsent, RepeatReason
from app.domain.review_rules import ConsentState, ReviewSettings, Rule, Verdict
from app.platform.fhir.decisions import verdict_search
from app.platform.fhir.search import search_all
from app.services.identity import Identity, available_users
from app.services.ordering.desk import OrderDesk, initial_decisions
from app.services.ordering.plan import check_order
from app.services.review import load_feedback, load_queue, pending_verdicts, record_verdict, settings_of
from app.services.workspace import Workspace
from tests.conftest import ANCHOR
from tests.helpers.orders import place, record_consent

DAY = ANCHOR.date()
ITEMS = ["LAB-K", "LAB-NA", "LAB-CL", "LAB-CA", "LAB-GLU", "LAB-CREA", "LAB-ALT"]


def workspace(base: str) -> Workspace:
    config = SiteConfig((SourceConfig("s0", base),), organization="org-sdsl", region="370104",
                        review_rate_threshold=1.0, review_same_item_days=0)
    ws = Workspace.from_config(config)
    ws.now = lambda: ANCHOR + timedelta(hours=1)
    return ws


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("review-platform"), anchor=ANCHOR, images=False).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def orders(platform, tmp_path_factory):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HUREN_HOME", str(tmp_path_factory.mktemp("huren-home")))
        ws = workspace(platform.fhir_base)
        desk = OrderDesk(ws, Identity(), tmp_path_factory.mktemp("desk"))
        staff = {u.name: u for u in available_users(ws)}
        check = check_order(ws, SHOWCASE_RESIDENT_ID, ITEMS)
        decisions = initial_decisions(check.lines)
        assert len(decisions) >= 2 and all(d.prior_result for d in decisions[:2])
        desk.identity.sign_in(staff["陈浩"])
        made = place(desk, check.chart.person, [decisions[0].repeat(RepeatReason.OTHER, "外院标本溶血"),
                                                decisions[1].repeat(RepeatReason.CRUCIAL_ITEM, "明日手术"),
                                                *decisions[2:]], "门诊复诊")
        assert made.state is OrderState.AWAITING_CONSENT
        desk.identity.sign_in(staff["赵静"])
        made = record_consent(desk, made, PatientConsent(
            consented=True, signer_name="张伟", relationship="self", method=ConsentMethod.VERBAL_WITH_WITNESS,
            recorded_at=ANCHOR + timedelta(minutes=20), recorded_by=staff["赵静"], explained="复查说明",
            witness="刘洋"))
        desk.send_due()
        assert desk.unsent() == 0
        desk.close()
        ws.close()
    return {"order": made, "other": f"{made.id}/{decisions[0].item_code}",
            "crucial": f"{made.id}/{decisions[1].item_code}", "staff": staff}


def mine(queue, order_id):
    return {i.decision.record: i for i in queue.items if i.decision.record.startswith(order_id + "/")}


def test_the_queue_flags_the_review_reason_and_not_the_clinical_one(platform, orders):
    ws = workspace(platform.fhir_base)
    try:
        queue = load_queue(ws, DAY, DAY)
    finally:
        ws.close()
    flagged = mine(queue, orders["order"].id)
    assert set(flagged) == {orders["other"]}
    item = flagged[orders["other"]]
    assert item.flag.rules == (Rule.REASON,) and item.flag.consent is ConsentState.GIVEN
    assert item.decision.note == "外院标本溶血" and item.decision.prior and item.verdict is None
    assert item.prior is not None and f"Observation/{item.prior.key.id}" == item.decision.prior
    assert item.prior.display_value()    # the prior result's value, read from its source
    # Every flagged repeat of the day is flagged by a rule the settings turn on, never by the rates.
    assert all(set(i.flag.rules) <= {Rule.REASON, Rule.CONSENT} for i in queue.items)


def test_a_verdict_is_recorded_once_and_reaches_the_ordering_doctors_feedback(platform, orders, tmp_path):
    ws = workspace(platform.fhir_base)
    desk = OrderDesk(ws, Identity(), tmp_path / "desk")
    try:
        item = mine(load_queue(ws, DAY, DAY), orders["order"].id)[orders["other"]]
        supervisor, doctor = orders["staff"]["高敏"], orders["staff"]["陈浩"]
        with pytest.raises(OrderError, match="supervisor"):
            record_verdict(ws, desk.outbox, doctor, item, Verdict.REASONABLE, "")
        with pytest.raises(OrderError, match="comment"):
            record_verdict(ws, desk.outbox, supervisor, item, Verdict.UNREASONABLE, "  ")
        assert record_verdict(ws, desk.outbox, supervisor, item, Verdict.UNREASONABLE, "溶血应先复核原报告").outbox
        assert pending_verdicts(desk.outbox, [item]) == {orders["other"]}
        with pytest.raises(OrderError, match="already"):
            record_verdict(ws, desk.outbox, supervisor, item, Verdict.REASONABLE, "")
        assert load_feedback(ws, doctor.practitioner_id, DAY, DAY).items == ()   # not sent yet
        desk.send_due()
        desk.send_due()   # nothing left: the verdict went once
        assert desk.unsent() == 0

        feedback = load_feedback(ws, doctor.practitioner_id, DAY, DAY)
        [(decision, verdict)] = feedback.items
        assert decision.record == orders["other"]
        assert (verdict.verdict, verdict.comment, verdict.reviewer_id, verdict.rules) == \
            (Verdict.UNREASONABLE, "溶血应先复核原报告", supervisor.practitioner_id, (Rule.REASON,))
        assert load_feedback(ws, orders["staff"]["王芳"].practitioner_id, DAY, DAY).items == ()
        reviewed = mine(load_queue(ws, DAY, DAY), orders["order"].id)[orders["other"]]
        assert reviewed.verdict == verdict
        with pytest.raises(OrderError, match="already"):
            record_verdict(ws, desk.outbox, supervisor, reviewed, Verdict.REASONABLE, "")
        # The platform holds exactly one verdict on the repeat, found by the standard identifier search.
        assert len(search_all(ws.sources[0].client, "DetectedIssue", verdict_search([orders["other"]])).matches) == 1
    finally:
        desk.close()
        ws.close()


def test_the_workstation_gives_the_queue_to_a_supervisor_and_feedback_to_a_physician(platform, orders, tmp_path):
    from app.services.workstation import Workstation

    station = Workstation(workspace(platform.fhir_base), folder=tmp_path / "station")
    try:
        station.sign_in(orders["staff"]["陈浩"])
        assert station.review_queue(DAY, DAY).items == ()          # a physician has no queue
        station.sign_in(orders["staff"]["高敏"])
        assert orders["other"] in mine(station.review_queue(DAY, DAY), orders["order"].id)
        assert station.review_feedback(DAY, DAY).items == ()       # a supervisor orders nothing
    finally:
        station.close()


def test_the_site_configs_review_defaults_are_the_rules_defaults():
    assert settings_of(SiteConfig(())) == ReviewSettings()
    custom = SiteConfig((), review_reasons=("emergency",), review_same_item_days=3, review_consent=False)
    assert settings_of(custom) == ReviewSettings(reasons=frozenset({RepeatReason.EMERGENCY}), same_item_days=3,
                                                 flag_consent=False)
