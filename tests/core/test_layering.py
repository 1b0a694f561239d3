"""The core never loads Qt: importing every module of `facilitator` leaves PySide6 and ui out."""

import json
import subprocess
import sys

SCRIPT = """
import importlib, json, pkgutil, sys
import facilitator
names = [m.name for m in pkgutil.walk_packages(facilitator.__path__, "facilitator.")
         if not m.name.endswith("__main__")]  # running it would start the command line
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(json.dumps({"modules": names, "qt": loaded}))
"""


def test_core_never_imports_qt_or_ui():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            check=True)
    report = json.loads(result.stdout)
    assert "facilitator.cli" in report["modules"]
    assert "facilitator.model" in report["modules"]
    assert report["qt"] == []


def test_plain_commands_do_not_load_reportlab_or_qt():
    script = (
        "import sys\nfrom facilitator.cli import main\nmain(['formats'])\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab')]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert "HEAVY []" in result.stdout
