"""The waiting count and the share length it leaves: never more than the share timer gives."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import press

K = Qt.Key


def test_the_suggestion_never_exceeds_the_share_length(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    console = window.console
    while console.current.kind != "shares":
        press(qtbot, window, K.Key_Right)
    panel = console.waiting_panel
    qtbot.waitUntil(lambda: console.timer_widget.digits_text() == "3:00")
    assert panel.suggestion_label.text() == "Press W when someone is waiting"

    # Two waiting in 38 minutes of sharing: each can have the whole 3:00, and no more.
    press(qtbot, window, K.Key_W, times=2)
    assert panel.count_label.text() == "2"
    assert panel.suggestion_label.text() == "Time for about 3:00 each"

    # Thirty waiting: the sharing time does not go round at 3:00.
    press(qtbot, window, K.Key_W, times=28)
    text = panel.suggestion_label.text()
    assert text.startswith("Time is short: about ") and text.endswith(" each")
    minutes, seconds = text.removeprefix("Time is short: about ").split()[0].split(":")
    assert 60 <= int(minutes) * 60 + int(seconds) < 180


def test_the_waiting_count_grows_with_the_text_size(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    while window.console.current.kind != "shares":
        press(qtbot, window, K.Key_Right)
    count = window.console.waiting_panel.count_label
    before = count.font().pointSizeF()
    assert before == 20
    press(qtbot, window, K.Key_Plus, times=2)
    assert count.font().pointSizeF() == 24
    assert count.font().bold()
