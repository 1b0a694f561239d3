"""Reading one meeting out of a Meeting Guide JSON feed, to fill in the group's settings.

The Meeting Guide app and the 12 Step Meeting List publish meetings as a JSON array
of objects with `name`, `day` (0 = Sunday ... 6, or a list of them), `time` and
`end_time` ("19:00"), `types` (Meeting Guide type codes) and many other fields:
addresses, notes, contact names, phone numbers and e-mail addresses. Anonymity
comes first (design.md section 3), so this module reads only the five meeting
fields above and never looks at any other key; what it returns cannot hold a
person or a place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from facilitator.content import read_limited
from facilitator.model import DESIGNATIONS, WEEKDAYS, GroupSettings
from facilitator.problems import FacilitatorError

# A whole region's feed runs to a few megabytes; anything far larger is not a feed.
MAX_FEED_BYTES = 50_000_000
MIN_LENGTH, MAX_LENGTH = 10, 300

# ASCII digits only: \d alone also matches other scripts' digits, which are not a clock.
_TIME = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?\s*$", re.ASCII)


@dataclass(frozen=True)
class GuideMeeting:
    """The parts of one feed entry that describe the meeting itself, and nothing else."""

    name: str
    weekdays: tuple[str, ...] = ()
    start: str = ""
    length: int | None = None
    types: tuple[str, ...] = ()

    @property
    def designations(self) -> tuple[str, ...]:
        """The type codes the app knows, apart from open and closed."""
        return tuple(code for code in self.types if code in DESIGNATIONS and code not in ("O", "C"))

    @property
    def meeting_type(self) -> str | None:
        if "C" in self.types:
            return "closed"
        if "O" in self.types:
            return "open"
        return None

    def describe(self) -> str:
        """One line for a chooser: "Tuesday 19:00-20:00 · Closed · Step study: Name"."""
        when = " & ".join(day.capitalize() for day in self.weekdays)
        if self.start:
            when = f"{when} {self.start}".strip()
            if self.length:
                when += f" ({self.length} min)"
        tags = ([self.meeting_type.capitalize()] if self.meeting_type else []) + [
            DESIGNATIONS[code] for code in self.designations]
        parts = [p for p in (when, " · ".join(tags)) if p]
        return f"{self.name}: {' · '.join(parts)}" if parts else self.name

    def one_a_day(self) -> list[GuideMeeting]:
        """This meeting once for each day it is held (itself when it names one day or none)."""
        if len(self.weekdays) <= 1:
            return [self]
        return [replace(self, weekdays=(day,)) for day in self.weekdays]

    def apply_to(self, settings: GroupSettings) -> GroupSettings:
        """The settings with this meeting's name, day, time, length and type codes filled in."""
        changes: dict = {"name": self.name, "designations": self.designations}
        if self.weekdays:
            changes["weekday"] = self.weekdays[0]
        if self.start:
            changes["start"] = self.start
        if self.length is not None:
            changes["length"] = self.length
        if self.meeting_type:
            changes["meeting_type"] = self.meeting_type
        return replace(settings, **changes)


def _weekdays(day: object) -> tuple[str, ...]:
    days = day if isinstance(day, list) else [day]
    found = []
    for value in days:
        if isinstance(value, str):
            text = value.strip()
            # "²".isdigit() is true and int() fails on it, and int() refuses a string of
            # thousands of digits: only a short run of ASCII digits is a day number.
            if text.isascii() and text.isdecimal() and len(text) <= 2:
                value = int(text)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
            # Meeting Guide counts from Sunday; WEEKDAYS starts on Monday.
            found.append(WEEKDAYS[(value + 6) % 7])
    return tuple(dict.fromkeys(found))


def _clock(value: object) -> str:
    match = _TIME.match(value) if isinstance(value, str) else None
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else ""


def _length(start: str, end: str) -> int | None:
    if not start or not end:
        return None
    minutes = lambda hhmm: int(hhmm[:2]) * 60 + int(hhmm[3:])  # noqa: E731
    length = (minutes(end) - minutes(start)) % (24 * 60)  # a meeting may run past midnight
    return length if MIN_LENGTH <= length <= MAX_LENGTH else None


def meeting_from_entry(entry: dict) -> GuideMeeting | None:
    """One feed entry as a meeting, or None when it has no usable name."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    start = _clock(entry.get("time"))
    raw_types = entry.get("types")
    types = tuple(dict.fromkeys(
        t.strip() for t in (raw_types if isinstance(raw_types, list) else [])
        if isinstance(t, str) and t.strip()))
    return GuideMeeting(
        name=" ".join(name.split())[:120],
        weekdays=_weekdays(entry.get("day")),
        start=start,
        length=_length(start, _clock(entry.get("end_time"))),
        types=types,
    )


def parse_feed(raw: bytes, name: str) -> list[GuideMeeting]:
    """Every usable meeting in a feed, in file order, or one clear error naming the file."""
    if len(raw) > MAX_FEED_BYTES:
        raise FacilitatorError(f"{name}: the file is too large to be a Meeting Guide feed")
    if not raw.strip():
        raise FacilitatorError(f"{name}: the file is empty")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FacilitatorError(f"{name}: this is not a text file (a Meeting Guide feed is "
                               "JSON text)") from None
    except json.JSONDecodeError as error:
        raise FacilitatorError(f"{name}:{error.lineno}: this is not valid JSON "
                               f"({error.msg})") from None
    except ValueError:
        # json refuses to turn thousands of digits into an int (a guard against slow input).
        raise FacilitatorError(f"{name}: this is not a Meeting Guide feed (it holds a number "
                               "thousands of digits long)") from None
    except RecursionError:
        raise FacilitatorError(f"{name}: this is not a Meeting Guide feed (its lists are "
                               "nested too deeply to read)") from None
    if isinstance(data, dict) and isinstance(data.get("meetings"), list):
        data = data["meetings"]
    if not isinstance(data, list):
        raise FacilitatorError(f"{name}: a Meeting Guide feed is a list of meetings; "
                               "this file holds something else")
    # A meeting held on several days is listed once a day: the group's settings hold one
    # weekday, so the secretary picks the night this computer runs, not the feed's first.
    meetings = [night for m in (meeting_from_entry(e) for e in data if isinstance(e, dict))
                if m for night in m.one_a_day()]
    if not meetings:
        raise FacilitatorError(f"{name}: the file holds no meeting with a name")
    return meetings


def read_feed(path: Path) -> list[GuideMeeting]:
    """Every usable meeting in the feed file at `path`, or one clear error naming it."""
    return parse_feed(read_limited(path, MAX_FEED_BYTES, "Meeting Guide feeds"), str(path))
