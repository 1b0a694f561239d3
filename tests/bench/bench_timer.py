"""Benchmark: the share timer against the true monotonic time (design.md section 11).

Two measurements. First, a simulated 90-minute meeting on a fake clock with
irregular ticks of 50-150 ms and one 2-second stall: at every tick the shown
whole second is compared with the true one, and the drift at the end is the
difference between the timer's remaining time and the exact one. Second, a short
run on the real clock (`SystemClock`, CLOCK_BOOTTIME on Linux) with 100 ms sleeps:
how far the timer's reading at each tick is from the monotonic time elapsed. Run:

    python tests/bench/bench_timer.py [--real-seconds N]

It is not collected by pytest: timings belong in benchmarks, not in tests.
"""

from __future__ import annotations

import argparse
import random
import time

from facilitator.clock import FakeClock, SystemClock
from facilitator.timer import ShareTimer, display_seconds

SHARE_SECONDS = 180


def simulated_meeting(seed: int = 1) -> tuple[int, int, float, float]:
    """Ticks, ticks with a wrong whole second, worst staleness (s), final drift (s)."""
    rng = random.Random(seed)
    clock = FakeClock()
    timer = ShareTimer(clock, SHARE_SECONDS, 60)
    timer.start()
    elapsed_ms = share_start_ms = ticks = wrong = 0
    worst_gap = 0.0
    stall_done = False
    while elapsed_ms < 90 * 60 * 1000:
        gap = 2000 if not stall_done and elapsed_ms > 45 * 60 * 1000 else rng.randint(50, 150)
        stall_done = stall_done or gap == 2000
        clock.advance(gap / 1000)
        elapsed_ms += gap
        ticks += 1
        true_remaining = SHARE_SECONDS - (elapsed_ms - share_start_ms) / 1000
        if display_seconds(timer.remaining()) != display_seconds(true_remaining):
            wrong += 1
        if gap != 2000:
            worst_gap = max(worst_gap, gap / 1000)
        if true_remaining < -15:
            timer.next_share()
            timer.start()
            share_start_ms = elapsed_ms
    drift = timer.remaining() - (SHARE_SECONDS - (elapsed_ms - share_start_ms) / 1000)
    return ticks, wrong, worst_gap, drift


def real_clock(seconds: float) -> tuple[int, float]:
    """Ticks, and the worst difference (s) between the timer and the monotonic clock."""
    clock = SystemClock()
    timer = ShareTimer(clock, SHARE_SECONDS, 60)
    began = clock.monotonic()
    timer.start()
    worst = 0.0
    ticks = 0
    while clock.monotonic() - began < seconds:
        time.sleep(0.1)
        truth = SHARE_SECONDS - (clock.monotonic() - began)
        worst = max(worst, abs(timer.remaining() - truth))
        ticks += 1
    return ticks, worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-seconds", type=float, default=3.0)
    args = parser.parse_args()
    ticks, wrong, worst_gap, drift = simulated_meeting()
    print(f"simulated 90 minutes: {ticks} ticks, {wrong} showing a wrong second, "
          f"display at most {worst_gap * 1000:.0f} ms stale between ticks (after the 2 s "
          f"stall: right on the next tick), drift at the end {drift:+.9f} s")
    ticks, worst = real_clock(args.real_seconds)
    print(f"real clock {args.real_seconds:g} s: {ticks} ticks, timer within "
          f"{worst * 1e6:.1f} µs of the monotonic clock")


if __name__ == "__main__":
    main()
