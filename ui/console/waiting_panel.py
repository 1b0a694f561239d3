"""How many members are waiting to share, and the fair share length that follows from it.

The count lives in memory only (design.md section 3): it is a number the chair
adjusts with one key, never a list of people, and it is never saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WaitingPanel(QFrame):
    """Waiting to share: [−] 4 [+] · Time for about 3:00 each."""

    increased = Signal()
    decreased = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Waiting to share")
        title = QLabel("Waiting to share")
        title.setProperty("role", "muted")
        self.count_label = QLabel("0")
        self.count_label.setAccessibleName("Number waiting to share")
        # Sized by the theme's stylesheet, so it grows with + and − like the rest.
        self.count_label.setObjectName("waitingCount")
        self.count_label.setMinimumWidth(40)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fewer_button = QPushButton("−")
        self.fewer_button.setAccessibleName("One fewer waiting")
        self.fewer_button.setToolTip("One fewer waiting (Shift+W)")
        self.more_button = QPushButton("+")
        self.more_button.setAccessibleName("One more waiting")
        self.more_button.setToolTip("One more waiting (W)")
        for button in (self.fewer_button, self.more_button):
            button.setMinimumWidth(44)
        self.fewer_button.clicked.connect(self.decreased)
        self.more_button.clicked.connect(self.increased)
        self.suggestion_label = QLabel()
        self.suggestion_label.setAccessibleName("Suggested share length")
        self.suggestion_label.setProperty("role", "muted")
        row = QHBoxLayout()
        row.addWidget(self.fewer_button)
        row.addWidget(self.count_label)
        row.addWidget(self.more_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.suggestion_label)

    def show_count(self, count: int, suggested_seconds: float | None,
                   share_seconds: float | None = None) -> None:
        """The count, and what it leaves each member: the share length while there is time
        for it, a shorter length when there is not. Never more than the timer gives."""
        self.count_label.setText(str(count))
        if suggested_seconds is None or count <= 0:
            self.suggestion_label.setText("Press W when someone is waiting")
        elif share_seconds and suggested_seconds >= share_seconds:
            self.suggestion_label.setText(f"Time for about {_clock(share_seconds)} each")
        else:
            self.suggestion_label.setText(
                f"Time is short: about {_clock(suggested_seconds)} each")


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"
