"""Small helpers for labels: one that names a control and hands it the focus on its Alt+letter
key, and the bold (optionally larger) font of a heading."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label for `widget`; the letter after `&` in `text` moves the focus to it."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def bold_font(font: QFont, scale: float = 1.0) -> QFont:
    """`font` in bold, `scale` times its size (a font sized in pixels keeps its size)."""
    font = QFont(font)
    font.setBold(True)
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font
