import copy

import pytest

from app.domain.catalogue import CatalogueError, parse_catalogue
from app.domain.models import LOINC_SYSTEM, Coding
from app.resources import bundled_catalogue
from tests.domain.catalogue_fixture import DOC, org


def test_parse_and_match():
    cat = parse_catalogue(DOC)
    assert cat.match([Coding(LOINC_SYSTEM, "2093-3")]).code == "TC"
    assert cat.match([Coding("urn:local:h1", "K+")]).code == "K"
    assert cat.match([Coding("urn:local:h1", "nothing")]) is None
    assert cat.institution(org("LU")).qualifications[1].valid_to is None


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema="huren-recognition-catalogue/2"), "newer"),
        (lambda d: d.update(schema="something-else/1"), "unknown catalogue schema"),
        (lambda d: d["items"][0].update(window_days=-1), r"items\[0\].window_days"),
        (lambda d: d["items"][0].update(category="nope"), "unknown category 'nope'"),
        (lambda d: d["items"].append(copy.deepcopy(d["items"][0])), "duplicate item code"),
        (lambda d: d["items"][1].update(loinc=["2823-3"]), "already denotes item 'K'"),
        (lambda d: d["institutions"][0]["qualifications"][0].update(valid_from="2024-13-01"), "ISO date"),
        (lambda d: d["institutions"][0]["qualifications"][0].update(items=["XX"]), "unknown item or category XX"),
        (lambda d: d["items"][0]["scope"].update(level="galaxy"), "level must be one of"),
        (lambda d: d.pop("items"), "catalogue.items must be a list"),
    ],
)
def test_bad_documents_name_the_problem(mutate, message):
    doc = copy.deepcopy(DOC)
    mutate(doc)
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(doc)


def test_bundled_catalogue_is_valid_and_large_enough():
    cat = parse_catalogue(bundled_catalogue())
    labs = [i for i in cat.items.values() if i.kind == "lab"]
    assert len(labs) >= 60
    assert len({i.category for i in labs}) >= 10
    assert all(i.window_days > 0 for i in labs)
