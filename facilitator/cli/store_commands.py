"""Commands over the group's store: group settings, history, and group packs.

`group` shows the settings and `group set KEY VALUE` changes one, validated by
the same `GroupSettings.from_dict` as everything else. `history` lists the
meetings held. `export` and `import` move the group's settings, formats and
readings between computers as a group pack. Commands that only read open the
store read-only, so they work while the app has the data folder open.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from facilitator.cli.context import Context
from facilitator.content import Library, builtin_library
from facilitator.model import DESIGNATIONS, GROUP_SETTING_KEYS, GroupSettings
from facilitator.paths import store_exists
from facilitator.problems import ContentError, FacilitatorError

TRUE_WORDS = {"yes", "true", "on", "1"}
FALSE_WORDS = {"no", "false", "off", "0"}
FRACTIONAL = {"share_minutes"}  # settings that take a number such as 2.5, not only whole ones
UNITS = {"length": "minutes", "share_minutes": "minutes", "warning_seconds": "seconds"}


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "group", parents=[common], help="show the group's settings, or change one",
        description="Show the group's settings. `facilitator group set KEY VALUE` changes one.")
    parser.set_defaults(run=show_group)
    actions = parser.add_subparsers(title="actions", metavar="set")
    setter = actions.add_parser(
        "set", parents=[common], help="change one setting",
        description="Change one group setting. Keys: " + ", ".join(GROUP_SETTING_KEYS)
        + ". Use words.SLOT, schedule.WEEK and bookmark.title/section/page for one entry "
          "of a table; lists and tables take comma-separated values (designations "
          "'C, W'; schedule '1st=step, last=speaker'); an empty VALUE clears an entry.")
    setter.add_argument("key", metavar="KEY", help="a setting, such as length or words.members")
    setter.add_argument("value", metavar="VALUE", help="its new value, such as 90 or friends")
    setter.set_defaults(run=set_group)

    parser = commands.add_parser(
        "history", parents=[common], help="list the meetings held",
        description="List the meetings held, oldest first: date, format, what was studied, "
                    "planned and actual minutes. The history never records who came.")
    parser.set_defaults(run=show_history)

    parser = commands.add_parser(
        "export", parents=[common], help="write the group pack to a file",
        description="Write the group pack (settings, the group's own formats and readings) to "
                    "FILE as JSON. It holds no history and no person.")
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.set_defaults(run=export_command)

    parser = commands.add_parser(
        "import", parents=[common], help="merge a group pack into the group's data",
        description="Merge a group pack. Nothing already saved is changed: an item whose id is "
                    "taken comes in under a new id, an identical one is skipped. A pack that "
                    "fails any check is refused whole.")
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.set_defaults(run=import_command)


# Showing the settings --------------------------------------------------------

def _table(values: dict[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in values.items())


def describe_setting(settings: GroupSettings, key: str, program_names: dict[str, str]) -> str:
    """One setting as a person reads it: "60 minutes", "yes", "C, W (Closed · Women)"."""
    value = getattr(settings, key)
    if key == "program":
        return f"{value} ({program_names[value]})" if value in program_names else value
    if key == "designations":
        return f"{', '.join(value)} ({settings.meeting_type_label()})" if value else "(none)"
    if key in ("words", "schedule"):
        empty = ("(the program's own)" if key == "words"
                 else f"(every week: {settings.default_format})")
        return _table(value) or empty
    if key == "bookmark":
        return value.describe() or "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in UNITS:
        return f"{value:g} {UNITS[key]}"
    if key == "text_scale":
        return f"{value}%"
    return str(value) if value != "" else "(none)"


def show_group(ctx: Context) -> int:
    from facilitator.store import Store

    settings = None
    if store_exists(ctx.data_dir):
        with Store.open(ctx.data_dir, writer=False) as store:
            ctx.show_notices(store)
            settings = store.group()
    if settings is None:
        print(f"No group settings are saved in {ctx.data_dir} yet. The app's set-up saves "
              "them, or `facilitator group set KEY VALUE` one at a time.")
        return 0
    # Programs are built in; the store's library is not needed (and would report twice).
    names = {p.id: p.name for p in builtin_library().programs.values()}
    for key in GROUP_SETTING_KEYS:
        print(f"{key:<16} {describe_setting(settings, key, names)}")
    return 0


# Changing one setting ----------------------------------------------------------

def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def _parse_table(key: str, value: str) -> dict[str, str]:
    table = {}
    for entry in _split(value):
        name, sep, word = entry.partition("=")
        if not sep or not name.strip():
            raise FacilitatorError(f"{key}: {entry!r} should be written NAME=VALUE")
        table[name.strip()] = word.strip()
    return table


def _convert(key: str, value: str, like: Any) -> Any:
    """VALUE typed on the command line, turned into the kind of value `like` is."""
    text = value.strip()
    if isinstance(like, bool):
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise FacilitatorError(f"{key}: {value!r} should be yes or no")
    if isinstance(like, int) and key not in FRACTIONAL:
        try:
            return int(text)
        except ValueError:
            raise FacilitatorError(f"{key}: {value!r} is not a whole number") from None
    if isinstance(like, int | float):
        try:
            number = float(text)
        except ValueError:
            raise FacilitatorError(f"{key}: {value!r} is not a number") from None
        return int(number) if number.is_integer() else number
    if isinstance(like, list):
        codes = {code.lower(): code for code in DESIGNATIONS}
        return [codes.get(part.lower(), part) for part in _split(text.replace(" ", ","))]
    if isinstance(like, dict):
        return _parse_table(key, value)
    return text


def apply_setting(data: dict[str, Any], key: str, value: str) -> None:
    """Put VALUE under KEY (or TABLE.ENTRY) in the settings' dict form."""
    table, dot, entry = key.partition(".")
    if table not in data:
        raise FacilitatorError(
            f"unknown setting {key!r}; the settings are: {', '.join(GROUP_SETTING_KEYS)}")
    if not dot:
        if table == "bookmark":
            raise FacilitatorError(
                "bookmark: set bookmark.title, bookmark.section or bookmark.page")
        data[table] = _convert(key, value, data[table])
        return
    if not isinstance(data[table], dict) or not entry:
        raise FacilitatorError(f"{key!r}: {table} is not a table; write `group set {table} VALUE`")
    if table == "bookmark":
        if entry not in data[table]:
            raise FacilitatorError(f"{key}: the bookmark has title, section and page")
        data[table][entry] = _convert(key, value, data[table][entry])
    elif value.strip():
        data[table][entry] = value.strip()
    else:
        data[table].pop(entry, None)


def _check_formats_exist(key: str, settings: GroupSettings, library) -> None:
    """A format named by the setting being changed must exist (others are not this change's)."""
    table = key.split(".")[0]
    named = {"default_format": settings.default_format} if table == "default_format" else {}
    if table == "schedule":
        named = {f"schedule.{week}": format_id for week, format_id in settings.schedule.items()}
    for name, format_id in named.items():
        if format_id not in library.formats:
            raise FacilitatorError(
                f"{name}: unknown format {format_id!r}; `facilitator formats` lists them")


def set_group(ctx: Context) -> int:
    key, value = ctx.args.key, ctx.args.value
    with ctx.open_store() as store:
        library = store.library()
        current = store.group() or GroupSettings()
        data = current.to_dict()
        apply_setting(data, key, value)
        try:
            settings = GroupSettings.from_dict(data, library.programs)
        except ContentError as error:
            raise FacilitatorError("\n".join(str(p) for p in error.problems)) from None
        _check_formats_exist(key, settings, library)
        store.save_group(settings)
    names = {p.id: p.name for p in library.programs.values()}
    shown = key.split(".")[0]
    print(f"{shown} = {describe_setting(settings, shown, names)}")
    return 0


# History -------------------------------------------------------------------------

def show_history(ctx: Context) -> int:
    from facilitator.store import Store

    entries = []
    if store_exists(ctx.data_dir):
        with Store.open(ctx.data_dir, writer=False) as store:
            ctx.show_notices(store)
            entries = store.history()
    if not entries:
        print("No meetings are in the history yet.")
        return 0
    for entry in entries:
        studied = "; ".join(part for part in (
            f"step {entry.step}" if entry.step else "",
            f"topic: {entry.topic}" if entry.topic else "",
            f"passage: {entry.passage}" if entry.passage else "") if part)
        minutes = f"{entry.planned_minutes:g} min planned, {entry.actual_minutes:g} min held"
        print(f"{entry.date}  {entry.format_id:<14} {minutes}" + (f"  {studied}" if studied
                                                                    else ""))
    return 0


# Group packs -----------------------------------------------------------------------

def export_command(ctx: Context) -> int:
    from facilitator.packs import export_pack
    from facilitator.store import Store

    with Store.open(ctx.data_dir, writer=False) as store:
        ctx.show_notices(store)
        export_pack(store, ctx.args.file)
        group = "the group settings, " if store.group() is not None else "no group settings, "
        formats, readings = len(store.formats()), len(store.readings())
    print(f"exported {group}{formats} format{'s' * (formats != 1)} and "
          f"{readings} reading{'s' * (readings != 1)} to {ctx.args.file}")
    return 0


def _library_to_check_against(ctx: Context) -> Library:
    """The built-in content and the group's own items, read without taking the lock.

    Not `ctx.library`: that prints the store's notices, and the writer opened
    next prints its own about the same file (a damaged file would be told twice).
    """
    if not store_exists(ctx.data_dir):
        return builtin_library()
    from facilitator.store import Store

    with Store.open(ctx.data_dir, writer=False) as store:
        return store.library()


def import_command(ctx: Context) -> int:
    from facilitator.packs import merge_pack, read_pack

    # The pack is read and checked before the data folder is opened for changes, so a
    # file that is no pack creates nothing: no data folder, no lock file.
    pack = read_pack(ctx.args.file, _library_to_check_against(ctx))
    with ctx.open_store() as store:
        report = merge_pack(store, pack)
    for line in report.lines():
        print(line)
    return 0
