"""The demo's patients: who they are, how their values behave, and when they had blood drawn.

Random patients follow a persona (demo_personas.py) and live in a city (demo_population.py);
the showcase patients (demo_showcase.py) get the same physiology, an older history of their
own and then their scripted visits. All draws come from the one stream of a generate() call,
in a fixed order, so the same seed gives the same people.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from app.domain.identity import make_resident_id
from app.sandbox.demo_analytes import ANALYTES
from app.sandbox.demo_hospitals import HOSPITAL_BY_ID, Hospital
from app.sandbox.demo_person import HISTORY_DAYS, Hbv, Person, Visit
from app.sandbox.demo_personas import (
    ACUTE_PANELS,
    CHECKUP_PANELS,
    HBV_STATUSES,
    MAX_REPORTS,
    MIN_REPORTS,
    PERSONA_BY_KEY,
    PERSONAS,
    Scaled,
)
from app.sandbox.demo_population import (
    CROSS_REGION,
    CROSS_REGION_CHANCE,
    FEMALE_GIVEN,
    HUBEI_CITIES,
    MALE_GIVEN,
    PROVINCE_POOLS,
    SHANDONG_CITIES,
    SHANDONG_SHARE,
    SURNAMES,
    City,
)
from app.sandbox.demo_random import weighted
from app.sandbox.demo_showcase import SHOWCASE_HISTORY_MIN_DAYS, SHOWCASE_PATIENTS, ShowcasePatient, ShowcaseReport


class People:
    """Makes people and their visits; resident IDs stay unique across one generate() call."""

    def __init__(self, rng: random.Random, today: date, catalogue: Mapping[str, Any]) -> None:
        self.rng = rng
        self.today = today
        self.catalogue = catalogue
        self.resident_ids: set[str] = {s.resident_id for s in SHOWCASE_PATIENTS}

    def random_person(self, index: int) -> Person:
        rng = self.rng
        persona = weighted(rng, [(p, p.weight) for p in PERSONAS])
        sex = "female" if rng.random() < persona.female_share else "male"
        shandong = rng.random() < SHANDONG_SHARE
        cities = SHANDONG_CITIES if shandong else HUBEI_CITIES
        city = weighted(rng, [(c, c.weight) for c in cities])
        district, _ = rng.choice(city.districts)
        age = rng.randint(*persona.ages)
        born = date(self.today.year - age, 1, 1) + timedelta(days=rng.randrange(365))
        born_in = city if rng.random() < 0.8 else rng.choice(cities)
        resident_id = self._new_resident_id(rng.choice(born_in.districts)[1], born, sex)
        person = Person(index, self._surname(), self._given_name(sex), sex, born, resident_id,
                        city, district, persona, self._choose_hospitals(city))
        self._fill_physiology(person, jitter=True)
        person.visits = self._history(person, min_day=1)
        return person

    def showcase_person(self, index: int, script: ShowcasePatient) -> Person:
        city = next(c for c in SHANDONG_CITIES + HUBEI_CITIES if c.name == script.city)
        born = date(int(script.resident_id[6:10]), int(script.resident_id[10:12]),
                    int(script.resident_id[12:14]))
        sex = "male" if int(script.resident_id[16]) % 2 else "female"
        hospitals = [HOSPITAL_BY_ID[h] for h in script.hospitals]
        person = Person(index, script.family, script.given, sex, born, script.resident_id, city,
                        script.district, PERSONA_BY_KEY[script.persona], hospitals)
        self._fill_physiology(person, jitter=False)
        history = self._history(person, min_day=SHOWCASE_HISTORY_MIN_DAYS)
        person.visits = self._trim(history, 12) + [self._scripted(r) for r in script.reports]
        return person

    def _scripted(self, report: ShowcaseReport) -> Visit:
        hospital = HOSPITAL_BY_ID[report.organization_id]
        day = report.days_ago if report.days_ago is not None else self._gap_day(hospital)
        return Visit(day, hospital, list(report.panels), scripted=True, status=report.status,
                     extras=report.extras)

    def _gap_day(self, hospital: Hospital) -> int:
        """Days before the anchor of a date between the hospital's two qualifications."""
        institution = next(i for i in self.catalogue["institutions"]
                           if i["identifier"]["value"] == hospital.identifier)
        quals = sorted(institution["qualifications"], key=lambda q: q["valid_from"])
        for old, new in pairwise(quals):
            if old["valid_to"] is None:
                continue
            start = date.fromisoformat(old["valid_to"]) + timedelta(days=1)
            end = date.fromisoformat(new["valid_from"]) - timedelta(days=1)
            pick = max(start, min(end - timedelta(days=14), self.today - timedelta(days=30)))
            if start <= pick <= end and 1 <= (self.today - pick).days <= HISTORY_DAYS:
                return (self.today - pick).days
        return 200  # the anchor is too far from the gap to show it; keep an ordinary report

    def _surname(self) -> str:
        return weighted(self.rng, SURNAMES)

    def _given_name(self, sex: str) -> str:
        chars = MALE_GIVEN if sex == "male" else FEMALE_GIVEN
        if self.rng.random() < 0.35:
            return self.rng.choice(chars)
        first = self.rng.choice(chars)
        second = first if self.rng.random() < 0.04 else self.rng.choice(chars)
        return first + second

    def _new_resident_id(self, region: str, born: date, sex: str) -> str:
        while True:
            sequence = self.rng.randrange(500) * 2 + (1 if sex == "male" else 0)
            value = make_resident_id(region, born, sequence)
            if value not in self.resident_ids:
                self.resident_ids.add(value)
                return value

    def _choose_hospitals(self, city: City) -> list[Hospital]:
        """2-4 hospitals: the city's own first, then others of the province, rarely one far away."""
        rng = self.rng
        total = rng.choice((2, 2, 3, 3, 3, 4))
        cross = rng.random() < CROSS_REGION_CHANCE[city.state]
        chosen = list(city.hospitals)
        rng.shuffle(chosen)
        pool = [(h, w) for h, w in PROVINCE_POOLS[city.state] if h not in chosen]
        while len(chosen) < total - cross and pool:
            pick = weighted(rng, pool)
            chosen.append(pick)
            pool = [(h, w) for h, w in pool if h != pick]
        chosen = chosen[: max(1, total - cross)]
        if cross:
            chosen.append(weighted(rng, CROSS_REGION[city.state]))
        return [HOSPITAL_BY_ID[h] for h in chosen]

    def _fill_physiology(self, person: Person, jitter: bool) -> None:
        """Baselines, slow drifts, disease trajectories and hepatitis B status of one person."""
        rng = self.rng
        female = person.sex == "female"
        age = self.today.year - person.born.year
        for code, a in ANALYTES.items():
            normal = (a.normal_female if female and a.normal_female else a.normal)
            if normal is None:
                continue
            centre, spread = normal
            if a.skewed:
                value = centre * math.exp(rng.gauss(0, spread))
            else:
                value = max(centre + rng.gauss(0, spread), centre * 0.4)
            person.baseline[code] = value
            # over three years a healthy level wanders by about half a draw-to-draw CV
            person.drift[code] = rng.gauss(0, min(0.03, a.cv / 2))
        if not female:  # PSA rises with age (benign prostatic growth)
            person.baseline["LAB-TPSA"] *= 1 + max(0, age - 45) / 25
        for code, trajectory in person.persona.trajectories.items():
            scale = rng.uniform(0.9, 1.1) if jitter else 1.0
            person.trajectories[code] = Scaled(trajectory, scale)
        person.dbil_ratio = min(max(rng.gauss(0.28, 0.04), 0.15), 0.4)
        person.fpsa_ratio = rng.uniform(0.15, 0.30)
        person.hbv = self._hbv(person.persona.hbv_status or weighted(rng, HBV_STATUSES))

    def _hbv(self, status: str) -> Hbv:
        rng = self.rng
        if status == "carrier":
            hbeag = rng.random() < 0.2
            return Hbv(hbsag=True, hbeag=hbeag, anti_hbe=not hbeag, anti_hbc=True,
                       hbsag_level=math.exp(rng.uniform(math.log(300), math.log(8000))),
                       anti_hbs_level=rng.uniform(0.5, 3.0))
        if status == "vaccinated":
            return Hbv(anti_hbs_level=math.exp(rng.uniform(math.log(12), math.log(900))),
                       anti_hbs_decay=0.15)
        if status == "past-infection":
            return Hbv(anti_hbc=True, anti_hbe=rng.random() < 0.5,
                       anti_hbs_level=rng.uniform(20, 400), anti_hbs_decay=0.05)
        if status == "isolated-core":
            return Hbv(anti_hbc=True, anti_hbs_level=rng.uniform(0.5, 6.0))
        return Hbv(anti_hbs_level=rng.uniform(0.2, 5.0))

    # ---- visits ----------------------------------------------------------------------

    def _history(self, person: Person, min_day: int) -> list[Visit]:
        """Follow-ups of the persona, yearly check-ups, a few acute visits, then the budget."""
        rng = self.rng
        persona = person.persona
        visits: list[Visit] = []
        if persona.follow_up_days:
            interval = persona.follow_up_days
            day = HISTORY_DAYS - rng.randrange(interval)
            while day >= min_day:
                visits.append(self._visit(person, day, persona.follow_up_panels))
                day -= int(interval * rng.uniform(0.75, 1.25))
        for year in range(3):
            if rng.random() < persona.checkup_chance:
                day = rng.randint(year * 365 + 1, year * 365 + 364)
                visits.append(self._visit(person, day, CHECKUP_PANELS))
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            visits.append(self._visit(person, rng.randint(1, HISTORY_DAYS), ACUTE_PANELS, acute=True))
        if rng.random() < 0.6:  # many patients have something recent to recognize
            panels = persona.follow_up_panels or CHECKUP_PANELS
            visits.append(self._visit(person, rng.randint(1, 60), panels))
        if rng.random() < 0.25:
            visits.append(self._visit(person, rng.randint(1, 7), ACUTE_PANELS, acute=True))
        visits = [v for v in visits if min_day <= v.day <= HISTORY_DAYS]
        while sum(len(v.panels) for v in visits) < MIN_REPORTS:
            visits.append(self._visit(person, rng.randint(max(min_day, 61), HISTORY_DAYS),
                                      CHECKUP_PANELS))
        return self._cover_hospitals(person, self._trim(visits, MAX_REPORTS))

    def _cover_hospitals(self, person: Person, visits: list[Visit]) -> list[Visit]:
        """Move visits so that every hospital of the person has seen them at least once."""
        for hospital in person.hospitals:
            if any(v.hospital is hospital for v in visits):
                continue
            busy = [v for v in visits
                    if sum(w.hospital is v.hospital for w in visits) > 1]
            if busy:
                self.rng.choice(busy).hospital = hospital
        return visits

    def _trim(self, visits: list[Visit], max_reports: int) -> list[Visit]:
        """Drop random older visits (recent ones carry the recognition cases) to fit the budget."""
        visits = list(visits)
        while sum(len(v.panels) for v in visits) > max_reports:
            older = [i for i, v in enumerate(visits) if v.day > 60] or list(range(len(visits)))
            del visits[self.rng.choice(older)]
        return visits

    def _visit(self, person: Person, day: int, panels: Sequence[tuple[str, float]],
               acute: bool = False) -> Visit:
        rng = self.rng
        chosen = [p for p, chance in panels if chance >= 1.0 or rng.random() < chance]
        weights = [(h, 5.0 if i == 0 else 2.0 if h.state == person.city.state else 0.6)
                   for i, h in enumerate(person.hospitals)]
        return Visit(day, weighted(rng, weights), chosen, acute=acute)
