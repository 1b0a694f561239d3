"""A list of the group's items and the built-in ones, each under its own heading.

The format editor and the reading library both show their items this way: a bold
heading, "None yet" under an empty heading, and each item indented beneath, with
its id in the row's data and "group's" or "built-in" in its tooltip and its
accessible name, so that a screen reader says whose it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ui.labels import bold_font


def add_section(rows: QListWidget, heading: str, mark: str,
                items: Iterable[tuple[str, str, str]], current: str | None = None,
                empty_text: str | None = "None yet") -> None:
    """Add a heading and its items, given as (id, shown name, tooltip detail) triples.

    The item whose id is `current` becomes the current row. With no items the
    heading gets an `empty_text` line, unless that is None.
    """
    title = QListWidgetItem(heading)
    title.setFlags(Qt.ItemFlag.ItemIsEnabled)
    title.setFont(bold_font(title.font()))
    rows.addItem(title)
    items = list(items)
    if not items and empty_text is not None:
        empty = QListWidgetItem(f"   {empty_text}")
        empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        empty.setForeground(Qt.GlobalColor.gray)
        rows.addItem(empty)
    for item_id, name, detail in items:
        row = QListWidgetItem(f"   {name}")
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        row.setToolTip(" · ".join(part for part in (item_id, mark, detail) if part))
        row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}, {mark}")
        rows.addItem(row)
        if item_id == current:
            rows.setCurrentItem(row)
