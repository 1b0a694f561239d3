"""The reading library: import files, preview in a program's words, flag unknown slots."""

from PySide6.QtCore import Qt

from tests.ui.editors.conftest import snapshot
from ui.editors.reading_library import ReadingLibrary


def make_library(qtbot, store) -> ReadingLibrary:
    window = ReadingLibrary(store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.ask_save_discard_cancel = lambda title, text: "discard"
    return window


def test_import_utf8_and_latin1_text_files(qtbot, store, tmp_path):
    window = make_library(qtbot, store)
    utf8 = tmp_path / "our_purpose.md"
    utf8.write_text("# Our Purpose\n\nWe [addicts] meet “together” — every week.\n",
                    encoding="utf-8")
    latin1 = tmp_path / "bienvenida.txt"
    latin1.write_bytes("Bienvenidos a [fellowship], señor y señora.\n".encode("latin-1"))

    window.choose_open_path = lambda title, file_filter: utf8
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert window.title_edit.text() == "Our Purpose"
    assert window.text_edit.toPlainText() == "We [addicts] meet “together” — every week."
    assert "Imported from our_purpose.md (read as utf-8)" in window.banner.text()
    # The preview fills the slot in the group's program's words (AA).
    assert "We alcoholics meet “together” — every week." in window.preview.plain_text()
    assert window.preview.unknown.isHidden()
    window.source_edit.setText("Our group conscience, 2024")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = {r.id: r for r in store.readings()}
    assert saved["our-purpose"].text == "We [addicts] meet “together” — every week."
    assert "Our Purpose" in window.list_titles()

    window.choose_open_path = lambda title, file_filter: latin1
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert window.title_edit.text() == "Bienvenida"
    assert window.text_edit.toPlainText() == "Bienvenidos a [fellowship], señor y señora."
    assert "read as cp1252" in window.banner.text()
    window.program_combo.setCurrentIndex(window.program_combo.findData("na"))
    assert "Bienvenidos a Narcotics Anonymous, señor y señora." in window.preview.plain_text()
    assert window.save()
    assert {r.id: r for r in store.readings()}["bienvenida"].text.endswith("señora.")


def test_unknown_slot_is_flagged_and_blocks_saving(qtbot, store, data_dir):
    window = make_library(qtbot, store)
    qtbot.mouseClick(window.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.title_edit, "How we work")
    window.text_edit.setFocus()
    qtbot.keyClicks(window.text_edit, "We [addicts] help each [membrs].")
    assert window.preview.unknown.isVisible()
    assert "No program fills [membrs]" in window.preview.unknown.text()
    assert "⚠ [membrs]" in window.preview.plain_text()
    assert "We alcoholics help each" in window.preview.plain_text()
    assert "Text: [membrs] is a slot that no program defines" in window.problems.text()
    before = snapshot(data_dir)
    messages = []
    window.show_problem = lambda title, text: messages.append(text)
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert messages and "[membrs] is a slot that no program defines" in messages[0]
    assert snapshot(data_dir) == before


def test_numbered_items_and_editing_a_builtin_makes_a_copy(qtbot, store):
    window = make_library(qtbot, store)
    window.open_reading("twelve-steps")
    assert window.items_radio.isChecked()
    assert "twelve-steps-group" in window.banner.text()
    assert "We admitted that we were powerless over alcohol" in window.preview.plain_text()
    window.title_edit.setText("Our Twelve Steps")
    assert window.save()
    assert "Saved as the group's own copy (twelve-steps-group)" in window.banner.text()
    copy = {r.id: r for r in store.readings()}["twelve-steps-group"]
    assert copy.title == "Our Twelve Steps" and len(copy.items) == 12
    assert store.library().readings["twelve-steps"].title == "The Twelve Steps"


def test_search_filters_the_list(qtbot, store):
    window = make_library(qtbot, store)
    qtbot.keyClicks(window.search, "serenity")
    assert window.list_titles() == ["The Serenity Prayer"]
    window.search.clear()
    assert len(window.list_titles()) == len(store.library().readings)


def test_binary_file_gets_a_clear_message_and_the_store_is_unchanged(qtbot, store, tmp_path,
                                                                     data_dir):
    window = make_library(qtbot, store)
    picture = tmp_path / "scan.txt"
    picture.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary\xff\xfe" * 20)
    before = snapshot(data_dir)
    shown_before = window.title_edit.text()
    messages = []
    window.show_problem = lambda title, text: messages.append((title, text))
    window.choose_open_path = lambda title, file_filter: picture
    qtbot.mouseClick(window.import_button, Qt.MouseButton.LeftButton)
    assert messages == [("Not imported", f"{picture}: this is not a text file. Save it as "
                         "plain text (.txt) first, then import that.")]
    assert window.title_edit.text() == shown_before
    assert snapshot(data_dir) == before


def test_escape_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, store):
    window = make_library(qtbot, store)
    window.new_reading()
    window.title_edit.setText("Our Preamble")
    asked = []
    answer = "cancel"

    def ask(title, text):
        asked.append(text)
        return answer
    window.ask_save_discard_cancel = ask
    qtbot.keyClick(window.title_edit, Qt.Key.Key_Escape)
    assert asked == ["Save the changes to “Our Preamble”?"]
    assert window.isVisible()
    answer = "discard"
    qtbot.keyClick(window.title_edit, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_a_deleted_reading_can_be_brought_back(qtbot, store):
    from facilitator.model import Reading

    store.save_reading(Reading(id="our-purpose", title="Our Purpose", text="We meet weekly.",
                               source="Our group conscience"))
    window = make_library(qtbot, store)
    window.ask_yes_no = lambda title, question: True
    window.open_reading("our-purpose")
    assert window.undo_delete_button.isHidden()

    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert "Our Purpose" not in window.list_titles()
    assert "our-purpose" not in {r.id for r in store.readings()}
    assert window.undo_delete_button.isVisible()
    assert "“Our Purpose” is deleted" in window.banner.text()

    # In a text field, Ctrl+Z undoes the typing there and nothing else.
    title_before = window.title_edit.text()
    window.title_edit.setFocus()
    qtbot.keyClicks(window.title_edit, "x")
    qtbot.keyClick(window.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.title_edit.text() == title_before
    assert "our-purpose" not in {r.id for r in store.readings()}

    # Ctrl+Z with the list focused brings it back, exactly as it was.
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved = {r.id: r for r in store.readings()}
    assert saved["our-purpose"].source == "Our group conscience"
    assert "Our Purpose" in window.list_titles()
    assert window.title_edit.text() == "Our Purpose"
    assert window.undo_delete_button.isHidden()

    # The button does the same.
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.undo_delete_button, Qt.MouseButton.LeftButton)
    assert "our-purpose" in {r.id for r in store.readings()}
