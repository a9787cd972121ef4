"""`python main.py sandbox ...`: run the regional platform sandbox in the foreground.

`app/cli.py` adds `add_arguments` and `run` to the program's command line. The sandbox
serves patient-like data without authentication, so it binds to loopback unless told
explicitly (`--allow-remote`) to listen elsewhere.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from app.domain.loopback import is_loopback
from app.sandbox.conformance import MINIMAL, MODES

log = logging.getLogger("huren.sandbox")


def default_data_dir() -> Path:
    """The user data dir of Huren, subfolder `sandbox` (platformdirs when installed).

    $HUREN_HOME moves all of Huren's files, as app.config.paths() does for the workstation.
    """
    home = os.environ.get("HUREN_HOME")
    if home:
        return Path(home) / "data" / "sandbox"
    try:
        from platformdirs import user_data_dir
    except ImportError:  # the sandbox itself needs only the standard library
        return Path.home() / ".local" / "share" / "Huren" / "sandbox"
    return Path(user_data_dir("Huren", appauthor=False)) / "sandbox"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 picks a free one)")
    parser.add_argument("--data", type=Path, default=None, metavar="DIR",
                        help="data directory (default: the user data dir of Huren/sandbox)")
    parser.add_argument("--seed", type=int, default=20261122, help="seed of the synthetic demo data")
    parser.add_argument("--patients", type=int, default=200, help="number of synthetic patients")
    parser.add_argument("--load", type=Path, nargs="+", default=[], metavar="FILE",
                        help="FHIR Bundle files to load (transaction, batch or collection)")
    parser.add_argument("--load-dicom", type=Path, action="append", default=[], metavar="DIR",
                        help="import the DICOM files of a folder, recursively (repeatable); "
                             "served by DICOMweb under /dicom-web")
    parser.add_argument("--no-demo", action="store_true", help="do not generate demo data")
    parser.add_argument("--no-demo-images", action="store_true",
                        help="leave the demo's imaging studies out (their DICOM files take ~250 MB)")
    parser.add_argument("--bandwidth", type=float, default=0.0, metavar="MBIT_S",
                        help="cap streamed image answers at this many Mbit/s, as a hospital network would")
    parser.add_argument("--latency", type=float, default=0.0, metavar="SECONDS",
                        help="delay every answer, to simulate a distant platform")
    parser.add_argument("--require-sign-in", action="store_true",
                        help="refuse FHIR and DICOMweb requests without a valid access token from the "
                             "sandbox's authorization server (/auth: OAuth 2.0 with PKCE, demo accounts)")
    parser.add_argument("--token-minutes", type=float, default=60.0, metavar="MIN",
                        help="lifetime of access tokens (default 60); short ones show refresh at work")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a non-loopback --host (the sandbox's accounts are public demo accounts)")
    parser.add_argument("--conformance", choices=tuple(MODES), default="full",
                        help="full (default): every optional FHIR feature the client may use; minimal: "
                             "only what FHIR R4 promises, as a server that is not ours may behave - "
                             "_include/_revinclude ignored, reference searches need Type/id, name "
                             f"matches family or given only, pages of at most {MINIMAL.max_count}, no next "
                             f"link past {MINIMAL.max_results} matches, transactions of at most "
                             f"{MINIMAL.max_transaction_entries} entries (--load files are loaded in full)")


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C or SIGTERM; 0 on a clean stop, 2 on a refused or failed start."""
    from app.sandbox.auth import DEMO_PASSWORD
    from app.sandbox.bundles import (
        BundleLoadError,  # here: the workstation's start-up never needs it
    )
    from app.sandbox.server import SandboxServer

    if not is_loopback(args.host) and not args.allow_remote:
        print(f"refusing to listen on {args.host}: the sandbox serves patient-like data without "
              "authentication. Use --allow-remote if you really mean it.", file=sys.stderr)
        return 2
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    data_dir = args.data or default_data_dir()
    server = SandboxServer(data_dir, host=args.host, port=args.port, seed=args.seed,
                           patients=args.patients, load=args.load, load_dicom=args.load_dicom,
                           demo=not args.no_demo, images=not args.no_demo_images, latency=args.latency,
                           bandwidth_mbps=args.bandwidth, require_sign_in=args.require_sign_in,
                           token_seconds=args.token_minutes * 60, conformance=MODES[args.conformance])
    print(f"preparing the platform in {data_dir} ...", file=sys.stderr, flush=True)
    try:
        server.start()
    except (BundleLoadError, OSError) as exc:
        print(f"the sandbox could not start: {exc}", file=sys.stderr)
        return 2
    # What start-up made lives as long as the server: out of the collector's way, as the application's
    # (app.ui.application.run). Unfrozen, a full collection now and then walked it in the middle of an
    # answer: 16 ms of a 300-slice series' sending thread here; a platform's server does not stop so.
    gc.freeze()
    print(f"FHIR base: {server.fhir_base}")
    print(f"DICOMweb:  {server.dicomweb_base}")
    print(f"data:      {data_dir}")
    if args.conformance != "full":
        print(f"mode:      {args.conformance} conformance (only what FHIR R4 promises)")
    print(f"sign-in:   {server.url}/auth ({'required' if args.require_sign_in else 'offered, not required'}; "
          f"demo accounts: staff number, password {DEMO_PASSWORD})")
    hint = _showcase_hint() if not args.no_demo else None
    if hint:
        print(hint)
    print("Ctrl+C stops the sandbox.", flush=True)
    _wait_for_stop()
    server.stop()
    print("sandbox stopped.")
    return 0


def _showcase_hint() -> str | None:
    try:
        from app.sandbox import demo_data
    except ImportError:
        return None
    resident_id = getattr(demo_data, "SHOWCASE_RESIDENT_ID", None)
    if not resident_id:
        return None
    return f"showcase patient: look up resident ID {resident_id}"


def _wait_for_stop() -> None:
    """Block until Ctrl+C or SIGTERM (signal handlers can only be set in the main thread)."""
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
