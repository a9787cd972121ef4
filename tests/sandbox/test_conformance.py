"""The minimal conformance mode: a server doing only what FHIR R4 promises, and FULL not.

Each behaviour is checked in both modes over HTTP, so that a test of the client against
`--conformance minimal` really meets a server unlike ours, and the full sandbox stays as
it was.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.sandbox import cli
from app.sandbox.conformance import FULL, MINIMAL, MODES
from app.sandbox.extractors import human_names, name_parts, name_texts
from app.sandbox.index_rows import normalize
from app.sandbox.search import parse_search
from app.sandbox.server import SandboxServer
from app.sandbox.store import Store
from tests.sandbox.conftest import Client, assert_outcome
from tests.sandbox.fhir_fixtures import (
    ZHANG_WEI_ID,
    observation,
    organization,
    patient,
    post_entry,
    report,
    transaction,
)


@pytest.fixture
def minimal(tmp_path: Path) -> Iterator[Client]:
    with SandboxServer(tmp_path / "minimal", demo=False, conformance=MINIMAL) as server:
        yield Client(server.fhir_base)


def _world(client: Client) -> dict[str, str]:
    """Two practitioners, a hospital, 张伟 (text 张伟 = family 张 + given 伟), García, a
    text-only name, and a report by each practitioner with its Observation."""
    ids: dict[str, str] = {}
    ids["org"] = client.create(organization("H001", "山东省立中心医院"))["id"]
    for key in ("dr1", "dr2"):
        ids[key] = client.create({"resourceType": "Practitioner",
                                  "name": [{"text": "李娜", "family": "李", "given": ["娜"]}]})["id"]
    ids["zw"] = client.create(patient("张", "伟", ZHANG_WEI_ID))["id"]
    ids["jose"] = client.create({"resourceType": "Patient",
                                 "name": [{"family": "García", "given": ["José"]}]})["id"]
    ids["text"] = client.create({"resourceType": "Patient", "name": [{"text": "王五"}]})["id"]
    zw = f"Patient/{ids['zw']}"
    for n, key in enumerate(("dr1", "dr2"), start=1):
        obs = client.create(observation(zw, "2345-7", 5.0 + n, "mmol/L", f"2026-11-0{n}T08:00:00+08:00",
                                        f"Organization/{ids['org']}"))["id"]
        rep = report(zw, [f"Observation/{obs}"], f"2026-11-0{n}T08:00:00+08:00", number=f"R{n}")
        rep["performer"] = [{"reference": f"Practitioner/{ids[key]}"}]
        ids[f"obs{n}"], ids[f"rep{n}"] = obs, client.create(rep)["id"]
    return ids


def _modes(entries: list[dict[str, Any]]) -> list[str]:
    return [e["search"]["mode"] for e in entries]


# --- _include / _revinclude -----------------------------------------------------------------


def test_includes_are_ignored_by_the_minimal_server(client: Client, minimal: Client) -> None:
    query = [("patient", "placeholder"), ("_include", "DiagnosticReport:result"),
             ("_include:iterate", "Observation:performer"), ("_sort", "date")]
    for c, included in ((client, True), (minimal, False)):
        ids = _world(c)
        params = [(k, f"Patient/{ids['zw']}" if v == "placeholder" else v) for k, v in query]
        bundle = c.search("DiagnosticReport", params)
        assert bundle["total"] == 2
        self_link = bundle["link"][0]["url"]
        if included:
            assert _modes(bundle["entry"]) == ["match", "match", "include", "include", "include"]
            assert "_include=DiagnosticReport%3Aresult" in self_link and "_include%3Aiterate" in self_link
        else:
            assert _modes(bundle["entry"]) == ["match", "match"]
            assert "_include" not in self_link and "patient=Patient" in self_link and "_sort=date" in self_link
        rev = c.search("Patient", [("_id", ids["zw"]), ("_revinclude", "DiagnosticReport:patient")])
        assert len(rev["entry"]) == (3 if included else 1)
    # a server that ignores includes does not validate them either
    assert minimal.search("DiagnosticReport", {"_include": "nonsense"})["total"] == 2
    assert_outcome(client.get("DiagnosticReport", params={"_include": "nonsense"}), 400)


# --- references -------------------------------------------------------------------------------


def test_bare_reference_ids_match_only_in_full(client: Client, minimal: Client) -> None:
    for c, bare in ((client, True), (minimal, False)):
        ids = _world(c)
        both = {ids["rep1"], ids["rep2"]}
        assert c.ids("DiagnosticReport", {"patient": ids["zw"]}) == (both if bare else set())
        assert c.ids("DiagnosticReport", {"performer": ids["dr1"]}) == ({ids["rep1"]} if bare else set())
        assert c.ids("Observation", {"subject": ids["zw"]}) == ({ids["obs1"], ids["obs2"]} if bare else set())
        # Type/id, a type modifier and OR-lists of Type/id work in both
        assert c.ids("DiagnosticReport", {"patient": f"Patient/{ids['zw']}"}) == both
        assert c.ids("DiagnosticReport", {"subject:Patient": ids["zw"]}) == both
        assert c.ids("DiagnosticReport", {"performer": f"Practitioner/{ids['dr1']}"}) == {ids["rep1"]}
        assert c.ids("DiagnosticReport", {
            "performer": f"Practitioner/{ids['dr1']},Practitioner/{ids['dr2']}"}) == both
        assert c.ids("Observation", {"patient": f"{c.base}/Patient/{ids['zw']}"}) == {ids["obs1"], ids["obs2"]}


# --- names --------------------------------------------------------------------------------------


def test_name_matches_only_family_or_given_in_minimal(client: Client, minimal: Client) -> None:
    for c, text in ((client, True), (minimal, False)):
        ids = _world(c)
        assert c.ids("Patient", {"name": "张伟"}) == ({ids["zw"]} if text else set())
        assert c.ids("Patient", {"name": "王五"}) == ({ids["text"]} if text else set())
        assert c.ids("Patient", {"name": "José García"}) == ({ids["jose"]} if text else set())
        assert c.ids("Patient", {"name:exact": "张伟"}) == ({ids["zw"]} if text else set())
        assert c.ids("Practitioner", {"name": "李娜"}) == ({ids["dr1"], ids["dr2"]} if text else set())
        assert c.ids("DiagnosticReport", {"patient.name": "张伟"}) == (
            {ids["rep1"], ids["rep2"]} if text else set())
        # the name parts, prefix and case/accent-insensitive, in both
        assert c.ids("Patient", {"name": "张"}) == {ids["zw"]}
        assert c.ids("Patient", {"name": "伟"}) == {ids["zw"]}
        assert c.ids("Patient", {"name": "jose"}) == {ids["jose"]}
        assert c.ids("Patient", {"name": "GARC"}) == {ids["jose"]}
        assert c.ids("Patient", {"family": "张", "given": "伟"}) == {ids["zw"]}
        assert c.ids("Practitioner", {"name": "娜"}) == {ids["dr1"], ids["dr2"]}
        assert c.ids("Patient", {"name:missing": "true"}) == (set() if text else {ids["text"]})


def test_name_text_forms_have_their_own_index_key(tmp_path: Path) -> None:
    """The mode is chosen per query over one index; a store written before the split is
    re-indexed when opened, so an existing data dir keeps working in both modes."""
    resource = {"resourceType": "Patient", "id": "p1", "name": [{"text": "张伟", "family": "张", "given": ["伟"]}]}
    assert set(name_parts(resource)) == {"张", "伟"}
    assert set(name_texts(resource)) == {"张伟", "伟 张"}
    store = Store(tmp_path)
    store.bulk_load([resource])
    with store.transaction() as s:  # as an older version indexed it: every form under `name`
        s.conn.execute("DELETE FROM idx_string")
        code = s.conn.execute("SELECT code FROM params WHERE type = 'Patient' AND key = 'name'").fetchone()[0]
        s.conn.executemany("INSERT INTO idx_string VALUES (1, ?, ?, ?)",
                           [(code, normalize(f), f) for f in set(human_names(resource))])
    store.set_meta("index_signature", "before-name-text")
    store.close()
    reopened = Store(tmp_path)
    for conformance, expected in ((FULL, ["p1"]), (MINIMAL, [])):
        query = parse_search("Patient", [("name", "张伟")], conformance=conformance)
        assert [s.id for s in reopened.search(query).matches] == expected
    family = parse_search("Patient", [("family", "张"), ("given", "伟")], conformance=MINIMAL)
    assert [s.id for s in reopened.search(family).matches] == ["p1"]
    reopened.close()


# --- paging -------------------------------------------------------------------------------------


def _batch_of_patients(client: Client, n: int) -> None:
    bundle = {"resourceType": "Bundle", "type": "batch", "entry": [
        {"resource": patient("王", f"{i:03d}", f"11010119900101{i:04d}"),
         "request": {"method": "POST", "url": "Patient"}} for i in range(n)]}
    response = client.post("", bundle)
    assert response.status_code == 200  # batches are not limited, not even by the minimal server
    assert {e["response"]["status"] for e in response.json()["entry"]} == {"201 Created"}


def _next(bundle: dict[str, Any]) -> str | None:
    return next((link["url"] for link in bundle["link"] if link["relation"] == "next"), None)


def test_count_is_capped(client: Client, minimal: Client) -> None:
    for c, cap, default in ((client, 500, 50), (minimal, 20, 20)):
        _batch_of_patients(c, 60)
        assert len(c.search("Patient")["entry"]) == default
        asked = c.search("Patient", {"_count": "100"})
        assert len(asked["entry"]) == min(60, cap) and f"_count={min(100, cap)}" in asked["link"][0]["url"]
        assert len(c.search("Patient", {"_count": "5"})["entry"]) == 5


def test_paging_stops_at_max_results_with_the_true_total(client: Client, minimal: Client) -> None:
    for c, reachable in ((client, 130), (minimal, 100)):
        _batch_of_patients(c, 130)
        seen: list[str] = []
        url: str | None = c.url("Patient?_count=20&_sort=given")
        last: dict[str, Any] = {}
        while url:
            last = c.search(url)
            assert last["total"] == 130
            seen += [e["resource"]["id"] for e in last.get("entry", [])]
            url = _next(last)
        assert len(seen) == len(set(seen)) == reachable
        assert [e["resource"]["name"][0]["given"][0] for e in last["entry"]][-1] == f"{reachable - 1:03d}"
        beyond = c.search("Patient", {"_count": "20", "_offset": "100"})
        assert beyond["total"] == 130 and len(beyond.get("entry", [])) == (20 if reachable > 100 else 0)
        straddling = c.search("Patient", {"_count": "20", "_offset": "90"})
        assert len(straddling["entry"]) == (20 if reachable > 100 else 10)
        assert (_next(straddling) is not None) == (reachable > 100)
    assert minimal.search("Patient", {"_summary": "count"})["total"] == 130


# --- transactions -------------------------------------------------------------------------------


def _transaction_of(n: int) -> dict[str, Any]:
    return transaction(*(post_entry(f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
                                    patient("赵", f"{i}号", f"11010119800101{i:04d}")) for i in range(n)))


def test_large_transactions_are_too_costly_for_the_minimal_server(client: Client, minimal: Client) -> None:
    refused = minimal.post("", _transaction_of(9))
    body = assert_outcome(refused, 400)
    assert body["issue"][0]["code"] == "too-costly"
    assert body["issue"][0]["diagnostics"] == \
        "Transaction requires strict isolation but has too many entries (9 > 8)"
    assert minimal.search("Patient", {"_summary": "count"})["total"] == 0
    accepted = minimal.post("", _transaction_of(8))
    assert accepted.status_code == 200 and len(accepted.json()["entry"]) == 8
    full = client.post("", _transaction_of(9))
    assert full.status_code == 200 and len(full.json()["entry"]) == 9


def test_load_files_are_never_refused(tmp_path: Path) -> None:
    import json

    path = tmp_path / "big.json"
    path.write_text(json.dumps(_transaction_of(12)), encoding="utf-8")
    with SandboxServer(tmp_path / "data", demo=False, load=[path], conformance=MINIMAL) as server:
        assert Client(server.fhir_base).search("Patient", {"_summary": "count"})["total"] == 12


# --- what the server says -----------------------------------------------------------------------


def _statement(c: Client) -> dict[str, Any]:
    response = c.get("metadata")
    assert response.status_code == 200
    return response.json()


def test_capability_statement_of_both_modes(client: Client, minimal: Client) -> None:
    full, mini = _statement(client), _statement(minimal)
    for cs in (full, mini):
        rest = cs["rest"][0]
        assert {i["code"] for i in rest["interaction"]} == {"transaction", "batch"}
        by_type = {r["type"]: r for r in rest["resource"]}
        assert len(by_type) == 146 and "Binary" in by_type  # 145 stored types and the catalogue
        encounter = {p["name"] for p in by_type["Encounter"]["searchParam"]}
        assert encounter == {"_id", "_lastUpdated", "identifier", "patient", "subject"}
        assert {p["name"] for p in by_type["Immunization"]["searchParam"]} == {
            "_id", "_lastUpdated", "identifier", "patient"}
        assert {"patient", "subject", "type", "category", "date", "status", "identifier"} <= {
            p["name"] for p in by_type["DocumentReference"]["searchParam"]}
    full_types = {r["type"]: r for r in full["rest"][0]["resource"]}
    assert "DiagnosticReport:result" in full_types["DiagnosticReport"]["searchInclude"]
    assert "Encounter:patient" in full_types["Patient"]["searchRevInclude"]
    assert _count_doc(full) == "default 50, max 500"
    assert "documentation" not in full["rest"][0]
    for resource in mini["rest"][0]["resource"]:
        assert "searchInclude" not in resource and "searchRevInclude" not in resource
    assert _count_doc(mini).startswith("default 20, max 20") and "100" in _count_doc(mini)
    assert "at most 8 entries" in mini["rest"][0]["documentation"]
    mini_patient = {p["name"]: p for p in
                    next(r for r in mini["rest"][0]["resource"] if r["type"] == "Patient")["searchParam"]}
    assert "text" not in mini_patient["name"]["documentation"]
    full_patient = {p["name"]: p for p in full_types["Patient"]["searchParam"]}
    assert "text" in full_patient["name"]["documentation"]


def _count_doc(cs: dict[str, Any]) -> str:
    return next(p["documentation"] for p in cs["rest"][0]["searchParam"] if p["name"] == "_count")


# --- the command line ---------------------------------------------------------------------------


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_cli_conformance_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert _parse().conformance == "full" and _parse("--conformance", "minimal").conformance == "minimal"
    with pytest.raises(SystemExit):
        _parse("--conformance", "lenient")
    assert MODES == {"full": FULL, "minimal": MINIMAL}
    started: list[SandboxServer] = []
    original = SandboxServer.start

    def start(self: SandboxServer) -> SandboxServer:
        started.append(original(self))
        return self

    monkeypatch.setattr(SandboxServer, "start", start)
    monkeypatch.setattr(cli, "_wait_for_stop", lambda: None)
    assert cli.run(_parse("--port", "0", "--no-demo", "--data", str(tmp_path), "--conformance", "minimal")) == 0
    assert [s.conformance for s in started] == [MINIMAL]
    assert "minimal" in capsys.readouterr().out
