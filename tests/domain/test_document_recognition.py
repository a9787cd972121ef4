"""A report that came only as its printed document: judged as a whole by its own code, status, date, issuer."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.models import LOINC_SYSTEM, Coding, Document, Hospital, LabReport, RecordKey
from app.domain.recognition import Reason, Site, assess_report
from tests.domain.catalogue_fixture import JINAN_REGION, catalogue, org

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=SHANGHAI)
PDF = Document("application/pdf", "报告单.pdf", b"%PDF-1.4")
HBA1C = (Coding(LOINC_SYSTEM, "4548-4"),)


def printed(codes=HBA1C, status="final", days_old=18, issuer="NAT") -> LabReport:
    hospital = Hospital(RecordKey("s", "h"), "医院", org(issuer)) if issuer else None
    return LabReport(RecordKey("s", "d1"), "糖化血红蛋白", tuple(codes), status, NOW - timedelta(days=days_old), None,
                     hospital, documents=(PDF,), resource_type="DocumentReference")


def test_a_printed_report_of_a_listed_item_from_a_qualified_hospital_is_recognized():
    v = assess_report(printed(), catalogue(), Site(JINAN_REGION), NOW)
    assert v.recognized and v.mark == "全国HR" and v.item.code == "HBA1C" and v.age_days == 18


def test_the_report_level_rules_are_the_item_rules():
    site = Site(JINAN_REGION)
    assert assess_report(printed(days_old=61), catalogue(), site, NOW).reasons == (Reason.TOO_OLD,)
    assert assess_report(printed(status="unknown"), catalogue(), site, NOW).reasons == (Reason.NOT_FINAL,)
    assert assess_report(printed(issuer=None), catalogue(), site, NOW).reasons == (Reason.ISSUER_UNKNOWN,)
    panel = printed(codes=(Coding(LOINC_SYSTEM, "24326-1"),))   # an electrolytes panel: the list names items
    assert assess_report(panel, catalogue(), site, NOW).reasons == (Reason.NOT_ON_LIST,)


def test_document_only_means_documents_and_no_results():
    assert printed().document_only and printed().reference == "DocumentReference/d1"
    assert not LabReport(RecordKey("s", "r"), "x", (), "final", None, None, None).document_only
    assert PDF.is_pdf and PDF.supported and not Document("application/msword").supported
    assert Document("Image/PNG; q=1").is_image
