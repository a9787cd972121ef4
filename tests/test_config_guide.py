"""The IT guide's reference of every option (packaging/IT-GUIDE.md) is what the declarations render."""

from __future__ import annotations

import dataclasses

from app.config import OPTIONS
from app.config_guide import GUIDE, REGENERATE, main, render_guide, render_reference


def test_the_committed_guide_is_what_the_declarations_render():
    text = GUIDE.read_text(encoding="utf-8")
    assert render_guide(text) == text, f"packaging/IT-GUIDE.md is out of date: run {REGENERATE}"


def test_every_option_is_in_the_guide_with_its_section_type_default_and_description():
    text = render_reference()
    for option in OPTIONS:
        header = "#### `[[sources]]`" if option.section == "sources" else f"#### `[{option.section}]`"
        section = text.split(header, 1)[1].split("\n#### ", 1)[0]
        [row] = [line for line in section.splitlines() if line.startswith(f"| `{option.name}` |")]
        assert option.description.replace("|", "\\|") in row
    assert "| `name` | string | **required** |" in text
    assert '| `method` | string | `"oidc"`; without a site file: `"demo"` | one of `"oidc"`, `"demo"` |' in text
    assert '| `cache_mb` | number | `4096` | greater than 0 and at most 1000000 |' in text
    assert ('| `consent_modes` | list of strings | `["drawn-signature", "paper-form", "verbal-witness"]` | each one '
            'of `"drawn-signature"`, `"paper-form"`, `"verbal-witness"`; at least one |') in text


def test_a_changed_declaration_changes_the_guide(monkeypatch):
    import app.config

    changed = (dataclasses.replace(OPTIONS[0], default="Somewhere"), *OPTIONS[1:])
    monkeypatch.setattr(app.config, "OPTIONS", changed)
    text = GUIDE.read_text(encoding="utf-8")
    assert render_guide(text) != text


def test_check_says_when_the_guide_is_stale(tmp_path, capsys):
    stale = tmp_path / "IT-GUIDE.md"
    old = GUIDE.read_text(encoding="utf-8").replace("| `name` | string |", "| `name` | text |", 1)
    stale.write_text(old, encoding="utf-8")
    assert main(["--check", "--output", str(stale)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert main(["--output", str(stale)]) == 0
    assert main(["--check", "--output", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")
