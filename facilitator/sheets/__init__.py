"""Print-ready sheets: the chair's script, the one-card outline, reading cards, the newcomer sheet.

`render_pdf` is the one entry point. This module imports nothing from
reportlab at import time, so the app and the other commands can read
`LAYOUTS` and `PAPERS` (for a menu, say) without paying for reportlab; the
layout modules, which do import it, load only when a sheet is rendered.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from facilitator.content import Library
from facilitator.model import Format, GroupSettings, HistoryEntry
from facilitator.problems import FacilitatorError

LAYOUTS = ("script", "card", "readings", "newcomer")
PAPERS = ("letter", "a4", "half-letter", "index-5x8", "index-4x6")

_LAYOUT_MODULES = {
    "script": "facilitator.sheets.script",
    "card": "facilitator.sheets.card",
    "readings": "facilitator.sheets.readings_cards",
    "newcomer": "facilitator.sheets.newcomer",
}


@dataclass(frozen=True)
class SheetOptions:
    """What to print and how. `group` is None when no group has been set up yet, and the
    defaults of `GroupSettings` (an open meeting) are printed."""

    program: str = "aa"
    layout: str = "script"
    paper: str = "letter"
    large_print: bool = False
    date: dt.date = field(default_factory=dt.date.today)
    start: str = "19:00"
    step: int | None = None
    topic: str = ""
    group: GroupSettings | None = None
    invariant: bool = False
    # The group's past meetings, so that "the next step" and a fresh topic can be chosen.
    history: tuple[HistoryEntry, ...] = ()

    @property
    def deterministic(self) -> bool:
        """Reportlab's invariant mode: fixed dates and ids, so the same input gives the
        same bytes. Asked for by the caller or by FACILITATOR_INVARIANT=1."""
        return self.invariant or os.environ.get("FACILITATOR_INVARIANT", "") not in ("", "0")


def check_options(options: SheetOptions) -> None:
    if options.layout not in LAYOUTS:
        raise FacilitatorError(
            f"unknown layout {options.layout!r}; choose one of: {' '.join(LAYOUTS)}")
    if options.paper not in PAPERS:
        raise FacilitatorError(
            f"unknown paper {options.paper!r}; choose one of: {' '.join(PAPERS)}")


def render_pdf(library: Library, fmt: Format, options: SheetOptions,
               out: Path | BinaryIO) -> int:
    """Render one sheet of `fmt` as a PDF to a path or a binary file; return its page count."""
    check_options(options)
    library.program(options.program)  # an unknown program is a clear error before any work
    from facilitator.sheets import engine  # noqa: F401 - first: it loads reportlab quickly
    from facilitator.sheets.sheet import Sheet

    sheet = Sheet.prepare(library, fmt, options)
    module = importlib.import_module(_LAYOUT_MODULES[options.layout])
    target = str(out) if isinstance(out, Path) else out
    try:
        return module.render(sheet, target)
    except OSError as error:
        raise FacilitatorError(f"cannot write {out}: {error.strerror or error}") from None
