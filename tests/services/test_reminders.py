"""The reminder on chart open: exactly the other hospitals' results recognizable today, audited when shown."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.audit import AuditAction
from app.domain.audit_event import audit_event
from app.domain.recognition_funnel import reminded_items
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_ORGANIZATION_ID, VIEWING_REGION
from app.services.chart import Chart, load_chart
from app.services.lookup import PatientQuery, lookup_all
from app.services.reminders import by_record, reminders
from app.services.workspace import Workspace
from app.services.workstation import Workstation
from tests.conftest import ANCHOR


@pytest.fixture
def station(demo_platform, tmp_path):
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=VIEWING_ORGANIZATION_ID, region=VIEWING_REGION))
    ws.now = lambda: ANCHOR
    station = Workstation(ws, folder=tmp_path)
    yield station
    station.close()
    ws.close()


@pytest.fixture
def chart(station) -> Chart:
    person = lookup_all(station.workspace, PatientQuery.from_text(SHOWCASE_RESIDENT_ID)).matches[0]
    return load_chart(station.workspace, person)


def _recognized_elsewhere(chart: Chart) -> set[str]:
    """Every item with a recognized result from a hospital other than ours, read off the verdicts."""
    labs = {v.item.code for a in chart.reports for v in a.verdicts
            if v.recognized and v.item and a.report.hospital.key.id != VIEWING_ORGANIZATION_ID}
    images = {s.verdict.item.code for s in chart.studies
              if s.verdict.recognized and s.verdict.item and s.study.hospital.key.id != VIEWING_ORGANIZATION_ID}
    return labs | images


def test_the_showcase_chart_reminds_of_exactly_the_recognizable_results_from_elsewhere(station, chart):
    shown = station.reminders(chart.reports, chart.studies)
    codes = [r.item.code for r in shown]
    assert len(codes) == len(set(codes))                      # one reminder per item
    assert set(codes) == _recognized_elsewhere(chart)
    assert {"LAB-K", "LAB-WBC", "LAB-HBA1C", "IMG-CT-CHEST", "IMG-CT-HEAD"} <= set(codes)   # imaging too
    # Our own hospital's recognized lipids, and results not recognized (too old, not qualified), are not there.
    assert not {"LAB-TC", "LAB-LDLC"} & set(codes)
    assert all(r.hospital != "山东省立中心医院" for r in shown)
    for r in shown:
        assert r.until == r.day + timedelta(days=r.item.window_days) and r.until >= ANCHOR.date()
        assert r.mark.endswith("HR")
        assert (r.study is not None) == r.item.code.startswith("IMG-")
        assert (r.report is not None) != (r.study is not None)   # one click opens exactly one record
    assert [r.day for r in shown] == sorted((r.day for r in shown), reverse=True)


def test_without_a_viewing_organization_every_hospital_is_another(chart):
    assert {"LAB-TC", "LAB-LDLC"} <= {r.item.code for r in reminders(chart.reports, chart.studies, "")}


def test_reminders_group_by_the_record_they_open(station, chart):
    groups = by_record(station.reminders(chart.reports, chart.studies))
    blood_count = next(g for g in groups if any(i.code == "LAB-WBC" for i in g.items))
    assert {"LAB-RBC", "LAB-HGB", "LAB-PLT"} <= {i.code for i in blood_count.items}
    assert blood_count.hospital == "齐鲁医科大学附属第一医院" and blood_count.marks == ("全国HR",)
    assert len({g.first.entity for g in groups}) == len(groups)
    assert sum(len(g.items) for g in groups) == len(station.reminders(chart.reports, chart.studies))


def test_showing_a_reminder_is_audited_with_its_count_and_items(station, chart):
    shown = station.reminders(chart.reports, chart.studies)
    station.reminder_shown(chart.person, shown, via="window")
    station.reminder_shown(chart.person, [], via="window")        # nothing shown, nothing recorded
    (record,) = [r for r in station.auditor.records() if r.action is AuditAction.REMINDER_SHOWN]
    assert record.patient == str(chart.person.primary.key)
    count, _, _items = record.detail.partition(": ")
    assert int(count) == len(shown)
    # read back as the dashboard's funnel reads it: each item, the record it opens, its issuer
    assert [(i.item_code, i.entity, i.issuer_id, i.issuer) for i in reminded_items(record.detail)] == \
        [(r.item.code, r.entity, r.issuer_id, r.hospital) for r in shown]
    assert all(i.entity.startswith(("DiagnosticReport/", "DocumentReference/", "ImagingStudy/")) and i.issuer_id
               for i in reminded_items(record.detail))
    event = audit_event(record)
    assert event["action"] == "E" and event["subtype"][0]["code"] == "reminder-shown"
    assert any(e.get("description") == record.detail for e in event["entity"])
