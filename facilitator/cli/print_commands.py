"""The `print` command: a format's script, outline card, reading cards or newcomer sheet as PDF.

reportlab is heavy, so `facilitator.sheets` is imported inside `run_print`,
never when the command line starts: `facilitator formats` and the app stay
quick, and only printing pays for reportlab.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator.cli.context import Context
from facilitator.cli.plan_commands import (
    add_tonight_options,
    group_context,
    load_format,
    meeting_date_option,
    option_start,
    option_whole,
)
from facilitator.problems import FacilitatorError

# Kept here as well as in facilitator.sheets, so that building the parser
# (which every command does) does not import the sheets package.
LAYOUT_CHOICES = ("script", "card", "readings", "newcomer")
PAPER_CHOICES = ("letter", "a4", "half-letter", "index-5x8", "index-4x6")


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "print", parents=[common], help="print a format's sheets as PDF",
        description="Make a print-ready PDF of a format: the chair's script, a one-card "
                    "outline, reading cards for volunteers, or a newcomer sheet.")
    parser.add_argument("format", metavar="FORMAT", help="a format id, or a format file")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", type=Path, required=True,
                        help="the PDF file to write")
    parser.add_argument("--layout", choices=LAYOUT_CHOICES, default="script",
                        help="what to print (default: script)")
    parser.add_argument("--paper", choices=PAPER_CHOICES, default="letter",
                        help="paper size (default: letter)")
    parser.add_argument("--large-print", action="store_true",
                        help="large print: no text under 18 pt")
    add_tonight_options(parser)
    parser.set_defaults(run=run_print)


def run_print(ctx: Context) -> int:
    from facilitator.sheets import SheetOptions, render_pdf

    args = ctx.args
    group = group_context(ctx)
    library = group.library
    fmt = load_format(args.format, library)
    settings = group.settings if group.set_up else None
    options = SheetOptions(
        program=args.program or group.settings.program, layout=args.layout, paper=args.paper,
        large_print=args.large_print,
        date=meeting_date_option(args.date, group),
        start=option_start(args.start) if args.start else group.settings.start,
        step=option_whole(args.step, "--step") if args.step is not None else None, topic=args.topic,
        group=settings, history=tuple(group.history))
    output: Path = args.output
    if output.is_dir():
        raise FacilitatorError(f"{output} is a folder; give a file name such as sheet.pdf")
    if not output.parent.exists():
        raise FacilitatorError(f"cannot write {output}: the folder {output.parent} does not exist")
    pages = render_pdf(library, fmt, options, output)
    noun = "page" if pages == 1 else "pages"
    print(f"wrote {output} ({pages} {noun})")
    return 0
