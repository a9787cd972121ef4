"""Store and search-value units: date ranges, escaping, bulk load, re-indexing, timings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.sandbox.dates import parse_range, to_us
from app.sandbox.extractors import human_names
from app.sandbox.references import parse_reference
from app.sandbox.search import parse_search, split_escaped
from app.sandbox.store import Store
from tests.sandbox import synthetic

CST = timezone(timedelta(hours=8))


def _us(*args: int, tz: timezone = CST) -> int:
    return to_us(datetime(*args, tzinfo=tz))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026", _us(2026, 1, 1), _us(2027, 1, 1)),
        ("2026-12", _us(2026, 12, 1), _us(2027, 1, 1)),
        ("2026-02-28", _us(2026, 2, 28), _us(2026, 3, 1)),
        ("2026-11-20T10:00:00+08:00", _us(2026, 11, 20, 10), _us(2026, 11, 20, 10, 0, 1)),
        ("2026-11-20T02:00:00Z", _us(2026, 11, 20, 10), _us(2026, 11, 20, 10, 0, 1)),
        ("2026-11-20T10:00+08:00", _us(2026, 11, 20, 10), _us(2026, 11, 20, 10, 1)),
        ("2026-11-20T10:00:00.250-05:00", _us(2026, 11, 20, 23, 0, 0, 250000),
         _us(2026, 11, 20, 23, 0, 0, 251000)),
    ],
)
def test_date_ranges(text: str, start: int, end: int) -> None:
    assert parse_range(text) == (start, end)


@pytest.mark.parametrize("text", ["foo", "2026-13", "2026-02-30", "20261120", "2026-11-20T25:00:00Z", ""])
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_range(text)


def test_split_escaped() -> None:
    assert split_escaped(r"a,b\,c,d", ",") == ["a", "b,c", "d"]
    assert split_escaped(r"http://x|a\|b", "|") == ["http://x", "a|b"]


def test_parse_reference_forms() -> None:
    assert parse_reference("Patient/p1") == ("Patient", "p1")
    assert parse_reference("Patient/p1/_history/3") == ("Patient", "p1")
    assert parse_reference("http://h/fhir/Patient/p1") == ("Patient", "p1")
    assert parse_reference("urn:uuid:1") is None and parse_reference("#c1") is None
    assert parse_reference("Patient?identifier=x") is None


def test_human_name_forms() -> None:
    forms = set(human_names({"name": [{"text": "张伟", "family": "张", "given": ["伟"]}]}))
    assert forms == {"张伟", "张", "伟", "伟 张"}


def test_bulk_load_keeps_ids_and_last_duplicate_wins(tmp_path: Path) -> None:
    store = Store(tmp_path)
    org = {"resourceType": "Organization", "id": "o1", "name": "一院"}
    assert store.bulk_load([org, {**org, "name": "二院"}, {"resourceType": "Organization", "name": "无号"}]) == 2
    stored = store.read("Organization", "o1")
    assert stored is not None and stored.resource()["name"] == "二院"
    assert stored.resource()["meta"]["versionId"] == "1"
    # into a non-empty store it is an ordinary update
    store.bulk_load([{**org, "name": "三院"}])
    again = store.read("Organization", "o1")
    assert again is not None and again.version == 2 and again.resource()["name"] == "三院"
    store.close()


def test_reindex_when_definitions_change(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.bulk_load([{"resourceType": "Organization", "id": "o1", "name": "一院",
                      "address": [{"city": "济南市"}]}])
    store.set_meta("index_signature", "from-an-older-version")
    store.close()
    reopened = Store(tmp_path)
    query = parse_search("Organization", [("address-city", "济南")])
    assert [s.id for s in reopened.search(query).matches] == ["o1"]
    assert reopened.get_meta("index_signature") != "from-an-older-version"
    reopened.close()


def test_bulk_load_and_chart_query_at_platform_scale(tmp_path: Path) -> None:
    """~200 patients, ~5,000 reports, ~50,000 observations: the chart query finds exactly its own.

    How fast is measured in the benchmarks (python -m tests.bench), not here."""
    resources = synthetic.platform()
    store = Store(tmp_path)
    store.bulk_load(resources)
    query = [("patient", "p17"), ("category", "LAB"), ("_include", "DiagnosticReport:result"),
             ("_include", "DiagnosticReport:performer"), ("_sort", "-date"), ("_count", "50")]
    page = store.search(parse_search("DiagnosticReport", query))
    assert page.total == 25 and len(page.included) == 25 * 10 + len({s.id for s in page.included
                                                                    if s.type == "Organization"})
    store.close()
