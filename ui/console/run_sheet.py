"""The run sheet: every segment of tonight's plan with its clock time, the current one marked."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

# The console's side column: narrower than this and the plan is cramped, wider and the
# reading loses room. A row wider than the sheet is cut with "…" (its tooltip is whole).
NARROWEST_SHEET = 260
WIDEST_SHEET = 420


def _minutes(value: float) -> str:
    return f"{value:g} min"


class RunSheet(QListWidget):
    """One row a segment: "19:05  ▶ Serenity Prayer · 1 min". Enter on a row jumps there."""

    segment_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Run sheet")
        # A sideways scroll bar hides the end of the current row; cut long rows instead.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._plan = None
        self._current = -1
        self.itemActivated.connect(lambda item: self.segment_chosen.emit(self.row(item)))

    def set_plan(self, plan) -> None:
        self.clear()
        for planned in plan.segments:
            item = QListWidgetItem(self._row_text(planned, current=False))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{planned.start:%H:%M} {planned.title}, {_minutes(planned.minutes)}")
            item.setToolTip(f"{planned.start:%H:%M}  {planned.title} · "
                            f"{_minutes(planned.minutes)}")
            self.addItem(item)
        self._plan = plan
        self._current = -1
        self.updateGeometry()

    def _row_text(self, planned, current: bool) -> str:
        marker = "▶ " if current else "    "
        return f"{planned.start:%H:%M}  {marker}{planned.title} · {_minutes(planned.minutes)}"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # Wide enough for any row in bold, as the current row is drawn, up to WIDEST_SHEET;
        # when the console is short of room (large text), it gives way down to the narrowest.
        hint = super().sizeHint()
        return QSize(max(NARROWEST_SHEET, min(WIDEST_SHEET, self._widest_row())), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(NARROWEST_SHEET, super().minimumSizeHint().height())

    def _widest_row(self) -> int:
        if self._plan is None or not self.count():
            return 0
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        text = max((self._row_text(p, current=True) for p in self._plan.segments),
                   key=metrics.horizontalAdvance)
        # What the style adds around a row's text (its padding), measured on the first row.
        first = self.item(0)
        padding = self.sizeHintForIndex(self.indexFromItem(first)).width() \
            - QFontMetrics(first.font()).horizontalAdvance(first.text())
        return (metrics.horizontalAdvance(text) + max(0, padding) + 2 * self.frameWidth()
                + self.verticalScrollBar().sizeHint().width())

    @Slot(int)
    def set_current(self, index: int) -> None:
        for row, is_current in ((self._current, False), (index, True)):
            item = self.item(row) if row >= 0 else None
            if item is None:
                continue
            item.setText(self._row_text(self._plan.segments[row], is_current))
            if is_current:
                font = QFont(self.font())
                font.setBold(True)
                item.setFont(font)
            else:
                # No font of its own, so the row follows the text size as it changes.
                item.setData(Qt.ItemDataRole.FontRole, None)
        self._current = index
        self.setCurrentRow(index)
        self.scrollToItem(self.item(index), QListWidget.ScrollHint.PositionAtCenter)

    def current_index(self) -> int:
        return self._current
