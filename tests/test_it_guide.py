"""The IT guide's site configuration reference is generated from OPTIONS and must not drift."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("make_it_guide", ROOT / "packaging" / "make_it_guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_guide_table_is_what_options_generate():
    gen = _generator()
    text = gen.GUIDE.read_text(encoding="utf-8")
    assert gen.render_guide(text) == text, "packaging/IT-GUIDE.md is out of date: run python packaging/make_it_guide.py"


def test_every_option_is_in_the_guide():
    from app.config import OPTIONS

    table = _generator().render_options_table()
    for option in OPTIONS:
        assert f"`{option.key.split('.', 1)[1]}`" in table
        assert option.description.replace("|", "&#124;") in table


def test_a_changed_option_makes_the_guide_stale(monkeypatch):
    import app.config

    gen = _generator()
    text = gen.GUIDE.read_text(encoding="utf-8")
    changed = (app.config.Option("site.name", str, "", "Something else."), *app.config.OPTIONS[1:])
    monkeypatch.setattr(app.config, "OPTIONS", changed)
    assert gen.render_guide(text) != text
