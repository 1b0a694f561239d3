"""A run: walking the plan, the timer per segment, the history entry, and crash resume."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from facilitator.clock import FakeClock
from facilitator.content import builtin_library
from facilitator.model import GroupSettings
from facilitator.plan import TonightChoice, build_plan
from facilitator.problems import FacilitatorError
from facilitator.run import Run, choice_from_state, resume_plan
from facilitator.timer import Cue, TimerState

LIBRARY = builtin_library()
TUESDAY = date(2026, 4, 7)
NAME = "Zelda Quixote-Marchbanks"


def make_plan(format_id="step", program="aa", choice=None, group=None):
    return build_plan(LIBRARY, LIBRARY.format(format_id), program, group or GroupSettings(),
                      TUESDAY, "19:00", choice)


def start_run(plan=None, clock=None):
    clock = clock or FakeClock(datetime(2026, 4, 7, 19, 0))
    return Run(plan or make_plan(), clock), clock


def index_of(plan, kind):
    return next(s.index for s in plan.segments if s.kind == kind)


def test_walking_the_plan():
    run, _ = start_run()
    segments = run.plan.segments
    assert run.index == 0 and run.current is segments[0]
    assert run.previous is None
    assert run.next is segments[1]
    assert not run.go_previous()
    assert run.go_next()
    assert run.previous is segments[0] and run.current is segments[1]
    run.jump(len(segments) - 1)
    assert run.is_last and run.next is None
    assert not run.go_next()
    assert run.current.title == "Closing"
    assert run.go_previous()
    assert run.index == len(segments) - 2
    with pytest.raises(FacilitatorError, match="no segment 15"):
        run.jump(14)


def test_the_timer_takes_each_segments_length_and_starts_fresh():
    plan = make_plan("smart", program="smart", group=GroupSettings(share_minutes=4))
    run, clock = start_run(plan)
    assert run.timer.length_seconds == 240  # the group's share length outside sharing
    run.jump(index_of(plan, "check-in"))
    assert run.timer.length_seconds == 60
    run.timer.start()
    clock.advance(20)
    run.jump(index_of(plan, "shares"))
    assert run.timer.length_seconds == 180
    assert run.timer.state is TimerState.READY
    assert run.timer.remaining() == 180
    speaker_plan = make_plan("speaker", choice=TonightChoice(speaker_count=2,
                                                             speaker_minutes=12))
    run, _ = start_run(speaker_plan)
    run.jump(index_of(speaker_plan, "speaker"))
    assert run.timer.length_seconds == 12 * 60


def test_the_warning_threshold_is_the_groups():
    run, _ = start_run(make_plan(group=GroupSettings(warning_seconds=30)))
    assert run.timer.warning_seconds == 30


def test_the_waiting_count_lives_in_memory_and_never_goes_below_zero():
    run, _ = start_run()
    run.waiting += 3
    assert run.waiting == 3
    run.waiting -= 5
    assert run.waiting == 0
    before = run.to_state()
    run.waiting = 37
    assert run.to_state() == before
    assert "waiting" not in json.dumps(before)


def test_ending_gives_the_history_entry_with_the_actual_minutes():
    run, clock = start_run()
    clock.advance(63.5 * 60)
    entry = run.end()
    assert entry.date == "2026-04-07"
    assert entry.format_id == "step"
    assert entry.step == 4
    assert entry.topic == ""
    assert entry.planned_minutes == 60
    assert entry.actual_minutes == 63.5

    discussion, clock = start_run(make_plan("discussion", choice=TonightChoice(topic="Hope")))
    clock.advance(55 * 60)
    entry = discussion.end()
    assert (entry.step, entry.topic, entry.actual_minutes) == (None, "Hope", 55)


def test_a_speakers_name_is_never_saved():
    plan = make_plan("speaker", choice=TonightChoice(speaker_count=1, speaker_names=(NAME,)))
    run, clock = start_run(plan)
    assert run.speaker_names == (NAME,)
    run.jump(index_of(plan, "speaker"))
    run.timer.start()
    clock.advance(600)
    state = json.dumps(run.to_state())
    clock.advance(3000)
    entry = run.end()
    for saved in (state, json.dumps(entry.to_dict()), repr(entry)):
        assert NAME not in saved
        assert "Zelda" not in saved


def test_a_run_saved_mid_share_resumes_with_the_time_that_passed():
    plan = make_plan("discussion", choice=TonightChoice(topic="Hope"))
    run, clock = start_run(plan)
    clock.advance(14 * 60)
    run.jump(index_of(plan, "shares"))
    run.timer.start()
    clock.advance(130)
    assert run.timer.poll() == [Cue.WARNING]
    state = json.loads(json.dumps(run.to_state()))

    clock.advance(25)  # the app was closed for 25 seconds
    again = Run.restore(resume_plan(LIBRARY, GroupSettings(), state), state, clock)
    assert again.index == run.index
    assert again.plan.topic == "Hope"
    assert again.timer.state is TimerState.RUNNING
    assert again.timer.remaining() == pytest.approx(180 - 130 - 25)
    assert again.timer.poll() == []  # the warning already sounded
    clock.advance(30)
    assert again.timer.poll() == [Cue.TIME_UP]
    assert again.started_at == run.started_at
    clock.advance(600)
    assert again.end().actual_minutes == run.end().actual_minutes


def test_a_paused_timer_resumes_paused():
    run, clock = start_run()
    run.timer.start()
    clock.advance(50)
    run.timer.pause()
    state = run.to_state()
    clock.advance(500)
    again = Run.restore(run.plan, state, clock)
    assert again.timer.state is TimerState.PAUSED
    assert again.timer.remaining() == pytest.approx(130)


def test_after_a_reboot_the_wall_clock_measures_the_gap():
    run, clock = start_run()
    run.timer.start()
    clock.advance(60)
    state = run.to_state()
    clock.advance(90)
    clock.restart_monotonic(12.0)  # the computer restarted; its monotonic clock with it
    again = Run.restore(run.plan, state, clock)
    assert again.timer.remaining() == pytest.approx(180 - 60 - 90)
    clock.advance(10)
    assert again.timer.remaining() == pytest.approx(20)


def test_a_wall_clock_correction_does_not_disturb_the_timer():
    run, clock = start_run()
    run.timer.start()
    clock.advance(60)
    state = run.to_state()
    clock.advance(10)
    clock.set_now(clock.now() + timedelta(seconds=40))  # the clock was corrected by 40 s
    again = Run.restore(run.plan, state, clock)
    assert again.timer.remaining() == pytest.approx(110)


def test_the_saved_choice_rebuilds_the_same_plan():
    plan = make_plan("speaker", choice=TonightChoice(speaker_count=2, speaker_minutes=15,
                                                     speaker_names=(NAME, "Bo")))
    run, _ = start_run(plan)
    choice = choice_from_state(run.to_state())
    assert (choice.speaker_count, choice.speaker_minutes) == (2, 15)
    assert choice.speaker_names == ()
    rebuilt = resume_plan(LIBRARY, GroupSettings(), run.to_state())
    assert [(s.title, s.start, s.minutes) for s in rebuilt.segments] == \
        [(s.title, s.start, s.minutes) for s in plan.segments]


@pytest.mark.parametrize("broken", [
    {}, {"version": 1}, {"version": 99, "index": 0},
    {"version": 1, "index": "x", "timer": {}, "started_at": "2026-04-07T19:00:00",
     "started_monotonic": 0, "saved_at": "2026-04-07T19:00:00", "saved_monotonic": 0},
])
def test_a_broken_saved_state_is_one_clear_error(broken):
    run, clock = start_run()
    with pytest.raises(FacilitatorError, match="cannot be resumed"):
        Run.restore(run.plan, broken, clock)


def test_resuming_a_speaker_meeting_keeps_the_formats_own_timing():
    """The format's speaker minutes (25, for one speaker of 20) are the format's, not a choice
    the chair made: resuming must rebuild exactly the same plan, with no new warnings."""
    data = LIBRARY.format("speaker").to_dict()
    for segment in data["segment"]:
        if segment["kind"] == "speaker":
            segment["minutes"] = 25
        if segment["kind"] == "shares":
            segment["minutes"] = 15
    from facilitator.model import Format

    fmt = Format.from_dict({**data, "id": "long-speaker"}, LIBRARY.readings)
    library = LIBRARY.with_group_items(formats=[fmt])
    plan = build_plan(library, fmt, "aa", GroupSettings(), TUESDAY, "19:00", None)
    run, _ = start_run(plan)
    rebuilt = resume_plan(library, GroupSettings(), run.to_state())
    assert [(s.kind, s.minutes, s.start) for s in rebuilt.segments] == \
        [(s.kind, s.minutes, s.start) for s in plan.segments]
    assert rebuilt.warnings == plan.warnings == ()


def running_share_state():
    run, clock = start_run()
    run.jump(index_of(run.plan, "shares"))
    run.timer.start()
    clock.advance(30)
    return run, clock, run.to_state()


def test_resume_after_a_daylight_saving_change_trusts_the_monotonic_clock():
    run, clock, state = running_share_state()
    clock.advance(300)  # closed for five minutes...
    clock.set_now(clock.now() - timedelta(hours=1))  # ...while the clocks went back an hour
    again = Run.restore(run.plan, state, clock)
    assert again.timer.remaining() == pytest.approx(180 - 30 - 300)


def test_resume_after_a_time_server_correction_trusts_the_monotonic_clock():
    run, clock, state = running_share_state()
    clock.advance(60)
    clock.set_now(clock.now() + timedelta(minutes=3))
    again = Run.restore(run.plan, state, clock)
    assert again.timer.remaining() == pytest.approx(180 - 30 - 60)


def test_resume_after_a_reboot_uses_the_wall_clock():
    run, clock, state = running_share_state()
    clock.advance(200)
    clock.restart_monotonic(5000)  # rebooted: the monotonic reading starts again, larger
    again = Run.restore(run.plan, state, clock)
    assert again.timer.remaining() == pytest.approx(180 - 30 - 200)


def test_actual_minutes_ignore_a_clock_change_during_the_meeting():
    run, clock = start_run()
    clock.advance(30 * 60)
    clock.set_now(clock.now() - timedelta(hours=1))
    clock.advance(30 * 60)
    assert run.end().actual_minutes == 60


def test_a_meeting_resumed_days_later_still_makes_a_history_entry_that_loads(tmp_path):
    from facilitator.store import Store

    run, clock, state = running_share_state()
    clock.advance(2 * 24 * 3600)
    again = Run.restore(run.plan, state, clock)
    entry = again.end()
    assert entry.actual_minutes == 24 * 60
    with Store.open(tmp_path / "data") as store:
        store.add_history(entry)
    with Store.open(tmp_path / "data") as store:
        assert store.history() == [entry]
        assert store.notices == []
