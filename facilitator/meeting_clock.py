"""The meeting clock: the time of day against the plan, and a fair length for each share.

The meeting ends at a time of day, so this works on the wall clock. It says how
far ahead or behind the meeting is (against the planned clock times of the
segment the chair is on), how much sharing time is left before the planned end
of the sharing part, and what share length would let everyone waiting have a
turn. The waiting count is passed in on every call and never kept.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from facilitator.clock import Clock
from facilitator.model import SHARING_KINDS
from facilitator.plan import Plan, PlannedSegment

SUGGESTION_STEP_SECONDS = 30
SHORTEST_SUGGESTED_SHARE = 60


class MeetingClock:
    """Wall-clock time measured against tonight's plan."""

    def __init__(self, plan: Plan, clock: Clock) -> None:
        self.plan = plan
        self.clock = clock

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def planned_end(self) -> datetime:
        return self.plan.end

    def behind_minutes(self, current_index: int) -> float:
        """How far the meeting is behind its plan (positive) or ahead of it (negative).

        On the segment the chair is on, the meeting is on time anywhere between that
        segment's planned start and end; before its start it is ahead by the
        difference, after its end it is behind by the difference.
        """
        segment = self._segment(current_index)
        now = self.now()
        if now < segment.start:
            return -(segment.start - now).total_seconds() / 60
        if now > segment.end:
            return (now - segment.end).total_seconds() / 60
        return 0.0

    def share_time_left(self, current_index: int) -> float:
        """Seconds of sharing left before the planned end of the sharing part.

        The sharing part is the current segment when it is a sharing one, else the next
        sharing segment. Before it begins, the time the meeting is behind comes off it,
        because the closing keeps its time. 0 when no sharing is left tonight.
        """
        sharing = self._sharing_segment(current_index)
        if sharing is None:
            return 0.0
        now = self.now()
        if sharing.index == current_index:
            begins = now
        else:
            late = timedelta(minutes=max(0.0, self.behind_minutes(current_index)))
            begins = max(now, sharing.start + late)
        return max(0.0, (sharing.end - begins).total_seconds())

    def suggested_share_seconds(self, waiting: int, current_index: int) -> int:
        """Share time left divided among the people waiting, rounded down to 30 seconds,
        and never under a minute. With nobody waiting, the whole time left counts."""
        left = self.share_time_left(current_index) / max(1, waiting)
        rounded = int(left // SUGGESTION_STEP_SECONDS) * SUGGESTION_STEP_SECONDS
        return max(SHORTEST_SUGGESTED_SHARE, rounded)

    def _segment(self, index: int) -> PlannedSegment:
        segments = self.plan.segments
        return segments[min(max(0, index), len(segments) - 1)]

    def _sharing_segment(self, current_index: int) -> PlannedSegment | None:
        for segment in self.plan.segments[max(0, current_index):]:
            if segment.kind in SHARING_KINDS:
                return segment
        return None


def describe_standing(behind_minutes: float) -> str:
    """"On time", "3 min behind" or "2 min ahead", rounded to whole minutes for the console."""
    whole = round(behind_minutes)
    if whole == 0:
        return "On time"
    return f"{abs(whole)} min {'behind' if whole > 0 else 'ahead'}"

