"""`huren check`: is this installation ready? What IT runs after deploying a site configuration.

Each check says OK, WARN (works, but not as the site intends) or FAIL (something a user will
hit), with the detail IT needs to fix it. Nothing here shows patient data, and nothing is
left behind: test files and the test secret are removed again.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from app.config import paths
from app.platform.fhir.client import FhirError
from app.preferences import LANGUAGES
from app.services.workspace import SourceHandle, Workspace

#: Every compiled Qt translation file starts with these 16 bytes.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
KEYRING_SERVICE = "huren-self-check"


class Status(Enum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: Status
    detail: str


def run_checks(workspace: Workspace, translations: Path) -> list[CheckResult]:
    """Every check, in the order IT reads them; one failing check never stops the others."""
    results: list[CheckResult] = []
    checks: list[tuple[str, Callable[[], tuple[Status, str]]]] = []
    for source in workspace.sources:
        checks += [(f"source {source.name}{': ' + what if what else ''}", check)
                   for what, check in platform_checks(source, workspace)]
    checks += [
        ("sign-in", lambda: _sign_in(workspace)),
        ("recognition catalogue", lambda: _catalogue(workspace)),
        ("keyring", _keyring),
        ("records at rest", lambda: _records_at_rest(workspace)),
        ("audit trail", _audit_trail),
        ("translations", lambda: _translations(translations)),
        ("image decoders", _decoders),
        ("cache dir", lambda: _writable(paths().cache)),
        ("data dir (outbox)", lambda: _writable(paths().data)),
        ("log dir", lambda: _writable(paths().log)),
    ]
    for name, check in checks:
        try:
            status, detail = check()
        except Exception as e:  # noqa: BLE001 - a check that breaks is a failed check, reported in words
            status, detail = Status.FAIL, f"{type(e).__name__}: {e}"
        results.append(CheckResult(name, status, detail))
    return results


def _source(source: SourceHandle) -> tuple[Status, str]:
    started = time.monotonic()
    capabilities = source.capabilities()
    if not capabilities.known:
        return Status.FAIL, f"{source.config.fhir_base}: no CapabilityStatement ({capabilities.read_error})"
    ms = (time.monotonic() - started) * 1000
    version = capabilities.fhir_version or "?"
    if not version.startswith("4.0"):
        return Status.FAIL, f"{source.config.fhir_base} answers FHIR {version}, not R4 (4.0.x)"
    software = f" ({capabilities.software})" if capabilities.software else ""
    return Status.OK, f"{source.label}: FHIR {version}{software}, answered in {ms:.0f} ms"


#: The includes Huren asks for, and what it reads when a server does not honour them.
_INCLUDES = ("DiagnosticReport:result", "DiagnosticReport:performer", "ImagingStudy:endpoint",
             "PractitionerRole:practitioner", "PractitionerRole:organization")
#: The search parameters Huren depends on (docs/fhir-profile.md, "what Huren requires").
_REQUIRED_SEARCH = {
    "Patient": ("identifier", "name", "birthdate"),
    "DiagnosticReport": ("patient", "category"),
    "ImagingStudy": ("patient",),
    "PractitionerRole": ("practitioner", "active"),
    "ServiceRequest": ("identifier", "authored"),
    "Basic": ("code", "created", "identifier"),
}
#: Resources an order writes, created on a condition (If-None-Exist) so a resend never doubles one.
_ORDER_TYPES = ("ServiceRequest", "Consent", "Basic")


def platform_checks(source: SourceHandle,
                    workspace: Workspace) -> list[tuple[str, Callable[[], tuple[Status, str]]]]:
    """What Huren relies on at one source: each capability with what the client does without it.

    A source that did not answer is reported once; its other checks say they were not run.
    """
    unanswered: list[str] = []

    def connection() -> tuple[Status, str]:
        try:
            return _source(source)
        except FhirError as e:
            unanswered.append(e.message)
            return Status.FAIL, f"{source.config.fhir_base}: {e.message}"

    def answered(check: Callable[[], tuple[Status, str]]) -> Callable[[], tuple[Status, str]]:
        return lambda: (Status.WARN, "not checked: the source did not answer") if unanswered else check()

    return [
        ("", connection),
        ("search parameters", answered(lambda: _search_parameters(source))),
        ("_include", answered(lambda: _includes(source))),
        ("paging", answered(lambda: _paging(source))),
        ("transactions", answered(lambda: _transactions(source))),
        ("conditional create", answered(lambda: _conditional_create(source))),
        ("probe patient", answered(lambda: _probe(source, workspace))),
    ]


def _search_parameters(source: SourceHandle) -> tuple[Status, str]:
    c = source.capabilities()
    if not c.known:
        return Status.WARN, "not declared (no CapabilityStatement): the probe below is the test"
    missing = [f"{kind}?{p}" for kind, params in _REQUIRED_SEARCH.items() for p in params
               if kind not in c.types or p not in c.search_params.get(kind, frozenset())]
    if missing:
        return Status.WARN, (f"not declared: {', '.join(missing)}; Huren asks anyway (servers often do more "
                             "than they declare), and a search the server refuses shows that source as failed")
    return Status.OK, "every search parameter Huren uses is declared"


def _includes(source: SourceHandle) -> tuple[Status, str]:
    c = source.capabilities()
    lacking = [i for i in _INCLUDES if c.offers_include(i) is not True]
    if not lacking:
        return Status.OK, "declared for results, issuing hospitals, image endpoints and staff"
    return Status.WARN, (f"not declared: {', '.join(lacking)}; Huren fetches the referenced records by id "
                         "instead (a few more requests per chart)")


def _paging(source: SourceHandle) -> tuple[Status, str]:
    note = source.capabilities().page_note
    said = f"the server says of _count: {note}; " if note else ""
    return Status.OK, (f"{said}Huren follows next links, and a search the server stops short of its total "
                       "shows the source as incomplete (amber), never as the whole answer")


def _transactions(source: SourceHandle) -> tuple[Status, str]:
    c = source.capabilities()
    if c.transaction:
        return Status.OK, ("declared; an order goes as one transaction, in idempotent pieces when the server "
                           "refuses its size or shape")
    return Status.WARN, ("not declared: orders are sent in ordered pieces, each created on the condition of its "
                         "own identifier, the Provenance last; a piece cut off by a crash is resent, never doubled")


def _conditional_create(source: SourceHandle) -> tuple[Status, str]:
    c = source.capabilities()
    lacking = [t for t in _ORDER_TYPES if not c.conditional_create.get(t)]
    if not lacking:
        return Status.OK, "declared for " + ", ".join(_ORDER_TYPES)
    return Status.WARN, (f"not declared for {', '.join(lacking)}: Huren still sends If-None-Exist; a server that "
                         "ignored it could store a resent record twice")


def _probe(source: SourceHandle, workspace: Workspace) -> tuple[Status, str]:
    """A patient's lab reports, loaded as a chart loads them: results and hospitals must come along."""
    from app.services.chart import load_source_reports
    from app.services.lookup import PatientQuery, QueryKind, SourceState, search_source

    wanted = source.config.probe_patient
    if not wanted:
        return Status.WARN, "no probe_patient set for this source: the chart itself was not tried"
    query = PatientQuery.from_text(wanted) if "|" not in wanted else PatientQuery(QueryKind.ANY_IDENTIFIER, wanted)
    found = search_source(source, query)
    if not found.outcome.answered:
        return Status.FAIL, f"patient search failed: {found.outcome.message}"
    if len(found.patients) != 1:
        return Status.FAIL, f"the probe patient matched {len(found.patients)} records, not 1"
    loaded = load_source_reports(source, found.patients[0], workspace)
    o = loaded.outcome
    if not o.answered:
        return Status.FAIL, f"lab reports: {o.message}"
    results = sum(len(r.results) for r in loaded.reports)
    printed = sum(r.document_only for r in loaded.reports)   # shared only as the printed page: no results to come
    hospitals = {r.hospital.name for r in loaded.reports if r.hospital}
    what = f"{len(loaded.reports)} lab reports, {results} results, {len(hospitals)} issuing hospitals"
    if printed:
        what += f", {printed} only as printed documents"
    if not loaded.reports:
        return Status.WARN, f"{what}: the probe patient has no lab reports to test with"
    if (not results and printed < len(loaded.reports)) or not hospitals:
        return Status.FAIL, f"{what}: reports came without their results or issuing hospital"
    if o.state is not SourceState.OK:
        lacks = [f"{o.gaps.shown} of {o.gaps.total} reports (no further page)" if o.gaps.truncated else "",
                 f"{o.gaps.unresolved} linked records not fetched" if o.gaps.unresolved else "",
                 f"{o.skipped} records unreadable" if o.skipped else "",
                 f"documents: {o.message}" if o.message else ""]
        return Status.WARN, f"{what}; incomplete: " + "; ".join(x for x in lacks if x)
    return Status.OK, f"{what}, complete"


def _catalogue(workspace: Workspace) -> tuple[Status, str]:
    loaded = workspace.loaded_catalogue()
    c = loaded.catalogue
    what = f"version {c.version}, {len(c.items)} items, {len(c.institutions)} institutions, from the {loaded.origin}"
    if loaded.origin != "platform":
        return Status.WARN, f"{what}; the platform's copy was not used: {loaded.problem or 'no source'}"
    return Status.OK, what


def _sign_in(workspace: Workspace) -> tuple[Status, str]:
    """The site's sign-in method against what the platform's authorization server offers."""
    from app.platform.http_session import new_session
    from app.platform.oauth import OAuthError, discover

    config = workspace.config
    base = config.sign_in_issuer or (config.sources[0].fhir_base if config.sources else "")
    if not base:
        return Status.FAIL, "no source to sign in to"
    session = new_session(config.sources[0].ca_bundle or None, proxy=config.proxy, platform_auth=False)
    try:
        info = discover(base, session, timeout=config.sources[0].timeout_seconds)
    except OAuthError as e:
        return Status.FAIL, e.message
    finally:
        session.close()
    if config.sign_in_method == "demo":
        if info is not None and info.offers_demo_accounts:
            return Status.OK, f"demo accounts of the embedded platform ({info.issuer})"
        return Status.WARN, ("demo: users pick themselves from the platform's staff list with no sign-in; "
                             "for a hospital set [sign_in] method = \"oidc\"")
    if info is None:
        return Status.FAIL, (f"method oidc, but {base} has no .well-known/smart-configuration: set [sign_in] issuer "
                             "to the platform's authorization server")
    launch = "; HIS launch tokens accepted" if config.his_launch else ""
    return Status.OK, f"OAuth 2.0 with PKCE in the system browser, {info.issuer}, client {config.sign_in_client_id}" \
        + launch


def _keyring() -> tuple[Status, str]:
    """Store, read back and delete a throw-away secret: tokens will live there, never in a file."""
    import keyring
    from keyring.errors import KeyringError

    from app.platform.system_keyring import keyring_problem

    backend = keyring.get_keyring()
    name = type(backend).__name__
    problem = keyring_problem(backend)
    if problem:
        return Status.WARN, (f"{problem}: sign-in lasts only while the program runs; install and unlock the "
                             "desktop's keyring (Secret Service, Windows Credential Manager, macOS Keychain)")
    user, secret = f"check-{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    try:
        keyring.set_password(KEYRING_SERVICE, user, secret)
        back = keyring.get_password(KEYRING_SERVICE, user)
        keyring.delete_password(KEYRING_SERVICE, user)
    except KeyringError as e:
        return Status.FAIL, f"{name}: {e}"
    if back != secret:
        return Status.FAIL, f"{name} did not give back what was stored"
    return Status.OK, name


def _records_at_rest(workspace: Workspace) -> tuple[Status, str]:
    """Outbox, waiting orders and image cache hold patient data: sealed under which key, or refused.

    Makes the key on first use, as the order desk would: it is the app's own key, not a test secret.
    """
    state = workspace.records_at_rest()
    if state.refused:
        return Status.FAIL, state.refused
    if state.unprotected:
        return Status.WARN, state.unprotected
    return Status.OK, "sealed (key in the system keyring)"


def _audit_trail() -> tuple[Status, str]:
    """The local trail verified as `huren audit verify` does (reading only); none yet is fine."""
    from app.platform.audit_trail import TrailMissing, TrailUnreadable
    from app.services.audit import default_log_path, verify_trail_at

    path = default_log_path()
    try:
        report = verify_trail_at(path)
    except TrailMissing:
        return Status.OK, f"none yet ({path}): the first record starts it"
    except TrailUnreadable as e:
        return Status.FAIL, str(e)
    if report.problems:
        first = report.problems[0]
        where = f"line {first.line}: " if first.line else ""
        return Status.FAIL, (f"{len(report.problems)} problem(s), first: {where}{first.reason}; "
                             "`huren audit verify` lists them all")
    if not report.intact:
        return Status.WARN, report.unchecked or "; ".join(report.notes) or "not checked"
    if report.keyed < report.entries:
        return Status.WARN, f"{report.entries} entries, intact; " + "; ".join(report.notes)
    return Status.OK, f"{report.entries} entries, keyed and intact"


def _translations(folder: Path) -> tuple[Status, str]:
    missing, broken = [], []
    for code in LANGUAGES:
        path = folder / f"huren_{code}.qm"
        if not path.is_file():
            missing.append(code)
        elif path.read_bytes()[:16] != QM_MAGIC:
            broken.append(code)
    if missing or broken:
        parts = ([f"missing: {', '.join(missing)}"] if missing else []) + \
                ([f"not a Qt translation file: {', '.join(broken)}"] if broken else [])
        return Status.FAIL, f"{folder}: " + "; ".join(parts)
    return Status.OK, f"{', '.join(LANGUAGES)} in {folder}"


def _decoders() -> tuple[Status, str]:
    """The worker processes that decode images start, and decode (a packaged build's spawn included)."""
    from app.platform.dicom.decode_pool import self_test

    try:
        return Status.OK, self_test()
    except RuntimeError as e:
        return Status.FAIL, f"{e}: images would be decoded slowly or not at all"


def _writable(folder: Path) -> tuple[Status, str]:
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".huren-check-{uuid.uuid4().hex[:8]}"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as e:
        return Status.FAIL, f"{folder}: {e.strerror or e}"
    return Status.OK, str(folder)


def format_table(results: Iterable[CheckResult]) -> str:
    rows = [("check", "result", "detail"), *((r.name, r.status.value, r.detail) for r in results)]
    width = [max(len(r[i]) for r in rows) for i in range(2)]
    return "\n".join(f"{a:<{width[0]}}  {b:<{width[1]}}  {c}" for a, b, c in rows)


def passed(results: Iterable[CheckResult]) -> bool:
    return all(r.status is not Status.FAIL for r in results)
