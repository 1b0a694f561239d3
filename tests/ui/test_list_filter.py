"""Search as you type: every word, any case, any order; headings only while nothing is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget

from ui.list_filter import filter_rows


def test_rows_missing_a_word_hide_and_headings_hide_while_searching(qtbot):
    rows = QListWidget()
    qtbot.addWidget(rows)
    rows.addItems(["Readings", "Serenity Prayer", "Twelve Steps", "Prayer of Serenity"])
    heading = rows.item(0)

    def haystack(row):
        return None if row is heading else row.text()

    shown = filter_rows(rows, "prayer SERENITY", haystack)
    assert [r.text() for r in shown] == ["Serenity Prayer", "Prayer of Serenity"]
    assert heading.isHidden() and rows.item(2).isHidden()
    shown = filter_rows(rows, "  ", haystack)
    assert len(shown) == 4 and not heading.isHidden()
