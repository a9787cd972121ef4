"""Looking for a secret in files as a hex editor would: every encoding it might have been written in."""

from __future__ import annotations

import json
from pathlib import Path

from app.platform.sealing import BYTES_MAGIC


def spellings(secret: str) -> list[bytes]:
    """The ways a text can sit in a file: UTF-8, JSON escapes (either case), UTF-16, GB18030."""
    escaped = json.dumps(secret)[1:-1]
    forms = {secret.encode("utf-8"), escaped.encode("ascii", "replace"), escaped.upper().encode("ascii", "replace"),
             secret.encode("utf-16-le"), secret.encode("utf-16-be"), secret.encode("gb18030")}
    return [f for f in forms if len(f) >= 4]


#: The shortest spelling looked for inside a sealed file. Its body is AES-GCM ciphertext, random
#: bytes in which a given 4-byte string turns up once in 4 GB: a CT's 27 MB sealed pixel file held
#: the UTF-16 spelling of a two-character name (张伟) in one CI run. The 6-byte UTF-8 and the JSON
#: spellings are still looked for there, and every spelling in every file that is not sealed.
SEALED_SHORTEST = 6


def files_holding(root: Path, secrets: dict[str, str]) -> list[str]:
    """"<file>: <what>" for each file under `root` holding one of the secrets in some spelling."""
    found = []
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        data = path.read_bytes()
        sealed = data.startswith(BYTES_MAGIC)
        for what, secret in secrets.items():
            if any(form in data for form in spellings(secret) if not sealed or len(form) >= SEALED_SHORTEST):
                found.append(f"{path.relative_to(root)}: {what}")
    return found
