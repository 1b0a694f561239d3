"""The paper sizes Facilitator prints on, with the margins and type sizes that suit each.

A sheet's look is tuned per paper rather than scaled: a letter page can afford
wide margins and an 11 pt body, while a 4×6 index card needs narrow margins and
a smaller body to hold anything at all. Large print ignores the body size here
and never goes below 18 pt (design.md section 9).
"""

from __future__ import annotations

from typing import NamedTuple

INCH = 72.0
MM = 72.0 / 25.4


class Paper(NamedTuple):
    """One paper size, in PostScript points, portrait."""

    id: str
    label: str
    width: float
    height: float
    margin: float
    body_size: float
    is_card: bool = False

    @property
    def size(self) -> tuple[float, float]:
        return (self.width, self.height)

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin


PAPER_SIZES: dict[str, Paper] = {
    paper.id: paper
    for paper in (
        Paper("letter", "US Letter", 8.5 * INCH, 11 * INCH, 0.75 * INCH, 11),
        Paper("a4", "A4", 210 * MM, 297 * MM, 20 * MM, 11),
        Paper("half-letter", "Half letter", 5.5 * INCH, 8.5 * INCH, 0.5 * INCH, 10.5),
        Paper("index-5x8", "5×8 index card", 5 * INCH, 8 * INCH, 0.4 * INCH, 10, True),
        Paper("index-4x6", "4×6 index card", 4 * INCH, 6 * INCH, 0.3 * INCH, 9, True),
    )
}
