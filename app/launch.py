"""What the HIS asks for when it launches Huren: a patient, maybe an item, maybe focus.

From the command line (`--patient ID [--id-system SYSTEM] [--item CODE]`, or `--launch TOKEN`)
or a URL (`huren://open?patient=...&system=...&item=...`, `huren://open?launch=...`, which the
installers register). A launch token (SMART EHR launch style) names user and patient at once;
the platform exchanges it. The request is plain data, so a second launch can hand it to the
running window as JSON.
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

    @property
    def patient_text(self) -> str:
        """The identifier as the search takes it: `system|value` when a system is given."""
        return f"{self.id_system}|{self.patient}" if self.id_system and self.patient else self.patient

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> LaunchRequest:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a launch request is a JSON object")
        return cls(str(data.get("patient", "")), str(data.get("id_system", "")), str(data.get("item", "")),
                   bool(data.get("raise_window", False)), str(data.get("launch", "")))


def parse_url(url: str) -> LaunchRequest:
    """`huren://open?patient=370102...&item=LAB-K&raise=1`; raises ValueError for anything else."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or (parts.netloc or parts.path.strip("/")) != "open":
        raise ValueError(f"not a Huren link: {url!r} (expected {SCHEME}://open?patient=...)")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if not query.get("patient") and not query.get("launch"):
        raise ValueError("the link names no patient and carries no launch token")
    return LaunchRequest(query.get("patient", ""), query.get("system", ""), query.get("item", ""),
                         query.get("raise", "") in ("1", "true", "yes"), query.get("launch", ""))


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
        if r.raise_window:
            out.append("--raise")
        return out
    return argv
