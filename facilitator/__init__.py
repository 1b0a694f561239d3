"""Facilitator's core: the model, content, store, planning, timing, sheets and command line.

This package is plain Python. It never imports PySide6 or `ui`, so that the
command line, printing and the tests of every rule run without Qt.
"""

__version__ = "0.1.0"
