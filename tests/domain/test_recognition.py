"""Every recognition rule, its boundaries, and the properties that must hold for any input."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.models import LOINC_SYSTEM, Coding, Hospital, LabReport, LabResult, RecordKey
from app.domain.recognition import Reason, Site, age_in_days, assess, assess_result, summarize
from tests.domain.catalogue_fixture import JINAN_REGION, WUHAN_REGION, catalogue, org

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=SHANGHAI)
JINAN = Site(JINAN_REGION)
K = [Coding(LOINC_SYSTEM, "2823-3")]
TC = [Coding(LOINC_SYSTEM, "14647-2")]
HBA1C = [Coding(LOINC_SYSTEM, "4548-4")]


def verdict(codes=K, status="final", days_old=1, issuer="NAT", site=JINAN, effective=None):
    if effective is None:
        effective = NOW - timedelta(days=days_old)
    return assess(codes=codes, status=status, effective=effective,
                  issuer=org(issuer) if issuer else None, catalogue=catalogue(), site=site, now=NOW)


@pytest.mark.parametrize(
    ("kwargs", "reasons", "mark"),
    [
        ({}, (), "全国HR"),
        ({"codes": [Coding(LOINC_SYSTEM, "1742-6")]}, (Reason.NOT_ON_LIST,), ""),
        ({"codes": [Coding("urn:local:h1", "K+")]}, (), "全国HR"),  # local code maps to the item
        ({"codes": HBA1C, "site": Site(WUHAN_REGION)}, (Reason.NOT_ON_LIST_HERE,), "全国HR"),
        ({"status": "preliminary"}, (Reason.NOT_FINAL,), "全国HR"),
        ({"status": "amended"}, (), "全国HR"),
        ({"days_old": 8}, (Reason.TOO_OLD,), "全国HR"),
        ({"days_old": -2}, (Reason.FUTURE_DATE,), "全国HR"),
        ({"issuer": None}, (Reason.ISSUER_UNKNOWN,), ""),
        ({"issuer": "NONE"}, (Reason.ISSUER_NOT_QUALIFIED,), ""),
        ({"issuer": "UNLISTED"}, (Reason.ISSUER_NOT_QUALIFIED,), ""),
        ({"issuer": "LU"}, (), "鲁HR"),  # new qualification since 2026-03-01 covers K
        # TC only in the expired one
        ({"issuer": "LU", "codes": TC, "days_old": 3}, (Reason.QUALIFICATION_NOT_VALID,), ""),
        ({"issuer": "LU", "effective": datetime(2025, 12, 1, tzinfo=SHANGHAI)},
         (Reason.TOO_OLD, Reason.QUALIFICATION_NOT_VALID), ""),
        ({"issuer": "LU", "site": Site(WUHAN_REGION)}, (Reason.MARK_OUT_OF_SCOPE,), "鲁HR"),
        ({"issuer": "YT"}, (Reason.MARK_OUT_OF_SCOPE,), "烟台HR"),
        ({"issuer": "YT", "site": Site("370613")}, (), "烟台HR"),
        ({"issuer": "YT", "site": Site(None)}, (Reason.MARK_OUT_OF_SCOPE,), "烟台HR"),
        ({"status": "preliminary", "days_old": 30, "issuer": "NONE"},
         (Reason.NOT_FINAL, Reason.TOO_OLD, Reason.ISSUER_NOT_QUALIFIED), ""),
    ],
)
def test_rules(kwargs, reasons, mark):
    v = verdict(**kwargs)
    assert v.reasons == reasons
    assert v.recognized == (not reasons)
    assert v.mark == mark


def test_too_old_reports_age_and_window():
    v = verdict(days_old=12)
    (finding,) = v.findings
    assert (finding.age_days, finding.window_days) == (12, 7)


def test_window_boundary_is_inclusive():
    assert verdict(days_old=7).recognized
    assert verdict(days_old=7).recognizable_until == (NOW - timedelta(days=7)).date() + timedelta(days=7)
    assert verdict(days_old=8).reasons == (Reason.TOO_OLD,)
    assert verdict(days_old=0).recognized


def test_age_counts_calendar_days_in_site_zone():
    # 23:30 Beijing time on 15 Nov is 15:30 UTC; at 00:10 on 22 Nov Beijing it is 7 days old,
    # although fewer than 7 × 24 hours have passed.
    drawn = datetime(2026, 11, 15, 15, 30, tzinfo=timezone.utc)
    now = datetime(2026, 11, 22, 0, 10, tzinfo=SHANGHAI)
    assert age_in_days(drawn, now, SHANGHAI) == 7
    # The same instant seen from UTC is on the 21st: still 6 days there.
    assert age_in_days(drawn, now, ZoneInfo("UTC")) == 6


def test_day_boundary_across_midnight_in_site_zone():
    just_before = datetime(2026, 11, 14, 23, 59, tzinfo=SHANGHAI)
    just_after = datetime(2026, 11, 15, 0, 0, tzinfo=SHANGHAI)
    assert verdict(effective=just_before).reasons == (Reason.TOO_OLD,)
    assert verdict(effective=just_after).recognized


def test_qualification_period_is_inclusive():
    last_day = datetime(2025, 6, 30, 20, 0, tzinfo=SHANGHAI)
    next_day = datetime(2025, 7, 1, 8, 0, tzinfo=SHANGHAI)
    now = datetime(2025, 7, 2, 9, 0, tzinfo=SHANGHAI)
    cat = catalogue()
    ok = assess(codes=K, status="final", effective=last_day, issuer=org("LU"), catalogue=cat, site=JINAN, now=now)
    late = assess(codes=K, status="final", effective=next_day, issuer=org("LU"), catalogue=cat, site=JINAN, now=now)
    assert ok.recognized and ok.mark == "鲁HR"
    assert late.reasons == (Reason.QUALIFICATION_NOT_VALID,)
    assert late.findings[0].periods[0][1].isoformat() == "2025-06-30"


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        assess(codes=K, status="final", effective=datetime(2026, 1, 1), issuer=org("NAT"),
               catalogue=catalogue(), site=JINAN, now=NOW)


def test_result_inherits_report_date_issuer_and_status():
    hospital = Hospital(RecordKey("s", "o1"), "H", org("NAT"))
    result = LabResult(RecordKey("s", "obs"), "K", tuple(K), "unknown", None, 4.1, unit="mmol/L")
    report = LabReport(RecordKey("s", "r"), "电解质", (), "final", NOW - timedelta(days=2), None, hospital, (result,))
    v = assess_result(result, report, catalogue(), JINAN, NOW)
    assert v.recognized and v.age_days == 2 and v.mark == "全国HR"


def test_summary_counts_and_marks():
    vs = [verdict(), verdict(issuer="LU"), verdict(days_old=30)]
    s = summarize(vs)
    assert (s.recognized, s.total, s.state) == (2, 3, "some")
    assert s.marks == ("全国HR", "鲁HR")
    assert summarize([verdict()]).state == "all"
    assert summarize([verdict(days_old=30)]).state == "none"


issuers = st.sampled_from(["NAT", "LU", "YT", "NONE", "UNLISTED", None])
codes = st.sampled_from([K, TC, HBA1C, [Coding(LOINC_SYSTEM, "0000-0")]])
statuses = st.sampled_from(["final", "amended", "corrected", "preliminary", "registered", "cancelled"])
regions = st.sampled_from([JINAN_REGION, WUHAN_REGION, "370602", None])
instants = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2027, 1, 1),
                        timezones=st.sampled_from([timezone.utc, SHANGHAI, ZoneInfo("America/New_York")]))


@given(codes=codes, status=statuses, effective=instants, issuer=issuers, region=regions)
def test_properties(codes, status, effective, issuer, region):
    v = assess(codes=codes, status=status, effective=effective, issuer=org(issuer) if issuer else None,
               catalogue=catalogue(), site=Site(region), now=NOW)
    # Recognized exactly when nothing speaks against it, and then it carries a mark.
    assert v.recognized == (not v.findings)
    if v.recognized:
        assert v.mark and v.item is not None
        assert 0 <= v.age_days <= v.item.window_days
        assert v.recognizable_until >= NOW.date()
    # Each reason is given once.
    assert len(set(v.reasons)) == len(v.reasons)
    # A result that is too old is never made recognizable by anything else.
    if v.age_days is not None and v.item is not None and v.age_days > v.item.window_days:
        assert Reason.TOO_OLD in v.reasons


@given(effective=instants, days=st.integers(min_value=0, max_value=400))
def test_aging_is_monotonic(effective, days):
    """A result never becomes recognizable again by getting older."""
    cat = catalogue()
    later = NOW + timedelta(days=days)
    first = assess(codes=K, status="final", effective=effective, issuer=org("NAT"), catalogue=cat, site=JINAN,
                   now=NOW)
    second = assess(codes=K, status="final", effective=effective, issuer=org("NAT"), catalogue=cat, site=JINAN,
                    now=later)
    if not first.recognized and Reason.FUTURE_DATE not in first.reasons:
        assert not second.recognized
