"""Benchmark: how long one save takes with ten times a large group's data.

A large group might keep 20 formats, 200 readings and a year of weekly history;
ten times that is 200 formats, 2,000 readings and 520 history records
(design.md section 11: the median save must take 30 ms or less). The store is
filled once, then each kind of save is timed on its own. Run it as a script:

    python tests/bench/bench_store.py [--rounds N] [--data-dir DIR]

It is not collected by pytest: timings belong in benchmarks, not in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from facilitator.atomic_storage import encode_tables
from facilitator.content import builtin_library
from facilitator.model import GroupSettings, HistoryEntry, Reading
from facilitator.store import DATA_FILE, HISTORY_FILE, SCHEMA_VERSION, Store

FORMATS = 200
READINGS = 2_000
HISTORY = 520  # ten years of weekly meetings
TARGET_MS = 30.0


def large_group_tables() -> tuple[dict, dict]:
    """The main file's and the history file's tables, built directly (quicker than 2,700 saves)."""
    library = builtin_library()
    builtin_formats = list(library.formats.values())
    texts = [r.body(library.words("aa")) for r in library.readings.values()]
    # About 1,500 characters a reading: a passage the group typed in from its literature.
    passage = " ".join(texts)[:1_500]
    formats = {}
    for n in range(FORMATS):
        fmt = builtin_formats[n % len(builtin_formats)]
        formats[str(n + 1)] = replace(fmt, id=f"{fmt.id}-own-{n}", name=f"{fmt.name} {n}").to_dict()
    readings = {}
    for n in range(READINGS):
        reading = Reading(f"passage-{n}", f"Passage {n}", "The group's literature",
                          f"{n}: {passage}")
        readings[str(n + 1)] = reading.to_dict()
    group = {"1": GroupSettings(name="Tuesday Night Serenity").to_dict()}
    history = {}
    for n in range(HISTORY):
        year, week = divmod(n, 52)
        entry = HistoryEntry(f"{2016 + year}-{(week // 4) % 12 + 1:02d}-{(week % 4) * 7 + 1:02d}",
                             "step", step=week % 12 + 1, topic="Acceptance",
                             planned_minutes=60, actual_minutes=62)
        history[str(n + 1)] = entry.to_dict()
    return ({"group": group, "formats": formats, "readings": readings},
            {"history": history})


def time_saves(label: str, save, rounds: int) -> float:
    durations = []
    for n in range(rounds):
        started = time.perf_counter()
        save(n)
        durations.append((time.perf_counter() - started) * 1000)
    median = statistics.median(durations)
    print(f"{label:<28} median {median:7.2f} ms   "
          f"min {min(durations):7.2f}   max {max(durations):7.2f}   ({rounds} saves)")
    return median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--data-dir", type=Path,
                        help="where to build the store (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.data_dir) as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir(mode=0o700)
        main_tables, history_tables = large_group_tables()
        (data_dir / DATA_FILE).write_bytes(encode_tables(main_tables, SCHEMA_VERSION))
        (data_dir / HISTORY_FILE).write_bytes(encode_tables(history_tables, SCHEMA_VERSION))
        size = (data_dir / DATA_FILE).stat().st_size
        print(f"data file {size / 1e6:.1f} MB: {FORMATS} formats, {READINGS} readings; "
              f"{HISTORY} history records in their own file")
        started = time.perf_counter()
        store = Store.open(data_dir)
        print(f"{'open (writer)':<28} {1000 * (time.perf_counter() - started):7.2f} ms")
        fmt = store.formats()[0]
        reading = store.readings()[0]
        group = store.group()
        with store:
            results = {
                "save_group": time_saves(
                    "save_group", lambda n: store.save_group(replace(group, volume=n % 100)),
                    args.rounds),
                "save_format": time_saves(
                    "save_format", lambda n: store.save_format(replace(fmt, name=f"Edited {n}")),
                    args.rounds),
                "save_reading": time_saves(
                    "save_reading",
                    lambda n: store.save_reading(replace(reading, title=f"Edited {n}")),
                    args.rounds),
                "add_history": time_saves(
                    "add_history",
                    lambda n: store.add_history(HistoryEntry("2026-04-07", "step", step=4)),
                    args.rounds),
                "save_run_state": time_saves(
                    "save_run_state",
                    lambda n: store.save_run_state({"index": n % 12, "timer": {"paused": False}}),
                    args.rounds),
            }
    worst = max(results["save_group"], results["save_format"], results["save_reading"])
    verdict = "meets" if worst <= TARGET_MS else "MISSES"
    print(f"slowest median of an edit save: {worst:.2f} ms; {verdict} the {TARGET_MS:g} ms target")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
