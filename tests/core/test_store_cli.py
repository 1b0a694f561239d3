"""The store's commands (group, group set, history, export, import) and the group's items listed."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.store import DATA_FILE, Store
from tests.core.store_helpers import (
    folder_bytes,
    group_settings,
    history_entry,
    own_format,
    own_reading,
)


def run(capsys, *argv):
    code = main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_formats_and_readings_mark_the_groups_own(data_dir, capsys):
    with Store.open(data_dir) as store:
        store.save_reading(own_reading())
        store.save_format(own_format(reading="preamble"))
    code, out, _ = run(capsys, "formats", "--data-dir", str(data_dir))
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["tuesday"].endswith("(group)")
    assert not lines["discussion"].endswith("(group)")
    code, out, _ = run(capsys, "readings", "--data-dir", str(data_dir))
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["preamble"].endswith("(group)") and "(group)" not in lines["welcome"]


def test_the_environment_chooses_the_data_folder(data_dir, capsys, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_format(own_format())
    monkeypatch.setenv("FACILITATOR_HOME", str(data_dir))
    _, out, _ = run(capsys, "formats")
    assert "tuesday" in out


def test_listing_creates_no_data_folder(tmp_path, capsys):
    code, out, _ = run(capsys, "formats", "--data-dir", str(tmp_path / "none"))
    assert code == 0 and "discussion" in out
    assert not (tmp_path / "none").exists()


def test_check_knows_the_groups_readings(data_dir, tmp_path, capsys):
    with Store.open(data_dir) as store:
        store.save_reading(own_reading())
    fmt = tmp_path / "ours.toml"
    fmt.write_text('id = "ours"\nname = "Ours"\nkind = "discussion"\nminutes = 60\n\n'
                   '[[segment]]\nkind = "reading"\nminutes = 5\nreading = "preamble"\n', "utf-8")
    code, _, _ = run(capsys, "check", str(fmt), "--data-dir", str(data_dir))
    assert code == 0
    code, out, _ = run(capsys, "check", str(fmt), "--data-dir", str(tmp_path / "other"))
    assert code == 2 and "unknown reading 'preamble'" in out


def test_group_before_set_up(data_dir, capsys):
    code, out, _ = run(capsys, "group", "--data-dir", str(data_dir))
    assert code == 0 and "No group settings are saved" in out


def test_group_shows_the_settings_readably(data_dir, capsys):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
    code, out, _ = run(capsys, "group", "--data-dir", str(data_dir))
    assert code == 0
    shown = {line.split(None, 1)[0]: line.split(None, 1)[1] for line in out.splitlines()}
    assert shown["name"] == "Tuesday Night Serenity"
    assert shown["program"] == "na (Narcotics Anonymous)"
    assert shown["designations"] == "C, W (Closed · Women)"
    assert shown["length"] == "90 minutes"
    assert shown["words"] == "members=friends"
    assert shown["muted"] == "no"


@pytest.mark.parametrize(("key", "value", "shown"), [
    ("name", "Harbour Lights", "name = Harbour Lights"),
    ("program", "al-anon", "program = al-anon (Al-Anon (and Alateen))"),
    ("length", "90", "length = 90 minutes"),
    ("share_minutes", "2.5", "share_minutes = 2.5 minutes"),
    ("designations", "c, w lgbtq", "designations = C, W, LGBTQ (Open · Women · LGBTQ)"),
    ("muted", "yes", "muted = yes"),
    ("schedule.1st", "step", "schedule = 1st=step"),
    ("words.members", "friends", "words = members=friends"),
    ("bookmark.page", "58", "bookmark = page 58"),
    ("default_format", "speaker", "default_format = speaker"),
])
def test_group_set_changes_one_setting(data_dir, capsys, key, value, shown):
    code, out, err = run(capsys, "group", "set", key, value, "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    assert out.strip() == shown
    with Store.open(data_dir) as store:
        assert store.group() is not None


def test_group_set_keeps_the_other_settings(data_dir, capsys):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
    run(capsys, "group", "set", "length", "75", "--data-dir", str(data_dir))
    with Store.open(data_dir) as store:
        settings = store.group()
    assert settings.length == 75 and settings.name == "Tuesday Night Serenity"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("length", "5", "facilitator: length: should be from 10 to 300, not 5"),
    ("length", "long", "facilitator: length: 'long' is not a whole number"),
    ("muted", "perhaps", "facilitator: muted: 'perhaps' should be yes or no"),
    ("program", "xyz", "facilitator: program: unknown program 'xyz'"),
    ("start", "7pm", "facilitator: start: '7pm' is not a time of day like 19:00"),
    ("designations", "ZZ", "facilitator: designations[0]: unknown meeting type code 'ZZ'"),
    ("schedule.9th", "step",
     "facilitator: schedule.9th: weeks are 1st, 2nd, 3rd, 4th, 5th or last"),
    ("schedule.1st", "nope", "facilitator: schedule.1st: unknown format 'nope'; "
                             "`facilitator formats` lists them"),
    ("speaker", "Zebulon", "facilitator: unknown setting 'speaker'; the settings are: name, "),
    ("bookmark", "x",
     "facilitator: bookmark: set bookmark.title, bookmark.section or bookmark.page"),
])
def test_group_set_refuses_a_bad_value_in_one_line(data_dir, capsys, key, value, message):
    code, out, err = run(capsys, "group", "set", key, value, "--data-dir", str(data_dir))
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    with Store.open(data_dir) as store:
        assert store.group() is None


def test_history_lists_the_meetings(data_dir, capsys):
    code, out, _ = run(capsys, "history", "--data-dir", str(data_dir))
    assert code == 0 and "No meetings" in out
    with Store.open(data_dir) as store:
        store.add_history(history_entry("2026-04-14", step=None))
        store.add_history(history_entry("2026-04-07", step=4))
    _, out, _ = run(capsys, "history", "--data-dir", str(data_dir))
    assert out.splitlines() == [
        "2026-04-07  step           60 min planned, 63 min held  step 4",
        "2026-04-14  step           60 min planned, 63 min held",
    ]


def test_export_then_import(data_dir, tmp_path, capsys):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
        store.save_reading(own_reading())
        store.save_format(own_format(reading="preamble"))
    pack = tmp_path / "pack.json"
    code, out, _ = run(capsys, "export", str(pack), "--data-dir", str(data_dir))
    assert code == 0
    assert out.strip() == f"exported the group settings, 1 format and 1 reading to {pack}"
    other = tmp_path / "other"
    with Store.open(other) as store:
        store.save_reading(own_reading(text="Different words."))
    code, out, _ = run(capsys, "import", str(pack), "--data-dir", str(other))
    assert code == 0
    assert out.splitlines() == [
        "added format tuesday",
        "added the group settings",
        "renamed reading preamble -> preamble-group (a different reading has that id)",
        "2 added, 1 renamed, 0 skipped",
    ]


def test_import_of_a_bad_pack_says_why_and_writes_nothing(data_dir, tmp_path, capsys):
    with Store.open(data_dir) as store:
        store.save_format(own_format())
    before = folder_bytes(data_dir)
    pack = tmp_path / "pack.json"
    pack.write_text(json.dumps({"pack_version": 1, "history": [history_entry().to_dict()],
                                "readings": [own_reading().to_dict()]}), "utf-8")
    code, out, err = run(capsys, "import", str(pack), "--data-dir", str(data_dir))
    assert code == 2 and out == ""
    assert err == f"facilitator: {pack}: history: a group pack never carries the meeting history\n"
    assert folder_bytes(data_dir) == before


@pytest.mark.parametrize("garbage", [b"", b"not a pack", b"\x89PNG\r\n\x1a\n\x00",
                                     b'{"pack_version": 1, "history": []}'])
def test_a_bad_pack_creates_no_data_folder(tmp_path, capsys, garbage):
    pack = tmp_path / "pack.json"
    pack.write_bytes(garbage)
    data_dir = tmp_path / "new" / "data"
    code, out, err = run(capsys, "import", str(pack), "--data-dir", str(data_dir))
    assert code == 2 and out == "" and err.startswith(f"facilitator: {pack}")
    assert not (tmp_path / "new").exists()


def test_a_pack_is_checked_against_the_groups_own_readings(data_dir, tmp_path, capsys):
    with Store.open(data_dir) as store:
        store.save_reading(own_reading())
    pack = tmp_path / "pack.json"
    pack.write_text(json.dumps({"kind": "facilitator group pack", "pack_version": 1,
                                "formats": [own_format(reading="preamble").to_dict()]}),
                    "utf-8")
    code, out, err = run(capsys, "import", str(pack), "--data-dir", str(data_dir))
    assert (code, err) == (0, "") and out.splitlines()[0] == "added format tuesday"
    code, out, err = run(capsys, "import", str(pack), "--data-dir", str(tmp_path / "other"))
    assert code == 2 and "preamble" in err
    assert not (tmp_path / "other").exists()


def test_a_repair_notice_goes_to_stderr(data_dir, capsys):
    with Store.open(data_dir) as store:
        store.save_format(own_format(name="First"))
        store.save_format(own_format(name="Second"))
    (data_dir / DATA_FILE).write_bytes(b"\0" * 10)
    code, out, err = run(capsys, "formats", "--data-dir", str(data_dir))
    assert code == 0 and "tuesday" in out
    assert err.startswith("facilitator: The group's data file") and "damaged" in err
    code, out, err = run(capsys, "group", "set", "name", "After", "--data-dir", str(data_dir))
    assert code == 0 and "moved it to" in err
    with Store.open(data_dir) as store:
        assert [f.name for f in store.formats()] == ["Second"]  # the last save is restored


def test_a_newer_data_file_is_refused_in_one_line(data_dir, capsys):
    with Store.open(data_dir) as store:
        store.save_format(own_format())
    path = data_dir / DATA_FILE
    data = json.loads(path.read_text("utf-8"))
    data["_meta"]["schema"] = 7
    path.write_text(json.dumps(data), "utf-8")
    before = path.read_bytes()
    for argv in (["formats"], ["group", "set", "name", "X"], ["import", str(path)]):
        code, _, err = run(capsys, *argv, "--data-dir", str(data_dir))
        assert code == 2 and "newer Facilitator" in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_read_only_commands_work_while_the_app_holds_the_folder(data_dir, tmp_path, capsys):
    with Store.open(data_dir) as app_store:
        app_store.save_group(group_settings())
        app_store.save_format(own_format())
        app_store.add_history(history_entry())
        for argv in (["formats"], ["readings"], ["group"], ["history"],
                     ["export", str(tmp_path / "p.json")]):
            code, _, err = run(capsys, *argv, "--data-dir", str(data_dir))
            assert (code, err) == (0, ""), argv
        code, _, err = run(capsys, "group", "set", "name", "X", "--data-dir", str(data_dir))
        assert code == 2
        assert err == f"facilitator: the data folder {data_dir} is in use by another Facilitator\n"


def test_a_second_process_is_told_the_folder_is_in_use(data_dir, tmp_path):
    root = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "PYTHONPATH": str(root)}
    pack = tmp_path / "pack.json"
    pack.write_text(json.dumps({"kind": "facilitator group pack", "pack_version": 1}), "utf-8")
    with Store.open(data_dir):
        result = subprocess.run(
            [sys.executable, "-m", "facilitator", "import", str(pack), "--data-dir",
             str(data_dir)], capture_output=True, text=True, env=environment, timeout=60)
        listing = subprocess.run(
            [sys.executable, "-m", "facilitator", "formats", "--data-dir", str(data_dir)],
            capture_output=True, text=True, env=environment, timeout=60)
    assert result.returncode == 2
    assert result.stderr == (
        f"facilitator: the data folder {data_dir} is in use by another Facilitator\n")
    assert listing.returncode == 0 and "discussion" in listing.stdout
