"""The cache of parsed built-in content: used while current, never trusted past a change."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from facilitator.content import parse_toml
from facilitator.content_cache import parsed_files
from facilitator.problems import ContentError


@pytest.fixture
def folder(tmp_path):
    content = tmp_path / "readings"
    content.mkdir()
    (content / "a.toml").write_text('title = "Á & <b>"\n', "utf-8")
    (content / "b.toml").write_text("minutes = 5\nitems = [1, 2]\n", "utf-8")
    (content / "notes.txt").write_text("not content", "utf-8")
    (tmp_path / "data").mkdir()
    return content


@pytest.fixture
def cache(folder):
    """The cache file, in an existing data folder's cache folder (made on first write)."""
    return folder.parent / "data" / "cache" / "content-readings.marshal"


class CountingParser:
    def __init__(self):
        self.names: list[str] = []

    def __call__(self, text: str, name: str) -> dict:
        self.names.append(name)
        return parse_toml(text, name)


def test_files_are_parsed_once_then_read_from_the_cache(folder, cache):
    first, second = CountingParser(), CountingParser()
    parsed = parsed_files(folder, first, cache)
    assert first.names == ["a.toml", "b.toml"]
    assert cache.is_file()
    assert parsed_files(folder, second, cache) == parsed
    assert second.names == []
    assert parsed == [("a.toml", 'title = "Á & <b>"\n', {"title": "Á & <b>"}),
                      ("b.toml", "minutes = 5\nitems = [1, 2]\n", {"minutes": 5, "items": [1, 2]})]


def test_a_changed_added_or_removed_file_is_parsed_again(folder, cache):
    parsed_files(folder, CountingParser(), cache)
    (folder / "b.toml").write_text("minutes = 15\n", "utf-8")
    parser = CountingParser()
    assert parsed_files(folder, parser, cache)[1][2] == {"minutes": 15}
    assert parser.names == ["a.toml", "b.toml"]

    # The same size and the same time, and still a change: the text itself is compared.
    stat = (folder / "b.toml").stat()
    (folder / "b.toml").write_text("minutes = 25\n", "utf-8")
    os.utime(folder / "b.toml", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert parsed_files(folder, CountingParser(), cache)[1][2] == {"minutes": 25}

    (folder / "c.toml").write_text('id = "c"\n', "utf-8")
    assert [name for name, _text, _data in parsed_files(folder, CountingParser(), cache)] == [
        "a.toml", "b.toml", "c.toml"]
    (folder / "a.toml").unlink()
    assert [name for name, _text, _data in parsed_files(folder, CountingParser(), cache)] == [
        "b.toml", "c.toml"]


def test_a_file_touched_but_not_changed_is_still_read_from_the_cache(folder, cache):
    expected = parsed_files(folder, CountingParser(), cache)
    (folder / "a.toml").write_text((folder / "a.toml").read_text("utf-8"), "utf-8")
    parser = CountingParser()
    assert parsed_files(folder, parser, cache) == expected
    assert parser.names == []


@pytest.mark.parametrize("damage", [b"", b"garbage \x00\xff", b"\xe9" * 10_000])
def test_a_damaged_cache_is_parsed_past_and_replaced(folder, cache, damage):
    expected = parsed_files(folder, CountingParser(), cache)
    cache.write_bytes(damage)
    parser = CountingParser()
    assert parsed_files(folder, parser, cache) == expected
    assert parser.names == ["a.toml", "b.toml"]
    assert parsed_files(folder, CountingParser(), cache) == expected  # rewritten, current again


@pytest.mark.parametrize("where", ["no data folder yet", "a file in the cache's place"])
def test_without_a_cache_folder_the_files_are_parsed_each_time(folder, cache, where):
    if where == "no data folder yet":
        cache.parent.parent.rmdir()
    else:
        cache.parent.write_text("in the way", "utf-8")
    for _ in range(2):
        parser = CountingParser()
        assert parsed_files(folder, parser, cache)[0][2] == {"title": "Á & <b>"}
        assert parser.names == ["a.toml", "b.toml"]
    # A cache is no reason to create a data folder, and no stray file is left.
    assert cache.parent.parent.exists() == (where != "no data folder yet")
    assert [p.name for p in folder.parent.rglob("*") if p.suffix in (".tmp", ".marshal")] == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_cache_is_private_like_the_rest_of_the_data_folder(folder, cache):
    parsed_files(folder, CountingParser(), cache)
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600


def test_no_cache_file_means_no_cache(folder):
    parser = CountingParser()
    parsed_files(folder, parser, None)
    parsed_files(folder, parser, None)
    assert parser.names == ["a.toml", "b.toml"] * 2
    assert [p.name for p in folder.parent.rglob("*.marshal")] == []


def test_a_file_that_does_not_parse_raises_and_nothing_is_cached(folder, cache):
    (folder / "b.toml").write_text("minutes = = 5\n", "utf-8")
    with pytest.raises(ContentError, match=r"b.toml:1: bad TOML"):
        parsed_files(folder, CountingParser(), cache)
    assert not cache.exists()


def test_a_toml_date_is_parsed_each_time_rather_than_cached(folder, cache):
    (folder / "b.toml").write_text("since = 2024-05-01\n", "utf-8")
    assert str(parsed_files(folder, CountingParser(), cache)[1][2]["since"]) == "2024-05-01"
    assert not cache.exists()


def test_a_groups_store_keeps_the_built_in_content_parsed_in_its_cache(data_dir):
    from facilitator.paths import cache_folder
    from facilitator.store import Store

    with Store.open(data_dir):
        pass
    # Two fresh processes on the group's folder: the first writes the cache, the second
    # reads it and builds the same library without importing tomllib at all.
    code = ("import sys\nfrom pathlib import Path\nfrom facilitator.store import Store\n"
            "with Store.open(Path(sys.argv[1]), writer=False) as store:\n"
            "    library = store.library()\n"
            "print(sorted(library.formats), len(library.readings), len(library.programs),"
            " 'tomllib' in sys.modules)\n")
    runs = [subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs[0][:-1] == runs[1][:-1]
    assert (runs[0][-1], runs[1][-1]) == ("True", "False")
    cached = sorted(cache_folder(data_dir).iterdir())
    assert [path.name for path in cached] == ["content-formats.marshal",
                                              "content-readings.marshal"]
    if os.name == "posix":  # private, like everything in the data folder
        assert stat.S_IMODE(cache_folder(data_dir).stat().st_mode) == 0o700
        assert {stat.S_IMODE(path.stat().st_mode) for path in cached} == {0o600}


def test_content_inside_a_zip_is_read_and_cached_the_same_way(folder, cache, tmp_path):
    import zipfile

    archive = tmp_path / "content.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in folder.iterdir():
            zipped.write(path, f"readings/{path.name}")
    inside = zipfile.Path(archive, "readings/")
    expected = parsed_files(folder, CountingParser(), None)
    assert parsed_files(inside, CountingParser(), cache) == expected
    parser = CountingParser()
    assert parsed_files(inside, parser, cache) == expected
    assert parser.names == []
