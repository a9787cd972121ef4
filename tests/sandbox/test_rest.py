"""Metadata, health, CRUD and every error status, over real HTTP."""

from __future__ import annotations

import json
import socket

import requests

from app.sandbox.server import SandboxServer
from tests.sandbox.conftest import FHIR_JSON, Client, assert_outcome
from tests.sandbox.fhir_fixtures import ZHANG_WEI_ID, patient


def test_metadata_is_a_capability_statement(client: Client) -> None:
    response = client.get("metadata")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/fhir+json; charset=utf-8"
    cs = response.json()
    assert cs["resourceType"] == "CapabilityStatement"
    assert cs["fhirVersion"] == "4.0.1" and "json" in cs["format"]
    rest = cs["rest"][0]
    assert {i["code"] for i in rest["interaction"]} == {"transaction", "batch"}
    by_type = {r["type"]: r for r in rest["resource"]}
    for rtype in ("Patient", "Organization", "Practitioner", "DiagnosticReport", "Observation",
                  "ImagingStudy", "Endpoint", "ServiceRequest", "Consent", "Provenance",
                  "AuditEvent", "Basic", "Binary"):
        assert rtype in by_type
    report = by_type["DiagnosticReport"]
    assert {"read", "create", "update", "search-type"} <= {i["code"] for i in report["interaction"]}
    assert {"patient", "category", "date", "code"} <= {p["name"] for p in report["searchParam"]}
    assert {"DiagnosticReport:result", "DiagnosticReport:performer"} <= set(report["searchInclude"])
    assert "ImagingStudy:endpoint" in by_type["ImagingStudy"]["searchInclude"]


def test_health_is_plain_json(sandbox: SandboxServer) -> None:
    response = requests.get(f"{sandbox.url}/health")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json() == {"status": "ok"}


def test_create_read_update_vread_with_chinese_text(client: Client) -> None:
    created = client.post("Patient", patient("张", "伟", ZHANG_WEI_ID, id="ignored"))
    assert created.status_code == 201
    body = created.json()
    pid = body["id"]
    assert pid != "ignored"  # the server assigns ids on create
    assert created.headers["Location"] == f"{client.base}/Patient/{pid}/_history/1"
    assert created.headers["ETag"] == 'W/"1"'
    assert body["meta"]["versionId"] == "1" and body["meta"]["lastUpdated"].endswith("Z")

    read = client.get(f"Patient/{pid}")
    assert read.status_code == 200 and read.headers["ETag"] == 'W/"1"'
    assert "Last-Modified" in read.headers
    assert read.json()["name"][0]["text"] == "张伟"
    assert "张伟".encode() in read.content  # UTF-8 on the wire, not \\u escapes

    changed = {**read.json(), "telecom": [{"system": "phone", "value": "13800000000"}]}
    updated = client.put(f"Patient/{pid}", changed)
    assert updated.status_code == 200
    assert updated.json()["meta"]["versionId"] == "2"
    assert updated.headers["ETag"] == 'W/"2"'

    first = client.get(f"Patient/{pid}/_history/1")
    assert first.status_code == 200 and "telecom" not in first.json()
    assert client.get(f"Patient/{pid}/_history/2").json()["telecom"][0]["value"] == "13800000000"
    assert_outcome(client.get(f"Patient/{pid}/_history/3"), 404)


def test_put_creates_with_the_client_id(client: Client) -> None:
    response = client.put("Organization/h-1", {"resourceType": "Organization", "id": "h-1", "name": "一院"})
    assert response.status_code == 201
    assert client.get("Organization/h-1").json()["name"] == "一院"


def test_if_match_guards_updates(client: Client) -> None:
    client.put("Organization/h-1", {"resourceType": "Organization", "id": "h-1", "name": "一院"})
    stale = client.put("Organization/h-1", {"resourceType": "Organization", "id": "h-1", "name": "x"},
                       headers={"If-Match": 'W/"7"'})
    assert_outcome(stale, 412)
    fresh = client.put("Organization/h-1", {"resourceType": "Organization", "id": "h-1", "name": "二院"},
                       headers={"If-Match": 'W/"1"'})
    assert fresh.status_code == 200


def test_prefer_return_minimal_and_operation_outcome(client: Client) -> None:
    minimal = client.post("Patient", patient("李", "娜", "110101199001011234"),
                          headers={"Prefer": "return=minimal"})
    assert minimal.status_code == 201 and minimal.content == b"" and minimal.headers["Location"]
    outcome = client.post("Patient", patient("李", "娜", "110101199001011234"),
                          headers={"Prefer": "return=OperationOutcome"})
    assert outcome.json()["resourceType"] == "OperationOutcome"


def test_conditional_create_zero_one_many(client: Client) -> None:
    condition = {"If-None-Exist": f"identifier=https://fhir.huren.cn/sid/cn-resident-id|{ZHANG_WEI_ID}"}
    first = client.post("Patient", patient("张", "伟", ZHANG_WEI_ID), headers=condition)
    assert first.status_code == 201
    again = client.post("Patient", patient("张", "伟", ZHANG_WEI_ID), headers=condition)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    client.create(patient("张", "伟", ZHANG_WEI_ID))  # now two patients carry the ID
    assert_outcome(client.post("Patient", patient("张", "伟", ZHANG_WEI_ID), headers=condition), 412)
    assert client.search("Patient", {"_summary": "count"})["total"] == 2


def test_conditional_update(client: Client) -> None:
    url = "Organization?identifier=https://fhir.huren.cn/sid/org|H9"
    body = {"resourceType": "Organization", "identifier": [{"system": "https://fhir.huren.cn/sid/org",
                                                          "value": "H9"}], "name": "九院"}
    created = client.put(url, body)
    assert created.status_code == 201
    updated = client.put(url, {**body, "name": "第九医院"})
    assert updated.status_code == 200 and updated.json()["id"] == created.json()["id"]


def test_format_json_accepted_and_xml_refused(client: Client) -> None:
    assert client.get("metadata", params={"_format": "json"}).status_code == 200
    assert client.get("metadata", params={"_format": "application/fhir+json"}).status_code == 200
    assert_outcome(client.get("metadata", params={"_format": "xml"}), 406)


# --- errors ---------------------------------------------------------------------------


def test_404_unknown_type_id_and_path(client: Client, sandbox: SandboxServer) -> None:
    assert_outcome(client.get("Spaceship"), 404)
    assert_outcome(client.get("Spaceship/1"), 404)
    assert_outcome(client.get("Patient/does-not-exist"), 404)
    assert_outcome(client.get("Patient/1/whatever"), 404)
    assert_outcome(requests.get(f"{sandbox.url}/elsewhere"), 404)


def test_400_unknown_parameter_and_bad_values(client: Client) -> None:
    body = assert_outcome(client.get("Patient", params={"shoe-size": "42"}), 400)
    assert "shoe-size" in body["issue"][0]["diagnostics"]
    assert_outcome(client.get("Patient", params={"birthdate": "foo"}), 400)
    assert_outcome(client.get("Patient", params={"birthdate": "2026-13-01"}), 400)
    assert_outcome(client.get("Patient", params={"_count": "many"}), 400)
    assert_outcome(client.get("Patient", params={"_sort": "shoe-size"}), 400)
    assert_outcome(client.get("Patient", params={"name:sounds-like": "x"}), 400)
    assert_outcome(client.get("DiagnosticReport", params={"_include": "DiagnosticReport:status"}), 400)
    assert_outcome(client.get("Observation", params={"value-quantity": "abc"}), 400)
    for not_finite in ("NaN", "Infinity", "gt-inf"):  # Decimal() takes them; a quantity is finite
        assert_outcome(client.get("Observation", params={"value-quantity": not_finite}), 400)
    assert_outcome(client.get("Patient", params={"_summary": "text"}), 400)


def test_lenient_handling_ignores_unknown_parameters(client: Client) -> None:
    client.create(patient("张", "伟", ZHANG_WEI_ID))
    bundle = client.search("Patient", {"shoe-size": "42", "name": "张"},
                           headers={"Prefer": "handling=lenient"})
    assert bundle["total"] == 1
    outcomes = [e for e in bundle["entry"] if e["search"]["mode"] == "outcome"]
    assert len(outcomes) == 1
    assert outcomes[0]["resource"]["resourceType"] == "OperationOutcome"
    assert "shoe-size" in outcomes[0]["resource"]["issue"][0]["diagnostics"]


def test_400_malformed_json_and_wrong_resource_type(client: Client) -> None:
    bad = client.post("Patient", data=b'{"resourceType": "Patient",', headers={"Content-Type": FHIR_JSON})
    assert_outcome(bad, 400)
    assert_outcome(client.post("Patient", {"resourceType": "Observation", "status": "final"}), 400)
    assert_outcome(client.post("Patient", ["not", "an", "object"]), 400)
    assert_outcome(client.post("Patient", data=b"", headers={"Content-Type": FHIR_JSON}), 400)


def test_405_method_not_allowed(client: Client, sandbox: SandboxServer) -> None:
    client.put("Organization/h-1", {"resourceType": "Organization", "id": "h-1"})
    assert_outcome(client.http.delete(client.url("Organization/h-1")), 405)
    assert_outcome(client.http.patch(client.url("Organization/h-1"), json={}), 405)
    assert_outcome(client.post("metadata", {}), 405)
    assert_outcome(client.get(""), 405)
    assert_outcome(client.put("Patient", {"resourceType": "Patient"}), 405)
    assert_outcome(client.post("Organization/h-1", {"resourceType": "Organization"}), 405)
    assert_outcome(requests.post(f"{sandbox.url}/health"), 405)


def test_422_failing_basic_validation(client: Client) -> None:
    assert_outcome(client.post("Patient", {"name": [{"text": "无类型"}]}), 422)
    mismatch = client.put("Patient/p1", {"resourceType": "Patient", "id": "p2"})
    assert_outcome(mismatch, 422)
    bad_date = client.post("Observation", {"resourceType": "Observation", "status": "final",
                                           "effectiveDateTime": "yesterday"})
    body = assert_outcome(bad_date, 422)
    assert "date" in body["issue"][0]["diagnostics"]


def test_500_hides_the_trace_and_logs_it(client: Client, sandbox: SandboxServer,
                                         monkeypatch, caplog) -> None:  # noqa: ANN001
    def explode(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("secret internals 110101199001011234")

    monkeypatch.setattr(type(sandbox.store), "search", explode)
    monkeypatch.setattr("app.sandbox.store.Session.search", explode)
    with caplog.at_level("ERROR", logger="huren.sandbox"):
        response = client.get("Patient", params={"name": "张"})
    body = assert_outcome(response, 500)
    assert "secret" not in response.text and "Traceback" not in response.text
    assert body["issue"][0]["code"] == "exception"
    assert any(r.exc_info for r in caplog.records)


def test_protocol_errors_are_operation_outcomes(sandbox: SandboxServer) -> None:
    host, port = sandbox.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"NONSENSE\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):  # the server closes after a protocol error
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.") and b" 400 " in head.split(b"\r\n")[0]
    assert json.loads(body)["resourceType"] == "OperationOutcome"
