"""What a demo hospital's laboratory measures and how it reports it.

A person's true level, times the laboratory's own calibration bias, times draw-to-draw
noise; then printed in the hospital's unit, rounded as printed, against the hospital's own
reference range (the standard one shifted a little), flagged H/L or, past the panic
limits, HH/LL.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from app.sandbox.demo_analytes import ANALYTES, MASS_UNITS, Range
from app.sandbox.demo_coding import quantity
from app.sandbox.demo_hospitals import HOSPITALS, Hospital
from app.sandbox.demo_person import HISTORY_DAYS, Person, Visit
from app.sandbox.demo_random import spread


def lab_step(code: str) -> float:
    """How far (as a fraction) labs' calibrations and ranges differ per step of spread.

    Tightly regulated analytes (sodium: CV 0.7 %) differ far less between labs than loose
    ones (ALT); no analyte differs by more than 1 % per step (2 % at most).
    """
    return min(0.01, ANALYTES[code].cv / 2) or 0.005


def round_to(value: float, decimals: int) -> float | int:
    """Rounded as the report prints it; an int when it has no decimals."""
    return int(round(value)) if decimals == 0 else round(value, decimals)


def fmt(value: float | None, decimals: int) -> str:
    """A limit as the report prints it ("" for none)."""
    return "" if value is None else f"{value:.{decimals}f}"


def flag_for(value: float, low: float | None, high: float | None, critical: Range) -> str:
    """H/L from the hospital's own range, HH/LL past the panic limits (which lie outside it)."""
    crit_low, crit_high = critical
    if crit_high is not None and value >= crit_high:
        return "HH"
    if crit_low is not None and value <= crit_low:
        return "LL"
    if high is not None and value > high:
        return "H"
    if low is not None and value < low:
        return "L"
    return "N"


@dataclass(frozen=True)
class Reporting:
    """One hospital's way of reporting one item to one sex (cached per generate() call)."""

    unit: str
    ucum: str
    loinc: str | None
    factor: float
    decimals: int
    low: float | None
    high: float | None
    critical: Range
    #: what the report prints: 3.50-5.30, <3.37 (no lower limit), >1.04 (no upper limit)
    text: str

    def reference_range(self) -> dict:
        """A fresh FHIR referenceRange (never shared between resources)."""
        reference: dict[str, Any] = {}
        if self.low is not None:
            reference["low"] = quantity(self.low, self.unit, self.ucum)
        if self.high is not None:
            reference["high"] = quantity(self.high, self.unit, self.ucum)
        reference["text"] = self.text
        return reference


class Laboratory:
    """The laboratories of all demo hospitals, drawing noise from the shared random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cache: dict[tuple[str, str, str], Reporting] = {}
        self.biases = {(h.id, code): 1 + lab_step(code) / 2 * spread(h.id, code, "bias")
                       for h in HOSPITALS for code in ANALYTES}

    def truth(self, person: Person, day: int) -> dict[str, float]:
        """The person's true levels that day: baseline with slow drift, or the disease course."""
        f = 1.0 - day / HISTORY_DAYS
        truth = {}
        for code, base in person.baseline.items():
            trajectory = person.trajectories.get(code)
            truth[code] = trajectory.at(f) if trajectory else base * (1 + person.drift[code] * f)
        return truth

    def measure(self, person: Person, visit: Visit) -> dict[str, float]:
        """What this hospital's laboratory measures: truth × calibration bias × draw-to-draw noise."""
        rng = self.rng
        h = visit.hospital
        values = {}
        biases = self.biases
        for code, true in self.truth(person, visit.day).items():
            values[code] = true * biases[h.id, code] * math.exp(rng.gauss(0, ANALYTES[code].cv))
        if visit.acute:  # an infection: leucocytosis with neutrophilia, CRP up
            values["LAB-WBC"] *= 1.6
            values["LAB-NEUTP"] *= 1.2
            values["LAB-LYMPHP"] *= 0.7
            values["HSCRP"] *= 10
        differential = ("LAB-NEUTP", "LAB-LYMPHP", "LAB-MONOP", "LAB-EOP", "LAB-BASOP")
        total = sum(values[c] for c in differential)
        for code in differential:
            values[code] *= 100 / total
        values["LAB-NEUT"] = values["LAB-WBC"] * values["LAB-NEUTP"] / 100
        values["LAB-LYMPH"] = values["LAB-WBC"] * values["LAB-LYMPHP"] / 100
        values["LAB-HCT"] = values["LAB-RBC"] * values["LAB-MCV"] / 10
        values["LAB-HGB"] = values["LAB-HCT"] * values["LAB-MCHC"] / 100
        values["LAB-MCH"] = values["LAB-HGB"] / values["LAB-RBC"]
        values["LAB-DBIL"] = values["LAB-TBIL"] * person.dbil_ratio * math.exp(rng.gauss(0, 0.08))
        values["LAB-T3"] = values["LAB-FT3"] * 0.40 * math.exp(rng.gauss(0, 0.05))
        values["LAB-T4"] = values["LAB-FT4"] * 6.7 * math.exp(rng.gauss(0, 0.05))
        values["LAB-PT"] = h.pt_mnpt * values["LAB-INR"] ** (1 / h.pt_isi)
        values["LAB-FPSA"] = values["LAB-TPSA"] * person.fpsa_ratio * math.exp(rng.gauss(0, 0.06))
        years = (HISTORY_DAYS - visit.day) / 365
        hbv = person.hbv
        values["LAB-HBSAG"] = (hbv.hbsag_level * math.exp(-0.1 * years + rng.gauss(0, 0.15))
                               if hbv.hbsag else rng.uniform(0.0, 0.03))
        values["LAB-ANTIHBS"] = hbv.anti_hbs_level * math.exp(-hbv.anti_hbs_decay * years
                                                              + rng.gauss(0, 0.1))
        return values

    def reporting(self, hospital: Hospital, code: str, sex: str) -> Reporting:
        """How the hospital reports an item: its unit, code and own reference range.

        The range is the standard one shifted a little per hospital, then converted to the
        hospital's unit and rounded as printed, so flags compare like with like.
        """
        key = (hospital.id, code, sex)
        if key not in self.cache:
            a = ANALYTES[code]
            unit, ucum, loinc, factor, decimals = a.unit, a.ucum, a.loinc, 1.0, a.decimals
            if hospital.mass_units and code in MASS_UNITS:
                mass = MASS_UNITS[code]
                unit, ucum, loinc, factor, decimals = mass.unit, mass.unit, mass.loinc, mass.factor, mass.decimals
            low, high = a.ref_female if sex == "female" and a.ref_female else a.ref
            step = lab_step(code)
            if low:
                low = round_to(low * (1 + step * spread(hospital.id, code, "low")) * factor, decimals)
            if high is not None:
                high = round_to(high * (1 + step * spread(hospital.id, code, "high")) * factor, decimals)
            critical = (None if a.critical[0] is None else a.critical[0] * factor,
                        None if a.critical[1] is None else a.critical[1] * factor)
            if low is not None and high is not None:
                text = f"{fmt(low, decimals)}-{fmt(high, decimals)}"
            else:
                text = f"<{fmt(high, decimals)}" if high is not None else f">{fmt(low, decimals)}"
            self.cache[key] = Reporting(unit, ucum, loinc, factor, decimals, low, high, critical, text)
        return self.cache[key]
