"""Site configuration (IT's TOML file) and where Huren keeps its files.

Each option is declared once, as a field of `SiteConfig` or `SourceConfig` (`app.config_options`):
its key in the file, type, default, description, and the range, choices or check a value must
pass. The parser below reads those declarations rather than a list of its own, so a new option is
one field, and the IT guide's reference (packaging/IT-GUIDE.md) is generated from them by
`python -m app.config_guide` (a test fails when it is stale), so the guide, the parser and the
dataclass cannot drift apart.

A wrong key or value stops the program, because a half-understood site config would quietly point
doctors at the wrong platform; and it stops with every problem of the file at once, each naming the
file, the line and the key, so that IT fixes them in one go. Reading the file (encodings, size,
TOML) is `app.config_file`; the checks and the collecting of their messages are `app.config_checks`.

Secrets never live here: passwords and tokens go to the system keyring.
"""

from __future__ import annotations

import os
import re
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.config_checks import ConfigError as ConfigError  # raised from here: callers import it from app.config
from app.config_checks import (
    Problems,
    checked_value,
    file_problem,
    printable,
    shown,
    timezone_problem,
    url_problem,
)
from app.config_file import read_site_file
from app.config_options import REQUIRED, Check, Range, option, options_of
from app.config_options import Option as Option  # re-exported: tests use it

#: The review rules' defaults (app.domain.review_rules.ReviewSettings'), which the site's [review] options
#: take: copied, not imported, so that loading the configuration imports no domain module before the
#: window's first paint (issue 17); tests/ui/test_startup_imports.py checks that they agree.
REVIEW_DEFAULTS: dict[str, Any] = {"reasons": ("patient-request", "other"), "same_item_days": 7,
                                   "rate_threshold": 0.3, "rate_min_decisions": 10, "flag_consent": True}

APP_NAME = "Huren"
CONFIG_ENV = "HUREN_CONFIG"
HOME_ENV = "HUREN_HOME"  # one folder for all of Huren's files: tests and portable installs


# Codes of app.domain.repeat_orders' ConsentMethod (in the order the consent dialog shows them) and
# RepeatReason: tests/test_config*.py check that they agree; config does not import the domain at load.
CONSENT_MODES = ("drawn-signature", "paper-form", "verbal-witness")
REPEAT_REASONS = ("condition-changed", "fast-changing", "crucial-item", "emergency", "appraisal", "patient-request",
                  "issuer-failed-qc", "other")
SIGN_IN_METHODS = ("oidc", "demo")
WITHOUT_KEYRING = ("refuse", "unprotected")


# The numbers each numeric option accepts; their descriptions below say so from the same values.
CACHE_MB = Range(0, 1_000_000)            # up to a terabyte of images
AUTO_LOCK_MINUTES = Range(0, 24 * 60)     # up to a day: the lock screen is not optional
TIMEOUT_SECONDS = Range(0, 600)
ANSWER_MB = Range(0, 1024)
PORT = Range(0, 65535, low_included=True, what="a port number (0-65535)")
REVIEW_DAYS = Range(0, 365, low_included=True)
REVIEW_RATE = Range(0, 1, low_included=True)
REVIEW_MIN_DECISIONS = Range(1, 100_000, low_included=True)


def _accepted(limits: Range) -> str:
    return f" Accepted: {limits.describe()}."


# --- checks beyond type, range and choices: what the guide says is accepted, and why a value is not ---

def _division_code(key: str, value: str) -> str | None:
    return None if re.fullmatch(r"[0-9]{6}", value) else f"{key} {shown(value)} must be a 6-digit division code"


def _not_blank(key: str, value: str) -> str | None:
    return None if value.strip() else f"{key} must not be empty"


def _proxy(key: str, value: str) -> str | None:
    problem = url_problem(key, value)
    if problem is None and urlsplit(value).password is not None:
        problem = f"{key} holds a password; no secrets in the site config"
    return problem


def _catalogue_location(key: str, value: str) -> str | None:
    """A value with "://" must be an http(s) URL; anything else is a path below the first source's FHIR
    base. Whether a URL is on that source's server is checked with the sources (`_check_together`)."""
    return url_problem(key, value) if "://" in value else None


def _some_consent_mode(key: str, value: list[str]) -> str | None:
    return None if value else f"{key} must name at least one consent mode (known: {', '.join(CONSENT_MODES)})"


def _source_name(key: str, value: str) -> str | None:
    if re.fullmatch(r"[A-Za-z0-9_-]+", value):
        return None
    return f"{key} {shown(value)} may hold letters, digits, - and _ only"


DIVISION_CODE = Check("6 digits (0-9)", _division_code)
TIME_ZONE = Check("a time zone of the tz database, such as `Asia/Shanghai`", timezone_problem)
HTTP_URL = Check("an http:// or https:// URL with a host", url_problem)
PROXY_URL = Check("an http:// or https:// URL with a host, without a password", _proxy)
READABLE_FILE = Check("the path of a file that exists and can be read", file_problem)
CATALOGUE_LOCATION = Check("an http(s) URL on the server of the first source's `fhir_base`, or a path below "
                           "that FHIR base", _catalogue_location)
NOT_BLANK = Check("not empty", _not_blank)
SOME_CONSENT_MODE = Check("at least one", _some_consent_mode)
SOURCE_NAME = Check("letters, digits, `-` and `_`; each source's own", _source_name)


def _unique(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The codes in their order, each once (a code listed twice would show twice in the consent dialog)."""
    return tuple(dict.fromkeys(codes))


def _without_trailing_slash(url: str) -> str:
    return url.rstrip("/")


@dataclass(frozen=True)
class SourceConfig:
    """One platform Huren asks, a `[[sources]]` table: `SourceConfig(name, fhir_base, label=...)`."""

    name: str = option("sources.name", REQUIRED, "Short name of a source (letters, digits, - and _).",
                       check=SOURCE_NAME)
    fhir_base: str = option("sources.fhir_base", REQUIRED, "Base URL of the source's FHIR R4 API (https).",
                            check=HTTP_URL)
    # After the required fields, as mypy reads the order (it cannot see option()'s kw_only).
    label: str = option("sources.label", "", "Name of the source shown to users, e.g. 济南市全民健康信息平台.")
    timeout_seconds: float = option(
        "sources.timeout_seconds", 10.0, "How long to wait for an answer before the source is shown as not "
        "answering; the rest of the window goes on meanwhile." + _accepted(TIMEOUT_SECONDS), limits=TIMEOUT_SECONDS)
    max_answer_mb: float = option(
        "sources.max_answer_mb", 32.0, "Largest FHIR answer (MB) taken from this source; a larger one is refused "
        "unread and the source shown as failed, so a server gone wrong cannot fill the workstation's memory. "
        "Searches come in pages of 50, some hundred kB each; documents and images have caps of their own."
        + _accepted(ANSWER_MB), limits=ANSWER_MB)
    ca_bundle: str = option(
        "sources.ca_bundle", "", "PEM file of CA certificates to trust for this source, for a platform signed by "
        "the hospital's own CA. TLS verification is never switched off. The file must exist when Huren starts.",
        check=READABLE_FILE)
    dicomweb_base: str = option(
        "sources.dicomweb_base", "", "Base URL of the source's DICOMweb service (QIDO-RS/WADO-RS), for studies "
        "whose ImagingStudy names no Endpoint; the signed-in user's token goes there too. Default: only the "
        "Endpoints the studies name.", check=HTTP_URL, tidy=_without_trailing_slash)
    probe_patient: str = option(
        "sources.probe_patient", "", "A test patient's resident ID (or system|value identifier) for `huren check`: "
        "it loads that patient's lab reports as a chart does and checks that they come with their results and "
        "issuing hospitals. Default: only the server's CapabilityStatement is checked.")

    @property
    def display_name(self) -> str:
        return self.label or self.name


@dataclass(frozen=True)
class SiteConfig:
    """The hospital's settings, one field per option of the site file (plus where they came from)."""

    sources: tuple[SourceConfig, ...]
    _: KW_ONLY
    demo: bool = False                   # the embedded demo platform: marked as such wherever data is shown
    path: Path | None = None             # the site file read; None without one
    demo_patient: tuple[str, str] = ("", "")   # the demo's showcase patient offered on first start: (ID, name)
    site_name: str = option("site.name", "", "This hospital's name, shown in the window title.")
    organization: str = option(
        "site.organization", "", "This hospital's Organization id on the platform; its staff are listed first "
        "and orders name it.")
    region: str = option(
        "site.region", "", "6-digit administrative division code of this hospital; decides which province and "
        "city HR marks are recognized here. Without it only national marks are.", check=DIVISION_CODE)
    timezone: str = option("site.timezone", "Asia/Shanghai", "Time zone in which result ages are counted in days.",
                           check=TIME_ZONE)
    catalogue_url: str = option(
        "catalogue.url", "", "Where to fetch the recognition catalogue; default: the first source's "
        "Binary/recognition-catalogue (an http(s) URL on that source's server, or a path below its FHIR base).",
        check=CATALOGUE_LOCATION)
    note_required: tuple[str, ...] = option(
        "orders.note_required", (), f"Repeat reasons (codes: {', '.join(REPEAT_REASONS[:-1])}) that need free "
        "text at this site; 'other' always does.", choices=REPEAT_REASONS, item="reason code")
    physician_records_consent: bool = option(
        "orders.physician_records_consent", False, "Whether a physician may record the patient's consent, with a "
        "named witness, where no nurse is at hand.")
    consent_modes: tuple[str, ...] = option(
        "orders.consent_modes", CONSENT_MODES, "Ways of recording the patient's consent this hospital accepts "
        "(codes: drawn-signature: signed on screen; paper-form: signed paper form, scanned; verbal-witness: said "
        "aloud before a named witness); the consent dialog offers only these. At least one.",
        choices=CONSENT_MODES, item="consent mode", check=SOME_CONSENT_MODE, tidy=_unique)
    image_cache_mb: float = option(
        "imaging.cache_mb", 4096.0, "Disk space for images already opened (user cache dir); the least recently "
        "used are dropped beyond it." + _accepted(CACHE_MB), limits=CACHE_MB)
    clear_image_cache_on_sign_out: bool = option(
        "imaging.clear_cache_on_sign_out", False, "Whether images kept on disk are deleted when a user signs out "
        "or another user takes the workstation (shared workstations).")
    auto_lock_minutes: float = option(
        "session.auto_lock_minutes", 10.0, "Minutes without keyboard or mouse after which the window hides "
        "patient data behind a lock screen; the same user unlocks, another user's sign-in closes the previous "
        "user's patient." + _accepted(AUTO_LOCK_MINUTES), limits=AUTO_LOCK_MINUTES)
    # A site file defaults to "oidc", so a hospital never runs on demo sign-in by omission; without one
    # (embedded demo, --platform URL, tests) there are only demo accounts.
    sign_in_method: str = option(
        "sign_in.method", "oidc", "How users sign in: 'oidc' (OAuth 2.0 / OpenID Connect authorization code "
        "with PKCE, in the system browser, at the platform's authorization server) or 'demo' (the embedded demo "
        "platform's demo accounts, for demonstrations only). A site file without this key gets 'oidc', so "
        "forgetting the line never leaves a hospital without real sign-in; without a site file (the embedded "
        "demo, --platform URL) it is 'demo'.", choices=SIGN_IN_METHODS, without_file="demo")
    sign_in_client_id: str = option(
        "sign_in.client_id", "huren-workstation", "The OAuth client id under which Huren is registered at the "
        "platform's authorization server.", check=NOT_BLANK)
    sign_in_issuer: str = option(
        "sign_in.issuer", "", "Base URL (http or https) of the authorization server; default: discovered from "
        "the first source's `<fhir_base>/.well-known/smart-configuration`.", check=HTTP_URL)
    his_launch: bool = option(
        "sign_in.his_launch", True, "Whether the HIS may start Huren with a launch token (SMART EHR launch) that "
        "the platform exchanges for the signed-in user and the open patient.")
    proxy: str = option(
        "network.proxy", "", "URL (http:// or https://) of the proxy that carries every request to the platform "
        "(FHIR, DICOMweb, sign-in), e.g. http://proxy.hospital.example:3128; it then beats the environment's "
        "HTTP_PROXY, HTTPS_PROXY and NO_PROXY. Default: the system's proxy settings (environment).",
        check=PROXY_URL)
    cds_hooks_port: int = option(
        "cds_hooks.port", 0, "Loopback port of the order-check service (CDS Hooks) the HIS calls before an order "
        "is signed; 0: off. Its bearer secret is kept in the system keyring (service 'huren', name 'cds-hooks') "
        "or given in the environment variable HUREN_CDS_SECRET, never in this file.", limits=PORT)
    # A site file defaults to "refuse", so a hospital never stores records unsealed by omission; without
    # one (embedded demo, --platform URL, tests) Huren works unencrypted where there is no keyring.
    without_keyring: str = option(
        "storage.without_keyring", "refuse", "What Huren does on a workstation without a usable system keyring "
        "(the key that seals patient data at rest lives there): 'refuse' opens no patient data and says what to "
        "install; 'unprotected' seals the records with a key kept in a file of the user's data folder (readable "
        "by that account only, so anyone who can read the account's files can read the records) and shows "
        "'unprotected workstation' in the window and in `huren check`. A site file without this key gets "
        "'refuse'; without a site file (the embedded demo, --platform URL) it is 'unprotected'.",
        choices=WITHOUT_KEYRING, without_file="unprotected")
    # The supervisor's review: the defaults are ReviewSettings' (app/domain/review_rules.py).
    review_reasons: tuple[str, ...] = option(
        "review.reasons", REVIEW_DEFAULTS["reasons"],
        "Repeat reasons (codes) that put a repeat of a "
        "recognizable result on the supervisor's review queue; empty: none.", choices=REPEAT_REASONS,
        item="reason code", tidy=_unique)
    review_same_item_days: int = option(
        "review.same_item_days", REVIEW_DEFAULTS["same_item_days"],
        "A repeat of an item the same patient had repeated at the same hospital "
        "within this many days before goes on the review queue; 0: off." + _accepted(REVIEW_DAYS),
        limits=REVIEW_DAYS)
    review_rate_threshold: float = option(
        "review.rate_threshold", REVIEW_DEFAULTS["rate_threshold"],
        "A doctor's or a department's share of repeats among their decisions "
        "(0 to 1) above which all their repeats of the period go on the review queue; 1: off."
        + _accepted(REVIEW_RATE), limits=REVIEW_RATE)
    review_rate_min_decisions: int = option(
        "review.rate_min_decisions", REVIEW_DEFAULTS["rate_min_decisions"],
        "Decisions a doctor or department must have in the period before their "
        "repeat share counts (fewer are no pattern)." + _accepted(REVIEW_MIN_DECISIONS),
        limits=REVIEW_MIN_DECISIONS)
    review_consent: bool = option(
        "review.consent", REVIEW_DEFAULTS["flag_consent"],
        "Whether a repeat whose consent the platform does not hold, or which the patient "
        "refused, goes on the review queue.")


SITE_OPTIONS = options_of(SiteConfig)        # the sections that appear once
SOURCE_OPTIONS = options_of(SourceConfig)    # each [[sources]] table
OPTIONS: tuple[Option, ...] = SITE_OPTIONS + SOURCE_OPTIONS
SECTIONS = tuple(dict.fromkeys(o.section for o in SITE_OPTIONS))
_DECLARED = {o.key: o for o in OPTIONS}


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


def parse_site_config(raw: dict[str, Any], text: str = "", path: Path | None = None) -> SiteConfig:
    """Every section, key and source checked; the problems of all of them raised together."""
    problems = Problems(text, path)
    settings = _settings(raw, problems)
    sources = _sources(raw.get("sources"), problems)
    _check_together(settings, sources[0] if sources else None, problems)
    problems.raise_if_any()
    return SiteConfig(sources=tuple(s for s in sources if s is not None), path=path, **settings)


def _defaults(options: tuple[Option, ...]) -> dict[str, Any]:
    """Attribute by attribute, what a site file that leaves the options out gets."""
    return {o.attribute: o.kept(o.default) for o in options if not o.required}


def _settings(raw: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """SiteConfig's settings by attribute: the file's value where it is valid, else the declared default
    (so that one wrong value does not set off further problems in the checks that read it)."""
    settings = _defaults(SITE_OPTIONS)
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
        settings.update(_checked_table(section, table, problems))
    return settings


def _checked_table(section: str, table: dict[str, Any], problems: Problems, index: int | None = None) -> dict[str, Any]:
    """The table's valid values by attribute; a problem for each unknown key and wrong value."""
    checked = {}
    for key, value in table.items():
        declared = _DECLARED.get(f"{section}.{key}")
        if declared is None:
            problems.add(f"unknown key '{section}.{printable(key)}'", section, key, index)
            continue
        value, problem = checked_value(declared, value)
        if problem:
            problems.add(problem, section, key, index)
        else:
            checked[declared.attribute] = value
    return checked


def _sources(raw_sources: Any, problems: Problems) -> list[SourceConfig | None]:
    """Each [[sources]] table in its order; None for one that is no table or lacks a required key."""
    if isinstance(raw_sources, dict):
        problems.add("[sources] must be [[sources]]: one table per source, each headed [[sources]]", "sources")
        return []
    if not isinstance(raw_sources, list) or not raw_sources:
        problems.add("at least one [[sources]] table is required", "sources")
        return []
    sources = [_source(i, table, problems) for i, table in enumerate(raw_sources)]
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
    """One [[sources]] table as a SourceConfig, or None when it is no table or lacks a valid required key."""
    if not isinstance(table, dict):
        problems.add(f"sources[{index}] must be a table ([[sources]])", "sources", None, index)
        return None
    checked = _checked_table("sources", table, problems, index)
    required = [o for o in SOURCE_OPTIONS if o.required]
    for declared in required:
        if declared.name not in table:
            problems.add(f"sources[{index}] lacks the required key '{declared.name}'", "sources", None, index)
    if any(o.attribute not in checked for o in required):
        return None
    return SourceConfig(**(_defaults(SOURCE_OPTIONS) | checked))


def _check_together(settings: dict[str, Any], first: SourceConfig | None, problems: Problems) -> None:
    """The rules that tie two options together, which no single option's check can see."""
    if settings["physician_records_consent"] and "verbal-witness" not in settings["consent_modes"]:
        problems.add("orders.physician_records_consent needs 'verbal-witness' in orders.consent_modes: a "
                     "physician records consent only with a named witness", "orders", "physician_records_consent")
    url = settings["catalogue_url"]      # valid, or the default: a URL or path below the first source's base
    if "://" in url and first is not None and not _same_origin(url, first.fhir_base):
        problems.add(f"catalogue.url {shown(url)} is not on the server of the first source's fhir_base "
                     f"({shown(first.fhir_base)}); Huren fetches the catalogue only from there", "catalogue", "url")


def _same_origin(a: str, b: str) -> bool:
    first, second = urlsplit(a), urlsplit(b)
    return (first.scheme, first.netloc) == (second.scheme, second.netloc)


def single_source_config(fhir_base: str, region: str = "") -> SiteConfig:
    """`--platform URL`: one source, no file, for IT checks and tests."""
    return SiteConfig(sources=(SourceConfig(name="platform", fhir_base=fhir_base.rstrip("/")),), region=region)
