"""Finding a patient across every connected source.

Each source is asked on its own (`search_source`), so the window can show one hospital's
answer while another is still thinking; `merge` then puts together the records that belong
to one person, keyed by the resident ID. `lookup_all` does both in parallel for the command
line and tests. `read_birth_date` reads the birth date a doctor types for a name search.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from app.domain.identity import (
    INSURANCE_CARD_SYSTEM,
    MRN_SYSTEM_PREFIX,
    RESIDENT_ID_SYSTEM,
    is_valid_resident_id,
    parse_resident_id,
)
from app.domain.models import Patient, RecordKey
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


class BirthDateError(ValueError):
    """A typed birth date that cannot be used; `kind` is missing, shape, date or implausible."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SEPARATED_DATE = re.compile(r"(\d{4})[-/.年\s]+(\d{1,2})[-/.月\s]+(\d{1,2})日?")


def read_birth_date(text: str, today: date) -> date:
    """The birth date as a doctor types it: 1968-03-15, 1968/3/15, 1968.3.15, 1968年3月15日 or 19680315.

    Full-width digits (from a Chinese input method) count as digits. There is no default: a
    name search without the birth date would find every namesake, or, with a made-up date, nobody.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        raise BirthDateError("no birth date", "missing")
    found = _COMPACT_DATE.fullmatch(value) or _SEPARATED_DATE.fullmatch(value)
    if found is None:
        raise BirthDateError(f"{value!r} is not written as year-month-day", "shape")
    try:
        born = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        raise BirthDateError(f"{value!r} is not a day of the calendar", "date") from None
    if born.year < 1880 or born > today:
        raise BirthDateError(f"{born.isoformat()} cannot be a living patient's birth date", "implausible")
    return born


def record_hospitals(resource: Mapping[str, Any]) -> tuple[str, ...]:
    """The hospitals that gave this Patient a medical record number, by the name its assigner shows.

    What tells two namesakes apart at a glance: the hospitals each has been seen at. An MRN
    is one of our MRN systems or an identifier typed MR; one without an assigner's name is
    left out (a bare organization id means nothing to a doctor).
    """
    names: list[str] = []
    for ident in resource.get("identifier") or []:
        if not isinstance(ident, dict) or not ident.get("value"):
            continue
        kind = ident.get("type")
        codings = kind.get("coding") if isinstance(kind, dict) else None
        typed_mr = isinstance(codings, list) and any(isinstance(c, dict) and c.get("code") == "MR" for c in codings)
        if not (str(ident.get("system") or "").startswith(MRN_SYSTEM_PREFIX) or typed_mr):
            continue
        assigner = ident.get("assigner")
        display = assigner.get("display") if isinstance(assigner, dict) else None
        if isinstance(display, str) and display.strip():
            names.append(display.strip()[:80])
    return tuple(dict.fromkeys(names))


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
    #: each patient's hospitals (`record_hospitals`), by the patient's record key
    hospitals: Mapping[RecordKey, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonMatch:
    """One person as found on one or more sources."""

    records: tuple[Patient, ...]
    hospitals: tuple[str, ...] = ()   # where the person has medical records, as the sources name them

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
    hospitals: dict[RecordKey, tuple[str, ...]] = {}
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
            hospitals[patient.key] = record_hospitals(res)
    return SourceAnswer(answered_outcome(source, started, len(patients), len(skipped), result.gaps), tuple(patients),
                        hospitals)


def merge(answers: Iterable[SourceAnswer]) -> list[PersonMatch]:
    """Group records by resident ID; records without one stay on their own."""
    groups: dict[str, list[Patient]] = {}
    hospitals: dict[str, list[str]] = {}
    for answer in answers:
        for p in answer.patients:
            key = p.resident_id or str(p.key)
            groups.setdefault(key, []).append(p)
            hospitals.setdefault(key, []).extend(answer.hospitals.get(p.key, ()))
    matches = [PersonMatch(tuple(records), tuple(dict.fromkeys(hospitals[key]))) for key, records in groups.items()]
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
