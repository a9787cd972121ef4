"""A site file's problems, all at once and never a traceback: encodings, size, TOML, and every value's
range and form (issue 13). Each message names the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import OPTIONS, ConfigError, SiteConfig, SourceConfig, load_site_config, single_source_config

TEMPLATE = Path(__file__).resolve().parent.parent / "packaging" / "site.toml.example"

BASE = """[site]
name = "济南市第一医院"
region = "370102"

[[sources]]
name = "jinan"
fhir_base = "https://fhir.jinan.example/r4"
timeout_seconds = 5
"""
# Line 4 is blank, [[sources]] is line 5, timeout_seconds line 8; appended text starts at line 9.


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "site.toml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        load_site_config(path)
    assert str(raised.value) == "\n".join(raised.value.problems)
    return raised.value.problems


# --- the file's bytes -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_a_chinese_legacy_encoding_is_named(tmp_path, encoding):
    path = write(tmp_path, TEMPLATE.read_text(encoding="utf-8").encode(encoding))
    assert problems_of(path) == [f"{path}: the file is encoded as GB18030 (or GBK); save it as UTF-8 "
                                 "(TOML files must be UTF-8)"]


@pytest.mark.parametrize(("codec", "named"), [
    ("utf-16", "UTF-16 (little-endian)"),         # with its byte-order mark, as Windows writes it
    ("utf-16-be", "UTF-16 (big-endian)"),         # no mark: told by its NULs
    ("utf-32", "UTF-32 (little-endian)"),
])
def test_utf16_and_utf32_are_named(tmp_path, codec, named):
    path = write(tmp_path, BASE.encode(codec))
    assert problems_of(path) == [f"{path}: the file is encoded as {named}; save it as UTF-8 (TOML files must be UTF-8)"]


def test_utf8_with_a_byte_order_mark_is_accepted(tmp_path):
    """Notepad wrote one for years; TOML forbids it, but the text is UTF-8 all the same."""
    assert load_site_config(write(tmp_path, b"\xef\xbb\xbf" + BASE.encode())).region == "370102"


def test_a_bad_byte_is_located(tmp_path):
    data = BASE.encode().replace(b'"jinan"', b'"ji\xffnan"')
    offset = data.index(b"\xff")
    path = write(tmp_path, data)
    assert problems_of(path) == [f"{path}:6: byte 0xFF (column 11, byte offset {offset}) is not UTF-8; save it as "
                                 "UTF-8 (TOML files must be UTF-8)"]


def test_utf8_with_one_damaged_character_is_not_called_gb18030(tmp_path):
    data = BASE.encode().replace("第一".encode(), "第".encode() + b"\xe4\xb8")   # a character cut short
    assert "byte 0x" in problems_of(write(tmp_path, data))[0]


def test_a_folder_a_device_a_missing_file_and_a_huge_file(tmp_path):
    assert problems_of(tmp_path) == [f"{tmp_path}: is a folder, not a site config file"]
    assert problems_of(Path("/dev/null")) == ["/dev/null: is not a regular file"]
    missing = tmp_path / "nowhere.toml"
    assert problems_of(missing) == [f"{missing}: cannot read the site config: No such file or directory"]
    huge = write(tmp_path, BASE + "#" * (1 << 20))
    assert problems_of(huge) == [f"{huge}: the file is over 1 MB; a site config is a few kilobytes (is this the "
                                 "right file?)"]


# --- TOML -------------------------------------------------------------------------------------------

def test_toml_errors_name_the_line(tmp_path):
    path = write(tmp_path, BASE.replace('name = "jinan"', "name = jinan"))
    assert problems_of(path) == [f"{path}:6: not valid TOML: Invalid value (column 8)"]


@pytest.mark.parametrize("nested", ["[" * 50_000 + "]" * 50_000, "{a = " * 50_000 + "}" * 50_000])
def test_deep_nesting_is_a_message_not_a_recursion_error(tmp_path, nested):
    path = write(tmp_path, BASE + f"\n[orders]\nnote_required = {nested}\n")
    assert problems_of(path) == [f"{path}:11: arrays or inline tables nested too deeply (not valid for a site config)"]


def test_an_unterminated_string_points_at_the_end_of_the_file(tmp_path):
    path = write(tmp_path, BASE + '\n[network]\nproxy = "http://proxy')
    assert problems_of(path) == [f"{path}:11: not valid TOML: Unterminated string (at the end of the file)"]


@pytest.mark.parametrize("key", ["a." * 300_000 + "a", '"a".' * 200_000 + "a", "a . " * 31 + "a"],
                         ids=["bare", "quoted", "spaced"])
def test_a_key_of_many_dotted_parts_is_refused_before_tomllib_sees_it(tmp_path, key):
    """tomllib needs time and memory by the square of a key's parts: a megabyte of them would exhaust both."""
    path = write(tmp_path, BASE + f"\n[imaging]\n{key} = 1\n")
    assert problems_of(path) == [f"{path}:11: a dotted key of 32 or more parts (not valid for a site config)"]


def test_a_number_of_thousands_of_digits(tmp_path):
    path = write(tmp_path, BASE.replace("timeout_seconds = 5", "timeout_seconds = " + "9" * 5000))
    assert problems_of(path) == [f"{path}:8: not valid TOML: a whole number of thousands of digits"]


# --- values -----------------------------------------------------------------------------------------

FLOAT_OPTIONS = [o for o in OPTIONS if o.type is float]


def _with(option_key: str, value: str) -> tuple[str, int]:
    """BASE with `section.key = value` set (in place of the key's line, if BASE has one), and its line."""
    section, key = option_key.split(".")
    if section not in ("site", "sources"):
        return BASE + f"\n[{section}]\n{key} = {value}\n", 11
    lines = BASE.splitlines()
    start = lines.index("[site]" if section == "site" else "[[sources]]")
    at = next((i for i in range(start + 1, len(lines)) if lines[i].startswith(f"{key} =")), start + 1)
    if lines[at].startswith(f"{key} ="):
        lines[at] = f"{key} = {value}"
    else:
        lines.insert(at, f"{key} = {value}")
    return "\n".join(lines) + "\n", at + 1


def test_every_float_option_is_tried():
    assert {o.key for o in FLOAT_OPTIONS} == {"imaging.cache_mb", "session.auto_lock_minutes",
                                              "sources.timeout_seconds", "sources.max_answer_mb",
                                              "review.rate_threshold"}


@pytest.mark.parametrize("option", FLOAT_OPTIONS, ids=lambda o: o.key)
@pytest.mark.parametrize(("value", "shown"), [("nan", "nan"), ("-nan", "nan"), ("inf", "inf"), ("-inf", "-inf"),
                                              ("1e400", "inf")])
def test_floats_must_be_finite(tmp_path, option, value, shown):
    text, line = _with(option.key, value)
    path = write(tmp_path, text)
    assert problems_of(path) == [f"{path}:{line}: '{option.key}' must be a finite number, not {shown} (nan, inf and "
                                 "numbers beyond 1e308 are not)"]


@pytest.mark.parametrize(("key", "value", "message"), [
    ("sources.timeout_seconds", "0", "must be greater than 0 and at most 600, not 0"),
    ("sources.timeout_seconds", "601", "must be greater than 0 and at most 600, not 601"),
    ("imaging.cache_mb", "-1", "must be greater than 0 and at most 1000000, not -1"),
    ("session.auto_lock_minutes", "1441", "must be greater than 0 and at most 1440, not 1441"),
    ("session.auto_lock_minutes", "1e308", "must be greater than 0 and at most 1440, not 1e+308"),
    ("imaging.cache_mb", "1" + "0" * 400, "must be a finite number, not inf (nan, inf and numbers beyond 1e308 are "
                                          "not)"),       # a whole number too big for a float
    ("cds_hooks.port", "70000", "must be a port number (0-65535), not 70000"),
    ("cds_hooks.port", "-1", "must be a port number (0-65535), not -1"),
    ("cds_hooks.port", "8711.0", "must be an int, not 8711.0"),
])
def test_numbers_must_be_in_range(tmp_path, key, value, message):
    text, line = _with(key, value)
    path = write(tmp_path, text)
    assert problems_of(path) == [f"{path}:{line}: '{key}' {message}"]


@pytest.mark.parametrize(("key", "value", "message"), [
    ("sources.fhir_base", '"http://[::1"', "sources.fhir_base 'http://[::1' is not a valid URL: Invalid IPv6 URL"),
    ("sources.fhir_base", '"https://fhir.example:99999/r4"', "sources.fhir_base 'https://fhir.example:99999/r4' is "
                                                              "not a valid URL: Port out of range 0-65535"),
    ("sources.fhir_base", '"https://fhir example/r4"',
     "sources.fhir_base 'https://fhir example/r4' names no valid host"),
    ("sources.fhir_base", '"https://:443/r4"', "sources.fhir_base 'https://:443/r4' names no valid host"),
    ("sources.dicomweb_base", '"pacs.example"', "sources.dicomweb_base 'pacs.example' is not an http(s) URL"),
    ("sign_in.issuer", '"http://[zz]/"', "sign_in.issuer 'http://[zz]/' is not a valid URL"),
    ("network.proxy", '"http://proxy:port"', "network.proxy 'http://proxy:port' is not a valid URL"),
    ("sources.ca_bundle", '"/nonexistent/hospital-ca.pem"', "sources.ca_bundle '/nonexistent/hospital-ca.pem' cannot "
                                                             "be found: No such file or directory"),
    ("sources.ca_bundle", '"/tmp"', "sources.ca_bundle '/tmp' is not a file"),
    ("site.timezone", '"../../etc/passwd"', "site.timezone '../../etc/passwd' is not a known time zone"),
    ("site.timezone", '"America"', "site.timezone 'America' is not a known time zone"),      # a folder of zones
    ("site.timezone", '"Mars/Olympus"', "site.timezone 'Mars/Olympus' is not a known time zone"),
    ("site.timezone", '"Asia/Shanghai\\u0000"', "'site.timezone' holds a control character"),
    # full-width digits
    ("site.region", '"３７０１０２"', "site.region '３７０１０２' must be a 6-digit division code"),
    ("site.name", '"' + "院" * 3000 + '"', "'site.name' is 3,000 characters long; at most 2,000 are accepted"),
    ("sources.label", '"a\\tb"', "'sources.label' holds a control character"),
    ("orders.consent_modes", '["paper-form", 3]', "'orders.consent_modes' must be a list of strings"),
    ("orders.note_required", "[[1]]", "'orders.note_required' must be a list of strings"),
    ("site.name", "{ a = { b = 1 } }", "'site.name' must be a str, not {'a': {'b': 1}}"),
    ("storage.without_keyring", '"maybe"', "storage.without_keyring 'maybe' is not one of 'refuse', 'unprotected'"),
])
def test_forms_of_values(tmp_path, key, value, message):
    text, line = _with(key, value)
    path = write(tmp_path, text)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:{line}: {message}")


def test_a_ca_bundle_that_exists_is_kept(tmp_path):
    pem = tmp_path / "hospital-ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    text, _ = _with("sources.ca_bundle", f'"{pem}"')
    assert load_site_config(write(tmp_path, text)).sources[0].ca_bundle == str(pem)


def test_catalogue_url_is_on_the_first_sources_server(tmp_path):
    ok = BASE + '\n[catalogue]\nurl = "https://fhir.jinan.example/r4/Binary/recognition-catalogue"\n'
    assert load_site_config(write(tmp_path, ok)).catalogue_url.endswith("recognition-catalogue")
    assert load_site_config(write(tmp_path, BASE + '\n[catalogue]\nurl = "Binary/cat"\n')).catalogue_url == "Binary/cat"
    path = write(tmp_path, ok.replace("fhir.jinan.example/r4/Binary", "elsewhere.example/Binary"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:11: catalogue.url 'https://elsewhere.example/Binary/recognition-catalogue' "
                              "is not on the server of the first source's fhir_base ('https://fhir.jinan.example/r4')")


# --- every problem at once ----------------------------------------------------------------------------

def test_three_mistakes_are_reported_together_with_their_lines(tmp_path):
    text = (BASE.replace('region = "370102"', 'region = "37"').replace("timeout_seconds = 5", "timeout_seconds = nan")
            + "\n[cds_hooks]\nport = 70000\n")
    path = write(tmp_path, text)
    assert problems_of(path) == [
        f"{path}:3: site.region '37' must be a 6-digit division code",
        f"{path}:8: 'sources.timeout_seconds' must be a finite number, not nan (nan, inf and numbers beyond 1e308 "
        "are not)",
        f"{path}:11: 'cds_hooks.port' must be a port number (0-65535), not 70000",
    ]


def test_each_source_is_checked_and_located(tmp_path):
    text = BASE + '\n[[sources]]\nname = "jinan"\nfhir_base = "ftp://x"\ntimeout = 3\n\n[[sources]]\nlabel = "x"\n'
    path = write(tmp_path, text)
    assert problems_of(path) == [
        f"{path}:11: sources.name 'jinan' is used by two sources; each needs its own name",
        f"{path}:12: sources.fhir_base 'ftp://x' is not an http(s) URL",
        f"{path}:13: unknown key 'sources.timeout'",
        f"{path}:15: sources[2] lacks the required key 'name'",
        f"{path}:15: sources[2] lacks the required key 'fhir_base'",
    ]


def test_unknown_sections_keys_and_shapes(tmp_path):
    text = 'stray = 1\n' + BASE + '\n[sight]\nname = "x"\n\n[imaging]\ncache = 1\n\n[network]\nproxy = ["x"]\n'
    path = write(tmp_path, text)
    assert problems_of(path) == [
        f"{path}:1: unknown key 'stray' (outside any section)",
        f"{path}:11: unknown section [sight]",
        f"{path}:15: unknown key 'imaging.cache'",
        f"{path}:18: 'network.proxy' must be a str, not ['x']",
    ]
    assert problems_of(write(tmp_path, 'site = "x"\nsources = [1]\n')) == [
        f"{path}:1: [site] must be a table",
        f"{path}:2: sources[0] must be a table ([[sources]])",
    ]
    assert problems_of(write(tmp_path, '[sources]\nname = "a"\nfhir_base = "https://x.example"\n')) == [
        f"{path}:1: [sources] must be [[sources]]: one table per source, each headed [[sources]]"]


def test_a_flood_of_problems_is_cut_short(tmp_path):
    text = BASE + "".join(f'\n[[sources]]\nname = "s{i}"\nfhir_base = "nowhere"\n' for i in range(80))
    problems = problems_of(write(tmp_path, text))
    assert len(problems) == 51 and problems[-1].endswith("… and 30 more problems")


# --- storage.without_keyring --------------------------------------------------------------------------

def test_without_keyring_defaults_to_refuse_in_a_site_file_and_unprotected_without_one(tmp_path):
    assert load_site_config(write(tmp_path, BASE)).without_keyring == "refuse"
    text = BASE + '\n[storage]\nwithout_keyring = "unprotected"\n'
    assert load_site_config(write(tmp_path, text)).without_keyring == "unprotected"
    assert SiteConfig(sources=(SourceConfig("demo", "http://127.0.0.1:8080/fhir"),)).without_keyring == "unprotected"
    assert single_source_config("https://fhir.example/r4").without_keyring == "unprotected"
    assert {o.key: o.default for o in OPTIONS}["storage.without_keyring"] == "refuse"


def test_names_in_messages_cannot_steer_the_terminal(tmp_path):
    path = write(tmp_path, BASE + '\n[site]\n"\\u001b[2J\\u202eevil" = 1\n'.replace("[site]", "[imaging]")
                 + '\n["\\u001b]0;title\\u0007"]\n')
    problems = problems_of(path)
    assert problems == [f"{path}:11: unknown key 'imaging.\\x1b[2J\\u202eevil'",
                        f"{path}:13: unknown section [\\x1b]0;title\\x07]"]
    assert not any(c in "".join(problems) for c in "\x1b\x07\u202e")


@pytest.mark.parametrize("shape", [
    '\n[site]\nname = "' + "x" * 1_000_000 + '"\n',       # one long word: no search may start inside it again
    "\n[imaging]\n" + "a." * 400_000 + "a = 1\n",         # tomllib alone would need hours and all the memory
    "".join(f"\n[orders]\nk{i} = 1" for i in range(60_000)),
    "\n" + ("a." * 30 + "a ") * 16_000 + "\n",
], ids=["long word", "long key", "many sections", "many near-limit keys"])
def test_a_megabyte_of_odd_shapes_is_refused_in_seconds(tmp_path, shape):
    import time

    path = write(tmp_path, (BASE + shape)[: 1 << 20])
    started = time.perf_counter()
    problems_of(path)
    assert time.perf_counter() - started < 5
