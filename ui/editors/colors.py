"""The few colours the secretary's windows use for problems and totals, readable in any theme.

A problem is always also said in words (and marked with "!" or "⚠"), so colour
is never the only sign. The shade is chosen from the window's background when
a widget is built: deep red on a light theme, a light red on a dark one.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette

_SHADES = {  # (on light, on dark)
    "problem": ("#b71c1c", "#ff8a80"),
    "over": ("#b71c1c", "#ff8a80"),
    "spare": ("#8a5a00", "#ffcc80"),
    "exact": ("#1b5e20", "#a5d6a7"),
}


def dark_background() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def shade(name: str) -> str:
    light, dark = _SHADES[name]
    return dark if dark_background() else light


def problem_style(bold: bool = True) -> str:
    return f"color: {shade('problem')};" + (" font-weight: 600;" if bold else "")
