"""Patient identifiers: the Chinese resident ID number and the identifier systems we use.

The resident ID (居民身份证号码, GB 11643-1999) is the key that ties one person's records
together across hospitals, so it is validated before any look-up: a mistyped digit would
otherwise find nobody, or worse, somebody else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: Identifier systems. A site may map its platform's own systems onto these in the config.
RESIDENT_ID_SYSTEM = "https://fhir.huren.cn/sid/cn-resident-id"
INSURANCE_CARD_SYSTEM = "https://fhir.huren.cn/sid/cn-insurance-card"
MRN_SYSTEM_PREFIX = "https://fhir.huren.cn/sid/mrn/"
ORGANIZATION_SYSTEM = "https://fhir.huren.cn/sid/org"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


class ResidentIdError(ValueError):
    """A resident ID that cannot be right; the message says which part is wrong.

    `kind` names the rule that failed (length, shape, date, implausible-date, check-digit),
    so that the window can say it in the user's language.
    """

    def __init__(self, message: str, kind: str = "shape") -> None:
        super().__init__(message)
        self.kind = kind


def check_digit(first17: str) -> str:
    """The GB 11643 check character (0-9 or X) for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ResidentIdError("the first 17 characters must be digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class ResidentId:
    """A validated 18-digit resident ID."""

    value: str

    @property
    def region(self) -> str:
        """Administrative division code of the place of first registration."""
        return self.value[:6]

    @property
    def birth_date(self) -> date:
        return date(int(self.value[6:10]), int(self.value[10:12]), int(self.value[12:14]))

    @property
    def sex(self) -> str:
        """'male' or 'female' (FHIR administrative gender): odd sequence digit is male."""
        return "male" if int(self.value[16]) % 2 else "female"

    def masked(self) -> str:
        """Shown on screen: region and check digit hidden is not enough, so keep only the ends."""
        return mask_resident_id(self.value)


def normalize_resident_id(text: str) -> str:
    """Strip spaces and make a lower-case x upper-case, as a card reader or a typist may give it."""
    return re.sub(r"\s+", "", text).upper()


def parse_resident_id(text: str, today: date | None = None) -> ResidentId:
    """Validate a resident ID and return it, or raise ResidentIdError saying what is wrong."""
    value = normalize_resident_id(text)
    if len(value) != 18:
        raise ResidentIdError(f"a resident ID has 18 characters, this one has {len(value)}", "length")
    if not _SHAPE.match(value):
        raise ResidentIdError("a resident ID is 17 digits followed by a digit or X")
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ResidentIdError(f"the birth date {value[6:14]} in the ID is not a date", "date") from None
    if born.year < 1880 or born > (today or date.today()):
        raise ResidentIdError(f"the birth date {born.isoformat()} in the ID is not plausible", "implausible-date")
    expected = check_digit(value[:17])
    if value[17] != expected:
        raise ResidentIdError("the check digit does not match: a digit was probably mistyped", "check-digit")
    return ResidentId(value)


def is_valid_resident_id(text: str) -> bool:
    try:
        parse_resident_id(text)
    except ResidentIdError:
        return False
    return True


def make_resident_id(region: str, born: date, sequence: int) -> str:
    """Build a valid ID (for synthetic data): sequence 0-999, odd for men, even for women."""
    if len(region) != 6 or not region.isdigit():
        raise ValueError("region must be a 6-digit division code")
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)


def mask_resident_id(value: str) -> str:
    """Keep the first 6 and last 4 characters: enough to compare with the card in hand."""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]
