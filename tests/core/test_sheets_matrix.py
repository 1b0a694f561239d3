"""Every layout on every paper, in normal and large print, gives a PDF of the right page size.

The full cross product (4 layouts × 5 papers × 2 print sizes × 5 formats × 14
programs = 2,800 PDFs) would take minutes, and the program changes only the
words, not the layout. So the matrix is covered in two slices that together
touch every value of every axis:

- every layout × paper × print size × built-in format, with one program (AA);
- every program × layout × print size, on one paper (5×8 cards, the tightest
  paper that still holds a normal outline), with the step format, the one with
  the most segments and the Serenity Prayer, so a program's prayer and steps
  rules are exercised.
"""

from __future__ import annotations

import pytest

from facilitator.content import builtin_library
from facilitator.sheets import LAYOUTS, PAPERS
from tests.core.sheets_helpers import PAGE_SIZES, render

FORMATS = tuple(builtin_library().formats)
PROGRAMS = tuple(builtin_library().programs)


def assert_page_sizes(reader, paper: str) -> None:
    width, height = PAGE_SIZES[paper]
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(width, abs=0.01)
        assert float(box.height) == pytest.approx(height, abs=0.01)


def test_every_built_in_format_and_program_is_covered():
    assert set(FORMATS) == {"discussion", "speaker", "step", "literature", "smart"}
    assert len(PROGRAMS) == 14


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_paper_and_format(layout, paper, large_print):
    for fmt in FORMATS:
        pages, reader, _ = render(fmt, program="aa", layout=layout, paper=paper,
                                  large_print=large_print, step=4)
        assert pages == len(reader.pages) >= 1, fmt
        assert_page_sizes(reader, paper)
        if layout == "card" and not large_print:
            assert pages == 1, f"{fmt} outline on {paper} is not one card"
        if layout == "newcomer" and (not large_print or paper in ("letter", "a4")):
            assert pages == 1, f"newcomer sheet on {paper} is not one page"


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("program", PROGRAMS)
def test_every_program(program, layout, large_print):
    pages, reader, _ = render("step", program=program, layout=layout, paper="index-5x8",
                              large_print=large_print)
    assert pages == len(reader.pages) >= 1
    assert_page_sizes(reader, "index-5x8")
