"""A US Core transaction from an independent generator loads whole into the sandbox, and shows in the chart.

The bundle comes from `carebundle` (PyPI; US Core 6.1.0, validated by its authors with the
HL7 validator), not from our own fixtures: a transaction of Patient, Practitioner, Encounter,
Conditions, lab and vital-sign Observations, lab DiagnosticReports (category v2-0074|LAB,
one per panel) and MedicationRequests, all POSTed with `urn:uuid:` references. It goes to the
sandbox over HTTP as any client would send it; then the workstation's own services find
the patient, load her chart and plot her results, where US units (glucose in mg/dL,
creatinine in mg/dL, counts in 10*3/uL) become the catalogue's (mmol/L, µmol/L, 10^9/L)
with what the laboratory wrote kept beside them.

A second patient's bundle is loaded too, so finding and charting have to tell them apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import requests
from carebundle import generate_bundle, to_json

from app.config import SiteConfig, SourceConfig
from app.domain.models import LOINC_SYSTEM
from app.domain.recognition import Reason
from app.sandbox.server import SandboxServer
from app.services.chart import Chart, load_chart
from app.services.lookup import PatientQuery, QueryKind, lookup_all
from app.services.trends import build_trend, trend_items
from app.services.workspace import Workspace

FHIR_JSON = "application/fhir+json"
LAB_SECTION = ("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB")
LAB_CATEGORY = ("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")

#: The patient under test, and another one in the same sandbox. carebundle's output is
#: byte-identical for a seed within a major version, but nothing below depends on the values.
PATIENT = {"profile": "type2_diabetes", "seed": 42, "sex": "F"}
OTHER = {"profile": "ckd_stage3", "seed": 43, "sex": "M"}

#: LOINC -> (catalogue item, unit it is charted in, textbook factor from the generated unit, or
#: None when the generated unit is the chart's own). The factors are the ones printed in
#: conversion tables (e.g. glucose mg/dL ÷ 18.0), not the program's constants.
EXPECTED_ITEMS: dict[str, tuple[str, str, float | None]] = {
    "2345-7": ("LAB-GLU", "mmol/L", 1 / 18.016),     # Glucose [Mass/volume] in Serum or Plasma
    "2160-0": ("LAB-CREA", "µmol/L", 88.40),         # Creatinine, mg/dL
    "2093-3": ("LAB-TC", "mmol/L", 1 / 38.67),       # Cholesterol, mg/dL
    "2085-9": ("LAB-HDLC", "mmol/L", 1 / 38.67),
    "13457-7": ("LAB-LDLC", "mmol/L", 1 / 38.67),
    "2571-8": ("LAB-TG", "mmol/L", 1 / 88.57),       # Triglyceride, mg/dL
    "1975-2": ("LAB-TBIL", "µmol/L", 17.10),         # Bilirubin, mg/dL
    "17861-6": ("LAB-CA", "mmol/L", 0.2495),         # Calcium, mg/dL
    "1751-7": ("LAB-ALB", "g/L", 10.0),              # Albumin, g/dL
    "718-7": ("LAB-HGB", "g/L", 10.0),               # Hemoglobin, g/dL
    "6690-2": ("LAB-WBC", "10^9/L", 1.0),            # 10*3/uL is 10^9/L: same number, other unit
    "777-3": ("LAB-PLT", "10^9/L", 1.0),
    "789-8": ("LAB-RBC", "10^12/L", 1.0),            # 10*6/uL
    "2951-2": ("LAB-NA", "mmol/L", None),
    "2823-3": ("LAB-K", "mmol/L", None),
    "2075-0": ("LAB-CL", "mmol/L", None),
    "2028-9": ("LAB-CO2", "mmol/L", None),
    "1742-6": ("LAB-ALT", "U/L", None),
    "1920-8": ("LAB-AST", "U/L", None),
    "6768-6": ("LAB-ALP", "U/L", None),
    "4544-3": ("LAB-HCT", "%", None),
    "4548-4": ("LAB-HBA1C", "%", None),              # NGSP %, the catalogue's unit
}


# --- the generated bundle, read as FHIR JSON ----------------------------------------------------

def _bundle(spec: dict[str, Any]) -> str:
    return to_json(generate_bundle(**spec))


def _codes(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c.get("system", ""), c["code"]) for c in concept.get("coding", [])}


def _loinc(resource: dict[str, Any]) -> str:
    return next(code for system, code in _codes(resource["code"]) if system == LOINC_SYSTEM)


def _categories(resource: dict[str, Any]) -> set[tuple[str, str]]:
    return set().union(*(_codes(c) for c in resource.get("category", [])))


def _of_type(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def _lab_reports(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """Each lab DiagnosticReport entry with its result Observations, in the report's order."""
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    return [{"entry": e, "results": [by_url[r["reference"]] for r in e["resource"]["result"]]}
            for e in _of_type(bundle, "DiagnosticReport") if LAB_SECTION in _categories(e["resource"])]


def _rewritten(node: Any, ids: dict[str, str]) -> Any:
    """`node` with every `urn:uuid:` reference replaced by the Type/id the server gave."""
    if isinstance(node, dict):
        return {k: ids.get(v, v) if k == "reference" and isinstance(v, str) else _rewritten(v, ids)
                for k, v in node.items()}
    if isinstance(node, list):
        return [_rewritten(v, ids) for v in node]
    return node


def _references(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reference" and isinstance(v, str):
                yield v
            else:
                yield from _references(v)
    elif isinstance(node, list):
        for v in node:
            yield from _references(v)


# --- the sandbox with both bundles loaded over HTTP ---------------------------------------------

class Loaded:
    def __init__(self, server: SandboxServer, text: str, response: requests.Response) -> None:
        self.server = server
        self.bundle = json.loads(text)
        self.response = response
        result = response.json()
        self.result = result
        #: fullUrl -> "Type/id" as the server stored it (response entries follow request order)
        self.ids = {e["fullUrl"]: r["response"]["location"].split("/_history")[0]
                    for e, r in zip(self.bundle["entry"], result.get("entry", []), strict=False)}

    def id_of(self, entry: dict[str, Any]) -> str:
        return self.ids[entry["fullUrl"]].split("/", 1)[1]


def _post(server: SandboxServer, text: str) -> requests.Response:
    return requests.post(server.fhir_base, data=text.encode("utf-8"),
                         headers={"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}, timeout=30)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Iterator[Loaded]:
    server = SandboxServer(tmp_path_factory.mktemp("us-core") / "data", demo=False, images=False).start()
    try:
        other = _post(server, _bundle(OTHER))
        assert other.status_code == 200, other.text
        text = _bundle(PATIENT)
        yield Loaded(server, text, _post(server, text))
    finally:
        server.stop()


@pytest.fixture(scope="module")
def workspace(loaded: Loaded) -> Iterator[Workspace]:
    ws = Workspace.from_config(SiteConfig((SourceConfig("us", loaded.server.fhir_base),)))
    # "Now" is the day after the visit, so the verdicts do not change with the calendar.
    ws.now = lambda: _visit(loaded) + timedelta(days=1)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def chart(loaded: Loaded, workspace: Workspace) -> Chart:
    patient = _of_type(loaded.bundle, "Patient")[0]["resource"]
    mrn = patient["identifier"][0]
    found = lookup_all(workspace, PatientQuery(QueryKind.ANY_IDENTIFIER, f"{mrn['system']}|{mrn['value']}"))
    assert len(found.matches) == 1, found
    return load_chart(workspace, found.matches[0])


def _visit(loaded: Loaded) -> datetime:
    report = _lab_reports(loaded.bundle)[0]["entry"]["resource"]
    return datetime.fromisoformat(report["effectiveDateTime"].replace("Z", "+00:00"))


# --- the bundle itself ----------------------------------------------------------------------------

def test_the_generator_makes_a_transaction_with_labs_grouped_in_lab_reports(loaded: Loaded) -> None:
    bundle = loaded.bundle
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "transaction"
    assert all(e["request"] == {"method": "POST", "url": e["resource"]["resourceType"]} for e in bundle["entry"])
    assert all(e["fullUrl"].startswith("urn:uuid:") and "id" not in e["resource"] for e in bundle["entry"])
    assert len(_of_type(bundle, "Patient")) == 1
    reports = _lab_reports(bundle)
    assert len(reports) >= 1 and all(r["results"] for r in reports)
    # Every laboratory Observation is a result of a lab report, so the chart can reach all of them.
    labs = [e["resource"] for e in _of_type(bundle, "Observation") if LAB_CATEGORY in _categories(e["resource"])]
    grouped = [obs for r in reports for obs in r["results"]]
    assert len(grouped) == len(labs) and all(any(obs is lab for obs in grouped) for lab in labs)
    # The conversions this test is about are really in the data: glucose and creatinine in mg/dL.
    units = {_loinc(obs): obs["valueQuantity"]["unit"] for obs in grouped}
    assert units["2345-7"] == "mg/dL" and units["2160-0"] == "mg/dL"


# --- loading over HTTP -------------------------------------------------------------------------

def test_the_transaction_loads_whole_over_http(loaded: Loaded) -> None:
    assert loaded.response.status_code == 200, loaded.response.text
    assert loaded.response.headers["Content-Type"].startswith(FHIR_JSON)
    result = loaded.result
    assert result["resourceType"] == "Bundle" and result["type"] == "transaction-response"
    assert len(result["entry"]) == len(loaded.bundle["entry"])
    for sent, answer in zip(loaded.bundle["entry"], result["entry"], strict=True):
        assert answer["response"]["status"].startswith("201"), answer
        assert loaded.ids[sent["fullUrl"]].split("/")[0] == sent["request"]["url"]


def test_every_resource_reads_back_as_generated_with_its_references_resolved(loaded: Loaded) -> None:
    http = requests.Session()
    for entry in loaded.bundle["entry"]:
        location = loaded.ids[entry["fullUrl"]]
        read = http.get(f"{loaded.server.fhir_base}/{location}", headers={"Accept": FHIR_JSON}, timeout=10)
        assert read.status_code == 200, (location, read.text)
        stored = read.json()
        assert f"{stored['resourceType']}/{stored['id']}" == location
        assert all(not ref.startswith("urn:uuid:") for ref in _references(stored)), location
        meta = dict(stored.pop("meta"))
        assert meta.pop("versionId") == "1" and meta.pop("lastUpdated")
        del stored["id"]
        assert {**stored, "meta": meta} == _rewritten(entry["resource"], loaded.ids), location


# --- the workstation: find, chart, trend ----------------------------------------------------------

def test_the_patient_is_found_by_her_identifier_and_by_name_and_birth_date(loaded: Loaded,
                                                                           workspace: Workspace) -> None:
    entry = _of_type(loaded.bundle, "Patient")[0]
    patient = entry["resource"]
    name = patient["name"][0]
    mrn = patient["identifier"][0]
    by_id = lookup_all(workspace, PatientQuery(QueryKind.ANY_IDENTIFIER, f"{mrn['system']}|{mrn['value']}"))
    by_name = lookup_all(workspace, PatientQuery(QueryKind.NAME_BIRTHDATE, name=f"{name['given'][0]} {name['family']}",
                                                 birth_date=date.fromisoformat(patient["birthDate"])))
    for found in (by_id, by_name):
        assert [o.state.value for o in found.outcomes] == ["ok"]
        assert len(found.matches) == 1
        record = found.matches[0].primary
        assert record.key.id == loaded.id_of(entry)
        assert record.name == f"{name['given'][0]} {name['family']}" and record.gender == patient["gender"]
        assert record.birth_date == date.fromisoformat(patient["birthDate"])


def test_her_lab_reports_are_in_the_chart_with_values_and_units_as_generated(loaded: Loaded, chart: Chart) -> None:
    [outcome] = chart.outcomes
    assert outcome.state.value == "ok" and outcome.skipped == 0 and chart.problems == []
    expected = {loaded.id_of(r["entry"]): r for r in _lab_reports(loaded.bundle)}
    assert {a.report.key.id for a in chart.reports} == set(expected)    # hers, and only hers
    for assessed in chart.reports:
        report, generated = assessed.report, expected[assessed.report.key.id]
        source = generated["entry"]["resource"]
        assert report.name == source["code"]["text"] and report.status == source["status"]
        assert report.effective == datetime.fromisoformat(source["effectiveDateTime"].replace("Z", "+00:00"))
        assert LAB_SECTION in {(c.system, c.code) for c in report.categories}
        assert [(r.loinc, r.value, r.unit) for r in report.results] == [
            (_loinc(obs), obs["valueQuantity"]["value"], obs["valueQuantity"]["unit"]) for obs in generated["results"]]
        assert [r.key.id for r in report.results] == [loaded.ids[ref["reference"]].split("/")[1]
                                                      for ref in source["result"]]


def test_results_match_catalogue_items_and_none_is_recognized_without_a_qualified_issuer(chart: Chart) -> None:
    verdicts = {r.loinc: v for a in chart.reports for r, v in zip(a.report.results, a.verdicts, strict=True)}
    for loinc, (item, _unit, _factor) in EXPECTED_ITEMS.items():
        verdict = verdicts[loinc]
        assert verdict.item is not None and verdict.item.code == item, loinc
        # Dated, final and inside the item's window: only a qualified issuing hospital is lacking.
        assert not verdict.recognized
        assert {f.reason for f in verdict.findings} <= {Reason.ISSUER_UNKNOWN, Reason.ISSUER_NOT_QUALIFIED}, loinc


def test_trends_show_us_units_converted_to_the_catalogue_units_with_the_value_as_written(
        loaded: Loaded, workspace: Workspace, chart: Chart) -> None:
    generated = {_loinc(obs): obs for r in _lab_reports(loaded.bundle) for obs in r["results"]}
    stored_id = {_loinc(e["resource"]): loaded.id_of(e) for e in _of_type(loaded.bundle, "Observation")}
    offered = {t.item.code for t in trend_items(chart.reports)}
    assert offered >= {item for item, _unit, _factor in EXPECTED_ITEMS.values()}
    today = workspace.now().date()
    for loinc, (code, unit, factor) in EXPECTED_ITEMS.items():
        series = build_trend(chart.reports, workspace.catalogue.items[code], today)
        assert series.apart == () and series.unit == unit, code
        [point] = series.points
        obs = generated[loinc]
        written, written_unit = obs["valueQuantity"]["value"], obs["valueQuantity"]["unit"]
        assert point.original_value == written and point.original_unit == written_unit, code
        assert point.when == datetime.fromisoformat(obs["effectiveDateTime"].replace("Z", "+00:00"))
        assert point.unit == unit and point.key.id == stored_id[loinc], code
        if factor is None:
            assert not point.converted and point.value == written and point.note == "", code
        else:
            assert point.converted and point.value == pytest.approx(written * factor, rel=2e-3), code
            assert point.note.startswith(f"converted from {written:g} "), code


def test_glucose_in_mg_dl_is_charted_in_mmol_l_and_says_what_the_laboratory_wrote(
        loaded: Loaded, workspace: Workspace, chart: Chart) -> None:
    glucose = next(obs for r in _lab_reports(loaded.bundle) for obs in r["results"] if _loinc(obs) == "2345-7")
    mg_dl = glucose["valueQuantity"]["value"]
    [point] = build_trend(chart.reports, workspace.catalogue.items["LAB-GLU"], workspace.now().date()).points
    assert (point.unit, point.original_unit) == ("mmol/L", "mg/dL")
    assert point.value == pytest.approx(mg_dl / 18.016, rel=1e-3)
    assert point.note == f"converted from {mg_dl:g} mg/dL"

