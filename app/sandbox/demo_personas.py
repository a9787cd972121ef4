"""Kinds of demo patient: which values are abnormal, how they move, how often labs are drawn."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


class Trajectory(Protocol):
    def at(self, f: float) -> float:
        """The true level at fraction f of the history (0 three years ago, 1 at the anchor)."""


@dataclass(frozen=True)
class Linear:
    """A slow drift: diabetes worsening, kidney function declining."""

    start: float
    end: float

    def at(self, f: float) -> float:
        return self.start + (self.end - self.start) * f


@dataclass(frozen=True)
class Treated:
    """Untreated level until treatment starts at `onset`, then an exponential approach."""

    untreated: float
    treated: float
    onset: float = 0.35
    #: time constant as a fraction of the history (0.05 ≈ 8 weeks)
    tau: float = 0.05

    def at(self, f: float) -> float:
        if f < self.onset:
            return self.untreated
        return self.treated + (self.untreated - self.treated) * math.exp(-(f - self.onset) / self.tau)


@dataclass(frozen=True)
class Persona:
    """A kind of patient: which values are abnormal, how they move, how often labs are drawn."""

    key: str
    weight: float
    ages: tuple[int, int]
    female_share: float
    trajectories: Mapping[str, Trajectory]
    follow_up_days: int | None
    follow_up_panels: tuple[tuple[str, float], ...]
    checkup_chance: float
    hbv_status: str | None = None


PERSONAS: tuple[Persona, ...] = (
    Persona("healthy", 40, (18, 80), 0.5, {}, None, (), 0.8),
    Persona("type-2-diabetes", 15, (40, 80), 0.45, {
        "LAB-GLU": Linear(7.4, 9.0), "LAB-HBA1C": Linear(7.0, 8.4),
        "LAB-TG": Linear(2.0, 2.4), "LAB-HDLC": Linear(1.02, 0.95),
    }, 120, (("glucose", 1.0), ("hba1c", 0.8), ("lipids", 0.5), ("kidney-function", 0.4),
             ("liver-function", 0.2)), 0.4),
    Persona("chronic-hbv-carrier", 10, (25, 70), 0.4, {
        "LAB-ALT": Linear(46, 62), "LAB-AST": Linear(34, 42), "LAB-GGT": Linear(40, 52),
        "LAB-AFP": Linear(4.0, 5.5),
    }, 180, (("liver-function", 1.0), ("hbv-serology", 0.6), ("tumour-markers", 0.4),
             ("blood-routine", 0.3)), 0.4, hbv_status="carrier"),
    Persona("chronic-kidney-disease", 7, (45, 85), 0.45, {
        "LAB-CREA": Linear(140, 235), "LAB-UREA": Linear(9.0, 14.5), "LAB-UA": Linear(450, 520),
        "LAB-CYSC": Linear(1.6, 2.5), "LAB-K": Linear(4.8, 5.4), "LAB-P": Linear(1.3, 1.7),
        "LAB-CO2": Linear(23.0, 20.0), "LAB-CA": Linear(2.25, 2.12), "LAB-RBC": Linear(4.1, 3.6),
    }, 100, (("kidney-function", 1.0), ("electrolytes", 0.8), ("blood-routine", 0.6),
             ("lipids", 0.2)), 0.3),
    Persona("hyperlipidaemia-on-statin", 12, (40, 80), 0.5, {
        "LAB-TC": Treated(6.9, 4.7), "LAB-LDLC": Treated(4.6, 2.5),
        "LAB-TG": Treated(2.3, 1.6), "LAB-APOB": Treated(1.35, 0.85),
    }, 150, (("lipids", 1.0), ("liver-function", 0.7), ("glucose", 0.3)), 0.4),
    Persona("hypothyroidism-on-levothyroxine", 7, (25, 75), 0.85, {
        "LAB-TSH": Treated(12.0, 2.4, onset=0.25), "LAB-FT4": Treated(9.5, 15.5, onset=0.25),
        "LAB-FT3": Treated(3.4, 4.6, onset=0.25), "LAB-TC": Treated(6.0, 5.0, onset=0.25),
    }, 150, (("thyroid", 1.0), ("blood-routine", 0.3), ("lipids", 0.2)), 0.4),
    Persona("iron-deficiency-anaemia", 5, (20, 55), 1.0, {
        "LAB-RBC": Treated(3.9, 4.35, onset=0.5), "LAB-MCV": Treated(72.0, 85.0, onset=0.5),
        "LAB-MCHC": Treated(305, 330, onset=0.5), "LAB-RDWCV": Treated(16.8, 13.2, onset=0.5),
    }, 120, (("blood-routine", 1.0), ("liver-function", 0.2)), 0.4),
    Persona("atrial-fibrillation-on-warfarin", 4, (55, 85), 0.45, {
        "LAB-INR": Linear(2.4, 2.5),
    }, 60, (("coagulation", 1.0), ("blood-routine", 0.3), ("kidney-function", 0.2)), 0.3),
)
PERSONA_BY_KEY: dict[str, Persona] = {p.key: p for p in PERSONAS}

CHECKUP_PANELS: tuple[tuple[str, float], ...] = (
    ("blood-routine", 1.0), ("liver-function", 1.0), ("kidney-function", 1.0), ("glucose", 1.0),
    ("lipids", 0.9), ("electrolytes", 0.3), ("tumour-markers", 0.45), ("thyroid", 0.25),
    ("hbv-serology", 0.3), ("hba1c", 0.15), ("coagulation", 0.1),
)
ACUTE_PANELS: tuple[tuple[str, float], ...] = (
    ("blood-routine", 1.0), ("electrolytes", 0.6), ("kidney-function", 0.4), ("glucose", 0.3),
    ("coagulation", 0.2),
)
#: Hepatitis B status of people who are not carriers, with their shares.
HBV_STATUSES: tuple[tuple[str, float], ...] = (
    ("susceptible", 0.2), ("vaccinated", 0.5), ("past-infection", 0.25), ("isolated-core", 0.05),
)
MIN_REPORTS, MAX_REPORTS = 10, 25


@dataclass(frozen=True)
class Scaled:
    """A persona's course scaled for one patient, so two diabetics do not share a curve."""

    trajectory: Trajectory
    scale: float

    def at(self, f: float) -> float:
        return self.trajectory.at(f) * self.scale
