"""Commands that read content and need no store: programs, formats, readings, show, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.cli.context import Context
from facilitator.problems import FacilitatorError


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "programs", parents=[common], help="list the programs (fellowships) and their ids",
        description="List every program Facilitator knows: its id, then its name.")
    parser.set_defaults(run=list_programs)

    parser = commands.add_parser(
        "formats", parents=[common], help="list the meeting formats",
        description="List every format, built-in and the group's own: id, kind, minutes, name.")
    parser.set_defaults(run=list_formats)

    parser = commands.add_parser(
        "readings", parents=[common], help="list the readings",
        description="List every reading, built-in and the group's own: id, then title.")
    parser.set_defaults(run=list_readings)

    parser = commands.add_parser(
        "show", parents=[common], help="print a reading in a program's words",
        description="Print a reading with its slots filled in a program's words.")
    parser.add_argument("reading", metavar="READING", help="a reading id, such as twelve-steps")
    parser.add_argument("--program", "-p", metavar="P",
                        help="program whose words fill the slots (default: the group's "
                             "program, or aa before the group is set up)")
    parser.add_argument("--item", "-n", metavar="N", type=int,
                        help="for a numbered series, print only item N (counted from 1)")
    parser.set_defaults(run=show_reading)

    parser = commands.add_parser(
        "check", parents=[common], help="validate format and reading files",
        description="Check content files the way a compiler checks source. Every problem is "
                    "printed as FILE:LINE: message. Exit status is 0 if all files are good, "
                    "2 otherwise.")
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="TOML files to check")
    parser.set_defaults(run=check)


def _mark(own: bool) -> str:
    return "(group)" if own else ""


def list_programs(ctx: Context) -> int:
    for program in ctx.library.programs.values():
        print(f"{program.id:<10} {program.name}")
    return 0


def list_formats(ctx: Context) -> int:
    library = ctx.library
    for fmt in library.formats.values():
        mark = _mark(fmt.id in library.own_formats)
        print(f"{fmt.id:<14} {fmt.kind:<11} {fmt.minutes:>3g} min  {fmt.name} {mark}".rstrip())
    return 0


def list_readings(ctx: Context) -> int:
    library = ctx.library
    for reading in library.readings.values():
        mark = _mark(reading.id in library.own_readings)
        print(f"{reading.id:<20} {reading.title} {mark}".rstrip())
    return 0


def show_reading(ctx: Context) -> int:
    from facilitator.cli.plan_commands import group_context

    args = ctx.args
    group = group_context(ctx)
    library = group.library
    reading = library.reading(args.reading)
    program_id = args.program or group.settings.program
    # The group's own word choices apply when it is the group's own program.
    overrides = group.settings.words if program_id == group.settings.program else {}
    words = library.words(program_id, overrides)
    item = args.item
    if item is not None:
        if not reading.is_series:
            raise FacilitatorError(f"{reading.id!r} is not a numbered series; leave out --item")
        if not 1 <= item <= len(reading.items):
            raise FacilitatorError(
                f"{reading.id!r} has items 1 to {len(reading.items)}; there is no item {item}")
    title = reading.title if item is None else f"{reading.title} ({item} of {len(reading.items)})"
    print(title)
    print()
    print(reading.body(words, item))
    if reading.source:
        print()
        print(f"— {reading.source}")
    return 0


def check(ctx: Context) -> int:
    from facilitator.check import check_files

    problems = check_files(ctx.args.files, ctx.library)
    for problem in problems:
        print(problem)
    if problems:
        files = len({p.file for p in problems})
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"facilitator: {len(problems)} {noun} in {files} of {len(ctx.args.files)} "
              f"file{'s' if len(ctx.args.files) != 1 else ''}", file=sys.stderr)
        return 2
    return 0
