"""The core model: programs, readings, segments, formats and group settings.

These are plain frozen dataclasses with no behaviour beyond reading and writing
themselves. Each has one `from_dict`, which is the only way content enters the
model: built-in TOML files, the group's own items in the store, group packs and
the editors all go through it, so one set of rules (in `validation`) judges them
all. `to_dict` gives back the same shape, ready for TOML, JSON or the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from facilitator.validation import SLOT_PATTERN, Checker, parse_date

FORMAT_KINDS = ("discussion", "speaker", "step", "literature", "smart")

SEGMENT_KINDS = (
    "reading",
    "prayer",
    "silence",
    "topic",
    "study",
    "literature",
    "speaker",
    "shares",
    "contributions",
    "milestones",
    "newcomers",
    "announcements",
    "check-in",
    "check-out",
    "custom",
)

# Limits that no real meeting reaches, so that a typing slip ("600000") is caught
# when the file is checked, not when the timer or the clock overflows.
MAX_MINUTES = 24 * 60
MAX_SHARE_MINUTES = 120

# Segment kinds whose time belongs to members sharing. When a plan runs long,
# these are what shrink, so that the closing is never squeezed (design.md 8).
SHARING_KINDS = frozenset({"shares", "check-in", "check-out"})

# The reading each kind shows when the segment names none.
DEFAULT_READING_FOR_KIND = {
    "prayer": "serenity-prayer",
    "silence": "moment-of-silence",
    "contributions": "contributions",
    "milestones": "milestones",
    "newcomers": "newcomer-welcome",
}

# A segment may name this instead of a reading id: it becomes the open-meeting
# or the closed-meeting statement, whichever fits the group's settings.
MEETING_TYPE_READING = "meeting-type"

MEETING_TYPES = ("open", "closed")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKS_OF_MONTH = ("1st", "2nd", "3rd", "4th", "5th", "last")
STEP_CHOICES = ("month", "next")
THEMES = ("system", "light", "dark", "high-contrast")

# Meeting Guide type codes for the designations a group is most likely to use,
# with the plain words the app shows and prints beside them.
DESIGNATIONS = {
    "O": "Open",
    "C": "Closed",
    "W": "Women",
    "M": "Men",
    "LGBTQ": "LGBTQ",
    "Y": "Young people",
    "SEN": "Seniors",
    "BE": "Newcomer",
    "D": "Discussion",
    "SP": "Speaker",
    "ST": "Step study",
    "LIT": "Literature",
    "B": "Big Book",
    "12x12": "12 Steps & 12 Traditions",
    "TR": "Tradition study",
    "MED": "Meditation",
    "DD": "Dual diagnosis",
    "X": "Wheelchair access",
    "NS": "Non-smoking",
    "S": "Spanish",
    "ASL": "American Sign Language",
    "CF": "Child-friendly",
    "BA": "Babysitting available",
    "VM": "Veterans",
    "ONL": "Online",
}

# How `Reading.body` numbers the items of a series ("4. We made a searching..."); the
# run sheet and the printed sheets find the items again by it, to hang their numbers.
NUMBERED_ITEM = re.compile(r"^\d+\.\s")


def slots_in(text: str) -> list[str]:
    """The slot names written `[like this]` in a text, in order of appearance."""
    return SLOT_PATTERN.findall(text)


def fill_slots(text: str, words: dict[str, str]) -> str:
    """The text with each known slot replaced by the program's word for it.

    Unknown slots are left as written, so that a preview can flag them rather
    than hide them.
    """
    return SLOT_PATTERN.sub(lambda m: words.get(m.group(1), m.group(0)), text)


@dataclass(frozen=True)
class Program:
    """A fellowship, with the words that fill the readings' slots."""

    id: str
    name: str
    short: str
    words: dict[str, str]
    steps: bool
    prayer: bool
    family: bool
    readings: tuple[str, ...] = ()
    series: str = "twelve-steps"

    @classmethod
    def from_dict(cls, data: Any, key: str = "") -> Program:
        c = Checker(data, key)
        program = cls(
            id=c.identifier("id"),
            name=c.text("name"),
            short=c.text("short"),
            words=c.word_table("words"),
            steps=c.boolean("steps"),
            prayer=c.boolean("prayer"),
            family=c.boolean("family"),
            readings=tuple(c.text_list("readings", required=False)),
            series=c.identifier("series", required=False) or "twelve-steps",
        )
        c.no_unknown_keys(
            {"id", "name", "short", "words", "steps", "prayer", "family", "readings", "series"}
        )
        c.raise_if_any()
        return program

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "short": self.short,
            "words": dict(self.words),
            "steps": self.steps,
            "prayer": self.prayer,
            "family": self.family,
            "readings": list(self.readings),
            "series": self.series,
        }


@dataclass(frozen=True)
class Reading:
    """A text read aloud: plain text, or a numbered series such as the 12 Steps."""

    id: str
    title: str
    source: str
    text: str = ""
    items: tuple[str, ...] = ()

    @property
    def is_series(self) -> bool:
        return bool(self.items)

    def slots(self) -> set[str]:
        return {s for part in (self.title, self.text, *self.items) for s in slots_in(part)}

    def body(self, words: dict[str, str], item: int | None = None) -> str:
        """The text as read aloud in a program's words.

        A series reads as a numbered list, or as its one item when `item`
        (counted from 1) is given.
        """
        if not self.is_series:
            return fill_slots(self.text, words)
        if item is not None:
            return fill_slots(self.items[item - 1], words)
        return "\n".join(f"{n}. {fill_slots(t, words)}" for n, t in enumerate(self.items, 1))

    @classmethod
    def from_dict(
        cls, data: Any, known_slots: Iterable[str] | None = None, key: str = ""
    ) -> Reading:
        c = Checker(data, key)
        reading_id = c.identifier("id")
        title = c.text("title")
        source = c.text("source", required=False, empty_ok=True)
        has_text, has_items = c.has("text"), c.has("items")
        text = c.text("text", required=False) if has_text else ""
        items = tuple(c.text_list("items", required=False)) if has_items else ()
        if has_text and has_items:
            c.problem("items", "a reading has either `text` or `items`, not both")
        elif not has_text and not has_items:
            c.problem("text", "a reading needs `text`, or `items` for a numbered series")
        elif has_items and not items and not c.failed("items"):
            c.problem("items", "a numbered series needs at least one item")
        c.no_unknown_keys({"id", "title", "source", "text", "items", "kind"})
        if known_slots is not None:
            known = set(known_slots)
            for name, value in (("title", title), ("text", text)):
                c.unknown_slots(name, value, known)
            for n, item_text in enumerate(items):
                c.unknown_slots(f"items[{n}]", item_text, known)
        c.raise_if_any()
        return cls(reading_id, title, source, text, items)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title, "source": self.source}
        if self.is_series:
            data["items"] = list(self.items)
        else:
            data["text"] = self.text
        return data


@dataclass(frozen=True)
class Segment:
    """One part of a meeting, with its planned minutes."""

    kind: str
    minutes: float
    title: str = ""
    note: str = ""
    reading: str = ""
    share_minutes: float | None = None
    count: int | None = None
    minutes_each: float | None = None

    @property
    def display_title(self) -> str:
        return self.title or SEGMENT_TITLES.get(self.kind, self.kind.capitalize())

    @property
    def reading_id(self) -> str:
        """The reading this segment shows, by its own choice or its kind's default."""
        return self.reading or DEFAULT_READING_FOR_KIND.get(self.kind, "")

    @classmethod
    def from_dict(
        cls, data: Any, known_readings: Iterable[str] | None = None, key: str = ""
    ) -> Segment:
        c = Checker(data, key)
        kind = c.choice("kind", SEGMENT_KINDS)
        minutes = c.number("minutes", high=MAX_MINUTES)
        title = c.text("title", required=False, empty_ok=True)
        note = c.text("note", required=False, empty_ok=True)
        reading = c.identifier("reading", required=kind == "reading")
        share_minutes = c.number("share_minutes", required=False, positive=True,
                                 high=MAX_SHARE_MINUTES)
        count = c.integer("count", required=kind == "speaker", low=1, high=3)
        minutes_each = c.number("minutes_each", required=kind == "speaker", positive=True,
                                high=MAX_MINUTES)
        if kind == "speaker" and count and minutes_each and minutes is not None:
            if count * minutes_each > minutes + 1e-9:
                c.problem(
                    "minutes",
                    f"{count} speakers of {minutes_each:g} minutes need {count * minutes_each:g}"
                    f" minutes, but the segment has {minutes:g}",
                )
        if reading and known_readings is not None and not c.failed("reading"):
            if reading != MEETING_TYPE_READING and reading not in set(known_readings):
                c.problem("reading", f"unknown reading {reading!r}")
        c.no_unknown_keys(
            {"kind", "minutes", "title", "note", "reading", "share_minutes", "count",
             "minutes_each"}
        )
        c.raise_if_any()
        return cls(kind, minutes, title, note, reading, share_minutes, count, minutes_each)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "minutes": self.minutes}
        for name in ("title", "note", "reading", "share_minutes", "count", "minutes_each"):
            value = getattr(self, name)
            if value not in ("", None):
                data[name] = value
        return data


SEGMENT_TITLES = {
    "reading": "Reading",
    "prayer": "Serenity Prayer",
    "silence": "Moment of silence",
    "topic": "Topic discussion",
    "study": "Step study",
    "literature": "Literature reading",
    "speaker": "Speaker",
    "shares": "Sharing",
    "contributions": "Contributions",
    "milestones": "Milestones",
    "newcomers": "Newcomers",
    "announcements": "Announcements",
    "check-in": "Check-in",
    "check-out": "Check-out",
    "custom": "Custom",
}


@dataclass(frozen=True)
class Format:
    """A group's meeting plan: an ordered list of segments, and what kind of meeting it is."""

    id: str
    name: str
    kind: str
    minutes: float
    segments: tuple[Segment, ...]
    description: str = ""

    @property
    def total_minutes(self) -> float:
        return sum(s.minutes for s in self.segments)

    def with_changes(self, **changes: Any) -> Format:
        return replace(self, **changes)

    @classmethod
    def from_dict(cls, data: Any, known_readings: Iterable[str] | None = None) -> Format:
        c = Checker(data)
        format_id = c.identifier("id")
        name = c.text("name")
        kind = c.choice("kind", FORMAT_KINDS)
        minutes = c.number("minutes", positive=True, high=MAX_MINUTES)
        description = c.text("description", required=False, empty_ok=True)
        readings = set(known_readings) if known_readings is not None else None
        segments = []
        raw_segments = c.table_list("segment")
        for n, raw in enumerate(raw_segments):
            segment = c.nested(f"segment[{n}]", Segment.from_dict, raw, readings)
            if segment is not None:
                segments.append(segment)
        if c.has("segment") and not raw_segments and not c.failed("segment"):
            c.problem("segment", "a format needs at least one segment")
        c.no_unknown_keys({"id", "name", "kind", "minutes", "description", "segment"})
        c.raise_if_any()
        return cls(format_id, name, kind, minutes, tuple(segments), description)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "minutes": self.minutes,
            "description": self.description,
            "segment": [s.to_dict() for s in self.segments],
        }


@dataclass(frozen=True)
class Bookmark:
    """Where a literature meeting has got to in the group's book."""

    title: str = ""
    section: str = ""
    page: int = 0

    def describe(self) -> str:
        parts = [self.title, self.section, f"page {self.page}" if self.page else ""]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class GroupSettings:
    """The group's own settings. They describe the meeting, never a person."""

    name: str = ""
    program: str = "aa"
    meeting_type: str = "open"
    designations: tuple[str, ...] = ()
    weekday: str = "tuesday"
    start: str = "19:00"
    length: int = 60
    share_minutes: float = 3
    warning_seconds: int = 60
    words: dict[str, str] = field(default_factory=dict)
    # Which format runs on which week of the month ("1st" ... "5th", "last"),
    # and the format for every other week.
    schedule: dict[str, str] = field(default_factory=dict)
    default_format: str = "discussion"
    step_choice: str = "month"
    bookmark: Bookmark = field(default_factory=Bookmark)
    volume: int = 60
    muted: bool = False
    theme: str = "system"
    text_scale: int = 100

    @classmethod
    def from_dict(cls, data: Any, known_programs: Iterable[str] | None = None) -> GroupSettings:
        c = Checker(data)
        defaults = cls()
        get = c.optional
        program = get("program", c.identifier, defaults.program)
        if known_programs is not None and not c.failed("program"):
            if program not in set(known_programs):
                c.problem("program", f"unknown program {program!r}")
        designations = tuple(c.text_list("designations", required=False))
        for n, code in enumerate(designations):
            if code not in DESIGNATIONS:
                c.problem(f"designations[{n}]", f"unknown meeting type code {code!r}")
        schedule = c.word_table("schedule", required=False)
        for week in schedule:
            if week not in WEEKS_OF_MONTH:
                c.problem(f"schedule.{week}", "weeks are 1st, 2nd, 3rd, 4th, 5th or last")
        bookmark_data = c.table("bookmark", required=False)
        bookmark = Bookmark()
        if bookmark_data is not None:
            b = Checker(bookmark_data, "bookmark")
            bookmark = Bookmark(
                b.text("title", required=False, empty_ok=True),
                b.text("section", required=False, empty_ok=True),
                b.integer("page", required=False, low=0) or 0,
            )
            b.no_unknown_keys({"title", "section", "page"})
            c.absorb(b)
        settings = cls(
            name=get("name", lambda k: c.text(k, empty_ok=True), defaults.name),
            program=program,
            meeting_type=get("meeting_type", lambda k: c.choice(k, MEETING_TYPES), "open"),
            designations=designations,
            weekday=get("weekday", lambda k: c.choice(k, WEEKDAYS), defaults.weekday),
            start=get("start", c.clock_time, defaults.start),
            length=get("length", lambda k: c.integer(k, low=10, high=300), defaults.length),
            share_minutes=get(
                "share_minutes", lambda k: c.number(k, positive=True, high=MAX_SHARE_MINUTES),
                defaults.share_minutes
            ),
            warning_seconds=get(
                "warning_seconds", lambda k: c.integer(k, low=0, high=600),
                defaults.warning_seconds,
            ),
            words=c.word_table("words", required=False),
            schedule=schedule,
            default_format=get("default_format", c.identifier, defaults.default_format),
            step_choice=get("step_choice", lambda k: c.choice(k, STEP_CHOICES), "month"),
            bookmark=bookmark,
            volume=get("volume", lambda k: c.integer(k, low=0, high=100), defaults.volume),
            muted=get("muted", c.boolean, defaults.muted),
            theme=get("theme", lambda k: c.choice(k, THEMES), defaults.theme),
            text_scale=get(
                "text_scale", lambda k: c.integer(k, low=50, high=300), defaults.text_scale
            ),
        )
        c.no_unknown_keys(set(GROUP_SETTING_KEYS))
        c.raise_if_any()
        return settings

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "program": self.program,
            "meeting_type": self.meeting_type,
            "designations": list(self.designations),
            "weekday": self.weekday,
            "start": self.start,
            "length": self.length,
            "share_minutes": self.share_minutes,
            "warning_seconds": self.warning_seconds,
            "words": dict(self.words),
            "schedule": dict(self.schedule),
            "default_format": self.default_format,
            "step_choice": self.step_choice,
            "bookmark": {
                "title": self.bookmark.title,
                "section": self.bookmark.section,
                "page": self.bookmark.page,
            },
            "volume": self.volume,
            "muted": self.muted,
            "theme": self.theme,
            "text_scale": self.text_scale,
        }

    def meeting_type_label(self) -> str:
        """"Closed · Women · Step study": the tag that is printed and shown."""
        labels = [self.meeting_type.capitalize()]
        labels += [DESIGNATIONS.get(code, code) for code in self.designations
                   if code not in ("O", "C")]
        return " · ".join(labels)


GROUP_SETTING_KEYS = tuple(GroupSettings().to_dict())


@dataclass(frozen=True)
class HistoryEntry:
    """One meeting that took place: what was planned and how long it ran. Never who came."""

    date: str
    format_id: str
    step: int | None = None
    topic: str = ""
    passage: str = ""
    planned_minutes: float = 0
    actual_minutes: float = 0

    @classmethod
    def from_dict(cls, data: Any, key: str = "") -> HistoryEntry:
        c = Checker(data, key)
        date = c.text("date")
        if date and parse_date(date) is None:
            c.problem("date", f"{date!r} is not a date like 2026-04-07")
        entry = cls(
            date=date,
            format_id=c.identifier("format_id"),
            step=c.integer("step", required=False, low=1, high=99),
            topic=c.text("topic", required=False, empty_ok=True),
            passage=c.text("passage", required=False, empty_ok=True),
            planned_minutes=c.number("planned_minutes", required=False, high=MAX_MINUTES) or 0,
            actual_minutes=c.number("actual_minutes", required=False, high=MAX_MINUTES) or 0,
        )
        c.no_unknown_keys(set(HISTORY_KEYS))
        c.raise_if_any()
        return entry

    def to_dict(self) -> dict[str, Any]:
        data = {
            "date": self.date,
            "format_id": self.format_id,
            "step": self.step,
            "topic": self.topic,
            "passage": self.passage,
            "planned_minutes": self.planned_minutes,
            "actual_minutes": self.actual_minutes,
        }
        if self.step is None:
            del data["step"]  # TOML has no null, and a pack may be written as TOML
        return data


HISTORY_KEYS = ("date", "format_id", "step", "topic", "passage", "planned_minutes",
                "actual_minutes")
