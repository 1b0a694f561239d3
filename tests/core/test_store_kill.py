"""A saving process killed with SIGKILL at random moments never leaves a mixed or broken store.

A child process saves version after version of a format (each version's every
field names its number) and a run state, printing each number once both saves
have returned. The test reads a random number of those lines, kills the child
mid-stream, and opens the store: it must hold exactly the last acknowledged
version or the one being written, never a mix, and need no repair. The child's
saves are timed by nothing but its own speed, so the kills land at every stage
of a save (temporary file half written, fsync, replace, backup copy).
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from facilitator.model import Reading
from facilitator.store import Store

TOTAL_SAVES = 200

CHILD = r"""
import sys
from pathlib import Path
from facilitator.model import Format, Segment
from facilitator.store import Store

def version(n):
    tag = f"v{n}"
    segments = tuple(Segment("custom", 1, title=tag, note=tag) for _ in range(n % 7 + 1))
    return Format("killed", tag, "discussion", 60, segments, description=tag)

store = Store.open(Path(sys.argv[1]))
n = int(sys.argv[2])
print("ready", flush=True)
while True:
    store.save_format(version(n))
    store.save_run_state({"version": n, "padding": "x" * (n % 50) * 100})
    print(n, flush=True)
    n += 1
"""


def read_version(data_dir: Path) -> tuple[int | None, int | None]:
    """The format's and the run state's version, checking that each is all of one version."""
    with Store.open(data_dir) as store:
        assert store.notices == [], store.notices
        formats = store.formats()
        state = store.run_state()
    format_version = None
    if formats:
        (fmt,) = formats
        tags = {fmt.name, fmt.description, *(s.title for s in fmt.segments),
                *(s.note for s in fmt.segments)}
        assert len(tags) == 1, f"a mix of versions: {tags}"
        format_version = int(fmt.name[1:])
        assert len(fmt.segments) == format_version % 7 + 1
    run_version = None
    if state is not None:
        run_version = state["version"]
        assert state["padding"] == "x" * (run_version % 50) * 100
    return format_version, run_version


def test_sigkill_during_saves_leaves_the_old_or_the_new_state(tmp_path):
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store, store.batch():
        # Some bulk, so that each save writes a file big enough to be caught half-way.
        for n in range(150):
            store.save_reading(Reading(f"bulk-{n}", f"Bulk {n}", "", "Words. " * 60))
    rng = random.Random(20260407)
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    acknowledged = 0  # the last version the child said was saved
    saves = 0
    kills = 0
    while saves < TOTAL_SAVES:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), str(acknowledged + 1)],
            stdout=subprocess.PIPE, text=True, env=environment)
        assert child.stdout.readline().strip() == "ready"
        seen = [child.stdout.readline() for _ in range(rng.randint(1, 10))]
        # Reading a line returns just as the child starts its next save; a random pause
        # moves the kill to any point of it.
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        remaining, _ = child.communicate(timeout=30)
        kills += 1
        started_at = acknowledged
        for line in seen + remaining.splitlines():
            if line.strip().isdigit():
                acknowledged = max(acknowledged, int(line))
        saves += acknowledged - started_at
        format_version, run_version = read_version(data_dir)
        assert format_version in (acknowledged, acknowledged + 1)
        if acknowledged:
            assert run_version in (acknowledged, acknowledged + 1)
            assert run_version <= format_version
        # Whatever was caught mid-write is the starting point of the next round.
        acknowledged = format_version or 0
        leftovers = [p.name for p in data_dir.iterdir() if ".tmp-" in p.name]
        assert leftovers == []  # the open above cleaned up after the killed writer
    assert kills >= 10
    assert len(list((data_dir / "backups").iterdir())) <= 10
