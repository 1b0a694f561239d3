"""Reading cards: one reading per card (or page), in large type, for volunteers to read aloud.

Every card carries its reading's title. A reading longer than its card goes on
to the next card, headed "Title (continued)", so nothing is ever cut and
reportlab never raises a LayoutError: each reading gets its own continuation
page template, whose frame starts below that heading. The Twelve Steps (or a
program's own numbered series) print as one card per step at a step meeting,
where one step is studied, and as a single numbered list otherwise. The cards
follow the plan, so a program without the Serenity Prayer (SMART Recovery)
never gets one.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph

from facilitator.sheets.document import (
    build_pdf,
    continued_template,
    escape_text,
    paragraph,
    paragraphs,
)
from facilitator.sheets.sheet import Sheet
from facilitator.sheets.styles import LARGE_PRINT_MIN, make_styles

# Reading cards are read aloud by whoever volunteers, often without glasses at
# hand, so their type is a good deal larger than a script's.
CARD_SCALE = 1.35


@dataclass(frozen=True)
class ReadingCard:
    title: str
    text: str
    source: str
    kicker: str = ""  # a small line above the title: "The Twelve Steps · 4 of 12"


def cards_for(sheet: Sheet) -> list[ReadingCard]:
    """The cards to print, in the order the meeting reads them, each reading once."""
    library = sheet.library
    program = sheet.plan.program
    per_item = sheet.format.kind == "step"
    words = sheet.library.words(program.id, sheet.group.words)
    cards: list[ReadingCard] = []
    series_done: set[str] = set()
    for planned in sheet.plan.segments:
        reading_id = planned.segment.reading_id
        if reading_id == "twelve-steps" and not program.steps:
            reading_id = program.series
        reading = library.readings.get(reading_id)
        if reading is not None and reading.is_series and per_item:
            series_done.add(reading.id)
            count = len(reading.items)
            cards += [ReadingCard(_item_name(reading.title, n), reading.body(words, n),
                                  reading.source, f"{reading.title} · {n} of {count}")
                      for n in range(1, count + 1)]
            continue
        if planned.kind == "study" and program.series in series_done:
            continue  # tonight's step already has its own card among the steps
        if not planned.text or planned.kind == "topic":
            continue
        cards.append(ReadingCard(planned.reading_title or planned.title, planned.text,
                                 planned.source))
    unique: list[ReadingCard] = []
    for card in cards:
        if card not in unique:
            unique.append(card)
    return unique


def _item_name(series_title: str, number: int) -> str:
    if "step" in series_title.casefold():
        return f"Step {number}"
    if "point" in series_title.casefold():
        return f"Point {number}"
    return f"{series_title}: {number}"


def render(sheet: Sheet, out) -> int:
    paper = sheet.paper
    size = paper.body_size * CARD_SCALE
    if sheet.large_print:
        size = max(size, LARGE_PRINT_MIN)
    styles = make_styles(sheet.family, size, sheet.large_print)
    story: list[Flowable] = []
    templates = []
    cards = cards_for(sheet)
    for number, card in enumerate(cards):
        template_id = f"continued-{number}"
        heading = paragraph(f"{card.title} (continued)", styles.heading)
        templates.append(continued_template(paper, template_id, heading, 0, size * 0.8))
        story.append(NextPageTemplate(template_id))
        # A title never ends a page: it starts a new one unless a few lines fit under it.
        story.append(CondPageBreak(styles.title.leading * 2 + styles.body.leading * 3))
        if card.kicker:
            story.append(paragraph(card.kicker, styles.meta))
        story.append(paragraph(card.title, styles.title))
        story += paragraphs(card.text, styles.body)
        if card.source:
            story.append(Paragraph("— " + escape_text(card.source), styles.source))
        story.append(NextPageTemplate("main"))
        if number < len(cards) - 1:
            story.append(PageBreak())
    if not cards:
        story.append(paragraph(f"{sheet.format.name} has no readings to print.", styles.body))
    return build_pdf(out, paper, story, title=f"{sheet.heading}: reading cards",
                     invariant=sheet.options.deterministic, templates=templates)
