"""Refresh the translation catalogues from the code and compile them: `python -m tools.translations`.

Runs pyside6-lupdate over every module of app/ui (recursively, without __init__.py) into each
translations/huren_<lang>.ts (obsolete entries dropped), then pyside6-lrelease into the .qm
files the program loads. Exits non-zero when an entry is still unfinished, so that a new
string cannot ship untranslated: translate it in the .ts (Qt Linguist, or by hand: fill the
<translation> and drop type="unfinished"), then run the command again.

    python -m tools.translations           # update .ts, compile .qm, report unfinished entries
    python -m tools.translations --check   # only report; change nothing
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "app" / "ui"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("zh_CN", "en", "id")


def ts_files() -> list[Path]:
    return [TRANSLATIONS / f"huren_{lang}.ts" for lang in LANGUAGES]


def sources() -> list[Path]:
    """The modules whose strings are translated, in a stable order."""
    return sorted(p for p in UI.rglob("*.py") if p.name != "__init__.py")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease, from the running Python's environment first."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6)")
    return found


def lupdate(ts: Path) -> None:
    # Relative paths from the translations folder, so the <location>s are the same on every machine.
    files = [str(Path("..") / p.relative_to(ROOT)) for p in sources()]
    subprocess.run([tool("pyside6-lupdate"), *files, "-no-obsolete", "-ts", ts.name],
                   cwd=TRANSLATIONS, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, text=True)


def translations_by_source(ts: Path) -> dict[str, set[str]]:
    """Every finished translation of each source text, whatever its context."""
    found: dict[str, set[str]] = {}
    for m in ET.parse(ts).getroot().iter("message"):
        tr = m.find("translation")
        if tr is not None and not tr.get("type") and m.findtext("source"):
            found.setdefault(m.findtext("source"), set()).add(tr.text or "")
    return found


def carry_moved(ts: Path, before: dict[str, set[str]]) -> int:
    """Fill the entries lupdate left unfinished because their code moved to another class (the
    context is the class): a source text with exactly one translation before keeps it. Returns
    how many were carried."""
    tree = ET.parse(ts)
    carried = 0
    for m in tree.getroot().iter("message"):
        tr = m.find("translation")
        known = before.get(m.findtext("source") or "", set())
        if tr is not None and tr.get("type") == "unfinished" and len(known) == 1:
            tr.text = next(iter(known))
            del tr.attrib["type"]
            carried += 1
    if carried:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return carried


def problems(ts: Path) -> list[str]:
    """Entries that are unfinished, vanished from the code or obsolete, as readable lines."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for m in context.iter("message"):
            kind = m.find("translation").get("type")
            if kind:
                out.append(f"{ts.name}: {kind}: [{context.findtext('name')}] {m.findtext('source')!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translations", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report unfinished entries; change no file")
    args = parser.parse_args(argv)
    found = []
    for ts in ts_files():
        if not args.check:
            before = translations_by_source(ts)
            lupdate(ts)
            if carried := carry_moved(ts, before):
                lupdate(ts)   # back in lupdate's own layout
                print(f"{ts.name}: {carried} strings moved to another class kept their translation")
            lrelease(ts, ts.with_suffix(".qm"))
        found += problems(ts)
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} entries to translate; then run the command again.", file=sys.stderr)
        return 1
    print(f"{len(ts_files())} catalogues up to date and compiled.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
