"""The showcase patients: scripted visits, each there to show one recognition case.

Their resident IDs are fixed (trainers and tests look them up); everything else about
them is generated like anyone else's, but kept older than the scripted cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.identity import make_resident_id

#: The showcase patient 张伟 (pat-0001): type 2 diabetes, seen at every kind of hospital.
SHOWCASE_RESIDENT_ID = make_resident_id("370102", date(1968, 3, 15), 271)
#: The second showcase patient 刘芳 (pat-0002): chronic HBV carrier living in Wuhan.
HUBEI_SHOWCASE_RESIDENT_ID = make_resident_id("420106", date(1981, 7, 9), 46)


@dataclass(frozen=True)
class ShowcaseReport:
    """A scripted visit of a showcase patient and the recognition case it is there to show.

    `days_ago` None means "inside the gap between the hospital's two qualifications".
    """

    days_ago: int | None
    organization_id: str
    panels: tuple[str, ...]
    shows: str
    status: str = "final"
    extras: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShowcasePatient:
    resident_id: str
    family: str
    given: str
    city: str
    district: str
    persona: str
    hospitals: tuple[str, ...]
    reports: tuple[ShowcaseReport, ...]


SHOWCASE_PATIENTS: tuple[ShowcasePatient, ...] = (
    ShowcasePatient(
        SHOWCASE_RESIDENT_ID, "张", "伟", "济南市", "历下区", "type-2-diabetes",
        ("org-jnqy", "org-sdsl", "org-wfyd", "org-qdhy"),
        (
            ShowcaseReport(1, "org-jnqy", ("liver-function",),
                           "preliminary report: not final, so not yet recognizable", "preliminary"),
            ShowcaseReport(3, "org-jnqy", ("electrolytes", "blood-routine"),
                           "全国HR, 3 days old: recognized; the blood routine carries hs-CRP, "
                           "an item not on the catalogue (local code only)", extras=("HSCRP",)),
            ShowcaseReport(4, "org-jxzz", ("blood-routine", "kidney-function"),
                           "never-qualified county hospital sending local codes only"),
            ShowcaseReport(6, "org-wfyd", ("glucose",),
                           "glucose in mg/dL (mass LOINC) from a 鲁HR item-level qualification"),
            ShowcaseReport(10, "org-ytsy", ("liver-function",),
                           "烟台HR city mark: out of scope when viewed from Jinan"),
            ShowcaseReport(12, "org-jnqy", ("electrolytes",),
                           "electrolytes 12 days old: beyond the 7-day window"),
            ShowcaseReport(20, "org-sdsl", ("glucose-lipids",),
                           "one report, two windows: glucose (14 d) too old, lipids (30 d) valid"),
            ShowcaseReport(25, "org-jnqy", ("kidney-function",),
                           "amended report: still a valid result", "amended"),
            ShowcaseReport(45, "org-wfyd", ("hba1c",),
                           "HbA1c 45 days old from Weifang (鲁HR, item list): recognized (60 d)"),
            ShowcaseReport(None, "org-qdhy", ("kidney-function",),
                           "dated between Qingdao's expired 鲁HR and its new one: not covered"),
            ShowcaseReport(420, "org-whjh", ("blood-routine", "liver-function", "glucose"),
                           "older history from a trip to Wuhan"),
        ),
    ),
    ShowcasePatient(
        HUBEI_SHOWCASE_RESIDENT_ID, "刘", "芳", "武汉市", "武昌区", "chronic-hbv-carrier",
        ("org-whjh", "org-whdh"),
        (
            ShowcaseReport(5, "org-whjh", ("blood-routine", "kidney-function"),
                           "全国HR from Wuhan: recognized in Jinan too; but cystatin C is on "
                           "Shandong's list only, so not on the list when viewed from Wuhan"),
            ShowcaseReport(8, "org-whdh", ("kidney-function",),
                           "creatinine in mg/dL from the 武汉HR hospital"),
            ShowcaseReport(15, "org-whdh", ("liver-function",),
                           "武汉HR city mark: recognized in Wuhan, out of scope in Jinan"),
            ShowcaseReport(50, "org-whjh", ("hbv-serology", "tumour-markers"),
                           "HBV serology (90 d) recognized; tumour markers (30 d) too old"),
            ShowcaseReport(200, "org-sdsl", ("liver-function", "hbv-serology"),
                           "older history from a referral to Jinan"),
        ),
    ),
)
#: The showcase patients' own history (generated) stays older than this, so it never
#: competes with the scripted cases.
SHOWCASE_HISTORY_MIN_DAYS = 90
