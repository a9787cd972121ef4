"""Sealing records at rest: what the durable stores write is unreadable without the user's keyring.

The outbox and the orders awaiting consent hold patient names (FHIR references' `display`,
consent signers). They are sealed with Fernet (AES-128-CBC + HMAC-SHA256) under a key that
lives only in the system keyring (service "huren", name "store-key"), made on first use.

A machine without a usable keyring still keeps every record: the Sealer is then *plain*,
says why in `reason` (`huren check` shows it), and stores records as before. Losing a
clinician's decision is worse than storing it unencrypted. The reverse never happens
silently: a sealed record that cannot be opened raises `SealedDataUnreadable`.
"""

from __future__ import annotations

import logging
import threading

from cryptography.fernet import Fernet, InvalidToken

from app.platform.system_keyring import SERVICE, keyring_problem

log = logging.getLogger("huren.platform")

KEYRING_NAME = "store-key"
#: Marks a sealed value; plain JSON (an earlier version's rows) starts with "{" or "[".
PREFIX = "fernet:"

_HOW_TO_FIX = ("install and unlock the desktop's keyring (Secret Service, Windows Credential Manager, "
               "macOS Keychain)")


class SealedDataUnreadable(Exception):
    """A stored record is sealed, and this keyring cannot open it. The record is still on disk."""


class Sealer:
    """Seals and opens text; with no key (`Sealer()`) it is plain and `reason` says why."""

    def __init__(self, key: bytes | str | None = None, reason: str = "") -> None:
        self._fernet = Fernet(key) if key else None
        self.reason = "" if key else (reason or "no key given: records are stored unencrypted")

    @property
    def encrypted(self) -> bool:
        return self._fernet is not None

    def seal(self, text: str) -> str:
        if self._fernet is None:
            return text
        return PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def open(self, stored: str) -> str:
        """The text back, from a sealed value or from plain JSON written before sealing existed."""
        if stored.startswith(PREFIX):
            if self._fernet is None:
                raise SealedDataUnreadable(
                    f"records were sealed with a key from the system keyring (service {SERVICE!r}, "
                    f"name {KEYRING_NAME!r}), but no key is available now ({self.reason}); "
                    "they are kept on disk unchanged: open the keyring that holds the key")
            try:
                return self._fernet.decrypt(stored[len(PREFIX):].encode("ascii")).decode("utf-8")
            except (InvalidToken, UnicodeError):
                raise SealedDataUnreadable(
                    f"records were sealed with a key this keyring does not hold (service {SERVICE!r}, "
                    f"name {KEYRING_NAME!r}: the key was replaced, or this is another user's keyring); "
                    "they are kept on disk unchanged") from None
        if stored.startswith(("{", "[")):
            return stored
        raise SealedDataUnreadable("a stored record is neither sealed nor plain JSON; it is kept on disk unchanged")


def load_sealer() -> Sealer:
    """A Sealer with the key from the system keyring, made and stored there on first use.

    Uncached: each call asks the keyring. The app uses `sealer_from_keyring()`.
    """
    import keyring

    try:
        backend = keyring.get_keyring()
        problem = keyring_problem(backend)
        if problem:
            return Sealer(reason=f"no system keyring: records are stored unencrypted; {problem}; {_HOW_TO_FIX}")
        key = keyring.get_password(SERVICE, KEYRING_NAME)
        if key is None:
            keyring.set_password(SERVICE, KEYRING_NAME, Fernet.generate_key().decode("ascii"))
            # Read back: what the keyring kept is the key (another process may have stored one first).
            key = keyring.get_password(SERVICE, KEYRING_NAME)
            if key is None:
                return Sealer(reason=f"no system keyring: records are stored unencrypted; {type(backend).__name__} "
                                     f"did not keep the key; {_HOW_TO_FIX}")
            log.info("made the key for records at rest in the system keyring")
    except Exception as e:  # noqa: BLE001 - KeyringError, or a backend's own (D-Bus, locked): no usable keyring
        return Sealer(reason=f"no system keyring: records are stored unencrypted; {type(e).__name__}: {e}; "
                             f"{_HOW_TO_FIX}")
    try:
        return Sealer(key)
    except ValueError:
        # Never replaced: records sealed with it would be lost for good. IT decides.
        return Sealer(reason=f"the system keyring's key (service {SERVICE!r}, name {KEYRING_NAME!r}) "
                             "is not a valid key: records are stored unencrypted; restore the key, or delete it "
                             "to have a new one made (records sealed with the old one then stay unreadable)")


_lock = threading.Lock()
_cached: tuple[object, Sealer] | None = None


def sealer_from_keyring() -> Sealer:
    """The process's Sealer, made on first use; made again only if the keyring backend changes (tests)."""
    global _cached
    import keyring

    with _lock:
        backend = keyring.get_keyring()
        if _cached is None or _cached[0] is not backend:
            sealer = load_sealer()
            if not sealer.encrypted:
                log.warning("records at rest are not encrypted: %s", sealer.reason)
            _cached = (backend, sealer)
        return _cached[1]
