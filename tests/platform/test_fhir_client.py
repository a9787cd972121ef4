import time

import pytest

from app.platform.fhir.client import FhirClient, FhirError, SourceUnreachable
from tests.helpers.servers import SilentServer, failing_server, json_server


def test_paging_follows_next_links_on_the_same_server():
    pages = {
        "/fhir/Patient": {"resourceType": "Bundle", "type": "searchset", "link": [],
                          "entry": [{"resource": {"resourceType": "Patient", "id": "a"}}]},
        "/fhir/page2": {"resourceType": "Bundle", "type": "searchset",
                        "entry": [{"resource": {"resourceType": "Patient", "id": "b"}}]},
    }
    with json_server(pages) as srv:
        pages["/fhir/Patient"]["link"].append({"relation": "next", "url": srv.fhir_base + "/page2"})
        client = FhirClient(srv.fhir_base)
        ids = [e["resource"]["id"] for page in client.search("Patient", {"name": "x"}) for e in page["entry"]]
    assert ids == ["a", "b"]


def test_next_link_to_another_host_is_not_followed():
    pages = {"/fhir/Patient": {"resourceType": "Bundle", "type": "searchset",
                               "link": [{"relation": "next", "url": "http://198.51.100.7/fhir/Patient?page=2"}],
                               "entry": []}}
    with json_server(pages) as srv:
        client = FhirClient(srv.fhir_base)
        pager = client.search("Patient", {})
        next(pager)
        with pytest.raises(FhirError, match="another server"):
            next(pager)


def test_error_status_carries_the_operation_outcome():
    with failing_server(500) as srv:
        client = FhirClient(srv.fhir_base, retries=0)
        with pytest.raises(FhirError) as info:
            client.read("Patient", "x")
    assert info.value.status == 500
    assert "database unavailable" in info.value.message


def test_silent_source_times_out_quickly():
    with SilentServer() as srv:
        client = FhirClient(srv.fhir_base, timeout=0.5)
        started = time.monotonic()
        with pytest.raises(SourceUnreachable) as info:
            client.read("Patient", "x")
    assert info.value.timed_out
    assert time.monotonic() - started < 3  # not retried: a dead source costs one timeout


def test_refused_connection_is_unreachable():
    client = FhirClient("http://127.0.0.1:9/fhir", timeout=1, retries=0)
    with pytest.raises(SourceUnreachable) as info:
        client.read("Patient", "x")
    assert not info.value.timed_out
