"""Sealing records at rest: nothing Huren writes about a patient is readable without the key.

The outbox, the orders awaiting consent, the image cache's index and its pixel files (which
can carry burned-in names) are sealed under one key. Text is sealed with Fernet
(AES-128-CBC + HMAC-SHA256); pixel files with AES-256-GCM under a key derived from it (HKDF),
because Fernet's base64 would cost a third more disk and time for every slice.

Where the key lives is the site's choice (`[storage] without_keyring`, app.config):
- in the system keyring (service "huren", name "store-key"), made on first use: the normal case;
- without a usable keyring, a site that chose "unprotected" gets a key in a file in the
  user's data folder (0600 in a 0700 folder): still nothing in plain text for a hex editor or
  a backup tape, but anyone who can read this account's files can read the records, so the
  window and `huren check` say "unprotected workstation";
- otherwise (the default for a site file) `store_sealer` raises `StorageRefused`, whose
  message says what to install: Huren then opens no patient data.

A sealed record that cannot be opened is never dropped silently: `SealedDataUnreadable`.
"""

from __future__ import annotations

import base64
import logging
import os
import threading
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.platform.system_keyring import SERVICE, keyring_problem
from app.private_files import NotPrivate, read_secret, write_new_secret

log = logging.getLogger("huren.platform")

KEYRING_NAME = "store-key"
KEY_FILE = "store.key"
#: Marks a sealed value; plain JSON (an earlier version's rows) starts with "{" or "[".
PREFIX = "fernet:"
#: Marks sealed bytes: magic, then a 12-byte nonce, then AES-GCM ciphertext and tag.
BYTES_MAGIC = b"HURENSEAL1\n"
UNPROTECTED = "unprotected"

_HOW_TO_FIX = ("install and unlock the desktop's keyring (Secret Service, e.g. gnome-keyring or KWallet; "
               "Windows Credential Manager; macOS Keychain)")


class SealedDataUnreadable(Exception):
    """A stored record is sealed, and this keyring cannot open it. The record is still on disk."""


class StorageRefused(Exception):
    """This workstation may not open patient data: no keyring and the site did not choose
    the unprotected mode. str() is the message for the user and IT."""


class Sealer:
    """Seals and opens text and bytes; with no key (`Sealer()`) it is plain and `reason` says why.

    `unprotected` is set when the key is in a file beside the data, not in a keyring.
    """

    def __init__(self, key: bytes | str | None = None, reason: str = "", *, unprotected: bool = False) -> None:
        self._fernet = Fernet(key) if key else None
        self._aead = AESGCM(_bytes_key(key)) if key else None
        self.reason = reason if (reason or key) else "no key given: records are stored unencrypted"
        self.unprotected = bool(key) and unprotected

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
            fernet = self._key_for_sealed()
            try:
                return fernet.decrypt(stored[len(PREFIX):].encode("ascii")).decode("utf-8")
            except (InvalidToken, UnicodeError):
                raise self._wrong_key() from None
        if stored.startswith(("{", "[")):
            return stored
        raise SealedDataUnreadable("a stored record is neither sealed nor plain JSON; it is kept on disk unchanged")

    def seal_bytes(self, data: bytes | memoryview) -> bytes | memoryview:
        """`data` sealed; a plain Sealer gives `data` itself back, not a copy."""
        if self._aead is None:
            return data
        nonce = os.urandom(12)
        return BYTES_MAGIC + nonce + self._aead.encrypt(nonce, data, BYTES_MAGIC)

    def open_bytes(self, stored: bytes) -> bytes:
        """The bytes back; bytes not sealed are returned as they are only by a plain Sealer."""
        if not stored.startswith(BYTES_MAGIC):
            if self._aead is None:
                return stored
            raise SealedDataUnreadable("stored bytes are not sealed, and this workstation seals what it stores")
        self._key_for_sealed()
        body = stored[len(BYTES_MAGIC):]
        try:
            return self._aead.decrypt(body[:12], body[12:], BYTES_MAGIC)   # type: ignore[union-attr]
        except (InvalidTag, ValueError):
            raise self._wrong_key() from None

    def _key_for_sealed(self) -> Fernet:
        if self._fernet is None:
            raise SealedDataUnreadable(
                f"records were sealed with a key from the system keyring (service {SERVICE!r}, "
                f"name {KEYRING_NAME!r}), but no key is available now ({self.reason}); "
                "they are kept on disk unchanged: open the keyring that holds the key")
        return self._fernet

    def _wrong_key(self) -> SealedDataUnreadable:
        return SealedDataUnreadable(
            f"records were sealed with a key this workstation does not hold (service {SERVICE!r}, "
            f"name {KEYRING_NAME!r}: the key was replaced, or this is another user's keyring); "
            "they are kept on disk unchanged")


def _bytes_key(key: bytes | str) -> bytes:
    raw = base64.urlsafe_b64decode(key.encode("ascii") if isinstance(key, str) else key)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"huren sealed bytes v1").derive(raw)


def load_sealer() -> Sealer:
    """A Sealer with the key from the system keyring, made and stored there on first use;
    without a usable keyring a plain one whose `reason` says why.

    Uncached: each call asks the keyring. The app uses `store_sealer()`.
    """
    import keyring

    try:
        backend = keyring.get_keyring()
        problem = keyring_problem(backend)
        if problem:
            return Sealer(reason=f"no system keyring: {problem}; {_HOW_TO_FIX}")
        key = keyring.get_password(SERVICE, KEYRING_NAME)
        if key is None:
            keyring.set_password(SERVICE, KEYRING_NAME, Fernet.generate_key().decode("ascii"))
            # Read back: what the keyring kept is the key (another process may have stored one first).
            key = keyring.get_password(SERVICE, KEYRING_NAME)
            if key is None:
                return Sealer(reason=f"no system keyring: {type(backend).__name__} did not keep the key; "
                                     f"{_HOW_TO_FIX}")
            log.info("made the key for records at rest in the system keyring")
    except Exception as e:  # noqa: BLE001 - KeyringError, or a backend's own (D-Bus, locked): no usable keyring
        return Sealer(reason=f"no system keyring: {type(e).__name__}: {e}; {_HOW_TO_FIX}")
    try:
        return Sealer(key)
    except ValueError:
        # Never replaced: records sealed with it would be lost for good. IT decides.
        return Sealer(reason=f"the system keyring's key (service {SERVICE!r}, name {KEYRING_NAME!r}) "
                             "is not a valid key; restore the key, or delete it to have a new one made "
                             "(records sealed with the old one then stay unreadable)")


def file_sealer(key_file: Path, why: str) -> Sealer:
    """The unprotected workstation's Sealer: its key in `key_file` (0600), made on first use."""
    try:
        try:
            key = read_secret(key_file).strip()
        except FileNotFoundError:
            try:
                write_new_secret(key_file, Fernet.generate_key())
                log.warning("unprotected workstation: made the key for records at rest in %s", key_file)
            except FileExistsError:
                pass   # another Huren process made it a moment ago: its key is the key
            key = read_secret(key_file).strip()
        sealer = Sealer(key, reason=f"unprotected workstation: {why}; records are sealed with a key kept in "
                                    f"{key_file}, which anyone who can read this account's files can use",
                        unprotected=True)
    except NotPrivate as e:
        raise StorageRefused(f"the key for records at rest cannot be used: {e}") from None
    except (OSError, ValueError) as e:
        raise StorageRefused(f"the key for records at rest ({key_file}) cannot be read or made: "
                             f"{getattr(e, 'strerror', None) or e}") from None
    return sealer


def refusal(reason: str) -> str:
    """What the user and IT read when patient data may not be opened here."""
    return (f"Huren opens no patient data on this workstation: records at rest could not be protected, "
            f"{reason}. Alternatively, IT sets `without_keyring = \"{UNPROTECTED}\"` in the site config's "
            "[storage] section to work as an unprotected workstation.")


_lock = threading.Lock()
_cached: tuple[object, str, Path, Sealer] | None = None


def store_sealer(without_keyring: str, key_file: Path) -> Sealer:
    """The process's Sealer for records at rest, by the site's rule; made again only when the
    keyring backend (tests) or the rule changes.

    Raises StorageRefused when there is no keyring and the site did not choose "unprotected".
    """
    global _cached
    import keyring

    with _lock:
        backend = keyring.get_keyring()
        if _cached is None or _cached[:3] != (backend, without_keyring, Path(key_file)):
            sealer = load_sealer()
            if not sealer.encrypted:
                if without_keyring != UNPROTECTED:
                    raise StorageRefused(refusal(sealer.reason))
                sealer = file_sealer(Path(key_file), sealer.reason)
                log.warning("%s", sealer.reason)
            _cached = (backend, without_keyring, Path(key_file), sealer)
        return _cached[3]
