"""The user's own choices (the interface language, window layouts), kept in the user config dir.

Not the site config: IT's TOML file says where the platform is and is the same for every
user of a workstation; what one user prefers to read is theirs. A missing or damaged file
means "no preference" (the system locale decides), never an error at start.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from app.config import paths

log = logging.getLogger("huren.preferences")

FILE_NAME = "preferences.json"

#: Interface languages with a catalogue in translations/, and their names in themselves.
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English", "id": "Bahasa Indonesia"}


@dataclass(frozen=True)
class Preferences:
    #: One of LANGUAGES, or "" to follow the system locale.
    language: str = ""
    #: Window layouts by name ("main", "main.splitter", "viewer"...): what Qt's saveGeometry /
    #: saveState gave, base64. Opaque here; a layout Qt cannot restore is simply not applied.
    layouts: dict[str, str] = field(default_factory=dict)


def preferences_path() -> Path:
    return paths().config / FILE_NAME


def load_preferences(path: Path | None = None) -> Preferences:
    path = path or preferences_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as e:
        log.warning("user preferences not readable, using defaults: %s", e)
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    language = raw.get("language", "")
    layouts = raw.get("layouts", {})
    layouts = {str(k): v for k, v in layouts.items() if isinstance(v, str)} if isinstance(layouts, dict) else {}
    return Preferences(language=language if language in LANGUAGES else "", layouts=layouts)


def save_preferences(prefs: Preferences, path: Path | None = None) -> None:
    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(prefs), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def set_language(language: str, path: Path | None = None) -> Preferences:
    """Remember the language ("" = follow the system) and return the new preferences."""
    if language and language not in LANGUAGES:
        raise ValueError(f"no catalogue for language {language!r}")
    prefs = replace(load_preferences(path), language=language)
    save_preferences(prefs, path)
    return prefs


def set_layouts(layouts: dict[str, str], path: Path | None = None) -> Preferences:
    """Remember window layouts (merged with those kept for other windows)."""
    prefs = load_preferences(path)
    prefs = replace(prefs, layouts={**prefs.layouts, **layouts})
    try:
        save_preferences(prefs, path)
    except OSError as e:   # a read-only profile: the layout is not kept, nothing else is affected
        log.warning("window layout not saved: %s", e)
    return prefs
