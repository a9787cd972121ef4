"""The packaged build keeps every Qt module the program imports (an excluded one fails only when built)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def qt_modules_imported() -> set[str]:
    found = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("PySide6.")}
    return found


def test_no_imported_qt_module_is_excluded_from_the_build():
    spec = (ROOT / "packaging" / "huren.spec").read_text(encoding="utf-8")
    excludes = spec.split("excludes = [", 1)[1].split("]", 1)[0]
    excluded = set(re.findall(r'"(PySide6\.\w+)"', excludes))
    dropped_libs = re.findall(r'"(Qt6\w+)"', spec.split("DROP_QT_LIBS = (", 1)[1].split(")", 1)[0])
    imported = qt_modules_imported()
    assert {"PySide6.QtWidgets", "PySide6.QtNetwork"} <= imported
    assert imported & excluded == set()
    assert [lib for lib in dropped_libs if f"PySide6.{lib.replace('Qt6', 'Qt')}" in imported] == []
