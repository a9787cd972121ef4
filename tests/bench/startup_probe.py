"""Run in a fresh process by the benchmark: prints when the window became usable.

`huren URL`: the workstation's main window on a platform, usable once the catalogue loaded.
`bare`: a bare QMainWindow shown, the floor any Qt program pays.
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
    from app.config import single_source_config
    from app.services.workspace import Workspace
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(Workspace.from_config(single_source_config(sys.argv[3], "370102")))
    window.show()
    while window.catalogue_label.loaded is None:
        app.processEvents()
        time.sleep(0.001)
    print(time.time() - t0)
    window.runner.shutdown()


if __name__ == "__main__":
    main()
