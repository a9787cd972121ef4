"""Each option is declared once, as a field of SiteConfig or SourceConfig: the parser, the dataclasses'
defaults and the guide all come from that one declaration."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.config import (
    OPTIONS,
    REPEAT_REASONS,
    SECTIONS,
    SITE_OPTIONS,
    SOURCE_OPTIONS,
    ConfigError,
    SiteConfig,
    SourceConfig,
    load_site_config,
)
from app.config_options import REQUIRED, option, options_of

MINIMAL = '[[sources]]\nname = "jinan"\nfhir_base = "https://fhir.jinan.example/r4"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_option_names_an_attribute_of_its_dataclass():
    assert [o.attribute for o in SITE_OPTIONS] == [f.name for f in dataclasses.fields(SiteConfig)
                                                   if f.name not in ("sources", "demo", "path", "demo_patient")]
    assert [o.attribute for o in SOURCE_OPTIONS] == [f.name for f in dataclasses.fields(SourceConfig)]
    assert all(o.section == "sources" for o in SOURCE_OPTIONS)
    assert "sources" not in SECTIONS and set(SECTIONS) == {o.section for o in SITE_OPTIONS}
    assert len({o.key for o in OPTIONS}) == len(OPTIONS)


def test_a_file_that_sets_nothing_gets_the_dataclass_defaults_except_the_declared_demo_ones(tmp_path):
    """The defaults are written once: a minimal site file and SiteConfig() differ only where an option
    declares another value for running without any site file (sign-in and storage)."""
    path = write(tmp_path, MINIMAL)
    loaded = load_site_config(path)
    source = SourceConfig("jinan", "https://fhir.jinan.example/r4")
    assert loaded == SiteConfig(sources=(source,), path=path, sign_in_method="oidc", without_keyring="refuse")
    without_file = {o.attribute: o.without_file for o in SITE_OPTIONS if o.without_file is not None}
    assert without_file == {"sign_in_method": "demo", "without_keyring": "unprotected"}
    assert SiteConfig(sources=()).sign_in_method == "demo"


def test_file_types_and_defaults_are_as_toml_gives_them():
    declared = {o.key: o for o in OPTIONS}
    assert declared["orders.consent_modes"].type is list
    assert declared["orders.consent_modes"].default == ["drawn-signature", "paper-form", "verbal-witness"]
    assert declared["cds_hooks.port"].type is int and declared["imaging.cache_mb"].type is float
    assert declared["sources.name"].required and declared["sources.name"].default is None
    assert isinstance(SiteConfig(sources=()).consent_modes, tuple)


def test_repeat_reason_codes_are_the_domains():
    from app.domain.repeat_orders import RepeatReason

    assert REPEAT_REASONS == tuple(r.value for r in RepeatReason)


def test_list_values_are_kept_as_tuples_and_tidied(tmp_path):
    text = MINIMAL + 'dicomweb_base = "https://pacs.example/dicom-web/"\n\n[orders]\nnote_required = ["emergency"]\n'
    loaded = load_site_config(write(tmp_path, text))
    assert loaded.note_required == ("emergency",)
    assert loaded.sources[0].dicomweb_base == "https://pacs.example/dicom-web"


def test_an_empty_optional_text_is_unset_but_an_empty_required_one_is_wrong(tmp_path):
    text = MINIMAL + 'dicomweb_base = ""\nca_bundle = ""\n\n[sign_in]\nissuer = ""\n'
    assert load_site_config(write(tmp_path, text)).sign_in_issuer == ""
    path = write(tmp_path, MINIMAL.replace('"https://fhir.jinan.example/r4"', '""'))
    with pytest.raises(ConfigError, match=r"site.toml:3: sources.fhir_base '' is not an http\(s\) URL"):
        load_site_config(path)


def test_settings_are_keyword_arguments():
    """A positional third argument would silently land in whatever option comes next."""
    with pytest.raises(TypeError):
        SourceConfig("a", "https://a.example/r4", "A")          # type: ignore[misc]
    with pytest.raises(TypeError):
        SiteConfig((), True)                                      # type: ignore[misc]


def test_options_of_reads_a_dataclass_and_refuses_types_a_file_cannot_hold():
    @dataclasses.dataclass(frozen=True)
    class Example:
        name: str = option("example.name", REQUIRED, "A name.")
        codes: tuple[str, ...] = option("example.codes", ("a",), "Codes.", choices=("a", "b"))
        size: float = option("example.size", 1.0, "A size.")

    name, codes, size = options_of(Example)
    assert (name.required, name.type, name.attribute) == (True, str, "name")
    assert (codes.type, codes.default, codes.kept(["b", "a"])) == (list, ["a"], ("b", "a"))
    assert (size.type, size.default, Example("x").size) == (float, 1.0, 1.0)

    @dataclasses.dataclass(frozen=True)
    class Wrong:
        when: bytes = option("wrong.when", b"", "Not a type a site file holds.")

    with pytest.raises(TypeError, match="'when'"):
        options_of(Wrong)
