"""The run sheet: every segment of tonight's plan with its clock time, the current one marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


def _minutes(value: float) -> str:
    return f"{value:g} min"


class RunSheet(QListWidget):
    """One row a segment: "19:05  ▶ Serenity Prayer · 1 min". Enter on a row jumps there."""

    segment_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Run sheet")
        self.setMinimumWidth(260)
        self._current = -1
        self.itemActivated.connect(lambda item: self.segment_chosen.emit(self.row(item)))

    def set_plan(self, plan) -> None:
        self.clear()
        for planned in plan.segments:
            item = QListWidgetItem(self._row_text(planned, current=False))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{planned.start:%H:%M} {planned.title}, {_minutes(planned.minutes)}")
            self.addItem(item)
        self._plan = plan
        self._current = -1

    def _row_text(self, planned, current: bool) -> str:
        marker = "▶ " if current else "    "
        return f"{planned.start:%H:%M}  {marker}{planned.title} · {_minutes(planned.minutes)}"

    @Slot(int)
    def set_current(self, index: int) -> None:
        for row, is_current in ((self._current, False), (index, True)):
            item = self.item(row) if row >= 0 else None
            if item is None:
                continue
            item.setText(self._row_text(self._plan.segments[row], is_current))
            font = QFont(self.font())
            font.setBold(is_current)
            item.setFont(font)
        self._current = index
        self.setCurrentRow(index)
        self.scrollToItem(self.item(index), QListWidget.ScrollHint.PositionAtCenter)

    def current_index(self) -> int:
        return self._current
