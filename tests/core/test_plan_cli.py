"""`facilitator plan` on the command line: the run sheet, the schedule, and clear errors."""

from __future__ import annotations

import pytest

from facilitator.cli import main
from facilitator.model import Bookmark, GroupSettings, HistoryEntry
from facilitator.store import Store


def run_plan(capsys, *args):
    status = main(["plan", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_example_from_the_issue(capsys):
    status, out, err = run_plan(capsys, "step", "--program", "aa", "--date", "2026-04-07",
                                "--start", "19:00")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Step meeting · Alcoholics Anonymous"
    assert lines[1] == "Tuesday 7 April 2026, 19:00–20:00 · Open"
    assert "Tonight: Step 4" in lines
    assert lines[4].startswith("19:00   2 min  Welcome")
    assert "19:11   5 min  Tonight's step" in lines
    assert any("We made a searching and fearless moral inventory of" in line for line in lines)
    assert any("powerless over alcohol" in line for line in lines)
    assert lines[-1] == "20:00          End of the meeting"
    assert max(len(line) for line in lines) <= 78


def test_step_topic_and_passage_options(capsys):
    _, out, _ = run_plan(capsys, "step", "--date", "2026-04-07", "--step", "12")
    assert "Tonight: Step 12" in out
    assert "carry this message to alcoholics" in out
    _, out, _ = run_plan(capsys, "discussion", "--date", "2026-04-07", "--topic",
                         "Tom & Jerry <3", "--program", "na")
    assert "Tonight: topic “Tom & Jerry <3”" in out
    assert "Narcotics Anonymous" in out
    _, out, _ = run_plan(capsys, "literature", "--date", "2026-04-07", "--passage",
                         "Chapter 3, page 40")
    assert "Tonight: Chapter 3, page 40" in out
    _, out, _ = run_plan(capsys, "speaker", "--date", "2026-04-07", "--speakers", "2",
                         "--speaker-minutes", "15")
    assert "30 min  Speaker" in out
    assert "Note: two speakers of 15 minutes take 30 minutes" in out


@pytest.mark.parametrize(("args", "message"), [
    (["step", "--date", "2026-13-01"], "--date '2026-13-01' is not a date like 2026-04-07"),
    (["step", "--date", "tuesday"], "--date 'tuesday' is not a date like 2026-04-07"),
    (["step", "--start", "25:00"], "--start '25:00' is not a time of day like 19:00"),
    (["step", "--start", "7pm"], "--start '7pm' is not a time of day like 19:00"),
    (["step", "--step", "x"], "--step 'x' is not a whole number"),
    (["step", "--step", "0"], "--step must be 1 or more, not 0"),
    (["step", "--step", "13"], "The Twelve Steps has steps 1 to 12; there is no step 13"),
    (["step", "--program", "smart", "--step", "5"],
     "SMART Recovery’s Four Points has points 1 to 4; there is no point 5"),
    (["nosuch"], "unknown format 'nosuch'; `facilitator formats` lists them"),
    (["step", "--program", "xx"], "unknown program 'xx'"),
    (["speaker", "--speakers", "4"], "a speaker meeting has 1 to 3 speakers, not 4"),
])
def test_bad_options_give_one_clear_line_and_exit_2(capsys, args, message):
    status, out, err = run_plan(capsys, *args)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("facilitator: ")
    assert message in err


def test_a_format_file(capsys, tmp_path):
    path = tmp_path / "short.toml"
    path.write_text('id = "short"\nname = "Short meeting"\nkind = "discussion"\n'
                    'minutes = 30\n\n[[segment]]\nkind = "reading"\nreading = "welcome"\n'
                    'minutes = 5\n\n[[segment]]\nkind = "shares"\nminutes = 25\n',
                    encoding="utf-8")
    status, out, err = run_plan(capsys, str(path), "--date", "2026-04-07", "--start", "12:00")
    assert status == 0, err
    assert "Short meeting · Alcoholics Anonymous" in out
    assert "12:00–12:30" in out
    assert "Note" not in out


def test_a_broken_format_file_names_the_file_and_line(capsys, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('id = "broken"\nname = "Broken"\nkind = "discussion"\nminutes = 30\n\n'
                    '[[segment]]\nkind = "dancing"\nminutes = 5\n', encoding="utf-8")
    status, _, err = run_plan(capsys, str(path))
    assert status == 2
    assert f"{path}:7:" in err


def test_without_a_format_the_groups_schedule_chooses(capsys, tmp_path):
    with Store.open(tmp_path) as store:
        store.save_group(GroupSettings(
            name="Tuesday Night Group", meeting_type="closed", length=90, start="18:30",
            schedule={"1st": "step", "last": "literature"}, default_format="discussion",
            step_choice="next", bookmark=Bookmark("Living Sober", "Chapter 5", 23)))
        store.add_history(HistoryEntry("2026-03-03", "step", step=9, planned_minutes=90,
                                       actual_minutes=88))
    status, out, err = run_plan(capsys, "--data-dir", str(tmp_path), "--date", "2026-04-07")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "Tuesday Night Group"
    assert lines[1] == "Step meeting · Alcoholics Anonymous"
    assert "18:30–20:00 · Closed" in lines[2]
    assert "Tonight: Step 10" in lines  # the step after the last one in history
    assert "Note: segments add up to 60 minutes; the meeting is 90" in out
    _, out, _ = run_plan(capsys, "--data-dir", str(tmp_path), "--date", "2026-04-28")
    assert "Literature meeting" in out
    assert "Tonight: Living Sober, Chapter 5, page 23" in out
    _, out, _ = run_plan(capsys, "--data-dir", str(tmp_path), "--date", "2026-04-14")
    assert "Discussion meeting" in out


def test_without_a_group_the_default_format_is_a_discussion(capsys):
    status, out, _ = run_plan(capsys, "--date", "2026-04-07")
    assert status == 0
    assert out.startswith("Discussion meeting · Alcoholics Anonymous")


@pytest.mark.parametrize("options, line", [
    (["--speakers", "2"], "Tonight: two speakers of 20 minutes"),
    (["--speaker-minutes", "15"], "Tonight: one speaker of 15 minutes"),
    ([], "Tonight: one speaker of 20 minutes"),
])
def test_tonights_speakers_are_named_in_the_header(capsys, options, line):
    assert main(["plan", "speaker", "--date", "2026-04-07", *options]) == 0
    assert line in capsys.readouterr().out.splitlines()


def test_without_a_date_the_plan_is_for_the_groups_next_meeting(capsys, tmp_path):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "group", "set", "weekday", "thursday"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "plan", "discussion"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("Thursday ")
