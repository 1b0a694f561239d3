"""`facilitator plan`: tonight's plan printed as a run sheet, with clock times and readings."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from facilitator import validation
from facilitator.cli.context import Context
from facilitator.content import Library, decode_text, locate, parse_toml, read_content_bytes
from facilitator.model import Format, GroupSettings, HistoryEntry
from facilitator.paths import store_exists
from facilitator.plan import (
    TonightChoice,
    build_plan,
    next_meeting_date,
    render_plan,
    tonight_format_id,
)
from facilitator.problems import ContentError, FacilitatorError


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "plan", parents=[common], help="print tonight's plan as a run sheet",
        description="Print tonight's plan: each segment's clock time and minutes, the chair's "
                    "cue, and the text to be read in the program's words. Without FORMAT, the "
                    "group's week-of-month schedule chooses tonight's format.")
    parser.add_argument("format", metavar="FORMAT", nargs="?",
                        help="a format id (see `facilitator formats`) or a format file")
    add_tonight_options(parser)
    parser.add_argument("--passage", metavar="TEXT", default="",
                        help="tonight's passage for a literature meeting (default: the "
                             "group's bookmark)")
    parser.add_argument("--speakers", metavar="N", help="how many speakers, 1 to 3")
    parser.add_argument("--speaker-minutes", metavar="M", help="minutes for each speaker")
    parser.set_defaults(run=print_plan)


def add_tonight_options(parser: argparse.ArgumentParser) -> None:
    """The options `plan` and `print` share: the program, and tonight's date, time, step
    and topic."""
    parser.add_argument("--program", "-p", metavar="P",
                        help="program whose words fill the readings (default: the group's, "
                             "else aa)")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the meeting's date (default: the group's next meeting day, "
                             "else today)")
    parser.add_argument("--start", metavar="HH:MM",
                        help="the start time (default: the group's, else 19:00)")
    parser.add_argument("--step", metavar="N",
                        help="tonight's step (default: the step of the month)")
    parser.add_argument("--topic", metavar="TEXT", default="",
                        help="tonight's topic for a discussion meeting (default: drawn from "
                             "the topic bank)")


@dataclass
class GroupContext:
    """What the plan needs to know about the group: settings, history and its content."""

    settings: GroupSettings
    history: list[HistoryEntry]
    library: Library
    set_up: bool  # False when no group has been set up: the built-in defaults apply


def group_context(ctx: Context) -> GroupContext:
    """The group's settings, history and content from the store, read without taking the
    lock (so this works while the app is open); the built-in defaults before set-up."""

    if not store_exists(ctx.data_dir):
        return GroupContext(GroupSettings(), [], ctx.library, set_up=False)
    from facilitator.store import Store  # TinyDB only when there is a store to read

    with Store.open(ctx.data_dir, writer=False) as store:
        ctx.show_notices(store)
        settings = store.group()
        return GroupContext(settings or GroupSettings(), store.history(), store.library(),
                            set_up=settings is not None)


def print_plan(ctx: Context) -> int:
    args = ctx.args
    group = group_context(ctx)
    meeting_date = meeting_date_option(args.date, group)
    start = option_start(args.start) if args.start else None
    choice = TonightChoice(
        step=option_whole(args.step, "--step") if args.step is not None else None,
        topic=args.topic.strip(),
        passage=args.passage.strip(),
        speaker_count=option_whole(args.speakers, "--speakers") if args.speakers else None,
        speaker_minutes=(option_minutes(args.speaker_minutes) if args.speaker_minutes
                         else None),
    )
    library = group.library
    fmt_arg = args.format or tonight_format_id(group.settings, meeting_date)
    fmt = load_format(fmt_arg, library)
    program_id = args.program or group.settings.program
    plan = build_plan(
        library, fmt, program_id, group.settings, meeting_date, start, choice, group.history,
        meeting_minutes=None if group.set_up else fmt.minutes)
    print(render_plan(plan), end="")
    return 0


def load_format(name: str, library: Library) -> Format:
    """A format by id, or from a file when the name is a path."""
    path = Path(name)
    if name.endswith(".toml") or "/" in name or (name not in library.formats and path.is_file()):
        text = decode_text(read_content_bytes(path), name)
        data = parse_toml(text, name)
        try:
            return Format.from_dict(data, library.readings)
        except ContentError as error:
            raise ContentError([locate(p, name, text) for p in error.problems]) from None
    return library.format(name)


def meeting_date_option(value: str | None, group: GroupContext) -> Date:
    """--date, or the group's next meeting day (today before the group is set up)."""
    if value:
        return option_date(value)
    today = Date.today()
    return next_meeting_date(group.settings, today) if group.set_up else today


def option_date(value: str) -> Date:
    date = validation.parse_date(value)
    if date is None:
        raise FacilitatorError(
            f"--date {value!r} is not a date like 2026-04-07 (in the years "
            f"{validation.FIRST_YEAR} to {validation.LAST_YEAR})")
    return date


def option_start(value: str) -> str:
    clock = validation.parse_clock(value)
    if clock is None:
        raise FacilitatorError(f"--start {value!r} is not a time of day like 19:00")
    return clock


def option_whole(value: str, option: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise FacilitatorError(f"{option} {value!r} is not a whole number") from None
    if number < 1:
        raise FacilitatorError(f"{option} must be 1 or more, not {number}")
    return number


def option_minutes(value: str) -> float:
    try:
        minutes = float(value.strip())
    except ValueError:
        raise FacilitatorError(f"--speaker-minutes {value!r} is not a number") from None
    if not 0 < minutes <= 120:
        raise FacilitatorError(f"--speaker-minutes must be between 0 and 120, not {value}")
    return minutes
