"""200 mutated site files (issue 13): each loads, or fails with a ConfigError naming the file; never any
other exception. The command line prints every problem and exits 2, never a traceback.

The mutants come from the shipped template with every option set, by a seeded generator, so a
failure names a mutant that the next run makes again: byte flips, truncations, inserted bytes,
swapped lines, values replaced by odd ones, re-encodings, and two or three of these at once.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.config import OPTIONS, ConfigError, load_site_config

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "packaging" / "site.toml.example"
COUNT = 200
SEED = 13

# The template's commented-out options switched on, and the sections it leaves out added, so that
# every option is present to be mutated (test_the_full_file_sets_every_option keeps it so).
_SWITCHED_ON = (
    ('# issuer = "https://auth.jinan.example/"', 'issuer = "https://auth.jinan.example/"'),
    ("# [network]\n# proxy =", "[network]\nproxy ="),
    ("# [catalogue]\n# url =", "[catalogue]\nurl ="),
    ('# ca_bundle = "/etc/huren/hospital-ca.pem"', 'ca_bundle = "{ca_bundle}"'),
    ('# dicomweb_base = "https', 'dicomweb_base = "https'),
    ("# max_answer_mb = 32", "max_answer_mb = 32"),
)
_ADDED = """
probe_patient = "370102199001011234"

[session]
auto_lock_minutes = 10

[cds_hooks]
port = 8711

[storage]
without_keyring = "refuse"

[review]
reasons = ["patient-request", "other"]
same_item_days = 7
rate_threshold = 0.3
rate_min_decisions = 10
consent = true
"""

ODD_VALUES = (
    "nan", "-nan", "inf", "-inf", "1e400", "-1e400", "-1", "0", "-0.0", "1e-320", "99999999999999999999999",
    "0x7fffffffffffffff", '""', '" "', '"' + "x" * 100_000 + '"', '"' + "院" * 3000 + '"', "true", "12", "1.5",
    "[1, 2]", '["a", 1]', "[]", "{a = 1}", "{a = {b = {c = [1, {d = 2}]}}}", "[" * 3000 + "]" * 3000,
    '"济南\u202e\u0301"', '"\\u0000"', '"\\t"', '"../../etc/passwd"', '"/dev/null"', '"http://[::1"',
    '"http://x:99999"', '"https://exa mple.example"', '"https://:443/"', '"ftp://x"', '"http://user:pw@h:1"',
    "1979-05-27T07:32:00Z", "07:32:00", '"""multi\nline"""', "'literal'", '"Asia/Shanghai"', '"America"',
    '"demo"', '"refuse"', '"unprotected"', '["paper-form"]', '["bored"]', '"370102"', '"３７０１０２"',
)
ENCODINGS = ("gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "big5", "shift_jis", "cp1252",
             "latin-1", "utf-8-sig")


def full_site_file(ca_bundle: Path) -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    for old, new in _SWITCHED_ON:
        assert old in text, f"the template changed: {old!r} is gone; update _SWITCHED_ON"
        text = text.replace(old, new.replace("{ca_bundle}", ca_bundle.as_posix()), 1)
    return text + _ADDED


@dataclass(frozen=True)
class Mutant:
    number: int
    how: str
    data: bytes
    line: int | None = None      # for a replaced value: its line, which a failure must name


def _flip(rng: random.Random, data: bytes) -> tuple[str, bytes, None]:
    if not data:
        return "nothing to flip", data, None
    at = rng.randrange(len(data))
    return f"byte {at} flipped", data[:at] + bytes([data[at] ^ rng.randrange(1, 256)]) + data[at + 1:], None


def _truncate(rng: random.Random, data: bytes) -> tuple[str, bytes, None]:
    at = rng.randrange(len(data) + 1)
    return f"cut at {at}", data[:at], None


def _insert(rng: random.Random, data: bytes) -> tuple[str, bytes, None]:
    at = rng.randrange(len(data) + 1)
    pieces = [b"\x00", b"\xff", b"\xfe\xff", b"[", b"]", b"{", b'"', b"'", b"\n", b"=", b"#", b"\\", b"\r",
              "院".encode(), b"\xe4\xb8", b"\x1b[31m", b"[[sources]]\n", b"[site]\n", b"\t", b"1e400"]
    chosen = b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
    return f"{chosen!r} inserted at {at}", data[:at] + chosen + data[at:], None


def _swap_lines(rng: random.Random, data: bytes) -> tuple[str, bytes, None]:
    lines = data.split(b"\n")
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return f"lines {a + 1} and {b + 1} swapped", b"\n".join(lines), None


def _replace_value(rng: random.Random, data: bytes) -> tuple[str, bytes, int | None]:
    lines = data.decode("utf-8").split("\n")
    keyed = [i for i, line in enumerate(lines) if " = " in line and not line.lstrip().startswith("#")]
    if not keyed:
        return "no value to replace", data, None
    at = rng.choice(keyed)
    value = rng.choice(ODD_VALUES)
    lines[at] = lines[at].split(" = ", 1)[0] + " = " + value
    shown = value if len(value) < 40 else value[:37] + "..."
    return f"line {at + 1} set to {shown}", "\n".join(lines).encode("utf-8"), at + 1


def _re_encode(rng: random.Random, data: bytes) -> tuple[str, bytes, None]:
    encoding = rng.choice(ENCODINGS)
    return f"saved as {encoding}", data.decode("utf-8").encode(encoding, errors="replace"), None


MUTATIONS: tuple[Callable[[random.Random, bytes], tuple[str, bytes, int | None]], ...] = (
    _flip, _truncate, _insert, _swap_lines, _replace_value, _re_encode)


def mutants(full: bytes) -> list[Mutant]:
    """COUNT mutants, the same ones every run: each kind alone in turn, then two or three at once."""
    rng = random.Random(SEED)
    made = []
    for number in range(COUNT):
        kinds = ([MUTATIONS[number % len(MUTATIONS)]] if number < COUNT // 2
                 else rng.sample(MUTATIONS, rng.randint(2, 3)))
        data, hows, line = full, [], None
        for kind in kinds:
            if kind in (_replace_value, _re_encode) and not _is_utf8(data):   # they work on text
                continue
            how, data, line = kind(rng, data)
            hows.append(how)
            line = line if len(kinds) == 1 else None
        made.append(Mutant(number, "; ".join(hows), data, line))
    return made


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.fixture
def full(tmp_path: Path) -> bytes:
    ca_bundle = tmp_path / "hospital-ca.pem"
    ca_bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    return full_site_file(ca_bundle).encode("utf-8")


def test_the_full_file_sets_every_option(tmp_path, full):
    path = tmp_path / "site.toml"
    path.write_bytes(full)
    config = load_site_config(path)
    text = full.decode("utf-8")
    for option in OPTIONS:
        assert f"\n{option.key.split('.', 1)[1]} = " in text, f"{option.key} is not in the full site file"
    assert config.without_keyring == "refuse" and config.cds_hooks_port == 8711 and config.proxy


def test_mutants_are_the_same_every_run(full):
    assert [m.data for m in mutants(full)] == [m.data for m in mutants(full)]
    assert len({m.data for m in mutants(full)}) > COUNT * 0.9


def test_200_mutated_site_files_load_or_name_their_problems(tmp_path, full):
    outcomes = {"loaded": 0, "refused": 0}
    for mutant in mutants(full):
        path = tmp_path / f"mutant-{mutant.number:03}.toml"
        path.write_bytes(mutant.data)
        try:
            load_site_config(path)
        except ConfigError as e:
            outcomes["refused"] += 1
            _assert_named(e, path, mutant)
        except BaseException as e:   # noqa: BLE001 - the point: nothing else may come out
            pytest.fail(f"mutant {mutant.number} ({mutant.how}) raised {type(e).__name__}: {e}")
        else:
            outcomes["loaded"] += 1
    assert outcomes["refused"] > COUNT // 2 and outcomes["loaded"] > 0, outcomes


def _assert_named(error: ConfigError, path: Path, mutant: Mutant) -> None:
    assert error.problems and str(error) == "\n".join(error.problems)
    for problem in error.problems:
        assert problem.startswith(f"{path}"), f"mutant {mutant.number} ({mutant.how}): {problem}"
        assert "Traceback" not in problem
    if mutant.line is not None:          # one replaced value: its line is among the problems, or its key
        key = mutant.data.decode("utf-8").split("\n")[mutant.line - 1].split(" = ")[0].strip()
        assert any(p.startswith(f"{path}:{mutant.line}: ") or key in p for p in error.problems), (
            f"mutant {mutant.number} ({mutant.how}): line {mutant.line} not named in {error.problems}")


def test_the_command_line_lists_every_problem_of_mutants(tmp_path, full, monkeypatch, capsys):
    """In-process for speed: `huren check` on every refused mutant among the first 60."""
    from app.cli import main

    checked = 0
    for mutant in mutants(full)[:60]:
        path = tmp_path / f"mutant-{mutant.number:03}.toml"
        path.write_bytes(mutant.data)
        try:
            load_site_config(path)
            continue
        except ConfigError as e:
            problems = e.problems
        monkeypatch.setenv("HUREN_CONFIG", str(path))
        assert main(["check"]) == 2, mutant.how
        err = capsys.readouterr().err
        assert all(problem in err for problem in problems), (mutant.how, err)
        checked += 1
    assert checked >= 20


BAD_FILES = {
    "gb18030": lambda full: full.decode("utf-8").encode("gb18030"),
    "three mistakes": lambda full: (full.replace(b'region = "370104"', b'region = "37"')
                                    .replace(b"timeout_seconds = 15", b"timeout_seconds = nan")
                                    .replace(b"port = 8711", b"port = 70000")),
    "deep nesting": lambda full: full + b"\n[orders]\nnote_required = " + b"[" * 50_000 + b"]" * 50_000 + b"\n",
    "unclosed IPv6 address": lambda full: full.replace(b"https://fhir.shandong.example/r4", b"http://[::1"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_huren_check_names_the_problems_without_a_traceback(tmp_path, full, huren_home, name):
    path = tmp_path / "site.toml"
    path.write_bytes(BAD_FILES[name](full))
    with pytest.raises(ConfigError) as raised:
        load_site_config(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUREN_HOME": str(huren_home), "HUREN_CONFIG": str(path)}
    done = subprocess.run([sys.executable, "main.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=90)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    for problem in raised.value.problems:
        assert problem in done.stderr
    if len(raised.value.problems) > 1:
        assert f"huren: the site config has {len(raised.value.problems)} problems:" in done.stderr


def test_huren_check_on_a_folder(tmp_path, huren_home):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HUREN_HOME": str(huren_home), "HUREN_CONFIG": str(tmp_path)}
    done = subprocess.run([sys.executable, "main.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=90)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"huren: {tmp_path}: is a folder, not a site config file" in done.stderr
