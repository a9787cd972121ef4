"""The demo platform's staff at two hospitals, as FHIR resources: physicians of several
departments, nurses, a department head (科主任), a recognition supervisor and the IT
administrator (信息科) who reads the audit trail.

Fixed, not random: trainers and tests refer to them by name. The demo's order history
(demo_orders.py) is made by these physicians and recorded by these nurses (never by the
department head, the supervisor or the administrator).
"""

from __future__ import annotations

from app.domain.fhir_profile import DEPARTMENT_SYSTEM
from app.domain.staff import PRACTITIONER_SYSTEM, Role

#: (practitioner id, name, family, given, sex, role, organization id, department, staff number)
STAFF = (
    ("prac-sl-liming", "李明", "李", "明", "male", Role.PHYSICIAN, "org-sdsl", "内分泌科", "SL0107"),
    ("prac-sl-zhaojing", "赵静", "赵", "静", "female", Role.NURSE, "org-sdsl", "内分泌科", "SL2214"),
    ("prac-qy-wangfang", "王芳", "王", "芳", "female", Role.PHYSICIAN, "org-jnqy", "心血管内科", "QY0318"),
    ("prac-qy-sunli", "孙丽", "孙", "丽", "female", Role.NURSE, "org-jnqy", "心血管内科", "QY2476"),
    ("prac-sl-chenhao", "陈浩", "陈", "浩", "male", Role.PHYSICIAN, "org-sdsl", "肾内科", "SL0233"),
    ("prac-sl-yangfan", "杨帆", "杨", "帆", "female", Role.PHYSICIAN, "org-sdsl", "消化内科", "SL0341"),
    ("prac-qy-majun", "马骏", "马", "骏", "male", Role.PHYSICIAN, "org-jnqy", "内分泌科", "QY0422"),
    ("prac-sl-zhoujianhua", "周建华", "周", "建华", "male", Role.DEPARTMENT_HEAD, "org-sdsl", "内分泌科", "SL0012"),
    ("prac-sl-gaomin", "高敏", "高", "敏", "female", Role.SUPERVISOR, "org-sdsl", "医务部", "SL0508"),
    ("prac-sl-liuqiang", "刘强", "刘", "强", "male", Role.ADMIN, "org-sdsl", "信息科", "SL0901"),
)


def staff_resources() -> list[dict]:
    """Practitioner and PractitionerRole resources, in that order for each person."""
    out: list[dict] = []
    for pid, name, family, given, sex, role, org, department, number in STAFF:
        out.append({
            "resourceType": "Practitioner", "id": pid, "active": True,
            "identifier": [{"system": PRACTITIONER_SYSTEM, "value": number}],
            "name": [{"use": "official", "text": name, "family": family, "given": [given]}],
            "gender": sex,
        })
        out.append({
            "resourceType": "PractitionerRole", "id": f"role-{pid.removeprefix('prac-')}", "active": True,
            "practitioner": {"reference": f"Practitioner/{pid}", "display": name},
            "organization": {"reference": f"Organization/{org}"},
            "code": [{"coding": [{"system": role.system, "code": role.value}]}],
            "specialty": [{"coding": [{"system": DEPARTMENT_SYSTEM, "code": department}], "text": department}],
        })
    return out
