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
from app.domain.person_names import name_splits, same_name
from app.platform.fhir.administration import patient_from_fhir
from app.platform.fhir.client import FhirError, SessionEnded, SourceUnreachable
from app.platform.fhir.mapping import MappingError, Skipped
from app.platform.fhir.search import Gaps, search_all
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

    def split_name_params(self, family: str, given: str) -> list[tuple[str, str]]:
        """The name as surname and given name, for servers that match `name` on neither text nor both."""
        params = [("family", family), ("given", given)]
        if self.birth_date:
            params.append(("birthdate", self.birth_date.isoformat()))
        return params


class SourceState(Enum):
    WAITING = "waiting"
    OK = "ok"                  # answered, and the answer is complete
    PARTIAL = "partial"        # answered, but the client knows the answer lacks something (see `gaps`)
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
    skipped: int = 0           # records that came but could not be read
    seconds: float = 0.0
    gaps: Gaps = Gaps()        # what the answer is known to lack (a cut-short search, unfetchable records)

    @property
    def answered(self) -> bool:
        """The source answered (completely or not): its records can be shown."""
        return self.state in (SourceState.OK, SourceState.PARTIAL)


def answered_outcome(source: SourceHandle, started: float, count: int, skipped: int = 0,
                     gaps: Gaps = Gaps()) -> SourceOutcome:  # noqa: B008 - frozen
    """OK only when nothing is known to be missing: a record unread or a page withheld is PARTIAL."""
    state = SourceState.OK if gaps.complete and not skipped else SourceState.PARTIAL
    return SourceOutcome(source.name, source.label, state, count=count, skipped=skipped,
                         seconds=time.monotonic() - started, gaps=gaps)


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

    def record_at(self, source: str) -> Patient:
        """This person's record on `source` (what that source's reports and studies belong to)."""
        return next((r for r in self.records if r.key.source == source), self.primary)


def failure_outcome(source: SourceHandle, error: BaseException, started: float) -> SourceOutcome:
    seconds = time.monotonic() - started
    if isinstance(error, SessionEnded):
        return SourceOutcome(source.name, source.label, SourceState.SIGNED_OUT, error.message, seconds=seconds)
    if isinstance(error, SourceUnreachable):
        state = SourceState.TIMED_OUT if error.timed_out else SourceState.UNREACHABLE
        return SourceOutcome(source.name, source.label, state, error.message, seconds=seconds)
    message = error.message if isinstance(error, FhirError) else \
        f"the answer could not be read ({type(error).__name__}: {str(error)[:200]})"
    return SourceOutcome(source.name, source.label, SourceState.FAILED, message, seconds=seconds)


def search_source(source: SourceHandle, query: PatientQuery, limit: int = 200) -> SourceAnswer:
    """Ask one source; never raises for what the source does, it reports it in the outcome.

    A name that finds nobody is asked again as surname + given name (servers may match
    `name` on `family`/`given` only, never on the full text); those answers are kept only
    for people whose full name is the one typed.
    """
    started = time.monotonic()
    try:
        result = search_all(source.client, "Patient", [*query.fhir_params(), ("_count", "50")], limit=limit)
        exact = False
        if not result.matches and query.kind is QueryKind.NAME_BIRTHDATE:
            for family, given in name_splits(query.name):
                result = search_all(source.client, "Patient", [*query.split_name_params(family, given),
                                                               ("_count", "50")], limit=limit)
                if result.matches:
                    exact = True
                    break
    except FhirError as e:
        return SourceAnswer(failure_outcome(source, e, started))
    patients: list[Patient] = []
    skipped = Skipped()
    for res in result.matches:
        if res.get("resourceType") != "Patient":
            continue
        try:
            patient = patient_from_fhir(res, source.name)
        except MappingError as e:
            skipped.add(res, e)
            continue
        if not exact or same_name(patient.name, query.name):
            patients.append(patient)
    return SourceAnswer(answered_outcome(source, started, len(patients), len(skipped), result.gaps), tuple(patients))


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
