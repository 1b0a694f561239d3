"""The newcomer sheet: one page for someone at their first meeting, in this project's own words.

It draws on the seed's "suggested engagement" and "types of meeting" (what to
expect, open and closed meetings, anonymity, no dues, trying several meetings,
"90 meetings in 90 days", a sponsor, literature, service and the family
programs), rewritten for a newcomer rather than a clinician.

Fitting it on one page, on every paper: the full text is set at the paper's
body size and shrunk, as a whole, down to the smallest readable size (7 pt, or
18 pt in large print). If it still does not fit, the short text (one sentence
per subject, every subject kept) is tried the same way. Only when even the
short text cannot fit (large print on half-letter paper and on 5×8 and 4×6
cards, where 18 pt leaves room for only a score of short lines) does the sheet
run on to further cards, each
headed "(continued)" and numbered, with no subject split between cards: a
legible sheet over two cards beats an unreadable one on a single card.
"""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    Paragraph,
    Spacer,
)

from facilitator.model import Program, fill_slots
from facilitator.sheets.document import (
    build_pdf,
    card_number_footer,
    continued_template,
    escape_text,
    paragraph,
)
from facilitator.sheets.sheet import Sheet
from facilitator.sheets.styles import LARGE_PRINT_MIN, MUTED, READABLE_MIN, RULE, make_styles

SIZE_STEP = 0.5

# (heading, full text, short text). [fellowship] and [members] take the program's words.
SUBJECTS: tuple[tuple[str, str, str], ...] = (
    ("What to expect",
     "A meeting lasts about an hour. A member chairs it, a few short passages are read "
     "aloud, and then members share their own experience, one at a time, while the others "
     "listen. Nobody has to speak. You can give just your first name, or simply say "
     "“I’ll pass”. Listening is a fine way to take part.",
     "Short readings, then members share one at a time. You never have to speak."),
    ("Open and closed meetings",
     "Open meetings welcome everyone: family, friends, students and anyone who wants to "
     "learn. Closed meetings are kept for [members]. The meeting list says which is which.",
     "Open meetings are for everyone; closed meetings are for [members]."),
    ("Anonymity",
     "We use first names only, and nobody keeps a list of who came. Who you see here, and "
     "what you hear here, stays here.",
     "First names only; no list of who came. What is said here stays here."),
    ("No dues or fees",
     "Belonging costs nothing. A basket may go round to pay the rent and buy literature; "
     "giving is voluntary, and it is fine to let it pass.",
     "It costs nothing. The basket is voluntary."),
    ("Try several meetings",
     "Every group has its own character. If this one does not feel right, try a few others "
     "before you decide: most people find one that feels like home.",
     "Every group is different: try a few."),
    ("“90 meetings in 90 days”",
     "Many members suggest going to a meeting every day at first: ninety meetings in "
     "ninety days. Going often, early on, is one of the surest ways to find your feet.",
     "Many go to a meeting every day at first."),
    ("Finding a sponsor",
     "A sponsor is an experienced member who walks through the program with you, one to "
     "one. To find one, ask someone whose recovery you respect; nobody minds being asked.",
     "A sponsor is an experienced member who guides you. Just ask someone."),
    ("Literature",
     "The program’s books and pamphlets are there for the days between meetings. Ask a "
     "member which to start with.",
     "The literature helps between meetings."),
    ("Service",
     "Helping is part of recovery. Setting out chairs or making the coffee is a good "
     "start; later, members take on service roles or sponsor others.",
     "Help out: chairs, coffee, later a service role."),
    ("For family and friends",
     "People affected by someone else’s drinking or drug use have fellowships of their "
     "own: Al-Anon and Alateen (for young people), Nar-Anon, and Adult Children of "
     "Alcoholics/Dysfunctional Families.",
     "Families have their own groups: Al-Anon, Alateen, Nar-Anon, ACA."),
)

# SMART Recovery has no sponsors and no twelve-step suggestion of ninety meetings,
# so those two subjects are put in its terms.
SMART_SUBJECTS = {
    "“90 meetings in 90 days”": (
        "Going often",
        "Many people find it helps to come often at first. In twelve-step groups the "
        "suggestion is “90 meetings in 90 days”; here, come as often as helps you.",
        "Coming often at first helps."),
    "Finding a sponsor": (
        "Support between meetings",
        "There are no sponsors in [fellowship], but members and the facilitator are glad "
        "to point you to the tools and to other meetings, in person and online.",
        "Ask the facilitator about the tools and other meetings."),
}


def subjects_for(program: Program) -> list[tuple[str, str, str]]:
    if program.steps:
        return list(SUBJECTS)
    return [SMART_SUBJECTS.get(subject[0], subject) for subject in SUBJECTS]


def _story(sheet: Sheet, size: float, short: bool) -> list[Flowable]:
    styles = make_styles(sheet.family, size, sheet.large_print)
    program = sheet.plan.program
    words = sheet.library.words(program.id, sheet.group.words)
    welcome = (f"Welcome to {program.name}. This sheet is yours to keep. It answers the "
               "questions many of us had at our first meeting.")
    if short:
        welcome = f"Welcome to {program.name}. This sheet is yours to keep."
    story: list[Flowable] = [
        paragraph("Welcome, newcomer", styles.title),
        paragraph(welcome, styles.subtitle),
        Spacer(1, size * 0.5),
        HRFlowable(width="100%", thickness=1, color=RULE, spaceAfter=size * 0.6),
    ]
    for heading, full, brief in subjects_for(program):
        text = fill_slots(brief if short else full, words)
        if short:
            # Run-in heads: the heading starts the line, which saves a line a subject.
            story.append(KeepTogether([Paragraph(
                f"<b>{escape_text(heading)}.</b> {escape_text(text)}", styles.body)]))
            continue
        story.append(KeepTogether([
            paragraph(heading, styles.heading),
            Spacer(1, size * 0.15),
            paragraph(text, styles.body),
        ]))
    if sheet.group.name.strip():
        story.append(paragraph(sheet.group.name, styles.meta))
    return story


def _height(story: list[Flowable], width: float) -> float:
    total = 0.0
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            # A KeepTogether needs a canvas to measure itself; its parts do not.
            total += _height(flowable._content, width)
            continue
        _, height = flowable.wrap(width, 1e6)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def render(sheet: Sheet, out) -> int:
    paper = sheet.paper
    available = paper.height - 2 * paper.margin
    smallest = LARGE_PRINT_MIN if sheet.large_print else READABLE_MIN
    title = f"{sheet.plan.program.name}: for newcomers"
    for short in (False, True):
        size = max(paper.body_size, smallest)
        while size >= smallest - 1e-9:
            story = _story(sheet, size, short)
            if _height(story, paper.frame_width) <= available:
                return build_pdf(out, paper, story, title=title,
                                 invariant=sheet.options.deterministic)
            size -= SIZE_STEP
    return _render_cards(sheet, smallest, out, title)


def _render_cards(sheet: Sheet, size: float, out, title: str) -> int:
    """Large print on a small card: the short text over as many numbered cards as it takes."""
    styles = make_styles(sheet.family, size, sheet.large_print)
    heading = paragraph("Welcome, newcomer (continued)", styles.heading)
    footer_space = styles.footer_size * 1.6
    story = [NextPageTemplate("continued"), *_story(sheet, size, short=True)]
    story = [flowable for item in story
             for flowable in ((CondPageBreak(size * 4), item)
                              if isinstance(item, KeepTogether) else (item,))]

    draw_footer = card_number_footer(sheet.paper, styles.family.regular, styles.footer_size,
                                     MUTED)

    return build_pdf(out, sheet.paper, story, title=title,
                     invariant=sheet.options.deterministic, draw_footer=draw_footer,
                     footer_space=footer_space,
                     templates=[continued_template(sheet.paper, "continued", heading,
                                                   footer_space, size * 0.6)])
