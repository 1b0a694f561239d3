"""The secretary's menus on the main window: every action has a key, opens its window, and
each window fits a 1366×768 laptop with every control named for a screen reader."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTableWidget,
    QTextBrowser,
)

from tests.ui.conftest import press
from ui.editors.format_editor import FormatEditor
from ui.editors.reading_library import ReadingLibrary
from ui.printing.print_dialog import PrintDialog
from ui.settings.group_settings_dialog import GroupSettingsDialog

USABLE = QSize(1366, 768 - 60)
WINDOWS = [
    ("formats", "Group", Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier, FormatEditor),
    ("readings", "Group", Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier, ReadingLibrary),
    ("settings", "Group", Qt.Key.Key_Comma, Qt.KeyboardModifier.NoModifier,
     GroupSettingsDialog),
    ("print", "File", Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier, PrintDialog),
]


def menu_titles(window, menu_name: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == f"&{menu_name}")
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_file_and_group_menus_have_every_action_with_a_key(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    assert menu_titles(window, "File") == [
        "&Print…", "&Export group…", "&Import group…",
        "Import meeting from Meeting &Guide file…"]
    assert menu_titles(window, "Group") == ["&Formats…", "&Readings…", "&Group settings…"]
    for name in ("print", "export_group", "import_group", "import_meeting_guide", "formats",
                 "readings", "settings"):
        assert not window.actions_by_name[name].shortcut().isEmpty(), name
    # The set-up screen's old entry is gone from the Meeting menu.
    assert "&Group settings…" not in menu_titles(window, "Meeting")
    keys = [window.actions_by_name[n].shortcut().toString() for n in window.actions_by_name]
    assert len(keys) == len(set(keys)), "two actions share a key"


@pytest.mark.parametrize("name, _menu, key, extra, kind", WINDOWS)
def test_each_window_opens_by_its_key_fits_and_names_its_controls(
        qtbot, open_window, set_up_group, name, _menu, key, extra, kind):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier | extra)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), kind))
    opened = window.secretary.open_windows[name]
    assert isinstance(opened, kind) and opened.isVisible()
    hint = opened.minimumSizeHint()
    assert hint.width() <= USABLE.width() and hint.height() <= USABLE.height(), hint
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListView,
             QPlainTextEdit, QTableWidget, QTextBrowser)
    for control in (c for k in kinds for c in opened.findChildren(k)):
        parent = control.parent()
        if parent is not None and isinstance(parent, QAbstractSpinBox | QComboBox):
            continue  # a spin box's or combo's own parts, named by their owner
        if control.objectName().startswith("qt_") or not control.isVisibleTo(opened):
            continue
        label = control.accessibleName() or (
            control.text() if isinstance(control, QAbstractButton) else "")
        assert label, f"{type(control).__name__} in {kind.__name__} has no accessible name"
    # Asking again raises the same window rather than opening a second one.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    press(qtbot, window, key, Qt.KeyboardModifier.ControlModifier | extra)
    assert window.secretary.open_windows[name] is opened


def test_saving_a_format_shows_it_on_tonights_screen(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    editor = window.secretary.open_formats()
    editor.open_format("step")
    editor.name_edit.setText("Our step meeting")
    editor.name_edit.textEdited.emit("Our step meeting")
    assert editor.save()
    window.tonight_screen.select_format("step-group")
    assert window.tonight_screen.current_format().name == "Our step meeting"


def test_group_settings_saved_from_the_menu_change_the_window(qtbot, open_window,
                                                             set_up_group):
    set_up_group()
    window, _answers = open_window()
    dialog = window.secretary.open_group_settings()
    dialog.name_edit.setText("Serenity Seekers")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.store.group().name == "Serenity Seekers"
    assert window.actions_by_name["theme_dark"].isChecked()
    assert "Group settings saved." in window.notices_shown


def test_import_group_from_the_file_menu_shows_the_report(qtbot, open_window, set_up_group,
                                                          tmp_path):
    set_up_group()
    window, _answers = open_window()
    library = window.store.library()
    pack = tmp_path / "pack.json"
    pack.write_text(json.dumps({
        "kind": "facilitator group pack", "pack_version": 1, "group": None, "readings": [],
        "formats": [library.format("speaker").with_changes(id="speaker-group",
                                                           name="Friday speakers").to_dict()]}))
    packs = window.secretary.packs
    packs.choose_open_path = lambda title, file_filter: pack
    shown = []
    packs.show_message = lambda title, text: shown.append((title, text))
    window.actions_by_name["import_group"].trigger()
    assert shown[0][0] == "Group imported"
    assert "• format speaker-group" in shown[0][1]
    window.tonight_screen.select_format("speaker-group")
    assert window.tonight_screen.current_format().name == "Friday speakers"


def test_keys_are_listed_in_the_keys_overlay(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    press(qtbot, window, Qt.Key.Key_F1)
    overlay = window.keys_overlay()
    assert overlay.isVisible()
    rows = {meaning: keys for keys, meaning in overlay.shown_rows()}
    assert rows["Formats"] == QKeySequence("Ctrl+Shift+M").toString(
        QKeySequence.SequenceFormat.NativeText)
    assert rows["Print"] == "Ctrl+P"


def test_a_reading_saved_in_the_library_can_be_chosen_in_the_open_format_editor(
        qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    editor = window.secretary.open_formats()
    editor.open_format("discussion")
    readings = window.secretary.open_readings()
    readings.new_reading()
    readings.title_edit.setText("Our Preamble")
    readings.text_edit.setPlainText("We are [members] who meet to stay well.")
    assert readings.save()
    editor.select_segment(0)
    editor.pick_reading = lambda current: "our-preamble"
    qtbot.mouseClick(editor.segment_form.choose_reading, Qt.MouseButton.LeftButton)
    assert editor.segment_form.reading.text() == "Our Preamble · group's"
    assert editor.problems_label.isHidden()
    # The change is left unsaved: closing the app asks, and the test throws it away.
    editor.ask_save_discard_cancel = lambda title, text: "discard"


def test_quitting_with_an_unsaved_format_asks_and_cancel_keeps_everything_open(
        qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    editor = window.secretary.open_formats()
    editor.open_format("discussion")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_End)
    qtbot.keyClicks(editor.name_edit, ", our way")
    assert editor.is_dirty()
    asked = []

    def cancel(title, text):
        asked.append(text)
        return "cancel"
    editor.ask_save_discard_cancel = cancel

    press(qtbot, editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Save the changes to “Discussion meeting, our way”?"]
    assert window.isVisible() and editor.isVisible()
    assert editor.name_edit.text() == "Discussion meeting, our way"

    editor.ask_save_discard_cancel = lambda title, text: "save"
    assert window.close()
    assert not window.isVisible()
    assert window.store.library().format("discussion-group").name == "Discussion meeting, our way"


def test_volume_and_mute_from_group_settings_reach_the_chime_and_the_menu(
        qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    chime = window.chime()
    assert (chime.volume, chime.muted) == (60, False)
    dialog = window.secretary.open_group_settings()
    dialog.volume_slider.setValue(25)
    qtbot.mouseClick(dialog.mute_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (chime.volume, chime.muted) == (25, True)
    assert window.actions_by_name["mute"].isChecked()

    # And the menu's Mute undoes it, for the chime and for the saved settings.
    window.actions_by_name["mute"].trigger()
    assert (chime.volume, chime.muted) == (25, False)
    assert not window.store.group().muted
