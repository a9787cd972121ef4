"""Who is on the demo platform: the hospitals as Organizations, the people as Patients.

A Patient carries the identifiers a client looks a person up by: the resident ID, the
insurance card, and one MRN per hospital that has seen them (in the hospitals' order).
"""

from __future__ import annotations

import random

from app.domain.identity import INSURANCE_CARD_SYSTEM, MRN_SYSTEM_PREFIX, ORGANIZATION_SYSTEM, RESIDENT_ID_SYSTEM
from app.sandbox.demo_coding import ORGANIZATION_TYPE_SYSTEM, identifier
from app.sandbox.demo_hospitals import HOSPITAL_BY_ID, HOSPITALS, Hospital
from app.sandbox.demo_person import Person
from app.sandbox.demo_population import ESTATES


def organization(h: Hospital) -> dict:
    """A hospital as an Organization; its HR qualifications are in the catalogue, keyed by `identifier`."""
    return {
        "resourceType": "Organization",
        "id": h.id,
        "identifier": [{"system": ORGANIZATION_SYSTEM, "value": h.identifier}],
        "active": True,
        "type": [{"coding": [{"system": ORGANIZATION_TYPE_SYSTEM, "code": "prov", "display": "Healthcare Provider"}]}],
        "name": h.name,
        "alias": [h.alias],
        "telecom": [{"system": "phone", "value": h.phone, "use": "work"}],
        "address": [{
            "use": "work",
            "text": f"{h.state}{h.city}{h.district}{h.line}",
            "line": [h.line], "city": h.city, "district": h.district, "state": h.state,
            "postalCode": h.postal_code, "country": "CN",
        }],
    }


class Registry:
    """Registers people as Patients; insurance numbers and MRNs stay unique per generate() call."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.insurance_numbers: set[str] = set()
        self.mrns: set[tuple[str, str]] = set()

    def patient(self, person: Person) -> dict:
        rng = self.rng
        seen = list(dict.fromkeys(v.hospital.id for v in sorted(person.visits, key=lambda v: -v.day)))
        identifiers = [
            identifier("official", "NNCHN", "居民身份证", RESIDENT_ID_SYSTEM, person.resident_id),
            identifier("secondary", "SN", "医保卡号", INSURANCE_CARD_SYSTEM, self._insurance_number()),
        ]
        for org in sorted(seen, key=lambda o: [h.id for h in HOSPITALS].index(o)):
            hospital = HOSPITAL_BY_ID[org]
            mrn = identifier("usual", "MR", "病案号", MRN_SYSTEM_PREFIX + org, self._mrn(hospital))
            mrn["assigner"] = {"reference": f"Organization/{org}", "display": hospital.name}
            identifiers.append(mrn)
        street = rng.choice(person.city.streets)
        line = (f"{street}{rng.randint(1, 300)}号 {rng.choice(ESTATES)}{rng.randint(1, 20)}号楼"
                f"{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室")
        return {
            "resourceType": "Patient",
            "id": person.id,
            "identifier": identifiers,
            "active": True,
            "name": [{"use": "official", "text": person.name, "family": person.family,
                      "given": [person.given]}],
            "telecom": [{"system": "phone", "value": self._mobile(), "use": "mobile"}],
            "gender": person.sex,
            "birthDate": person.born.isoformat(),
            "address": [{
                "use": "home",
                "text": f"{person.city.state}{person.city.name}{person.district}{line}",
                "line": [line], "city": person.city.name, "district": person.district,
                "state": person.city.state, "postalCode": person.city.postal_code, "country": "CN",
            }],
        }

    def _insurance_number(self) -> str:
        while True:
            value = f"{self.rng.choice('ABCDEFGHJK')}{self.rng.randrange(10**8):08d}"
            if value not in self.insurance_numbers:
                self.insurance_numbers.add(value)
                return value

    def _mrn(self, hospital: Hospital) -> str:
        while True:
            value = f"{hospital.mrn_prefix}{self.rng.randrange(10**7, 10**8)}"
            if (hospital.id, value) not in self.mrns:
                self.mrns.add((hospital.id, value))
                return value

    def _mobile(self) -> str:
        return f"1{self.rng.choice('35789')}{self.rng.randrange(10**9):09d}"
