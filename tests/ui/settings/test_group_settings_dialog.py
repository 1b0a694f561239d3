"""Group settings, and filling them from a Meeting Guide feed without keeping any contact."""

import json

from PySide6.QtCore import QPoint, Qt, QTime

from ui.settings.group_settings_dialog import GroupSettingsDialog

FEED = [
    {"name": "Downtown Early Birds", "day": 1, "time": "07:00", "end_time": "08:00",
     "types": ["O", "D"], "location": "Community Centre"},
    {"name": "Thursday Women's Step Study", "slug": "thursday-womens-step", "day": 4,
     "time": "19:30", "end_time": "21:00", "types": ["C", "W", "ST", "XYZ"],
     "location": "St Brigid's Parish Hall", "formatted_address": "41 Larkspur Road, Dunmore",
     "address": "41 Larkspur Road", "city": "Dunmore", "region": "Kerrigan County",
     "notes": "Ring the bell and ask for Philippa Grantwood",
     "contact_1_name": "Philippa Grantwood", "contact_1_phone": "+1 555 0147 9921",
     "contact_1_email": "philippa.grantwood@example.org",
     "group_notes": "Secretary: Philippa Grantwood", "url": "https://example.org/meetings/42"},
]
CONTACT_VALUES = ["Philippa", "Grantwood", "555 0147", "example.org", "Larkspur", "Dunmore",
                  "Kerrigan", "St Brigid", "Ring the bell", "Community Centre"]


def make_dialog(qtbot, store) -> GroupSettingsDialog:
    dialog = GroupSettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_every_setting_is_saved(qtbot, store):
    dialog = make_dialog(qtbot, store)
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Hope on Harbour Street")
    dialog.program_combo.setCurrentIndex(dialog.program_combo.findData("na"))
    # Click on the round indicator itself, at the left of the button.
    qtbot.mouseClick(dialog.closed_radio, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.closed_radio.height() // 2))
    for n in range(dialog.designation_list.count()):
        item = dialog.designation_list.item(n)
        if item.data(Qt.ItemDataRole.UserRole) in ("W", "NS"):
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.type_label.text() == "Closed · Women · Non-smoking"
    dialog.weekday_combo.setCurrentIndex(dialog.weekday_combo.findData("friday"))
    dialog.start_edit.setTime(QTime(20, 15))
    dialog.length_spin.setValue(90)
    dialog.share_spin.setValue(4.5)
    dialog.warning_spin.setValue(30)
    dialog.volume_slider.setValue(35)
    dialog.mute_check.setChecked(True)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("high-contrast"))
    dialog.scale_spin.setValue(130)
    dialog.set_override("addicts", "members")
    dialog.preview_combo.setCurrentIndex(dialog.preview_combo.findData("twelve-steps"))
    assert "message to members" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.settings_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    group = store.group()
    assert (group.name, group.program, group.meeting_type) == (
        "Hope on Harbour Street", "na", "closed")
    assert group.designations == ("W", "NS")
    assert (group.weekday, group.start, group.length) == ("friday", "20:15", 90)
    assert (group.share_minutes, group.warning_seconds) == (4.5, 30)
    assert (group.volume, group.muted, group.theme, group.text_scale) == (
        35, True, "high-contrast", 130)
    assert group.words == {"addicts": "members"}


def test_meeting_guide_import_fills_fields_and_keeps_no_contact(qtbot, store, tmp_path,
                                                               data_dir):
    feed = tmp_path / "meetings.json"
    feed.write_text(json.dumps(FEED), encoding="utf-8")
    dialog = make_dialog(qtbot, store)
    dialog.choose_open_path = lambda title, file_filter: feed
    offered = []

    def choose(meetings, source_name):
        offered.extend(m.describe() for m in meetings)
        return 1

    dialog.choose_meeting = choose
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert offered == ["Downtown Early Birds: Monday 07:00 (60 min) · Open · Discussion",
                       "Thursday Women's Step Study: Thursday 19:30 (90 min) · Closed · Women"
                       " · Step study"]
    assert dialog.name_edit.text() == "Thursday Women's Step Study"
    assert dialog.weekday_combo.currentData() == "thursday"
    assert dialog.start_edit.time().toString("HH:mm") == "19:30"
    assert dialog.length_spin.value() == 90
    assert dialog.closed_radio.isChecked()
    assert dialog.designations() == ("W", "ST")
    assert "Filled in from “Thursday Women's Step Study”" in dialog.problems.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    group = store.group()
    assert (group.name, group.weekday, group.start, group.length) == (
        "Thursday Women's Step Study", "thursday", "19:30", 90)
    assert (group.meeting_type, group.designations) == ("closed", ("W", "ST"))
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for value in CONTACT_VALUES:
                assert value.encode() not in content, f"{value!r} found in {path}"


def test_a_bad_feed_gets_one_clear_message(qtbot, store, tmp_path):
    feed = tmp_path / "broken.json"
    feed.write_text('[{"name": "x", ', encoding="utf-8")
    dialog = make_dialog(qtbot, store)
    dialog.choose_open_path = lambda title, file_filter: feed
    messages = []
    dialog.show_problem = lambda title, text: messages.append(text)
    before = dialog.settings_data()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert messages == [f"{feed}:1: this is not valid JSON (Expecting property name enclosed "
                        "in double quotes)"]
    assert dialog.settings_data() == before
