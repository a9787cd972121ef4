"""The standard code systems the demo's resources use, and the small data types built on them.

The project's own systems (`https://fhir.huren.cn/...`) come from the domain
(`app.domain.fhir_profile`, `app.domain.identity`), as do LOINC and SNOMED CT; what is left
here are HL7's terminology systems and UCUM, which only the demo writes.
"""

from __future__ import annotations

from app.domain.imaging import SNOMED_SYSTEM

UCUM_SYSTEM = "http://unitsofmeasure.org"
V2_0203_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203"
V2_0074_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0074"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
ORGANIZATION_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/organization-type"

POSITIVE = {"system": SNOMED_SYSTEM, "code": "10828004", "display": "Positive"}
NEGATIVE = {"system": SNOMED_SYSTEM, "code": "260385009", "display": "Negative"}
INTERPRETATION_DISPLAY = {
    "N": "Normal", "H": "High", "L": "Low", "HH": "Critical high", "LL": "Critical low",
    "POS": "Positive", "NEG": "Negative",
}


def identifier(use: str, type_code: str, type_text: str, system: str, value: str) -> dict:
    return {
        "use": use,
        "type": {"coding": [{"system": V2_0203_SYSTEM, "code": type_code}], "text": type_text},
        "system": system,
        "value": value,
    }


def quantity(value: float, unit: str, ucum: str) -> dict:
    return {"value": value, "unit": unit, "system": UCUM_SYSTEM, "code": ucum}


def interpretation(flag: str) -> dict:
    return {"coding": [{"system": INTERPRETATION_SYSTEM, "code": flag,
                        "display": INTERPRETATION_DISPLAY[flag]}]}
