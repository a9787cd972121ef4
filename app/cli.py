"""The command line: start the workstation, the sandbox platform alone, or print the version.

Heavy modules (Qt, the sandbox's data generator) are imported only by the command that
needs them, so `--version` and `sandbox` start fast and a packaged build stays responsive.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.config import (
    ConfigError,
    SiteConfig,
    SourceConfig,
    find_site_config,
    load_site_config,
    paths,
    single_source_config,
)

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer
    from app.services.workspace import Workspace


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line; the sandbox's own options only when `argv` names it (or is not given):
    they import the sandbox's modules, ~3 ms of every workstation start otherwise."""
    parser = argparse.ArgumentParser(prog="huren", description="Huren (互认) workstation: mutual recognition of "
                                     "inspection and test results between hospitals.")
    parser.add_argument("--version", action="version", version=f"Huren {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--demo", action="store_true",
                       help="use the embedded demo platform even if a site config exists")
    where.add_argument("--config", metavar="FILE", help="site config (TOML); default $HUREN_CONFIG or the system one")
    where.add_argument("--platform", metavar="FHIR_BASE_URL", help="use this one FHIR source, without a config file")
    parser.add_argument("--region", metavar="CODE", default="",
                        help="with --platform: this hospital's 6-digit division code (decides which HR marks apply)")
    parser.add_argument("--patient", metavar="ID", help="open this patient (resident ID or any identifier)")
    parser.add_argument("--id-system", metavar="SYSTEM", default="",
                        help="with --patient: the identifier's system (e.g. the HIS's MRN system URI)")
    parser.add_argument("--item", metavar="CODE", default="",
                        help="with --patient: show this item's results across hospitals (catalogue code or LOINC)")
    parser.add_argument("--report", metavar="ID", default="",
                        help="with --patient: choose this lab report (its id on the platform) once the chart is in; "
                             "one with a printed original opens it beside the list")
    parser.add_argument("--visit", metavar="NUMBER", default="", type=_visit,
                        help="with --patient or --launch: the HIS's outpatient number of this visit (门诊号); "
                             "it goes on this patient's orders and printed consent forms")
    parser.add_argument("--launch", metavar="TOKEN", default="",
                        help="the HIS's launch token (SMART EHR launch): the platform exchanges it for the user "
                             "and the patient, no sign-in page needed")
    parser.add_argument("--raise", dest="raise_window", action="store_true",
                        help="bring the window to the front (a running window switches patient without it)")
    parser.add_argument("--screenshot", metavar="FILE", type=Path,
                        help="save the window to a PNG once everything asked for has loaded, then exit")
    parser.add_argument("--verbose", action="store_true", help="log details for troubleshooting")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    sandbox = commands.add_parser("sandbox", help="run the embedded demo platform alone (training rooms, tests)")
    if argv is None or "sandbox" in argv:
        from app.sandbox.cli import add_arguments

        add_arguments(sandbox)
    commands.add_parser("check", help="check this installation: sources answer, catalogue loads, image decoders, "
                        "keyring, translations, writable dirs (exit 1 on any failure)")
    cds = commands.add_parser("cds-hooks", help="run the order-check service (CDS Hooks) for the HIS on loopback")
    cds.add_argument("--port", dest="cds_port", type=int, default=None,
                     help="port (default: the site's cds_hooks.port)")
    cds.add_argument("--host", dest="cds_host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    audit = commands.add_parser("audit", help="the local audit trail",
                                description="verify: check, reading only, that no entry of the audit trail was "
                                "changed, removed, reordered or inserted and none cut off its end (against the "
                                "anchor beside it, with the audit key from the system keyring). Exit 0 intact, "
                                "1 tampered or broken, 2 cannot be read or checked (no trail, not a file, "
                                "a keyed trail and no key).")
    audit.add_argument("audit_command", choices=["verify"], help="verify: check that no entry was changed or removed "
                       "(exit 0 intact, 1 tampered or broken, 2 cannot be read or checked)")
    audit.add_argument("--file", dest="audit_file", type=Path, default=None,
                       help="the trail to check (default: audit.jsonl in the user data dir; its anchor is the "
                            ".anchor file beside it)")
    view = commands.add_parser("view", help="open a DICOM file, a folder or a CD's DICOMDIR in the image viewer")
    view.add_argument("path", type=Path, help="a DICOM file, a folder of them, or a DICOMDIR")
    view.add_argument("--screenshot", dest="view_screenshot", metavar="FILE", type=Path,
                      help="save the viewer to a PNG once the first series has arrived, then exit")
    check = commands.add_parser("order-check", help="print each item's prior results and their recognition "
                                "verdicts (for scripts and the HIS); exit 0 answered, 1 patient not found, "
                                "2 bad input, 3 a source failed (the answer is incomplete, or the patient "
                                "may be there)")
    check.add_argument("--patient", dest="check_patient", metavar="ID", required=True,
                       help="resident ID or any identifier the platform knows")
    check.add_argument("--item", dest="items", metavar="CODE", action="append", required=True,
                       help="catalogue item or panel code, LOINC, or a hospital's local code; repeatable")
    check.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def _visit(text: str) -> str:
    """argparse's type for `--visit`: an outpatient number, or in words why it is not one."""
    from app.launch import check_visit

    try:
        return check_visit(text.strip())
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def main(argv: list[str] | None = None) -> int:
    from app.launch import url_to_argv

    try:
        argv = url_to_argv(list(sys.argv[1:] if argv is None else argv))
    except ValueError as e:
        print(f"huren: {e}", file=sys.stderr)
        return 2
    args = build_parser(argv).parse_args(argv)
    if args.command == "sandbox":   # a server of its own: logs its requests to stderr
        from app.sandbox.cli import run

        return run(args)
    from app.logs import configure

    configure(paths().log, verbose=args.verbose)
    if args.command == "check":
        return run_check(args)
    if args.command == "audit":
        return run_audit_verify(args)
    if args.command == "cds-hooks":
        return run_cds_hooks(args)
    if args.command == "order-check":
        return run_order_check(args)
    if args.command == "view":
        return run_view(args)
    return run_workstation(args)


@contextmanager
def opened_workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The workspace the arguments describe (starting the demo platform when they name none).

    Raises ConfigError for a wrong site config; closes everything it opened.
    """
    from app.services.workspace import Workspace

    config, sandbox = resolve_config(args)
    workspace = Workspace.from_config(config)
    try:
        yield workspace
    finally:
        workspace.close()
        if sandbox is not None:
            sandbox.stop()


def run_workstation(args: argparse.Namespace) -> int:
    """The window. What start-up makes (modules, classes, widgets) lives as long as the window, so the
    collector is kept out of the way until the window is shown (`run` lets it back): its passes over
    those objects were ~4 ms of the start."""
    gc.disable()
    try:
        from app.launch import LaunchRequest
        from app.ui.application import hand_over_to_running, run

        request = LaunchRequest(args.patient or "", args.id_system, args.item, args.raise_window, args.launch,
                                args.visit)
        if args.screenshot is None and hand_over_to_running(request):
            print("huren: handed to the running Huren window", file=sys.stderr)
            return 0
        try:
            with opened_workspace(args) as workspace:
                return run(workspace, request=request, screenshot=args.screenshot, report=args.report)
        except ConfigError as e:
            print_config_error(e)
            return 2
    finally:
        gc.enable()


def run_check(args: argparse.Namespace) -> int:
    """`huren check`: a table for IT, exit 1 when anything a user would hit is broken."""
    from app.resources import translations_dir
    from app.services.selfcheck import format_table, passed, run_checks

    try:
        with opened_workspace(args) as workspace:
            where = str(workspace.config.path) if workspace.config.path else (
                "the embedded demo platform" if workspace.config.demo else "--platform")
            print(f"Huren {__version__}, site configuration: {where}")
            results = run_checks(workspace, translations_dir())
    except ConfigError as e:
        print_config_error(e)
        return 2
    print(format_table(results))
    return 0 if passed(results) else 1


def run_cds_hooks(args: argparse.Namespace) -> int:
    """The HIS's order-check service in the foreground, until interrupted."""
    import signal
    import threading

    from app.platform.sealing import StorageRefused
    from app.services.cds_hooks import SECRET_ENV, CdsHooks, service_secret, start_service
    from app.services.workstation import Workstation

    secret = service_secret()
    if not secret:
        print(f"huren: no service secret: set {SECRET_ENV} or store it in the system keyring "
              "(service 'huren', name 'cds-hooks')", file=sys.stderr)
        return 2
    try:
        with opened_workspace(args) as workspace:
            port = args.cds_port if args.cds_port is not None else workspace.config.cds_hooks_port
            with Workstation.opened(workspace) as station:
                try:
                    server = start_service(CdsHooks(station), secret, port, args.cds_host)
                except (ValueError, OSError) as e:
                    print(f"huren: {e}", file=sys.stderr)
                    return 2
                print(f"CDS Hooks service: {server.url}/cds-services", flush=True)
                stop = threading.Event()
                signal.signal(signal.SIGTERM, lambda *_: stop.set())
                try:
                    stop.wait()
                except KeyboardInterrupt:
                    pass
                server.stop()
                return 0
    except StorageRefused as e:
        print(f"huren: {e}", file=sys.stderr)
        return 2
    except ConfigError as e:
        print_config_error(e)
        return 2


def run_audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the trail is intact; 1 with each finding (line, entry, what); 2 when it cannot be read
    or checked. Only reads: the trail and its anchor are left byte for byte as they were."""
    from app.platform.audit_trail import TrailUnreadable
    from app.services.audit import default_log_path, verify_trail_at

    path = args.audit_file or default_log_path()
    try:
        report = verify_trail_at(path)
    except TrailUnreadable as e:
        print(f"huren: {e}", file=sys.stderr)
        return 2
    for problem in report.problems:
        print(f"{path}:{problem.line}: {problem.reason}" if problem.line else f"{path}: {problem.reason}")
    for note in report.notes:
        print(f"{path}: note: {note}")
    if report.problems:
        return 1
    if report.unchecked:
        print(f"{path}: cannot check: {report.unchecked}", file=sys.stderr)
        return 2
    how = "keyed (HMAC-SHA256)" if report.keyed else "not keyed"
    anchored = f", anchored at entry {report.anchored}" if report.anchored else ""
    print(f"{path}: {report.entries} entries, the chain is intact; {how}{anchored}")
    return 0


def run_view(args: argparse.Namespace) -> int:
    """Local media: no platform, no site config; the viewer alone."""
    if not args.path.exists():
        print(f"huren: {args.path} does not exist", file=sys.stderr)
        return 2
    from app.ui.application import run_viewer

    return run_viewer(args.path, screenshot=args.view_screenshot or args.screenshot)


def run_order_check(args: argparse.Namespace) -> int:
    """0 when answered, 1 when the patient is not found, 2 for bad input or configuration,
    3 when a source failed: the answer is incomplete (a source failed or withheld records:
    "no prior result" may then be wrong), or no patient was found while a source failed."""
    import json

    from app.platform.fhir.client import SessionEnded
    from app.platform.sealing import StorageRefused
    from app.services.ordering.plan import (
        PatientNotFound,
        SourcesFailed,
        UnknownCode,
        order_check_json,
    )
    from app.services.workstation import Workstation

    try:
        with opened_workspace(args) as workspace, Workstation.opened(workspace) as station:
            result = order_check_json(station.check_order(args.check_patient, args.items))
    except ConfigError as e:
        print_config_error(e)
        return 2
    except StorageRefused as e:   # it reads a patient's records, so it keeps an audit record, sealed
        print(f"huren: {e}", file=sys.stderr)
        return 2
    except UnknownCode as e:
        print(f"huren: {e}", file=sys.stderr)
        return 2
    except PatientNotFound as e:
        print(f"huren: {e}", file=sys.stderr)
        return 1
    except SourcesFailed as e:
        print(f"huren: {e}", file=sys.stderr)
        return 3
    except SessionEnded:
        print("huren: the platform asks for sign-in; the command line has no session of its own. Use the window "
              "(or its order check for the HIS), or a platform without sign-in for scripts.", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_order_check(result))
    return 0 if result["complete"] else 3


def format_order_check(result: dict) -> str:
    p = result["patient"]
    lines = [f"{p['name']}  {p['resident_id']}  {p['birth_date'] or ''}"]
    if not result["complete"]:
        lines.append("  INCOMPLETE: a source failed or withheld records; an item without a prior result may "
                     "still have one")
    for s in result["sources"]:
        if s["state"] == "partial":
            lacks = [f"{s['reports']} of {s['total']} reports (no further page)" if s["total"] else "",
                     f"{s['unresolved']} linked records not fetched" if s["unresolved"] else "",
                     f"{s['unreadable']} records unreadable" if s["unreadable"] else "", s["message"]]
            lines.append(f"  source {s['source']}: partial: " + "; ".join(x for x in lacks if x))
        elif s["state"] != "ok":
            lines.append(f"  source {s['source']}: {s['state']} {s['message']}".rstrip())
    for item in result["items"]:
        verdict = "RECOGNIZABLE" if item["recognizable"] else "no recognizable prior result"
        lines.append(f"\n{item['code']}  {item['name']}  "
                     f"(window {item['window_days']} d, {item['price_yuan']:.2f} yuan): {verdict}")
        for r in item["prior_results"]:
            badge = r["mark"] if r["recognized"] else "reference only: " + "; ".join(x["text"] for x in r["reasons"])
            lines.append(f"  {(r['date'] or '')[:10]}  {r['hospital'] or '?'}  {r['value']} {r['unit']}"
                         f"  [{r['reference_range']}]  {badge}")
    return "\n".join(lines)


def print_config_error(error: ConfigError) -> None:
    """Every problem of the site config, one a line, so that IT fixes them all before the next try."""
    if len(error.problems) == 1:
        print(f"huren: {error.problems[0]}", file=sys.stderr)
        return
    print(f"huren: the site config has {len(error.problems)} problems:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)


def resolve_config(args: argparse.Namespace) -> tuple[SiteConfig, SandboxServer | None]:
    """--platform, else --config / $HUREN_CONFIG / the system file, else the embedded demo."""
    if args.platform:
        return single_source_config(args.platform, args.region), None
    path = None if args.demo else find_site_config(args.config)
    if path is not None:
        return load_site_config(path), None
    return start_demo()


def start_demo() -> tuple[SiteConfig, SandboxServer]:
    """Start the embedded platform on a free loopback port and a config that points at it."""
    from app.sandbox.server import SandboxServer

    data_dir = paths().data / "demo-platform"
    if not (data_dir / "platform.sqlite3").exists():
        print("huren: preparing the demo platform (first start only)…", file=sys.stderr)
    server = SandboxServer(data_dir).start()
    return demo_config(server.fhir_base), server


def demo_config(fhir_base: str) -> SiteConfig:
    """The site of the embedded demo platform at `fhir_base`: the viewing hospital, and the showcase
    patient the empty chart offers (the client knows of it only through here, never the sandbox)."""
    from app.sandbox import demo_data
    from app.sandbox.demo_showcase import SHOWCASE_PATIENTS

    showcase = next(p for p in SHOWCASE_PATIENTS if p.resident_id == demo_data.SHOWCASE_RESIDENT_ID)
    return SiteConfig(
        sources=(SourceConfig("demo", fhir_base=fhir_base, label="演示区域平台 DEMO",
                              probe_patient=demo_data.SHOWCASE_RESIDENT_ID),),
        site_name=demo_data.VIEWING_SITE_NAME,
        organization=demo_data.VIEWING_ORGANIZATION_ID,
        region=demo_data.VIEWING_REGION,
        demo=True,
        demo_patient=(showcase.resident_id, showcase.family + showcase.given),
    )
