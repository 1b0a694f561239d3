"""The format being edited: its header fields and its segments, judged as the user types.

A draft starts from a saved format (the group's or a built-in) and changes only
through the undo commands in `format_commands`. `problems()` runs the draft
through `Format.from_dict`, the same rules `facilitator check` applies to a file,
and the editor shows what it finds next to the field or segment concerned.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Signal

from facilitator.model import SEGMENT_TITLES, Format
from facilitator.problems import ContentError, Problem
from ui.editors.segment_model import SegmentListModel

HEADER_KEYS = ("id", "name", "kind", "minutes", "description")
_SEGMENT_KEY = re.compile(r"^segment\[(\d+)\](?:\.(.+))?$")
FIELD_WORDS = {
    "name": "Name", "kind": "Kind", "minutes": "Minutes", "description": "Description",
    "id": "Id", "title": "Title", "note": "Cue", "reading": "Reading",
    "share_minutes": "Share minutes", "count": "Speakers", "minutes_each": "Minutes each",
    "segment": "Segments",
}


def clean_number(value: float) -> int | float:
    """2.0 -> 2, so that a saved format reads like a hand-written one."""
    return int(value) if float(value).is_integer() else float(value)


class FormatDraft(QObject):
    """One format under edit. `changed` fires after every change, including undo and redo."""

    changed = Signal()

    def __init__(self, fmt: Format, builtin: bool, reading_titles: dict[str, str]):
        super().__init__()
        self.source = fmt
        self.builtin = builtin
        self.header: dict[str, Any] = {
            "id": fmt.id, "name": fmt.name, "kind": fmt.kind,
            "minutes": clean_number(fmt.minutes), "description": fmt.description,
        }
        self.segments = SegmentListModel([s.to_dict() for s in fmt.segments], reading_titles)
        self.focus_row = 0  # the row a command touched last, for the editor to select

    def to_dict(self) -> dict[str, Any]:
        return {**self.header, "segment": self.segments.segments()}

    def set_header(self, key: str, value: Any) -> None:
        self.header[key] = value
        self.changed.emit()

    def total_minutes(self) -> float:
        return sum(s.get("minutes") or 0 for s in self.segments.segments()
                   if isinstance(s.get("minutes"), int | float))

    def to_format(self, known_readings) -> Format:
        """The draft as a Format, or ContentError with every problem."""
        return Format.from_dict(self.to_dict(), known_readings)

    def problems(self, known_readings) -> list[Problem]:
        try:
            self.to_format(known_readings)
        except ContentError as error:
            return error.problems
        return []

    def describe(self, problem: Problem) -> tuple[int | None, str, str]:
        """(segment row or None, field key, plain sentence) for one problem."""
        match = _SEGMENT_KEY.match(problem.key)
        if match:
            row, field = int(match.group(1)), match.group(2) or ""
            segments = self.segments.segments()
            kind = segments[row].get("kind", "") if row < len(segments) else ""
            title = (segments[row].get("title") if row < len(segments) else "") or \
                SEGMENT_TITLES.get(kind, "segment")
            message = problem.message
            if field == "reading" and message.startswith("is missing"):
                message = "choose the reading for this segment"
            where = f"Segment {row + 1} ({title})"
            if field:
                where += f", {FIELD_WORDS.get(field, field).lower()}"
            return row, field, f"{where}: {message}"
        field = problem.key.split(".")[0]
        words = FIELD_WORDS.get(field, field.capitalize())
        message = problem.message
        if field == "name" and message == "is empty":
            message = "the format needs a name"
        return None, field, f"{words}: {message}"
