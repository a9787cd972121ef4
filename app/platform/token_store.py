"""Where a signed-in session's tokens are kept: the system keyring, or memory, never a file.

The access and refresh tokens are worth as much as the user's password while they live. On a
desktop with a keyring (Secret Service, Windows Credential Manager, macOS Keychain) they are
kept there, so that a restarted Huren resumes the session without a new sign-in; on a machine
without one (a headless server, a bare X session) they stay in this process's memory, and the
user is told that the sign-in lasts only while the program runs. Keyring backends that write
plain files (keyrings.alt) count as no keyring.
"""

from __future__ import annotations

import logging

from app.platform.oauth import Tokens
from app.platform.system_keyring import SERVICE, keyring_problem

log = logging.getLogger("huren.platform")



class TokenStore:
    """One session's tokens under a name (e.g. the issuer); `durable` says where they live."""

    def __init__(self, name: str) -> None:
        self.name = f"session:{name}"
        self.problem = keyring_problem()
        self._memory: Tokens | None = None

    @property
    def durable(self) -> bool:
        return not self.problem

    def load(self) -> Tokens | None:
        if not self.durable:
            return self._memory
        import keyring
        from keyring.errors import KeyringError

        try:
            text = keyring.get_password(SERVICE, self.name)
        except KeyringError as e:
            self._fall_back(e)
            return self._memory
        if not text:
            return None
        try:
            return Tokens.from_json(text)
        except (ValueError, KeyError, TypeError):
            log.warning("the stored session is unreadable; a new sign-in is needed")
            return None

    def save(self, tokens: Tokens) -> None:
        self._memory = tokens
        if not self.durable:
            return
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, self.name, tokens.to_json())
        except KeyringError as e:
            self._fall_back(e)

    def clear(self) -> None:
        self._memory = None
        if not self.durable:
            return
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, self.name)
        except PasswordDeleteError:
            pass
        except KeyringError as e:
            self._fall_back(e)

    def _fall_back(self, error: Exception) -> None:
        """A keyring that fails mid-session (locked, its daemon gone): keep going in memory."""
        self.problem = f"the system keyring failed ({type(error).__name__}: {error})"
        log.warning("%s; the session is kept in memory only", self.problem)
