"""`facilitator check`: every kind of bad file gets one located line, and no traceback."""

from pathlib import Path

import pytest

from facilitator.check import check_files
from facilitator.cli import main
from facilitator.content import builtin_library

GOOD_FORMAT = """\
id = "tuesday"
name = "Tuesday night"
kind = "discussion"
minutes = 10

[[segment]]
kind = "reading"
reading = "welcome"
minutes = 4

[[segment]]
kind = "shares"
minutes = 6
share_minutes = 3
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def check_one(path: Path) -> list[str]:
    return [str(p) for p in check_files([path], builtin_library())]


def test_a_good_format_passes(tmp_path):
    assert check_one(write(tmp_path, "good.toml", GOOD_FORMAT)) == []


def test_bad_toml_names_the_line(tmp_path):
    path = write(tmp_path, "bad.toml", GOOD_FORMAT.replace('minutes = 6', 'minutes = = 6'))
    [line] = check_one(path)
    assert line == f"{path}:13: bad TOML: Invalid value"


def test_missing_kind(tmp_path):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace('kind = "discussion"\n', ""))
    assert check_one(path) == [f"{path}: kind: is missing; it should be one of discussion, "
                               "speaker, step, literature, smart"]


def test_unknown_format_kind_names_its_line(tmp_path):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace('"discussion"', '"potluck"'))
    [line] = check_one(path)
    assert line.startswith(f"{path}:3: kind: unknown kind 'potluck'")


def test_unknown_segment_kind_names_its_line(tmp_path):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace('kind = "shares"', 'kind = "chat"'))
    [line] = check_one(path)
    assert line.startswith(f"{path}:12: segment[1].kind: unknown kind 'chat'")


def test_unknown_reading(tmp_path):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace('"welcome"', '"how-it-works"'))
    assert check_one(path) == [f"{path}:8: segment[0].reading: unknown reading 'how-it-works'"]


def test_a_reading_from_a_file_checked_alongside_is_known(tmp_path):
    fmt = write(tmp_path, "f.toml", GOOD_FORMAT.replace('"welcome"', '"our-preamble"'))
    reading = write(tmp_path, "r.toml",
                    'id = "our-preamble"\ntitle = "Our preamble"\nsource = "The group"\n'
                    'text = "We are [addicts]."\n')
    assert check_files([fmt, reading], builtin_library()) == []


def test_slot_no_program_defines(tmp_path):
    path = write(tmp_path, "r.toml",
                 'id = "mine"\ntitle = "Mine"\nsource = "The group"\n'
                 'text = "We met [our higher power] here."\n')
    assert check_one(path) == [
        f"{path}:4: text: [our higher power] is a slot that no program defines"]


def test_slot_in_a_series_item(tmp_path):
    path = write(tmp_path, "r.toml",
                 'id = "mine"\ntitle = "Mine"\nsource = "x"\nitems = ["one", "[nobody]"]\n')
    assert check_one(path) == [f"{path}:4: items[1]: [nobody] is a slot that no program defines"]


def test_negative_minutes(tmp_path):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace("minutes = 4", "minutes = -4"))
    assert check_one(path) == [f"{path}:9: segment[0].minutes: should be at least 0, not -4"]


def test_non_numeric_minutes(tmp_path):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace("minutes = 6", 'minutes = "six"'))
    assert check_one(path) == [f"{path}:13: segment[1].minutes: should be a number, not text"]


def test_wrong_types(tmp_path):
    text = GOOD_FORMAT.replace('name = "Tuesday night"', "name = 42").replace(
        "share_minutes = 3", "share_minutes = true")
    path = write(tmp_path, "f.toml", text)
    assert check_one(path) == [
        f"{path}:2: name: should be text, not a number",
        f"{path}:14: segment[1].share_minutes: should be a number, not true or false",
    ]


def test_segment_that_is_not_a_table(tmp_path):
    path = write(tmp_path, "f.toml", 'id = "x"\nname = "X"\nkind = "step"\nminutes = 5\n'
                                     'segment = [1, 2]\n')
    assert check_one(path) == [f"{path}:5: segment[0]: must be a table, not a number",
                               f"{path}:5: segment[1]: must be a table, not a number"]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = GOOD_FORMAT.replace("minutes = 4", "minutes = -1").replace('"welcome"', '"nope"')
    path = write(tmp_path, "f.toml", text)
    assert len(check_one(path)) == 2


def test_empty_file(tmp_path):
    path = write(tmp_path, "empty.toml", "")
    assert check_one(path) == [f"{path}: the file is empty"]


def test_whitespace_only_file_is_empty(tmp_path):
    path = write(tmp_path, "blank.toml", "\n  \n\t\n")
    assert check_one(path) == [f"{path}: the file is empty"]


def test_binary_file(tmp_path):
    path = write(tmp_path, "image.toml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert check_one(path) == [f"{path}: this is a binary file, not a text file"]


def test_non_utf8_file_names_the_line(tmp_path):
    path = write(tmp_path, "latin.toml", 'id = "x"\ntitle = "Caf\xe9"\n'.encode("latin-1"))
    [line] = check_one(path)
    assert line.startswith(f"{path}:2: the file is not UTF-8 text")


def test_file_over_one_megabyte(tmp_path):
    path = write(tmp_path, "huge.toml", "# filler\n" * 120_000)
    assert check_one(path) == [
        f"{path}: the file is 1,080,000 bytes; content files are limited to 1 MB"]


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.toml"
    assert check_one(path) == [f"{path}: no such file"]


def test_a_folder_is_not_a_file(tmp_path):
    assert check_one(tmp_path) == [f"{tmp_path}: this is a folder, not a file"]


def test_speaker_needs_count_and_minutes_each(tmp_path):
    text = GOOD_FORMAT.replace('kind = "shares"\nminutes = 6\nshare_minutes = 3',
                               'kind = "speaker"\nminutes = 6\ncount = 4\nminutes_each = 3')
    path = write(tmp_path, "f.toml", text)
    assert check_one(path) == [f"{path}:14: segment[1].count: should be from 1 to 3, not 4"]


def test_check_command_prints_every_problem_and_exits_2(tmp_path, capsys):
    good = write(tmp_path, "good.toml", GOOD_FORMAT)
    empty = write(tmp_path, "empty.toml", "")
    bad = write(tmp_path, "bad.toml", GOOD_FORMAT.replace("minutes = 4", "minutes = -4"))
    missing = tmp_path / "missing.toml"
    status = main(["check", str(good), str(empty), str(bad), str(missing)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out.splitlines() == [
        f"{empty}: the file is empty",
        f"{missing}: no such file",
        f"{bad}:9: segment[0].minutes: should be at least 0, not -4",
    ]
    assert err.strip() == "facilitator: 3 problems in 3 of 4 files"
    assert "Traceback" not in out + err


def test_check_command_passes_good_files(tmp_path, capsys):
    assert main(["check", str(write(tmp_path, "good.toml", GOOD_FORMAT))]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("name", ["programs.toml", "topics.toml"])
def test_check_knows_programs_and_topic_files(tmp_path, name):
    from importlib.resources import files

    text = (files("facilitator.readings") / name).read_text("utf-8")
    assert check_one(write(tmp_path, name, text)) == []
    broken = text.replace("steps = true", 'steps = "yes"', 1) if name == "programs.toml" \
        else "topics = []\n"
    assert len(check_one(write(tmp_path, name, broken))) == 1


@pytest.mark.parametrize("value, message", [
    ("1e308", "should be at most 1440, not 1e+308"),
    ("9" * 400, "should be at most 1440, not a number too large to use"),
    ("-" + "9" * 400, "should be at least 0, not a number too large to use"),
    ("inf", "should be a finite number"),
    ("nan", "should be a finite number"),
])
def test_absurd_minutes_get_one_clear_line(tmp_path, value, message):
    path = write(tmp_path, "f.toml", GOOD_FORMAT.replace("minutes = 4", f"minutes = {value}"))
    assert check_one(path) == [f"{path}:9: segment[0].minutes: {message}"]


def test_absurd_share_length_in_group_settings_is_refused(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "group", "set", "share_minutes", "1e308"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "facilitator: share_minutes: should be at most 120, not 1e+308"


def test_two_problems_on_one_line_are_told_apart_by_their_keys(tmp_path):
    path = write(tmp_path, "f.toml", 'id = "x"\nname = "X"\nkind = "step"\nminutes = 5\n'
                                     "[[segment]]\ntitle = \"Opening\"\n")
    assert check_one(path) == [
        f"{path}:5: segment[0].kind: is missing; it should be one of "
        "reading, prayer, silence, topic, study, literature, speaker, shares, contributions, "
        "milestones, newcomers, announcements, check-in, check-out, custom",
        f"{path}:5: segment[0].minutes: is missing; it should be a number of minutes",
    ]
