"""The chair's script: the whole meeting in order, with clock times, cues and every reading in full.

Each segment opens with a tinted bar holding a box to tick, its planned clock
time, its title and its minutes; under it, indented to the title, come the
chair's cue in italics and then the reading in the program's words. The bar is
kept with what follows it, so a title never sits alone at the foot of a page.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from facilitator.plan import PlannedSegment
from facilitator.sheets.document import (
    build_pdf,
    escape_text,
    paragraph,
    paragraphs,
)
from facilitator.sheets.segment_bar import SegmentBar
from facilitator.sheets.sheet import Sheet, clock, minutes_label
from facilitator.sheets.styles import MUTED, RULE, TINT, Styles, make_styles


def render(sheet: Sheet, out) -> int:
    styles = make_styles(sheet.family, sheet.paper.body_size, sheet.large_print)
    story = header(sheet, styles)
    for planned in sheet.plan.segments:
        story += segment_block(sheet, styles, planned)
    footer_space = styles.footer_size * 2.4
    heading = sheet.heading

    def draw_footer(canvas, page: int, total: int) -> None:
        paper = sheet.paper
        y = paper.margin
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(paper.margin, y + styles.footer_size * 1.3, paper.width - paper.margin,
                    y + styles.footer_size * 1.3)
        canvas.setFillColor(MUTED)
        canvas.setFont(styles.family.regular, styles.footer_size)
        right = f"Page {page} of {total}"
        left = f"{heading} · {sheet.plan.program.short} · {sheet.date_line()}"
        canvas.drawRightString(paper.width - paper.margin, y, right)
        room = paper.frame_width - stringWidth(right, styles.family.regular,
                                               styles.footer_size) - styles.footer_size * 2
        if room > styles.footer_size * 8:
            canvas.drawString(paper.margin, y, _fit(left, styles, room))
        canvas.restoreState()

    return build_pdf(out, sheet.paper, story, title=f"{heading}: chair's script",
                     invariant=sheet.options.deterministic, draw_footer=draw_footer,
                     footer_space=footer_space)


def _fit(text: str, styles: Styles, width: float) -> str:
    """The text, cut with an ellipsis if it is wider than the room in the footer."""
    font, size = styles.family.regular, styles.footer_size
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def header(sheet: Sheet, styles: Styles) -> list[Flowable]:
    plan = sheet.plan
    lines = [plan.program.name]
    if sheet.group.name.strip():
        lines.insert(0, sheet.format.name)
    story: list[Flowable] = [
        paragraph(sheet.heading, styles.title),
        paragraph(" · ".join(lines), styles.subtitle),
        paragraph(f"{sheet.meeting_type} meeting", styles.meta),
        paragraph(sheet.date_line(), styles.meta),
        paragraph(sheet.time_line(), styles.meta),
        Spacer(1, styles.body_size * 0.6),
        HRFlowable(width="100%", thickness=1.2, color=RULE, spaceAfter=styles.body_size)
    ]
    return story


def _indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-indented", parent=style, leftIndent=indent)


def segment_block(sheet: Sheet, styles: Styles, planned: PlannedSegment) -> list[Flowable]:
    size = styles.body_size
    box = size * 1.0
    pad = size * 0.45
    time_width = stringWidth("00:00", styles.time.fontName, styles.time.fontSize) + pad * 2
    minutes_width = stringWidth("000 min", styles.minutes.fontName,
                                styles.minutes.fontSize) + pad
    # Narrow paper (a small card, or large print on a card) cannot give the title a
    # column of its own: it runs the full width under the time and minutes, and the
    # texts below are not indented.
    bar = SegmentBar(box, paragraph(clock(planned.start), styles.time),
                     paragraph(bar_title(planned), styles.heading),
                     paragraph(minutes_label(planned.minutes), styles.minutes),
                     time_width=time_width, minutes_width=minutes_width, padding=pad,
                     tint=TINT, frame_width=sheet.paper.frame_width, min_title_width=size * 12)
    indent = bar.text_indent
    bar.keepWithNext = True
    cue = _indented(styles.cue, indent)
    body = _indented(styles.body, indent)
    source = _indented(styles.source, indent)
    label = _indented(ParagraphStyle("label", parent=styles.body, fontName=styles.family.bold,
                                     spaceAfter=size * 0.2), indent)

    details: list[Flowable] = []
    if planned.note:
        details.append(paragraph(planned.note, cue))
    timing = _timing(planned)
    if timing:
        details.append(paragraph(timing, cue))
    if planned.kind == "study" and not planned.text:
        details.append(paragraph("Tonight's step: ______", body))
    elif planned.kind == "topic" and not planned.text:
        details.append(paragraph("Tonight's topic: ____________________", body))
    elif planned.kind == "literature" and not planned.text:
        details.append(paragraph("Tonight's passage: ____________________", body))
    if planned.text:
        if planned.reading_title and not _same_title(planned.reading_title, bar_title(planned)):
            details.append(paragraph(planned.reading_title, label))
        details += paragraphs(planned.text, body)
        if planned.source:
            details.append(Paragraph("— " + escape_text(planned.source), source))
    for flowable in details[:-1]:
        # A cue or a reading's title stays with the text under it.
        if isinstance(flowable, Paragraph) and flowable.style in (cue, label):
            flowable.keepWithNext = True
    gap = Spacer(1, size * 0.45)
    gap.keepWithNext = True
    return [Spacer(1, size * 0.3), bar, gap, *details, Spacer(1, size * 0.5)]


def bar_title(planned: PlannedSegment) -> str:
    """A plain reading segment is better named by its reading ("Welcome") than by its kind."""
    if planned.kind == "reading" and not planned.segment.title and planned.reading_title:
        return planned.reading_title
    return planned.title


def _same_title(first: str, second: str) -> bool:
    def bare(title: str) -> str:
        title = title.casefold().strip()
        return title[4:] if title.startswith("the ") else title
    return bare(first) == bare(second)


def _timing(planned: PlannedSegment) -> str:
    if planned.kind == "speaker" and planned.speaker_count and planned.speaker_minutes:
        noun = "speaker" if planned.speaker_count == 1 else "speakers"
        return f"{planned.speaker_count} {noun}, {planned.speaker_minutes:g} minutes each."
    if planned.share_minutes:
        return f"Shares of about {planned.share_minutes:g} minutes each."
    return ""
