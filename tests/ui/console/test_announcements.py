"""The announcements box: typing goes in, and Tab takes the chair out again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import press

K = Qt.Key


def test_tab_leaves_the_announcements_box(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    editor = window.console.announcements.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Business meeting Sunday")
    press(qtbot, window, K.Key_Tab)
    assert QApplication.focusWidget() is not editor
    assert editor.toPlainText() == "Business meeting Sunday"
