"""`facilitator check`: validate content files the way a good compiler checks source.

Every problem in every file is reported, one line each, located by line where
the TOML shows it and by key otherwise. Files checked together may refer to each
other: a format may use a reading defined in another file on the same command line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from facilitator.content import (
    Library,
    content_kind,
    decode_text,
    locate,
    parse_programs,
    parse_toml,
    parse_topics,
    read_content_bytes,
)
from facilitator.model import Format, Reading
from facilitator.problems import ContentError, Problem


def check_files(paths: Iterable[Path], library: Library) -> list[Problem]:
    """Every problem found in the given files, in file order."""
    problems: list[Problem] = []
    parsed: list[tuple[str, str, dict]] = []
    for path in paths:
        name = str(path)
        try:
            raw = read_content_bytes(path)
            text = decode_text(raw, name)
            parsed.append((name, text, parse_toml(text, name)))
        except ContentError as error:
            problems.extend(error.problems)

    # Programs and readings first, so that formats and readings checked in the
    # same run may use the slots and readings they define.
    slots = set(library.slots)
    readings = set(library.readings)
    for _name, _text, data in parsed:
        kind = content_kind(data)
        if kind == "programs":
            program_list = data.get("program")
            for raw in program_list if isinstance(program_list, list) else []:
                words = raw.get("words") if isinstance(raw, dict) else None
                if isinstance(words, dict):
                    slots.update(str(slot) for slot in words)
        elif kind == "reading" and isinstance(data.get("id"), str):
            readings.add(data["id"])

    for name, text, data in parsed:
        kind = content_kind(data)
        try:
            if kind == "programs":
                parse_programs(data)
            elif kind == "topics":
                parse_topics(data)
            elif kind == "reading":
                Reading.from_dict(data, slots)
            else:
                Format.from_dict(data, readings)
        except ContentError as error:
            problems.extend(locate(p, name, text) for p in error.problems)
    return problems
