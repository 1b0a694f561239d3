"""A label that names a control and hands it the keyboard focus on its Alt+letter key."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label for `widget`; the letter after `&` in `text` moves the focus to it."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
