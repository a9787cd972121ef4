"""Reports that come as documents: listed and judged from the demo platform over HTTP, fetched only
from the report's own source, rendered, and refused with a reason when they cannot be shown."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from http.server import BaseHTTPRequestHandler

import pytest

from app.config import SiteConfig, SourceConfig
from app.domain.models import Document, LabReport, RecordKey
from app.sandbox import demo_data, demo_documents
from app.services import documents
from app.services.chart import load_chart, load_source_reports
from app.services.documents import DocumentError, Problem, open_document, same_source_url
from app.services.lookup import PatientQuery, SourceState, lookup_all
from app.services.workspace import Workspace
from tests.conftest import ANCHOR
from tests.helpers.servers import _Server

BY_HOSPITAL = demo_documents.HOSPITAL_NAME


def workspace(fhir_base: str) -> Workspace:
    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", fhir_base, label="演示"),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    return ws


@pytest.fixture(scope="module")
def demo(demo_platform):
    ws = workspace(demo_platform.fhir_base)
    person = lookup_all(ws, PatientQuery.resident_id(demo_data.SHOWCASE_RESIDENT_ID)).matches[0]
    yield ws, load_chart(ws, person)
    ws.close()


def printed(chart, reference: str):
    return next(a for a in chart.reports if a.report.reference == reference)


def test_the_showcase_chart_lists_the_reports_that_came_only_as_documents(demo):
    _ws, chart = demo
    assert chart.outcomes[0].state is SourceState.OK
    only = {a.report.reference: a for a in chart.reports if a.report.document_only}
    assert set(only) == {"DiagnosticReport/by-rep-0001-01", "DocumentReference/by-doc-0001-02"}
    hba1c, glucose = only["DiagnosticReport/by-rep-0001-01"], only["DocumentReference/by-doc-0001-02"]
    for a, days, item in ((hba1c, 18, "LAB-HBA1C"), (glucose, 2, "LAB-GLU")):
        r = a.report
        assert r.hospital.name == BY_HOSPITAL and r.hospital.identifier.value == "12370300495126385E"
        assert (ANCHOR.date() - r.effective.date()).days == days
        v = a.document_verdict
        assert v.recognized and v.mark == "鲁HR" and v.item.code == item and v.age_days == days
        assert a.summary.state == "all" and a.summary.marks == ("鲁HR",)
        assert a.verdicts == () and r.results == ()
    # the DocumentReference that prints the HbA1c report is attached to it: one row, one document
    assert len(hba1c.report.documents) == 1
    assert "DocumentReference/by-doc-0001-01" not in {a.report.reference for a in chart.reports}
    assert BY_HOSPITAL in chart.hospitals


def test_a_printed_report_too_old_for_its_item_is_reference_only(demo_platform):
    """Another patient's fasting glucose 95 days old: the 14-day window decides, as for a result."""
    ws = workspace(demo_platform.fhir_base)
    try:
        source = ws.sources[0]
        patient = next(p for p in lookup_all(ws, PatientQuery.resident_id(_resident_of("by-rep-0005-01",
                                                                                      demo_platform))).matches)
        loaded = load_source_reports(source, patient.primary, ws)
        from app.services.chart import assess

        (old,) = [a for a in assess(loaded.reports, ws.catalogue, ws.site, ANCHOR) if a.report.document_only]
        assert old.document_verdict.reasons[0].value == "too-old" and old.summary.state == "none"
    finally:
        ws.close()


def _resident_of(report_id: str, server) -> str:
    import requests

    report = requests.get(f"{server.fhir_base}/DiagnosticReport/{report_id}", timeout=10).json()
    patient = requests.get(f"{server.fhir_base}/{report['subject']['reference']}", timeout=10).json()
    return next(i["value"] for i in patient["identifier"] if i["system"].endswith("cn-resident-id"))


def test_a_demo_document_opens_as_a_rendered_page(demo):
    ws, chart = demo
    a = printed(chart, "DocumentReference/by-doc-0001-02")
    opened = open_document(ws, a.report, a.report.documents[0])
    (page,) = opened.pages
    assert opened.page_count == 1 and not opened.capped
    assert 1200 <= page.width <= 1300 and 1.35 < page.height / page.width < 1.48   # A4
    assert len(page.pixels) == page.stride * page.height
    assert min(page.pixels[: page.stride * 200]) < 60   # ink: the hospital's name at the top


def _report(source: str = "demo", **document) -> tuple[LabReport, Document]:
    doc = Document(**{"content_type": "application/pdf", **document})
    return LabReport(RecordKey(source, "x"), "报告", (), "final", ANCHOR, None, None, documents=(doc,)), doc


@pytest.mark.parametrize("url", ["http://elsewhere.example/fhir/Binary/1", "https://127.0.0.1:1/x.pdf",
                                 "//elsewhere.example/Binary/1", "urn:uuid:5f1c", "file:///etc/passwd"])
def test_a_document_on_another_server_is_refused(demo, url):
    ws, _ = demo
    report, doc = _report(url=url)
    with pytest.raises(DocumentError) as refused:
        open_document(ws, report, doc)
    assert refused.value.problem is Problem.OTHER_SERVER


def test_relative_and_same_origin_urls_stay_on_the_source():
    base = "https://platform.example:8443/fhir/"
    assert same_source_url(base, "Binary/b1") == "https://platform.example:8443/fhir/Binary/b1"
    assert same_source_url(base, "https://platform.example:8443/docs/1.pdf") == "https://platform.example:8443/docs/1.pdf"
    for other in ("http://platform.example:8443/fhir/Binary/b1", "https://platform.example/fhir/Binary/b1"):
        with pytest.raises(DocumentError):
            same_source_url(base, other)


@pytest.mark.parametrize(("document", "problem"), [
    ({"data": b"%PDF-1.7 truncated garbage"}, Problem.UNREADABLE),
    ({"data": b"<html>not a pdf</html>"}, Problem.UNREADABLE),
    ({"content_type": "application/msword", "data": b"\xd0\xcf\x11\xe0"}, Problem.UNSUPPORTED),
    ({"size": 50 * 1024 * 1024}, Problem.TOO_LARGE),
    ({}, Problem.NO_CONTENT),
])
def test_what_cannot_be_shown_says_why(demo, document, problem):
    ws, _ = demo
    report, doc = _report(**document)
    with pytest.raises(DocumentError) as failed:
        open_document(ws, report, doc)
    assert failed.value.problem is problem


def _bytes_server(routes: dict[str, tuple[int, str, bytes]]) -> _Server:
    """Serves fixed bodies by path; FHIR searches not listed answer an empty searchset."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0]
            status, kind, body = routes.get(path, (200, "application/fhir+json", json.dumps(
                {"resourceType": "Bundle", "type": "searchset", "entry": []}).encode()))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return _Server(Handler)


def test_a_document_url_on_the_source_is_fetched_raw_or_as_a_binary(monkeypatch):
    pdf = demo_documents.print_report(
        demo_documents.Printed({"id": "pat-1", "name": [{"text": "李四"}]}, demo_documents.GLUCOSE, 1, 1, False),
        [], ANCHOR, ANCHOR + timedelta(hours=2), "BY1", demo_documents.Fonts())
    binary = {"resourceType": "Binary", "contentType": "application/pdf", "data": base64.b64encode(pdf).decode()}
    with _bytes_server({"/fhir/Binary/raw": (200, "application/pdf", pdf),
                        "/fhir/Binary/wrapped": (200, "application/fhir+json", json.dumps(binary).encode()),
                        "/fhir/Binary/gone": (404, "application/fhir+json", b"{}"),
                        "/big.pdf": (200, "application/pdf", pdf)}) as server:
        ws = workspace(server.fhir_base)
        try:
            for url in ("Binary/raw", "Binary/wrapped", f"{server.fhir_base}/Binary/raw"):
                report, doc = _report(url=url)
                assert open_document(ws, report, doc).pages[0].width > 1000, url
            report, doc = _report(url="Binary/gone")
            with pytest.raises(DocumentError) as gone:
                open_document(ws, report, doc)
            assert gone.value.problem is Problem.UNAVAILABLE and "404" in gone.value.detail
            monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", len(pdf) // 2)
            monkeypatch.setattr(documents, "_JSON_ALLOWANCE", 0)
            report, doc = _report(url="/big.pdf")
            with pytest.raises(DocumentError) as big:
                open_document(ws, report, doc)
            assert big.value.problem is Problem.TOO_LARGE
        finally:
            ws.close()


def _patient_server(document_route: tuple[int, str, bytes]) -> _Server:
    patient_bundle = {"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [
        {"resource": {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "肝功能"},
                      "effectiveDateTime": "2026-11-10"}, "search": {"mode": "match"}}]}
    return _bytes_server({"/fhir/DiagnosticReport": (200, "application/fhir+json",
                                                     json.dumps(patient_bundle).encode()),
                          "/fhir/DocumentReference": document_route})


def _load(server) -> SourceState:
    ws = workspace(server.fhir_base)
    try:
        patient = _patient()
        loaded = load_source_reports(ws.sources[0], patient, ws)
        assert [r.key.id for r in loaded.reports] == ["r1"]   # the lab reports are shown all the same
        return loaded.outcome
    finally:
        ws.close()


def _patient():
    from app.domain.models import Patient

    return Patient(RecordKey("demo", "p1"), "王五", "male", None)


def test_a_document_search_that_fails_makes_the_answer_partial():
    failing = (500, "application/fhir+json", json.dumps({"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "exception", "diagnostics": "document store down"}]}).encode())
    with _patient_server(failing) as server:
        outcome = _load(server)
    assert outcome.state is SourceState.PARTIAL and "document store down" in outcome.message


def test_a_document_search_cut_short_says_so():
    cut = {"resourceType": "Bundle", "type": "searchset", "total": 7, "entry": [{"resource": {
        "resourceType": "DocumentReference", "id": "d1", "status": "current", "docStatus": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "LAB"}]}],
        "content": [{"attachment": {"contentType": "application/pdf", "url": "Binary/d1"}}]},
        "search": {"mode": "match"}}]}
    with _patient_server((200, "application/fhir+json", json.dumps(cut).encode())) as server:
        outcome = _load_all(server)
    assert outcome.state is SourceState.PARTIAL
    assert outcome.gaps.truncated and (outcome.gaps.shown, outcome.gaps.total) == (2, 8)


def _load_all(server):
    ws = workspace(server.fhir_base)
    try:
        loaded = load_source_reports(ws.sources[0], _patient(), ws)
        assert sorted(r.reference for r in loaded.reports) == ["DiagnosticReport/r1", "DocumentReference/d1"]
        return loaded.outcome
    finally:
        ws.close()


def test_a_recognized_printed_report_is_offered_as_the_prior_and_its_recognition_names_it(demo_platform):
    """A printed 鲁HR glucose two days old: recognizing it saves a repeat, as a structured result would."""
    from app.config import SiteConfig, SourceConfig
    from app.domain.fhir_profile import EXT
    from app.platform.fhir.records import order_transaction
    from app.sandbox import demo_data
    from app.services.ordering.desk import initial_decisions
    from app.services.ordering.plan import check_order, order_check_json
    from app.services.workspace import Workspace
    from tests.conftest import ANCHOR

    ws = Workspace.from_config(SiteConfig((SourceConfig("demo", demo_platform.fhir_base),),
                                          organization=demo_data.VIEWING_ORGANIZATION_ID,
                                          region=demo_data.VIEWING_REGION))
    ws.now = lambda: ANCHOR
    try:
        check = check_order(ws, demo_data.SHOWCASE_RESIDENT_ID, ["LAB-GLU"])
    finally:
        ws.close()
    (line,) = check.lines
    assert line.best is not None and line.best.report.document_only and line.best.verdict.mark == "鲁HR"
    answer = order_check_json(check)["items"][0]["prior_results"][0]
    assert answer["document_only"] and answer["observation"] is None
    assert answer["report_reference"].startswith("DocumentReference/")
    (decision,) = initial_decisions(check.lines)
    assert decision.prior.value == "" and decision.prior.mark == "鲁HR"
    # the recognition record points at the printed report, not at an Observation that does not exist
    from app.domain.repeat_orders import Order
    from tests.services.test_submission import DOCTOR, NOW

    order = Order("printed-1", "pat-0001", "张伟", DOCTOR, NOW, (decision,)).submitted()
    items = {decision.item_code: check.lines[0].item}
    (recognition,) = [e["resource"] for e in order_transaction(order, items)["entry"]
                      if e["resource"]["resourceType"] == "Basic"]
    (result,) = [x for x in recognition["extension"] if x["url"] == EXT + "recognized-result"]
    assert result["valueReference"] == {"reference": answer["report_reference"]}
