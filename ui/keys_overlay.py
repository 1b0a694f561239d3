"""The keys overlay (?): every key the console answers to, over the window, until Esc or ?."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui import theme

CHAIR_KEYS = [
    ("The meeting", [
        ("→  or  Page Down", "Next segment"),
        ("←  or  Page Up", "Previous segment"),
        ("Ctrl+Enter", "Start the meeting"),
        ("Ctrl+E", "End the meeting"),
    ]),
    ("Share timer", [
        ("Space", "Start or pause"),
        ("N", "Next share"),
        ("A", "Add a minute"),
        ("W  /  Shift+W", "One more / one fewer waiting"),
        ("Ctrl+M", "Mute the chimes"),
    ]),
    ("Room display", [
        ("D", "Show or hide it"),
        ("F11", "Full screen"),
        ("B", "Blank (true black)"),
        ("1  2  3", "Wrap up · Last share · Thank you"),
        ("0", "Take the message down"),
    ]),
    ("Seeing", [
        ("+  /  −", "Larger / smaller text"),
        ("Ctrl+Alt+1 … 4", "System, light, dark, high contrast"),
        ("?", "These keys"),
    ]),
]


class KeysOverlay(QWidget):
    """A calm sheet listing (keys, what they do), drawn over its parent and following its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Keys")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel = QFrame(self)
        self._panel.setObjectName("card")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(28)
        self._grid.setVerticalSpacing(6)
        title = QLabel("Keys")
        title.setProperty("role", "heading")
        hint = QLabel("Press ? or Esc to close. Every key is also in the menus.")
        hint.setProperty("role", "muted")
        layout = QVBoxLayout(self._panel)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(title)
        layout.addLayout(self._grid)
        layout.addWidget(hint)
        self.rows: list[tuple[str, str]] = []
        parent.installEventFilter(self)
        self.hide()

    def set_keys(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        """Sections of (keys, what they do), laid out in two columns of sections."""
        self.rows = [row for _title, rows in sections for row in rows]
        while self._grid.count():
            self._grid.takeAt(0).widget().deleteLater()
        half = (len(sections) + 1) // 2
        for column, part in enumerate((sections[:half], sections[half:])):
            line = 0
            for title, rows in part:
                heading = QLabel(title)
                heading.setProperty("role", "subheading")
                if line:
                    heading.setContentsMargins(0, 10, 0, 0)
                self._grid.addWidget(heading, line, column * 2, 1, 2)
                line += 1
                for keys, meaning in rows:
                    key_label = QLabel(keys)
                    key_label.setStyleSheet("font-weight: 700;")
                    self._grid.addWidget(key_label, line, column * 2)
                    self._grid.addWidget(QLabel(meaning), line, column * 2 + 1)
                    line += 1

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self._place()
            self.show()
            self.raise_()
            self.setFocus()

    def _place(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self._panel.adjustSize()
        size = self._panel.sizeHint().boundedTo(self.size())
        self._panel.setGeometry((self.width() - size.width()) // 2,
                                (self.height() - size.height()) // 2,
                                size.width(), size.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Question):
            self.hide()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.hide()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        shade = QColor(theme.colors().text)
        shade.setAlpha(90)
        painter.fillRect(self.rect(), shade)
        painter.end()
