"""Trends: one item across hospitals in one unit, conversions noted, the unconvertible kept apart."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.catalogue import parse_catalogue
from app.domain.models import Hospital, LabReport, LabResult, RecordKey, ReferenceRange
from app.domain.recognition import Site, assess_result
from app.resources import bundled_catalogue
from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID
from app.services.chart import AssessedReport, load_chart
from app.services.lookup import PatientQuery, lookup_all
from app.services.trends import build_trend, panel_items, series_csv, trend_items
from app.services.workspace import Workspace
from tests.conftest import ANCHOR

TZ = ZoneInfo("Asia/Shanghai")
CATALOGUE = parse_catalogue(bundled_catalogue())
GLU = CATALOGUE.items["LAB-GLU"]
LOINC = "http://loinc.org"


def _report(day: int, value, unit: str, hospital: str = "一院", text: str = "", low=None, high=None, flag=""):
    from app.domain.models import Coding

    when = datetime(2026, 11, 1, 8, tzinfo=TZ) - timedelta(days=day)
    code = Coding(LOINC, "2345-7" if "mg" in unit else "14749-6")
    result = LabResult(RecordKey("s", f"o{day}{hospital}"), "葡萄糖", (code,),
                       "final", when, value, text, unit, ReferenceRange(low, high), flag)
    report = LabReport(RecordKey("s", f"r{day}{hospital}"), "生化", (), "final", when, when,
                       Hospital(RecordKey("s", hospital), hospital, None), (result,))
    verdict = assess_result(result, report, CATALOGUE, Site("370102", TZ), ANCHOR)
    return AssessedReport(report, (verdict,))


def test_mg_dl_and_mmol_l_make_one_series_in_mmol_l_with_notes():
    reports = [_report(10, 5.6, "mmol/L", "一院", low=3.9, high=6.1),
               _report(40, 126.0, "mg/dL", "二院", low=70, high=110)]
    s = build_trend(reports, GLU, ANCHOR.date())
    assert s.unit == "mmol/L" and [p.unit for p in s.points] == ["mmol/L", "mmol/L"]
    old, new = s.points                      # oldest first
    assert old.converted and old.value == pytest.approx(126 / 18.016, rel=1e-3)
    assert old.note == "converted from 126 mg/dL"
    assert old.low == pytest.approx(70 / 18.016, rel=1e-3) and old.high == pytest.approx(110 / 18.016, rel=1e-3)
    assert not new.converted and new.value == 5.6 and new.note == ""
    assert s.hospitals == ["二院", "一院"]


def test_what_cannot_be_converted_is_kept_apart_with_the_reason():
    reports = [_report(1, 5.0, "mmol/L"), _report(2, None, "mmol/L", text="<1.1"), _report(3, 5.2, "furlongs")]
    s = build_trend(reports, GLU, ANCHOR.date())
    assert len(s.points) == 1
    assert {a.text for a in s.apart} == {"<1.1 mmol/L", "5.2 furlongs"}
    assert all(a.why for a in s.apart)


def test_csv_rows_are_the_plotted_points():
    reports = [_report(d, 5.0 + d / 10, "mmol/L") for d in range(5)]
    s = build_trend(reports, GLU, ANCHOR.date())
    rows = list(csv.DictReader(io.StringIO(series_csv([s]).lstrip("\ufeff"))))
    assert [float(r["value"]) for r in rows] == [p.value for p in s.points]
    assert {r["item"] for r in rows} == {"LAB-GLU"} and rows[0]["hospital"] == "一院"


def test_recognition_window_ends_today():
    s = build_trend([_report(1, 5.0, "mmol/L")], GLU, date(2026, 11, 20))
    assert s.recognizable_since == date(2026, 11, 20) - timedelta(days=GLU.window_days)


@pytest.fixture(scope="module")
def showcase(demo_platform):
    from app.sandbox import demo_data

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    chart = load_chart(ws, lookup_all(ws, PatientQuery.resident_id(SHOWCASE_RESIDENT_ID)).matches[0])
    yield chart, ws.catalogue
    ws.close()


def test_the_showcase_patient_has_glucose_from_mass_and_molar_hospitals(showcase):
    chart, catalogue = showcase
    items = {t.item.code: t.count for t in trend_items(chart.reports)}
    assert items["LAB-GLU"] >= 2
    s = build_trend(chart.reports, catalogue.items["LAB-GLU"], ANCHOR.date())
    assert {p.unit for p in s.points} == {"mmol/L"}
    assert any(p.converted and p.original_unit == "mg/dL" for p in s.points)
    assert any(not p.converted for p in s.points)
    assert all(2 < p.value < 30 for p in s.points)          # no mg/dL value slipped through unconverted
    assert len(panel_items(catalogue, "lipids", trend_items(chart.reports))) >= 2
