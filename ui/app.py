"""Start the app: the Qt application, the store, the main window, and `--exit-after-start`.

The data folder's lock is taken first, so that a second app on the same folder
is told at once, on one line, that the folder is in use (exit status 2), the
way the command line reports user errors. The window then paints straight away,
and the store (TinyDB and the model behind it) opens just after, with the
group's look and first screen: the chair sees the window as soon as Qt can show
one (design.md section 11). `--exit-after-start` exits 0 at that first paint,
for the smoke test and the start-up benchmark.
"""

from __future__ import annotations

import sys

from facilitator.folder_lock import lock_data_folder
from facilitator.paths import resolve_data_dir
from facilitator.problems import FacilitatorError


def run_app(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        lock = lock_data_folder(data_dir)
    except FacilitatorError as error:
        print(f"facilitator: {error}", file=sys.stderr)
        return 2
    store = None
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("Facilitator")
        app.setDesktopFileName("facilitator")
        from ui.main_window import MainWindow

        window = MainWindow(None)
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
            def open_store() -> None:
                nonlocal store
                from facilitator.store import Store

                try:
                    store = Store.open(data_dir, lock=lock)
                except FacilitatorError as error:
                    print(f"facilitator: {error}", file=sys.stderr)
                    window.show_problem("Facilitator cannot open the group's data", str(error))
                    app.exit(2)
                    return
                # A meeting left running is offered once there is something behind it.
                window.attach_store(store)
                window.open_first_screen()
                window.offer_resume()

            window.first_painted.connect(open_store)
        if maximized:
            window.showMaximized()
        else:
            window.show()
        return app.exec()
    finally:
        if store is not None:
            store.close()
        lock.release()
