"""A whole meeting with the keyboard only: first-run set-up, a step meeting, three shares, the end.

The share timer runs on a fake clock, so the test moves time and then waits
(without sleeping) for the widget's next tick to show the warning, the time-up
and the overtime. No socket may be opened on the way.
"""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from facilitator.store import Store
from tests.ui.conftest import press
from ui import theme

K = Qt.Key


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("Facilitator must not open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def go_to_shares(qtbot, window):
    console = window.console
    while not console.current.is_timed:
        press(qtbot, window, K.Key_Right)
    return console


def run_a_share(qtbot, window, clock, last_share: bool):
    """Start a share, let it run into warning, time-up and overtime, and check what is shown."""
    timer_widget = window.console.timer_widget
    colors = theme.colors()
    assert timer_widget.caption_text().startswith("Ready")
    press(qtbot, window, K.Key_Space)
    qtbot.waitUntil(lambda: timer_widget.caption_text() == "Sharing")
    assert timer_widget.state_color() == QColor(colors.calm)
    assert timer_widget.digits_text() == "3:00"
    clock.advance(125)
    qtbot.waitUntil(lambda: timer_widget.caption_text() == "1 minute")
    assert timer_widget.digits_text() == "0:55"
    assert timer_widget.state_color() == QColor(colors.warning)
    clock.advance(55)
    qtbot.waitUntil(lambda: timer_widget.caption_text() == "Time")
    assert timer_widget.state_color() == QColor(colors.time_up)
    clock.advance(35)
    qtbot.waitUntil(lambda: timer_widget.digits_text() == "+0:35")
    assert timer_widget.caption_text() == "Time"
    if not last_share:
        press(qtbot, window, K.Key_N)
        qtbot.waitUntil(lambda: timer_widget.digits_text() == "3:00")


def test_a_whole_step_meeting_with_the_keyboard_only(qtbot, open_window, clock, data_dir,
                                                     no_network):
    window, answers = open_window()

    # First run: the set-up screen asks for the group's details; Enter saves them.
    assert window.stack.currentWidget() is window.setup_screen
    qtbot.keyClicks(window.setup_screen.name_edit, "Hope Group")
    press(qtbot, window, K.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tonight_screen)

    # Tonight: type to find the step meeting, then Ctrl+Enter starts it.
    tonight = window.tonight_screen
    tonight.format_list.setFocus()
    qtbot.keyClicks(tonight.format_list, "Step")
    assert tonight.current_format().id == "step"
    assert "Step 4" in tonight.preview.toPlainText()  # April: the step of the month
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    console = window.console
    segments = len(console.run.plan.segments)
    assert console.title_label.text() == console.run.plan.segments[0].title

    # Through the segments to the shares, with the room display following.
    go_to_shares(qtbot, window)
    for share in range(3):
        run_a_share(qtbot, window, clock, last_share=share == 2)

    # On to the last segment, then Right once more ends the meeting.
    while not console.run.is_last:
        press(qtbot, window, K.Key_Right)
    assert console.run.index == segments - 1
    assert console.next_button.text().startswith("End meeting")
    press(qtbot, window, K.Key_Right)
    qtbot.waitUntil(lambda: window.console is None)
    assert answers.asked == ["End the meeting now?"]
    assert answers.titles == ["End meeting"]
    assert window.stack.currentWidget() is window.tonight_screen
    assert "Meeting ended" in window.statusBar().currentMessage()

    window.store.close()
    with Store.open(data_dir, writer=False) as store:
        history = store.history()
        assert len(history) == 1
        assert history[0].format_id == "step"
        assert history[0].step == 4
        assert store.run_state() is None
    assert no_network == []


def test_left_and_page_keys_move_between_segments(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    run = window.console.run
    press(qtbot, window, K.Key_PageDown, times=2)
    assert run.index == 2
    press(qtbot, window, K.Key_PageUp)
    assert run.index == 1
    press(qtbot, window, K.Key_Left)
    assert run.index == 0
    assert window.console.run_sheet.current_index() == 0
