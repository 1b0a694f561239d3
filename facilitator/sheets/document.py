"""The pieces every layout shares: escaped paragraphs, the tick box, and building the PDF.

All text that reaches a `Paragraph` passes through `escape_text` first, because
reportlab reads paragraph text as markup: a group's title "Tom & Jerry <3"
must print as typed, never as a tag or an error. The document is built with a
canvas that holds its pages back until the end, so that every footer can say
"Page N of M".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import BinaryIO

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame
from reportlab.platypus.paragraph import ParagraphStyle

from facilitator.model import NUMBERED_ITEM
from facilitator.sheets.papers import Paper
from facilitator.sheets.styles import INK

# draw_footer(canvas, page_number, page_count)
FooterPainter = Callable[[Canvas, int, int], None]


def card_number_footer(paper: Paper, font: str, size: float, color: Color) -> FooterPainter:
    """A footer that says "Card N of M" at the bottom right, for sheets that run onto cards."""

    def draw_footer(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(color)
        canvas.setFont(font, size)
        canvas.drawRightString(paper.width - paper.margin, paper.margin, f"Card {page} of {total}")
        canvas.restoreState()

    return draw_footer


def escape_text(text: str) -> str:
    """User text made safe for a Paragraph: markup characters print as themselves.

    This is what `xml.sax.saxutils.escape` does; it is written out because importing
    `xml.sax.saxutils` pulls in `urllib.request` and the HTTP client, about 13 ms of
    a `facilitator print` that has to start quickly (design.md section 11)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """A text as paragraphs: blank lines separate paragraphs, single line breaks are kept
    (a prayer reads line by line), and a numbered list gives one hanging-indented
    paragraph per item, so that a long list breaks between items, never mid-page."""
    result: list[Paragraph] = []
    for block in (block.strip() for block in text.strip().split("\n\n")):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if len(lines) > 1 and all(NUMBERED_ITEM.match(line) for line in lines):
            result += _numbered_items(lines, style)
        elif block:
            result.append(Paragraph(escape_text(block).replace("\n", "<br/>"), style))
    return result


def _numbered_items(lines: list[str], style: ParagraphStyle) -> list[Paragraph]:
    hang = stringWidth("00.", style.fontName, style.fontSize) + style.fontSize * 0.5
    item_style = ParagraphStyle(f"{style.name}-item", parent=style,
                                leftIndent=style.leftIndent + hang, firstLineIndent=0,
                                bulletIndent=style.leftIndent,
                                bulletFontName=style.fontName,
                                bulletFontSize=style.fontSize,
                                spaceAfter=style.fontSize * 0.3)
    items = []
    for line in lines:
        number, _, rest = line.partition(" ")
        items.append(Paragraph(escape_text(rest), item_style, bulletText=number))
    if items:
        items[-1].style = ParagraphStyle(f"{style.name}-last", parent=item_style,
                                         spaceAfter=style.spaceAfter)
    return items


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape_text(text), style)


class TickBox(Flowable):
    """An empty square the chair ticks as the meeting goes; drawn, so it needs no glyph."""

    def __init__(self, size: float, color: Color = INK, line_width: float = 0.9):
        super().__init__()
        self.size = size
        self.color = color
        self.line_width = line_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.line_width)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def _numbered_canvas(draw_footer: FooterPainter | None, pages: list[int]):
    """A canvas class that keeps each page until the end, then draws the footers with the
    page count known. `pages` receives the count, which `build_pdf` returns."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, 1):
                self.__dict__.update(state)
                if draw_footer is not None:
                    draw_footer(self, number, total)
                super().showPage()
            pages.append(total)
            super().save()

    return NumberedCanvas


def build_pdf(
    out: BinaryIO | str,
    paper: Paper,
    story: Sequence[Flowable],
    *,
    title: str,
    invariant: bool,
    templates: Sequence[PageTemplate] = (),
    draw_footer: FooterPainter | None = None,
    footer_space: float = 0,
) -> int:
    """Lay the story out on the paper and write the PDF; return the number of pages."""
    doc = BaseDocTemplate(
        out,
        pagesize=paper.size,
        leftMargin=paper.margin,
        rightMargin=paper.margin,
        topMargin=paper.margin,
        bottomMargin=paper.margin + footer_space,
        title=title,
        # No person: never the computer's user, never reportlab's "anonymous".
        author="",
        creator="Facilitator",
        producer="Facilitator",
        subject="",
        invariant=1 if invariant else 0,
    )
    main = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="main", frames=[main]), *templates])
    pages: list[int] = []
    doc.build(list(story), canvasmaker=_numbered_canvas(draw_footer, pages))
    return pages[0]


def main_frame(paper: Paper, top_space: float = 0, footer_space: float = 0,
               frame_id: str = "frame") -> Frame:
    """A frame filling the paper inside its margins, less space kept at the top or foot."""
    return Frame(paper.margin, paper.margin + footer_space, paper.frame_width,
                 paper.height - 2 * paper.margin - footer_space - top_space, id=frame_id,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def continued_template(paper: Paper, template_id: str, heading: Paragraph,
                       footer_space: float = 0, gap: float = 6) -> PageTemplate:
    """A page template for the pages a section runs on to: its heading ("Title
    (continued)") is drawn at the top and the frame starts below it, so that a long
    reading or outline carries its title onto every card it takes."""
    _, height = heading.wrap(paper.frame_width, paper.height)
    top_space = height + gap

    def draw_heading(canvas: Canvas, doc) -> None:
        heading.drawOn(canvas, paper.margin, paper.height - paper.margin - height)

    return PageTemplate(id=template_id, frames=[main_frame(paper, top_space, footer_space,
                                                           f"{template_id}-frame")],
                        onPage=draw_heading)
