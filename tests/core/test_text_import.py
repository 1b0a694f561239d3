"""Importing a .txt or .md file as a reading: encodings detected, binary files refused."""

import pytest

from facilitator.problems import FacilitatorError
from facilitator.text_import import decode_imported, import_text_file, new_id, split_title


def test_utf8_markdown_heading_becomes_title(tmp_path):
    path = tmp_path / "how_we_work.md"
    path.write_text("# How We Work\n\nWe [addicts] meet — “together”.\n", encoding="utf-8")
    imported = import_text_file(path)
    assert imported.title == "How We Work"
    assert imported.text == "We [addicts] meet — “together”."
    assert imported.encoding == "utf-8"


def test_latin1_text_is_detected(tmp_path):
    path = tmp_path / "bienvenida.txt"
    path.write_bytes("Bienvenidos, señor y señora.\nCafé para todos, niño.".encode("latin-1"))
    imported = import_text_file(path)
    assert "señor" in imported.text and "niño" in imported.text and "Café" in imported.text
    assert imported.title == "Bienvenida"


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(FacilitatorError, match="not a text file"):
        import_text_file(path)


@pytest.mark.parametrize("raw, words", [(b"  \n", "empty"), (b"x" * 1_000_001, "at most 1 MB")])
def test_empty_and_huge(raw, words):
    with pytest.raises(FacilitatorError, match=words):
        decode_imported(raw, "f.txt")


def test_short_first_line_then_blank_is_a_title():
    assert split_title("Our Purpose\n\nTo stay clean.\nAnd help.", "X") == (
        "Our Purpose", "To stay clean.\nAnd help.")
    assert split_title("Just one paragraph of text.", "Fallback") == (
        "Fallback", "Just one paragraph of text.")


def test_new_id_is_unique_and_plain():
    assert new_id("How It Works!", {"how-it-works"}) == "how-it-works-2"
    assert new_id("Ñandú", set()) == "nandu"
    assert new_id("!!!", set()) == "reading"
