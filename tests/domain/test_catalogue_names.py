"""Catalogue names in the patient's language: Chinese, English and (where given) Indonesian."""

from __future__ import annotations

import copy

import pytest

from app.domain.catalogue import CatalogueError, name_in, parse_catalogue
from app.resources import bundled_catalogue
from tests.domain.catalogue_fixture import DOC


def test_the_bundled_catalogue_names_every_item_and_category_in_three_languages():
    cat = parse_catalogue(bundled_catalogue())
    assert all(i.name_zh and i.name_en and i.name_id for i in cat.items.values())
    assert all(c.name_zh and c.name_en and c.name_id for c in cat.categories.values())
    potassium = cat.items["LAB-K"]
    assert [name_in(lang, potassium.name_zh, potassium.name_en, potassium.name_id)
            for lang in ("zh_CN", "en", "id")] == ["钾", "Potassium", "Kalium"]
    assert cat.category_name("electrolytes", "id") == "Elektrolit"


def test_the_indonesian_name_is_optional_and_english_stands_in_for_it():
    cat = parse_catalogue(DOC)            # written with Chinese and English names only
    k = cat.items["K"]
    assert k.name_id == "" and name_in("id", k.name_zh, k.name_en, k.name_id) == "Potassium"
    assert cat.category_name("electrolytes", "id") == "Electrolytes"
    assert name_in("fr", "钾", "Potassium", "Kalium") == "Potassium"


def test_an_indonesian_name_that_is_not_text_is_refused():
    doc = copy.deepcopy(DOC)
    doc["items"][0]["name"]["id"] = 42
    with pytest.raises(CatalogueError, match=r"items\[0\].name.id must be a string"):
        parse_catalogue(doc)
