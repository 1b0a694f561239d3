"""Loading content files, and the library that holds every program, reading and format.

Built-in content ships inside the package as `facilitator.formats` and
`facilitator.readings` and is found through their import specs, so a checkout, an
editable install and a wheel behave the same; its parsed files may be kept in the
data folder's cache (`content_cache`), and are parsed again when one changes.
Reading a file is guarded the same way for built-ins and for the group's files:
size, emptiness, binary content and TOML syntax are checked before the model's
`from_dict` judges the contents.
`read_limited` is the one way any file the user chooses is read (content files,
imported texts, Meeting Guide feeds, group packs), so each is refused in the
same words when it is missing, a folder, unreadable or too large.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from facilitator.content_cache import ParsedFile, parsed_files
from facilitator.model import FORMAT_KINDS, Format, Program, Reading
from facilitator.problems import ContentError, FacilitatorError, Problem
from facilitator.validation import Checker

MAX_FILE_BYTES = 1_000_000

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def decode_text(raw: bytes, name: str) -> str:
    """The bytes of a content file as text, or a clear problem if they are not text."""
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError([Problem(
            f"the file is {len(raw):,} bytes; content files are limited to 1 MB", file=name)])
    if not raw.strip():
        raise ContentError([Problem("the file is empty", file=name)])
    if b"\x00" in raw:
        raise ContentError([Problem("this is a binary file, not a text file", file=name)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError([Problem(
            "the file is not UTF-8 text (is it binary, or saved in another encoding?)",
            file=name, line=line)]) from None


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML text, turning a syntax error into one located problem."""
    import tomllib  # here, not at the top: the built-in content usually comes from its cache

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_LINE.search(message)
        line = int(match.group(1)) if match else None
        message = _TOML_LINE.sub("", message).strip().rstrip(".")
        raise ContentError([Problem(f"bad TOML: {message}", file=name, line=line)]) from None


def size_words(limit: int) -> str:
    """A size limit as a person reads it: "1 MB", or the exact bytes when it is no round MB."""
    return f"{limit // 1_000_000} MB" if limit % 1_000_000 == 0 else f"{limit:,} bytes"


def read_limited(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of a file the user chose, or one located problem: every file read goes here.

    A file larger than `max_bytes` is refused before it is read, so that a huge
    file costs nothing; `what` names such files in that message ("content files").
    """
    path = Path(path)
    name = str(path)

    def refused(message: str) -> ContentError:
        return ContentError([Problem(message, file=name)])

    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > max_bytes:
                raise refused(f"the file is {size:,} bytes; {what} are limited to "
                              f"{size_words(max_bytes)}")
            # Read no more than the limit allows, even if the file grew since fstat
            # (or is a device whose size fstat does not know).
            raw = file.read(max_bytes + 1)
    except FileNotFoundError:
        raise refused("no such file") from None
    except IsADirectoryError:
        raise refused("this is a folder, not a file") from None
    except PermissionError:
        # Windows refuses to open a folder with "permission denied".
        if path.is_dir():
            raise refused("this is a folder, not a file") from None
        raise refused("permission denied: cannot read the file") from None
    except OSError as error:
        raise refused(f"cannot read the file: {(error.strerror or str(error)).lower()}") \
            from None
    if len(raw) > max_bytes:
        raise refused(f"the file is larger than {size_words(max_bytes)}; {what} are limited "
                      "to that")
    return raw


def read_content_bytes(path: Path) -> bytes:
    """The raw bytes of a content file, refusing missing, unreadable and oversized files."""
    return read_limited(path, MAX_FILE_BYTES, "content files")


def content_kind(data: dict[str, Any]) -> str:
    """What a parsed content file holds: programs, topics, a reading or a format."""
    if "program" in data:
        return "programs"
    if "topics" in data:
        return "topics"
    if "text" in data or "items" in data or ("title" in data and "segment" not in data):
        return "reading"
    return "format"


def parse_topics(data: dict[str, Any]) -> tuple[str, ...]:
    c = Checker(data)
    topics = c.text_list("topics")
    if c.has("topics") and not topics and not c.failed("topics"):
        c.problem("topics", "the topic bank needs at least one topic")
    c.no_unknown_keys({"topics"})
    c.raise_if_any()
    return tuple(topics)


def parse_programs(data: dict[str, Any]) -> dict[str, Program]:
    c = Checker(data)
    programs: dict[str, Program] = {}
    for n, raw in enumerate(c.table_list("program")):
        program = c.nested(f"program[{n}]", Program.from_dict, raw)
        if program is None:
            continue
        if program.id in programs:
            c.problem(f"program[{n}].id", f"program {program.id!r} is defined twice")
        programs[program.id] = program
    c.no_unknown_keys({"program"})
    c.raise_if_any()
    return programs


@dataclass(frozen=True)
class Library:
    """Every program, reading, format and topic the app knows, built-in and the group's."""

    programs: dict[str, Program]
    readings: dict[str, Reading]
    formats: dict[str, Format]
    topics: tuple[str, ...]
    own_readings: frozenset[str] = field(default_factory=frozenset)
    own_formats: frozenset[str] = field(default_factory=frozenset)

    @property
    def slots(self) -> set[str]:
        """Every slot name some program fills."""
        return {slot for program in self.programs.values() for slot in program.words}

    def program(self, program_id: str) -> Program:
        try:
            return self.programs[program_id]
        except KeyError:
            known = " ".join(self.programs)
            raise FacilitatorError(f"unknown program {program_id!r}; choose one of: {known}") \
                from None

    def reading(self, reading_id: str) -> Reading:
        try:
            return self.readings[reading_id]
        except KeyError:
            raise FacilitatorError(
                f"unknown reading {reading_id!r}; `facilitator readings` lists them") from None

    def format(self, format_id: str) -> Format:
        try:
            return self.formats[format_id]
        except KeyError:
            raise FacilitatorError(
                f"unknown format {format_id!r}; `facilitator formats` lists them") from None

    def words(self, program_id: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
        """The words that fill slots for a program, with the group's own choices on top."""
        return {**self.program(program_id).words, **(overrides or {})}

    def with_group_items(
        self, formats: list[Format] = (), readings: list[Reading] = ()
    ) -> Library:
        """This library plus the group's own formats and readings, marked as theirs."""
        return replace(
            self,
            readings={**self.readings, **{r.id: r for r in readings}},
            formats={**self.formats, **{f.id: f for f in formats}},
            own_readings=self.own_readings | {r.id for r in readings},
            own_formats=self.own_formats | {f.id for f in formats},
        )


def _package_root(package: str):
    """The folder a content package is installed in, as the import system recorded it.

    When the package is a plain folder (a checkout, an editable install, a wheel
    unpacked by pip), its spec already names that folder, and reading it costs
    nothing. Only otherwise (a zip import) is `importlib.resources` loaded: it pulls
    in tempfile, shutil and random, some 18 ms that a quick command such as
    `facilitator print` should not pay (design.md section 11).
    """
    module = importlib.import_module(package)
    locations = list(module.__spec__.submodule_search_locations or ())
    if len(locations) == 1 and Path(locations[0]).is_dir():
        return Path(locations[0])
    from importlib import resources

    return resources.files(package)


def _builtin_files(package: str, cache_folder: Path | None) -> list[ParsedFile]:
    """(name, text, data) for each file of a content package, named as `check` names them
    ("readings/welcome.toml"); read from a cache file in `cache_folder` while it is current."""
    root = _package_root(package)
    folder = package.rsplit(".", 1)[-1]

    def parse(text: str, name: str) -> dict[str, Any]:
        return parse_toml(text, f"{folder}/{name}")

    cache = cache_folder / f"content-{folder}.marshal" if cache_folder else None
    files = parsed_files(root, parse, cache)
    return [(f"{folder}/{name}", text, data) for name, text, data in files]


_builtin: Library | None = None


def builtin_library(cache_folder: Path | None = None) -> Library:
    """The content shipped with Facilitator, validated by the same rules as any file.

    It is loaded once a process. Given the data folder's `cache_folder`
    (`paths.cache_folder`), that load keeps the parsed files there, or reads them
    back while the built-in files are unchanged."""
    global _builtin
    if _builtin is None:
        _builtin = _load_builtin_library(cache_folder)
    return _builtin


def _load_builtin_library(cache_folder: Path | None) -> Library:
    programs: dict[str, Program] = {}
    topics: tuple[str, ...] = ()
    reading_data: list[tuple[str, dict]] = []
    for name, text, data in _builtin_files("facilitator.readings", cache_folder):
        kind = content_kind(data)
        if kind == "programs":
            programs = _located(name, text, parse_programs, data)
        elif kind == "topics":
            topics = _located(name, text, parse_topics, data)
        else:
            reading_data.append((name, data))
    slots = {slot for program in programs.values() for slot in program.words}
    readings = {}
    for name, data in reading_data:
        reading = _located(name, None, Reading.from_dict, data, slots)
        readings[reading.id] = reading
    loaded = []
    for name, text, data in _builtin_files("facilitator.formats", cache_folder):
        loaded.append(_located(name, text, Format.from_dict, data, readings))
    # List the formats in the seed's order of meeting kinds, not alphabetically.
    loaded.sort(key=lambda f: (FORMAT_KINDS.index(f.kind), f.id))
    formats = {fmt.id: fmt for fmt in loaded}
    return Library(programs, readings, formats, topics)


def _located(name: str, text: str | None, build, *args):
    try:
        return build(*args)
    except ContentError as error:
        raise ContentError([locate(p, name, text) for p in error.problems]) from None


def locate(problem: Problem, name: str, text: str | None) -> Problem:
    """The problem with its file, and the line of its key when the text shows it."""
    line = line_of_key(text, problem.key) if text and problem.key else None
    return problem.located(name, line)


_PATH_PART = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


def line_of_key(text: str, key: str) -> int | None:
    """The line where a dotted key such as `segment[2].minutes` is written, if it can be found.

    This is a light scan of the TOML text rather than a second parser: it follows
    `[[table]]` headers and `key =` lines, which is how content files are written.
    When a key cannot be found, the caller falls back to naming the key.
    """
    parts = _PATH_PART.findall(key)
    if not parts:
        return None
    lines = text.splitlines()
    start, end = 0, len(lines)
    first, index = parts[0]

    def key_line(name: str, lo: int, hi: int) -> int | None:
        pattern = re.compile(rf'^\s*("?){re.escape(name)}\1\s*=')
        for n in range(lo, hi):
            stripped = lines[n].lstrip()
            if n > lo and stripped.startswith("[") and not stripped.startswith("[ "):
                if re.match(r"^\[\[?\s*[A-Za-z\"]", stripped):
                    return None
            if pattern.match(lines[n]):
                return n
        return None

    header = re.compile(rf"^\s*\[\[\s*{re.escape(first)}\s*\]\]")
    table = re.compile(rf"^\s*\[\s*{re.escape(first)}\s*\]")
    if index:
        seen = -1
        for n, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == int(index):
                    start = n
                    break
        else:
            found = key_line(first, 0, end)
            return found + 1 if found is not None else None
        rest = parts[1:]
        if not rest:
            return start + 1
        found = key_line(rest[0][0], start, end)
        return (found if found is not None else start) + 1
    for n, line in enumerate(lines):
        if table.match(line):
            if len(parts) > 1:
                found = key_line(parts[1][0], n, end)
                return (found if found is not None else n) + 1
            return n + 1
    found = key_line(first, 0, end)
    return found + 1 if found is not None else None


def load_content(raw: bytes, name: str, library: Library) -> Format | Reading:
    """The format or reading held in one file's bytes, judged against a library.

    This is how a single file from outside (an imported format or reading) enters
    the app; every failure is a `ContentError` whose problems name the file.
    """
    text = decode_text(raw, name)
    data = parse_toml(text, name)
    kind = content_kind(data)
    if kind not in ("format", "reading"):
        raise ContentError([Problem(f"this is a {kind} file, not a format or a reading",
                                    file=name)])
    if kind == "reading":
        return _located(name, text, Reading.from_dict, data, library.slots)
    return _located(name, text, Format.from_dict, data, library.readings)
