"""Who may do what: the whole policy as a table, without a window or a platform."""

from __future__ import annotations

import pytest

from app.domain.permissions import Permissions, permissions
from app.domain.staff import Role, StaffMember


def member(role: Role) -> StaffMember:
    return StaffMember("p1", "某某", role, "org1")


@pytest.mark.parametrize(("role", "expected"), [
    (Role.PHYSICIAN, Permissions(reads_records=True, orders=True)),
    (Role.NURSE, Permissions(reads_records=True, records_consent=True)),
    (Role.DEPARTMENT_HEAD, Permissions(reads_records=True, reads_figures=True)),
    (Role.SUPERVISOR, Permissions(reads_records=True, reads_figures=True, reviews_repeats=True)),
    (Role.ADMIN, Permissions(reads_audit=True)),
])
def test_each_role_at_a_real_site(role, expected):
    assert permissions(member(role)) == expected


def test_site_rules_widen_only_what_they_name():
    assert permissions(member(Role.PHYSICIAN), physician_records_consent=True).records_consent
    assert not permissions(member(Role.ADMIN), physician_records_consent=True).records_consent
    demo = permissions(member(Role.NURSE), demo=True)
    assert demo.reads_figures and not demo.orders and not demo.reads_audit


def test_nobody_signed_in_may_only_look():
    assert permissions(None) == Permissions(reads_records=True)
    assert permissions(None, demo=True) == Permissions(reads_records=True, reads_figures=True)
