"""The read paths against a server that does only what FHIR R4 promises, beside our full sandbox.

Two sandboxes hold the same demo data: `full` honours every optional feature; `minimal`
ignores `_include`, matches references only as `Type/id`, matches `name` only on
family/given, caps pages at 20 and stops paging after 100 matches (with `total` still true).
The client must give the same answers from both, or show the minimal source as incomplete
exactly where the server withholds data.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.repeat_orders import OrderState
from app.services.chart import load_chart
from app.services.dashboard import load_decisions
from app.services.identity import Identity, available_users
from app.services.lookup import PatientQuery, QueryKind, SourceState, lookup_all
from app.services.ordering.desk import OrderDesk, initial_decisions
from app.services.ordering.plan import check_order, order_check_json
from app.services.trends import build_trend, trend_items
from app.services.workspace import Workspace
from tests.conftest import ANCHOR
from tests.helpers.orders import place

MODES = ("full", "minimal")


@pytest.fixture(scope="module")
def platforms(tmp_path_factory):
    """The same demo data served by a full and by a minimal server."""
    from app.sandbox.conformance import MODES as CONFORMANCE
    from app.sandbox.server import SandboxServer

    servers = {mode: SandboxServer(tmp_path_factory.mktemp(f"platform-{mode}"), anchor=ANCHOR, images=False,
                                   conformance=CONFORMANCE[mode]).start() for mode in MODES}
    yield servers
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="module")
def workspaces(platforms):
    from app.sandbox import demo_data

    made = {}
    for mode, server in platforms.items():
        ws = Workspace.from_config(SiteConfig((SourceConfig(mode, server.fhir_base, label=f"平台 {mode}"),),
                                              organization=demo_data.VIEWING_ORGANIZATION_ID,
                                              region=demo_data.VIEWING_REGION))
        ws.now = lambda: ANCHOR
        made[mode] = ws
    yield made
    for ws in made.values():
        ws.close()


def showcase_query() -> PatientQuery:
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    return PatientQuery.resident_id(SHOWCASE_RESIDENT_ID)


def test_the_minimal_server_really_withholds_what_the_standard_allows(platforms):
    """Guard: if the minimal mode honoured these, the tests below would prove nothing."""
    import requests

    base = platforms["minimal"].fhir_base
    with_include = requests.get(f"{base}/DiagnosticReport", params=[
        ("_include", "DiagnosticReport:result"), ("_count", "5")], timeout=10).json()
    assert {e["resource"]["resourceType"] for e in with_include["entry"]} == {"DiagnosticReport"}
    assert requests.get(f"{base}/Patient", params={"name": "张伟"}, timeout=10).json().get("total", 0) == 0
    many = requests.get(f"{base}/Observation", params={"_count": "500"}, timeout=10).json()
    assert len(many["entry"]) == 20 and many["total"] > 100


@pytest.mark.parametrize("mode", MODES)
def test_search_by_resident_id_and_by_name_finds_the_showcase_patient(workspaces, mode):
    ws = workspaces[mode]
    by_id = lookup_all(ws, showcase_query())
    assert len(by_id.matches) == 1 and by_id.outcomes[0].state is SourceState.OK
    person = by_id.matches[0].primary
    by_name = lookup_all(ws, PatientQuery(QueryKind.NAME_BIRTHDATE, name=person.name, birth_date=person.birth_date))
    assert [m.primary.key for m in by_name.matches] == [person.key]
    assert by_name.outcomes[0].state is SourceState.OK


def _chart(ws: Workspace):
    return load_chart(ws, lookup_all(ws, showcase_query()).matches[0])


def test_the_chart_is_the_same_from_both_servers_and_complete(workspaces):
    charts = {mode: _chart(ws) for mode, ws in workspaces.items()}
    full, minimal = charts["full"], charts["minimal"]
    # every report has results, but those a hospital shares only as the printed page (demo_documents)
    assert len(full.reports) >= 20 and all(r.report.results or r.report.document_only for r in full.reports)
    assert any(r.report.document_only for r in minimal.reports)

    def shape(chart):
        return sorted((a.report.reference, a.report.hospital.name if a.report.hospital else None,
                       tuple((x.key.id, x.display_value()) for x in a.report.results),
                       tuple((v.recognized, v.mark) for v in a.verdicts),
                       (a.document_verdict.recognized, a.document_verdict.mark) if a.document_verdict else None,
                       tuple(len(d.data or b"") for d in a.report.documents)) for a in chart.reports)

    assert shape(minimal) == shape(full)
    assert sorted(s.study.key.id for s in minimal.studies) == sorted(s.study.key.id for s in full.studies)
    assert [o.state for o in minimal.outcomes] == [SourceState.OK] == [o.state for o in full.outcomes]
    assert minimal.hospitals and set(minimal.hospitals) == set(full.hospitals)


def test_trends_are_the_same_from_both_servers(workspaces):
    charts = {mode: _chart(ws) for mode, ws in workspaces.items()}
    catalogue = workspaces["full"].catalogue
    points = {}
    for mode, chart in charts.items():
        items = trend_items(chart.reports)
        assert items
        points[mode] = {t.item.code: [(p.when, p.value, p.hospital) for p in
                                      build_trend(chart.reports, catalogue.items[t.item.code], ANCHOR.date()).points]
                        for t in items}
    assert points["minimal"] == points["full"]


def test_order_check_answers_the_same_and_says_it_is_complete(workspaces):
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    answers = {mode: order_check_json(check_order(ws, SHOWCASE_RESIDENT_ID, ["electrolytes", "LAB-HBA1C", "LAB-TSH"]))
               for mode, ws in workspaces.items()}
    for answer in answers.values():
        assert answer["complete"] is True and answer["sources"][0]["complete"] is True
        for item in answer["items"]:
            for prior in item["prior_results"]:
                assert prior.pop("source") in MODES   # the source's own name: the one thing that differs
    assert answers["minimal"]["items"] == answers["full"]["items"]
    assert any(item["recognizable"] for item in answers["full"]["items"])


def test_the_dashboard_shows_a_minimal_server_as_incomplete_and_by_how_much(workspaces):
    start, end = ANCHOR.date() - timedelta(days=365), ANCHOR.date()
    full = load_decisions(workspaces["full"], start, end)
    minimal = load_decisions(workspaces["minimal"], start, end)
    assert full.outcomes[0].state is SourceState.OK and len(full.decisions) > 200
    outcome = minimal.outcomes[0]
    assert outcome.state is SourceState.PARTIAL and outcome.gaps.truncated
    assert outcome.gaps.shown < outcome.gaps.total   # e.g. 200 of 2,361: never shown as the whole
    assert minimal.failed == (outcome,)
    assert len(minimal.decisions) < len(full.decisions)


def test_a_platform_that_keeps_its_audit_events_leaves_the_funnel_missing_not_zero(workspaces):
    """The minimal server refuses AuditEvent searches (403): the decisions still count, the funnel says so."""
    day = ANCHOR.date() - timedelta(days=3)
    full = load_decisions(workspaces["full"], day, day)
    minimal = load_decisions(workspaces["minimal"], day, day)
    assert full.reminders and full.opened and not full.funnel_failed
    assert minimal.outcomes[0].state is SourceState.OK and len(minimal.decisions) == len(full.decisions)
    (refused,) = minimal.funnel_failed
    assert refused.state is SourceState.FAILED and "security officers" in refused.message
    assert minimal.reminders == () and minimal.opened == ()


def test_a_short_range_fits_under_the_minimal_servers_cap_and_is_complete_and_equal(workspaces):
    day = ANCHOR.date() - timedelta(days=3)
    full = load_decisions(workspaces["full"], day, day)
    minimal = load_decisions(workspaces["minimal"], day, day)
    assert full.decisions, "the demo should hold decisions on that day"
    assert minimal.outcomes[0].state is SourceState.OK
    assert [(d.record, d.doctor, d.hospital, d.department) for d in minimal.decisions] == \
        [(d.record, d.doctor, d.hospital, d.department) for d in full.decisions]


@pytest.mark.parametrize("mode", MODES)
def test_staff_come_with_their_names_and_hospitals(workspaces, mode):
    staff = available_users(workspaces[mode])
    assert {s.name for s in staff} >= {"李明", "赵静"}
    assert all(s.organization_name for s in staff)


@pytest.mark.parametrize("mode", MODES)
def test_the_nurse_worklist_gets_an_order_waiting_for_consent(workspaces, mode, tmp_path):
    ws = workspaces[mode]
    staff = {u.name: u for u in available_users(ws)}
    doctor = OrderDesk(ws, Identity(), tmp_path / "doctor")
    doctor.identity.sign_in(staff["李明"])
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    check = check_order(ws, SHOWCASE_RESIDENT_ID, ["LAB-K"])
    from app.domain.repeat_orders import RepeatReason

    decided = [d.repeat(RepeatReason.CONDITION_CHANGED) for d in initial_decisions(check.lines)]
    assert decided
    order = place(doctor, check.chart.person, decided, f"worklist test {mode}")
    assert order.state is OrderState.AWAITING_CONSENT
    assert doctor.send_due().sent == 1
    nurse = OrderDesk(ws, Identity(), tmp_path / "nurse")
    nurse.identity.sign_in(staff["赵静"])
    assert order.id in {o.id for o in nurse.fetch_waiting().orders}
    doctor.close()
    nurse.close()


def test_a_partial_answer_with_nothing_in_it_is_never_ok():
    """The status a "0 found" would show: amber when the server said more exist."""
    from app.platform.fhir.search import Gaps
    from app.services.lookup import answered_outcome
    from app.services.workspace import SourceHandle

    source = SourceHandle(SourceConfig("s", "http://127.0.0.1:9/fhir"), client=None)  # type: ignore[arg-type]
    assert answered_outcome(source, 0.0, count=0).state is SourceState.OK
    cut = answered_outcome(source, 0.0, count=0, gaps=Gaps(shown=0, total=12))
    assert cut.state is SourceState.PARTIAL and not cut.gaps.complete
    unread = answered_outcome(source, 0.0, count=0, skipped=3)
    assert unread.state is SourceState.PARTIAL


def test_unfetchable_references_make_the_chart_partial(tmp_path):
    """A report whose results the server cannot give: listed, and the source says what is missing."""
    import json

    from app.sandbox.conformance import MINIMAL
    from app.sandbox.server import SandboxServer

    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p1", "name": [{"family": "王", "given": ["五"]}],
                      "identifier": [{"system": "urn:test", "value": "p1"}]}},
        {"resource": {"resourceType": "DiagnosticReport", "id": "r1", "status": "final",
                      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074",
                                                "code": "LAB"}]}],
                      "code": {"text": "血常规"}, "subject": {"reference": "Patient/p1"},
                      "effectiveDateTime": "2026-11-01T08:00:00+08:00",
                      "result": [{"reference": "Observation/gone-1"}, {"reference": "Observation/gone-2"}]}}]}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with SandboxServer(tmp_path / "data", demo=False, images=False, load=[path], conformance=MINIMAL) as server:
        ws = Workspace.from_config(SiteConfig((SourceConfig("m", server.fhir_base),)))
        try:
            found = lookup_all(ws, PatientQuery(QueryKind.ANY_IDENTIFIER, "urn:test|p1"))
            chart = load_chart(ws, found.matches[0])
        finally:
            ws.close()
    assert [a.report.name for a in chart.reports] == ["血常规"]
    outcome = chart.outcomes[0]
    assert outcome.state is SourceState.PARTIAL and outcome.gaps.unresolved == 2


def test_a_name_split_keeps_only_the_person_typed(workspaces):
    """Minimal servers match family and given apart: 张 + 伟 also finds 张伟明; only 张伟 is kept."""
    ws = workspaces["minimal"]
    person = lookup_all(ws, showcase_query()).matches[0].primary
    found = lookup_all(ws, PatientQuery(QueryKind.NAME_BIRTHDATE, name=person.name))
    assert found.matches and all(m.primary.name == person.name for m in found.matches)


def test_today_is_not_a_range_that_silently_lost_data(workspaces):
    """The dashboard's empty day is 'complete, 0 decisions', not a guess."""
    day = date(2020, 1, 1)
    data = load_decisions(workspaces["minimal"], day, day)
    assert data.outcomes[0].state is SourceState.OK and data.decisions == ()


@pytest.mark.parametrize("mode", MODES)
def test_a_worklist_the_server_cut_short_is_called_incomplete(mode, tmp_path):
    """120 entries awaiting consent: the minimal server gives 100 and no further page."""
    import json

    from app.domain.fhir_profile import AWAITING_CONSENT, RECORD_TYPE_SYSTEM
    from app.sandbox.conformance import MODES as CONFORMANCE
    from app.sandbox.server import SandboxServer

    entries = [{"resource": {"resourceType": "Basic", "id": f"w{i}",
                             "code": {"coding": [{"system": RECORD_TYPE_SYSTEM, "code": AWAITING_CONSENT}]}}}
               for i in range(120)]
    path = tmp_path / "worklist.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}), encoding="utf-8")
    with SandboxServer(tmp_path / "data", demo=False, images=False, load=[path],
                       conformance=CONFORMANCE[mode]) as server:
        ws = Workspace.from_config(SiteConfig((SourceConfig("w", server.fhir_base, label="市平台"),)))
        desk = OrderDesk(ws, Identity(), tmp_path / "desk")
        try:
            worklist = desk.fetch_waiting()
        finally:
            desk.close()
            ws.close()
    assert worklist.orders == []   # the entries hold no order: skipped, as before
    assert worklist.incomplete == (("市平台",) if mode == "minimal" else ())


def test_references_are_fetched_whole_from_a_server_whose_cap_is_below_one_chunk(tmp_path):
    """A result cap of 20 cuts every `_id` search of 40: the rest is asked again, nothing is lost."""
    import dataclasses

    from app.sandbox.conformance import MINIMAL
    from app.sandbox.server import SandboxServer

    capped = dataclasses.replace(MINIMAL, max_results=20)
    with SandboxServer(tmp_path / "data", anchor=ANCHOR, images=False, conformance=capped) as server:
        from app.sandbox import demo_data

        ws = Workspace.from_config(SiteConfig((SourceConfig("m", server.fhir_base, label="市平台"),),
                                              organization=demo_data.VIEWING_ORGANIZATION_ID,
                                              region=demo_data.VIEWING_REGION))
        ws.now = lambda: ANCHOR
        try:
            chart = _chart(ws)
        finally:
            ws.close()
    outcome = chart.outcomes[0]
    assert outcome.state is SourceState.PARTIAL
    # 20 DiagnosticReports (the cap) and the printed report shared only as a DocumentReference
    assert (outcome.gaps.shown, outcome.gaps.unresolved, outcome.skipped) == (21, 0, 0)
    assert outcome.gaps.total > 21
    # every listed report has its results (or came only as its printed document, which it has)
    assert all(a.report.results or a.report.document_only for a in chart.reports)


@pytest.mark.parametrize("mode", MODES)
def test_reminders_refusal_revocation_and_review_work_on_both_servers(workspaces, mode, tmp_path):
    """What this round added to the client's talk (reminders, a refusal read back by its doctor, a
    revoked recognition, a supervisor's verdict) uses only what FHIR R4 promises: it works on the
    minimal server as on the full one."""
    from datetime import timedelta as days

    from app.domain.repeat_orders import ConsentMethod, PatientConsent, RepeatReason
    from app.domain.review_rules import Verdict
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
    from app.services.workstation import Workstation

    ws = workspaces[mode]
    station = Workstation(ws, folder=tmp_path)
    try:
        staff = [u for u in station.users() if u.organization_id == ws.config.organization]
        doctor = next(u for u in staff if u.is_physician)
        nurse = next(u for u in staff if u.is_nurse)
        supervisor = next(u for u in station.users() if u.is_supervisor)
        station.sign_in(doctor)
        check = station.check_order(SHOWCASE_RESIDENT_ID, ["LAB-K", "LAB-NA"])
        assert {r.item.code for r in station.reminders(check.chart.reports, check.chart.studies)} >= {"LAB-K"}

        decisions = [d.repeat(RepeatReason.CONDITION_CHANGED) if d.item_code == "LAB-K" else d
                     for d in initial_decisions(check.lines)]
        order = station.place_order(station.prepare_order(check.chart.person, decisions)).order
        station.sign_in(nurse)
        station.record_consent(station.consent_given(order, PatientConsent(
            consented=False, signer_name=order.patient_name, relationship="self",
            method=ConsentMethod.VERBAL_WITH_WITNESS, recorded_at=ANCHOR + days(minutes=5), recorded_by=nurse,
            explained="钾 复查", witness="刘洋")))
        station.send_due()
        assert station.unsent() == 0 and not station.refused()

        station.sign_in(doctor)
        assert order.id in {o.order.id for o in station.unseen_refusals().outcomes}
        station.revoke_recognition(order.id, "LAB-NA", "recorded for the wrong visit")
        station.send_due()
        assert station.unsent() == 0 and not station.refused()

        station.sign_in(supervisor)
        queue = station.review_queue(ANCHOR.date() - days(days=30), ANCHOR.date())
        assert queue.items, "the demo's history has repeats the default rules flag"
        station.record_verdict(queue.items[0], Verdict.UNREASONABLE, "prior result was recent and in range")
        station.send_due()
        assert station.unsent() == 0 and not station.refused()
    finally:
        station.close()
