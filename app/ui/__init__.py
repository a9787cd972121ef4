"""PySide6 widgets, item models and background workers. Calls services, never requests directly.

Entering the package loads PySide6 and makes its per-module import check cheap (`module_scan`):
every module imported after PySide6 is checked, and the window's imports come after this.
"""

import PySide6.QtCore  # noqa: F401 - loads PySide6, whose import hook module_scan adjusts

from app.ui import module_scan

module_scan.install()
