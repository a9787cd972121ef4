"""Every FHIR R4 resource type is stored, read and searched, over HTTP and from `--load`.

A US Core transaction carries Encounters, Claims and Provenance next to the labs; a
conformant server takes the whole of it, where the sandbox once refused the transaction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.sandbox.bundles import load_file
from app.sandbox.resource_types import R4_RESOURCE_TYPES, STORED_TYPES
from app.sandbox.search_params import PARAMETERS
from app.sandbox.server import SandboxServer
from app.sandbox.store import Store
from tests.sandbox.conftest import Client, assert_outcome
from tests.sandbox.fhir_fixtures import US_CORE_MRN, patient, post_entry, transaction, us_core_transaction

#: Where each type of the US Core record names its patient (the search parameter is `patient`).
LINKS = {"Encounter": "subject", "Condition": "subject", "Procedure": "subject", "Observation": "subject",
         "DiagnosticReport": "subject", "MedicationRequest": "subject", "Immunization": "patient",
         "AllergyIntolerance": "patient", "CarePlan": "subject", "Device": "patient",
         "DocumentReference": "subject", "Claim": "patient", "ExplanationOfBenefit": "patient",
         "Coverage": "beneficiary", "Provenance": "target"}


def _posted(result: dict[str, Any]) -> dict[str, str]:
    """Type -> id of each entry of a transaction-response (one resource per type here)."""
    return {loc.split("/")[0]: loc.split("/")[1] for loc in (e["response"]["location"] for e in result["entry"])}


def _assert_stored_whole(client: Client, ids: dict[str, str]) -> None:
    pid = ids["Patient"]
    assert set(ids) == {"Patient", *LINKS}
    for rtype, rid in ids.items():
        read = client.get(f"{rtype}/{rid}")
        assert read.status_code == 200, read.text
        resource = read.json()
        assert resource["resourceType"] == rtype and resource["meta"]["versionId"] == "1"
        assert "urn:uuid" not in read.text  # every reference resolved to Type/id
        assert client.ids(rtype, {"_id": rid}) == {rid}
        if rtype != "Patient":
            assert client.ids(rtype, {"patient": f"Patient/{pid}"}) == {rid}, rtype
            assert client.ids(rtype, {"patient": "Patient/someone-else"}) == set()
    encounter = client.get(f"Encounter/{ids['Encounter']}").json()
    assert encounter["subject"]["reference"] == f"Patient/{pid}"
    eob = client.get(f"ExplanationOfBenefit/{ids['ExplanationOfBenefit']}").json()
    assert eob["claim"]["reference"] == f"Claim/{ids['Claim']}"


def test_us_core_transaction_over_http_is_stored_whole(client: Client) -> None:
    response = client.post("", us_core_transaction())
    assert response.status_code == 200, response.text
    result = response.json()
    assert [e["response"]["status"] for e in result["entry"]] == ["201 Created"] * 16
    _assert_stored_whole(client, _posted(result))


@pytest.mark.parametrize("kind", ["transaction", "collection"])
def test_us_core_bundle_from_load_is_stored_whole(tmp_path: Path, kind: str) -> None:
    bundle = us_core_transaction()
    if kind == "collection":
        bundle = {"resourceType": "Bundle", "type": "collection",
                  "entry": [{"fullUrl": e["fullUrl"], "resource": e["resource"]} for e in bundle["entry"]]}
    path = tmp_path / "us-core.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    with SandboxServer(tmp_path / "data", demo=False, load=[path]) as server:
        client = Client(server.fhir_base)
        pid = client.ids("Patient", {"identifier": f"{US_CORE_MRN}|MRN-4711"}).pop()
        ids = {"Patient": pid}
        for rtype in LINKS:
            found = client.ids(rtype, {"patient": f"Patient/{pid}"})
            assert len(found) == 1, rtype
            ids[rtype] = found.pop()
        _assert_stored_whole(client, ids)


def test_load_file_reports_every_entry(tmp_path: Path) -> None:
    path = tmp_path / "us-core.json"
    path.write_text(json.dumps(us_core_transaction()), encoding="utf-8")
    store = Store(tmp_path / "data")
    summary = load_file(store, path)
    assert (summary.bundle_type, summary.entries, summary.failed) == ("transaction", 16, 0)
    assert store.count() == 16 and store.count("ExplanationOfBenefit") == 1
    store.close()


def test_generic_types_read_update_conditionally_and_chain(client: Client) -> None:
    pid = client.create(patient("张", "伟", "370102196803152718"))["id"]
    encounter = {"resourceType": "Encounter", "status": "planned", "class": {"code": "AMB"},
                 "identifier": [{"system": "https://his.example/enc", "value": "E-9"}],
                 "subject": {"reference": f"Patient/{pid}"}}
    condition = {"If-None-Exist": "identifier=https://his.example/enc|E-9"}
    first = client.post("Encounter", encounter, headers=condition)
    assert first.status_code == 201
    assert client.post("Encounter", encounter, headers=condition).json()["id"] == first.json()["id"]
    eid = first.json()["id"]
    updated = client.put(f"Encounter/{eid}", {**first.json(), "status": "finished"})
    assert updated.status_code == 200 and updated.json()["meta"]["versionId"] == "2"
    assert client.get(f"Encounter/{eid}/_history/1").json()["status"] == "planned"
    upserted = client.put("Encounter?identifier=https://his.example/enc|E-9", {**encounter, "status": "cancelled"})
    assert upserted.status_code == 200 and upserted.json()["id"] == eid
    assert client.put("Immunization/imm-1", {"resourceType": "Immunization", "id": "imm-1", "status": "completed",
                                             "patient": {"reference": f"Patient/{pid}"}}).status_code == 201
    assert client.ids("Encounter", {"identifier": "E-9"}) == {eid}
    assert client.ids("Encounter", {"subject": f"Patient/{pid}"}) == {eid}
    assert client.ids("Encounter", {"patient.identifier": "370102196803152718"}) == {eid}
    assert client.ids("Immunization", {"patient": pid}) == {"imm-1"}
    revincluded = client.search("Patient", [("_id", pid), ("_revinclude", "Encounter:patient")])
    assert [e["resource"]["resourceType"] for e in revincluded["entry"]] == ["Patient", "Encounter"]
    assert_outcome(client.get("Immunization", params={"subject": pid}), 400)  # Immunization has `patient`


def test_document_reference_parameters(client: Client) -> None:
    result = client.post("", us_core_transaction()).json()
    ids = _posted(result)
    doc = ids["DocumentReference"]
    pid = ids["Patient"]
    assert client.ids("DocumentReference", {"subject": f"Patient/{pid}"}) == {doc}
    assert client.ids("DocumentReference", {"type": "http://loinc.org|34117-2"}) == {doc}
    assert client.ids("DocumentReference", {"category": "clinical-note"}) == {doc}
    assert client.ids("DocumentReference", {"date": "2026-10-12"}) == {doc}
    assert client.ids("DocumentReference", {"date": "lt2026-10-01"}) == set()
    assert client.ids("DocumentReference", {"status": "current"}) == {doc}
    assert client.ids("DocumentReference", {"identifier": f"{US_CORE_MRN}|DOC-1"}) == {doc}


def test_types_that_are_not_r4_stay_refused(client: Client) -> None:
    for response in (client.get("Spaceship"), client.get("Spaceship/1"), client.get("patient"),
                     client.post("Spaceship", {"resourceType": "Spaceship"}),
                     client.put("Spaceship/1", {"resourceType": "Spaceship", "id": "1"})):
        body = assert_outcome(response, 404)
        assert "not a FHIR R4 resource type" in body["issue"][0]["diagnostics"]
    bundle = transaction(post_entry("urn:uuid:1", patient("张", "伟", "370102196803152718")),
                         post_entry("urn:uuid:2", {"resourceType": "Spaceship"}))
    assert_outcome(client.post("", bundle), 404)
    assert client.search("Patient", {"_summary": "count"})["total"] == 0  # the transaction rolled back
    binary = transaction({"resource": {"resourceType": "Binary", "contentType": "text/plain"},
                          "request": {"method": "POST", "url": "Binary"}})
    assert_outcome(client.post("", binary), 404)  # Binary serves the catalogue only, as before


def test_resource_type_table() -> None:
    assert len(R4_RESOURCE_TYPES) == 146 and len(set(R4_RESOURCE_TYPES)) == 146
    assert "Binary" in R4_RESOURCE_TYPES and "Binary" not in STORED_TYPES
    assert set(PARAMETERS) == set(STORED_TYPES)
    assert {"_id", "_lastUpdated", "identifier", "patient", "subject"} <= set(PARAMETERS["Condition"])
    assert set(PARAMETERS["Immunization"]) == {"_id", "_lastUpdated", "identifier", "patient"}
    assert set(PARAMETERS["ValueSet"]) == {"_id", "_lastUpdated", "identifier"}
    assert set(PARAMETERS["OperationOutcome"]) == {"_id", "_lastUpdated"}
    assert PARAMETERS["Coverage"]["patient"].targets == ("Patient",)

