"""The supervisor's verdict as a DetectedIssue, and the consents the review reads: written and read back alike."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.fhir_profile import CONSENT_SYSTEM, ORDER_SYSTEM, REVIEW_SYSTEM, REVIEW_VERDICT_SYSTEM
from app.domain.review_rules import ConsentState, ReviewVerdict, Rule, Verdict
from app.platform.fhir.decisions import consent_states, order_of, verdict_from_fhir, verdict_search
from app.platform.fhir.mapping import MappingError
from app.platform.fhir.records import verdict_transaction

SH = ZoneInfo("Asia/Shanghai")
VERDICT = ReviewVerdict(record="ord-1/LAB-K", verdict=Verdict.UNREASONABLE, comment="原结果仍在有效期内",
                        reviewer_id="prac-sl-gaomin", reviewer="高敏", at=datetime(2026, 3, 2, 10, tzinfo=SH),
                        patient_id="pat-1", item_name="钾", rules=(Rule.REASON, Rule.CONSENT))


def test_a_verdict_is_one_conditional_detected_issue_read_back_as_written():
    bundle = verdict_transaction(VERDICT)
    [entry] = bundle["entry"]
    assert entry["request"] == {"method": "POST", "url": "DetectedIssue",
                                "ifNoneExist": f"identifier={REVIEW_SYSTEM}|ord-1/LAB-K"}
    issue = entry["resource"]
    assert issue["status"] == "final" and issue["detail"] == "原结果仍在有效期内"
    assert issue["code"]["coding"] == [{"system": REVIEW_VERDICT_SYSTEM, "code": "unreasonable-repeat"}]
    assert issue["implicated"][0]["identifier"] == {"system": ORDER_SYSTEM, "value": "ord-1/LAB-K"}
    assert issue["mitigation"][0]["author"]["reference"] == "Practitioner/prac-sl-gaomin"
    assert verdict_transaction(VERDICT) == bundle            # the same on every resend
    assert verdict_from_fhir(issue, SH) == VERDICT


def test_a_detected_issue_that_is_no_verdict_is_refused():
    issue = verdict_transaction(VERDICT)["entry"][0]["resource"]
    with pytest.raises(MappingError):
        verdict_from_fhir({**issue, "code": {"coding": [{"system": REVIEW_VERDICT_SYSTEM, "code": "fine"}]}}, SH)
    with pytest.raises(MappingError):
        verdict_from_fhir({**issue, "identifier": []}, SH)


def test_verdicts_are_searched_by_their_identifiers():
    assert verdict_search(["b/2", "a/1", "a/1"]) == [
        ("identifier", f"{REVIEW_SYSTEM}|a/1,{REVIEW_SYSTEM}|b/2"), ("_count", "200")]
    assert order_of("ord-1/LAB-K") == "ord-1"


def consent(order_id: str, kind: str, status: str = "active") -> dict:
    return {"resourceType": "Consent", "status": status, "identifier": [{"system": CONSENT_SYSTEM, "value": order_id}],
            "provision": {"type": kind}}


def test_a_permit_is_given_a_deny_refused_and_anything_else_no_consent():
    states = consent_states([consent("o1", "permit"), consent("o2", "deny"), consent("o3", "permit", "proposed"),
                             {"resourceType": "Basic"}])
    assert states == {"o1": ConsentState.GIVEN, "o2": ConsentState.REFUSED}
