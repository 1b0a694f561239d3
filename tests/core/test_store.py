"""The store's everyday behaviour: what is saved comes back, privately, under one writer."""

import json
import stat
from dataclasses import fields, replace

import pytest

from facilitator import store as store_module
from facilitator.content import builtin_library
from facilitator.model import GroupSettings, HistoryEntry, Reading
from facilitator.store import (
    DATA_FILE,
    HISTORY_FILE,
    RUN_STATE_FILE,
    Store,
    StoreError,
    StoreLocked,
    copy_id,
)
from tests.core.store_helpers import (
    files_under,
    group_settings,
    history_entry,
    own_format,
    own_reading,
)


def test_a_new_store_is_empty_and_makes_a_private_folder(data_dir):
    with Store.open(data_dir) as store:
        assert store.group() is None
        assert store.formats() == [] and store.readings() == [] and store.history() == []
        assert store.run_state() is None
        assert store.notices == []
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_everything_saved_comes_back_after_reopening(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
        store.save_format(own_format())
        store.save_reading(own_reading())
        store.add_history(history_entry())
        store.save_run_state({"index": 3, "timer": {"state": "paused", "remaining": 41.5}})
    with Store.open(data_dir) as store:
        assert store.group() == group_settings()
        assert store.formats() == [own_format()]
        assert store.readings() == [own_reading()]
        assert store.history() == [history_entry()]
        assert store.run_state() == {"index": 3, "timer": {"state": "paused", "remaining": 41.5}}


def test_a_save_is_on_disk_when_the_call_returns(data_dir):
    with Store.open(data_dir) as store:
        store.save_format(own_format(name="On disk"))
        on_disk = json.loads((data_dir / DATA_FILE).read_text("utf-8"))
    names = [record["name"] for record in on_disk["formats"].values()]
    assert names == ["On disk"]


def test_files_are_0600_and_folders_0700(data_dir):
    with Store.open(data_dir) as store:
        for n in range(3):
            store.save_group(group_settings(f"Group {n}"))
            store.add_history(history_entry())
            store.save_run_state({"index": n})
        assert (data_dir / "backups").is_dir()
    files = files_under(data_dir)
    assert {p.name for p in files} >= {DATA_FILE, HISTORY_FILE, RUN_STATE_FILE}
    assert any(p.parent.name == "backups" for p in files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (data_dir, data_dir / "backups"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_saving_an_item_again_replaces_it_whole(data_dir):
    with Store.open(data_dir) as store:
        store.save_reading(own_reading())
        series = Reading("preamble", "Our preamble", "The group", items=("One.", "Two."))
        store.save_reading(series)
        store.save_format(own_format(name="First"))
        store.save_format(own_format(name="Second"))
    with Store.open(data_dir) as store:
        # A text reading turned into a series must not keep its old `text`.
        assert store.readings() == [series]
        assert [f.name for f in store.formats()] == ["Second"]
        assert store.notices == []


def test_deleting_items(data_dir):
    with Store.open(data_dir) as store:
        store.save_format(own_format("one"))
        store.save_format(own_format("two"))
        store.save_reading(own_reading())
        store.delete_format("one")
        store.delete_reading("preamble")
        store.delete_format("never-there")
    with Store.open(data_dir) as store:
        assert [f.id for f in store.formats()] == ["two"]
        assert store.readings() == []


def test_a_builtin_is_never_changed_in_place(data_dir):
    step = builtin_library().format("step")
    with Store.open(data_dir) as store:
        with pytest.raises(StoreError, match="'step' is a built-in format.*'step-group'"):
            store.save_format(replace(step, name="Ours"))
        with pytest.raises(StoreError, match="built-in reading"):
            store.save_reading(replace(builtin_library().reading("welcome"), title="Hi"))
        store.save_format(replace(step, id="step-group", name="Ours"))
        assert store.library().format("step").name == step.name
        assert store.library().format("step-group").name == "Ours"


@pytest.mark.parametrize(("existing", "base", "expected"), [
    ([], "step", "step-group"),
    (["step-group"], "step", "step-group-2"),
    (["step-group", "step-group-2"], "step", "step-group-3"),
    (["step-group"], "step-group", "step-group-2"),
    ([], "x" * 64, "x" * 58 + "-group"),
])
def test_copy_id(existing, base, expected):
    assert copy_id(existing, base) == expected


def test_library_holds_the_groups_items_marked_as_theirs(data_dir):
    with Store.open(data_dir) as store:
        store.save_reading(own_reading())
        store.save_format(own_format(reading="preamble"))
        library = store.library()
    assert library.format("tuesday").segments[0].reading == "preamble"
    assert library.own_formats == {"tuesday"} and library.own_readings == {"preamble"}
    assert "discussion" in library.formats and "discussion" not in library.own_formats


def test_history_is_oldest_first_and_kept_in_its_own_file(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
        for date in ("2026-03-03", "2025-12-30", "2026-01-06"):
            store.add_history(history_entry(date))
        assert [e.date for e in store.history()] == ["2025-12-30", "2026-01-06", "2026-03-03"]
    assert "history" not in json.loads((data_dir / DATA_FILE).read_text("utf-8"))
    assert len(json.loads((data_dir / HISTORY_FILE).read_text("utf-8"))["history"]) == 3


def test_a_meeting_without_a_step_comes_back(data_dir):
    with Store.open(data_dir) as store:
        store.add_history(history_entry(step=None))
    with Store.open(data_dir) as store:
        assert store.history() == [history_entry(step=None)] and store.notices == []


def test_a_history_record_that_fails_validation_is_reported(data_dir):
    with Store.open(data_dir) as store:
        store.add_history(history_entry("2026-01-06"))
        store.add_history(history_entry("2026-01-13"))
    path = data_dir / HISTORY_FILE
    data = json.loads(path.read_text("utf-8"))
    data["history"]["2"]["date"] = "last tuesday"
    path.write_text(json.dumps(data), "utf-8")
    with Store.open(data_dir) as store:
        assert [e.date for e in store.history()] == ["2026-01-06"]
        assert "could not be read" in store.notices[0]


def test_run_state_is_a_copy_and_can_be_cleared(data_dir):
    state = {"index": 2, "timer": {"state": "running"}}
    with Store.open(data_dir) as store:
        store.save_run_state(state)
        state["index"] = 99
        store.run_state()["index"] = 77
        assert store.run_state()["index"] == 2
        store.save_run_state({"index": 5})
        assert store.run_state() == {"index": 5}
        store.clear_run_state()
        assert store.run_state() is None
    with Store.open(data_dir) as store:
        assert store.run_state() is None


def test_run_state_must_be_plain_data(data_dir):
    with Store.open(data_dir) as store, pytest.raises(StoreError, match="cannot be saved"):
        store.save_run_state({"when": object()})


def test_wrong_types_are_refused(data_dir):
    with Store.open(data_dir) as store:
        with pytest.raises(TypeError):
            store.save_group({"name": "dict, not settings"})
        with pytest.raises(TypeError):
            store.add_history({"date": "2026-01-01"})


def test_the_last_ten_versions_are_kept_as_backups(data_dir):
    with Store.open(data_dir) as store:
        for n in range(15):
            store.save_group(group_settings(f"Version {n}"))
    backups = sorted((data_dir / "backups").glob(f"{DATA_FILE}.*"))
    assert len(backups) == 10
    names = [json.loads(b.read_text("utf-8"))["group"]["1"]["name"] for b in backups]
    # Each save is kept as it is made: 5 .. 14, the newest being the file itself.
    assert names == [f"Version {n}" for n in range(5, 15)]
    assert backups[-1].read_bytes() == (data_dir / DATA_FILE).read_bytes()


def test_a_reopened_store_keeps_each_version_once(data_dir):
    for n in range(3):
        with Store.open(data_dir) as store:
            store.save_group(group_settings(f"Version {n}"))
    backups = sorted((data_dir / "backups").glob(f"{DATA_FILE}.*"))
    names = [json.loads(b.read_text("utf-8"))["group"]["1"]["name"] for b in backups]
    assert names == ["Version 0", "Version 1", "Version 2"]


def test_a_file_saved_before_backups_held_the_latest_is_kept_when_replaced(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings("Old"))
    # As an older Facilitator left it: the file itself is in no backup.
    for backup in (data_dir / "backups").iterdir():
        backup.unlink()
    old = (data_dir / DATA_FILE).read_bytes()
    with Store.open(data_dir) as store:
        store.save_group(group_settings("New"))
        store.save_group(group_settings("Newer"))
    backups = sorted((data_dir / "backups").glob(f"{DATA_FILE}.*"))
    assert backups[0].read_bytes() == old
    names = [json.loads(b.read_text("utf-8"))["group"]["1"]["name"] for b in backups]
    assert names == ["Old", "New", "Newer"]


def test_one_writer_per_data_folder(data_dir):
    writer = Store.open(data_dir)
    writer.save_format(own_format())
    with pytest.raises(StoreLocked) as caught:
        Store.open(data_dir)
    assert str(caught.value) == f"the data folder {data_dir} is in use by another Facilitator"
    with Store.open(data_dir, writer=False) as reader:
        assert reader.formats() == [own_format()]
        with pytest.raises(StoreError, match="read-only"):
            reader.save_format(own_format("other"))
    writer.close()
    with Store.open(data_dir) as again:
        assert again.formats() == [own_format()]


def test_a_read_only_open_creates_nothing(tmp_path):
    with Store.open(tmp_path / "absent", writer=False) as store:
        assert store.group() is None
    assert not (tmp_path / "absent").exists()


def test_a_batch_is_one_save_or_none(data_dir):
    with Store.open(data_dir) as store:
        store.save_format(own_format("kept"))
        with pytest.raises(RuntimeError), store.batch():
            store.save_format(own_format("lost"))
            store.save_group(group_settings())
            raise RuntimeError("something failed half-way")
        assert [f.id for f in store.formats()] == ["kept"] and store.group() is None
        with store.batch():
            store.save_format(own_format("a"))
            store.save_reading(own_reading())
        backups_after_batch = len(list((data_dir / "backups").glob(f"{DATA_FILE}.*")))
    assert backups_after_batch == 2  # one for the first save, one for the whole batch
    with Store.open(data_dir) as store:
        assert sorted(f.id for f in store.formats()) == ["a", "kept"]
        assert store.group() is None


def test_a_newer_schema_is_refused_and_never_written(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
    path = data_dir / DATA_FILE
    data = json.loads(path.read_text("utf-8"))
    data["_meta"]["schema"] = 99
    path.write_text(json.dumps(data), "utf-8")
    before = path.read_bytes()
    for writer in (True, False):
        with pytest.raises(StoreError, match="newer Facilitator.*has not been changed"):
            Store.open(data_dir, writer=writer)
    assert path.read_bytes() == before
    assert list(data_dir.glob("*.corrupt-*")) == []
    # The lock was let go: once Facilitator is updated, it can open the folder.
    store_module.SCHEMA_VERSION, old = 99, store_module.SCHEMA_VERSION
    try:
        with Store.open(data_dir) as store:
            assert store.group() == group_settings()
    finally:
        store_module.SCHEMA_VERSION = old


def test_an_older_schema_is_migrated_and_saved(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_group(group_settings("Old name"))

    def rename_group(tables):
        tables["group"]["1"]["name"] = "Migrated"
        return tables

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_module.MIGRATIONS, DATA_FILE, {1: rename_group})
    with Store.open(data_dir) as store:
        assert store.group().name == "Migrated"
    on_disk = json.loads((data_dir / DATA_FILE).read_text("utf-8"))
    assert on_disk["_meta"]["schema"] == 2
    # The version-1 file is kept as a backup, in case the new version is unwanted.
    older, newest = sorted((data_dir / "backups").glob(f"{DATA_FILE}.*"))[-2:]
    assert json.loads(older.read_text("utf-8"))["_meta"]["schema"] == 1
    assert json.loads(newest.read_text("utf-8"))["_meta"]["schema"] == 2


def test_a_record_that_fails_validation_is_reported_and_the_rest_loads(data_dir):
    with Store.open(data_dir) as store:
        store.save_format(own_format("good"))
        store.save_format(own_format("bad"))
    path = data_dir / DATA_FILE
    data = json.loads(path.read_text("utf-8"))
    for record in data["formats"].values():
        if record["id"] == "bad":
            record["minutes"] = -5
    path.write_text(json.dumps(data), "utf-8")
    with Store.open(data_dir) as store:
        assert [f.id for f in store.formats()] == ["good"]
        assert len(store.notices) == 1 and "minutes" in store.notices[0]


def test_a_failed_batch_does_not_repeat_the_notices(data_dir):
    with Store.open(data_dir) as store:
        store.save_format(own_format("bad"))
        store.save_group(group_settings())
    path = data_dir / DATA_FILE
    data = json.loads(path.read_text("utf-8"))
    next(iter(data["formats"].values()))["minutes"] = -5
    data["group"]["1"]["length"] = -1
    path.write_text(json.dumps(data), "utf-8")
    with Store.open(data_dir) as store:
        notices = list(store.notices)
        assert len(notices) == 2
        with pytest.raises(RuntimeError), store.batch():
            store.save_format(own_format("lost"))
            raise RuntimeError("something failed half-way")
        assert store.notices == notices
        assert store.formats() == [] and store.group() is None


def test_the_store_has_no_field_for_a_person():
    person_words = ("person", "people", "speaker", "sharer", "attend", "member", "phone",
                    "email", "count", "who", "names")
    for shape in (GroupSettings, HistoryEntry):
        for field in fields(shape):
            assert not any(word in field.name for word in person_words), (shape, field.name)
    assert {f.name for f in fields(HistoryEntry)} == {
        "date", "format_id", "step", "topic", "passage", "planned_minutes", "actual_minutes"}
    public = {name for name in dir(Store) if not name.startswith("_")}
    assert public == {
        "open", "group", "save_group", "formats", "save_format", "delete_format", "readings",
        "save_reading", "delete_reading", "history", "add_history", "run_state",
        "save_run_state", "clear_run_state", "library", "batch", "close"}
