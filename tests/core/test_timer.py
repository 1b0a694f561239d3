"""The share timer against a fake clock: remaining time, cues, overtime, and drift."""

from __future__ import annotations

import json
import math
import random

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from facilitator.clock import FakeClock, SystemClock
from facilitator.timer import Cue, ShareTimer, TimerState, display_seconds, format_seconds


def test_ready_timer_shows_the_full_length_and_does_not_move():
    clock = FakeClock()
    timer = ShareTimer(clock, 180, 60)
    clock.advance(500)
    assert timer.state is TimerState.READY
    assert timer.remaining() == 180
    assert timer.display() == "3:00"
    assert timer.poll() == []


def test_a_share_runs_through_warning_time_up_and_overtime():
    clock = FakeClock()
    timer = ShareTimer(clock, 180, 60)
    timer.start()
    clock.advance(119.5)
    assert timer.poll() == []
    assert not timer.in_warning()
    clock.advance(0.5)
    assert timer.in_warning()
    assert timer.poll() == [Cue.WARNING]
    assert timer.poll() == []
    clock.advance(60)
    assert timer.state is TimerState.OVERTIME
    assert timer.poll() == [Cue.TIME_UP]
    clock.advance(7.2)
    assert timer.overtime() == 7.2 or math.isclose(timer.overtime(), 7.2)
    assert timer.display() == "+0:07"
    assert timer.poll() == []


def test_add_minute_after_the_warning_does_not_chime_again():
    clock = FakeClock()
    timer = ShareTimer(clock, 180, 60)
    timer.start()
    clock.advance(150)
    assert timer.poll() == [Cue.WARNING]
    timer.add_minute()
    assert timer.remaining() == 90
    assert not timer.in_warning()
    clock.advance(40)
    assert timer.in_warning()
    assert timer.poll() == []
    clock.advance(60)
    assert timer.poll() == [Cue.TIME_UP]


def test_add_minute_in_overtime_goes_back_to_running_and_time_up_stays_spent():
    clock = FakeClock()
    timer = ShareTimer(clock, 60, 30)
    timer.start()
    clock.advance(70)
    assert timer.poll() == [Cue.WARNING, Cue.TIME_UP]
    timer.add_minute()
    assert timer.state is TimerState.RUNNING
    assert timer.remaining() == 50
    clock.advance(100)
    assert timer.state is TimerState.OVERTIME
    assert timer.poll() == []


def test_a_share_shorter_than_the_warning_has_no_warning_cue():
    clock = FakeClock()
    timer = ShareTimer(clock, 45, 60)
    timer.start()
    assert timer.poll() == []
    clock.advance(30)
    assert timer.poll() == []
    clock.advance(15)
    assert timer.poll() == [Cue.TIME_UP]


def test_pause_holds_the_time_and_resume_continues_from_it():
    clock = FakeClock()
    timer = ShareTimer(clock, 180, 60)
    timer.toggle()
    clock.advance(30)
    timer.toggle()
    assert timer.state is TimerState.PAUSED
    clock.advance(1000)
    assert timer.remaining() == 150
    assert timer.poll() == []
    timer.toggle()
    assert timer.state is TimerState.RUNNING
    clock.advance(10)
    assert timer.remaining() == 140


def test_paused_in_overtime_stays_paused():
    clock = FakeClock()
    timer = ShareTimer(clock, 60, 30)
    timer.start()
    clock.advance(65)
    timer.pause()
    assert timer.state is TimerState.PAUSED
    assert timer.overtime() == 5


def test_next_share_resets_and_rearms():
    clock = FakeClock()
    timer = ShareTimer(clock, 60, 30)
    timer.start()
    clock.advance(61)
    assert timer.poll() == [Cue.WARNING, Cue.TIME_UP]
    timer.next_share()
    assert timer.state is TimerState.READY
    assert timer.remaining() == 60
    timer.start()
    clock.advance(61)
    assert timer.poll() == [Cue.WARNING, Cue.TIME_UP]


def test_set_length_while_running_keeps_the_elapsed_time():
    clock = FakeClock()
    timer = ShareTimer(clock, 180, 60)
    timer.start()
    clock.advance(30)
    timer.set_length(120)
    assert timer.remaining() == 90
    timer.next_share()
    assert timer.remaining() == 120


def test_lowering_the_warning_threshold_arms_a_short_share():
    clock = FakeClock()
    timer = ShareTimer(clock, 45, 60)
    timer.start()
    timer.set_warning(20)
    clock.advance(25)
    assert timer.poll() == [Cue.WARNING]


def test_display_rounding():
    assert display_seconds(180) == 180
    assert display_seconds(179.01) == 180
    assert display_seconds(0.2) == 1
    assert display_seconds(0) == 0
    assert display_seconds(-0.9) == 0
    assert display_seconds(-1.0) == -1
    assert format_seconds(61) == "1:01"
    assert format_seconds(-75.5) == "+1:15"
    assert format_seconds(0) == "0:00"


def test_the_timer_round_trips_through_plain_data():
    clock = FakeClock()
    timer = ShareTimer(clock, 180, 60)
    timer.start()
    clock.advance(130)
    assert timer.poll() == [Cue.WARNING]
    data = json.loads(json.dumps(timer.to_dict()))
    clock.advance(5)
    again = ShareTimer.from_dict(data, clock, elapsed_since_save=5)
    assert again.state is TimerState.RUNNING
    assert math.isclose(again.remaining(), timer.remaining())
    clock.advance(60)
    assert again.poll() == [Cue.TIME_UP]


def test_system_clock_reads_sensible_values():
    clock = SystemClock()
    first = clock.monotonic()
    assert clock.monotonic() >= first
    assert clock.now().tzinfo is None


# Random sequences ---------------------------------------------------------------

SIMPLE_ACTIONS = ("start", "pause", "resume", "toggle", "next", "add_minute")

ACTIONS = st.one_of(
    st.tuples(st.sampled_from(SIMPLE_ACTIONS)),
    st.tuples(st.just("start")),
    # Polls come often, as the console's ticks do.
    st.tuples(st.just("poll")),
    st.tuples(st.just("poll")),
    st.tuples(st.just("length"), st.integers(min_value=10, max_value=600)),
    # Clock jumps in whole milliseconds: ticks, and long stalls.
    st.tuples(st.just("advance"), st.integers(min_value=0, max_value=2_000)),
    st.tuples(st.just("advance"), st.integers(min_value=0, max_value=400_000)),
    st.tuples(st.just("advance"),
              st.sampled_from([30_000, 59_999, 60_000, 90_000, 180_000, 300_000])),
)


class ShareModel:
    """What the timer should say, worked out a different way: time allowed minus time run."""

    def __init__(self, length: float, warning: float):
        self.length = length
        self.warning = warning
        self.started = False
        self.running = False
        self.allowed = length
        self.run_ms = 0
        self.fired: list[Cue] = []
        self.warning_armed = False
        self.saw_warning_window = False
        self.saw_time_up = False

    @property
    def remaining(self) -> float:
        return self.allowed - self.run_ms / 1000


@settings(max_examples=300, deadline=None)
@given(
    length=st.one_of(st.sampled_from([60, 120, 180]), st.integers(min_value=10, max_value=600)),
    warning=st.one_of(st.sampled_from([30, 60]), st.integers(min_value=0, max_value=120)),
    actions=st.lists(ACTIONS, max_size=80),
)
@example(length=100, warning=30,
         actions=[("start",), ("advance", 75_000), ("poll",), ("add_minute",), ("poll",),
                  ("advance", 200_000), ("poll",), ("poll",), ("add_minute",), ("poll",)])
def test_random_sequences_keep_every_promise(length, warning, actions):
    clock = FakeClock()
    timer = ShareTimer(clock, length, warning)
    model = ShareModel(length, warning)

    def end_of_share():
        # Exactly once: a cue fires if and only if a poll found its threshold crossed.
        assert model.fired.count(Cue.WARNING) == (1 if model.saw_warning_window else 0)
        assert model.fired.count(Cue.TIME_UP) == (1 if model.saw_time_up else 0)

    for action in actions:
        name = action[0]
        if name == "start" or (name == "toggle" and not model.started):
            if not model.started:
                model.started = model.running = True
                model.warning_armed = warning > 0 and model.remaining > warning
            timer.start() if name == "start" else timer.toggle()
        elif name == "pause" or (name == "toggle" and model.running):
            model.running = False
            timer.pause() if name == "pause" else timer.toggle()
        elif name == "resume" or name == "toggle":
            if model.started:
                model.running = True
            timer.resume() if name == "resume" else timer.toggle()
        elif name == "next":
            end_of_share()
            timer.next_share()
            model = ShareModel(model.length, warning)
        elif name == "add_minute":
            model.allowed += 60
            timer.add_minute()
        elif name == "length":
            model.allowed += action[1] - model.length
            model.length = action[1]
            if not model.started:
                model.allowed = action[1]
            timer.set_length(action[1])
        elif name == "advance":
            clock.advance(action[1] / 1000)
            if model.running:
                model.run_ms += action[1]
        elif name == "poll":
            remaining = model.remaining
            event("poll after the warning" if model.started and remaining <= warning
                  else "poll before the warning")
            if model.started and model.warning_armed and remaining <= warning:
                model.saw_warning_window = True
            if model.started and remaining <= 0:
                model.saw_time_up = True
            model.fired += timer.poll()

        assert math.isclose(timer.remaining(), model.remaining, abs_tol=1e-6)
        assert timer.overtime() >= 0
        assert math.isclose(timer.overtime(), max(0.0, -model.remaining), abs_tol=1e-6)
        expected_state = (
            TimerState.READY if not model.started
            else TimerState.PAUSED if not model.running
            else TimerState.RUNNING if model.remaining > 1e-9
            else TimerState.OVERTIME)
        if abs(model.remaining) > 1e-6:
            assert timer.state is expected_state
        assert model.fired.count(Cue.WARNING) <= 1
        assert model.fired.count(Cue.TIME_UP) <= 1
    end_of_share()


# The simulated 90-minute meeting ---------------------------------------------------

def test_ninety_minutes_of_irregular_ticks_show_the_true_time_without_drift():
    """Ticks arrive every 50-150 ms with one 2-second stall, and the timer runs a share after
    share for 90 minutes. At every tick the shown whole second is the true one, the time
    the display lags the truth is never more than the gap since the last tick, the tick
    after the stall is right at once, and nothing drifts over the meeting."""
    rng = random.Random(1907)
    clock = FakeClock()
    share_ms = 180_000
    timer = ShareTimer(clock, share_ms / 1000, 60)
    elapsed_ms = 0  # the truth, counted in exact whole milliseconds
    share_started_ms = 0
    meeting_ms = 90 * 60 * 1000
    stall_at = 37 * 60 * 1000 + 123
    stalled = False
    timer.start()
    while elapsed_ms < meeting_ms:
        if not stalled and elapsed_ms >= stall_at:
            gap = 2000
            stalled = True
        else:
            gap = rng.randint(50, 150)
        clock.advance(gap / 1000)
        elapsed_ms += gap
        true_remaining = (share_ms - (elapsed_ms - share_started_ms)) / 1000
        shown = display_seconds(timer.remaining())
        assert shown == display_seconds(true_remaining)
        assert abs(timer.remaining() - true_remaining) < 1e-6
        timer.poll()
        if true_remaining <= -20:  # the chair moves on to the next share
            timer.next_share()
            timer.start()
            share_started_ms = elapsed_ms
    assert stalled
    final_true = (share_ms - (elapsed_ms - share_started_ms)) / 1000
    assert abs(timer.remaining() - final_true) < 1e-6
