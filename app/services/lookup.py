"""Finding a patient across every connected source.

Each source is asked on its own (`search_source`), so the window can show one hospital's
answer while another is still thinking; `merge` then puts together the records that belong
to one person, keyed by the resident ID. `lookup_all` does both in parallel for the command
line and tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from enum import Enum

from app.domain.identity import INSURANCE_CARD_SYSTEM, RESIDENT_ID_SYSTEM, is_valid_resident_id, parse_resident_id
from app.domain.models import Patient
from app.platform.fhir_client import FhirError, SessionEnded, SourceUnreachable
from app.platform.fhir_mapping import MappingError, Skipped, bundle_resources, patient_from_fhir
from app.services.workspace import SourceHandle, Workspace


class QueryKind(Enum):
    RESIDENT_ID = "resident-id"
    INSURANCE_CARD = "insurance-card"
    NAME_BIRTHDATE = "name-birthdate"
    ANY_IDENTIFIER = "identifier"   # an MRN or the id the HIS hands over


@dataclass(frozen=True)
class PatientQuery:
    kind: QueryKind
    value: str = ""
    name: str = ""
    birth_date: date | None = None

    @classmethod
    def resident_id(cls, text: str) -> PatientQuery:
        """Validated here: a mistyped ID must be caught before it finds nobody (or somebody else)."""
        return cls(QueryKind.RESIDENT_ID, parse_resident_id(text).value)

    @classmethod
    def from_text(cls, text: str) -> PatientQuery:
        """What `--patient ID` means: a valid resident ID, else any identifier the platform knows."""
        text = text.strip()
        if is_valid_resident_id(text):
            return cls.resident_id(text)
        return cls(QueryKind.ANY_IDENTIFIER, text)

    def fhir_params(self) -> list[tuple[str, str]]:
        if self.kind is QueryKind.RESIDENT_ID:
            return [("identifier", f"{RESIDENT_ID_SYSTEM}|{self.value}")]
        if self.kind is QueryKind.INSURANCE_CARD:
            return [("identifier", f"{INSURANCE_CARD_SYSTEM}|{self.value}")]
        if self.kind is QueryKind.NAME_BIRTHDATE:
            params = [("name", self.name)]
            if self.birth_date:
                params.append(("birthdate", self.birth_date.isoformat()))
            return params
        return [("identifier", self.value)]


class SourceState(Enum):
    WAITING = "waiting"
    OK = "ok"
    FAILED = "failed"          # answered with an error
    TIMED_OUT = "timed-out"    # did not answer in time
    UNREACHABLE = "unreachable"
    SIGNED_OUT = "signed-out"  # the platform wants the user to sign in (again)


@dataclass(frozen=True)
class SourceOutcome:
    source: str
    label: str
    state: SourceState
    message: str = ""
    count: int = 0
    skipped: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class SourceAnswer:
    outcome: SourceOutcome
    patients: tuple[Patient, ...] = ()


@dataclass(frozen=True)
class PersonMatch:
    """One person as found on one or more sources."""

    records: tuple[Patient, ...]

    @property
    def key(self) -> str:
        first = self.records[0]
        return first.resident_id or str(first.key)

    @property
    def primary(self) -> Patient:
        return self.records[0]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.key.source for p in self.records))


def failure_outcome(source: SourceHandle, error: Exception, started: float) -> SourceOutcome:
    seconds = time.monotonic() - started
    if isinstance(error, SessionEnded):
        return SourceOutcome(source.name, source.label, SourceState.SIGNED_OUT, error.message, seconds=seconds)
    if isinstance(error, SourceUnreachable):
        state = SourceState.TIMED_OUT if error.timed_out else SourceState.UNREACHABLE
        return SourceOutcome(source.name, source.label, state, error.message, seconds=seconds)
    message = error.message if isinstance(error, FhirError) else str(error)
    return SourceOutcome(source.name, source.label, SourceState.FAILED, message, seconds=seconds)


def search_source(source: SourceHandle, query: PatientQuery, limit: int = 200) -> SourceAnswer:
    """Ask one source; never raises for what the source does, it reports it in the outcome."""
    started = time.monotonic()
    params = [*query.fhir_params(), ("_count", "50")]
    patients: list[Patient] = []
    skipped = Skipped()
    try:
        for page in source.client.search("Patient", params):
            for res in bundle_resources(page):
                if res.get("resourceType") != "Patient":
                    continue
                try:
                    patients.append(patient_from_fhir(res, source.name))
                except MappingError as e:
                    skipped.add(res, e)
            if len(patients) >= limit:
                break
    except FhirError as e:
        return SourceAnswer(failure_outcome(source, e, started))
    outcome = SourceOutcome(source.name, source.label, SourceState.OK, count=len(patients),
                            skipped=len(skipped), seconds=time.monotonic() - started)
    return SourceAnswer(outcome, tuple(patients[:limit]))


def merge(answers: Iterable[SourceAnswer]) -> list[PersonMatch]:
    """Group records by resident ID; records without one stay on their own."""
    groups: dict[str, list[Patient]] = {}
    for answer in answers:
        for p in answer.patients:
            groups.setdefault(p.resident_id or str(p.key), []).append(p)
    matches = [PersonMatch(tuple(records)) for records in groups.values()]
    matches.sort(key=lambda m: (m.primary.name, m.key))
    return matches


@dataclass(frozen=True)
class LookupResult:
    matches: list[PersonMatch]
    outcomes: list[SourceOutcome]


def lookup_all(workspace: Workspace, query: PatientQuery,
               sources: Sequence[SourceHandle] | None = None) -> LookupResult:
    """Ask every source at once; the slowest source bounds the wait, not the sum."""
    targets = list(sources or workspace.sources)
    with ThreadPoolExecutor(max_workers=max(1, len(targets))) as pool:
        answers = list(pool.map(lambda s: search_source(s, query), targets))
    return LookupResult(merge(answers), [a.outcome for a in answers])
