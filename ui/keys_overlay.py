"""The keys overlay (?): every key the console answers to, over the window, until Esc or ?."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui import theme


class KeysOverlay(QWidget):
    """A calm sheet listing (keys, what they do), drawn over its parent and following its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Keys")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panel = QFrame(self)
        self._panel.setObjectName("card")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
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

    def set_keys(self, rows: list[tuple[str, str]]) -> None:
        self.rows = rows
        while self._grid.count():
            self._grid.takeAt(0).widget().deleteLater()
        for n, (keys, meaning) in enumerate(rows):
            key_label = QLabel(keys)
            key_label.setStyleSheet("font-weight: 700;")
            self._grid.addWidget(key_label, n % 12, (n // 12) * 2)
            self._grid.addWidget(QLabel(meaning), n % 12, (n // 12) * 2 + 1)

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
