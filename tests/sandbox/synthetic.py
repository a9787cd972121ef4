"""A quick synthetic platform for the sandbox's own tests and timings.

Independent of app/sandbox/demo_data.py (written separately) so that the store and the
server can be measured at the scale the brief asks for: ~200 patients, ~5,000 reports,
~50,000 observations, shaped as docs/fhir-profile.md describes.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any

RESIDENT = "https://fhir.huren.cn/sid/cn-resident-id"
LOINC = "http://loinc.org"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
CST = timezone(timedelta(hours=8))
_FAMILIES = "王李张刘陈杨黄赵吴周"
_GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇"]
_ITEMS = [("2345-7", "GLU", "mmol/L", 3.9, 6.1), ("718-7", "HGB", "g/L", 115, 150),
          ("6690-2", "WBC", "10*9/L", 3.5, 9.5), ("777-3", "PLT", "10*9/L", 125, 350),
          ("2160-0", "CREA", "umol/L", 45, 104), ("1742-6", "ALT", "U/L", 7, 40),
          ("1920-8", "AST", "U/L", 13, 35), ("2093-3", "CHOL", "mmol/L", 2.8, 5.2),
          ("2571-8", "TG", "mmol/L", 0.45, 1.7), ("3094-0", "BUN", "mmol/L", 2.6, 7.5)]


def organization(i: int) -> dict[str, Any]:
    return {"resourceType": "Organization", "id": f"org{i}",
            "identifier": [{"system": "https://fhir.huren.cn/sid/org", "value": f"H{i:03d}"}],
            "name": f"第{i}人民医院", "address": [{"city": "济南市", "state": "山东省"}]}


def patient(i: int) -> dict[str, Any]:
    family, given = _FAMILIES[i % 10], _GIVEN[(i // 10) % 10]
    return {"resourceType": "Patient", "id": f"p{i}",
            "identifier": [{"system": RESIDENT, "value": f"37010219800101{i:04d}"}],
            "name": [{"text": family + given, "family": family, "given": [given]}],
            "gender": "male" if i % 2 else "female", "birthDate": f"{1940 + i % 60}-0{1 + i % 9}-1{i % 10}"}


def report(pid: str, org: str, n: int, when: datetime, rng: random.Random) -> list[dict[str, Any]]:
    """One lab report with its ten Observations."""
    rid = f"{pid}-r{n}"
    observations = []
    for k, (loinc, local, unit, low, high) in enumerate(_ITEMS):
        value = round(rng.uniform(low * 0.7, high * 1.3), 1)
        observations.append({
            "resourceType": "Observation", "id": f"{rid}-o{k}", "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                      "code": "laboratory"}]}],
            "code": {"coding": [{"system": LOINC, "code": loinc},
                                {"system": f"https://fhir.huren.cn/CodeSystem/local/{org}", "code": local}],
                     "text": local},
            "subject": {"reference": f"Patient/{pid}"},
            "effectiveDateTime": when.isoformat(), "issued": (when + timedelta(hours=3)).isoformat(),
            "performer": [{"reference": f"Organization/{org}"}],
            "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
            "referenceRange": [{"low": {"value": low, "unit": unit}, "high": {"value": high, "unit": unit}}],
        })
    diagnostic = {
        "resourceType": "DiagnosticReport", "id": rid, "status": "final",
        "identifier": [{"system": f"https://fhir.huren.cn/sid/report/{org}", "value": rid}],
        "category": [{"coding": [{"system": V2_0074, "code": "LAB"}]},
                     {"coding": [{"system": "https://fhir.huren.cn/CodeSystem/lab-category", "code": "biochem"}]}],
        "code": {"coding": [{"system": LOINC, "code": "24323-8"}], "text": "生化全项"},
        "subject": {"reference": f"Patient/{pid}"}, "effectiveDateTime": when.isoformat(),
        "issued": (when + timedelta(hours=3)).isoformat(),
        "performer": [{"reference": f"Organization/{org}"}],
        "result": [{"reference": f"Observation/{o['id']}"} for o in observations],
    }
    return [diagnostic, *observations]


def platform(patients: int = 200, reports_per_patient: int = 25, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    anchor = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    resources: list[dict[str, Any]] = [organization(i) for i in range(8)]
    for i in range(patients):
        resources.append(patient(i))
        for n in range(reports_per_patient):
            when = anchor - timedelta(days=rng.randint(0, 720), minutes=rng.randint(0, 600))
            resources += report(f"p{i}", f"org{rng.randint(0, 7)}", n, when, rng)
    return resources
