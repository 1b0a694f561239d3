"""Reading a Meeting Guide feed: the meeting's fields land, contact fields are never read."""

import json
import re
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.meeting_guide import parse_feed, read_feed
from facilitator.model import WEEKDAYS, GroupSettings
from facilitator.problems import FacilitatorError

FEED = [
    {"name": "Tuesday Night Step Group", "slug": "tns", "day": 2, "time": "19:30",
     "end_time": "20:45", "types": ["C", "ST", "W", "XYZ"],
     "location": "St Mark's Hall", "formatted_address": "12 Elm Street, Springfield",
     "notes": "Ask for Margaret at the door", "contact_1_name": "Margaret Q",
     "contact_1_phone": "555-0199", "contact_1_email": "margaret@example.org"},
    {"name": "Sunday Serenity", "day": [0, 6], "time": "9:00", "end_time": "10:00",
     "types": ["O", "D"]},
    {"day": 3, "time": "12:00"},
    "not a meeting",
]


def test_fields_of_a_meeting_are_read():
    meetings = parse_feed(json.dumps(FEED).encode(), "feed.json")
    assert [m.name for m in meetings] == ["Tuesday Night Step Group", "Sunday Serenity",
                                          "Sunday Serenity"]
    first, sunday, saturday = meetings
    assert first.weekdays == ("tuesday",)
    assert (first.start, first.length) == ("19:30", 75)
    assert first.meeting_type == "closed"
    assert first.designations == ("ST", "W")
    # Held on two days: listed once a day, so the group picks its night.
    assert (sunday.weekdays, saturday.weekdays) == (("sunday",), ("saturday",))
    assert sunday.describe().startswith("Sunday Serenity: Sunday 09:00")
    assert saturday.describe().startswith("Sunday Serenity: Saturday 09:00")
    assert (saturday.start, saturday.length, saturday.meeting_type) == ("09:00", 60, "open")
    assert saturday.apply_to(GroupSettings()).weekday == "saturday"


def test_contact_fields_are_never_kept():
    meetings = parse_feed(json.dumps(FEED).encode(), "feed.json")
    kept = json.dumps([asdict(m) for m in meetings])
    for secret in ("Margaret", "555-0199", "example.org", "Elm Street", "St Mark"):
        assert secret not in kept


def test_apply_fills_group_settings():
    meeting = parse_feed(json.dumps(FEED).encode(), "feed.json")[0]
    settings = meeting.apply_to(GroupSettings(name="Old", program="na", muted=True))
    assert settings.name == "Tuesday Night Step Group"
    assert (settings.weekday, settings.start, settings.length) == ("tuesday", "19:30", 75)
    assert (settings.meeting_type, settings.designations) == ("closed", ("ST", "W"))
    assert settings.program == "na" and settings.muted
    GroupSettings.from_dict(settings.to_dict())  # still valid by the model's rules


def test_meeting_past_midnight_and_describe():
    meeting = parse_feed(b'[{"name": "Late", "day": 5, "time": "23:30", "end_time": "00:30"}]',
                         "f")[0]
    assert meeting.length == 60
    assert meeting.describe() == "Late: Friday 23:30 (60 min)"


@pytest.mark.parametrize("raw, words", [
    (b"", "empty"),
    (b"{not json", "not valid JSON"),
    (b'{"name": "x"}', "list of meetings"),
    (b"[1, 2]", "no meeting"),
    (b"\xff\xfe\x00\x01", "not a text file"),
])
def test_bad_feeds_get_one_clear_error(raw, words):
    with pytest.raises(FacilitatorError) as error:
        parse_feed(raw, "feed.json")
    assert words in str(error.value) and str(error.value).startswith("feed.json")


def test_read_feed_missing_file(tmp_path):
    with pytest.raises(FacilitatorError, match="no such file"):
        read_feed(tmp_path / "nope.json")


@pytest.mark.parametrize("day, weekdays", [
    ("\u00b2", ()),         # superscript two: isdigit() says yes, int() says no
    ("\u0663", ()),         # Arabic-Indic three
    ("9" * 5000, ()),       # more digits than int() converts
    (" 2 ", ("tuesday",)), ("7", ()), (-1, ()), (2.0, ()), (True, ()), (None, ()),
    ({"d": 1}, ()), (["\u00b2", 3, [4]], ("wednesday",)),
])
def test_a_day_that_is_no_day_number_is_left_out(day, weekdays):
    [meeting] = parse_feed(json.dumps([{"name": "X", "day": day}]).encode(), "feed.json")
    assert meeting.weekdays == weekdays


@pytest.mark.parametrize("time, start", [
    ("19:30", "19:30"), ("7:05:00", "07:05"),
    ("1\u0669:3\u0660", ""),  # digits of another script are no clock
    ("24:00", ""), (1930, ""), (["19:30"], ""),
])
def test_only_an_ascii_clock_is_a_start_time(time, start):
    [meeting] = parse_feed(json.dumps([{"name": "X", "time": time}]).encode(), "f")
    assert meeting.start == start


@pytest.mark.parametrize("raw, words", [
    (b"[" * 100_000, "nested too deeply"),
    (b'[{"name": "X", "day": ' + b"1" * 5000 + b"}]", "thousands of digits"),
])
def test_json_beyond_the_decoders_limits_is_one_clear_error(raw, words):
    with pytest.raises(FacilitatorError) as error:
        parse_feed(raw, "feed.json")
    assert words in str(error.value) and str(error.value).startswith("feed.json: ")


# Digits of every kind, and what separates hours from minutes: where day and time break.
digit_text = st.text(st.characters(categories=["Nd", "No"]) | st.sampled_from("0123456789: "),
                     max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | digit_text
    | st.sampled_from(["0", "6", " 3", "\u00b2", "19:30", "7:00", "23:59:59", "C", "O", ""]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.text(max_size=6), children, max_size=3),
    max_leaves=10,
)
entries = st.fixed_dictionaries({"name": st.sampled_from(["Step group", " "]) | json_values},
                                optional={"day": json_values, "time": json_values,
                                          "end_time": json_values, "types": json_values})


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries | json_values, max_size=5))
def test_any_feed_gives_meetings_or_one_clear_error(feed):
    raw = json.dumps(feed).encode()
    try:
        meetings = parse_feed(raw, "feed.json")
    except FacilitatorError as error:
        assert str(error).startswith("feed.json") and "\n" not in str(error)
        return
    for meeting in meetings:
        assert set(meeting.weekdays) <= set(WEEKDAYS)
        assert meeting.start == "" or re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", meeting.start)
        assert meeting.length is None or 10 <= meeting.length <= 300
        assert all(isinstance(code, str) and code for code in meeting.types)
        meeting.describe()
        meeting.apply_to(GroupSettings())


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_any_bytes_give_meetings_or_one_clear_error(raw):
    try:
        parse_feed(raw, "feed.json")
    except FacilitatorError as error:
        assert str(error).startswith("feed.json")
