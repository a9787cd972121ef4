"""The bands across the main window that say what kind of workstation this is, before anything else.

Nobody may mistake the demo (or a site running without sign-in) for the real thing, and
whoever works at a workstation without a keyring should know its records lie unprotected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.config import SiteConfig


class _Banner(QLabel):
    def __init__(self, name: str, style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)     # never what decides how narrow the window may be
        self.setStyleSheet(style + " font-weight: 600; padding: 4px;")


class DemoBanner(_Banner):
    """Yellow: the embedded demo platform, or demo accounts instead of sign-in."""

    def __init__(self, config: SiteConfig, parent: QWidget | None = None) -> None:
        super().__init__("demoBanner", "background: #ffd54f; color: #3e2723;", parent)
        self.demo = config.demo
        self.setVisible(config.demo or config.sign_in_method == "demo")

    def retranslateUi(self) -> None:
        self.setText(self.tr("DEMO — synthetic data, not real patients (embedded demo platform)") if self.demo
                     else self.tr("SIGN-IN OFF — demo accounts: anyone at this workstation can act as any staff "
                                  "member"))


class UnprotectedBanner(_Banner):
    """Red: no keyring, and the site chose to work anyway (`reason` says why; "" hides it)."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__("unprotectedBanner", "background: #c62828; color: white;", parent)
        self.setToolTip(reason)
        self.setVisible(bool(reason))

    def retranslateUi(self) -> None:
        self.setText(self.tr(
            "UNPROTECTED WORKSTATION — no system keyring: patient records on this computer are protected only by "
            "this account's file permissions (site setting)"))
