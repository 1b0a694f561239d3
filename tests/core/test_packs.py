"""Group packs: export, validated import, merge without loss, and no people in them."""

import errno
import json
import os

import pytest

from facilitator.content import builtin_library
from facilitator.model import Reading
from facilitator.packs import PACK_VERSION, export_pack, merge_pack, pack_data, read_pack
from facilitator.problems import ContentError, FacilitatorError
from facilitator.store import Store, StoreError
from tests.core.store_helpers import (
    folder_bytes,
    group_settings,
    history_entry,
    own_format,
    own_reading,
)


@pytest.fixture
def source(tmp_path):
    with Store.open(tmp_path / "source") as store:
        store.save_group(group_settings())
        store.save_reading(own_reading())
        store.save_format(own_format(reading="preamble"))
        store.add_history(history_entry())
        store.save_run_state({"index": 2})
        yield store


def write_pack(path, data):
    path.write_text(json.dumps(data), "utf-8")
    return path


def import_into(data_dir, pack_path):
    with Store.open(data_dir) as store:
        return merge_pack(store, read_pack(pack_path, store.library()))


def test_export_holds_settings_formats_and_readings_only(source, tmp_path):
    export_pack(source, tmp_path / "pack.json")
    data = json.loads((tmp_path / "pack.json").read_text("utf-8"))
    assert set(data) == {"kind", "pack_version", "group", "formats", "readings"}
    assert data["pack_version"] == PACK_VERSION
    assert data["group"]["name"] == "Tuesday Night Serenity"
    assert [f["id"] for f in data["formats"]] == ["tuesday"]
    assert [r["id"] for r in data["readings"]] == ["preamble"]
    assert (tmp_path / "pack.json").stat().st_mode & 0o077 == 0


def test_a_pack_moves_the_group_to_a_fresh_data_folder(source, tmp_path):
    export_pack(source, tmp_path / "pack.json")
    report = import_into(tmp_path / "fresh", tmp_path / "pack.json")
    assert report.added == ["reading preamble", "format tuesday", "the group settings"]
    with Store.open(tmp_path / "fresh") as store:
        assert store.group() == group_settings()
        assert store.formats() == [own_format(reading="preamble")]
        assert store.readings() == [own_reading()]
        assert store.history() == [] and store.run_state() is None


def test_importing_the_same_pack_twice_adds_nothing(source, tmp_path):
    export_pack(source, tmp_path / "pack.json")
    import_into(tmp_path / "fresh", tmp_path / "pack.json")
    report = import_into(tmp_path / "fresh", tmp_path / "pack.json")
    assert report.added == [] and report.renamed == []
    assert report.skipped == ["reading preamble (already there)", "format tuesday (already there)",
                              "the group settings (already the same)"]


def test_a_clash_is_renamed_and_formats_follow_their_readings(source, tmp_path):
    export_pack(source, tmp_path / "pack.json")
    with Store.open(tmp_path / "mine") as store:
        store.save_group(group_settings("Our own group"))
        store.save_reading(own_reading(text="Our very own words."))
        store.save_format(own_format(name="Our Tuesday"))
    report = import_into(tmp_path / "mine", tmp_path / "pack.json")
    assert report.renamed == [
        "reading preamble -> preamble-group (a different reading has that id)",
        "format tuesday -> tuesday-group (a different format has that id)"]
    assert report.skipped == ["the group settings (this data folder keeps its own)"]
    with Store.open(tmp_path / "mine") as store:
        library = store.library()
        assert library.reading("preamble").text == "Our very own words."
        assert library.reading("preamble-group").text == own_reading().text
        assert library.format("tuesday").name == "Our Tuesday"
        assert library.format("tuesday-group").segments[0].reading == "preamble-group"
        assert store.group().name == "Our own group"
    # And again: the renamed copies are recognised, not copied a second time.
    again = import_into(tmp_path / "mine", tmp_path / "pack.json")
    assert again.added == [] and again.renamed == []
    assert "reading preamble (already there as preamble-group)" in again.skipped


def test_builtin_ids_are_never_overwritten(tmp_path):
    welcome = builtin_library().reading("welcome")
    pack = write_pack(tmp_path / "pack.json", {
        "pack_version": 1,
        "readings": [{**welcome.to_dict(), "text": "Hello, [members]."},
                     builtin_library().reading("closing").to_dict()],
    })
    report = import_into(tmp_path / "data", pack)
    assert report.renamed == ["reading welcome -> welcome-group (a different reading has that id)"]
    assert report.skipped == ["reading closing (already there)"]
    with Store.open(tmp_path / "data") as store:
        assert store.library().reading("welcome") == welcome


BAD_PACKS = {
    "not json": (b"{ not json", "is not a group pack"),
    "empty": (b" \n", "is not a group pack: the file is empty"),
    "not utf-8": (b"\xff\xfe\x00\x00", "not UTF-8"),
    "a list": (b"[]", "must be a table"),
    "no version": (b'{"formats": []}', "pack_version: is missing"),
    "newer version": (json.dumps({"pack_version": PACK_VERSION + 1}).encode(),
                      "newer Facilitator"),
    "history": (json.dumps({"pack_version": 1, "history": [history_entry().to_dict()]}).encode(),
                "never carries the meeting history"),
    "run state": (json.dumps({"pack_version": 1, "run_state": {"index": 1}}).encode(),
                  "never carries a meeting in progress"),
    "names": (json.dumps({"pack_version": 1, "names": ["Zebulon"]}).encode(),
              "unknown key 'names'"),
    "people": (json.dumps({"pack_version": 1, "people": [{"name": "Zebulon"}]}).encode(),
               "unknown key 'people'"),
    "a speaker in the settings": (
        json.dumps({"pack_version": 1, "group": {**group_settings().to_dict(),
                                                 "speaker": "Zebulon"}}).encode(),
        "group.speaker: unknown key 'speaker'"),
    "a name in a format": (
        json.dumps({"pack_version": 1, "formats": [{**own_format().to_dict(),
                                                    "chair": "Zebulon"}]}).encode(),
        "formats[0].chair: unknown key 'chair'"),
    "unknown reading": (
        json.dumps({"pack_version": 1, "formats": [own_format(reading="nowhere").to_dict()]})
        .encode(), "formats[0].segment[0].reading: unknown reading 'nowhere'"),
    "unknown slot": (
        json.dumps({"pack_version": 1, "readings": [own_reading(text="[nobody knows]").to_dict()]})
        .encode(), "readings[0].text: [nobody knows] is a slot that no program defines"),
    "duplicate ids": (
        json.dumps({"pack_version": 1, "readings": [own_reading().to_dict()] * 2}).encode(),
        "appears twice"),
    "bad settings": (
        json.dumps({"pack_version": 1, "group": {"length": 5}}).encode(),
        "group.length: should be from 10 to 300"),
}


@pytest.mark.parametrize("case", BAD_PACKS)
def test_a_bad_pack_is_refused_whole_and_nothing_is_written(tmp_path, case):
    raw, expected = BAD_PACKS[case]
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.save_format(own_format("existing"))
    before = folder_bytes(data_dir)
    pack = tmp_path / "pack.json"
    pack.write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        import_into(data_dir, pack)
    message = str(caught.value)
    assert expected in message
    assert message.startswith(str(pack))
    assert folder_bytes(data_dir) == before


def test_a_bad_part_stops_the_good_parts_too(tmp_path):
    pack = write_pack(tmp_path / "pack.json", {
        "pack_version": 1, "readings": [own_reading().to_dict()],
        "formats": [{**own_format().to_dict(), "minutes": -1}]})
    with pytest.raises(ContentError, match=r"formats\[0\]\.minutes"):
        import_into(tmp_path / "data", pack)
    with Store.open(tmp_path / "data") as store:
        assert store.readings() == []


def test_a_json_error_names_the_line(tmp_path):
    pack = tmp_path / "pack.json"
    pack.write_text('{\n  "pack_version": 1,\n  "formats": [,]\n}\n', "utf-8")
    with pytest.raises(ContentError) as caught:
        read_pack(pack, builtin_library())
    assert str(caught.value).startswith(f"{pack}:3: ")


@pytest.mark.parametrize("raw, words", [
    (b"[" * 100_000, "nested too deeply"),
    (b'{"pack_version": ' + b"1" * 5000 + b"}", "thousands of digits"),
])
def test_json_beyond_the_decoders_limits_is_one_clear_line(tmp_path, raw, words):
    pack = tmp_path / "pack.json"
    pack.write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        read_pack(pack, builtin_library())
    message = str(caught.value)
    assert message.startswith(f"{pack}: is not a group pack: ") and words in message
    assert "\n" not in message


def test_a_missing_pack_is_one_clear_line(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(FacilitatorError) as caught:
        read_pack(missing, builtin_library())
    assert str(caught.value) == f"{missing}: no such file"


def test_a_full_disk_during_import_imports_nothing(source, tmp_path, monkeypatch):
    export_pack(source, tmp_path / "pack.json")
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        store.save_reading(Reading("ours", "Ours", "", "Text."))
        before = folder_bytes(data_dir)
        pack = read_pack(tmp_path / "pack.json", store.library())
        monkeypatch.setattr(os, "write",
                            lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
        with pytest.raises(StoreError, match="disk is full"):
            merge_pack(store, pack)
        monkeypatch.undo()
        assert [r.id for r in store.readings()] == ["ours"] and store.group() is None
    assert folder_bytes(data_dir) == before


def test_pack_data_of_an_empty_store(tmp_path):
    with Store.open(tmp_path / "empty", writer=False) as store:
        assert pack_data(store) == {"kind": "facilitator group pack", "pack_version": 1,
                                    "group": None, "formats": [], "readings": []}
