"""Words for the staff roles, in the user's language (the domain keeps only codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.staff import Role


def role_name(role: Role) -> str:
    # Spelled out in full (no alias for translate): pyside6-lupdate finds only these calls.
    return {
        Role.PHYSICIAN: QCoreApplication.translate("Role", "Physician"),
        Role.NURSE: QCoreApplication.translate("Role", "Nurse"),
        Role.DEPARTMENT_HEAD: QCoreApplication.translate("Role", "Department head"),
        Role.SUPERVISOR: QCoreApplication.translate("Role", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Role", "Administrator"),
    }[role]
