"""Who may do what: the roles' permissions are properties of the staff member."""

from __future__ import annotations

import pytest

from app.domain.staff import ROLE_SYSTEM, STAFF_ROLE_SYSTEM, Role, StaffMember


@pytest.mark.parametrize("role", list(Role))
def test_only_the_administrator_reads_the_audit_trail(role):
    member = StaffMember("prac-1", "刘强", role, "org-sdsl")
    assert member.reads_audit_trail is (role is Role.ADMIN)


def test_the_administrator_reads_no_recognition_figures_and_orders_nothing():
    admin = StaffMember("prac-sl-liuqiang", "刘强", Role.ADMIN, "org-sdsl", department="信息科")
    assert not (admin.is_physician or admin.is_nurse or admin.reads_recognition_figures)


def test_the_administrator_is_a_huren_role_listed_last():
    assert Role("admin") is Role.ADMIN and list(Role)[-1] is Role.ADMIN
    assert Role.ADMIN.system == STAFF_ROLE_SYSTEM and Role.PHYSICIAN.system == ROLE_SYSTEM


def test_administrators_read_the_audit_trail_not_patient_records():
    from app.domain.staff import Role, StaffMember

    admin = StaffMember("p1", "刘强", Role.ADMIN, "org")
    nurse = StaffMember("p2", "赵静", Role.NURSE, "org")
    assert admin.reads_audit_trail and not admin.reads_patient_records
    assert nurse.reads_patient_records and not nurse.reads_audit_trail
