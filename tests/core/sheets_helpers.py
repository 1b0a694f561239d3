"""Helpers for the sheet tests: render a sheet into memory and read it back with pypdf."""

from __future__ import annotations

import io

import pypdf

from facilitator.content import builtin_library
from facilitator.sheets import SheetOptions, render_pdf

PAGE_SIZES = {
    "letter": (612.0, 792.0),
    "a4": (595.28, 841.89),
    "half-letter": (396.0, 612.0),
    "index-5x8": (360.0, 576.0),
    "index-4x6": (288.0, 432.0),
}


def render(fmt="step", library=None, **options) -> tuple[int, pypdf.PdfReader, bytes]:
    """Render a sheet of a format (an id or a Format) and return (pages, reader, bytes)."""
    library = library or builtin_library()
    if isinstance(fmt, str):
        fmt = library.format(fmt)
    buffer = io.BytesIO()
    pages = render_pdf(library, fmt, SheetOptions(**options), buffer)
    data = buffer.getvalue()
    return pages, pypdf.PdfReader(io.BytesIO(data)), data


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def all_text(reader: pypdf.PdfReader) -> str:
    """The document's text with line breaks folded to spaces, for phrase checks."""
    return " ".join(" ".join(text.split()) for text in page_texts(reader))


def font_sizes(reader: pypdf.PdfReader) -> list[float]:
    """The size of every run of visible text, as drawn (font size times the text matrix)."""
    sizes: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes.append(round(font_size * scale, 2))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes
