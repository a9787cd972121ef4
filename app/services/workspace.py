"""Everything one working session needs: the site, a client per source, the catalogue.

Built once from the site config; views and command-line commands get their data through
it, so a test can build one against the sandbox and drive the same code the window uses.

Building one is quick and touches nothing outside: the HTTP clients (and `requests` with them) are
made on first use, the key at rest (the keyring) when asked for. The window paints before either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from threading import Lock
from typing import TYPE_CHECKING

from app.config import SiteConfig, SourceConfig, paths

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from app.domain.catalogue import Catalogue
    from app.domain.recognition import Site
    from app.platform.catalogue_fetch import LoadedCatalogue
    from app.platform.fhir.capabilities import Capabilities
    from app.platform.fhir.client import FhirClient
    from app.platform.http_session import Connection
    from app.platform.sealing import Sealer

#: LoadedCatalogue is what `loaded_catalogue` returns (a catalogue and where it came from): offered
#: here so the UI can name it without importing the platform layer (and, like it, only when named:
#: the catalogue's modules are not imported before the window's first paint).
__all__ = ["LoadedCatalogue", "RecordsAtRest", "SourceHandle", "Workspace"]


def __getattr__(name: str) -> object:
    if name == "LoadedCatalogue":
        from app.platform.catalogue_fetch import LoadedCatalogue

        return LoadedCatalogue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SourceHandle:
    """One source: its config and its FHIR client (made on first use, unless given)."""

    def __init__(self, config: SourceConfig, client: FhirClient | None = None, *, proxy: str = "") -> None:
        self.config, self._client, self._proxy = config, client, proxy
        self._capabilities: Capabilities | None = None
        self._lock = Lock()          # the capabilities, read once
        self._client_lock = Lock()   # the client, made once

    def __repr__(self) -> str:
        return f"SourceHandle(config={self.config!r})"

    @property
    def client(self) -> FhirClient:
        with self._client_lock:
            if self._client is None:
                from app.platform.fhir.client import FhirClient

                s = self.config
                self._client = FhirClient(s.fhir_base, timeout=s.timeout_seconds, ca_bundle=s.ca_bundle,
                                          proxy=self._proxy, max_body_bytes=int(s.max_answer_mb * 1024 * 1024))
            return self._client

    def close(self) -> None:
        """Close the client's connections, if it was ever made."""
        if self._client is not None:
            self._client.close()

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
        from app.platform.fhir.capabilities import read_capabilities

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
        return cls(config, tuple(SourceHandle(s, proxy=config.proxy) for s in config.sources))

    @property
    def timezone(self) -> ZoneInfo:
        from zoneinfo import ZoneInfo  # 2-4 ms to import (it reads sysconfig): not for the first paint

        return ZoneInfo(self.config.timezone)

    @property
    def site(self) -> Site:
        from app.domain.recognition import Site

        return Site(self.config.region or None, self.timezone)

    def now(self) -> datetime:
        return datetime.now(self.timezone)

    def connection(self, source: str) -> Connection:
        """The CA bundle and proxy for the servers of a source (its DICOMweb endpoints too)."""
        from app.platform.http_session import Connection

        config = next((s for s in self.config.sources if s.name == source), None)
        return Connection(config.ca_bundle if config else "", self.config.proxy)

    def source(self, name: str) -> SourceHandle:
        return next(s for s in self.sources if s.name == name)

    def loaded_catalogue(self) -> LoadedCatalogue:
        """Fetched from the first source on first use (blocking: call it from a worker)."""
        with self._lock:
            if self._catalogue is None:
                from app.platform.catalogue_fetch import load_catalogue

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
        from app.platform.sealing import KEY_FILE, store_sealer

        return store_sealer(self.config.without_keyring, paths().data / KEY_FILE)

    def records_at_rest(self) -> RecordsAtRest:
        from app.platform.sealing import StorageRefused

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
            s.close()
