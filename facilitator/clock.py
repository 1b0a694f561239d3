"""The two clocks the meeting runs on, behind one small interface that tests can replace.

A `Clock` gives a monotonic reading in seconds, for measuring how long a share
has run, and the local wall-clock time, for saying what time of day it is and
how the meeting stands against its planned end. `SystemClock` is the real one;
on Linux its monotonic reading is `CLOCK_BOOTTIME`, which keeps counting while
the laptop is suspended, so a share timer left running across a closed lid is
right when the lid opens. `FakeClock` moves only when a test says so, holding
time as whole nanoseconds so that a long simulated meeting accumulates no
rounding error of its own.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """What the core needs to know about time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes back while the computer runs."""
        ...

    def now(self) -> datetime:
        """The local wall-clock time, naive (no time zone), as the room clock shows it."""
        ...


def _boottime() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


class SystemClock:
    """The computer's clocks. Monotonic time counts through suspend where the system allows."""

    def __init__(self) -> None:
        self._monotonic = time.monotonic
        if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
            self._monotonic = _boottime

    def monotonic(self) -> float:
        return self._monotonic()

    def now(self) -> datetime:
        return datetime.now()


DEFAULT_FAKE_START = datetime(2026, 4, 7, 19, 0)

# A fake monotonic clock starts far from zero, so that code which confuses a
# reading with a duration fails in tests instead of passing by luck.
_FAKE_MONOTONIC_ORIGIN_NS = 1_000_000 * 1_000_000_000


class FakeClock:
    """A clock for tests: it stands still until `advance` moves both readings together."""

    def __init__(self, start: datetime = DEFAULT_FAKE_START) -> None:
        self._monotonic_ns = _FAKE_MONOTONIC_ORIGIN_NS
        self._wall = start

    def monotonic(self) -> float:
        return self._monotonic_ns / 1e9

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Let time pass: the monotonic reading and the wall clock move by the same amount."""
        if seconds < 0:
            raise ValueError("time does not run backwards; use set_now for a wall-clock change")
        nanoseconds = round(seconds * 1e9)
        self._monotonic_ns += nanoseconds
        self._wall += timedelta(microseconds=nanoseconds / 1000)

    def set_now(self, moment: datetime) -> None:
        """Set the wall clock alone, as when the computer's time is corrected."""
        self._wall = moment

    def restart_monotonic(self, seconds: float = 0.0) -> None:
        """Start the monotonic reading again from `seconds`, as a reboot does."""
        self._monotonic_ns = round(seconds * 1e9)
