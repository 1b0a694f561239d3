"""Faults the store survives: damaged files, a full disk, a read-only folder, crash leftovers."""

import errno
import json
import os
import re
import shutil
from dataclasses import replace

import pytest

from facilitator import atomic_storage
from facilitator.store import DATA_FILE, HISTORY_FILE, RUN_STATE_FILE, Store, StoreError
from tests.core.store_helpers import folder_bytes, group_settings, history_entry, own_format


def three_versions(data_dir):
    """Save versions 1, 2 and 3 of the group's name; the backups then hold all three."""
    with Store.open(data_dir) as store:
        for n in (1, 2, 3):
            store.save_group(group_settings(f"Version {n}"))


def valid_file_bytes(data_dir):
    return (data_dir / DATA_FILE).read_bytes()


DAMAGE = {
    "empty": lambda good: b"",
    "truncated": lambda good: good[: len(good) // 2],
    "garbage": lambda good: b"this is not json {{{",
    "nul-filled": lambda good: b"\0" * len(good),
    "not utf-8": lambda good: b"\xff\xfe\x00garbage",
    "json list": lambda good: b"[1, 2, 3]",
    "json without schema": lambda good: b'{"group": {"1": {"name": "x"}}}',
    "records not tables": lambda good: b'{"_meta": {"schema": 1}, "formats": {"1": 5}}',
    # TinyDB calls int() on each record key: a superscript digit passes isdigit() but not that.
    "non-ASCII record key": lambda good: b'{"_meta": {"schema": 1}, "formats": {"\\u00b2": {}}}',
    # Not JSON, though Python's decoder reads it; the store never writes it.
    "NaN": lambda good: b'{"_meta": {"schema": 1}, "group": {"1": {"volume": NaN}}}',
    "Infinity": lambda good: b'{"_meta": {"schema": 1}, "group": {"1": {"volume": -Infinity}}}',
    "nested too deeply": lambda good: b"[" * 100_000,
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_moved_aside_and_the_newest_backup_restored(data_dir, damage):
    three_versions(data_dir)
    path = data_dir / DATA_FILE
    damaged = DAMAGE[damage](valid_file_bytes(data_dir))
    path.write_bytes(damaged)
    with Store.open(data_dir) as store:
        assert store.group().name == "Version 3"  # the last save: nothing is lost
        assert len(store.notices) == 1
        notice = store.notices[0]
    aside = list(data_dir.glob(f"{DATA_FILE}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert re.fullmatch(rf"{re.escape(DATA_FILE)}\.corrupt-\d{{8}}-\d{{6}}", aside[0].name)
    assert str(path) in notice and str(aside[0]) in notice and "restored the backup" in notice
    assert "\n" not in notice
    # Repaired for good: the next open is quiet and sees the restored data.
    with Store.open(data_dir) as store:
        assert store.notices == [] and store.group().name == "Version 3"


def test_damage_written_over_the_file_in_place_loses_no_save(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings("Renamed"))
        store.save_group(replace(store.group(), length=75))
    path = data_dir / DATA_FILE
    # Written through the file's own inode, as an editor or a sync tool might: a backup
    # that shared it (a hard link) would be damaged too.
    with open(path, "r+b") as file:
        file.write(b"\0" * path.stat().st_size)
    with Store.open(data_dir) as store:
        assert (store.group().name, store.group().length) == ("Renamed", 75)
        assert "restored the backup" in store.notices[0]


def test_a_save_makes_its_backup_durable(data_dir, monkeypatch):
    synced = []
    real_fsync_folder = atomic_storage.fsync_folder

    def recording(folder):
        synced.append(folder)
        real_fsync_folder(folder)

    monkeypatch.setattr(atomic_storage, "fsync_folder", recording)
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
        store.save_group(group_settings("Again"))
    assert synced.count(data_dir) == 2
    assert synced.count(data_dir / "backups") == 2


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(data_dir):
    three_versions(data_dir)
    newest_backup = sorted((data_dir / "backups").glob(f"{DATA_FILE}.*"))[-1]
    newest_backup.write_bytes(b"\0" * 100)
    (data_dir / DATA_FILE).write_bytes(b"")
    with Store.open(data_dir) as store:
        assert store.group().name == "Version 2"


def test_a_damaged_file_with_no_backup_starts_afresh_and_says_so(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
    shutil.rmtree(data_dir / "backups")
    (data_dir / DATA_FILE).write_bytes(b"{ truncated")
    with Store.open(data_dir) as store:
        assert store.group() is None
        assert "no good backup" in store.notices[0]
        assert "entered again" in store.notices[0]
    assert len(list(data_dir.glob(f"{DATA_FILE}.corrupt-*"))) == 1


def test_a_read_only_open_of_a_damaged_file_shows_the_backup_and_changes_nothing(data_dir):
    three_versions(data_dir)
    (data_dir / DATA_FILE).write_bytes(b"garbage")
    before = folder_bytes(data_dir)
    with Store.open(data_dir, writer=False) as store:
        assert store.group().name == "Version 3"
        assert "is damaged" in store.notices[0] and "repairs it" in store.notices[0]
    assert folder_bytes(data_dir) == before


def test_damaged_history_is_repaired_on_its_own(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
        store.add_history(history_entry("2026-01-06"))
        store.add_history(history_entry("2026-01-13"))
    (data_dir / HISTORY_FILE).write_bytes(b"\0\0\0")
    with Store.open(data_dir) as store:
        assert [e.date for e in store.history()] == ["2026-01-06", "2026-01-13"]
        assert store.group() == group_settings()
        assert len(store.notices) == 1 and "history" in store.notices[0]


def test_a_damaged_run_state_means_no_resume(data_dir):
    with Store.open(data_dir) as store:
        store.save_run_state({"index": 4})
    (data_dir / RUN_STATE_FILE).write_bytes(b'{"run": ')
    with Store.open(data_dir) as store:
        assert store.run_state() is None
        assert "cannot be resumed" in store.notices[0]


def test_temporary_files_left_by_a_crash_are_removed(data_dir):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
    leftover = data_dir / f".{DATA_FILE}.tmp-12345-abcd"
    leftover.write_bytes(b'{"half": ')
    with Store.open(data_dir) as store:
        assert store.group() == group_settings()
    assert not leftover.exists()


# A full disk and a read-only folder ----------------------------------------------------

def failing(real, error_number, only_under):
    """Wrap an os function so that it fails, as the file system would, for paths in a folder."""
    def fake(*args, **kwargs):
        if any(str(only_under) in str(arg) for arg in args if isinstance(arg, str | os.PathLike)):
            raise OSError(error_number, os.strerror(error_number))
        return real(*args, **kwargs)
    return fake


def test_a_full_disk_leaves_the_old_data_intact(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_format(own_format(name="Saved before"))
        store.add_history(history_entry())
        before = folder_bytes(data_dir)
        real_write = os.write
        monkeypatch.setattr(os, "write",
                            lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
        with pytest.raises(StoreError) as caught:
            store.save_format(own_format(name="Never saved"))
        with pytest.raises(StoreError):
            store.add_history(history_entry("2026-05-05"))
        monkeypatch.setattr(os, "write", real_write)
        message = str(caught.value)
        assert "the disk is full" in message and "Nothing was changed" in message
        assert str(data_dir) in message and "\n" not in message
        assert folder_bytes(data_dir) == before  # no temporary file left, nothing changed
        # In memory too, the store holds what is on disk.
        assert [f.name for f in store.formats()] == ["Saved before"]
        assert len(store.history()) == 1
        store.save_format(own_format(name="Saved after"))
    with Store.open(data_dir) as store:
        assert [f.name for f in store.formats()] == ["Saved after"]


def test_a_failing_replace_leaves_the_old_data_intact(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_group(group_settings("Before"))
        before = folder_bytes(data_dir)
        monkeypatch.setattr(os, "replace", failing(os.replace, errno.EROFS, data_dir))
        with pytest.raises(StoreError, match="read-only"):
            store.save_group(group_settings("After"))
        assert store.group().name == "Before"
    monkeypatch.undo()
    after = folder_bytes(data_dir)
    # The backup link may exist; the data file itself and everything else are unchanged.
    assert after[DATA_FILE] == before[DATA_FILE]
    assert not [name for name in after if ".tmp-" in name]


def test_a_full_disk_during_a_batch_keeps_none_of_it(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_format(own_format("kept"))
        before = folder_bytes(data_dir)
        monkeypatch.setattr(os, "write",
                            lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
        with pytest.raises(StoreError, match="disk is full"), store.batch():
            store.save_format(own_format("one"))
            store.save_group(group_settings())
        monkeypatch.undo()
        assert [f.id for f in store.formats()] == ["kept"] and store.group() is None
    assert folder_bytes(data_dir) == before


def test_a_read_only_folder_refuses_a_writer_clearly_and_still_reads(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_group(group_settings())
    (data_dir / "facilitator.lock").unlink(missing_ok=True)
    before = folder_bytes(data_dir)
    # Tests run as root here, where chmod cannot make a folder read-only; fail the calls
    # that create or change files the way a read-only folder (or file system) does.
    monkeypatch.setattr(os, "open", failing_when_writing(os.open, data_dir))
    monkeypatch.setattr(os, "mkdir", failing(os.mkdir, errno.EROFS, data_dir))
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir)
    assert "read-only" in str(caught.value) and str(data_dir) in str(caught.value)
    with Store.open(data_dir, writer=False) as reader:
        assert reader.group() == group_settings()
    monkeypatch.undo()
    assert folder_bytes(data_dir) == before


def test_a_folder_made_read_only_while_open_fails_saves_cleanly(data_dir, monkeypatch):
    with Store.open(data_dir) as store:
        store.save_group(group_settings("Before"))
        before = (data_dir / DATA_FILE).read_bytes()
        monkeypatch.setattr(os, "open", failing_when_writing(os.open, data_dir))
        with pytest.raises(StoreError) as caught:
            store.save_group(group_settings("After"))
        monkeypatch.undo()
        assert "read-only" in str(caught.value)
        assert store.group().name == "Before"
    assert (data_dir / DATA_FILE).read_bytes() == before


def failing_when_writing(real_open, folder):
    def fake(path, flags, *args, **kwargs):
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and str(folder) in str(path):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)
    return fake


def test_history_json_keeps_only_meeting_facts(data_dir):
    with Store.open(data_dir) as store:
        store.add_history(history_entry())
    record = next(iter(json.loads((data_dir / HISTORY_FILE).read_text("utf-8"))["history"]
                       .values()))
    assert set(record) == {"date", "format_id", "step", "topic", "passage", "planned_minutes",
                           "actual_minutes"}
