"""The room display: it mirrors the console, blanks to true black, and survives screen changes."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication

from tests.ui.conftest import press

K = Qt.Key


def start_meeting(qtbot, open_window, set_up_group):
    set_up_group()
    window, answers = open_window()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    return window


def colours_in(widget) -> set[str]:
    image = widget.grab().toImage()
    return {QColor(image.pixel(x, y)).name()
            for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}


def test_the_room_display_mirrors_the_console(qtbot, open_window, set_up_group, clock):
    window = start_meeting(qtbot, open_window, set_up_group)
    console, room = window.console, window.room
    press(qtbot, window, K.Key_D)
    qtbot.waitExposed(room)
    assert room.current_view() == "reading"
    assert room.title_text() == console.current.title
    assert room.reading_text() == console.current.text
    assert "Welcome to this meeting" in room.reading_text()

    window.activateWindow()
    press(qtbot, window, K.Key_Right)
    assert room.title_text() == console.current.title == "Moment of silence"

    while not console.current.is_timed:
        press(qtbot, window, K.Key_Right)
    assert room.current_view() == "timer"
    press(qtbot, window, K.Key_Space)
    clock.advance(130)
    # Each view ticks on its own timer: wait for both to have read the clock.
    qtbot.waitUntil(lambda: room.timer_widget.caption_text()
                    == console.timer_widget.caption_text() == "1 minute")
    assert room.timer_widget.digits_text() == console.timer_widget.digits_text() == "0:50"

    # A preset message goes up over the timer, and the same key takes it down.
    press(qtbot, window, K.Key_2)
    assert room.current_view() == "message" and room.message() == "Last share"
    press(qtbot, window, K.Key_2)
    assert room.current_view() == "timer"


def test_blank_is_true_black_and_hides_the_content(qtbot, open_window, set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.ensure_room()
    room.show()
    qtbot.waitExposed(room)
    assert colours_in(room) != {"#000000"}  # the welcome reading is showing

    press(qtbot, window, K.Key_B)
    assert room.is_blank() and room.current_view() == "blank"
    assert colours_in(room) == {"#000000"}

    # Moving on while blank shows nothing either, until B again.
    press(qtbot, window, K.Key_Right)
    assert colours_in(room) == {"#000000"}
    press(qtbot, window, K.Key_B)
    assert colours_in(room) != {"#000000"}
    assert room.title_text() == "Moment of silence"


def test_removing_the_screen_it_was_on_moves_it_to_a_live_screen(qtbot, open_window,
                                                                 set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.ensure_room()
    room.show()
    qtbot.waitExposed(room)
    primary = QGuiApplication.primaryScreen()
    # As if it had been on a projector to the right of the laptop's screen.
    room.setGeometry(QRect(primary.geometry().right() + 500, 100, 400, 300))
    assert not primary.geometry().intersects(room.frameGeometry())

    QGuiApplication.instance().screenRemoved.emit(primary)
    assert primary.geometry().contains(room.frameGeometry().center())
    assert primary.availableGeometry().intersects(room.geometry())

    # A screen changing its size (a resolution change) is handled the same way.
    room.setGeometry(QRect(-3000, -3000, 400, 300))
    primary.geometryChanged.emit(primary.geometry())
    assert primary.geometry().contains(room.frameGeometry().center())


def test_full_screen_and_back(qtbot, open_window, set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    press(qtbot, window, K.Key_F11)
    room = window.room
    qtbot.waitUntil(room.isFullScreen)
    window.activateWindow()
    press(qtbot, window, K.Key_F11)
    qtbot.waitUntil(lambda: not room.isFullScreen())


def test_the_chair_keys_work_while_the_room_display_has_the_focus(qtbot, open_window,
                                                                  set_up_group):
    from PySide6.QtWidgets import QApplication

    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.room
    room.show()
    qtbot.waitExposed(room)
    room.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is room)
    run = window.console.run
    qtbot.keyClick(room, K.Key_Right)
    qtbot.keyClick(room, K.Key_PageDown)
    assert run.index == 2
    assert room.title_text() == window.console.current.title
    qtbot.keyClick(room, K.Key_PageUp)
    assert run.index == 1
    qtbot.keyClick(room, K.Key_1)
    assert room.message() == "Please start wrapping up"
    qtbot.keyClick(room, K.Key_B)
    assert room.is_blank()


def test_after_the_meeting_the_chair_can_still_take_thank_you_down(qtbot, open_window,
                                                                  set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.room
    press(qtbot, window, K.Key_D)
    qtbot.waitExposed(room)
    window.activateWindow()
    press(qtbot, window, K.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is None)
    assert room.current_view() == "message" and room.message() == "Thank you"

    press(qtbot, window, K.Key_0)
    assert room.message() == "" and room.current_view() == "reading"
    assert room.reading_text() == ""  # black, not the finished meeting's timer
    press(qtbot, window, K.Key_B)
    assert room.is_blank()
    press(qtbot, window, K.Key_B)
    press(qtbot, window, K.Key_D)
    assert not room.isVisible()


def test_a_new_meeting_clears_the_last_ones_thank_you(qtbot, open_window, set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.room
    press(qtbot, window, K.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is None)
    assert room.message() == "Thank you"

    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    assert room.message() == "" and room.current_view() == "reading"
    assert room.title_text() == window.console.current.title


def test_a_message_or_blank_on_a_hidden_room_display_says_so(qtbot, open_window,
                                                              set_up_group):
    hidden = "The room display is hidden: press D to show it."
    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.room
    assert not room.isVisible()  # one screen: the chair has not shown it yet
    press(qtbot, window, K.Key_3)
    assert room.message() == "Thank you for sharing"
    assert window.statusBar().currentMessage() == hidden
    window.show_notice("")
    press(qtbot, window, K.Key_B)
    assert window.statusBar().currentMessage() == hidden

    # Once it shows, the keys act without a word about it.
    press(qtbot, window, K.Key_B)
    press(qtbot, window, K.Key_D)
    window.activateWindow()
    window.show_notice("")
    press(qtbot, window, K.Key_1)
    assert room.message() == "Please start wrapping up"
    assert window.statusBar().currentMessage() == ""


def test_a_full_screen_room_display_whose_screen_goes_comes_back_as_a_window(
        qtbot, open_window, set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    room = window.ensure_room()
    room.show()
    room.toggle_full_screen()
    qtbot.waitUntil(room.isFullScreen)
    primary = QGuiApplication.primaryScreen()

    # The projector's cable is pulled: the window must not cover the laptop's console.
    QGuiApplication.instance().screenRemoved.emit(primary)
    qtbot.waitUntil(lambda: not room.isFullScreen())
    assert room.isVisible()
    assert primary.geometry().contains(room.frameGeometry().center())


def test_the_room_names_tonights_step_by_its_number(qtbot, open_window, set_up_group):
    set_up_group(default_format="step")
    window, _answers = open_window()
    assert window.tonight_screen.current_format().id == "step"
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    press(qtbot, window, K.Key_D)
    room = window.room
    while window.console.current.kind != "study":
        press(qtbot, window, K.Key_Right)
    assert room.title_text() == "Step 4"  # April
    assert room.reading_text().startswith("We made a searching and fearless moral inventory")


def test_ctrl_shift_and_a_number_puts_the_room_display_on_that_screen(
        qtbot, open_window, set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    assert not window.room.isVisible()
    # The menu has never been opened: the key works all the same.
    press(qtbot, window, K.Key_1, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(window.room.isVisible)
    screen = QGuiApplication.screens()[0]
    assert screen.geometry().contains(window.room.frameGeometry().center())

    # The menu names each screen there is, and only those.
    window.screens_menu.aboutToShow.emit()
    labels = [action.text() for action in window.screens_menu.actions()]
    assert len(labels) == len(QGuiApplication.screens())
    size = screen.geometry()
    assert labels[0].startswith("Screen 1: ") and f"({size.width()}×{size.height()})" in labels[0]


def test_a_screen_number_that_is_not_there_says_so(qtbot, open_window, set_up_group):
    window = start_meeting(qtbot, open_window, set_up_group)
    missing = len(QGuiApplication.screens()) + 1
    press(qtbot, window, getattr(K, f"Key_{missing}"),
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.status.currentMessage().startswith(f"There is no screen {missing}: ")
    assert not window.room.isVisible()
