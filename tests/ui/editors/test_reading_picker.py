"""The reading picker: search narrows the list, the preview shows the program's words, Enter
chooses. And the Meeting Guide chooser narrows its list the same way."""

from PySide6.QtCore import Qt

from facilitator.content import builtin_library
from facilitator.meeting_guide import GuideMeeting
from ui.editors.reading_picker import MEETING_TYPE_TITLE, ReadingPicker
from ui.settings.meeting_guide_import import MeetingChooser, choose_meeting


def test_search_preview_and_enter(qtbot):
    library = builtin_library()
    picker = ReadingPicker(library, "welcome", library.words("na"))
    qtbot.addWidget(picker)
    picker.show()
    assert picker.chosen_id() == "welcome"
    assert MEETING_TYPE_TITLE in picker.visible_titles()
    qtbot.keyClicks(picker.search, "powerless")
    assert picker.visible_titles() == ["The Twelve Steps"]
    assert picker.count.text() == "1 reading"
    assert "powerless over our addiction" in picker.preview.toPlainText()
    with qtbot.waitSignal(picker.accepted):
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.chosen_id() == "twelve-steps"


def test_no_match_disables_the_choice(qtbot):
    picker = ReadingPicker(builtin_library())
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "zzzz nothing")
    assert picker.visible_titles() == [] and picker.chosen_id() == ""
    assert not picker.ok_button.isEnabled()


def test_meeting_chooser_filters_and_answers(qtbot):
    meetings = [GuideMeeting("Early Birds", ("monday",), "07:00", 60, ("O",)),
                GuideMeeting("Women's Step Study", ("thursday",), "19:30", 90, ("C", "W"))]
    chooser = MeetingChooser(meetings, "feed.json")
    qtbot.addWidget(chooser)
    qtbot.keyClicks(chooser.search, "thursday")
    assert chooser.chosen_index() == 1
    assert choose_meeting(None, meetings[:1], "feed.json") == 0  # one meeting: no question
