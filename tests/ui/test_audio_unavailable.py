"""Without QtMultimedia the meeting runs on, cues are visual, and the app says so once."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from tests.ui.conftest import press
from ui.sound import UNAVAILABLE_NOTICE

K = Qt.Key


def test_the_meeting_runs_without_audio_and_says_so_once(qtbot, open_window, set_up_group,
                                                         clock, monkeypatch):
    # An entry of None makes `import PySide6.QtMultimedia` raise ImportError.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    set_up_group()
    window, _answers = open_window()
    window.tonight_screen.select_format("step")
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    console = window.console
    while not console.current.is_timed:
        press(qtbot, window, K.Key_Right)
    for _share in range(2):
        press(qtbot, window, K.Key_Space)
        clock.advance(125)
        qtbot.waitUntil(lambda: console.timer_widget.caption_text() == "1 minute")
        clock.advance(60)
        qtbot.waitUntil(lambda: console.timer_widget.caption_text() == "Time")
        press(qtbot, window, K.Key_N)

    assert window.notices_shown.count(UNAVAILABLE_NOTICE) == 1
    assert not window.chime().available
    while not console.run.is_last:
        press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Right)
    qtbot.waitUntil(lambda: window.console is None)
    assert len(window.store.history()) == 1
    assert window.notices_shown.count(UNAVAILABLE_NOTICE) == 1
