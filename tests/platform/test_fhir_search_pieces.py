"""The parts of searching that need no server: gaps, references, the CapabilityStatement."""

from __future__ import annotations

from app.domain.fhir_json import reference_id
from app.platform.fhir.capabilities import Capabilities
from app.platform.fhir.search import Gaps, SearchResult, references


def test_gaps_say_complete_only_when_nothing_is_known_missing():
    assert Gaps().complete
    assert not Gaps(shown=50, total=120).complete and Gaps(shown=50, total=120).truncated
    assert not Gaps(unresolved=1).complete
    assert Gaps(shown=50, total=50).complete


def test_gaps_add_up_across_the_searches_of_one_answer():
    both = Gaps(shown=50, total=120) + Gaps(unresolved=3)
    assert (both.shown, both.total, both.unresolved) == (50, 120, 3)
    assert (Gaps(unresolved=1) + Gaps(unresolved=2)).unresolved == 3 and (Gaps(unresolved=1) + Gaps()).total is None


def test_a_search_that_got_everything_has_no_gaps_and_a_cut_one_says_how_much():
    assert SearchResult("Patient", matches=[{}], total=1).gaps.complete
    cut = SearchResult("Patient", matches=[{}, {}], total=7, truncated=True).gaps
    assert (cut.shown, cut.total) == (2, 7)


def test_references_are_read_relative_absolute_and_versioned_and_other_types_ignored():
    report = {"result": [{"reference": "Observation/a"}, {"reference": "https://x/fhir/Observation/b/_history/2"},
                         {"reference": "#contained"}, {"display": "no reference"}],
              "performer": [{"reference": "Practitioner/p"}, {"reference": "Organization/o"}]}
    assert references([report], "result", "Observation") == {"a", "b"}
    assert references([report], "performer", "Organization") == {"o"}
    assert reference_id({"reference": "Patient/"}, "Patient") is None


def test_nested_reference_paths_walk_lists():
    study = {"series": [{"performer": [{"actor": {"reference": "Organization/h1"}}]},
                        {"performer": [{"actor": {"reference": "Organization/h2"}}]}]}
    assert references([study], "series.performer.actor", "Organization") == {"h1", "h2"}


def test_capabilities_say_what_is_declared_and_unknown_when_not_read():
    statement = {"resourceType": "CapabilityStatement", "fhirVersion": "4.0.1",
                 "software": {"name": "HAPI FHIR", "version": "7.0"},
                 "rest": [{"mode": "server", "interaction": [{"code": "batch"}],
                           "resource": [{"type": "DiagnosticReport", "searchInclude": ["DiagnosticReport:result"],
                                         "searchParam": [{"name": "patient"}], "conditionalCreate": True}]}]}
    c = Capabilities.from_statement(statement)
    assert c.known and c.software == "HAPI FHIR 7.0" and c.batch and not c.transaction
    assert c.offers_include("DiagnosticReport:result") is True
    assert c.offers_include("DiagnosticReport:performer") is False
    assert c.include_params("DiagnosticReport:result", "DiagnosticReport:performer") == [
        ("_include", "DiagnosticReport:result")]
    unknown = Capabilities(read_error="HTTP 404")
    assert unknown.offers_include("DiagnosticReport:result") is None
    assert len(unknown.include_params("DiagnosticReport:result")) == 1   # asked for: it may work
    assert not Capabilities.from_statement({"resourceType": "Bundle"}).known
