"""What the HIS asks for when it launches Huren: a patient, maybe an item, maybe focus.

From the command line (`--patient ID [--id-system SYSTEM] [--item CODE]`, or `--launch TOKEN`)
or a URL (`huren://open?patient=...&system=...&item=...`, `huren://open?launch=...`, which the
installers register). A launch token (SMART EHR launch style) names user and patient at once;
the platform exchanges it. The request is plain data, so a second launch can hand it to the
running window as JSON.

The HIS may add the visit's outpatient number (门诊号: `--visit`, `visit=`): it goes on the
orders for that patient, where the nurse and the printed consent form identify the patient
by it next to the record number. Only the HIS knows it; no platform record carries it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from urllib.parse import parse_qs, urlsplit

SCHEME = "huren"


@dataclass(frozen=True)
class LaunchRequest:
    patient: str = ""
    id_system: str = ""
    item: str = ""
    raise_window: bool = False
    launch: str = ""          # the HIS's launch token: the platform says who and which patient
    visit: str = ""           # the HIS's outpatient number of this visit (门诊号), when it gives one

    def __post_init__(self) -> None:
        check_visit(self.visit)

    @property
    def patient_text(self) -> str:
        """The identifier as the search takes it: `system|value` when a system is given."""
        return f"{self.id_system}|{self.patient}" if self.id_system and self.patient else self.patient

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> LaunchRequest:
        try:
            data = json.loads(text)
        except RecursionError:      # nested deeper than the parser goes: no request of ours
            raise ValueError("a launch request nested too deep") from None
        if not isinstance(data, dict):
            raise ValueError("a launch request is a JSON object")
        return cls(str(data.get("patient", "")), str(data.get("id_system", "")), str(data.get("item", "")),
                   bool(data.get("raise_window", False)), str(data.get("launch", "")), str(data.get("visit", "")))


#: The longest outpatient number taken: HIS numbers are a dozen or so characters.
_VISIT_LENGTH = 32


def check_visit(number: str) -> str:
    """`number` if it can be an outpatient number (printable, no spaces, at most 32 characters);
    ValueError, in words, for anything else: it is printed on a form the patient signs."""
    if len(number) > _VISIT_LENGTH or not all(c.isprintable() and not c.isspace() for c in number):
        raise ValueError(f"not an outpatient number: {number[:_VISIT_LENGTH]!r} (printable, no spaces, "
                         f"at most {_VISIT_LENGTH} characters)")
    return number


def parse_url(url: str) -> LaunchRequest:
    """`huren://open?patient=370102...&item=LAB-K&visit=MZ-0031&raise=1`; ValueError for anything else."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or (parts.netloc or parts.path.strip("/")) != "open":
        raise ValueError(f"not a Huren link: {url!r} (expected {SCHEME}://open?patient=...)")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if not query.get("patient") and not query.get("launch"):
        raise ValueError("the link names no patient and carries no launch token")
    return LaunchRequest(query.get("patient", ""), query.get("system", ""), query.get("item", ""),
                         query.get("raise", "") in ("1", "true", "yes"), query.get("launch", ""),
                         query.get("visit", ""))


def url_to_argv(argv: list[str]) -> list[str]:
    """A lone `huren://` argument (how desktops pass a clicked link) as the equivalent options."""
    if len(argv) == 1 and argv[0].startswith(f"{SCHEME}:"):
        r = parse_url(argv[0])
        out = ["--patient", r.patient] if r.patient else []
        if r.launch:
            out += ["--launch", r.launch]
        if r.id_system:
            out += ["--id-system", r.id_system]
        if r.item:
            out += ["--item", r.item]
        if r.visit:
            out += ["--visit", r.visit]
        if r.raise_window:
            out.append("--raise")
        return out
    return argv
