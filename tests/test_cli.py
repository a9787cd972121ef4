"""The command line as IT and the smoke tests of packaged builds use it: real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import __version__

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env_home: Path, timeout: float = 90) -> subprocess.CompletedProcess:
    env = {**os.environ, "HUREN_HOME": str(env_home)}   # offscreen, on the test screen (tests/conftest.py)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_version(huren_home):
    done = run("--version", env_home=huren_home)
    assert done.returncode == 0 and done.stdout.strip() == f"Huren {__version__}"


def test_screenshot_after_the_patient_loaded(huren_home, tmp_path, demo_platform):
    from PySide6.QtGui import QImage

    from app.sandbox.demo_data import SHOWCASE_RESIDENT_ID, VIEWING_REGION

    out = tmp_path / "window.png"
    done = run("--platform", demo_platform.fhir_base, "--region", VIEWING_REGION, "--patient", SHOWCASE_RESIDENT_ID,
               "--screenshot", str(out), env_home=huren_home)
    assert done.returncode == 0, done.stderr
    assert "(loaded)" in done.stderr  # not the deadline
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700


def test_bad_site_config_names_file_and_line(huren_home, tmp_path):
    cfg = tmp_path / "site.toml"
    cfg.write_text('[site]\nregion = "3701"\n\n[[sources]]\nname = "a"\nfhir_base = "https://x.example/fhir"\n',
                   encoding="utf-8")
    done = run("--config", str(cfg), env_home=huren_home)
    assert done.returncode == 2
    assert f"{cfg}:2: site.region '3701' must be a 6-digit division code" in done.stderr


def test_the_sandbox_options_are_read_only_for_the_sandbox_command():
    """Its options import the sandbox's modules: a workstation start does without them, the command keeps them."""
    code = ("import sys; from app.cli import build_parser; "
            "args = build_parser(['--platform', 'http://x/fhir']).parse_args(['--platform', 'http://x/fhir']); "
            "print(args.command, 'app.sandbox.cli' in sys.modules); "
            "argv = ['--verbose', 'sandbox', '--port', '8123', '--conformance', 'minimal']; "
            "args = build_parser(argv).parse_args(argv); print(args.command, args.port, args.conformance)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["None False", "sandbox 8123 minimal"]


def test_the_collector_is_back_on_when_a_start_ends_before_the_window(huren_home, tmp_path, qapp):
    """Start-up keeps the garbage collector off until the window shows; a start that ends sooner
    (here a broken site config) must not leave it off."""
    import gc

    from app.cli import build_parser, run_workstation

    broken = tmp_path / "site.toml"
    broken.write_text("[[source]\nname = \n", encoding="utf-8")
    argv = ["--config", str(broken)]
    assert gc.isenabled()
    assert run_workstation(build_parser(argv).parse_args(argv)) == 2
    assert gc.isenabled()
