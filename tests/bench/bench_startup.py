"""Start-up and run-mode memory of the app against a bare PySide6 window (design.md section 11).

Run as a script: `python tests/bench/bench_startup.py [--runs N]`. It is not
collected by pytest. In one run it times, as whole processes on the offscreen
platform (median of N runs):

* a bare PySide6 main window that exits after its first paint;
* `facilitator --exit-after-start` on a data folder with a group set up (the
  tonight screen is the first screen);

and it compares the peak memory (ru_maxrss of the child) of the bare window with
the app in run mode: a meeting started, the console showing, the share timer
running and the room display open. Targets: both ratios at most 1.5.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed_bytecode import compile_project

TARGET = 1.5

BARE_WINDOW = r"""
import sys
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])
window = Window()
window.resize(1280, 760)
window.show()
sys.exit(app.exec())
"""

RUN_MODE = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from facilitator.store import Store
from ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
store = Store.open(Path(sys.argv[1]))
window = MainWindow(store)
window.open_first_screen()
window.resize(1280, 760)
window.show()

def run_meeting():
    window.start_meeting()
    console = window.console
    while not console.current.is_timed:
        console.next_segment()
    console.toggle_timer()
    window.toggle_room()
    QTimer.singleShot(600, app.quit)  # a few timer ticks and paints

window.first_painted.connect(run_meeting)
code = app.exec()
store.clear_run_state()
store.close()
sys.exit(code)
"""

SET_UP_GROUP = r"""
import sys
from pathlib import Path
from facilitator.model import GroupSettings
from facilitator.store import Store
with Store.open(Path(sys.argv[1])) as store:
    store.save_group(GroupSettings(name="Bench Group"))
"""


def measured(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(argv[:3])} failed ({code}): "
                         f"{process.stderr.read().decode(errors='replace')}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    compile_project()
    python = sys.executable
    facilitator = str(Path(python).with_name("facilitator"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FACILITATOR_HOME", None)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        subprocess.run([python, "-c", SET_UP_GROUP, str(data)], env=env, check=True)
        bare_times, app_times, bare_memory, run_memory = [], [], [], []
        # Warm the file cache once, then interleave so both see the same machine load.
        measured([python, "-c", BARE_WINDOW], env)
        measured([facilitator, "--data-dir", str(data), "--exit-after-start"], env)
        for _ in range(args.runs):
            seconds, peak = measured([python, "-c", BARE_WINDOW], env)
            bare_times.append(seconds)
            bare_memory.append(peak)
            seconds, _peak = measured(
                [facilitator, "--data-dir", str(data), "--exit-after-start"], env)
            app_times.append(seconds)
        for _ in range(3):
            run_memory.append(measured([python, "-c", RUN_MODE, str(data)], env)[1])
    bare = statistics.median(bare_times)
    app = statistics.median(app_times)
    bare_kb = statistics.median(bare_memory)
    run_kb = statistics.median(run_memory)
    print(f"start to first paint: bare window {bare * 1000:.0f} ms, "
          f"facilitator --exit-after-start {app * 1000:.0f} ms, ratio {app / bare:.2f} "
          f"(target <= 1.5)")
    print(f"peak memory: bare window {bare_kb / 1024:.0f} MB, run mode {run_kb / 1024:.0f} MB, "
          f"ratio {run_kb / bare_kb:.2f} (target <= 1.5)")
    return 0 if app / bare <= TARGET and run_kb / bare_kb <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
