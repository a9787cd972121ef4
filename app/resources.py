"""The one accessor for files shipped with the program: `resources/` and `translations/`.

They live beside the `app` package in a checkout and an editable install, and in the
unpack folder of a PyInstaller build (`sys._MEIPASS`), so every reader goes through here.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`."""
    return _root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return _root() / "translations"


@cache
def bundled_catalogue() -> dict[str, Any]:
    """The recognition catalogue shipped with this build (docs/catalogue.md)."""
    with resource_path("catalogue.json").open(encoding="utf-8") as f:
        return json.load(f)
