"""A literature meeting reads from the group's bookmark, and moves it on when it ends."""

from PySide6.QtCore import Qt

from facilitator.model import Bookmark
from tests.ui.conftest import press
from ui.bookmark_dialog import BookmarkDialog

K = Qt.Key
START = Bookmark("Our basic text", "Chapter 3", 41)


def start_literature_meeting(qtbot, window):
    tonight = window.tonight_screen
    tonight.format_list.setFocus()
    qtbot.keyClicks(tonight.format_list, "Literature")
    assert tonight.current_format().id == "literature"
    assert "Our basic text, Chapter 3, page 41" in tonight.preview.toPlainText()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)


def test_the_bookmark_moves_on_when_the_meeting_ends(qtbot, open_window, set_up_group):
    set_up_group(bookmark=START)
    window, answers = open_window()
    asked = []
    window.ask_bookmark = lambda bookmark: asked.append(bookmark) or Bookmark(
        bookmark.title, "Chapter 4", 52)
    start_literature_meeting(qtbot, window)
    press(qtbot, window, K.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is None)
    assert asked == [START]
    assert window.store.group().bookmark == Bookmark("Our basic text", "Chapter 4", 52)
    [entry] = window.store.history()
    assert entry.passage == "Our basic text, Chapter 3, page 41"


def test_cancelling_keeps_the_bookmark(qtbot, open_window, set_up_group):
    set_up_group(bookmark=START)
    window, _answers = open_window()
    window.ask_bookmark = lambda bookmark: None
    start_literature_meeting(qtbot, window)
    press(qtbot, window, K.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is None)
    assert window.store.group().bookmark == START


def test_the_dialog_offers_the_current_place(qtbot):
    dialog = BookmarkDialog(START)
    qtbot.addWidget(dialog)
    assert dialog.section_edit.text() == "Chapter 3"
    assert dialog.page_spin.value() == 41
    dialog.page_spin.setValue(47)
    assert dialog.chosen() == Bookmark("Our basic text", "Chapter 3", 47)
