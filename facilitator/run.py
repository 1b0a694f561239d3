"""The meeting as it happens: where the chair is in the plan, and the share timer.

A `Run` walks a `Plan` segment by segment. Moving to a segment sets the share
timer to that segment's length (the share length in sharing segments, each
speaker's minutes in a speaker segment, the group's share length elsewhere) and
puts it back to ready, so each segment starts with a fresh timer. The number of
people waiting to share, and any speaker's name, live on this object in memory
only; `to_state()` leaves both out.

Crash resume: `to_state()` is plain JSON data holding the segment index, the
timer, tonight's choices (step, topic, passage, speaker count and minutes, never
a name) and the clock readings at the start and at the moment of saving.
`Run.restore` carries a running timer forward by the time that passed while the
app was closed. Within one boot of the computer that time is measured on the
monotonic clock, whatever the wall clock did meanwhile (a daylight-saving change,
a time-server correction). After a reboot the monotonic reading means nothing,
and the wall clock is used. Where the system names no boot, the two readings are
compared: if they disagree by more than two minutes, the wall clock is trusted.
The meeting's actual length, for the history, is also measured on the monotonic
clock, so a clock change during the meeting does not distort it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from datetime import datetime
from typing import Any

from facilitator.clock import Clock
from facilitator.content import Library
from facilitator.model import MAX_MINUTES, GroupSettings, HistoryEntry
from facilitator.plan import Plan, PlannedSegment, TonightChoice, build_plan
from facilitator.problems import FacilitatorError
from facilitator.timer import ShareTimer

STATE_VERSION = 1

# Monotonic and wall-clock time since the save may differ this much (a clock
# correction, a slow save) before the monotonic reading is taken to have restarted.
CLOCK_AGREEMENT_SECONDS = 120.0


class Run:
    """Tonight's meeting in progress."""

    def __init__(self, plan: Plan, clock: Clock) -> None:
        if not plan.segments:
            raise FacilitatorError("tonight's plan has no segments to run")
        self.plan = plan
        self.clock = clock
        self.started_at: datetime = clock.now()
        self.started_monotonic: float = clock.monotonic()
        self._index = 0
        self._waiting = 0
        self.timer = ShareTimer(clock, self._timer_seconds(plan.segments[0]),
                                plan.group.warning_seconds)

    # Where the chair is --------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> PlannedSegment:
        return self.plan.segments[self._index]

    @property
    def next(self) -> PlannedSegment | None:
        if self.is_last:
            return None
        return self.plan.segments[self._index + 1]

    @property
    def previous(self) -> PlannedSegment | None:
        return self.plan.segments[self._index - 1] if self._index > 0 else None

    @property
    def is_last(self) -> bool:
        return self._index == len(self.plan.segments) - 1

    def go_next(self) -> bool:
        """Move to the next segment; False (and no change) at the last one."""
        if self.is_last:
            return False
        self.jump(self._index + 1)
        return True

    def go_previous(self) -> bool:
        """Move to the previous segment; False (and no change) at the first one."""
        if self._index == 0:
            return False
        self.jump(self._index - 1)
        return True

    def jump(self, index: int) -> None:
        """Go to a segment by its position in the plan, with a fresh timer for it."""
        if not 0 <= index < len(self.plan.segments):
            raise FacilitatorError(
                f"there is no segment {index + 1}; tonight's plan has "
                f"{len(self.plan.segments)}")
        self._index = index
        self.timer.set_length(self._timer_seconds(self.current))
        self.timer.next_share()

    # Memory only ---------------------------------------------------------------

    @property
    def waiting(self) -> int:
        """How many people are waiting to share. Never saved."""
        return self._waiting

    @waiting.setter
    def waiting(self, count: int) -> None:
        self._waiting = max(0, int(count))

    @property
    def speaker_names(self) -> tuple[str, ...]:
        """The names the chair typed for tonight's speakers. Never saved."""
        return self.plan.choice.speaker_names

    # Ending and saving ----------------------------------------------------------

    def elapsed_minutes(self) -> float:
        """Minutes since the meeting started, by the monotonic clock."""
        return max(0.0, (self.clock.monotonic() - self.started_monotonic) / 60)

    def end(self) -> HistoryEntry:
        """The history entry for tonight: what was planned and how long it ran. The caller
        stores it (and, after a literature meeting, moves the bookmark on)."""
        plan = self.plan
        return HistoryEntry(
            date=plan.date.isoformat(),
            format_id=plan.format.id,
            step=plan.step,
            topic=plan.topic,
            passage=plan.passage,
            planned_minutes=round(min(plan.planned_minutes, MAX_MINUTES), 1),
            # A meeting resumed days after a crash has not really run for days.
            actual_minutes=round(min(self.elapsed_minutes(), MAX_MINUTES), 1),
        )

    def to_state(self) -> dict[str, Any]:
        """Everything needed to resume this meeting after a crash, and no name."""
        plan = self.plan
        choice = plan.choice
        return {
            "version": STATE_VERSION,
            "plan": {
                "format_id": plan.format.id,
                "program_id": plan.program.id,
                "date": plan.date.isoformat(),
                "start": f"{plan.start:%H:%M}",
                "meeting_minutes": plan.meeting_minutes,
                "step": choice.step,
                "topic": choice.topic,
                "passage": choice.passage,
                "speaker_count": choice.speaker_count,
                "speaker_minutes": choice.speaker_minutes,
            },
            "index": self._index,
            "timer": self.timer.to_dict(),
            "started_at": self.started_at.isoformat(),
            "started_monotonic": self.started_monotonic,
            "saved_at": self.clock.now().isoformat(),
            "saved_monotonic": self.clock.monotonic(),
            "boot_id": self.clock.boot_id(),
        }

    @classmethod
    def restore(cls, plan: Plan, state: dict[str, Any], clock: Clock) -> Run:
        """The run saved in `state`, continued on `plan` (rebuilt by the caller, for example
        with `resume_plan`). A running timer has lost the time the app was closed."""
        try:
            if state.get("version") != STATE_VERSION:
                raise ValueError(f"state version {state.get('version')!r}")
            elapsed = seconds_since_save(state, clock)
            run = cls(plan, clock)
            run._index = min(max(0, int(state["index"])), len(plan.segments) - 1)
            run.timer = ShareTimer.from_dict(state["timer"], clock, elapsed)
            run.started_at = datetime.fromisoformat(state["started_at"])
            ran = float(state["saved_monotonic"]) - float(state["started_monotonic"])
            run.started_monotonic = clock.monotonic() - max(0.0, ran) - elapsed
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise FacilitatorError(
                f"the saved meeting cannot be resumed ({error}); start it again") from None
        return run

    def _timer_seconds(self, segment: PlannedSegment) -> float:
        minutes = segment.timer_minutes or self.plan.group.share_minutes
        return float(minutes) * 60


def seconds_since_save(state: dict[str, Any], clock: Clock) -> float:
    """How long the app was closed: by the monotonic clock unless it restarted meanwhile."""
    by_monotonic = clock.monotonic() - float(state["saved_monotonic"])
    by_wall = (clock.now() - datetime.fromisoformat(state["saved_at"])).total_seconds()
    saved_boot, this_boot = str(state.get("boot_id") or ""), clock.boot_id()
    if saved_boot and this_boot:
        same_boot = saved_boot == this_boot and by_monotonic >= 0
        return by_monotonic if same_boot else max(0.0, by_wall)
    if by_monotonic < 0 or abs(by_monotonic - by_wall) > CLOCK_AGREEMENT_SECONDS:
        return max(0.0, by_wall)
    return by_monotonic


def choice_from_state(state: dict[str, Any]) -> TonightChoice:
    """Tonight's choices as saved. Speakers' names were never saved: the chair retypes them."""
    saved = state.get("plan", {})
    return TonightChoice(
        step=saved.get("step"),
        topic=saved.get("topic") or "",
        passage=saved.get("passage") or "",
        speaker_count=saved.get("speaker_count"),
        speaker_minutes=saved.get("speaker_minutes"),
    )


def resume_plan(library: Library, group: GroupSettings, state: dict[str, Any],
                history: Sequence[HistoryEntry] = ()) -> Plan:
    """Rebuild the plan a saved run was following, with the same step, topic and passage."""
    try:
        saved = state["plan"]
        fmt = library.format(saved["format_id"])
        return build_plan(
            library, fmt, saved["program_id"], group, Date.fromisoformat(saved["date"]),
            saved["start"], choice_from_state(state), history,
            meeting_minutes=saved.get("meeting_minutes"))
    except (KeyError, TypeError, ValueError) as error:
        raise FacilitatorError(
            f"the saved meeting cannot be resumed ({error}); start it again") from None
