"""Group packs: the group's settings, formats and readings in one JSON file, to share or move.

A pack carries what the group chose and nothing about people (design.md section 3,
rule 5): no history, no run state, no names. Reading a pack validates every part
of it through the model's `from_dict` before anything is written, and a pack with
any key it does not know (`history`, `names`, ...) is refused whole. Merging
never overwrites: an item whose id is taken by different content comes in under
a new id (and the pack's formats follow their renamed readings), an identical
item is skipped, and the group's own settings are kept if it already has some.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from facilitator.atomic_storage import write_atomically
from facilitator.content import Library, read_limited
from facilitator.model import Format, GroupSettings, Reading
from facilitator.problems import ContentError, FacilitatorError, Problem, describe_os_error
from facilitator.store import Store, copy_id
from facilitator.validation import Checker

PACK_KIND = "facilitator group pack"
PACK_VERSION = 1
PACK_KEYS = {"kind", "pack_version", "group", "formats", "readings"}
# Said plainly when someone tries to carry these in a pack (design.md section 3).
FORBIDDEN_KEYS = {
    "history": "a group pack never carries the meeting history",
    "run_state": "a group pack never carries a meeting in progress",
    "run-state": "a group pack never carries a meeting in progress",
}
MAX_PACK_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Pack:
    """A validated pack: nothing in it has been written anywhere yet."""

    group: GroupSettings | None
    formats: tuple[Format, ...]
    readings: tuple[Reading, ...]


@dataclass
class MergeReport:
    """What an import did, one line per item, for the user to read."""

    added: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"added {item}" for item in self.added]
        lines += [f"renamed {item}" for item in self.renamed]
        lines += [f"skipped {item}" for item in self.skipped]
        counts = f"{len(self.added)} added, {len(self.renamed)} renamed, " \
                 f"{len(self.skipped)} skipped"
        return [*lines, counts]


# Export --------------------------------------------------------------------

def pack_data(store: Store) -> dict[str, Any]:
    """The group's pack as plain data: settings, own formats and own readings."""
    group = store.group()
    return {
        "kind": PACK_KIND,
        "pack_version": PACK_VERSION,
        "group": group.to_dict() if group is not None else None,
        "formats": [fmt.to_dict() for fmt in store.formats()],
        "readings": [reading.to_dict() for reading in store.readings()],
    }


def export_pack(store: Store, path: Path) -> None:
    """Write the group's pack to `path` atomically (0600: it is the group's business)."""
    data = json.dumps(pack_data(store), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    try:
        write_atomically(Path(path), data)
    except OSError as error:
        raise FacilitatorError(describe_os_error(error, f"cannot write {path}")) from None


# Import --------------------------------------------------------------------

def read_pack(path: Path, library: Library) -> Pack:
    """The pack in `path`, fully validated; ContentError naming the file and key if not."""
    name = str(path)
    raw = read_limited(Path(path), MAX_PACK_BYTES, "group packs")
    if not raw.strip():
        raise ContentError([Problem("is not a group pack: the file is empty", file=name)])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ContentError([Problem("is not a group pack: it is not UTF-8 text", file=name)]) \
            from None
    except json.JSONDecodeError as error:
        raise ContentError([Problem(f"is not a group pack: {error.msg}", file=name,
                                    line=error.lineno)]) from None
    except ValueError:
        # json refuses to turn thousands of digits into an int (a guard against slow input).
        raise ContentError([Problem("is not a group pack: it holds a number thousands of "
                                    "digits long", file=name)]) from None
    except RecursionError:
        raise ContentError([Problem("is not a group pack: its lists are nested too deeply to "
                                    "read", file=name)]) from None
    try:
        return parse_pack(data, library)
    except ContentError as error:
        raise ContentError([p.located(name) for p in error.problems]) from None


def parse_pack(data: Any, library: Library) -> Pack:
    """Validate a pack's data through the model; every problem is collected before raising."""
    c = Checker(data)
    if c.problems:
        c.raise_if_any()
    version = c.integer("pack_version", low=1)
    if version is not None and version > PACK_VERSION:
        raise ContentError([Problem(
            f"this pack was made by a newer Facilitator (pack version {version}; this one "
            f"reads up to {PACK_VERSION}); update Facilitator to import it", "pack_version")])
    if c.has("kind") and data.get("kind") != PACK_KIND:
        c.problem("kind", f"should be {PACK_KIND!r}")
    for key in data:
        if key in FORBIDDEN_KEYS:
            c.problems.append(Problem(FORBIDDEN_KEYS[key], key))
        elif key not in PACK_KEYS:
            c.problems.append(Problem(
                f"unknown key {key!r}; a group pack holds only group settings, formats and "
                "readings", key))

    group = None
    if data.get("group") is not None:
        group = c.nested("group", _group_from_dict, data["group"], library)

    readings: list[Reading] = []
    for n, raw in enumerate(c.table_list("readings", required=False)):
        reading = c.nested(f"readings[{n}]", Reading.from_dict, raw, library.slots)
        if reading is not None:
            readings.append(reading)
    _no_duplicate_ids(c, "readings", readings)

    known_readings = {*library.readings, *(r.id for r in readings)}
    formats: list[Format] = []
    for n, raw in enumerate(c.table_list("formats", required=False)):
        fmt = c.nested(f"formats[{n}]", _format_from_dict, raw, known_readings)
        if fmt is not None:
            formats.append(fmt)
    _no_duplicate_ids(c, "formats", formats)
    c.raise_if_any()
    return Pack(group, tuple(formats), tuple(readings))


def _group_from_dict(data: Any, library: Library, key: str) -> GroupSettings:
    try:
        return GroupSettings.from_dict(data, library.programs)
    except ContentError as error:
        raise ContentError([_prefixed(p, key) for p in error.problems]) from None


def _format_from_dict(data: Any, known_readings: set[str], key: str) -> Format:
    try:
        return Format.from_dict(data, known_readings)
    except ContentError as error:
        raise ContentError([_prefixed(p, key) for p in error.problems]) from None


def _prefixed(problem: Problem, key: str) -> Problem:
    inner = problem.key if problem.key != "(top level)" else ""
    return Problem(problem.message, f"{key}.{inner}" if inner else key, problem.file, problem.line)


def _no_duplicate_ids(c: Checker, key: str, items: list[Format] | list[Reading]) -> None:
    seen: set[str] = set()
    for n, item in enumerate(items):
        if item.id in seen:
            c.problems.append(Problem(f"the id {item.id!r} appears twice in the pack",
                                      f"{key}[{n}].id"))
        seen.add(item.id)


def merge_pack(store: Store, pack: Pack) -> MergeReport:
    """Bring a validated pack into the store as one save; nothing already there is changed."""
    report = MergeReport()
    library = store.library()
    with store.batch():
        renamed_readings: dict[str, str] = {}
        taken = {*library.readings}
        for reading in pack.readings:
            final_id = _merge_item(reading, library.readings, taken, "reading", report,
                                   store.save_reading)
            if final_id != reading.id:
                renamed_readings[reading.id] = final_id
        taken = {*library.formats}
        for fmt in pack.formats:
            segments = tuple(
                replace(s, reading=renamed_readings.get(s.reading, s.reading))
                for s in fmt.segments)
            _merge_item(replace(fmt, segments=segments), library.formats, taken, "format",
                        report, store.save_format)
        if pack.group is not None:
            current = store.group()
            if current is None:
                store.save_group(pack.group)
                report.added.append("the group settings")
            elif current == pack.group:
                report.skipped.append("the group settings (already the same)")
            else:
                report.skipped.append("the group settings (this data folder keeps its own)")
    return report


def _merge_item(item, existing: dict[str, Any], taken: set[str], noun: str,
                report: MergeReport, save) -> str:
    """Add, rename or skip one item; return the id it has in the store afterwards."""
    content = _content(item)
    if item.id in existing and _content(existing[item.id]) == content:
        report.skipped.append(f"{noun} {item.id} (already there)")
        return item.id
    if item.id not in existing and item.id not in taken:
        save(item)
        taken.add(item.id)
        report.added.append(f"{noun} {item.id}")
        return item.id
    # The id is taken by something different. An earlier import may already have
    # brought this very item in under a new id: then there is nothing to do.
    for other_id, other in existing.items():
        if other_id.startswith(f"{item.id}-group") and _content(other) == content:
            report.skipped.append(f"{noun} {item.id} (already there as {other_id})")
            return other_id
    new_id = copy_id(taken | set(existing), item.id)
    save(replace(item, id=new_id))
    taken.add(new_id)
    report.renamed.append(f"{noun} {item.id} -> {new_id} (a different {noun} has that id)")
    return new_id


def _content(item: Format | Reading) -> dict[str, Any]:
    data = item.to_dict()
    data.pop("id")
    return data
