"""The main window: start-up, the second-instance message, the keys overlay, text size, themes,
and nothing clipped on a 1366×768 laptop screen."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication

from facilitator.store import Store
from tests.ui.conftest import press
from ui import theme
from ui.app import run_app

K = Qt.Key
LAPTOP = QSize(1366, 768)
# Room for a title bar and a panel on a 1366×768 screen.
USABLE = QSize(1366, 768 - 60)


def test_exit_after_start_paints_and_exits_zero(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--data-dir", str(tmp_path / "data"),
         "--exit-after-start"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_on_a_laptop_screen_the_window_opens_maximized(qapp, data_dir, monkeypatch):
    from ui import main_window

    painted_states = []

    class Watched(main_window.MainWindow):
        def paintEvent(self, event):  # noqa: N802 - Qt's name
            painted_states.append(self.windowState())
            super().paintEvent(event)

    monkeypatch.setattr(main_window, "MainWindow", Watched)
    # The offscreen screen is smaller than 1440×900, like a laptop's.
    assert QGuiApplication.primaryScreen().availableGeometry().width() <= 1440
    try:
        code = run_app(argparse.Namespace(data_dir=data_dir, exit_after_start=True))
        assert code == 0
        assert painted_states[0] & Qt.WindowState.WindowMaximized
    finally:
        # The app would have ended here; its window must not linger into the next test.
        forget_windows(qapp, Watched)


def test_a_second_app_on_the_same_folder_is_told_in_one_line(data_dir, capsys):
    with Store.open(data_dir):
        code = run_app(argparse.Namespace(data_dir=data_dir, exit_after_start=True))
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("facilitator: ") and "in use" in err[0]


def test_the_keys_overlay_lists_the_keys_and_closes_with_escape(qtbot, open_window,
                                                               set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Question)
    overlay = window.keys_overlay()
    assert overlay is not None and overlay.isVisible()
    shown = dict(overlay.shown_rows())
    assert shown["Space"] == "Start or pause the share timer"
    assert shown["→ or Page Down"] == "Next segment"
    assert shown["3"] == "“Thank you for sharing”"
    assert shown["Ctrl+Q"] == "Quit"
    # Every key the window answers to is on the sheet, in the words of its menu; the
    # keys for screens this computer does not have only say so, and are left off.
    listed = {meaning for _keys, meaning in overlay.shown_rows()}
    absent_screens = [window.actions_by_name[f"screen_{n}"]
                      for n in range(len(QGuiApplication.screens()) + 1, 10)]
    for action in window.actions():
        if not action.shortcut().isEmpty() and action not in absent_screens:
            words = action.text().replace("&", "").rstrip("…")
            assert any(m == words or m.endswith(f": {words}") for m in listed), words
    assert overlay.size() == window.size()  # it covers the window it explains
    press(qtbot, window, K.Key_Escape)
    assert not overlay.isVisible()


def test_plus_and_minus_scale_the_text_and_are_saved(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Plus)
    press(qtbot, window, K.Key_Plus)
    assert window.store.group().text_scale == 120
    assert theme.scale() == 1.2
    press(qtbot, window, K.Key_Minus)
    assert window.store.group().text_scale == 110


def test_themes_change_the_colours_and_are_saved(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_4, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.AltModifier)
    assert window.store.group().theme == "high-contrast"
    assert window.palette().window().color().name() == theme.HIGH_CONTRAST.window
    window.set_theme("dark")
    assert window.palette().window().color().name() == theme.DARK.window
    window.set_theme("system")
    assert theme.colors() in (theme.LIGHT, theme.DARK)


def fits(size: QSize) -> bool:
    return size.width() <= USABLE.width() and size.height() <= USABLE.height()


def test_nothing_is_clipped_at_1366_by_768(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window(first_screen=False)
    window.show_setup()
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    window.show_tonight()
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    window.tonight_screen.select_format("speaker")
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    console = window.console
    while console.current.kind != "shares":
        press(qtbot, window, K.Key_Right)
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()

    # At the laptop size, the console's buttons are whole and inside the window.
    window.resize(USABLE)
    qtbot.waitUntil(lambda: window.size() == USABLE)
    for button in (console.next_button, console.previous_button, console.toggle_button,
                   console.next_share_button, console.add_minute_button,
                   console.waiting_panel.more_button):
        assert button.isVisible(), button.accessibleName()
        top_left = button.mapTo(window, button.rect().topLeft())
        assert window.rect().contains(top_left)
        assert window.rect().contains(top_left + button.rect().bottomRight())
        assert button.width() >= button.minimumSizeHint().width(), button.accessibleName()


def test_every_control_has_an_accessible_name(qtbot, open_window, set_up_group):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTextBrowser,
    )

    set_up_group()
    window, _answers = open_window(first_screen=False)
    screens = []
    window.show_setup()
    screens.append(window.setup_screen)
    window.show_tonight()
    screens.append(window.tonight_screen)
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    screens += [window.console, window.room]
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget,
             QPlainTextEdit, QTextBrowser)
    for screen in screens:
        for control in (c for kind in kinds for c in screen.findChildren(kind)):
            if control.parent() is not None and type(control.parent()).__name__ in (
                    "QAbstractSpinBox", "QComboBox", "QTimeEdit", "QSpinBox",
                    "QDoubleSpinBox", "QScrollBar"):
                continue  # a spin box's own inner line edit, named by the spin box
            if control.objectName().startswith("qt_"):
                continue
            name = control.accessibleName() or (
                control.text() if isinstance(control, QAbstractButton) else "")
            assert name, f"{type(control).__name__} on {type(screen).__name__}"


def test_chair_keys_leave_the_secretarys_windows_alone_during_a_meeting(
        qtbot, open_window, set_up_group):
    from PySide6.QtWidgets import QApplication

    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    run = window.console.run
    editor = window.secretary.open_formats()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    segments = editor.segment_view
    segments.setFocus()
    segments.setCurrentIndex(segments.model().index(0, 0))

    # The keys move the editor's list, not the meeting.
    for key in (K.Key_Down, K.Key_Right, K.Key_PageDown, K.Key_N, K.Key_W, K.Key_Plus,
                K.Key_2, K.Key_B, K.Key_D):
        qtbot.keyClick(segments, key)
    assert segments.currentIndex().row() > 0
    assert run.index == 0 and run.waiting == 0
    assert window.store.group().text_scale == 100
    assert window.room.message() == "" and not window.room.is_blank()
    assert not window.room.isVisible()

    # Space presses the editor's focused button and leaves the share timer alone.
    editor.down_button.setFocus()
    before = editor.undo_stack.count()
    qtbot.keyClick(editor.down_button, K.Key_Space)
    assert editor.undo_stack.count() == before + 1
    assert window.console.toggle_button.text() == "Start  (Space)"
    editor.ask_save_discard_cancel = lambda title, text: "discard"

    # Back in the main window the same keys run the meeting.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_PageDown)
    assert run.index == 2
    press(qtbot, window, K.Key_Plus)
    assert window.store.group().text_scale == 110


def test_the_app_opens_its_store_after_the_first_paint(qapp, data_dir, monkeypatch):
    """The window paints before the store opens; then the group's look and screen follow."""
    import ui.main_window as main_window
    from facilitator.model import GroupSettings
    from ui.app import run_app

    with Store.open(data_dir) as store:
        store.save_group(GroupSettings(name="Hope Group", theme="dark"))
    seen = []

    class Watched(main_window.MainWindow):
        def paintEvent(self, event):  # noqa: N802 - Qt's name
            if not seen:
                seen.append(("first paint", self.store))
            super().paintEvent(event)

        def open_first_screen(self):
            super().open_first_screen()
            seen.append(("screen", self.group().name, self.stack.currentWidget()))
            self.close()

    monkeypatch.setattr(main_window, "MainWindow", Watched)
    try:
        assert run_app(argparse.Namespace(data_dir=data_dir, exit_after_start=False)) == 0
    finally:
        forget_windows(qapp, Watched)
    assert seen[0] == ("first paint", None)
    assert seen[1][1] == "Hope Group"
    assert seen[1][2] is not None
    # The store was closed and the folder's lock released when the app ended.
    with Store.open(data_dir) as store:
        assert store.group().name == "Hope Group"


def test_a_store_that_cannot_open_is_reported_and_the_app_ends(qapp, data_dir, monkeypatch,
                                                             capsys):
    import json

    import ui.main_window as main_window
    from ui.app import run_app

    data_dir.mkdir()
    # A data file written by a newer Facilitator must be refused, never overwritten.
    newer = {"_meta": {"app": "facilitator", "schema": 99}}
    (data_dir / "facilitator.json").write_text(json.dumps(newer))
    problems = []
    monkeypatch.setattr(main_window.MainWindow, "show_problem",
                        lambda self, title, text: problems.append(text))
    try:
        assert run_app(argparse.Namespace(data_dir=data_dir, exit_after_start=False)) == 2
    finally:
        forget_windows(qapp, main_window.MainWindow)
    assert len(problems) == 1 and "newer" in problems[0]
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("facilitator: ")
    assert json.loads((data_dir / "facilitator.json").read_text()) == newer


def forget_windows(qapp, window_class) -> None:
    """Delete the app's windows now: a closed window left alive would share its application-
    wide keys with the next test's window, and Qt ignores a key that two actions claim."""
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, window_class):
            widget.close()
            widget.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_ctrl_keys_in_a_secretarys_window_leave_the_meeting_alone(qtbot, open_window,
                                                                 set_up_group):
    from PySide6.QtWidgets import QApplication

    set_up_group()
    window, _answers = open_window()
    library = window.secretary.open_readings()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is library)
    library.text_edit.setFocus()
    qtbot.keyClick(library.text_edit, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(library.text_edit, K.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.console is None
    assert window.store.group().text_scale == 100


def test_the_secretarys_windows_wait_for_the_store(qtbot, data_dir):
    """The app paints before its store opens; File and Group wait for it, then work."""
    from ui.main_window import MainWindow

    window = MainWindow(None)
    qtbot.addWidget(window)
    names = ("print", "export_group", "import_group", "import_meeting_guide", "formats",
             "readings", "settings")
    assert not any(window.actions_by_name[name].isEnabled() for name in names)
    for action in window.actions_by_name.values():
        if action.isEnabled():
            action.trigger()  # nothing that is offered may fail for want of the store
    with Store.open(data_dir) as store:
        window.attach_store(store)
        assert all(window.actions_by_name[name].isEnabled() for name in names)
        assert window.secretary.packs.store is store


def test_a_running_meeting_keeps_no_module_sources_in_memory(qtbot, open_window, set_up_group):
    # PySide6's import hook reads the source of every module imported after it, and
    # linecache would keep those lines all evening (ui/module_sources.py).
    import linecache

    linecache.getlines(__file__)  # as the hook would have read it
    assert __file__ in linecache.cache
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    assert [name for name in linecache.cache if name.endswith(".py")] == []


def test_the_keys_overlay_fits_the_window_at_the_largest_text(qtbot, open_window, set_up_group):
    from PySide6.QtWidgets import QLabel

    from ui.main_window import MAX_TEXT_SCALE

    set_up_group(text_scale=MAX_TEXT_SCALE)
    window, _answers = open_window()
    window.resize(LAPTOP.width(), USABLE.height())
    press(qtbot, window, K.Key_Question)
    overlay = window.keys_overlay()
    assert overlay.isVisible()
    labels = overlay.findChildren(QLabel)
    assert len(labels) > 40
    for label in labels:
        # Every word on the sheet is shown whole: no label squeezed below its text.
        assert label.width() >= label.sizeHint().width(), label.text()
        assert label.height() >= label.sizeHint().height(), label.text()
        assert overlay.rect().contains(QRect(label.mapTo(overlay, QPoint(0, 0)), label.size()))
