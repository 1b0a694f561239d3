"""Turning a plain .txt or .md file into the makings of a new reading.

A group adds its own fellowship literature by importing the text it already has.
Such files come from many editors and many years, so the encoding is detected:
UTF-8 first, then charset-normalizer's best guess. A binary file (a PDF, a Word
document, a picture) is refused with a plain sentence instead of being read as
noise. The result is a title and a body, which the reading editor shows for the
user to check before anything is saved.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from facilitator.content import read_limited
from facilitator.problems import FacilitatorError

MAX_IMPORT_BYTES = 1_000_000

# Bytes that never occur in a text file: NUL and most C0 controls.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# charset-normalizer cannot tell one Western single-byte code page from another
# on a short text (it guesses Central European cp1250 for "señor"), so when a
# Western code page is among its candidates, it is preferred: that is what a
# legacy Windows or Mac text file in English, Spanish or French is written in.
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class ImportedText:
    """A file's text, split into a suggested title and the body to read aloud."""

    title: str
    text: str
    encoding: str


def looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    return controls > max(2, len(sample) // 100)


def decode_imported(raw: bytes, name: str) -> tuple[str, str]:
    """The text of a file and the encoding it was read with, or one clear error."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise FacilitatorError(
            f"{name}: the file is {len(raw):,} bytes; a reading can be at most 1 MB")
    if not raw.strip():
        raise FacilitatorError(f"{name}: the file is empty")
    if looks_binary(raw):
        raise FacilitatorError(
            f"{name}: this is not a text file. Save it as plain text (.txt) first, "
            "then import that.")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    for match in sorted(matches, key=lambda m: m.encoding not in _WESTERN):
        try:
            return raw.decode(match.encoding), match.encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise FacilitatorError(
        f"{name}: the text's encoding could not be recognised. Save it as UTF-8 text, "
        "then import it again.")


def split_title(text: str, fallback: str) -> tuple[str, str]:
    """A Markdown heading or a short first line becomes the title; the rest is the body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    first = lines[0].strip() if lines else ""
    heading = _HEADING.match(first)
    if heading:
        return heading.group(1).strip(), "\n".join(lines[1:]).strip()
    if first and len(first) <= 80 and len(lines) > 2 and not lines[1].strip():
        return first.rstrip(":."), "\n".join(lines[2:]).strip()
    return fallback, "\n".join(lines).strip()


def import_text_file(path: Path) -> ImportedText:
    """Read a .txt or .md file as an imported reading, or raise one clear error."""
    raw = read_limited(path, MAX_IMPORT_BYTES, "readings")
    text, encoding = decode_imported(raw, str(path))
    fallback = path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Reading"
    title, body = split_title(text, fallback)
    if not body:
        body, title = title, fallback
    return ImportedText(title, body, encoding)


def new_id(title: str, taken: set[str] | frozenset[str]) -> str:
    """A fresh id made from a title: "How It Works" -> "how-it-works", then "-2", "-3"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = _SLUG.sub("-", plain.lower()).strip("-")[:50].strip("-") or "reading"
    if not base[0].isalnum():
        base = f"r-{base}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
