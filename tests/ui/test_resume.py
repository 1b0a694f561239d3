"""Resume: a meeting dropped mid-share is offered again and lands where it was, timer and all."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.timer import TimerState
from tests.ui.conftest import press

K = Qt.Key


def test_a_dropped_meeting_resumes_at_the_same_segment_with_its_timer(
        qtbot, open_window, set_up_group, clock):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    while not window.console.current.is_timed:
        press(qtbot, window, K.Key_Right)
    index = window.console.run.index
    total = len(window.console.run.plan.segments)
    press(qtbot, window, K.Key_Space)
    clock.advance(30)
    press(qtbot, window, K.Key_W, times=3)  # people waiting: never saved

    # The app goes away without ending the meeting.
    window.close()
    window.store.close()
    clock.advance(10)

    again, answers = open_window(resume=True)
    assert answers.titles == ["Continue the meeting?"]
    assert answers.asked == [
        f"Continue the meeting that started at 19:00? (segment {index + 1} of {total})"]
    console = again.console
    assert console is not None and again.stack.currentWidget() is console
    assert console.run.index == index
    assert console.title_label.text() == console.run.plan.segments[index].title
    assert console.run.timer.state == TimerState.RUNNING
    qtbot.waitUntil(lambda: console.timer_widget.digits_text() == "2:20")
    assert console.run.waiting == 0
    assert console.run_sheet.current_index() == index


def test_declining_resume_starts_fresh(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    press(qtbot, window, K.Key_Right)
    window.close()
    window.store.close()

    again, answers = open_window()
    answers.reply = False
    assert again.offer_resume() is False
    assert again.console is None
    assert again.stack.currentWidget() is again.tonight_screen
    assert again.store.run_state() is None


def test_a_meeting_that_cannot_be_resumed_is_set_aside_with_a_word(
        qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    state = window.store.run_state()
    # The format it ran has gone since (deleted, or an older pack imported).
    state["plan"]["format_id"] = "our-old-format"
    window.store.save_run_state(state)
    window.close()
    window.store.close()

    again, answers = open_window(resume=True)
    assert answers.asked == []
    assert again.console is None and again.store.run_state() is None
    assert again.statusBar().currentMessage() == (
        "The meeting left running could not be continued: its format (our-old-format) "
        "is no longer there. Start the meeting afresh.")


def test_a_meeting_that_fails_to_restore_after_yes_is_set_aside_once(
        qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    state = window.store.run_state()
    state["timer"] = "not a timer"  # the plan rebuilds; the run itself cannot
    window.store.save_run_state(state)
    window.close()
    window.store.close()

    again, answers = open_window(resume=True)
    assert len(answers.asked) == 1  # the chair said yes; then it could not be done
    assert again.console is None and again.store.run_state() is None
    assert again.statusBar().currentMessage().startswith(
        "The meeting left running could not be continued")
