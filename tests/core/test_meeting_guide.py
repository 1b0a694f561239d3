"""Reading a Meeting Guide feed: the meeting's fields land, contact fields are never read."""

import json
from dataclasses import asdict

import pytest

from facilitator.meeting_guide import parse_feed, read_feed
from facilitator.model import GroupSettings
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
    assert [m.name for m in meetings] == ["Tuesday Night Step Group", "Sunday Serenity"]
    first, second = meetings
    assert first.weekdays == ("tuesday",)
    assert (first.start, first.length) == ("19:30", 75)
    assert first.meeting_type == "closed"
    assert first.designations == ("ST", "W")
    assert second.weekdays == ("sunday", "saturday")
    assert (second.start, second.length, second.meeting_type) == ("09:00", 60, "open")


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
