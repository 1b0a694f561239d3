"""Tonight's plan: a format made concrete for one date, start time, program and group.

`build_plan` resolves everything a chair would otherwise look up at the meeting:
each segment's text in the program's words, tonight's step, topic or passage,
the group's open or closed statement, and a clock time for every segment. The
rules it follows, and the choices made where the brief left room:

- **Meeting length.** The plan fills `meeting_minutes` when given; otherwise the
  group's length (`GroupSettings.length`), because that is when the room is
  booked and the meeting ends. A format of a different length gets a warning
  with the numbers, and the sharing segments (`SHARING_KINDS`) grow or shrink
  to fit; nothing else changes, so the closing is never squeezed. If sharing
  shrinks to nothing and the plan still runs long, the warning says so and the
  plan ends late. The command line passes the format's own minutes when no
  group has been set up, so a 90-minute format file is not squashed to 60.
- **Step meetings** study one item of the program's series (`Program.series`:
  the Twelve Steps, or SMART's four points): the step of the month by default,
  the step after the last one in history when the group chose "next", and the
  chair's `TonightChoice.step` above both.
- **Discussion meetings** draw a topic that none of the last 8 meetings with a
  topic used. Without an `rng` the draw is seeded by the date, so the plan, the
  printed script and the app agree on tonight's topic.
- **Literature meetings** read from the group's bookmark, or the chair's passage.
  After the meeting the caller moves the bookmark on with `advance_bookmark`.
- **Speaker meetings** take 1 to 3 speakers; the speaker segment's minutes follow
  the count and minutes each, and sharing absorbs the difference. Speakers' names
  stay in `TonightChoice`, in memory: no planned segment carries them.
- **Programs without the Serenity Prayer** (SMART) drop prayer segments, and their
  minutes go to sharing; a full reading of the Twelve Steps becomes the program's
  own series for a program without steps.
- **Week-of-month schedule:** `tonight_format_id`. "last" wins over "4th" or
  "5th" when both describe the date.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from datetime import datetime, time, timedelta

from facilitator.content import Library
from facilitator.model import (
    MEETING_TYPE_READING,
    NUMBERED_ITEM,
    SHARING_KINDS,
    WEEKDAYS,
    Bookmark,
    Format,
    GroupSettings,
    HistoryEntry,
    Program,
    Reading,
    Segment,
    fill_slots,
)
from facilitator.problems import FacilitatorError
from facilitator.validation import parse_clock

# How many recent discussion topics a new draw avoids.
RECENT_TOPICS = 8

SERIES_ITEM_WORD = {"twelve-steps": "Step", "smart-four-points": "Point"}
TIMED_KINDS = SHARING_KINDS | {"speaker"}
NUMBER_WORDS = {1: "One", 2: "Two", 3: "Three"}


@dataclass
class TonightChoice:
    """What the chair decides for tonight. Speakers' names are kept in memory only."""

    step: int | None = None
    topic: str = ""
    passage: str = ""
    speaker_count: int | None = None
    speaker_minutes: float | None = None
    # Out of repr, so that a name never reaches a log line by way of a debug print.
    speaker_names: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class PlannedSegment:
    """One segment of tonight's plan, with its clock time and what is read."""

    index: int
    segment: Segment
    kind: str
    title: str
    note: str
    start: datetime
    minutes: float
    reading_title: str = ""
    text: str = ""
    source: str = ""
    share_minutes: float | None = None
    speaker_count: int | None = None
    speaker_minutes: float | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def is_timed(self) -> bool:
        """Whether the share timer belongs to this segment (shares, check-in/out, speakers)."""
        return self.kind in TIMED_KINDS

    @property
    def timer_minutes(self) -> float | None:
        """The share timer's length in this segment, if it has one."""
        if self.kind == "speaker":
            return self.speaker_minutes
        return self.share_minutes if self.kind in SHARING_KINDS else None


@dataclass(frozen=True)
class Plan:
    """Tonight's meeting, planned: every segment with its text and its clock time."""

    format: Format
    program: Program
    group: GroupSettings
    date: Date
    start: datetime
    end: datetime
    segments: tuple[PlannedSegment, ...]
    choice: TonightChoice
    warnings: tuple[str, ...] = ()
    meeting_minutes: float = 60

    @property
    def planned_minutes(self) -> float:
        return sum(s.minutes for s in self.segments)

    @property
    def step(self) -> int | None:
        return self.choice.step

    @property
    def topic(self) -> str:
        return self.choice.topic

    @property
    def passage(self) -> str:
        return self.choice.passage


# Choosing tonight's step, topic, passage and format -----------------------------------

def step_of_month(date: Date, series_length: int = 12) -> int:
    """January is Step 1, December Step 12; a shorter series starts again (SMART's
    four points: January 1, ..., April 4, May 1)."""
    return (date.month - 1) % series_length + 1


def next_step(history: Sequence[HistoryEntry], series_length: int = 12) -> int:
    """The step after the last meeting in history that studied one, wrapping after the
    last; Step 1 when no meeting has studied a step yet."""
    for entry in reversed(history):
        if entry.step is not None:
            return entry.step % series_length + 1
    return 1


def recent_topics(history: Sequence[HistoryEntry], count: int = RECENT_TOPICS) -> list[str]:
    """The topics of the last `count` meetings that had one, newest first."""
    return [entry.topic for entry in reversed(history) if entry.topic][:count]


def choose_topic(topics: Sequence[str], history: Sequence[HistoryEntry],
                 rng: random.Random | None = None) -> str:
    """A topic from the bank that none of the last 8 discussion meetings used.

    When the bank is so small that every topic is recent, the one used longest
    ago comes round again.
    """
    if not topics:
        raise FacilitatorError("the topic bank is empty; type tonight's topic instead")
    rng = rng or random.Random()
    recent = [t.casefold() for t in recent_topics(history)]
    fresh = [t for t in topics if t.casefold() not in recent]
    if fresh:
        return rng.choice(fresh)
    return max(topics, key=lambda t: recent.index(t.casefold()))


def advance_bookmark(bookmark: Bookmark, pages: int = 0, section: str | None = None) -> Bookmark:
    """Where the group's book stands after a literature meeting.

    The caller records the meeting (`Run.end()` gives the history entry, whose
    `passage` says where the reading began), asks the chair how many pages were
    read or which section comes next, and saves
    `replace(group, bookmark=advance_bookmark(group.bookmark, pages, section))`.
    """
    if pages < 0:
        raise FacilitatorError("the bookmark moves forward; pages read cannot be negative")
    return Bookmark(
        title=bookmark.title,
        section=bookmark.section if section is None else section,
        page=bookmark.page + pages if bookmark.page or pages else 0,
    )


def next_meeting_date(group: GroupSettings, today: Date) -> Date:
    """The group's next meeting day, today if it meets today: the night a secretary prints
    for and a chair plans."""
    ahead = (WEEKDAYS.index(group.weekday) - today.weekday()) % 7
    return today + timedelta(days=ahead)


def week_of_month(date: Date) -> tuple[str, bool]:
    """Which week of its month a date falls in ("1st" .. "5th"), and whether it is the
    last such weekday of the month."""
    nth = ("1st", "2nd", "3rd", "4th", "5th")[(date.day - 1) // 7]
    return nth, (date + timedelta(days=7)).month != date.month


def tonight_format_id(group: GroupSettings, date: Date) -> str:
    """The format the group's week-of-month schedule names for a date.

    "last" takes precedence when the date is both the last such weekday and the
    4th or 5th, so "the last Tuesday is a speaker meeting" holds in every month.
    """
    nth, is_last = week_of_month(date)
    if is_last and "last" in group.schedule:
        return group.schedule["last"]
    return group.schedule.get(nth, group.default_format)


# Building the plan -------------------------------------------------------------------

def build_plan(library: Library, fmt: Format, program_id: str, group: GroupSettings,
               date: Date, start_time: time | str | None, choice: TonightChoice | None = None,
               history: Sequence[HistoryEntry] = (), rng: random.Random | None = None,
               meeting_minutes: float | None = None) -> Plan:
    """Tonight's plan for a format. See the module's docstring for the rules."""
    program = library.program(program_id)
    choice = replace(choice) if choice is not None else TonightChoice()
    words = library.words(program.id, group.words)
    start = datetime.combine(date, _start_time(start_time if start_time else group.start))
    length = float(meeting_minutes if meeting_minutes is not None else group.length)
    builder = _Builder(library, program, group, words, date, history, rng)

    kept = [s for s in fmt.segments if program.prayer or not builder.is_prayer(s)]
    drafts = [builder.resolve(segment, choice) for segment in kept]
    resolved = TonightChoice(speaker_names=choice.speaker_names, **builder.chosen)

    warnings = list(builder.warnings)
    if fmt.total_minutes != length:
        warnings.insert(0, f"segments add up to {_n_minutes(fmt.total_minutes)}; "
                           f"the meeting is {length:g}")
    minutes = [draft.pop("minutes") for draft in drafts]
    fitted, fit_note = _fit(minutes, [draft["kind"] for draft in drafts], length)

    segments = []
    clock = start
    for index, (draft, planned) in enumerate(zip(drafts, fitted, strict=True)):
        segments.append(PlannedSegment(index=index, start=clock, minutes=planned, **draft))
        clock += timedelta(minutes=planned)
    if sum(fitted) > length + 1e-9:
        fit_note += f", ending at {clock:%H:%M}"
    if fit_note and (warnings or sum(fitted) > length + 1e-9):
        # Silent when the only change is a dropped prayer's minute going to sharing.
        warnings.append(fit_note)
    return Plan(fmt, program, group, date, start, clock, tuple(segments), resolved,
                tuple(warnings), length)


def _start_time(value: time | str) -> time:
    if isinstance(value, time):
        return value
    clock = parse_clock(value)
    if clock is None:
        raise FacilitatorError(f"{value!r} is not a time of day like 19:00")
    return time.fromisoformat(clock)


def _fit(minutes: list[float], kinds: list[str], length: float) -> tuple[list[float], str]:
    """The minutes with sharing grown or shrunk to fill `length`, and a phrase saying so."""
    gap = length - sum(minutes)
    if abs(gap) < 1e-9:
        return list(minutes), ""
    sharing = [i for i, kind in enumerate(kinds) if kind in SHARING_KINDS]
    if not sharing:
        return list(minutes), ("there is no sharing time to adjust, so the meeting ends "
                               + (f"{_n_minutes(gap)} early" if gap > 0
                                  else f"{_n_minutes(-gap)} late"))
    sharing_total = sum(minutes[i] for i in sharing)
    fitted = list(minutes)
    if sharing_total + gap < 1e-9:
        for i in sharing:
            fitted[i] = 0.0
        over = -gap - sharing_total
        if over < 1e-9:
            return fitted, "sharing time shrinks to nothing to fit"
        return fitted, f"even with no sharing time the meeting runs {_n_minutes(over)} over"
    if sharing_total > 0:
        shared = _share_out([minutes[i] for i in sharing], sharing_total + gap)
    else:
        shared = [gap] + [0.0] * (len(sharing) - 1)
    for i, value in zip(sharing, shared, strict=True):
        fitted[i] = value
    change = "longer" if gap > 0 else "shorter"
    return fitted, f"sharing is {_n_minutes(abs(gap))} {change} to fit"


def _n_minutes(value: float) -> str:
    return f"{value:g} minute" + ("" if value == 1 else "s")


def _share_out(weights: list[float], total: float) -> list[float]:
    """`total` split in proportion to `weights`, in whole minutes where the sum allows
    (largest remainders first), so that clock times stay on the minute."""
    whole = round(total)
    if abs(total - whole) > 1e-9:
        scale = total / sum(weights)
        return [w * scale for w in weights]
    exact = [w * whole / sum(weights) for w in weights]
    floors = [int(x) for x in exact]
    leftover = whole - sum(floors)
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in by_remainder[:leftover]:
        floors[i] += 1
    return [float(x) for x in floors]


class _Builder:
    """Resolves each segment's title, text and times for one plan."""

    def __init__(self, library: Library, program: Program, group: GroupSettings,
                 words: dict[str, str], date: Date, history: Sequence[HistoryEntry],
                 rng: random.Random | None):
        self.library = library
        self.program = program
        self.group = group
        self.words = words
        self.date = date
        self.history = history
        self.rng = rng
        self.chosen: dict[str, object] = {}
        self.warnings: list[str] = []

    def is_prayer(self, segment: Segment) -> bool:
        return segment.kind == "prayer" or segment.reading_id == "serenity-prayer"

    def reading_for(self, segment: Segment) -> Reading | None:
        reading_id = segment.reading_id
        if reading_id == MEETING_TYPE_READING:
            reading_id = f"{self.group.meeting_type}-meeting"
        if reading_id == "twelve-steps" and not self.program.steps:
            reading_id = self.program.series
        return self.library.reading(reading_id) if reading_id else None

    def resolve(self, segment: Segment, choice: TonightChoice) -> dict:
        draft = {
            "segment": segment,
            "kind": segment.kind,
            "title": segment.display_title,
            "note": segment.note,
            "minutes": float(segment.minutes),
        }
        if segment.kind in SHARING_KINDS:
            draft["share_minutes"] = float(segment.share_minutes or self.group.share_minutes)
        handler = getattr(self, f"_{segment.kind.replace('-', '_')}", None)
        if handler is not None:
            handler(segment, choice, draft)
        else:
            reading = self.reading_for(segment)
            if reading is not None:
                draft["reading_title"] = fill_slots(reading.title, self.words)
                if segment.kind == "reading" and not segment.title:
                    draft["title"] = draft["reading_title"]
                draft["text"] = reading.body(self.words)
                draft["source"] = reading.source
        return draft

    def _study(self, segment: Segment, choice: TonightChoice, draft: dict) -> None:
        series = self.library.reading(segment.reading or self.program.series)
        if not series.is_series:
            raise FacilitatorError(
                f"the study segment's reading {series.id!r} is not a numbered series")
        count = len(series.items)
        word = SERIES_ITEM_WORD.get(series.id, "Item")
        if choice.step is not None:
            step = choice.step
            if not 1 <= step <= count:
                raise FacilitatorError(
                    f"{series.title} has {word.lower()}s 1 to {count}; "
                    f"there is no {word.lower()} {step}")
        elif self.group.step_choice == "next" and any(e.step for e in self.history):
            step = next_step(self.history, count)
        else:
            step = step_of_month(self.date, count)
        self.chosen["step"] = step
        draft["reading_title"] = f"{word} {step}"
        draft["text"] = series.body(self.words, step)
        draft["source"] = series.source

    def _topic(self, segment: Segment, choice: TonightChoice, draft: dict) -> None:
        topic = choice.topic.strip()
        if not topic:
            rng = self.rng or random.Random(self.date.toordinal())
            topic = choose_topic(self.library.topics, self.history, rng)
        self.chosen["topic"] = topic
        draft["reading_title"] = "Tonight's topic"
        draft["text"] = topic

    def _literature(self, segment: Segment, choice: TonightChoice, draft: dict) -> None:
        passage = choice.passage.strip() or self.group.bookmark.describe()
        self.chosen["passage"] = passage
        draft["reading_title"] = "Tonight's passage"
        # With no passage and no bookmark the text stays empty: the printed script then
        # leaves a line to write the passage on, and the screens ask for it themselves.
        draft["text"] = passage
        if not passage:
            self.warnings.append("the group has no bookmark yet: choose tonight's passage, "
                                 "and set the bookmark in the group's settings")

    def _speaker(self, segment: Segment, choice: TonightChoice, draft: dict) -> None:
        count = choice.speaker_count or segment.count or 1
        each = choice.speaker_minutes or segment.minutes_each or segment.minutes
        if not 1 <= count <= 3:
            raise FacilitatorError(f"a speaker meeting has 1 to 3 speakers, not {count}")
        if each <= 0:
            raise FacilitatorError("each speaker needs a positive number of minutes")
        needed = count * each
        if choice.speaker_count or choice.speaker_minutes:
            # Only the chair's own choice is kept, so that a resumed plan is the same
            # plan: the format's defaults are worked out again from the format.
            self.chosen["speaker_count"] = choice.speaker_count
            self.chosen["speaker_minutes"] = choice.speaker_minutes
            if abs(needed - segment.minutes) > 1e-9:
                verb = "takes" if count == 1 else "take"
                self.warnings.append(
                    f"{_speakers(count, each)} {verb} {needed:g} minutes; the format gives "
                    f"speakers {segment.minutes:g}, so sharing absorbs the difference")
            draft["minutes"] = float(needed)
        draft["speaker_count"] = count
        draft["speaker_minutes"] = float(each)
        draft["text"] = _speakers(count, each).capitalize() + "."


def _speakers(count: int, each: float) -> str:
    noun = "speaker" if count == 1 else "speakers"
    return f"{NUMBER_WORDS.get(count, str(count)).lower()} {noun} of {each:g} minutes"


# The run sheet -------------------------------------------------------------------------

WIDTH = 78
TEXT_INDENT = " " * 17


def render_plan(plan: Plan) -> str:
    """The plan as a run sheet a chair can hold: a header, then one block per segment."""
    group = plan.group
    lines = [
        f"{plan.format.name} · {plan.program.name}",
        f"{plan.start:%A} {plan.date.day} {plan.date:%B %Y}, "
        f"{plan.start:%H:%M}–{plan.end:%H:%M} · {group.meeting_type_label()}",
    ]
    if group.name:
        lines.insert(0, group.name)
    tonight = _tonight_line(plan)
    if tonight:
        lines.append(tonight)
    for warning in plan.warnings:
        lines.extend(_wrap(f"Note: {warning}", "", "      "))
    lines.append("")
    for segment in plan.segments:
        lines.append(f"{segment.start:%H:%M}  {_minutes(segment.minutes):>6}  "
                     f"{_title_line(segment)}")
        if segment.note:
            lines.extend(_wrap(f"Cue: {segment.note}", TEXT_INDENT, TEXT_INDENT + "     "))
        if segment.text:
            if segment.reading_title and segment.reading_title != segment.title:
                lines.append(TEXT_INDENT + segment.reading_title)
            lines.extend(_text_block(segment.text, TEXT_INDENT + "  "))
        lines.append("")
    lines.append(f"{plan.end:%H:%M}          End of the meeting")
    return "\n".join(lines) + "\n"


def _text_block(text: str, indent: str) -> list[str]:
    """A reading wrapped for the sheet: its line breaks kept (a prayer's lines), one blank
    line between paragraphs, and numbered items with a hanging indent."""
    lines: list[str] = []
    for raw in text.strip().split("\n"):
        line = raw.strip()
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        number = NUMBERED_ITEM.match(line)
        hang = " " * len(number.group(0)) if number else ""
        lines.extend(_wrap(line, indent, indent + hang))
    return lines


def _tonight_line(plan: Plan) -> str:
    kinds = {s.kind for s in plan.segments}
    parts = []
    if "study" in kinds and plan.step is not None:
        study = next(s for s in plan.segments if s.kind == "study")
        parts.append(study.reading_title)
    if "topic" in kinds and plan.topic:
        parts.append(f"topic “{plan.topic}”")
    if "literature" in kinds and plan.passage:
        parts.append(plan.passage)
    speaker = next((s for s in plan.segments if s.kind == "speaker"), None)
    if speaker is not None and speaker.speaker_count:
        parts.append(_speakers(speaker.speaker_count, speaker.speaker_minutes or 0))
    return f"Tonight: {'; '.join(parts)}" if parts else ""


def _title_line(segment: PlannedSegment) -> str:
    title = segment.title
    if segment.kind in SHARING_KINDS and segment.share_minutes:
        title += f" ({_minutes(segment.share_minutes, short=True)} shares)"
    return title


def _minutes(value: float, short: bool = False) -> str:
    shown = f"{value:g}" if value == int(value) else f"{value:.1f}"
    return f"{shown}-minute" if short else f"{shown} min"


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first]
