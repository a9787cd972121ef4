"""Who is at the keyboard: the staff member signed in now, and those who listen for a change.

How the user got here (a demo account picked from `available_users`, the hospital account
through the browser, an HIS launch) is app.services.sign_in's business; everything else asks
`current` and gets a StaffMember.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.staff import Role, StaffMember
from app.platform.fhir_mapping import Skipped, staff_from_bundles
from app.services.workspace import Workspace

STAFF_SEARCH = (("active", "true"), ("_include", "PractitionerRole:practitioner"),
                ("_include", "PractitionerRole:organization"), ("_count", "100"))


def available_users(workspace: Workspace) -> list[StaffMember]:
    """Staff known to the first source (blocking: run it on a worker)."""
    if not workspace.sources:
        return []
    staff = staff_from_bundles(workspace.sources[0].client.search("PractitionerRole", STAFF_SEARCH), Skipped())
    roles = list(Role)
    return sorted(staff, key=lambda s: (s.organization_id != workspace.config.organization, roles.index(s.role), s.name))


def staff_member(workspace: Workspace, practitioner_id: str) -> StaffMember | None:
    """The active staff role of a practitioner (the one at this hospital first), or None (blocking)."""
    if not workspace.sources:
        return None
    params = (("practitioner", f"Practitioner/{practitioner_id}"), *STAFF_SEARCH)
    staff = staff_from_bundles(workspace.sources[0].client.search("PractitionerRole", params), Skipped())
    staff.sort(key=lambda s: s.organization_id != workspace.config.organization)
    return staff[0] if staff else None


class Identity:
    def __init__(self) -> None:
        self._current: StaffMember | None = None
        self._listeners: list[Callable[[StaffMember | None], None]] = []

    @property
    def current(self) -> StaffMember | None:
        return self._current

    def sign_in(self, member: StaffMember) -> None:
        self._current = member
        for listener in list(self._listeners):
            listener(member)

    def sign_out(self) -> None:
        self._current = None
        for listener in list(self._listeners):
            listener(None)

    def subscribe(self, listener: Callable[[StaffMember | None], None]) -> None:
        self._listeners.append(listener)
