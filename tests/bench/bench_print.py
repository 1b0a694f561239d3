"""Benchmark: `facilitator print step --layout script` against a one-page reportlab PDF.

design.md section 11: printing the chair's script, as a whole process, may take
at most 2 × a process that only makes a one-page reportlab PDF. Both are timed
in the same run, on the same machine, as the median of several runs after a
warm-up, and the ratio is printed. Run it as a script (pytest does not collect
it): `.venv/bin/python tests/bench/bench_print.py [RUNS]`. It prints for a data
folder before set-up and for one with a group set up (the store is then read),
and exits with status 1 if either ratio is over the target.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed_bytecode import compile_project

TARGET = 2.0

BASELINE = """
import sys
from reportlab.pdfgen import canvas
page = canvas.Canvas(sys.argv[1])
page.setFont("Helvetica", 12)
page.drawString(72, 720, "One page made by reportlab.")
page.showPage()
page.save()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    compile_project()
    with tempfile.TemporaryDirectory() as folder:
        homes = {"before set-up": Path(folder) / "new", "with a group": Path(folder) / "group"}
        facilitator = [sys.executable, "-m", "facilitator"]
        subprocess.run([*facilitator, "--data-dir", str(homes["with a group"]), "group", "set",
                        "name", "Bench Group"], check=True, stdout=subprocess.DEVNULL)
        baseline = [sys.executable, "-c", BASELINE, str(Path(folder) / "baseline.pdf")]
        printing = {case: [*facilitator, "--data-dir", str(home), "print", "step", "--layout",
                           "script", "-o", str(Path(folder) / "script.pdf")]
                    for case, home in homes.items()}
        env = dict(os.environ)
        timed(baseline, env), [timed(command, env) for command in printing.values()]  # warm up
        base_times: list[float] = []
        print_times: dict[str, list[float]] = {case: [] for case in printing}
        for _ in range(runs):  # interleaved, so that machine load hits all alike
            base_times.append(timed(baseline, env))
            for case, command in printing.items():
                print_times[case].append(timed(command, env))
    base = statistics.median(base_times)
    print(f"one-page reportlab PDF: median {base * 1000:.0f} ms over {runs} runs")
    worst = 0.0
    for case, times in print_times.items():
        printed = statistics.median(times)
        worst = max(worst, printed / base)
        print(f"facilitator print step --layout script, {case}: median {printed * 1000:.0f} ms, "
              f"ratio {printed / base:.2f} (target <= {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
