"""The demo hospital that shares only printed reports: its PDFs, the two shapes a platform uses, its 鲁HR."""

from __future__ import annotations

import base64
import json
import time

import pypdfium2 as pdfium
import pytest

from app.domain.catalogue import parse_catalogue
from app.domain.identity import MRN_SYSTEM_PREFIX
from app.domain.models import Identifier
from app.resources import bundled_catalogue
from app.sandbox import demo_documents
from app.sandbox.demo_data import generate
from tests.conftest import ANCHOR
from tests.sandbox.conftest import Client

SEED = 20261122


@pytest.fixture(scope="module")
def made():
    data = generate(seed=SEED, anchor=ANCHOR, patients=12)
    started = time.perf_counter()
    out = demo_documents.resources(SEED, ANCHOR, data.resources)
    print(f"\ndemo documents: {time.perf_counter() - started:.2f} s")
    return data, out


def of(resources, kind):
    return [r for r in resources if r["resourceType"] == kind]


def pdf_of(attachment: dict) -> bytes:
    return base64.b64decode(attachment["data"])


def test_the_showcase_patient_gets_a_printed_report_in_both_shapes(made):
    _, out = made
    (report,) = [r for r in of(out, "DiagnosticReport") if r["subject"]["reference"] == "Patient/pat-0001"]
    assert "result" not in report and report["presentedForm"][0]["contentType"] == "application/pdf"
    assert report["code"]["coding"][0] == {"system": "http://loinc.org", "code": "4548-4"}
    assert report["performer"][0]["reference"] == f"Organization/{demo_documents.ORGANIZATION_ID}"
    references = {r["id"]: r for r in of(out, "DocumentReference") if r["subject"]["reference"] == "Patient/pat-0001"}
    attached, alone = references["by-doc-0001-01"], references["by-doc-0001-02"]
    assert attached["context"]["related"] == [{"reference": f"DiagnosticReport/{report['id']}"}]
    assert attached["content"][0]["attachment"]["data"] == report["presentedForm"][0]["data"]   # the same PDF
    assert "related" not in alone["context"] and alone["type"]["coding"][0]["code"] == "14749-6"
    assert alone["status"] == "current" and alone["docStatus"] == "final"


def test_every_printed_report_is_a_small_one_page_a4_pdf(made):
    _, out = made
    attachments = [f for r in of(out, "DiagnosticReport") for f in r["presentedForm"]] + \
                  [c["attachment"] for r in of(out, "DocumentReference") for c in r["content"]]
    assert len(attachments) >= 5
    for attachment in attachments:
        data = pdf_of(attachment)
        assert data.startswith(b"%PDF-") and attachment["size"] == len(data) and len(data) < 300_000
        document = pdfium.PdfDocument(data)
        assert len(document) == 1
        width, height = document[0].get_size()
        assert abs(width - 595) < 2 and abs(height - 842) < 2   # A4 in points (1240×1754 at 150 dpi)
        document.close()


def test_the_hr_mark_is_printed_in_the_top_right_corner(made):
    """Ink inside the mark's box (top right) and none in the top left corner, where nothing is printed."""
    _, out = made
    data = pdf_of(of(out, "DiagnosticReport")[0]["presentedForm"][0])
    page = pdfium.PdfDocument(data)[0]
    bitmap = page.render(scale=150 / 72, grayscale=True)
    w, stride, pixels = bitmap.width, bitmap.stride, bytes(bitmap.buffer)

    def darkest(x0, y0, x1, y1):
        return min(pixels[y * stride + x] for y in range(y0, y1) for x in range(x0, x1, 2))

    assert darkest(w - 240, 70, w - 110, 125) < 80      # the strokes of 鲁HR inside its box
    assert darkest(10, 10, 80, 80) > 200                # blank paper


def test_the_patients_get_a_record_number_there_and_the_hospital_its_organization(made):
    data, out = made
    (org,) = of(out, "Organization")
    assert org["identifier"][0]["value"] == demo_documents.INSTITUTION["identifier"]["value"]
    seen = {r["subject"]["reference"].split("/")[1] for r in [*of(out, "DiagnosticReport"),
                                                              *of(out, "DocumentReference")]}
    patients = {p["id"]: p for p in of(out, "Patient")}
    assert set(patients) == seen and len(seen) == 1 + demo_documents.OTHER_PATIENTS
    before = {p["id"]: p for p in of(data.resources, "Patient")}
    for pid, patient in patients.items():
        added = [i for i in patient["identifier"] if i not in before[pid]["identifier"]]
        assert [i["system"] for i in added] == [MRN_SYSTEM_PREFIX + demo_documents.ORGANIZATION_ID]
        assert before[pid]["identifier"] != patient["identifier"]   # a copy: the generated data is as it was


def test_same_seed_same_documents(made):
    data, out = made
    again = demo_documents.resources(SEED, ANCHOR, data.resources)
    assert json.dumps(again, ensure_ascii=False) == json.dumps(out, ensure_ascii=False)


def test_without_a_cjk_font_the_page_is_still_made(made, monkeypatch):
    data, _ = made
    monkeypatch.setattr(demo_documents, "find_cjk_font", lambda: None)
    out = demo_documents.resources(SEED, ANCHOR, data.resources[:30])
    assert all(pdf_of(r["presentedForm"][0]).startswith(b"%PDF-") for r in of(out, "DiagnosticReport"))


def test_the_catalogue_qualifies_the_document_hospital_for_lu_hr():
    bundled = bundled_catalogue()
    assert [i for i in bundled["institutions"] if i["identifier"] == demo_documents.INSTITUTION["identifier"]] == \
        [demo_documents.INSTITUTION]
    institution = parse_catalogue(bundled).institution(Identifier(
        demo_documents.INSTITUTION["identifier"]["system"], demo_documents.INSTITUTION["identifier"]["value"]))
    (qualification,) = institution.qualifications
    assert qualification.mark == "鲁HR" and qualification.scope.region == "370000"
    assert {"glucose", "hba1c"} <= qualification.categories


def test_the_demo_platform_serves_them(demo_platform):
    client = Client(demo_platform.fhir_base)
    found = client.search("DocumentReference", {"patient": "Patient/pat-0001"})
    assert {e["resource"]["id"] for e in found["entry"]} == {"by-doc-0001-01", "by-doc-0001-02"}
    catalogue = client.get("Binary/recognition-catalogue", headers={"Accept": "application/json"}).json()
    assert any(i["name"] == demo_documents.HOSPITAL_NAME for i in catalogue["institutions"])
