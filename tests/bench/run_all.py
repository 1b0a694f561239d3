"""Run every benchmark in this folder and print its figures against its target.

Each `bench_*.py` here is a plain script that measures Facilitator against a bare
baseline in the same run and exits non-zero if a target of design.md section 11 is
missed. They are kept out of the test run because timings on a shared machine are
evidence, not a pass or fail for a unit test.
"""

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    failed = []
    for script in sorted(here.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)]).returncode != 0:
            failed.append(script.name)
    if failed:
        print("missed their targets: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
