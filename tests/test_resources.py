"""Resources are found beside `app` in a checkout and in the unpack folder of a frozen build."""

from __future__ import annotations

import sys

from app import resources


def test_checkout_finds_the_bundled_files():
    assert resources.resource_path("catalogue.json").is_file()
    assert (resources.translations_dir() / "huren_zh_CN.qm").is_file()


def test_frozen_build_reads_from_its_unpack_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("catalogue.json") == tmp_path / "resources" / "catalogue.json"
    assert resources.translations_dir() == tmp_path / "translations"
