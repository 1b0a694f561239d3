"""The two clocks the meeting runs on, behind one small interface that tests can replace.

A `Clock` gives a monotonic reading in seconds, for measuring how long a share
has run, and the local wall-clock time, for saying what time of day it is and
how the meeting stands against its planned end. `SystemClock` is the real one;
on Linux its monotonic reading is `CLOCK_BOOTTIME`, which keeps counting while
the laptop is suspended, so a share timer left running across a closed lid is
right when the lid opens. The boot id tells whether the monotonic reading still
counts from the same start: a reading saved before a reboot means nothing after
it. `FakeClock` moves only when a test says so, holding
time as whole nanoseconds so that a long simulated meeting accumulates no
rounding error of its own.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta


class Clock:
    """What the core needs to know about time. `SystemClock` and `FakeClock` are the two.

    A plain base class rather than a `typing.Protocol`: the app builds its window on
    a clock before its first paint, and `typing` is not worth loading for that.
    """

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes back while the computer runs."""
        raise NotImplementedError

    def now(self) -> datetime:
        """The local wall-clock time, naive (no time zone), as the room clock shows it."""
        raise NotImplementedError

    def boot_id(self) -> str:
        """Names the computer's current boot, so that monotonic readings taken in the same
        boot can be compared; "" where the system does not say."""
        raise NotImplementedError


def _boottime() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


def _linux_boot_id() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as file:
            return file.read().strip()
    except OSError:
        return ""


class SystemClock(Clock):
    """The computer's clocks. Monotonic time counts through suspend where the system allows."""

    def __init__(self) -> None:
        self._monotonic = time.monotonic
        self._boot_id = ""
        if sys.platform.startswith("linux"):
            self._boot_id = _linux_boot_id()
            if hasattr(time, "CLOCK_BOOTTIME"):
                self._monotonic = _boottime

    def monotonic(self) -> float:
        return self._monotonic()

    def now(self) -> datetime:
        return datetime.now()

    def boot_id(self) -> str:
        return self._boot_id


DEFAULT_FAKE_START = datetime(2026, 4, 7, 19, 0)

# A fake monotonic clock starts far from zero, so that code which confuses a
# reading with a duration fails in tests instead of passing by luck.
_FAKE_MONOTONIC_ORIGIN_NS = 1_000_000 * 1_000_000_000


class FakeClock(Clock):
    """A clock for tests: it stands still until `advance` moves both readings together."""

    def __init__(self, start: datetime = DEFAULT_FAKE_START) -> None:
        self._monotonic_ns = _FAKE_MONOTONIC_ORIGIN_NS
        self._wall = start
        self._boots = 1

    def monotonic(self) -> float:
        return self._monotonic_ns / 1e9

    def now(self) -> datetime:
        return self._wall

    def boot_id(self) -> str:
        return f"fake-boot-{self._boots}"

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
        self._boots += 1
