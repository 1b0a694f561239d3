"""Type and colour for the sheets: one set of paragraph styles derived from a body size.

Every size on a sheet is a fixed ratio of its body size, so a layout that has to
shrink (the one-card outline) shrinks as a whole and keeps its hierarchy. In
large print no text at all is set below 18 pt, footers and source lines
included, so the promise "large print means 18 pt or more" holds for every
word on the page, not just the body.
"""

from __future__ import annotations

from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from facilitator.sheets.fonts import FontFamily

LARGE_PRINT_MIN = 18.0
# Below this a normal-print sheet stops being comfortable to read at arm's length.
READABLE_MIN = 7.0

INK = colors.HexColor("#1B1B1B")
ACCENT = colors.HexColor("#2E4A62")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#9AA7B2")
TINT = colors.HexColor("#EEF2F5")


class Styles(NamedTuple):
    """The paragraph styles of one sheet."""

    family: FontFamily
    body_size: float
    large_print: bool
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    time: ParagraphStyle
    minutes: ParagraphStyle
    minutes_left: ParagraphStyle
    cue: ParagraphStyle
    body: ParagraphStyle
    source: ParagraphStyle
    footer_size: float


def make_styles(family: FontFamily, body_size: float, large_print: bool) -> Styles:
    """Styles for a sheet whose body is `body_size` points (at least 18 in large print)."""
    if large_print:
        body_size = max(body_size, LARGE_PRINT_MIN)
    floor = LARGE_PRINT_MIN if large_print else 6.0

    def size(ratio: float) -> float:
        return max(floor, round(body_size * ratio * 2) / 2)

    def style(name: str, ratio: float, font: str, color=INK, leading: float = 1.3,
              **extra) -> ParagraphStyle:
        points = size(ratio)
        return ParagraphStyle(name, fontName=font, fontSize=points, leading=points * leading,
                              textColor=color, **extra)

    body = style("body", 1.0, family.regular, leading=1.38, spaceAfter=body_size * 0.45)
    return Styles(
        family=family,
        body_size=body_size,
        large_print=large_print,
        title=style("title", 1.75, family.bold, ACCENT, 1.15, spaceAfter=body_size * 0.2),
        subtitle=style("subtitle", 1.1, family.regular, INK, 1.3),
        meta=style("meta", 0.92, family.regular, MUTED, 1.3),
        heading=style("heading", 1.12, family.bold, INK, 1.2),
        time=style("time", 1.0, family.bold, ACCENT, 1.2, alignment=TA_LEFT),
        minutes=style("minutes", 0.9, family.regular, MUTED, 1.25, alignment=TA_RIGHT),
        minutes_left=style("minutes-left", 0.9, family.regular, MUTED, 1.25),
        cue=style("cue", 0.95, family.italic, MUTED, 1.3, spaceAfter=body_size * 0.35),
        body=body,
        source=style("source", 0.8, family.italic, MUTED, 1.3, spaceBefore=body_size * 0.1,
                     spaceAfter=body_size * 0.3),
        footer_size=size(0.78),
    )


def centered(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-centered", parent=style, alignment=TA_CENTER)
