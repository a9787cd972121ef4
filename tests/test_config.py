import pytest

from app.config import OPTIONS, ConfigError, load_site_config

GOOD = """
[site]
name = "济南市第一医院"
region = "370102"

[[sources]]
name = "jinan"
label = "济南市平台"
fhir_base = "https://fhir.jinan.example/r4"

[[sources]]
name = "wuhan"
fhir_base = "https://fhir.wuhan.example/r4"
timeout_seconds = 5
"""


def write(tmp_path, text):
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config(tmp_path):
    cfg = load_site_config(write(tmp_path, GOOD))
    assert cfg.region == "370102"
    assert [s.name for s in cfg.sources] == ["jinan", "wuhan"]
    assert cfg.sources[1].timeout_seconds == 5.0
    assert cfg.sources[0].display_name == "济南市平台"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("region = \"370102\"", "regoin = \"370102\""), r"site.toml:4: unknown key 'site.regoin'"),
        (("region = \"370102\"", "region = \"37\""), r"site.toml:4: site.region '37' must be a 6-digit"),
        (("timeout_seconds = 5", "timeout_seconds = \"5\""),
         r"site.toml:14: 'sources.timeout_seconds' must be a float"),
        (("fhir_base = \"https://fhir.wuhan.example/r4\"", "fhir_base = \"fhir.wuhan\""), "is not an http"),
        (("name = \"wuhan\"\n", ""), "lacks the required key 'name'"),
        (("[site]", "[sight]"), r"site.toml:2: unknown section \[sight\]"),
    ],
)
def test_errors_name_key_and_line(tmp_path, change, message):
    with pytest.raises(ConfigError, match=message):
        load_site_config(write(tmp_path, GOOD.replace(*change)))


def test_every_option_is_described():
    assert all(o.description.endswith(".") for o in OPTIONS)


def test_shipped_template_is_valid():
    from pathlib import Path

    template = Path(__file__).resolve().parent.parent / "packaging" / "site.toml.example"
    cfg = load_site_config(template)
    assert cfg.region == "370104" and len(cfg.sources) == 2


def test_order_options(tmp_path):
    text = GOOD + '\n[orders]\nnote_required = ["patient-request"]\nphysician_records_consent = true\n'
    cfg = load_site_config(write(tmp_path, text))
    assert cfg.note_required == ("patient-request",) and cfg.physician_records_consent is True
    with pytest.raises(ConfigError, match="unknown reason code 'bored'"):
        load_site_config(write(tmp_path, text.replace("patient-request", "bored")))
    with pytest.raises(ConfigError, match="physician_records_consent' must be a bool"):
        load_site_config(write(tmp_path, text.replace("= true", '= "yes"')))


def test_imaging_options(tmp_path):
    assert load_site_config(write(tmp_path, GOOD)).image_cache_mb == 4096.0
    text = GOOD + '\n[imaging]\ncache_mb = 512\nclear_cache_on_sign_out = true\n'
    cfg = load_site_config(write(tmp_path, text))
    assert cfg.image_cache_mb == 512.0 and cfg.clear_image_cache_on_sign_out is True
    with pytest.raises(ConfigError, match="'imaging.cache_mb' must be greater than 0"):
        load_site_config(write(tmp_path, text.replace("512", "0")))


def test_cds_hooks_port(tmp_path):
    assert load_site_config(write(tmp_path, GOOD)).cds_hooks_port == 0
    cfg = load_site_config(write(tmp_path, GOOD + "\n[cds_hooks]\nport = 8711\n"))
    assert cfg.cds_hooks_port == 8711
    with pytest.raises(ConfigError, match="must be a port number"):
        load_site_config(write(tmp_path, GOOD + "\n[cds_hooks]\nport = 70000\n"))
    with pytest.raises(ConfigError, match="unknown key 'cds_hooks.secret'"):
        load_site_config(write(tmp_path, GOOD + '\n[cds_hooks]\nsecret = "in a file"\n'))
