"""The run sheet on a 1366×768 laptop: the current row, in bold, is whole; a title too long for
the column is cut with "…" and shown whole in its tooltip, never with a sideways scroll bar."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from facilitator.store import Store
from tests.ui.conftest import press

K = Qt.Key
# The widest a row's text may be and still be drawn whole: the row's padding and the
# focus margins come off the viewport's width.
ROW_PADDING = 24


def start(qtbot, window):
    press(qtbot, window, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.console is not None)
    return window.console


def test_the_current_row_is_whole_at_1366_by_768(qtbot, open_window, set_up_group):
    set_up_group()
    window, _answers = open_window()
    console = start(qtbot, window)
    while console.current.title != "This Is an Open Meeting":
        press(qtbot, window, K.Key_Right)
    sheet = console.run_sheet
    qtbot.waitUntil(lambda: sheet.isVisible() and sheet.viewport().width() > 0)
    item = sheet.item(console.run.index)
    assert item.text().endswith("▶ This Is an Open Meeting · 1 min")
    assert item.font().bold()
    assert not sheet.horizontalScrollBar().isVisible()
    text_width = QFontMetrics(item.font()).horizontalAdvance(item.text())
    assert text_width + ROW_PADDING <= sheet.viewport().width()


def test_a_very_long_title_is_cut_not_scrolled(qtbot, open_window, set_up_group, data_dir):
    set_up_group()
    long_title = "Reading of the group's own welcome, our traditions and how we share here"
    with Store.open(data_dir) as store:
        fmt = store.library().format("discussion")
        segments = (replace(fmt.segments[0], title=long_title), *fmt.segments[1:])
        store.save_format(fmt.with_changes(id="long-titles", name="Long titles",
                                           segments=segments))
    window, _answers = open_window()
    window.tonight_screen.select_format("long-titles")
    console = start(qtbot, window)
    sheet = console.run_sheet
    qtbot.waitUntil(lambda: sheet.isVisible() and sheet.viewport().width() > 0)
    assert sheet.width() <= 420
    assert not sheet.horizontalScrollBar().isVisible()
    assert sheet.textElideMode() == Qt.TextElideMode.ElideRight
    assert long_title in sheet.item(0).toolTip()


def test_at_larger_text_the_run_sheet_gives_way_to_the_timer_buttons(qtbot, open_window,
                                                                     set_up_group):
    set_up_group(text_scale=130)
    window, _answers = open_window()
    console = start(qtbot, window)
    while console.current.kind != "shares":
        press(qtbot, window, K.Key_Right)
    window.resize(1366, 768 - 60)
    qtbot.waitUntil(lambda: window.width() == 1366)
    for button in (console.toggle_button, console.next_share_button,
                   console.add_minute_button):
        qtbot.waitUntil(lambda b=button: b.isVisible())
        assert button.width() >= button.minimumSizeHint().width(), button.text()
    assert not console.run_sheet.horizontalScrollBar().isVisible()
