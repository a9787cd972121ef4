"""A trainer's own patients, written by hand in another tool's style, loaded with --load."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from app.config import SiteConfig, SourceConfig
from app.ui.report_models import ResultTableModel

# Synthea-style transaction: urn:uuid fullUrls, POST entries, LOINC-coded Observations,
# a Western-style name with family/given only, and an identifier from our profile.
BUNDLE = {
    "resourceType": "Bundle",
    "type": "transaction",
    "entry": [
        {"fullUrl": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000001",
         "resource": {"resourceType": "Organization", "name": "Training Hospital 培训医院",
                      "identifier": [{"system": "https://fhir.huren.cn/sid/org", "value": "TRAIN-001"}]},
         "request": {"method": "POST", "url": "Organization",
                     "ifNoneExist": "identifier=https://fhir.huren.cn/sid/org|TRAIN-001"}},
        {"fullUrl": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000002",
         "resource": {"resourceType": "Patient",
                      "identifier": [{"system": "https://fhir.huren.cn/sid/cn-resident-id",
                                      "value": "11010519491231002X"}],
                      "name": [{"use": "official", "family": "王", "given": ["秀英"]}],
                      "gender": "female", "birthDate": "1949-12-31"},
         "request": {"method": "POST", "url": "Patient"}},
        {"fullUrl": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000003",
         "resource": {"resourceType": "Observation", "status": "final",
                      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                                "code": "laboratory"}]}],
                      "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3",
                                           "display": "Potassium [Moles/volume] in Serum or Plasma"}]},
                      "subject": {"reference": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000002"},
                      "effectiveDateTime": "2026-11-18T07:45:00+08:00",
                      "valueQuantity": {"value": 5.9, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                                        "code": "mmol/L"},
                      "interpretation": [{"coding": [{"code": "H"}]}],
                      "referenceRange": [{"low": {"value": 3.5}, "high": {"value": 5.3}}]},
         "request": {"method": "POST", "url": "Observation"}},
        {"fullUrl": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000004",
         "resource": {"resourceType": "DiagnosticReport", "status": "final",
                      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074",
                                                "code": "LAB"}]}],
                      "code": {"coding": [{"system": "http://loinc.org", "code": "24326-1",
                                           "display": "Electrolytes 1998 panel - Serum or Plasma"}]},
                      "subject": {"reference": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000002"},
                      "effectiveDateTime": "2026-11-18T07:45:00+08:00",
                      "performer": [{"reference": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000001"}],
                      "result": [{"reference": "urn:uuid:7d3f0c2e-0000-4000-8000-000000000003"}]},
         "request": {"method": "POST", "url": "DiagnosticReport"}},
    ],
}


def test_loaded_bundle_shows_in_the_window(qtbot, make_window, tmp_path):
    from app.sandbox.server import SandboxServer
    from tests.conftest import ANCHOR

    path = tmp_path / "training.json"
    path.write_text(json.dumps(BUNDLE, ensure_ascii=False), encoding="utf-8")
    with SandboxServer(tmp_path / "platform", demo=False, load=[path]) as server:
        config = SiteConfig(sources=(SourceConfig("training", server.fhir_base, label="培训平台"),), region="370102")
        window = make_window(config, now=ANCHOR)
        window.open_patient("11010519491231002X")
        qtbot.waitUntil(lambda: window.chart.reports.list_model.rowCount() == 1 and not window.runner.busy,
                        timeout=15_000)
        assert "王秀英" in window.chart.banner.headline.text()
        lm = window.chart.reports.list_model
        assert lm.index(0, lm.HOSPITAL).data() == "Training Hospital 培训医院"
        assert lm.index(0, lm.REPORT).data() == "Electrolytes 1998 panel - Serum or Plasma"
        rm = window.chart.reports.result_model
        assert rm.index(0, ResultTableModel.VALUE).data() == "5.9"
        assert rm.index(0, ResultTableModel.FLAG).data() == "↑"
        # On the list (LOINC 2823-3) and recent, but the training hospital holds no HR mark.
        assert rm.index(0, ResultTableModel.BADGE).data() == "Reference only"
        assert "no HR qualification" in rm.index(0, ResultTableModel.WHY).data()
        assert "Potassium" in rm.index(0, ResultTableModel.ITEM).data(Qt.ItemDataRole.ToolTipRole) or \
            "钾" in rm.index(0, ResultTableModel.ITEM).data(Qt.ItemDataRole.ToolTipRole)
