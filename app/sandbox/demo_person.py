"""A generated demo patient, as the generator builds them up: physiology, then blood draws.

Days count back from the anchor (the data set's "now"): a visit on day 3 was three days
before it, and no visit is older than `HISTORY_DAYS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.sandbox.demo_hospitals import Hospital
from app.sandbox.demo_personas import Persona, Trajectory
from app.sandbox.demo_population import City

#: How far back the history goes (days before the anchor).
HISTORY_DAYS = 3 * 365


@dataclass
class Visit:
    """One blood draw at one hospital; each panel becomes one DiagnosticReport."""

    day: int
    hospital: Hospital
    panels: list[str]
    acute: bool = False
    scripted: bool = False
    status: str | None = None
    extras: tuple[str, ...] = ()


@dataclass
class Hbv:
    """A person's hepatitis B markers; levels are at the start of the history."""

    hbsag: bool = False
    hbeag: bool = False
    anti_hbe: bool = False
    anti_hbc: bool = False
    hbsag_level: float = 0.0
    anti_hbs_level: float = 1.0
    anti_hbs_decay: float = 0.0


@dataclass
class Person:
    """One patient: who they are, how their values behave, and their visits (newest last once sorted)."""

    index: int
    family: str
    given: str
    sex: str
    born: date
    resident_id: str
    city: City
    district: str
    persona: Persona
    hospitals: list[Hospital]
    baseline: dict[str, float] = field(default_factory=dict)
    drift: dict[str, float] = field(default_factory=dict)
    trajectories: dict[str, Trajectory] = field(default_factory=dict)
    hbv: Hbv = field(default_factory=Hbv)
    dbil_ratio: float = 0.28
    fpsa_ratio: float = 0.22
    visits: list[Visit] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"pat-{self.index:04d}"

    @property
    def name(self) -> str:
        return self.family + self.given
