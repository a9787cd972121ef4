"""Getting the recognition catalogue: from the platform, else the last good copy, else the bundled one.

A doctor must always see badges, so a platform that is down at start-up falls back to the
cached copy; and a catalogue that does not parse is never cached over a good one.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from app.domain.catalogue import Catalogue, CatalogueError, parse_catalogue
from app.platform.fhir.client import FhirClient, FhirError
from app.resources import bundled_catalogue

log = logging.getLogger("huren.platform")

CATALOGUE_PATH = "Binary/recognition-catalogue"


@dataclass(frozen=True)
class LoadedCatalogue:
    catalogue: Catalogue
    origin: str            # "platform", "cache" or "bundled"
    problem: str = ""      # why the platform's copy was not used


def fetch_document(client: FhirClient, url: str = "") -> dict:
    """The catalogue document from the platform (raw JSON or a FHIR Binary wrapping it)."""
    doc = client.get_json(url or CATALOGUE_PATH, accept="application/json")
    if isinstance(doc, dict) and doc.get("resourceType") == "Binary":
        try:
            doc = json.loads(base64.b64decode(doc.get("data", "")))
        except ValueError:
            raise FhirError("the catalogue Binary does not hold JSON") from None
    return doc


def load_catalogue(client: FhirClient | None, cache_file: Path, url: str = "") -> LoadedCatalogue:
    problem = ""
    if client is not None:
        try:
            doc = fetch_document(client, url)
            catalogue = parse_catalogue(doc)
        except (FhirError, CatalogueError) as e:
            problem = str(e)
            log.warning("catalogue from the platform not used: %s", problem)
        else:
            _write_atomically(cache_file, doc)
            return LoadedCatalogue(catalogue, "platform")
    try:
        doc = json.loads(cache_file.read_text(encoding="utf-8"))
        return LoadedCatalogue(parse_catalogue(doc), "cache", problem)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, CatalogueError) as e:
        log.warning("cached catalogue not used: %s", e)
    return LoadedCatalogue(parse_catalogue(bundled_catalogue()), "bundled", problem)


def _write_atomically(path: Path, doc: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        log.warning("could not cache the catalogue: %s", e)
