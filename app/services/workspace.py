"""Everything one working session needs: the site, a client per source, the catalogue.

Built once from the site config; views and command-line commands get their data through
it, so a test can build one against the sandbox and drive the same code the window uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from threading import Lock
from zoneinfo import ZoneInfo

from app.config import SiteConfig, SourceConfig, paths
from app.domain.catalogue import Catalogue
from app.domain.recognition import Site
from app.platform.catalogue_fetch import LoadedCatalogue, load_catalogue
from app.platform.fhir.capabilities import Capabilities, read_capabilities
from app.platform.fhir.client import FhirClient
from app.platform.http_session import Connection
from app.platform.sealing import KEY_FILE, Sealer, StorageRefused, store_sealer

#: LoadedCatalogue is what `loaded_catalogue` returns (a catalogue and where it came from): offered
#: here so the UI can name it without importing the platform layer.
__all__ = ["LoadedCatalogue", "RecordsAtRest", "SourceHandle", "Workspace"]


@dataclass(eq=False)
class SourceHandle:
    config: SourceConfig
    client: FhirClient
    _capabilities: Capabilities | None = field(default=None, repr=False)
    _lock: Lock = field(default_factory=Lock, repr=False)

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def label(self) -> str:
        return self.config.display_name

    def capabilities(self) -> Capabilities:
        """The server's CapabilityStatement, read on first use and kept for the session (blocking).

        A statement that could not be read is asked for again next time; one that said
        "not a CapabilityStatement" or answered 4xx is kept as unknown.
        """
        with self._lock:
            if self._capabilities is None:
                self._capabilities = read_capabilities(self.client)
            return self._capabilities


@dataclass(frozen=True)
class RecordsAtRest:
    """How patient records are kept on this workstation, for the window and `huren check`."""

    refused: str = ""       # why no patient data may be opened here ("" when it may)
    unprotected: str = ""   # why the key lies beside the records (the site's explicit choice), or ""


@dataclass(eq=False)
class Workspace:
    config: SiteConfig
    sources: tuple[SourceHandle, ...]
    _catalogue: LoadedCatalogue | None = field(default=None, repr=False)
    _lock: Lock = field(default_factory=Lock, repr=False)

    @classmethod
    def from_config(cls, config: SiteConfig) -> Workspace:
        handles = tuple(
            SourceHandle(s, FhirClient(s.fhir_base, timeout=s.timeout_seconds, ca_bundle=s.ca_bundle,
                                       proxy=config.proxy, max_body_bytes=int(s.max_answer_mb * 1024 * 1024)))
            for s in config.sources
        )
        return cls(config, handles)

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.config.timezone)

    @property
    def site(self) -> Site:
        return Site(self.config.region or None, self.timezone)

    def now(self) -> datetime:
        return datetime.now(self.timezone)

    def connection(self, source: str) -> Connection:
        """The CA bundle and proxy for the servers of a source (its DICOMweb endpoints too)."""
        config = next((s for s in self.config.sources if s.name == source), None)
        return Connection(config.ca_bundle if config else "", self.config.proxy)

    def source(self, name: str) -> SourceHandle:
        return next(s for s in self.sources if s.name == name)

    def loaded_catalogue(self) -> LoadedCatalogue:
        """Fetched from the first source on first use (blocking: call it from a worker)."""
        with self._lock:
            if self._catalogue is None:
                client = self.sources[0].client if self.sources else None
                cache = paths().cache / "catalogue.json"
                self._catalogue = load_catalogue(client, cache, self.config.catalogue_url)
            return self._catalogue

    def loaded_catalogue_if_any(self) -> LoadedCatalogue | None:
        """What `loaded_catalogue` has fetched, or None: never waits (the UI thread asks this)."""
        return self._catalogue

    def reload_catalogue(self) -> LoadedCatalogue:
        """Fetch again (blocking): after sign-in, when the first attempt met a platform asking for it."""
        with self._lock:
            self._catalogue = None
        return self.loaded_catalogue()

    def sealer(self) -> Sealer:
        """The key for patient records at rest, by the site's `[storage] without_keyring` rule.

        Raises app.platform.sealing.StorageRefused when this workstation may not open patient
        data (no keyring, and the site did not choose the unprotected mode): every entry point
        asks before it writes anything about a patient.
        """
        return store_sealer(self.config.without_keyring, paths().data / KEY_FILE)

    def records_at_rest(self) -> RecordsAtRest:
        try:
            sealer = self.sealer()
        except StorageRefused as e:
            return RecordsAtRest(refused=str(e))
        return RecordsAtRest(unprotected=sealer.reason if sealer.unprotected else "")

    @property
    def catalogue(self) -> Catalogue:
        """Blocking on first use, like `loaded_catalogue`: for workers and the command line; the UI
        thread asks `loaded_catalogue_if_any`."""
        return self.loaded_catalogue().catalogue

    def close(self) -> None:
        for s in self.sources:
            s.client.close()
