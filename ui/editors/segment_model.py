"""The segments of the format being edited, as a Qt list model that can be reordered by drag.

The model holds each segment as the plain dict that `Segment.from_dict` reads, so
the draft is always one `Format.from_dict` call away from being judged by the same
rules as `facilitator check`. A drag in the list view arrives here as `moveRows`
(that is what QListView does with an internal move when the model supports it);
the model does not move anything itself but asks for the move, so that the editor
can turn it into an undo command, which then calls `move_segment`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from facilitator.model import SEGMENT_TITLES, SHARING_KINDS
from ui.editors.colors import shade

Index = QModelIndex | QPersistentModelIndex
PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 1


def minutes_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) and not isinstance(value, bool) else "?"


def segment_summary(segment: dict, reading_titles: dict[str, str]) -> str:
    """What a segment holds beyond its title, in a few words: "3-minute shares"."""
    kind = segment.get("kind", "")
    if kind == "speaker":
        count, each = segment.get("count"), segment.get("minutes_each")
        return f"{count or '?'} × {minutes_text(each)} min" if count != 1 else \
            f"1 speaker, {minutes_text(each)} min"
    if kind in SHARING_KINDS and segment.get("share_minutes"):
        return f"{minutes_text(segment['share_minutes'])}-minute shares"
    reading = segment.get("reading", "")
    if reading:
        return reading_titles.get(reading, f"{reading} (unknown reading)")
    return ""


class SegmentListModel(QAbstractListModel):
    """The ordered segments of a draft format, with each row's problems."""

    reorder_requested = Signal(int, int)  # (row, final row): a drag or a move key asked for it

    def __init__(self, segments: list[dict], reading_titles: dict[str, str]):
        super().__init__()
        self._segments = [dict(s) for s in segments]
        self._problems: dict[int, list[str]] = {}
        self.reading_titles = reading_titles

    # The draft's data ---------------------------------------------------------

    def segments(self) -> list[dict]:
        return [dict(s) for s in self._segments]

    def segment(self, row: int) -> dict:
        return dict(self._segments[row])

    def set_segment(self, row: int, segment: dict) -> None:
        self._segments[row] = dict(segment)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def insert_segment(self, row: int, segment: dict) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._segments.insert(row, dict(segment))
        self.endInsertRows()

    def remove_segment(self, row: int) -> dict:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._segments.pop(row)
        self.endRemoveRows()
        return removed

    def move_segment(self, row: int, final_row: int) -> None:
        """Move one segment so that it ends up at `final_row`."""
        if row == final_row:
            return
        # Qt counts the destination as "insert before this row, before the move".
        destination = final_row + 1 if final_row > row else final_row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._segments.insert(final_row, self._segments.pop(row))
        self.endMoveRows()

    def set_problems(self, problems: dict[int, list[str]]) -> None:
        if problems == self._problems:
            return
        self._problems = problems
        if self._segments:
            self.dataChanged.emit(self.index(0), self.index(len(self._segments) - 1))

    def problems(self, row: int) -> list[str]:
        return list(self._problems.get(row, []))

    # Qt's list model ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._segments)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._segments):
            return None
        row = index.row()
        segment = self._segments[row]
        title = segment.get("title") or SEGMENT_TITLES.get(segment.get("kind", ""), "Segment")
        summary = segment_summary(segment, self.reading_titles)
        problems = self._problems.get(row, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.UserRole:
            return (minutes_text(segment.get("minutes")), title, summary)
        if role == PROBLEMS_ROLE:
            return problems
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(problems) if problems else summary or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = f"{row + 1}. {title}, {minutes_text(segment.get('minutes'))} minutes"
            words += f", {summary}" if summary else ""
            return words + (f". Problem: {'; '.join(problems)}" if problems else "")
        if role == Qt.ItemDataRole.ForegroundRole and problems:
            return QColor(shade("problem"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows, never onto a row, so only the root accepts them.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(self, source_parent: Index, source_row: int, count: int,
                 destination_parent: Index, destination_child: int) -> bool:
        """Where a drop in the list view (and any other mover) asks to move a row."""
        if (source_parent.isValid() or destination_parent.isValid() or count != 1
                or not 0 <= source_row < len(self._segments)
                or not 0 <= destination_child <= len(self._segments)):
            return False
        final_row = destination_child - 1 if destination_child > source_row else destination_child
        if final_row == source_row:
            return True
        self.reorder_requested.emit(source_row, final_row)
        return True
