"""Tonight's screen: Enter on a format, then Enter on Start, starts the meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import press

K = Qt.Key


def test_enter_on_a_format_then_enter_on_start_starts_the_meeting(qtbot, open_window,
                                                                  set_up_group):
    set_up_group()
    window, _answers = open_window()
    tonight = window.tonight_screen
    tonight.format_list.setFocus()
    press(qtbot, window, K.Key_Return)
    assert QApplication.focusWidget() is tonight.start_button
    press(qtbot, window, K.Key_Return)
    qtbot.waitUntil(lambda: window.console is not None)
    assert window.stack.currentWidget() is window.console
