"""Catalogue names in the interface's language: Chinese for a Chinese interface, else English.

The catalogue names each item and category in Chinese and English (docs/catalogue.md);
an Indonesian reader is better served by the English name than by characters they cannot read.
"""

from __future__ import annotations

from app.ui.language import current_language


def localized(name_zh: str, name_en: str) -> str:
    return name_zh if current_language().startswith("zh") or not name_en else name_en


def item_name(item) -> str:  # noqa: ANN001 - CatalogueItem or Orderable (both carry name_zh/name_en)
    return localized(item.name_zh, item.name_en)
