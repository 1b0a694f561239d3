"""Tonight's plan as the sheets need it: each segment with its clock time and its text.

FALLBACK until `facilitator.plan.build_plan` lands: this lays the format's
segments out in order from the start time, with no planning logic of its own
(no step of the month, no topic choice, no squeezing). It returns objects with
the attribute names of the planning contract (`Plan`, `PlannedSegment`), so
that switching to `build_plan` changes only this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.content import Library
from facilitator.model import MEETING_TYPE_READING, Format, GroupSettings, Program, Segment


@dataclass(frozen=True)
class PlannedSegment:
    index: int
    segment: Segment
    kind: str
    title: str
    note: str
    start: dt.datetime
    minutes: float
    reading_title: str = ""
    text: str = ""
    source: str = ""
    share_minutes: float | None = None
    speaker_count: int | None = None
    speaker_minutes: float | None = None

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class TonightChoice:
    step: int | None = None
    topic: str = ""
    passage: str = ""


@dataclass(frozen=True)
class Plan:
    format: Format
    program: Program
    group: GroupSettings
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    segments: tuple[PlannedSegment, ...]
    choice: TonightChoice = field(default_factory=TonightChoice)
    warnings: tuple[str, ...] = ()


def plan_for_print(library: Library, fmt: Format, program_id: str, group: GroupSettings,
                   date: dt.date, start_time: dt.time, step: int | None,
                   topic: str) -> Plan:
    """The format's segments in order, timed from the start, in the program's words."""
    program = library.program(program_id)
    words = library.words(program_id, group.words)
    series = library.readings.get(program.series)
    clock = dt.datetime.combine(date, start_time)
    start = clock
    planned = []
    for segment in fmt.segments:
        reading_id = segment.reading_id
        if reading_id == MEETING_TYPE_READING:
            reading_id = f"{group.meeting_type}-meeting"
        if segment.kind == "prayer" and not program.prayer:
            continue
        if reading_id == "twelve-steps" and not program.steps:
            reading_id = program.series
        reading = library.readings.get(reading_id) if reading_id else None
        reading_title, text, source = "", "", ""
        if reading is not None:
            reading_title, text, source = reading.title, reading.body(words), reading.source
        if segment.kind == "study" and series is not None and step:
            number = min(max(step, 1), len(series.items))
            reading_title = f"{series.title}: {number}"
            text, source = series.body(words, number), series.source
        elif segment.kind == "topic" and topic:
            reading_title, text = "Tonight's topic", topic
        planned.append(PlannedSegment(
            index=len(planned), segment=segment, kind=segment.kind,
            title=segment.display_title, note=segment.note, start=clock,
            minutes=segment.minutes, reading_title=reading_title, text=text, source=source,
            share_minutes=segment.share_minutes or (
                group.share_minutes if segment.kind == "shares" else None),
            speaker_count=segment.count, speaker_minutes=segment.minutes_each,
        ))
        clock += dt.timedelta(minutes=segment.minutes)
    return Plan(fmt, program, group, date, start, clock, tuple(planned),
                TonightChoice(step=step, topic=topic))
