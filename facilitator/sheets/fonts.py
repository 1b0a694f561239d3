"""The TrueType family every sheet is set in, registered with reportlab on first use.

The choice: Bitstream Vera Sans, which reportlab bundles in `reportlab/fonts`, is
the default because it is present wherever reportlab is, costs almost nothing
to load, and covers Latin-1 plus the typographic punctuation a group types
(accents, ñ, curly quotes, dashes, ellipsis, €). A sans-serif face also suits
large print and small cards. Vera stops at Latin-1, so when a sheet's text holds
a character Vera lacks (ő, ł, Greek, Cyrillic...), the same sheet is set in
DejaVu Sans instead, if the system has it: DejaVu is Vera's extended successor,
with the same design and metrics, so the page looks the same and only the
coverage grows. We never fetch fonts (design.md section 3), and we do not load
DejaVu's larger files when Vera can print the text, which keeps `facilitator
print` quick.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import NamedTuple

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_BUNDLED = Path(reportlab.__file__).parent / "fonts"

# Where DejaVu Sans lives on common systems (Debian/Ubuntu, Fedora, Arch, BSD, macOS
# with a user install). Only looked at when Vera cannot print the text.
_DEJAVU_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/local/share/fonts/dejavu",
    "/usr/local/share/fonts",
    os.path.expanduser("~/.local/share/fonts"),
    os.path.expanduser("~/Library/Fonts"),
)


class FontFamily(NamedTuple):
    """A registered family: the names styles use for each face."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


class _FamilyFiles(NamedTuple):
    """Where a family's four faces are on disk."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


VERA = _FamilyFiles(
    "Vera", _BUNDLED / "Vera.ttf", _BUNDLED / "VeraBd.ttf", _BUNDLED / "VeraIt.ttf",
    _BUNDLED / "VeraBI.ttf",
)


def _dejavu() -> _FamilyFiles | None:
    for folder in _DEJAVU_DIRS:
        base = Path(folder)
        files = _FamilyFiles(
            "DejaVuSans", base / "DejaVuSans.ttf", base / "DejaVuSans-Bold.ttf",
            base / "DejaVuSans-Oblique.ttf", base / "DejaVuSans-BoldOblique.ttf",
        )
        if all(path.is_file() for path in (files.regular, files.bold, files.italic,
                                           files.bold_italic)):
            return files
    return None


@functools.cache
def _register(files: _FamilyFiles) -> tuple[FontFamily, frozenset[int]]:
    """Register a family's four faces once per process; return it with its regular face's
    character coverage (the other faces cover the same characters in both families)."""
    family = FontFamily(files.name, f"{files.name}-Bold", f"{files.name}-Italic",
                        f"{files.name}-BoldItalic")
    regular = TTFont(family.regular, str(files.regular))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(family.bold, str(files.bold)))
    pdfmetrics.registerFont(TTFont(family.italic, str(files.italic)))
    pdfmetrics.registerFont(TTFont(family.bold_italic, str(files.bold_italic)))
    # Map the faces so that <b> and <i> inside a Paragraph pick the right file.
    addMapping(family.regular, 0, 0, family.regular)
    addMapping(family.regular, 1, 0, family.bold)
    addMapping(family.regular, 0, 1, family.italic)
    addMapping(family.regular, 1, 1, family.bold_italic)
    return family, frozenset(regular.face.charToGlyph)


def missing_characters(text: str, coverage: frozenset[int]) -> set[str]:
    """The printable characters of `text` that a font with this coverage cannot draw."""
    # A sheet's text runs to thousands of characters but only a few dozen distinct ones.
    return {ch for ch in set(text) if ch.isprintable() and not ch.isspace()
            and ord(ch) not in coverage}


def family_for(text: str) -> FontFamily:
    """The family to set a sheet holding `text` in: Vera, or DejaVu Sans when Vera lacks
    a character the text needs and the system has DejaVu."""
    family, coverage = _register(VERA)
    if not missing_characters(text, coverage):
        return family
    dejavu = _dejavu()
    if dejavu is None:
        # Nothing better on this machine: print with Vera; the few missing
        # characters show as empty boxes rather than stopping the print.
        return family
    return _register(dejavu)[0]
