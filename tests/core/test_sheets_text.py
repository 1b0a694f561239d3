"""What the sheets say: program words, no prayer for SMART, escaping, fonts, sizes and metadata."""

from __future__ import annotations

import getpass
import re

import pytest

from facilitator.content import builtin_library
from facilitator.model import Format, GroupSettings, Reading
from facilitator.problems import FacilitatorError
from facilitator.sheets import LAYOUTS, PAPERS
from facilitator.sheets.fonts import VERA, _dejavu, _register, family_for
from tests.core.sheets_helpers import all_text, font_sizes, page_texts, render

LIBRARY = builtin_library()
STEPS = LIBRARY.reading("twelve-steps")


def custom_format(name: str, segments: list[dict], kind: str = "discussion") -> Format:
    return Format.from_dict({"id": "custom", "name": name, "kind": kind, "minutes": 60,
                             "segment": segments}, LIBRARY.readings)


def test_step_script_in_aa_words_with_tonights_step():
    pages, reader, _ = render("step", program="aa", step=4)
    text = all_text(reader)
    assert "powerless over alcohol" in text  # Step 1's slot, filled with AA's word
    assert "carry this message to alcoholics" in text  # Step 12's slot
    assert "Step 4" in text
    assert " ".join(STEPS.items[3].split()) in text  # tonight's step, in full
    assert "[" not in text and "]" not in text
    assert "Page 1 of " in page_texts(reader)[0]
    assert f"Page {pages} of {pages}" in page_texts(reader)[-1]


def test_script_header_gives_group_type_date_and_times():
    group = GroupSettings(name="Tuesday Night Group", program="aa", meeting_type="closed",
                          designations=("W",), length=60)
    import datetime as dt

    _, reader, _ = render("discussion", group=group, date=dt.date(2026, 4, 7), start="18:30")
    first = " ".join(page_texts(reader)[0].split())
    assert "Tuesday Night Group" in first
    assert "Discussion meeting" in first
    assert "Alcoholics Anonymous" in first
    assert "Closed · Women meeting" in first
    assert "Tuesday, 7 April 2026" in first
    assert "18:30–19:30" in first
    assert "This Is a Closed Meeting" in all_text(reader)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_smart_never_prints_the_serenity_prayer(layout):
    for fmt in ("smart", "step", "discussion"):
        _, reader, _ = render(fmt, program="smart", layout=layout, paper="letter")
        text = all_text(reader)
        assert "Serenity" not in text, (fmt, layout)
        assert "God grant me" not in text


def test_aa_script_does_print_the_serenity_prayer():
    assert "God grant me the serenity" in all_text(render("step", program="aa")[1])


@pytest.mark.parametrize("layout", ["script", "card", "readings"])
def test_markup_in_user_text_prints_literally(layout):
    title = "Tom & Jerry <3 <b>& friends</b>"
    own = Reading(id="own", title=title, source="", text="Read <u>this</u> & that <br/>")
    library = LIBRARY.with_group_items([], [own])
    fmt = Format.from_dict({"id": "custom", "name": title, "kind": "discussion", "minutes": 60,
                            "segment": [
        {"kind": "custom", "minutes": 5, "title": title, "note": "Say <i>hello</i> & smile"},
        {"kind": "reading", "reading": "own", "minutes": 5},
    ]}, library.readings)
    _, reader, _ = render(fmt, library=library, layout=layout, group=GroupSettings(name=title))
    text = all_text(reader)
    assert title in text
    if layout != "card":
        assert "Read <u>this</u> & that <br/>" in text
    if layout != "readings":
        assert "Say <i>hello</i> & smile" in text


def test_accents_curly_quotes_and_dashes_print():
    words = "Café “Señor” — niño’s año… naïve"
    fmt = custom_format(words, [{"kind": "custom", "minutes": 5, "title": words,
                                 "note": words}])
    for layout in ("script", "card"):
        _, reader, _ = render(fmt, layout=layout)
        assert words in all_text(reader)


def test_characters_vera_lacks_use_dejavu_when_the_system_has_it():
    vera = _register(VERA)[0]
    assert family_for("plain text, café, “quotes” — dashes") == vera
    expected = _register(_dejavu())[0] if _dejavu() else vera
    assert family_for("Łódź, Győr") == expected
    fmt = custom_format("Łódź Győr", [{"kind": "custom", "minutes": 5, "title": "Łódź"}])
    _, reader, _ = render(fmt)
    if _dejavu():
        assert "Łódź Győr" in all_text(reader)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_large_print_sets_every_word_at_18_points_or_more(layout, paper):
    _, reader, _ = render("step", layout=layout, paper=paper, large_print=True)
    sizes = font_sizes(reader)
    assert sizes and min(sizes) >= 18


def test_normal_print_has_smaller_type_so_the_size_check_can_fail():
    assert min(font_sizes(render("step")[1])) < 18


def test_outline_card_too_long_says_how_much_is_too_much():
    segments = [{"kind": "custom", "minutes": 1, "title": f"Part {n}",
                 "note": "A long cue for the chair that runs on for a while, " * 3}
                for n in range(40)]
    fmt = custom_format("Marathon", segments)
    with pytest.raises(FacilitatorError) as caught:
        render(fmt, layout="card", paper="index-5x8")
    message = str(caught.value)
    assert "needs" in message and "cards at the smallest readable size (7 pt)" in message
    assert "5×8 index card" in message
    assert "notes" in message or "segments" in message
    cards = float(message.split("needs ")[1].split(" cards")[0])
    assert cards > 1


def test_outline_card_without_notes_advises_removing_segments():
    fmt = custom_format("Many", [{"kind": "custom", "minutes": 1, "title": f"Part {n}"}
                                 for n in range(80)])
    with pytest.raises(FacilitatorError, match=r"remove \d+ segments"):
        render(fmt, layout="card", paper="index-4x6")


def test_outline_card_shrinks_type_to_fit_one_card():
    _, reader, _ = render("step", layout="card", paper="index-4x6")
    assert len(reader.pages) == 1
    sizes = font_sizes(reader)
    assert min(sizes) >= 6  # titles and cues stay at a readable size


def test_reading_cards_one_step_per_card_at_a_step_meeting():
    _, reader, _ = render("step", layout="readings", paper="index-5x8")
    texts = [" ".join(t.split()) for t in page_texts(reader)]
    for number in range(1, 13):
        assert any(t.startswith(f"The Twelve Steps · {number} of 12 Step {number}")
                   for t in texts), number


def test_reading_cards_twelve_steps_as_one_list_otherwise():
    _, reader, _ = render("discussion", layout="readings", paper="letter")
    text = all_text(reader)
    assert "The Twelve Steps" in text
    assert "1 of 12" not in text
    assert "powerless over alcohol" in text and "carry this message to alcoholics" in text


def test_long_reading_continues_with_its_title_on_every_card():
    _, reader, _ = render("discussion", layout="readings", paper="index-4x6",
                          large_print=True)
    titles = [r.title for r in LIBRARY.readings.values()] + ["Tonight's topic"]
    texts = [" ".join(t.split()) for t in page_texts(reader)]
    assert any("(continued)" in t for t in texts)
    for text in texts:
        assert any(text.startswith(title) for title in titles), text[:60]


def test_newcomer_sheet_covers_what_a_newcomer_needs():
    pages, reader, _ = render("discussion", layout="newcomer", program="na")
    assert pages == 1
    text = all_text(reader)
    for phrase in ("What to expect", "Open and closed", "Anonymity", "No dues",
                   "Try several meetings", "90 meetings in 90 days", "sponsor", "Literature",
                   "Service", "Al-Anon", "Nar-Anon", "Narcotics Anonymous"):
        assert phrase in text, phrase


def test_metadata_names_no_person():
    _, reader, _ = render("step", group=GroupSettings(name="Hope Group"))
    info = reader.metadata
    assert info.title == "Hope Group: chair's script"
    assert info.creator == "Facilitator"
    assert not info.author
    user = getpass.getuser()
    raw = render("step")[2]
    assert b"anonymous" not in raw.lower()
    assert user.encode() not in raw or user in ("facilitator",)


def test_invariant_mode_gives_the_same_bytes_twice():
    first = render("step", layout="script", invariant=True)[2]
    second = render("step", layout="script", invariant=True)[2]
    assert first == second
    cards = [render("discussion", layout="readings", paper="index-4x6", invariant=True)[2]
             for _ in range(2)]
    assert cards[0] == cards[1]


def test_invariant_mode_follows_the_environment(monkeypatch):
    from facilitator.sheets import SheetOptions

    monkeypatch.setenv("FACILITATOR_INVARIANT", "1")
    assert SheetOptions().deterministic
    monkeypatch.setenv("FACILITATOR_INVARIANT", "0")
    assert not SheetOptions().deterministic
    assert SheetOptions(invariant=True).deterministic


def test_unknown_layout_paper_or_program_is_a_clear_error():
    with pytest.raises(FacilitatorError, match="unknown layout 'poster'"):
        render("step", layout="poster")
    with pytest.raises(FacilitatorError, match="unknown paper 'a5'"):
        render("step", paper="a5")
    with pytest.raises(FacilitatorError, match="unknown program 'zz'"):
        render("step", program="zz")


def test_the_quick_loader_keeps_reportlabs_deferred_patterns_working():
    render("step")
    from reportlab.lib import textsplit
    from reportlab.platypus.paragraph import uri_pat

    assert uri_pat.match("https://example.org/page")
    assert not uri_pat.match("not a link")
    assert textsplit.rx.sub(r"[\1]", "a日b") == "a[日]b"


@pytest.mark.parametrize("layout", ["script", "card"])
def test_header_gives_the_planned_length_of_a_longer_meeting(layout):
    group = GroupSettings(name="Long Night Group", length=90)
    _, reader, _ = render("discussion", group=group, layout=layout, paper="letter",
                          start="19:00")
    first = " ".join(page_texts(reader)[0].split())
    assert "19:00–20:30 · 90 minutes" in first


def test_a_literature_script_without_a_passage_leaves_a_line_to_write_it():
    _, reader, _ = render("literature", group=GroupSettings(name="Book Group"))
    text = all_text(reader)
    assert "Tonight's passage: ____" in text
    assert "bookmark" not in text  # an instruction for the app, not for the paper


@pytest.mark.parametrize("paper, large_print", [("letter", False), ("index-4x6", True),
                                                ("index-5x8", False)])
def test_a_segment_title_longer_than_a_page_runs_on_instead_of_failing(paper, large_print):
    words = [f"word{n}" for n in range(600)]
    fmt = custom_format("Long", [
        {"kind": "custom", "minutes": 5, "title": " ".join(words), "note": "After the title."},
        {"kind": "prayer", "minutes": 5}])
    pages, reader, _ = render(fmt, layout="script", paper=paper, large_print=large_print)
    text = all_text(reader)
    assert pages > 2
    assert re.findall(r"word\d+", text) == words  # every word, in order, across its pages
    assert "After the title." in text and "God grant me the serenity" in text
