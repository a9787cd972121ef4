"""FHIR resources and Bundles for the sandbox tests, written as other tools write them."""

from __future__ import annotations

from typing import Any

RESIDENT = "https://fhir.huren.cn/sid/cn-resident-id"
ORG = "https://fhir.huren.cn/sid/org"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
LAB_CATEGORY = "https://fhir.huren.cn/CodeSystem/lab-category"

ZHANG_WEI_ID = "370102196803152718"


def patient(family: str, given: str, resident_id: str, birth: str = "1968-03-15",
            gender: str = "male", **extra: Any) -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "identifier": [{"system": RESIDENT, "value": resident_id}],
        "name": [{"text": family + given, "family": family, "given": [given]}],
        "gender": gender,
        "birthDate": birth,
        **extra,
    }


def organization(code: str, name: str, city: str = "济南市") -> dict[str, Any]:
    return {"resourceType": "Organization", "identifier": [{"system": ORG, "value": code}],
            "name": name, "address": [{"state": "山东省", "city": city}]}


def observation(subject: str, loinc: str, value: float, unit: str, when: str,
                performer: str | None = None) -> dict[str, Any]:
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "laboratory"}]}],
        "code": {"coding": [{"system": LOINC, "code": loinc}], "text": loinc},
        "subject": {"reference": subject},
        "effectiveDateTime": when,
        "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
    }
    if performer:
        obs["performer"] = [{"reference": performer}]
    return obs


def report(subject: str, results: list[str], when: str, performer: str | None = None,
           number: str = "R1", category: str = "blood-routine") -> dict[str, Any]:
    dr: dict[str, Any] = {
        "resourceType": "DiagnosticReport",
        "identifier": [{"system": "https://fhir.huren.cn/sid/lab-report/h1", "value": number}],
        "status": "final",
        "category": [{"coding": [{"system": V2_0074, "code": "LAB"}]},
                     {"coding": [{"system": LAB_CATEGORY, "code": category}]}],
        "code": {"coding": [{"system": LOINC, "code": "58410-2"}], "text": "血常规"},
        "subject": {"reference": subject},
        "effectiveDateTime": when,
        "issued": when,
        "result": [{"reference": r} for r in results],
    }
    if performer:
        dr["performer"] = [{"reference": performer}]
    return dr


def transaction(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "transaction", "entry": list(entries)}


def post_entry(full_url: str, resource: dict[str, Any], if_none_exist: str | None = None) -> dict[str, Any]:
    request = {"method": "POST", "url": resource["resourceType"]}
    if if_none_exist:
        request["ifNoneExist"] = if_none_exist
    return {"fullUrl": full_url, "resource": resource, "request": request}


def lab_transaction() -> dict[str, Any]:
    """A transaction in another tool's style: urn:uuid fullUrls, LOINC Observations,
    conditional creates for the patient and the hospital so a re-load adds nothing twice."""
    pat, org = "urn:uuid:7d9a1f5e-0000-4000-8000-000000000001", "urn:uuid:7d9a1f5e-0000-4000-8000-000000000002"
    o1, o2 = "urn:uuid:7d9a1f5e-0000-4000-8000-000000000003", "urn:uuid:7d9a1f5e-0000-4000-8000-000000000004"
    rep = "urn:uuid:7d9a1f5e-0000-4000-8000-000000000005"
    when = "2026-11-18T08:30:00+08:00"
    return with_identifiers(transaction(
        post_entry(pat, patient("张", "伟", ZHANG_WEI_ID), f"identifier={RESIDENT}|{ZHANG_WEI_ID}"),
        post_entry(org, organization("H001", "山东省立中心医院"), f"identifier={ORG}|H001"),
        post_entry(o1, observation(pat, "2345-7", 7.8, "mmol/L", when, org),
                   "identifier=https://fhir.huren.cn/sid/obs|R9-1"),
        post_entry(o2, observation(pat, "718-7", 135, "g/L", when, org),
                   "identifier=https://fhir.huren.cn/sid/obs|R9-2"),
        post_entry(rep, report(pat, [o1, o2], when, org, number="R9"),
                   "identifier=https://fhir.huren.cn/sid/lab-report/h1|R9"),
    ))


def with_identifiers(bundle: dict[str, Any]) -> dict[str, Any]:
    """Give the Observations the identifiers their ifNoneExist asks for."""
    for entry in bundle["entry"]:
        resource, condition = entry["resource"], entry["request"].get("ifNoneExist", "")
        if resource["resourceType"] == "Observation":
            system, value = condition.split("=", 1)[1].split("|")
            resource["identifier"] = [{"system": system, "value": value}]
    return bundle


# --- a US Core-shaped record, as Synthea and other US tools write it -------------------

US_CORE_MRN = "http://hospital.smarthealthit.org"


def _urn(n: int) -> str:
    return f"urn:uuid:5e1f0c2a-0000-4000-8000-{n:012d}"


def us_core_transaction() -> dict[str, Any]:
    """One visit: every clinical entry points at the patient (and most at the encounter)
    through urn:uuid fullUrls, with the element each type uses for it (`subject`, `patient`,
    `target`, `beneficiary`). Only Patient, Observation, DiagnosticReport and Provenance have
    hand-written search definitions in the sandbox; the others are generic R4 types."""
    pat, enc = _urn(1), _urn(2)
    when = "2026-10-12T09:30:00-04:00"
    subject, encounter = {"reference": pat}, {"reference": enc}
    snomed = "http://snomed.info/sct"

    def coded(system: str, code: str, text: str) -> dict[str, Any]:
        return {"coding": [{"system": system, "code": code, "display": text}], "text": text}

    resources: list[dict[str, Any]] = [
        {"resourceType": "Patient", "identifier": [{"system": US_CORE_MRN, "value": "MRN-4711"}],
         "name": [{"use": "official", "family": "Marsh", "given": ["Harley"]}],
         "gender": "female", "birthDate": "1974-06-02"},
        {"resourceType": "Encounter", "status": "finished",
         "identifier": [{"system": US_CORE_MRN, "value": "ENC-1"}],
         "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
         "subject": subject, "period": {"start": when, "end": "2026-10-12T10:15:00-04:00"}},
        {"resourceType": "Condition", "subject": subject, "encounter": encounter,
         "clinicalStatus": coded("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
         "code": coded(snomed, "44054006", "Diabetes mellitus type 2"), "onsetDateTime": when},
        {"resourceType": "Procedure", "status": "completed", "subject": subject, "encounter": encounter,
         "code": coded(snomed, "430193006", "Medication reconciliation"), "performedDateTime": when},
        {"resourceType": "Observation", "status": "final", "subject": subject, "encounter": encounter,
         "code": coded(LOINC, "4548-4", "Hemoglobin A1c"), "effectiveDateTime": when,
         "valueQuantity": {"value": 7.9, "unit": "%", "system": UCUM, "code": "%"}},
        {"resourceType": "DiagnosticReport", "status": "final", "subject": subject, "encounter": encounter,
         "code": coded(LOINC, "4548-4", "Hemoglobin A1c"), "effectiveDateTime": when, "issued": when,
         "result": [{"reference": _urn(5)}]},
        {"resourceType": "MedicationRequest", "status": "active", "intent": "order", "subject": subject,
         "encounter": encounter,
         "medicationCodeableConcept": coded("http://www.nlm.nih.gov/research/umls/rxnorm", "860975",
                                            "metformin 500 MG"), "authoredOn": when},
        {"resourceType": "Immunization", "status": "completed", "patient": subject, "encounter": encounter,
         "vaccineCode": coded("http://hl7.org/fhir/sid/cvx", "140", "Influenza, seasonal"),
         "occurrenceDateTime": when},
        {"resourceType": "AllergyIntolerance", "patient": subject,
         "code": coded(snomed, "91936005", "Allergy to penicillin")},
        {"resourceType": "CarePlan", "status": "active", "intent": "plan", "subject": subject,
         "encounter": encounter},
        {"resourceType": "Device", "patient": subject, "distinctIdentifier": "(01)00844588003288"},
        {"resourceType": "DocumentReference", "status": "current", "subject": subject,
         "identifier": [{"system": US_CORE_MRN, "value": "DOC-1"}],
         "type": coded(LOINC, "34117-2", "History and physical note"),
         "category": [coded("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                            "clinical-note", "Clinical Note")],
         "date": "2026-10-12T10:20:00-04:00",
         "content": [{"attachment": {"contentType": "text/plain", "data": "SGVsbG8="}}],
         "context": {"encounter": [encounter]}},
        {"resourceType": "Claim", "status": "active", "use": "claim", "patient": subject,
         "created": when, "type": coded("http://terminology.hl7.org/CodeSystem/claim-type",
                                        "professional", "Professional"),
         "provider": {"display": "Clinic"}, "priority": {"coding": [{"code": "normal"}]},
         "insurance": [{"sequence": 1, "focal": True, "coverage": {"reference": _urn(15)}}]},
        {"resourceType": "ExplanationOfBenefit", "status": "active", "use": "claim", "patient": subject,
         "created": when, "outcome": "complete", "claim": {"reference": _urn(13)},
         "type": coded("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"),
         "insurer": {"display": "Payer"}, "provider": {"display": "Clinic"},
         "insurance": [{"focal": True, "coverage": {"reference": _urn(15)}}]},
        {"resourceType": "Coverage", "status": "active", "beneficiary": subject, "payor": [{"display": "Payer"}]},
        {"resourceType": "Provenance", "recorded": when, "target": [subject, encounter],
         "agent": [{"who": {"display": "Synthea"}}]},
    ]
    return transaction(*(post_entry(_urn(n), r) for n, r in enumerate(resources, start=1)))
