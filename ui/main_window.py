"""The main window: the menu bar with every action and its key, and a stack of screens.

The screens follow the evening: the set-up on the first run, then tonight's
choice, then the chair's console. Every key the chair uses is a `QAction` in a
menu, so it can be found by looking as well as by pressing; actions that only
make sense during a meeting are enabled only then. Keys that also type (Space,
N, the arrows) work in this window and on the room display only, never inside
the secretary's windows. The window takes the clock
(a `FakeClock` in tests) and the open store. Questions go through `ask_yes_no`,
which tests replace, so no modal dialog ever blocks a headless run.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget

from facilitator.clock import Clock, SystemClock
from facilitator.paths import cache_folder
from ui import theme
from ui.module_sources import forget_module_sources

MAX_TEXT_SCALE = 250
MIN_TEXT_SCALE = 60
TEXT_SCALE_STEP = 10
ROOM_HIDDEN_NOTICE = "The room display is hidden: press D to show it."
# Ctrl+Shift+1 .. Ctrl+Shift+9 put the room display on that screen.
MAX_NUMBERED_SCREENS = 9


class MainWindow(QMainWindow):
    """Facilitator's one main window."""

    first_painted = Signal()
    meeting_started = Signal()
    meeting_ended = Signal()

    def __init__(self, store, clock: Clock | None = None, parent=None) -> None:
        super().__init__(parent)
        forget_module_sources()  # of this module's imports, before any widget is made
        self.store = store
        self.clock = clock or SystemClock()
        self.setWindowTitle("Facilitator")
        self.setMinimumSize(900, 600)
        self.resize(1280, 760)
        self._painted = False
        self._library = None
        self.setup_screen = None
        self.tonight_screen = None
        self.console = None
        self.room = None
        self._chime = None
        self.notices_shown: list[str] = []

        self.stack = QStackedWidget()
        self.stack.setObjectName("screen")
        self.setCentralWidget(self.stack)
        self._loading = QLabel("Opening…")
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self._loading)
        self.status = self.statusBar()
        self.status.setAccessibleName("Status")
        self._build_actions()
        # The app paints before it opens the store (ui/app.py); until `attach_store` the
        # windows that work on the group's data are not offered.
        self.secretary.set_enabled(store is not None)
        self._keys_overlay = None
        self.apply_look()

    # Questions and notices (replaceable in tests) -----------------------------------

    def ask_yes_no(self, title: str, question: str) -> bool:
        """Title first, as in the editors' `Asks.ask_yes_no`."""
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def show_problem(self, title: str, text: str) -> None:
        """Something that stops the app, said plainly before it closes."""
        QMessageBox.critical(self, title, text)

    def show_notice(self, text: str) -> None:
        """A quiet line in the status bar that stays until the next notice."""
        self.notices_shown.append(text)
        self.status.showMessage(text)

    # Actions and menus ----------------------------------------------------------------

    def _action(self, menu, text: str, keys, slot, name: str, checkable: bool = False,
                meeting_only: bool = False, room_only: bool = False,
                help_text: str = "") -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(k) for k in (keys if isinstance(keys, list | tuple) else [keys])]
        action.setShortcuts(sequences)
        # The chair's keys act here and on the room display, which is given the same
        # actions, never in a secretary's window: there Space presses the focused button,
        # an arrow moves in a list, and Ctrl+Enter or Ctrl+E mean nothing to the meeting.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        action.setStatusTip(help_text or text)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        self.actions_by_name[name] = action
        if meeting_only:
            self._meeting_actions.append(action)
            action.setEnabled(False)
        if room_only:
            self._room_actions.append(action)
            action.setEnabled(False)
        return action

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        self._meeting_actions: list[QAction] = []
        # Enabled once the room display exists, and kept so after the meeting: the chair
        # may still need to take "Thank you" down, blank it or hide it.
        self._room_actions: list[QAction] = []
        bar = self.menuBar()
        a = self._action
        from ui.secretary_menus import SecretaryMenus

        self.secretary = SecretaryMenus(self)
        self.secretary.add_file_menu(bar, a)

        meeting = bar.addMenu("&Meeting")
        self.start_action = a(meeting, "&Start the meeting", ["Ctrl+Return", "Ctrl+Enter"],
                              self.start_meeting, "start")
        self.start_action.setEnabled(False)
        a(meeting, "&Next segment", ["Right", "PgDown"], self.next_segment, "next",
          meeting_only=True)
        a(meeting, "&Previous segment", ["Left", "PgUp"], self.previous_segment, "previous",
          meeting_only=True)
        a(meeting, "&End meeting…", "Ctrl+E", self.end_meeting, "end", meeting_only=True)
        meeting.addSeparator()
        a(meeting, "&Quit", "Ctrl+Q", self.close, "quit")

        timer = bar.addMenu("&Timer")
        a(timer, "&Start or pause the share timer", "Space", self._console_call("toggle_timer"),
          "toggle", meeting_only=True)
        a(timer, "&Next share", "N", self._console_call("next_share"), "next_share",
          meeting_only=True)
        a(timer, "&Add a minute", "A", self._console_call("add_minute"), "add_minute",
          meeting_only=True)
        a(timer, "One &more waiting", "W", self._console_call("more_waiting"), "more_waiting",
          meeting_only=True)
        a(timer, "One &fewer waiting", "Shift+W", self._console_call("fewer_waiting"),
          "fewer_waiting", meeting_only=True)
        timer.addSeparator()
        self.mute_action = a(timer, "&Mute chimes", "Ctrl+M", self.toggle_mute, "mute",
                             checkable=True)
        self.flash_action = a(timer, "Soft &flash at time up", "Ctrl+Shift+F",
                              self.toggle_flash, "flash", checkable=True)
        self.flash_action.setChecked(True)

        room = bar.addMenu("&Room display")
        a(room, "&Show room display", "D", self.toggle_room, "room", room_only=True)
        a(room, "&Full screen", "F11", self.room_full_screen, "full_screen", room_only=True)
        a(room, "&Blank", "B", self.blank_room, "blank", room_only=True)
        room.addSeparator()
        from ui.room_messages import PRESET_MESSAGES
        for n, message in enumerate(PRESET_MESSAGES, 1):
            a(room, f"“{message}”", str(n), self._message_call(message), f"message_{n}",
              meeting_only=True)
        a(room, "&Clear message", "0", self._message_call(""), "clear_message",
          room_only=True)
        room.addSeparator()
        self.screens_menu = room.addMenu("Show on &screen")
        # One action a screen number, kept on the window (and the room display) all the
        # time, so that Ctrl+Shift+N works without opening the menu; the menu lists only
        # the screens there are now, named afresh whenever it opens.
        self._screen_actions = [
            a(self.screens_menu, f"Screen {n}", f"Ctrl+Shift+{n}", self._screen_call(n),
              f"screen_{n}") for n in range(1, MAX_NUMBERED_SCREENS + 1)]
        self._fill_screens_menu()
        self.screens_menu.aboutToShow.connect(self._fill_screens_menu)

        self.secretary.add_group_menu(bar, a)

        view = bar.addMenu("&View")
        a(view, "&Larger text", ["+", "=", "Ctrl++", "Ctrl+="], self.larger_text, "larger")
        a(view, "&Smaller text", ["-", "Ctrl+-"], self.smaller_text, "smaller")
        themes = view.addMenu("&Theme")
        self._theme_group = QActionGroup(self)
        for n, (name, label) in enumerate((("system", "Follow the system"), ("light", "Light"),
                                           ("dark", "Dark"),
                                           ("high-contrast", "High contrast")), 1):
            action = a(themes, label, f"Ctrl+Alt+{n}", self._theme_call(name), f"theme_{name}",
                       checkable=True)
            self._theme_group.addAction(action)

        help_menu = bar.addMenu("&Help")
        a(help_menu, "&Keys", ["?", "Shift+?", "F1"], self.toggle_keys, "keys")

    def _console_call(self, name: str):
        def call() -> None:
            if self.console is not None and self.stack.currentWidget() is self.console:
                getattr(self.console, name)()
        return call

    def _message_call(self, message: str):
        def call() -> None:
            room = self.ensure_room()
            if message:
                room.show_message(message)
                if room.message():
                    self._say_if_room_hidden()
            else:
                room.clear_message()
        return call

    def _theme_call(self, name: str):
        return lambda: self.set_theme(name)

    def _set_meeting_actions(self, enabled: bool) -> None:
        for action in self._meeting_actions:
            action.setEnabled(enabled)

    # Look ---------------------------------------------------------------------------

    def group(self):
        return self.store.group() if self.store is not None else None

    def attach_store(self, store) -> None:
        """Take the store the app opened after the first paint, and show the group's look."""
        self.store = store
        self._library = None
        self.secretary.set_enabled(True)
        self.apply_look()

    def apply_look(self) -> None:
        group = self.group()
        theme_name = group.theme if group else "system"
        scale = group.text_scale if group else 100
        theme.apply(QApplication.instance(), theme_name, scale)
        action = self.actions_by_name.get(f"theme_{theme_name}")
        if action is not None:
            action.setChecked(True)
        if group is not None:
            self.mute_action.setChecked(group.muted)
            if self._chime is not None:
                self._chime.set_volume(group.volume, group.muted)
        if self.tonight_screen is not None:
            self.tonight_screen.refresh_plan()
        if self.console is not None:
            self.console.refresh()

    def _save_group_change(self, **changes) -> None:
        group = self.group()
        if group is not None:
            self.store.save_group(replace(group, **changes))
        self.apply_look()

    @Slot()
    def larger_text(self) -> None:
        group = self.group()
        if group is not None:
            self._save_group_change(
                text_scale=min(MAX_TEXT_SCALE, group.text_scale + TEXT_SCALE_STEP))

    @Slot()
    def smaller_text(self) -> None:
        group = self.group()
        if group is not None:
            self._save_group_change(
                text_scale=max(MIN_TEXT_SCALE, group.text_scale - TEXT_SCALE_STEP))

    def set_theme(self, name: str) -> None:
        self._save_group_change(theme=name)

    @Slot()
    def toggle_mute(self) -> None:
        self._save_group_change(muted=self.mute_action.isChecked())

    @Slot()
    def toggle_flash(self) -> None:
        if self.console is not None:
            self.console.timer_widget.flash_enabled = self.flash_action.isChecked()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The desktop switched between light and dark: follow it if the group says "system".
        if event.type() == QEvent.Type.ThemeChange and self.group() is not None \
                and self.group().theme == "system" and self._painted:
            QTimer.singleShot(0, self.apply_look)
        super().changeEvent(event)

    # First paint and the first screen ------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def library(self):
        if self._library is None:
            self._library = self.store.library()
        return self._library

    @Slot()
    def open_first_screen(self) -> None:
        """Set-up on the first run, otherwise tonight's screen; offer to resume a meeting."""
        for notice in self.store.notices:
            self.show_notice(notice)
        if self.group() is None:
            self.show_setup(first_run=True)
        else:
            self.show_tonight()

    @Slot()
    def offer_resume(self) -> bool:
        """If a meeting was left running, ask to continue it; True when it was resumed."""
        from ui import meeting_state

        state = self.store.run_state()
        if not state or self.group() is None:
            return False
        try:
            plan, question = meeting_state.describe(state, self.library(), self.group(),
                                                    self.store.history())
            if not self.ask_yes_no("Continue the meeting?", question):
                self.store.clear_run_state()
                return False
            run = meeting_state.restore_run(plan, state, self.clock)
        except Exception as error:  # noqa: BLE001 - a stale or foreign state is dropped, not fatal
            self.store.clear_run_state()
            self.show_notice("The meeting left running could not be continued: "
                             f"{self._why_not_resumed(state, error)}. Start the meeting afresh.")
            return False
        self._start_console(run)
        self.show_notice(f"Continuing at segment {run.index + 1}: {run.current.title}.")
        return True

    def _why_not_resumed(self, state, error: Exception) -> str:
        plan = state.get("plan") if isinstance(state, dict) else None
        format_id = plan.get("format_id") if isinstance(plan, dict) else None
        if isinstance(format_id, str) and format_id not in self.library().formats:
            return f"its format ({format_id}) is no longer there"
        return f"what was saved no longer fits ({error})"

    def show_setup(self, first_run: bool = False) -> None:
        from ui.setup_screen import SetupScreen

        if self.setup_screen is not None:
            self.stack.removeWidget(self.setup_screen)
            self.setup_screen.deleteLater()
        self.setup_screen = SetupScreen(self.library(), None if first_run else self.group())
        self.setup_screen.saved.connect(self.save_setup)
        self.stack.addWidget(self.setup_screen)
        self.stack.setCurrentWidget(self.setup_screen)
        self.start_action.setEnabled(False)
        self.setup_screen.setFocus()

    @Slot(object)
    def save_setup(self, settings) -> None:
        self.store.save_group(settings)
        self.apply_look()
        if self.console is not None:
            self.stack.setCurrentWidget(self.console)
            self.console.setFocus()
        else:
            self.show_tonight()
        self.show_notice("Group settings saved.")

    @Slot()
    def open_settings(self) -> None:
        """Group ▸ Group settings…: the full settings dialog (set-up on the first run)."""
        self.secretary.open_group_settings()

    def show_tonight(self) -> None:
        from ui.tonight_screen import TonightScreen

        if self.tonight_screen is not None:
            self.stack.removeWidget(self.tonight_screen)
            self.tonight_screen.deleteLater()
        self.tonight_screen = TonightScreen(self.library(), self.group(), self.store.history(),
                                            self.clock)
        self.tonight_screen.start_requested.connect(self._start_plan)
        self.stack.addWidget(self.tonight_screen)
        self.stack.setCurrentWidget(self.tonight_screen)
        self.start_action.setEnabled(True)
        self._set_meeting_actions(False)
        self.tonight_screen.setFocus()
        forget_module_sources()  # of the store's, the planner's and this screen's imports

    # The meeting ------------------------------------------------------------------

    @Slot()
    def start_meeting(self) -> None:
        if self.tonight_screen is not None and self.stack.currentWidget() is self.tonight_screen:
            self.tonight_screen.start()

    @Slot(object)
    def _start_plan(self, plan) -> None:
        from facilitator.run import Run

        self._start_console(Run(plan, self.clock))
        self.save_run_state()
        self.meeting_started.emit()

    def _start_console(self, run) -> None:
        from ui.console.console_screen import ConsoleScreen

        if self.console is not None:
            self.stack.removeWidget(self.console)
            self.console.deleteLater()
        room = self.ensure_room()
        # The last meeting's "Thank you" does not belong on tonight's screen.
        room.clear_message()
        self.console = ConsoleScreen(run, self.clock, room=room)
        self.console.timer_widget.flash_enabled = self.flash_action.isChecked()
        self.console.state_changed.connect(self.save_run_state)
        self.console.end_requested.connect(self.end_meeting)
        self.console.cue_reached.connect(self.play_cue)
        self.stack.addWidget(self.console)
        self.stack.setCurrentWidget(self.console)
        self.start_action.setEnabled(False)
        self._set_meeting_actions(True)
        self.console.setFocus()
        forget_module_sources()  # of the console's and the room display's imports
        if len(QGuiApplication.screens()) > 1 and not self.room.isVisible():
            # A projector is plugged in: put the room display there straight away.
            others = [s for s in QGuiApplication.screens() if s is not self.screen()]
            self.room.show()
            self.room.move_to_screen(others[0])

    @Slot()
    def save_run_state(self) -> None:
        if self.console is not None:
            self.store.save_run_state(self.console.run.to_state())

    @Slot()
    def next_segment(self) -> None:
        self._console_call("next_segment")()

    @Slot()
    def previous_segment(self) -> None:
        self._console_call("previous_segment")()

    @Slot()
    def end_meeting(self) -> None:
        console = self.console
        if console is None:
            return
        run = console.run
        question = ("End the meeting now?" if run.is_last else
                    f"End the meeting now, at segment {run.index + 1} of "
                    f"{len(run.plan.segments)}?")
        if not self.ask_yes_no("End meeting", question):
            return
        entry = run.end()
        self.store.add_history(entry)
        self.store.clear_run_state()
        if run.plan.format.kind == "literature":
            self._move_bookmark()
        self._set_meeting_actions(False)
        self.stack.removeWidget(console)
        console.deleteLater()
        self.console = None
        if self.room is not None:
            # The finished meeting's timer goes, so taking the message down shows black.
            self.room.show_reading("", "")
            self.room.show_message("Thank you")
        self.show_tonight()
        self.show_notice(f"Meeting ended after {entry.actual_minutes:g} minutes. "
                         "Thank you for chairing.")
        self.meeting_ended.emit()

    def _move_bookmark(self) -> None:
        """After a literature meeting, ask where next time's reading starts, and keep it."""
        group = self.group()
        if group is None:
            return
        bookmark = self.ask_bookmark(group.bookmark)
        if bookmark is not None and bookmark != group.bookmark:
            self.store.save_group(replace(group, bookmark=bookmark))

    def ask_bookmark(self, bookmark):
        """The next literature meeting's starting place, or None. Tests replace this."""
        from ui.bookmark_dialog import ask_next_bookmark

        return ask_next_bookmark(self, bookmark)

    @Slot(str)
    def play_cue(self, cue: str) -> None:
        self.chime().play(cue)

    def chime(self):
        if self._chime is None:
            from ui.sound import Chime

            group = self.group()
            self._chime = Chime(cache_folder(self.store.data_dir), group.volume if group else 60,
                                group.muted if group else False, self)
            self._chime.audio_failed.connect(self.show_notice)
        return self._chime

    # The room display --------------------------------------------------------------

    def ensure_room(self):
        if self.room is None:
            from ui.room_display import RoomDisplay

            self.room = RoomDisplay()
            # The chair's keys work while the room display has the focus, too.
            self.room.addActions(self.actions())
            for action in self._room_actions:
                action.setEnabled(True)
            self.room.blank_changed.connect(
                lambda blank: self.show_notice("Room display blank." if blank
                                               else "Room display showing."))
        return self.room

    @Slot()
    def toggle_room(self) -> None:
        room = self.ensure_room()
        if room.isVisible():
            room.hide()
        else:
            room.show()
            room.keep_on_screen()
            self.activateWindow()

    @Slot()
    def room_full_screen(self) -> None:
        room = self.ensure_room()
        if not room.isVisible():
            room.show()
        room.toggle_full_screen()

    @Slot()
    def blank_room(self) -> None:
        self.ensure_room().toggle_blank()
        self._say_if_room_hidden()

    def _say_if_room_hidden(self) -> None:
        # A message or a blank on a hidden room display would otherwise change nothing
        # the chair can see.
        if not self.room.isVisible():
            self.show_notice(ROOM_HIDDEN_NOTICE)

    def _fill_screens_menu(self) -> None:
        # Removing an action from the menu leaves it on the window, so its key still
        # answers, with a word, for a screen that has gone.
        self.screens_menu.clear()
        for n, screen in enumerate(QGuiApplication.screens()[:MAX_NUMBERED_SCREENS], 1):
            size = screen.geometry()
            action = self._screen_actions[n - 1]
            action.setText(f"Screen {n}: {screen.name() or 'display'} "
                           f"({size.width()}×{size.height()})")
            self.screens_menu.addAction(action)

    def _screen_call(self, number: int):
        return lambda: self.room_to_screen(number)

    def room_to_screen(self, number: int) -> None:
        """Show the room display on screen `number` (counted from 1), if there is one."""
        screens = QGuiApplication.screens()
        if number > len(screens):
            count = "one screen" if len(screens) == 1 else f"{len(screens)} screens"
            self.show_notice(f"There is no screen {number}: this computer has {count}.")
            return
        room = self.ensure_room()
        room.show()
        room.move_to_screen(screens[number - 1])

    # Keys overlay ------------------------------------------------------------------

    @Slot()
    def toggle_keys(self) -> None:
        from ui.keys_overlay import KeysOverlay, sections_from_menus

        if self._keys_overlay is None:
            self._keys_overlay = KeysOverlay(self)
        if not self._keys_overlay.isVisible():
            # Read afresh each time, so the sheet says what the menus say now (a projector
            # plugged in since the screens menu last opened is on it too).
            self._fill_screens_menu()
            self._keys_overlay.set_keys(sections_from_menus(self.menuBar(), self.actions()))
        self._keys_overlay.toggle()

    def keys_overlay(self):
        return self._keys_overlay

    # Closing -----------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The secretary's windows go first: one with unsaved changes asks, and its
        # Cancel keeps the whole app open rather than losing the work with us.
        for secretary_window in list(self.secretary.open_windows.values()):
            if not secretary_window.close():
                event.ignore()
                return
        # A meeting in progress stays saved (resume); the room display goes with us.
        if self.room is not None:
            self.room.close()
        super().closeEvent(event)
