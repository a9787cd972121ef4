"""Whether the system keyring can hold Huren's secrets: the one test every keyring user asks.

Tokens (app.platform.token_store), the key of records at rest (app.platform.sealing) and the
order check's secret live in the keyring under the service "huren". A backend that keeps
nothing (keyring's fail and null backends, a chainer with none) or writes plain files
(keyrings.alt: a secret next to the data it protects protects nothing) is no keyring.
"""

from __future__ import annotations

SERVICE = "huren"


def keyring_problem(backend: object | None = None) -> str:
    """Why the keyring (the current one unless given) cannot hold secrets, or "" when it can."""
    import keyring
    from keyring.backends import chainer, fail, null

    backend = keyring.get_keyring() if backend is None else backend
    name = type(backend).__name__
    if isinstance(backend, (fail.Keyring, null.Keyring)) or (
            isinstance(backend, chainer.ChainerBackend) and not backend.backends):
        return f"no keyring backend ({name})"
    if type(backend).__module__.startswith("keyrings.alt"):
        return f"the keyring backend {name} writes plain files"
    return ""
