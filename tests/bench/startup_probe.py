"""Run in a fresh process by the benchmark: prints when the window became usable.

`huren URL`: the workstation's main window on a platform. Two lines: first when it is usable, then
when the recognition catalogue arrived.

Usable means what the doctor waits for before working: the window has painted and the patient
search takes input. A key pressed into the resident-ID field is posted after the first paint and
must show in the field; whatever start-up work the window queued on the UI thread before that
runs first, so it is counted too. The catalogue is not waited for: the status bar says it is
loading, and it is only read once a chart is open (its own line shows when it arrived).

`main ARGS…`: the same two lines for the program as started (`main.py ARGS…`: the command line, the
logs, the check for a running window, the demo platform when no other is named, then the window).

`bare`: a bare QMainWindow shown, the floor any Qt program pays. One line.

`t0` (the second argument) is taken by the parent before the interpreter starts.
"""

import sys
import time


def main() -> None:
    t0 = float(sys.argv[2])
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([])
        w = QMainWindow()
        w.show()
        app.processEvents()
        print(time.time() - t0)
        return
    if sys.argv[1] == "main":
        from PySide6.QtCore import QTimer

        from app.cli import main as program
        from app.ui.main_window import MainWindow

        show = MainWindow.show

        def shown(window: MainWindow) -> None:   # the program shows its window: watch it from here
            measure(window, t0, lambda: show(window))
            QTimer.singleShot(0, window.close)   # in the program's event loop: closing it ends the program

        MainWindow.show = shown  # type: ignore[method-assign, assignment]
        program(sys.argv[3:])
        return
    from app.config import single_source_config
    from app.services.workspace import Workspace
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    make_application()
    window = MainWindow(Workspace.from_config(single_source_config(sys.argv[3], "370102")))
    measure(window, t0, window.show)
    window.close()


def measure(window, t0: float, show) -> None:  # noqa: ANN001 - a MainWindow, and what shows it
    """Show the window; print when it took a key in its patient search, then when the catalogue arrived."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    field = window.search_panel.id_edit

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
            if watched is field and event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    paint = FirstPaint()
    field.installEventFilter(paint)
    show()
    wait(app, lambda: paint.painted)
    app.postEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_3, Qt.KeyboardModifier.NoModifier, "3"))
    wait(app, lambda: field.text() == "3" and field.isEnabled() and window.search_panel.isEnabled())
    print(time.time() - t0)
    wait(app, lambda: window.catalogue_label.loaded is not None)
    print(time.time() - t0)


def wait(app, done) -> None:  # noqa: ANN001 - the probe keeps to the standard library and Qt
    while not done():
        app.processEvents()
        time.sleep(0.0005)


if __name__ == "__main__":
    main()
