"""Undo commands for the format editor: every change to a draft or to the group's formats.

Each command does its change in `redo` and takes it back in `undo`, so that
QUndoStack can offer undo and redo for all of it. Typing into one field of one
segment merges into a single step, as a user expects of a text editor. The
library commands (rename, delete) change the store itself; their undo puts the
saved format back exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from facilitator.model import SEGMENT_TITLES, Format
from ui.editors.format_draft import FIELD_WORDS, FormatDraft

_HEADER_MERGE_ID = 1001
_SEGMENT_MERGE_ID = 1002


class SetHeaderField(QUndoCommand):
    def __init__(self, draft: FormatDraft, key: str, value: Any):
        super().__init__(f"Change {FIELD_WORDS.get(key, key).lower()}")
        self.draft, self.key = draft, key
        self.old, self.new = draft.header.get(key), value

    def redo(self) -> None:
        self.draft.set_header(self.key, self.new)

    def undo(self) -> None:
        self.draft.set_header(self.key, self.old)

    def id(self) -> int:
        return _HEADER_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetHeaderField) or other.key != self.key:
            return False
        self.new = other.new
        return True


class SetSegmentFields(QUndoCommand):
    """Change one or more fields of one segment; a value of None removes the field."""

    def __init__(self, draft: FormatDraft, row: int, changes: dict[str, Any], text: str = ""):
        segment = draft.segments.segment(row)
        if not text:
            names = ", ".join(FIELD_WORDS.get(k, k).lower() for k in changes)
            text = f"Change {names} of segment {row + 1}"
        super().__init__(text)
        self.draft, self.row = draft, row
        self.old = segment
        self.changes = dict(changes)

    def _apply(self, segment: dict) -> dict:
        result = dict(segment)
        for key, value in self.changes.items():
            if value is None or value == "":
                result.pop(key, None)
            else:
                result[key] = value
        return result

    def redo(self) -> None:
        self.draft.segments.set_segment(self.row, self._apply(self.old))
        self.draft.focus_row = self.row
        self.draft.changed.emit()

    def undo(self) -> None:
        self.draft.segments.set_segment(self.row, self.old)
        self.draft.focus_row = self.row
        self.draft.changed.emit()

    def id(self) -> int:
        return _SEGMENT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing "12" into minutes, or a cue letter by letter, is one step to undo.
        if (not isinstance(other, SetSegmentFields) or other.row != self.row
                or set(other.changes) != set(self.changes) or len(self.changes) != 1
                or "kind" in self.changes):
            return False
        self.changes = dict(other.changes)
        return True


class AddSegment(QUndoCommand):
    def __init__(self, draft: FormatDraft, row: int, segment: dict):
        title = segment.get("title") or SEGMENT_TITLES.get(segment.get("kind", ""), "segment")
        super().__init__(f"Add {title}")
        self.draft, self.row, self.segment = draft, row, dict(segment)

    def redo(self) -> None:
        self.draft.segments.insert_segment(self.row, self.segment)
        self.draft.focus_row = self.row
        self.draft.changed.emit()

    def undo(self) -> None:
        self.draft.segments.remove_segment(self.row)
        self.draft.focus_row = min(self.row, self.draft.segments.rowCount() - 1)
        self.draft.changed.emit()


class RemoveSegment(QUndoCommand):
    def __init__(self, draft: FormatDraft, row: int):
        self.segment = draft.segments.segment(row)
        title = self.segment.get("title") or SEGMENT_TITLES.get(self.segment.get("kind", ""))
        super().__init__(f"Remove {title}")
        self.draft, self.row = draft, row

    def redo(self) -> None:
        self.draft.segments.remove_segment(self.row)
        self.draft.focus_row = min(self.row, self.draft.segments.rowCount() - 1)
        self.draft.changed.emit()

    def undo(self) -> None:
        self.draft.segments.insert_segment(self.row, self.segment)
        self.draft.focus_row = self.row
        self.draft.changed.emit()


class MoveSegment(QUndoCommand):
    def __init__(self, draft: FormatDraft, row: int, final_row: int):
        super().__init__(f"Move segment {row + 1} to {final_row + 1}")
        self.draft, self.row, self.final_row = draft, row, final_row

    def redo(self) -> None:
        self.draft.segments.move_segment(self.row, self.final_row)
        self.draft.focus_row = self.final_row
        self.draft.changed.emit()

    def undo(self) -> None:
        self.draft.segments.move_segment(self.final_row, self.row)
        self.draft.focus_row = self.row
        self.draft.changed.emit()


class SaveFormatCommand(QUndoCommand):
    """Save a changed format to the store (a rename); undo saves the old one back."""

    def __init__(self, store, old: Format, new: Format, text: str,
                 after: Callable[[str], None]):
        super().__init__(text)
        self.store, self.old, self.new, self.after = store, old, new, after

    def redo(self) -> None:
        self.store.save_format(self.new)
        self.after(self.new.id)

    def undo(self) -> None:
        self.store.save_format(self.old)
        self.after(self.old.id)


class DeleteFormatCommand(QUndoCommand):
    """Delete one of the group's formats; undo saves it back exactly as it was."""

    def __init__(self, store, fmt: Format, after: Callable[[str], None]):
        super().__init__(f"Delete “{fmt.name}”")
        self.store, self.fmt, self.after = store, fmt, after

    def redo(self) -> None:
        self.store.delete_format(self.fmt.id)
        self.after("")

    def undo(self) -> None:
        self.store.save_format(self.fmt)
        self.after(self.fmt.id)
