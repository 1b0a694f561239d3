"""The meeting clock: the time now, the planned end, and how far ahead or behind the meeting is.

On time is said quietly; late is said clearly, in the time-up colour and bold,
because that is when the chair needs to act (shorten the shares, skip a
reading). The bar reads the core `MeetingClock` once a second.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from facilitator.meeting_clock import describe_standing
from ui import theme


def behind_text(behind_minutes: float) -> tuple[str, str]:
    """The words for the meeting's standing, and "quiet" or "late" for how to show them."""
    return describe_standing(behind_minutes), "late" if round(behind_minutes) >= 1 else "quiet"


class MeetingClockBar(QFrame):
    """Now · Ends · On time / N min behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Meeting clock")
        self._clock = None
        self._index = 0
        self.now_label = QLabel()
        self.now_label.setAccessibleName("Time now")
        self.end_label = QLabel()
        self.end_label.setAccessibleName("Planned end")
        self.standing_label = QLabel()
        self.standing_label.setAccessibleName("Ahead or behind")
        self.standing = "quiet"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.now_label)
        layout.addSpacing(24)
        layout.addWidget(self.end_label)
        layout.addStretch(1)
        layout.addWidget(self.standing_label)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh)
        self._ticker.start()

    def set_meeting_clock(self, meeting_clock, index: int) -> None:
        self._clock = meeting_clock
        self._index = index
        self.refresh()

    def set_index(self, index: int) -> None:
        self._index = index
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self._clock is None:
            return
        c = theme.colors()
        big = theme.points(15)
        self.now_label.setText(f"Now <b>{self._clock.now():%H:%M}</b>")
        self.now_label.setStyleSheet(f"font-size: {big}pt;")
        self.end_label.setText(f"Ends <b>{self._clock.planned_end:%H:%M}</b>")
        self.end_label.setStyleSheet(f"font-size: {big}pt; color: {c.muted};")
        text, self.standing = behind_text(self._clock.behind_minutes(self._index))
        self.standing_label.setText(text)
        if self.standing == "late":
            self.standing_label.setStyleSheet(
                f"font-size: {big}pt; font-weight: 700; color: {c.time_up};")
        else:
            self.standing_label.setStyleSheet(f"font-size: {big}pt; color: {c.muted};")
