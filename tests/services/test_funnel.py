"""The recognition funnel on the demo platform: the demo's year, and a visit made here end to end.

A fresh sandbox. The demo's year already holds reminders, reports opened, overlooked repeats,
revocations and verdicts, so the funnel shows from the first start. Then a physician opens the
showcase patient here: the reminder is shown, one reminded report is opened, and the order
repeats one item of the opened report, one of a report never opened, and recognizes one. Once
sent, the platform's records read back as one visit: reminded, a prior opened, one repeat with
reason, one overlooked, one recognized; and the CSV files count the same figures again.
"""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.recognition_funnel import Fate, funnel, summarize_funnel
from app.domain.recognition_stats import Filter, Period
from app.domain.repeat_orders import ConsentMethod, PatientConsent, RepeatReason
from app.services.chart import load_chart
from app.services.dashboard import load_decisions
from app.services.dashboard_export import ExportNames, export_summary
from app.services.identity import available_users
from app.services.lookup import PatientQuery, lookup_all
from app.services.ordering.desk import initial_decisions
from app.services.ordering.plan import check_order
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from tests.conftest import ANCHOR
from tests.helpers.orders import place, record_consent

DAY = ANCHOR.date()


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("funnel-platform"), anchor=ANCHOR, images=False).start()
    yield server
    server.stop()


def workspace(base: str) -> Workspace:
    from app.sandbox.demo_data import VIEWING_ORGANIZATION_ID, VIEWING_REGION

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", base),), organization=VIEWING_ORGANIZATION_ID,
                                          region=VIEWING_REGION))
    ws.now = lambda: ANCHOR + timedelta(minutes=10)
    return ws


@pytest.fixture(scope="module")
def year(platform):
    ws = workspace(platform.fhir_base)
    try:
        yield load_decisions(ws, DAY - timedelta(days=365), DAY - timedelta(days=1))
    finally:
        ws.close()


def test_the_demo_year_shows_the_whole_funnel(year):
    assert not year.failed and not year.funnel_failed and not year.skipped
    t = funnel(year.visits())
    assert t.patients > t.reminded > t.opened > 300           # nested, and every stage has people in it
    assert t.recognized > 1000 and t.repeated > 50 and t.overlooked > 20 and t.revoked > 10
    assert t.decided == len(year.decisions)                    # every decision has exactly one fate
    assert sum(d.revoked for d in year.decisions) == t.revoked
    assert 0.3 < t.access_rate < 0.95 and t.overlooked_rate < 0.2
    # Reviewed repeats: the supervisor's verdicts name repeats of the year, both kinds.
    repeats = {d.record for d in year.decisions if d.repeated}
    judged = {r: v for r, v in year.verdicts.items() if r in repeats}
    assert len(judged) > 10 and len(set(judged.values())) == 2
    # Issuing hospitals come from the reminders: named for nearly every reminded item.
    summary = summarize_funnel(year.visits(), Filter(year.start, year.end), Period.MONTH, year.verdicts)
    assert len(summary.issuers) >= 3 and all(r.labels[0] for r in summary.issuers if r.key != ("",))
    assert summary.verdicts.total == t.repeated + t.overlooked


@pytest.fixture(scope="module")
def visit(platform, tmp_path_factory):
    """A visit made here: reminder, one report opened, an order of a repeat, an overlooked repeat, a recognition."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HUREN_HOME", str(tmp_path_factory.mktemp("huren-home")))
        ws = workspace(platform.fhir_base)
        station = Workstation(ws, folder=tmp_path_factory.mktemp("station"))
        staff = {u.name: u for u in available_users(ws)}
        station.sign_in(staff["陈浩"])
        person = lookup_all(ws, PatientQuery.from_text(SHOWCASE_RESIDENT_ID)).matches[0]
        chart = load_chart(ws, person)
        shown = [r for r in station.reminders(chart.reports, chart.studies) if r.report is not None]
        station.reminder_shown(person, shown, via="window")
        by_entity: dict[str, list[str]] = {}
        for r in shown:
            by_entity.setdefault(r.entity, []).append(r.item.code)
        (opened, opened_items), (unopened, unopened_items) = sorted(by_entity.items(), key=lambda kv: -len(kv[1]))[:2]
        assert len(opened_items) >= 2
        opened_report = next(r.report for r in shown if r.entity == opened)
        station.report_read(person, opened_report.report.key.source, opened)
        codes = [opened_items[0], unopened_items[0], *opened_items[1:2]]
        check = check_order(ws, SHOWCASE_RESIDENT_ID, codes)   # as the order dialog asks: nothing read
        decisions = {d.item_code: d for d in initial_decisions(check.lines)}
        assert set(decisions) == set(codes), "every chosen item has a recognizable prior"
        made = place(station.desk, check.chart.person, [
            decisions[codes[0]].repeat(RepeatReason.CONDITION_CHANGED),
            decisions[codes[1]].repeat(RepeatReason.FAST_CHANGING),
            *(decisions[c] for c in codes[2:])], "门诊复诊")
        station.sign_in(staff["赵静"])
        record_consent(station.desk, made, PatientConsent(
            consented=True, signer_name="张伟", relationship="self", method=ConsentMethod.VERBAL_WITH_WITNESS,
            recorded_at=ANCHOR + timedelta(minutes=20), recorded_by=staff["赵静"], explained="复查说明",
            witness="刘洋"))
        station.send_due()
        assert station.unsent() == 0
        station.close()
        data = load_decisions(ws, DAY, DAY)
        ws.close()
    return {"data": data, "order": made, "codes": codes, "opened": opened, "doctor": staff["陈浩"],
            "patient": person.primary.key.id}


def test_a_visit_made_here_reads_back_with_each_fate(visit):
    data, order = visit["data"], visit["order"]
    (mine,) = [v for v in data.visits() if v.key[:2] == (visit["doctor"].practitioner_id, visit["patient"])]
    assert mine.reminded and mine.prior_opened and mine.day == DAY
    assert [o.entity for o in mine.opened] == [visit["opened"]]
    fates = {d.item_code: mine.fate(d) for d in mine.decisions if d.record.startswith(order.id)}
    repeated, overlooked, *recognized = visit["codes"]
    assert recognized
    assert fates == {repeated: Fate.REPEATED, overlooked: Fate.OVERLOOKED, **dict.fromkeys(recognized, Fate.RECOGNIZED)}
    # The reminder named the issuing hospital of each item, as the chart showed it.
    assert all(i.issuer and i.issuer_id and i.item_name for i in mine.reminded_items)


def test_the_csv_files_count_the_funnel_again(visit, year, tmp_path):
    for data in (visit["data"], year):
        summary = summarize_funnel(data.visits(), Filter(data.start, data.end), Period.MONTH, data.verdicts)
        from app.domain.recognition_stats import summarize

        files = export_summary(tmp_path, summarize(data.decisions, Filter(data.start, data.end), Period.MONTH),
                               f"f{data.start}", ExportNames(), summary)
        by_name = {p.name.removeprefix(f"f{data.start}-").removesuffix(".csv"): p for p in files}
        with by_name["funnel-records"].open(encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        t = summary.totals
        assert len({r["Visit"] for r in rows}) == t.patients
        assert len({r["Visit"] for r in rows if r["Reminded"] == "yes"}) == t.reminded
        assert len({r["Visit"] for r in rows if r["Prior opened"] == "yes"}) == t.opened
        outcomes = [r["Outcome"] for r in rows]
        assert [outcomes.count(f.value) for f in (Fate.RECOGNIZED, Fate.REPEATED, Fate.OVERLOOKED, Fate.REVOKED)] == \
            [t.recognized, t.repeated, t.overlooked, t.revoked]
        with by_name["funnel"].open(encoding="utf-8-sig") as f:
            stages = list(csv.reader(f))[1:]
        assert [int(n) for _, n, _ in stages] == list(t.counts())
        with by_name["funnel-departments"].open(encoding="utf-8-sig") as f:
            departments = list(csv.DictReader(f))
        assert sum(int(r["Patients with recognizable priors"]) for r in departments) == t.patients
        assert sum(int(r["Overlooked"]) for r in departments) == t.overlooked


def test_a_read_by_nobody_signed_in_is_no_visit_and_leaves_the_funnel_whole(platform):
    """`order-check` run without a user records its reads with no practitioner: not a visit, not a gap."""
    import uuid

    import requests

    from app.domain.audit import AuditAction, AuditRecord
    from app.domain.audit_event import audit_event

    day = DAY - timedelta(days=2)
    record = AuditRecord(id=str(uuid.uuid4()), when=ANCHOR - timedelta(days=2), action=AuditAction.REPORT_READ,
                         user_id="", user_role="", organization_id="", patient="demo:p-nobody",
                         entity="DiagnosticReport/rep-0001-001")
    answer = requests.put(f"{platform.fhir_base}/AuditEvent/{record.id}", json=audit_event(record), timeout=10)
    assert answer.status_code in (200, 201), answer.text
    ws = workspace(platform.fhir_base)
    try:
        data = load_decisions(ws, day, day)
    finally:
        ws.close()
    assert not data.funnel_failed and not data.skipped
    assert record.id not in {o.record for o in data.opened}
