"""PySide6 reads the source of every module imported after it: this makes that read cheap.

PySide6's `__feature__` switches (snake_case, true_property) apply module by module, so its
import hook asks of each module imported after PySide6 whether the module's source names
"PySide6". It asks through `inspect.getsource`, which looks the module up again, reads the file
through `linecache` and joins its lines: about 0.15 ms a module, and the main window's imports
bring ~70 (the standard library's `datetime`, `threading`, `typing` and `logging` cost most).
Measured, that was 10-13 ms of a ~210 ms start-up to a usable window.

The same question is answered here from the file's bytes. A module without a `.py` file (a
built-in, an extension, one from a zip) is left to PySide's own check. Huren selects no feature,
so the answers only keep PySide's bookkeeping; they are the same answers (tests/ui/test_module_scan.py).
"""

from __future__ import annotations

import sys
from types import ModuleType

#: Where PySide6 (6.11) keeps the check its import hook calls; other versions may not have it.
FEATURE_MODULE = "shibokensupport.feature"


def install() -> bool:
    """Put the cheaper check in PySide's place; False when PySide has no such check, or it is in already."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or hasattr(original, "__wrapped__"):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
