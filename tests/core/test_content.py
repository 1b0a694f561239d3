"""The built-in content loads, passes check and reads well; user files are read within limits."""

import errno
import os
from importlib.resources import files
from pathlib import Path

import pytest

from facilitator import content
from facilitator.check import check_files
from facilitator.content import MAX_FILE_BYTES, builtin_library, read_content_bytes, read_limited
from facilitator.model import SLOT_PATTERN
from facilitator.problems import ContentError, FacilitatorError

LIBRARY = builtin_library()
PROGRAM_IDS = ["aa", "na", "ca", "cma", "ha", "ma", "nica", "pa", "dra", "ga", "aca",
               "al-anon", "nar-anon", "smart"]


def builtin_paths() -> list[Path]:
    paths = []
    for package in ("facilitator.formats", "facilitator.readings"):
        paths += [Path(str(p)) for p in files(package).iterdir() if p.name.endswith(".toml")]
    return sorted(paths)


def test_every_builtin_file_passes_check():
    paths = builtin_paths()
    assert len(paths) >= 5 + 15
    assert check_files(paths, LIBRARY) == []


def test_the_fourteen_programs_of_the_seed():
    assert list(LIBRARY.programs) == PROGRAM_IDS
    assert {p for p in PROGRAM_IDS if LIBRARY.program(p).family} == {"aca", "al-anon", "nar-anon"}
    smart = LIBRARY.program("smart")
    assert not smart.steps and not smart.prayer
    assert smart.series == "smart-four-points"
    assert all(LIBRARY.program(p).steps for p in PROGRAM_IDS if p != "smart")


@pytest.mark.parametrize("program_id", PROGRAM_IDS)
def test_every_reading_renders_for_every_program_with_no_slot_left(program_id):
    words = LIBRARY.words(program_id)
    for reading in LIBRARY.readings.values():
        body = reading.body(words)
        assert not SLOT_PATTERN.search(body), (reading.id, body)
        assert "[" not in body and "]" not in body, reading.id
        for item in range(1, len(reading.items) + 1):
            assert "[" not in reading.body(words, item)


def test_program_default_readings_exist():
    for program in LIBRARY.programs.values():
        for reading_id in program.readings:
            assert reading_id == "meeting-type" or reading_id in LIBRARY.readings
        assert program.series in LIBRARY.readings


def test_quoted_texts_are_the_seeds_words():
    steps = LIBRARY.reading("twelve-steps")
    assert len(steps.items) == 12
    assert steps.items[0] == ("We admitted that we were powerless over [our addiction], "
                              "that our lives had become unmanageable.")
    assert steps.items[11].endswith("carry this message to [addicts], and to practice these "
                                    "principles in all our affairs.")
    prayer = LIBRARY.reading("serenity-prayer")
    assert prayer.text.splitlines() == [
        "God grant me the serenity to accept the things I cannot change,",
        "courage to change the things I can,",
        "and wisdom to know the difference...",
    ]
    assert "Niebuhr" in prayer.source
    points = LIBRARY.reading("smart-four-points")
    assert [p.lower() for p in points.items] == [
        "building and maintaining motivation for successful recovery",
        "coping with urges",
        "managing thoughts, feelings, and behaviors",
        "living a balanced life",
    ]
    assert all(r.source for r in LIBRARY.readings.values())


def test_step_one_in_aa_and_na_words():
    steps = LIBRARY.reading("twelve-steps")
    assert "powerless over alcohol," in steps.body(LIBRARY.words("aa"), 1)
    assert "powerless over our addiction," in steps.body(LIBRARY.words("na"), 1)
    assert "to alcoholics," in steps.body(LIBRARY.words("aa"), 12)


def test_group_word_overrides_win():
    words = LIBRARY.words("aa", {"addicts": "drunks like us"})
    assert "to drunks like us," in LIBRARY.reading("twelve-steps").body(words, 12)


@pytest.mark.parametrize("format_id", ["discussion", "speaker", "step", "literature", "smart"])
def test_every_format_adds_up_to_its_length(format_id):
    fmt = LIBRARY.format(format_id)
    assert fmt.kind == format_id
    assert fmt.minutes == 60
    assert all(segment.minutes > 0 for segment in fmt.segments)
    assert fmt.total_minutes == fmt.minutes


def test_smart_format_has_check_in_and_out_and_no_prayer():
    kinds = [s.kind for s in LIBRARY.format("smart").segments]
    assert "check-in" in kinds and "check-out" in kinds
    assert "prayer" not in kinds
    assert all(s.reading != "serenity-prayer" for s in LIBRARY.format("smart").segments)


def test_topic_bank_has_at_least_sixty_distinct_topics():
    assert len(LIBRARY.topics) >= 60
    assert len(set(LIBRARY.topics)) == len(LIBRARY.topics)


def test_round_trip_through_to_dict():
    from facilitator.model import Format, Reading

    for fmt in LIBRARY.formats.values():
        assert Format.from_dict(fmt.to_dict(), LIBRARY.readings) == fmt
    for reading in LIBRARY.readings.values():
        assert Reading.from_dict(reading.to_dict(), LIBRARY.slots) == reading


def test_json_null_reads_as_a_missing_key():
    import json

    from facilitator.model import GroupSettings, HistoryEntry

    entry = HistoryEntry("2026-04-07", "discussion", topic="Gratitude")
    assert HistoryEntry.from_dict(json.loads(json.dumps(entry.to_dict()))) == entry
    assert HistoryEntry.from_dict({**entry.to_dict(), "step": None}) == entry
    assert GroupSettings.from_dict({"name": None, "length": None}) == GroupSettings()


# Reading a user's file with a size limit ---------------------------------------------

def read_error(path: Path, max_bytes: int = 10, what: str = "test files") -> str:
    with pytest.raises(ContentError) as caught:
        read_limited(path, max_bytes, what)
    assert len(caught.value.problems) == 1
    return str(caught.value)


def test_read_limited_reads_a_file_within_the_limit(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"0123456789")
    assert read_limited(path, 10, "test files") == b"0123456789"


def test_read_limited_names_the_file_and_what_is_wrong(tmp_path, monkeypatch):
    missing = tmp_path / "missing.txt"
    assert read_error(missing) == f"{missing}: no such file"
    assert read_error(tmp_path) == f"{tmp_path}: this is a folder, not a file"
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1_500_000)
    assert read_error(big, 1_000_000, "content files") == \
        f"{big}: the file is 1,500,000 bytes; content files are limited to 1 MB"
    assert read_error(big, 1024, "group packs") == \
        f"{big}: the file is 1,500,000 bytes; group packs are limited to 1,024 bytes"

    def failing_open(error_number):
        def fake(*args, **kwargs):
            raise OSError(error_number, os.strerror(error_number))
        return fake

    # As root, chmod cannot take the right to read away: fail the open instead.
    monkeypatch.setattr(content, "open", failing_open(errno.EACCES), raising=False)
    assert read_error(big) == f"{big}: permission denied: cannot read the file"
    monkeypatch.setattr(content, "open", failing_open(errno.EIO), raising=False)
    assert read_error(big) == f"{big}: cannot read the file: input/output error"


def test_read_limited_stops_at_the_limit_when_the_size_is_unknown(tmp_path, monkeypatch):
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result(
        (*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))
    assert read_error(path, 10) == \
        f"{path}: the file is larger than 10 bytes; test files are limited to that"


def oversized(path: Path, size: int) -> Path:
    with open(path, "wb") as file:
        file.truncate(size)  # sparse: refused by its size, never read
    return path


def test_every_reader_of_a_users_file_speaks_the_same_words(tmp_path):
    from facilitator.meeting_guide import MAX_FEED_BYTES, read_feed
    from facilitator.packs import MAX_PACK_BYTES, read_pack
    from facilitator.text_import import MAX_IMPORT_BYTES, import_text_file

    readers = [
        (read_content_bytes, MAX_FILE_BYTES, "content files are limited to 1 MB"),
        (import_text_file, MAX_IMPORT_BYTES, "readings are limited to 1 MB"),
        (read_feed, MAX_FEED_BYTES, "Meeting Guide feeds are limited to 50 MB"),
        (lambda path: read_pack(path, LIBRARY), MAX_PACK_BYTES,
         "group packs are limited to 52,428,800 bytes"),
    ]
    for n, (read, limit, words) in enumerate(readers):
        missing = tmp_path / f"missing-{n}"
        with pytest.raises(FacilitatorError) as caught:
            read(missing)
        assert str(caught.value) == f"{missing}: no such file"
        with pytest.raises(FacilitatorError) as caught:
            read(tmp_path)
        assert str(caught.value) == f"{tmp_path}: this is a folder, not a file"
        big = oversized(tmp_path / f"big-{n}", limit + 1)
        with pytest.raises(FacilitatorError) as caught:
            read(big)
        assert str(caught.value) == f"{big}: the file is {limit + 1:,} bytes; {words}"
