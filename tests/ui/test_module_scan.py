"""PySide's per-module import check, answered from the file's bytes (app.ui.module_scan).

The check must give PySide the answers its own gives, and must not go through `linecache`
(which is what made it cost 10-13 ms of start-up). Its speed is in the benchmark's start-up row.
"""

from __future__ import annotations

import importlib.util
import json
import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest

import app.config
import app.ui.main_window
from app.ui import module_scan


def pyside_check():  # noqa: ANN201 - PySide's feature module's function, ours in place
    return sys.modules[module_scan.FEATURE_MODULE]._mod_uses_pyside


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_entering_the_ui_package_put_the_cheaper_check_in_place() -> None:
    check = pyside_check()
    assert hasattr(check, "__wrapped__")
    assert check.__wrapped__.__module__ != module_scan.__name__   # PySide's own, kept underneath
    assert module_scan.install() is False   # once only: not wrapped twice


@pytest.mark.parametrize("module", [app.ui.main_window, app.config, json, sys, linecache,
                                    sys.modules["PySide6.QtCore"], sys.modules[module_scan.FEATURE_MODULE]],
                         ids=lambda m: m.__name__)
def test_the_answers_are_pysides_own(module: ModuleType) -> None:
    check = pyside_check()
    assert check(module) == check.__wrapped__(module)


def test_a_module_that_names_pyside_is_found_without_reading_it_through_linecache(tmp_path: Path) -> None:
    uses = tmp_path / "uses_qt_widgets.py"
    uses.write_text('"""A window."""\nQT = "PySide6.QtWidgets"\n', encoding="utf-8")
    plain = tmp_path / "plain_numbers.py"
    plain.write_text("ANSWER = 42\n", encoding="utf-8")
    check = pyside_check()
    for path, expected in ((uses, True), (plain, False)):
        module = load(path)
        assert check(module) is expected
        assert str(path) not in linecache.cache
        assert check.__wrapped__(module) is expected   # PySide's own agrees, and it does use linecache
        assert str(path) in linecache.cache


def test_a_module_whose_file_is_gone_is_left_to_pysides_check(tmp_path: Path) -> None:
    path = tmp_path / "gone_after_import.py"
    path.write_text("import PySide6\n", encoding="utf-8")
    module = load(path)
    path.unlink()
    linecache.clearcache()
    assert pyside_check()(module) is False   # PySide's own: no source, so not a PySide module
