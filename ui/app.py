"""Start the app: the Qt application, the store, the main window, and `--exit-after-start`.

A second app on the same data folder is told, on one line, that the folder is
in use (exit status 2), the same way the command line reports user errors.
`--exit-after-start` opens the main window and exits 0 once it has painted, for
the smoke test and the start-up benchmark.
"""

from __future__ import annotations

import sys

from facilitator.paths import resolve_data_dir
from facilitator.problems import FacilitatorError


def run_app(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.store import Store

    try:
        store = Store.open(resolve_data_dir(getattr(args, "data_dir", None)))
    except FacilitatorError as error:
        print(f"facilitator: {error}", file=sys.stderr)
        return 2
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("Facilitator")
        app.setDesktopFileName("facilitator")
        from ui.main_window import MainWindow

        window = MainWindow(store)
        area = window.screen().availableGeometry()
        # A laptop screen: use all of it, the chair needs every pixel for big text. Maximized,
        # not sized to the screen, so the window manager fits the title bar in as well.
        maximized = area.width() <= 1440 or area.height() <= 900
        if not maximized:
            width, height = min(1680, area.width() * 9 // 10), min(1000, area.height() * 9 // 10)
            window.setGeometry(area.x() + (area.width() - width) // 2,
                               area.y() + (area.height() - height) // 2, width, height)
        if getattr(args, "exit_after_start", False):
            window.first_painted.connect(lambda: app.exit(0))
            # A platform that never paints must not hang a smoke test.
            QTimer.singleShot(20000, lambda: app.exit(1))
        else:
            # The window paints first and fills in straight after, so it appears at once;
            # a meeting left running is offered once there is something behind the question.
            window.first_painted.connect(window.open_first_screen)
            window.first_painted.connect(window.offer_resume)
        if maximized:
            window.showMaximized()
        else:
            window.show()
        return app.exec()
    finally:
        store.close()
