"""The dashboard's numbers add up to the records the platform holds.

A scripted session on a fresh demo platform (its year of history plus orders made here
through the order desk: recognitions, repeats with several reasons, consents given and
refused), then the dashboard's figures against the records read straight from the sandbox's
SQLite store: by count, by fee, by reason, by doctor, by hospital.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter
from datetime import timedelta

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.fhir_profile import EXT, ORDER_SYSTEM, RECOGNITION_REVOKED, RECORD_TYPE_SYSTEM
from app.domain.recognition_stats import Filter, Outcome, Period, by_doctor, by_reason, fen, summarize, tally
from app.domain.repeat_orders import ConsentMethod, OrderState, PatientConsent, RepeatReason
from app.services.dashboard import load_decisions
from app.services.dashboard_export import ExportNames, export_summary
from app.services.identity import Identity, available_users
from app.services.lookup import SourceState
from app.services.ordering.desk import OrderDesk, initial_decisions
from app.services.ordering.plan import check_order
from app.services.workspace import Workspace
from tests.conftest import ANCHOR
from tests.helpers.orders import place, record_consent

START, END = ANCHOR.date() - timedelta(days=365), ANCHOR.date()
ITEMS = ["LAB-K", "LAB-NA", "LAB-CL", "LAB-CA", "LAB-GLU", "LAB-CREA", "LAB-ALT"]


def site(*bases: str, organization: str = "org-sdsl", region: str = "370104") -> SiteConfig:
    return SiteConfig(tuple(SourceConfig(f"s{i}", base, label=f"平台{i}") for i, base in enumerate(bases)),
                      organization=organization, region=region)


def workspace(config: SiteConfig) -> Workspace:
    ws = Workspace.from_config(config)
    ws.now = lambda: ANCHOR
    return ws


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    from app.sandbox.server import SandboxServer

    server = SandboxServer(tmp_path_factory.mktemp("dashboard-platform"), anchor=ANCHOR, images=False).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def session(platform, tmp_path_factory):
    """Four orders made through the order desk and sent; returns them."""
    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HUREN_HOME", str(tmp_path_factory.mktemp("huren-home")))   # no real user dirs
        ws = workspace(site(platform.fhir_base))
        desk = OrderDesk(ws, Identity(), tmp_path_factory.mktemp("desk"))
        staff = {u.name: u for u in available_users(ws)}
        check = check_order(ws, SHOWCASE_RESIDENT_ID, ITEMS)
        decisions = initial_decisions(check.lines)
        assert len(decisions) >= 3, [d.item_code for d in decisions]
        person = check.chart.person

        def order(doctor, decided, nurse=None, consented=True):
            desk.identity.sign_in(staff[doctor])
            made = place(desk, person, decided, "门诊复诊")
            if made.state is OrderState.AWAITING_CONSENT:
                desk.identity.sign_in(staff[nurse])
                made = record_consent(desk, made, PatientConsent(
                    consented=consented, signer_name="张伟", relationship="self",
                    method=ConsentMethod.VERBAL_WITH_WITNESS, recorded_at=ANCHOR + timedelta(minutes=20),
                    recorded_by=staff[nurse], explained="复查说明", witness="刘洋"))
            return made

        a = order("李明", decisions)                                                    # all recognized
        b = order("李明", [decisions[0].repeat(RepeatReason.CRUCIAL_ITEM, "明日手术"), *decisions[1:]], "赵静")
        c = order("陈浩", [decisions[0].repeat(RepeatReason.OTHER, "外院标本溶血"),
                          decisions[1].repeat(RepeatReason.FAST_CHANGING), *decisions[2:]], "赵静", consented=False)
        d = order("王芳", [decisions[1].repeat(RepeatReason.EMERGENCY), decisions[2]], "孙丽")
        sent = desk.send_due()
        assert (sent.sent, desk.unsent()) == (4 + 3, 0), sent   # and 3 worklist entries (repeats waited for consent)
        desk.close()
        ws.close()
    return {"a": a, "b": b, "c": c, "d": d}


def stored(platform) -> list[dict]:
    """Every ServiceRequest and Basic in the sandbox's SQLite store, read directly."""
    db = sqlite3.connect(f"file:{platform.store.path}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT json FROM resources WHERE type IN ('ServiceRequest', 'Basic')")
        return [json.loads(r[0]) for r in rows]
    finally:
        db.close()


def extension(res: dict, name: str) -> dict:
    return next(e for e in res["extension"] if e["url"] == EXT + name)


@pytest.fixture(scope="module")
def records(platform, session):
    resources = stored(platform)
    repeats = [r for r in resources if r["resourceType"] == "ServiceRequest"
               and any(i["system"] == ORDER_SYSTEM for i in r["identifier"])]
    recognitions = [r for r in resources if r["resourceType"] == "Basic"
                    and r["code"]["coding"][0] == {"system": RECORD_TYPE_SYSTEM, "code": "recognition",
                                                   "display": "检查检验结果互认"}]
    # the recognitions that stand: the demo's year has some revoked (a revocation names them by identifier)
    revoked = {extension(r, "revokes")["valueReference"]["identifier"]["value"] for r in resources
               if r["resourceType"] == "Basic" and r["code"]["coding"][0]["code"] == RECOGNITION_REVOKED}
    assert revoked
    return repeats, [r for r in recognitions if r["identifier"][0]["value"] not in revoked]


@pytest.fixture
def data(platform, session):
    ws = workspace(site(platform.fhir_base))
    yield load_decisions(ws, START, END)
    ws.close()


def test_totals_equal_the_stored_records_by_count_and_by_fee(data, records):
    repeats, recognitions = records
    totals = tally(data.decisions)
    assert (totals.recognized, totals.repeated) == (len(recognitions), len(repeats))
    assert totals.fees_saved_fen == sum(fen(extension(r, "fee-saved")["valueMoney"]["value"]) for r in recognitions)
    assert sum(d.fee_fen for d in data.decisions if d.outcome is Outcome.REPEATED) == \
        sum(fen(extension(r, "repeat-fee")["valueMoney"]["value"]) for r in repeats)
    assert totals.repeated > 100 and totals.recognized > 1000          # the demo's year is in there too
    assert [o.state for o in data.outcomes] == [SourceState.OK] and data.skipped == ()


def test_reasons_and_doctors_equal_the_stored_records(data, records):
    repeats, recognitions = records
    stored_reasons = Counter(r["reasonCode"][0]["coding"][0]["code"] for r in repeats)
    assert {reason.value: n for reason, n in by_reason(data.decisions) if n} == dict(stored_reasons)
    by_who = Counter((r["requester"]["reference"], "repeated") for r in repeats) + \
        Counter((r["author"]["reference"], "recognized") for r in recognitions)
    for row in by_doctor(data.decisions):
        who = f"Practitioner/{row.key[0]}"
        assert (row.tally.recognized, row.tally.repeated) == (by_who[(who, "recognized")], by_who[(who, "repeated")])


def test_the_sessions_decisions_are_there_as_decided(data, session):
    found = {d.record: d for d in data.decisions}
    a, b, c, d = session["a"], session["b"], session["c"], session["d"]
    for dec in a.decisions:
        assert found[f"{a.id}/{dec.item_code}"].outcome is Outcome.RECOGNIZED
    repeated = found[f"{b.id}/{b.decisions[0].item_code}"]
    assert repeated.outcome is Outcome.REPEATED and repeated.reason is RepeatReason.CRUCIAL_ITEM
    assert repeated.fee_saved_fen == 0 and repeated.fee_fen > 0
    assert (repeated.hospital_id, repeated.department, repeated.doctor) == ("org-sdsl", "内分泌科", "李明")
    # Consent refused: the repeats were withdrawn, the priors recognized, the fee saved.
    for dec in c.decisions:
        kept = found[f"{c.id}/{dec.item_code}"]
        assert kept.outcome is Outcome.RECOGNIZED and kept.fee_saved_fen == fen(dec.fee_yuan)
    emergency = found[f"{d.id}/{d.decisions[0].item_code}"]
    assert emergency.reason is RepeatReason.EMERGENCY
    assert (emergency.hospital_id, emergency.hospital, emergency.department) == (
        "org-jnqy", "齐鲁医科大学附属第一医院", "心血管内科")
    assert emergency.day == ANCHOR.date()


def test_the_hospital_filter_counts_that_hospitals_physicians(data, records):
    repeats, recognitions = records
    jnqy = {"Practitioner/prac-qy-wangfang", "Practitioner/prac-qy-majun"}
    summary = summarize(data.decisions, Filter(START, END, "org-jnqy"), Period.MONTH)
    assert summary.totals.repeated == sum(r["requester"]["reference"] in jnqy for r in repeats)
    assert summary.totals.recognized == sum(r["author"]["reference"] in jnqy for r in recognitions)
    assert {row.labels[0] for row in summary.departments} == {"齐鲁医科大学附属第一医院"}


def test_the_date_range_is_the_sites_days(platform, session):
    ws = workspace(site(platform.fhir_base))
    try:
        today = load_decisions(ws, END, END)
        assert {d.day for d in today.decisions} == {END}
        assert {d.record.split("/")[0] for d in today.decisions} == {o.id for o in session.values()}
        window = load_decisions(ws, END - timedelta(days=40), END - timedelta(days=10))
        assert window.decisions and all(END - timedelta(days=40) <= d.day <= END - timedelta(days=10)
                                       for d in window.decisions)
    finally:
        ws.close()


def test_a_dead_source_is_reported_and_a_record_held_twice_counts_once(platform, session, data):
    from tests.helpers.servers import failing_server

    with failing_server(500) as broken:
        ws = workspace(site(platform.fhir_base, platform.fhir_base, broken.fhir_base))
        try:
            merged = load_decisions(ws, START, END)
        finally:
            ws.close()
    assert merged.decisions == data.decisions
    assert [o.state for o in merged.outcomes] == [SourceState.OK, SourceState.OK, SourceState.FAILED]
    assert [o.label for o in merged.failed] == ["平台2"]


def test_csv_files_hold_the_tables_with_a_byte_order_mark(data, tmp_path):
    summary = summarize(data.decisions, Filter(START, END), Period.WEEK)
    written = export_summary(tmp_path / "out", summary, "dash", ExportNames())
    assert [p.name for p in written] == [f"dash-{t}.csv" for t in
                                         ("decisions", "over-time", "reasons", "departments", "doctors", "items")]
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in written)

    def rows(name):
        with (tmp_path / "out" / f"dash-{name}.csv").open(encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))

    decisions = rows("decisions")
    assert decisions[0] == list(ExportNames().decisions) and len(decisions) == len(summary.decisions) + 1
    assert sum(row[6] == "repeated" for row in decisions[1:]) == summary.totals.repeated
    assert rows("departments")[1:] == [list(r.cells()) for r in summary.departments]
    assert rows("items")[1:] == [list(r.cells()) for r in summary.items]
    assert sum(int(r[2]) for r in rows("reasons")[1:]) == summary.totals.repeated
    assert sum(int(r[1]) for r in rows("over-time")[1:]) == summary.totals.recognized
    assert "张伟" not in (tmp_path / "out" / "dash-decisions.csv").read_text(encoding="utf-8-sig")   # no patients
