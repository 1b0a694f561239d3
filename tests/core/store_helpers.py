"""Shared builders for the store tests: a group's formats, readings and history, and a file scan."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from facilitator.content import builtin_library
from facilitator.model import Format, GroupSettings, HistoryEntry, Reading, Segment


def own_format(format_id: str = "tuesday", name: str = "Tuesday night", minutes: int = 60,
               reading: str = "welcome") -> Format:
    return Format(format_id, name, "discussion", minutes, (
        Segment("reading", 5, reading=reading),
        Segment("shares", minutes - 10, share_minutes=3),
        Segment("prayer", 5),
    ), description="The group's own")


def own_reading(reading_id: str = "preamble", text: str = "We are [members] of a fellowship."
                ) -> Reading:
    return Reading(reading_id, "Our preamble", "The group", text)


def group_settings(name: str = "Tuesday Night Serenity") -> GroupSettings:
    return GroupSettings(name=name, program="na", meeting_type="closed", designations=("C", "W"),
                         weekday="thursday", start="19:30", length=90,
                         words={"members": "friends"})


def history_entry(date: str = "2026-04-07", step: int | None = 4) -> HistoryEntry:
    return HistoryEntry(date, "step", step=step, planned_minutes=60, actual_minutes=63)


def builtin_copy(format_id: str, new_id: str) -> Format:
    return replace(builtin_library().format(format_id), id=new_id)


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file's bytes by relative path: for proving that nothing changed."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in files_under(folder)}
