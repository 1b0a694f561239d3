"""The format editor, driven as a secretary would: keys, clicks, the menu and drag-to-reorder."""

from PySide6.QtCore import QModelIndex, Qt

from facilitator.cli import main as facilitator_main
from tests.ui.editors.conftest import snapshot
from ui.editors.format_editor import FormatEditor


def make_editor(qtbot, store) -> FormatEditor:
    editor = FormatEditor(store)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.show_problem = lambda title, text: (_ for _ in ()).throw(
        AssertionError(f"unexpected problem: {title}: {text}"))
    # Closing at the end of a test with changes left unsaved throws them away.
    editor.ask_save_discard_cancel = lambda title, text: "discard"
    return editor


def titles(editor) -> list[str]:
    model = editor.draft.segments
    return [model.data(model.index(n)) for n in range(model.rowCount())]


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_build_a_format_by_keyboard_and_mouse(qtbot, store, tmp_path):
    """Start from a built-in, make it the group's, then shape it.

    Reordering: a real mouse drag cannot be simulated with the offscreen platform (QDrag
    runs its own event loop and needs a window system), so the test calls
    `model.moveRow(QModelIndex(), row, QModelIndex(), destination)`, which is exactly the
    call QListView makes when an internal-move drop lands (Qt 6 QListView::dropEvent).
    """
    editor = make_editor(qtbot, store)
    editor.ask_item = lambda title, label, items: items.index("SMART Recovery meeting")
    editor.ask_text = lambda title, label, text="": "Thursday SMART"
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.draft.header["id"] == "smart-group"
    assert "   Thursday SMART" in editor.format_titles()
    assert not editor.banner.isVisible()

    # Remove every segment with the Delete key, then add four by the Add menu.
    editor.segment_view.setFocus()
    for _ in range(editor.draft.segments.rowCount()):
        qtbot.keyClick(editor.segment_view, Qt.Key.Key_Delete)
    assert editor.total_label.text() == "0 of 60 minutes: 60 to spare"
    assert "a format needs at least one segment" in editor.problems_label.text()
    for kind in ("reading", "check-in", "shares", "check-out"):
        editor.add_actions[kind].trigger()
    assert titles(editor) == ["Reading", "Check-in", "Sharing", "Check-out"]
    # A reading segment needs a reading: the problem shows before saving.
    assert ("Segment 1 (Reading), reading: choose the reading for this segment"
            in editor.problems_label.text())
    editor.select_segment(0)
    editor.pick_reading = lambda current: "smart-opening"
    qtbot.mouseClick(editor.segment_form.choose_reading, Qt.MouseButton.LeftButton)
    assert editor.problems_label.isHidden()

    # Minutes by keyboard: 2 + 10 + 40 + 10 = 62.
    for row, minutes in ((0, "2"), (1, "10"), (2, "40"), (3, "10")):
        editor.select_segment(row)
        type_into(qtbot, editor.segment_form.minutes, minutes)
    assert editor.total_label.text() == "62 of 60 minutes: 2 over"

    # Reorder: drag Check-out to the top (the drop's own code path), then Alt+Down.
    model = editor.draft.segments
    assert model.moveRow(QModelIndex(), 3, QModelIndex(), 0)
    assert titles(editor) == ["Check-out", "Reading", "Check-in", "Sharing"]
    editor.select_segment(0)
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(editor) == ["Reading", "Check-out", "Check-in", "Sharing"]
    assert editor.selected_row() == 1

    # Undo twice puts check-out back at the end; redo brings the drag back.
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(editor) == ["Check-out", "Reading", "Check-in", "Sharing"]
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert titles(editor) == ["Reading", "Check-in", "Sharing", "Check-out"]
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    assert titles(editor) == ["Check-out", "Reading", "Check-in", "Sharing"]
    # Undoing typed minutes is one step per field, not one per key.
    editor.select_segment(3)
    type_into(qtbot, editor.segment_form.minutes, "38")
    assert editor.total_label.text() == "60 of 60 minutes ✓"
    editor.undo_stack.undo()
    assert editor.total_label.text() == "62 of 60 minutes: 2 over"
    assert editor.segment_form.minutes.value() == 40
    editor.undo_stack.redo()
    assert editor.windowTitle() == "Formats: Thursday SMART *"

    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.windowTitle() == "Formats: Thursday SMART"
    saved = {f.id: f for f in store.formats()}["smart-group"]
    assert saved.name == "Thursday SMART"
    assert [s.kind for s in saved.segments] == ["check-out", "reading", "check-in", "shares"]
    assert [s.minutes for s in saved.segments] == [10, 2, 10, 38]
    assert saved.segments[1].reading == "smart-opening"

    path = tmp_path / "thursday.toml"
    editor.choose_save_path = lambda title, suggested, file_filter: path
    assert editor.export_toml() == path
    assert facilitator_main(["check", str(path)]) == 0
    assert 'reading = "smart-opening"' in path.read_text()


def test_editing_a_builtin_makes_the_groups_copy(qtbot, store):
    editor = make_editor(qtbot, store)
    editor.open_format("step")
    assert editor.banner.isVisible()
    assert "built-in format" in editor.banner.text() and "(step-group)" in editor.banner.text()
    assert not editor.delete_button.isEnabled()
    type_into(qtbot, editor.name_edit, "Our step meeting")
    editor.select_segment(0)
    type_into(qtbot, editor.segment_form.note, "Open with a smile.")
    assert editor.save()
    assert "Saved as the group's own copy" in editor.banner.text()
    assert "The built-in format is unchanged" in editor.banner.text()
    assert [f.id for f in store.formats()] == ["step-group"]
    assert store.formats()[0].segments[0].note == "Open with a smile."
    assert store.library().formats["step"].name == "Step meeting"
    assert "   Our step meeting" in editor.format_titles()
    assert editor.delete_button.isEnabled()


def test_speakers_and_shares_fields_and_inline_validation(qtbot, store):
    editor = make_editor(qtbot, store)
    editor.open_format("speaker")
    model = editor.draft.segments
    row = next(n for n in range(model.rowCount()) if model.segment(n)["kind"] == "speaker")
    editor.select_segment(row)
    form = editor.segment_form
    assert form.count.isVisible() and form.minutes_each.isVisible()
    assert not form.share_minutes.isVisible()
    minutes = model.segment(row)["minutes"]
    type_into(qtbot, form.count, "3")
    type_into(qtbot, form.minutes_each, str(minutes))
    assert form.problems.isVisible()
    assert f"3 speakers of {minutes:g} minutes need" in form.problems.text()
    assert "Not ready to save" in editor.problems_label.text()
    # The kind of a segment changes from the combo; shares then show share minutes.
    form.kind.setFocus()
    form.kind.setCurrentIndex(form.kind.findData("shares"))
    form.kind.activated.emit(form.kind.currentIndex())
    assert form.share_minutes.isVisible() and not form.count.isVisible()
    assert "count" not in model.segment(row)
    assert editor.problems_label.isHidden()
    editor.undo_stack.undo()
    assert model.segment(row)["kind"] == "speaker" and model.segment(row)["count"] == 3


def test_rename_and_delete_with_undo(qtbot, store):
    editor = make_editor(qtbot, store)
    editor.open_format("discussion")
    assert editor.save()
    assert editor.draft.header["id"] == "discussion-group"
    editor.ask_text = lambda title, label, text="": "Monday discussion"
    qtbot.mouseClick(editor.rename_button, Qt.MouseButton.LeftButton)
    assert store.formats()[0].name == "Monday discussion"
    assert editor.name_edit.text() == "Monday discussion"
    editor.undo_stack.undo()
    assert store.formats()[0].name == "Discussion meeting"
    editor.undo_stack.redo()

    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert store.formats() == []
    assert "   Monday discussion" not in editor.format_titles()
    editor.undo_stack.undo()
    assert [f.name for f in store.formats()] == ["Monday discussion"]
    assert "   Monday discussion" in editor.format_titles()


def test_empty_name_gets_a_clear_message_and_the_store_is_unchanged(qtbot, store, data_dir):
    editor = make_editor(qtbot, store)
    editor.open_format("discussion")
    assert editor.save()
    before = snapshot(data_dir)
    type_into(qtbot, editor.name_edit, "")
    editor.name_edit.clear()
    editor.name_edit.textEdited.emit("")
    assert "Name: the format needs a name" in editor.header_problems.text()
    messages = []
    editor.show_problem = lambda title, text: messages.append((title, text))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert messages == [("The format is not saved",
                         "Please fix this first:\n• Name: the format needs a name")]
    assert snapshot(data_dir) == before


def test_unsaved_changes_are_asked_about_when_switching(qtbot, store):
    editor = make_editor(qtbot, store)
    editor.open_format("discussion")
    editor.add_actions["custom"].trigger()
    editor.ask_save_discard_cancel = lambda title, text: "cancel"
    editor.format_list.setCurrentRow(editor.format_titles().index("   Step meeting"))
    assert editor.draft.header["id"] == "discussion"
    editor.ask_save_discard_cancel = lambda title, text: "discard"
    editor.format_list.setCurrentRow(editor.format_titles().index("   Step meeting"))
    assert editor.draft.header["id"] == "step"
    assert store.formats() == []


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, store):
    editor = make_editor(qtbot, store)
    editor.open_format("discussion")
    type_into(qtbot, editor.name_edit, "Our discussion")
    asked = []
    answer = "cancel"

    def ask(title, text):
        asked.append(text)
        return answer
    editor.ask_save_discard_cancel = ask
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Escape)
    assert asked == ["Save the changes to “Our discussion”?"] * 2
    assert editor.isVisible()
    answer = "discard"
    qtbot.keyClick(editor.segment_view, Qt.Key.Key_Escape)
    assert not editor.isVisible()
