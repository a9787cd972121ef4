"""Site configuration (IT's TOML file) and where Huren keeps its files.

The options are declared once in `OPTIONS` (type, default, description, and the range, choices
or form a value must have): validation reads them, and the IT guide is generated from them, so
the two cannot drift. A wrong key or value stops the program, because a half-understood site
config would quietly point doctors at the wrong platform; and it stops with every problem of
the file at once, each naming the file, the line and the key, so that IT fixes them in one go.
Reading the file (encodings, size, TOML) is `app.config_file`; the checks and the collecting of
their messages are `app.config_checks`.

Secrets never live here: passwords and tokens go to the system keyring.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.config_checks import ConfigError as ConfigError  # raised from here: callers import it from app.config
from app.config_checks import Option, Problems, Range, checked_value, printable, shown, timezone_problem, url_problem
from app.config_file import read_site_file

APP_NAME = "Huren"
CONFIG_ENV = "HUREN_CONFIG"
HOME_ENV = "HUREN_HOME"  # one folder for all of Huren's files: tests and portable installs


# Codes of app.domain.repeat_orders.ConsentMethod, in the order the consent dialog shows them
# (tests/test_config.py checks that the two agree; config does not import the domain at load).
CONSENT_MODES = ("drawn-signature", "paper-form", "verbal-witness")
SIGN_IN_METHODS = ("oidc", "demo")
WITHOUT_KEYRING = ("refuse", "unprotected")


# The numbers each numeric option accepts; their descriptions below say so from the same values.
CACHE_MB = Range(0, 1_000_000)            # up to a terabyte of images
AUTO_LOCK_MINUTES = Range(0, 24 * 60)     # up to a day: the lock screen is not optional
TIMEOUT_SECONDS = Range(0, 600)
ANSWER_MB = Range(0, 1024)
PORT = Range(0, 65535, low_included=True, what="a port number (0-65535)")


def _accepted(limits: Range) -> str:
    return f" Accepted: {limits.describe()}."


OPTIONS: tuple[Option, ...] = (
    Option("site.name", str, "", "This hospital's name, shown in the window title."),
    Option("site.organization", str, "", "This hospital's Organization id on the platform; its staff are "
           "listed first and orders name it."),
    Option("site.region", str, "", "6-digit administrative division code of this hospital; decides which "
           "province and city HR marks are recognized here. Without it only national marks are."),
    Option("site.timezone", str, "Asia/Shanghai", "Time zone in which result ages are counted in days."),
    Option("catalogue.url", str, "", "Where to fetch the recognition catalogue; default: the first source's "
           "Binary/recognition-catalogue (an http(s) URL on that source's server, or a path below its FHIR base)."),
    Option("orders.note_required", list, [], "Repeat reasons (codes: condition-changed, fast-changing, "
           "crucial-item, emergency, appraisal, patient-request, issuer-failed-qc) that need free text at this "
           "site; 'other' always does."),
    Option("orders.physician_records_consent", bool, False, "Whether a physician may record the patient's "
           "consent, with a named witness, where no nurse is at hand."),
    Option("orders.consent_modes", list, list(CONSENT_MODES), "Ways of recording the patient's consent this "
           "hospital accepts (codes: drawn-signature: signed on screen; paper-form: signed paper form, scanned; "
           "verbal-witness: said aloud before a named witness); the consent dialog offers only these. At least "
           "one."),
    Option("imaging.cache_mb", float, 4096.0, "Disk space for images already opened (user cache dir); the "
           "least recently used are dropped beyond it." + _accepted(CACHE_MB), limits=CACHE_MB),
    Option("imaging.clear_cache_on_sign_out", bool, False, "Whether images kept on disk are deleted when a "
           "user signs out or another user takes the workstation (shared workstations)."),
    Option("session.auto_lock_minutes", float, 10.0, "Minutes without keyboard or mouse after which the window "
           "hides patient data behind a lock screen; the same user unlocks, another user's sign-in closes the "
           "previous user's patient." + _accepted(AUTO_LOCK_MINUTES), limits=AUTO_LOCK_MINUTES),
    Option("sign_in.method", str, "oidc", "How users sign in: 'oidc' (OAuth 2.0 / OpenID Connect authorization "
           "code with PKCE, in the system browser, at the platform's authorization server) or 'demo' (the "
           "embedded demo platform's demo accounts, for demonstrations only). A site file without this key gets "
           "'oidc', so forgetting the line never leaves a hospital without real sign-in; without a site file "
           "(the embedded demo, --platform URL) it is 'demo'.", choices=SIGN_IN_METHODS),
    Option("sign_in.client_id", str, "huren-workstation", "The OAuth client id under which Huren is registered "
           "at the platform's authorization server."),
    Option("sign_in.issuer", str, "", "Base URL (http or https) of the authorization server; default: "
           "discovered from the first source's `<fhir_base>/.well-known/smart-configuration`.", form="url"),
    Option("sign_in.his_launch", bool, True, "Whether the HIS may start Huren with a launch token (SMART EHR "
           "launch) that the platform exchanges for the signed-in user and the open patient."),
    Option("network.proxy", str, "", "URL (http:// or https://) of the proxy that carries every request to "
           "the platform (FHIR, DICOMweb, sign-in), e.g. http://proxy.hospital.example:3128; it then beats the "
           "environment's HTTP_PROXY, HTTPS_PROXY and NO_PROXY. Default: the system's proxy settings "
           "(environment).", form="url"),
    Option("cds_hooks.port", int, 0, "Loopback port of the order-check service (CDS Hooks) the HIS calls before "
           "an order is signed; 0: off. Its bearer secret is kept in the system keyring (service 'huren', "
           "name 'cds-hooks') or given in the environment variable HUREN_CDS_SECRET, never in this file.", limits=PORT),
    Option("storage.without_keyring", str, "refuse", "What Huren does on a workstation without a usable system "
           "keyring (the key that seals patient data at rest lives there): 'refuse' opens no patient data and "
           "says what to install; 'unprotected' seals the records with a key kept in a file of the user's data "
           "folder (readable by that account only, so anyone who can read the account's files can read the "
           "records) and shows 'unprotected workstation' in the window and in `huren check`. A site file "
           "without this key gets 'refuse'; without a site file (the embedded demo, --platform URL) it is "
           "'unprotected'.", choices=WITHOUT_KEYRING),
    Option("sources.name", str, None, "Short name of a source (letters, digits, - and _).", required=True),
    Option("sources.label", str, "", "Name of the source shown to users, e.g. 济南市全民健康信息平台."),
    Option("sources.fhir_base", str, None, "Base URL of the source's FHIR R4 API (https).", required=True,
           form="url"),
    Option("sources.timeout_seconds", float, 10.0, "How long to wait for an answer before the source is "
           "shown as not answering; the rest of the window goes on meanwhile." + _accepted(TIMEOUT_SECONDS),
           limits=TIMEOUT_SECONDS),
    Option("sources.max_answer_mb", float, 32.0, "Largest FHIR answer (MB) taken from this source; a larger "
           "one is refused unread and the source shown as failed, so a server gone wrong cannot fill the "
           "workstation's memory. Searches come in pages of 50, some hundred kB each; documents and images have "
           "caps of their own." + _accepted(ANSWER_MB), limits=ANSWER_MB),
    Option("sources.ca_bundle", str, "", "PEM file of CA certificates to trust for this source, for a "
           "platform signed by the hospital's own CA. TLS verification is never switched off. "
           "The file must exist when Huren starts.",
           form="file"),
    Option("sources.dicomweb_base", str, "", "Base URL of the source's DICOMweb service (QIDO-RS/WADO-RS), for "
           "studies whose ImagingStudy names no Endpoint; the signed-in user's token goes there too. Default: "
           "only the Endpoints the studies name.", form="url"),
    Option("sources.probe_patient", str, "", "A test patient's resident ID (or system|value identifier) for "
           "`huren check`: it loads that patient's lab reports as a chart does and checks that they come with "
           "their results and issuing hospitals. Default: only the server's CapabilityStatement is checked."),
)
_DECLARED = {o.key: o for o in OPTIONS}


@dataclass(frozen=True)
class SourceConfig:
    name: str
    fhir_base: str
    label: str = ""
    timeout_seconds: float = 10.0
    max_answer_mb: float = 32.0
    ca_bundle: str = ""
    dicomweb_base: str = ""
    probe_patient: str = ""

    @property
    def display_name(self) -> str:
        return self.label or self.name


@dataclass(frozen=True)
class SiteConfig:
    sources: tuple[SourceConfig, ...]
    site_name: str = ""
    organization: str = ""
    region: str = ""
    timezone: str = "Asia/Shanghai"
    catalogue_url: str = ""
    demo: bool = False
    path: Path | None = None
    note_required: tuple[str, ...] = ()          # repeat-reason codes that need free text here
    physician_records_consent: bool = False      # with a named witness, where no nurse is at hand
    consent_modes: tuple[str, ...] = CONSENT_MODES  # ConsentMethod codes this hospital accepts
    cds_hooks_port: int = 0
    auto_lock_minutes: float = 10.0
    image_cache_mb: float = 4096.0
    clear_image_cache_on_sign_out: bool = False
    # No site file (embedded demo, --platform URL, tests) means demo accounts; a site file
    # defaults to "oidc" instead (parse_site_config), so a hospital never runs on demo sign-in by omission.
    sign_in_method: str = "demo"
    sign_in_client_id: str = "huren-workstation"
    sign_in_issuer: str = ""                     # "" = from <first fhir_base>/.well-known/smart-configuration
    his_launch: bool = True                      # SMART EHR launch from the HIS
    proxy: str = ""                              # "" = the environment's proxy settings
    # No site file (embedded demo, --platform URL, tests) works unencrypted without a keyring; a site file
    # defaults to "refuse" instead (parse_site_config), so a hospital never stores records unsealed by omission.
    without_keyring: str = "unprotected"         # "refuse" or "unprotected" (WITHOUT_KEYRING)


@dataclass(frozen=True)
class Paths:
    """Folders for Huren's own files; all under HUREN_HOME when it is set."""

    config: Path
    data: Path
    cache: Path
    log: Path
    site_config: Path = field(default=Path())


def paths() -> Paths:
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home)
        return Paths(root / "config", root / "data", root / "cache", root / "log", root / "site" / "site.toml")
    import platformdirs

    return Paths(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / "site.toml",
    )


def find_site_config(explicit: str | None = None) -> Path | None:
    """The site config to use: --config, then $HUREN_CONFIG, then the system-wide file if it exists."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    default = paths().site_config
    return default if default.is_file() else None


def load_site_config(path: Path) -> SiteConfig:
    """The site config in `path`; raises one ConfigError listing every problem of the file."""
    raw, text = read_site_file(path)
    return parse_site_config(raw, text, path)


SECTIONS = ("site", "catalogue", "orders", "imaging", "cds_hooks", "session", "sign_in", "network", "storage")


def parse_site_config(raw: dict[str, Any], text: str = "", path: Path | None = None) -> SiteConfig:
    """Every section, key and source checked; the problems of all of them raised together."""
    problems = Problems(text, path)
    values = _section_values(raw, problems)
    sources = _sources(raw.get("sources"), problems)
    _check_site(values, problems)
    _check_orders(values, problems)
    _check_connections(values, sources, problems)
    problems.raise_if_any()
    return SiteConfig(
        sources=tuple(sources),
        site_name=values["site.name"],
        organization=values["site.organization"],
        region=values["site.region"],
        timezone=values["site.timezone"],
        catalogue_url=values["catalogue.url"],
        path=path,
        note_required=tuple(values["orders.note_required"]),
        physician_records_consent=values["orders.physician_records_consent"],
        consent_modes=tuple(dict.fromkeys(values["orders.consent_modes"])),
        cds_hooks_port=values["cds_hooks.port"],
        auto_lock_minutes=values["session.auto_lock_minutes"],
        image_cache_mb=values["imaging.cache_mb"],
        clear_image_cache_on_sign_out=values["imaging.clear_cache_on_sign_out"],
        sign_in_method=values["sign_in.method"],
        sign_in_client_id=values["sign_in.client_id"],
        sign_in_issuer=values["sign_in.issuer"],
        his_launch=values["sign_in.his_launch"],
        proxy=values["network.proxy"],
        without_keyring=values["storage.without_keyring"],
    )


def _section_values(raw: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """Every option outside [[sources]]: the file's value where it is valid, else the declared default
    (so that one wrong value does not set off further problems in the checks that read it)."""
    values = {o.key: o.default for o in OPTIONS if not o.key.startswith("sources.")}
    for name, table in raw.items():
        if name not in {*SECTIONS, "sources"}:
            shown_name = printable(name)
            what = (f"unknown section [{shown_name}]" if isinstance(table, dict)
                    else f"unknown key '{shown_name}' (outside any section)")
            problems.add(what, section=name)
    for section in SECTIONS:
        table = raw.get(section, {})
        if not isinstance(table, dict):
            problems.add(f"[{section}] must be a table", section=section)
            continue
        values.update(_checked_table(section, table, problems))
    return values


def _checked_table(section: str, table: dict[str, Any], problems: Problems, index: int | None = None) -> dict[str, Any]:
    """The table's valid values by "section.key"; a problem for each unknown key and wrong value."""
    checked = {}
    for key, value in table.items():
        option = _DECLARED.get(f"{section}.{key}")
        if option is None:
            problems.add(f"unknown key '{section}.{printable(key)}'", section, key, index)
            continue
        value, problem = checked_value(option, value)
        if problem:
            problems.add(problem, section, key, index)
        else:
            checked[option.key] = value
    return checked


def _sources(raw_sources: Any, problems: Problems) -> list[SourceConfig]:
    if isinstance(raw_sources, dict):
        problems.add("[sources] must be [[sources]]: one table per source, each headed [[sources]]", "sources")
        return []
    if not isinstance(raw_sources, list) or not raw_sources:
        problems.add("at least one [[sources]] table is required", "sources")
        return []
    sources = [s for i, table in enumerate(raw_sources) if (s := _source(i, table, problems)) is not None]
    seen: set[str] = set()
    for i, table in enumerate(raw_sources):
        name = table.get("name") if isinstance(table, dict) else None
        if isinstance(name, str) and name in seen:
            problems.add(f"sources.name {shown(name)} is used by two sources; each needs its own name",
                         "sources", "name", i)
        if isinstance(name, str):
            seen.add(name)
    return sources


def _source(index: int, table: Any, problems: Problems) -> SourceConfig | None:
    """One [[sources]] table as a SourceConfig, or None when it lacks a required key or is no table."""
    if not isinstance(table, dict):
        problems.add(f"sources[{index}] must be a table ([[sources]])", "sources", None, index)
        return None
    checked = {k.split(".", 1)[1]: v for k, v in _checked_table("sources", table, problems, index).items()}
    for option in OPTIONS:
        name = option.key.split(".", 1)[1]
        if option.required and option.key.startswith("sources.") and name not in table:
            problems.add(f"sources[{index}] lacks the required key '{name}'", "sources", None, index)
    if "name" in checked and not re.fullmatch(r"[A-Za-z0-9_-]+", checked["name"]):
        problems.add(f"sources.name {shown(checked['name'])} may hold letters, digits, - and _ only",
                     "sources", "name", index)
    if "dicomweb_base" in checked:
        checked["dicomweb_base"] = checked["dicomweb_base"].rstrip("/")
    if not {"name", "fhir_base"} <= checked.keys():
        return None
    return SourceConfig(**checked)


def _check_site(values: dict[str, Any], problems: Problems) -> None:
    region = values["site.region"]
    if region and not re.fullmatch(r"[0-9]{6}", region):
        problems.add(f"site.region {shown(region)} must be a 6-digit division code", "site", "region")
    problem = timezone_problem("site.timezone", values["site.timezone"])
    if problem:
        problems.add(problem, "site", "timezone")


def _check_orders(values: dict[str, Any], problems: Problems) -> None:
    from app.domain.repeat_orders import RepeatReason

    known = {r.value for r in RepeatReason}
    unknown = [c for c in values["orders.note_required"] if c not in known]
    if unknown:
        problems.add(f"orders.note_required: unknown reason code {shown(unknown[0])} "
                     f"(known: {', '.join(sorted(known))})", "orders", "note_required")
    consent_modes = values["orders.consent_modes"]
    unknown = [c for c in consent_modes if c not in CONSENT_MODES]
    if unknown:
        problems.add(f"orders.consent_modes: unknown consent mode {shown(unknown[0])} "
                     f"(known: {', '.join(CONSENT_MODES)})", "orders", "consent_modes")
    elif not consent_modes:
        problems.add("orders.consent_modes must name at least one consent mode "
                     f"(known: {', '.join(CONSENT_MODES)})", "orders", "consent_modes")
    if values["orders.physician_records_consent"] and "verbal-witness" not in consent_modes:
        problems.add("orders.physician_records_consent needs 'verbal-witness' in orders.consent_modes: a "
                     "physician records consent only with a named witness", "orders", "physician_records_consent")


def _check_connections(values: dict[str, Any], sources: list[SourceConfig], problems: Problems) -> None:
    """Sign-in and network rules that a value's form alone does not show: an empty client id, a secret in
    the proxy URL, a catalogue on another server than the first source's (the client would refuse it)."""
    if not values["sign_in.client_id"].strip():
        problems.add("sign_in.client_id must not be empty", "sign_in", "client_id")
    if urlsplit(values["network.proxy"]).password is not None:
        problems.add("network.proxy holds a password; no secrets in the site config", "network", "proxy")
    url = values["catalogue.url"]
    if "://" in url:
        problem = url_problem("catalogue.url", url)
        if problem is None and sources and not _same_origin(url, sources[0].fhir_base):
            problem = (f"catalogue.url {shown(url)} is not on the server of the first source's fhir_base "
                       f"({shown(sources[0].fhir_base)}); Huren fetches the catalogue only from there")
        if problem:
            problems.add(problem, "catalogue", "url")


def _same_origin(a: str, b: str) -> bool:
    first, second = urlsplit(a), urlsplit(b)
    return (first.scheme, first.netloc) == (second.scheme, second.netloc)


def single_source_config(fhir_base: str, region: str = "") -> SiteConfig:
    """`--platform URL`: one source, no file, for IT checks and tests."""
    return SiteConfig(sources=(SourceConfig(name="platform", fhir_base=fhir_base.rstrip("/")),), region=region)
