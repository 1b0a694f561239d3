"""The `facilitator` command: the app, and the command line for content, store and printing.

`main` builds one argparse parser from the command modules, runs the chosen
command, and turns every user error into one line on standard error with exit
status 2. With no command it opens the app; that is the only place the core
imports `ui`, lazily, so that the rest of the command line stays free of Qt. The
app's path skips the command modules altogether: the chair waits for none of
their imports before the window appears (design.md section 11).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from pathlib import Path

from facilitator import __version__
from facilitator.problems import FacilitatorError

# The module in facilitator.cli that registers each command, with
# `register(commands, common)`. Running one command builds only its module's
# parsers: `facilitator print` is timed against a bare reportlab process (design.md
# section 11), and the other modules' imports and parsers are pure cost.
COMMAND_MODULE_OF = {
    "programs": "content_commands", "formats": "content_commands",
    "readings": "content_commands", "show": "content_commands", "check": "content_commands",
    "group": "store_commands", "history": "store_commands", "export": "store_commands",
    "import": "store_commands",
    "plan": "plan_commands",
    "print": "print_commands",
}
COMMAND_MODULES = list(dict.fromkeys(COMMAND_MODULE_OF.values()))


def command_named(argv: list[str]) -> str | None:
    """The command word in `argv`, skipping the options that may come before it."""
    items = iter(argv)
    for item in items:
        if item == "--data-dir":
            next(items, None)
        elif not item.startswith("-"):
            return item
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`'s command, or for every command when `argv` names none (for
    `--help`, or a mistake that the full parser then explains)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", metavar="DIR", type=Path, default=argparse.SUPPRESS,
        help="the group's data folder (default: $FACILITATOR_HOME, or the platform's "
             "user data folder)")
    parser = argparse.ArgumentParser(
        prog="facilitator",
        parents=[common],
        description="Run a recovery mutual-help meeting from a laptop, and print its format "
                    "sheets and reading cards. With no command, open the app.",
        epilog="Facilitator never records attendance or any person. "
               "Run `facilitator COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument("--exit-after-start", action="store_true",
                        help="open the main window, exit once it has been painted (smoke test)")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    command = command_named(argv or [])
    modules = [COMMAND_MODULE_OF[command]] if command in COMMAND_MODULE_OF else COMMAND_MODULES
    for name in modules:
        importlib.import_module(f"facilitator.cli.{name}").register(commands, common)
    _errors_on_one_line(parser)
    return parser


def _errors_on_one_line(parser: argparse.ArgumentParser) -> None:
    """Make a bad option, in this parser and every subcommand's, one clear line and exit
    status 2 (design.md section 6), instead of argparse's usage block."""
    def error(message: str) -> None:
        print(f"facilitator: {message} (see `{parser.prog} --help`)", file=sys.stderr)
        raise SystemExit(2)

    parser.error = error
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                _errors_on_one_line(subparser)


def app_options(argv: list[str]) -> argparse.Namespace | None:
    """The options for opening the app, or None when `argv` names a command, asks for help
    or holds a mistake (the full parser then explains it).

    The app's two options are read by hand: building an argparse parser costs the
    window a few milliseconds before its first paint, for nothing the chair sees.
    """
    options = argparse.Namespace(data_dir=None, exit_after_start=False)
    items = iter(argv)
    for item in items:
        if item == "--exit-after-start":
            options.exit_after_start = True
        elif item == "--data-dir" or item.startswith("--data-dir="):
            value = item.partition("=")[2] if "=" in item else next(items, "")
            if not value or value.startswith("-"):
                return None
            options.data_dir = Path(value)
        else:
            return None
    return options


def main(argv: list[str] | None = None) -> int:
    """The `facilitator` process: `argv` None means the process's own arguments."""
    whole_process = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    args = app_options(argv)
    if args is None:
        if whole_process:
            # A command is a short process that makes a great many objects at once
            # (imports, parsed content, a laid-out sheet) and then exits. Python's cyclic
            # collector would walk them again and again for nothing that matters before
            # the exit (about 5 ms of `facilitator print`, design.md section 11), while
            # reference counting still frees nearly everything. So a command runs
            # without it; the app, a long-lived process, keeps it, and so does any
            # caller that passes its own `argv` (the tests).
            gc.disable()
        args = build_parser(argv).parse_args(argv)
        if not hasattr(args, "data_dir"):
            args.data_dir = None
    return run_reporting_errors(args)


def run_reporting_errors(args: argparse.Namespace) -> int:
    """Run the chosen command, or open the app, turning every failure into one line."""
    try:
        run = getattr(args, "run", None)
        if run is None:
            gc.enable()
            return open_app(args)
        from facilitator.cli.context import Context

        return run(Context(args))
    except FacilitatorError as error:
        for line in str(error).splitlines() or ["unknown error"]:
            print(f"facilitator: {line}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`facilitator readings | head`); that is not an error.
        sys.stderr.close()
        return 0
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("FACILITATOR_DEBUG"):
            raise
        print(f"facilitator: unexpected error: {type(error).__name__}: {error} "
              "(set FACILITATOR_DEBUG=1 for details)", file=sys.stderr)
        return 1


def open_app(args: argparse.Namespace) -> int:
    """Open the Qt app. `ui` is imported here, and only here, so the command line stays light."""
    from ui.app import run_app

    return run_app(args)
