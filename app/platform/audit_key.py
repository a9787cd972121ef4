"""The audit trail's key: 32 random bytes in the system keyring (service "huren", name "audit-key").

The trail's digests are HMACs under this key, so whoever can write the file still cannot
recompute a chain that verifies. The key is made when the first keyed entry is written, not
before: that a key exists therefore says keyed entries (and their anchor) were written, and
an anchor gone missing is a finding, not an old trail.

Without a usable keyring there is no key, `reason` says why, and the trail is written
unkeyed (a lost audit record is worse than a weaker one); `huren audit verify` says so.
A stored key that is not valid is never replaced: entries made with it would fail for good.
"""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass

from app.platform.system_keyring import SERVICE, keyring_problem

log = logging.getLogger("huren.platform")

KEYRING_NAME = "audit-key"
_HEX_KEY = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class AuditKey:
    key: bytes | None
    reason: str = ""      # why there is no key
    made: bool = False    # made by this call (a trail without anchor is then adopted, not a finding)


def load_audit_key(*, create: bool = False) -> AuditKey:
    """The key from the keyring; with `create`, made and stored there when there is none yet."""
    import keyring

    try:
        backend = keyring.get_keyring()
        problem = keyring_problem(backend)
        if problem:
            return AuditKey(None, f"no system keyring: {problem}")
        stored = keyring.get_password(SERVICE, KEYRING_NAME)
        made = False
        if stored is None:
            if not create:
                return AuditKey(None, "no audit key yet: written before keyed trails")
            keyring.set_password(SERVICE, KEYRING_NAME, secrets.token_hex(32))
            # Read back: what the keyring kept is the key (another process may have stored one first).
            stored = keyring.get_password(SERVICE, KEYRING_NAME)
            if stored is None:
                return AuditKey(None, f"no system keyring: {type(backend).__name__} did not keep the audit key")
            made = True
            log.info("made the audit trail's key in the system keyring")
    except Exception as e:  # noqa: BLE001 - KeyringError, or a backend's own (D-Bus, locked): no usable keyring
        return AuditKey(None, f"no system keyring: {type(e).__name__}: {e}")
    if not _HEX_KEY.fullmatch(stored):
        return AuditKey(None, f"the system keyring's audit key (service {SERVICE!r}, name {KEYRING_NAME!r}) is not "
                              "valid; restore it (a new one would not verify the entries made before)")
    return AuditKey(bytes.fromhex(stored), made=made)
