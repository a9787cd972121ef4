"""Search over HTTP: every parameter type, the date prefixes, includes, sorting and paging."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sandbox.conftest import Client
from tests.sandbox.fhir_fixtures import (
    LOINC,
    ORG,
    RESIDENT,
    V2_0074,
    ZHANG_WEI_ID,
    observation,
    organization,
    patient,
    report,
)


@pytest.fixture
def world(client: Client) -> dict[str, Any]:
    """Three hospitals, five patients (two named 张伟), reports with items on several days."""
    ids: dict[str, Any] = {}
    ids["h1"] = client.create(organization("H001", "山东省立中心医院"))["id"]
    ids["h2"] = client.create(organization("H002", "青岛市立医院", city="青岛市"))["id"]
    ids["zw"] = client.create(patient("张", "伟", ZHANG_WEI_ID, telecom=[
        {"system": "phone", "value": "13800000001"}]))["id"]
    ids["zw2"] = client.create(patient("张", "伟", "110101199001011234", birth="1990-01-01"))["id"]
    ids["zs"] = client.create(patient("张", "三", "110101198512310011", birth="1985-12-31"))["id"]
    ids["ln"] = client.create(patient("李", "娜", "110101197002020022", birth="1970-02", gender="female"))["id"]
    ids["jose"] = client.create({"resourceType": "Patient", "name": [{"family": "García", "given": ["José"]}],
                                 "identifier": [{"value": "LOCAL-7"}], "birthDate": "1955"})["id"]
    zw = f"Patient/{ids['zw']}"
    days = {"d1": "2026-11-01T09:00:00+08:00", "d2": "2026-11-10T23:30:00+08:00",
            "d3": "2026-11-18T08:30:00+08:00"}
    for day, when in days.items():
        glu = client.create(observation(zw, "2345-7", {"d1": 5.5, "d2": 7.8, "d3": 11.0}[day],
                                        "mmol/L", when, f"Organization/{ids['h1']}"))["id"]
        hgb = client.create(observation(zw, "718-7", 135, "g/L", when, f"Organization/{ids['h1']}"))["id"]
        ids[f"glu-{day}"], ids[f"hgb-{day}"] = glu, hgb
        performer = ids["h1"] if day != "d3" else ids["h2"]
        ids[f"rep-{day}"] = client.create(report(zw, [f"Observation/{glu}", f"Observation/{hgb}"], when,
                                                 f"Organization/{performer}", number=f"R-{day}"))["id"]
    ids["rep-ln"] = client.create(report(f"Patient/{ids['ln']}", [], "2025-06-01", number="R-ln",
                                         category="biochemistry"))["id"]
    return ids


# --- tokens ---------------------------------------------------------------------------


def test_identifier_with_and_without_system(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("Patient", {"identifier": f"{RESIDENT}|{ZHANG_WEI_ID}"}) == {world["zw"]}
    assert client.ids("Patient", {"identifier": ZHANG_WEI_ID}) == {world["zw"]}
    assert client.ids("Patient", {"identifier": f"|{ZHANG_WEI_ID}"}) == set()  # it has a system
    assert client.ids("Patient", {"identifier": "|LOCAL-7"}) == {world["jose"]}
    assert client.ids("Patient", {"identifier": f"https://other.example|{ZHANG_WEI_ID}"}) == set()
    assert len(client.ids("Patient", {"identifier": f"{RESIDENT}|"})) == 4  # any value in the system


def test_token_code_category_status_gender(client: Client, world: dict[str, Any]) -> None:
    assert len(client.ids("Observation", {"code": f"{LOINC}|2345-7"})) == 3
    assert len(client.ids("Observation", {"code": "718-7"})) == 3
    assert len(client.ids("DiagnosticReport", {"category": "LAB"})) == 4
    assert len(client.ids("DiagnosticReport", {"category": f"{V2_0074}|LAB"})) == 4
    assert client.ids("DiagnosticReport", {"category": "biochemistry"}) == {world["rep-ln"]}
    assert len(client.ids("DiagnosticReport", {"status": "final"})) == 4
    assert client.ids("Patient", {"gender": "female"}) == {world["ln"]}
    assert client.ids("Patient", {"phone": "13800000001"}) == {world["zw"]}
    assert client.ids("Patient", {"telecom": "13800000001"}) == {world["zw"]}
    assert world["ln"] not in client.ids("Patient", {"gender:not": "female"})


def test_id_and_or_and_semantics(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("Patient", {"_id": f"{world['zw']},{world['ln']}"}) == {world["zw"], world["ln"]}
    # comma = OR
    assert len(client.ids("Observation", {"code": "2345-7,718-7"})) == 6
    # repeated parameter = AND
    both = client.ids("Patient", [("name", "张"), ("name", "伟")])
    assert both == {world["zw"], world["zw2"]}
    assert client.ids("Patient", [("gender", "male"), ("gender", "female")]) == set()


# --- strings --------------------------------------------------------------------------


def test_chinese_name_search(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("Patient", {"name": "张伟"}) == {world["zw"], world["zw2"]}
    assert client.ids("Patient", {"name": "张"}) == {world["zw"], world["zw2"], world["zs"]}
    assert client.ids("Patient", {"name": "伟"}) == {world["zw"], world["zw2"]}  # the given name
    assert client.ids("Patient", {"name": "张伟", "birthdate": "1968-03-15"}) == {world["zw"]}
    assert client.ids("Patient", {"family": "张"}) == {world["zw"], world["zw2"], world["zs"]}
    assert client.ids("Patient", {"given": "三"}) == {world["zs"]}
    assert client.ids("Patient", {"name:exact": "张伟"}) == {world["zw"], world["zw2"]}
    assert client.ids("Patient", {"name:exact": "张"}) == {world["zw"], world["zw2"], world["zs"]}  # family
    assert client.ids("Patient", {"name:exact": "张三丰"}) == set()
    assert client.ids("Patient", {"name:contains": "娜"}) == {world["ln"]}


def test_string_search_ignores_case_and_accents(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("Patient", {"name": "garc"}) == {world["jose"]}
    assert client.ids("Patient", {"name": "JOSE"}) == {world["jose"]}
    assert client.ids("Patient", {"name": "José García"}) == {world["jose"]}  # given family
    assert client.ids("Patient", {"name:exact": "jose"}) == set()
    assert client.ids("Patient", {"name:contains": "arc"}) == {world["jose"]}


def test_organization_name_and_city(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("Organization", {"address-city": "青岛"}) == {world["h2"]}
    assert client.ids("Organization", {"name": "山东"}) == {world["h1"]}
    assert client.ids("Organization", {"identifier": f"{ORG}|H002"}) == {world["h2"]}


# --- dates ----------------------------------------------------------------------------


def test_birthdate_partial_dates(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("Patient", {"birthdate": "1968"}) == {world["zw"]}
    assert client.ids("Patient", {"birthdate": "1968-03"}) == {world["zw"]}
    assert client.ids("Patient", {"birthdate": "1968-03-15"}) == {world["zw"]}
    assert client.ids("Patient", {"birthdate": "1968-03-16"}) == set()
    # a stored month (1970-02) is within 1970 but not within one of its days
    assert client.ids("Patient", {"birthdate": "1970"}) == {world["ln"]}
    assert client.ids("Patient", {"birthdate": "1970-02-02"}) == set()
    assert client.ids("Patient", {"birthdate": "1970-02"}) == {world["ln"]}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-10", {"d2"}),
        ("eq2026-11", {"d1", "d2", "d3"}),
        ("ne2026-11-10", {"d1", "d3"}),
        ("lt2026-11-10", {"d1"}),
        ("le2026-11-10", {"d1", "d2"}),
        ("gt2026-11-10", {"d3"}),
        ("ge2026-11-10", {"d2", "d3"}),
        ("sa2026-11-10", {"d3"}),
        ("eb2026-11-10", {"d1"}),
        ("2026-11-10T15:30:00Z", {"d2"}),  # the same instant written in UTC
        ("gt2026-11-10T15:30:00Z", {"d3"}),
        ("ge2026-11-10T23:30:00+08:00", {"d2", "d3"}),
        ("lt2026-11-01T09:00:01+08:00", {"d1"}),
        ("2026", {"d1", "d2", "d3"}),
        ("2025", set()),
    ],
)
def test_report_date_prefixes(client: Client, world: dict[str, Any], value: str, expected: set[str]) -> None:
    found = client.ids("DiagnosticReport", {"patient": world["zw"], "date": value})
    assert found == {world[f"rep-{d}"] for d in expected}


def test_date_range_with_two_bounds_and_period(client: Client, world: dict[str, Any]) -> None:
    between = client.ids("Observation", [("date", "ge2026-11-05"), ("date", "lt2026-11-15")])
    assert between == {world["glu-d2"], world["hgb-d2"]}
    period = {"resourceType": "Observation", "status": "final", "code": {"text": "24h urine"},
              "effectivePeriod": {"start": "2026-10-01T08:00:00+08:00", "end": "2026-10-02T08:00:00+08:00"}}
    pid = client.create(period)["id"]
    assert client.ids("Observation", {"date": "2026-10"}) == {pid}
    assert client.ids("Observation", {"date": "2026-10-01"}) == set()  # it spills into the 2nd
    assert pid in client.ids("Observation", {"date": "gt2026-10-01"})  # reaches past the 1st
    assert pid in client.ids("Observation", {"date": "lt2026-10-02"})
    assert pid in client.ids("Observation", {"date": "sa2026-09-30"})
    assert pid not in client.ids("Observation", {"date": "sa2026-10-01"})
    assert pid in client.ids("Observation", {"date": "eb2026-10-03"})
    assert client.ids("DiagnosticReport", {"issued": "2026-11-18"}) == {world["rep-d3"]}


def test_last_updated(client: Client, world: dict[str, Any]) -> None:
    assert len(client.ids("Patient", {"_lastUpdated": "gt2000-01-01"})) == 5
    assert client.ids("Patient", {"_lastUpdated": "lt2000-01-01"}) == set()


# --- references and quantities --------------------------------------------------------


def test_reference_forms(client: Client, world: dict[str, Any]) -> None:
    expected = {world[f"rep-{d}"] for d in ("d1", "d2", "d3")}
    assert client.ids("DiagnosticReport", {"patient": world["zw"]}) == expected
    assert client.ids("DiagnosticReport", {"patient": f"Patient/{world['zw']}"}) == expected
    assert client.ids("DiagnosticReport", {"subject": f"Patient/{world['zw']}"}) == expected
    assert client.ids("DiagnosticReport", {"subject:Patient": world["zw"]}) == expected
    assert client.ids("DiagnosticReport", {"patient": f"{client.base}/Patient/{world['zw']}"}) == expected
    assert client.ids("DiagnosticReport", {"performer": f"Organization/{world['h2']}"}) == {world["rep-d3"]}
    assert client.ids("DiagnosticReport", {"result": world["glu-d1"]}) == {world["rep-d1"]}
    assert len(client.ids("Observation", {"patient": world["zw"], "performer": world["h1"]})) == 6
    assert client.ids("DiagnosticReport", {"patient": "nobody"}) == set()


def test_chained_reference(client: Client, world: dict[str, Any]) -> None:
    found = client.ids("DiagnosticReport", {"patient.identifier": f"{RESIDENT}|{ZHANG_WEI_ID}"})
    assert found == {world[f"rep-{d}"] for d in ("d1", "d2", "d3")}
    assert client.ids("DiagnosticReport", {"performer:Organization.address-city": "青岛"}) == {world["rep-d3"]}


def test_missing_modifier(client: Client, world: dict[str, Any]) -> None:
    assert client.ids("DiagnosticReport", {"performer:missing": "true"}) == {world["rep-ln"]}
    assert len(client.ids("DiagnosticReport", {"performer:missing": "false"})) == 3


def test_value_quantity(client: Client, world: dict[str, Any]) -> None:
    hemoglobins = {world["hgb-d1"], world["hgb-d2"], world["hgb-d3"]}
    assert client.ids("Observation", {"value-quantity": "gt7"}) - hemoglobins == {world["glu-d2"], world["glu-d3"]}
    assert client.ids("Observation", {"value-quantity": "7.8"}) == {world["glu-d2"]}
    assert client.ids("Observation", {"value-quantity": "8"}) == {world["glu-d2"]}  # 8 means [7.5, 8.5)
    assert client.ids("Observation", {"value-quantity": "7.8|http://unitsofmeasure.org|mmol/L"}) == {world["glu-d2"]}
    assert client.ids("Observation", {"value-quantity": "7.8||g/L"}) == set()
    assert client.ids("Observation", {"value-quantity": "le5.5"}) == {world["glu-d1"]}


# --- includes, sorting, paging ----------------------------------------------------------


def test_chart_query_with_includes(client: Client, world: dict[str, Any]) -> None:
    bundle = client.search("DiagnosticReport", [
        ("patient", world["zw"]), ("category", "LAB"),
        ("_include", "DiagnosticReport:result"), ("_include", "DiagnosticReport:performer"),
        ("_include", "DiagnosticReport:subject"), ("_sort", "-date"), ("_count", "50")])
    assert bundle["type"] == "searchset" and bundle["total"] == 3
    matches = [e for e in bundle["entry"] if e["search"]["mode"] == "match"]
    included = [e for e in bundle["entry"] if e["search"]["mode"] == "include"]
    assert [e["resource"]["id"] for e in matches] == [world["rep-d3"], world["rep-d2"], world["rep-d1"]]
    keys = [(e["resource"]["resourceType"], e["resource"]["id"]) for e in included]
    assert len(keys) == len(set(keys))  # each included resource once per page
    assert sorted(t for t, _ in keys) == ["Observation"] * 6 + ["Organization"] * 2 + ["Patient"]
    for entry in bundle["entry"]:
        resource = entry["resource"]
        assert entry["fullUrl"] == f"{client.base}/{resource['resourceType']}/{resource['id']}"


def test_include_targets_and_revinclude(client: Client, world: dict[str, Any]) -> None:
    bundle = client.search("Observation", [("_id", world["glu-d1"]), ("_include", "Observation:performer"),
                                           ("_include", "Observation:subject:Patient")])
    assert {e["resource"]["resourceType"] for e in bundle["entry"]} == {"Observation", "Organization", "Patient"}
    rev = client.search("Patient", [("_id", world["zw"]), ("_revinclude", "DiagnosticReport:patient")])
    assert {e["resource"]["id"] for e in rev["entry"] if e["search"]["mode"] == "include"} == {
        world[f"rep-{d}"] for d in ("d1", "d2", "d3")}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("birthdate", ["jose", "zw", "ln", "zs", "zw2"]),
        ("-birthdate", ["zw2", "zs", "ln", "zw", "jose"]),
        ("name", ["jose", "zs", "zw", "zw2", "ln"]),  # by code point: garcia, 张三, 张伟 (twice), 李娜
        ("_lastUpdated", ["zw", "zw2", "zs", "ln", "jose"]),
        ("gender,-birthdate", ["ln", "zw2", "zs", "zw", "jose"]),  # jose has no gender: last
    ],
)
def test_sort(client: Client, world: dict[str, Any], sort: str, expected: list[str]) -> None:
    bundle = client.search("Patient", {"_sort": sort})
    assert [e["resource"]["id"] for e in bundle["entry"]] == [world[k] for k in expected]


def test_sort_reports_by_date(client: Client, world: dict[str, Any]) -> None:
    ascending = client.search("DiagnosticReport", {"_sort": "date"})
    assert [e["resource"]["id"] for e in ascending["entry"]] == [
        world["rep-ln"], world["rep-d1"], world["rep-d2"], world["rep-d3"]]


def test_paging_visits_every_resource_once(client: Client) -> None:
    created = {client.create(patient("王", f"{i}号", f"11010119900101{i:04d}"))["id"] for i in range(23)}
    seen: list[str] = []
    url: str | None = client.url("Patient?_count=5&_sort=name")
    pages = 0
    while url:
        bundle = client.search(url)
        assert bundle["total"] == 23
        assert len(bundle.get("entry", [])) <= 5
        seen += [e["resource"]["id"] for e in bundle.get("entry", [])]
        url = next((link["url"] for link in bundle["link"] if link["relation"] == "next"), None)
        assert not url or url.startswith(client.base)  # absolute, from the Host header
        pages += 1
    assert pages == 5
    assert len(seen) == len(set(seen)) == 23 and set(seen) == created


def test_count_limits(client: Client, world: dict[str, Any]) -> None:
    bundle = client.search("Observation", {"_count": "2"})
    assert bundle["total"] == 6 and len(bundle["entry"]) == 2
    assert any(link["relation"] == "next" for link in bundle["link"])
    huge = client.search("Observation", {"_count": "100000"})
    assert len(huge["entry"]) == 6 and "_count=500" in huge["link"][0]["url"]


def test_summary_count_and_total(client: Client, world: dict[str, Any]) -> None:
    counted = client.search("Observation", {"patient": world["zw"], "_summary": "count"})
    assert counted["total"] == 6 and "entry" not in counted
    assert client.search("Observation", {"_count": "0"})["total"] == 6
    assert client.search("Patient", {"name": "nobody"})["total"] == 0


def test_elements(client: Client, world: dict[str, Any]) -> None:
    bundle = client.search("Patient", {"_id": world["zw"], "_elements": "name"})
    resource = bundle["entry"][0]["resource"]
    assert set(resource) == {"resourceType", "id", "meta", "name"}
    assert resource["meta"]["tag"][0]["code"] == "SUBSETTED"


def test_post_search_with_form_body(client: Client, world: dict[str, Any]) -> None:
    response = client.post("Patient/_search", data={"name": "张伟", "birthdate": "1968-03-15"})
    assert response.status_code == 200
    assert [e["resource"]["id"] for e in response.json()["entry"]] == [world["zw"]]


# --- the other resource types -----------------------------------------------------------


def test_imaging_study_and_endpoint(client: Client, world: dict[str, Any]) -> None:
    endpoint = client.create({"resourceType": "Endpoint", "status": "active", "name": "PACS 一院",
                              "connectionType": {"system": "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                                                 "code": "dicom-wado-rs"},
                              "payloadType": [{"text": "DICOM"}], "address": "http://pacs.example/wado"})
    study = client.create({
        "resourceType": "ImagingStudy", "status": "available",
        "identifier": [{"system": "urn:dicom:uid", "value": "urn:oid:1.2.3"}],
        "subject": {"reference": f"Patient/{world['zw']}"}, "started": "2026-11-02T10:00:00+08:00",
        "endpoint": [{"reference": f"Endpoint/{endpoint['id']}"}],
        "series": [{"uid": "1.2.3.4", "modality": {"system": "http://dicom.nema.org/resources/ontology/DCM",
                                                   "code": "CT"}}]})
    assert client.ids("ImagingStudy", {"patient": world["zw"], "modality": "CT"}) == {study["id"]}
    assert client.ids("ImagingStudy", {"started": "ge2026-11-01"}) == {study["id"]}
    assert client.ids("ImagingStudy", {"identifier": "urn:oid:1.2.3"}) == {study["id"]}
    assert client.ids("ImagingStudy", {"endpoint": endpoint["id"]}) == {study["id"]}
    bundle = client.search("ImagingStudy", {"_include": "ImagingStudy:endpoint"})
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["ImagingStudy", "Endpoint"]
    assert client.ids("Endpoint", {"connection-type": "dicom-wado-rs"}) == {endpoint["id"]}


@pytest.mark.parametrize(
    ("rtype", "link"),
    [("ServiceRequest", "subject"), ("Consent", "patient"), ("Basic", "subject")],
)
def test_workflow_types_by_patient_and_identifier(client: Client, world: dict[str, Any],
                                                  rtype: str, link: str) -> None:
    resource = {"resourceType": rtype, link: {"reference": f"Patient/{world['zw']}"},
                "identifier": [{"system": "https://fhir.huren.cn/sid/x", "value": f"{rtype}-1"}]}
    if rtype != "Basic":
        resource["status"] = "active"
    if rtype == "ServiceRequest":
        resource["intent"] = "order"
    created = client.create(resource)
    assert client.ids(rtype, {"patient": world["zw"]}) == {created["id"]}
    assert client.ids(rtype, {"identifier": f"{rtype}-1"}) == {created["id"]}
    assert client.ids(rtype, {"_id": created["id"]}) == {created["id"]}


def test_provenance_and_audit_event_by_patient(client: Client, world: dict[str, Any]) -> None:
    zw = {"reference": f"Patient/{world['zw']}"}
    provenance = client.create({"resourceType": "Provenance", "target": [zw, {"reference": "Observation/x"}],
                                "recorded": "2026-11-20T10:00:00+08:00",
                                "agent": [{"who": {"reference": f"Organization/{world['h1']}"}}]})
    audit = client.create({"resourceType": "AuditEvent", "recorded": "2026-11-20T10:00:00+08:00",
                           "type": {"code": "rest"}, "agent": [{"requestor": True}],
                           "source": {"observer": {"display": "huren"}}, "entity": [{"what": zw}]})
    assert client.ids("Provenance", {"patient": world["zw"]}) == {provenance["id"]}
    assert client.ids("AuditEvent", {"patient": world["zw"]}) == {audit["id"]}
    assert client.ids("AuditEvent", {"date": "2026-11-20"}) == {audit["id"]}
