"""The content commands: what they print, and how they refuse bad requests."""

import subprocess
import sys

import pytest

from facilitator import __version__
from facilitator.cli import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"facilitator {__version__}"


def test_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "facilitator", "--help"],
                            capture_output=True, text=True, check=True)
    for command in ("programs", "formats", "readings", "show", "check"):
        assert command in result.stdout
    assert "never records attendance" in result.stdout


def test_programs(capsys):
    status, out, _ = run(capsys, "programs")
    lines = out.splitlines()
    assert status == 0
    assert len(lines) == 14
    assert lines[0].split(None, 1) == ["aa", "Alcoholics Anonymous"]
    assert lines[-1].split(None, 1) == ["smart", "SMART Recovery"]


def test_formats(capsys):
    status, out, _ = run(capsys, "formats")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == [
        "discussion", "speaker", "step", "literature", "smart"]
    assert "60 min" in out and "Step meeting" in out


def test_readings(capsys):
    status, out, _ = run(capsys, "readings")
    ids = [line.split()[0] for line in out.splitlines()]
    assert {"serenity-prayer", "twelve-steps", "smart-four-points"} <= set(ids)


def test_show_step_one_in_aa_and_na_words(capsys):
    status, out, _ = run(capsys, "show", "twelve-steps", "--program", "aa", "--item", "1")
    assert status == 0
    assert "powerless over alcohol" in out
    status, out, _ = run(capsys, "show", "twelve-steps", "--program", "na", "--item", "1")
    assert "powerless over our addiction" in out


def test_show_whole_series_is_numbered(capsys):
    _, out, _ = run(capsys, "show", "twelve-steps", "--program", "ga")
    assert "1. We admitted that we were powerless over gambling" in out
    assert "12. Having had a spiritual awakening" in out
    assert "compulsive gamblers" in out
    assert "[" not in out


@pytest.mark.parametrize("argv, message", [
    (["show", "how-it-works"], "facilitator: unknown reading 'how-it-works'; "
                               "`facilitator readings` lists them"),
    (["show", "twelve-steps", "--program", "xx"], "facilitator: unknown program 'xx'"),
    (["show", "twelve-steps", "--item", "13"],
     "facilitator: 'twelve-steps' has items 1 to 12; there is no item 13"),
    (["show", "welcome", "--item", "1"],
     "facilitator: 'welcome' is not a numbered series; leave out --item"),
])
def test_show_refuses_bad_requests_in_one_line(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith(message)
    assert len(err.strip().splitlines()) == 1


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["dance"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_show_uses_the_groups_program_and_words(capsys, tmp_path):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "group", "set", "program", "ga"]) == 0
    assert main(["--data-dir", data, "group", "set", "words.addicts", "people like us"]) == 0
    capsys.readouterr()
    _, out, _ = run(capsys, "--data-dir", data, "show", "twelve-steps", "--item", "12")
    assert "carry this message to people like us," in out
    _, out, _ = run(capsys, "--data-dir", data, "show", "twelve-steps", "--item", "1")
    assert "powerless over gambling" in out
    _, out, _ = run(capsys, "--data-dir", data, "show", "twelve-steps", "-p", "na", "--item", "12")
    assert "carry this message to addicts," in out


@pytest.mark.parametrize("argv", [
    ["show", "twelve-steps", "--item", "x"],
    ["check"],
    ["group", "set", "name"],
    ["plan", "step", "--bogus"],
])
def test_a_bad_option_is_one_line_for_every_command(capsys, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("facilitator: ")
    assert "--help`)" in err


@pytest.mark.parametrize("argv, expected", [
    ([], (None, False)),
    (["--exit-after-start"], (None, True)),
    (["--data-dir", "/tmp/x", "--exit-after-start"], ("/tmp/x", True)),
    (["--data-dir=/tmp/y"], ("/tmp/y", False)),
    (["--data-dir"], None),
    (["--data-dir="], None),
    (["--help"], None),
    (["formats"], None),
    (["--data-dir", "/tmp/x", "formats"], None),
])
def test_the_app_options_are_told_from_a_command(argv, expected):
    from facilitator.cli import app_options

    options = app_options(argv)
    if expected is None:
        assert options is None
    else:
        data_dir, exit_after_start = expected
        assert (str(options.data_dir) if options.data_dir else None) == data_dir
        assert options.exit_after_start is exit_after_start


def test_a_data_dir_option_needs_a_folder_not_another_option():
    from facilitator.cli import app_options

    assert app_options(["--data-dir", "--exit-after-start"]) is None


def _commands_of(parser) -> set[str]:
    import argparse

    return {name for action in parser._actions
            if isinstance(action, argparse._SubParsersAction) for name in action.choices}


def test_each_command_is_built_by_the_module_named_for_it():
    from facilitator.cli import COMMAND_MODULE_OF, build_parser

    assert _commands_of(build_parser()) == set(COMMAND_MODULE_OF)
    for command in COMMAND_MODULE_OF:
        assert command in _commands_of(build_parser([command]))


@pytest.mark.parametrize("argv, command", [
    (["print", "step"], "print"),
    (["--data-dir", "print", "formats"], "formats"),
    (["--data-dir=/tmp/x", "show", "welcome"], "show"),
    (["--help"], None),
    ([], None),
])
def test_the_command_word_is_found_after_the_options(argv, command):
    from facilitator.cli import command_named

    assert command_named(argv) == command


def test_a_data_folder_named_like_a_command_still_runs_the_command_given(
        tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", "print", "formats"]) == 0
    assert "step" in capsys.readouterr().out


@pytest.fixture
def collector_restored():
    import gc

    yield gc
    gc.enable()


def test_a_command_process_runs_without_the_cyclic_collector(
        collector_restored, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["facilitator", "programs"])
    assert main() == 0
    assert not collector_restored.isenabled()


def test_a_caller_with_its_own_arguments_keeps_the_collector(collector_restored, capsys):
    assert main(["programs"]) == 0
    assert collector_restored.isenabled()


def test_the_app_keeps_the_collector_even_when_the_parser_opens_it(
        collector_restored, monkeypatch):
    import facilitator.cli as cli

    seen = []
    monkeypatch.setattr(cli, "open_app", lambda args: seen.append(
        collector_restored.isenabled()) or 0)
    monkeypatch.setattr(sys, "argv", ["facilitator", "--data-dir", ""])
    assert main() == 0
    assert seen == [True]
