"""Starting the Qt side: the application object, translations, the main window, screenshots."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.services.workspace import Workspace
from app.ui.language import install_translations, start_language
from app.ui.main_window import MainWindow

if TYPE_CHECKING:   # the command line brings it; a window made without one needs none
    from app.launch import LaunchRequest

log = logging.getLogger("huren.ui")

SCREENSHOT_DEADLINE_MS = 60_000


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # none yet (a plain QCoreApplication makes the constructor refuse)
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("Huren")
    app.setOrganizationName("Huren")
    start_language(app)
    return app


__all__ = ["install_translations", "make_application", "run", "run_viewer"]


def hand_over_to_running(request: LaunchRequest) -> bool:
    """A Huren window already runs for this user: give it the request instead of starting another."""
    from app.ui.single_instance import hand_over

    make_application()   # Qt's local sockets need the application object
    return hand_over(request)


def run(workspace: Workspace, *, request: LaunchRequest | None = None, patient: str | None = None,
        screenshot: Path | None = None, report: str = "") -> int:
    """The window first; what opens patient data waits until the workstation's storage is open
    (the keyring's key, after the first paint: app.ui.start_up). A workstation that may not keep
    patient records says why, and closes unless the user fixes it and tries again."""
    app = make_application()
    window = MainWindow(workspace)
    window.show()
    # What start-up made lives as long as the window: out of the collector's way, a full collection
    # while a worker builds a large answer no longer walks it (pauses of 100 ms and more otherwise).
    gc.freeze()
    gc.enable()   # off while the window was made (app.cli.run_workstation)
    if request is None:
        from app.launch import LaunchRequest

        request = LaunchRequest(patient or "")
    if report:
        window.show_report(report)
    order_check = []

    def storage_opened() -> None:
        from app.ui.single_instance import InstanceServer

        instances = InstanceServer(window)   # later launches hand their patient to this window
        instances.request.connect(window.open_request)
        order_check.append(start_order_check(window))
        if request.patient or request.launch:
            window.open_request(request)
        if screenshot is not None:
            _screenshot_when_idle(app, window, screenshot)

    def storage_refused(refusal: str) -> None:
        if ask_again_after_refusal(refusal):
            window.start_up.open_storage()
        else:
            refused.append(refusal)
            app.exit(2)

    refused: list[str] = []
    window.start_up.storage_opened.connect(storage_opened)
    window.start_up.storage_refused.connect(storage_refused)
    try:
        return app.exec()
    finally:
        if refused:   # closed once the loop is left: inside it, closing the last window quits a second time
            window.close()
        for service in order_check:
            if service is not None:
                service.stop()


def ask_again_after_refusal(refusal: str) -> bool:
    """No patient data may be opened here: say why and what to install; True to try again."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "Huren",
                      QCoreApplication.translate("Application", "This workstation may not open patient data."))
    box.setInformativeText(refusal)
    box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    return box.exec() == QMessageBox.StandardButton.Retry


def start_order_check(window: MainWindow):  # noqa: ANN202 - a LoopbackJsonServer, or None
    """The CDS Hooks service for the HIS, in this window (its requests carry the signed-in user's token).

    Only with `[cds_hooks] port` and a secret; a port already taken (say, by `huren cds-hooks`)
    is said in the status bar and the window goes on without it.
    """
    from PySide6.QtCore import QCoreApplication

    from app.services.cds_hooks import CdsHooks, service_secret, start_service

    port = window.workspace.config.cds_hooks_port
    if not port:
        return None
    secret = service_secret()
    if not secret:
        logging.getLogger("huren.ui").warning("[cds_hooks] port is set, but no secret: the order check is off")
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Order check for the HIS is off: no service secret"), 15000)
        return None
    try:
        return start_service(CdsHooks(window.station), secret, port)
    except (ValueError, OSError) as e:
        logging.getLogger("huren.ui").warning("the order check could not start: %s", e)
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Order check for the HIS could not start: {error}").format(error=e), 15000)
        return None


def run_viewer(path: Path, *, screenshot: Path | None = None) -> int:
    """`huren view PATH`: a disc, folder or file in the image viewer, without any platform."""
    from app.services.image_loading import LocalMediaSource
    from app.ui.viewer.viewer_window import StudyContext, ViewerWindow

    app = make_application()
    window = ViewerWindow()
    window.open_source(LocalMediaSource(path), StudyContext(title=path.name or str(path), from_files=True))
    window.show()
    if screenshot is not None:
        take = _screenshot_taker(app, window, screenshot)
        def settled(uid: str | None = None) -> None:
            if uid is None or uid == window.pane_a.property("series_uid"):
                QTimer.singleShot(300, lambda: take("first series shown" if window.shown_anything()
                                                    else "nothing could be shown"))

        window.series_loaded.connect(settled)
        window.listing_failed.connect(lambda _why: settled())
        window.study_empty.connect(settled)
        QTimer.singleShot(SCREENSHOT_DEADLINE_MS, lambda: take("deadline reached before the images arrived"))
    code = app.exec()
    if code == 0 and not window.shown_anything():
        print(f"huren: nothing could be shown from {path}: {window.status.text() or 'no images'}", file=sys.stderr)
        return 1
    return code


def _screenshot_taker(app: QApplication, window: QWidget, path: Path) -> Callable[[str], None]:
    """Saves the window once, then quits with 0 when the PNG was written."""
    done = False

    def take(reason: str) -> None:
        nonlocal done
        if done:
            return
        done = True
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(path))
        print(f"screenshot {'saved' if ok else 'NOT saved'}: {path} ({reason})", file=sys.stderr)
        app.exit(0 if ok else 1)

    return take


def _screenshot_when_idle(app: QApplication, window: MainWindow, path: Path) -> None:
    """Save the window once everything asked for has loaded, then quit (or after a deadline)."""
    take = _screenshot_taker(app, window, path)

    def maybe() -> None:
        QTimer.singleShot(400, lambda: None if window.runner.busy else take("loaded"))

    window.runner.idle.connect(maybe)
    if not window.runner.busy:
        maybe()
    QTimer.singleShot(SCREENSHOT_DEADLINE_MS, lambda: take("deadline reached before everything loaded"))
