"""A block of text drawn as large as its box allows: the room display's reading and messages.

A projector's audience reads from the back of the room, so the text takes the
largest font at which it still fits, word-wrapped, up to a ceiling that keeps a
two-word message from turning into a wall of letters.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

_FLAGS = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)


def fitted_pixel_size(base: QFont, text: str, box: QRect, ceiling: int) -> int:
    """The largest pixel size (binary search) at which the wrapped text fits the box."""
    low, high = 8, max(8, ceiling)
    font = QFont(base)
    while low < high:
        middle = (low + high + 1) // 2
        font.setPixelSize(middle)
        needed = QFontMetrics(font).boundingRect(box, _FLAGS, text)
        if needed.width() <= box.width() and needed.height() <= box.height():
            low = middle
        else:
            high = middle - 1
    return low


class FittedText(QWidget):
    """Draws its text as large as fits, in one colour, centred."""

    def __init__(self, color: str, ceiling_share: float = 0.16, bold: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._color = color
        self._ceiling_share = ceiling_share
        self._bold = bold
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleDescription(text)
        self.update()

    def set_color(self, color: str) -> None:
        self._color = color
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont(self.font())
        font.setBold(self._bold)
        box = self.rect().adjusted(4, 4, -4, -4)
        font.setPixelSize(fitted_pixel_size(font, self._text, box,
                                            int(self.height() * self._ceiling_share)))
        painter.setFont(font)
        painter.setPen(QColor(self._color))
        painter.drawText(box, _FLAGS, self._text)
        painter.end()
