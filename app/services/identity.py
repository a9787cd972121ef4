"""Who is at the keyboard: the staff member signed in now, and those who listen for a change.

How the user got here (a demo account picked from `available_users`, the hospital account
through the browser, an HIS launch) is app.services.sign_in's business; everything else asks
`current` and gets a StaffMember.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app.domain.staff import Role, StaffMember
from app.services.workspace import SourceHandle, Workspace

if TYPE_CHECKING:   # the FHIR side is imported when staff are looked for, after the window's first paint
    from app.platform.fhir.mapping import Skipped
    from app.platform.fhir.search import Gaps

STAFF_SEARCH = (("active", "true"), ("_count", "100"))
STAFF_INCLUDES = ("PractitionerRole:practitioner", "PractitionerRole:organization")
STAFF_REFERENCES = (("practitioner", "Practitioner"), ("organization", "Organization"))


def find_staff(source: SourceHandle, params: Sequence[tuple[str, str]],
               skipped: Skipped | None = None) -> tuple[list[StaffMember], Gaps]:
    """PractitionerRoles with their people and hospitals, included or fetched by id (blocking)."""
    from app.platform.fhir.administration import staff_from_resources
    from app.platform.fhir.mapping import Skipped
    from app.platform.fhir.search import Gaps, References, search_all

    found = search_all(source.client, "PractitionerRole",
                       [*params, *source.capabilities().include_params(*STAFF_INCLUDES)])
    refs = References(source.client)
    unresolved = refs.complete(found, STAFF_REFERENCES)
    related = [*refs.of_kind("Practitioner").values(), *refs.of_kind("Organization").values()]
    members = staff_from_resources([*found.matches, *related], skipped if skipped is not None else Skipped())
    return members, found.gaps + Gaps(unresolved=unresolved)


def available_users(workspace: Workspace) -> list[StaffMember]:
    """Staff known to the first source (blocking: run it on a worker)."""
    if not workspace.sources:
        return []
    staff, _ = find_staff(workspace.sources[0], STAFF_SEARCH)
    roles = list(Role)
    return sorted(staff, key=lambda s: (s.organization_id != workspace.config.organization, roles.index(s.role),
                                        s.name))


def staff_member(workspace: Workspace, practitioner_id: str) -> StaffMember | None:
    """The active staff role of a practitioner (the one at this hospital first), or None (blocking)."""
    if not workspace.sources:
        return None
    staff, _ = find_staff(workspace.sources[0], (("practitioner", f"Practitioner/{practitioner_id}"), *STAFF_SEARCH))
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
