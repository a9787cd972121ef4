"""Site configuration (IT's TOML file) and where Huren keeps its files.

The options are declared once in `OPTIONS` (type, default, description): validation reads
them, and the IT guide is generated from them, so the two cannot drift. A wrong key or value
stops the program with a message naming the key, the file and the line, because a
half-understood site config would quietly point doctors at the wrong platform.

Secrets never live here: passwords and tokens go to the system keyring.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

APP_NAME = "Huren"
CONFIG_ENV = "HUREN_CONFIG"
HOME_ENV = "HUREN_HOME"  # one folder for all of Huren's files: tests and portable installs


# Codes of app.domain.repeat_orders.ConsentMethod, in the order the consent dialog shows them
# (tests/test_config.py checks that the two agree; config does not import the domain at load).
CONSENT_MODES = ("drawn-signature", "paper-form", "verbal-witness")
SIGN_IN_METHODS = ("oidc", "demo")


class ConfigError(ValueError):
    """A site config that cannot be used; str() names the file, line and key."""


@dataclass(frozen=True)
class Option:
    key: str            # "section.name"
    type: type
    default: Any
    description: str
    required: bool = False


OPTIONS: tuple[Option, ...] = (
    Option("site.name", str, "", "This hospital's name, shown in the window title."),
    Option("site.organization", str, "", "This hospital's Organization id on the platform; its staff are "
           "listed first and orders name it."),
    Option("site.region", str, "", "6-digit administrative division code of this hospital; decides which "
           "province and city HR marks are recognized here. Without it only national marks are."),
    Option("site.timezone", str, "Asia/Shanghai", "Time zone in which result ages are counted in days."),
    Option("catalogue.url", str, "", "Where to fetch the recognition catalogue; default: the first source's "
           "Binary/recognition-catalogue."),
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
           "least recently used are dropped beyond it."),
    Option("imaging.clear_cache_on_sign_out", bool, False, "Whether images kept on disk are deleted when a "
           "user signs out or another user takes the workstation (shared workstations)."),
    Option("session.auto_lock_minutes", float, 10.0, "Minutes without keyboard or mouse after which the window "
           "hides patient data behind a lock screen; the same user unlocks, another user's sign-in closes the "
           "previous user's patient."),
    Option("sign_in.method", str, "oidc", "How users sign in: 'oidc' (OAuth 2.0 / OpenID Connect authorization "
           "code with PKCE, in the system browser, at the platform's authorization server) or 'demo' (the "
           "embedded demo platform's demo accounts, for demonstrations only). A site file without this key gets "
           "'oidc', so forgetting the line never leaves a hospital without real sign-in; without a site file "
           "(the embedded demo, --platform URL) it is 'demo'."),
    Option("sign_in.client_id", str, "huren-workstation", "The OAuth client id under which Huren is registered "
           "at the platform's authorization server."),
    Option("sign_in.issuer", str, "", "Base URL (http or https) of the authorization server; default: "
           "discovered from the first source's `<fhir_base>/.well-known/smart-configuration`."),
    Option("sign_in.his_launch", bool, True, "Whether the HIS may start Huren with a launch token (SMART EHR "
           "launch) that the platform exchanges for the signed-in user and the open patient."),
    Option("network.proxy", str, "", "URL (http:// or https://) of the proxy that carries every request to "
           "the platform (FHIR, DICOMweb, sign-in), e.g. http://proxy.hospital.example:3128; it then beats the "
           "environment's HTTP_PROXY, HTTPS_PROXY and NO_PROXY. Default: the system's proxy settings "
           "(environment)."),
    Option("cds_hooks.port", int, 0, "Loopback port of the order-check service (CDS Hooks) the HIS calls before "
           "an order is signed; 0: off. Its bearer secret is kept in the system keyring (service 'huren', "
           "name 'cds-hooks') or given in the environment variable HUREN_CDS_SECRET, never in this file."),
    Option("sources.name", str, None, "Short name of a source (letters, digits, - and _).", required=True),
    Option("sources.label", str, "", "Name of the source shown to users, e.g. 济南市全民健康信息平台."),
    Option("sources.fhir_base", str, None, "Base URL of the source's FHIR R4 API (https).", required=True),
    Option("sources.timeout_seconds", float, 10.0, "How long to wait for an answer before the source is "
           "shown as not answering; the rest of the window goes on meanwhile."),
    Option("sources.ca_bundle", str, "", "PEM file of CA certificates to trust for this source, for a "
           "platform signed by the hospital's own CA. TLS verification is never switched off."),
    Option("sources.dicomweb_base", str, "", "Base URL of the source's DICOMweb service (QIDO-RS/WADO-RS), for "
           "studies whose ImagingStudy names no Endpoint; the signed-in user's token goes there too. Default: "
           "only the Endpoints the studies name."),
    Option("sources.probe_patient", str, "", "A test patient's resident ID (or system|value identifier) for "
           "`huren check`: it loads that patient's lab reports as a chart does and checks that they come with "
           "their results and issuing hospitals. Default: only the server's CapabilityStatement is checked."),
)


@dataclass(frozen=True)
class SourceConfig:
    name: str
    fhir_base: str
    label: str = ""
    timeout_seconds: float = 10.0
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
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the site config: {e.strerror or e}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    return parse_site_config(raw, text, path)


SECTIONS = ("site", "catalogue", "orders", "imaging", "cds_hooks", "session", "sign_in", "network")


def parse_site_config(raw: dict[str, Any], text: str = "", path: Path | None = None) -> SiteConfig:
    where = _Locator(text, path)
    declared = {o.key: o for o in OPTIONS}
    for section in raw:
        if section not in {*SECTIONS, "sources"}:
            raise ConfigError(where(section, f"unknown section [{section}]"))
    values: dict[str, Any] = {}
    for section in SECTIONS:
        table = raw.get(section, {})
        if not isinstance(table, dict):
            raise ConfigError(where(section, f"[{section}] must be a table"))
        for key, value in table.items():
            values[f"{section}.{key}"] = _check(declared, f"{section}.{key}", value, where)
    sources = []
    raw_sources = raw.get("sources", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ConfigError(where("sources", "at least one [[sources]] table is required"))
    for i, table in enumerate(raw_sources):
        checked = {k: _check(declared, f"sources.{k}", v, where) for k, v in table.items()}
        for option in OPTIONS:
            if option.required and option.key.startswith("sources.") and option.key[8:] not in checked:
                raise ConfigError(where("sources", f"sources[{i}] lacks the required key '{option.key[8:]}'"))
        if not re.fullmatch(r"[A-Za-z0-9_-]+", checked["name"]):
            raise ConfigError(where("name", f"sources.name {checked['name']!r} may hold letters, digits, - and _ only"))
        _check_url("sources.fhir_base", checked["fhir_base"], where)
        if checked.get("dicomweb_base"):
            _check_url("sources.dicomweb_base", checked["dicomweb_base"], where)
            checked["dicomweb_base"] = checked["dicomweb_base"].rstrip("/")
        sources.append(SourceConfig(**{k: v for k, v in checked.items()}))
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise ConfigError(where("name", "two sources have the same name"))
    region = values.get("site.region", "")
    if region and not (len(region) == 6 and region.isdigit()):
        raise ConfigError(where("region", f"site.region {region!r} must be a 6-digit division code"))
    tz = values.get("site.timezone", "Asia/Shanghai")
    _check_timezone(tz, where)
    note_required = values.get("orders.note_required", [])
    from app.domain.repeat_orders import RepeatReason

    known = {r.value for r in RepeatReason}
    unknown = [c for c in note_required if c not in known]
    if unknown:
        raise ConfigError(where("note_required", f"orders.note_required: unknown reason code {unknown[0]!r} "
                                f"(known: {', '.join(sorted(known))})"))
    consent_modes = values.get("orders.consent_modes", list(CONSENT_MODES))
    unknown = [c for c in consent_modes if c not in CONSENT_MODES]
    if unknown:
        raise ConfigError(where("consent_modes", f"orders.consent_modes: unknown consent mode {unknown[0]!r} "
                                f"(known: {', '.join(CONSENT_MODES)})"))
    if not consent_modes:
        raise ConfigError(where("consent_modes", "orders.consent_modes must name at least one consent mode "
                                f"(known: {', '.join(CONSENT_MODES)})"))
    if values.get("orders.physician_records_consent", False) and "verbal-witness" not in consent_modes:
        raise ConfigError(where("physician_records_consent", "orders.physician_records_consent needs 'verbal-witness' "
                                "in orders.consent_modes: a physician records consent only with a named witness"))
    method = values.get("sign_in.method", "oidc")
    if method not in SIGN_IN_METHODS:
        raise ConfigError(where("method", f"sign_in.method {method!r} is not one of "
                                f"{', '.join(repr(m) for m in SIGN_IN_METHODS)}"))
    if not values.get("sign_in.client_id", "huren-workstation").strip():
        raise ConfigError(where("client_id", "sign_in.client_id must not be empty"))
    for key in ("sign_in.issuer", "network.proxy"):
        if values.get(key):
            _check_url(key, values[key], where)
    if urlsplit(values.get("network.proxy", "")).password is not None:
        raise ConfigError(where("proxy", "network.proxy holds a password; no secrets in the site config"))
    return SiteConfig(
        sources=tuple(sources),
        site_name=values.get("site.name", ""),
        organization=values.get("site.organization", ""),
        region=region,
        timezone=tz,
        catalogue_url=values.get("catalogue.url", ""),
        path=path,
        note_required=tuple(note_required),
        physician_records_consent=values.get("orders.physician_records_consent", False),
        consent_modes=tuple(dict.fromkeys(consent_modes)),
        cds_hooks_port=values.get("cds_hooks.port", 0),
        auto_lock_minutes=values.get("session.auto_lock_minutes", 10.0),
        image_cache_mb=values.get("imaging.cache_mb", 4096.0),
        clear_image_cache_on_sign_out=values.get("imaging.clear_cache_on_sign_out", False),
        sign_in_method=method,
        sign_in_client_id=values.get("sign_in.client_id", "huren-workstation"),
        sign_in_issuer=values.get("sign_in.issuer", ""),
        his_launch=values.get("sign_in.his_launch", True),
        proxy=values.get("network.proxy", ""),
    )


def _check(declared: dict[str, Option], key: str, value: Any, where: _Locator) -> Any:
    option = declared.get(key)
    if option is None:
        raise ConfigError(where(key.rsplit(".", 1)[1], f"unknown key '{key}'"))
    if option.type is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, option.type) or (isinstance(value, bool) and option.type is not bool):
        raise ConfigError(where(key.rsplit(".", 1)[1], f"'{key}' must be a {option.type.__name__}, not {value!r}"))
    if option.type is float and value <= 0:
        raise ConfigError(where(key.rsplit(".", 1)[1], f"'{key}' must be greater than 0"))
    if option.type is int and not 0 <= value <= 65535:
        raise ConfigError(where(key.rsplit(".", 1)[1], f"'{key}' must be a port number (0-65535)"))
    return value


def _check_url(key: str, value: str, where: _Locator) -> None:
    url = urlsplit(value)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise ConfigError(where(key.rsplit(".", 1)[1], f"{key} {value!r} is not an http(s) URL"))


def _check_timezone(name: str, where: _Locator) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(where("timezone", f"site.timezone {name!r} is not a known time zone")) from None


class _Locator:
    """Turns a key into 'file:line: message': tomllib reports no positions for valid TOML."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.lines = text.splitlines()
        self.path = path

    def __call__(self, key: str, message: str) -> str:
        pattern = re.compile(rf"^\s*(\[\[?\s*{re.escape(key)}\s*\]\]?|{re.escape(key)}\s*=)")
        line = next((n for n, text in enumerate(self.lines, 1) if pattern.match(text)), None)
        name = str(self.path) if self.path else "site config"
        return f"{name}:{line}: {message}" if line else f"{name}: {message}"


def single_source_config(fhir_base: str, region: str = "") -> SiteConfig:
    """`--platform URL`: one source, no file, for IT checks and tests."""
    return SiteConfig(sources=(SourceConfig(name="platform", fhir_base=fhir_base.rstrip("/")),), region=region)
