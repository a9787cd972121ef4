"""Catalogue names in a language: the interface's, or the patient's for their consent form.

The catalogue names each item and category in Chinese and English, and in Indonesian where it
has it (docs/catalogue.md); a reader of neither Chinese nor the language asked for is better
served by the English name than by characters they cannot read.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.catalogue import CatalogueItem, name_in
from app.domain.repeat_orders import ItemDecision
from app.ui.language import current_language


def localized(name_zh: str, name_en: str, name_id: str = "") -> str:
    return name_in(current_language(), name_zh, name_en, name_id)


def item_name(item) -> str:  # noqa: ANN001 - CatalogueItem or Orderable (both carry name_zh/name_en)
    return localized(item.name_zh, item.name_en, getattr(item, "name_id", ""))


def decision_name(d: ItemDecision, items: Mapping[str, CatalogueItem] | None, language: str | None = None) -> str:
    """A decided item's name in `language` (the interface's when None), from the catalogue.

    An order keeps its items' Chinese names; a catalogue that does not (or not yet) know the
    item leaves that name, so the item is still named, if not in the reader's language.
    """
    item = items.get(d.item_code) if items else None
    if item is None:
        return d.item_name or d.item_code
    return name_in(language or current_language(), item.name_zh, item.name_en, item.name_id)
