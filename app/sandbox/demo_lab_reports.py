"""The demo's lab reports: per visit and panel a DiagnosticReport with its Observations.

A report speaks the issuing hospital's dialect: its local codes and names (from the
catalogue, or the LIS's own for items off it), LOINC only if its LIS sends it, its units
and reference ranges (demo_laboratory.py), serology as numbers, coded concepts or plain
阴性/阳性 text, and its own report numbers.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.fhir_profile import LAB_CATEGORY_SYSTEM, LOCAL_CODE_SYSTEM_PREFIX, REPORT_ID_SYSTEM_PREFIX
from app.domain.models import LOINC_SYSTEM
from app.sandbox.demo_analytes import ANALYTES, OFF_CATALOGUE_CODES, SEROLOGY, SerologyItem
from app.sandbox.demo_coding import (
    NEGATIVE,
    OBSERVATION_CATEGORY_SYSTEM,
    POSITIVE,
    V2_0074_SYSTEM,
    interpretation,
    quantity,
)
from app.sandbox.demo_hospitals import SHANGHAI, Hospital
from app.sandbox.demo_laboratory import Laboratory, flag_for, fmt, round_to
from app.sandbox.demo_panels import PANEL_EXTRAS, PANELS, SEX_ONLY, Panel
from app.sandbox.demo_person import Person, Visit


class LabReports:
    """Writes people's visits as reports; report numbers and local names are kept per generate() call."""

    def __init__(self, rng: random.Random, today: date, catalogue: Mapping[str, Any]) -> None:
        self.rng = rng
        self.today = today
        self.laboratory = Laboratory(rng)
        self.local_codes = {
            (entry["system"].removeprefix(LOCAL_CODE_SYSTEM_PREFIX), item["code"]): entry["code"]
            for item in catalogue["items"]
            for entry in item["local"]
            if entry["system"].startswith(LOCAL_CODE_SYSTEM_PREFIX)
        }
        self.item_names = {item["code"]: item["name"]["zh"] for item in catalogue["items"]}
        self.category_names = {c["code"]: c["name"]["zh"] for c in catalogue["categories"]}
        self.report_numbers: dict[tuple[str, date], int] = {}
        self.local_names: dict[tuple[str, str], tuple[str, str]] = {}

    def reports(self, person: Person) -> list[dict]:
        """Each report's Observations followed by the DiagnosticReport, visit by visit."""
        resources: list[dict] = []
        number = 0
        for visit in person.visits:
            collected = datetime.combine(self.today - timedelta(days=visit.day),
                                         time(self.rng.randint(7, 10), self.rng.randrange(60)),
                                         tzinfo=SHANGHAI)
            values = self.laboratory.measure(person, visit)
            for panel_key in visit.panels:
                number += 1
                resources += self._report(person, visit, PANELS[panel_key], number, collected, values)
        return resources

    def _report(self, person: Person, visit: Visit, panel: Panel, number: int,
                collected: datetime, values: dict[str, float]) -> list[dict]:
        rng = self.rng
        h = visit.hospital
        status = visit.status or self._random_status(visit.day)
        issued = collected + timedelta(hours=rng.uniform(2, 6))
        if status == "preliminary":
            issued = collected + timedelta(hours=rng.uniform(0.5, 1.5))
        elif status == "amended":
            issued = collected + timedelta(days=1, hours=rng.uniform(1, 5))
        items = [c for c in panel.items if c not in h.omits and SEX_ONLY.get(c, person.sex) == person.sex]
        extras, suffix = self._extras(visit, panel, h)
        report_id = f"rep-{person.index:04d}-{number:03d}"
        times = (collected.isoformat(timespec="seconds"), issued.isoformat(timespec="seconds"))
        observations = [
            self._observation(f"obs-{person.index:04d}-{number:03d}-{i:02d}", person, h, code,
                              values, status, times)
            for i, code in enumerate(items + extras, start=1)
        ]
        local_panel = f"{h.panel_prefix}{panel.number + (20 if extras else 0):02d}"
        name = panel.zh + suffix
        coding = [{"system": LOINC_SYSTEM, "code": panel.loinc}] if panel.loinc and h.sends_loinc else []
        coding.append({"system": LOCAL_CODE_SYSTEM_PREFIX + h.id, "code": local_panel, "display": name})
        report = {
            "resourceType": "DiagnosticReport",
            "id": report_id,
            "identifier": [{"system": REPORT_ID_SYSTEM_PREFIX + h.id,
                            "value": self._report_number(h, collected.date())}],
            "status": status,
            "category": [{"coding": [{"system": V2_0074_SYSTEM, "code": "LAB", "display": "Laboratory"}]}]
            + [{"coding": [{"system": LAB_CATEGORY_SYSTEM, "code": c,
                            "display": self.category_names[c]}]} for c in panel.categories],
            "code": {"coding": coding, "text": name},
            "subject": {"reference": f"Patient/{person.id}", "display": person.name},
            "effectiveDateTime": times[0],
            "issued": times[1],
            "performer": [{"reference": f"Organization/{h.id}", "display": h.name}],
            "result": [{"reference": f"Observation/{o['id']}"} for o in observations],
        }
        return observations + [report]

    def _random_status(self, day: int) -> str:
        """Mostly final; a fresh report may still be preliminary; now and then one is amended."""
        if day <= 2 and self.rng.random() < 0.35:
            return "preliminary"
        if day >= 3 and self.rng.random() < 0.015:
            return "amended"
        return "final"

    def _extras(self, visit: Visit, panel: Panel, h: Hospital) -> tuple[list[str], str]:
        """Off-catalogue items some hospitals add to a panel, and the report name's suffix."""
        for panel_key, hospitals, chance, code, suffix in PANEL_EXTRAS:
            if panel_key != panel.key:
                continue
            wanted = code in visit.extras if visit.scripted else (
                h.id in hospitals and self.rng.random() < chance)
            if wanted:
                return [code], suffix
        return [], ""

    def _report_number(self, h: Hospital, day: date) -> str:
        key = (h.id, day)
        self.report_numbers[key] = self.report_numbers.get(key, 0) + 1
        return f"{h.report_prefix}{day:%Y%m%d}{self.report_numbers[key]:04d}"

    def _local(self, h: Hospital, code: str) -> tuple[str, str]:
        """The hospital's own code and name for an item: catalogue items from the catalogue."""
        key = (h.id, code)
        if key not in self.local_names:
            zh = self.item_names.get(code) or ANALYTES[code].zh or code
            abbr = SEROLOGY[code].abbr if code in SEROLOGY else ANALYTES[code].abbr
            local_code = self.local_codes.get(key)
            if local_code is None:  # off the catalogue: the LIS still has a code for it
                local_code = f"{h.panel_prefix}{91 + OFF_CATALOGUE_CODES.index(code)}"
            self.local_names[key] = (local_code, f"{zh}({abbr})" if h.names_with_abbr else zh)
        return self.local_names[key]

    def _observation(self, obs_id: str, person: Person, h: Hospital, code: str,
                     values: dict[str, float], status: str, times: tuple[str, str]) -> dict:
        if code in SEROLOGY:
            value, loinc = self._serology_value(person, h, SEROLOGY[code], values.get(code, 0.0))
        else:
            value, loinc = self._quantity_value(person, h, code, values[code])
        local_code, local_name = self._local(h, code)
        coding = [{"system": LOINC_SYSTEM, "code": loinc}] if loinc and h.sends_loinc else []
        coding.append({"system": LOCAL_CODE_SYSTEM_PREFIX + h.id, "code": local_code,
                       "display": local_name})
        observation = {
            "resourceType": "Observation",
            "id": obs_id,
            "status": status,
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY_SYSTEM, "code": "laboratory",
                                      "display": "Laboratory"}]}],
            "code": {"coding": coding, "text": local_name},
            "subject": {"reference": f"Patient/{person.id}"},
            "effectiveDateTime": times[0],
            "issued": times[1],
            "performer": [{"reference": f"Organization/{h.id}", "display": h.name}],
        }
        observation.update(value)
        return observation

    def _quantity_value(self, person: Person, h: Hospital, code: str,
                        value_si: float) -> tuple[dict, str | None]:
        r = self.laboratory.reporting(h, code, person.sex)
        value = round_to(value_si * r.factor, r.decimals)
        return {
            "valueQuantity": quantity(value, r.unit, r.ucum),
            "interpretation": [interpretation(flag_for(value, r.low, r.high, r.critical))],
            "referenceRange": [r.reference_range()],
        }, r.loinc

    def _serology_value(self, person: Person, h: Hospital, item: SerologyItem,
                        level: float) -> tuple[dict, str | None]:
        hbv = person.hbv
        if item.quantitative and not h.qualitative_as_string and (
                item.code != "LAB-HBSAG" or h.hbsag_quantitative):
            unit, ucum, loinc, cutoff, decimals = item.quantitative
            number = round_to(level, decimals)
            flag = "POS" if number >= cutoff else "NEG"
            return {
                "valueQuantity": quantity(number, unit, ucum),
                "interpretation": [interpretation(flag)],
                "referenceRange": [{"high": quantity(cutoff, unit, ucum),
                                    "text": f"<{fmt(cutoff, decimals)} 阴性"}],
            }, loinc
        positive = {
            "LAB-HBSAG": hbv.hbsag, "LAB-HBEAG": hbv.hbeag, "LAB-ANTIHBE": hbv.anti_hbe,
            "LAB-ANTIHBC": hbv.anti_hbc,
            "LAB-ANTIHBS": item.quantitative is not None and level >= item.quantitative[3],
        }[item.code]
        text = "阳性" if positive else "阴性"
        value: dict[str, Any] = (
            {"valueString": text} if h.qualitative_as_string
            else {"valueCodeableConcept": {"coding": [POSITIVE if positive else NEGATIVE], "text": text}})
        value["interpretation"] = [interpretation("POS" if positive else "NEG")]
        value["referenceRange"] = [{"text": "阴性"}]
        return value, item.qualitative_loinc
