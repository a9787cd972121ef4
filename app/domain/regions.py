"""Administrative regions and the reach of a recognition scope.

China's 6-digit division codes nest: the first 2 digits name the province, the first 4 the
city (prefecture), all 6 the district. A mark with a province scope is honoured by every
hospital whose code shares those first 2 digits, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ScopeLevel(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"


_PREFIX = {ScopeLevel.PROVINCE: 2, ScopeLevel.CITY: 4, ScopeLevel.DISTRICT: 6}

NATIONAL_REGION = "000000"


@dataclass(frozen=True)
class Scope:
    level: ScopeLevel
    region: str = NATIONAL_REGION

    def covers(self, region: str | None) -> bool:
        """Whether results under this scope hold for a hospital in `region`.

        An unknown region is covered only by a national scope: guessing would recognize
        results the rules do not allow.
        """
        if self.level is ScopeLevel.NATIONAL:
            return True
        if not region:
            return False
        n = _PREFIX[self.level]
        return region[:n] == self.region[:n]

    @property
    def breadth(self) -> int:
        """Larger is wider; used to prefer the widest mark a hospital holds."""
        return {ScopeLevel.NATIONAL: 3, ScopeLevel.PROVINCE: 2, ScopeLevel.CITY: 1}.get(self.level, 0)


def is_region_code(text: str) -> bool:
    return len(text) == 6 and text.isdigit()
