"""Search as you type in a list: the rows that miss any of the typed words are hidden.

The reading picker, the reading library and the Meeting Guide chooser all search
the same way: every word typed must appear, in any case and in any order, in the
row's text or in the longer text the row stands for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QListWidget, QListWidgetItem


def filter_rows(rows: QListWidget, typed: str,
                haystack: Callable[[QListWidgetItem], str | None] | None = None
                ) -> list[QListWidgetItem]:
    """Hide each row whose text (or `haystack(row)`) lacks one of the typed words, show the
    rest, and return the rows left showing. A row whose haystack is None, a heading,
    shows only while nothing is typed."""
    words = typed.lower().split()
    shown = []
    for n in range(rows.count()):
        row = rows.item(n)
        text = haystack(row) if haystack is not None else row.text()
        hidden = bool(words) if text is None else not all(w in text.lower() for w in words)
        row.setHidden(hidden)
        if not hidden:
            shown.append(row)
    return shown
