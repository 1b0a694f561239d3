"""Tonight's plan: choices of step, topic, passage, speakers and format, and the timeline."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from facilitator.content import builtin_library
from facilitator.model import Bookmark, Format, GroupSettings, HistoryEntry
from facilitator.plan import (
    RECENT_TOPICS,
    TonightChoice,
    advance_bookmark,
    build_plan,
    choose_topic,
    next_step,
    render_plan,
    step_of_month,
    tonight_format_id,
)
from facilitator.problems import FacilitatorError

LIBRARY = builtin_library()
TUESDAY = date(2026, 4, 7)


def plan_for(format_id="step", program="aa", group=None, when=TUESDAY, choice=None,
             history=(), **kwargs):
    return build_plan(LIBRARY, LIBRARY.format(format_id), program, group or GroupSettings(),
                      when, "19:00", choice, history, **kwargs)


def segment_of(plan, kind):
    return next(s for s in plan.segments if s.kind == kind)


def make_format(segments, minutes=60, kind="discussion"):
    return Format.from_dict({"id": "test", "name": "Test meeting", "kind": kind,
                             "minutes": minutes, "segment": segments}, LIBRARY.readings)


# Step meetings ------------------------------------------------------------------------

@pytest.mark.parametrize("month", range(1, 13))
def test_the_step_of_the_month_is_the_month(month):
    when = date(2026, month, 10)
    assert step_of_month(when) == month
    plan = plan_for("step", when=when)
    assert plan.step == month
    study = segment_of(plan, "study")
    assert study.reading_title == f"Step {month}"
    assert study.text == LIBRARY.reading("twelve-steps").body(LIBRARY.words("aa"), month)


def test_a_four_point_series_comes_round_three_times_a_year():
    assert [step_of_month(date(2026, m, 1), 4) for m in range(1, 13)] == [1, 2, 3, 4] * 3
    plan = plan_for("step", program="smart", when=date(2026, 5, 5))
    study = segment_of(plan, "study")
    assert study.reading_title == "Point 1"
    assert "motivation" in study.text


def test_step_text_is_in_the_programs_words():
    aa = segment_of(plan_for("step", when=date(2026, 1, 6)), "study")
    na = segment_of(plan_for("step", program="na", when=date(2026, 1, 6)), "study")
    assert "powerless over alcohol" in aa.text
    assert "powerless over our addiction" in na.text


def test_next_step_follows_the_last_meeting_that_studied_one():
    history = [
        HistoryEntry("2026-03-03", "step", step=3),
        HistoryEntry("2026-03-10", "step", step=11),
        HistoryEntry("2026-03-17", "discussion", topic="Gratitude"),
    ]
    assert next_step(history) == 12
    assert next_step([*history, HistoryEntry("2026-03-24", "step", step=12)]) == 1
    assert next_step([]) == 1
    assert next_step([HistoryEntry("2026-03-24", "step", step=4)], 4) == 1


def test_a_group_that_chose_next_step_gets_it_and_the_chair_can_override():
    group = GroupSettings(step_choice="next")
    history = [HistoryEntry("2026-03-31", "step", step=8)]
    assert plan_for("step", group=group, history=history).step == 9
    assert plan_for("step", group=group, history=history,
                    choice=TonightChoice(step=2)).step == 2
    # A group that keeps the step of the month ignores history.
    assert plan_for("step", history=history).step == 4
    # No step meeting in history yet: the step of the month.
    assert plan_for("step", group=group).step == 4


def test_a_step_out_of_range_is_one_clear_error():
    with pytest.raises(FacilitatorError, match="steps 1 to 12; there is no step 13"):
        plan_for("step", choice=TonightChoice(step=13))
    with pytest.raises(FacilitatorError, match="points 1 to 4; there is no point 5"):
        plan_for("step", program="smart", choice=TonightChoice(step=5))


def test_only_a_meeting_that_studies_a_step_records_one():
    assert plan_for("discussion").step is None


# Discussion meetings -------------------------------------------------------------------

def test_topic_rotation_avoids_the_last_eight_topics():
    topics = LIBRARY.topics
    used = list(topics[:12])
    history = [HistoryEntry(f"2026-01-{n + 1:02d}", "discussion", topic=t)
               for n, t in enumerate(used)]
    # Step meetings in between do not push topics out of the window.
    history.insert(10, HistoryEntry("2026-01-20", "step", step=1))
    recent = set(used[-RECENT_TOPICS:])
    drawn = {choose_topic(topics, history, random.Random(seed)) for seed in range(400)}
    assert not drawn & recent
    # Older topics are allowed again.
    assert drawn & set(used[:-RECENT_TOPICS])


def test_a_small_bank_brings_back_the_topic_used_longest_ago():
    topics = ["Honesty", "Hope", "Faith"]
    history = [HistoryEntry(f"2026-01-0{n + 1}", "discussion", topic=t)
               for n, t in enumerate(["Hope", "Faith", "Honesty"])]
    assert choose_topic(topics, history, random.Random(1)) == "Hope"


def test_the_plans_topic_is_drawn_once_per_date_and_the_chair_can_type_one():
    first = plan_for("discussion")
    assert first.topic in LIBRARY.topics
    assert plan_for("discussion").topic == first.topic
    assert segment_of(first, "topic").text == first.topic
    own = plan_for("discussion", choice=TonightChoice(topic="Tom & Jerry <3"))
    assert own.topic == "Tom & Jerry <3"
    assert segment_of(own, "topic").text == "Tom & Jerry <3"


# Literature meetings --------------------------------------------------------------------

def test_the_literature_meeting_reads_from_the_bookmark_or_the_chairs_passage():
    group = GroupSettings(bookmark=Bookmark("Living Sober", "Chapter 5", 23))
    plan = plan_for("literature", group=group)
    assert plan.passage == "Living Sober, Chapter 5, page 23"
    assert segment_of(plan, "literature").text == "Living Sober, Chapter 5, page 23"
    typed = plan_for("literature", group=group, choice=TonightChoice(passage="Chapter 6"))
    assert typed.passage == "Chapter 6"


def test_a_literature_meeting_without_a_bookmark_says_what_to_do():
    plan = plan_for("literature")
    assert plan.passage == ""
    assert segment_of(plan, "literature").text == ""
    assert any("no bookmark" in warning for warning in plan.warnings)


def test_the_bookmark_advances():
    mark = Bookmark("Living Sober", "Chapter 5", 23)
    assert advance_bookmark(mark, 6) == Bookmark("Living Sober", "Chapter 5", 29)
    assert advance_bookmark(mark, 4, "Chapter 6") == Bookmark("Living Sober", "Chapter 6", 27)
    assert advance_bookmark(Bookmark("Book"), 0, "Part 2") == Bookmark("Book", "Part 2", 0)
    with pytest.raises(FacilitatorError):
        advance_bookmark(mark, -1)


# Speaker meetings ----------------------------------------------------------------------

def test_tonights_speakers_change_the_speaker_time_and_sharing_absorbs_it():
    plain = plan_for("speaker")
    speaker = segment_of(plain, "speaker")
    assert (speaker.speaker_count, speaker.speaker_minutes, speaker.minutes) == (1, 20, 20)
    plan = plan_for("speaker", choice=TonightChoice(
        speaker_count=2, speaker_minutes=15, speaker_names=("Zelda", "Quentin")))
    speaker = segment_of(plan, "speaker")
    assert (speaker.speaker_count, speaker.speaker_minutes, speaker.minutes) == (2, 15, 30)
    assert segment_of(plan, "shares").minutes == segment_of(plain, "shares").minutes - 10
    assert plan.planned_minutes == 60
    assert plan.end == datetime(2026, 4, 7, 20, 0)
    assert plan.choice.speaker_names == ("Zelda", "Quentin")
    assert "Zelda" not in repr(plan.segments)
    assert "Zelda" not in repr(plan.choice)
    assert "Zelda" not in render_plan(plan)


def test_more_than_three_speakers_is_refused():
    with pytest.raises(FacilitatorError, match="1 to 3 speakers"):
        plan_for("speaker", choice=TonightChoice(speaker_count=4))


# Group-aware choices --------------------------------------------------------------------

def test_the_meeting_type_statement_follows_the_group():
    open_plan = plan_for("discussion")
    closed_plan = plan_for("discussion", group=GroupSettings(meeting_type="closed"))
    titles = [s.title for s in open_plan.segments]
    assert "This Is an Open Meeting" in titles
    closed_titles = [s.title for s in closed_plan.segments]
    assert "This Is an Open Meeting" not in closed_titles
    closed = LIBRARY.reading("closed-meeting")
    assert any(s.text == closed.body(LIBRARY.words("aa")) for s in closed_plan.segments)


def test_a_smart_plan_never_shows_the_serenity_prayer_and_keeps_its_minutes():
    for format_id in ("discussion", "step", "speaker", "smart"):
        plan = plan_for(format_id, program="smart")
        sheet = render_plan(plan)
        assert "Serenity" not in sheet
        assert "God grant me" not in sheet
        assert all(s.kind != "prayer" for s in plan.segments)
        assert plan.planned_minutes == 60
        assert plan.warnings == ()
    # The prayer's minute went to sharing.
    assert (segment_of(plan_for("discussion", program="smart"), "shares").minutes
            == segment_of(plan_for("discussion"), "shares").minutes + 1)


def test_the_twelve_steps_reading_becomes_the_programs_series_without_steps():
    plan = plan_for("discussion", program="smart")
    assert "SMART Recovery’s Four Points" in [s.title for s in plan.segments]


SCHEDULE = GroupSettings(schedule={"1st": "step", "last": "speaker", "3rd": "literature"},
                         default_format="discussion")


@pytest.mark.parametrize(("when", "expected"), [
    (date(2026, 4, 7), "step"),          # 1st Tuesday
    (date(2026, 4, 14), "discussion"),   # 2nd: not scheduled
    (date(2026, 4, 21), "literature"),   # 3rd
    (date(2026, 4, 28), "speaker"),      # 4th, and the last Tuesday of April
    (date(2026, 3, 24), "discussion"),   # 4th Tuesday of March, not its last
    (date(2026, 3, 31), "speaker"),      # 5th and last Tuesday of March
])
def test_the_week_of_month_schedule(when, expected):
    assert tonight_format_id(SCHEDULE, when) == expected


def test_last_wins_over_the_numbered_week_that_is_also_last():
    group = GroupSettings(schedule={"4th": "step", "5th": "literature", "last": "speaker"})
    assert tonight_format_id(group, date(2026, 4, 28)) == "speaker"   # 4th and last
    assert tonight_format_id(group, date(2026, 3, 31)) == "speaker"   # 5th and last
    assert tonight_format_id(group, date(2026, 3, 24)) == "step"      # 4th, not last


# The timeline ----------------------------------------------------------------------------

@pytest.mark.parametrize("format_id", ["discussion", "speaker", "step", "literature", "smart"])
def test_every_segment_has_a_clock_time_and_the_builtins_fit_the_hour(format_id):
    group = GroupSettings(bookmark=Bookmark("Our basic text", "Chapter 1", 1))
    plan = plan_for(format_id, program="smart" if format_id == "smart" else "aa", group=group)
    assert plan.start == datetime(2026, 4, 7, 19, 0)
    assert plan.end == datetime(2026, 4, 7, 20, 0)
    assert plan.warnings == ()
    clock = plan.start
    for segment in plan.segments:
        assert segment.start == clock
        clock = segment.end
    assert clock == plan.end


OVERFULL = [
    {"kind": "reading", "reading": "welcome", "minutes": 10},
    {"kind": "check-in", "minutes": 10, "share_minutes": 1},
    {"kind": "shares", "minutes": 30, "share_minutes": 3},
    {"kind": "contributions", "minutes": 8},
    {"kind": "reading", "reading": "closing", "minutes": 10, "title": "Closing"},
]


def test_an_overfull_format_is_warned_about_and_sharing_shrinks():
    fmt = make_format(OVERFULL)
    assert fmt.total_minutes == 68
    plan = build_plan(LIBRARY, fmt, "aa", GroupSettings(), TUESDAY, "19:00")
    assert plan.warnings[0] == "segments add up to 68 minutes; the meeting is 60"
    assert "sharing is 8 minutes shorter" in plan.warnings[1]
    minutes = [s.minutes for s in plan.segments]
    assert minutes == [10, 8, 24, 8, 10]
    assert plan.end == datetime(2026, 4, 7, 20, 0)
    closing = plan.segments[-1]
    assert closing.minutes == 10 and closing.start == datetime(2026, 4, 7, 19, 50)


def test_an_underfull_format_grows_its_sharing():
    short = make_format(OVERFULL[:1] + OVERFULL[2:])  # 58 minutes, one sharing segment
    plan = build_plan(LIBRARY, short, "aa", GroupSettings(), TUESDAY, "19:00")
    assert plan.warnings[0] == "segments add up to 58 minutes; the meeting is 60"
    assert "sharing is 2 minutes longer" in plan.warnings[1]
    assert [s.minutes for s in plan.segments] == [10, 32, 8, 10]
    assert plan.end == datetime(2026, 4, 7, 20, 0)


def test_a_format_that_cannot_fit_keeps_the_closing_and_ends_late():
    fmt = make_format([
        {"kind": "reading", "reading": "welcome", "minutes": 30},
        {"kind": "shares", "minutes": 5, "share_minutes": 3},
        {"kind": "reading", "reading": "closing", "minutes": 35},
    ])
    plan = build_plan(LIBRARY, fmt, "aa", GroupSettings(), TUESDAY, "19:00")
    assert plan.warnings[0] == "segments add up to 70 minutes; the meeting is 60"
    assert plan.warnings[1] == ("even with no sharing time the meeting runs 5 minutes over, "
                                "ending at 20:05")
    assert [s.minutes for s in plan.segments] == [30, 0, 35]
    assert plan.end == datetime(2026, 4, 7, 20, 5)


def test_a_format_without_sharing_says_it_cannot_adjust():
    fmt = make_format([{"kind": "reading", "reading": "welcome", "minutes": 62}])
    plan = build_plan(LIBRARY, fmt, "aa", GroupSettings(), TUESDAY, "19:00")
    assert plan.warnings[1] == ("there is no sharing time to adjust, so the meeting ends "
                                "2 minutes late, ending at 20:02")


def test_the_groups_meeting_length_is_what_the_plan_fills():
    plan = plan_for("step", group=GroupSettings(length=90))
    assert plan.end == datetime(2026, 4, 7, 20, 30)
    assert plan.warnings[0] == "segments add up to 60 minutes; the meeting is 90"
    assert segment_of(plan, "shares").minutes == 65
    own_length = plan_for("step", group=GroupSettings(length=90), meeting_minutes=60)
    assert own_length.end == datetime(2026, 4, 7, 20, 0)


def test_the_start_time_comes_from_the_group_when_not_given():
    plan = build_plan(LIBRARY, LIBRARY.format("step"), "aa", GroupSettings(start="18:30"),
                      TUESDAY, None)
    assert plan.start == datetime(2026, 4, 7, 18, 30)
    assert plan.end - plan.start == timedelta(hours=1)


def test_a_bad_start_time_is_one_clear_error():
    with pytest.raises(FacilitatorError, match="not a time of day"):
        build_plan(LIBRARY, LIBRARY.format("step"), "aa", GroupSettings(), TUESDAY, "7pm")


# The run sheet --------------------------------------------------------------------------

def test_the_run_sheet_reads_like_one():
    group = GroupSettings(name="Tuesday Night Group", meeting_type="closed",
                          designations=("W",))
    sheet = render_plan(plan_for("step", group=group))
    lines = sheet.splitlines()
    assert lines[0] == "Tuesday Night Group"
    assert lines[1] == "Step meeting · Alcoholics Anonymous"
    assert lines[2] == "Tuesday 7 April 2026, 19:00–20:00 · Closed · Women"
    assert lines[3] == "Tonight: Step 4"
    assert "19:11   5 min  Tonight's step" in lines
    assert "19:17  35 min  Sharing on the step (3-minute shares)" in lines
    assert lines[-1] == "20:00          End of the meeting"
    assert any("Cue: Read tonight's step aloud" in line for line in lines)
    assert any("searching and fearless moral inventory" in line for line in lines)


@pytest.mark.parametrize("format_id", ["discussion", "speaker", "step", "literature", "smart"])
def test_the_run_sheet_fits_78_columns(format_id):
    sheet = render_plan(plan_for(format_id, group=GroupSettings(
        bookmark=Bookmark("Living Sober", "Chapter 5", 23))))
    assert max(len(line) for line in sheet.splitlines()) <= 78


def test_warnings_are_on_the_sheet():
    sheet = render_plan(build_plan(LIBRARY, make_format(OVERFULL), "aa", GroupSettings(),
                                   TUESDAY, "19:00"))
    assert "Note: segments add up to 68 minutes; the meeting is 60" in sheet


def test_a_plan_can_be_rebuilt_with_a_replaced_choice():
    plan = plan_for("discussion", choice=TonightChoice(topic="Hope"))
    again = plan_for("discussion", choice=replace(plan.choice))
    assert again.topic == "Hope"


@pytest.mark.parametrize("today, expected", [
    (date(2026, 11, 29), date(2026, 12, 1)),  # a Sunday: the coming Tuesday
    (date(2026, 12, 1), date(2026, 12, 1)),  # a Tuesday: tonight
    (date(2026, 12, 2), date(2026, 12, 8)),  # a Wednesday: next week
])
def test_the_next_meeting_day(today, expected):
    from facilitator.plan import next_meeting_date

    assert next_meeting_date(GroupSettings(weekday="tuesday"), today) == expected
