"""The synthetic platform data and the bundled catalogue: shapes, consistency, the showcase.

The demo is what a physician first sees of Huren, and the recognition rules are tested
against it, so the data must be right the way clinical data is right: valid IDs, codes that
resolve, flags that agree with the printed range, units that convert.
"""

from __future__ import annotations

import ast
import json
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.fhir_profile import LOCAL_CODE_SYSTEM_PREFIX
from app.domain.identity import (
    INSURANCE_CARD_SYSTEM,
    MRN_SYSTEM_PREFIX,
    ORGANIZATION_SYSTEM,
    RESIDENT_ID_SYSTEM,
    parse_resident_id,
)
from app.sandbox import demo_data
from app.sandbox.demo_data import (
    SHOWCASE_RESIDENT_ID,
    VIEWING_ORGANIZATION_ID,
    VIEWING_REGION,
    DemoData,
    generate,
)
from app.sandbox.demo_showcase import HUBEI_SHOWCASE_RESIDENT_ID

SHANGHAI = ZoneInfo("Asia/Shanghai")
ANCHOR = datetime(2026, 11, 20, 9, 30, tzinfo=SHANGHAI)
TODAY = ANCHOR.date()
LOINC = "http://loinc.org"
MASS_HOSPITALS = {"org-ytsy", "org-wfyd", "org-whdh"}
LOCAL_ONLY_HOSPITAL = "org-jxzz"


@pytest.fixture(scope="module")
def data() -> DemoData:
    return generate(anchor=ANCHOR)


@pytest.fixture(scope="module")
def index(data: DemoData) -> dict[tuple[str, str], dict]:
    return {(r["resourceType"], r["id"]): r for r in data.resources}


def of_type(data: DemoData, rtype: str) -> list[dict]:
    return [r for r in data.resources if r["resourceType"] == rtype]


def ref(reference: dict) -> tuple[str, str]:
    rtype, rid = reference["reference"].split("/")
    return rtype, rid


def age_days(resource: dict) -> int:
    return (TODAY - datetime.fromisoformat(resource["effectiveDateTime"]).date()).days


def local_coding(resource: dict) -> dict:
    return next(c for c in resource["code"]["coding"] if c["system"].startswith(LOCAL_CODE_SYSTEM_PREFIX))


def loinc_codes(resource: dict) -> list[str]:
    return [c["code"] for c in resource["code"]["coding"] if c["system"] == LOINC]


def flag(observation: dict) -> str:
    return observation["interpretation"][0]["coding"][0]["code"]


@pytest.fixture(scope="module")
def item_of(data: DemoData):
    """Map an Observation to its catalogue item code (None when not on the catalogue)."""
    by_loinc = {code: item["code"] for item in data.catalogue["items"] for code in item["loinc"]}
    by_local = {(e["system"], e["code"]): item["code"]
                for item in data.catalogue["items"] for e in item["local"]}

    def lookup(observation: dict) -> str | None:
        local = local_coding(observation)
        found = {by_local.get((local["system"], local["code"]))}
        found |= {by_loinc.get(code) for code in loinc_codes(observation)}
        found.discard(None)
        assert len(found) <= 1, f"{observation['id']}: LOINC and local code disagree: {found}"
        return found.pop() if found else None

    return lookup


@pytest.fixture(scope="module")
def showcase_reports(data: DemoData) -> list[dict]:
    patient = next(p for p in of_type(data, "Patient")
                   if any(i["value"] == SHOWCASE_RESIDENT_ID for i in p["identifier"]))
    return [r for r in of_type(data, "DiagnosticReport")
            if r["subject"]["reference"] == f"Patient/{patient['id']}"]


# ---- determinism -------------------------------------------------------------------------


def test_same_seed_and_anchor_give_identical_json():
    first = generate(seed=7, anchor=ANCHOR, patients=25)
    second = generate(seed=7, anchor=ANCHOR, patients=25)
    assert json.dumps(first.resources, ensure_ascii=False) == json.dumps(second.resources, ensure_ascii=False)
    assert first.catalogue == second.catalogue


def test_another_seed_gives_other_data():
    first = generate(seed=7, anchor=ANCHOR, patients=25)
    other = generate(seed=8, anchor=ANCHOR, patients=25)
    assert json.dumps(first.resources) != json.dumps(other.resources)


def test_showcase_cases_move_with_the_anchor():
    """The demo never ages out: a later anchor gives the showcase the same relative ages."""
    later = ANCHOR + timedelta(days=400)
    ages = {}
    for anchor in (ANCHOR, later):
        generated = generate(anchor=anchor, patients=2)
        ages[anchor] = sorted(
            ((anchor.date() - datetime.fromisoformat(r["effectiveDateTime"]).date()).days,
             r["performer"][0]["reference"], r["code"]["text"])
            for r in of_type(generated, "DiagnosticReport")
            if r["subject"]["reference"] == "Patient/pat-0001"
            and (anchor.date() - datetime.fromisoformat(r["effectiveDateTime"]).date()).days <= 60)
    assert ages[ANCHOR] == ages[later]


def test_anchor_must_be_timezone_aware():
    with pytest.raises(ValueError):
        generate(anchor=datetime(2026, 11, 20, 9, 30), patients=2)


def test_catalogue_is_a_copy(data: DemoData):
    from app.resources import bundled_catalogue

    assert data.catalogue == bundled_catalogue()
    assert data.catalogue is not bundled_catalogue()


# ---- order and references ----------------------------------------------------------------


def test_resource_order_and_counts(data: DemoData):
    types = [r["resourceType"] for r in data.resources]
    n_org, n_pat = types.count("Organization"), types.count("Patient")
    n_staff = types.count("Practitioner") + types.count("PractitionerRole")
    assert types[:n_org] == ["Organization"] * n_org
    assert types[n_org:n_org + n_staff] == ["Practitioner", "PractitionerRole"] * (n_staff // 2)
    start = n_org + n_staff
    assert types[start:start + n_pat] == ["Patient"] * n_pat
    pending: list[str] = []
    for resource in data.resources[start + n_pat:]:
        if resource["resourceType"] == "Observation":
            pending.append(resource["id"])
        else:
            assert resource["resourceType"] == "DiagnosticReport"
            assert [ref(r)[1] for r in resource["result"]] == pending
            pending = []
    assert not pending
    assert types.count("Observation") < 60_000
    assert len({(r["resourceType"], r["id"]) for r in data.resources}) == len(data.resources)


def test_every_observation_is_in_exactly_one_report_and_references_resolve(data, index):
    referenced = Counter()
    for report in of_type(data, "DiagnosticReport"):
        assert ref(report["subject"]) in index
        assert ref(report["performer"][0]) in index
        for result in report["result"]:
            key = ref(result)
            assert key[0] == "Observation" and key in index
            referenced[key[1]] += 1
            observation = index[key]
            assert observation["subject"] == {"reference": report["subject"]["reference"]}
            assert observation["performer"] == report["performer"]
            assert observation["effectiveDateTime"] == report["effectiveDateTime"]
            assert observation["status"] == report["status"]
    observations = of_type(data, "Observation")
    assert all(referenced[o["id"]] == 1 for o in observations)
    assert len(referenced) == len(observations)
    for patient in of_type(data, "Patient"):
        for identifier in patient["identifier"]:
            if "assigner" in identifier:
                assert ref(identifier["assigner"]) in index


def test_resource_ids_are_readable(data: DemoData):
    assert of_type(data, "Patient")[0]["id"] == "pat-0001"
    report = of_type(data, "DiagnosticReport")[0]
    assert report["id"].startswith("rep-0001-")
    assert report["result"][0]["reference"] == f"Observation/obs-0001-{report['id'][-3:]}-01"


# ---- patients and hospitals --------------------------------------------------------------


def test_patients_have_valid_resident_ids_matching_sex_and_birth_date(data: DemoData):
    patients = of_type(data, "Patient")
    assert len(patients) >= 200
    seen = set()
    for patient in patients:
        by_system = defaultdict(list)
        for identifier in patient["identifier"]:
            by_system[identifier["system"]].append(identifier)
        (resident,) = by_system[RESIDENT_ID_SYSTEM]
        assert resident["type"]["coding"][0]["code"] == "NNCHN"
        parsed = parse_resident_id(resident["value"], today=TODAY)
        assert parsed.sex == patient["gender"]
        assert parsed.birth_date.isoformat() == patient["birthDate"]
        assert parsed.region[:2] in {"37", "42"}
        assert resident["value"] not in seen
        seen.add(resident["value"])
        (card,) = by_system[INSURANCE_CARD_SYSTEM]
        assert card["type"]["coding"][0]["code"] == "SN"
        mrns = [i for i in patient["identifier"] if i["system"].startswith(MRN_SYSTEM_PREFIX)]
        assert mrns and all(i["type"]["coding"][0]["code"] == "MR" for i in mrns)
        name = patient["name"][0]
        assert name["text"] == name["family"] + "".join(name["given"])
        assert 1 <= len(name["given"][0]) <= 2 and 1 <= len(name["family"]) <= 2
        assert patient["telecom"][0]["value"].startswith("1") and len(patient["telecom"][0]["value"]) == 11
        assert patient["address"][0]["state"] in {"山东省", "湖北省"}


def test_one_mrn_per_hospital_that_saw_the_patient(data: DemoData):
    seen = defaultdict(set)
    for report in of_type(data, "DiagnosticReport"):
        seen[ref(report["subject"])[1]].add(ref(report["performer"][0])[1])
    for patient in of_type(data, "Patient"):
        mrn_orgs = [i["system"].removeprefix(MRN_SYSTEM_PREFIX) for i in patient["identifier"]
                    if i["system"].startswith(MRN_SYSTEM_PREFIX)]
        assert sorted(mrn_orgs) == sorted(seen[patient["id"]])
        assert 2 <= len(mrn_orgs) or patient["id"] in {"pat-0001", "pat-0002"}


def test_hospitals_span_two_provinces_and_match_the_catalogue(data: DemoData):
    organizations = of_type(data, "Organization")
    assert len(organizations) >= 6
    assert {o["address"][0]["state"] for o in organizations} == {"山东省", "湖北省"}
    org_ids = {o["identifier"][0]["value"]: o for o in organizations}
    assert all(o["identifier"][0]["system"] == ORGANIZATION_SYSTEM for o in organizations)
    from app.sandbox.demo_documents import INSTITUTION as DOCUMENTS_ONLY  # its Organization: test_demo_documents

    for institution in data.catalogue["institutions"]:
        assert institution["identifier"]["system"] == ORGANIZATION_SYSTEM
        if institution == DOCUMENTS_ONLY:
            continue
        organization = org_ids[institution["identifier"]["value"]]
        assert organization["name"] == institution["name"]
    viewing = next(o for o in organizations if o["id"] == VIEWING_ORGANIZATION_ID)
    assert viewing["address"][0]["city"] == "济南市"
    assert viewing["name"] == demo_data.VIEWING_SITE_NAME
    assert next(i for i in data.catalogue["institutions"]
                if i["name"] == viewing["name"])["region"] == VIEWING_REGION


def test_patients_are_mostly_seen_in_their_region_some_across(data: DemoData, index):
    crossing = 0
    for patient in of_type(data, "Patient"):
        states = {index[("Organization", i["system"].removeprefix(MRN_SYSTEM_PREFIX))]["address"][0]["state"]
                  for i in patient["identifier"] if i["system"].startswith(MRN_SYSTEM_PREFIX)}
        crossing += len(states) > 1
    assert 5 <= crossing <= 80


def test_reports_per_patient_and_recent_results(data: DemoData):
    reports = of_type(data, "DiagnosticReport")
    per_patient = Counter(r["subject"]["reference"] for r in reports)
    counts = sorted(per_patient.values())
    assert counts[0] >= 10 and statistics.median(counts) <= 25
    ages = defaultdict(list)
    for report in reports:
        ages[report["subject"]["reference"]].append(age_days(report))
    assert all(1 <= a <= 3 * 365 for values in ages.values() for a in values)
    within_60 = sum(min(values) <= 60 for values in ages.values())
    within_7 = sum(min(values) <= 7 for values in ages.values())
    assert within_60 >= 0.4 * len(ages) and within_7 >= 0.1 * len(ages)
    statuses = Counter(r["status"] for r in reports)
    assert statuses["final"] > 0.9 * len(reports)
    assert 0 < statuses["preliminary"] and 0 < statuses["amended"]


# ---- catalogue ---------------------------------------------------------------------------


def test_catalogue_shape(data: DemoData):
    catalogue = data.catalogue
    assert catalogue["schema"] == "huren-recognition-catalogue/1"
    items, categories = catalogue["items"], catalogue["categories"]
    assert len([i for i in items if i["kind"] == "lab"]) >= 60 and len(categories) >= 10
    category_codes = {c["code"] for c in categories}
    assert len(category_codes) == len(categories)
    item_codes = [i["code"] for i in items]
    assert len(set(item_codes)) == len(item_codes)
    loincs = [code for i in items for code in i["loinc"]]
    assert len(set(loincs)) == len(loincs)
    locals_ = [(e["system"], e["code"]) for i in items for e in i["local"]]
    assert len(set(locals_)) == len(locals_)
    windows = defaultdict(set)
    for item in items:
        assert item["kind"] in ("lab", "imaging") and item["name"]["zh"] and item["name"]["en"]
        assert item["category"] in category_codes
        assert item["window_days"] >= 0 and item["price_yuan"] > 0
        assert item["scope"] in ({"level": "national", "region": "000000"},
                                 {"level": "province", "region": "370000"})
        windows[item["category"]].add(item["window_days"])
    assert all(len(w) == 1 for w in windows.values()), "one window per category"
    assert sum(i["scope"]["level"] == "province" for i in items) in (2, 3)
    for institution in catalogue["institutions"]:
        for qualification in institution["qualifications"]:
            assert set(qualification["items"]) <= set(item_codes)
            assert set(qualification["categories"]) <= category_codes
            assert qualification["valid_to"] is None or qualification["valid_from"] <= qualification["valid_to"]


def test_every_lab_item_has_a_local_code_at_every_hospital(data: DemoData):
    org_ids = {o["id"] for o in of_type(data, "Organization")}
    for item in (i for i in data.catalogue["items"] if i["kind"] == "lab"):
        systems = {e["system"].removeprefix(LOCAL_CODE_SYSTEM_PREFIX) for e in item["local"]}
        assert systems == org_ids


def test_catalogue_has_the_qualification_cases(data: DemoData):
    by_name = {i["name"]: i for i in data.catalogue["institutions"]}
    marks = {q["mark"] for i in by_name.values() for q in i["qualifications"]}
    assert {"全国HR", "鲁HR", "烟台HR", "武汉HR"} <= marks
    assert any(not i["qualifications"] for i in by_name.values())  # never qualified
    qingdao = next(i for i in by_name.values() if i["region"].startswith("3702"))
    old, new = sorted(qingdao["qualifications"], key=lambda q: q["valid_from"])
    assert old["valid_to"].startswith("2025") and new["valid_from"] == "2026-03-01"
    assert set(new["categories"]) < set(old["categories"])


# ---- observations ------------------------------------------------------------------------


def test_every_observation_code_is_on_the_catalogue_except_the_deliberate_ones(data, item_of):
    item_by_code = {i["code"]: i for i in data.catalogue["items"]}
    off_list = Counter()
    for observation in of_type(data, "Observation"):
        item = item_of(observation)
        local = local_coding(observation)
        assert local["system"] == LOCAL_CODE_SYSTEM_PREFIX + ref(observation["performer"][0])[1]
        if item is None:
            assert not loinc_codes(observation)
            assert observation["code"]["text"].startswith(("超敏C反应蛋白", "同型半胱氨酸"))
            off_list[observation["code"]["text"]] += 1
            continue
        assert set(loinc_codes(observation)) <= set(item_by_code[item]["loinc"])
    assert off_list


def test_local_only_hospital_sends_no_loinc(data: DemoData):
    sent = [r for r in data.resources if r["resourceType"] in ("Observation", "DiagnosticReport")
            and r["performer"][0]["reference"] == f"Organization/{LOCAL_ONLY_HOSPITAL}"]
    assert sent and not any(loinc_codes(r) for r in sent)
    others = [o for o in of_type(data, "Observation")
              if o["performer"][0]["reference"] != f"Organization/{LOCAL_ONLY_HOSPITAL}"]
    assert sum(bool(loinc_codes(o)) for o in others) > 0.95 * len(others)


def test_observation_shapes(data: DemoData):
    for observation in of_type(data, "Observation"):
        effective = datetime.fromisoformat(observation["effectiveDateTime"])
        issued = datetime.fromisoformat(observation["issued"])
        assert observation["effectiveDateTime"].endswith("+08:00")
        assert effective < issued <= ANCHOR + timedelta(days=1)
        assert observation["category"][0]["coding"][0]["code"] == "laboratory"
        values = [k for k in ("valueQuantity", "valueString", "valueCodeableConcept") if k in observation]
        assert len(values) == 1
        if "valueQuantity" in observation:
            quantity = observation["valueQuantity"]
            assert quantity["system"] == "http://unitsofmeasure.org" and quantity["code"]
            assert isinstance(quantity["value"], (int, float)) and quantity["value"] >= 0
    for report in of_type(data, "DiagnosticReport"):
        categories = [c["coding"][0] for c in report["category"]]
        assert categories[0]["code"] == "LAB"
        assert all(c["system"] == "https://fhir.huren.cn/CodeSystem/lab-category" for c in categories[1:])
        assert report["identifier"][0]["value"] and report["code"]["text"]
        assert local_coding(report)["display"] == report["code"]["text"]


def test_flags_agree_with_each_rows_reference_range(data: DemoData):
    for observation in of_type(data, "Observation"):
        code = flag(observation)
        reference = observation["referenceRange"][0]
        if "valueQuantity" in observation:
            value = observation["valueQuantity"]["value"]
            low = reference.get("low", {}).get("value")
            high = reference.get("high", {}).get("value")
            for bound in ("low", "high"):
                if bound in reference:
                    assert reference[bound]["unit"] == observation["valueQuantity"]["unit"]
            if code in ("POS", "NEG"):
                assert code == ("POS" if value >= high else "NEG"), observation["id"]
            elif code in ("H", "HH"):
                assert high is not None and value > high, observation["id"]
            elif code in ("L", "LL"):
                assert low is not None and value < low, observation["id"]
            else:
                assert code == "N"
                assert (low is None or value >= low) and (high is None or value <= high), observation["id"]
        else:
            text = observation.get("valueString") or observation["valueCodeableConcept"]["text"]
            assert text in ("阳性", "阴性")
            assert code == ("POS" if text == "阳性" else "NEG")


def test_mass_unit_hospitals_report_mg_dl_with_mass_loinc(data: DemoData, item_of):
    expected = {"LAB-GLU": ("2345-7", "14749-6"), "LAB-TC": ("2093-3", "14647-2"),
                "LAB-TG": ("2571-8", "14927-8"), "LAB-CREA": ("2160-0", "14682-9")}
    for observation in of_type(data, "Observation"):
        item = item_of(observation)
        if item not in expected:
            continue
        hospital = ref(observation["performer"][0])[1]
        if hospital == LOCAL_ONLY_HOSPITAL:
            continue
        mass = hospital in MASS_HOSPITALS
        assert loinc_codes(observation) == [expected[item][0 if mass else 1]]
        assert (observation["valueQuantity"]["unit"] == "mg/dL") == mass


def test_mg_dl_glucose_is_about_18_times_the_mmol_l_of_the_same_patient(data: DemoData, item_of):
    glucose = defaultdict(lambda: {"mass": [], "molar": []})
    for observation in of_type(data, "Observation"):
        if item_of(observation) != "LAB-GLU":
            continue
        kind = "mass" if observation["valueQuantity"]["unit"] == "mg/dL" else "molar"
        glucose[observation["subject"]["reference"]][kind].append(
            (datetime.fromisoformat(observation["effectiveDateTime"]), observation["valueQuantity"]["value"]))
    ratios = [mass / molar
              for series in glucose.values()
              for when_mass, mass in series["mass"]
              for when_molar, molar in series["molar"]
              if abs((when_mass - when_molar).days) <= 120]
    assert len(ratios) >= 10
    assert 15.5 <= statistics.median(ratios) <= 21.0


def test_serology_is_coded_or_quantitative(data: DemoData, item_of):
    forms = defaultdict(set)
    for observation in of_type(data, "Observation"):
        item = item_of(observation)
        if item and item.startswith(("LAB-HBSAG", "LAB-ANTIHB", "LAB-HBEAG")):
            form = next(k for k in ("valueQuantity", "valueString", "valueCodeableConcept") if k in observation)
            forms[item].add(form)
            if form == "valueQuantity":
                assert observation["valueQuantity"]["unit"] in ("IU/mL", "mIU/mL")
    assert {"valueQuantity", "valueCodeableConcept", "valueString"} <= forms["LAB-HBSAG"]
    assert forms["LAB-HBEAG"] == {"valueCodeableConcept", "valueString"}


def test_a_persons_values_agree_across_hospitals(data: DemoData, item_of):
    """The same person's creatinine from different hospitals a month apart differs only by lab variation."""
    creatinine = defaultdict(list)
    for observation in of_type(data, "Observation"):
        if item_of(observation) == "LAB-CREA":
            value = observation["valueQuantity"]["value"]
            if observation["valueQuantity"]["unit"] == "mg/dL":
                value *= 88.42
            creatinine[observation["subject"]["reference"]].append(
                (datetime.fromisoformat(observation["effectiveDateTime"]),
                 observation["performer"][0]["reference"], value))
    differences = [abs(a[2] - b[2]) / a[2]
                   for series in creatinine.values() for a in series for b in series
                   if a[1] != b[1] and 0 < abs((a[0] - b[0]).days) <= 30]
    assert differences and statistics.median(differences) < 0.12


# ---- the showcase ------------------------------------------------------------------------


def report_at(reports: list[dict], days: int, org: str) -> list[dict]:
    return [r for r in reports if age_days(r) == days and r["performer"][0]["reference"] == f"Organization/{org}"]


def categories_of(report: dict) -> set[str]:
    return {c["coding"][0]["code"] for c in report["category"][1:]}


def test_showcase_patient_identity(data: DemoData):
    patient = next(p for p in of_type(data, "Patient")
                   if any(i["value"] == SHOWCASE_RESIDENT_ID for i in p["identifier"]))
    assert patient["id"] == "pat-0001" and patient["name"][0]["text"] == "张伟"
    assert patient["gender"] == "male"
    age = TODAY.year - date.fromisoformat(patient["birthDate"]).year
    assert 55 <= age <= 62
    assert parse_resident_id(SHOWCASE_RESIDENT_ID).region.startswith("3701")
    hubei = next(p for p in of_type(data, "Patient")
                 if any(i["value"] == HUBEI_SHOWCASE_RESIDENT_ID for i in p["identifier"]))
    assert hubei["address"][0]["state"] == "湖北省"


def test_showcase_recent_cases(showcase_reports: list[dict], index, item_of):
    reports = showcase_reports
    (electrolytes_3,) = [r for r in report_at(reports, 3, "org-jnqy") if categories_of(r) == {"electrolytes"}]
    assert electrolytes_3["status"] == "final"
    (electrolytes_12,) = [r for r in report_at(reports, 12, "org-jnqy") if categories_of(r) == {"electrolytes"}]
    assert electrolytes_12["status"] == "final"
    (glucose_lipids,) = report_at(reports, 20, "org-sdsl")
    assert categories_of(glucose_lipids) == {"glucose", "lipids"}
    (hba1c,) = report_at(reports, 45, "org-wfyd")
    assert categories_of(hba1c) == {"hba1c"}
    (yantai,) = report_at(reports, 10, "org-ytsy")
    assert yantai["status"] == "final"
    jining = report_at(reports, 4, LOCAL_ONLY_HOSPITAL)
    assert jining and not any(loinc_codes(index[ref(x)]) for r in jining for x in r["result"])
    (preliminary,) = [r for r in reports if r["status"] == "preliminary"]
    assert age_days(preliminary) <= 2
    assert any(r["status"] == "amended" for r in reports)
    (weifang_glucose,) = report_at(reports, 6, "org-wfyd")
    (value,) = [index[ref(x)] for x in weifang_glucose["result"]]
    assert value["valueQuantity"]["unit"] == "mg/dL" and loinc_codes(value) == ["2345-7"]
    assert 100 <= value["valueQuantity"]["value"] <= 250  # a diabetic's fasting glucose
    unlisted = [index[ref(x)] for r in reports for x in r["result"] if item_of(index[ref(x)]) is None]
    assert unlisted and all(age_days(o) <= 7 for o in unlisted)


def test_hubei_showcase_cases(data: DemoData, index, item_of):
    patient = next(p for p in of_type(data, "Patient")
                   if any(i["value"] == HUBEI_SHOWCASE_RESIDENT_ID for i in p["identifier"]))
    reports = [r for r in of_type(data, "DiagnosticReport")
               if r["subject"]["reference"] == f"Patient/{patient['id']}"]
    province_only = {i["code"] for i in data.catalogue["items"] if i["scope"]["level"] == "province"}
    recent_national = [index[ref(x)] for r in report_at(reports, 5, "org-whjh") for x in r["result"]]
    assert any(item_of(o) in province_only for o in recent_national)  # not on Wuhan's list
    (city_mark,) = report_at(reports, 15, "org-whdh")
    assert categories_of(city_mark) == {"liver-function"}
    (creatinine,) = [index[ref(x)] for r in report_at(reports, 8, "org-whdh") for x in r["result"]
                     if item_of(index[ref(x)]) == "LAB-CREA"]
    assert creatinine["valueQuantity"]["unit"] == "mg/dL"
    assert report_at(reports, 50, "org-whjh")


def test_showcase_qingdao_report_lies_in_the_qualification_gap(data: DemoData, showcase_reports):
    qingdao = next(i for i in data.catalogue["institutions"] if i["region"].startswith("3702"))
    old, new = sorted(qingdao["qualifications"], key=lambda q: q["valid_from"])
    gap_start = date.fromisoformat(old["valid_to"]) + timedelta(days=1)
    gap_end = date.fromisoformat(new["valid_from"]) - timedelta(days=1)
    in_gap = [r for r in showcase_reports if r["performer"][0]["reference"] == "Organization/org-qdhy"
              and gap_start <= datetime.fromisoformat(r["effectiveDateTime"]).date() <= gap_end]
    assert in_gap and all(r["status"] == "final" for r in in_gap)
    assert categories_of(in_gap[-1]) <= set(new["categories"])  # covered only after the new start


def test_showcase_has_older_history_at_several_hospitals(showcase_reports: list[dict]):
    old = [r for r in showcase_reports if age_days(r) >= 90]
    assert len({r["performer"][0]["reference"] for r in old}) >= 3
    assert any(r["performer"][0]["reference"] == "Organization/org-whjh" for r in old)
    assert 10 <= len(showcase_reports) <= 30


def test_showcase_diabetes_shows_in_the_values(showcase_reports, index, item_of):
    hba1c = sorted((age_days(r), index[ref(x)]["valueQuantity"]["value"])
                   for r in showcase_reports for x in r["result"] if item_of(index[ref(x)]) == "LAB-HBA1C")
    assert len(hba1c) >= 2
    assert all(value > 6.0 for _, value in hba1c)
    assert hba1c[0][1] >= hba1c[-1][1] - 0.3  # drifting up: the newest is not lower than the oldest


# ---- the module's own rules --------------------------------------------------------------


def test_module_imports_only_stdlib_domain_sandbox_and_resources():
    """demo_data.py and the sandbox modules it draws on, directly or not."""
    folder = Path(demo_data.__file__).parent
    todo, seen, imported = ["app.sandbox.demo_data"], set(), set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        source = (folder / f"{module.removeprefix('app.sandbox.')}.py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
                if node.module.startswith("app.sandbox."):
                    todo.append(node.module)
    assert len(seen) > 5  # the generator's parts were followed
    app_modules = {m for m in imported if m.split(".")[0] == "app"}
    assert all(m.startswith(("app.domain", "app.sandbox")) or m == "app.resources" for m in app_modules)
    import sys

    third_party = {m.split(".")[0] for m in imported - app_modules} - set(sys.stdlib_module_names)
    assert third_party == {"__future__"} - set(sys.stdlib_module_names)


def test_demo_staff_physicians_and_nurses_at_two_hospitals(data: DemoData):
    from app.domain.staff import ROLE_SYSTEM, STAFF_ROLE_SYSTEM

    by_id = {(r["resourceType"], r["id"]): r for r in data.resources}
    roles = [r for r in data.resources if r["resourceType"] == "PractitionerRole"]
    seen = set()
    for role in roles:
        assert ref(role["practitioner"]) in by_id and ref(role["organization"]) in by_id
        coding = role["code"][0]["coding"][0]
        seen.add((coding["system"], coding["code"], ref(role["organization"])[1]))
    assert {(system, code) for system, code, _ in seen} == {
        (ROLE_SYSTEM, "doctor"), (ROLE_SYSTEM, "nurse"),
        (STAFF_ROLE_SYSTEM, "department-head"), (STAFF_ROLE_SYSTEM, "supervisor"), (STAFF_ROLE_SYSTEM, "admin")}
    for code in ("doctor", "nurse"):
        assert len({org for _, c, org in seen if c == code}) >= 2
    assert (STAFF_ROLE_SYSTEM, "department-head", VIEWING_ORGANIZATION_ID) in seen
    assert (STAFF_ROLE_SYSTEM, "admin", VIEWING_ORGANIZATION_ID) in seen     # the workstation's site reads its trail
    assert any(org == VIEWING_ORGANIZATION_ID for _, _, org in seen)
