"""The one-card outline: every segment's clock time, title, minutes and cue on a single card.

The card has to be one card, so its type shrinks, as a whole, from the paper's
usual body size down to the smallest readable size (7 pt, or 18 pt in large
print). If the outline still does not fit, nothing is cut silently: the
secretary gets an error that says how many cards the outline would need and
how many notes to shorten (or segments to remove) to make it fit.

Large print is the one exception, by choice: at 18 pt no ordinary meeting fits
on one card (a 14-segment step meeting needs about 2.4 5×8 cards even without
its cues), so refusing would make the large-print outline useless. There the
outline runs on to numbered cards ("Card 1 of 2"), each continuation headed
with the title and "(continued)", and no row is split between cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, HRFlowable, NextPageTemplate, Spacer, Table, TableStyle

from facilitator.plan import PlannedSegment
from facilitator.problems import FacilitatorError
from facilitator.sheets.document import build_pdf, card_number_footer, continued_template, paragraph
from facilitator.sheets.script import bar_title
from facilitator.sheets.sheet import Sheet, clock, minutes_label
from facilitator.sheets.styles import (
    LARGE_PRINT_MIN,
    MUTED,
    READABLE_MIN,
    RULE,
    Styles,
    make_styles,
)

SIZE_STEP = 0.5


@dataclass
class _Measured:
    """The card's parts at one type size, with the height each takes on the card."""

    styles: Styles
    header: list[Flowable]
    header_height: float
    rows: list[Table]
    heights: list[float]
    heights_without_note: list[float]

    @property
    def height(self) -> float:
        return self.header_height + sum(self.heights)


def render(sheet: Sheet, out) -> int:
    paper = sheet.paper
    available = paper.height - 2 * paper.margin
    smallest = LARGE_PRINT_MIN if sheet.large_print else READABLE_MIN
    size = max(paper.body_size, smallest)
    while True:
        measured = measure(sheet, size)
        if measured.height <= available:
            break
        if size - SIZE_STEP < smallest - 1e-9:
            if sheet.large_print:
                return _render_cards(sheet, measured, out)
            raise FacilitatorError(too_long_message(sheet, measured, available))
        size -= SIZE_STEP
    story = [*measured.header, *measured.rows]
    title = f"{sheet.heading}: outline card"
    pages = build_pdf(out, paper, story, title=title, invariant=sheet.options.deterministic)
    if pages != 1:  # the measurement above is exact; this guards the promise all the same
        raise FacilitatorError(too_long_message(sheet, measured, available))
    return pages


def _render_cards(sheet: Sheet, measured: _Measured, out) -> int:
    """The large-print outline on as many cards as it takes, numbered and titled."""
    styles = measured.styles
    heading = paragraph(f"{sheet.heading} (continued)", styles.heading)
    footer_space = styles.footer_size * 1.6
    story = [NextPageTemplate("continued"), *measured.header, *measured.rows]

    draw_footer = card_number_footer(sheet.paper, styles.family.regular, styles.footer_size,
                                     MUTED)

    return build_pdf(out, sheet.paper, story, title=f"{sheet.heading}: outline cards",
                     invariant=sheet.options.deterministic, draw_footer=draw_footer,
                     footer_space=footer_space,
                     templates=[continued_template(sheet.paper, "continued", heading,
                                                   footer_space, styles.body_size * 0.6)])


def measure(sheet: Sheet, size: float) -> _Measured:
    styles = make_styles(sheet.family, size, sheet.large_print)
    width = sheet.paper.frame_width
    header = _header(sheet, styles)
    header_height = sum(_height(flowable, width) for flowable in header)
    rows, heights, bare = [], [], []
    for planned in sheet.plan.segments:
        row = _row(sheet, styles, planned, with_note=True)
        rows.append(row)
        heights.append(_height(row, width))
        bare.append(_height(_row(sheet, styles, planned, with_note=False), width)
                    if planned.note else heights[-1])
    return _Measured(styles, header, header_height, rows, heights, bare)


def _height(flowable: Flowable, width: float) -> float:
    _, height = flowable.wrap(width, 1e6)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _header(sheet: Sheet, styles: Styles) -> list[Flowable]:
    plan = sheet.plan
    size = styles.body_size
    return [
        paragraph(sheet.heading, styles.title),
        paragraph(f"{plan.program.name} · {sheet.meeting_type} meeting", styles.meta),
        paragraph(sheet.time_line(), styles.meta),
        Spacer(1, size * 0.3),
        HRFlowable(width="100%", thickness=1, color=RULE, spaceAfter=size * 0.15),
    ]


def _row(sheet: Sheet, styles: Styles, planned: PlannedSegment, with_note: bool) -> Table:
    size = styles.body_size
    pad = size * 0.3
    width = sheet.paper.frame_width
    content = [paragraph(bar_title(planned), styles.heading)]
    if with_note and planned.note:
        content.append(paragraph(planned.note, styles.cue))
    time_width = _text_width("00:00", styles.time) + pad * 2
    minutes_width = _text_width("000 min", styles.minutes) + pad
    narrow = width - time_width - minutes_width < size * 10
    if narrow:
        # Large print on a small card: time and minutes stack in the left column.
        cells = [[[paragraph(clock(planned.start), styles.time),
                   paragraph(minutes_label(planned.minutes), styles.minutes_left)], content]]
        widths = [time_width, width - time_width]
    else:
        cells = [[paragraph(clock(planned.start), styles.time), content,
                  paragraph(minutes_label(planned.minutes), styles.minutes)]]
        widths = [time_width, width - time_width - minutes_width, minutes_width]
    return Table(cells, colWidths=widths, style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]))


def _text_width(text: str, style) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, style.fontName, style.fontSize)


def too_long_message(sheet: Sheet, measured: _Measured, available: float) -> str:
    """How much is too much, and what would make the outline fit, in one sentence."""
    cards = measured.height / available
    smallest = f"{measured.styles.body_size:g} pt"
    where = f"one {sheet.paper.label}"
    advice = _advice(measured, available)
    return (f"the outline of {sheet.format.name!r} needs {cards:.1f} cards at the smallest "
            f"readable size ({smallest}) and must fit on {where}; {advice}")


def _advice(measured: _Measured, available: float) -> str:
    excess = measured.height - available
    # Dropping the longest notes first frees the most room per edit.
    savings = sorted((full - bare for full, bare in
                      zip(measured.heights, measured.heights_without_note, strict=True)
                      if full > bare), reverse=True)
    freed = 0.0
    for count, saving in enumerate(savings, 1):
        freed += saving
        if freed >= excess:
            noun = "segment's note" if count == 1 else "segments' notes"
            return f"remove or shorten {count} {noun}, or choose a larger paper"
    heights = sorted(measured.heights_without_note, reverse=True)
    still = excess - freed
    for count, height in enumerate(heights, 1):
        still -= height
        if still <= 0:
            segments = "segment" if count == 1 else "segments"
            return (f"even without notes, remove {count} {segments}, "
                    "or choose a larger paper")
    return "choose a larger paper"
