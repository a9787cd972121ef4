"""[sign_in], [network] and [orders] consent_modes: defaults, valid values, errors naming key and line."""

from __future__ import annotations

import pytest

from app.config import CONSENT_MODES, ConfigError, SiteConfig, SourceConfig, load_site_config, single_source_config

BASE = """[site]
name = "济南市第一医院"

[[sources]]
name = "jinan"
fhir_base = "https://fhir.jinan.example/r4"
"""
# BASE is 6 lines; what a test appends starts at line 7 (a blank line), its section header at line 8.


def load(tmp_path, extra: str = ""):
    path = tmp_path / "site.toml"
    path.write_text(BASE + extra, encoding="utf-8")
    return load_site_config(path)


def test_a_site_file_signs_in_with_oidc_unless_it_says_demo(tmp_path):
    cfg = load(tmp_path)
    assert cfg.sign_in_method == "oidc"            # forgetting the line never means demo accounts
    assert cfg.sign_in_client_id == "huren-workstation"
    assert cfg.sign_in_issuer == "" and cfg.his_launch is True
    assert load(tmp_path, '\n[sign_in]\nmethod = "demo"\n').sign_in_method == "demo"


def test_without_a_site_file_the_default_is_the_demo():
    source = SourceConfig("demo", "http://127.0.0.1:8080/fhir")
    assert SiteConfig(sources=(source,)).sign_in_method == "demo"
    assert single_source_config("https://fhir.example/r4").sign_in_method == "demo"


def test_sign_in_options(tmp_path):
    cfg = load(tmp_path, '\n[sign_in]\nmethod = "oidc"\nclient_id = "huren-jn1"\n'
                         'issuer = "https://auth.jinan.example/realms/hie"\nhis_launch = false\n')
    assert (cfg.sign_in_method, cfg.sign_in_client_id, cfg.sign_in_issuer, cfg.his_launch) == (
        "oidc", "huren-jn1", "https://auth.jinan.example/realms/hie", False)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('\n[sign_in]\nmethod = "password"\n',
         r"site.toml:9: sign_in.method 'password' is not one of 'oidc', 'demo'"),
        ('\n[sign_in]\nhis_launch = true\nmethod = 1\n', r"site.toml:10: 'sign_in.method' must be a str"),
        ('\n[sign_in]\nissuer = "auth.jinan.example"\n', r"site.toml:9: sign_in.issuer 'auth.jinan.example' is not "
                                                          r"an http\(s\) URL"),
        ('\n[sign_in]\nclient_id = ""\n', r"site.toml:9: sign_in.client_id must not be empty"),
        ('\n[sign_in]\nhis_launch = "yes"\n', r"site.toml:9: 'sign_in.his_launch' must be a bool"),
        ('\n[sign_in]\nsecret = "x"\n', r"site.toml:9: unknown key 'sign_in.secret'"),
        ('\n[network]\nproxy = "ftp://proxy.example:21"\n', r"site.toml:9: network.proxy 'ftp://proxy.example:21' "
                                                              r"is not an http\(s\) URL"),
        ('\n[network]\nproxy = "http://huren:s3cret@proxy.example:3128"\n', r"site.toml:9: network.proxy holds a "
                                                                              r"password"),
        ('\n[network]\nproxies = "http://proxy.example:3128"\n', r"site.toml:9: unknown key 'network.proxies'"),
        ('\n[orders]\nconsent_modes = ["paper-form", "fingerprint"]\n',
         r"site.toml:9: orders.consent_modes: unknown consent mode 'fingerprint' \(known: drawn-signature, "
         r"paper-form, verbal-witness\)"),
        ('\n[orders]\nconsent_modes = []\n', r"site.toml:9: orders.consent_modes must name at least one"),
        ('\n[orders]\nconsent_modes = "paper-form"\n', r"site.toml:9: 'orders.consent_modes' must be a list"),
    ],
)
def test_errors_name_the_key_and_the_line(tmp_path, extra, message):
    with pytest.raises(ConfigError, match=message):
        load(tmp_path, extra)


def test_network_proxy(tmp_path):
    assert load(tmp_path).proxy == ""             # "" = the environment's proxy settings
    assert SiteConfig(sources=()).proxy == ""
    assert load(tmp_path, '\n[network]\nproxy = "http://proxy.hospital.example:3128"\n').proxy == (
        "http://proxy.hospital.example:3128")
    assert load(tmp_path, '\n[network]\nproxy = "https://proxy.hospital.example"\n').proxy == (
        "https://proxy.hospital.example")


def test_consent_modes(tmp_path):
    assert load(tmp_path).consent_modes == ("drawn-signature", "paper-form", "verbal-witness")
    assert SiteConfig(sources=()).consent_modes == ("drawn-signature", "paper-form", "verbal-witness")
    cfg = load(tmp_path, '\n[orders]\nconsent_modes = ["verbal-witness", "paper-form", "paper-form"]\n')
    assert cfg.consent_modes == ("verbal-witness", "paper-form")


def test_consent_mode_codes_are_the_domains():
    from app.domain.repeat_orders import ConsentMethod

    assert CONSENT_MODES == tuple(m.value for m in ConsentMethod)


def test_physician_consent_needs_the_witnessed_mode(tmp_path):
    from app.config import ConfigError, load_site_config

    path = tmp_path / "site.toml"
    path.write_text('[orders]\nphysician_records_consent = true\nconsent_modes = ["paper-form"]\n\n'
                    '[[sources]]\nname = "p"\nfhir_base = "https://platform.example/fhir"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"site.toml:2: orders.physician_records_consent needs 'verbal-witness'"):
        load_site_config(path)


def test_a_source_may_name_its_dicomweb_service(tmp_path):
    path = tmp_path / "site.toml"
    path.write_text('[[sources]]\nname = "p"\nfhir_base = "https://platform.example/fhir"\n'
                    'dicomweb_base = "https://pacs.example/dicom-web/"\n', encoding="utf-8")
    assert load_site_config(path).sources[0].dicomweb_base == "https://pacs.example/dicom-web"
    path.write_text('[[sources]]\nname = "p"\nfhir_base = "https://platform.example/fhir"\n'
                    'dicomweb_base = "pacs.example"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"site.toml:4: .*dicomweb_base"):
        load_site_config(path)
