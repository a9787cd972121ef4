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
from app.preferences import LANGUAGES
from app.platform.fhir_client import FhirError
from app.platform.sealing import sealer_from_keyring
from app.services.workspace import Workspace

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
    checks: list[tuple[str, Callable[[], tuple[Status, str]]]] = [
        (f"source {s.name}", lambda s=s: _source(s)) for s in workspace.sources]
    checks += [
        ("sign-in", lambda: _sign_in(workspace)),
        ("recognition catalogue", lambda: _catalogue(workspace)),
        ("keyring", _keyring),
        ("records at rest", _records_at_rest),
        ("translations", lambda: _translations(translations)),
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


def _source(source) -> tuple[Status, str]:  # noqa: ANN001 - SourceHandle
    started = time.monotonic()
    try:
        meta = source.client.get_json("metadata")
    except FhirError as e:
        return Status.FAIL, f"{source.config.fhir_base}: {e}"
    ms = (time.monotonic() - started) * 1000
    version = meta.get("fhirVersion", "?") if isinstance(meta, dict) else "?"
    if not str(version).startswith("4.0"):
        return Status.FAIL, f"{source.config.fhir_base} answers FHIR {version}, not R4 (4.0.x)"
    return Status.OK, f"{source.label}: FHIR {version}, answered in {ms:.0f} ms"


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


def _records_at_rest() -> tuple[Status, str]:
    """Outbox and waiting orders hold patient names: sealed with the keyring's key, or plain and why.

    Makes the key on first use, as the order desk would: it is the app's own key, not a test secret.
    """
    sealer = sealer_from_keyring()
    if sealer.encrypted:
        return Status.OK, "encrypted (key in the system keyring)"
    return Status.WARN, sealer.reason


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
