"""Whether a host name is this machine's loopback: the one check before anything listens.

Both local servers refuse other hosts (the workstation's CDS Hooks service always, the
sandbox unless told `--allow-remote`), so the check is written once, here, where both the
platform layer and the sandbox may import it. Pure: it parses the name, never resolves it.
"""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """True for "localhost" and loopback addresses (IPv6 in brackets or not)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
