"""File ▸ Export group… and Import group…: the merge report is shown; a bad pack changes nothing."""

import json

from facilitator.model import Reading
from facilitator.store import Store
from tests.ui.editors.conftest import snapshot
from ui.settings.group_packs import GroupPacks


def test_export_then_import_into_another_folder_shows_the_report(store, tmp_path):
    library = store.library()
    store.save_format(library.format("step").with_changes(id="step-group", name="Our steps"))
    store.save_reading(Reading("how-we-work", "How We Work", "Group conscience",
                               "We [addicts] help each other."))
    pack_file = tmp_path / "tuesday-night-group.json"
    exporter = GroupPacks(store)
    messages = []
    exporter.choose_save_path = lambda title, suggested, file_filter: (
        messages.append(suggested) or tmp_path / "tuesday-night-group")
    exporter.show_message = lambda title, text: messages.append((title, text))
    assert exporter.export_group() == pack_file
    assert messages == ["tuesday-night-group-group.json", (
        "Group exported", f"Saved to {pack_file}: the group's settings, 1 format and "
        "1 reading. The file holds no history and no names.")]

    other = Store.open(tmp_path / "other")
    other.save_reading(Reading("how-we-work", "How We Work", "Another group", "Different."))
    changed = []
    importer = GroupPacks(other, changed=lambda: changed.append(True))
    importer.choose_open_path = lambda title, file_filter: pack_file
    shown = []
    importer.show_message = lambda title, text: shown.append((title, text))
    report = importer.import_group()
    assert changed == [True]
    title, text = shown[0]
    assert title == "Group imported"
    assert text.startswith("Added:\n• format step-group\n• the group settings")
    assert "• reading how-we-work -> how-we-work-group" in text
    assert text.endswith("2 added, 1 renamed, 0 skipped. Nothing already here was changed.")
    assert report.renamed and {r.id for r in other.readings()} == {"how-we-work",
                                                                    "how-we-work-group"}
    assert other.group() is not None and other.group().name == "Tuesday Night Group"
    other.close()


def test_a_malformed_pack_gets_one_clear_message_and_the_store_is_unchanged(store, tmp_path,
                                                                           data_dir):
    bad = tmp_path / "bad-pack.json"
    bad.write_text(json.dumps({
        "kind": "facilitator group pack", "pack_version": 1, "group": None,
        "formats": [{"id": "x", "name": "X", "kind": "party", "minutes": -5, "segment": []}],
        "readings": [], "history": [{"date": "2026-01-06", "format_id": "step"}]}))
    not_json = tmp_path / "not-a-pack.json"
    not_json.write_text("{ this is not json")
    before = snapshot(data_dir)
    expected = {bad: f"{bad}: history: a group pack never carries the meeting history",
                not_json: f"{not_json}:1: is not a group pack"}
    for path in (bad, not_json):
        packs = GroupPacks(store)
        packs.choose_open_path = lambda title, file_filter, p=path: p
        problems = []
        packs.show_problem = lambda title, text, shown=problems: shown.append((title, text))
        assert packs.import_group() is None
        assert len(problems) == 1
        title, text = problems[0]
        assert title == "Nothing was imported"
        assert text.startswith("This file cannot be imported; nothing was changed.")
        assert expected[path] in text
        assert snapshot(data_dir) == before
