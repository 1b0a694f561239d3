"""Benchmark: `facilitator print step --layout script` against a one-page reportlab PDF.

design.md section 11: printing the chair's script, as a whole process, may take
at most 2 × a process that only makes a one-page reportlab PDF. Both are timed
in the same run, on the same machine, as the median of several runs after a
warm-up, and the ratio is printed. Run it as a script (pytest does not collect
it): `.venv/bin/python tests/bench/bench_print.py [RUNS]`. Exit status 1 if the
ratio is over the target.
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
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    compile_project()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "FACILITATOR_HOME": str(Path(folder) / "home")}
        baseline = [sys.executable, "-c", BASELINE, str(Path(folder) / "baseline.pdf")]
        printing = [sys.executable, "-m", "facilitator", "print", "step", "--layout", "script",
                    "-o", str(Path(folder) / "script.pdf")]
        timed(baseline, env), timed(printing, env)  # warm the disk cache
        base_times, print_times = [], []
        for _ in range(runs):  # interleaved, so that machine load hits both alike
            base_times.append(timed(baseline, env))
            print_times.append(timed(printing, env))
    base, printed = statistics.median(base_times), statistics.median(print_times)
    ratio = printed / base
    print(f"one-page reportlab PDF: median {base * 1000:.0f} ms over {runs} runs")
    print(f"facilitator print step --layout script: median {printed * 1000:.0f} ms")
    print(f"ratio {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
