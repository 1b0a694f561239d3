"""Lets go of the module sources that PySide6 reads at every import.

PySide6 replaces `__import__` so that any module may write `from __feature__
import snake_case`. To learn which modules might, it reads the whole source of
every module named by an import statement run after PySide6 has loaded, and
Python's `linecache` then keeps every line it read for the life of the process:
about 3 MB here, a quarter of the app's Python heap, that nothing reads again (a
traceback reads its lines afresh). The main window drops those lines after each
batch of imports (its own, tonight's screen, the console), so they never pile
up to raise the meeting's peak memory (design.md section 11).
"""

from __future__ import annotations

import linecache


def forget_module_sources() -> None:
    """Empty the line cache that PySide6's import hook fills with module sources."""
    linecache.clearcache()
