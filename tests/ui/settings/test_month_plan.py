"""The group's month in the settings: formats by week, the step choice and the bookmark."""

from datetime import date

from PySide6.QtCore import Qt

from facilitator.model import Bookmark, GroupSettings
from facilitator.plan import tonight_format_id
from ui.settings.group_settings_dialog import GroupSettingsDialog


def choose(combo, value):
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(value))
    assert combo.currentData() == value


def test_the_month_is_saved_and_drives_tonights_format(qtbot, store):
    dialog = GroupSettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.tabs.currentWidget() is dialog.month_plan)
    month = dialog.month_plan
    assert month.week_labels["1st"].text() == "1st Tuesday:"
    assert month.week_labels["last"].text() == "Last Tuesday:"

    choose(month.week_combos["1st"], "step")
    choose(month.week_combos["last"], "speaker")
    choose(month.usual_combo, "discussion")
    choose(month.step_combo, "next")
    qtbot.keyClicks(month.book_edit, "Our basic text")
    qtbot.keyClicks(month.section_edit, "Chapter 5")
    month.page_spin.setValue(58)
    dialog.weekday_combo.setCurrentIndex(dialog.weekday_combo.findData("thursday"))
    assert month.week_labels["1st"].text() == "1st Thursday:"

    with qtbot.waitSignal(dialog.settings_saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    group = store.group()
    assert group.schedule == {"1st": "step", "last": "speaker"}
    assert (group.default_format, group.step_choice) == ("discussion", "next")
    assert group.bookmark == Bookmark("Our basic text", "Chapter 5", 58)
    # December 2026: the 3rd is the first Thursday, the 31st the last.
    assert tonight_format_id(group, date(2026, 12, 3)) == "step"
    assert tonight_format_id(group, date(2026, 12, 17)) == "discussion"
    assert tonight_format_id(group, date(2026, 12, 31)) == "speaker"


def test_the_month_tab_shows_what_is_saved(qtbot, store):
    store.save_group(GroupSettings(name="Hope", weekday="monday", schedule={"2nd": "literature"},
                                   step_choice="next",
                                   bookmark=Bookmark("Book", "Part 2", 12)))
    dialog = GroupSettingsDialog(store)
    qtbot.addWidget(dialog)
    month = dialog.month_plan
    assert month.week_combos["2nd"].currentData() == "literature"
    assert month.week_combos["1st"].currentText() == "The usual format"
    assert month.step_combo.currentData() == "next"
    assert (month.book_edit.text(), month.section_edit.text(), month.page_spin.value()) == (
        "Book", "Part 2", 12)
    assert month.week_labels["2nd"].text() == "2nd Monday:"
    # Saving without touching anything keeps the month as it was.
    assert dialog.save()
    assert store.group().schedule == {"2nd": "literature"}


def test_no_two_fields_on_a_settings_page_share_an_alt_key(qtbot, store):
    """Each Alt+letter on a page reaches one field: the labels' mnemonics never collide."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = GroupSettingsDialog(store)
    qtbot.addWidget(dialog)
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)]
        texts += [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())]
        texts += [dialog.save_button.text(), dialog.cancel_button.text()]
        letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t.replace("&&", "")]
        assert len(letters) == len(set(letters)), (dialog.tabs.tabText(index), sorted(letters))
