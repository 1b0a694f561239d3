"""No person reaches the disk: a name kept in memory is in no file of the data folder.

The test writes through every public store call, repairs a damaged file and
exports a pack, while a speaker's name typed for tonight sits in memory beside
the data being saved. Then it reads every file under the data folder (backups,
files moved aside, the lock file) and the exported pack, in the encodings a
file could use, and finds the group's own name but never the speaker's.
"""

import stat
from dataclasses import replace

from facilitator.model import HistoryEntry, Reading
from facilitator.packs import export_pack
from facilitator.store import DATA_FILE, Store
from tests.core.store_helpers import files_under, group_settings, own_format, own_reading

SPEAKER = "Zebulon Quickfoot"
GROUP_NAME = "Harbour Lights Group"


def holds(path, text):
    raw = path.read_bytes()
    encodings = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le")
    return any(text.encode(e) in raw or text.lower().encode(e) in raw.lower() for e in encodings)


def test_a_name_typed_for_tonight_is_in_no_file(tmp_path):
    data_dir = tmp_path / "data"
    # What the chair typed for tonight: it lives in memory only, next to what is saved.
    tonight = {"speaker_names": (SPEAKER,), "waiting": 4, "announcements": f"{SPEAKER} has keys"}
    with Store.open(data_dir) as store:
        store.save_group(group_settings(GROUP_NAME))
        store.save_reading(own_reading())
        store.save_reading(Reading("steps-note", "Steps", "", items=("One.", "Two.")))
        store.save_format(own_format())
        store.save_format(own_format("other"))
        with store.batch():
            store.save_format(own_format("batched"))
        store.delete_format("other")
        store.delete_reading("steps-note")
        store.add_history(HistoryEntry("2026-04-07", "speaker", topic="Gratitude",
                                       planned_minutes=60, actual_minutes=61))
        store.save_run_state({"plan": "speaker", "index": 5,
                              "timer": {"state": "running", "remaining": 88.0}})
        store.save_run_state({"plan": "speaker", "index": 6, "timer": {"state": "ready"}})
        for n in range(12):
            store.save_group(replace(group_settings(GROUP_NAME), volume=n))
        export_pack(store, tmp_path / "pack.json")
        assert tonight["speaker_names"] == (SPEAKER,)
    (data_dir / DATA_FILE).write_bytes(b"\0" * 64)
    with Store.open(data_dir) as store:
        assert store.notices  # the damaged file was moved aside: one more file to scan
        store.clear_run_state()

    files = [*files_under(data_dir), tmp_path / "pack.json"]
    assert any("backups" in str(p) for p in files) and any(".corrupt-" in p.name for p in files)
    # The scan works: the group's own name, which is meant to be saved, is found.
    assert holds(data_dir / DATA_FILE, GROUP_NAME) and holds(tmp_path / "pack.json", GROUP_NAME)
    assert sum(holds(p, GROUP_NAME) for p in files if "backups" in str(p)) >= 10
    for path in files:
        assert not holds(path, SPEAKER), f"{SPEAKER!r} found in {path}"
        assert not holds(path, "Quickfoot"), path


def test_every_file_is_0600_and_every_folder_0700(tmp_path):
    data_dir = tmp_path / "nested" / "data"
    with Store.open(data_dir) as store:
        for n in range(3):
            store.save_group(group_settings(f"{GROUP_NAME} {n}"))
        store.save_run_state({"index": 1})
        store.add_history(HistoryEntry("2026-04-07", "step", step=4))
    (data_dir / DATA_FILE).write_bytes(b"")
    Store.open(data_dir).close()
    for path in files_under(data_dir):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (p for p in data_dir.rglob("*") if p.is_dir()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
