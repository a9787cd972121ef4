"""Deterministic synthetic platform data: hospitals, patients and three years of lab reports.

The sandbox serves this so that the workstation can be shown, and tested, without a real
platform. Everything comes from one seed and one anchor (the data set's "now"), and every
date is relative to the anchor, so the showcase cases (a result 3 days old, one 12 days old,
...) look the same whichever day the demo runs and the demo never ages out.

The bundled catalogue (resources/catalogue.json) is the one source of item codes, LOINC
lists and the hospitals' local codes; the demo_* modules add what the catalogue does not
carry: hospitals (demo_hospitals.py), units, reference ranges and how values behave in real
patients (demo_analytes.py, demo_personas.py), people (demo_people.py) and the resources
written from them (demo_registry.py, demo_lab_reports.py). This module puts them together
in a fixed order: every draw comes from one random stream, so the order is part of the data.

Only the standard library, `app.domain` and `app.resources` are imported: the sandbox
depends on the domain only.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import datetime

from app.resources import bundled_catalogue
from app.sandbox.demo_analytes import ANALYTES, MASS_UNITS, OFF_CATALOGUE_CODES, SEROLOGY
from app.sandbox.demo_hospitals import HOSPITALS, SHANGHAI
from app.sandbox.demo_lab_reports import LabReports
from app.sandbox.demo_people import People
from app.sandbox.demo_registry import Registry, organization
from app.sandbox.demo_showcase import SHOWCASE_PATIENTS, SHOWCASE_RESIDENT_ID
from app.sandbox.demo_staff import staff_resources

#: The public names; the showcase patient and the clinical tables are defined where they belong
#: and named here too, for the app (app/cli.py) and tests outside the sandbox.
__all__ = [
    "ANALYTES", "DATA_VERSION", "MASS_UNITS", "OFF_CATALOGUE_CODES", "PARTNER_VIEWING_ORGANIZATION_ID",
    "PARTNER_VIEWING_REGION", "SEROLOGY", "SHOWCASE_RESIDENT_ID", "VIEWING_ORGANIZATION_ID", "VIEWING_REGION",
    "VIEWING_SITE_NAME", "DemoData", "generate",
]


@dataclass(frozen=True)
class DemoData:
    """One generated platform: FHIR resources plus the catalogue they were made against."""

    #: FHIR R4 resources as dicts: Organizations first, then Patients, then for each report
    #: its Observations followed by the DiagnosticReport.
    resources: list[dict]
    #: The catalogue document (a deep copy of the bundled one).
    catalogue: dict


#: Raised whenever the generator or the bundled catalogue changes what a demo platform holds;
#: a platform made by another version is then generated anew (see SandboxServer).
DATA_VERSION = 7  # 3: imaging studies (DICOM + ImagingStudy), imaging catalogue items;
#                  4: a year of order records (demo_orders.py), department head and supervisor;
#                  5: an IT administrator (信息科), who reads the audit trail;
#                  6: a hospital that shares only printed reports (demo_documents.py);
#                  7: the year's reminders, openings, revocations and verdicts (demo_funnel.py)

#: The demo workstation sits in 山东省立中心医院 (鲁HR), Jinan.
VIEWING_ORGANIZATION_ID = "org-sdsl"
VIEWING_REGION = "370104"
VIEWING_SITE_NAME = "山东省立中心医院"
#: A workstation in the partner region, for showing the other side of the city marks.
PARTNER_VIEWING_ORGANIZATION_ID = "org-whjh"
PARTNER_VIEWING_REGION = "420103"


def generate(seed: int = 20261122, anchor: datetime | None = None, patients: int = 200) -> DemoData:
    """Build the demo platform: same seed, anchor and patient count give identical data.

    `anchor` is the data set's "now" (timezone-aware; default: now in Asia/Shanghai). All
    dates are relative to it, except that the Qingdao showcase report is put inside the
    real gap between that hospital's two qualifications (absolute dates in the catalogue).
    """
    if anchor is None:
        anchor = datetime.now(SHANGHAI)
    if anchor.tzinfo is None or anchor.utcoffset() is None:
        raise ValueError("anchor must be timezone-aware")
    if patients < 2:
        raise ValueError("at least 2 patients (the two showcase patients)")
    rng = random.Random(seed)
    today = anchor.astimezone(SHANGHAI).date()
    catalogue = copy.deepcopy(bundled_catalogue())
    people = People(rng, today, catalogue)
    persons = [people.showcase_person(i + 1, s) for i, s in enumerate(SHOWCASE_PATIENTS)]
    persons += [people.random_person(i) for i in range(len(persons) + 1, patients + 1)]
    for person in persons:
        person.visits.sort(key=lambda v: -v.day)
    registry = Registry(rng)
    resources: list[dict] = [organization(h) for h in HOSPITALS]
    resources += staff_resources()
    resources += [registry.patient(p) for p in persons]
    lab_reports = LabReports(rng, today, catalogue)
    for person in persons:
        resources += lab_reports.reports(person)
    return DemoData(resources=resources, catalogue=catalogue)
