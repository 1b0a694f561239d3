"""The one set of rules that judges every piece of content, wherever it comes from.

A `Checker` wraps one table (a dict from TOML, JSON or an editor) and reads typed
values out of it. Each read records a `Problem`, keyed by its dotted path such as
`segment[3].minutes`, instead of stopping at the first mistake, so that a user
sees everything wrong with a file at once. The model's `from_dict` methods are
built from these reads; nothing else validates content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from facilitator.problems import ContentError, Problem

T = TypeVar("T")

MAX_ID_LENGTH = 64
_ID = re.compile(rf"^[a-z0-9][a-z0-9-]{{0,{MAX_ID_LENGTH - 1}}}$")
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")
# Dates a meeting can fall on. Python's own range (years 1 to 9999) lets a plan
# at 23:30 on the last day run past the end of time; nobody meets then.
FIRST_YEAR, LAST_YEAR = 1900, 2999
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SLOT_PATTERN = re.compile(r"\[([^\[\]\n]{1,40})\]")
_MISSING = object()


def parse_clock(text: str) -> str | None:
    """A time of day as "HH:MM" ("7:05" becomes "07:05"), or None if it is not one.

    This is the one reading of a start time: settings, files and options all use it.
    """
    match = _CLOCK.match(text.strip()) if isinstance(text, str) else None
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def parse_date(text: str) -> date | None:
    """A date written YYYY-MM-DD in the years meetings happen, or None."""
    # fromisoformat alone would also take "20260407" and week dates such as "2026-W15-2".
    if not isinstance(text, str) or not _DATE.match(text.strip()):
        return None
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if FIRST_YEAR <= value.year <= LAST_YEAR else None


def _number_text(value: float) -> str:
    """A number as a message shows it; one too large to print is said to be so."""
    try:
        return f"{value:g}"
    except OverflowError:
        return "a number too large to use"


def _type_name(value: Any) -> str:
    names = {bool: "true or false", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


class Checker:
    """Reads typed values out of one table, collecting every problem on the way."""

    def __init__(self, data: Any, prefix: str = ""):
        self.prefix = prefix
        self.problems: list[Problem] = []
        self._failed: set[str] = set()
        # A value that is not a table at all gets one problem, not one per missing key.
        self._not_a_table = not isinstance(data, dict)
        if not self._not_a_table:
            self.data = data
        else:
            self.data = {}
            self.problems.append(
                Problem(f"must be a table, not {_type_name(data)}", prefix or "(top level)")
            )

    # Bookkeeping ---------------------------------------------------------

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def problem(self, name: str, message: str) -> None:
        self._failed.add(name)
        self.problems.append(Problem(message, self.key(name)))

    def has(self, name: str) -> bool:
        return name in self.data

    def failed(self, name: str) -> bool:
        return name in self._failed

    def absorb(self, other: Checker) -> None:
        self.problems.extend(other.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)

    def _get(self, name: str, required: bool, expected: str) -> Any:
        value = self.data.get(name, _MISSING)
        if value is None:
            # JSON's null (TOML has none) means the same as leaving the key out.
            value = _MISSING
        if value is _MISSING:
            if required and not self._not_a_table:
                self.problem(name, f"is missing; it should be {expected}")
            return _MISSING
        return value

    def _wrong(self, name: str, value: Any, expected: str) -> None:
        self.problem(name, f"should be {expected}, not {_type_name(value)}")

    # Reads ---------------------------------------------------------------

    def optional(self, name: str, read: Callable[[str], T], default: T) -> T:
        """`read(name)` if the key is present, else the default."""
        if self.data.get(name) is None:
            return default
        value = read(name)
        return default if self.failed(name) or value is None else value

    def text(self, name: str, required: bool = True, empty_ok: bool = False) -> str:
        value = self._get(name, required, "text")
        if value is _MISSING:
            return ""
        if not isinstance(value, str):
            self._wrong(name, value, "text")
            return ""
        if not value.strip() and not empty_ok:
            self.problem(name, "is empty")
        return value

    def identifier(self, name: str, required: bool = True) -> str:
        value = self.text(name, required=required, empty_ok=not required)
        if value and not _ID.match(value):
            self.problem(
                name,
                f"{value!r} is not a valid id: use lowercase letters, digits and dashes",
            )
        return value

    def boolean(self, name: str, required: bool = True) -> bool:
        value = self._get(name, required, "true or false")
        if value is _MISSING:
            return False
        if not isinstance(value, bool):
            self._wrong(name, value, "true or false")
            return False
        return value

    def number(self, name: str, required: bool = True, positive: bool = False,
               high: float | None = None) -> Any:
        value = self._get(name, required, "a number of minutes")
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._wrong(name, value, "a number")
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.problem(name, "should be a finite number")
            return None
        if value < 0 or (positive and value == 0):
            self.problem(name, f"should be {'more than' if positive else 'at least'} 0, "
                               f"not {_number_text(value)}")
            return None
        if high is not None and value > high:
            self.problem(name, f"should be at most {high:g}, not {_number_text(value)}")
            return None
        return value

    def integer(self, name: str, required: bool = True, low: int | None = None,
                high: int | None = None) -> Any:
        value = self._get(name, required, "a whole number")
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(name, value, "a whole number")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.problem(name, f"should be from {low} to {high}, not {value}"
                         if high is not None else f"should be at least {low}, not {value}")
            return None
        return value

    def choice(self, name: str, choices: Iterable[str], required: bool = True) -> str:
        options = tuple(choices)
        value = self._get(name, required, "one of " + ", ".join(options))
        if value is _MISSING:
            return ""
        if not isinstance(value, str):
            self._wrong(name, value, "text")
            return ""
        if value not in options:
            self.problem(name, f"unknown {name} {value!r}; expected one of {', '.join(options)}")
            return ""
        return value

    def clock_time(self, name: str, required: bool = True) -> str:
        value = self.text(name, required=required)
        clock = parse_clock(value) if value else None
        if value and clock is None:
            self.problem(name, f"{value!r} is not a time of day like 19:00")
            return ""
        return clock or ""

    def text_list(self, name: str, required: bool = True) -> list[str]:
        value = self._get(name, required, "a list of text")
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self._wrong(name, value, "a list of text")
            return []
        good = []
        for n, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                good.append(item)
            else:
                self.problem(f"{name}[{n}]", "should be text" if not isinstance(item, str)
                             else "is empty")
        return good

    def word_table(self, name: str, required: bool = True) -> dict[str, str]:
        value = self.table(name, required)
        if value is None:
            return {}
        words = {}
        for slot, word in value.items():
            if isinstance(word, str):
                words[str(slot)] = word
            else:
                self._wrong(f"{name}.{slot}", word, "text")
        return words

    def table(self, name: str, required: bool = True) -> dict | None:
        value = self._get(name, required, "a table")
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self._wrong(name, value, "a table")
            return None
        return value

    def table_list(self, name: str, required: bool = True) -> list[Any]:
        value = self._get(name, required, f"a list of [[{name}]] tables")
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self._wrong(name, value, f"a list of [[{name}]] tables")
            return []
        return value

    def nested(self, key: str, build: Callable[..., T], raw: Any, *args: Any) -> T | None:
        """Build a child object from `raw`, keeping its problems under `key`."""
        try:
            return build(raw, *args, key=self.key(key))
        except ContentError as error:
            self.problems.extend(error.problems)
            return None

    def unknown_slots(self, name: str, text: str, known: set[str]) -> None:
        for slot in dict.fromkeys(SLOT_PATTERN.findall(text)):
            if slot not in known:
                self.problem(name, f"[{slot}] is a slot that no program defines")

    def no_unknown_keys(self, allowed: set[str]) -> None:
        for name in self.data:
            if name not in allowed:
                self.problems.append(Problem(f"unknown key {name!r}", self.key(name)))
