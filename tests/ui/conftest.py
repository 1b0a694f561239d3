"""Fixtures for the app tests: a store in a temporary folder, a fake clock, and a main window
whose questions are answered by the test instead of a blocking dialog."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.clock import FakeClock
from facilitator.model import GroupSettings
from facilitator.store import Store


class Answers:
    """Records every question the window asks, and answers with `reply`."""

    def __init__(self) -> None:
        self.reply = True
        self.asked: list[str] = []
        self.titles: list[str] = []

    def __call__(self, title: str, question: str) -> bool:
        self.titles.append(title)
        self.asked.append(question)
        return self.reply


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Any question a test did not answer fails the test instead of blocking it."""
    from ui.editors.dialogs import Asks

    for name in ("show_message", "show_problem", "ask_yes_no", "ask_save_discard_cancel",
                 "ask_text", "ask_item", "choose_open_path", "choose_save_path"):
        def unexpected(self, *args, _name=name, **kwargs):
            raise AssertionError(f"unexpected dialog {_name}{args}")
        monkeypatch.setattr(Asks, name, unexpected)



@pytest.fixture
def clock():
    # A Tuesday evening in April, a few minutes before the meeting.
    return FakeClock(datetime(2026, 4, 7, 18, 58))


@pytest.fixture
def open_window(qtbot, data_dir, clock):
    """open_window() -> (window, answers); each window has its own store, closed afterwards."""
    from ui.main_window import MainWindow

    opened = []

    def open_one(first_screen: bool = True, resume: bool = False):
        store = Store.open(data_dir)
        window = MainWindow(store, clock)
        answers = Answers()
        window.ask_yes_no = answers
        qtbot.addWidget(window)
        opened.append((window, store))
        if first_screen:
            window.open_first_screen()
        window.resize(1366, 740)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if resume:
            window.offer_resume()
        return window, answers

    yield open_one
    for window, store in opened:
        if window.room is not None:
            window.room.close()
        window.close()
        store.close()


@pytest.fixture
def set_up_group(data_dir):
    """Save a group, as if first-run set-up had been done earlier."""
    def save(**changes):
        with Store.open(data_dir) as store:
            store.save_group(GroupSettings(name="Hope Group", **changes))
    return save


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1):
    """Press a key as the chair would: into whatever has the keyboard focus."""
    for _ in range(times):
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, key, modifier)
