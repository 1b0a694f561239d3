"""The meeting clock: ahead or behind, share time left, and a fair share length."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from facilitator.clock import FakeClock
from facilitator.content import builtin_library
from facilitator.meeting_clock import MeetingClock, describe_standing
from facilitator.model import GroupSettings
from facilitator.plan import build_plan

LIBRARY = builtin_library()

# The built-in step meeting: the study is 19:11-19:16, sharing 19:17-19:52.
STUDY, SHARES, CLOSING = 7, 9, 13


@pytest.fixture
def plan():
    return build_plan(LIBRARY, LIBRARY.format("step"), "aa", GroupSettings(),
                      date(2026, 4, 7), "19:00")


def at(hour, minute, second=0):
    return FakeClock(datetime(2026, 4, 7, hour, minute, second))


def test_the_plan_is_as_these_tests_expect(plan):
    assert plan.segments[STUDY].kind == "study"
    assert plan.segments[SHARES].kind == "shares"
    assert (plan.segments[SHARES].start, plan.segments[SHARES].end) == (
        datetime(2026, 4, 7, 19, 17), datetime(2026, 4, 7, 19, 52))


def test_now_and_the_planned_end(plan):
    meeting = MeetingClock(plan, at(19, 30))
    assert meeting.now() == datetime(2026, 4, 7, 19, 30)
    assert meeting.planned_end == datetime(2026, 4, 7, 20, 0)


def test_behind_ahead_and_on_time(plan):
    assert MeetingClock(plan, at(19, 20)).behind_minutes(STUDY) == 4
    assert MeetingClock(plan, at(19, 13)).behind_minutes(STUDY) == 0
    assert MeetingClock(plan, at(19, 9, 30)).behind_minutes(STUDY) == -1.5
    assert describe_standing(4) == "4 min behind"
    assert describe_standing(-1.6) == "2 min ahead"
    assert describe_standing(0.3) == "On time"


def test_share_time_left_counts_to_the_planned_end_of_sharing(plan):
    assert MeetingClock(plan, at(19, 30)).share_time_left(SHARES) == 22 * 60
    # Before sharing, on time: all of it.
    assert MeetingClock(plan, at(19, 12)).share_time_left(STUDY) == 35 * 60
    # Before sharing, three minutes behind: the closing keeps its time, sharing loses three.
    assert MeetingClock(plan, at(19, 19)).share_time_left(STUDY) == 32 * 60
    # Sharing ran over its planned end, or is over: none left.
    assert MeetingClock(plan, at(19, 55)).share_time_left(SHARES) == 0
    assert MeetingClock(plan, at(19, 58)).share_time_left(CLOSING) == 0


def test_the_suggested_share_length(plan):
    meeting = MeetingClock(plan, at(19, 30))  # 1320 s of sharing left
    assert meeting.suggested_share_seconds(5, SHARES) == 240   # 264 s, down to 4:00
    assert meeting.suggested_share_seconds(6, SHARES) == 210   # 220 s, down to 3:30
    assert meeting.suggested_share_seconds(11, SHARES) == 120
    assert meeting.suggested_share_seconds(40, SHARES) == 60   # never under a minute
    assert meeting.suggested_share_seconds(0, SHARES) == 1320
    late = MeetingClock(plan, at(19, 53))
    assert late.suggested_share_seconds(3, SHARES) == 60


@pytest.mark.parametrize("waiting", range(1, 30))
def test_suggestions_are_whole_half_minutes_and_fit_the_time(plan, waiting):
    meeting = MeetingClock(plan, at(19, 21, 17))
    suggestion = meeting.suggested_share_seconds(waiting, SHARES)
    assert suggestion % 30 == 0 and suggestion >= 60
    if suggestion > 60:
        assert suggestion * waiting <= meeting.share_time_left(SHARES)
