"""The share timer: how long the current share (or speaker) has left, and when to chime.

The timer never counts ticks. While it runs it holds a deadline on the injected
monotonic clock, and every read computes `deadline - now`, so a display that
redraws late (a stalled event loop, a suspended laptop) is right on its next
redraw and a 90-minute meeting accumulates no drift. While it is paused or ready
it holds the remaining seconds instead.

Cue rules, chosen so that a chair hears each chime at most once per share:

- Each share has one WARNING cue and one TIME_UP cue. `poll()` returns a cue the
  first time its threshold is found crossed (remaining <= warning seconds, or
  remaining <= 0); after that the cue is spent until `next_share()`.
- `add_minute()`, `set_length()` and `resume()` never re-arm a spent cue: adding
  a minute after the warning chimed gives the sharer more time in silence.
- A share that starts with no more than the warning threshold (a 45-second share
  with a 60-second warning, or a warning of 0) has no warning cue at all: the
  chime would otherwise sound the moment the share began. Time-up alone marks it.
- If one poll finds both thresholds crossed (the loop stalled through the whole
  warning window), it returns both, WARNING first; the console may play just one.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any

from facilitator.clock import Clock

MINUTE = 60.0


class TimerState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    OVERTIME = "overtime"


class Cue(StrEnum):
    WARNING = "warning"
    TIME_UP = "time-up"


def display_seconds(remaining: float) -> int:
    """The whole seconds a display shows: counting down to 0, then overtime counting up.

    Counting down rounds up (a share shows 3:00 until a full second has gone, and
    0:01 until time is up); overtime rounds down (it shows +0:01 after one full
    second over). The sign says which: negative means overtime.
    """
    if remaining > 0:
        return math.ceil(remaining - 1e-9)
    return -math.floor(-remaining + 1e-9)


def format_seconds(remaining: float) -> str:
    """"2:59" while counting down, "+0:07" in overtime."""
    shown = display_seconds(remaining)
    minutes, seconds = divmod(abs(shown), 60)
    return f"{'+' if remaining <= 0 and shown else ''}{minutes}:{seconds:02d}"


class ShareTimer:
    """One share at a time, timed against a monotonic clock."""

    def __init__(self, clock: Clock, length_seconds: float = 180,
                 warning_seconds: float = 60) -> None:
        _check_length(length_seconds)
        self._clock = clock
        self._length = float(length_seconds)
        self._warning = max(0.0, float(warning_seconds))
        self._running = False
        self._started = False
        # When running: the monotonic deadline. Otherwise: the seconds left.
        self._deadline = 0.0
        self._held = self._length
        self._spent: set[Cue] = set()
        self._warning_armed = True

    # Reading ---------------------------------------------------------------

    @property
    def length_seconds(self) -> float:
        return self._length

    @property
    def warning_seconds(self) -> float:
        return self._warning

    @property
    def state(self) -> TimerState:
        if not self._started:
            return TimerState.READY
        if not self._running:
            return TimerState.PAUSED
        return TimerState.RUNNING if self.remaining() > 0 else TimerState.OVERTIME

    @property
    def started(self) -> bool:
        """True once the current share has begun (running, paused or in overtime)."""
        return self._started

    def remaining(self) -> float:
        """Seconds left in this share, read from the clock now; negative in overtime."""
        if self._running:
            return self._deadline - self._clock.monotonic()
        return self._held

    def overtime(self) -> float:
        """Seconds past the end of the share; 0 while time is left."""
        return max(0.0, -self.remaining())

    def in_warning(self) -> bool:
        return self._started and 0 < self.remaining() <= self._warning

    def display(self) -> str:
        return format_seconds(self.remaining())

    # Controls --------------------------------------------------------------

    def start(self) -> None:
        """Start the share from ready. Does nothing once the share has begun."""
        if self._started:
            return
        self._started = True
        self._warning_armed = self._warning > 0 and self._held > self._warning
        self._run_from(self._held)

    def pause(self) -> None:
        if self._running:
            self._held = self.remaining()
            self._running = False

    def resume(self) -> None:
        if self._started and not self._running:
            self._run_from(self._held)

    def toggle(self) -> None:
        """The one key for the timer: start when ready, pause when running, resume when paused."""
        if not self._started:
            self.start()
        elif self._running:
            self.pause()
        else:
            self.resume()

    def next_share(self) -> None:
        """Back to ready with the full share length, both cues armed again."""
        self._running = False
        self._started = False
        self._held = self._length
        self._spent.clear()
        self._warning_armed = True

    def add_minute(self) -> None:
        """One more minute for this share. Spent cues stay spent."""
        self._shift(MINUTE)

    def set_length(self, seconds: float) -> None:
        """Set the share length. A share already begun keeps its elapsed time, so its end
        moves by the difference; a ready timer simply shows the new length."""
        _check_length(seconds)
        change = float(seconds) - self._length
        self._length = float(seconds)
        if self._started:
            self._shift(change)
        else:
            self._held = self._length

    def set_warning(self, seconds: float) -> None:
        """Set how many seconds before the end the warning sounds (0 for none)."""
        self._warning = max(0.0, float(seconds))
        if self._started and Cue.WARNING not in self._spent:
            # A threshold raised past the time already left would chime at once,
            # which is the confusing start-of-share chime the rules rule out.
            self._warning_armed = self._warning > 0 and self.remaining() > self._warning

    def poll(self) -> list[Cue]:
        """The cues that have become due since the last poll; each at most once per share."""
        if not self._started:
            return []
        remaining = self.remaining()
        due = []
        if (self._warning_armed and Cue.WARNING not in self._spent
                and remaining <= self._warning):
            due.append(Cue.WARNING)
        if Cue.TIME_UP not in self._spent and remaining <= 0:
            due.append(Cue.TIME_UP)
        self._spent.update(due)
        return due

    # Saving ----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The timer's state as plain data. A running timer is saved by its remaining seconds
        at the moment of saving, with the clock readings needed to carry it forward."""
        return {
            "state": self.state.value,
            "running": self._running,
            "started": self._started,
            "length_seconds": self._length,
            "warning_seconds": self._warning,
            "remaining": self.remaining(),
            "spent": sorted(cue.value for cue in self._spent),
            "warning_armed": self._warning_armed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock,
                  elapsed_since_save: float = 0.0) -> ShareTimer:
        """Rebuild a timer. A timer that was running has lost `elapsed_since_save` seconds
        while the app was closed (the caller measures that; see `Run.restore`)."""
        timer = cls(clock, float(data.get("length_seconds", 180)),
                    float(data.get("warning_seconds", 60)))
        timer._started = bool(data.get("started", False))
        timer._spent = {Cue(value) for value in data.get("spent", ())}
        timer._warning_armed = bool(data.get("warning_armed", True))
        remaining = float(data.get("remaining", timer._length))
        if timer._started and data.get("running", False):
            timer._run_from(remaining - max(0.0, elapsed_since_save))
        else:
            timer._held = remaining
        return timer

    # Inside ------------------------------------------------------------------

    def _run_from(self, remaining: float) -> None:
        self._deadline = self._clock.monotonic() + remaining
        self._running = True

    def _shift(self, seconds: float) -> None:
        if self._running:
            self._deadline += seconds
        else:
            self._held += seconds


def _check_length(seconds: float) -> None:
    if not 0 < seconds < float("inf"):
        raise ValueError(f"a share needs a positive length, not {seconds!r} seconds")
