"""File ▸ Export group… and Import group…: the group's pack, with the merge report shown.

A pack holds the group settings and the group's own formats and readings, never
history or names (the store's `facilitator.packs` makes sure). Import validates
the whole file first; a bad pack gets one clear message and nothing is written.
A good one is merged without overwriting anything, and the user reads what was
added, renamed and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from facilitator.packs import MergeReport, export_pack, merge_pack, read_pack
from facilitator.problems import ContentError, FacilitatorError
from facilitator.store import Store
from ui.editors.dialogs import Asks

PACK_FILTER = "Facilitator group pack (*.json);;All files (*)"


class GroupPacks(Asks):
    """The two pack actions for one store. `changed` is called after an import writes."""

    def __init__(self, store: Store, parent_widget: QWidget | None = None,
                 changed: Callable[[], None] | None = None):
        self.store = store
        self.parent_widget = parent_widget
        self.changed = changed or (lambda: None)

    def suggested_name(self) -> str:
        group = self.store.group()
        name = re.sub(r"[^a-z0-9]+", "-", (group.name if group else "").lower()).strip("-")
        return f"{name or 'our'}-group.json"

    def export_group(self) -> Path | None:
        path = self.choose_save_path("Export the group", self.suggested_name(), PACK_FILTER)
        if path is None:
            return None
        if not path.suffix:
            path = path.with_suffix(".json")
        try:
            export_pack(self.store, path)
        except FacilitatorError as error:
            self.show_problem("The group is not exported", str(error))
            return None
        formats, readings = len(self.store.formats()), len(self.store.readings())
        self.show_message(
            "Group exported",
            f"Saved to {path}: the group's settings, {_count(formats, 'format')} and "
            f"{_count(readings, 'reading')}. The file holds no history and no names.")
        return path

    def import_group(self) -> MergeReport | None:
        path = self.choose_open_path("Import a group", PACK_FILTER)
        if path is None:
            return None
        try:
            pack = read_pack(path, self.store.library())
        except ContentError as error:
            lines = [str(p) for p in error.problems]
            shown = lines[:8] + ([f"…and {len(lines) - 8} more"] if len(lines) > 8 else [])
            self.show_problem("Nothing was imported",
                              "This file cannot be imported; nothing was changed.\n\n"
                              + "\n".join(shown))
            return None
        except FacilitatorError as error:
            self.show_problem("Nothing was imported", f"{error}\nNothing was changed.")
            return None
        try:
            report = merge_pack(self.store, pack)
        except FacilitatorError as error:
            self.show_problem("Nothing was imported", f"{error}\nNothing was changed.")
            return None
        self.changed()
        self.show_message("Group imported", report_text(report))
        return report


def report_text(report: MergeReport) -> str:
    """The merge report in plain words: what came in, what was renamed, what was left out."""
    parts = []
    if report.added:
        parts.append("Added:\n" + "\n".join(f"• {item}" for item in report.added))
    if report.renamed:
        parts.append("Kept under a new id, because a different one has the same id:\n"
                     + "\n".join(f"• {item}" for item in report.renamed))
    if report.skipped:
        parts.append("Skipped:\n" + "\n".join(f"• {item}" for item in report.skipped))
    counts = (f"{len(report.added)} added, {len(report.renamed)} renamed, "
              f"{len(report.skipped)} skipped. Nothing already here was changed.")
    return "\n\n".join([*parts, counts])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
