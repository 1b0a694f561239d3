"""The cache of parsed built-in content: used while current, never trusted past a change."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from facilitator.content import parse_toml
from facilitator.content_cache import CACHE_FOLDER, CACHE_NAME, parsed_files
from facilitator.problems import ContentError


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.toml").write_text('title = "Á & <b>"\n', "utf-8")
    (tmp_path / "b.toml").write_text("minutes = 5\nitems = [1, 2]\n", "utf-8")
    (tmp_path / "notes.txt").write_text("not content", "utf-8")
    return tmp_path


class CountingParser:
    def __init__(self):
        self.names: list[str] = []

    def __call__(self, text: str, name: str) -> dict:
        self.names.append(name)
        return parse_toml(text, name)


def test_files_are_parsed_once_then_read_from_the_cache(folder):
    first, second = CountingParser(), CountingParser()
    parsed = parsed_files(folder, first)
    assert first.names == ["a.toml", "b.toml"]
    assert (folder / CACHE_FOLDER / CACHE_NAME).is_file()
    assert parsed_files(folder, second) == parsed
    assert second.names == []
    assert parsed == [("a.toml", 'title = "Á & <b>"\n', {"title": "Á & <b>"}),
                      ("b.toml", "minutes = 5\nitems = [1, 2]\n", {"minutes": 5, "items": [1, 2]})]


def test_a_changed_added_or_removed_file_is_parsed_again(folder):
    parsed_files(folder, CountingParser())
    (folder / "b.toml").write_text("minutes = 15\n", "utf-8")
    parser = CountingParser()
    assert parsed_files(folder, parser)[1][2] == {"minutes": 15}
    assert parser.names == ["a.toml", "b.toml"]

    # The same size and the same time, and still a change: the text itself is compared.
    stat = (folder / "b.toml").stat()
    (folder / "b.toml").write_text("minutes = 25\n", "utf-8")
    os.utime(folder / "b.toml", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert parsed_files(folder, CountingParser())[1][2] == {"minutes": 25}

    (folder / "c.toml").write_text('id = "c"\n', "utf-8")
    assert [name for name, _text, _data in parsed_files(folder, CountingParser())] == [
        "a.toml", "b.toml", "c.toml"]
    (folder / "a.toml").unlink()
    assert [name for name, _text, _data in parsed_files(folder, CountingParser())] == [
        "b.toml", "c.toml"]


def test_a_file_touched_but_not_changed_is_still_read_from_the_cache(folder):
    expected = parsed_files(folder, CountingParser())
    (folder / "a.toml").write_text((folder / "a.toml").read_text("utf-8"), "utf-8")
    parser = CountingParser()
    assert parsed_files(folder, parser) == expected
    assert parser.names == []


@pytest.mark.parametrize("damage", [b"", b"garbage \x00\xff", b"\xe9" * 10_000])
def test_a_damaged_cache_is_parsed_past_and_replaced(folder, damage):
    expected = parsed_files(folder, CountingParser())
    (folder / CACHE_FOLDER / CACHE_NAME).write_bytes(damage)
    parser = CountingParser()
    assert parsed_files(folder, parser) == expected
    assert parser.names == ["a.toml", "b.toml"]
    assert parsed_files(folder, CountingParser()) == expected  # rewritten, current again


def test_without_a_writable_cache_folder_the_files_are_parsed_each_time(folder):
    # A file where the cache folder would go stands for a read-only install.
    (folder / CACHE_FOLDER).write_text("in the way", "utf-8")
    for _ in range(2):
        parser = CountingParser()
        assert parsed_files(folder, parser)[0][2] == {"title": "Á & <b>"}
        assert parser.names == ["a.toml", "b.toml"]
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_a_file_that_does_not_parse_raises_and_nothing_is_cached(folder):
    (folder / "b.toml").write_text("minutes = = 5\n", "utf-8")
    with pytest.raises(ContentError, match=r"b.toml:1: bad TOML"):
        parsed_files(folder, CountingParser())
    assert not (folder / CACHE_FOLDER / CACHE_NAME).exists()


def test_a_toml_date_is_parsed_each_time_rather_than_cached(folder):
    (folder / "b.toml").write_text("since = 2024-05-01\n", "utf-8")
    assert str(parsed_files(folder, CountingParser())[1][2]["since"]) == "2024-05-01"
    assert not (folder / CACHE_FOLDER / CACHE_NAME).exists()


def test_the_built_in_library_is_the_same_from_the_cache_and_without_tomllib():
    # Two fresh processes: the first may write the cache, the second must read it
    # and build the same library without importing tomllib at all.
    code = ("import sys\nfrom facilitator.content import builtin_library\n"
            "library = builtin_library()\n"
            "print(sorted(library.formats), len(library.readings), len(library.programs),"
            " 'tomllib' in sys.modules)\n")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert first.rsplit(" ", 1)[0] == second.rsplit(" ", 1)[0]
    assert second.split()[-1] == "False"
