"""Looking for a secret in files as a hex editor would: every encoding it might have been written in."""

from __future__ import annotations

import json
from pathlib import Path


def spellings(secret: str) -> list[bytes]:
    """The ways a text can sit in a file: UTF-8, JSON escapes (either case), UTF-16, GB18030."""
    escaped = json.dumps(secret)[1:-1]
    forms = {secret.encode("utf-8"), escaped.encode("ascii", "replace"), escaped.upper().encode("ascii", "replace"),
             secret.encode("utf-16-le"), secret.encode("utf-16-be"), secret.encode("gb18030")}
    return [f for f in forms if len(f) >= 4]


def files_holding(root: Path, secrets: dict[str, str]) -> list[str]:
    """"<file>: <what>" for each file under `root` holding one of the secrets in some spelling."""
    found = []
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        data = path.read_bytes()
        for what, secret in secrets.items():
            if any(form in data for form in spellings(secret)):
                found.append(f"{path.relative_to(root)}: {what}")
    return found
