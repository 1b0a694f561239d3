"""A box for tonight's announcements. Never saved: it may hold names, so it lives in memory."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class AnnouncementsBox(QWidget):
    """Notes the chair reads out at announcements; gone when the app closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Announcements · not saved")
        title.setProperty("role", "muted")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Announcements (not saved)")
        self.editor.setPlaceholderText("Group business to read out. Kept only until you close.")
        self.editor.setMinimumHeight(70)
        # Tab moves on, as everywhere else: a box that keeps it traps a keyboard user.
        self.editor.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.editor, 1)

    def text(self) -> str:
        return self.editor.toPlainText()
