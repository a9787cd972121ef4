"""The prior result a decision is about reads as the chart shows it: chart unit, conversion noted, flag kept."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.catalogue import parse_catalogue
from app.domain.models import Coding, Hospital, LabReport, LabResult, RecordKey, ReferenceRange
from app.domain.recognition import Site, assess_result
from app.resources import bundled_catalogue
from app.services.chart import AssessedReport
from app.services.ordering.desk import initial_decisions
from app.services.ordering.plan import plan
from app.services.ordering.priors import prior_summary
from app.services.trends import build_trend
from tests.conftest import ANCHOR

TZ = ZoneInfo("Asia/Shanghai")
CATALOGUE = parse_catalogue(bundled_catalogue())
GLU = CATALOGUE.items["LAB-GLU"]
#: A hospital whose 全国HR makes its results recognizable anywhere.
NATIONAL = next(i for i in CATALOGUE.institutions.values() if any(q.mark == "全国HR" for q in i.qualifications))


def glucose(value: float | None, unit: str, *, low=None, high=None, text="", flag="", range_text="") -> AssessedReport:
    """A fasting glucose from a nationally recognized hospital, two days old (recognizable)."""
    when = ANCHOR - timedelta(days=2)
    code = Coding("http://loinc.org", "2345-7" if "mg" in unit else "14749-6")
    result = LabResult(RecordKey("s", "o1"), "葡萄糖", (code,), "final", when, value, text, unit,
                       ReferenceRange(low, high, range_text), flag)
    report = LabReport(RecordKey("s", "r1"), "生化", (), "final", when, when,
                       Hospital(RecordKey("s", "h1"), NATIONAL.name, NATIONAL.identifier), (result,))
    return AssessedReport(report, (assess_result(result, report, CATALOGUE, Site("370102", TZ), ANCHOR),))


def summary(report: AssessedReport):
    (line,) = plan([GLU], [report])
    return prior_summary(line)


def test_a_value_in_another_unit_is_shown_in_the_charts_unit_with_what_was_written():
    p = summary(glucose(167.0, "mg/dL", low=70, high=110, range_text="70-110", flag="H"))
    assert (p.value, p.unit, p.converted_from) == ("9.27", "mmol/L", "167 mg/dL")   # 167 / 18.016, 4 digits
    assert p.reference_range == "3.885–6.106"            # the bounds converted alike, not the text as written
    assert p.flag == "H" and p.abnormal                  # the hospital's flag stands
    # The same number as the trends plot for this result: one conversion, not two.
    (point,) = build_trend([glucose(167.0, "mg/dL", low=70, high=110)], GLU, ANCHOR.date()).points
    assert float(p.value) == pytest.approx(point.value, abs=0.005)


def test_a_value_in_the_charts_unit_is_shown_as_written():
    p = summary(glucose(5.6, "mmol/L", low=3.9, high=6.1, range_text="3.90-6.10", flag="N"))
    assert (p.value, p.unit, p.reference_range, p.converted_from) == ("5.6", "mmol/L", "3.90-6.10", "")
    assert not p.abnormal


def test_a_unit_that_does_not_convert_with_certainty_stays_as_written():
    p = summary(glucose(5.2, "furlongs", low=1, high=9, range_text="1-9", flag="L"))
    assert (p.value, p.unit, p.reference_range, p.converted_from) == ("5.2", "furlongs", "1-9", "")
    assert p.abnormal and p.flag == "L"


def test_the_desks_decisions_carry_the_summary():
    (d,) = initial_decisions(plan([GLU], [glucose(167.0, "mg/dL", flag="H")]))
    assert d.prior is not None and d.prior.converted_from == "167 mg/dL" and d.prior.reference_range == ""
