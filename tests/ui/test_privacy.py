"""Privacy: a speaker's first name typed for tonight is shown, and written to no file at all."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import press

K = Qt.Key
NAME = "Zebulon"


def test_a_speakers_name_is_shown_but_never_saved(qtbot, open_window, set_up_group, clock,
                                                 data_dir):
    set_up_group()
    window, _answers = open_window()
    tonight = window.tonight_screen
    tonight.select_format("speaker")
    qtbot.keyClicks(tonight.speaker_names_edit, NAME)
    assert tonight.speaker_names_edit.isVisible()
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    console = window.console
    room = window.ensure_room()
    qtbot.keyClicks(console.announcements.editor, f"{NAME} has keys to the hall")
    window.activateWindow()
    console.setFocus()

    while console.current.kind != "speaker":
        press(qtbot, window, K.Key_Right)
    assert console.timer_widget.caption_text().startswith(f"Speaker: {NAME}")
    assert room.timer_widget.caption_text() == f"Speaker: {NAME}"
    press(qtbot, window, K.Key_Space)
    clock.advance(60)
    press(qtbot, window, K.Key_Space)  # a pause is a timer action: the run state is saved
    while not console.run.is_last:
        press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Plus)  # a settings change is saved too
    press(qtbot, window, K.Key_Right)
    qtbot.waitUntil(lambda: window.console is None)
    assert [entry.format_id for entry in window.store.history()] == ["speaker"]

    files = [path for path in data_dir.rglob("*") if path.is_file()]
    # The meeting itself was recorded (by its format; read raw, whatever the history reader).
    assert '"format_id":"speaker"' in (data_dir / "history.json").read_text("utf-8")
    for path in files:
        content = path.read_bytes()
        for encoded in (NAME.encode("utf-8"), NAME.encode("utf-16-le")):
            assert encoded.lower() not in content.lower(), path
